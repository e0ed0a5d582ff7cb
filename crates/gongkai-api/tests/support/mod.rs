//! What the API's test files share: the demo township and made-up people.

#![allow(dead_code, clippy::unwrap_used, clippy::expect_used, clippy::panic)] // each test binary uses part of this; test code

pub mod county;
pub mod requests;

use std::path::Path;

use gongkai_api::Api;
use gongkai_api::wire::{NoArgs, PayoutImportArgs};
use rust_xlsxwriter::Workbook;
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

pub const MIXED_LIST_PEOPLE: [(&str, u32, &str); 4] = [
    ("耕地地力保护补贴", 1, "100.00"),
    ("农机购置补贴", 2, "2000.00"),
    ("耕地地力保护补贴", 3, "50.00"),
    ("生态公益林补偿", 4, "30.00"),
];

/// Four people of 东山村 under three projects, imported; the list's id.
pub fn mixed_list(api: &Api, dir: &Path) -> String {
    let path = dir.join("2026年示范镇惠农补贴发放清册.xlsx");
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    for (col, h) in ["村名", "姓名", "身份证号", "补贴项目", "金额"]
        .iter()
        .enumerate()
    {
        sheet.write(0, col as u16, *h).unwrap();
    }
    for (i, (project, n, amount)) in MIXED_LIST_PEOPLE.iter().enumerate() {
        let row = i as u32 + 1;
        sheet.write(row, 0, "东山村").unwrap();
        sheet.write(row, 1, name(*n)).unwrap();
        sheet.write(row, 2, id(*n)).unwrap();
        sheet.write(row, 3, *project).unwrap();
        sheet.write(row, 4, *amount).unwrap();
    }
    book.save(&path).unwrap();
    let report = api
        .payouts_import(PayoutImportArgs {
            path: path.display().to_string(),
            ..Default::default()
        })
        .unwrap();
    assert!(report.errors.is_empty(), "{:?}", report.errors);
    report.list_id.unwrap()
}
