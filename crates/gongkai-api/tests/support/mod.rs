//! What the API's test files share: the demo township and made-up people.

#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)] // each test binary uses part of this; test code

use std::path::Path;

use gongkai_api::Api;
use gongkai_api::wire::NoArgs;
use tempfile::TempDir;

/// The demo township (示范镇, region 999901) in a fresh database in `dir`.
pub fn demo(dir: &TempDir) -> Api {
    let api = Api::new(dir.path().join("demo.sqlite3"));
    api.setup_demo(NoArgs {}).unwrap();
    api
}

/// A valid ID number of the demo township's region (GB 11643 check character computed),
/// different for each `n` below 1,120: made, not copied.
pub fn id(n: u32) -> String {
    let body = format!(
        "999901{}{:03}",
        19600101 + (n % 28) + 10000 * (n / 28 % 40),
        n % 1000
    );
    format!("{body}{}", gongkai_domain::check_character(&body).unwrap())
}

/// A plausible name, different for each `n` below 294 (names hold no digits).
pub fn name(n: u32) -> String {
    let family = ['张', '王', '李', '赵', '刘', '陈'];
    let given = ['伟', '芳', '娜', '敏', '静', '强', '磊'];
    let n = n as usize;
    format!("{}{}{}", family[n % 6], given[n % 7], given[(n / 7) % 7])
}

/// The text of a PDF as `pdftotext -layout` (poppler-utils, installed by `./dev.sh test`) reads
/// it: lines as laid out on the page.
pub fn pdf_text(path: &Path) -> String {
    let out = std::process::Command::new("pdftotext")
        .arg("-layout")
        .arg(path)
        .arg("-")
        .output()
        .expect("pdftotext (poppler-utils) must be installed to read printed PDFs");
    assert!(out.status.success());
    String::from_utf8(out.stdout).unwrap()
}
