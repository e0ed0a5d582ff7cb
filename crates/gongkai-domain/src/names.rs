use std::fmt;

use crate::DomainError;

/// A human-readable name (of a township, village, office or person): trimmed, not blank, no
/// control characters, bounded length. Inner runs of whitespace are kept because some minority
/// names are written with a separating dot or space and must be printed as given.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Name(String);

impl Name {
    /// Longest name accepted, in characters. Official names of townships and offices stay well
    /// below this; the bound keeps a pasted paragraph out of a table cell.
    pub const MAX_CHARS: usize = 60;

    /// `field` is the Chinese label used in error messages, e.g. `"村（社区）名称"`.
    pub fn parse(field: &'static str, raw: &str) -> Result<Self, DomainError> {
        let value = raw.trim();
        if value.is_empty() {
            return Err(DomainError::Blank { field });
        }
        if value.chars().any(char::is_control) {
            return Err(DomainError::ControlCharacter { field });
        }
        let actual = value.chars().count();
        if actual > Self::MAX_CHARS {
            return Err(DomainError::TooLong {
                field,
                max: Self::MAX_CHARS,
                actual,
            });
        }
        Ok(Self(value.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Name {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// An office telephone number as printed on notices (监督电话, 咨询电话): digits with optional
/// area-code dash, spaces, or an extension written as “转”.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Phone(String);

impl Phone {
    pub fn parse(raw: &str) -> Result<Self, DomainError> {
        let value = raw.trim();
        let allowed = value
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '-' | ' ' | '转'));
        let digits = value.chars().filter(char::is_ascii_digit).count();
        if !allowed || !(7..=20).contains(&digits) {
            return Err(DomainError::BadPhone(value.to_owned()));
        }
        Ok(Self(value.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Phone {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_trimmed() {
        assert_eq!(Name::parse("姓名", "  张三 ").unwrap().as_str(), "张三");
    }

    #[test]
    fn blank_name_names_the_field() {
        let err = Name::parse("村（社区）名称", "   ").unwrap_err();
        assert_eq!(err.to_string(), "村（社区）名称不能为空");
    }

    #[test]
    fn overlong_name_is_refused() {
        let long = "长".repeat(Name::MAX_CHARS + 1);
        assert!(matches!(
            Name::parse("名称", &long),
            Err(DomainError::TooLong { actual: 61, .. })
        ));
    }

    #[test]
    fn control_characters_are_refused() {
        assert!(Name::parse("名称", "王\u{0007}五").is_err());
    }

    #[test]
    fn minority_names_keep_their_separator() {
        assert_eq!(
            Name::parse("姓名", "阿依古丽·买买提").unwrap().as_str(),
            "阿依古丽·买买提"
        );
    }

    #[test]
    fn phones() {
        assert!(Phone::parse("0795-7871001").is_ok());
        assert!(Phone::parse("13812341234").is_ok());
        assert!(Phone::parse("0795-7871001转8001").is_ok());
        assert!(Phone::parse("12345").is_err());
        assert!(Phone::parse("电话0795").is_err());
    }
}
