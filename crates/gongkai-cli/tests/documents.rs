//! `gongkai documents add|list|show|repeal|search|review --json` as a script runs them, on a
//! real database file: the 文号 put right and said, a repeal without its date refused with
//! nothing written, search in any brackets, and the 清理 list with a decision.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod support;

use gongkai_api::Api;
use gongkai_api::wire::NoArgs;
use support::{gongkai, json, path, said};
use tempfile::TempDir;

#[test]
fn documents_are_added_repealed_searched_and_reviewed_from_the_command_line() {
    let dir = TempDir::new().unwrap();
    let db = dir.path().join("镇.sqlite3");
    Api::new(&db).setup_demo(NoArgs {}).unwrap();
    let text = dir.path().join("全文.txt");
    std::fs::write(&text, "第一条 为规范农村集体三资管理，制定本办法。").unwrap();
    let db = path(&db).to_owned();
    let add = |number: &str, title: &str, issued: &str| {
        gongkai(&[
            "documents",
            "add",
            "--db",
            &db,
            "--json",
            "--number",
            number,
            "--title",
            title,
            "--issuer",
            "示范镇人民政府",
            "--issued",
            issued,
            "--text",
            path(&text),
        ])
    };

    let added = add(
        "示政发[2019]05号",
        "示范镇农村集体三资管理办法",
        "2019-04-10",
    );
    assert!(added.status.success(), "{}", said(&added));
    let added = json(&added);
    assert_eq!(
        added["document"]["summary"]["docNumber"],
        "示政发〔2019〕5号"
    );
    assert_eq!(added["notes"].as_array().map(Vec::len), Some(2));
    let old = added["document"]["summary"]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    assert!(
        add(
            "示政发〔2025〕9号",
            "示范镇农村集体三资管理实施细则",
            "2025-12-15"
        )
        .status
        .success()
    );

    let unreadable = add("示政发2025年10号", "丙", "2025-12-20");
    assert_eq!(unreadable.status.code(), Some(1), "{}", said(&unreadable));
    assert!(
        said(&unreadable).contains("无法识别"),
        "{}",
        said(&unreadable)
    );

    // A repeal without its date: refused in Chinese, nothing written.
    let refused = gongkai(&[
        "documents",
        "repeal",
        "--db",
        &db,
        "--id",
        &old,
        "--by",
        "示政发【2025】9号",
    ]);
    assert_eq!(refused.status.code(), Some(1), "{}", said(&refused));
    assert!(
        said(&refused).contains("须填写废止日期"),
        "{}",
        said(&refused)
    );
    let shown = json(&gongkai(&[
        "documents",
        "show",
        "--db",
        &db,
        "--id",
        &old,
        "--json",
    ]));
    assert_eq!(shown["summary"]["validity"], "in_force");

    let repealed = gongkai(&[
        "documents",
        "repeal",
        "--db",
        &db,
        "--id",
        &old,
        "--on",
        "2025-12-15",
        "--by",
        "示政发【2025】9号",
        "--json",
    ]);
    assert!(repealed.status.success(), "{}", said(&repealed));
    assert_eq!(
        json(&repealed)["summary"]["changedBy"]["name"],
        "示政发〔2025〕9号"
    );

    let listed = json(&gongkai(&[
        "documents",
        "list",
        "--db",
        &db,
        "--validity",
        "repealed",
        "--json",
    ]));
    assert_eq!(listed.as_array().map(Vec::len), Some(1));
    let found = json(&gongkai(&[
        "documents",
        "search",
        "--db",
        &db,
        "示政发(2019)5号",
        "--json",
    ]));
    assert_eq!(found[0]["id"], old.as_str());

    let review = json(&gongkai(&[
        "documents",
        "review",
        "--db",
        &db,
        "--year",
        "2026",
        "--json",
    ]));
    assert_eq!(review["ageYears"], 5);
    assert_eq!(
        review["rows"].as_array().map(Vec::len),
        Some(0),
        "the old one is repealed"
    );
    let text_out = gongkai(&["documents", "list", "--db", &db]);
    let text_out = String::from_utf8_lossy(&text_out.stdout).into_owned();
    assert!(
        text_out.contains("示政发〔2019〕5号") && text_out.contains("已废止（2025-12-15）"),
        "{text_out}"
    );
}

#[test]
fn a_review_decision_is_recorded_from_the_command_line() {
    let dir = TempDir::new().unwrap();
    let db = dir.path().join("镇.sqlite3");
    Api::new(&db).setup_demo(NoArgs {}).unwrap();
    let db = path(&db).to_owned();
    let added = json(&gongkai(&[
        "documents",
        "add",
        "--db",
        &db,
        "--json",
        "--number",
        "示政发〔2020〕3号",
        "--title",
        "示范镇殡葬管理办法",
        "--issuer",
        "示范镇人民政府",
        "--issued",
        "2020-06-01",
    ]));
    let id = added["document"]["summary"]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let due = json(&gongkai(&[
        "documents",
        "review",
        "--db",
        &db,
        "--year",
        "2026",
        "--json",
    ]));
    assert_eq!(due["undecided"], 1);
    assert_eq!(due["rows"][0]["reasons"][0], "自 2020-06-01 施行已满 5 年");
    let decided = gongkai(&[
        "documents",
        "review",
        "--db",
        &db,
        "--year",
        "2026",
        "--decide",
        &id,
        "--decision",
        "keep",
        "--decided-by",
        "镇政府常务会议",
        "--on",
        "2026-11-20",
        "--json",
    ]);
    assert!(decided.status.success(), "{}", said(&decided));
    let decided = json(&decided);
    assert_eq!(decided["undecided"], 0);
    assert_eq!(decided["rows"][0]["decision"]["decision"], "keep");
    let bad = gongkai(&[
        "documents",
        "review",
        "--db",
        &db,
        "--decide",
        &id,
        "--decision",
        "burn",
        "--decided-by",
        "x",
    ]);
    assert_eq!(bad.status.code(), Some(2), "{}", said(&bad));
    assert!(said(&bad).contains("清理决定应为"), "{}", said(&bad));
}
