//! 文号 (发文字号): 发文机关代字, the year in 六角括号 〔〕, and the sequence number with 号 —
//! `示政发〔2024〕3号` (GB/T 9704—2012, 7.2.4: 年份、发文顺序号用阿拉伯数字标注；年份应标全称，
//! 用六角括号“〔〕”括入；发文顺序号不加“第”字，不编虚位).
//!
//! Clerks often type the year in square or round brackets, or 【】, which look alike on
//! screen. Those are accepted and put right, and every change is named, so the clerk learns the
//! form and the library holds one spelling per document (a search for `示政发〔2024〕3号` finds
//! what was typed as `示政发[2024]03号`).

use std::fmt;

use crate::DocumentError;

/// A 文号 in its normal form.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct DocNumber {
    /// 发文机关代字, e.g. 示政发.
    pub issuer_code: String,
    pub year: u16,
    pub seq: u32,
}

/// A 文号 as read, with what was changed to reach the normal form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParsedDocNumber {
    pub number: DocNumber,
    /// One Chinese sentence per change made; empty when the text was already right.
    pub notes: Vec<String>,
}

/// Brackets taken for the year, each with its closing partner. The first is the right one.
const BRACKETS: &[(char, char)] = &[
    ('〔', '〕'),
    ('[', ']'),
    ('［', '］'),
    ('(', ')'),
    ('（', '）'),
    ('【', '】'),
    ('〖', '〗'),
    // The small tortoise-shell brackets of the CJK compatibility forms: an input method's
    // “六角括号” is often these, and they pass for 〔〕 on screen.
    ('﹝', '﹞'),
    ('〘', '〙'),
    ('{', '}'),
    ('｛', '｝'),
];

/// The earliest year a 文号 of the People's Republic can carry, and a bound well ahead.
const YEARS: std::ops::RangeInclusive<u16> = 1949..=2100;

impl DocNumber {
    /// Reads `text`, accepting the common mistaken brackets, a 第 before the number, leading
    /// zeros, a missing 号 and stray spaces, and saying what was put right.
    pub fn parse(text: &str) -> Result<ParsedDocNumber, DocumentError> {
        let refuse = || DocumentError::DocNumber(text.trim().to_owned());
        let mut notes = Vec::new();
        let chars: Vec<char> = text.chars().filter(|c| !c.is_whitespace()).collect();
        if chars.len() != text.trim().chars().count() {
            notes.push("已去掉文号中的空格".to_owned());
        }
        let (open_at, open) = chars
            .iter()
            .enumerate()
            .find(|(_, c)| BRACKETS.iter().any(|(o, _)| o == *c))
            .map(|(i, c)| (i, *c))
            .ok_or_else(refuse)?;
        let issuer_code: String = chars[..open_at].iter().collect();
        let code_ok = !issuer_code.is_empty()
            && issuer_code.chars().all(char::is_alphanumeric)
            && issuer_code.chars().any(|c| !c.is_ascii_digit());
        if !code_ok {
            return Err(refuse());
        }
        let rest = &chars[open_at + 1..];
        let year_len = rest
            .iter()
            .take_while(|c| fold_digit(**c).is_some())
            .count();
        if year_len != 4 {
            return Err(refuse());
        }
        let year = digits_value(&rest[..4]).ok_or_else(refuse)?;
        let after_year = &rest[4..];
        let close_found = after_year.first().copied().ok_or_else(refuse)?;
        // The closing bracket may be any of the accepted ones (〔2024] is typed too).
        if !BRACKETS.iter().any(|(_, c)| *c == close_found) {
            return Err(refuse());
        }
        if open != '〔' || close_found != '〕' {
            notes.push(format!(
                "年份括号“{open}{close_found}”已改为六角括号“〔〕”（GB/T 9704—2012 第 7.2.4 条）"
            ));
        }
        let mut tail = &after_year[1..];
        if tail.first() == Some(&'第') {
            notes.push("已去掉序号前的“第”字".to_owned());
            tail = &tail[1..];
        }
        let seq_len = tail
            .iter()
            .take_while(|c| fold_digit(**c).is_some())
            .count();
        if seq_len == 0 {
            return Err(refuse());
        }
        let seq_digits = &tail[..seq_len];
        let seq =
            u32::try_from(digits_value(seq_digits).ok_or_else(refuse)?).map_err(|_| refuse())?;
        if seq == 0 {
            return Err(refuse());
        }
        if seq_digits.len() > 1 && fold_digit(seq_digits[0]) == Some(0) {
            let typed: String = seq_digits.iter().collect();
            notes.push(format!("序号“{typed}”已改为“{seq}”（序号不编虚位）"));
        }
        match &tail[seq_len..] {
            ['号'] => {}
            [] => notes.push("已在序号后补上“号”字".to_owned()),
            _ => return Err(refuse()),
        }
        let year = u16::try_from(year).map_err(|_| refuse())?;
        if !YEARS.contains(&year) {
            return Err(refuse());
        }
        Ok(ParsedDocNumber {
            number: DocNumber {
                issuer_code,
                year,
                seq,
            },
            notes,
        })
    }
}

