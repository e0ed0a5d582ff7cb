//! `gongkai plan import|list|done --json` as a script runs them, on a table shaped like seed
//! 000's in a real database file.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

#[path = "../../gongkai-plan/tests/support/seed000.rs"]
mod seed000;
mod support;

use gongkai_api::Api;
use gongkai_api::wire::NoArgs;
use support::{gongkai, json, path, said};
use tempfile::TempDir;

#[test]
fn a_plan_is_imported_listed_and_a_task_marked_done() {
    let dir = TempDir::new().unwrap();
    let db = dir.path().join("镇.sqlite3");
    Api::new(&db).setup_demo(NoArgs {}).unwrap();
    let table = dir.path().join("任务分解表.xlsx");
    std::fs::write(&table, seed000::workbook(true, &[]).unwrap()).unwrap();

    let checked = gongkai(&[
        "plan",
        "import",
        path(&table),
        "--db",
        path(&db),
        "--dry-run",
        "--json",
    ]);
    assert!(checked.status.success(), "{}", said(&checked));
    let checked = json(&checked);
    assert_eq!(
        (
            checked["written"].as_bool(),
            checked["tasks"].as_array().map(Vec::len)
        ),
        (Some(false), Some(29))
    );

    let imported = gongkai(&["plan", "import", path(&table), "--db", path(&db), "--json"]);
    assert!(imported.status.success(), "{}", said(&imported));
    assert_eq!(json(&imported)["year"], 2021);

    let listed = gongkai(&[
        "plan",
        "list",
        "--db",
        path(&db),
        "--year",
        "2021",
        "--json",
    ]);
    assert!(listed.status.success(), "{}", said(&listed));
    let listed = json(&listed);
    let task = &listed["tasks"][15];
    assert_eq!(task["name"], "实行重大行政决策事项目录管理");
    assert_eq!(task["dueOn"], "2021-07-31");
    assert_eq!(task["office"], "司法所");
    let id = task["id"].as_str().unwrap().to_owned();

    let evidence = dir.path().join("决策事项目录.pdf");
    std::fs::write(&evidence, b"%PDF-1.4 list").unwrap();
    let done = gongkai(&[
        "plan",
        "done",
        "--db",
        path(&db),
        "--id",
        &id,
        "--note",
        "已发布目录",
        "--on",
        "2021-07-20",
        "--evidence",
        path(&evidence),
        "--json",
    ]);
    assert!(done.status.success(), "{}", said(&done));
    let done = json(&done);
    assert_eq!(done["task"]["status"], "done");
    assert_eq!(done["task"]["dueState"], "done");
    assert_eq!(
        done["notes"][0]["evidence"][0]["fileName"],
        "决策事项目录.pdf"
    );

    let summary = gongkai(&[
        "plan",
        "summary",
        "--db",
        path(&db),
        "--id",
        &id,
        "--text",
        "7月20日发布重大行政决策事项目录 8 项。",
        "--json",
    ]);
    assert!(summary.status.success(), "{}", said(&summary));
    let summary = json(&summary);
    assert_eq!(summary["yearEnd"]["outcome"], "done");
    assert_eq!(summary["yearEnd"]["written"], true);
    assert_eq!(
        summary["yearEnd"]["summary"],
        "7月20日发布重大行政决策事项目录 8 项。"
    );
    assert_eq!(
        summary["yearEnd"]["draft"],
        "已于7月20日完成。已发布目录。留存佐证材料 1 份。"
    );
    let shown = gongkai(&["plan", "show", "--db", path(&db), "--id", &id]);
    let shown = String::from_utf8_lossy(&shown.stdout).into_owned();
    assert!(
        shown.contains("年终小结（已完成）：7月20日发布重大行政决策事项目录 8 项。"),
        "{shown}"
    );

    let text = gongkai(&["plan", "list", "--db", path(&db), "--year", "2021"]);
    let text = String::from_utf8_lossy(&text.stdout).into_owned();
    assert!(
        text.starts_with("2021 年工作要点：29 项任务，已完成 1，逾期 28"),
        "{text}"
    );
}

#[test]
fn a_bad_table_fails_with_its_places_and_writes_nothing() {
    let dir = TempDir::new().unwrap();
    let db = dir.path().join("镇.sqlite3");
    Api::new(&db).setup_demo(NoArgs {}).unwrap();
    let table = dir.path().join("任务分解表.xlsx");
    std::fs::write(&table, seed000::workbook(false, &[(2, "下个月")]).unwrap()).unwrap();

    let refused = gongkai(&["plan", "import", path(&table), "--db", path(&db), "--json"]);
    assert!(!refused.status.success(), "{}", said(&refused));
    let message = json(&refused)["error"]["message"]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    assert!(
        message.contains("工作表“任务分解表”第 4 行 D 列（时间节点）：无法识别时间节点“下个月”"),
        "{message}"
    );

    let listed = json(&gongkai(&["plan", "list", "--db", path(&db), "--json"]));
    assert_eq!(listed["years"], serde_json::json!([]));
}

#[test]
fn a_word_document_is_imported_as_the_workbook_is() {
    let dir = TempDir::new().unwrap();
    let db = dir.path().join("镇.sqlite3");
    Api::new(&db).setup_demo(NoArgs {}).unwrap();
    let document = dir.path().join(seed000::DOCUMENT_NAME);
    std::fs::write(&document, seed000::document(&[], false).unwrap()).unwrap();

    let imported = gongkai(&[
        "plan",
        "import",
        path(&document),
        "--db",
        path(&db),
        "--json",
    ]);
    assert!(imported.status.success(), "{}", said(&imported));
    let imported = json(&imported);
    assert_eq!(
        (
            imported["year"].as_i64(),
            imported["sheet"].as_str(),
            imported["written"].as_bool(),
            imported["tasks"].as_array().map(Vec::len)
        ),
        (Some(2021), Some("表格2"), Some(true), Some(29))
    );
    let listed = json(&gongkai(&[
        "plan",
        "list",
        "--db",
        path(&db),
        "--year",
        "2021",
        "--json",
    ]));
    assert_eq!(listed["tasks"][10]["office"], "党政办");
}
