//! Catalog: 基层政务公开事项标准目录 on the wire (catalog_* commands).

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{
    CatalogAction, CatalogCoverage, CatalogDomainKind, CatalogHistoryAction, CatalogItemState,
    CatalogLayer, CatalogProvenance,
};

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
