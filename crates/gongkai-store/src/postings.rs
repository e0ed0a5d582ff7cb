//! Postings: sheets put on a zone of a board, their lifecycle, the sheet as printed
//! (`posting_file`), objections, and the zones in force that what is due is computed from. The
//! rules (lifecycle, dates, early take-down) live in `gongkai-boards`; every change here calls
//! the caller's `judge` inside the transaction with the posting before and after, so a change
//! the rules refuse is rolled back and the outbox entry describes the state committed.

use chrono::{DateTime, NaiveDate, Utc};
use gongkai_domain::RowId;
use rusqlite::{OptionalExtension, Row, params};

use crate::{NewPhoto, OutboxItem, Store, StoreError, Writer};

/// A zone of a board's layout in force, with its board.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ZoneInForce {
    pub board_id: RowId,
    pub board_name: String,
    /// When the board was set up (RFC 3339): nothing falls due for a period before it.
    pub board_created_at: String,
    pub village_id: Option<RowId>,
    /// `None`: the township's own board.
    pub village_name: Option<String>,
    pub layout_version: u32,
    pub zone_id: String,
    pub name: String,
    pub position: u32,
    pub width_mm: u32,
    pub height_mm: u32,
    /// monthly · quarterly · half_yearly · as_needed · standing
    pub cadence: String,
    pub due_day: Option<u32>,
    pub due_within_days: Option<u32>,
    pub due_in_working_days: bool,
    pub min_days: Option<u32>,
}

/// A 公示 / 公告 / 通知 composed in the app.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ComposedSheet {
    pub id: RowId,
    /// gongshi · gonggao · tongzhi
    pub kind: String,
    pub title: String,
    pub body: String,
    /// `{"columns": [..], "rows": [[..], ..]}`
    pub table_json: Option<String>,
    pub period_days: Option<u32>,
    /// calendar · working
    pub period_unit: Option<String>,
    pub objection_phone: Option<String>,
    pub objection_address: Option<String>,
    pub issuer: String,
    pub issued_on: NaiveDate,
    /// A4 · A3
    pub paper: String,
    pub landscape: bool,
}

/// Where a posting's sheet comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SheetSource {
    /// A payout list's notice for the board's village.
    PayoutNotice(RowId),
    /// A published disclosure record.
    Record(RowId),
    Composed(ComposedSheet),
}

/// A posting to add, as a draft.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewPosting {
    pub id: RowId,
    pub board_id: RowId,
    pub zone_id: String,
    pub round: String,
    pub period: Option<String>,
    pub source: SheetSource,
    pub title: String,
    pub notice_from: NaiveDate,
    pub notice_to: NaiveDate,
    pub reposts: Option<RowId>,
}

/// A posting as stored, with its board, zone and counts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredPosting {
    pub id: RowId,
    pub board_id: RowId,
    pub board_name: String,
    pub village_id: Option<RowId>,
    pub village_name: Option<String>,
    pub village_code: Option<String>,
    pub layout_version: u32,
    pub zone_id: String,
    pub zone_name: String,
    pub zone_position: u32,
    pub cadence: String,
    pub due_day: Option<u32>,
    pub due_within_days: Option<u32>,
    pub due_in_working_days: bool,
    pub min_days: Option<u32>,
    pub round: String,
    pub period: Option<String>,
    /// payout_notice · record · composed
    pub source: String,
    pub payout_list_id: Option<RowId>,
    pub record_id: Option<RowId>,
    pub sheet_id: Option<RowId>,
    pub title: String,
    pub register_no: String,
    pub notice_from: NaiveDate,
    pub notice_to: NaiveDate,
    /// draft · printed · posted · taken_down · archived
    pub status: String,
    pub printed_at: Option<String>,
    pub posted_on: Option<NaiveDate>,
    pub posted_by: Option<String>,
    pub taken_down_on: Option<NaiveDate>,
    pub archived_at: Option<String>,
    pub reposts: Option<RowId>,
    /// The posting that put this one up again, if any.
    pub reposted_by: Option<RowId>,
    pub photo_count: u32,
    pub objection_count: u32,
    /// The sheet as printed, when it was.
    pub file: Option<FileRef>,
    pub created_at: String,
    pub updated_at: String,
}

/// A stored file named by its content.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileRef {
    pub file_name: String,
    pub sha256: String,
    pub size: u64,
}

/// What a posting changes to.
#[derive(Debug, Clone, PartialEq)]
pub enum PostingChange {
    /// Printed (again) at `at`: the sheet as printed replaces any earlier one.
    Printed {
        file: PostingFile,
        at: DateTime<Utc>,
    },
    /// Put up on `on` by `by`, with photos of it on the wall (stored once by content).
    Posted {
        on: NaiveDate,
        by: String,
        photos: Vec<NewPhoto>,
    },
    TakenDown {
        on: NaiveDate,
    },
    Archived,
}

/// The sheet of a posting as printed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PostingFile {
    pub file_name: String,
    pub sha256: String,
    pub content: Vec<u8>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredObjection {
    pub id: RowId,
    pub posting_id: RowId,
    pub received_on: NaiveDate,
    pub from_whom: String,
    pub content: String,
    pub answer: Option<String>,
    pub answered_on: Option<NaiveDate>,
}

/// Which postings to list; `None` fields do not filter.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PostingFilter {
    pub board_id: Option<RowId>,
    pub round: Option<String>,
    pub status: Option<String>,
}

