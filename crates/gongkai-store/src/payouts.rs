//! Payout lists as stored: masked rows and keyed hashes, written all at once.

use std::collections::HashMap;

use chrono::NaiveDate;
use gongkai_domain::RowId;
use rusqlite::{OptionalExtension, params};

use crate::{OutboxItem, Store, StoreError};

/// A list ready to be written. Built by the API from a validated file.
#[derive(Debug, Clone)]
pub struct NewPayoutList {
    pub id: RowId,
    /// An archived list this one corrects, and why.
    pub supersedes: Option<(RowId, String)>,
    pub project: String,
    pub year: i32,
    pub source_file: String,
    pub source_sha256: String,
    pub rows: Vec<NewPayoutRow>,
}

/// One person's payout, already masked and hashed: nothing here is a full ID or account.
#[derive(Debug, Clone)]
pub struct NewPayoutRow {
    pub village: RowId,
    pub source_sheet: String,
    pub source_row: u32,
    pub group: Option<String>,
    pub name: String,
    pub id_hash: [u8; 32],
    pub id_masked: String,
    pub bank_masked: Option<String>,
    pub phone_masked: Option<String>,
    pub area_e4: Option<i64>,
    pub rate_e4: Option<i64>,
    pub amount_fen: i64,
    pub project: String,
    pub note: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PayoutListSummary {
    pub id: RowId,
    pub project: String,
    pub year: i32,
    pub source_file: String,
    pub status: String,
    pub row_count: u32,
    pub total_fen: i64,
    pub imported_at: String,
    pub villages: Vec<VillageTotal>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VillageTotal {
    pub village: String,
    pub rows: u32,
    pub total_fen: i64,
}

/// An earlier payout to the same person for the same year and project.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EarlierPayout {
    pub source_file: String,
    pub imported_at: String,
}

/// A person's payout found by ID, for the clerk's "was this person paid?".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PersonPayout {
    pub list_id: RowId,
    pub project: String,
    pub year: i32,
    pub village: String,
    pub name: String,
    pub id_masked: String,
    pub amount_fen: i64,
    pub status: String,
    pub source_file: String,
}

impl Store {
    /// Everyone already paid under `project` in `year`, by ID hash, with where they appear.
    /// Superseded lists no longer count, nor does `except` (the list a correction replaces).
    pub fn paid_under(
        &self,
        year: i32,
        project: &str,
        except: Option<RowId>,
    ) -> Result<HashMap<[u8; 32], EarlierPayout>, StoreError> {
        let mut stmt = self.conn.prepare(
            "SELECT r.id_hash, l.source_file, l.imported_at FROM payout_row r
             JOIN payout_list l ON l.id = r.list_id
             WHERE r.year = ?1 AND r.project = ?2 AND l.status <> 'superseded'
               AND l.id IS NOT ?3",
        )?;
        let except = except.map(|id| id.to_string());
        let rows = stmt.query_map(params![year, project, except], |r| {
            Ok((
                r.get::<_, Vec<u8>>(0)?,
                EarlierPayout {
                    source_file: r.get(1)?,
                    imported_at: r.get(2)?,
                },
            ))
        })?;
        let mut paid = HashMap::new();
        for row in rows {
            let (hash, earlier) = row?;
            if let Ok(hash) = <[u8; 32]>::try_from(hash) {
                paid.insert(hash, earlier);
            }
        }
        Ok(paid)
    }

