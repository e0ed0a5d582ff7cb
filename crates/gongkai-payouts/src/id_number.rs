use chrono::NaiveDate;
use gongkai_domain::{IdNumberProblem, check_id_number, fold_digit};

use crate::MaskRules;

/// A 公民身份号码 that passed GB 11643: 17 digits, a check character (0–9 or X), and a real
/// birth date. Deliberately neither `Display` nor `Debug`-printable in full.
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct IdNumber(String);

impl std::fmt::Debug for IdNumber {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "IdNumber({})", self.masked(&MaskRules::default()))
    }
}

/// Why a cell is not a valid ID number; `message()` is the Chinese reason for the clerk.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum IdProblem {
    Empty,
    /// Excel turned the number into a float and dropped the last digits. Holds the value as
    /// shown, already masked: its leading digits are still the person's region and birth date.
    PrecisionLost(String),
    Length(usize),
    Character(char),
    BirthDate,
    CheckDigit,
}

impl IdProblem {
    /// The problem of an ID that reached us as a number (`3.609821990010112E17`), shown masked:
    /// the first two digits and the exponent kept, every other digit starred.
    pub fn lost_precision(shown: &str) -> Self {
        let mut digits = 0;
        let mut in_exponent = false;
        let masked = shown
            .chars()
            .map(|c| {
                if matches!(c, 'E' | 'e') {
                    in_exponent = true;
                }
                if c.is_ascii_digit() && !in_exponent {
                    digits += 1;
                    if digits > 2 {
                        return '*';
                    }
                }
                c
            })
            .collect();
        IdProblem::PrecisionLost(masked)
    }

    pub fn code(&self) -> &'static str {
        match self {
            IdProblem::Empty => "id_missing",
            IdProblem::PrecisionLost(_) => "id_stored_as_number",
            IdProblem::Length(_) => "id_length",
            IdProblem::Character(_) => "id_character",
            IdProblem::BirthDate => "id_birth_date",
            IdProblem::CheckDigit => "id_check_digit",
        }
    }

    pub fn message(&self) -> String {
        match self {
            IdProblem::Empty => "身份证号为空".to_owned(),
            IdProblem::PrecisionLost(shown) => format!(
                "身份证号被 Excel 存成了数字（{shown}），后几位已经丢失，无法还原。请在源文件中把这一列设为“文本”格式，\
                 从原始系统重新导出或重新录入完整的 18 位号码后再导入"
            ),
            IdProblem::Length(n) => format!("身份证号应为 18 位，这里是 {n} 位"),
            IdProblem::Character(c) => format!("身份证号中有不应出现的字符“{c}”"),
            IdProblem::BirthDate => "身份证号中的出生日期不存在".to_owned(),
            IdProblem::CheckDigit => "身份证号校验位不正确，可能有数字录错".to_owned(),
        }
    }
}

impl IdNumber {
    /// Parses typed or exported text. Full-width digits, spaces and a lower-case x are
    /// normalised; a number in scientific notation is refused as precision lost.
    pub fn parse(raw: &str, today: NaiveDate) -> Result<Self, IdProblem> {
        let normalised: String = raw
            .chars()
            .filter(|c| !c.is_whitespace() && *c != '\u{200B}' && *c != '\'')
            .map(|c| match fold_digit(c) {
                'x' | 'ｘ' | 'Ｘ' => 'X',
                other => other,
            })
            .collect();
        if normalised.is_empty() {
            return Err(IdProblem::Empty);
        }
        // `341502199003077776.0`: all 18 characters are there, a tool only added a decimal
        // part when it wrote the text. A float could not have held them; the check digit below
        // still guards the number.
        let normalised = match normalised.split_once('.') {
            Some((whole, zeros))
                if whole.len() == 18
                    && whole.chars().all(|c| c.is_ascii_digit() || c == 'X')
                    && !zeros.is_empty()
                    && zeros.chars().all(|c| c == '0') =>
            {
                whole.to_owned()
            }
            _ => normalised,
        };
        if looks_like_float(&normalised) {
            return Err(IdProblem::lost_precision(&normalised));
        }
        check_id_number(&normalised, today).map_err(|problem| match problem {
            IdNumberProblem::Length(_) => IdProblem::Length(normalised.chars().count()),
            IdNumberProblem::Character(c) => IdProblem::Character(c),
            IdNumberProblem::BirthDate => IdProblem::BirthDate,
            IdNumberProblem::CheckDigit => IdProblem::CheckDigit,
        })?;
        Ok(Self(normalised))
    }