/// Decides a change inside its transaction: given the posting before and after, refuses it
/// (the transaction rolls back) or says what to queue for the county.
pub type Judge<'a> =
    &'a dyn Fn(&StoredPosting, &StoredPosting) -> Result<Option<OutboxItem>, StoreError>;

const ZONE_COLUMNS: &str = "b.id, b.name, b.village_id, v.name, z.version, z.zone_id, z.name,
    z.position, z.width_mm, z.height_mm, z.cadence, z.due_day, z.due_within_days,
    z.due_in_working_days, z.min_days, b.created_at";

fn zone_from(r: &Row<'_>) -> rusqlite::Result<ZoneInForce> {
    Ok(ZoneInForce {
        board_id: parse_id(r.get(0)?, 0)?,
        board_name: r.get(1)?,
        village_id: r
            .get::<_, Option<String>>(2)?
            .map(|t| parse_id(t, 2))
            .transpose()?,
        village_name: r.get(3)?,
        layout_version: r.get(4)?,
        zone_id: r.get(5)?,
        name: r.get(6)?,
        position: r.get(7)?,
        width_mm: r.get(8)?,
        height_mm: r.get(9)?,
        cadence: r.get(10)?,
        due_day: r.get(11)?,
        due_within_days: r.get(12)?,
        due_in_working_days: r.get(13)?,
        min_days: r.get(14)?,
        board_created_at: r.get(15)?,
    })
}

const POSTING_COLUMNS: &str = "p.id, p.board_id, b.name, b.village_id, v.name, p.layout_version,
    p.zone_id, z.name, z.position, z.cadence, z.min_days, p.round, p.period, p.source,
    p.payout_list_id, p.record_id, p.sheet_id, p.title, p.register_no, p.notice_from,
    p.notice_to, p.status, p.printed_at, p.posted_on, p.posted_by, p.taken_down_on,
    p.archived_at, p.reposts,
    (SELECT r.id FROM posting r WHERE r.reposts = p.id),
    (SELECT count(*) FROM posting_photo pp WHERE pp.posting_id = p.id),
    (SELECT count(*) FROM posting_objection o WHERE o.posting_id = p.id),
    p.created_at, p.updated_at, v.code, z.due_day, z.due_within_days, z.due_in_working_days,
    (SELECT size FROM posting_file f WHERE f.posting_id = p.id),
    (SELECT sha256 FROM posting_file f WHERE f.posting_id = p.id),
    (SELECT file_name FROM posting_file f WHERE f.posting_id = p.id)";

const POSTING_FROM: &str = "posting p
    JOIN board b ON b.id = p.board_id
    LEFT JOIN village v ON v.id = b.village_id
    JOIN board_zone z ON z.board_id = p.board_id AND z.version = p.layout_version
                     AND z.zone_id = p.zone_id";

fn posting_from(r: &Row<'_>) -> rusqlite::Result<StoredPosting> {
    let id_at = |i: usize| -> rusqlite::Result<Option<RowId>> {
        r.get::<_, Option<String>>(i)?
            .map(|t| parse_id(t, i))
            .transpose()
    };
    Ok(StoredPosting {
        id: parse_id(r.get(0)?, 0)?,
        board_id: parse_id(r.get(1)?, 1)?,
        board_name: r.get(2)?,
        village_id: id_at(3)?,
        village_name: r.get(4)?,
        layout_version: r.get(5)?,
        zone_id: r.get(6)?,
        zone_name: r.get(7)?,
        zone_position: r.get(8)?,
        cadence: r.get(9)?,
        min_days: r.get(10)?,
        round: r.get(11)?,
        period: r.get(12)?,
        source: r.get(13)?,
        payout_list_id: id_at(14)?,
        record_id: id_at(15)?,
        sheet_id: id_at(16)?,
        title: r.get(17)?,
        register_no: r.get(18)?,
        notice_from: r.get(19)?,
        notice_to: r.get(20)?,
        status: r.get(21)?,
        printed_at: r.get(22)?,
        posted_on: r.get(23)?,
        posted_by: r.get(24)?,
        taken_down_on: r.get(25)?,
        archived_at: r.get(26)?,
        reposts: id_at(27)?,
        reposted_by: id_at(28)?,
        photo_count: r.get(29)?,
        objection_count: r.get(30)?,
        created_at: r.get(31)?,
        updated_at: r.get(32)?,
        village_code: r.get(33)?,
        due_day: r.get(34)?,
        due_within_days: r.get(35)?,
        due_in_working_days: r.get(36)?,
        file: match (r.get::<_, Option<i64>>(37)?, r.get(38)?, r.get(39)?) {
            (Some(size), Some(sha256), Some(file_name)) => Some(FileRef {
                file_name,
                sha256,
                size: u64::try_from(size).unwrap_or(0),
            }),
            _ => None,
        },
    })
}

fn parse_id(text: String, column: usize) -> rusqlite::Result<RowId> {
    text.parse().map_err(|e| {
        rusqlite::Error::FromSqlConversionFailure(column, rusqlite::types::Type::Text, Box::new(e))
    })
}

fn refused(message: String) -> StoreError {
    StoreError::ListState(message)
}

