//! What the CLI's whole-program tests share: the `gongkai` binary, made-up numbers with valid
//! check characters, a seeded RNG, and the real county portal on loopback.

#![allow(dead_code)] // each test binary uses part of this

use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use gongkai_api::Api;
use gongkai_api::wire::{NoArgs, PublishInput, ReviewInput, SecrecyAnswer, SecrecyInput};
use gongkai_portal::{Portal, db};
use serde_json::Value;

/// Runs `gongkai` to the end.
pub fn gongkai(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_gongkai"))
        .args(args)
        .output()
        .unwrap()
}

pub fn path(p: &Path) -> &str {
    p.to_str().unwrap()
}

pub fn json(output: &Output) -> Value {
    serde_json::from_slice(&output.stdout).unwrap_or_else(|e| {
        panic!(
            "stdout is not JSON ({e}): {}",
            String::from_utf8_lossy(&output.stdout)
        )
    })
}

/// Says what a run printed, for a failed assertion.
pub fn said(output: &Output) -> String {
    format!(
        "{}: {}{}",
        output.status,
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    )
}

/// Whether 18 characters are an ID number by their check character (the date is not checked).
pub fn has_valid_check(candidate: &str) -> bool {
    candidate.len() == 18
        && candidate.is_ascii()
        && gongkai_domain::check_character(&candidate[..17])
            .is_some_and(|c| candidate[17..].starts_with(c))
}

/// A valid ID number of the demo region, different for each `n` below 243,000 and never one of
/// the legacy `.xls` fixture's (born 1980-01-01).
pub fn id(n: u32) -> String {
    let born = 19600102 + (n % 27) + 100 * (n / 27 % 12) + 10000 * (n / 324 % 30);
    let body = format!("999901{born}{:03}", n % 1000);
    format!("{body}{}", gongkai_domain::check_character(&body).unwrap())
}

/// A bank card number: 19 digits for even `n`, 16 for odd, each different.
pub fn bank(n: u32) -> String {
    if n.is_multiple_of(2) {
        format!("6217{:015}", 318_000_000_271 + u64::from(n) * 7_919)
    } else {
        format!("6228{:012}", 480_000_172 + u64::from(n) * 6_113)
    }
}

/// SplitMix64: small and seedable, so a failing run can be replayed.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Self(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// Uniform in `0..n` (`n > 0`).
    pub fn below(&mut self, n: u64) -> u64 {
        self.next_u64() % n.max(1)
    }
}

/// The real county portal (`gongkai_portal::serve`) on 127.0.0.1, on its own runtime thread.
pub struct County {
    pub db: PathBuf,
    pub addr: SocketAddr,
    _runtime: std::thread::JoinHandle<()>,
}

impl County {
    pub fn start(db: &Path) -> County {
        let portal = Portal::open(db).unwrap();
        let (tx, rx) = std::sync::mpsc::channel();
        let runtime = std::thread::spawn(move || {
            let runtime = tokio::runtime::Runtime::new().unwrap();
            runtime.block_on(async move {
                let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
                tx.send(listener.local_addr().unwrap()).unwrap();
                gongkai_portal::serve(listener, portal).await.unwrap();
            });
        });
        County {
            db: db.to_owned(),
            addr: rx.recv().unwrap(),
            _runtime: runtime,
        }
    }

    pub fn url(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// Registers the township of the database at `township` (its sync identity, made on first
    /// use) and answers its code.
    pub fn register(&self, township: &Path) -> String {
        let out = gongkai(&["sync", "identity", "--db", path(township), "--json"]);
        assert!(out.status.success(), "{}", said(&out));
        let identity = json(&out);
        let code = identity["township_code"].as_str().unwrap().to_owned();
        let mut conn = db::open(&self.db).unwrap();
        db::township_add(
            &mut conn,
            &code,
            "示范镇",
            identity["public_key"].as_str().unwrap(),
        )
        .unwrap();
        code
    }

    /// GET `path` on the portal: (status, body), a chunked body joined.
    pub fn get(&self, path: &str) -> (u16, Vec<u8>) {
        use std::io::{Read, Write};
        let mut stream = std::net::TcpStream::connect(self.addr).unwrap();
        let head = format!(
            "GET {path} HTTP/1.1\r\nHost: {}\r\nConnection: close\r\n\r\n",
            self.addr
        );
        stream.write_all(head.as_bytes()).unwrap();
        let mut response = Vec::new();
        stream.read_to_end(&mut response).unwrap();
        let split = response.windows(4).position(|w| w == b"\r\n\r\n").unwrap();
        let head = String::from_utf8_lossy(&response[..split]).to_lowercase();
        let status = head[9..12].parse().unwrap();
        let mut body = response[split + 4..].to_vec();
        if head.contains("transfer-encoding: chunked") {
            body = unchunk(&body);
        }
        (status, body)
    }
}

fn unchunk(mut body: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    while let Some(eol) = body.windows(2).position(|w| w == b"\r\n") {
        let size_text = String::from_utf8_lossy(&body[..eol]);
        let size = usize::from_str_radix(size_text.split(';').next().unwrap().trim(), 16).unwrap();
        if size == 0 {
            break;
        }
        let start = eol + 2;
        out.extend_from_slice(&body[start..start + size]);
        body = &body[start + size + 2..];
    }
    out
}

/// Takes a draft record through 三审 (拟稿 李明, 审核 王芳, 审定 张建国 of the demo township),
/// the secrecy review and publication on the county's site.
pub fn publish_draft(api: &Api, record: &str) {
    through_the_controls(api, record);
    api.record_publish(publish_input(record)).unwrap();
}

/// Publication of `record` on the county's site by 李明.
pub fn publish_input(record: &str) -> PublishInput {
    PublishInput {
        record_id: record.to_owned(),
        channel: "政府网站".to_owned(),
        location: "县政府网站".to_owned(),
        published_on: Some("2026-11-04".to_owned()),
        published_by: "李明".to_owned(),
        note: None,
    }
}

/// 三审 (拟稿 李明, 审核 王芳, 审定 张建国 of the demo township) and the secrecy review of a draft.
pub fn through_the_controls(api: &Api, record: &str) {
    let profile = api.profile_get(NoArgs {}).unwrap();
    let person = |name: &str| {
        profile
            .people
            .iter()
            .find(|p| p.name == name)
            .unwrap()
            .id
            .clone()
    };
    let signers = ["李明", "王芳", "张建国"].map(person);
    for (stage, who) in ["draft", "review", "approve"].iter().zip(&signers) {
        api.record_review(ReviewInput {
            record_id: record.to_owned(),
            stage: (*stage).to_owned(),
            person_id: who.clone(),
            decided_on: Some("2026-11-03".to_owned()),
            opinion: String::new(),
            passed: true,
        })
        .unwrap();
    }
    let questions = api.record_options(NoArgs {}).unwrap().secrecy_questions;
    api.record_secrecy(SecrecyInput {
        record_id: record.to_owned(),
        reviewer_id: signers[1].clone(),
        decided_on: Some("2026-11-03".to_owned()),
        answers: questions
            .iter()
            .map(|q| SecrecyAnswer {
                key: q.key.clone(),
                concern: false,
            })
            .collect(),
        opinion: String::new(),
    })
    .unwrap();
}
