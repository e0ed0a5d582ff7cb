//! Load benchmark: the real `gongkai-portal serve` as a child process on loopback, its peak
//! memory read from /proc (VmHWM), under, all at once:
//!
//! - 1,000 public page views from 32 visitors (index, township columns, the payouts page of a
//!   township holding 8 payout lists of 100,000 rows, record pages);
//! - 40 townships syncing (5 pushes of 20 records each, then a pull of the three streams),
//!   a request shed as busy (503) tried again after 200 ms;
//! - 200 slow clients trickling request headers a byte a second, and 8 slow readers of a
//!   30 MB attachment (64 KiB every 100 ms).
//!
//! The data is pushed first by one portal process, which is then stopped: the one measured
//! starts on the filled file, so its peak is the load's alone. Prints p50/p99/max latency of
//! page views and of sync requests, how many took over 1 s, and the peak RSS.
//!
//! Then 8 views (4 at once) of the page of one whole 100,000-row list, and the peak RSS after
//! them. Then, on a fresh portal process, one signed push of a 60 MiB payout list of empty rows
//! (about 60 KiB of gzip): the peak RSS it leaves, and how long until it was answered.
//!
//! `cargo bench -p gongkai-portal --bench load`. `GONGKAI_PORTAL_BIN=path` measures another
//! build of the binary (an older one, for a before/after comparison);
//! `GONGKAI_LOAD_ROWS=n` sets the rows per payout list (100,000).

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::print_stdout
)]

#[path = "../tests/support/mod.rs"]
mod support;

mod bench_support;

use std::net::SocketAddr;
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use chrono::Utc;
use gongkai_sync::TownshipKey;
use gongkai_sync::client::{ClientError, ClockSeq, PortalClient};
use gongkai_sync::types::{Entry, Stream};
use serde_json::json;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

use bench_support::{binary, payout_list, register, serve, view};
use support::township;

const TOWNSHIPS: usize = 40;
const PAGE_VIEWS: usize = 1000;
const VISITORS: usize = 32;
const PUSHES: usize = 5;
const RECORDS_PER_PUSH: usize = 20;
const PAYOUT_LISTS: usize = 8;
const SLOW_HEADERS: usize = 200;
const SLOW_READERS: usize = 8;
const ATTACHMENT_BYTES: usize = 30_000_000;
const SEED_RECORDS: usize = 20;

fn code(n: usize) -> String {
    format!("3415021{:02}", n + 1)
}

fn key(n: usize) -> TownshipKey {
    TownshipKey::from_seed(&[u8::try_from(n + 1).unwrap(); 32])
}

/// Fills the file through a first portal process: records for every township, the payout
/// lists and the attachment for the first. Returns the attachment's digest and the lists' ids.
async fn seed(db: &Path, rows: usize) -> (String, Vec<String>) {
    let served = serve(db);
    let url = format!("http://{}", served.addr);
    let big = PortalClient::new(&url, &code(0), key(0), None).unwrap();
    let mut seq = ClockSeq::default();
    let mut lists = Vec::new();
    for n in 0..PAYOUT_LISTS {
        let list = payout_list(rows, &format!("2026 年耕地地力保护补贴第{n}批"));
        big.push(&mut seq, std::slice::from_ref(&list))
            .await
            .unwrap();
        lists.push(list.object_id);
    }
    let attachment: Vec<u8> = (0..ATTACHMENT_BYTES).map(|i| (i * 7 % 251) as u8).collect();
    big.upload_attachment(&mut seq, &attachment, 1024 * 1024)
        .await
        .unwrap();
    let mut with_file = township::record(0);
    with_file.payload["attachments"] = json!([{
        "file_name": "预算.pdf", "sha256": gongkai_sync::sha256_hex(&attachment), "size": attachment.len()
    }]);
    big.push(&mut seq, &[with_file]).await.unwrap();
    for n in 0..TOWNSHIPS {
        let client = PortalClient::new(&url, &code(n), key(n), None).unwrap();
        let records: Vec<Entry> = (0..SEED_RECORDS).map(township::record).collect();
        client.push(&mut seq, &records).await.unwrap();
    }
    (gongkai_sync::sha256_hex(&attachment), lists)
}