/// The zone `zone_id` (or named so) of `board_id`'s layout in force; refused with the reason when the board
/// is gone or retired, or the zone is not in the layout in force (deleted by a newer layout).
fn zone_in_force(
    conn: &rusqlite::Connection,
    board_id: RowId,
    zone_id: &str,
) -> Result<ZoneInForce, StoreError> {
    let board: Option<(String, Option<String>)> = conn
        .query_row(
            "SELECT name, retired_on FROM board WHERE id = ?1",
            [board_id.to_string()],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?;
    let Some((board_name, retired_on)) = board else {
        return Err(refused(format!(
            "找不到公开栏（编号 {board_id}），可能已被删除，请刷新后重试"
        )));
    };
    if let Some(retired_on) = retired_on {
        return Err(refused(format!(
            "公开栏“{board_name}”已于 {retired_on} 停用，不能再张贴"
        )));
    }
    conn.query_row(
        &format!(
            "SELECT {ZONE_COLUMNS} FROM board b LEFT JOIN village v ON v.id = b.village_id
             JOIN board_zone z ON z.board_id = b.id AND z.version = b.layout_version
             WHERE b.id = ?1 AND (z.zone_id = ?2 OR z.name = ?2)
             ORDER BY z.zone_id = ?2 DESC LIMIT 1"
        ),
        params![board_id.to_string(), zone_id],
        zone_from,
    )
    .optional()?
    .ok_or_else(|| {
        refused(format!(
            "公开栏“{board_name}”的现行版面中没有版块“{zone_id}”：该版块可能已在新版面中删除，请重新选择版块"
        ))
    })
}

pub(crate) fn posting_in(
    conn: &rusqlite::Connection,
    id: RowId,
) -> Result<StoredPosting, StoreError> {
    conn.query_row(
        &format!("SELECT {POSTING_COLUMNS} FROM {POSTING_FROM} WHERE p.id = ?1"),
        [id.to_string()],
        posting_from,
    )
    .optional()?
    .ok_or(StoreError::NotFound { what: "张贴" })
}

/// The next 登记号 of `year`: GK-2026-0001, GK-2026-0002, …
fn next_register_no(w: &Writer<'_>, year: i32) -> Result<String, StoreError> {
    let prefix = format!("GK-{year}-");
    let last: Option<i64> = w.tx.query_row(
        "SELECT max(CAST(substr(register_no, ?2) AS INTEGER)) FROM posting
         WHERE register_no LIKE ?1 || '%'",
        params![prefix, prefix.len() + 1],
        |r| r.get(0),
    )?;
    Ok(format!("{prefix}{:04}", last.unwrap_or(0) + 1))
}

impl Store {
    /// Every zone of every board's layout in force (retired boards left out), township boards
    /// first, then by village, board and zone position.
    pub fn zones_in_force(&self) -> Result<Vec<ZoneInForce>, StoreError> {
        let mut stmt = self.conn.prepare(&format!(
            "SELECT {ZONE_COLUMNS} FROM board b LEFT JOIN village v ON v.id = b.village_id
             JOIN board_zone z ON z.board_id = b.id AND z.version = b.layout_version
             WHERE b.retired_on IS NULL
             ORDER BY v.name IS NOT NULL, v.name, b.name, z.position"
        ))?;
        let zones = stmt.query_map([], zone_from)?.collect::<Result<_, _>>()?;
        Ok(zones)
    }

    /// The zone of a board's layout in force, refused as [`add_posting`](Self::add_posting)
    /// refuses it.
    pub fn zone_in_force(&self, board_id: RowId, zone_id: &str) -> Result<ZoneInForce, StoreError> {
        zone_in_force(&self.conn, board_id, zone_id)
    }

    /// Adds a draft posting with the next register number of its notice year, its composed
    /// sheet with it. Refused: a board gone or retired, a zone not in the layout in force, a
    /// repost of a posting that is not on the same zone. `judge` sees the draft (before and
    /// after are the same).
    pub fn add_posting(
        &mut self,
        posting: &NewPosting,
        judge: Judge<'_>,
    ) -> Result<StoredPosting, StoreError> {
        self.write(|w| {
            let zone = zone_in_force(&w.tx, posting.board_id, &posting.zone_id)?;
            if let Some(original) = posting.reposts {
                let original = posting_in(&w.tx, original)?;
                if original.board_id != posting.board_id || original.zone_id != posting.zone_id {
                    return Err(refused(format!(
                        "重新张贴应贴在原来的版块（“{}”的“{}”）",
                        original.board_name, original.zone_name
                    )));
                }
            }
            let (payout_list_id, record_id, sheet_id) = match &posting.source {
                SheetSource::PayoutNotice(id) => (Some(id.to_string()), None, None),
                SheetSource::Record(id) => (None, Some(id.to_string()), None),
                SheetSource::Composed(sheet) => {
                    insert_sheet(w, sheet)?;
                    (None, None, Some(sheet.id.to_string()))
                }
            };
            let source = match posting.source {
                SheetSource::PayoutNotice(_) => "payout_notice",
                SheetSource::Record(_) => "record",
                SheetSource::Composed(_) => "composed",
            };
            let register_no = next_register_no(w, chrono::Datelike::year(&posting.notice_from))?;
            w.tx.execute(
                "INSERT INTO posting (id, board_id, layout_version, zone_id, round, period, source,
                     payout_list_id, record_id, sheet_id, title, register_no, notice_from,
                     notice_to, status, reposts, created_at, updated_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, 'draft',
                     ?15, ?16, ?16)",
                params![
                    posting.id.to_string(),
                    posting.board_id.to_string(),
                    zone.layout_version,
                    zone.zone_id,
                    posting.round.trim(),
                    posting.period,
                    source,
                    payout_list_id,
                    record_id,
                    sheet_id,
                    posting.title.trim(),
                    register_no,
                    posting.notice_from,
                    posting.notice_to,
                    posting.reposts.map(|id| id.to_string()),
                    w.now_text(),
                ],
            )?;
            let added = posting_in(&w.tx, posting.id)?;
            if let Some(item) = judge(&added, &added)? {
                w.enqueue(&item)?;
            }
            Ok(added)
        })
    }

    /// Applies `change` to a posting. `judge` sees it before and after, inside the transaction.
    pub fn change_posting(
        &mut self,
        id: RowId,
        change: &PostingChange,
        judge: Judge<'_>,
    ) -> Result<StoredPosting, StoreError> {
        self.write(|w| {
            let before = posting_in(&w.tx, id)?;
            let now = w.now_text();
            let key = id.to_string();
            match change {
                PostingChange::Printed { file, at } => {
                    let at = crate::timestamp(*at);
                    w.tx.execute(
                        "UPDATE posting SET status = 'printed', printed_at = ?2, updated_at = ?3
                         WHERE id = ?1",
                        params![key, at, now],
                    )?;
                    w.tx.execute(
                        "INSERT INTO posting_file (posting_id, file_name, sha256, size, content,
                             printed_at)
                         VALUES (?1, ?2, ?3, ?4, ?5, ?6)
                         ON CONFLICT (posting_id) DO UPDATE SET file_name = excluded.file_name,
                             sha256 = excluded.sha256, size = excluded.size,
                             content = excluded.content, printed_at = excluded.printed_at",
                        params![
                            key,
                            file.file_name,
                            file.sha256,
                            i64::try_from(file.content.len()).unwrap_or(i64::MAX),
                            file.content,
                            at
                        ],
                    )?;
                }
                PostingChange::Posted { on, by, photos } => {
                    w.tx.execute(
                        "UPDATE posting SET status = 'posted', posted_on = ?2, posted_by = ?3,
                             updated_at = ?4
                         WHERE id = ?1",
                        params![key, on, by.trim(), now],
                    )?;
                    w.link_posting_photos(id, photos)?;
                }
                PostingChange::TakenDown { on } => {
                    w.tx.execute(
                        "UPDATE posting SET status = 'taken_down', taken_down_on = ?2,
                             updated_at = ?3
                         WHERE id = ?1",
                        params![key, on, now],
                    )?;
                }
                PostingChange::Archived => {
                    w.tx.execute(
                        "UPDATE posting SET status = 'archived', archived_at = ?2, updated_at = ?2
                         WHERE id = ?1",
                        params![key, now],
                    )?;
                }
            }
            let after = posting_in(&w.tx, id)?;
            if let Some(item) = judge(&before, &after)? {
                w.enqueue(&item)?;
            }
            Ok(after)
        })
    }

    pub fn board_posting(&self, id: RowId) -> Result<StoredPosting, StoreError> {
        posting_in(&self.conn, id)
    }

    /// Postings by village, board, zone position and register number.
    pub fn board_postings(&self, filter: &PostingFilter) -> Result<Vec<StoredPosting>, StoreError> {
        let mut stmt = self.conn.prepare(&format!(
            "SELECT {POSTING_COLUMNS} FROM {POSTING_FROM}
             WHERE (?1 IS NULL OR p.board_id = ?1) AND (?2 IS NULL OR p.round = ?2)
               AND (?3 IS NULL OR p.status = ?3)
             ORDER BY v.name IS NOT NULL, v.name, b.name, z.position, p.register_no"
        ))?;
        let rows = stmt
            .query_map(
                params![
                    filter.board_id.map(|id| id.to_string()),
                    filter.round,
                    filter.status
                ],
                posting_from,
            )?
            .collect::<Result<_, _>>()?;
        Ok(rows)
    }

    /// The rounds postings were added in, newest first.
    pub fn posting_rounds(&self) -> Result<Vec<String>, StoreError> {
        let mut stmt = self
            .conn
            .prepare("SELECT round FROM posting GROUP BY round ORDER BY max(created_at) DESC")?;
        let rounds = stmt
            .query_map([], |r| r.get(0))?
            .collect::<Result<_, _>>()?;
        Ok(rounds)
    }

    pub fn composed_sheet(&self, id: RowId) -> Result<ComposedSheet, StoreError> {
        self.conn
            .query_row(
                "SELECT id, kind, title, body, table_json, period_days, period_unit,
                     objection_phone, objection_address, issuer, issued_on, paper, landscape
                 FROM composed_sheet WHERE id = ?1",
                [id.to_string()],
                |r| {
                    Ok(ComposedSheet {
                        id: parse_id(r.get(0)?, 0)?,
                        kind: r.get(1)?,
                        title: r.get(2)?,
                        body: r.get(3)?,
                        table_json: r.get(4)?,
                        period_days: r.get(5)?,
                        period_unit: r.get(6)?,
                        objection_phone: r.get(7)?,
                        objection_address: r.get(8)?,
                        issuer: r.get(9)?,
                        issued_on: r.get(10)?,
                        paper: r.get(11)?,
                        landscape: r.get(12)?,
                    })
                },
            )
            .optional()?
            .ok_or(StoreError::NotFound { what: "公示单" })
    }

    /// The sheet of a posting as printed: (file name, sha256, bytes).
    pub fn posting_file(&self, id: RowId) -> Result<Option<PostingFile>, StoreError> {
        Ok(self
            .conn
            .query_row(
                "SELECT file_name, sha256, content FROM posting_file WHERE posting_id = ?1",
                [id.to_string()],
                |r| {
                    Ok(PostingFile {
                        file_name: r.get(0)?,
                        sha256: r.get(1)?,
                        content: r.get(2)?,
                    })
                },
            )
            .optional()?)
    }

    /// Records an objection received on `received_on`, during the posting's time on the wall.
    pub fn add_objection(
        &mut self,
        objection: &StoredObjection,
        judge: Judge<'_>,
    ) -> Result<StoredPosting, StoreError> {
        self.write(|w| {
            let before = posting_in(&w.tx, objection.posting_id)?;
            w.tx.execute(
                "INSERT INTO posting_objection (id, posting_id, received_on, from_whom, content,
                     answer, answered_on, recorded_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                params![
                    objection.id.to_string(),
                    objection.posting_id.to_string(),
                    objection.received_on,
                    objection.from_whom.trim(),
                    objection.content.trim(),
                    objection.answer,
                    objection.answered_on,
                    w.now_text()
                ],
            )?;
            touch(w, objection.posting_id)?;
            let after = posting_in(&w.tx, objection.posting_id)?;
            if let Some(item) = judge(&before, &after)? {
                w.enqueue(&item)?;
            }
            Ok(after)
        })
    }

    /// Answers an objection; an answer given stays (a second one is refused).
    pub fn answer_objection(
        &mut self,
        objection_id: RowId,
        answer: &str,
        answered_on: NaiveDate,
        judge: Judge<'_>,
    ) -> Result<StoredPosting, StoreError> {
        self.write(|w| {
            let found: Option<(String, NaiveDate, Option<String>)> =
                w.tx.query_row(
                    "SELECT posting_id, received_on, answer FROM posting_objection WHERE id = ?1",
                    [objection_id.to_string()],
                    |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
                )
                .optional()?;
            let Some((posting_id, received_on, earlier)) = found else {
                return Err(StoreError::NotFound { what: "异议" });
            };
            if earlier.is_some() {
                return Err(refused("该异议已经答复，不能重复答复".to_owned()));
            }
            if answered_on < received_on {
                return Err(refused(format!(
                    "答复日期 {answered_on} 早于收到异议的日期 {received_on}"
                )));
            }
            let posting_id: RowId = posting_id.parse()?;
            let before = posting_in(&w.tx, posting_id)?;
            w.tx.execute(
                "UPDATE posting_objection SET answer = ?2, answered_on = ?3 WHERE id = ?1",
                params![objection_id.to_string(), answer.trim(), answered_on],
            )?;
            touch(w, posting_id)?;
            let after = posting_in(&w.tx, posting_id)?;
            if let Some(item) = judge(&before, &after)? {
                w.enqueue(&item)?;
            }
            Ok(after)
        })
    }

    /// The photos attached to a posting: (sha256, stored size), oldest first.
    pub fn posting_photo_refs(&self, posting_id: RowId) -> Result<Vec<(String, u64)>, StoreError> {
        let mut stmt = self.conn.prepare(
            "SELECT pp.sha256, length(ph.content) FROM posting_photo pp
             JOIN photo ph ON ph.sha256 = pp.sha256
             WHERE pp.posting_id = ?1 ORDER BY pp.added_at, pp.sha256",
        )?;
        let rows = stmt
            .query_map([posting_id.to_string()], |r| {
                Ok((r.get(0)?, u64::try_from(r.get::<_, i64>(1)?).unwrap_or(0)))
            })?
            .collect::<Result<_, _>>()?;
        Ok(rows)
    }

    pub fn objections(&self, posting_id: RowId) -> Result<Vec<StoredObjection>, StoreError> {
        let mut stmt = self.conn.prepare(
            "SELECT id, posting_id, received_on, from_whom, content, answer, answered_on
             FROM posting_objection WHERE posting_id = ?1 ORDER BY received_on, recorded_at",
        )?;
        let rows = stmt
            .query_map([posting_id.to_string()], |r| {
                Ok(StoredObjection {
                    id: parse_id(r.get(0)?, 0)?,
                    posting_id: parse_id(r.get(1)?, 1)?,
                    received_on: r.get(2)?,
                    from_whom: r.get(3)?,
                    content: r.get(4)?,
                    answer: r.get(5)?,
                    answered_on: r.get(6)?,
                })
            })?
            .collect::<Result<_, _>>()?;
        Ok(rows)
    }
}

