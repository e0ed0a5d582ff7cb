//! The township side of sync, as stored: the signing key, the outbox (an entry is written in the
//! same transaction as the change it carries), pull cursors, county changes applied once, county
//! notices, and the log of runs. Payloads are JSON text built by the API; the store only keeps
//! them and their order.

use gongkai_domain::RowId;
use rusqlite::{OptionalExtension, params};

use crate::{Store, StoreError, Writer};

/// What a change sends to the county, written with the change itself.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutboxItem {
    /// Protocol kind key: `record`, `payout_list`, `catalog_adjustment`, …
    pub kind: &'static str,
    /// The thing changed; stable across its versions.
    pub object_id: String,
    pub withdraw: bool,
    /// The whole new version (or the withdrawal's reason), as JSON.
    pub payload: String,
}

/// An outbox entry not yet acknowledged or refused by the portal.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PendingEntry {
    pub entry_id: String,
    pub kind: String,
    pub object_id: String,
    pub withdraw: bool,
    pub replaces: Option<String>,
    pub payload: String,
    pub created_at: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyncIdentity {
    pub secret: String,
    pub public_key: String,
    pub portal_url: Option<String>,
    /// The county portal's CA certificate (PEM), when the system's trust store lacks it.
    pub county_ca_pem: Option<String>,
}

/// Counts for the sync screen.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct OutboxCounts {
    pub pending: u32,
    pub acked: u32,
    pub rejected: u32,
}

/// One sync run as logged.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyncRun {
    pub started_at: String,
    pub finished_at: String,
    pub trigger: String,
    pub pushed: u32,
    pub pulled: u32,
    pub pending: u32,
    pub error: Option<String>,
}

impl Writer<'_> {
    /// Appends an outbox entry in the caller's transaction. It replaces the newest earlier entry
    /// of the same object, so the county can tell an edit from a new thing.
    pub(crate) fn enqueue(&self, item: &OutboxItem) -> Result<(), StoreError> {
        let replaces: Option<String> = self
            .tx
            .query_row(
                "SELECT entry_id FROM sync_outbox WHERE object_id = ?1 ORDER BY seq DESC LIMIT 1",
                [&item.object_id],
                |r| r.get(0),
            )
            .optional()?;
        self.tx.execute(
            "INSERT INTO sync_outbox (entry_id, kind, object_id, op, replaces, payload, created_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            params![
                RowId::new().to_string(),
                item.kind,
                item.object_id,
                if item.withdraw { "withdraw" } else { "upsert" },
                replaces,
                item.payload,
                self.now_text()
            ],
        )?;
        Ok(())
    }

    /// Notes a pulled county change as applied, in the transaction that applies it.
    pub(crate) fn mark_applied(&self, change_id: &str, stream: &str) -> Result<(), StoreError> {
        self.tx.execute(
            "INSERT INTO sync_applied (change_id, stream, applied_at) VALUES (?1, ?2, ?3)",
            params![change_id, stream, self.now_text()],
        )?;
        Ok(())
    }
}

impl Store {
    /// The identity, its secret from the keystore.
    pub fn sync_identity(&self) -> Result<Option<SyncIdentity>, StoreError> {
        let row = self
            .conn
            .query_row(
                "SELECT public_key, portal_url, county_ca_pem FROM sync_identity",
                [],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )
            .optional()?;
        let Some((public_key, portal_url, county_ca_pem)) = row else {
            return Ok(None);
        };
        let secret = self.signing_secret()?.ok_or(StoreError::SecretMissing {
            what: gongkai_secrets::SecretName::SigningSecret.label(),
        })?;
        Ok(Some(SyncIdentity {
            secret: secret.to_string(),
            public_key,
            portal_url,
            county_ca_pem,
        }))
    }

