//! Disclosure records (their three-level review and secrecy check are `review`'s, cleared here
//! on an edit), the publication register, and calendar updates. The rules live in
//! `gongkai-records`; the publication gate is repeated here by triggers (migration 6).

use chrono::NaiveDate;
use gongkai_domain::RowId;
use rusqlite::{OptionalExtension, Row, params};

use crate::attachments::{RECORD_FILES, StoredAttachment};
use crate::review::{Reviewed, clear_controls};
use crate::{OutboxItem, Store, StoreError};

/// A record as stored. Plain values: the API turns them into `gongkai-records` types.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredRecord {
    pub id: RowId,
    pub item_key: String,
    pub domain: String,
    pub item_name: String,
    pub title: String,
    pub doc_number: Option<String>,
    pub formed_on: NaiveDate,
    pub body: String,
    pub channels: Vec<String>,
    pub attribute: String,
    pub ground: Option<String>,
    pub attribute_reason: Option<String>,
    pub redacted: bool,
    pub redaction_removed: Option<String>,
    pub redaction_why: Option<String>,
    pub time_limit_days: u32,
    pub due_on: NaiveDate,
    pub due_provisional: bool,
    pub calendar_version: String,
    /// draft · published · withdrawn
    pub status: String,
    pub published_on: Option<NaiveDate>,
    pub updated_at: String,
}

/// One line of the publication register (信息发布登记).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredPublication {
    pub id: RowId,
    pub record_id: RowId,
    pub record_title: String,
    pub doc_number: Option<String>,
    pub domain: String,
    pub channel: String,
    pub location: String,
    pub published_on: NaiveDate,
    pub published_by: String,
    pub note: String,
}

/// Records in the shared search index (see `Store::search`).
pub const SEARCH_KIND_RECORD: &str = "record";

const RECORD_COLUMNS: &str = "id, item_key, domain, item_name, title, doc_number, formed_on, body,
    channels, attribute, ground, attribute_reason, redacted, redaction_removed, redaction_why,
    time_limit_days, due_on, due_provisional, calendar_version, status, published_on, updated_at";

fn record_from(r: &Row<'_>) -> rusqlite::Result<StoredRecord> {
    let channels: String = r.get(8)?;
    Ok(StoredRecord {
        id: parse_id(r.get::<_, String>(0)?, 0)?,
        item_key: r.get(1)?,
        domain: r.get(2)?,
        item_name: r.get(3)?,
        title: r.get(4)?,
        doc_number: r.get(5)?,
        formed_on: r.get(6)?,
        body: r.get(7)?,
        channels: split_list(&channels),
        attribute: r.get(9)?,
        ground: r.get(10)?,
        attribute_reason: r.get(11)?,
        redacted: r.get(12)?,
        redaction_removed: r.get(13)?,
        redaction_why: r.get(14)?,
        time_limit_days: r.get(15)?,
        due_on: r.get(16)?,
        due_provisional: r.get(17)?,
        calendar_version: r.get(18)?,
        status: r.get(19)?,
        published_on: r.get(20)?,
        updated_at: r.get(21)?,
    })
}

fn parse_id(text: String, column: usize) -> rusqlite::Result<RowId> {
    text.parse().map_err(|e| {
        rusqlite::Error::FromSqlConversionFailure(column, rusqlite::types::Type::Text, Box::new(e))
    })
}

fn split_list(text: &str) -> Vec<String> {
    text.split('、')
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
        .collect()
}

impl Store {
    /// Creates the record, or replaces a draft's content. Editing a draft clears the reviews
    /// and the secrecy check in force: they covered another text.
    pub fn save_record(&mut self, record: &StoredRecord) -> Result<(), StoreError> {
        self.write(|w| save_record_in(w, record))
    }

