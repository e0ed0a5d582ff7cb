//! The window's WebKitGTK (Linux), set for what this app is: one local page of forms and tables
//! on a clerk's office PC, often without a GPU WebKit can use.

use tauri::{Runtime, WebviewWindow};
use webkit2gtk::{HardwareAccelerationPolicy, SettingsExt, WebViewExt};

/// Draws the page without accelerated compositing. WebKitGTK composites through OpenGL by
/// default; without a GPU that is Mesa's llvmpipe, whose tile textures and contexts held
/// 68–75 MB of the web process on the demo home screen (idle PSS 360 → 292 MB, release build
/// under Xvfb, `tests/e2e/bench-desktop.sh`), and the home screen was ready sooner (2.3 s
/// against 3.9 s). Nothing here animates or scrolls hard enough to need the GPU.
///
/// Not when WebDriver drives the window (the end-to-end tests): WebKitGTK 2.50 never answers
/// a WebDriver screenshot of a page drawn without compositing, so there it keeps the default.
pub fn tune<R: Runtime>(window: &WebviewWindow<R>) -> tauri::Result<()> {
    window.with_webview(|webview| {
        let view = webview.inner();
        if view.is_controlled_by_automation() {
            return;
        }
        if let Some(settings) = WebViewExt::settings(&view) {
            settings.set_hardware_acceleration_policy(HardwareAccelerationPolicy::Never);
        }
    })
}
