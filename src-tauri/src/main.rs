//! The desktop app: a window, the database path, and one thin IPC handler per core command.
//! Nothing else belongs here; see ARCHITECTURE.md. Started with `--reading-point`, it is the
//! public reading point instead (`reading`): another window, a read-only database and the
//! reading commands alone.

// No console window behind the app on Windows release builds.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

mod commands;
mod db_path;
mod dialogs;
mod fonts;
mod reading;
#[cfg(target_os = "linux")]
mod webkit;

use std::sync::Arc;
use std::time::Duration;

use gongkai_api::Api;
use gongkai_api::scheduler::{SyncScheduler, Timing, Trigger, portal_reachable};
use gongkai_api::wire::{NoArgs, SYNC_EVENT, SyncArgs};
use gongkai_gate::{AppFolders, Gate};
use tauri::{AppHandle, Context, Emitter, Manager, WebviewWindowBuilder, Wry};

/// Sync runs by itself once a portal is configured: at start, on a timer, when the network
/// comes back and after each write that queued something for the county (see
/// `gongkai_api::scheduler`). The window hears of every run and asks for the status.
fn background_sync(api: Arc<Api>, window: AppHandle) -> SyncScheduler {
    let prober = api.clone();
    SyncScheduler::start(
        Timing::default(),
        move |trigger| {
            let configured = api
                .sync_status(NoArgs {})
                .is_ok_and(|s| s.public_key.is_some() && s.portal_url.is_some());
            if !configured {
                return true;
            }
            let args = SyncArgs {
                portal: None,
                trigger: Some(trigger.into()),
            };
            let ok = api.sync_now(args).is_ok();
            // A window that is gone has nobody to tell.
            let _ = window.emit(SYNC_EVENT, ());
            ok
        },
        move || {
            prober
                .sync_status(NoArgs {})
                .ok()
                .and_then(|s| s.portal_url)
                .is_some_and(|url| portal_reachable(&url, Duration::from_secs(3)))
        },
    )
}

/// The clerk's workstation: the main window with every core command and the shell's dialogs.
fn workstation(context: Context<Wry>) -> tauri::Result<()> {
    tauri::Builder::default()
        // The system's own open/save dialogs, for choosing files to import and export, and the
        // system's PDF viewer for printed notices: both used by the shell only (`dialogs`).
        .plugin(tauri_plugin_dialog::init())
        .plugin(tauri_plugin_opener::init())
        .setup(|app| {
            let path = db_path::resolve(app.handle())?;
            let folders = AppFolders::beside(&path);
            // The folders the clerk is told to use; were they not made, the gate still holds.
            let _ = folders.create();
            app.manage(Arc::new(Gate::new(folders)));
            let api = Api::new(path);
            let handle = app.handle().clone();
            api.on_progress(move |event| {
                // A window that is gone has nobody to show progress to.
                let _ = handle.emit(gongkai_api::wire::PROGRESS_EVENT, event);
            });
            let api = Arc::new(api);
            let scheduler = background_sync(api.clone(), app.handle().clone());
            let trigger = scheduler.trigger_handle();
            api.on_outbox_write(move || trigger(Trigger::Write));
            app.manage(scheduler);
            app.manage(api);
            // Made here rather than at start (`"create": false`), so the reading point never
            // has a main window.
            let config = app
                .config()
                .app
                .windows
                .iter()
                .find(|w| w.label == "main")
                .cloned()
                .ok_or_else(|| tauri::Error::WindowNotFound)?;
            let window = WebviewWindowBuilder::from_config(app.handle(), &config)?.build()?;
            #[cfg(target_os = "linux")]
            webkit::tune(&window)?;
            #[cfg(not(target_os = "linux"))]
            let _ = window;
            Ok(())
        })
        .invoke_handler(commands::handler())
        // The bundled print faces for the window too: names like 刘䶮 or 王𠀀 must not show as
        // boxes where the UI's webfont lacks them (ui/src/fonts.ts).
        .register_uri_scheme_protocol("gkfont", |_ctx, request| fonts::serve(request.uri().path()))
        .run(context)
}

/// The public reading point: the reading window, the database read only, the reading commands.
fn reading_point(context: Context<Wry>) -> tauri::Result<()> {
    tauri::Builder::default()
        .setup(|app| {
            let path = db_path::resolve(app.handle())?;
            app.manage(Arc::new(Api::read_only(path)));
            reading::open_window(app)?;
            Ok(())
        })
        .invoke_handler(reading::handler())
        .register_uri_scheme_protocol("gkfont", |_ctx, request| fonts::serve(request.uri().path()))
        .run(context)
}

fn main() {
    let context = tauri::generate_context!();
    let app = if std::env::args().skip(1).any(|a| a == "--reading-point") {
        reading_point(context)
    } else {
        workstation(context)
    };
    if let Err(e) = app {
        // No window could be shown; stderr is all that is left to say why.
        #[allow(clippy::print_stderr)]
        {
            eprintln!("乡镇政务公开工作台无法启动：{e}");
        }
        std::process::exit(1);
    }
}
