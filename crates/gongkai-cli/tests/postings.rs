//! `gongkai postings …` as a script drives it: a composed 公示单 from a JSON file put on a
//! village's 村务 zone, the round's pack printed, marked posted and taken down early, what is
//! due, and the 公开栏更新台账 in both formats.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod support;

use gongkai_api::Api;
use gongkai_api::wire::NoArgs;
use serde_json::{Value, json as value};
use support::{gongkai, json, path, said};
use tempfile::TempDir;

fn pdftotext(file: &str) -> String {
    let out = std::process::Command::new("pdftotext")
        .args(["-layout", file, "-"])
        .output()
        .expect("pdftotext (poppler-utils) must be installed");
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn a_composed_sheet_goes_from_a_json_file_to_the_wall_and_the_register() {
    let dir = TempDir::new().unwrap();
    let db = dir.path().join("示范镇.sqlite3");
    let api = Api::new(&db);
    api.setup_demo(NoArgs {}).unwrap();
    let village = api.profile_get(NoArgs {}).unwrap().villages[0].name.clone();
    drop(api);
    let db = path(&db);
    let applied = gongkai(&[
        "boards",
        "apply-template",
        "--db",
        db,
        "--template",
        "sanwu",
    ]);
    assert!(applied.status.success(), "{}", said(&applied));
    let boards = json(&gongkai(&["boards", "list", "--db", db, "--json"]));
    let board = boards
        .as_array()
        .unwrap()
        .iter()
        .find(|b| b["villageName"] == village.as_str())
        .unwrap()["id"]
        .as_str()
        .unwrap()
        .to_owned();

    // Today as the workbench counts it.
    let due = json(&gongkai(&["postings", "due", "--db", db, "--json"]));
    let today = due["today"].as_str().unwrap().to_owned();
    let sheet = dir.path().join("公示单.json");
    std::fs::write(
        &sheet,
        value!({
            "kind": "gongshi",
            "title": format!("{village}关于村道硬化项目的公示"),
            "body": "经村民代表会议讨论通过，现予公示。",
            "table": {"columns": ["项目", "金额（元）"], "rows": [["村道硬化", "120,000.00"]]},
            "periodDays": 5,
            "periodUnit": "working",
            "objectionPhone": "0999-1234567",
            "issuer": format!("{village}村民委员会"),
            "issuedOn": today,
        })
        .to_string(),
    )
    .unwrap();
    let added = gongkai(&[
        "postings",
        "add",
        "--db",
        db,
        "--board",
        &board,
        "--zone",
        "村务公开",
        "--sheet",
        path(&sheet),
        "--round",
        "测试轮次",
        "--json",
    ]);
    assert!(added.status.success(), "{}", said(&added));
    let added: Value = json(&added);
    let id = added["posting"]["id"].as_str().unwrap().to_owned();
    let register_no = added["posting"]["registerNo"].as_str().unwrap().to_owned();
    assert_eq!(added["posting"]["stage"], "draft");
    assert_eq!(added["sheet"]["periodUnit"], "working");

    // The source is one of three, never two.
    let both = gongkai(&[
        "postings",
        "add",
        "--db",
        db,
        "--board",
        &board,
        "--zone",
        "村务公开",
        "--sheet",
        path(&sheet),
        "--record",
        "x",
    ]);
    assert_eq!(both.status.code(), Some(2), "{}", said(&both));

    let out = dir.path().join("张贴包");
    let printed = gongkai(&[
        "postings",
        "print",
        "--db",
        db,
        "--round",
        "测试轮次",
        "--out",
        path(&out),
        "--json",
    ]);
    assert!(printed.status.success(), "{}", said(&printed));
    let pack = json(&printed)[0]["path"].as_str().unwrap().to_owned();
    let text = pdftotext(&pack);
    for expected in [
        village.as_str(),
        "张贴回执",
        "村道硬化项目的公示",
        register_no.as_str(),
    ] {
        assert!(text.contains(expected), "{expected} missing:\n{text}");
    }

    let posted = gongkai(&[
        "postings",
        "mark-posted",
        "--db",
        db,
        "--id",
        &id,
        "--on",
        &today,
        "--by",
        "张三",
        "--json",
    ]);
    assert!(posted.status.success(), "{}", said(&posted));
    assert_eq!(json(&posted)["posting"]["stage"], "posted");
    let again = gongkai(&[
        "postings",
        "mark-posted",
        "--db",
        db,
        "--id",
        &id,
        "--on",
        &today,
        "--by",
        "张三",
    ]);
    assert_eq!(again.status.code(), Some(1), "{}", said(&again));
    assert!(
        said(&again).contains("不能改为“已张贴”"),
        "{}",
        said(&again)
    );

    let down = gongkai(&[
        "postings",
        "take-down",
        "--db",
        db,
        "--id",
        &id,
        "--on",
        &today,
        "--json",
    ]);
    assert!(down.status.success(), "{}", said(&down));
    let down = json(&down);
    assert_eq!(down["posting"]["mustRepost"], true);
    assert!(
        down["posting"]["earlyTakeDown"]
            .as_str()
            .unwrap()
            .contains("须重新张贴")
    );
    let due = json(&gongkai(&["postings", "due", "--db", db, "--json"]));
    assert!(
        due["reposts"]
            .as_array()
            .unwrap()
            .iter()
            .any(|p| p["id"] == id.as_str())
    );
    let todo = json(&gongkai(&["postings", "todo", "--db", db, "--json"]));
    assert!(
        todo["rows"]
            .as_array()
            .unwrap()
            .iter()
            .any(|r| r["kind"] == "repost")
    );

    let xlsx = dir.path().join("台账.xlsx");
    let exported = gongkai(&[
        "postings",
        "register",
        "--db",
        db,
        "--format",
        "xlsx",
        "--out",
        path(&xlsx),
    ]);
    assert!(exported.status.success(), "{}", said(&exported));
    assert_eq!(&std::fs::read(&xlsx).unwrap()[..2], b"PK");
    let pdf = dir.path().join("台账.pdf");
    let exported = gongkai(&[
        "postings",
        "register",
        "--db",
        db,
        "--format",
        "pdf",
        "--out",
        path(&pdf),
    ]);
    assert!(exported.status.success(), "{}", said(&exported));
    let text = pdftotext(path(&pdf));
    assert!(
        text.contains("公开栏更新台账") && text.contains(&village),
        "{text}"
    );
    let refused = gongkai(&[
        "postings",
        "register",
        "--db",
        db,
        "--format",
        "doc",
        "--out",
        path(&pdf),
    ]);
    assert_eq!(refused.status.code(), Some(1));
    assert!(said(&refused).contains("xlsx 或 pdf"), "{}", said(&refused));
}