    pub fn records(&self) -> Result<Vec<StoredRecord>, StoreError> {
        let mut stmt = self.conn.prepare(&format!(
            "SELECT {RECORD_COLUMNS} FROM disclosure_record ORDER BY due_on, formed_on, id"
        ))?;
        let rows = stmt.query_map([], record_from)?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    pub fn record(&self, id: RowId) -> Result<StoredRecord, StoreError> {
        self.conn
            .query_row(
                &format!("SELECT {RECORD_COLUMNS} FROM disclosure_record WHERE id = ?1"),
                [id.to_string()],
                record_from,
            )
            .optional()?
            .ok_or(StoreError::NotFound {
                what: "公开记录"
            })
    }

    /// Registers a publication (发布登记). The database refuses it unless the record is 主动公开
    /// with three signatures and a passed secrecy check in force; the first one marks the
    /// record published.
    ///
    /// The first publication also queues `sync` (the record as the county shows it) in the same
    /// transaction.
    pub fn publish_record(
        &mut self,
        publication: &StoredPublication,
        sync: &OutboxItem,
    ) -> Result<(), StoreError> {
        self.write(|w| publish_in(w, publication, sync))
    }

    /// Withdraws a published record (撤回): it stays in the register and the history, and the
    /// tombstone `sync` tells the county to take it down, in the same transaction.
    pub fn withdraw_record(&mut self, record: RowId, sync: &OutboxItem) -> Result<(), StoreError> {
        self.write(|w| withdraw_in(w, record, sync))
    }

    /// The publication register, newest first.
    pub fn publications(&self) -> Result<Vec<StoredPublication>, StoreError> {
        let mut stmt = self.conn.prepare(
            "SELECT p.id, p.record_id, r.title, r.doc_number, r.domain, p.channel, p.location,
                 p.published_on, p.published_by, p.note
             FROM publication p JOIN disclosure_record r ON r.id = p.record_id
             ORDER BY p.published_on DESC, p.registered_at DESC",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok(StoredPublication {
                id: parse_id(r.get(0)?, 0)?,
                record_id: parse_id(r.get(1)?, 1)?,
                record_title: r.get(2)?,
                doc_number: r.get(3)?,
                domain: r.get(4)?,
                channel: r.get(5)?,
                location: r.get(6)?,
                published_on: r.get(7)?,
                published_by: r.get(8)?,
                note: r.get(9)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Attaches a file to a draft. Like any change of content it clears the signatures in force.
    pub fn add_attachment(
        &mut self,
        record: RowId,
        attachment: &StoredAttachment,
        content: &[u8],
    ) -> Result<(), StoreError> {
        self.write(|w| {
            require_draft(w, record)?;
            RECORD_FILES.insert(
                w,
                &[("record_id", &record.to_string())],
                attachment,
                content,
            )?;
            clear_controls(w, Reviewed::Record(record))
        })
    }

    pub fn attachments(&self, record: RowId) -> Result<Vec<StoredAttachment>, StoreError> {
        RECORD_FILES.files(&self.conn, record)
    }

    /// The bytes of an attachment by its SHA-256 (what sync uploads before the record).
    pub fn attachment_bytes(&self, sha256: &str) -> Result<Option<Vec<u8>>, StoreError> {
        Ok(self
            .conn
            .query_row(
                "SELECT content FROM record_attachment WHERE sha256 = ?1 LIMIT 1",
                [sha256],
                |r| r.get(0),
            )
            .optional()?)
    }

    /// An attachment's name and bytes.
    pub fn attachment_content(&self, id: RowId) -> Result<(String, Vec<u8>), StoreError> {
        RECORD_FILES.content(&self.conn, id)
    }

    /// Keeps calendar data received later (by sync or from a file) and recounts the due dates
    /// that were counted provisionally, with `recount` (formed_on, workdays) → (due, still
    /// provisional). Returns how many records changed.
    pub fn save_calendar_update(
        &mut self,
        version: &str,
        json: &str,
        recount: impl Fn(NaiveDate, u32) -> (NaiveDate, bool),
        pulled: Option<&str>,
    ) -> Result<usize, StoreError> {
        self.write(|w| {
            if let Some(change_id) = pulled {
                w.mark_applied(change_id, "calendar")?;
            }
            w.tx.execute(
                "INSERT INTO calendar_update (version, json, received_at) VALUES (?1, ?2, ?3)
                 ON CONFLICT (version) DO NOTHING",
                params![version, json, w.now_text()],
            )?;
            let pending: Vec<(String, NaiveDate, u32)> =
                w.tx.prepare(
                    "SELECT id, formed_on, time_limit_days FROM disclosure_record
                     WHERE due_provisional = 1 AND status = 'draft'",
                )?
                .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
                .collect::<Result<_, _>>()?;
            for (id, formed_on, days) in &pending {
                let (due, provisional) = recount(*formed_on, *days);
                w.tx.execute(
                    "UPDATE disclosure_record SET due_on = ?2, due_provisional = ?3,
                         calendar_version = ?4, updated_at = ?5 WHERE id = ?1",
                    params![id, due, provisional, version, w.now_text()],
                )?;
            }
            Ok(pending.len())
        })
    }

    /// The newest calendar data received by sync, if any: (version, JSON).
    pub fn calendar_update(&self) -> Result<Option<(String, String)>, StoreError> {
        Ok(self
            .conn
            .query_row(
                "SELECT version, json FROM calendar_update ORDER BY version DESC LIMIT 1",
                [],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?)
    }
}

/// Registers `publication` in the caller's transaction (see [`Store::publish_record`]), so a
/// document's record and its 政策解读 record are published in one.
pub(crate) fn publish_in(
    w: &crate::Writer<'_>,
    publication: &StoredPublication,
    sync: &OutboxItem,
) -> Result<(), StoreError> {
    let record = publication.record_id.to_string();
    let status: String =
        w.tx.query_row(
            "SELECT status FROM disclosure_record WHERE id = ?1",
            [&record],
            |r| r.get(0),
        )
        .optional()?
        .ok_or(StoreError::NotFound {
            what: "公开记录"
        })?;
    if status == "withdrawn" {
        return Err(StoreError::ListState("已撤回的记录不能再发布".to_owned()));
    }
    w.tx.execute(
        "INSERT INTO publication (id, record_id, channel, location, published_on,
             published_by, note, registered_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        params![
            publication.id.to_string(),
            record,
            publication.channel,
            publication.location,
            publication.published_on,
            publication.published_by,
            publication.note,
            w.now_text()
        ],
    )
    .map_err(gate_refusal)?;
    w.tx.execute(
        "UPDATE disclosure_record SET status = 'published',
             published_on = (SELECT min(published_on) FROM publication WHERE record_id = ?1),
             updated_at = ?2
         WHERE id = ?1",
        params![record, w.now_text()],
    )?;
    if status == "draft" {
        w.enqueue(sync)?;
    }
    Ok(())
}

/// [`Store::withdraw_record`] inside a write that does more.
pub(crate) fn withdraw_in(
    w: &crate::Writer<'_>,
    record: RowId,
    sync: &OutboxItem,
) -> Result<(), StoreError> {
    let changed = w.tx.execute(
        "UPDATE disclosure_record SET status = 'withdrawn', updated_at = ?2
         WHERE id = ?1 AND status = 'published'",
        params![record.to_string(), w.now_text()],
    )?;
    if changed == 0 {
        return Err(StoreError::ListState("只有已发布的记录才能撤回".to_owned()));
    }
    w.enqueue(sync)
}

/// [`Store::save_record`] inside a write that does more.
pub(crate) fn save_record_in(
    w: &crate::Writer<'_>,
    record: &StoredRecord,
) -> Result<(), StoreError> {
    let status: Option<String> =
        w.tx.query_row(
            "SELECT status FROM disclosure_record WHERE id = ?1",
            [record.id.to_string()],
            |r| r.get(0),
        )
        .optional()?;
    let id = record.id.to_string();
    let channels = record.channels.join("、");
    let values = params![
        id,
        record.item_key,
        record.domain,
        record.item_name,
        record.title,
        record.doc_number,
        record.formed_on,
        record.body,
        channels,
        record.attribute,
        record.ground,
        record.attribute_reason,
        record.redacted,
        record.redaction_removed,
        record.redaction_why,
        record.time_limit_days,
        record.due_on,
        record.due_provisional,
        record.calendar_version,
        w.now_text(),
    ];
    match status.as_deref() {
        None => {
            w.tx.execute(
                "INSERT INTO disclosure_record (id, item_key, domain, item_name, title,
                     doc_number, formed_on, body, channels, attribute, ground,
                     attribute_reason, redacted, redaction_removed, redaction_why,
                     time_limit_days, due_on, due_provisional, calendar_version, status,
                     published_on, created_at, updated_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15,
                     ?16, ?17, ?18, ?19, 'draft', NULL, ?20, ?20)",
                values,
            )?;
        }
        Some("draft") => {
            w.tx.execute(
                "UPDATE disclosure_record SET item_key = ?2, domain = ?3, item_name = ?4,
                     title = ?5, doc_number = ?6, formed_on = ?7, body = ?8, channels = ?9,
                     attribute = ?10, ground = ?11, attribute_reason = ?12,
                     redacted = ?13, redaction_removed = ?14, redaction_why = ?15,
                     time_limit_days = ?16, due_on = ?17, due_provisional = ?18,
                     calendar_version = ?19, updated_at = ?20
                 WHERE id = ?1",
                values,
            )?;
            clear_controls(w, Reviewed::Record(record.id))?;
        }
        Some(_) => {
            return Err(StoreError::ListState(
                "已发布的记录不能修改，请新建一条变更记录".to_owned(),
            ));
        }
    }
    let text = [
        record.doc_number.as_deref().unwrap_or_default(),
        &record.domain,
        &record.item_name,
        &record.body,
    ]
    .join(" ");
    w.index(SEARCH_KIND_RECORD, &id, Some((&record.title, &text)))
}

pub(crate) fn require_draft(w: &crate::Writer<'_>, record: RowId) -> Result<(), StoreError> {
    let status: Option<String> =
        w.tx.query_row(
            "SELECT status FROM disclosure_record WHERE id = ?1",
            [record.to_string()],
            |r| r.get(0),
        )
        .optional()?;
    match status.as_deref() {
        None => Err(StoreError::NotFound {
            what: "公开记录"
        }),
        Some("draft") => Ok(()),
        Some(_) => Err(StoreError::ListState(
            "记录已发布或已撤回，不能再审查".to_owned(),
        )),
    }
}

/// The gate trigger's refusal, as the clerk should read it.
fn gate_refusal(e: rusqlite::Error) -> StoreError {
    match &e {
        rusqlite::Error::SqliteFailure(_, Some(message)) if message.contains("不能发布") => {
            StoreError::ListState(message.clone())
        }
        _ => StoreError::from(e),
    }
}
