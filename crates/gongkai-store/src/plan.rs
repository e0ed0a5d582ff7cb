//! The yearly work plan (migration 20): tasks of a year's 任务分解表, their progress notes
//! and the evidence files of a note.
//!
//! A year's table is imported whole in one write; importing it again replaces it only while
//! none of its tasks has a note (progress is never dropped by a re-import). A note moves the
//! task's status in the same transaction; a note marking it done sets `done_on`.

use chrono::NaiveDate;
use gongkai_domain::RowId;
use rusqlite::{OptionalExtension, Row, params};

use crate::attachments::{PLAN_FILES, StoredAttachment};
use crate::{Store, StoreError, Writer};

/// A task as the API gives it to be stored (imported or typed in).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewPlanTask {
    pub id: RowId,
    pub year: i32,
    pub seq: u32,
    pub section: Option<String>,
    pub name: String,
    pub content: String,
    pub office: String,
    pub person: String,
    /// As written.
    pub time_node: String,
    /// The last due date the node gives.
    pub due_on: NaiveDate,
    pub evidence_required: String,
    /// The file imported from, or 手工录入.
    pub source: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredPlanTask {
    pub task: NewPlanTask,
    /// `open`, `in_progress` or `done`.
    pub status: String,
    pub done_on: Option<NaiveDate>,
    /// The 年终小结 the clerk wrote (migration 22); `None` until written.
    pub year_end_summary: Option<String>,
    /// The day it was entered: periods before it owe nothing.
    pub created_on: NaiveDate,
    pub updated_at: String,
    /// The dates of its notes, oldest first.
    pub note_dates: Vec<NaiveDate>,
    pub evidence_count: u32,
}

/// An evidence file's name and fingerprint (the bytes stay in the database).
pub type PlanEvidenceFile = StoredAttachment;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewPlanEvidence {
    pub file: PlanEvidenceFile,
    pub content: Vec<u8>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewPlanNote {
    pub id: RowId,
    pub noted_on: NaiveDate,
    /// The status the note leaves the task in.
    pub status: String,
    pub note: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredPlanNote {
    pub note: NewPlanNote,
    pub evidence: Vec<PlanEvidenceFile>,
}

/// One task at the year's end, for the annual report's section 一.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlanTaskSummary {
    pub task: StoredPlanTask,
    pub notes: Vec<StoredPlanNote>,
}

const TASK_COLUMNS: &str = "t.id, t.year, t.seq, t.section, t.name, t.content, t.office, t.person,
    t.time_node, t.due_on, t.evidence_required, t.source, t.status, t.done_on, t.created_at,
    t.updated_at,
    (SELECT group_concat(noted_on, ',') FROM
        (SELECT noted_on FROM plan_note n WHERE n.task_id = t.id ORDER BY noted_on)),
    (SELECT count(*) FROM plan_evidence e WHERE e.task_id = t.id), t.year_end_summary";

fn parse_id(text: String, column: usize) -> rusqlite::Result<RowId> {
    text.parse().map_err(|e| {
        rusqlite::Error::FromSqlConversionFailure(column, rusqlite::types::Type::Text, Box::new(e))
    })
}

fn bad_date(column: usize, e: chrono::ParseError) -> rusqlite::Error {
    rusqlite::Error::FromSqlConversionFailure(column, rusqlite::types::Type::Text, Box::new(e))
}

fn task_from(r: &Row<'_>) -> rusqlite::Result<StoredPlanTask> {
    let created_at: String = r.get(14)?;
    let notes: Option<String> = r.get(16)?;
    let note_dates = notes
        .unwrap_or_default()
        .split(',')
        .filter(|d| !d.is_empty())
        .map(|d| d.parse().map_err(|e| bad_date(16, e)))
        .collect::<Result<Vec<NaiveDate>, _>>()?;
    Ok(StoredPlanTask {
        task: NewPlanTask {
            id: parse_id(r.get(0)?, 0)?,
            year: r.get(1)?,
            seq: r.get(2)?,
            section: r.get(3)?,
            name: r.get(4)?,
            content: r.get(5)?,
            office: r.get(6)?,
            person: r.get(7)?,
            time_node: r.get(8)?,
            due_on: r.get(9)?,
            evidence_required: r.get(10)?,
            source: r.get(11)?,
        },
        status: r.get(12)?,
        done_on: r.get(13)?,
        created_on: created_at
            .get(..10)
            .unwrap_or_default()
            .parse()
            .map_err(|e| bad_date(14, e))?,
        updated_at: r.get(15)?,
        note_dates,
        evidence_count: r.get(17)?,
        year_end_summary: r.get(18)?,
    })
}

fn insert_task(w: &Writer<'_>, task: &NewPlanTask) -> Result<(), StoreError> {
    let taken: Option<String> =
        w.tx.query_row(
            "SELECT name FROM plan_task WHERE year = ?1 AND seq = ?2 AND id <> ?3",
            params![task.year, task.seq, task.id.to_string()],
            |r| r.get(0),
        )
        .optional()?;
    if let Some(name) = taken {
        return Err(StoreError::Plan(format!(
            "{} 年的工作要点已有序号 {} 的任务“{name}”",
            task.year, task.seq
        )));
    }
    let now = w.now_text();
    w.tx.execute(
        "INSERT INTO plan_task (id, year, seq, section, name, content, office, person,
             time_node, due_on, evidence_required, status, source, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, 'open', ?12, ?13, ?13)
         ON CONFLICT (id) DO UPDATE SET
             seq = excluded.seq, section = excluded.section, name = excluded.name,
             content = excluded.content, office = excluded.office, person = excluded.person,
             time_node = excluded.time_node, due_on = excluded.due_on,
             evidence_required = excluded.evidence_required, updated_at = excluded.updated_at",
        params![
            task.id.to_string(),
            task.year,
            task.seq,
            task.section,
            task.name,
            task.content,
            task.office,
            task.person,
            task.time_node,
            task.due_on,
            task.evidence_required,
            task.source,
            now,
        ],
    )?;
    Ok(())
}