    /// Writes the list and all its rows in one transaction; a correction also marks the list it
    /// replaces as superseded, in the same transaction.
    pub fn insert_payout_list(&mut self, list: &NewPayoutList) -> Result<(), StoreError> {
        if let Some((old, _)) = &list.supersedes {
            let status = self.list_status(*old)?;
            if status != "archived" {
                return Err(StoreError::ListState(format!(
                    "只有已归档的清册才需要以更正清册替代；这份清册状态为“{}”，可以直接删除后重新导入",
                    status_label(&status)
                )));
            }
        }
        let total: i64 = list.rows.iter().map(|r| r.amount_fen).sum();
        self.write(|w| {
            let now = w.now_text();
            w.tx.execute(
                "INSERT INTO payout_list (id, project, year, source_file, source_sha256, status,
                     row_count, total_fen, imported_at, updated_at, supersedes, supersede_reason)
                 VALUES (?1, ?2, ?3, ?4, ?5, 'draft', ?6, ?7, ?8, ?8, ?9, ?10)",
                params![
                    list.id.to_string(),
                    list.project,
                    list.year,
                    list.source_file,
                    list.source_sha256,
                    list.rows.len() as i64,
                    total,
                    now,
                    list.supersedes.as_ref().map(|(old, _)| old.to_string()),
                    list.supersedes.as_ref().map(|(_, why)| why.as_str()),
                ],
            )?;
            if let Some((old, _)) = &list.supersedes {
                w.tx.execute(
                    "UPDATE payout_list SET status = 'superseded', updated_at = ?2 WHERE id = ?1",
                    params![old.to_string(), now],
                )?;
            }
            let mut insert = w.tx.prepare_cached(
                "INSERT INTO payout_row (id, list_id, village_id, source_sheet, source_row,
                     villager_group, name, id_hash, id_masked, bank_masked, phone_masked, area_e4,
                     rate_e4, amount_fen, project, year, note)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17)",
            )?;
            let list_id = list.id.to_string();
            // A list names a handful of villages: each is written out once, not per row.
            let mut villages: Vec<(RowId, String)> = Vec::new();
            for row in &list.rows {
                let village = match villages.iter().position(|(id, _)| *id == row.village) {
                    Some(at) => at,
                    None => {
                        villages.push((row.village, row.village.to_string()));
                        villages.len() - 1
                    }
                };
                insert.execute(params![
                    RowId::new().to_string(),
                    list_id,
                    villages[village].1,
                    row.source_sheet,
                    row.source_row,
                    row.group,
                    row.name,
                    &row.id_hash[..],
                    row.id_masked,
                    row.bank_masked,
                    row.phone_masked,
                    row.area_e4,
                    row.rate_e4,
                    row.amount_fen,
                    row.project,
                    list.year,
                    row.note,
                ])?;
            }
            Ok(())
        })
    }

    pub fn payout_lists(&self) -> Result<Vec<PayoutListSummary>, StoreError> {
        self.lists_where(None)
    }

    pub fn payout_list(&self, id: RowId) -> Result<PayoutListSummary, StoreError> {
        self.lists_where(Some(id))?
            .pop()
            .ok_or(StoreError::NotFound { what: "清册" })
    }

    fn list_status(&self, id: RowId) -> Result<String, StoreError> {
        self.conn
            .query_row(
                "SELECT status FROM payout_list WHERE id = ?1",
                [id.to_string()],
                |r| r.get(0),
            )
            .optional()?
            .ok_or(StoreError::NotFound { what: "清册" })
    }

    /// Every list, newest first, or only `only`.
    fn lists_where(&self, only: Option<RowId>) -> Result<Vec<PayoutListSummary>, StoreError> {
        let only = only.map(|id| id.to_string());
        let mut lists = self
            .conn
            .prepare(
                "SELECT id, project, year, source_file, status, row_count, total_fen, imported_at
                 FROM payout_list WHERE ?1 IS NULL OR id = ?1 ORDER BY imported_at DESC",
            )?
            .query_map([&only], |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    PayoutListSummary {
                        id: RowId::default(),
                        project: r.get(1)?,
                        year: r.get(2)?,
                        source_file: r.get(3)?,
                        status: r.get(4)?,
                        row_count: r.get(5)?,
                        total_fen: r.get(6)?,
                        imported_at: r.get(7)?,
                        villages: Vec::new(),
                    },
                ))
            })?
            .collect::<Result<Vec<_>, _>>()?;
        let mut per_village = self.conn.prepare(
            "SELECT v.name, count(*), sum(r.amount_fen) FROM payout_row r
             JOIN village v ON v.id = r.village_id
             WHERE r.list_id = ?1 GROUP BY v.id ORDER BY v.code",
        )?;
        lists
            .iter_mut()
            .map(|(id, summary)| {
                summary.id = id.parse()?;
                summary.villages = per_village
                    .query_map([&*id], |r| {
                        Ok(VillageTotal {
                            village: r.get(0)?,
                            rows: r.get(1)?,
                            total_fen: r.get(2)?,
                        })
                    })?
                    .collect::<Result<Vec<_>, _>>()?;
                Ok(summary.clone())
            })
            .collect()
    }

    pub fn payouts_of(&self, id_hash: &[u8; 32]) -> Result<Vec<PersonPayout>, StoreError> {
        let rows = self
            .conn
            .prepare(
                "SELECT l.id, r.project, r.year, v.name, r.name, r.id_masked, r.amount_fen,
                        l.status, l.source_file
                 FROM payout_row r
                 JOIN payout_list l ON l.id = r.list_id
                 JOIN village v ON v.id = r.village_id
                 WHERE r.id_hash = ?1 ORDER BY r.year DESC, r.project",
            )?
            .query_map([&id_hash[..]], |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    PersonPayout {
                        list_id: RowId::default(),
                        project: r.get(1)?,
                        year: r.get(2)?,
                        village: r.get(3)?,
                        name: r.get(4)?,
                        id_masked: r.get(5)?,
                        amount_fen: r.get(6)?,
                        status: r.get(7)?,
                        source_file: r.get(8)?,
                    },
                ))
            })?
            .collect::<Result<Vec<_>, _>>()?;
        rows.into_iter()
            .map(|(id, payout)| {
                Ok(PersonPayout {
                    list_id: id.parse()?,
                    ..payout
                })
            })
            .collect()
    }
}

