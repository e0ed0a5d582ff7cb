//! The `gongkai` binary as scripts use it.

// Helpers outside #[test] functions may fail loudly too: this whole crate is test code.
#![allow(clippy::unwrap_used, clippy::panic)]

use std::path::Path;
use std::process::{Command, Output};
use std::time::Duration;

use gongkai_api::Api;
use gongkai_api::wire::{IdArgs, NoArgs, VillageInput, VillageKind};
use serde_json::Value;
use tempfile::TempDir;

fn gongkai(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_gongkai"))
        .args(args)
        .output()
        .unwrap()
}

fn json(output: &Output) -> Value {
    serde_json::from_slice(&output.stdout).unwrap_or_else(|e| {
        panic!(
            "stdout is not JSON ({e}): {}",
            String::from_utf8_lossy(&output.stdout)
        )
    })
}

fn path(p: &Path) -> &str {
    p.to_str().unwrap()
}

#[test]
fn init_then_status_and_check() {
    let dir = TempDir::new().unwrap();
    let db = dir.path().join("店下镇.sqlite3");
    let out = gongkai(&[
        "init",
        "--db",
        path(&db),
        "--township",
        "店下镇",
        "--county",
        "樟树市",
        "--division-code",
        "360982101",
        "--json",
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(json(&out)["township"]["name"], "店下镇");

    let out = gongkai(&["status", "--db", path(&db), "--json"]);
    assert_eq!(json(&out)["state"], "ready");

    let out = gongkai(&["check", "--db", path(&db), "--json"]);
    assert!(out.status.success());
    assert_eq!(json(&out)["ok"], true);
}

#[test]
fn errors_are_chinese_and_exit_1() {
    let dir = TempDir::new().unwrap();
    let db = dir.path().join("g.sqlite3");
    let out = gongkai(&["check", "--db", path(&db)]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("还没有数据库"));

    let out = gongkai(&[
        "init",
        "--db",
        path(&db),
        "--township",
        "店下镇",
        "--county",
        "樟树市",
        "--credit-code",
        "91350100M000100Y44",
        "--json",
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(json(&out)["error"]["code"], "invalid_input");
    assert!(
        json(&out)["error"]["message"]
            .as_str()
            .unwrap()
            .contains("校验位不正确")
    );
}

#[test]
fn demo_villages_and_backup() {
    let dir = TempDir::new().unwrap();
    let db = dir.path().join("demo.sqlite3");
    assert!(gongkai(&["demo", "--db", path(&db)]).status.success());
    let out = gongkai(&[
        "village",
        "add",
        "--db",
        path(&db),
        "--name",
        "新村",
        "--code",
        "999901101299",
        "--json",
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    assert_eq!(json(&out).as_array().unwrap().len(), 7);

    let backup = dir.path().join("b.sqlite3");
    let out = gongkai(&[
        "backup",
        "--db",
        path(&db),
        "--out",
        path(&backup),
        "--json",
    ]);
    assert!(out.status.success());
    assert_eq!(json(&out)["path"], path(&backup));
    let out = gongkai(&["check", "--db", path(&backup), "--json"]);
    assert_eq!(json(&out)["villages"], 7);
}

/// Not a test on its own: the writer process that `killing_a_writer_leaves_a_sound_database`
/// starts and kills. It adds and removes villages as fast as it can until killed.
#[test]
#[ignore = "run only as the child of killing_a_writer_leaves_a_sound_database"]
fn crash_child_writer() {
    let Some(db) = std::env::var_os("GONGKAI_CRASH_CHILD_DB") else {
        return;
    };
    let api = Api::new(db);
    // A village left by the previous, killed writer.
    let leftovers = api.profile_get(NoArgs {}).unwrap().villages;
    for v in leftovers
        .iter()
        .filter(|v| v.name.starts_with("压力测试村"))
    {
        api.village_delete(IdArgs { id: v.id.clone() }).unwrap();
    }
    for round in 0.. {
        let code = format!("999901101{}", 300 + round % 600);
        let profile = api
            .village_save(VillageInput {
                id: None,
                name: format!("压力测试村{round}"),
                code,
                kind: VillageKind::Village,
            })
            .unwrap();
        if let Some(v) = profile
            .villages
            .iter()
            .find(|v| v.name.starts_with("压力测试村"))
        {
            api.village_delete(IdArgs { id: v.id.clone() }).unwrap();
        }
    }
}

#[test]
fn killing_a_writer_leaves_a_sound_database() {
    let dir = TempDir::new().unwrap();
    let db = dir.path().join("crash.sqlite3");
    Api::new(&db).setup_demo(NoArgs {}).unwrap();
    for delay_ms in [50, 120, 200, 330, 470] {
        let mut child = Command::new(std::env::current_exe().unwrap())
            .args(["--exact", "crash_child_writer", "--ignored", "--nocapture"])
            .env("GONGKAI_CRASH_CHILD_DB", &db)
            .spawn()
            .unwrap();
        std::thread::sleep(Duration::from_millis(delay_ms));
        assert!(
            child.try_wait().unwrap().is_none(),
            "the writer stopped by itself before it was killed"
        );
        child.kill().unwrap(); // SIGKILL on Unix: no destructors, no rollback, mid-write.
        child.wait().unwrap();

        let out = gongkai(&["check", "--db", path(&db), "--json"]);
        assert!(
            out.status.success(),
            "after kill at {delay_ms} ms: {}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        assert_eq!(json(&out)["ok"], true);
        // The original six villages are untouched; at most one test village survived the kill.
        let villages = json(&out)["villages"].as_u64().unwrap();
        assert!((6..=7).contains(&villages), "{villages}");
    }
}
