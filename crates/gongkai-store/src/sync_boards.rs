//! What a sync run reads for bulletin-board postings: the queue without the kinds the portal
//! does not take yet, and the files a posting entry names (its printed sheet, its photos),
//! uploaded before the entry.

use rusqlite::OptionalExtension;

use crate::{PendingEntry, Store, StoreError};

impl Store {
    /// Like [`Store::pending_entries`], without entries of `withheld` kinds: those stay queued
    /// for a portal that takes them, and must not hold up the entries behind them.
    pub fn pending_entries_except(
        &self,
        limit: u32,
        withheld: &[String],
    ) -> Result<Vec<PendingEntry>, StoreError> {
        // Kind keys are snake_case words: a comma-separated list is unambiguous.
        let withheld = format!(",{},", withheld.join(","));
        let mut stmt = self.conn.prepare(
            "SELECT entry_id, kind, object_id, op, replaces, payload, created_at FROM sync_outbox
             WHERE acked_at IS NULL AND rejected IS NULL
               AND instr(?2, ',' || kind || ',') = 0
             ORDER BY seq LIMIT ?1",
        )?;
        let rows = stmt.query_map(rusqlite::params![limit, withheld], |r| {
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

    /// A printed sheet's bytes by their SHA-256 (`None` once a reprint replaced it).
    pub fn posting_sheet_content(&self, sha256: &str) -> Result<Option<Vec<u8>>, StoreError> {
        Ok(self
            .conn
            .query_row(
                "SELECT content FROM posting_file WHERE sha256 = ?1 LIMIT 1",
                [sha256],
                |r| r.get(0),
            )
            .optional()?)
    }

    /// A board photo's stored (downscaled) JPEG by its SHA-256.
    pub fn photo_content(&self, sha256: &str) -> Result<Option<Vec<u8>>, StoreError> {
        Ok(self
            .conn
            .query_row(
                "SELECT content FROM photo WHERE sha256 = ?1",
                [sha256],
                |r| r.get(0),
            )
            .optional()?)
    }
}
