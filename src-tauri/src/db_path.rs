//! Which database file the app opens: `--db PATH` on the command line, else the `GONGKAI_DB`
//! environment variable (used by the end-to-end tests and the demo launcher), else
//! `gongkai.sqlite3` in the per-user application data folder.

use std::path::PathBuf;

use tauri::{AppHandle, Manager};

pub fn resolve(app: &AppHandle) -> tauri::Result<PathBuf> {
    if let Some(path) = from_args(std::env::args()) {
        return Ok(path);
    }
    if let Some(path) = std::env::var_os("GONGKAI_DB").filter(|p| !p.is_empty()) {
        return Ok(PathBuf::from(path));
    }
    Ok(app.path().app_data_dir()?.join("gongkai.sqlite3"))
}

fn from_args(args: impl Iterator<Item = String>) -> Option<PathBuf> {
    let mut args = args.skip(1);
    while let Some(arg) = args.next() {
        if arg == "--db" {
            return args.next().map(PathBuf::from);
        }
        if let Some(path) = arg.strip_prefix("--db=") {
            return Some(PathBuf::from(path));
        }
    }
    None
}
