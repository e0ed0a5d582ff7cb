//! Payout lists (补贴发放清册) on the wire: import, lists, lookup, 公示 and 归档, masking.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{HeaderMapping, PayoutListStatus};

/// Import a payout list file. `project` and `year` override what the file's title says.
/// A corrected list names the archived list it replaces (`supersedes`) and why (`reason`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PayoutImportArgs {
    pub path: String,
    pub sheet: Option<String>,
    pub project: Option<String>,
    pub year: Option<i32>,
    #[serde(default)]
    pub supersedes: Option<String>,
    #[serde(default)]
    pub reason: Option<String>,
    /// The clerk's column corrections from the mapping step (they win over the template's).
    #[serde(default)]
    pub mapping: Option<Vec<HeaderMapping>>,
    /// A saved import template (by name) to apply.
    #[serde(default)]
    pub template: Option<String>,
}

/// One problem in an imported file, located as Excel shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ImportIssue {
    pub sheet: String,
    pub row: u32,
    pub column: String,
    pub code: String,
    pub message: String,
}

/// snake_case: part of the `payouts import --json` contract (see [`PayoutImportReport`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct VillageTotal {
    pub name: String,
    pub rows: u32,
    #[ts(type = "number")]
    pub total_fen: i64,
}

/// The outcome of an import: a list id when imported, or the errors that refused the whole file
/// (nothing written).
///
/// Field names are snake_case here: scripts read this object from `gongkai payouts import --json`
/// under the names the import contract fixed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct PayoutImportReport {
    pub list_id: Option<String>,
    pub imported_rows: u32,
    #[ts(type = "number")]
    pub total_fen: i64,
    pub villages: Vec<VillageTotal>,
    pub errors: Vec<ImportIssue>,
    pub warnings: Vec<ImportIssue>,
    /// What became of every row read; `read` is always the sum of the others.
    pub rows: ImportRowCounts,
}

/// Every row of the file accounted for: people read, rows reported, and the lines recognised as
/// not being people. snake_case like the rest of the report.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ImportRowCounts {
    pub read: u32,
    /// People read without an error of their own (imported when the file has no error).
    pub people: u32,
    /// Rows with an error on them, or under a header or in a sheet refused as a whole.
    pub reported: u32,
    pub titles: u32,
    pub headers: u32,
    pub blank: u32,
    /// 小计 and 合计 lines.
    pub totals: u32,
    /// Notes and signatures below a total, and sheets without a list.
    pub notes: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PayoutList {
    pub id: String,
    pub project: String,
    pub year: i32,
    pub source_file: String,
    pub status: PayoutListStatus,
    pub rows: u32,
    #[ts(type = "number")]
    pub total_fen: i64,
    pub imported_at: String,
    pub villages: Vec<VillageTotal>,
    /// The 公示期 of each village, once posted.
    pub postings: Vec<Posting>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Posting {
    pub village: String,
    /// YYYY-MM-DD
    pub posted_on: String,
    pub ends_on: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PayoutLists {
    pub lists: Vec<PayoutList>,
}

/// A full ID number typed by the clerk; it is hashed and never stored or echoed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PayoutLookupArgs {
    pub id_number: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PersonPayout {
    pub list_id: String,
    pub project: String,
    pub year: i32,
    pub village: String,
    pub name: String,
    pub id_masked: String,
    #[ts(type = "number")]
    pub amount_fen: i64,
    pub status: PayoutListStatus,
    pub source_file: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PayoutLookup {
    pub payouts: Vec<PersonPayout>,
}

/// The error table of a refused import, to be written as `.xlsx` for finance to fix.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct IssuesExportArgs {
    pub source_file: String,
    pub issues: Vec<ImportIssue>,
    pub out: String,
}

/// 草稿 → 公示中: posted on every village board on `postedOn` (default today) for `noticeDays`
/// days (default 7).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PayoutPostArgs {
    pub list_id: String,
    pub posted_on: Option<String>,
    pub notice_days: Option<u32>,
}

/// 公示中 → 已归档, once every village's 公示期 has ended.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PayoutArchiveArgs {
    pub list_id: String,
    pub hotline: Option<String>,
    pub prepared_by: Option<String>,
    pub reviewed_by: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ArchivedFile {
    pub village: String,
    pub file_name: String,
    pub sha256: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PayoutArchiveResult {
    pub rows_sha256: String,
    pub files: Vec<ArchivedFile>,
}

/// How ID, bank and phone numbers are masked on this township's notices, with an example of
/// each so the clerk sees the effect before saving.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct MaskSettings {
    pub id_keep_start: u32,
    pub id_keep_end: u32,
    pub bank_keep_end: u32,
    pub phone_keep_start: u32,
    pub phone_keep_end: u32,
    pub id_example: String,
    pub bank_example: String,
    pub phone_example: String,
    /// Whether these are the built-in defaults (no township rule saved).
    pub is_default: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct MaskRulesInput {
    pub id_keep_start: u32,
    pub id_keep_end: u32,
    pub bank_keep_end: u32,
    pub phone_keep_start: u32,
    pub phone_keep_end: u32,
}
