//! The normative-document library (migration 18): documents with their validity and its
//! history, their files, the link to the record that published each and to its 政策解读
//! record, the yearly 清理 decisions and the setting of the 清理 rule. The rules live in
//! `gongkai-documents`; the API checks them before anything is written here.

use chrono::NaiveDate;
use gongkai_domain::RowId;
use rusqlite::{OptionalExtension, Row, params};

use crate::attachments::DOCUMENT_FILES;
use crate::records::publish_in;
use crate::{OutboxItem, Store, StoreError, StoredPublication};

/// Documents in the shared search index (see `Store::search`).
pub const SEARCH_KIND_DOCUMENT: &str = "document";

/// A document as stored. Plain values: the API turns them into `gongkai-documents` types.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredDocument {
    pub id: RowId,
    /// normative · policy
    pub kind: String,
    pub doc_number: Option<String>,
    pub title: String,
    pub issuer: String,
    pub issued_on: NaiveDate,
    pub effective_on: NaiveDate,
    pub valid_until: Option<NaiveDate>,
    pub body: String,
    pub needs_interpretation: bool,
    pub record_id: Option<RowId>,
    /// in_force · amended · repealed · expired (set by [`Store::change_validity`] only).
    pub validity: String,
    pub validity_on: Option<NaiveDate>,
    pub changed_by: Option<RowId>,
    pub updated_at: String,
}

/// One change of a document's validity.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredValidityChange {
    pub validity: String,
    pub changed_on: NaiveDate,
    pub changed_by: Option<RowId>,
    pub note: String,
    pub recorded_at: String,
}

/// The 政策解读 record of a document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredInterpretation {
    pub record_id: RowId,
    /// text · graphic · qa
    pub form: String,
}

/// A 清理 decision.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredCleanup {
    pub id: RowId,
    pub document_id: RowId,
    pub round: i32,
    pub reason: String,
    /// keep · amend · repeal · expire
    pub decision: String,
    pub decided_on: NaiveDate,
    pub decided_by: String,
    pub note: String,
}

/// 表二, 第二十条第（一）项, the 行政规范性文件 row: issued in the year, repealed in it, in force
/// at its end. The 规章 row is 0 for a township and is not counted: under 立法法 art. 93 only
/// ministries and the governments of provinces and 设区的市 make 规章, never a 乡镇.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DocumentYearFigures {
    pub year: i32,
    pub issued: u32,
    pub repealed: u32,
    pub in_force: u32,
}

const DOCUMENT_COLUMNS: &str = "id, kind, doc_number, title, issuer, issued_on, effective_on,
    valid_until, body, needs_interpretation, record_id, validity, validity_on, changed_by,
    updated_at";

