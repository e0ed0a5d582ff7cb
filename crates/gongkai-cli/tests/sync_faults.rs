//! The township's own sync (`gongkai sync`, its outbox in the township database) against the
//! real county portal through the fault-injecting proxy of the portal's test suite: connections
//! cut, answers dropped after the portal stored a batch, requests duplicated, and the client
//! killed while the portal has committed. Afterwards both sides agree: every entry exactly once
//! at the county, nothing pending at the township.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

#[path = "../../gongkai-portal/tests/support/proxy.rs"]
#[allow(dead_code)]
mod proxy;
mod support;

use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use gongkai_api::Api;
use gongkai_api::wire::{CatalogItemsArgs, NoArgs, RecordInput, SyncArgs};
use gongkai_portal::{Portal, db};
use proxy::{Plan, Proxy, Stats};
use tempfile::TempDir;

/// The real portal and the proxy in front of it, on their own runtime thread.
struct County {
    db: PathBuf,
    proxy: Proxy,
    _runtime: std::thread::JoinHandle<()>,
}

impl County {
    fn start(dir: &Path, plan: Plan, seed: u64) -> County {
        let db = dir.join("county.sqlite3");
        let portal = Portal::open(&db).unwrap();
        let (tx, rx) = std::sync::mpsc::channel();
        let runtime = std::thread::spawn(move || {
            let runtime = tokio::runtime::Runtime::new().unwrap();
            runtime.block_on(async move {
                let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
                let upstream: SocketAddr = listener.local_addr().unwrap();
                let proxy = Proxy::start(upstream, plan, proxy::seed(seed)).await;
                // Townships sign their requests for the address they reach: the proxy's.
                let public_url = gongkai_sync::url::PortalUrl::parse(&proxy.url()).unwrap();
                tokio::spawn(gongkai_portal::serve(
                    listener,
                    portal.with_public_url(&public_url),
                ));
                tx.send(proxy).unwrap();
                std::future::pending::<()>().await;
            });
        });
        County {
            db,
            proxy: rx.recv().unwrap(),
            _runtime: runtime,
        }
    }

    fn entries(&self) -> i64 {
        let conn = db::open(&self.db).unwrap();
        conn.query_row("SELECT count(*) FROM entry", [], |r| r.get(0))
            .unwrap()
    }

    fn entry_ids(&self) -> Vec<String> {
        let conn = db::open(&self.db).unwrap();
        let mut stmt = conn.prepare("SELECT id FROM entry ORDER BY id").unwrap();
        stmt.query_map([], |r| r.get(0))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap()
    }
}

/// A township with `n` published records, registered at the county.
fn township(dir: &Path, county: &County, n: usize) -> PathBuf {
    let path = dir.join("township.sqlite3");
    let api = Api::new(&path);
    api.setup_demo(NoArgs {}).unwrap();
    let item = api
        .catalog_items(CatalogItemsArgs {
            domain: Some("社会救助".to_owned()),
        })
        .unwrap()
        .items[0]
        .key
        .clone();
    for i in 0..n {
        let id = api
            .record_save(RecordInput {
                item_key: item.clone(),
                title: format!("2026年第{}批城乡低保对象名单", i + 1),
                formed_on: "2026-11-02".to_owned(),
                body: "名单见附件".to_owned(),
                channels: vec!["政府网站".to_owned()],
                attribute: "proactive".to_owned(),
                ..Default::default()
            })
            .unwrap()
            .summary
            .id;
        support::publish_draft(&api, &id);
    }
    let identity = api.sync_identity(NoArgs {}).unwrap();
    let mut conn = db::open(&county.db).unwrap();
    db::township_add(
        &mut conn,
        &identity.township_code,
        "示范镇",
        &identity.public_key,
    )
    .unwrap();
    path
}

/// The township's outbox entry ids, in id order.
fn outbox_ids(path: &Path) -> Vec<String> {
    let conn = rusqlite::Connection::open(path).unwrap();
    let mut stmt = conn
        .prepare("SELECT entry_id FROM sync_outbox ORDER BY entry_id")
        .unwrap();
    stmt.query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap()
}

fn outbox(path: &Path) -> (i64, i64) {
    let conn = rusqlite::Connection::open(path).unwrap();
    conn.query_row(
        "SELECT count(*) FILTER (WHERE acked_at IS NULL AND rejected IS NULL),
                count(*) FILTER (WHERE acked_at IS NOT NULL) FROM sync_outbox",
        [],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )
    .unwrap()
}

/// Runs sync as the scheduler would: again after every failure, until nothing is pending.
fn sync_until_done(path: &Path, county: &County) -> usize {
    let api = Api::new(path);
    for attempt in 1..=60 {
        let run = api.sync_now(SyncArgs {
            portal: Some(county.proxy.url()),
            trigger: Some(gongkai_api::wire::SyncTrigger::Timer),
        });
        if matches!(run, Ok(ref r) if r.pending == 0) {
            return attempt;
        }
    }
    panic!(
        "sync did not converge in 60 runs: {:?}",
        county.proxy.tally()
    );
}

#[test]
fn every_fault_at_once_still_converges_to_each_entry_exactly_once() {
    let dir = TempDir::new().unwrap();
    let plan = Plan {
        cut_request: 15,
        cut_response: 15,
        drop_response: 15,
        duplicate: 15,
    };
    let county = County::start(dir.path(), plan, 7);
    let path = township(dir.path(), &county, 25);
    let runs = sync_until_done(&path, &county);
    assert_eq!(
        county.entries(),
        25,
        "after {runs} runs: {:?}",
        county.proxy.tally()
    );
    assert_eq!(
        county.entry_ids(),
        outbox_ids(&path),
        "the very entries, each once"
    );
    assert_eq!(outbox(&path), (0, 25));
    let faults = Stats::get(&county.proxy.stats.cut_requests)
        + Stats::get(&county.proxy.stats.cut_responses)
        + Stats::get(&county.proxy.stats.dropped_responses)
        + Stats::get(&county.proxy.stats.duplicated);
    assert!(
        faults > 0,
        "the proxy injected faults: {:?}",
        county.proxy.tally()
    );
}

#[test]
fn the_client_killed_after_the_portal_committed_loses_and_duplicates_nothing() {
    let dir = TempDir::new().unwrap();
    let county = County::start(dir.path(), Plan::PASS, 11);
    let path = township(dir.path(), &county, 10);
    // The portal's answer is held back; the client dies while waiting for it.
    county.proxy.set_hold(Duration::from_secs(5));
    let mut child = Command::new(env!("CARGO_BIN_EXE_gongkai"))
        .args([
            "sync",
            "--db",
            path.to_str().unwrap(),
            "--portal",
            &county.proxy.url(),
        ])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let deadline = Instant::now() + Duration::from_secs(20);
    while Stats::get(&county.proxy.stats.answered) == 0 {
        assert!(
            Instant::now() < deadline,
            "the push never reached the portal"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
    child.kill().unwrap();
    child.wait().unwrap();
    assert_eq!(county.entries(), 10, "the portal committed the batch");
    assert_eq!(
        outbox(&path),
        (10, 0),
        "the township never heard the answer"
    );

    county.proxy.set_hold(Duration::ZERO);
    let out = Command::new(env!("CARGO_BIN_EXE_gongkai"))
        .args(["sync", "--db", path.to_str().unwrap(), "--json"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        report["pushed"], 0,
        "already stored: acknowledged, not stored again"
    );
    assert_eq!(report["pending"], 0);
    assert_eq!(county.entry_ids(), outbox_ids(&path));
    assert_eq!(outbox(&path), (0, 10));
}