    /// The number as the public may see it, e.g. `36*************23X`.
    pub fn masked(&self, rules: &MaskRules) -> String {
        rules.mask_id(&self.0)
    }

    /// The full number, only for keyed hashing.
    pub(crate) fn as_secret_str(&self) -> &str {
        &self.0
    }
}

/// `3.60982E+17`, `360982199001011000` is not caught here (it is 18 digits; its check digit
/// almost always fails), but every exponent form and every decimal point is.
fn looks_like_float(s: &str) -> bool {
    let has_exponent =
        s.contains(['E', 'e']) && s.chars().next().is_some_and(|c| c.is_ascii_digit());
    let has_point = s.contains('.') && s.chars().all(|c| c.is_ascii_digit() || c == '.');
    has_exponent || has_point
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    pub fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 24).unwrap()
    }

    /// Completes 17 digits with the right check character (test fixtures are made, not copied).
    pub fn with_check(body: &str) -> String {
        format!("{body}{}", gongkai_domain::check_character(body).unwrap())
    }

    #[test]
    fn the_standard_example_passes() {
        // The worked example of GB 11643-1999.
        assert!(IdNumber::parse("11010519491231002X", today()).is_ok());
    }

    #[test]
    fn normalises_what_clerks_type() {
        let id = with_check("36098219900101123");
        let typed = format!(" {}　", id.replace('0', "０").to_lowercase());
        assert_eq!(IdNumber::parse(&typed, today()).unwrap().0, id);
    }

    #[test]
    fn excel_floats_are_refused_with_the_fix() {
        let err = IdNumber::parse("3.60982E+17", today()).unwrap_err();
        assert_eq!(err.code(), "id_stored_as_number");
        assert!(err.message().contains("设为“文本”格式"));
    }

    #[test]
    fn a_trailing_point_zero_is_read_as_the_text_it_was() {
        let id = with_check("34150219900307777");
        assert_eq!(IdNumber::parse(&format!("{id}.0"), today()).unwrap().0, id);
        assert_eq!(
            IdNumber::parse(&format!("{id}.000"), today()).unwrap().0,
            id
        );
        // Not an ID with a decimal part: still what Excel did to a number.
        let err = IdNumber::parse("341502199003077000.5", today()).unwrap_err();
        assert_eq!(err.code(), "id_stored_as_number");
        // And shown masked: the birth date is not in the message.
        assert!(!err.message().contains("19900307"), "{}", err.message());
    }

    #[test]
    fn a_wrong_digit_fails_the_check() {
        let mut id = with_check("36098219900101123").into_bytes();
        id[16] = if id[16] == b'9' { b'8' } else { id[16] + 1 };
        assert_eq!(
            IdNumber::parse(std::str::from_utf8(&id).unwrap(), today()),
            Err(IdProblem::CheckDigit)
        );
    }

    #[test]
    fn impossible_birth_dates_are_refused() {
        for body in [
            "36098219900231123",
            "36098218890101123",
            "36098220300101123",
        ] {
            assert_eq!(
                IdNumber::parse(&with_check(body), today()),
                Err(IdProblem::BirthDate),
                "{body}"
            );
        }
    }

    #[test]
    fn lengths_and_characters() {
        assert_eq!(
            IdNumber::parse("3609821990", today()),
            Err(IdProblem::Length(10))
        );
        assert_eq!(
            IdNumber::parse("36098219900101123A", today()),
            Err(IdProblem::Character('A'))
        );
        assert_eq!(IdNumber::parse("  ", today()), Err(IdProblem::Empty));
    }

    #[test]
    fn debug_output_is_masked() {
        let id = IdNumber::parse(&with_check("36098219900101123"), today()).unwrap();
        assert!(!format!("{id:?}").contains("19900101"));
    }
}
