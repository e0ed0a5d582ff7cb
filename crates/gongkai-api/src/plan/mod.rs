//! The yearly work plan (工作要点任务分解表): a year's table imported from a workbook or a Word
//! document or typed in task by task, progress notes with evidence files, each task's due
//! state, the tasks late or due soon on the 待办 home (`todo`), and each task's 年终小结 for the
//! annual report (`year_end`).

mod todo;
mod year_end;

pub(crate) use todo::todo_rows;
pub(crate) use year_end::{TaskYearEnd, year_ends};

use chrono::{Datelike, NaiveDate};
use gongkai_domain::RowId;
use gongkai_plan::{DueState, Schedule, TaskDraft, TaskProgress, due_state};
use gongkai_store::{
    NewPlanEvidence, NewPlanNote, NewPlanTask, PlanEvidenceFile, Store, StoredPlanTask,
};
use sha2::{Digest, Sha256};

use crate::commands::hex;
use crate::postings::today;
use crate::session::OpenMode;
use crate::{Api, ApiError, wire};

/// What a task typed in records as its source.
const TYPED_IN: &str = "手工录入";
/// The largest evidence file kept in the database.
const EVIDENCE_MAX_BYTES: usize = 50 * 1024 * 1024;

fn schedule_kind(schedule: &Schedule) -> wire::PlanScheduleKind {
    match schedule {
        Schedule::By(dates) if dates.len() > 1 => wire::PlanScheduleKind::Milestones,
        Schedule::By(_) => wire::PlanScheduleKind::Deadline,
        Schedule::Monthly => wire::PlanScheduleKind::Monthly,
        Schedule::Quarterly => wire::PlanScheduleKind::Quarterly,
        Schedule::YearRound => wire::PlanScheduleKind::YearRound,
    }
}

/// The state as the wire carries it: key, the date it is about, days, and why.
fn state_fields(
    state: DueState,
    schedule: &Schedule,
) -> (wire::PlanDueState, Option<String>, i64, String) {
    let owed = match schedule {
        Schedule::Monthly => "本月进展",
        Schedule::Quarterly => "本季度进展",
        Schedule::By(dates) if dates.len() > 1 => "阶段进展",
        _ => "任务",
    };
    match state {
        DueState::Done => (wire::PlanDueState::Done, None, 0, "已完成".to_owned()),
        DueState::Late { due_on, days } => (
            wire::PlanDueState::Late,
            Some(due_on.to_string()),
            days,
            format!("{owed}应于 {due_on} 前完成，已逾期 {days} 天"),
        ),
        DueState::DueSoon { due_on, days_left } => (
            wire::PlanDueState::DueSoon,
            Some(due_on.to_string()),
            days_left,
            format!("{owed}应于 {due_on} 前完成，还剩 {days_left} 天"),
        ),
        DueState::Open { due_on } => (
            wire::PlanDueState::Open,
            Some(due_on.to_string()),
            (due_on - today()).num_days().max(0),
            format!("{owed}应于 {due_on} 前完成"),
        ),
    }
}

fn parse_schedule(node: &str, year: i32) -> Result<Schedule, ApiError> {
    Schedule::parse(node, year).map_err(|e| ApiError::invalid(e.to_string()))
}

/// A stored task as a row, with its state on `today`.
pub(crate) fn task_row(
    task: &StoredPlanTask,
    today: NaiveDate,
) -> Result<wire::PlanTaskRow, ApiError> {
    let t = &task.task;
    let schedule = parse_schedule(&t.time_node, t.year)?;
    let status = wire::PlanStatus::stored(&task.status)?;
    let state = due_state(
        &schedule,
        t.year,
        TaskProgress {
            done: status == wire::PlanStatus::Done,
            tracked_from: task.created_on,
            updates: &task.note_dates,
        },
        today,
    );
    let (due_state, state_due_on, days, explanation) = state_fields(state, &schedule);
    let days = i32::try_from(days).unwrap_or(i32::MAX);
    Ok(wire::PlanTaskRow {
        id: t.id.to_string(),
        year: t.year,
        seq: t.seq,
        section: t.section.clone(),
        name: t.name.clone(),
        content: t.content.clone(),
        office: t.office.clone(),
        person: t.person.clone(),
        time_node: t.time_node.clone(),
        schedule: schedule_kind(&schedule),
        due_on: t.due_on.to_string(),
        evidence_required: t.evidence_required.clone(),
        status,
        done_on: task.done_on.map(|d| d.to_string()),
        due_state,
        state_due_on,
        days,
        explanation,
        notes: u32::try_from(task.note_dates.len()).unwrap_or(u32::MAX),
        evidence: task.evidence_count,
        source: t.source.clone(),
    })
}

