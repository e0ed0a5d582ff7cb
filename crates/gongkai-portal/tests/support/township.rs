//! A test "township": an outbox and a sequence counter in a small SQLite file (so the state
//! survives a killed client process), and the push loop the real client must run.
//!
//! The loop follows the protocol: an entry in `acked` is marked sent, one in `rejected` failed
//! for good, one in neither is sent again; every request takes a new sequence number that is
//! persisted before it is used; a retryable error (network, 5xx, `replayed`) is retried with
//! backoff — a `replayed` refusal simply means the next attempt is signed with a fresh number.

use std::collections::HashSet;
use std::path::Path;
use std::time::Duration;

use chrono::Utc;
use gongkai_sync::client::{ClientError, PortalClient, SeqSource};
use gongkai_sync::types::{Entry, ErrorCode, Op, PushAck};
use rusqlite::{Connection, params};
use serde_json::json;

pub const CODE: &str = "341502101";

/// Real domains of the national catalog, so the pages order them as the standard does.
const ITEMS: &[(&str, &str)] = &[
    ("财政预决算/预算/部门预算", "部门预算"),
    ("涉农补贴/惠民惠农财政补贴/补贴政策", "补贴政策"),
    ("社会救助/最低生活保障/低保对象", "低保对象"),
    ("义务教育/学校管理/招生入学", "招生入学"),
];

/// The `i`-th record of a test township: a unique title no other title contains.
pub fn record(i: usize) -> Entry {
    let (item_key, item_name) = ITEMS[i % ITEMS.len()];
    let domain = item_key.split('/').next().unwrap_or_default();
    Entry {
        id: uuid::Uuid::now_v7().to_string(),
        kind: "record".into(),
        object_id: uuid::Uuid::now_v7().to_string(),
        op: Op::Upsert,
        replaces: None,
        created_at: Utc::now().to_rfc3339(),
        payload: json!({
            "item_key": item_key, "domain": domain, "item_name": item_name,
            "title": title(i), "doc_number": format!("示政〔2026〕{i}号"),
            "formed_on": "2026-01-05", "published_on": "2026-01-06",
            "body": format!("第 {i} 号公开信息正文。经审核、审定和保密审查，现予公开。"),
            "channels": ["政府网站", "公开栏"], "attachments": []
        }),
    }
}

pub fn title(i: usize) -> String {
    format!("示范镇公开信息第{i:05}号")
}

/// The outbox, its sequence counter, and the entries' fates.
pub struct Township {
    conn: Connection,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Counts {
    pub pending: usize,
    pub acked: usize,
    pub rejected: usize,
}

impl Township {
    /// Opens (creating) the state file.
    pub fn open(path: &Path) -> Township {
        let conn = Connection::open(path).expect("township state");
        conn.busy_timeout(Duration::from_secs(10)).expect("busy");
        conn.pragma_update(None, "journal_mode", "WAL")
            .expect("wal");
        conn.pragma_update(None, "synchronous", "FULL")
            .expect("sync");
        conn.execute_batch(
            "CREATE TABLE IF NOT EXISTS outbox (
                 position INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, object_id TEXT NOT NULL,
                 entry TEXT NOT NULL,
                 status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'acked', 'rejected')));
             CREATE TABLE IF NOT EXISTS seq (one INTEGER PRIMARY KEY CHECK (one = 1), last INTEGER NOT NULL);
             INSERT OR IGNORE INTO seq (one, last) VALUES (1, 0);",
        )
        .expect("township schema");
        Township { conn }
    }

    /// Puts `entries` in the outbox (one transaction).
    pub fn add(&mut self, entries: &[Entry]) {
        let tx = self.conn.transaction().expect("tx");
        for entry in entries {
            tx.execute(
                "INSERT INTO outbox (id, object_id, entry) VALUES (?1, ?2, ?3)",
                params![
                    entry.id,
                    entry.object_id,
                    serde_json::to_string(entry).expect("json")
                ],
            )
            .expect("insert");
        }
        tx.commit().expect("commit");
    }

    pub fn pending(&self, limit: usize) -> Vec<Entry> {
        let mut stmt = self
            .conn
            .prepare("SELECT entry FROM outbox WHERE status = 'pending' ORDER BY position LIMIT ?1")
            .expect("prepare");
        stmt.query_map([limit as i64], |r| r.get::<_, String>(0))
            .expect("query")
            .map(|r| serde_json::from_str(&r.expect("row")).expect("entry"))
            .collect()
    }

    /// Marks what the portal acknowledged and what it rejected, in one transaction.
    pub fn mark(&mut self, ack: &PushAck) {
        let tx = self.conn.transaction().expect("tx");
        for id in &ack.acked {
            tx.execute(
                "UPDATE outbox SET status = 'acked' WHERE id = ?1 AND status = 'pending'",
                [id],
            )
            .expect("ack");
        }
        for r in &ack.rejected {
            tx.execute(
                "UPDATE outbox SET status = 'rejected' WHERE id = ?1 AND status = 'pending'",
                [&r.id],
            )
            .expect("reject");
        }
        tx.commit().expect("commit");
    }

    /// Marks entries sent without an answer: what a *wrong* client does (used to show the
    /// convergence check catches it).
    pub fn mark_sent_blindly(&mut self, entries: &[Entry]) {
        for e in entries {
            self.conn
                .execute("UPDATE outbox SET status = 'acked' WHERE id = ?1", [&e.id])
                .expect("mark");
        }
    }

    pub fn counts(&self) -> Counts {
        let count = |status: &str| -> usize {
            self.conn
                .query_row(
                    "SELECT count(*) FROM outbox WHERE status = ?1",
                    [status],
                    |r| r.get::<_, i64>(0),
                )
                .expect("count") as usize
        };
        Counts {
            pending: count("pending"),
            acked: count("acked"),
            rejected: count("rejected"),
        }
    }

    /// Every (entry id, object id) of the outbox.
    pub fn ids(&self) -> Vec<(String, String)> {
        let mut stmt = self
            .conn
            .prepare("SELECT id, object_id FROM outbox ORDER BY position")
            .expect("prepare");
        stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
            .expect("query")
            .map(|r| r.expect("row"))
            .collect()
    }

    pub fn last_seq(&self) -> u64 {
        self.conn
            .query_row("SELECT last FROM seq", [], |r| r.get::<_, i64>(0))
            .expect("seq") as u64
    }
}

