//! What the portal benchmarks share: the binary measured (this build's, or another for a
//! before/after comparison), a township registered and the portal served through it, a payout
//! list of any size, and one page view timed. (A folder, so Cargo does not take it for a bench.)
//! Not every bench reads every part.
#![allow(dead_code)]

use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use chrono::Utc;
use gongkai_sync::TownshipKey;
use gongkai_sync::types::{Entry, Op};
use serde_json::json;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

use crate::support::portal::{PortalProcess, free_port};

/// `GONGKAI_PORTAL_BIN`, else this build's `gongkai-portal`.
pub fn binary() -> PathBuf {
    std::env::var_os("GONGKAI_PORTAL_BIN")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_BIN_EXE_gongkai-portal")))
}

/// Registers a township through the binary measured, so the file is of its schema (an older
/// binary refuses a file migrated by a newer library).
pub fn register(db: &Path, code: &str, name: &str, key: &TownshipKey) {
    let added = std::process::Command::new(binary())
        .args(["township", "add", "--db"])
        .arg(db)
        .args(["--code", code, "--name", name, "--public-key"])
        .arg(key.public_key().to_string())
        .output()
        .unwrap();
    assert!(added.status.success(), "{added:?}");
}

/// The binary measured, serving `db` on a free loopback port.
pub fn serve(db: &Path) -> PortalProcess {
    PortalProcess::start_binary(&binary(), db, free_port())
}

/// A payout list of `rows` rows over 4 villages, 6 columns (as 耕地地力保护补贴 has).
pub fn payout_list(rows: usize, title: &str) -> Entry {
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
            "title": title, "project": "耕地地力保护补贴",
            "villages": villages,
            "summary": {"rows": rows, "amount_fen": 42000 * rows as i64}
        }),
    }
}

/// One page view, as a visitor sees it.
pub struct View {
    /// To the first byte of the answer.
    pub first: Duration,
    /// To its last.
    pub total: Duration,
    pub bytes: usize,
    /// 0 when the connection failed: under load that is counted, not fatal.
    pub status: u16,
}

/// GET `path` over a fresh connection.
pub async fn view(addr: SocketAddr, path: &str) -> View {
    let started = Instant::now();
    let failed = |started: Instant| View {
        first: started.elapsed(),
        total: started.elapsed(),
        bytes: 0,
        status: 0,
    };
    let Ok(mut stream) = TcpStream::connect(addr).await else {
        return failed(started);
    };
    let head = format!("GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
    if stream.write_all(head.as_bytes()).await.is_err() {
        return failed(started);
    }
    let mut answer = vec![0; 1];
    if stream.read_exact(&mut answer).await.is_err() {
        return failed(started);
    }
    let first = started.elapsed();
    let _ = stream.read_to_end(&mut answer).await;
    let status = String::from_utf8_lossy(answer.get(9..12).unwrap_or_default())
        .parse()
        .unwrap_or(0);
    View {
        first,
        total: started.elapsed(),
        bytes: answer.len(),
        status,
    }
}

pub fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}
