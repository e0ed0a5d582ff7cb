//! Wire types saying how a bundled baseline item's values are known (issue 14): per tick column,
//! whose county's version 公开主体 and channels are, and whether its source may be a link.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// How one tick column is known.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum CatalogTickSource {
    /// 原文标明
    Stated,
    /// 按列位置读出
    Column,
    /// 推断: not a fact, shown marked
    Inferred,
    /// 借用: another county's page, shown marked
    Borrowed,
    /// 原文未见: nothing ticked
    None,
}

/// One tick column's provenance, with the words the screen shows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CatalogTickKnown {
    pub source: CatalogTickSource,
    /// 原文标明 · 按列位置读出 · 推断 · 借用（借自…） · 原文未见
    pub label: String,
    /// Whether the ticks may be shown as the source's fact (stated or read from a column).
    pub fact: bool,
}

/// How a bundled baseline item's values are known.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CatalogProvenance {
    /// 公开对象
    pub audience: CatalogTickKnown,
    /// 公开方式
    pub mode: CatalogTickKnown,
    /// 公开层级
    pub level: CatalogTickKnown,
    /// The county borrowed ticks were copied from; empty when none is borrowed.
    pub borrowed_from: String,
    /// Whose localized version 公开主体 and 公开渠道和载体 are.
    pub version_of: String,
    /// Anything else about the row's values.
    pub note: String,
}
