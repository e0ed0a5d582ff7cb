//! The public reading point (公开查阅点) on the wire: views made for the public, never the
//! workstation's own types, so nothing a clerk sees (signatures, reviewers, deadlines, notes,
//! files) can reach the screen by a field added later to those.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{DocumentValidity, InterpretationForm};

/// A page of the county portal: its name, address and QR code (SVG text, drawn by the core).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PortalLink {
    pub title: String,
    pub url: String,
    pub qr_svg: String,
}

/// What the start screen shows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ReadingStart {
    pub township: String,
    /// Seconds of quiet after which the screen returns here.
    pub idle_seconds: u32,
    /// Whether a PIN is set, so the screen can be left from the window.
    pub pin_set: bool,
    pub domains: Vec<ReadingDomain>,
    /// Payout notices in their 公示期 today, a row per list and village.
    pub notices: Vec<ReadingNoticeSummary>,
    pub records: Vec<ReadingRecordSummary>,
    pub documents: Vec<ReadingDocumentSummary>,
    /// The township's pages on the county portal; empty with `portalNote` saying why.
    pub portal: Vec<PortalLink>,
    pub portal_note: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ReadingDomain {
    pub name: String,
    pub items: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ReadingNoticeSummary {
    pub list_id: String,
    /// 2026年耕地地力保护补贴
    pub title: String,
    pub village: String,
    pub rows: u32,
    /// YYYY-MM-DD
    pub posted_on: String,
    pub ends_on: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ReadingRecordSummary {
    pub id: String,
    pub title: String,
    pub doc_number: Option<String>,
    pub domain: String,
    pub item_name: String,
    pub published_on: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ReadingDocumentSummary {
    pub id: String,
    pub title: String,
    pub doc_number: Option<String>,
    pub issuer: String,
    pub issued_on: String,
    pub validity: DocumentValidity,
    /// Whether a published 政策解读 goes with it.
    pub interpreted: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ReadingDomainArgs {
    pub domain: String,
}

/// An item of the effective catalog, as the standard table prints it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ReadingCatalogItem {
    pub key: String,
    pub domain: String,
    pub level1: String,
    pub level2: String,
    pub content: String,
    pub basis: String,
    pub time_limit: String,
    pub subject: String,
    pub channels: Vec<String>,
    pub audience: Vec<String>,
    pub mode: Vec<String>,
    pub level: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ReadingItems {
    pub items: Vec<ReadingCatalogItem>,
}

/// Search as the visitor types: every word must occur.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ReadingSearchArgs {
    pub query: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ReadingSearchResult {
    /// The query answered, so a screen can drop an answer to an older one.
    pub query: String,
    pub items: Vec<ReadingCatalogItem>,
    pub notices: Vec<ReadingNoticeSummary>,
    pub records: Vec<ReadingRecordSummary>,
    pub documents: Vec<ReadingDocumentSummary>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ReadingNoticeArgs {
    pub list_id: String,
    pub village: String,
}

/// One village's payout notice, cell for cell the sheet printed for its board.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ReadingNotice {
    pub title: String,
    pub subtitle: String,
    pub columns: Vec<String>,
    pub rows: Vec<Vec<String>>,
    /// 合计, as the last page prints it.
    pub total: String,
    pub footer: Vec<String>,
    pub signature: Vec<String>,
    pub portal: Option<PortalLink>,
}

/// A published record as the county's page shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ReadingRecord {
    pub summary: ReadingRecordSummary,
    pub formed_on: String,
    pub body: String,
    pub portal: Option<PortalLink>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ReadingDocument {
    pub summary: ReadingDocumentSummary,
    pub effective_on: String,
    pub valid_until: Option<String>,
    pub body: String,
    pub interpretation: Option<ReadingInterpretation>,
}

/// A document's 政策解读, once published.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ReadingInterpretation {
    pub title: String,
    pub form: InterpretationForm,
    pub body: String,
}

/// The reading point's setting, as the workstation's 设置 shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ReadingSettings {
    pub idle_seconds: u32,
    pub pin_set: bool,
}

/// `pin`: a new PIN (4 to 12 digits); absent or blank keeps the one set.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ReadingSettingsInput {
    pub idle_seconds: u32,
    #[serde(default)]
    pub pin: Option<String>,
}

/// The PIN typed to leave the reading point (the shell's `reading_leave`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ReadingLeaveArgs {
    pub pin: String,
}

/// Whether the reading point may close, and if not why, in Chinese.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ReadingLeave {
    pub allowed: bool,
    pub message: String,
    /// Seconds before another PIN is heard, after too many wrong ones.
    pub wait_seconds: Option<u32>,
}