fn document_from(r: &Row<'_>) -> rusqlite::Result<StoredDocument> {
    Ok(StoredDocument {
        id: parse_id(r.get(0)?, 0)?,
        kind: r.get(1)?,
        doc_number: r.get(2)?,
        title: r.get(3)?,
        issuer: r.get(4)?,
        issued_on: r.get(5)?,
        effective_on: r.get(6)?,
        valid_until: r.get(7)?,
        body: r.get(8)?,
        needs_interpretation: r.get(9)?,
        record_id: r
            .get::<_, Option<String>>(10)?
            .map(|t| parse_id(t, 10))
            .transpose()?,
        validity: r.get(11)?,
        validity_on: r.get(12)?,
        changed_by: r
            .get::<_, Option<String>>(13)?
            .map(|t| parse_id(t, 13))
            .transpose()?,
        updated_at: r.get(14)?,
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
    /// Creates a document (现行有效), or replaces an existing one's content; its validity
    /// changes only through [`Store::change_validity`]. A 文号 already in the library is refused.
    pub fn save_document(&mut self, doc: &StoredDocument) -> Result<(), StoreError> {
        self.write(|w| {
            if let Some(number) = &doc.doc_number {
                let other: Option<String> =
                    w.tx.query_row(
                        "SELECT id FROM normative_document WHERE doc_number = ?1 AND id <> ?2",
                        params![number, doc.id.to_string()],
                        |r| r.get(0),
                    )
                    .optional()?;
                if other.is_some() {
                    return Err(StoreError::Duplicate {
                        what: "文号",
                        value: number.clone(),
                    });
                }
            }
            let id = doc.id.to_string();
            let values = params![
                id,
                doc.kind,
                doc.doc_number,
                doc.title,
                doc.issuer,
                doc.issued_on,
                doc.effective_on,
                doc.valid_until,
                doc.body,
                doc.needs_interpretation,
                doc.record_id.map(|r| r.to_string()),
                w.now_text(),
            ];
            let updated = w.tx.execute(
                "UPDATE normative_document SET kind = ?2, doc_number = ?3, title = ?4, issuer = ?5,
                     issued_on = ?6, effective_on = ?7, valid_until = ?8, body = ?9,
                     needs_interpretation = ?10, record_id = ?11, updated_at = ?12
                 WHERE id = ?1",
                values,
            )?;
            if updated == 0 {
                w.tx.execute(
                    "INSERT INTO normative_document (id, kind, doc_number, title, issuer,
                         issued_on, effective_on, valid_until, body, needs_interpretation,
                         record_id, validity, validity_on, changed_by, created_at, updated_at)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, 'in_force', NULL,
                         NULL, ?12, ?12)",
                    values,
                )?;
            }
            let text = [
                doc.doc_number.as_deref().unwrap_or_default(),
                &doc.issuer,
                &doc.body,
            ]
            .join(" ");
            w.index(SEARCH_KIND_DOCUMENT, &id, Some((&doc.title, &text)))
        })
    }

    /// Every document, newest issued first.
    pub fn documents(&self) -> Result<Vec<StoredDocument>, StoreError> {
        let mut stmt = self.conn.prepare(&format!(
            "SELECT {DOCUMENT_COLUMNS} FROM normative_document
             ORDER BY issued_on DESC, doc_number, id"
        ))?;
        let rows = stmt.query_map([], document_from)?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    pub fn document(&self, id: RowId) -> Result<StoredDocument, StoreError> {
        self.conn
            .query_row(
                &format!("SELECT {DOCUMENT_COLUMNS} FROM normative_document WHERE id = ?1"),
                [id.to_string()],
                document_from,
            )
            .optional()?
            .ok_or(StoreError::NotFound {
                what: "规范性文件"
            })
    }

    /// The document of a 文号 in its normal form, if the library has it.
    pub fn document_by_number(&self, number: &str) -> Result<Option<StoredDocument>, StoreError> {
        Ok(self
            .conn
            .query_row(
                &format!("SELECT {DOCUMENT_COLUMNS} FROM normative_document WHERE doc_number = ?1"),
                [number],
                document_from,
            )
            .optional()?)
    }

    /// The document a disclosure record published, if it published one.
    pub fn document_of_record(&self, record: RowId) -> Result<Option<StoredDocument>, StoreError> {
        Ok(self
            .conn
            .query_row(
                &format!(
                    "SELECT {DOCUMENT_COLUMNS} FROM normative_document WHERE record_id = ?1
                     ORDER BY issued_on LIMIT 1"
                ),
                [record.to_string()],
                document_from,
            )
            .optional()?)
    }

    /// The document whose 政策解读 `record` is, if it is one.
    pub fn document_interpreted_by(
        &self,
        record: RowId,
    ) -> Result<Option<StoredDocument>, StoreError> {
        Ok(self
            .conn
            .query_row(
                &format!(
                    "SELECT {DOCUMENT_COLUMNS} FROM normative_document WHERE id =
                         (SELECT document_id FROM document_interpretation WHERE record_id = ?1)"
                ),
                [record.to_string()],
                document_from,
            )
            .optional()?)
    }

    /// Changes a document's validity and keeps the change in its history, in one transaction.
    pub fn change_validity(
        &mut self,
        document: RowId,
        change: &StoredValidityChange,
    ) -> Result<(), StoreError> {
        self.write(|w| change_validity_in(w, document, change))
    }

    /// A document's changes of validity, oldest first.
    pub fn validity_changes(
        &self,
        document: RowId,
    ) -> Result<Vec<StoredValidityChange>, StoreError> {
        let mut stmt = self.conn.prepare(
            "SELECT validity, changed_on, changed_by, note, recorded_at
             FROM document_validity_change WHERE document_id = ?1 ORDER BY seq",
        )?;
        let rows = stmt.query_map([document.to_string()], |r| {
            Ok(StoredValidityChange {
                validity: r.get(0)?,
                changed_on: r.get(1)?,
                changed_by: r
                    .get::<_, Option<String>>(2)?
                    .map(|t| parse_id(t, 2))
                    .transpose()?,
                note: r.get(3)?,
                recorded_at: r.get(4)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Attaches a file to a document; the bytes stay in the database.
    pub fn add_document_attachment(
        &mut self,
        document: RowId,
        attachment: &crate::StoredAttachment,
        content: &[u8],
    ) -> Result<(), StoreError> {
        self.write(|w| {
            DOCUMENT_FILES.insert(
                w,
                &[("document_id", &document.to_string())],
                attachment,
                content,
            )
        })
    }

    pub fn document_attachments(
        &self,
        document: RowId,
    ) -> Result<Vec<crate::StoredAttachment>, StoreError> {
        DOCUMENT_FILES.files(&self.conn, document)
    }

    /// A document file's name and bytes.
    pub fn document_attachment_content(&self, id: RowId) -> Result<(String, Vec<u8>), StoreError> {
        DOCUMENT_FILES.content(&self.conn, id)
    }

    /// Makes `record` the document's 政策解读 (replacing an earlier link).
    pub fn link_interpretation(
        &mut self,
        document: RowId,
        link: &StoredInterpretation,
    ) -> Result<(), StoreError> {
        self.write(|w| {
            let elsewhere: Option<String> =
                w.tx.query_row(
                    "SELECT d.title FROM document_interpretation i
                     JOIN normative_document d ON d.id = i.document_id
                     WHERE i.record_id = ?1 AND i.document_id <> ?2",
                    params![link.record_id.to_string(), document.to_string()],
                    |r| r.get(0),
                )
                .optional()?;
            if let Some(title) = elsewhere {
                return Err(StoreError::ListState(format!(
                    "这条记录已是“{title}”的解读，一条解读只对应一份文件"
                )));
            }
            w.tx.execute(
                "INSERT INTO document_interpretation (document_id, record_id, form, linked_at)
                 VALUES (?1, ?2, ?3, ?4)
                 ON CONFLICT (document_id) DO UPDATE SET record_id = excluded.record_id,
                     form = excluded.form, linked_at = excluded.linked_at",
                params![
                    document.to_string(),
                    link.record_id.to_string(),
                    link.form,
                    w.now_text()
                ],
            )?;
            Ok(())
        })
    }

    pub fn interpretation(
        &self,
        document: RowId,
    ) -> Result<Option<StoredInterpretation>, StoreError> {
        Ok(self
            .conn
            .query_row(
                "SELECT record_id, form FROM document_interpretation WHERE document_id = ?1",
                [document.to_string()],
                |r| {
                    Ok(StoredInterpretation {
                        record_id: parse_id(r.get(0)?, 0)?,
                        form: r.get(1)?,
                    })
                },
            )
            .optional()?)
    }

    /// Publishes several records in one transaction — a document's record with its 政策解读 —
    /// each as [`Store::publish_record`] does: all or none.
    pub fn publish_records_together(
        &mut self,
        publications: &[(StoredPublication, OutboxItem)],
    ) -> Result<(), StoreError> {
        self.write(|w| {
            for (publication, sync) in publications {
                publish_in(w, publication, sync)?;
            }
            Ok(())
        })
    }

    /// Records a 清理 decision and, for 废止 or 宣布失效, the change of validity it makes, in
    /// one transaction. One decision per document and round.
    pub fn decide_cleanup(
        &mut self,
        decision: &StoredCleanup,
        change: Option<&StoredValidityChange>,
    ) -> Result<(), StoreError> {
        self.write(|w| {
            let inserted = w.tx.execute(
                "INSERT INTO document_cleanup (id, document_id, round, reason, decision,
                     decided_on, decided_by, note, recorded_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)
                 ON CONFLICT (document_id, round) DO NOTHING",
                params![
                    decision.id.to_string(),
                    decision.document_id.to_string(),
                    decision.round,
                    decision.reason,
                    decision.decision,
                    decision.decided_on,
                    decision.decided_by,
                    decision.note,
                    w.now_text()
                ],
            )?;
            if inserted == 0 {
                return Err(StoreError::Duplicate {
                    what: "本年度的清理决定",
                    value: decision.round.to_string(),
                });
            }
            if let Some(change) = change {
                change_validity_in(w, decision.document_id, change)?;
            }
            Ok(())
        })
    }

    /// Every 清理 decision, oldest round first.
    pub fn cleanup_decisions(&self) -> Result<Vec<StoredCleanup>, StoreError> {
        let mut stmt = self.conn.prepare(
            "SELECT id, document_id, round, reason, decision, decided_on, decided_by, note
             FROM document_cleanup ORDER BY round, decided_on, id",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok(StoredCleanup {
                id: parse_id(r.get(0)?, 0)?,
                document_id: parse_id(r.get(1)?, 1)?,
                round: r.get(2)?,
                reason: r.get(3)?,
                decision: r.get(4)?,
                decided_on: r.get(5)?,
                decided_by: r.get(6)?,
                note: r.get(7)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// The 清理 rule's years as set here, if set.
    pub fn cleanup_age_years(&self) -> Result<Option<u32>, StoreError> {
        Ok(self
            .conn
            .query_row(
                "SELECT cleanup_age_years FROM document_setting WHERE id = 1",
                [],
                |r| r.get(0),
            )
            .optional()?)
    }

    pub fn set_cleanup_age_years(&mut self, years: u32) -> Result<(), StoreError> {
        self.write(|w| {
            w.tx.execute(
                "INSERT INTO document_setting (id, cleanup_age_years, updated_at)
                 VALUES (1, ?1, ?2)
                 ON CONFLICT (id) DO UPDATE SET cleanup_age_years = excluded.cleanup_age_years,
                     updated_at = excluded.updated_at",
                params![years, w.now_text()],
            )?;
            Ok(())
        })
    }

    /// The 行政规范性文件 row of the annual report's 表二 for `year` (see
    /// [`DocumentYearFigures`]). In force at the year's end: issued by then, not repealed or
    /// declared void on or before it, and its 有效期 (if any) not over before it.
    pub fn documents_year_figures(&self, year: i32) -> Result<DocumentYearFigures, StoreError> {
        let (first, last) = year_bounds(year);
        let (issued, repealed, in_force) = self.conn.query_row(
            "SELECT
                 count(*) FILTER (WHERE issued_on BETWEEN ?1 AND ?2),
                 count(*) FILTER (WHERE validity = 'repealed' AND validity_on BETWEEN ?1 AND ?2),
                 count(*) FILTER (WHERE issued_on <= ?2
                     AND NOT (validity IN ('repealed', 'expired') AND validity_on <= ?2)
                     AND (valid_until IS NULL OR valid_until >= ?2))
             FROM normative_document WHERE kind = 'normative'",
            params![first, last],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )?;
        Ok(DocumentYearFigures {
            year,
            issued,
            repealed,
            in_force,
        })
    }
}

fn change_validity_in(
    w: &crate::Writer<'_>,
    document: RowId,
    change: &StoredValidityChange,
) -> Result<(), StoreError> {
    let id = document.to_string();
    let by = change.changed_by.map(|b| b.to_string());
    let updated =
        w.tx.execute(
            "UPDATE normative_document SET validity = ?2, validity_on = ?3, changed_by = ?4,
                 updated_at = ?5
             WHERE id = ?1",
            params![id, change.validity, change.changed_on, by, w.now_text()],
        )
        .map_err(final_refusal)?;
    if updated == 0 {
        return Err(StoreError::NotFound {
            what: "规范性文件"
        });
    }
    w.tx.execute(
        "INSERT INTO document_validity_change (document_id, validity, changed_on, changed_by,
             note, recorded_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![
            id,
            change.validity,
            change.changed_on,
            by,
            change.note,
            w.now_text()
        ],
    )?;
    Ok(())
}

/// The trigger's refusal of a change to an ended document, as the clerk should read it.
fn final_refusal(e: rusqlite::Error) -> StoreError {
    match &e {
        rusqlite::Error::SqliteFailure(_, Some(message)) if message.contains("不能再变更") => {
            StoreError::ListState(message.clone())
        }
        _ => StoreError::from(e),
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::{StoredAttachment, StoredRecord};

    fn day(text: &str) -> NaiveDate {
        text.parse().unwrap_or(NaiveDate::MIN)
    }

    fn doc(number: &str, title: &str, issued: &str, until: Option<&str>) -> StoredDocument {
        StoredDocument {
            id: RowId::new(),
            kind: "normative".to_owned(),
            doc_number: Some(number.to_owned()),
            title: title.to_owned(),
            issuer: "示范镇人民政府".to_owned(),
            issued_on: day(issued),
            effective_on: day(issued),
            valid_until: until.map(day),
            body: "第一条 为了规范村级公益事业建设，制定本办法。".to_owned(),
            needs_interpretation: false,
            record_id: None,
            validity: String::new(),
            validity_on: None,
            changed_by: None,
            updated_at: String::new(),
        }
    }

    fn record(title: &str) -> StoredRecord {
        StoredRecord {
            id: RowId::new(),
            item_key: "财政预决算/乡镇预决算/预算".to_owned(),
            domain: "财政预决算".to_owned(),
            item_name: "预算".to_owned(),
            title: title.to_owned(),
            doc_number: None,
            formed_on: day("2026-03-01"),
            body: "问：谁负责？\n答：镇财政所。".to_owned(),
            channels: vec!["政府网站".to_owned()],
            attribute: "proactive".to_owned(),
            ground: None,
            attribute_reason: None,
            redacted: false,
            redaction_removed: None,
            redaction_why: None,
            time_limit_days: 20,
            due_on: day("2026-03-30"),
            due_provisional: false,
            calendar_version: "test".to_owned(),
            status: String::new(),
            published_on: None,
            updated_at: String::new(),
        }
    }

    fn repeal(on: &str, by: Option<RowId>) -> StoredValidityChange {
        StoredValidityChange {
            validity: "repealed".to_owned(),
            changed_on: day(on),
            changed_by: by,
            note: String::new(),
            recorded_at: String::new(),
        }
    }

    /// Fills every synced table of migration 18 through the store's own write paths (the
    /// change-log test checks their logging).
    pub(crate) fn fill_document_tables(store: &mut Store) {
        let old = doc(
            "示政发〔2019〕5号",
            "示范镇农村集体三资管理办法",
            "2019-04-10",
            None,
        );
        let new = doc(
            "示政发〔2025〕9号",
            "示范镇农村集体三资管理实施细则",
            "2025-12-15",
            None,
        );
        store.save_document(&old).unwrap();
        store.save_document(&new).unwrap();
        store
            .change_validity(old.id, &repeal("2025-12-15", Some(new.id)))
            .unwrap();
        let file = StoredAttachment {
            id: RowId::new(),
            file_name: "细则.pdf".to_owned(),
            sha256: "ef".repeat(32),
            size: 4,
        };
        store
            .add_document_attachment(new.id, &file, b"%PDF")
            .unwrap();
        let qa = record("细则政策问答");
        store.save_record(&qa).unwrap();
        store
            .link_interpretation(
                new.id,
                &StoredInterpretation {
                    record_id: qa.id,
                    form: "qa".to_owned(),
                },
            )
            .unwrap();
        store
            .decide_cleanup(
                &StoredCleanup {
                    id: RowId::new(),
                    document_id: new.id,
                    round: 2026,
                    reason: "提前清理".to_owned(),
                    decision: "keep".to_owned(),
                    decided_on: day("2026-11-20"),
                    decided_by: "镇政府常务会议".to_owned(),
                    note: String::new(),
                },
                None,
            )
            .unwrap();
    }

    fn store(dir: &tempfile::TempDir) -> Store {
        Store::open(&dir.path().join("d.sqlite3")).unwrap()
    }

    #[test]
    fn year_figures_count_issued_repealed_and_in_force_at_the_years_end() {
        let dir = tempfile::TempDir::new().unwrap();
        let mut store = store(&dir);
        let a = doc("示政发〔2023〕1号", "甲", "2023-02-01", None);
        let b = doc("示政发〔2024〕2号", "乙", "2024-05-01", None);
        let c = doc("示政发〔2024〕3号", "丙", "2024-06-01", Some("2025-06-30"));
        let d = doc("示政发〔2025〕4号", "丁", "2025-03-01", None);
        let mut policy = doc("示政办发〔2024〕8号", "工作要点", "2024-02-01", None);
        policy.kind = "policy".to_owned();
        for x in [&a, &b, &c, &d, &policy] {
            store.save_document(x).unwrap();
        }
        store
            .change_validity(a.id, &repeal("2025-03-01", Some(d.id)))
            .unwrap();
        let figures = |store: &Store, year| {
            let f = store.documents_year_figures(year).unwrap();
            (f.issued, f.repealed, f.in_force)
        };
        // 2024: 乙 and 丙 issued, nothing repealed, 甲乙丙 in force (the 工作要点 is not counted).
        assert_eq!(figures(&store, 2024), (2, 0, 3));
        // 2025: 丁 issued, 甲 repealed, 丙's term over: 乙 and 丁 in force.
        assert_eq!(figures(&store, 2025), (1, 1, 2));
        assert_eq!(figures(&store, 2022), (0, 0, 0));
    }

    #[test]
    fn an_ended_document_stays_ended_and_a_number_is_taken_once() {
        let dir = tempfile::TempDir::new().unwrap();
        let mut store = store(&dir);
        let a = doc("示政发〔2023〕1号", "甲", "2023-02-01", None);
        store.save_document(&a).unwrap();
        store
            .change_validity(a.id, &repeal("2024-01-01", None))
            .unwrap();
        let amended = StoredValidityChange {
            validity: "amended".to_owned(),
            ..repeal("2024-02-01", Some(a.id))
        };
        let e = store.change_validity(a.id, &amended).unwrap_err();
        assert_eq!(e.to_string(), "已废止或已失效的文件，效力不能再变更");
        assert_eq!(store.validity_changes(a.id).unwrap().len(), 1);
        let again = doc("示政发〔2023〕1号", "另一份", "2023-05-01", None);
        let e = store.save_document(&again).unwrap_err();
        assert_eq!(e.to_string(), "已有文号“示政发〔2023〕1号”，不能重复");
        assert_eq!(store.documents().unwrap().len(), 1);
    }

    #[test]
    fn documents_are_found_by_title_number_and_text() {
        let dir = tempfile::TempDir::new().unwrap();
        let mut store = store(&dir);
        fill_document_tables(&mut store);
        let found = |q: &str| store.search(SEARCH_KIND_DOCUMENT, q, 10).unwrap().len();
        assert_eq!(found("三资"), 2);
        assert_eq!(found("实施细则"), 1);
        assert_eq!(found("示政发〔2019〕5号"), 1);
        assert_eq!(found("公益事业"), 2);
        assert_eq!(found("低保"), 0);
    }

    #[test]
    fn a_record_interprets_one_document_at_most() {
        let dir = tempfile::TempDir::new().unwrap();
        let mut store = store(&dir);
        fill_document_tables(&mut store);
        let docs = store.documents().unwrap();
        let linked = store.interpretation(docs[0].id).unwrap().unwrap();
        let e = store.link_interpretation(docs[1].id, &linked).unwrap_err();
        assert!(e.to_string().contains("一条解读只对应一份文件"), "{e}");
        assert_eq!(
            store
                .document_interpreted_by(linked.record_id)
                .unwrap()
                .map(|d| d.id),
            Some(docs[0].id)
        );
    }
}
