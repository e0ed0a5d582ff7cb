//! Wire types of a request's letters (答复书 and the notices of 补正, 延期, 征求意见, 收费):
//! the letter previewed as PDF with its text, and saved as PDF or `.docx`.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{LetterFormat, RequestLetterKind};

/// One letter of a request.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RequestLetterArgs {
    pub request_id: String,
    pub kind: RequestLetterKind,
}

/// A letter as it prints now: final once the reply passed 三审 and 保密审查, else a draft
/// (草稿 in its title) with what still stands in the way.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RequestLetter {
    pub kind: RequestLetterKind,
    /// The title as printed (with 草稿 when a draft).
    pub title: String,
    /// A file name to offer when saving, without extension: 答复书-示范镇依申〔2026〕3号.
    pub file_name: String,
    pub draft: bool,
    /// Why it is still a draft (the review gate's blockers); empty when final.
    pub blockers: Vec<String>,
    /// Number, addressee, paragraphs and (for a draft) the draft line, as printed.
    pub paragraphs: Vec<String>,
    pub issuer: String,
    /// YYYY-MM-DD.
    pub issued_on: String,
    pub pdf_base64: String,
}

/// `gongkai requests letter --out`: the letter written as PDF or Word.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RequestLetterSaveArgs {
    pub request_id: String,
    pub kind: RequestLetterKind,
    pub format: LetterFormat,
    /// The file to write.
    pub out: String,
}
