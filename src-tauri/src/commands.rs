//! One `#[tauri::command]` per entry of `gongkai_api::with_commands!`, each a thin call into
//! [`Api`] on a blocking thread so the window never waits on SQLite. Every path in the
//! arguments must first pass the [`Gate`]: the window names only files the clerk picked in a
//! dialog or the app's own folders.

use std::sync::Arc;

use gongkai_api::{Api, ApiError};
use gongkai_gate::{Gate, WebviewPaths};
use tauri::State;

use crate::dialogs::refused;

macro_rules! tauri_commands {
    ($($name:ident($args:ty) -> $output:ty;)*) => {
        $(
            #[tauri::command]
            async fn $name(
                api: State<'_, Arc<Api>>,
                gate: State<'_, Arc<Gate>>,
                args: $args,
            ) -> Result<$output, ApiError> {
                gate.check(&args.paths()).map_err(refused)?;
                let api = Arc::clone(&api);
                tauri::async_runtime::spawn_blocking(move || api.$name(args))
                    .await
                    .map_err(ApiError::internal)?
            }
        )*

        pub fn handler() -> impl Fn(tauri::ipc::Invoke) -> bool + Send + Sync + 'static {
            tauri::generate_handler![
                $($name,)*
                crate::dialogs::pick_file,
                crate::dialogs::pick_save_target,
                crate::dialogs::pick_folder,
                crate::dialogs::open_pdf,
            ]
        }
    };
}

gongkai_api::with_commands!(tauri_commands);
