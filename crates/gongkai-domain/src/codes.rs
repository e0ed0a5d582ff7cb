//! Official codes: 行政区划代码 (GB/T 2260 and the statistical 12-digit extension used for
//! villages) and 统一社会信用代码 (GB 32100-2015).

use std::fmt;

use crate::DomainError;

/// 行政区划代码 of a township or street office: the 9-digit form (county code + 3 digits) or the
/// 12-digit statistical form (统计用区划代码, ending in 000 at township level).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct DivisionCode(String);

impl DivisionCode {
    const FIELD: &'static str = "行政区划代码";

    pub fn parse(raw: &str) -> Result<Self, DomainError> {
        let value = raw.trim();
        let bad = |reason: &str| DomainError::BadCode {
            field: Self::FIELD,
            value: value.to_owned(),
            reason: reason.to_owned(),
        };
        if !value.chars().all(|c| c.is_ascii_digit()) {
            return Err(bad("只能是数字"));
        }
        match value.len() {
            9 => Ok(Self(value.to_owned())),
            12 if value.ends_with("000") => Ok(Self(value.to_owned())),
            12 => Err(bad("12 位乡镇级代码应以 000 结尾")),
            n => Err(bad(&format!("应为 9 位或 12 位，现为 {n} 位"))),
        }
    }

    /// The nine digits that every village code of this township starts with.
    pub fn township_prefix(&self) -> &str {
        &self.0[..9]
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for DivisionCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// 统计用区划代码 of a village or community: 12 digits, the last three naming the village
/// within its township (001–199 communities, 200–399 villages by convention; not enforced,
/// because local numbering varies).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct VillageCode(String);

impl VillageCode {
    const FIELD: &'static str = "村（社区）区划代码";

    pub fn parse(raw: &str) -> Result<Self, DomainError> {
        let value = raw.trim();
        let bad = |reason: String| DomainError::BadCode {
            field: Self::FIELD,
            value: value.to_owned(),
            reason,
        };
        if !value.chars().all(|c| c.is_ascii_digit()) {
            return Err(bad("只能是数字".to_owned()));
        }
        if value.len() != 12 {
            return Err(bad(format!("应为 12 位，现为 {} 位", value.len())));
        }
        if value.ends_with("000") {
            return Err(bad("末三位为 000 的是乡镇级代码，不是村级代码".to_owned()));
        }
        Ok(Self(value.to_owned()))
    }

    /// Refuses a village code that does not lie inside the given township.
    pub fn check_within(&self, township: &DivisionCode) -> Result<(), DomainError> {
        if self.0.starts_with(township.township_prefix()) {
            Ok(())
        } else {
            Err(DomainError::VillageOutsideTownship {
                village: self.0.clone(),
                township: township.township_prefix().to_owned(),
            })
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for VillageCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// 统一社会信用代码 (GB 32100-2015): 18 characters from a 31-symbol alphabet, the last one a
/// check character over the first 17.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct CreditCode(String);

impl CreditCode {
    const FIELD: &'static str = "统一社会信用代码";
    /// The code alphabet: digits and capitals without I, O, S, V, Z.
    const ALPHABET: &'static str = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    const WEIGHTS: [u32; 17] = [
        1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28,
    ];

    pub fn parse(raw: &str) -> Result<Self, DomainError> {
        let value: String = raw.trim().to_ascii_uppercase();
        let bad = |reason: String| DomainError::BadCode {
            field: Self::FIELD,
            value: value.clone(),
            reason,
        };
        let count = value.chars().count();
        if count != 18 {
            return Err(bad(format!("应为 18 位，现为 {count} 位")));
        }
        let mut values = Vec::with_capacity(18);
        for (position, c) in value.chars().enumerate() {
            match Self::ALPHABET.find(c) {
                Some(v) => values.push(v as u32),
                None => {
                    return Err(bad(format!(
                        "第 {} 位“{c}”不是允许的字符（不使用 I、O、S、V、Z）",
                        position + 1
                    )));
                }
            }
        }
        let expected = Self::check_value(&values[..17]);
        if values[17] != expected {
            return Err(bad("校验位不正确，请核对是否抄错".to_owned()));
        }
        Ok(Self(value))
    }

    /// Completes a 17-character body with its check character (used to build demo data).
    pub fn with_check_character(body: &str) -> Result<Self, DomainError> {
        let values: Option<Vec<u32>> = body
            .chars()
            .map(|c| Self::ALPHABET.find(c).map(|v| v as u32))
            .collect();
        let check = values
            .filter(|v| v.len() == 17)
            .map(|v| Self::check_value(&v))
            .and_then(|v| Self::ALPHABET.chars().nth(v as usize));
        match check {
            Some(c) => Self::parse(&format!("{body}{c}")),
            None => Err(DomainError::BadCode {
                field: Self::FIELD,
                value: body.to_owned(),
                reason: "主体部分应为 17 位允许的字符".to_owned(),
            }),
        }
    }

    fn check_value(body: &[u32]) -> u32 {
        let sum: u32 = body.iter().zip(Self::WEIGHTS).map(|(v, w)| v * w).sum();
        (31 - sum % 31) % 31
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for CreditCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn division_codes() {
        assert!(DivisionCode::parse("360982101").is_ok());
        assert!(DivisionCode::parse("360982101000").is_ok());
        assert!(DivisionCode::parse("360982101201").is_err());
        assert!(DivisionCode::parse("36098210").is_err());
        assert!(DivisionCode::parse("36098210X").is_err());
    }

    #[test]
    fn village_codes_belong_to_their_township() {
        let township = DivisionCode::parse("360982101000").unwrap();
        let inside = VillageCode::parse("360982101201").unwrap();
        let outside = VillageCode::parse("360982102201").unwrap();
        assert!(inside.check_within(&township).is_ok());
        assert!(outside.check_within(&township).is_err());
        assert!(VillageCode::parse("360982101000").is_err());
    }

    // The worked example of GB 32100-2015.
    #[test]
    fn the_standard_example_passes() {
        assert!(CreditCode::parse("91350100M000100Y43").is_ok());
    }

    #[test]
    fn a_changed_character_fails_the_check() {
        let err = CreditCode::parse("91350100M000100Y44").unwrap_err();
        assert!(err.to_string().contains("校验位不正确"));
    }

    #[test]
    fn letters_outside_the_alphabet_are_named() {
        let err = CreditCode::parse("91350100M000100I43").unwrap_err();
        assert!(err.to_string().contains("第 16 位“I”"), "{err}");
    }

    #[test]
    fn lower_case_is_accepted() {
        assert!(CreditCode::parse("91350100m000100y43").is_ok());
    }

    #[test]
    fn check_character_is_computed() {
        let code = CreditCode::with_check_character("91350100M000100Y4").unwrap();
        assert_eq!(code.as_str(), "91350100M000100Y43");
    }
}
