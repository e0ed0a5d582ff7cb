//! The annual report (migration 19): each year's draft — prose sections 一/五/六, the fee 六
//! states, the 表二 counts a township enters — and the 复议/诉讼 cases that feed 表四. What the
//! report counts from other data (表三 from the requests, 规范性文件 from the library, section
//! 一's figures) is read here too, so no SQL leaves the store.

use chrono::NaiveDate;
use gongkai_domain::RowId;
use rusqlite::{OptionalExtension, Row, params};

use crate::attachments::RECORD_FILES;
use crate::records::{require_draft, save_record_in, withdraw_in};
use crate::review::clear_controls;
use crate::{OutboxItem, Reviewed, Store, StoreError, StoredAttachment, StoredRecord, Writer};

/// A year's draft as saved.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct StoredReportDraft {
    pub year: i32,
    /// 一、总体情况
    pub overview: String,
    /// 五、存在的主要问题及改进情况
    pub problems_text: String,
    /// 六、其他需要报告的事项
    pub other_text: String,
    pub stated_fees_fen: Option<i64>,
    /// 规章: 本年制发, 本年废止, 现行有效.
    pub regulations: [u32; 3],
    pub licensing_decisions: u32,
    pub penalty_decisions: u32,
    pub enforcement_decisions: u32,
    pub admin_fees_fen: i64,
    /// Set when finalized: the record it is published as, the tables then (JSON, with the
    /// digest of the letter's content beside them; the API writes and reads it).
    pub record_id: Option<RowId>,
    pub final_tables: Option<String>,
    pub finalized_at: Option<String>,
    pub updated_at: String,
}

/// A file of the finalized report (its PDF or `.docx`), to attach to the report's record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReportFile {
    pub id: RowId,
    pub file_name: String,
    pub sha256: String,
    pub content: Vec<u8>,
}

/// What finalizing a year's report does to the disclosure record it is published as.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReportRecordStep<'a> {
    /// The linked record already holds these very files: it is left as it is.
    Keep(RowId),
    /// The linked record is still a draft: its files are replaced, and the signatures and the
    /// secrecy check in force are cleared, since they covered other files.
    ReplaceFiles {
        record: RowId,
        files: &'a [ReportFile],
    },
    /// A new draft record with the files. A published record of an earlier finalization is
    /// withdrawn with `withdraw`'s tombstone in the same transaction: a published record is
    /// frozen, so a changed report is a new record, never a second one in force.
    New {
        record: &'a StoredRecord,
        files: &'a [ReportFile],
        withdraw: Option<(RowId, &'a OutboxItem)>,
    },
}

/// A 复议 or 诉讼 about disclosure.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredCase {
    pub id: RowId,
    /// `review`, `lit_direct` or `lit_after_review` (表四's groups).
    pub kind: String,
    pub case_number: String,
    pub subject: String,
    pub filed_on: NaiveDate,
    /// `upheld`, `corrected` or `other` once decided.
    pub outcome: Option<String>,
    pub decided_on: Option<NaiveDate>,
    pub note: String,
    pub updated_at: String,
}

/// What the township did in a year, for section 一's first draft.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct YearActivity {
    /// Records published in the year, per 领域, most first.
    pub records_by_domain: Vec<(String, u32)>,
    /// Payout lists put up for 公示 in the year, and the village postings that took.
    pub payout_lists_posted: u32,
    pub payout_village_postings: u32,
    /// Boards (公开栏) in use at some time in the year, and sheets posted on them.
    pub boards_kept: u32,
    pub board_postings: u32,
}

const DRAFT_COLUMNS: &str = "year, overview, problems_text, other_text, stated_fees_fen,
    regulations_issued, regulations_repealed, regulations_in_force, licensing_decisions,
    penalty_decisions, enforcement_decisions, admin_fees_fen, record_id, final_tables,
    finalized_at, updated_at";