/// A proactive record not published yet, as the 待办 home lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DueRecord {
    pub id: RowId,
    pub title: String,
    pub due_on: NaiveDate,
}

/// A village's payout notice on the wall, as the 待办 home lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NoticeOnWall {
    pub list_id: RowId,
    pub project: String,
    pub village: String,
    pub ends_on: NaiveDate,
}

impl Store {
    /// Draft proactive records due on or before `by`: the first `limit` by due date, and how
    /// many there are in all. One range scan of the (status, due_on) index, however many
    /// records the township holds.
    pub fn records_due_by(
        &self,
        by: NaiveDate,
        limit: u32,
    ) -> Result<(Vec<DueRecord>, u32), StoreError> {
        let total: u32 = self.conn.query_row(
            "SELECT count(*) FROM disclosure_record
             WHERE status = 'draft' AND due_on <= ?1 AND attribute = 'proactive'",
            [by],
            |r| r.get(0),
        )?;
        let mut stmt = self.conn.prepare(
            "SELECT id, title, due_on FROM disclosure_record
             WHERE status = 'draft' AND due_on <= ?1 AND attribute = 'proactive'
             ORDER BY due_on, id LIMIT ?2",
        )?;
        let rows = stmt
            .query_map(params![by, limit], |r| {
                Ok(DueRecord {
                    id: parse_id(r.get(0)?, 0)?,
                    title: r.get(1)?,
                    due_on: r.get(2)?,
                })
            })?
            .collect::<Result<_, _>>()?;
        Ok((rows, total))
    }

