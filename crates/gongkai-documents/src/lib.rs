//! The township's library of normative documents (规范性文件库), no I/O.
//!
//! - [`doc_number`]: 文号 like `示政发〔2024〕3号`, read from what clerks type (the common wrong
//!   brackets, a 第, leading zeros) into the form GB/T 9704 prescribes, saying what was changed.
//! - [`document`]: a document's kind and dates (印发, 施行, 有效期), checked together.
//! - [`validity`]: 现行有效 / 已修改 / 已废止 / 已失效, and the changes between them, each with its
//!   date and the document that made it.
//! - [`interpretation`]: 政策解读 — what still keeps a document that needs one from publication.
//! - [`cleanup`]: the yearly 清理 — which documents are due for review, and the decisions.
//!
//! The store keeps documents; the API applies these rules at its edge.

pub mod cleanup;
pub mod doc_number;
pub mod document;
mod error;
pub mod interpretation;
pub mod validity;

pub use cleanup::{
    CLEANUP_AGE_YEARS, CleanupCandidate, CleanupDecision, CleanupReason, CleanupRule,
    DEFAULT_CLEANUP_AGE_YEARS,
};
pub use doc_number::{DocNumber, ParsedDocNumber};
pub use document::{DocumentDates, DocumentKind};
pub use error::DocumentError;
pub use interpretation::{InterpretationForm, InterpretationState, missing_interpretation};
pub use validity::{ChangingDocument, Validity, ValidityChange, ValidityState};