fn draft_from(r: &Row<'_>) -> rusqlite::Result<StoredReportDraft> {
    let record_id: Option<String> = r.get(12)?;
    Ok(StoredReportDraft {
        year: r.get(0)?,
        overview: r.get(1)?,
        problems_text: r.get(2)?,
        other_text: r.get(3)?,
        stated_fees_fen: r.get(4)?,
        regulations: [r.get(5)?, r.get(6)?, r.get(7)?],
        licensing_decisions: r.get(8)?,
        penalty_decisions: r.get(9)?,
        enforcement_decisions: r.get(10)?,
        admin_fees_fen: r.get(11)?,
        record_id: record_id.map(|id| parse_id(id, 12)).transpose()?,
        final_tables: r.get(13)?,
        finalized_at: r.get(14)?,
        updated_at: r.get(15)?,
    })
}

const CASE_COLUMNS: &str =
    "id, kind, case_number, subject, filed_on, outcome, decided_on, note, updated_at";

fn case_from(r: &Row<'_>) -> rusqlite::Result<StoredCase> {
    Ok(StoredCase {
        id: parse_id(r.get(0)?, 0)?,
        kind: r.get(1)?,
        case_number: r.get(2)?,
        subject: r.get(3)?,
        filed_on: r.get(4)?,
        outcome: r.get(5)?,
        decided_on: r.get(6)?,
        note: r.get(7)?,
        updated_at: r.get(8)?,
    })
}

fn parse_id(text: String, column: usize) -> rusqlite::Result<RowId> {
    text.parse().map_err(|e| {
        rusqlite::Error::FromSqlConversionFailure(column, rusqlite::types::Type::Text, Box::new(e))
    })
}

fn year_bounds(year: i32) -> (String, String) {
    (format!("{year:04}-01-01"), format!("{year:04}-12-31"))
}

impl Store {
    /// The year's draft, if one was saved.
    pub fn report_draft(&self, year: i32) -> Result<Option<StoredReportDraft>, StoreError> {
        Ok(self
            .conn
            .query_row(
                &format!("SELECT {DRAFT_COLUMNS} FROM annual_report WHERE year = ?1"),
                [year],
                draft_from,
            )
            .optional()?)
    }