impl Store {
    /// Stores a year's table in one write. A year that has tasks is replaced when `replace`
    /// says so and none of its tasks has a note; otherwise refused.
    pub fn import_plan(
        &mut self,
        year: i32,
        tasks: &[NewPlanTask],
        replace: bool,
    ) -> Result<(), StoreError> {
        self.write(|w| {
            let (existing, noted): (u32, u32) = w.tx.query_row(
                "SELECT count(*),
                        (SELECT count(DISTINCT n.task_id) FROM plan_note n
                         JOIN plan_task t ON t.id = n.task_id WHERE t.year = ?1)
                 FROM plan_task WHERE year = ?1",
                [year],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )?;
            if existing > 0 && !replace {
                return Err(StoreError::Plan(format!(
                    "{year} 年的工作要点已经导入（{existing} 项任务）；要用新表替换，请选择“替换”"
                )));
            }
            if noted > 0 {
                return Err(StoreError::Plan(format!(
                    "{year} 年的工作要点中已有 {noted} 项任务记录了进展，不能整表替换；请逐项修改任务"
                )));
            }
            w.tx.execute("DELETE FROM plan_task WHERE year = ?1", [year])?;
            for task in tasks {
                insert_task(w, task)?;
            }
            Ok(())
        })
    }

    /// Creates a task typed in, or changes a task's content (not its progress).
    pub fn save_plan_task(&mut self, task: &NewPlanTask) -> Result<(), StoreError> {
        self.write(|w| insert_task(w, task))
    }

    /// Writes a task's 年终小结, or clears it (`None`) so the draft from its notes shows again.
    pub fn save_plan_summary(
        &mut self,
        task: RowId,
        summary: Option<&str>,
    ) -> Result<(), StoreError> {
        self.write(|w| {
            let now = w.now_text();
            let changed = w.tx.execute(
                "UPDATE plan_task SET year_end_summary = ?2, updated_at = ?3 WHERE id = ?1",
                params![task.to_string(), summary, now],
            )?;
            if changed == 0 {
                return Err(StoreError::NotFound { what: "任务" });
            }
            Ok(())
        })
    }

