//! `gongkai requests … --json` as a script runs them on a real database file: register with an
//! ID number (only ever printed masked), 补正 and its correction, a refused extension that
//! changes nothing, the reply and its 三审/保密审查, 送达, and the due list.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod support;

use gongkai_api::Api;
use gongkai_api::wire::NoArgs;
use support::{gongkai, json, path, said};
use tempfile::TempDir;

#[test]
fn a_request_is_registered_corrected_answered_and_delivered_from_the_command_line() {
    let dir = TempDir::new().unwrap();
    let db = dir.path().join("镇.sqlite3");
    let api = Api::new(&db);
    api.setup_demo(NoArgs {}).unwrap();
    let person = |name: &str| {
        api.profile_get(NoArgs {})
            .unwrap()
            .people
            .into_iter()
            .find(|p| p.name == name)
            .unwrap()
            .id
    };
    let id_number = support::id(42);
    let db = path(&db);
    let run = |args: &[&str]| {
        let mut all = vec!["requests"];
        all.extend_from_slice(args);
        all.extend_from_slice(&["--db", db, "--json"]);
        gongkai(&all)
    };

    let added = run(&[
        "add",
        "--channel",
        "online",
        "--arrived",
        "2025-01-17",
        "--confirmed",
        "2025-01-20",
        "--kind",
        "natural_person",
        "--name",
        "王秀英",
        "--contact",
        "13800000000",
        "--id-number",
        &id_number,
        "--subject",
        "2024年耕地地力保护补贴发放名单",
    ]);
    assert!(added.status.success(), "{}", said(&added));
    let out = String::from_utf8_lossy(&added.stdout).into_owned();
    assert!(!out.contains(&id_number), "full ID printed: {out}");
    let added = json(&added);
    let id = added["summary"]["id"].as_str().unwrap().to_owned();
    // 网络: received on the day both sides confirmed (art. 31).
    assert_eq!(added["summary"]["receivedOn"], "2025-01-20");
    assert_eq!(added["summary"]["dueOn"], "2025-02-21");
    assert!(added["idMasked"].as_str().unwrap().contains('*'));

    let noticed = run(&[
        "correct",
        &id,
        "--notice",
        "2025-01-22",
        "--deadline",
        "2025-02-14",
        "--items",
        "请写明村组",
    ]);
    assert!(noticed.status.success(), "{}", said(&noticed));
    let corrected = json(&run(&["correct", &id, "--corrected", "2025-02-10"]));
    assert_eq!(corrected["summary"]["dueOn"], "2025-03-10");

    // Refused in Chinese, exit 1, nothing written.
    let refused = run(&[
        "extend",
        &id,
        "--workdays",
        "25",
        "--approver",
        "李主任",
        "--notice",
        "2025-02-20",
    ]);
    assert_eq!(refused.status.code(), Some(1), "{}", said(&refused));
    let message = json(&refused)["error"]["message"]
        .as_str()
        .unwrap()
        .to_owned();
    assert!(message.contains("不得超过 20 个工作日"), "{message}");
    assert_eq!(
        json(&run(&["show", &id]))["extension"],
        serde_json::Value::Null
    );

    let replied = json(&run(&[
        "reply",
        &id,
        "--outcome",
        "partial",
        "--ground",
        "third_party",
        "--date",
        "2025-03-05",
    ]));
    assert_eq!(replied["reply"]["resultRow"], "partial");
    assert_eq!(replied["reply"]["replyFinal"], false);
    for (stage, who) in [("draft", "李明"), ("review", "王芳"), ("approve", "张建国")] {
        let signed = run(&[
            "review",
            &id,
            "--stage",
            stage,
            "--person",
            &person(who),
            "--date",
            "2025-03-05",
        ]);
        assert!(signed.status.success(), "{}", said(&signed));
    }
    let checked = run(&[
        "secrecy",
        &id,
        "--reviewer",
        &person("王芳"),
        "--date",
        "2025-03-05",
    ]);
    assert!(checked.status.success(), "{}", said(&checked));
    let final_reply = json(&run(&["finalize", &id]));
    assert_eq!(final_reply["reply"]["replyFinal"], true);
    let delivered = json(&run(&[
        "deliver",
        &id,
        "--method",
        "邮寄送达",
        "--date",
        "2025-03-07",
    ]));
    assert_eq!(delivered["summary"]["state"], "answered");
    assert_eq!(delivered["reply"]["deliveryMethod"], "邮寄送达");

    let open = run(&[
        "add",
        "--channel",
        "in_person",
        "--arrived",
        "2025-06-02",
        "--kind",
        "commercial",
        "--name",
        "示范县兴农公司",
        "--contact",
        "0799-5550100",
        "--subject",
        "农贸市场改造方案",
    ]);
    assert!(open.status.success(), "{}", said(&open));
    let due = json(&run(&["due", "--today", "2025-06-30"]));
    let due = due["requests"].as_array().unwrap();
    assert_eq!(due.len(), 1, "only the open one is due");
    assert_eq!(due[0]["state"], "due_soon");
    let listed = run(&["list", "--query", "王秀英"]);
    assert!(!String::from_utf8_lossy(&listed.stdout).contains(&id_number));
    assert_eq!(json(&listed)["requests"].as_array().unwrap().len(), 1);
}