fn new_task(draft: &TaskDraft, year: i32, source: &str) -> NewPlanTask {
    NewPlanTask {
        id: RowId::new(),
        year,
        seq: draft.seq,
        section: draft.section.clone(),
        name: draft.name.clone(),
        content: draft.content.clone(),
        office: draft.office.clone(),
        person: draft.person.clone(),
        time_node: draft.time_node.clone(),
        due_on: draft.schedule.final_due(year),
        evidence_required: draft.evidence.clone(),
        source: source.to_owned(),
    }
}

/// A task not stored yet, as a dry run shows it: entered today, no progress.
fn preview_row(task: &NewPlanTask, today: NaiveDate) -> Result<wire::PlanTaskRow, ApiError> {
    let mut row = task_row(
        &StoredPlanTask {
            task: task.clone(),
            status: wire::PlanStatus::Open.key().to_owned(),
            done_on: None,
            year_end_summary: None,
            created_on: today,
            updated_at: String::new(),
            note_dates: Vec::new(),
            evidence_count: 0,
        },
        today,
    )?;
    row.id = String::new();
    Ok(row)
}

fn detail(store: &Store, id: RowId) -> Result<wire::PlanTaskDetail, ApiError> {
    let stored = store.plan_task(id)?;
    let task = task_row(&stored, today())?;
    let stored_notes = store.plan_notes(id)?;
    let year_end = year_end::year_end(&stored, &stored_notes);
    let notes = stored_notes
        .into_iter()
        .map(|n| {
            Ok(wire::PlanNote {
                id: n.note.id.to_string(),
                noted_on: n.note.noted_on.to_string(),
                status: wire::PlanStatus::stored(&n.note.status)?,
                note: n.note.note,
                evidence: n
                    .evidence
                    .into_iter()
                    .map(|e| wire::PlanEvidence {
                        id: e.id.to_string(),
                        file_name: e.file_name,
                        size: u32::try_from(e.size).unwrap_or(u32::MAX),
                    })
                    .collect(),
            })
        })
        .collect::<Result<_, ApiError>>()?;
    Ok(wire::PlanTaskDetail {
        task,
        notes,
        year_end,
    })
}

fn file_name(path: &std::path::Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}

/// Reads every evidence file before the write, refusing an empty or oversized one by name.
fn read_evidence(paths: &[String]) -> Result<Vec<NewPlanEvidence>, ApiError> {
    paths
        .iter()
        .map(|path| {
            let path = std::path::Path::new(path.trim());
            let name = file_name(path);
            let content = std::fs::read(path)
                .map_err(|e| ApiError::invalid(format!("无法读取佐证材料“{name}”：{e}")))?;
            if content.is_empty() {
                return Err(ApiError::invalid(format!("佐证材料“{name}”是空文件")));
            }
            if content.len() > EVIDENCE_MAX_BYTES {
                return Err(ApiError::invalid(format!(
                    "佐证材料“{name}”超过 {} MB，请压缩后再添加",
                    EVIDENCE_MAX_BYTES / 1024 / 1024
                )));
            }
            Ok(NewPlanEvidence {
                file: PlanEvidenceFile {
                    id: RowId::new(),
                    file_name: name,
                    sha256: hex(&Sha256::digest(&content)),
                    size: i64::try_from(content.len()).unwrap_or(i64::MAX),
                },
                content,
            })
        })
        .collect()
}