    /// The tasks of `year` (all years when none), by year and 序号.
    pub fn plan_tasks(&self, year: Option<i32>) -> Result<Vec<StoredPlanTask>, StoreError> {
        let mut stmt = self.conn.prepare(&format!(
            "SELECT {TASK_COLUMNS} FROM plan_task t
             WHERE ?1 IS NULL OR t.year = ?1 ORDER BY t.year, t.seq"
        ))?;
        let rows = stmt.query_map([year], task_from)?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// The tasks not done whose year has begun by `today`: what the 待办 home weighs.
    pub fn plan_tasks_open(&self, today: NaiveDate) -> Result<Vec<StoredPlanTask>, StoreError> {
        let mut stmt = self.conn.prepare(&format!(
            "SELECT {TASK_COLUMNS} FROM plan_task t
             WHERE t.status <> 'done' AND t.year <= ?1 ORDER BY t.due_on, t.year, t.seq"
        ))?;
        let rows = stmt.query_map([chrono::Datelike::year(&today)], task_from)?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    pub fn plan_task(&self, id: RowId) -> Result<StoredPlanTask, StoreError> {
        self.conn
            .query_row(
                &format!("SELECT {TASK_COLUMNS} FROM plan_task t WHERE t.id = ?1"),
                [id.to_string()],
                task_from,
            )
            .optional()?
            .ok_or(StoreError::NotFound { what: "任务" })
    }

    /// The years that have a plan, newest first, with their task counts.
    pub fn plan_years(&self) -> Result<Vec<(i32, u32)>, StoreError> {
        let mut stmt = self
            .conn
            .prepare("SELECT year, count(*) FROM plan_task GROUP BY year ORDER BY year DESC")?;
        let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// A task's notes, oldest first, each with its evidence files.
    pub fn plan_notes(&self, task: RowId) -> Result<Vec<StoredPlanNote>, StoreError> {
        let mut stmt = self.conn.prepare(
            "SELECT id, noted_on, status, note FROM plan_note WHERE task_id = ?1
             ORDER BY noted_on, created_at, id",
        )?;
        let notes = stmt
            .query_map([task.to_string()], |r| {
                Ok(NewPlanNote {
                    id: parse_id(r.get(0)?, 0)?,
                    noted_on: r.get(1)?,
                    status: r.get(2)?,
                    note: r.get(3)?,
                })
            })?
            .collect::<Result<Vec<_>, _>>()?;
        notes
            .into_iter()
            .map(|note| {
                let evidence = PLAN_FILES.files(&self.conn, note.id)?;
                Ok(StoredPlanNote { note, evidence })
            })
            .collect()
    }

    /// Records progress on a task with its evidence files, and moves its status, in one write.
    pub fn add_plan_note(
        &mut self,
        task: RowId,
        note: &NewPlanNote,
        evidence: &[NewPlanEvidence],
    ) -> Result<(), StoreError> {
        self.write(|w| {
            let now = w.now_text();
            let done_on = (note.status == "done").then_some(note.noted_on);
            let changed = w.tx.execute(
                "UPDATE plan_task SET status = ?2, done_on = ?3, updated_at = ?4 WHERE id = ?1",
                params![task.to_string(), note.status, done_on, now],
            )?;
            if changed == 0 {
                return Err(StoreError::NotFound { what: "任务" });
            }
            w.tx.execute(
                "INSERT INTO plan_note (id, task_id, noted_on, status, note, created_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                params![
                    note.id.to_string(),
                    task.to_string(),
                    note.noted_on,
                    note.status,
                    note.note,
                    now
                ],
            )?;
            for file in evidence {
                PLAN_FILES.insert(
                    w,
                    &[
                        ("task_id", &task.to_string()),
                        ("note_id", &note.id.to_string()),
                    ],
                    &file.file,
                    &file.content,
                )?;
            }
            Ok(())
        })
    }

    /// An evidence file's name and bytes.
    pub fn plan_evidence_content(&self, id: RowId) -> Result<(String, Vec<u8>), StoreError> {
        PLAN_FILES.content(&self.conn, id)
    }

    /// Every task of `year` with its notes and evidence, by 序号: what the year's report says
    /// of the plan (section 一 of the annual report).
    pub fn plan_year_summary(&self, year: i32) -> Result<Vec<PlanTaskSummary>, StoreError> {
        self.plan_tasks(Some(year))?
            .into_iter()
            .map(|task| {
                let notes = self.plan_notes(task.task.id)?;
                Ok(PlanTaskSummary { task, notes })
            })
            .collect()
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    fn day(text: &str) -> NaiveDate {
        text.parse().unwrap_or(NaiveDate::MIN)
    }

    pub(crate) fn task(year: i32, seq: u32, name: &str) -> NewPlanTask {
        NewPlanTask {
            id: RowId::new(),
            year,
            seq,
            section: None,
            name: name.to_owned(),
            content: "内容".to_owned(),
            office: "党政办".to_owned(),
            person: "李明".to_owned(),
            time_node: "10月底前".to_owned(),
            due_on: day(&format!("{year}-10-31")),
            evidence_required: "截图".to_owned(),
            source: "任务分解表.xlsx".to_owned(),
        }
    }

    pub(crate) fn note(status: &str, on: &str) -> NewPlanNote {
        NewPlanNote {
            id: RowId::new(),
            noted_on: day(on),
            status: status.to_owned(),
            note: "已完成专栏更新".to_owned(),
        }
    }

    pub(crate) fn evidence(name: &str, bytes: &[u8]) -> NewPlanEvidence {
        NewPlanEvidence {
            file: PlanEvidenceFile {
                id: RowId::new(),
                file_name: name.to_owned(),
                sha256: "ab".repeat(32),
                size: bytes.len() as i64,
            },
            content: bytes.to_vec(),
        }
    }

    /// Fills every plan table through the store's own writes (the change-log test's sample).
    pub(crate) fn fill_plan_tables(store: &mut Store) {
        let first = task(2026, 1, "规范信息管理");
        store
            .import_plan(2026, std::slice::from_ref(&first), false)
            .unwrap();
        store
            .add_plan_note(
                first.id,
                &note("in_progress", "2026-11-02"),
                &[evidence("截图.png", b"png")],
            )
            .unwrap();
    }

    fn store(dir: &tempfile::TempDir) -> Store {
        Store::open(&dir.path().join("plan.db")).unwrap()
    }

    #[test]
    fn a_year_is_imported_whole_and_replaced_only_without_progress() -> Result<(), StoreError> {
        let dir = tempfile::TempDir::new().map_err(|e| StoreError::Plan(e.to_string()))?;
        let mut store = store(&dir);
        let tasks = vec![task(2021, 1, "甲"), task(2021, 2, "乙")];
        store.import_plan(2021, &tasks, false)?;
        assert_eq!(store.plan_tasks(Some(2021))?.len(), 2);
        let again = store.import_plan(2021, &[task(2021, 1, "丙")], false);
        assert!(
            matches!(&again, Err(StoreError::Plan(m)) if m.contains("已经导入（2 项任务）")),
            "{again:?}"
        );
        store.import_plan(2021, &[task(2021, 1, "丙")], true)?;
        let names: Vec<String> = store
            .plan_tasks(None)?
            .into_iter()
            .map(|t| t.task.name)
            .collect();
        assert_eq!(names, ["丙"]);

        let kept = store.plan_tasks(Some(2021))?.remove(0);
        store.add_plan_note(
            kept.task.id,
            &note("done", "2021-10-20"),
            &[evidence("签到表.pdf", b"%PDF")],
        )?;
        let refused = store.import_plan(2021, &tasks, true);
        assert!(
            matches!(&refused, Err(StoreError::Plan(m)) if m.contains("1 项任务记录了进展")),
            "{refused:?}"
        );
        assert_eq!(store.plan_tasks(Some(2021))?.len(), 1, "nothing written");

        let done = store.plan_task(kept.task.id)?;
        assert_eq!(
            (done.status.as_str(), done.done_on),
            ("done", Some(day("2021-10-20")))
        );
        assert_eq!(
            (done.note_dates.clone(), done.evidence_count),
            (vec![day("2021-10-20")], 1)
        );
        let summary = store.plan_year_summary(2021)?;
        assert_eq!(summary[0].notes[0].evidence[0].file_name, "签到表.pdf");
        assert_eq!(summary[0].task.year_end_summary, None, "not written yet");
        let (name, bytes) = store.plan_evidence_content(summary[0].notes[0].evidence[0].id)?;
        assert_eq!(
            (name.as_str(), bytes.as_slice()),
            ("签到表.pdf", &b"%PDF"[..])
        );
        Ok(())
    }

    #[test]
    fn a_year_end_summary_is_written_kept_through_an_edit_and_cleared() -> Result<(), StoreError> {
        let dir = tempfile::TempDir::new().map_err(|e| StoreError::Plan(e.to_string()))?;
        let mut store = store(&dir);
        let mut typed = task(2021, 1, "甲");
        store.save_plan_task(&typed)?;
        store.save_plan_summary(typed.id, Some("全年完成专栏更新 12 次。"))?;
        typed.name = "甲（改）".to_owned();
        store.save_plan_task(&typed)?;
        let kept = store.plan_task(typed.id)?;
        assert_eq!(
            kept.year_end_summary.as_deref(),
            Some("全年完成专栏更新 12 次。"),
            "editing the task keeps what was written of it"
        );
        assert!(
            store.save_plan_summary(typed.id, Some("  ")).is_err(),
            "a blank summary is refused by the database itself"
        );
        store.save_plan_summary(typed.id, None)?;
        assert_eq!(store.plan_task(typed.id)?.year_end_summary, None);
        assert!(matches!(
            store.save_plan_summary(RowId::new(), Some("x")),
            Err(StoreError::NotFound { .. })
        ));
        Ok(())
    }

    #[test]
    fn a_number_is_taken_once_a_year() -> Result<(), StoreError> {
        let dir = tempfile::TempDir::new().map_err(|e| StoreError::Plan(e.to_string()))?;
        let mut store = store(&dir);
        store.save_plan_task(&task(2021, 1, "甲"))?;
        let clash = store.save_plan_task(&task(2021, 1, "乙"));
        assert!(
            matches!(&clash, Err(StoreError::Plan(m)) if m.contains("序号 1 的任务“甲”")),
            "{clash:?}"
        );
        store.save_plan_task(&task(2022, 1, "乙"))?;
        assert_eq!(store.plan_years()?, vec![(2022, 1), (2021, 1)]);
        Ok(())
    }
}
