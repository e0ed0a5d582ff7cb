//! One `#[tauri::command]` per entry of `gongkai_api::with_commands!`, each a thin call into
//! [`Api`] on a blocking thread so the window never waits on SQLite.

use std::sync::Arc;

use gongkai_api::{Api, ApiError};
use tauri::State;

macro_rules! tauri_commands {
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
            tauri::generate_handler![$($name),*]
        }
    };
}

gongkai_api::with_commands!(tauri_commands);
