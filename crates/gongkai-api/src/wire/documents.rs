//! Wire types of the normative-document library (规范性文件库): documents with their validity,
//! the 政策解读 that goes out with them, and the yearly 清理.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{AttachmentEntry, CleanupDecision, DocumentKind, DocumentValidity};
use super::{InterpretationForm, InterpretationStatus, RecordStatus};

/// A document to add (no `id`) or to change. Dates are YYYY-MM-DD.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct DocumentInput {
    pub id: Option<String>,
    pub kind: DocumentKind,
    /// 文号; the common wrong brackets are accepted and put right (`notes` says so).
    pub doc_number: Option<String>,
    pub title: String,
    /// 发文机关.
    pub issuer: String,
    pub issued_on: String,
    /// 施行日期; default: the issue date.
    pub effective_on: Option<String>,
    /// 有效期至 (the last day it holds), for a document issued for a term.
    pub valid_until: Option<String>,
    /// The full text (the file itself may be attached too).
    pub body: String,
    pub needs_interpretation: bool,
    /// The disclosure record that publishes it.
    pub record_id: Option<String>,
}

/// A document as saved, and what was put right in what the clerk typed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct DocumentSaved {
    pub document: DocumentDetail,
    pub notes: Vec<String>,
}

/// Another document of the library, as the clerk knows it (文号, else the title).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct DocumentRef {
    pub id: String,
    pub name: String,
}

/// A line of the library.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct DocumentSummary {
    pub id: String,
    pub kind: DocumentKind,
    pub doc_number: Option<String>,
    pub title: String,
    pub issuer: String,
    pub issued_on: String,
    pub effective_on: String,
    pub valid_until: Option<String>,
    pub validity: DocumentValidity,
    /// The date of the last change of validity.
    pub validity_on: Option<String>,
    /// The document that made the last change.
    pub changed_by: Option<DocumentRef>,
    pub needs_interpretation: bool,
    pub interpretation: InterpretationStatus,
    /// The record that publishes it, and where that stands.
    pub record_id: Option<String>,
    pub record_status: Option<RecordStatus>,
}

/// One change of validity.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ValidityChangeEntry {
    pub validity: DocumentValidity,
    pub changed_on: String,
    pub changed_by: Option<DocumentRef>,
    pub note: String,
}

/// The document's 政策解读 record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct InterpretationEntry {
    pub record_id: String,
    pub record_title: String,
    pub form: InterpretationForm,
    pub record_status: RecordStatus,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct DocumentDetail {
    pub summary: DocumentSummary,
    pub body: String,
    pub attachments: Vec<AttachmentEntry>,
    pub history: Vec<ValidityChangeEntry>,
    pub interpretation: Option<InterpretationEntry>,
    /// What keeps the document from publication for want of its 解读 (empty: nothing).
    pub interpretation_missing: Vec<String>,
    pub cleanups: Vec<CleanupEntry>,
}

/// The library, filtered by validity and kind, searched when `query` is given.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct DocumentsListArgs {
    pub validity: Option<DocumentValidity>,
    pub kind: Option<DocumentKind>,
    pub query: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Documents {
    pub documents: Vec<DocumentSummary>,
}

/// 修改 / 废止 / 宣布失效: the new validity, its date and the document that made it (its 文号
/// or id; it must be in the library).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct DocumentValidityArgs {
    pub id: String,
    pub validity: DocumentValidity,
    pub on: Option<String>,
    pub changed_by: Option<String>,
    pub note: Option<String>,
}

/// Attaches a file (read once, kept in the database) to a document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct DocumentAttachArgs {
    pub id: String,
    pub path: String,
}

/// Makes a disclosure record the document's 政策解读.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct InterpretationLinkArgs {
    pub document_id: String,
    pub record_id: String,
    pub form: InterpretationForm,
}

/// The 清理 round of a year (default: this year).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct DocumentCleanupArgs {
    pub year: Option<i32>,
}

/// A decision of a 清理 round.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CleanupEntry {
    pub year: i32,
    /// Why the document was due, as the list showed it.
    pub reason: String,
    pub decision: CleanupDecision,
    pub decided_on: String,
    pub decided_by: String,
    pub note: String,
}

/// A document of a round: why it is due, and the decision once taken.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CleanupRow {
    pub document: DocumentSummary,
    pub reasons: Vec<String>,
    pub decision: Option<CleanupEntry>,
}

/// The 清理 list of a year: the documents due, decided or not.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct DocumentCleanup {
    pub year: i32,
    pub age_years: u32,
    pub rows: Vec<CleanupRow>,
    pub undecided: u32,
}

/// Records a 清理 decision; 废止 and 宣布失效 change the document's validity on `decidedOn`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CleanupDecideArgs {
    pub document_id: String,
    pub year: Option<i32>,
    pub decision: CleanupDecision,
    /// Default: today.
    pub decided_on: Option<String>,
    pub decided_by: String,
    pub note: Option<String>,
    /// The document announcing the decision (清理结果的通知), by 文号 or id, if in the library.
    pub changed_by: Option<String>,
}

/// The 清理 rule's N years, and the range it may be set in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct DocumentSettings {
    pub cleanup_age_years: u32,
    pub default_cleanup_age_years: u32,
    pub min_cleanup_age_years: u32,
    pub max_cleanup_age_years: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct DocumentSettingsInput {
    pub cleanup_age_years: u32,
}
