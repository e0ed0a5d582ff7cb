//! 依申请公开 applications (migration 17): the register, the procedure's dates, the reply with
//! its 三审 and 保密审查 (append-only, cleared when the reply changes; the database holds a
//! final reply to them), the scans, the search by applicant and content, art. 44's groups and
//! the counts of the annual report's 表三. Every table is local: applicants are personal data.
//! The rules live in `gongkai-requests`; a change is judged by the caller inside its
//! transaction ([`Store::request_change`]), so what is checked is what is written.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{Datelike, NaiveDate, Utc};
use gongkai_domain::RowId;
use rusqlite::{OptionalExtension, Row, TransactionBehavior, params};

use crate::attachments::{REQUEST_FILES, StoredAttachment};
use crate::records::save_record_in;
use crate::review::{Reviewed, clear_controls};
use crate::{Store, StoreError, StoredRecord, Writer};

/// Applications in the shared search index (see `Store::search`): applicant name, subject and
/// description; never an ID number.
pub const SEARCH_KIND_REQUEST: &str = "request";

/// An application as stored. Plain values: the API turns them into `gongkai-requests` types.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredRequest {
    pub id: RowId,
    /// 登记号: year of receipt and running number; assigned by [`Store::request_add`].
    pub year: i32,
    pub serial: u32,
    pub channel: String,
    pub arrived_on: NaiveDate,
    pub confirmed_on: Option<NaiveDate>,
    pub received_on: NaiveDate,
    pub applicant_kind: String,
    pub applicant_name: String,
    pub contact: String,
    pub address: String,
    /// HMAC-SHA256 (hex) of the ID number under the installation key, and its masked form.
    pub id_hash: Option<String>,
    pub id_masked: Option<String>,
    pub subject: String,
    pub description: String,
    pub form_wanted: String,
    pub correction_notice_on: Option<NaiveDate>,
    pub correction_items: Option<String>,
    pub correction_deadline: Option<NaiveDate>,
    pub corrected_on: Option<NaiveDate>,
    pub extension_notice_on: Option<NaiveDate>,
    pub extension_approver: Option<String>,
    pub extension_workdays: Option<u32>,
    pub extension_reason: Option<String>,
    pub fee_method: Option<String>,
    pub fee_amount_fen: Option<i64>,
    pub fee_basis: Option<String>,
    pub fee_notice_on: Option<NaiveDate>,
    pub fee_delivered_on: Option<NaiveDate>,
    pub fee_paid_on: Option<NaiveDate>,
    pub consultations: Vec<StoredConsultation>,
    pub outcome_kind: Option<String>,
    pub outcome_ground: Option<String>,
    /// The 表三 row key the outcome counts in.
    pub result_row: Option<String>,
    pub reply_note: Option<String>,
    pub replied_on: Option<NaiveDate>,
    /// Passed 三审 and 保密审查 and fixed: what the applicant receives.
    pub reply_final: bool,
    pub delivery_method: Option<String>,
    pub delivered_on: Option<NaiveDate>,
    /// The reply due date as last counted (None while waiting for a correction).
    pub due_on: Option<NaiveDate>,
    pub calendar_version: String,
    pub updated_at: String,
}

/// A consultation of a third party or another agency (arts. 32, 34).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredConsultation {
    pub party: String,
    pub party_name: String,
    pub sent_on: NaiveDate,
    pub answered_on: Option<NaiveDate>,
    pub opinion: String,
}

/// A scan attached to an application; the bytes stay in the database.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredRequestAttachment {
    pub id: RowId,
    /// application · id_document · other
    pub role: String,
    pub file_name: String,
    pub sha256: String,
    pub size: i64,
}

/// The township's request settings (migration 17's `request_setting`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RequestSettings {
    pub due_soon_workdays: u32,
    pub fee_pauses_clock: bool,
    pub extension_notice_within_period: bool,
    /// Blank: the county's 人民政府.
    pub review_body: String,
    /// Blank: the county's 人民法院.
    pub court: String,
}

impl Default for RequestSettings {
    fn default() -> Self {
        RequestSettings {
            due_soon_workdays: 5,
            fee_pauses_clock: true,
            extension_notice_within_period: true,
            review_body: String::new(),
            court: String::new(),
        }
    }
}

/// 表三 of a year: counts per (row key, column key), keys as in `annual_report_tables.json`,
/// the `results_total` row and the `total` column included. Cells not present are zero.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Table3Counts {
    pub cells: BTreeMap<(String, String), u32>,
}

