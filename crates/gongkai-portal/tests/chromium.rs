//! The township page in a real browser: headless Chromium (Debian's `chromium`) loads the
//! portal's 基层政务公开 column after a real push, the DOM must carry every record title, and
//! a screenshot is kept at `artifacts/portal/township.png` (workspace root).
//!
//! A missing tool fails the test, never skips it: without `chromium` nothing would be checked,
//! without CJK fonts the screenshot would show boxes. `./dev.sh test` installs both
//! (`apt-get install chromium fonts-noto-cjk`).

// Helpers outside #[test] functions are test code too.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod support;

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use chrono::Utc;
use gongkai_sync::TownshipKey;
use gongkai_sync::client::{ClockSeq, PortalClient};
use gongkai_sync::types::{Entry, Op};
use serde_json::json;
use support::portal;
use support::township::{self, CODE};

fn chromium() -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .map(|dir| dir.join("chromium"))
        .find(|p| p.is_file())
}

fn has_cjk_font() -> bool {
    Command::new("fc-list")
        .arg(":lang=zh")
        .output()
        .is_ok_and(|o| o.status.success() && !o.stdout.trim_ascii().is_empty())
}

/// Runs Chromium headless with `args` + `url`, killed after 90 s.
fn run_chromium(exe: &Path, profile: &Path, args: &[String], url: &str) -> Output {
    let mut child = Command::new(exe)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--hide-scrollbars",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .args(args)
        .arg(url)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start chromium");
    // Read stdout while it runs (the DOM can exceed a pipe buffer).
    let mut stdout = child.stdout.take().unwrap();
    let reader = std::thread::spawn(move || {
        let mut out = Vec::new();
        std::io::Read::read_to_end(&mut stdout, &mut out).unwrap();
        out
    });
    let deadline = Instant::now() + Duration::from_secs(90);
    while child.try_wait().unwrap().is_none() {
        if Instant::now() > deadline {
            let _ = child.kill();
            panic!("chromium did not finish in 90 s");
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    let mut output = child.wait_with_output().unwrap();
    output.stdout = reader.join().unwrap();
    output
}

fn payout_list() -> Entry {
    Entry {
        id: uuid::Uuid::now_v7().to_string(),
        kind: "payout_list".into(),
        object_id: uuid::Uuid::now_v7().to_string(),
        op: Op::Upsert,
        replaces: None,
        created_at: Utc::now().to_rfc3339(),
        payload: json!({
            "title": "2026 年耕地地力保护补贴发放公示", "project": "耕地地力保护补贴",
            "villages": [{
                "village_code": "341502101201", "village_name": "东村",
                "notice_from": "2026-03-01", "notice_to": "2026-03-07",
                "columns": ["姓名", "身份证号", "金额（元）"],
                "rows": [["张*", "3415**********1234", "120.00"], ["李*", "3415**********5678", "80.00"]],
                "summary": {"rows": 2, "amount_fen": 20000}
            }],
            "summary": {"rows": 2, "amount_fen": 20000}
        }),
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn the_township_page_in_headless_chromium() {
    let exe = chromium().unwrap_or_else(|| {
        panic!(
            "`chromium` is not on PATH: this test needs it (./dev.sh test installs it; by hand: \
             apt-get install -y --no-install-recommends chromium fonts-noto-cjk)"
        )
    });
    assert!(
        has_cjk_font(),
        "no CJK font (`fc-list :lang=zh` is empty): the screenshot would show boxes; \
         apt-get install -y --no-install-recommends fonts-noto-cjk"
    );

    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("portal.sqlite3");
    let addr = portal::start_in_process(&db).await;
    let key = TownshipKey::generate().unwrap();
    portal::register(&db, &key);
    let client = PortalClient::new(&format!("http://{addr}"), CODE, key, None).unwrap();
    let mut entries: Vec<Entry> = (0..8).map(township::record).collect();
    entries.push(payout_list());
    let ack = client
        .push(&mut ClockSeq::default(), &entries)
        .await
        .unwrap();
    assert_eq!(ack.stored, 9);

    let url = format!("http://{addr}/t/{CODE}");
    let profile = dir.path().join("chromium-profile");
    let artifacts = PathBuf::from(
        std::env::var_os("CARGO_MANIFEST_DIR").expect("cargo test sets CARGO_MANIFEST_DIR"),
    )
    .join("../../artifacts/portal");
    std::fs::create_dir_all(&artifacts).unwrap();
    let shot = artifacts.join("township.png");
    let _ = std::fs::remove_file(&shot);

    let (dom, screenshot) = tokio::task::spawn_blocking({
        let (exe, profile, shot) = (exe.clone(), profile.clone(), shot.clone());
        move || {
            let dom = run_chromium(&exe, &profile, &["--dump-dom".to_owned()], &url);
            let screenshot = run_chromium(
                &exe,
                &profile,
                &[
                    format!("--screenshot={}", shot.display()),
                    "--window-size=1280,900".to_owned(),
                ],
                &url,
            );
            (dom, screenshot)
        }
    })
    .await
    .unwrap();

    let html = String::from_utf8_lossy(&dom.stdout);
    assert!(
        dom.status.success(),
        "chromium --dump-dom failed: {}",
        String::from_utf8_lossy(&dom.stderr)
    );
    assert!(html.contains("示范镇 · 基层政务公开"), "{html}");
    for i in 0..8 {
        assert!(
            html.contains(&township::title(i)),
            "title {i} missing: {html}"
        );
    }
    for domain in ["财政预决算", "涉农补贴", "社会救助", "义务教育"] {
        assert!(html.contains(domain), "{domain} missing");
    }
    assert!(html.contains("补贴发放公示"));
    assert!(
        screenshot.status.success(),
        "chromium --screenshot failed: {}",
        String::from_utf8_lossy(&screenshot.stderr)
    );
    let png = std::fs::read(&shot).expect("screenshot written");
    assert!(png.starts_with(b"\x89PNG\r\n\x1a\n") && png.len() > 10_000);
    // PNG header: width and height, big-endian, at bytes 16..24
    let width = u32::from_be_bytes(png[16..20].try_into().unwrap());
    let height = u32::from_be_bytes(png[20..24].try_into().unwrap());
    assert_eq!((width, height), (1280, 900));
    eprintln!("screenshot: {}", shot.canonicalize().unwrap().display());
}
