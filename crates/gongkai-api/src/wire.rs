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

mod labels;
pub use labels::*;
mod postings;
pub use postings::*;
mod boards;
pub use boards::*;
mod photos;
pub use photos::*;
mod plan;
pub use plan::*;
mod version;
pub use version::*;
mod request_letters;
pub use request_letters::*;
mod documents;
pub use documents::*;
mod requests;
pub use requests::*;
mod catalog_import;
pub use catalog_import::*;
mod report;
pub use report::*;
mod catalog_provenance;
pub use catalog_provenance::*;
mod reading;
pub use reading::*;

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
    /// The backup passphrase it was made under (a backup of a release before 13 needs none).
    pub passphrase: Option<String>,
}

/// Sets the backup passphrase (`current` empty), or changes it (`current` the one in force).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct BackupPassphraseArgs {
    pub current: Option<String>,
    pub new: String,
}

/// Whether backups can be made, and where this PC keeps the secrets.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct BackupStatus {
    /// When the backup passphrase was set or last changed; `null` until it is (backups refused).
    pub passphrase_set_at: Option<String>,
    /// Where the ID-number key and the sync signing key are kept on this PC, in Chinese.
    pub key_storage: String,
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
    /// Columns several headers claim (`确权面积` and `实际种植面积` are both an area), each as a
    /// Chinese sentence: the clerk picks one in the mapping step.
    pub conflicts: Vec<String>,
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

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ExportResult {
    pub path: String,
}

/// Print a list's notice sheets, one PDF per village (or all villages bound in one).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
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
    /// All villages in one PDF, a section per village numbered on its own (default: one PDF
    /// per village).
    pub one_file: Option<bool>,
    /// A list holding several 补贴项目: a section per project (default) or one table with a
    /// 补贴项目 column.
    #[serde(default)]
    pub project_layout: Option<ProjectLayout>,
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
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PayoutPreviewArgs {
    pub list_id: String,
    /// Default: the list's first village.
    pub village: Option<String>,
    /// a4 (default) · a4-landscape · a3 · a3-landscape
    pub paper: Option<String>,
    /// The footer as the clerk is filling it in; blank or absent: the project's notice settings,
    /// as printing would use them.
    #[serde(default)]
    pub hotline: Option<String>,
    #[serde(default)]
    pub prepared_by: Option<String>,
    #[serde(default)]
    pub reviewed_by: Option<String>,
    /// As printing takes it.
    #[serde(default)]
    pub project_layout: Option<ProjectLayout>,
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

/// Whose notice defaults: a 补贴项目, or `null`/blank for the default of all projects.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct NoticeSettingsArgs {
    pub project: Option<String>,
}

/// The notice defaults of a 补贴项目 (`project` blank: of all projects without their own): the
/// 公示期 in days and the footer's 监督举报电话, 制表人 and 审核人. `payouts_post`, `payouts_print`
/// and `payouts_archive` use them for whatever they are not given. Read for a project without
/// its own: the general default, else the ones saved last, else 7 days and the first office
/// phone.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct NoticeSettings {
    pub project: String,
    pub notice_days: u32,
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

// ───── Catalog: 基层政务公开事项标准目录 (catalog_* commands) ─────

/// A guideline page a domain's baseline rows were taken from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CatalogSource {
    pub title: String,
    pub url: String,
    /// The address to link to: only a government portal's, `null` for any other site (mirror
    /// copies, some now gambling or spam domains, are never shown as links).
    pub link: Option<String>,
    /// “未核实转载” when the page is not a government portal's; empty otherwise.
    pub note: String,
}

/// A domain (领域) of the catalog.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CatalogDomain {
    pub name: String,
    /// Position in the national list (1–26 pilot domains, then later ones).
    pub order: u32,
    /// Items in the township's effective catalog.
    pub items: u32,
    /// Where the baseline of this domain comes from, in one line (titles and addresses).
    pub source: String,
    pub sources: Vec<CatalogSource>,
    pub kind: CatalogDomainKind,
    pub coverage: CatalogCoverage,
    /// What the bundled data holds and lacks, in Chinese.
    pub coverage_note: String,
    pub guideline_issuer: String,
    pub guideline_document: String,
    pub guideline_date: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CatalogDomains {
    pub domains: Vec<CatalogDomain>,
}

