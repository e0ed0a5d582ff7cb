//! What the clerk types about a request (and a document of the library), checked before
//! anything is written. A request cannot
//! be edited once registered, and its letters print what was typed: a control character
//! (Word refuses to save it), a pasted page in a name field, or a character no bundled face
//! can draw (an emoji) would otherwise be found only when the 答复书 cannot be printed.

use chrono::NaiveDate;
use gongkai_print::{NoticeSheet, Paper};

use crate::ApiError;

/// A text field of a request: its Chinese name, how long it may be, whether it may hold line
/// breaks (a textarea), and whether a letter prints it.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Field {
    pub what: &'static str,
    pub max_chars: usize,
    pub lines: bool,
    pub printed: bool,
}

impl Field {
    pub(crate) const fn line(what: &'static str, max_chars: usize, printed: bool) -> Field {
        Field {
            what,
            max_chars,
            lines: false,
            printed,
        }
    }

    pub(crate) const fn area(what: &'static str, max_chars: usize, printed: bool) -> Field {
        Field {
            what,
            max_chars,
            lines: true,
            printed,
        }
    }
}

pub(crate) const APPLICANT: Field = Field::line("申请人姓名或名称", 100, true);
pub(crate) const CONTACT: Field = Field::line("联系方式", 100, false);
pub(crate) const ADDRESS: Field = Field::line("通讯地址", 200, false);
pub(crate) const SUBJECT: Field = Field::area("所需政府信息的名称、文号或描述", 500, true);
pub(crate) const DESCRIPTION: Field = Field::area("申请说明", 5000, false);
pub(crate) const FORM: Field = Field::line("提供形式和获取方式", 200, true);
pub(crate) const CORRECTION_ITEMS: Field = Field::area("需要补正的事项", 1000, true);
pub(crate) const APPROVER: Field = Field::line("延期审批人", 50, false);
pub(crate) const EXTENSION_REASON: Field = Field::area("延期理由", 500, true);
pub(crate) const PARTY_NAME: Field = Field::line("被征求意见的第三方或机关名称", 100, true);
pub(crate) const OPINION: Field = Field::area("意见内容", 2000, false);
pub(crate) const REPLY_NOTE: Field = Field::area("答复说明", 2000, true);
pub(crate) const DELIVERY: Field = Field::line("送达方式", 50, false);
pub(crate) const REVIEW_BODY: Field = Field::line("行政复议机关", 100, true);
pub(crate) const COURT: Field = Field::line("人民法院", 100, true);

/// `raw` trimmed, or refused naming the field: a control character (line breaks and tabs only
/// in a textarea), more than the field's characters, or, for what a letter prints, a
/// character the letter's fonts do not have.
pub(crate) fn text(field: Field, raw: &str) -> Result<String, ApiError> {
    let value = raw.trim();
    if let Some(c) = value
        .chars()
        .find(|&c| c.is_control() && !(field.lines && matches!(c, '\n' | '\r' | '\t')))
    {
        return Err(ApiError::invalid(format!(
            "{}含有不可见的控制字符（U+{:04X}），请删除后重新输入",
            field.what, c as u32
        )));
    }
    let count = value.chars().count();
    if count > field.max_chars {
        return Err(ApiError::invalid(format!(
            "{}最多 {} 个字，填写的有 {count} 个字",
            field.what, field.max_chars
        )));
    }
    if field.printed && !value.is_empty() {
        refuse_unprintable(field.what, value)?;
    }
    Ok(value.to_owned())
}

/// `raw` as `text` takes it, refused when blank with `blank` (what to fill in).
pub(crate) fn required(field: Field, raw: &str, blank: &str) -> Result<String, ApiError> {
    let value = text(field, raw)?;
    if value.is_empty() {
        return Err(ApiError::invalid(blank.to_owned()));
    }
    Ok(value)
}

/// Refuses a text the letters could not print: the print engine is asked which of its
/// characters no bundled face has, as it would be when the letter is printed.
fn refuse_unprintable(what: &str, value: &str) -> Result<(), ApiError> {
    let probe = NoticeSheet {
        title: value.replace(['\r', '\n', '\t'], " "),
        body: String::new(),
        table: None,
        notice: None,
        objection: None,
        issuer: String::new(),
        issued_on: NaiveDate::MIN,
        paper: Paper::A4Portrait,
        footer: None,
    };
    let mut missing: Vec<String> = probe
        .missing_glyphs()?
        .iter()
        .map(|m| format!("“{}”（U+{:04X}）", m.character, m.character as u32))
        .collect();
    missing.dedup();
    if missing.is_empty() {
        return Ok(());
    }
    Err(ApiError::invalid(format!(
        "{what}中有字库没有的字 {}，告知书打印出来会是方框：请删去或换用常用字",
        missing.join("、")
    )))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_controls_length_and_unprintable_characters_naming_the_field() {
        assert_eq!(text(APPLICANT, "  赵敏 ").unwrap(), "赵敏");
        let bell = text(APPLICANT, "张\u{7}三").unwrap_err().message;
        assert!(
            bell.contains("申请人姓名或名称") && bell.contains("U+0007"),
            "{bell}"
        );
        assert!(text(APPLICANT, "张\n三").is_err());
        assert_eq!(
            text(REPLY_NOTE, "第一段\n第二段").unwrap(),
            "第一段\n第二段"
        );
        assert!(text(REPLY_NOTE, "a\u{1b}b").is_err());
        let long = text(APPLICANT, &"张".repeat(101)).unwrap_err().message;
        assert!(
            long.contains("最多 100 个字") && long.contains("101"),
            "{long}"
        );
        let emoji = text(SUBJECT, "🚀信息").unwrap_err().message;
        assert!(
            emoji.contains("U+1F680") && emoji.contains("所需政府信息"),
            "{emoji}"
        );
        // Rare characters of CJK Ext-B print through the second face; unprinted fields are
        // not asked.
        assert_eq!(text(APPLICANT, "𠀀𪚥").unwrap(), "𠀀𪚥");
        assert_eq!(text(CONTACT, "😀").unwrap(), "😀");
        assert_eq!(
            required(SUBJECT, "  ", "请填写").unwrap_err().message,
            "请填写"
        );
    }
}
