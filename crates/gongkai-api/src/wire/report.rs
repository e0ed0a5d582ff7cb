//! The annual report (政府信息公开工作年度报告) on the wire: a year's tables in the national
//! layout, the balance problems, the draft the clerk edits, the 复议/诉讼 cases, last year's
//! figures beside them, and the export.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{DisclosureCaseKind, DisclosureCaseOutcome, LetterFormat, ReportProblemPlace};

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ReportYearArgs {
    /// Default: last year (the report written at the start of a year is about the one before).
    #[serde(default)]
    pub year: Option<i32>,
}

/// A year's report as the screen shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ReportView {
    pub year: i32,
    /// 示范镇2026年政府信息公开工作年度报告
    pub title: String,
    /// The six sections' titles (一、总体情况 …).
    pub sections: Vec<String>,
    pub draft: ReportDraft,
    /// Section 一 as a first draft from the year's figures, for the clerk to rewrite.
    pub overview_suggestion: String,
    pub tables: ReportTables,
    /// Last year's tables: as exported final if they were, else counted from the data now.
    pub last_year: Option<ReportTables>,
    /// What does not balance, each naming its cells; export refuses while 表三's stand.
    pub problems: Vec<ReportProblem>,
    /// The 复议/诉讼 cases filed in the year.
    pub cases: Vec<DisclosureCase>,
    /// 信息处理费 paid on the year's requests, in fen.
    #[ts(type = "number")]
    pub recorded_fees_fen: i64,
}

/// What the clerk writes and enters for a year.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ReportDraft {
    pub year: i32,
    /// 一、总体情况 (empty until saved: the screen offers `overviewSuggestion`).
    pub overview: String,
    /// 五、存在的主要问题及改进情况
    pub problems_text: String,
    /// 六、其他需要报告的事项
    pub other_text: String,
    /// The 信息处理费 section 六 states, in fen; null until said.
    #[ts(type = "number | null")]
    pub stated_fees_fen: Option<i64>,
    /// 规章: 本年制发, 本年废止, 现行有效 (townships: none).
    pub regulations: [u32; 3],
    pub licensing_decisions: u32,
    pub penalty_decisions: u32,
    pub enforcement_decisions: u32,
    /// 行政事业性收费, in fen (printed in 万元).
    #[ts(type = "number")]
    pub admin_fees_fen: i64,
    /// Set once exported as final.
    #[serde(default)]
    pub finalized_at: Option<String>,
    #[serde(default)]
    pub record_id: Option<String>,
}

/// 表二/三/四 filled, in the format's order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ReportTables {
    pub year: i32,
    pub table2: Vec<Table2PartView>,
    pub table3: Table3View,
    pub table4: Table4View,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Table2PartView {
    /// 第二十条第（一）项
    pub caption: String,
    /// The header, 信息内容 first.
    pub columns: Vec<String>,
    pub rows: Vec<Table2RowView>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Table2RowView {
    pub label: String,
    /// As printed: counts, or 万元 for the fee.
    pub cells: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Table3View {
    /// The 勾稽关系 printed in the stub.
    pub note: String,
    /// 申请人情况
    pub supergroup: String,
    pub columns: Vec<Table3ColumnView>,
    pub rows: Vec<Table3RowView>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Table3ColumnView {
    pub key: String,
    pub label: String,
    /// 法人或其他组织 over five columns.
    pub group: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Table3RowView {
    pub key: String,
    pub label: String,
    pub parent: Option<String>,
    /// 0: 一/二/四; 1: under 三; 2: under （三）–（六）.
    pub level: u8,
    /// One per column, in `columns` order.
    pub cells: Vec<u32>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Table4View {
    /// 结果维持, 结果纠正, 其他结果, 尚未审结, 总计.
    pub columns: Vec<String>,
    pub groups: Vec<Table4GroupView>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Table4GroupView {
    pub key: String,
    pub label: String,
    /// 行政诉讼 over its two groups.
    pub parent: Option<String>,
    /// 维持, 纠正, 其他, 尚未审结, 总计.
    pub cells: Vec<u32>,
}

/// A balance rule that does not hold.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ReportProblem {
    pub place: ReportProblemPlace,
    pub cells: Vec<ReportCellRef>,
    pub message: String,
}

/// A cell by the format's keys (表三: row and column keys; 表四: group key and outcome key or
/// `total`; 六: `fees`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ReportCellRef {
    pub row: String,
    pub column: String,
}

/// A 复议 or 诉讼 about disclosure, counted in 表四 of the year it was filed in, with its
/// outcome as at that year's end.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct DisclosureCase {
    pub id: String,
    pub kind: DisclosureCaseKind,
    pub case_number: String,
    pub subject: String,
    pub filed_on: String,
    /// Null while pending.
    pub outcome: Option<DisclosureCaseOutcome>,
    pub decided_on: Option<String>,
    pub note: String,
}

/// Enter or change a case. `id` null: a new one. `outcome` null or `pending`: not decided.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct DisclosureCaseInput {
    #[serde(default)]
    pub id: Option<String>,
    pub kind: DisclosureCaseKind,
    #[serde(default)]
    pub case_number: String,
    pub subject: String,
    /// YYYY-MM-DD
    pub filed_on: String,
    #[serde(default)]
    pub outcome: Option<DisclosureCaseOutcome>,
    #[serde(default)]
    pub decided_on: Option<String>,
    #[serde(default)]
    pub note: String,
}

/// Export a year's report. `final`: only when 表三 balances; publishes the report as the
/// township's disclosure record through the records flow and freezes its tables.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ReportExportArgs {
    pub year: i32,
    pub format: LetterFormat,
    pub out: String,
    #[serde(default, rename = "final")]
    pub final_export: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ReportExport {
    pub path: String,
    /// The disclosure record the report is, once exported as final.
    pub record_id: Option<String>,
}