/// One row of the standard table, every column, and where its text comes from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CatalogItem {
    /// Stable key: 领域/一级事项/二级事项.
    pub key: String,
    pub domain: String,
    /// 一级事项
    pub level1: String,
    /// 二级事项
    pub level2: String,
    /// 公开内容（要素）
    pub content: String,
    /// 公开依据
    pub basis: String,
    /// 公开时限 as written
    pub time_limit: String,
    /// Working days the time limit names; `null`: none named (deadlines default to 20).
    pub time_limit_workdays: Option<u32>,
    /// 公开主体
    pub subject: String,
    /// 公开渠道和载体: standard labels in national order.
    pub channels: Vec<String>,
    /// Non-standard channels in their own words (with 其他 in `channels`).
    pub channels_other: String,
    /// 公开对象: 全社会 · 特定群体
    pub audience: Vec<String>,
    /// 公开方式: 主动 · 依申请
    pub mode: Vec<String>,
    /// 公开层级: 县级 · 乡级
    pub level: Vec<String>,
    /// Where the row was taken from.
    pub source: String,
    /// `source` as a link only when it is a government portal; `null` otherwise.
    pub source_link: Option<String>,
    /// “未核实转载” when `source` is a web address off government portals; empty otherwise.
    pub source_note: String,
    /// How the bundled baseline knows the values; `null` for county or township text.
    pub provenance: Option<CatalogProvenance>,
    pub state: CatalogItemState,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CatalogItemsArgs {
    /// Only this domain; all when absent.
    pub domain: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CatalogItems {
    pub items: Vec<CatalogItem>,
}

/// Search every column of the effective catalog, as the clerk types.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CatalogSearchArgs {
    /// Words separated by spaces; every word must occur. One or two characters work (低保).
    pub query: String,
    /// Default 50, at most 500.
    pub limit: Option<u32>,
}

/// Item columns for an adjustment. For `edit`, absent fields keep the item's current text; for
/// `add`, `domain` and `level2` are required and absent fields are empty.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CatalogItemInput {
    pub domain: Option<String>,
    pub level1: Option<String>,
    pub level2: Option<String>,
    pub content: Option<String>,
    pub basis: Option<String>,
    pub time_limit: Option<String>,
    /// Absent: read from the time limit text (“20个工作日”).
    pub time_limit_workdays: Option<u32>,
    pub subject: Option<String>,
    pub channels: Option<Vec<String>>,
    pub channels_other: Option<String>,
    pub audience: Option<Vec<String>>,
    pub mode: Option<Vec<String>>,
    pub level: Option<Vec<String>>,
    pub source: Option<String>,
}

/// The township adds, edits, hides or restores an item; the reason and who are required.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CatalogAdjustArgs {
    pub action: CatalogAction,
    /// The item (all but `add`).
    pub key: Option<String>,
    pub item: Option<CatalogItemInput>,
    pub reason: String,
    pub by: String,
    /// YYYY-MM-DD; default today.
    pub on: Option<String>,
}

/// An item the township hid, to find and restore it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct HiddenCatalogItem {
    pub key: String,
    pub domain: String,
    pub level1: String,
    pub level2: String,
    pub reason: String,
    pub on: String,
    pub by: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct HiddenCatalogItems {
    pub items: Vec<HiddenCatalogItem>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CatalogKeyArgs {
    pub key: String,
}

/// One row of an item's history, from any layer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CatalogHistoryEntry {
    pub layer: CatalogLayer,
    pub action: CatalogHistoryAction,
    /// The day it took effect (YYYY-MM-DD).
    pub on: String,
    pub recorded_at: String,
    /// Baseline version, county version label, or the township's reason.
    pub note: String,
    pub by: Option<String>,
    /// The item's text in this row, if the row carries one.
    pub item: Option<CatalogItem>,
}

