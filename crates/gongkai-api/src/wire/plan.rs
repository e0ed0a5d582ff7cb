//! The yearly work plan (工作要点任务分解表) on the wire.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{PlanDueState, PlanScheduleKind, PlanStatus, PlanYearEndOutcome};

/// Import a year's 任务分解表 (.xlsx/.xls, or a table of a .docx). `dryRun`: read and check only.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PlanImportArgs {
    pub path: String,
    /// The plan's year; default: the one the table's title (or else the file's name) names.
    #[serde(default)]
    pub year: Option<i32>,
    /// Replace the year's tasks if it has some (refused once any has progress).
    #[serde(default)]
    pub replace: bool,
    #[serde(default)]
    pub dry_run: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PlanImportReport {
    pub year: i32,
    pub sheet: String,
    pub title: Option<String>,
    pub tasks: Vec<PlanTaskRow>,
    /// False for a dry run.
    pub written: bool,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PlanListArgs {
    /// Default: this year if it has a plan, else the newest year that has one.
    #[serde(default)]
    pub year: Option<i32>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PlanYear {
    pub year: i32,
    pub tasks: u32,
}

/// A year's tasks with their states today.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PlanTasks {
    pub today: String,
    /// None when no year has a plan.
    pub year: Option<i32>,
    pub years: Vec<PlanYear>,
    pub tasks: Vec<PlanTaskRow>,
    pub done: u32,
    pub late: u32,
    pub due_soon: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PlanTaskRow {
    /// Empty in a dry run's report.
    pub id: String,
    pub year: i32,
    pub seq: u32,
    pub section: Option<String>,
    pub name: String,
    pub content: String,
    pub office: String,
    pub person: String,
    /// As written in the table.
    pub time_node: String,
    pub schedule: PlanScheduleKind,
    /// The last due date the node gives.
    pub due_on: String,
    pub evidence_required: String,
    pub status: PlanStatus,
    pub done_on: Option<String>,
    pub due_state: PlanDueState,
    /// The date the state is about: the milestone or period owed, or the last due date.
    pub state_due_on: Option<String>,
    /// Days late, or days left.
    pub days: i32,
    /// Why the state is what it is, in Chinese.
    pub explanation: String,
    pub notes: u32,
    pub evidence: u32,
    pub source: String,
}

/// A task typed in (no id) or a task's content changed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PlanTaskInput {
    #[serde(default)]
    pub id: Option<String>,
    pub year: i32,
    /// Default for a new task: after the year's last.
    #[serde(default)]
    pub seq: Option<u32>,
    #[serde(default)]
    pub section: Option<String>,
    pub name: String,
    #[serde(default)]
    pub content: String,
    #[serde(default)]
    pub office: String,
    #[serde(default)]
    pub person: String,
    pub time_node: String,
    #[serde(default)]
    pub evidence_required: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PlanEvidence {
    pub id: String,
    pub file_name: String,
    pub size: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PlanNote {
    pub id: String,
    pub noted_on: String,
    pub status: PlanStatus,
    pub note: String,
    pub evidence: Vec<PlanEvidence>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PlanTaskDetail {
    pub task: PlanTaskRow,
    pub notes: Vec<PlanNote>,
    pub year_end: PlanYearEnd,
}

/// A task at its year's end, as section 一 of the annual report tells it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PlanYearEnd {
    /// From the notes dated in the task's year, the last one deciding.
    pub outcome: PlanYearEndOutcome,
    /// The 年终小结: the clerk's when written, else `draft`.
    pub summary: String,
    /// Whether the clerk wrote `summary`.
    pub written: bool,
    /// The summary drafted from the notes: outcome, the last thing done, evidence kept.
    pub draft: String,
}

/// The clerk's 年终小结 of a task; blank goes back to the draft from its notes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PlanSummaryArgs {
    pub task_id: String,
    #[serde(default)]
    pub summary: String,
}

/// Progress on a task (`gongkai plan done`): a note, the status it leaves, evidence files.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PlanProgressArgs {
    pub task_id: String,
    pub status: PlanStatus,
    #[serde(default)]
    pub note: String,
    /// Default: today. Not after today.
    #[serde(default)]
    pub noted_on: Option<String>,
    /// Files to keep as evidence (佐证材料).
    #[serde(default)]
    pub evidence: Vec<String>,
}

/// Save an evidence file's bytes to `out`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PlanEvidenceSaveArgs {
    pub id: String,
    pub out: String,
}
