//! Wire types: what crosses the IPC boundary and what the CLI prints with `--json`.
//!
//! Version [`WIRE_VERSION`]. Adding an optional field is compatible; renaming or removing one,
//! or changing its meaning, bumps the version. Field names are camelCase on the wire.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

pub const WIRE_VERSION: u32 = 1;

/// The argument of commands that need none.
#[derive(Debug, Clone, Default, Serialize, Deserialize, TS)]
pub struct NoArgs {}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum VillageKind {
    Village,
    Community,
}

/// 拟稿 / 审核 / 审定
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum Role {
    Draft,
    Review,
    Approve,
}

/// Where the app stands with its database.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum DbState {
    /// No database file yet: first start.
    Missing,
    /// A database without a township.
    Empty,
    Ready,
    /// The file could not be opened; `AppStatus::problem` says why.
    Broken,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Township {
    pub id: String,
    pub name: String,
    pub division_code: Option<String>,
    pub credit_code: Option<String>,
    pub county: String,
    pub updated_at: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Village {
    pub id: String,
    pub name: String,
    pub code: String,
    pub kind: VillageKind,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Office {
    pub id: String,
    pub name: String,
    pub phone: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Person {
    pub id: String,
    pub name: String,
    pub office_id: Option<String>,
    pub office_name: Option<String>,
    pub roles: Vec<Role>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Profile {
    pub township: Township,
    pub villages: Vec<Village>,
    pub offices: Vec<Office>,
    pub people: Vec<Person>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AppStatus {
    pub wire_version: u32,
    pub db_path: String,
    pub state: DbState,
    pub schema_version: Option<u32>,
    pub profile: Option<Profile>,
    pub problem: Option<String>,
}

/// Township fields as typed in the setup and settings forms. Empty codes count as absent.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct TownshipInput {
    pub name: String,
    pub division_code: Option<String>,
    pub credit_code: Option<String>,
    pub county: String,
}

/// `id: null` adds a village; an id edits that village.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct VillageInput {
    pub id: Option<String>,
    pub name: String,
    pub code: String,
    pub kind: VillageKind,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct OfficeInput {
    pub id: Option<String>,
    pub name: String,
    pub phone: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PersonInput {
    pub id: Option<String>,
    pub name: String,
    pub office_id: Option<String>,
    pub roles: Vec<Role>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct IdArgs {
    pub id: String,
}

/// `out: null` writes into the 备份 folder beside the database.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct BackupArgs {
    pub out: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct BackupResult {
    pub path: String,
    #[ts(type = "number")]
    pub bytes: u64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CheckReport {
    pub ok: bool,
    pub schema_version: u32,
    pub integrity: String,
    pub villages: u32,
    pub offices: u32,
    pub people: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RestoreArgs {
    /// The backup file to restore from.
    pub from: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RestoreResult {
    /// Where the content replaced by the restore was saved, so a wrong restore can be undone.
    pub previous_saved_to: String,
    pub profile: Option<Profile>,
}

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

/// A header text of the file and the column it holds: a key of [`ColumnChoice`], or `null` to
/// ignore that column.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct HeaderMapping {
    pub header: String,
    pub column: Option<String>,
}

/// The mapping step: how the file's columns are read before anything is validated.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PayoutSurveyArgs {
    pub path: String,
    pub sheet: Option<String>,
    #[serde(default)]
    pub mapping: Option<Vec<HeaderMapping>>,
    #[serde(default)]
    pub template: Option<String>,
}

/// A column kind the clerk can assign a header to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ColumnChoice {
    pub key: String,
    pub label: String,
    pub required: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SurveyedColumn {
    /// Spreadsheet column letters, as Excel shows them (A, B, …, AA).
    pub letter: String,
    pub header: String,
    /// Key of the column it is read as; `null`: not imported.
    pub column: Option<String>,
    /// The first values below the header, ID, bank and phone numbers masked.
    pub samples: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SurveyedSheet {
    pub name: String,
    /// The row Excel shows for the header; 0 when the sheet has no text near its top.
    pub header_row: u32,
    /// The header names a person and an amount: validation will read this sheet.
    pub recognised: bool,
    pub columns: Vec<SurveyedColumn>,
    /// Labels of the required columns not found (姓名, 身份证号, 金额; 村 unless the sheet is
    /// named after a village).
    pub missing: Vec<String>,
    pub data_rows: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PayoutSurvey {
    pub file_name: String,
    pub sheets: Vec<SurveyedSheet>,
    pub choices: Vec<ColumnChoice>,
    /// The saved template whose headers this file has, if one fits.
    pub suggested_template: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ImportTemplate {
    pub id: String,
    pub name: String,
    pub mapping: Vec<HeaderMapping>,
    pub updated_at: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ImportTemplates {
    pub templates: Vec<ImportTemplate>,
}

/// Saves the mapping under a source's name; an existing template of that name is replaced.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ImportTemplateInput {
    pub name: String,
    pub mapping: Vec<HeaderMapping>,
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
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PayoutList {
    pub id: String,
    pub project: String,
    pub year: i32,
    pub source_file: String,
    /// draft (草稿) · posted (公示中) · archived (已归档)
    pub status: String,
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
    pub status: String,
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

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ExportResult {
    pub path: String,
}

/// Print a list's notice sheets, one PDF per village.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PayoutPrintArgs {
    pub list_id: String,
    pub out_dir: String,
    /// a4 (default) · a4-landscape · a3 · a3-landscape
    pub paper: Option<String>,
    /// First day of the 公示期, YYYY-MM-DD; default today.
    pub notice_start: Option<String>,
    /// Length of the 公示期 in days; default 7.
    pub notice_days: Option<u32>,
    /// 监督举报电话; default the phone of the first office that has one.
    pub hotline: Option<String>,
    pub prepared_by: Option<String>,
    pub reviewed_by: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PrintedFile {
    pub village: String,
    pub path: String,
    pub rows: u32,
    #[ts(type = "number")]
    pub bytes: u64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PayoutPrintResult {
    pub files: Vec<PrintedFile>,
}

/// The preview of one village's notice in the app.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PayoutPreviewArgs {
    pub list_id: String,
    /// Default: the list's first village.
    pub village: Option<String>,
    /// a4 (default) · a4-landscape · a3 · a3-landscape
    pub paper: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct NoticePreview {
    /// Every village of the list, for the preview's village picker.
    pub villages: Vec<String>,
    pub village: String,
    pub rows: u32,
    pub file_name: String,
    /// The PDF exactly as printing writes it, base64-encoded.
    pub pdf_base64: String,
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

/// The event name under which the desktop shell forwards [`ProgressEvent`]s to the window.
pub const PROGRESS_EVENT: &str = "gongkai://progress";

/// Progress of a long command (an import of 100,000 rows), sent to the window as it happens.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ProgressEvent {
    /// The command reporting, e.g. `payouts_import`.
    pub task: String,
    /// What it is doing now, in Chinese.
    pub stage: String,
    /// 0–100.
    pub percent: u32,
}
