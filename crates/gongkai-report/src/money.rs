//! 表二's fee column is in 万元 and may be a decimal; amounts are kept in fen and written out
//! exactly, never through a float.

/// Fen as 万元, the decimals the amount needs and no more (`1234500` fen → `1.2345`).
pub fn wan_yuan(fen: i64) -> String {
    const FEN_PER_WAN: i64 = 1_000_000;
    let sign = if fen < 0 { "-" } else { "" };
    let fen = fen.unsigned_abs();
    let whole = fen / FEN_PER_WAN.unsigned_abs();
    let fraction = fen % FEN_PER_WAN.unsigned_abs();
    if fraction == 0 {
        return format!("{sign}{whole}");
    }
    let digits = format!("{fraction:06}");
    format!("{sign}{whole}.{}", digits.trim_end_matches('0'))
}

/// Fen as 元 with two decimals (section 六 states fees in 元).
pub(crate) fn yuan(fen: i64) -> String {
    let sign = if fen < 0 { "-" } else { "" };
    let fen = fen.unsigned_abs();
    format!("{sign}{}.{:02}", fen / 100, fen % 100)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wan_yuan_is_exact() {
        assert_eq!(wan_yuan(0), "0");
        assert_eq!(wan_yuan(1_000_000), "1");
        assert_eq!(wan_yuan(1_234_500), "1.2345");
        assert_eq!(wan_yuan(1), "0.000001");
        assert_eq!(wan_yuan(-350_000), "-0.35");
        assert_eq!(yuan(12_345), "123.45");
    }
}

/// Exact fen of a decimal amount in a unit of `fen_per_unit` fen (元: 100, 万元: 1,000,000);
/// `None` for text that is not a plain non-negative decimal within the unit's precision.
fn parse_in(text: &str, fen_per_unit: i64, decimals: usize) -> Option<i64> {
    let text = text.trim();
    let (whole, fraction) = text.split_once('.').unwrap_or((text, ""));
    let digits = |s: &str| s.chars().all(|c| c.is_ascii_digit());
    if whole.is_empty() || !digits(whole) || !digits(fraction) || fraction.len() > decimals {
        return None;
    }
    let whole: i64 = whole.parse().ok()?;
    let padded = format!("{fraction:0<decimals$}");
    let fraction: i64 = if decimals == 0 {
        0
    } else {
        padded.parse().ok()?
    };
    whole.checked_mul(fen_per_unit)?.checked_add(fraction)
}

/// 万元 as typed (`1.2345`) to fen, exactly; at most six decimals (one fen).
pub fn parse_wan_yuan(text: &str) -> Option<i64> {
    parse_in(text, 1_000_000, 6)
}

/// 元 as typed (`120.5`) to fen, exactly; at most two decimals.
pub fn parse_yuan(text: &str) -> Option<i64> {
    parse_in(text, 100, 2)
}

#[cfg(test)]
mod parse_tests {
    use super::*;

    #[test]
    fn amounts_parse_exactly_or_not_at_all() {
        assert_eq!(parse_wan_yuan("1.2345"), Some(1_234_500));
        assert_eq!(parse_wan_yuan("0"), Some(0));
        assert_eq!(parse_wan_yuan("0.0000001"), None);
        assert_eq!(parse_wan_yuan("-1"), None);
        assert_eq!(parse_wan_yuan("1,2"), None);
        assert_eq!(parse_yuan("120.5"), Some(12_050));
        assert_eq!(parse_yuan("120.505"), None);
        assert_eq!(parse_yuan(".5"), None);
    }
}