/// A stored row as it may be printed: masked, never the full numbers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PrintableRow {
    pub village: String,
    /// The row's own 补贴项目: a file may hold several.
    pub project: String,
    pub group: Option<String>,
    pub name: String,
    pub id_masked: String,
    pub bank_masked: Option<String>,
    pub area_e4: Option<i64>,
    pub rate_e4: Option<i64>,
    pub amount_fen: i64,
    pub note: Option<String>,
}

impl Store {
    /// The list's rows by village (in village-code order), each village in file order.
    pub fn printable_rows(&self, list: RowId) -> Result<Vec<PrintableRow>, StoreError> {
        let rows = self
            .conn
            .prepare(
                "SELECT v.name, r.villager_group, r.name, r.id_masked, r.bank_masked, r.area_e4,
                        r.rate_e4, r.amount_fen, r.note, r.project
                 FROM payout_row r JOIN village v ON v.id = r.village_id
                 WHERE r.list_id = ?1
                 ORDER BY v.code, r.source_sheet, r.source_row",
            )?
            .query_map([list.to_string()], |r| {
                Ok(PrintableRow {
                    village: r.get(0)?,
                    project: r.get(9)?,
                    group: r.get(1)?,
                    name: r.get(2)?,
                    id_masked: r.get(3)?,
                    bank_masked: r.get(4)?,
                    area_e4: r.get(5)?,
                    rate_e4: r.get(6)?,
                    amount_fen: r.get(7)?,
                    note: r.get(8)?,
                })
            })?
            .collect::<Result<Vec<_>, _>>()?;
        Ok(rows)
    }
}

/// The Chinese name of a list status, for messages.
pub fn status_label(status: &str) -> &'static str {
    gongkai_domain::PayoutListStatus::from_key(status).map_or("未知", |s| s.label())
}

/// A village's 公示期 for a list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Posting {
    pub village: String,
    pub posted_on: NaiveDate,
    pub ends_on: NaiveDate,
}

/// One village's notice as archived.
#[derive(Debug, Clone)]
pub struct ArchivedNotice {
    pub village: RowId,
    pub file_name: String,
    pub pdf: Vec<u8>,
    pub sha256: String,
}

impl Store {
    /// 草稿 → 公示中: every village of the list is posted on `posted_on` until `ends_on`.
    pub fn post_payout_list(
        &mut self,
        list: RowId,
        posted_on: NaiveDate,
        ends_on: NaiveDate,
        sync: &OutboxItem,
    ) -> Result<(), StoreError> {
        let status = self.list_status(list)?;
        if status != "draft" {
            return Err(StoreError::ListState(format!(
                "只有草稿状态的清册才能开始公示；这份清册状态为“{}”",
                status_label(&status)
            )));
        }
        self.write(|w| {
            w.tx.execute(
                "INSERT INTO payout_posting (list_id, village_id, posted_on, ends_on)
                 SELECT DISTINCT list_id, village_id, ?2, ?3 FROM payout_row WHERE list_id = ?1",
                params![list.to_string(), posted_on.to_string(), ends_on.to_string()],
            )?;
            w.tx.execute(
                "UPDATE payout_list SET status = 'posted', updated_at = ?2 WHERE id = ?1",
                params![list.to_string(), w.now_text()],
            )?;
            w.enqueue(sync)
        })
    }

