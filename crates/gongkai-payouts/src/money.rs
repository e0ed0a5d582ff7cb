//! Money and quantities as integers, parsed from the text a cell shows. No floating point.

use std::fmt;

use gongkai_sheets::Cell;

/// An amount of money in fen (分), the smallest unit on a payout.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Fen(pub i64);

impl fmt::Display for Fen {
    /// `1234.50` style, as printed on notices.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sign = if self.0 < 0 { "-" } else { "" };
        let abs = self.0.unsigned_abs();
        write!(f, "{sign}{}.{:02}", abs / 100, abs % 100)
    }
}

impl std::iter::Sum for Fen {
    fn sum<I: Iterator<Item = Fen>>(iter: I) -> Fen {
        Fen(iter.map(|f| f.0).sum())
    }
}

/// A non-money quantity (area in 亩, head count, …) in ten-thousandths.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Quantity(pub i64);

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AmountProblem {
    Empty,
    NotANumber(String),
    TooManyDecimals(String),
    NotPositive(String),
    TooLarge(String),
}

impl AmountProblem {
    pub fn code(&self) -> &'static str {
        match self {
            AmountProblem::Empty => "amount_missing",
            AmountProblem::NotANumber(_) => "amount_not_number",
            AmountProblem::TooManyDecimals(_) => "amount_decimals",
            AmountProblem::NotPositive(_) => "amount_not_positive",
            AmountProblem::TooLarge(_) => "amount_too_large",
        }
    }

    pub fn message(&self, what: &str) -> String {
        match self {
            AmountProblem::Empty => format!("{what}为空"),
            AmountProblem::NotANumber(v) => format!("{what}“{v}”不是数字"),
            AmountProblem::TooManyDecimals(v) => {
                format!("{what}“{v}”超过两位小数（金额只能精确到分）")
            }
            AmountProblem::NotPositive(v) => format!("{what}“{v}”应大于零"),
            AmountProblem::TooLarge(v) => format!("{what}“{v}”过大，请核对是否多录了数字"),
        }
    }
}

impl Fen {
    /// No single payout to one person reaches 1 亿元; a larger figure is a typing error, and the
    /// bound keeps every sum of a list far from overflowing.
    pub const MAX: Fen = Fen(10_000_000_000);

    /// Reads an amount in 元 from a cell: `1,234.5`, `￥88`, `100元`, full-width digits.
    pub fn from_cell(cell: &Cell) -> Result<Fen, AmountProblem> {
        let (units, scale) = decimal(cell, 2)?;
        let fen = units
            .checked_mul(10_i64.pow(2 - scale))
            .filter(|f| f.abs() <= Self::MAX.0)
            .ok_or_else(|| AmountProblem::TooLarge(cell.display_text()))?;
        if fen <= 0 {
            return Err(AmountProblem::NotPositive(cell.display_text()));
        }
        Ok(Fen(fen))
    }
}

impl Quantity {
    pub fn from_cell(cell: &Cell) -> Result<Quantity, AmountProblem> {
        let (units, scale) = decimal(cell, 4)?;
        units
            .checked_mul(10_i64.pow(4 - scale))
            .filter(|q| q.abs() <= 1_000_000_000_000_000)
            .map(Quantity)
            .ok_or_else(|| AmountProblem::TooLarge(cell.display_text()))
    }

    /// `area × rate`, where the rate is money per unit in ten-thousandths of a yuan, rounded
    /// half up to the fen.
    pub fn times_rate(self, rate: Quantity) -> Option<Fen> {
        // ten-thousandths × ten-thousandths of a yuan = 1e-8 yuan; a fen is 1e-2 yuan.
        let product = i128::from(self.0).checked_mul(i128::from(rate.0))?;
        let fen = (product + 500_000) / 1_000_000;
        i64::try_from(fen).ok().map(Fen)
    }
}

/// The cell as an integer count of 10^-scale units, with at most `max_scale` decimals.
/// Returns (units, scale used).
fn decimal(cell: &Cell, max_scale: u32) -> Result<(i64, u32), AmountProblem> {
    let shown = cell.shown();
    let mut text: String = shown
        .chars()
        .filter(|c| !matches!(c, ',' | '，' | ' ' | '¥' | '￥' | '元' | '\u{3000}'))
        .map(|c| match gongkai_domain::fold_digit(c) {
            '．' => '.',
            other => other,
        })
        .collect();
    if text.is_empty() {
        return Err(AmountProblem::Empty);
    }
    if let Cell::Number(_) = cell {
        text = strip_float_noise(&text, max_scale);
    }
    let negative = text.starts_with('-');
    let digits = text.trim_start_matches(['-', '+']);
    let (whole, fraction) = digits.split_once('.').unwrap_or((digits, ""));
    let valid = !whole.is_empty()
        && whole.chars().all(|c| c.is_ascii_digit())
        && fraction.chars().all(|c| c.is_ascii_digit());
    if !valid {
        return Err(AmountProblem::NotANumber(shown.into_owned()));
    }
    let fraction = fraction.trim_end_matches('0');
    let scale = u32::try_from(fraction.len()).unwrap_or(u32::MAX);
    if scale > max_scale {
        return Err(AmountProblem::TooManyDecimals(shown.into_owned()));
    }
    // The digits of whole and fraction as one integer, checked for overflow.
    let units = whole
        .bytes()
        .chain(fraction.bytes())
        .try_fold(0i64, |n, d| {
            n.checked_mul(10)?.checked_add(i64::from(d - b'0'))
        })
        .ok_or_else(|| AmountProblem::TooLarge(shown.into_owned()))?;
    Ok((if negative { -units } else { units }, scale))
}