/// A client that sends a request's headers a byte a second, for as long as it is let.
async fn slow_headers(addr: SocketAddr, stop: Arc<tokio::sync::Notify>) {
    let Ok(mut stream) = TcpStream::connect(addr).await else {
        return;
    };
    let head = b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Padding: ";
    let trickle = async {
        for byte in head.iter().chain(std::iter::repeat(&b'a')) {
            if stream.write_all(&[*byte]).await.is_err() {
                return;
            }
            tokio::time::sleep(Duration::from_secs(1)).await;
        }
    };
    tokio::select! {
        () = trickle => {}
        () = stop.notified() => {}
    }
}

/// A reader taking 64 KiB every 100 ms of the attachment.
async fn slow_reader(addr: SocketAddr, path: String, stop: Arc<tokio::sync::Notify>) {
    let Ok(mut stream) = TcpStream::connect(addr).await else {
        return;
    };
    let head = format!("GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
    if stream.write_all(head.as_bytes()).await.is_err() {
        return;
    }
    let read = async {
        let mut buf = vec![0; 64 * 1024];
        loop {
            match stream.read(&mut buf).await {
                Ok(0) | Err(_) => return,
                Ok(_) => tokio::time::sleep(Duration::from_millis(100)).await,
            }
        }
    };
    tokio::select! {
        () = read => {}
        () = stop.notified() => {}
    }
}

/// One township's sync: pushes, then the three pulls; every request's latency, and how many
/// were shed.
async fn township_sync(url: String, n: usize) -> (Vec<Duration>, usize, usize) {
    let client = PortalClient::new(&url, &code(n), key(n), None).unwrap();
    let mut seq = ClockSeq::default();
    let (mut latencies, mut shed, mut failed) = (Vec::new(), 0, 0);
    let mut retry = |result: Result<(), ClientError>, started: Instant| {
        latencies.push(started.elapsed());
        match result {
            Ok(()) => false,
            Err(e) if e.is_retryable() => {
                shed += 1;
                true
            }
            Err(_) => {
                failed += 1;
                false
            }
        }
    };
    for p in 0..PUSHES {
        let records: Vec<Entry> = (0..RECORDS_PER_PUSH)
            .map(|i| township::record(SEED_RECORDS + p * RECORDS_PER_PUSH + i))
            .collect();
        loop {
            let started = Instant::now();
            let result = client.push(&mut seq, &records).await.map(|_| ());
            if !retry(result, started) {
                break;
            }
            tokio::time::sleep(Duration::from_millis(200)).await;
        }
    }
    for stream in Stream::ALL {
        loop {
            let started = Instant::now();
            let result = client.pull(&mut seq, stream, None, 100).await.map(|_| ());
            if !retry(result, started) {
                break;
            }
            tokio::time::sleep(Duration::from_millis(200)).await;
        }
    }
    (latencies, shed, failed)
}

/// A signed push whose gzip body is small and whose JSON is 60 MiB of empty rows.
async fn bomb(db: &Path) -> (u64, u64, Duration, u16) {
    let served = serve(db);
    let idle = served.memory_kb("VmHWM");
    let id = uuid::Uuid::now_v7().to_string();
    let mut json = format!(
        r#"{{"protocol":{},"township":"{}","entries":[{{"id":"{id}","kind":"payout_list","object_id":"{id}","op":"upsert","created_at":"{}","payload":{{"title":"x","villages":[{{"village_code":"1","village_name":"x","notice_from":"2026-03-01","notice_to":"2026-03-07","columns":[],"summary":{{"rows":0,"amount_fen":0}},"rows":["#,
        gongkai_sync::PROTOCOL_VERSION,
        code(1),
        Utc::now().to_rfc3339()
    );
    while json.len() < 60 * 1024 * 1024 {
        json.push_str("[],");
    }
    json.push_str(r#"[]]}],"summary":{"rows":0,"amount_fen":0}}}]}"#);
    let body = gongkai_sync::gzip::gzip(json.as_bytes());
    drop(json);
    let seq = gongkai_sync::auth::next_seq(u64::MAX / 4, Utc::now());
    let auth = gongkai_sync::auth::RequestAuth::sign(
        &key(1),
        &served.addr.to_string(),
        &code(1),
        "POST",
        "/v1/push",
        seq,
        Utc::now(),
        &body,
    );
    let mut head = format!(
        "POST /v1/push HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\nContent-Length: {}\r\n",
        body.len()
    );
    for (name, value) in auth.headers() {
        head.push_str(&format!("{name}: {value}\r\n"));
    }
    head.push_str("\r\n");
    let started = Instant::now();
    let mut stream = TcpStream::connect(served.addr).await.unwrap();
    stream.write_all(head.as_bytes()).await.unwrap();
    stream.write_all(&body).await.unwrap();
    let mut answer = Vec::new();
    let _ = stream.read_to_end(&mut answer).await;
    let took = started.elapsed();
    let status = String::from_utf8_lossy(answer.get(9..12).unwrap_or_default())
        .parse()
        .unwrap_or(0);
    (idle, served.memory_kb("VmHWM"), took, status)
}

fn percentile(sorted: &[Duration], p: f64) -> f64 {
    if sorted.is_empty() {
        return 0.0;
    }
    let index = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[index].as_secs_f64() * 1000.0
}

fn report(name: &str, mut latencies: Vec<Duration>) {
    latencies.sort();
    let over = latencies
        .iter()
        .filter(|l| **l > Duration::from_secs(1))
        .count();
    println!(
        "{name:<22} {:>6} {:>9.1} {:>9.1} {:>9.1} {:>8}",
        latencies.len(),
        percentile(&latencies, 0.50),
        percentile(&latencies, 0.99),
        latencies.last().map_or(0.0, |l| l.as_secs_f64() * 1000.0),
        over
    );
}

fn main() {
    let rows: usize = std::env::var("GONGKAI_LOAD_ROWS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(100_000);
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .unwrap();
    runtime.block_on(async {
        let dir = tempfile::tempdir().unwrap();
        let db_path = dir.path().join("portal.sqlite3");
        // Through the binary measured, so the file is of its schema (an older one for a
        // before/after comparison refuses a file migrated by a newer library).
        for n in 0..TOWNSHIPS {
            register(&db_path, &code(n), &format!("第{n}镇"), &key(n));
        }
        let seeding = Instant::now();
        let (sha, lists) = seed(&db_path, rows).await;
        println!(
            "binary: {}\nseeded {PAYOUT_LISTS} lists of {rows} rows, {TOWNSHIPS} townships, in {:.1} s",
            binary().display(),
            seeding.elapsed().as_secs_f64()
        );

        // Shared with the sampler of its memory, which is stopped before it is dropped.
        let served = Arc::new(serve(&db_path));
        let addr = served.addr;
        let url = format!("http://{addr}");
        let stop = Arc::new(tokio::sync::Notify::new());
        let mut holders = Vec::new();
        for _ in 0..SLOW_HEADERS {
            holders.push(tokio::spawn(slow_headers(addr, stop.clone())));
        }
        let attachment = format!("/t/{}/a/{sha}", code(0));
        for _ in 0..SLOW_READERS {
            holders.push(tokio::spawn(slow_reader(addr, attachment.clone(), stop.clone())));
        }
        tokio::time::sleep(Duration::from_millis(500)).await;

        let peak_rss = Arc::new(Mutex::new(0_u64));
        let started = Instant::now();
        let syncs: Vec<_> = (0..TOWNSHIPS)
            .map(|n| tokio::spawn(township_sync(url.clone(), n)))
            .collect();
        let paths: Vec<String> = (0..PAGE_VIEWS)
            .map(|i| match i % 4 {
                0 => "/".to_owned(),
                1 => format!("/t/{}", code(i % TOWNSHIPS)),
                2 => format!("/t/{}/payouts", code(0)),
                _ => format!("/t/{}/payouts", code(i % TOWNSHIPS)),
            })
            .collect();
        let paths = Arc::new(Mutex::new(paths));
        let visitors: Vec<_> = (0..VISITORS)
            .map(|_| {
                let paths = paths.clone();
                tokio::spawn(async move {
                    let mut seen = Vec::new();
                    loop {
                        let Some(path) = paths.lock().unwrap().pop() else {
                            return seen;
                        };
                        let page = view(addr, &path).await;
                        seen.push((page.total, page.status));
                    }
                })
            })
            .collect();
        let sampler = {
            let peak_rss = peak_rss.clone();
            let served = served.clone();
            tokio::spawn(async move {
                loop {
                    let rss = served.memory_kb("VmRSS");
                    {
                        let mut peak = peak_rss.lock().unwrap();
                        *peak = (*peak).max(rss);
                    }
                    tokio::time::sleep(Duration::from_millis(20)).await;
                }
            })
        };

        let mut page_latencies = Vec::new();
        let mut page_errors = 0;
        for visitor in visitors {
            for (latency, status) in visitor.await.unwrap() {
                page_latencies.push(latency);
                if status != 200 {
                    page_errors += 1;
                }
            }
        }
        let (mut sync_latencies, mut shed, mut failed) = (Vec::new(), 0, 0);
        for sync in syncs {
            let (latencies, s, f) = sync.await.unwrap();
            sync_latencies.extend(latencies);
            shed += s;
            failed += f;
        }
        let wall = started.elapsed();
        let hwm = served.memory_kb("VmHWM");
        sampler.abort();
        let _ = sampler.await;
        stop.notify_waiters();
        for holder in holders {
            holder.abort();
        }

        println!(
            "\n{:<22} {:>6} {:>9} {:>9} {:>9} {:>8}",
            "requests", "count", "p50 ms", "p99 ms", "max ms", "> 1 s"
        );
        report("page views", page_latencies);
        report("sync requests", sync_latencies);
        println!(
            "page views not 200: {page_errors}; sync requests shed (503) and retried: {shed}; failed: {failed}"
        );
        println!(
            "wall time {:.1} s; peak RSS {:.1} MB (VmHWM), {:.1} MB sampled",
            wall.as_secs_f64(),
            hwm as f64 / 1024.0,
            *peak_rss.lock().unwrap() as f64 / 1024.0
        );

        // The page of one whole list, by 4 visitors at once, twice each: rendered in full.
        let detail = format!("/t/{}/p/{}", code(0), lists[0]);
        let viewers: Vec<_> = (0..4)
            .map(|_| {
                let detail = detail.clone();
                tokio::spawn(async move {
                    let mut seen = Vec::new();
                    for _ in 0..2 {
                        let page = view(addr, &detail).await;
                        seen.push((page.total, page.status));
                    }
                    seen
                })
            })
            .collect();
        let mut detail_latencies = Vec::new();
        for viewer in viewers {
            for (latency, status) in viewer.await.unwrap() {
                assert_eq!(status, 200);
                detail_latencies.push(latency);
            }
        }
        report(&format!("{rows}-row list page"), detail_latencies);
        println!(
            "peak RSS after the list pages {:.1} MB (VmHWM)",
            served.memory_kb("VmHWM") as f64 / 1024.0
        );
        drop(served);

        let (idle, peak, took, status) = bomb(&db_path).await;
        println!(
            "60 MiB-of-empty-rows push: answered {status} in {:.2} s; peak RSS {:.1} MB (idle {:.1} MB)",
            took.as_secs_f64(),
            peak as f64 / 1024.0,
            idle as f64 / 1024.0
        );
    });
}
