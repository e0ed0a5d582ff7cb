//! Disclosure records (公开记录), their controls and deadlines on the wire.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{DeadlineState, RecordStatus};

/// A key and its Chinese label: grounds, review stages, secrecy questions, channels.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Choice {
    pub key: String,
    pub label: String,
}

/// The fixed vocabularies of the record forms, from the core so the UI never restates them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RecordOptions {
    pub attributes: Vec<Choice>,
    pub grounds: Vec<Choice>,
    pub stages: Vec<Choice>,
    pub secrecy_questions: Vec<Choice>,
    pub channels: Vec<Choice>,
}

/// Creates a record (`id: null`) or replaces a draft's content, which clears its reviews.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RecordInput {
    pub id: Option<String>,
    /// Catalog item key (领域/一级事项/二级事项) of the effective catalog.
    pub item_key: String,
    pub title: String,
    pub doc_number: Option<String>,
    /// 信息形成或者变更之日, YYYY-MM-DD.
    pub formed_on: String,
    pub body: String,
    /// Channel labels of the standard set.
    pub channels: Vec<String>,
    /// proactive · on_request · withheld
    pub attribute: String,
    pub ground: Option<String>,
    pub attribute_reason: Option<String>,
    pub redacted: bool,
    pub redaction_removed: Option<String>,
    pub redaction_why: Option<String>,
    /// Default: the catalog item's working days, else 20.
    pub time_limit_days: Option<u32>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RecordSummary {
    pub id: String,
    pub item_key: String,
    pub domain: String,
    pub item_name: String,
    pub title: String,
    pub doc_number: Option<String>,
    pub formed_on: String,
    pub attribute: String,
    pub attribute_label: String,
    pub time_limit_days: u32,
    pub due_on: String,
    /// Counted partly on plain weekdays: a year's holiday notice is not in the calendar yet.
    pub due_provisional: bool,
    pub status: RecordStatus,
    /// `RecordStatusLabels[status]`, kept for scripts reading `--json`.
    pub status_label: String,
    pub published_on: Option<String>,
    pub deadline: DeadlineState,
    /// `DeadlineStateLabels[deadline]`, kept for scripts reading `--json`.
    pub deadline_label: String,
    /// Working days left (due_soon, pending) or past the due date (late, overdue).
    #[ts(type = "number | null")]
    pub deadline_workdays: Option<i64>,
    /// What still stands between the record and publication (Chinese); empty when it may be
    /// published or already is.
    pub blockers: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Records {
    pub records: Vec<RecordSummary>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ReviewEntry {
    pub stage: String,
    pub stage_label: String,
    pub person_name: String,
    pub decided_on: String,
    pub opinion: String,
    pub passed: bool,
    /// Superseded by a later return or edit.
    pub cleared: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SecrecyAnswer {
    pub key: String,
    /// true: "是" — a concern.
    pub concern: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SecrecyEntry {
    pub reviewer_name: String,
    pub decided_on: String,
    pub answers: Vec<SecrecyAnswer>,
    pub opinion: String,
    pub passed: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PublicationEntry {
    pub id: String,
    pub record_id: String,
    pub record_title: String,
    pub doc_number: Option<String>,
    pub domain: String,
    pub channel: String,
    pub location: String,
    pub published_on: String,
    pub published_by: String,
    pub note: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RecordDetail {
    pub summary: RecordSummary,
    pub body: String,
    pub channels: Vec<String>,
    pub ground: Option<String>,
    pub ground_label: Option<String>,
    pub attribute_reason: Option<String>,
    /// （此件公开发布） and the like, printed under the 成文日期.
    pub document_note: String,
    pub redacted: bool,
    pub redaction_removed: Option<String>,
    pub redaction_why: Option<String>,
    pub calendar_version: String,
    /// Every signature, history included, oldest first.
    pub reviews: Vec<ReviewEntry>,
    pub secrecy: Option<SecrecyEntry>,
    pub publications: Vec<PublicationEntry>,
    pub attachments: Vec<AttachmentEntry>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AttachmentEntry {
    pub id: String,
    pub file_name: String,
    pub sha256: String,
    #[ts(type = "number")]
    pub size: i64,
}

/// Attaches a file (read once, kept in the database) to a draft record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AttachArgs {
    pub record_id: String,
    pub path: String,
}

/// Writes an attachment out to a file, to open or print it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AttachmentSaveArgs {
    pub id: String,
    pub out: String,
}

/// A three-level review signature; `passed: false` returns the record to its drafter.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ReviewInput {
    pub record_id: String,
    /// draft · review · approve
    pub stage: String,
    /// A person of the township profile holding that role.
    pub person_id: String,
    /// YYYY-MM-DD; default today.
    pub decided_on: Option<String>,
    pub opinion: String,
    pub passed: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SecrecyInput {
    pub record_id: String,
    pub reviewer_id: String,
    pub decided_on: Option<String>,
    pub answers: Vec<SecrecyAnswer>,
    pub opinion: String,
}

/// 撤回 a published record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct WithdrawArgs {
    pub id: String,
    pub reason: String,
}

/// Registers a publication (发布登记) of a record through one channel.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PublishInput {
    pub record_id: String,
    pub channel: String,
    /// Where: the portal column and address, the board's place…
    pub location: String,
    pub published_on: Option<String>,
    pub published_by: String,
    pub note: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Publications {
    pub publications: Vec<PublicationEntry>,
}

/// The publication register as a file: xlsx or pdf.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RegisterExportArgs {
    pub format: String,
    pub out: String,
    pub year: Option<i32>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ComplianceArgs {
    /// Default: this year.
    pub year: Option<i32>,
}

/// One catalog item's picture for the year: "应公开、尽公开".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ItemCompliance {
    pub key: String,
    pub level1: String,
    pub level2: String,
    pub records: u32,
    pub on_time: u32,
    pub late: u32,
    pub due_soon: u32,
    pub pending: u32,
    pub overdue: u32,
    /// No proactive record under this item this year.
    pub never_disclosed: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct DomainCompliance {
    pub domain: String,
    pub items: Vec<ItemCompliance>,
    pub records: u32,
    pub on_time: u32,
    pub late: u32,
    pub due_soon: u32,
    pub overdue: u32,
    pub never_disclosed: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Compliance {
    pub year: i32,
    pub today: String,
    pub domains: Vec<DomainCompliance>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RecordSearchArgs {
    pub query: String,
}