/// An item as it stands now and every layer row that made it so, oldest first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CatalogItemHistory {
    pub key: String,
    /// `null`: hidden, withdrawn or unknown.
    pub current: Option<CatalogItem>,
    pub entries: Vec<CatalogHistoryEntry>,
}

/// The effective catalog in the standard table layout: `pdf` (A3 or A4 landscape) or `xlsx`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CatalogExportArgs {
    /// `pdf` · `xlsx`
    pub format: String,
    pub out: String,
    /// `a3` (default) · `a4`; always landscape.
    pub paper: Option<String>,
    /// Only this domain; all when absent.
    pub domain: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CatalogExportResult {
    pub path: String,
    pub domains: u32,
    pub items: u32,
    #[ts(type = "number")]
    pub bytes: u64,
}

// ---- Disclosure records (公开记录), their controls and deadlines --------------------------------

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

/// Calendar data (the bundled format, see assets/calendar/README.md) from a file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CalendarFileArgs {
    pub path: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CalendarUpdateResult {
    pub version: String,
    pub first_year: i32,
    pub last_year: i32,
    /// Provisional due dates of unpublished records counted again.
    pub recounted: u32,
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
pub struct CountedDay {
    pub date: String,
    /// 工作日 · 周末 · 节假日（春节） · 调休上班（国庆节）
    pub kind: String,
    pub workday: bool,
    /// The year's holiday notice is not in the calendar yet: only the weekday is known.
    pub assumed: bool,
    pub workdays_so_far: u32,
}

/// "Explain this date": every day counted from the day after formation to the due date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct DueExplanation {
    pub formed_on: String,
    pub workdays: u32,
    pub due_on: String,
    pub provisional: bool,
    pub calendar_version: String,
    pub days: Vec<CountedDay>,
    pub holidays_skipped: u32,
    pub weekends_skipped: u32,
    pub make_up_days_used: u32,
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

/// `gongkai calendar add-workdays`: the date `n` working days after `date`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AddWorkdaysArgs {
    pub date: String,
    pub workdays: u32,
}

// ---- Sync with the county portal -------------------------------------------------------------

/// Emitted by the desktop shell after each background sync run; no payload (the screen asks
/// `sync_status`).
pub const SYNC_EVENT: &str = "gongkai://sync";

/// `gongkai sync identity`: what the county registers. The private key never leaves the
/// township's database.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct SyncIdentity {
    pub township_code: String,
    pub public_key: String,
    pub portal_url: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SyncArgs {
    /// The portal's address; remembered for later runs. Default: the one remembered.
    pub portal: Option<String>,
    /// Why this run; default manual.
    pub trigger: Option<SyncTrigger>,
}

/// Import (or with `path: null` forget) the county portal's CA certificate, a PEM file the county
/// hands out when its HTTPS certificate is not one the system trusts.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SyncCountyCaArgs {
    pub path: Option<String>,
}

/// `gongkai sync --json`: snake_case, as scripts read it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct SyncReport {
    pub pushed: u32,
    pub pulled: u32,
    pub pending: u32,
    /// The portal's reasons for entries it refused (never sent again).
    pub rejected: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SyncRunEntry {
    pub finished_at: String,
    pub trigger: SyncTrigger,
    pub pushed: u32,
    pub pulled: u32,
    pub pending: u32,
    /// Chinese; `null`: the run succeeded.
    pub error: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CountyNotice {
    pub title: String,
    pub body: String,
    pub published_on: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SyncStatus {
    pub public_key: Option<String>,
    pub portal_url: Option<String>,
    /// SHA-256 fingerprint of the imported county CA certificate, to confirm with the county.
    pub county_ca_fingerprint: Option<String>,
    pub pending: u32,
    pub acked: u32,
    pub rejected: Vec<String>,
    pub last_success: Option<String>,
    pub runs: Vec<SyncRunEntry>,
    pub notices: Vec<CountyNotice>,
}
