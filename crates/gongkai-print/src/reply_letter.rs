//! A reply letter to an application for disclosure (政府信息公开申请答复书 and the notices of the
//! procedure: 补正, 延期, 征求意见, 收费) set as an official document through the notice layout
//! (GB/T 9704: A4, the title in 2号, the body in 3号 on the 22-line grid, the 落款 with room for
//! the seal). A letter not yet cleared by review prints as a draft: 草稿 in the title and a
//! closing line saying it may not be delivered, so a draft on paper cannot pass for the reply.

use chrono::NaiveDate;

use crate::{NoticeSheet, Paper, PrintError, render_notice};

/// What marks a draft, after the title.
pub const DRAFT_MARK: &str = "（草稿）";
/// The line a draft ends with.
pub const DRAFT_LINE: &str = "本件为草稿，答复尚未通过审核和保密审查，不得送达申请人。";

/// The letter's words, in order; the caller (the API) composes them from the application.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReplyLetter {
    /// 政府信息公开申请答复书, 补正申请告知书….
    pub title: String,
    /// The letter's number (e.g. 示范镇依申〔2026〕3号), printed below the title; empty for none.
    pub number: String,
    /// Who it is addressed to, without the colon (张某某, 某某有限公司).
    pub addressee: String,
    /// The body, one paragraph each.
    pub paragraphs: Vec<String>,
    /// The issuing body of the 落款 (示范镇人民政府).
    pub issuer: String,
    pub issued_on: NaiveDate,
    /// True until the reply passed the review gate.
    pub draft: bool,
}

impl ReplyLetter {
    /// The title as printed: with 草稿 when a draft.
    pub fn printed_title(&self) -> String {
        if self.draft {
            format!("{}{DRAFT_MARK}", self.title)
        } else {
            self.title.clone()
        }
    }

    /// Every paragraph as printed, number and addressee first, the draft line last: what both
    /// the PDF and a word-processor copy say.
    pub fn printed_paragraphs(&self) -> Vec<String> {
        let mut lines = Vec::with_capacity(self.paragraphs.len() + 3);
        if !self.number.trim().is_empty() {
            lines.push(self.number.trim().to_owned());
        }
        lines.push(format!("{}：", self.addressee.trim()));
        lines.extend(
            self.paragraphs
                .iter()
                .map(|p| p.trim().to_owned())
                .filter(|p| !p.is_empty()),
        );
        if self.draft {
            lines.push(DRAFT_LINE.to_owned());
        }
        lines
    }

    /// The letter as the notice layout takes it.
    pub fn notice_sheet(&self) -> NoticeSheet {
        NoticeSheet {
            title: self.printed_title(),
            // The notice layout reads one paragraph per line: a paragraph never holds a break.
            body: self
                .printed_paragraphs()
                .iter()
                .map(|p| p.replace(['\r', '\n'], " "))
                .collect::<Vec<_>>()
                .join("\n"),
            table: None,
            notice: None,
            objection: None,
            issuer: self.issuer.clone(),
            issued_on: self.issued_on,
            paper: Paper::A4Portrait,
            footer: None,
        }
    }
}

/// The letter as a PDF of its own.
pub fn render_reply_letter(letter: &ReplyLetter) -> Result<Vec<u8>, PrintError> {
    render_notice(&letter.notice_sheet())
}
