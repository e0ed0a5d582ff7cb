//! `gongkai --version`: what a county's IT staff read to know which release a township runs.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::process::Command;

#[test]
fn version_names_the_release_the_schema_and_the_sync_protocol() {
    let out = Command::new(env!("CARGO_BIN_EXE_gongkai"))
        .arg("--version")
        .output()
        .expect("run gongkai");
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert_eq!(
        text.trim_end(),
        format!(
            "gongkai {}（数据库结构版本 {}，同步协议版本 {}）",
            env!("CARGO_PKG_VERSION"),
            gongkai_store::LATEST_VERSION,
            gongkai_sync::PROTOCOL_VERSION
        )
    );
}
