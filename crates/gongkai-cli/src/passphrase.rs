//! The backup passphrase as a script gives it: from a file or an environment variable, never
//! an argument (anyone on the PC can read a process's arguments).

use std::path::Path;

use gongkai_api::ApiError;

/// The passphrase to set, or to restore with.
pub(crate) const NEW_ENV: &str = "GONGKAI_BACKUP_PASSPHRASE";
/// The passphrase in force, when changing it.
pub(crate) const CURRENT_ENV: &str = "GONGKAI_BACKUP_PASSPHRASE_CURRENT";

/// The first line of `file` when given, else the variable `env`; `None` when neither is.
pub(crate) fn read(file: Option<&Path>, env: &str) -> Result<Option<String>, ApiError> {
    let Some(file) = file else {
        return Ok(std::env::var(env).ok().filter(|value| !value.is_empty()));
    };
    let text = std::fs::read_to_string(file).map_err(|e| ApiError {
        code: "invalid_input".into(),
        message: format!("无法读取备份口令文件“{}”：{e}", file.display()),
    })?;
    Ok(Some(text.lines().next().unwrap_or_default().to_owned()))
}
