//! `gongkai boards …` round trip: templates listed, the 三务 template applied to every village,
//! a hand-drawn board added, a board's layout shown and its 示意图 printed, and bad names
//! refused in Chinese.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use gongkai_api::Api;
use gongkai_api::wire::NoArgs;
use support::{gongkai, json, path, said};
use tempfile::TempDir;

mod support;

#[test]
fn templates_apply_list_add_and_layout_round_trip() {
    let dir = TempDir::new().unwrap();
    let db = dir.path().join("示范镇.sqlite3");
    let villages = Api::new(&db).setup_demo(NoArgs {}).unwrap().villages;
    let db = path(&db);

    let out = gongkai(&["boards", "templates", "--db", db, "--json"]);
    assert!(out.status.success(), "{}", said(&out));
    let templates = json(&out);
    let ids: Vec<&str> = templates
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["id"].as_str().unwrap())
        .collect();
    assert!(
        ids.contains(&"sanwu") && ids.contains(&"township"),
        "{ids:?}"
    );

    let out = gongkai(&[
        "boards",
        "apply-template",
        "--db",
        db,
        "--template",
        "三务公开栏",
        "--json",
    ]);
    assert!(out.status.success(), "{}", said(&out));
    let applied = json(&out);
    assert_eq!(
        applied["created"].as_array().unwrap().len(),
        villages.len(),
        "{applied}"
    );

    let out = gongkai(&[
        "boards",
        "add",
        "--db",
        db,
        "--name",
        "三组公开栏",
        "--village",
        "东山村",
        "--location",
        "三组晒场边",
        "--width",
        "1200",
        "--height",
        "900",
        "--json",
    ]);
    assert!(out.status.success(), "{}", said(&out));
    assert_eq!(json(&out)["villageName"], "东山村");

    let out = gongkai(&["boards", "list", "--db", db, "--json"]);
    assert!(out.status.success(), "{}", said(&out));
    let boards = json(&out);
    assert_eq!(boards.as_array().unwrap().len(), villages.len() + 1);

    let out = gongkai(&["boards", "list", "--db", db]);
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("东山村\t三组公开栏\t1200 × 900 mm\t第 1 版\t手工绘制"),
        "{text}"
    );

    let out = gongkai(&[
        "boards",
        "layout",
        "--db",
        db,
        "--board",
        "东山村/三务公开栏",
        "--json",
    ]);
    assert!(out.status.success(), "{}", said(&out));
    let board = json(&out);
    let zones: Vec<&str> = board["zones"]
        .as_array()
        .unwrap()
        .iter()
        .map(|z| z["name"].as_str().unwrap())
        .collect();
    assert_eq!(zones, ["党务公开", "村务公开", "财务公开", "监督电话"]);

    let out = gongkai(&[
        "boards",
        "layout",
        "--db",
        db,
        "--board",
        "东山村/三务公开栏",
    ]);
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains(
            "3. 财务公开\t(1640, 120) 700 × 940 mm\t每月，次月 15 日前，至少张贴 10 天\tA4竖放 9 张"
        ),
        "{text}"
    );

    // The township's own board is named by the township's name.
    let out = gongkai(&[
        "boards",
        "apply-template",
        "--db",
        db,
        "--template",
        "township",
    ]);
    assert!(out.status.success(), "{}", said(&out));
    let out = gongkai(&[
        "boards",
        "layout",
        "--db",
        db,
        "--board",
        "示范镇/乡镇政务公开栏",
        "--json",
    ]);
    assert!(out.status.success(), "{}", said(&out));
    assert_eq!(json(&out)["villageId"], serde_json::Value::Null);

    let pdf = dir.path().join("东山村示意图.pdf");
    let out = gongkai(&[
        "boards",
        "layout",
        "--db",
        db,
        "--board",
        "东山村/三务公开栏",
        "--out",
        path(&pdf),
    ]);
    assert!(out.status.success(), "{}", said(&out));
    let text = std::process::Command::new("pdftotext")
        .arg(&pdf)
        .arg("-")
        .output()
        .expect("pdftotext (poppler-utils) must be installed");
    let text = String::from_utf8(text.stdout).unwrap();
    assert!(
        text.contains("财务公开") && text.contains("三务公开栏"),
        "{text}"
    );
}

#[test]
fn unknown_templates_villages_and_boards_are_refused_in_chinese() {
    let dir = TempDir::new().unwrap();
    let db = dir.path().join("示范镇.sqlite3");
    Api::new(&db).setup_demo(NoArgs {}).unwrap();
    let db = path(&db);

    let out = gongkai(&["boards", "apply-template", "--db", db, "--template", "五务"]);
    assert!(!out.status.success());
    let said_ = said(&out);
    assert!(
        said_.contains("没有模板“五务”") && said_.contains("sanwu"),
        "{said_}"
    );

    let out = gongkai(&[
        "boards",
        "apply-template",
        "--db",
        db,
        "--template",
        "sanwu",
        "--village",
        "不存在村",
    ]);
    assert!(!out.status.success());
    assert!(
        said(&out).contains("本镇没有村（社区）“不存在村”"),
        "{}",
        said(&out)
    );
    let out = gongkai(&["boards", "list", "--db", db, "--json"]);
    assert_eq!(json(&out).as_array().unwrap().len(), 0, "nothing applied");

    let out = gongkai(&[
        "boards",
        "layout",
        "--db",
        db,
        "--board",
        "东山村/三务公开栏",
    ]);
    assert!(!out.status.success());
    assert!(said(&out).contains("找不到公开栏"), "{}", said(&out));

    let out = gongkai(&[
        "boards", "add", "--db", db, "--name", "栏", "--width", "100", "--height", "900",
    ]);
    assert!(!out.status.success());
    assert!(
        said(&out).contains("公开栏尺寸 100 × 900 mm 不在范围内"),
        "{}",
        said(&out)
    );
}