    /// Payout notices of lists still 公示中 whose notice period ends on or before `by`.
    pub fn payout_notices_ending_by(&self, by: NaiveDate) -> Result<Vec<NoticeOnWall>, StoreError> {
        let mut stmt = self.conn.prepare(
            "SELECT l.id, l.project, v.name, pp.ends_on FROM payout_posting pp
             JOIN payout_list l ON l.id = pp.list_id
             JOIN village v ON v.id = pp.village_id
             WHERE l.status = 'posted' AND pp.ends_on <= ?1
             ORDER BY pp.ends_on, v.name",
        )?;
        let rows = stmt
            .query_map([by], |r| {
                Ok(NoticeOnWall {
                    list_id: parse_id(r.get(0)?, 0)?,
                    project: r.get(1)?,
                    village: r.get(2)?,
                    ends_on: r.get(3)?,
                })
            })?
            .collect::<Result<_, _>>()?;
        Ok(rows)
    }
}

impl Store {
    /// Benchmarks only: adds proactive records of `item_key` in one transaction, each (title,
    /// formed_on, due_on, published_on), as a township holding years of them would.
    #[doc(hidden)]
    pub fn bench_fill_records(
        &mut self,
        item_key: &str,
        rows: impl Iterator<Item = (String, NaiveDate, NaiveDate, Option<NaiveDate>)>,
    ) -> Result<(), StoreError> {
        self.write(|w| {
            let mut insert = w.tx.prepare(
                "INSERT INTO disclosure_record (id, item_key, domain, item_name, title,
                     formed_on, body, channels, attribute, redacted, time_limit_days, due_on,
                     due_provisional, calendar_version, status, published_on, created_at,
                     updated_at)
                 VALUES (?1, ?2, '基准', '基准事项', ?3, ?4, '', '政府网站', 'proactive', 0, 20,
                     ?5, 0, 'bench', ?6, ?7, ?8, ?8)",
            )?;
            for (title, formed_on, due_on, published_on) in rows {
                insert.execute(params![
                    RowId::new().to_string(),
                    item_key,
                    title,
                    formed_on,
                    due_on,
                    if published_on.is_some() {
                        "published"
                    } else {
                        "draft"
                    },
                    published_on,
                    w.now_text()
                ])?;
            }
            Ok(())
        })
    }
}

