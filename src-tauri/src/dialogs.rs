//! The system's file dialogs and PDF viewer, opened by the shell for the window.
//!
//! The window cannot open a dialog itself (the dialog plugin grants it nothing): it asks here,
//! the shell shows the dialog and tells the [`Gate`] what the clerk picked, and the commands
//! the window then calls may use exactly that (see `gongkai-gate`). Opening a PDF goes through
//! the gate too, so the viewer is only ever handed a file the app could have written.

use std::path::PathBuf;
use std::sync::Arc;

use gongkai_api::ApiError;
use gongkai_gate::{Gate, GateError};
use serde::Deserialize;
use tauri::{State, Window};
use tauri_plugin_dialog::{DialogExt, FileDialogBuilder};
use tauri_plugin_opener::OpenerExt;

#[derive(Debug, Deserialize)]
pub struct FileFilter {
    name: String,
    extensions: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PickArgs {
    title: String,
    #[serde(default)]
    filters: Vec<FileFilter>,
    /// For a save dialog: the name it proposes.
    #[serde(default)]
    file_name: Option<String>,
}

pub fn refused(e: GateError) -> ApiError {
    ApiError {
        code: "path_refused".to_owned(),
        message: e.to_string(),
    }
}

fn builder(window: &Window, args: &PickArgs) -> FileDialogBuilder<tauri::Wry> {
    let mut dialog = window.dialog().file().set_title(&args.title);
    // As the dialog plugin's own command does: a parent only where the system dialogs take one.
    #[cfg(any(windows, target_os = "macos"))]
    {
        dialog = dialog.set_parent(window);
    }
    for filter in &args.filters {
        let extensions: Vec<&str> = filter.extensions.iter().map(String::as_str).collect();
        dialog = dialog.add_filter(&filter.name, &extensions);
    }
    if let Some(name) = &args.file_name {
        dialog = dialog.set_file_name(name);
    }
    dialog
}

/// Which dialog, and what the gate learns from what the clerk picks in it.
#[derive(Debug, Clone, Copy)]
enum Dialog {
    OpenFile,
    SaveFile,
    Folder,
}

async fn pick(
    window: Window,
    gate: Arc<Gate>,
    args: PickArgs,
    kind: Dialog,
) -> Result<Option<String>, ApiError> {
    let dialog = builder(&window, &args);
    // The dialog blocks until the clerk answers: not on the window's own thread.
    let picked = tauri::async_runtime::spawn_blocking(move || match kind {
        Dialog::OpenFile => dialog.blocking_pick_file(),
        Dialog::SaveFile => dialog.blocking_save_file(),
        Dialog::Folder => dialog.blocking_pick_folder(),
    })
    .await
    .map_err(ApiError::internal)?;
    let Some(path) = picked.and_then(|p| p.into_path().ok()) else {
        return Ok(None);
    };
    match kind {
        Dialog::OpenFile => gate.picked_file(&path),
        Dialog::SaveFile => gate.picked_save_target(&path),
        Dialog::Folder => gate.picked_folder(&path),
    }
    Ok(Some(path.display().to_string()))
}

#[tauri::command]
pub async fn pick_file(
    window: Window,
    gate: State<'_, Arc<Gate>>,
    args: PickArgs,
) -> Result<Option<String>, ApiError> {
    pick(window, Arc::clone(&gate), args, Dialog::OpenFile).await
}

#[tauri::command]
pub async fn pick_save_target(
    window: Window,
    gate: State<'_, Arc<Gate>>,
    args: PickArgs,
) -> Result<Option<String>, ApiError> {
    pick(window, Arc::clone(&gate), args, Dialog::SaveFile).await
}

#[tauri::command]
pub async fn pick_folder(
    window: Window,
    gate: State<'_, Arc<Gate>>,
    args: PickArgs,
) -> Result<Option<String>, ApiError> {
    pick(window, Arc::clone(&gate), args, Dialog::Folder).await
}

/// Opens a printed notice in the system's PDF viewer, which also prints it.
#[tauri::command]
pub fn open_pdf(window: Window, gate: State<'_, Arc<Gate>>, path: String) -> Result<(), ApiError> {
    let file: PathBuf = gate.check_openable(&path).map_err(refused)?;
    window
        .opener()
        .open_path(file.display().to_string(), None::<&str>)
        .map_err(|e| ApiError {
            code: "open".to_owned(),
            message: format!("无法打开“{path}”：{e}"),
        })
}