    /// Saves what the clerk edits of a year's draft (prose, stated fee, 表二 counts); what was
    /// frozen at a final export stays.
    pub fn save_report_draft(&mut self, draft: &StoredReportDraft) -> Result<(), StoreError> {
        self.write(|w| {
            w.tx.execute(
                "INSERT INTO annual_report (year, overview, problems_text, other_text,
                     stated_fees_fen, regulations_issued, regulations_repealed,
                     regulations_in_force, licensing_decisions, penalty_decisions,
                     enforcement_decisions, admin_fees_fen, updated_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)
                 ON CONFLICT (year) DO UPDATE SET overview = excluded.overview,
                     problems_text = excluded.problems_text, other_text = excluded.other_text,
                     stated_fees_fen = excluded.stated_fees_fen,
                     regulations_issued = excluded.regulations_issued,
                     regulations_repealed = excluded.regulations_repealed,
                     regulations_in_force = excluded.regulations_in_force,
                     licensing_decisions = excluded.licensing_decisions,
                     penalty_decisions = excluded.penalty_decisions,
                     enforcement_decisions = excluded.enforcement_decisions,
                     admin_fees_fen = excluded.admin_fees_fen, updated_at = excluded.updated_at",
                params![
                    draft.year,
                    draft.overview,
                    draft.problems_text,
                    draft.other_text,
                    draft.stated_fees_fen,
                    draft.regulations[0],
                    draft.regulations[1],
                    draft.regulations[2],
                    draft.licensing_decisions,
                    draft.penalty_decisions,
                    draft.enforcement_decisions,
                    draft.admin_fees_fen,
                    w.now_text(),
                ],
            )?;
            Ok(())
        })
    }

    /// Freezes a year's tables as finalized and makes the report's disclosure record what
    /// `step` says, in one transaction: the record and its files, the withdrawal of the version
    /// it replaces and the link from the report are written together or not at all.
    pub fn finalize_report_record(
        &mut self,
        year: i32,
        step: ReportRecordStep<'_>,
        tables_json: &str,
    ) -> Result<RowId, StoreError> {
        self.write(|w| {
            let record = match step {
                ReportRecordStep::Keep(record) => record,
                ReportRecordStep::ReplaceFiles { record, files } => {
                    replace_files(w, record, files)?;
                    record
                }
                ReportRecordStep::New {
                    record,
                    files,
                    withdraw,
                } => {
                    if let Some((old, tombstone)) = withdraw {
                        withdraw_published(w, old, tombstone)?;
                    }
                    save_record_in(w, record)?;
                    replace_files(w, record.id, files)?;
                    record.id
                }
            };
            let changed = w.tx.execute(
                "UPDATE annual_report SET record_id = ?2, final_tables = ?3, finalized_at = ?4,
                     updated_at = ?4
                 WHERE year = ?1",
                params![year, record.to_string(), tables_json, w.now_text()],
            )?;
            if changed == 0 {
                return Err(StoreError::NotFound {
                    what: "年度报告"
                });
            }
            Ok(record)
        })
    }

    /// The report a disclosure record publishes, if it is one.
    pub fn report_of_record(&self, record: RowId) -> Result<Option<StoredReportDraft>, StoreError> {
        Ok(self
            .conn
            .query_row(
                &format!("SELECT {DRAFT_COLUMNS} FROM annual_report WHERE record_id = ?1"),
                [record.to_string()],
                draft_from,
            )
            .optional()?)
    }

    /// Every 复议/诉讼 case, by filing date.
    pub fn disclosure_cases(&self) -> Result<Vec<StoredCase>, StoreError> {
        let mut stmt = self.conn.prepare(&format!(
            "SELECT {CASE_COLUMNS} FROM disclosure_case ORDER BY filed_on, id"
        ))?;
        let rows = stmt.query_map([], case_from)?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Creates a case or replaces one with the same id. The same case entered twice would be
    /// counted twice in 表四: another case of the kind with the same 案号, or, without one,
    /// filed the same day on the same matter, is refused.
    pub fn save_disclosure_case(&mut self, case: &StoredCase) -> Result<(), StoreError> {
        self.write(|w| {
            let number: String = case.case_number.split_whitespace().collect();
            let twin: Option<(String, String)> =
                w.tx.query_row(
                    "SELECT case_number, subject FROM disclosure_case
                     WHERE id <> ?1 AND kind = ?2
                       AND ((?3 <> '' AND replace(case_number, ' ', '') = ?3)
                         OR (?3 = '' AND subject = ?4 AND filed_on = ?5))
                     LIMIT 1",
                    params![
                        case.id.to_string(),
                        case.kind,
                        number,
                        case.subject,
                        case.filed_on
                    ],
                    |r| Ok((r.get(0)?, r.get(1)?)),
                )
                .optional()?;
            if let Some((case_number, subject)) = twin {
                return Err(if number.is_empty() {
                    StoreError::Duplicate {
                        what: "同一天立案、涉及同一事项的案件",
                        value: subject,
                    }
                } else {
                    StoreError::Duplicate {
                        what: "案号",
                        value: case_number,
                    }
                });
            }
            w.tx.execute(
                "INSERT INTO disclosure_case (id, kind, case_number, subject, filed_on, outcome,
                     decided_on, note, updated_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)
                 ON CONFLICT (id) DO UPDATE SET kind = excluded.kind,
                     case_number = excluded.case_number, subject = excluded.subject,
                     filed_on = excluded.filed_on, outcome = excluded.outcome,
                     decided_on = excluded.decided_on, note = excluded.note,
                     updated_at = excluded.updated_at",
                params![
                    case.id.to_string(),
                    case.kind,
                    case.case_number,
                    case.subject,
                    case.filed_on,
                    case.outcome,
                    case.decided_on,
                    case.note,
                    w.now_text(),
                ],
            )?;
            Ok(())
        })
    }

    pub fn delete_disclosure_case(&mut self, id: RowId) -> Result<(), StoreError> {
        self.write(|w| {
            let deleted = w.tx.execute(
                "DELETE FROM disclosure_case WHERE id = ?1",
                [id.to_string()],
            )?;
            if deleted == 0 {
                return Err(StoreError::NotFound {
                    what: "复议/诉讼案件",
                });
            }
            Ok(())
        })
    }

    /// Information-processing fees paid on the year's requests, in fen.
    pub fn request_fees_paid(&self, year: i32) -> Result<i64, StoreError> {
        let (first, last) = year_bounds(year);
        Ok(self.conn.query_row(
            "SELECT coalesce(sum(fee_amount_fen), 0) FROM info_request
             WHERE fee_paid_on BETWEEN ?1 AND ?2",
            params![first, last],
            |r| r.get(0),
        )?)
    }

    /// The year's figures section 一 starts from.
    pub fn report_year_activity(&self, year: i32) -> Result<YearActivity, StoreError> {
        let (first, last) = year_bounds(year);
        let mut stmt = self.conn.prepare(
            "SELECT domain, count(*) FROM disclosure_record
             WHERE status = 'published' AND published_on BETWEEN ?1 AND ?2
             GROUP BY domain ORDER BY count(*) DESC, domain",
        )?;
        let records_by_domain = stmt
            .query_map(params![first, last], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<Result<_, _>>()?;
        let (payout_lists_posted, payout_village_postings) = self.conn.query_row(
            "SELECT count(DISTINCT list_id), count(*) FROM payout_posting
             WHERE posted_on BETWEEN ?1 AND ?2",
            params![first, last],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?;
        let boards_kept = self.conn.query_row(
            "SELECT count(*) FROM board
             WHERE substr(created_at, 1, 10) <= ?2 AND (retired_on IS NULL OR retired_on >= ?1)",
            params![first, last],
            |r| r.get(0),
        )?;
        let board_postings = self.conn.query_row(
            "SELECT count(*) FROM posting WHERE posted_on BETWEEN ?1 AND ?2",
            params![first, last],
            |r| r.get(0),
        )?;
        Ok(YearActivity {
            records_by_domain,
            payout_lists_posted,
            payout_village_postings,
            boards_kept,
            board_postings,
        })
    }
}

// The record's rows are written here with the report's link in one transaction, by the same
// pieces `save_record`, `add_attachment` and `withdraw_record` use on the same tables and
// triggers (migration 6 gates publication and freezes what was published).

/// A draft's files replaced by `files`; what was signed is no longer what would be published.
fn replace_files(w: &Writer<'_>, record: RowId, files: &[ReportFile]) -> Result<(), StoreError> {
    require_draft(w, record).map_err(|e| match e {
        StoreError::ListState(_) => {
            StoreError::ListState("年度报告的公开记录已发布或已撤回，不能更换附件".to_owned())
        }
        other => other,
    })?;
    let owner = record.to_string();
    w.tx.execute(
        &format!(
            "DELETE FROM {} WHERE {} = ?1",
            RECORD_FILES.table, RECORD_FILES.owner
        ),
        [&owner],
    )?;
    for file in files {
        let stored = StoredAttachment {
            id: file.id,
            file_name: file.file_name.clone(),
            sha256: file.sha256.clone(),
            size: i64::try_from(file.content.len()).unwrap_or(i64::MAX),
        };
        RECORD_FILES.insert(w, &[(RECORD_FILES.owner, &owner)], &stored, &file.content)?;
    }
    clear_controls(w, Reviewed::Record(record))
}

fn withdraw_published(
    w: &Writer<'_>,
    record: RowId,
    tombstone: &OutboxItem,
) -> Result<(), StoreError> {
    withdraw_in(w, record, tombstone).map_err(|e| match e {
        StoreError::ListState(_) => {
            StoreError::ListState("上次定稿的年度报告记录不是已发布状态，不能撤回替换".to_owned())
        }
        other => other,
    })
}