fn insert_sheet(w: &Writer<'_>, sheet: &ComposedSheet) -> Result<(), StoreError> {
    w.tx.execute(
        "INSERT INTO composed_sheet (id, kind, title, body, table_json, period_days, period_unit,
             objection_phone, objection_address, issuer, issued_on, paper, landscape,
             created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?14)",
        params![
            sheet.id.to_string(),
            sheet.kind,
            sheet.title.trim(),
            sheet.body,
            sheet.table_json,
            sheet.period_days,
            sheet.period_unit,
            sheet.objection_phone,
            sheet.objection_address,
            sheet.issuer.trim(),
            sheet.issued_on,
            sheet.paper,
            sheet.landscape,
            w.now_text()
        ],
    )?;
    Ok(())
}

/// An objection changes its posting as the county sees it: the posting's version moves.
fn touch(w: &Writer<'_>, posting_id: RowId) -> Result<(), StoreError> {
    w.tx.execute(
        "UPDATE posting SET updated_at = ?2 WHERE id = ?1",
        params![posting_id.to_string(), w.now_text()],
    )?;
    Ok(())
}

/// Prints the first posting (its sheet kept in `posting_file`), for the change-log test that
/// fills every synced table through a write path.
#[cfg(test)]
pub(crate) fn print_a_posting(store: &mut Store) {
    let posting = store.board_postings(&PostingFilter::default()).unwrap()[0].id;
    let accept = |_: &StoredPosting, _: &StoredPosting| Ok(None);
    store
        .change_posting(
            posting,
            &PostingChange::Printed {
                file: PostingFile {
                    file_name: "通知.pdf".to_owned(),
                    sha256: "cd".repeat(32),
                    content: b"%PDF-1.7".to_vec(),
                },
                at: Utc::now(),
            },
            &accept,
        )
        .unwrap();
}

#[cfg(test)]
mod tests {
    use chrono::Utc;
    use gongkai_domain::demo;
    use tempfile::TempDir;

    use super::*;

    fn day(text: &str) -> NaiveDate {
        text.parse().unwrap()
    }

    fn store(dir: &TempDir) -> Store {
        let mut store = Store::open(&dir.path().join("t.sqlite3")).unwrap();
        store
            .install_demo(&demo::profile(Utc::now()).unwrap())
            .unwrap();
        store
    }