impl fmt::Display for DocNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}〔{}〕{}号", self.issuer_code, self.year, self.seq)
    }
}

/// A digit, ASCII or full-width.
fn fold_digit(c: char) -> Option<u32> {
    match c {
        '0'..='9' => c.to_digit(10),
        '０'..='９' => Some(c as u32 - '０' as u32),
        _ => None,
    }
}

fn digits_value(digits: &[char]) -> Option<u64> {
    digits.iter().try_fold(0_u64, |acc, c| {
        acc.checked_mul(10)?.checked_add(u64::from(fold_digit(*c)?))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn normal(text: &str) -> (String, Vec<String>) {
        let parsed = DocNumber::parse(text).unwrap_or_else(|e| unreachable!("{text}: {e}"));
        (parsed.number.to_string(), parsed.notes)
    }

    #[test]
    fn the_right_form_is_taken_as_it_is() {
        let (number, notes) = normal("示政发〔2024〕3号");
        assert_eq!(number, "示政发〔2024〕3号");
        assert!(notes.is_empty());
        let parsed = DocNumber::parse("示政办发〔2025〕12号").map(|p| p.number);
        assert_eq!(
            parsed,
            Ok(DocNumber {
                issuer_code: "示政办发".to_owned(),
                year: 2025,
                seq: 12
            })
        );
    }

    #[test]
    fn mistaken_brackets_are_put_right_and_said() {
        for typed in [
            "示政发[2024]3号",
            "示政发［2024］3号",
            "示政发(2024)3号",
            "示政发（2024）3号",
            "示政发【2024】3号",
            "示政发〔2024]3号",
            "示政发﹝2024﹞3号",
            "示政发〘2024〙3号",
        ] {
            let (number, notes) = normal(typed);
            assert_eq!(number, "示政发〔2024〕3号", "{typed}");
            assert_eq!(notes.len(), 1, "{typed}: {notes:?}");
            assert!(notes[0].contains("六角括号“〔〕”"), "{notes:?}");
        }
        let (_, notes) = normal("示政发【2024】3号");
        assert!(notes[0].starts_with("年份括号“【】”"), "{notes:?}");
    }

    #[test]
    fn di_leading_zeros_spaces_and_a_missing_hao_are_put_right() {
        let (number, notes) = normal(" 示政发 〔2024〕第03 号");
        assert_eq!(number, "示政发〔2024〕3号");
        assert_eq!(
            notes,
            [
                "已去掉文号中的空格",
                "已去掉序号前的“第”字",
                "序号“03”已改为“3”（序号不编虚位）"
            ]
        );
        let (number, notes) = normal("示政发〔２０２４〕7");
        assert_eq!(number, "示政发〔2024〕7号");
        assert_eq!(notes, ["已在序号后补上“号”字"]);
    }

    #[test]
    fn what_cannot_be_read_is_refused_in_chinese() {
        for bad in [
            "",
            "示政发2024年3号",
            "〔2024〕3号",
            "示政发〔24〕3号",
            "示政发〔2024〕号",
            "示政发〔2024〕0号",
            "示政发〔2024〕3号文",
            "示政发〔1900〕3号",
            "2024〔2024〕3号",
            "示政发〔2024〕3号号",
        ] {
            let e = DocNumber::parse(bad).expect_err(bad);
            assert!(e.to_string().contains("无法识别"), "{bad}: {e}");
            assert!(e.to_string().contains(bad.trim()), "{bad}: {e}");
        }
    }
}