impl Table3Counts {
    pub fn get(&self, row: &str, column: &str) -> u32 {
        self.cells
            .get(&(row.to_owned(), column.to_owned()))
            .copied()
            .unwrap_or(0)
    }

    fn add(&mut self, row: &str, column: &str) {
        for col in [column, "total"] {
            *self
                .cells
                .entry((row.to_owned(), col.to_owned()))
                .or_insert(0) += 1;
        }
    }
}

/// Applications by several applicants for the same information (art. 44), by subject.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RepeatedGroup {
    /// The subject as first asked.
    pub subject: String,
    pub request_ids: Vec<RowId>,
    pub applicants: Vec<String>,
    /// The proactive record it became, if it did.
    pub record_id: Option<RowId>,
}

const COLUMNS: &str = "id, year, serial, channel, arrived_on, confirmed_on, received_on,
    applicant_kind, applicant_name, contact, address, id_hash, id_masked, subject, description,
    form_wanted, correction_notice_on, correction_items, correction_deadline, corrected_on,
    extension_notice_on, extension_approver, extension_workdays, extension_reason, fee_method,
    fee_amount_fen, fee_basis, fee_notice_on, fee_delivered_on, fee_paid_on, outcome_kind,
    outcome_ground, result_row, reply_note, replied_on, reply_final, delivery_method,
    delivered_on, due_on, calendar_version, updated_at";

fn parse_id(text: String, column: usize) -> rusqlite::Result<RowId> {
    text.parse().map_err(|e| {
        rusqlite::Error::FromSqlConversionFailure(column, rusqlite::types::Type::Text, Box::new(e))
    })
}

fn request_from(r: &Row<'_>) -> rusqlite::Result<StoredRequest> {
    Ok(StoredRequest {
        id: parse_id(r.get(0)?, 0)?,
        year: r.get(1)?,
        serial: r.get(2)?,
        channel: r.get(3)?,
        arrived_on: r.get(4)?,
        confirmed_on: r.get(5)?,
        received_on: r.get(6)?,
        applicant_kind: r.get(7)?,
        applicant_name: r.get(8)?,
        contact: r.get(9)?,
        address: r.get(10)?,
        id_hash: r.get(11)?,
        id_masked: r.get(12)?,
        subject: r.get(13)?,
        description: r.get(14)?,
        form_wanted: r.get(15)?,
        correction_notice_on: r.get(16)?,
        correction_items: r.get(17)?,
        correction_deadline: r.get(18)?,
        corrected_on: r.get(19)?,
        extension_notice_on: r.get(20)?,
        extension_approver: r.get(21)?,
        extension_workdays: r.get(22)?,
        extension_reason: r.get(23)?,
        fee_method: r.get(24)?,
        fee_amount_fen: r.get(25)?,
        fee_basis: r.get(26)?,
        fee_notice_on: r.get(27)?,
        fee_delivered_on: r.get(28)?,
        fee_paid_on: r.get(29)?,
        consultations: Vec::new(),
        outcome_kind: r.get(30)?,
        outcome_ground: r.get(31)?,
        result_row: r.get(32)?,
        reply_note: r.get(33)?,
        replied_on: r.get(34)?,
        reply_final: r.get(35)?,
        delivery_method: r.get(36)?,
        delivered_on: r.get(37)?,
        due_on: r.get(38)?,
        calendar_version: r.get(39)?,
        updated_at: r.get(40)?,
    })
}

/// What the search index holds of an application.
fn search_text(request: &StoredRequest) -> (String, String) {
    (
        format!("{} {}", request.applicant_name, request.subject),
        request.description.clone(),
    )
}