/// A file that is no table at all, said as a plan's import says it (gongkai-sheets words some
/// refusals for the catalog or for spreadsheets only).
fn unreadable_table(e: gongkai_sheets::SheetsError) -> ApiError {
    use gongkai_sheets::SheetsError;
    ApiError::invalid(match e {
        SheetsError::NoTables { file } => format!(
            "Word 文件“{file}”中没有表格：任务分解表须用 Word 的表格制作（序号、任务名称、任务内容、责任单位、时间节点各占一列），不能是文字排版"
        ),
        SheetsError::UnknownFormat { file } => format!(
            "文件“{file}”不是 Excel 工作簿（.xlsx/.xls）或 Word 文档（.docx）：任务分解表请用这两种格式导入"
        ),
        other => other.to_string(),
    })
}

impl Api {
    /// Reads a year's 任务分解表 (`.xlsx`, `.xls`, or the table of a `.docx`) and, unless a
    /// dry run, stores it whole. Any problem in the
    /// table refuses it all, every problem named by sheet, row and column.
    pub fn plan_import(
        &self,
        args: wire::PlanImportArgs,
    ) -> Result<wire::PlanImportReport, ApiError> {
        let path = std::path::Path::new(args.path.trim());
        let workbook = gongkai_sheets::read(path, None).map_err(unreadable_table)?;
        let table = gongkai_plan::read_plan(&workbook, args.year).map_err(|issues| {
            let lines: Vec<String> = issues.iter().map(ToString::to_string).collect();
            // A problem quotes the cell (and the file) it names, which may hold a person's ID
            // or card number: masked like a payout list's messages.
            ApiError::invalid(gongkai_payouts::scrub(&format!(
                "“{}”未导入，有 {} 处问题：\n{}",
                workbook.file_name,
                lines.len(),
                lines.join("\n")
            )))
        })?;
        let tasks: Vec<NewPlanTask> = table
            .tasks
            .iter()
            .map(|t| new_task(t, table.year, &workbook.file_name))
            .collect();
        let today = today();
        if !args.dry_run {
            self.with_store(OpenMode::Existing, |store| {
                Ok(store.import_plan(table.year, &tasks, args.replace)?)
            })?;
        }
        Ok(wire::PlanImportReport {
            year: table.year,
            sheet: table.sheet,
            title: table.title,
            tasks: tasks
                .iter()
                .map(|t| preview_row(t, today))
                .collect::<Result<_, _>>()?,
            written: !args.dry_run,
        })
    }

    /// A year's tasks with their states today.
    pub fn plan_list(&self, args: wire::PlanListArgs) -> Result<wire::PlanTasks, ApiError> {
        let today = today();
        self.with_store(OpenMode::Existing, |store| {
            let years: Vec<wire::PlanYear> = store
                .plan_years()?
                .into_iter()
                .map(|(year, tasks)| wire::PlanYear { year, tasks })
                .collect();
            let year = args.year.or_else(|| {
                years
                    .iter()
                    .find(|y| y.year == today.year())
                    .or(years.first())
                    .map(|y| y.year)
            });
            let tasks = match year {
                Some(year) => store
                    .plan_tasks(Some(year))?
                    .iter()
                    .map(|t| task_row(t, today))
                    .collect::<Result<Vec<_>, _>>()?,
                None => Vec::new(),
            };
            let count = |state: wire::PlanDueState| {
                u32::try_from(tasks.iter().filter(|t| t.due_state == state).count())
                    .unwrap_or(u32::MAX)
            };
            Ok(wire::PlanTasks {
                today: today.to_string(),
                year,
                done: count(wire::PlanDueState::Done),
                late: count(wire::PlanDueState::Late),
                due_soon: count(wire::PlanDueState::DueSoon),
                years,
                tasks,
            })
        })
    }

    pub fn plan_task_get(&self, args: wire::IdArgs) -> Result<wire::PlanTaskDetail, ApiError> {
        let id: RowId = args.id.trim().parse()?;
        self.with_store(OpenMode::Existing, |store| detail(store, id))
    }