    pub fn postings(&self, list: RowId) -> Result<Vec<Posting>, StoreError> {
        let rows = self
            .conn
            .prepare(
                "SELECT v.name, p.posted_on, p.ends_on FROM payout_posting p
                 JOIN village v ON v.id = p.village_id WHERE p.list_id = ?1 ORDER BY v.code",
            )?
            .query_map([list.to_string()], |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, String>(2)?,
                ))
            })?
            .collect::<Result<Vec<_>, _>>()?;
        rows.into_iter()
            .map(|(village, posted, ends)| {
                let date = |text: &str| {
                    text.parse::<NaiveDate>().map_err(|_| {
                        StoreError::BadStoredValue(gongkai_domain::DomainError::BadCode {
                            field: "公示日期",
                            value: text.to_owned(),
                            reason: "不是有效的日期".to_owned(),
                        })
                    })
                };
                Ok(Posting {
                    posted_on: date(&posted)?,
                    ends_on: date(&ends)?,
                    village,
                })
            })
            .collect()
    }

    /// 公示中 → 已归档: freezes the rows (their fingerprint) and the notices as printed.
    pub fn archive_payout_list(
        &mut self,
        list: RowId,
        rows_sha256: &str,
        notices: &[ArchivedNotice],
    ) -> Result<(), StoreError> {
        let status = self.list_status(list)?;
        if status != "posted" {
            return Err(StoreError::ListState(format!(
                "只有公示中的清册才能归档；这份清册状态为“{}”",
                status_label(&status)
            )));
        }
        self.write(|w| {
            let now = w.now_text();
            w.tx.execute(
                "INSERT INTO payout_archive (list_id, archived_at, rows_sha256) VALUES (?1, ?2, ?3)",
                params![list.to_string(), now, rows_sha256],
            )?;
            for notice in notices {
                w.tx.execute(
                    "INSERT INTO payout_archive_file (list_id, village_id, file_name, pdf, sha256)
                     VALUES (?1, ?2, ?3, ?4, ?5)",
                    params![
                        list.to_string(),
                        notice.village.to_string(),
                        notice.file_name,
                        notice.pdf,
                        notice.sha256
                    ],
                )?;
            }
            w.tx.execute(
                "UPDATE payout_list SET status = 'archived', updated_at = ?2 WHERE id = ?1",
                params![list.to_string(), now],
            )?;
            Ok(())
        })
    }
}

/// The township's masking rule, as stored: (id start, id end, bank end, phone start, phone end).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StoredMaskRules {
    pub id_keep_start: u8,
    pub id_keep_end: u8,
    pub bank_keep_end: u8,
    pub phone_keep_start: u8,
    pub phone_keep_end: u8,
}

impl Store {
    /// `None` when the township keeps the defaults.
    pub fn mask_rules(&self) -> Result<Option<StoredMaskRules>, StoreError> {
        Ok(self
            .conn
            .query_row(
                "SELECT id_keep_start, id_keep_end, bank_keep_end, phone_keep_start, phone_keep_end
                 FROM mask_rules",
                [],
                |r| {
                    Ok(StoredMaskRules {
                        id_keep_start: r.get(0)?,
                        id_keep_end: r.get(1)?,
                        bank_keep_end: r.get(2)?,
                        phone_keep_start: r.get(3)?,
                        phone_keep_end: r.get(4)?,
                    })
                },
            )
            .optional()?)
    }

    pub fn set_mask_rules(&mut self, rules: StoredMaskRules) -> Result<(), StoreError> {
        self.write(|w| {
            w.tx.execute(
                "INSERT INTO mask_rules (singleton, id_keep_start, id_keep_end, bank_keep_end,
                     phone_keep_start, phone_keep_end, updated_at)
                 VALUES (1, ?1, ?2, ?3, ?4, ?5, ?6)
                 ON CONFLICT (singleton) DO UPDATE SET id_keep_start = excluded.id_keep_start,
                     id_keep_end = excluded.id_keep_end, bank_keep_end = excluded.bank_keep_end,
                     phone_keep_start = excluded.phone_keep_start,
                     phone_keep_end = excluded.phone_keep_end, updated_at = excluded.updated_at",
                params![
                    rules.id_keep_start,
                    rules.id_keep_end,
                    rules.bank_keep_end,
                    rules.phone_keep_start,
                    rules.phone_keep_end,
                    w.now_text()
                ],
            )?;
            Ok(())
        })
    }
}
