//! `gongkai catalog import 目录.xlsx --db … [--dry-run] --json` as a script runs it: the preview
//! as JSON with nothing written, then the table accepted as the county version, and a refused
//! table exiting with its Chinese reasons.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod support;

use gongkai_api::Api;
use gongkai_api::wire::NoArgs;
use rust_xlsxwriter::Workbook;
use support::{gongkai, json, path, said};
use tempfile::TempDir;

/// A county table: a title, a one-row header, one new 社会救助 item and one with an unknown
/// domain when `bad`.
fn table(bad: bool) -> Vec<u8> {
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet.write(0, 0, "示范县乡镇政务公开事项标准目录").unwrap();
    for (c, h) in [
        "序号",
        "领域",
        "一级事项",
        "二级事项",
        "公开时限",
        "公开层级",
    ]
    .iter()
    .enumerate()
    {
        sheet.write(1, c as u16, *h).unwrap();
    }
    let domain = if bad { "社会求助" } else { "社会救助" };
    for (c, v) in [
        "1",
        domain,
        "临时救助",
        "临时救助对象公示",
        "5个工作日内",
        "乡级",
    ]
    .iter()
    .enumerate()
    {
        sheet.write(2, c as u16, *v).unwrap();
    }
    book.save_to_buffer().unwrap()
}

#[test]
fn a_county_table_is_previewed_then_imported() {
    let dir = TempDir::new().unwrap();
    let db = dir.path().join("镇.sqlite3");
    Api::new(&db).setup_demo(NoArgs {}).unwrap();
    let file = dir.path().join("目录.xlsx");
    std::fs::write(&file, table(false)).unwrap();
    let key = "社会救助/临时救助/临时救助对象公示";

    let preview = gongkai(&[
        "catalog",
        "import",
        path(&file),
        "--db",
        path(&db),
        "--dry-run",
        "--json",
    ]);
    assert!(preview.status.success(), "{}", said(&preview));
    let p = json(&preview);
    assert_eq!(p["items"], 1);
    assert_eq!(p["added"], 1);
    let domain = &p["domains"][0];
    assert_eq!(domain["domain"], "社会救助");
    assert_eq!(domain["added"][0]["item"]["key"], key);
    assert_eq!(domain["added"][0]["row"], 3);
    // Every baseline item of 社会救助 is missing from this one-row table.
    assert!(p["missing"].as_u64().unwrap() >= 10, "{p}");
    assert_eq!(p["unplaced"][0]["row"], 1);
    assert_eq!(p["unplaced"][0]["column"], "A");
    let search = gongkai(&[
        "catalog",
        "search",
        "临时救助对象公示",
        "--db",
        path(&db),
        "--json",
    ]);
    assert_eq!(
        json(&search).as_array().unwrap().len(),
        0,
        "a dry run writes nothing"
    );

    let done = gongkai(&[
        "catalog",
        "import",
        path(&file),
        "--db",
        path(&db),
        "--version-label",
        "2025年版",
        "--json",
    ]);
    assert!(done.status.success(), "{}", said(&done));
    let r = json(&done);
    assert_eq!(r["versionLabel"], "2025年版");
    assert_eq!(r["upserted"], 1);
    assert_eq!(r["withdrawn"], p["missing"]);
    let found = json(&gongkai(&[
        "catalog",
        "search",
        "临时救助对象公示",
        "--db",
        path(&db),
        "--json",
    ]));
    assert_eq!(found[0]["key"], key);
    assert_eq!(found[0]["state"], "county");
    assert_eq!(found[0]["level"][0], "乡级");
}

#[test]
fn a_refused_table_exits_with_its_reasons_and_writes_nothing() {
    let dir = TempDir::new().unwrap();
    let db = dir.path().join("镇.sqlite3");
    Api::new(&db).setup_demo(NoArgs {}).unwrap();
    let file = dir.path().join("目录.xlsx");
    std::fs::write(&file, table(true)).unwrap();
    let before = gongkai(&["catalog", "items", "--db", path(&db), "--json"]);
    let refused = gongkai(&["catalog", "import", path(&file), "--db", path(&db)]);
    assert!(!refused.status.success());
    let said = said(&refused);
    assert!(
        said.contains("第 3 行 B 列：领域“社会求助”不认识，是否为“社会救助”"),
        "{said}"
    );
    let after = gongkai(&["catalog", "items", "--db", path(&db), "--json"]);
    assert_eq!(json(&before), json(&after));
}
