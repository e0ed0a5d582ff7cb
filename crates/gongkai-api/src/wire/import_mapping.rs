//! The mapping step of a payout import on the wire: how a file's columns are read, and the
//! saved import templates.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

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
