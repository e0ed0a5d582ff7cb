//! `gkfont://localhost/<file>`: the print engine's bundled faces, served to the window from the
//! binary (no second copy in the installer).

use std::borrow::Cow;

use tauri::http::{Response, StatusCode, header};

pub fn serve(path: &str) -> Response<Cow<'static, [u8]>> {
    let name = path.trim_start_matches('/');
    let response = Response::builder();
    let built = match gongkai_print::bundled_font(name) {
        Some(bytes) => {
            let kind = if name.ends_with(".ttf") {
                "font/ttf"
            } else {
                "font/otf"
            };
            response
                .header(header::CONTENT_TYPE, kind)
                // The page's origin is not this scheme's: fonts load only with CORS allowed.
                .header(header::ACCESS_CONTROL_ALLOW_ORIGIN, "*")
                .body(Cow::Borrowed(bytes))
        }
        None => response
            .status(StatusCode::NOT_FOUND)
            .body(Cow::Borrowed(&[][..])),
    };
    built.unwrap_or_default()
}