    /// Keeps a newly made identity, its secret in the keystore; an existing one is never
    /// replaced (the county registered its public key).
    pub fn create_sync_identity(
        &mut self,
        secret: &str,
        public_key: &str,
    ) -> Result<(), StoreError> {
        let keystore = self.keystore.clone();
        self.write(|w| {
            let exists: bool =
                w.tx.query_row("SELECT EXISTS (SELECT 1 FROM sync_identity)", [], |r| {
                    r.get(0)
                })?;
            if exists {
                return Ok(());
            }
            Self::install_signing_secret(&keystore, w, secret)?;
            w.tx.execute(
                "INSERT INTO sync_identity (singleton, public_key, created_at) VALUES (1, ?1, ?2)",
                params![public_key, w.now_text()],
            )?;
            Ok(())
        })
    }

    pub fn set_portal_url(&mut self, url: &str) -> Result<(), StoreError> {
        self.update_identity("UPDATE sync_identity SET portal_url = ?1", Some(url))
    }

    /// Keeps (or with `None` forgets) the county portal's CA certificate.
    pub fn set_county_ca(&mut self, pem: Option<&str>) -> Result<(), StoreError> {
        self.update_identity("UPDATE sync_identity SET county_ca_pem = ?1", pem)
    }

    /// One setting of the identity; there must be an identity to set it on.
    fn update_identity(
        &mut self,
        sql: &'static str,
        value: Option<&str>,
    ) -> Result<(), StoreError> {
        self.write(|w| {
            if w.tx.execute(sql, [value])? == 0 {
                return Err(StoreError::NotFound {
                    what: "同步身份"
                });
            }
            Ok(())
        })
    }

    /// The next request sequence number: `next(last)`, persisted before it is used, so a number
    /// is never signed twice even if the program dies right after.
    pub fn next_sync_seq(&mut self, next: impl Fn(u64) -> u64) -> Result<u64, StoreError> {
        self.write(|w| {
            let last: i64 =
                w.tx.query_row("SELECT last_seq FROM sync_identity", [], |r| r.get(0))
                    .optional()?
                    .ok_or(StoreError::NotFound {
                        what: "同步身份"
                    })?;
            let seq = next(u64::try_from(last).unwrap_or(0));
            w.tx.execute(
                "UPDATE sync_identity SET last_seq = ?1",
                [i64::try_from(seq).unwrap_or(i64::MAX)],
            )?;
            Ok(seq)
        })
    }

