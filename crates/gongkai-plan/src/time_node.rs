//! The 时间节点 of a task, as offices write it, read into due dates of the plan's year.
//!
//! Accepted (full-width digits and Chinese numerals alike, "前/之前/以前/内/完成" after a
//! node ignored): a date (`2021年7月16日`, `7月16日`, `2021-07-16`, `2021/7/16`, `2021.7.16`),
//! a month (`10月`, `10月底`, `十月份`, `6月上旬/中旬/下旬`), a quarter (`第三季度`,
//! `三季度末`), a half year (`上半年`, `下半年`), the year's end (`年底`, `年内`), something
//! done all year (`全年`, `长期`, `持续`, `常态化`, `每年`), and recurring nodes (`每月`,
//! `每季度`; `每半年` is the two half-year ends as milestones). Several single nodes joined by
//! `、，,；;和及` are milestones; a span (`5月至6月`, `3月到6月底`) is due at its end. A node relative to an event
//! ("印发后20日内") names no day and is refused, saying so.

use chrono::{Datelike, NaiveDate};
use thiserror::Error;

/// When a task is due.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Schedule {
    /// One or more deadlines (milestones), in order; the last is the task's end.
    By(Vec<NaiveDate>),
    /// Something to show every month, by the month's last day (每月).
    Monthly,
    /// Every quarter, by the quarter's last day (每季度).
    Quarterly,
    /// Done all year long (全年), by the year's last day.
    YearRound,
}

/// Why a 时间节点 could not be read. The message is for the clerk.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum TimeNodeError {
    #[error("时间节点为空")]
    Empty,
    #[error(
        "无法识别时间节点“{0}”：请写成日期（如 2021年10月31日）、月份（如 10月底前）、季度（如 第三季度）、上半年/下半年、全年、每月或每季度"
    )]
    Unknown(String),
    #[error("时间节点“{node}”是相对某件事的期限，不是日期：请写成具体日期或月份")]
    Relative { node: String },
    #[error("时间节点“{node}”中的日期不存在")]
    NoSuchDate { node: String },
    #[error("时间节点“{node}”落在 {found} 年，不在 {year} 年的计划内（最晚到次年）")]
    OtherYear { node: String, found: i32, year: i32 },
}

impl Schedule {
    /// Reads `node` as written in a plan for `year`. A node naming a year must name `year` or
    /// the next one (year-end reviews are often due in the next year's first quarter).
    pub fn parse(node: &str, year: i32) -> Result<Schedule, TimeNodeError> {
        let text = normalize(node);
        if text.is_empty() {
            return Err(TimeNodeError::Empty);
        }
        let unknown = || TimeNodeError::Unknown(node.trim().to_owned());
        if let Some(recurring) = recurring(&text) {
            return Ok(recurring);
        }
        if is_year_round(&text) {
            return Ok(Schedule::YearRound);
        }
        if ["每半年", "每个半年", "半年一次"]
            .iter()
            .any(|w| text.starts_with(w))
        {
            let halves = [(6, 30), (12, 31)].map(|(m, d)| NaiveDate::from_ymd_opt(year, m, d));
            return Ok(Schedule::By(halves.into_iter().flatten().collect()));
        }
        // A span is due when it ends: "5月至6月" is "6月".
        let text = match text.rsplit_once(['至', '到', '~', '～']) {
            Some((_, end)) if !end.trim().is_empty() => end.trim().to_owned(),
            _ => text,
        };
        if ["后", "起"].iter().any(|w| text.contains(w)) && text.chars().any(is_digit_like) {
            return Err(TimeNodeError::Relative {
                node: node.trim().to_owned(),
            });
        }
        let mut dates = Vec::new();
        for part in text
            .split(['、', '，', ',', '；', ';', '和', '及'])
            .map(strip_suffixes)
            .filter(|p| !p.is_empty())
        {
            let date = single(part, year, node)?.ok_or_else(unknown)?;
            if !(year..=year + 1).contains(&date.year()) {
                return Err(TimeNodeError::OtherYear {
                    node: node.trim().to_owned(),
                    found: date.year(),
                    year,
                });
            }
            dates.push(date);
        }
        if dates.is_empty() {
            return Err(unknown());
        }
        dates.sort_unstable();
        dates.dedup();
        Ok(Schedule::By(dates))
    }

