//! 公民身份号码 (GB 11643-1999) and the digit folding every reader of typed numbers needs.
//!
//! The one implementation of the check: payout import (`gongkai-payouts`) and the sync check
//! that refuses ID numbers in published payloads (`gongkai-sync`) both call [`check_id_number`].

use chrono::{Datelike, NaiveDate};

const WEIGHTS: [u32; 17] = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK: &[u8; 11] = b"10X98765432";

/// Why a text is not an 18-character 公民身份号码.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IdNumberProblem {
    /// The number of characters, when not 18.
    Length(usize),
    /// A character other than a digit, or an `X` before the last place.
    Character(char),
    /// The birth date (places 7–14) is no date, before 1900, or after `today`.
    BirthDate,
    CheckDigit,
}

/// Folds a full-width digit (`０`–`９`) to its ASCII digit; every other character is returned
/// unchanged.
pub fn fold_digit(c: char) -> char {
    match c {
        '０'..='９' => {
            char::from_u32(u32::from(c) - u32::from('０') + u32::from('0')).unwrap_or(c)
        }
        other => other,
    }
}

/// The check character (`0`–`9` or `X`) of 17 ASCII digits; `None` when `body` is not that.
pub fn check_character(body: &str) -> Option<char> {
    let bytes = body.as_bytes();
    if bytes.len() != 17 || !bytes.iter().all(u8::is_ascii_digit) {
        return None;
    }
    let sum: u32 = bytes
        .iter()
        .zip(WEIGHTS)
        .map(|(d, w)| u32::from(d - b'0') * w)
        .sum();
    Some(char::from(CHECK[(sum % 11) as usize]))
}

/// Checks an already normalised number (ASCII digits, upper-case `X`): 18 characters, a real
/// birth date from 1900 up to `today`, and the right check character. Gives the birth date.
pub fn check_id_number(id: &str, today: NaiveDate) -> Result<NaiveDate, IdNumberProblem> {
    if let Some(c) = id.chars().find(|c| !c.is_ascii_digit() && *c != 'X') {
        return Err(IdNumberProblem::Character(c));
    }
    if id.len() != 18 {
        return Err(IdNumberProblem::Length(id.len()));
    }
    if id[..17].contains('X') {
        return Err(IdNumberProblem::Character('X'));
    }
    let birth =
        NaiveDate::parse_from_str(&id[6..14], "%Y%m%d").map_err(|_| IdNumberProblem::BirthDate)?;
    if birth.year() < 1900 || birth > today {
        return Err(IdNumberProblem::BirthDate);
    }
    if check_character(&id[..17]) != id[17..].chars().next() {
        return Err(IdNumberProblem::CheckDigit);
    }
    Ok(birth)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 24).unwrap_or_default()
    }

    fn with_check(body: &str) -> String {
        format!("{body}{}", check_character(body).unwrap_or('?'))
    }

    #[test]
    fn the_standard_example_passes() {
        assert_eq!(
            check_id_number("11010519491231002X", today()),
            NaiveDate::from_ymd_opt(1949, 12, 31).ok_or(IdNumberProblem::BirthDate)
        );
    }

    /// The two copies this replaced disagreed: the sync check took any year 1900–2099, so a
    /// birth date after today passed there and failed at import. A number whose birth date is
    /// still to come is no one's number.
    #[test]
    fn a_birth_date_after_today_is_refused() {
        let tomorrow = with_check("36098220261125123");
        let today_born = with_check("36098220261124123");
        let next_century = with_check("36098220990101123");
        assert_eq!(check_id_number(&today_born, today()).map(|_| ()), Ok(()));
        assert_eq!(
            check_id_number(&tomorrow, today()),
            Err(IdNumberProblem::BirthDate)
        );
        assert_eq!(
            check_id_number(&next_century, today()),
            Err(IdNumberProblem::BirthDate)
        );
    }

    #[test]
    fn impossible_dates_lengths_characters_and_check_digits() {
        for body in ["36098219900231123", "36098218990101123"] {
            assert_eq!(
                check_id_number(&with_check(body), today()),
                Err(IdNumberProblem::BirthDate),
                "{body}"
            );
        }
        assert_eq!(
            check_id_number("3609821990", today()),
            Err(IdNumberProblem::Length(10))
        );
        assert_eq!(
            check_id_number("36098219900101123A", today()),
            Err(IdNumberProblem::Character('A'))
        );
        assert_eq!(
            check_id_number("3609821990010112X3", today()),
            Err(IdNumberProblem::Character('X'))
        );
        let mut wrong = with_check("36098219900101123").into_bytes();
        wrong[16] = if wrong[16] == b'9' {
            b'8'
        } else {
            wrong[16] + 1
        };
        assert_eq!(
            check_id_number(&String::from_utf8_lossy(&wrong), today()),
            Err(IdNumberProblem::CheckDigit)
        );
    }

    #[test]
    fn full_width_digits_fold_and_nothing_else_does() {
        let folded: String = "０１２３４５６７８９ａ1．"
            .chars()
            .map(fold_digit)
            .collect();
        assert_eq!(folded, "0123456789ａ1．");
    }
}
