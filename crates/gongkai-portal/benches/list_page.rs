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

mod bench_support;

use std::time::Instant;

use gongkai_sync::TownshipKey;
use gongkai_sync::client::{ClockSeq, PortalClient};

use bench_support::{binary, ms, payout_list, register, serve, view};
use support::township::CODE;

fn main() {
    let rows: usize = std::env::var("GONGKAI_LIST_ROWS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(100_000);
    println!("binary {}", binary().display());
    let dir = tempfile::tempdir().unwrap();
    let db_path = dir.path().join("portal.sqlite3");
    let key = TownshipKey::from_seed(&[7; 32]);
    register(&db_path, CODE, "示范镇", &key);
    let runtime = tokio::runtime::Runtime::new().unwrap();
    runtime.block_on(async {
        let list = payout_list(rows, "2026 年耕地地力保护补贴发放公示");
        let pushed = {
            let portal = serve(&db_path);
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

        let portal = serve(&db_path);
        let addr = portal.addr;
        let path = format!("/t/{CODE}/p/{}", list.object_id);
        println!(
            "fresh process: RSS {:.1} MB",
            portal.memory_kb("VmRSS") as f64 / 1024.0
        );
        println!("\n{:<12} {:>14} {:>10} {:>10}", "view", "first byte ms", "total ms", "MB");
        for n in 1..=5 {
            let seen = view(addr, &path).await;
            assert_eq!(seen.status, 200);
            println!(
                "{n:<12} {:>14.1} {:>10.1} {:>10.1}",
                ms(seen.first),
                ms(seen.total),
                seen.bytes as f64 / 1_048_576.0
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
            for seen in visitor.await.unwrap() {
                assert_eq!(seen.status, 200);
                firsts.push(seen.first);
                totals.push(seen.total);
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