    /// A village board with a 财务公开 zone (A4 wide) and a 监督电话 strip, as boards-core's
    /// store writes one (its functions are not used here so this module tests postings alone).
    fn board(store: &Store, name: &str) -> RowId {
        let id = RowId::new();
        let now = "2026-01-01T00:00:00.000Z";
        store
            .conn
            .execute(
                "INSERT INTO board (id, village_id, name, created_at, updated_at)
                 VALUES (?1, (SELECT id FROM village ORDER BY name LIMIT 1), ?2, ?3, ?3)",
                params![id.to_string(), name, now],
            )
            .unwrap();
        layout(
            store,
            id,
            1,
            &[("finance", "财务公开"), ("phone", "监督电话")],
        );
        id
    }

    fn layout(store: &Store, board: RowId, version: u32, zones: &[(&str, &str)]) {
        store
            .conn
            .execute(
                "INSERT INTO board_layout (board_id, version, width_mm, height_mm, made_at)
                 VALUES (?1, ?2, 2400, 1200, '2026-01-01T00:00:00.000Z')",
                params![board.to_string(), version],
            )
            .unwrap();
        for (i, (zone_id, name)) in zones.iter().enumerate() {
            let x = 60 + 800 * i64::try_from(i).unwrap();
            store
                .conn
                .execute(
                    "INSERT INTO board_zone (board_id, version, zone_id, position, name, x_mm,
                         y_mm, width_mm, height_mm, cadence, due_day, min_days)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, 120, 700, 940, 'monthly', 15, 10)",
                    params![board.to_string(), version, zone_id, i + 1, name, x],
                )
                .unwrap();
        }
        store
            .conn
            .execute(
                "UPDATE board SET layout_version = ?2 WHERE id = ?1",
                params![board.to_string(), version],
            )
            .unwrap();
    }

    fn composed(title: &str) -> ComposedSheet {
        ComposedSheet {
            id: RowId::new(),
            kind: "gongshi".to_owned(),
            title: title.to_owned(),
            body: "经村民代表会议讨论，现予公示。".to_owned(),
            table_json: None,
            period_days: Some(7),
            period_unit: Some("calendar".to_owned()),
            objection_phone: Some("0000-1234567".to_owned()),
            objection_address: None,
            issuer: "示范村村民委员会".to_owned(),
            issued_on: day("2026-11-01"),
            paper: "A4".to_owned(),
            landscape: false,
        }
    }

    fn new_posting(board: RowId, zone: &str, title: &str) -> NewPosting {
        NewPosting {
            id: RowId::new(),
            board_id: board,
            zone_id: zone.to_owned(),
            round: "2026年11月 财务公开".to_owned(),
            period: Some("2026-11".to_owned()),
            source: SheetSource::Composed(composed(title)),
            title: title.to_owned(),
            notice_from: day("2026-11-02"),
            notice_to: day("2026-11-08"),
            reposts: None,
        }
    }

    fn accept(_: &StoredPosting, _: &StoredPosting) -> Result<Option<OutboxItem>, StoreError> {
        Ok(None)
    }

    fn outbox_len(store: &Store) -> i64 {
        store
            .conn
            .query_row("SELECT count(*) FROM sync_outbox", [], |r| r.get(0))
            .unwrap()
    }

    #[test]
    fn postings_get_register_numbers_of_their_year_in_sequence() {
        let dir = TempDir::new().unwrap();
        let mut store = store(&dir);
        let board = board(&store, "村委会门前");
        let first = store
            .add_posting(&new_posting(board, "finance", "10月财务收支"), &accept)
            .unwrap();
        let second = store
            .add_posting(&new_posting(board, "finance", "11月财务收支"), &accept)
            .unwrap();
        let mut next_year = new_posting(board, "finance", "12月财务收支");
        next_year.notice_from = day("2027-01-02");
        next_year.notice_to = day("2027-01-08");
        let third = store.add_posting(&next_year, &accept).unwrap();
        assert_eq!(
            [&first.register_no, &second.register_no, &third.register_no],
            ["GK-2026-0001", "GK-2026-0002", "GK-2027-0001"]
        );
        assert_eq!(first.status, "draft");
        assert_eq!(first.zone_name, "财务公开");
        assert_eq!(first.board_name, "村委会门前");
        assert!(first.village_name.is_some());
        let sheet = store.composed_sheet(first.sheet_id.unwrap()).unwrap();
        assert_eq!(sheet.title, "10月财务收支");
        let listed = store
            .board_postings(&PostingFilter {
                board_id: Some(board),
                ..PostingFilter::default()
            })
            .unwrap();
        assert_eq!(listed.len(), 3);
    }

    #[test]
    fn a_retired_board_and_a_zone_dropped_from_the_layout_are_refused() {
        let dir = TempDir::new().unwrap();
        let mut store = store(&dir);
        let board = board(&store, "村委会门前");
        store
            .add_posting(&new_posting(board, "finance", "10月财务收支"), &accept)
            .unwrap();
        // Version 2 drops the 监督电话 strip.
        layout(&store, board, 2, &[("finance", "财务公开")]);
        let err = store
            .add_posting(&new_posting(board, "phone", "监督电话"), &accept)
            .unwrap_err()
            .to_string();
        assert!(
            err.contains("现行版面中没有版块") && err.contains("村委会门前"),
            "{err}"
        );
        let on_new = store
            .add_posting(&new_posting(board, "finance", "11月财务收支"), &accept)
            .unwrap();
        assert_eq!(on_new.layout_version, 2);

        store
            .conn
            .execute(
                "UPDATE board SET retired_on = '2026-11-20' WHERE id = ?1",
                [board.to_string()],
            )
            .unwrap();
        let err = store
            .add_posting(&new_posting(board, "finance", "12月财务收支"), &accept)
            .unwrap_err()
            .to_string();
        assert!(err.contains("已于 2026-11-20 停用"), "{err}");
        let err = store
            .add_posting(&new_posting(RowId::new(), "finance", "x"), &accept)
            .unwrap_err()
            .to_string();
        assert!(err.contains("找不到公开栏"), "{err}");
        assert_eq!(
            store
                .board_postings(&PostingFilter::default())
                .unwrap()
                .len(),
            2,
            "nothing written by a refusal"
        );
    }

    #[test]
    fn each_change_is_judged_in_its_transaction_and_queued() {
        let dir = TempDir::new().unwrap();
        let mut store = store(&dir);
        let board = board(&store, "村委会门前");
        let added = store
            .add_posting(&new_posting(board, "finance", "10月财务收支"), &accept)
            .unwrap();
        let queue = |_: &StoredPosting, after: &StoredPosting| {
            Ok(Some(OutboxItem {
                kind: "posting",
                object_id: after.id.to_string(),
                withdraw: false,
                payload: format!("{{\"status\":\"{}\"}}", after.status),
            }))
        };
        let pdf = PostingFile {
            file_name: "10月财务收支.pdf".to_owned(),
            sha256: "ab".repeat(32),
            content: b"%PDF-1.7 sheet".to_vec(),
        };
        let printed = store
            .change_posting(
                added.id,
                &PostingChange::Printed {
                    file: pdf.clone(),
                    at: chrono::Utc::now(),
                },
                &queue,
            )
            .unwrap();
        assert_eq!(printed.status, "printed");
        assert!(printed.printed_at.is_some());
        assert_eq!(store.posting_file(added.id).unwrap(), Some(pdf));
        assert_eq!(outbox_len(&store), 1);

        // A judge that refuses leaves the posting as it was, and queues nothing.
        let refuse =
            |_: &StoredPosting, _: &StoredPosting| -> Result<Option<OutboxItem>, StoreError> {
                Err(StoreError::ListState("张贴日期早于打印日期".to_owned()))
            };
        let posted = PostingChange::Posted {
            on: day("2026-11-02"),
            by: "张三".to_owned(),
            photos: Vec::new(),
        };
        let err = store
            .change_posting(added.id, &posted, &refuse)
            .unwrap_err();
        assert!(err.to_string().contains("早于打印日期"));
        assert_eq!(store.board_posting(added.id).unwrap().status, "printed");
        assert_eq!(outbox_len(&store), 1);

        let after = store.change_posting(added.id, &posted, &queue).unwrap();
        assert_eq!(
            (
                after.status.as_str(),
                after.posted_on,
                after.posted_by.as_deref()
            ),
            ("posted", Some(day("2026-11-02")), Some("张三"))
        );
        let down = store
            .change_posting(
                added.id,
                &PostingChange::TakenDown {
                    on: day("2026-11-05"),
                },
                &queue,
            )
            .unwrap();
        assert_eq!(down.taken_down_on, Some(day("2026-11-05")));

        // The early take-down is put up again on the same zone, and the original knows it.
        let mut repost = new_posting(board, "finance", "10月财务收支（重新张贴）");
        repost.reposts = Some(added.id);
        let repost = store.add_posting(&repost, &accept).unwrap();
        assert_eq!(repost.reposts, Some(added.id));
        assert_eq!(
            store.board_posting(added.id).unwrap().reposted_by,
            Some(repost.id)
        );
        let mut elsewhere = new_posting(board, "phone", "x");
        elsewhere.reposts = Some(added.id);
        let err = store
            .add_posting(&elsewhere, &accept)
            .unwrap_err()
            .to_string();
        assert!(err.contains("原来的版块"), "{err}");

        // The database's own checks hold too: an archived posting keeps its archive time.
        let archived = store
            .change_posting(added.id, &PostingChange::Archived, &queue)
            .unwrap();
        assert!(archived.archived_at.is_some());
        assert_eq!(outbox_len(&store), 4);
    }

    #[test]
    fn objections_are_recorded_and_answered_once_in_date_order() {
        let dir = TempDir::new().unwrap();
        let mut store = store(&dir);
        let board = board(&store, "村委会门前");
        let posting = store
            .add_posting(&new_posting(board, "finance", "10月财务收支"), &accept)
            .unwrap();
        let objection = StoredObjection {
            id: RowId::new(),
            posting_id: posting.id,
            received_on: day("2026-11-04"),
            from_whom: "村民李四".to_owned(),
            content: "修路款金额与实际不符".to_owned(),
            answer: None,
            answered_on: None,
        };
        let after = store.add_objection(&objection, &accept).unwrap();
        assert_eq!(after.objection_count, 1);
        let err = store
            .answer_objection(objection.id, "已核实", day("2026-11-03"), &accept)
            .unwrap_err()
            .to_string();
        assert!(err.contains("早于收到异议的日期"), "{err}");
        store
            .answer_objection(objection.id, "经核实，金额无误", day("2026-11-06"), &accept)
            .unwrap();
        let err = store
            .answer_objection(objection.id, "再答", day("2026-11-07"), &accept)
            .unwrap_err()
            .to_string();
        assert!(err.contains("已经答复"), "{err}");
        let listed = store.objections(posting.id).unwrap();
        assert_eq!(listed[0].answer.as_deref(), Some("经核实，金额无误"));
        assert_eq!(listed[0].answered_on, Some(day("2026-11-06")));
    }
}
