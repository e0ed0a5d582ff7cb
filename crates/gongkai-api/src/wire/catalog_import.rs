//! Wire types of loading the county's catalog table (`gongkai catalog import`): the preview
//! against the effective catalog, and accepting it as the county version.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{CatalogItem, CatalogItemState};

/// A county table to preview (`.xlsx`, `.xls` or `.docx`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CatalogImportPreviewArgs {
    pub path: String,
}

/// Accepting a previewed table as the county version.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CatalogImportAcceptArgs {
    pub path: String,
    /// The preview's `sha256`: the file must be the one the clerk saw.
    pub sha256: String,
    /// e.g. “2025年版”; the file name when left out.
    #[serde(default)]
    pub version_label: Option<String>,
    /// The date the county issued it (YYYY-MM-DD); today when left out.
    #[serde(default)]
    pub issued_on: Option<String>,
}

/// An item of the table by its place.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CatalogImportItem {
    pub item: CatalogItem,
    pub sheet: String,
    pub row: u32,
}

/// One column of an item that the table changes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CatalogColumnChange {
    /// The column's name in the standard table (公开内容（要素）, 公开层级…).
    pub column: String,
    pub before: String,
    pub after: String,
}

/// An item the catalog has whose text the table changes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CatalogImportChange {
    pub key: String,
    pub level1: String,
    pub level2: String,
    pub sheet: String,
    pub row: u32,
    /// Where the catalog's text comes from now; a township edit stays in force after accepting.
    pub state: CatalogItemState,
    pub columns: Vec<CatalogColumnChange>,
}

/// An item of the catalog (baseline or county) that the table leaves out.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CatalogImportMissing {
    pub key: String,
    pub level1: String,
    pub level2: String,
    pub state: CatalogItemState,
}

/// The preview of one domain the table covers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CatalogImportDomain {
    pub domain: String,
    /// Items of the domain in the table.
    pub items: u32,
    pub added: Vec<CatalogImportItem>,
    pub changed: Vec<CatalogImportChange>,
    /// Items the table holds as the catalog already has them.
    pub unchanged: u32,
    /// Withdrawn from the county layer when the table is accepted (the township's own
    /// items are not: local adjustments stay).
    pub missing: Vec<CatalogImportMissing>,
}

/// A cell with something written in it that no item holds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CatalogUnplacedCell {
    pub sheet: String,
    pub row: u32,
    /// The column as the clerk finds it: Excel's letter, or its number in a Word table.
    pub column: String,
    pub header: String,
    pub text: String,
    pub reason: String,
}

/// Where each sheet's header was found and what it gave.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CatalogImportSheet {
    pub sheet: String,
    /// First and last header row; `null`: no header (its cells are listed as unplaced).
    pub header_rows: Option<(u32, u32)>,
    pub items: u32,
}

/// What accepting the table would do; nothing is written.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CatalogImportPreview {
    pub file: String,
    /// SHA-256 of the file's bytes, to accept exactly this file.
    pub sha256: String,
    pub sheets: Vec<CatalogImportSheet>,
    pub items: u32,
    pub added: u32,
    pub changed: u32,
    pub unchanged: u32,
    pub missing: u32,
    pub domains: Vec<CatalogImportDomain>,
    pub unplaced: Vec<CatalogUnplacedCell>,
}

/// The table accepted as the county version.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CatalogImportResult {
    pub version_label: String,
    pub issued_on: String,
    /// Items written to the county layer (added, changed and unchanged alike).
    pub upserted: u32,
    /// Items withdrawn from the county layer.
    pub withdrawn: u32,
    pub preview: CatalogImportPreview,
}