    /// Up to `limit` pending entries, oldest first.
    pub fn pending_entries(&self, limit: u32) -> Result<Vec<PendingEntry>, StoreError> {
        let mut stmt = self.conn.prepare(
            "SELECT entry_id, kind, object_id, op, replaces, payload, created_at FROM sync_outbox
             WHERE acked_at IS NULL AND rejected IS NULL ORDER BY seq LIMIT ?1",
        )?;
        let rows = stmt.query_map([limit], |r| {
            Ok(PendingEntry {
                entry_id: r.get(0)?,
                kind: r.get(1)?,
                object_id: r.get(2)?,
                withdraw: r.get::<_, String>(3)? == "withdraw",
                replaces: r.get(4)?,
                payload: r.get(5)?,
                created_at: r.get(6)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Records the portal's answer: acknowledged entries are done, refused ones are kept with the
    /// reason and never sent again.
    pub fn settle_entries(
        &mut self,
        acked: &[String],
        rejected: &[(String, String)],
    ) -> Result<(), StoreError> {
        self.write(|w| {
            let now = w.now_text();
            let mut ack = w.tx.prepare_cached(
                "UPDATE sync_outbox SET acked_at = ?2 WHERE entry_id = ?1 AND acked_at IS NULL",
            )?;
            for id in acked {
                ack.execute(params![id, now])?;
            }
            let mut refuse = w.tx.prepare_cached(
                "UPDATE sync_outbox SET rejected = ?2
                 WHERE entry_id = ?1 AND acked_at IS NULL AND rejected IS NULL",
            )?;
            for (id, reason) in rejected {
                refuse.execute(params![id, reason])?;
            }
            Ok(())
        })
    }

    pub fn outbox_counts(&self) -> Result<OutboxCounts, StoreError> {
        Ok(self.conn.query_row(
            "SELECT count(*) FILTER (WHERE acked_at IS NULL AND rejected IS NULL),
                    count(*) FILTER (WHERE acked_at IS NOT NULL),
                    count(*) FILTER (WHERE rejected IS NOT NULL)
             FROM sync_outbox",
            [],
            |r| {
                Ok(OutboxCounts {
                    pending: r.get(0)?,
                    acked: r.get(1)?,
                    rejected: r.get(2)?,
                })
            },
        )?)
    }

    /// Entries the portal refused: (kind, payload, reason).
    pub fn rejected_entries(&self) -> Result<Vec<(String, String, String)>, StoreError> {
        let mut stmt = self.conn.prepare(
            "SELECT kind, payload, rejected FROM sync_outbox WHERE rejected IS NOT NULL ORDER BY seq",
        )?;
        let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    pub fn sync_cursor(&self, stream: &str) -> Result<Option<String>, StoreError> {
        Ok(self
            .conn
            .query_row(
                "SELECT cursor FROM sync_cursor WHERE stream = ?1",
                [stream],
                |r| r.get(0),
            )
            .optional()?)
    }

    /// Moves a stream's cursor; called only after every change before it is committed.
    pub fn set_sync_cursor(&mut self, stream: &str, cursor: &str) -> Result<(), StoreError> {
        self.write(|w| {
            w.tx.execute(
                "INSERT INTO sync_cursor (stream, cursor, updated_at) VALUES (?1, ?2, ?3)
                 ON CONFLICT (stream) DO UPDATE SET cursor = excluded.cursor,
                     updated_at = excluded.updated_at",
                params![stream, cursor, w.now_text()],
            )?;
            Ok(())
        })
    }

    pub fn is_applied(&self, change_id: &str) -> Result<bool, StoreError> {
        Ok(self
            .conn
            .query_row(
                "SELECT 1 FROM sync_applied WHERE change_id = ?1",
                [change_id],
                |_| Ok(()),
            )
            .optional()?
            .is_some())
    }

    /// Keeps a county notice (applied once, with the change id).
    pub fn add_county_notice(
        &mut self,
        change_id: &str,
        version: &str,
        title: &str,
        body: &str,
        published_on: &str,
    ) -> Result<(), StoreError> {
        self.write(|w| {
            w.tx.execute(
                "INSERT INTO county_notice (id, version, title, body, published_on, received_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                params![change_id, version, title, body, published_on, w.now_text()],
            )?;
            w.mark_applied(change_id, "notices")
        })
    }

    /// County notices, newest first: (title, body, published_on).
    pub fn county_notices(&self) -> Result<Vec<(String, String, String)>, StoreError> {
        let mut stmt = self.conn.prepare(
            "SELECT title, body, published_on FROM county_notice ORDER BY published_on DESC, id DESC",
        )?;
        let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    pub fn log_sync_run(&mut self, run: &SyncRun) -> Result<(), StoreError> {
        self.write(|w| {
            w.tx.execute(
                "INSERT INTO sync_run (started_at, finished_at, trigger, pushed, pulled, pending, error)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                params![
                    run.started_at,
                    run.finished_at,
                    run.trigger,
                    run.pushed,
                    run.pulled,
                    run.pending,
                    run.error
                ],
            )?;
            Ok(())
        })
    }

    /// The newest runs, newest first.
    pub fn sync_runs(&self, limit: u32) -> Result<Vec<SyncRun>, StoreError> {
        let mut stmt = self.conn.prepare(
            "SELECT started_at, finished_at, trigger, pushed, pulled, pending, error FROM sync_run
             ORDER BY id DESC LIMIT ?1",
        )?;
        let rows = stmt.query_map([limit], |r| {
            Ok(SyncRun {
                started_at: r.get(0)?,
                finished_at: r.get(1)?,
                trigger: r.get(2)?,
                pushed: r.get(3)?,
                pulled: r.get(4)?,
                pending: r.get(5)?,
                error: r.get(6)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }
}
