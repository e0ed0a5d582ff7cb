//! A payout list's notice sheets (公示单) on the wire: printing and the preview.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::ProjectLayout;

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
