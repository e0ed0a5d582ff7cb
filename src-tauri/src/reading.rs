//! The public reading point (`gongkai-app --reading-point`): one full-screen window, labelled
//! [`WINDOW`], showing `reading.html`; the database opened read only ([`Api::read_only`]); and
//! only the reading point's commands registered — `gongkai_api::with_reading_commands!` and
//! [`reading_leave`] — so a workstation command named from that window is not even found, and
//! `capabilities/reading.json` grants the window those alone. No dialog or opener plugin, no
//! background sync, no gate: none of these commands names a file.

use std::sync::Arc;

use gongkai_api::wire::{ReadingLeave, ReadingLeaveArgs};
use gongkai_api::{Api, ApiError};
use tauri::{AppHandle, State, WebviewUrl, WebviewWindowBuilder};

/// The reading window's label, which `capabilities/reading.json` names.
pub const WINDOW: &str = "reading";

macro_rules! reading_commands {
    ($($name:ident($args:ty) -> $output:ty;)*) => {
        $(
            #[tauri::command]
            async fn $name(api: State<'_, Arc<Api>>, args: $args) -> Result<$output, ApiError> {
                let api = Arc::clone(&api);
                tauri::async_runtime::spawn_blocking(move || api.$name(args))
                    .await
                    .map_err(ApiError::internal)?
            }
        )*

        pub fn handler() -> impl Fn(tauri::ipc::Invoke) -> bool + Send + Sync + 'static {
            tauri::generate_handler![$($name,)* reading_leave]
        }
    };
}

gongkai_api::with_reading_commands!(reading_commands);

/// Closes the app when the clerk's PIN is right; otherwise says why not (wrong, too many
/// wrong ones, or no PIN set at the workstation).
#[tauri::command]
async fn reading_leave(
    app: AppHandle,
    api: State<'_, Arc<Api>>,
    args: ReadingLeaveArgs,
) -> Result<ReadingLeave, ApiError> {
    let api = Arc::clone(&api);
    let answer = tauri::async_runtime::spawn_blocking(move || api.reading_leave(args))
        .await
        .map_err(ApiError::internal)??;
    if answer.allowed {
        app.exit(0);
    }
    Ok(answer)
}

/// The full-screen window of the reading point.
pub fn open_window(app: &tauri::App) -> tauri::Result<()> {
    let window = WebviewWindowBuilder::new(app, WINDOW, WebviewUrl::App("reading.html".into()))
        .title("政务公开查阅点")
        .fullscreen(true)
        .build()?;
    #[cfg(target_os = "linux")]
    crate::webkit::tune(&window)?;
    #[cfg(not(target_os = "linux"))]
    let _ = window;
    Ok(())
}