    /// A task typed in, or a task's content changed (its progress stays).
    pub fn plan_task_save(
        &self,
        args: wire::PlanTaskInput,
    ) -> Result<wire::PlanTaskDetail, ApiError> {
        let name = args.name.trim();
        if name.is_empty() {
            return Err(ApiError::invalid("请填写任务名称".into()));
        }
        let schedule = parse_schedule(&args.time_node, args.year)?;
        let id: Option<RowId> = match args.id.as_deref().map(str::trim) {
            Some(id) if !id.is_empty() => Some(id.parse()?),
            _ => None,
        };
        self.with_store(OpenMode::Existing, |store| {
            let existing = id.map(|id| store.plan_task(id)).transpose()?;
            let year_tasks = store.plan_tasks(Some(args.year))?;
            let seq = args
                .seq
                .or(existing.as_ref().map(|t| t.task.seq))
                .unwrap_or_else(|| year_tasks.iter().map(|t| t.task.seq).max().unwrap_or(0) + 1);
            if seq == 0 {
                return Err(ApiError::invalid("序号须为正整数".into()));
            }
            let task = NewPlanTask {
                id: id.unwrap_or_default(),
                year: args.year,
                seq,
                section: args.section.clone().filter(|s| !s.trim().is_empty()),
                name: name.to_owned(),
                content: args.content.trim().to_owned(),
                office: args.office.trim().to_owned(),
                person: args.person.trim().to_owned(),
                time_node: args.time_node.trim().to_owned(),
                due_on: schedule.final_due(args.year),
                evidence_required: args.evidence_required.trim().to_owned(),
                source: existing.map_or_else(|| TYPED_IN.to_owned(), |t| t.task.source),
            };
            store.save_plan_task(&task)?;
            detail(store, task.id)
        })
    }

    /// Progress on a task: a note, the status it leaves, evidence files kept in the database.
    pub fn plan_progress(
        &self,
        args: wire::PlanProgressArgs,
    ) -> Result<wire::PlanTaskDetail, ApiError> {
        let id: RowId = args.task_id.trim().parse()?;
        let today = today();
        let noted_on: NaiveDate = match args.noted_on.as_deref().map(str::trim) {
            Some(text) if !text.is_empty() => text
                .parse()
                .map_err(|_| ApiError::invalid(format!("日期“{text}”应写成 2026-07-16")))?,
            _ => today,
        };
        if noted_on > today {
            return Err(ApiError::invalid(format!(
                "进展日期 {noted_on} 在今天（{today}）之后"
            )));
        }
        let note = args.note.trim();
        if note.is_empty() && args.status != wire::PlanStatus::Done {
            return Err(ApiError::invalid("请写明本次进展".into()));
        }
        let evidence = read_evidence(&args.evidence)?;
        self.with_store(OpenMode::Existing, |store| {
            store.add_plan_note(
                id,
                &NewPlanNote {
                    id: RowId::new(),
                    noted_on,
                    status: args.status.key().to_owned(),
                    note: note.to_owned(),
                },
                &evidence,
            )?;
            detail(store, id)
        })
    }

    /// The clerk's 年终小结 of a task (section 一 of the annual report tells it); a blank one
    /// goes back to the draft made from the task's notes.
    pub fn plan_summary_save(
        &self,
        args: wire::PlanSummaryArgs,
    ) -> Result<wire::PlanTaskDetail, ApiError> {
        let id: RowId = args.task_id.trim().parse()?;
        let summary = args.summary.trim();
        self.with_store(OpenMode::Existing, |store| {
            store.save_plan_summary(id, (!summary.is_empty()).then_some(summary))?;
            detail(store, id)
        })
    }

    pub fn plan_evidence_save(
        &self,
        args: wire::PlanEvidenceSaveArgs,
    ) -> Result<wire::ExportResult, ApiError> {
        let id: RowId = args.id.trim().parse()?;
        let (_, content) = self.with_store(OpenMode::Existing, |store| {
            Ok(store.plan_evidence_content(id)?)
        })?;
        std::fs::write(&args.out, content)
            .map_err(|e| ApiError::export(&args.out, &e.to_string()))?;
        Ok(wire::ExportResult { path: args.out })
    }
}
