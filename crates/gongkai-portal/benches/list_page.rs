//! The public page of one whole payout list (`/t/{code}/p/{id}`), measured on the real
//! `gongkai-portal serve` on loopback: a list of 100,000 rows (6 columns, 4 villages) is pushed
//! (how long the push takes, the page being rendered then), then a fresh process on the file
//! serves the page 5 times one after another (time to the first byte of the answer, time to
//! its last, bytes) and 4 visitors twice each at once; the peak RSS of that process (VmHWM)
//! after each.
//!
//! `cargo bench -p gongkai-portal --bench list_page`. `GONGKAI_PORTAL_BIN=path` measures
//! another build (an older one, for a before/after comparison); `GONGKAI_LIST_ROWS=n` sets the
//! rows (100,000).

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::print_stdout
)]

#[path = "../tests/support/mod.rs"]
mod support;

use std::net::SocketAddr;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use chrono::Utc;
use gongkai_sync::TownshipKey;
use gongkai_sync::client::{ClockSeq, PortalClient};
use gongkai_sync::types::{Entry, Op};
use serde_json::json;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

use support::portal::{PortalProcess, free_port};
use support::township::CODE;

fn binary() -> PathBuf {
    std::env::var_os("GONGKAI_PORTAL_BIN")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_BIN_EXE_gongkai-portal")))
}

fn payout_list(rows: usize) -> Entry {
    let villages: Vec<_> = (0..4)
        .map(|v| {
            let count = rows / 4 + usize::from(v < rows % 4);
            let cells: Vec<Vec<String>> = (0..count)
                .map(|i| {
                    vec![
                        format!("张{i}*"),
                        "3415**********1234".to_owned(),
                        format!("{}组", i % 12 + 1),
                        "3.50".to_owned(),
                        "120.00".to_owned(),
                        "420.00".to_owned(),
                    ]
                })
                .collect();
            json!({
                "village_code": format!("34150210120{v}"), "village_name": format!("第{v}村"),
                "notice_from": "2026-03-01", "notice_to": "2026-03-07",
                "columns": ["姓名", "身份证号", "村组", "面积（亩）", "标准（元/亩）", "金额（元）"],
                "rows": cells,
                "summary": {"rows": count, "amount_fen": 42000 * count as i64}
            })
        })
        .collect();
    let id = uuid::Uuid::now_v7().to_string();
    Entry {
        id: id.clone(),
        kind: "payout_list".into(),
        object_id: id,
        op: Op::Upsert,
        replaces: None,
        created_at: Utc::now().to_rfc3339(),
        payload: json!({
            "title": "2026 年耕地地力保护补贴发放公示", "project": "耕地地力保护补贴",
            "villages": villages,
            "summary": {"rows": rows, "amount_fen": 42000 * rows as i64}
        }),
    }
}

/// One view over a fresh connection: (to the first byte, to the last, bytes, status).
async fn view(addr: SocketAddr, path: &str) -> (Duration, Duration, usize, u16) {
    let started = Instant::now();
    let mut stream = TcpStream::connect(addr).await.unwrap();
    let head = format!("GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
    stream.write_all(head.as_bytes()).await.unwrap();
    let mut answer = vec![0; 1];
    stream.read_exact(&mut answer).await.unwrap();
    let first = started.elapsed();
    stream.read_to_end(&mut answer).await.unwrap();
    let status = String::from_utf8_lossy(answer.get(9..12).unwrap_or_default())
        .parse()
        .unwrap_or(0);
    (first, started.elapsed(), answer.len(), status)
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn main() {
    let rows: usize = std::env::var("GONGKAI_LIST_ROWS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(100_000);
    let binary = binary();
    println!("binary {}", binary.display());
    let dir = tempfile::tempdir().unwrap();
    let db_path = dir.path().join("portal.sqlite3");
    let key = TownshipKey::from_seed(&[7; 32]);
    // Registered by the binary measured, which creates the file at its own schema.
    let status = std::process::Command::new(&binary)
        .args(["township", "add", "--db"])
        .arg(&db_path)
        .args(["--code", CODE, "--name", "示范镇", "--public-key"])
        .arg(key.public_key().to_string())
        .status()
        .unwrap();
    assert!(status.success());
    let runtime = tokio::runtime::Runtime::new().unwrap();
    runtime.block_on(async {
        let port = free_port();
        let list = payout_list(rows);
        let pushed = {
            let portal = PortalProcess::start_binary(&binary, &db_path, port);
            let client =
                PortalClient::new(&format!("http://{}", portal.addr), CODE, key, None).unwrap();
            let started = Instant::now();
            let ack = client
                .push(&mut ClockSeq::default(), std::slice::from_ref(&list))
                .await
                .unwrap();
            assert_eq!(ack.stored, 1, "{ack:?}");
            started.elapsed()
        };
        println!("push of the {rows}-row list answered in {:.0} ms", ms(pushed));

        let portal = PortalProcess::start_binary(&binary, &db_path, port);
        let addr = portal.addr;
        let path = format!("/t/{CODE}/p/{}", list.object_id);
        println!(
            "fresh process: RSS {:.1} MB",
            portal.memory_kb("VmRSS") as f64 / 1024.0
        );
        println!("\n{:<12} {:>14} {:>10} {:>10}", "view", "first byte ms", "total ms", "MB");
        for n in 1..=5 {
            let (first, total, bytes, status) = view(addr, &path).await;
            assert_eq!(status, 200);
            println!(
                "{n:<12} {:>14.1} {:>10.1} {:>10.1}",
                ms(first),
                ms(total),
                bytes as f64 / 1_048_576.0
            );
        }
        println!(
            "peak RSS after one visitor at a time {:.1} MB (VmHWM)",
            portal.memory_kb("VmHWM") as f64 / 1024.0
        );
        let visitors: Vec<_> = (0..4)
            .map(|_| {
                let path = path.clone();
                tokio::spawn(async move {
                    let mut seen = Vec::new();
                    for _ in 0..2 {
                        seen.push(view(addr, &path).await);
                    }
                    seen
                })
            })
            .collect();
        let (mut firsts, mut totals) = (Vec::new(), Vec::new());
        for visitor in visitors {
            for (first, total, _, status) in visitor.await.unwrap() {
                assert_eq!(status, 200);
                firsts.push(first);
                totals.push(total);
            }
        }
        firsts.sort();
        totals.sort();
        println!(
            "4 visitors × 2 at once: first byte median {:.1} ms, max {:.1} ms; total median {:.1} ms, max {:.1} ms",
            ms(firsts[firsts.len() / 2]),
            ms(firsts[firsts.len() - 1]),
            ms(totals[totals.len() / 2]),
            ms(totals[totals.len() - 1])
        );
        println!(
            "peak RSS after the visitors at once {:.1} MB (VmHWM)",
            portal.memory_kb("VmHWM") as f64 / 1024.0
        );
    });
}