    /// The task's last due date in a plan for `year`.
    pub fn final_due(&self, year: i32) -> NaiveDate {
        match self {
            Schedule::By(dates) => dates.last().copied().unwrap_or_else(|| year_end(year)),
            Schedule::Monthly | Schedule::Quarterly | Schedule::YearRound => year_end(year),
        }
    }
}

fn year_end(year: i32) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, 12, 31).unwrap_or(NaiveDate::MAX)
}

/// The last day of `month` of `year`.
pub(crate) fn month_end(year: i32, month: u32) -> Option<NaiveDate> {
    let first_of_next = if month == 12 {
        NaiveDate::from_ymd_opt(year + 1, 1, 1)
    } else {
        NaiveDate::from_ymd_opt(year, month + 1, 1)
    }?;
    first_of_next.pred_opt()
}

fn is_digit_like(c: char) -> bool {
    c.is_ascii_digit() || CHINESE_DIGITS.contains(&c)
}

const CHINESE_DIGITS: [char; 11] = [
    '〇', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十',
];

/// Full-width digits folded, line breaks made 、, other spaces of every kind one ASCII space,
/// brackets dropped.
fn normalize(node: &str) -> String {
    let folded: String = node
        .chars()
        .map(gongkai_domain::fold_digit)
        .map(|c| match c {
            '－' | '—' | '–' => '-',
            '／' => '/',
            '．' => '.',
            // Milestones typed on lines of their own (paragraphs of a Word cell).
            '\n' | '\r' => '、',
            c if c.is_whitespace() => ' ',
            c => c,
        })
        .filter(|c| !matches!(c, '（' | '）' | '(' | ')' | '。'))
        .collect();
    folded.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// "10月底前" → "10月底": what may follow a node without changing its day.
fn strip_suffixes(part: &str) -> &str {
    let mut part = part.trim();
    loop {
        let before = part;
        for suffix in ["之前", "以前", "前", "内", "完成", "止", "为止", "截止"] {
            part = part.strip_suffix(suffix).unwrap_or(part);
        }
        for prefix in ["截至", "截止", "于", "在"] {
            part = part.strip_prefix(prefix).unwrap_or(part);
        }
        if part == before {
            return part;
        }
    }
}

fn recurring(text: &str) -> Option<Schedule> {
    let compact: String = text.chars().filter(|c| *c != ' ').collect();
    let is = |words: &[&str]| words.iter().any(|w| compact.starts_with(w));
    if is(&["每月", "按月", "逐月", "每个月"]) {
        Some(Schedule::Monthly)
    } else if is(&["每季度", "每季", "按季度", "按季", "每个季度"]) {
        Some(Schedule::Quarterly)
    } else {
        None
    }
}

fn is_year_round(text: &str) -> bool {
    let compact: String = text.chars().filter(|c| *c != ' ').collect();
    [
        "全年",
        "长期",
        "持续",
        "常态化",
        "常年",
        "日常",
        "全年度",
        "贯穿全年",
        "每年",
    ]
    .iter()
    .any(|w| compact.starts_with(w))
}

/// A number written in ASCII digits or Chinese numerals up to 31 (一, 十, 十二, 二十三, 三十一).
fn number(text: &str) -> Option<u32> {
    if !text.is_empty() && text.chars().all(|c| c.is_ascii_digit()) {
        return text.parse().ok();
    }
    let digit = |c: char| {
        CHINESE_DIGITS
            .iter()
            .position(|d| *d == c)
            .map(|p| p as u32)
    };
    let chars: Vec<char> = text.chars().collect();
    match chars.as_slice() {
        [c] if *c == '十' => Some(10),
        [c] => digit(*c).filter(|d| *d < 10),
        ['十', one] => digit(*one).map(|d| 10 + d),
        [tens, '十'] => digit(*tens).map(|d| d * 10),
        [tens, '十', one] => Some(digit(*tens)? * 10 + digit(*one)?),
        _ => None,
    }
}

/// Splits "2021年10月底" into its leading number and the rest, if it starts with one.
fn leading_number(text: &str) -> Option<(u32, &str)> {
    let end = text
        .char_indices()
        .find(|(_, c)| !is_digit_like(*c))
        .map_or(text.len(), |(i, _)| i);
    if end == 0 {
        return None;
    }
    Some((number(&text[..end])?, &text[end..]))
}

/// One node naming one day; `Ok(None)` when it is not a form this module knows.
fn single(part: &str, year: i32, node: &str) -> Result<Option<NaiveDate>, TimeNodeError> {
    let no_such = || TimeNodeError::NoSuchDate {
        node: node.trim().to_owned(),
    };
    let part = part.trim_start_matches('第');
    if let Some(date) = numeric_date(part) {
        return date.map(Some).ok_or_else(no_such);
    }
    match part {
        "上半年" | "年中" => return Ok(NaiveDate::from_ymd_opt(year, 6, 30)),
        "下半年" | "年底" | "年末" | "年" | "年度" | "本年" | "本年度" | "当年" | "年终" =>
        {
            return Ok(NaiveDate::from_ymd_opt(year, 12, 31));
        }
        _ => {}
    }
    // An explicit year: "2022年一季度", "2021年10月底".
    let (in_year, rest) = match leading_number(part) {
        Some((y, rest)) if y >= 1000 => match rest.strip_prefix('年') {
            Some(rest) => (y as i32, rest),
            None => return Ok(None),
        },
        _ => (year, part),
    };
    let rest = rest.trim_start_matches('第');
    if rest.is_empty() || matches!(rest, "底" | "末" | "年底" | "年末") {
        return Ok(NaiveDate::from_ymd_opt(in_year, 12, 31));
    }
    if let Some(quarter) = rest
        .strip_suffix("季度末")
        .or_else(|| rest.strip_suffix("季度底"))
        .or_else(|| rest.strip_suffix("季度"))
        .or_else(|| rest.strip_suffix("季末"))
    {
        return match number(quarter) {
            Some(q @ 1..=4) => month_end(in_year, q * 3).map(Some).ok_or_else(no_such),
            _ => Ok(None),
        };
    }
    let Some((month, after_month)) = leading_number(rest) else {
        return Ok(None);
    };
    let Some(after_month) = after_month.strip_prefix('月') else {
        return Ok(None);
    };
    if !(1..=12).contains(&month) {
        return Err(no_such());
    }
    let day = match after_month {
        "" | "底" | "末" | "份" | "下旬" | "月底" => None,
        "上旬" => Some(10),
        "中旬" | "中" => Some(20),
        other => match leading_number(other) {
            Some((d, "日" | "号" | "")) => Some(d),
            _ => return Ok(None),
        },
    };
    match day {
        Some(d) => NaiveDate::from_ymd_opt(in_year, month, d)
            .map(Some)
            .ok_or_else(no_such),
        None => month_end(in_year, month).map(Some).ok_or_else(no_such),
    }
}

/// `2021-07-16`, `2021/7/16`, `2021.7.16`, an Excel date shown as `2021-07-16 00:00:00`, and
/// `2021年7月16日`: `None` when `part` is not such a date, `Some(None)` when the day does not
/// exist.
fn numeric_date(part: &str) -> Option<Option<NaiveDate>> {
    let head = part.split(' ').next().unwrap_or(part);
    for sep in ['-', '/', '.'] {
        let pieces: Vec<&str> = head.split(sep).collect();
        if let [y, m, d] = pieces.as_slice()
            && y.len() == 4
            && [y, m, d]
                .iter()
                .all(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_digit()))
        {
            let (y, m, d) = (y.parse().ok()?, m.parse().ok()?, d.parse().ok()?);
            return Some(NaiveDate::from_ymd_opt(y, m, d));
        }
    }
    let (y, rest) = leading_number(part)?;
    let rest = rest.strip_prefix('年')?;
    let (m, rest) = leading_number(rest)?;
    let rest = rest.strip_prefix('月')?;
    let (d, rest) = leading_number(rest)?;
    if !matches!(rest, "日" | "号") || y < 1000 {
        return None;
    }
    Some(NaiveDate::from_ymd_opt(y as i32, m, d))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap_or(NaiveDate::MIN)
    }

    fn by(dates: &[NaiveDate]) -> Schedule {
        Schedule::By(dates.to_vec())
    }

    /// Every 时间节点 of seed 000's table, and the other forms township plans use.
    #[test]
    fn time_nodes_read_into_due_dates() {
        let table: &[(&str, Schedule)] = &[
            ("全年", Schedule::YearRound),
            ("10月底前", by(&[day(2021, 10, 31)])),
            ("9月底前", by(&[day(2021, 9, 30)])),
            ("上半年", by(&[day(2021, 6, 30)])),
            ("7月底前", by(&[day(2021, 7, 31)])),
            ("6月底前", by(&[day(2021, 6, 30)])),
            ("2月底前", by(&[day(2021, 2, 28)])),
            ("十月份", by(&[day(2021, 10, 31)])),
            ("１１月", by(&[day(2021, 11, 30)])),
            ("12月", by(&[day(2021, 12, 31)])),
            ("3月中旬", by(&[day(2021, 3, 20)])),
            ("3月上旬前", by(&[day(2021, 3, 10)])),
            ("2021年7月16日", by(&[day(2021, 7, 16)])),
            ("7月16日前", by(&[day(2021, 7, 16)])),
            ("2021-07-16", by(&[day(2021, 7, 16)])),
            ("2021/7/16", by(&[day(2021, 7, 16)])),
            ("2021.7.16", by(&[day(2021, 7, 16)])),
            ("2021-07-16 00:00:00", by(&[day(2021, 7, 16)])),
            ("第三季度", by(&[day(2021, 9, 30)])),
            ("三季度末", by(&[day(2021, 9, 30)])),
            ("第4季度", by(&[day(2021, 12, 31)])),
            ("2022年第一季度", by(&[day(2022, 3, 31)])),
            ("下半年", by(&[day(2021, 12, 31)])),
            ("年底前", by(&[day(2021, 12, 31)])),
            ("年内", by(&[day(2021, 12, 31)])),
            ("2021年底", by(&[day(2021, 12, 31)])),
            ("2021年10月底前", by(&[day(2021, 10, 31)])),
            (
                "6月底前、12月底前",
                by(&[day(2021, 6, 30), day(2021, 12, 31)]),
            ),
            (
                "12月底前，6月底前",
                by(&[day(2021, 6, 30), day(2021, 12, 31)]),
            ),
            ("每月", Schedule::Monthly),
            ("每月10日前", Schedule::Monthly),
            ("每季度", Schedule::Quarterly),
            ("按季度", Schedule::Quarterly),
            ("长期", Schedule::YearRound),
            ("持续推进", Schedule::YearRound),
            ("常态化", Schedule::YearRound),
            ("每年", Schedule::YearRound),
            (
                "6月底前\n12月底前",
                by(&[day(2021, 6, 30), day(2021, 12, 31)]),
            ),
            ("每半年", by(&[day(2021, 6, 30), day(2021, 12, 31)])),
            ("5月至6月", by(&[day(2021, 6, 30)])),
            ("2021年3月到6月底前", by(&[day(2021, 6, 30)])),
            (" （10月底前） ", by(&[day(2021, 10, 31)])),
        ];
        for (node, expected) in table {
            assert_eq!(
                Schedule::parse(node, 2021).as_ref(),
                Ok(expected),
                "时间节点 {node:?}"
            );
        }
    }

    #[test]
    fn nodes_without_a_day_are_refused_saying_why() {
        assert_eq!(Schedule::parse("  ", 2021), Err(TimeNodeError::Empty));
        assert!(matches!(
            Schedule::parse("本工作要点印发后20日内", 2021),
            Err(TimeNodeError::Relative { .. })
        ));
        assert!(matches!(
            Schedule::parse("尽快", 2021),
            Err(TimeNodeError::Unknown(_))
        ));
        assert!(matches!(
            Schedule::parse("13月底前", 2021),
            Err(TimeNodeError::NoSuchDate { .. })
        ));
        assert!(matches!(
            Schedule::parse("2021年2月30日", 2021),
            Err(TimeNodeError::NoSuchDate { .. })
        ));
        assert!(matches!(
            Schedule::parse("第五季度", 2021),
            Err(TimeNodeError::Unknown(_))
        ));
        assert_eq!(
            Schedule::parse("2019年10月底前", 2021),
            Err(TimeNodeError::OtherYear {
                node: "2019年10月底前".into(),
                found: 2019,
                year: 2021
            })
        );
        let message = Schedule::parse("尽快", 2021)
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        assert!(
            message.contains("尽快") && message.contains("10月底前"),
            "{message}"
        );
    }

    #[test]
    fn the_final_due_date_is_the_last_milestone_or_the_year_end() {
        let two = Schedule::parse("6月底前、9月底前", 2021).unwrap_or(Schedule::YearRound);
        assert_eq!(two.final_due(2021), day(2021, 9, 30));
        assert_eq!(Schedule::Monthly.final_due(2021), day(2021, 12, 31));
        assert_eq!(Schedule::YearRound.final_due(2024), day(2024, 12, 31));
    }
}