/// Spreadsheet formulas leave binary-float noise such as `123.45000000000002` or
/// `88.29999999999998`. When the digits past `scale` are such a run (eight or more 0s or 9s),
/// the decimal text is rounded at `scale` by digit arithmetic; anything else is left for the
/// decimals check to refuse.
fn strip_float_noise(text: &str, scale: u32) -> String {
    let Some((whole, fraction)) = text.split_once('.') else {
        return text.to_owned();
    };
    let scale = scale as usize;
    if fraction.len() <= scale || text.contains(['e', 'E']) {
        return text.to_owned();
    }
    let tail = &fraction[scale..];
    let run = |d: char| tail.chars().take_while(|c| *c == d).count() >= 8;
    if run('0') {
        return format!("{whole}.{}", &fraction[..scale]);
    }
    if run('9') {
        // Round up the kept digits: add one unit at `scale` as integer arithmetic on the text.
        let kept = format!("{whole}{}", &fraction[..scale]);
        let negative = kept.starts_with('-');
        let Ok(n) = kept.trim_start_matches('-').parse::<i128>() else {
            return text.to_owned();
        };
        let up = (n + 1).to_string();
        let (w, f) = up.split_at(up.len().saturating_sub(scale));
        let w = if w.is_empty() { "0" } else { w };
        return format!("{}{w}.{f:0>scale$}", if negative { "-" } else { "" });
    }
    text.to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(s: &str) -> Cell {
        Cell::Text(s.into())
    }

    #[test]
    fn amounts_in_fen() {
        assert_eq!(Fen::from_cell(&text("1,234.5")), Ok(Fen(123_450)));
        assert_eq!(Fen::from_cell(&text("￥88")), Ok(Fen(8_800)));
        assert_eq!(Fen::from_cell(&text("１００．０１元")), Ok(Fen(10_001)));
        assert_eq!(Fen::from_cell(&Cell::Integer(120)), Ok(Fen(12_000)));
        assert_eq!(Fen::from_cell(&Cell::Number(1234.56)), Ok(Fen(123_456)));
    }

    #[test]
    fn refusals() {
        assert_eq!(
            Fen::from_cell(&text("12.345")).unwrap_err().code(),
            "amount_decimals"
        );
        assert_eq!(
            Fen::from_cell(&text("0")).unwrap_err().code(),
            "amount_not_positive"
        );
        assert_eq!(
            Fen::from_cell(&text("-5")).unwrap_err().code(),
            "amount_not_positive"
        );
        assert_eq!(
            Fen::from_cell(&text("一百")).unwrap_err().code(),
            "amount_not_number"
        );
        assert_eq!(
            Fen::from_cell(&Cell::Empty).unwrap_err().code(),
            "amount_missing"
        );
    }

    #[test]
    fn absurd_amounts_are_refused_not_overflowed() {
        assert_eq!(
            Fen::from_cell(&text("100000000.01")).unwrap_err().code(),
            "amount_too_large"
        );
        assert_eq!(
            Fen::from_cell(&Cell::Number(9.2e18)).unwrap_err().code(),
            "amount_too_large"
        );
        assert_eq!(
            Fen::from_cell(&text("99999999999999999999"))
                .unwrap_err()
                .code(),
            "amount_too_large"
        );
        assert_eq!(Fen::from_cell(&text("100000000")), Ok(Fen(10_000_000_000)));
    }

    #[test]
    fn formula_float_noise_is_rounded_but_real_decimals_are_not() {
        assert_eq!(
            Fen::from_cell(&Cell::Number(123.45000000000002)),
            Ok(Fen(12_345))
        );
        assert_eq!(
            Fen::from_cell(&Cell::Number(88.29999999999998)),
            Ok(Fen(8_830))
        );
        assert_eq!(Fen::from_cell(&Cell::Number(0.999999999999)), Ok(Fen(100)));
        assert_eq!(
            Fen::from_cell(&Cell::Number(12.345)).unwrap_err().code(),
            "amount_decimals"
        );
    }

    #[test]
    fn area_times_rate() {
        let area = Quantity::from_cell(&text("12.35")).unwrap();
        let rate = Quantity::from_cell(&text("104.5")).unwrap();
        // 12.35 × 104.5 = 1290.575 → 1290.58
        assert_eq!(area.times_rate(rate), Some(Fen(129_058)));
    }

    #[test]
    fn display() {
        assert_eq!(Fen(123_405).to_string(), "1234.05");
        assert_eq!(Fen(5).to_string(), "0.05");
    }
}