/// The sequence number is taken and persisted before the request is signed.
impl SeqSource for Township {
    fn next_seq(&mut self) -> Result<u64, String> {
        let last = self.last_seq();
        let next = gongkai_sync::auth::next_seq(last, Utc::now());
        let next_i = i64::try_from(next).map_err(|e| e.to_string())?;
        self.conn
            .execute("UPDATE seq SET last = ?1", [next_i])
            .map_err(|e| e.to_string())?;
        Ok(next)
    }
}

/// What a sync loop went through.
#[derive(Debug, Default, Clone, Copy)]
pub struct Report {
    pub attempts: u64,
    pub ok: u64,
    pub stored: u64,
    /// Entries acknowledged that this push did not store (seen before).
    pub acked_again: u64,
    pub network_errors: u64,
    pub replayed: u64,
    pub other_retryable: u64,
}

/// Pushes the outbox in batches of `batch` until nothing is pending. Fails on an error that
/// needs a person, on an answer that names entries not sent, or after `max_attempts`.
pub async fn sync(
    client: &PortalClient,
    town: &mut Township,
    batch: usize,
    max_attempts: u64,
) -> Result<Report, String> {
    let mut report = Report::default();
    let mut failures_in_a_row = 0u32;
    loop {
        let entries = town.pending(batch);
        if entries.is_empty() {
            return Ok(report);
        }
        if report.attempts >= max_attempts {
            return Err(format!(
                "still {} pending after {max_attempts} attempts: {report:?}",
                town.counts().pending
            ));
        }
        report.attempts += 1;
        let before = town.last_seq();
        let result = client.push(town, &entries).await;
        if town.last_seq() <= before {
            return Err("the sequence number did not move forward".into());
        }
        match result {
            Ok(ack) => {
                failures_in_a_row = 0;
                let sent: HashSet<&str> = entries.iter().map(|e| e.id.as_str()).collect();
                if let Some(stranger) = ack
                    .acked
                    .iter()
                    .chain(ack.rejected.iter().map(|r| &r.id))
                    .find(|id| !sent.contains(id.as_str()))
                {
                    return Err(format!(
                        "the portal answered for an entry not sent: {stranger}"
                    ));
                }
                report.ok += 1;
                report.stored += ack.stored;
                report.acked_again += ack.acked.len() as u64 - ack.stored;
                town.mark(&ack);
            }
            Err(e) if e.is_retryable() => {
                match &e {
                    ClientError::Network(_) => report.network_errors += 1,
                    ClientError::Refused { error, .. } if error.code == ErrorCode::Replayed => {
                        report.replayed += 1
                    }
                    _ => report.other_retryable += 1,
                }
                failures_in_a_row += 1;
                let backoff = Duration::from_millis((2u64 << failures_in_a_row.min(6)).min(100));
                tokio::time::sleep(backoff).await;
            }
            Err(e) => return Err(format!("refused for good: {e} ({:?})", e.code())),
        }
    }
}
