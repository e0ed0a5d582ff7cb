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