/// Two subjects ask for the same information when they agree but for spaces and punctuation.
fn subject_key(subject: &str) -> String {
    subject
        .chars()
        // Full-width letters and digits (２０２５) as their ASCII forms: the same subject typed
        // with another input method.
        .map(|c| match c {
            '０'..='９' | 'Ａ'..='Ｚ' | 'ａ'..='ｚ' => {
                char::from_u32(c as u32 - 0xFEE0).unwrap_or(c)
            }
            c => c,
        })
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// How many different applicants asked, for art. 44. Names decide, except that two people of
/// one name who both gave ID numbers are two when the numbers differ: the same person asking
/// once with and once without a number is one applicant, not two.
fn distinct_applicants(members: &[StoredRequest]) -> usize {
    let mut by_name: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
    for r in members {
        let ids = by_name.entry(r.applicant_name.as_str()).or_default();
        if let Some(hash) = r.id_hash.as_deref() {
            ids.insert(hash);
        }
    }
    by_name.values().map(|ids| ids.len().max(1)).sum()
}

fn consultations_of(
    conn: &rusqlite::Connection,
    id: RowId,
) -> Result<Vec<StoredConsultation>, StoreError> {
    let mut stmt = conn.prepare_cached(
        "SELECT party, party_name, sent_on, answered_on, opinion FROM request_consultation
         WHERE request_id = ?1 ORDER BY seq",
    )?;
    let rows = stmt.query_map([id.to_string()], |r| {
        Ok(StoredConsultation {
            party: r.get(0)?,
            party_name: r.get(1)?,
            sent_on: r.get(2)?,
            answered_on: r.get(3)?,
            opinion: r.get(4)?,
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

fn load(conn: &rusqlite::Connection, id: RowId) -> Result<StoredRequest, StoreError> {
    let mut request = conn
        .query_row(
            &format!("SELECT {COLUMNS} FROM info_request WHERE id = ?1"),
            [id.to_string()],
            request_from,
        )
        .optional()?
        .ok_or(StoreError::NotFound {
            what: "政府信息公开申请",
        })?;
    request.consultations = consultations_of(conn, id)?;
    Ok(request)
}

fn reply_of(r: &StoredRequest) -> impl PartialEq + '_ {
    (
        &r.outcome_kind,
        &r.outcome_ground,
        &r.result_row,
        &r.reply_note,
        r.replied_on,
    )
}

/// Controls can be signed only on a reply that exists and is not final yet.
pub(crate) fn require_draft_reply(w: &Writer<'_>, id: RowId) -> Result<(), StoreError> {
    let request = load(&w.tx, id)?;
    if request.outcome_kind.is_none() {
        return Err(StoreError::ListState("尚未拟定答复，不能审查".to_owned()));
    }
    if request.reply_final {
        return Err(StoreError::ListState("答复已定稿，不能再审查".to_owned()));
    }
    Ok(())
}

fn write_row(w: &Writer<'_>, r: &StoredRequest, insert: bool) -> Result<(), StoreError> {
    let values = params![
        r.id.to_string(),
        r.year,
        r.serial,
        r.channel,
        r.arrived_on,
        r.confirmed_on,
        r.received_on,
        r.applicant_kind,
        r.applicant_name,
        r.contact,
        r.address,
        r.id_hash,
        r.id_masked,
        r.subject,
        r.description,
        r.form_wanted,
        r.correction_notice_on,
        r.correction_items,
        r.correction_deadline,
        r.corrected_on,
        r.extension_notice_on,
        r.extension_approver,
        r.extension_workdays,
        r.extension_reason,
        r.fee_method,
        r.fee_amount_fen,
        r.fee_basis,
        r.fee_notice_on,
        r.fee_delivered_on,
        r.fee_paid_on,
        r.outcome_kind,
        r.outcome_ground,
        r.result_row,
        r.reply_note,
        r.replied_on,
        r.reply_final,
        r.delivery_method,
        r.delivered_on,
        r.due_on,
        r.calendar_version,
        w.now_text(),
    ];
    if insert {
        w.tx.execute(
            &format!(
                "INSERT INTO info_request ({COLUMNS}, created_at) VALUES ({}, ?41)",
                (1..=41)
                    .map(|i| format!("?{i}"))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
            values,
        )?;
    } else {
        // The columns of the application itself (year … form_wanted, 2–16) are as registered.
        let sets = COLUMNS
            .split(',')
            .map(str::trim)
            .enumerate()
            .skip(16)
            .map(|(i, c)| format!("{c} = ?{}", i + 1))
            .collect::<Vec<_>>()
            .join(", ");
        w.tx.execute(
            &format!("UPDATE info_request SET {sets} WHERE id = ?1"),
            values,
        )
        .map_err(gate_refusal)?;
    }
    w.tx.execute(
        "DELETE FROM request_consultation WHERE request_id = ?1",
        [r.id.to_string()],
    )?;
    for (seq, c) in r.consultations.iter().enumerate() {
        w.tx.execute(
            "INSERT INTO request_consultation (request_id, seq, party, party_name, sent_on,
                 answered_on, opinion)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            params![
                r.id.to_string(),
                seq,
                c.party,
                c.party_name,
                c.sent_on,
                c.answered_on,
                c.opinion
            ],
        )?;
    }
    let (title, body) = search_text(r);
    w.index(
        SEARCH_KIND_REQUEST,
        &r.id.to_string(),
        Some((&title, &body)),
    )
}

/// The triggers' refusals, as the clerk should read them.
fn gate_refusal(e: rusqlite::Error) -> StoreError {
    match &e {
        rusqlite::Error::SqliteFailure(_, Some(message))
            if message.contains("定稿") || message.contains("三审") =>
        {
            StoreError::ListState(message.clone())
        }
        _ => StoreError::from(e),
    }
}

impl Store {
    /// A write whose judge may refuse with the caller's own error: the change is decided on
    /// the rows as they are inside the transaction.
    fn write_judged<T, E: From<StoreError>>(
        &mut self,
        f: impl FnOnce(&Writer<'_>) -> Result<T, E>,
    ) -> Result<T, E> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(StoreError::from)?;
        let writer = Writer {
            tx,
            now: Utc::now(),
        };
        let value = f(&writer)?;
        writer.tx.commit().map_err(StoreError::from)?;
        Ok(value)
    }

    /// Registers an application; its running number of the year of receipt is assigned here.
    /// Returns it as stored.
    pub fn request_add(&mut self, request: &StoredRequest) -> Result<StoredRequest, StoreError> {
        self.write(|w| {
            let year = request.received_on.year();
            let serial: u32 = w.tx.query_row(
                "SELECT coalesce(max(serial), 0) + 1 FROM info_request WHERE year = ?1",
                [year],
                |r| r.get(0),
            )?;
            let stored = StoredRequest {
                year,
                serial,
                reply_final: false,
                ..request.clone()
            };
            write_row(w, &stored, true)?;
            load(&w.tx, stored.id)
        })
    }

    /// Changes an application's procedure or reply: `judge` sees it as stored in this
    /// transaction and returns it changed, or refuses. The registration itself (channel,
    /// dates of receipt, applicant, what is asked) is not changed here. A changed reply clears
    /// the 三审 and 保密审查 in force; a final reply is refused by the database.
    pub fn request_change<E: From<StoreError>>(
        &mut self,
        id: RowId,
        judge: impl FnOnce(&StoredRequest) -> Result<StoredRequest, E>,
    ) -> Result<StoredRequest, E> {
        self.write_judged(|w| {
            let before = load(&w.tx, id)?;
            let after = judge(&before)?;
            let after = StoredRequest {
                id: before.id,
                reply_final: before.reply_final,
                ..after
            };
            write_row(w, &after, false)?;
            if reply_of(&before) != reply_of(&after) {
                clear_controls(w, Reviewed::Reply(id))?;
            }
            Ok(load(&w.tx, id)?)
        })
    }

    pub fn request(&self, id: RowId) -> Result<StoredRequest, StoreError> {
        load(&self.conn, id)
    }

    /// Every application, newest receipt first.
    pub fn requests(&self) -> Result<Vec<StoredRequest>, StoreError> {
        let mut stmt = self.conn.prepare(&format!(
            "SELECT {COLUMNS} FROM info_request ORDER BY received_on DESC, year DESC, serial DESC"
        ))?;
        let mut requests = stmt
            .query_map([], request_from)?
            .collect::<Result<Vec<_>, _>>()?;
        for request in &mut requests {
            request.consultations = consultations_of(&self.conn, request.id)?;
        }
        Ok(requests)
    }

    /// Applications whose applicant name or content match every term of `query`, newest first.
    pub fn requests_search(
        &self,
        query: &str,
        limit: u32,
    ) -> Result<Vec<StoredRequest>, StoreError> {
        self.search(SEARCH_KIND_REQUEST, query, limit)?
            .into_iter()
            .map(|id| {
                let id: RowId = id.parse().map_err(|_| StoreError::NotFound {
                    what: "政府信息公开申请",
                })?;
                load(&self.conn, id)
            })
            .collect()
    }

    /// How many applications the same applicant (by ID hash, else by kind and name) made in the
    /// calendar month of `request`'s receipt, up to and including it: the 按件 count.
    pub fn request_month_count(&self, id: RowId) -> Result<u32, StoreError> {
        let request = load(&self.conn, id)?;
        let first = request
            .received_on
            .with_day(1)
            .unwrap_or(request.received_on);
        Ok(self.conn.query_row(
            "SELECT count(*) FROM info_request
             WHERE received_on >= ?1 AND (received_on < ?2 OR (received_on = ?2
                   AND (year < ?6 OR (year = ?6 AND serial <= ?7))))
               AND CASE WHEN ?3 IS NOT NULL THEN id_hash = ?3
                        ELSE id_hash IS NULL AND applicant_kind = ?4 AND applicant_name = ?5 END",
            params![
                first,
                request.received_on,
                request.id_hash,
                request.applicant_kind,
                request.applicant_name,
                request.year,
                request.serial
            ],
            |r| r.get(0),
        )?)
    }

    /// Fixes the reply as final. The database refuses it without all three review levels and a
    /// passed secrecy check in force.
    pub fn request_finalize(&mut self, id: RowId) -> Result<(), StoreError> {
        self.write(|w| {
            require_draft_reply(w, id)?;
            w.tx.execute(
                "UPDATE info_request SET reply_final = 1, updated_at = ?2 WHERE id = ?1",
                params![id.to_string(), w.now_text()],
            )
            .map_err(gate_refusal)?;
            Ok(())
        })
    }

    /// Whether the reply has passed 三审 and 保密审查 and was fixed: a letter printed now is the
    /// final one.
    pub fn request_reply_final(&self, id: RowId) -> Result<bool, StoreError> {
        Ok(load(&self.conn, id)?.reply_final)
    }

    /// Attaches a scan (the application, the ID, other).
    pub fn request_attach(
        &mut self,
        id: RowId,
        attachment: &StoredRequestAttachment,
        content: &[u8],
    ) -> Result<(), StoreError> {
        self.write(|w| {
            load(&w.tx, id)?;
            let file = StoredAttachment {
                id: attachment.id,
                file_name: attachment.file_name.clone(),
                sha256: attachment.sha256.clone(),
                size: attachment.size,
            };
            REQUEST_FILES.insert(
                w,
                &[("request_id", &id.to_string()), ("role", &attachment.role)],
                &file,
                content,
            )
        })
    }

    pub fn request_attachments(
        &self,
        id: RowId,
    ) -> Result<Vec<StoredRequestAttachment>, StoreError> {
        REQUEST_FILES.files_with(&self.conn, id, &["role"], |file, r| {
            Ok(StoredRequestAttachment {
                id: file.id,
                role: r.get(4)?,
                file_name: file.file_name,
                sha256: file.sha256,
                size: file.size,
            })
        })
    }

    /// A scan's name and bytes.
    pub fn request_attachment_content(
        &self,
        attachment: RowId,
    ) -> Result<(String, Vec<u8>), StoreError> {
        REQUEST_FILES.content(&self.conn, attachment)
    }

    pub fn request_settings(&self) -> Result<RequestSettings, StoreError> {
        Ok(self
            .conn
            .query_row(
                "SELECT due_soon_workdays, fee_pauses_clock, extension_notice_within_period,
                     review_body, court
                 FROM request_setting WHERE singleton = 1",
                [],
                |r| {
                    Ok(RequestSettings {
                        due_soon_workdays: r.get(0)?,
                        fee_pauses_clock: r.get(1)?,
                        extension_notice_within_period: r.get(2)?,
                        review_body: r.get(3)?,
                        court: r.get(4)?,
                    })
                },
            )
            .optional()?
            .unwrap_or_default())
    }

    pub fn set_request_settings(&mut self, settings: &RequestSettings) -> Result<(), StoreError> {
        self.write(|w| {
            w.tx.execute(
                "INSERT INTO request_setting (singleton, due_soon_workdays, fee_pauses_clock,
                     extension_notice_within_period, review_body, court, updated_at)
                 VALUES (1, ?1, ?2, ?3, ?4, ?5, ?6)
                 ON CONFLICT (singleton) DO UPDATE SET due_soon_workdays = ?1,
                     fee_pauses_clock = ?2, extension_notice_within_period = ?3,
                     review_body = ?4, court = ?5, updated_at = ?6",
                params![
                    settings.due_soon_workdays,
                    settings.fee_pauses_clock,
                    settings.extension_notice_within_period,
                    settings.review_body.trim(),
                    settings.court.trim(),
                    w.now_text()
                ],
            )?;
            Ok(())
        })
    }

    /// Art. 44: applications for the same information (same subject but for spaces and
    /// punctuation) by at least two different applicants, largest groups first.
    pub fn requests_repeated(&self) -> Result<Vec<RepeatedGroup>, StoreError> {
        let mut requests = self.requests()?;
        requests.reverse();
        let mut groups: BTreeMap<String, Vec<StoredRequest>> = BTreeMap::new();
        for request in requests {
            groups
                .entry(subject_key(&request.subject))
                .or_default()
                .push(request);
        }
        let mut found = Vec::new();
        for members in groups.into_values() {
            if distinct_applicants(&members) < 2 {
                continue;
            }
            let mut record_id = None;
            for r in &members {
                let linked: Option<String> = self
                    .conn
                    .query_row(
                        "SELECT record_id FROM request_proactive WHERE request_id = ?1",
                        [r.id.to_string()],
                        |row| row.get(0),
                    )
                    .optional()?;
                if let Some(linked) = linked {
                    record_id = linked.parse().ok();
                }
            }
            let mut names: Vec<String> = Vec::new();
            for r in &members {
                if !names.contains(&r.applicant_name) {
                    names.push(r.applicant_name.clone());
                }
            }
            found.push(RepeatedGroup {
                subject: members[0].subject.clone(),
                request_ids: members.iter().map(|r| r.id).collect(),
                applicants: names,
                record_id,
            });
        }
        found.sort_by_key(|g| std::cmp::Reverse(g.request_ids.len()));
        Ok(found)
    }

    /// Art. 44: saves `record`, the proactive record the applications' information becomes,
    /// and links the applications to it, in one write: nothing of it stays if a part fails.
    pub fn requests_make_proactive(
        &mut self,
        record: &StoredRecord,
        requests: &[RowId],
        decided_on: NaiveDate,
    ) -> Result<(), StoreError> {
        self.write(|w| {
            // Art. 44 is about several applicants: the same application chosen twice, or one
            // person's applications, are not that.
            let mut chosen: Vec<RowId> = Vec::new();
            let mut members = Vec::new();
            for id in requests {
                if !chosen.contains(id) {
                    chosen.push(*id);
                    members.push(load(&w.tx, *id)?);
                }
            }
            if distinct_applicants(&members) < 2 {
                let names: BTreeSet<&str> =
                    members.iter().map(|r| r.applicant_name.as_str()).collect();
                return Err(StoreError::ListState(format!(
                    "转为主动公开须是两位以上申请人对同一信息的申请（条例第四十四条），所选 {} 件申请都来自“{}”",
                    members.len(),
                    names.into_iter().collect::<Vec<_>>().join("、")
                )));
            }
            save_record_in(w, record)?;
            for id in &chosen {
                w.tx.execute(
                    "INSERT INTO request_proactive (request_id, record_id, decided_on)
                     VALUES (?1, ?2, ?3)
                     ON CONFLICT (request_id) DO UPDATE SET record_id = ?2, decided_on = ?3",
                    params![id.to_string(), record.id.to_string(), decided_on],
                )?;
            }
            Ok(())
        })
    }

    /// 表三 of `year`: applications received in the year (new_received), received before it
    /// and not answered before it (carried_over), the year's final replies by outcome row
    /// (and results_total), and applications received by the year's end and not answered by
    /// then (carry_forward); per applicant column and in total. An application is answered
    /// on its final reply's date.
    pub fn requests_table3(&self, year: i32) -> Result<Table3Counts, StoreError> {
        let mut counts = Table3Counts::default();
        let answered = |r: &StoredRequest| r.replied_on.filter(|_| r.reply_final);
        for r in self.requests()? {
            let column = r.applicant_kind.as_str();
            let received = r.received_on.year();
            let answered_year = answered(&r).map(|d| d.year());
            if received == year {
                counts.add("new_received", column);
            }
            if received < year && answered_year.is_none_or(|y| y >= year) {
                counts.add("carried_over", column);
            }
            if answered_year == Some(year)
                && let Some(row) = &r.result_row
            {
                counts.add(row, column);
                counts.add("results_total", column);
            }
            if received <= year && answered_year.is_none_or(|y| y > year) {
                counts.add("carry_forward", column);
            }
        }
        Ok(counts)
    }
}

#[cfg(test)]
mod tests {
    use tempfile::TempDir;

    use super::*;

    fn day(m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2025, m, d).unwrap()
    }

    fn application(name: &str) -> StoredRequest {
        StoredRequest {
            id: RowId::new(),
            year: 0,
            serial: 0,
            channel: "in_person".to_owned(),
            arrived_on: day(3, 3),
            confirmed_on: None,
            received_on: day(3, 3),
            applicant_kind: "natural_person".to_owned(),
            applicant_name: name.to_owned(),
            contact: "13800000000".to_owned(),
            address: String::new(),
            id_hash: None,
            id_masked: None,
            subject: "示范村低保名单".to_owned(),
            description: String::new(),
            form_wanted: String::new(),
            correction_notice_on: None,
            correction_items: None,
            correction_deadline: None,
            corrected_on: None,
            extension_notice_on: None,
            extension_approver: None,
            extension_workdays: None,
            extension_reason: None,
            fee_method: None,
            fee_amount_fen: None,
            fee_basis: None,
            fee_notice_on: None,
            fee_delivered_on: None,
            fee_paid_on: None,
            consultations: Vec::new(),
            outcome_kind: None,
            outcome_ground: None,
            result_row: None,
            reply_note: None,
            replied_on: None,
            reply_final: false,
            delivery_method: None,
            delivered_on: None,
            due_on: None,
            calendar_version: "2025-11-04".to_owned(),
            updated_at: String::new(),
        }
    }

    fn replied(r: &StoredRequest, on: NaiveDate) -> StoredRequest {
        StoredRequest {
            outcome_kind: Some("granted".to_owned()),
            outcome_ground: Some("disclosed".to_owned()),
            result_row: Some("granted".to_owned()),
            reply_note: Some(String::new()),
            replied_on: Some(on),
            ..r.clone()
        }
    }

    fn proactive_record(title: &str) -> StoredRecord {
        StoredRecord {
            id: RowId::new(),
            item_key: "财政预决算/乡镇预决算/预算".to_owned(),
            domain: "财政预决算".to_owned(),
            item_name: "预算".to_owned(),
            title: title.to_owned(),
            doc_number: None,
            formed_on: day(3, 10),
            body: "多位申请人申请的同一信息".to_owned(),
            channels: vec!["政府网站".to_owned()],
            attribute: "proactive".to_owned(),
            ground: None,
            attribute_reason: None,
            redacted: false,
            redaction_removed: None,
            redaction_why: None,
            time_limit_days: 20,
            due_on: day(4, 8),
            due_provisional: false,
            calendar_version: "test".to_owned(),
            status: String::new(),
            published_on: None,
            updated_at: String::new(),
        }
    }

    #[test]
    fn repeated_requests_need_two_applicants_however_the_subject_is_typed() {
        let dir = TempDir::new().unwrap();
        let mut store = Store::open(&dir.path().join("t.sqlite3")).unwrap();
        let with = |name: &str, hash: Option<&str>, subject: &str| StoredRequest {
            id_hash: hash.map(|h| h.repeat(32)),
            id_masked: hash.map(|_| "9999**********0011".to_owned()),
            subject: subject.to_owned(),
            ..application(name)
        };
        // One person, once with an ID number and once without: one applicant.
        store
            .request_add(&with("王秀英", Some("h1"), "2025年低保名单"))
            .unwrap();
        store
            .request_add(&with("王秀英", None, "２０２５年低保名单。"))
            .unwrap();
        assert!(store.requests_repeated().unwrap().is_empty());
        // Another 王秀英 with another number, or another name: two, with the full-width
        // subject in the same group.
        store
            .request_add(&with("王秀英", Some("h2"), "2025年 低保名单"))
            .unwrap();
        let groups = store.requests_repeated().unwrap();
        assert_eq!(groups.len(), 1);
        assert_eq!(groups[0].request_ids.len(), 3);
        assert_eq!(groups[0].applicants, ["王秀英"]);
    }

    #[test]
    fn one_applicants_requests_do_not_become_a_proactive_record() {
        let dir = TempDir::new().unwrap();
        let mut store = Store::open(&dir.path().join("t.sqlite3")).unwrap();
        let first = store.request_add(&application("甲")).unwrap();
        let again = store.request_add(&application("甲")).unwrap();
        for ids in [vec![first.id, first.id], vec![first.id, again.id]] {
            let refused = store
                .requests_make_proactive(&proactive_record("预算"), &ids, day(3, 10))
                .unwrap_err()
                .to_string();
            assert!(
                refused.contains("两位以上申请人") && refused.contains("“甲”"),
                "{refused}"
            );
        }
        assert!(store.records().unwrap().is_empty());
    }

    #[test]
    fn turning_requests_into_a_proactive_record_is_one_write() {
        let dir = TempDir::new().unwrap();
        let mut store = Store::open(&dir.path().join("t.sqlite3")).unwrap();
        let first = store.request_add(&application("甲")).unwrap();
        let second = store.request_add(&application("乙")).unwrap();
        // The second application's link fails, after the record and the first link are written.
        store
            .conn
            .execute_batch(
                "CREATE TEMP TRIGGER second_link_fails BEFORE INSERT ON request_proactive
                 WHEN (SELECT count(*) FROM request_proactive) > 0
                 BEGIN SELECT RAISE(ABORT, 'injected'); END;",
            )
            .unwrap();
        let record = proactive_record("预算执行情况");
        let refused = store
            .requests_make_proactive(&record, &[first.id, second.id], day(3, 10))
            .unwrap_err();
        assert!(refused.to_string().contains("injected"), "{refused}");
        assert!(store.records().unwrap().is_empty(), "no record is left");
        assert!(
            store
                .search(crate::SEARCH_KIND_RECORD, "预算执行", 10)
                .unwrap()
                .is_empty()
        );
        let links: i64 = store
            .conn
            .query_row("SELECT count(*) FROM request_proactive", [], |r| r.get(0))
            .unwrap();
        assert_eq!(links, 0, "no link is left");

        store
            .conn
            .execute_batch("DROP TRIGGER second_link_fails")
            .unwrap();
        store
            .requests_make_proactive(&record, &[first.id, second.id], day(3, 10))
            .unwrap();
        assert_eq!(store.records().unwrap().len(), 1);
        let links: i64 = store
            .conn
            .query_row(
                "SELECT count(*) FROM request_proactive WHERE record_id = ?1",
                [record.id.to_string()],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(links, 2);
    }

    fn sign(store: &mut Store, id: RowId, stage: &str) {
        store
            .add_review(
                Reviewed::Reply(id),
                &crate::StoredReview {
                    stage: stage.to_owned(),
                    person_id: stage.to_owned(),
                    person_name: stage.to_owned(),
                    decided_on: day(3, 10),
                    opinion: String::new(),
                    passed: true,
                    cleared: false,
                    recorded_at: String::new(),
                },
            )
            .unwrap();
    }

    #[test]
    fn the_database_holds_a_final_reply_to_its_controls_and_freezes_it() {
        let dir = TempDir::new().unwrap();
        let mut store = Store::open(&dir.path().join("t.sqlite3")).unwrap();
        let first = store.request_add(&application("甲")).unwrap();
        let second = store.request_add(&application("乙")).unwrap();
        assert_eq!((first.year, first.serial, second.serial), (2025, 1, 2));
        let id = first.id;
        store
            .request_change(id, |r| Ok::<_, StoreError>(replied(r, day(3, 10))))
            .unwrap();
        // Past the API: the trigger refuses a final reply without 三审 and 保密审查.
        let refused = store.request_finalize(id).unwrap_err();
        assert!(
            refused.to_string().contains("答复未完成三审和保密审查"),
            "{refused}"
        );
        for stage in ["draft", "review", "approve"] {
            sign(&mut store, id, stage);
        }
        // A changed reply clears the signatures: they covered another text.
        store
            .request_change(id, |r| Ok::<_, StoreError>(replied(r, day(3, 11))))
            .unwrap();
        assert!(
            store
                .reviews(Reviewed::Reply(id))
                .unwrap()
                .iter()
                .all(|r| r.cleared)
        );
        for stage in ["draft", "review", "approve"] {
            sign(&mut store, id, stage);
        }
        store
            .set_secrecy(
                Reviewed::Reply(id),
                &crate::StoredSecrecy {
                    reviewer_id: "s".to_owned(),
                    reviewer_name: "s".to_owned(),
                    decided_on: day(3, 11),
                    answers: vec![("state_secret".to_owned(), false)],
                    opinion: String::new(),
                    passed: true,
                },
            )
            .unwrap();
        store.request_finalize(id).unwrap();
        assert!(store.request_reply_final(id).unwrap());
        // Final: the reply is frozen, 送达 may still be recorded.
        let refused = store
            .request_change(id, |r| Ok::<_, StoreError>(replied(r, day(3, 12))))
            .unwrap_err();
        assert!(refused.to_string().contains("答复已定稿"), "{refused}");
        store
            .request_change(id, |r| {
                Ok::<_, StoreError>(StoredRequest {
                    delivery_method: Some("直接送达".to_owned()),
                    delivered_on: Some(day(3, 12)),
                    ..r.clone()
                })
            })
            .unwrap();
        assert_eq!(store.request(id).unwrap().delivered_on, Some(day(3, 12)));
        // Found by applicant name.
        let found = store.requests_search("乙", 10).unwrap();
        assert_eq!(
            found.iter().map(|r| r.id).collect::<Vec<_>>(),
            vec![second.id]
        );
    }
}
