//! The desktop app: a window, the database path, and one thin IPC handler per core command.
//! Nothing else belongs here; see ARCHITECTURE.md.

// No console window behind the app on Windows release builds.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

mod commands;
mod db_path;

use std::sync::Arc;

use gongkai_api::Api;
use tauri::{Emitter, Manager};

fn main() {
    let app = tauri::Builder::default()
        // The system's own open/save dialogs, for choosing files to import and export.
        .plugin(tauri_plugin_dialog::init())
        // Printed notices open in the system's PDF viewer, which also prints them.
        .plugin(tauri_plugin_opener::init())
        .setup(|app| {
            let path = db_path::resolve(app.handle())?;
            let api = Api::new(path);
            let handle = app.handle().clone();
            api.on_progress(move |event| {
                // A window that is gone has nobody to show progress to.
                let _ = handle.emit(gongkai_api::wire::PROGRESS_EVENT, event);
            });
            app.manage(Arc::new(api));
            Ok(())
        })
        .invoke_handler(commands::handler())
        .run(tauri::generate_context!());
    if let Err(e) = app {
        // No window could be shown; stderr is all that is left to say why.
        #[allow(clippy::print_stderr)]
        {
            eprintln!("乡镇政务公开工作台无法启动：{e}");
        }
        std::process::exit(1);
    }
}
