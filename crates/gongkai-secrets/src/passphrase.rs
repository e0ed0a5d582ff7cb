//! The clerk's backup passphrase.

use age::secrecy::{ExposeSecret, SecretString};

use crate::SecretsError;

/// Shortest passphrase accepted, in characters (a Chinese character counts one).
const MIN_CHARS: usize = 8;
/// Fewest different characters: `11111111` and `abababab` are guessed first.
const MIN_DISTINCT: usize = 5;
/// Shortest passphrase of digits alone: birthdays and phone numbers are guessed first.
const MIN_DIGITS_ONLY: usize = 12;
/// Passphrases on every list of the most used ones, compared without case.
const COMMON: &[&str] = &[
    "password",
    "passw0rd",
    "password1",
    "qwertyui",
    "qwertyuiop",
    "iloveyou",
    "admin123",
    "abc12345",
    "abcd1234",
    "1qaz2wsx",
    "woaini1314",
    "zhengwugongkai",
];

/// The passphrase that locks the secrets in backups. `Debug` never shows it.
pub struct Passphrase(SecretString);

impl std::fmt::Debug for Passphrase {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Passphrase(…)")
    }
}

impl Passphrase {
    /// A passphrase the clerk sets: refused, with the reason, when it is easy to guess. A stolen
    /// backup can be attacked offline at leisure, so the bar is the passphrase's own strength.
    pub fn choose(text: &str) -> Result<Self, SecretsError> {
        let chars: Vec<char> = text.chars().collect();
        if text.trim().is_empty() {
            return Err(SecretsError::WeakPassphrase("不能为空"));
        }
        if chars.len() < MIN_CHARS {
            return Err(SecretsError::WeakPassphrase(
                "至少要 8 个字符（汉字、字母、数字均可）",
            ));
        }
        let mut distinct = chars.clone();
        distinct.sort_unstable();
        distinct.dedup();
        if distinct.len() < MIN_DISTINCT {
            return Err(SecretsError::WeakPassphrase(
                "不同的字符至少要 5 个（11111111、abababab 这样的口令很容易被猜到）",
            ));
        }
        if chars.iter().all(char::is_ascii_digit) && chars.len() < MIN_DIGITS_ONLY {
            return Err(SecretsError::WeakPassphrase(
                "只用数字时至少要 12 位（生日、电话号码很容易被猜到）",
            ));
        }
        if is_run(&chars) {
            return Err(SecretsError::WeakPassphrase(
                "不能是连续的字符（如 abcdefgh、87654321）",
            ));
        }
        if COMMON
            .iter()
            .any(|common| common.eq_ignore_ascii_case(text.trim()))
        {
            return Err(SecretsError::WeakPassphrase(
                "它是最常用的口令之一，很容易被猜到",
            ));
        }
        Ok(Self(SecretString::from(text.to_owned())))
    }

    /// A passphrase the clerk typed to unlock what an earlier one locked: taken as typed; a
    /// wrong one is refused when it fails to decrypt.
    pub fn given(text: &str) -> Self {
        Self(SecretString::from(text.to_owned()))
    }

    pub(crate) fn secret(&self) -> SecretString {
        SecretString::from(self.0.expose_secret().to_owned())
    }
}

/// Every character one code point above (or below) the one before it.
fn is_run(chars: &[char]) -> bool {
    let steps: Vec<i64> = chars
        .windows(2)
        .map(|pair| i64::from(u32::from(pair[1])) - i64::from(u32::from(pair[0])))
        .collect();
    steps.iter().all(|step| *step == 1) || steps.iter().all(|step| *step == -1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn refused(text: &str) -> bool {
        matches!(
            Passphrase::choose(text),
            Err(SecretsError::WeakPassphrase(_))
        )
    }

    #[test]
    fn weak_passphrases_are_refused_with_a_reason() {
        for weak in [
            "",
            "        ",
            "abc123",
            "11111111",
            "abababab",
            "12345678901",
            "abcdefgh",
            "87654321",
            "Password",
            "woaini1314",
        ] {
            assert!(refused(weak), "{weak:?} should be refused");
        }
    }

    #[test]
    fn reasonable_passphrases_are_taken() {
        for strong in [
            "示范镇政务公开备份",
            "Tea-Cup-Lamp-River",
            "739205184630",
            "qing shui he 2026",
        ] {
            assert!(
                Passphrase::choose(strong).is_ok(),
                "{strong:?} should be taken"
            );
        }
    }

    #[test]
    fn debug_hides_the_passphrase() {
        let phrase = Passphrase::given("示范镇政务公开备份");
        assert!(!format!("{phrase:?}").contains("示范镇"));
    }
}
