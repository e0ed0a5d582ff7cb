//! Messages shown to the clerk, written to `--json` and to the exported error file echo what a
//! cell held. A cell can hold an ID or an account number in the wrong column (the 村名 column of
//! a shifted sheet, an amount that is really an ID), so every long run of digits in a message is
//! masked before it leaves the validator, whatever the message is about.

use gongkai_domain::fold_digit;

use crate::MaskRules;

/// Fewer digits than a mobile number are left as they are: amounts (at most nine digits before
/// the point), row numbers, dates and years.
const SHORTEST_MASKED: usize = 11;

/// `message` with every run of 11 or more digits masked. Digits may be full-width and their
/// groups joined by any run of separators (`3609 8219 9001 0112 34`, `3609\u{a0}8219`,
/// `6217 – 0012`); a trailing X of an ID counts.
pub fn scrub(message: &str) -> String {
    let chars: Vec<char> = message.chars().collect();
    let mut out = String::with_capacity(message.len());
    let mut i = 0;
    while i < chars.len() {
        if !fold_digit(chars[i]).is_ascii_digit() {
            out.push(chars[i]);
            i += 1;
            continue;
        }
        // The run: digits, single separators between digits, an X right after the digits.
        let mut digits = String::new();
        let mut end = i;
        let mut j = i;
        while j < chars.len() {
            let c = fold_digit(chars[j]);
            if c.is_ascii_digit() {
                digits.push(c);
                j += 1;
                end = j;
            } else if let Some(next) = (j..chars.len())
                .find(|&k| !is_separator(chars[k]))
                .filter(|&k| k > j && fold_digit(chars[k]).is_ascii_digit())
            {
                j = next;
            } else {
                if matches!(c, 'X' | 'x') {
                    digits.push('X');
                    end = j + 1;
                }
                break;
            }
        }
        if digits.len() >= SHORTEST_MASKED {
            let rules = MaskRules::default();
            out.push_str(&if (17..=18).contains(&digits.len()) {
                rules.mask_id(&digits)
            } else {
                rules.mask_bank(&digits)
            });
        } else {
            out.extend(&chars[i..end]);
        }
        i = end;
    }
    out
}

/// What may stand between the digit groups of one number: spaces of every kind (NBSP, U+3000,
/// the U+2000 block), invisible joiners and hyphens and dashes of every kind, any number of them
/// in a row. The same rule as the sync check's (`gongkai_sync::check`), so a number masked on the
/// wire is masked in a message too.
fn is_separator(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{2060}' | '\u{feff}' | '-' | '\u{2010}'
                ..='\u{2015}' | '\u{2212}' | '\u{fe58}' | '\u{fe63}' | '\u{ff0d}'
        )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_runs_are_masked_wherever_they_stand() {
        assert_eq!(
            scrub("“360982199001011234”不是本镇（街道）的村（社区）"),
            "“36*************234”不是本镇（街道）的村（社区）"
        );
        assert_eq!(
            scrub("金额“36098219900101123X”过大"),
            "金额“36*************23X”过大"
        );
        assert_eq!(
            scrub("账号 6217 0012 3456 7890 123"),
            "账号 ***************0123"
        );
        assert_eq!(
            scrub("３６０９８２１９９００１０１１２３４"),
            "36*************234"
        );
        // Grouped as people type them: a no-break space, a zero-width space, a spaced dash.
        assert_eq!(
            scrub("村名“3609\u{a0}8219\u{a0}9001\u{a0}0112\u{a0}34”"),
            "村名“36*************234”"
        );
        assert_eq!(
            scrub("姓名“3609\u{200b}8219\u{200b}9001\u{200b}0112\u{200b}34”"),
            "姓名“36*************234”"
        );
        assert_eq!(
            scrub("金额“6217 – 0012 – 3456 – 7890 – 123”"),
            "金额“***************0123”"
        );
        // A phone number in a cell is a person's too.
        assert_eq!(scrub("电话 13912345678"), "电话 *******5678");
    }

    #[test]
    fn what_is_not_personal_is_left_alone() {
        for text in [
            "合计行金额 100000000.00 元与上面各行金额之和 99999999.99 元不一致",
            "第 65536 行",
            "2026-11-24",
            "赣财农〔2025〕12号",
        ] {
            assert_eq!(scrub(text), text);
        }
    }
}
