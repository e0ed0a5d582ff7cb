//! Sync benchmark: the real portal in process, the real client, a counting proxy between them
//! (HTTP bytes of requests and responses; TCP/IP framing not counted).
//!
//! - initial sync: 10,000 records pushed in batches of 500;
//! - incremental sync: one new record pushed, then the three county streams pulled once each
//!   (what `gongkai sync` does when nothing came down), on a connection already open, and
//!   again on a fresh client (new TCP connection).
//!
//! `cargo bench -p gongkai-portal --bench sync`

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::print_stdout
)]

#[path = "../tests/support/mod.rs"]
mod support;

use std::time::{Duration, Instant};

use gongkai_sync::TownshipKey;
use gongkai_sync::client::{PortalClient, SeqSource};
use gongkai_sync::types::Stream;
use support::portal;
use support::proxy::{Plan, Proxy, Stats};
use support::township::{self, CODE, Township};

const INITIAL: usize = 10_000;
const BATCH: usize = 500;

struct Row {
    name: &'static str,
    requests: u64,
    time: Duration,
    up: u64,
    down: u64,
}

async fn measure<F: Future<Output = ()>>(proxy: &Proxy, name: &'static str, work: F) -> Row {
    proxy.reset_bytes();
    let requests = Stats::get(&proxy.stats.requests);
    let started = Instant::now();
    work.await;
    let time = started.elapsed();
    let (up, down) = proxy.bytes();
    Row {
        name,
        requests: Stats::get(&proxy.stats.requests) - requests,
        time,
        up,
        down,
    }
}

async fn pull_all(client: &PortalClient, seq: &mut (dyn SeqSource + Send)) {
    for stream in Stream::ALL {
        let page = client.pull(seq, stream, None, 100).await.unwrap();
        assert!(page.changes.is_empty());
    }
}

fn main() {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .unwrap();
    runtime.block_on(async {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("portal.sqlite3");
        let (_, proxy) = portal::start_behind_proxy(&db, Plan::PASS, 0).await;
        let key = TownshipKey::from_seed(&[7; 32]);
        portal::register(&db, &key);
        let mut town = Township::open(&dir.path().join("township.sqlite3"));
        town.add(&(0..INITIAL).map(township::record).collect::<Vec<_>>());
        let client = PortalClient::new(&proxy.url(), CODE, key.clone(), None).unwrap();

        let mut rows = Vec::new();
        rows.push(
            measure(&proxy, "initial: 10,000 records (20 × 500)", async {
                let report = township::sync(&client, &mut town, BATCH, 100)
                    .await
                    .unwrap();
                assert_eq!(report.stored, INITIAL as u64);
            })
            .await,
        );
        town.add(&[township::record(INITIAL)]);
        rows.push(
            measure(&proxy, "incremental: push 1 record", async {
                let report = township::sync(&client, &mut town, BATCH, 10).await.unwrap();
                assert_eq!(report.stored, 1);
            })
            .await,
        );
        rows.push(
            measure(&proxy, "incremental: pull 3 streams (empty)", async {
                pull_all(&client, &mut town).await;
            })
            .await,
        );
        town.add(&[township::record(INITIAL + 1)]);
        rows.push(
            measure(&proxy, "incremental sync, fresh client", async {
                let fresh = PortalClient::new(&proxy.url(), CODE, key.clone(), None).unwrap();
                let report = township::sync(&fresh, &mut town, BATCH, 10).await.unwrap();
                assert_eq!(report.stored, 1);
                pull_all(&fresh, &mut town).await;
            })
            .await,
        );

        println!();
        println!(
            "{:<40} {:>8} {:>10} {:>12} {:>12} {:>10}",
            "scenario", "requests", "time ms", "bytes up", "bytes down", "per rec"
        );
        for row in &rows {
            let records = if row.name.starts_with("initial") {
                INITIAL as u64
            } else {
                1
            };
            println!(
                "{:<40} {:>8} {:>10.1} {:>12} {:>12} {:>10}",
                row.name,
                row.requests,
                row.time.as_secs_f64() * 1000.0,
                row.up,
                row.down,
                (row.up + row.down) / records
            );
        }
        let conn = gongkai_portal::db::open(&db).unwrap();
        let held: i64 = conn
            .query_row("SELECT count(*) FROM entry", [], |r| r.get(0))
            .unwrap();
        println!("portal holds {held} entries");
        assert_eq!(held, INITIAL as i64 + 2);
    });
}
