//! Cadence periods (2026-11, 2026-Q4, 2026-H2) and when a zone's sheet for one falls due.
//!
//! A monthly, quarterly or half-yearly zone's sheet for a period is due on day `due_day` of the
//! month after the period ends (财务: the 15th of next month; 村务: the 15th of the quarter's
//! first month), clamped to that month's length (a 31 in February is the 28th or 29th). A 随时
//! zone's sheet is due N days after the matter, in calendar days or in working days on the
//! official calendar. Every due date carries how it was reached, for "explain this date".

use std::fmt;
use std::str::FromStr;

use chrono::{Datelike, Days, NaiveDate};
use gongkai_calendar::{Calendar, Explanation};

use crate::BoardError;

/// How long a period is: the cadences that have periods (每月 / 每季度 / 每半年).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PeriodKind {
    Month,
    Quarter,
    Half,
}

impl PeriodKind {
    fn months(self) -> u32 {
        match self {
            PeriodKind::Month => 1,
            PeriodKind::Quarter => 3,
            PeriodKind::Half => 6,
        }
    }
}

/// One period of a cadence. Ordered by time within one kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Period {
    year: i32,
    /// The first month of the period (1, 4, 7, 10 for quarters; 1, 7 for halves).
    first_month: u32,
    kind_months: u32,
}

impl Period {
    /// The period of `kind` that contains `date`.
    pub fn containing(kind: PeriodKind, date: NaiveDate) -> Period {
        let months = kind.months();
        Period {
            year: date.year(),
            first_month: (date.month0() / months) * months + 1,
            kind_months: months,
        }
    }

    pub fn kind(self) -> PeriodKind {
        match self.kind_months {
            1 => PeriodKind::Month,
            3 => PeriodKind::Quarter,
            _ => PeriodKind::Half,
        }
    }

    pub fn year(self) -> i32 {
        self.year
    }

    pub fn first_day(self) -> NaiveDate {
        first_of_month(self.year, self.first_month)
    }

    pub fn last_day(self) -> NaiveDate {
        self.next().first_day().pred_opt().unwrap_or(NaiveDate::MAX)
    }

    /// The period right after this one.
    pub fn next(self) -> Period {
        let month = self.first_month + self.kind_months;
        if month > 12 {
            Period {
                year: self.year + 1,
                first_month: month - 12,
                ..self
            }
        } else {
            Period {
                first_month: month,
                ..self
            }
        }
    }

    /// The period right before this one.
    pub fn previous(self) -> Period {
        if self.first_month > self.kind_months {
            Period {
                first_month: self.first_month - self.kind_months,
                ..self
            }
        } else {
            Period {
                year: self.year - 1,
                first_month: self.first_month + 12 - self.kind_months,
                ..self
            }
        }
    }

    /// How the clerk reads it: 2026年11月, 2026年第四季度, 2026年下半年.
    pub fn label(self) -> String {
        match self.kind() {
            PeriodKind::Month => format!("{}年{}月", self.year, self.first_month),
            PeriodKind::Quarter => {
                let q = ["一", "二", "三", "四"][((self.first_month - 1) / 3) as usize];
                format!("{}年第{q}季度", self.year)
            }
            PeriodKind::Half if self.first_month == 1 => format!("{}年上半年", self.year),
            PeriodKind::Half => format!("{}年下半年", self.year),
        }
    }

    /// The sheet of this period is due on day `due_day` of the month after it ends, clamped to
    /// that month's length.
    pub fn due(self, due_day: u32) -> PeriodDue {
        let month = self.next().first_day();
        let length = days_in_month(month.year(), month.month());
        let day = due_day.clamp(1, length);
        PeriodDue {
            period: self,
            due_day,
            due_on: month.with_day(day).unwrap_or(month),
            clamped: day != due_day,
        }
    }
}

impl fmt::Display for Period {
    /// The stored form: 2026-11, 2026-Q4, 2026-H2.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.kind() {
            PeriodKind::Month => write!(f, "{}-{:02}", self.year, self.first_month),
            PeriodKind::Quarter => write!(f, "{}-Q{}", self.year, (self.first_month - 1) / 3 + 1),
            PeriodKind::Half => write!(f, "{}-H{}", self.year, (self.first_month - 1) / 6 + 1),
        }
    }
}

impl FromStr for Period {
    type Err = BoardError;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let bad = || {
            BoardError::Invalid(format!(
                "周期“{text}”无法识别：请写成 2026-11（月）、2026-Q4（季度）或 2026-H2（半年）"
            ))
        };
        let (year, rest) = text.trim().split_once('-').ok_or_else(bad)?;
        let year: i32 = year.parse().map_err(|_| bad())?;
        if !(1900..=9999).contains(&year) || year.to_string().len() != 4 {
            return Err(bad());
        }
        let (kind, index) = if let Some(q) = rest.strip_prefix(['Q', 'q']) {
            (PeriodKind::Quarter, q)
        } else if let Some(h) = rest.strip_prefix(['H', 'h']) {
            (PeriodKind::Half, h)
        } else {
            (PeriodKind::Month, rest)
        };
        if index.is_empty() || !index.bytes().all(|b| b.is_ascii_digit()) {
            return Err(bad());
        }
        let index: u32 = index.parse().map_err(|_| bad())?;
        let months = kind.months();
        if index == 0 || index > 12 / months {
            return Err(bad());
        }
        Ok(Period {
            year,
            first_month: (index - 1) * months + 1,
            kind_months: months,
        })
    }
}

/// A periodic zone's due date and how it was reached.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PeriodDue {
    pub period: Period,
    pub due_day: u32,
    pub due_on: NaiveDate,
    /// The month is shorter than `due_day`: its last day is taken.
    pub clamped: bool,
}

impl PeriodDue {
    /// "2026年11月的公开内容应于次月15日前张贴：2026-12-15".
    pub fn explain(&self) -> String {
        let after = match self.period.kind() {
            PeriodKind::Month => "次月",
            PeriodKind::Quarter => "下季度第一个月",
            PeriodKind::Half => "下半年度第一个月",
        };
        let mut text = format!(
            "{}的公开内容应于{after}{}日前张贴，即 {}",
            self.period.label(),
            self.due_day,
            self.due_on
        );
        if self.clamped {
            text.push_str(&format!(
                "（{}月没有{}日，取该月最后一天）",
                self.due_on.month(),
                self.due_day
            ));
        }
        text
    }
}

/// A 随时 zone's due date: `days` after the matter, calendar or working days.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MatterDue {
    pub matter_on: NaiveDate,
    pub days: u32,
    pub due_on: NaiveDate,
    /// The count in working days, day by day; `None` when counted in calendar days.
    pub working: Option<Explanation>,
}

impl MatterDue {
    /// `days` after `matter_on` (the matter's day not counted): working days on `calendar` when
    /// `in_working_days`, which refuses a year whose holiday notice it does not hold.
    pub fn count(
        calendar: &Calendar,
        matter_on: NaiveDate,
        days: u32,
        in_working_days: bool,
    ) -> Result<MatterDue, BoardError> {
        if in_working_days {
            let explanation = calendar.explain(matter_on, days)?;
            Ok(MatterDue {
                matter_on,
                days,
                due_on: explanation.due,
                working: Some(explanation),
            })
        } else {
            Ok(MatterDue {
                matter_on,
                days,
                due_on: add_days(matter_on, days),
                working: None,
            })
        }
    }

    pub fn explain(&self) -> String {
        match &self.working {
            None => format!(
                "事项发生于 {}，应在 {} 日内张贴，即 {}",
                self.matter_on, self.days, self.due_on
            ),
            Some(e) => {
                let mut skipped = Vec::new();
                if e.weekends_skipped > 0 {
                    skipped.push(format!("跳过周末 {} 天", e.weekends_skipped));
                }
                if e.holidays_skipped > 0 {
                    skipped.push(format!("跳过节假日 {} 天", e.holidays_skipped));
                }
                if e.make_up_days_used > 0 {
                    skipped.push(format!("调休上班日 {} 天计入", e.make_up_days_used));
                }
                let detail = if skipped.is_empty() {
                    String::new()
                } else {
                    format!("（{}）", skipped.join("，"))
                };
                format!(
                    "事项发生于 {}，应在 {} 个工作日内张贴，按国务院节假日安排逐日计算{detail}，即 {}",
                    self.matter_on, self.days, self.due_on
                )
            }
        }
    }
}

/// The unit a notice period (公示期) is counted in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DayUnit {
    Calendar,
    Working,
}

impl DayUnit {
    pub fn key(self) -> &'static str {
        match self {
            DayUnit::Calendar => "calendar",
            DayUnit::Working => "working",
        }
    }

    pub fn parse(key: &str) -> Result<DayUnit, BoardError> {
        match key {
            "calendar" => Ok(DayUnit::Calendar),
            "working" => Ok(DayUnit::Working),
            other => Err(BoardError::Invalid(format!(
                "公示期单位“{other}”无法识别：应为 calendar（自然日）或 working（工作日）"
            ))),
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            DayUnit::Calendar => "天",
            DayUnit::Working => "个工作日",
        }
    }
}

/// The last day of a notice period of `days` starting on `from`, `from` itself counted: 7 days
/// from 11-02 end on 11-08; 5 working days from Friday 11-06 end on the next Thursday. A
/// working-day period starting on a day off begins on the next working day.
pub fn notice_end(
    calendar: &Calendar,
    from: NaiveDate,
    days: u32,
    unit: DayUnit,
) -> Result<NaiveDate, BoardError> {
    let days = days.max(1);
    match unit {
        DayUnit::Calendar => Ok(add_days(from, days - 1)),
        DayUnit::Working => {
            let eve = from.pred_opt().unwrap_or(from);
            Ok(calendar.add_workdays(eve, days)?)
        }
    }
}

fn add_days(date: NaiveDate, days: u32) -> NaiveDate {
    date.checked_add_days(Days::new(u64::from(days)))
        .unwrap_or(NaiveDate::MAX)
}

fn first_of_month(year: i32, month: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, month, 1).unwrap_or(NaiveDate::MIN)
}

fn days_in_month(year: i32, month: u32) -> u32 {
    let next = if month == 12 {
        first_of_month(year + 1, 1)
    } else {
        first_of_month(year, month + 1)
    };
    next.pred_opt().map_or(28, |d| d.day())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> NaiveDate {
        text.parse().unwrap()
    }

    #[test]
    fn periods_parse_and_print_in_their_stored_form() {
        for text in [
            "2026-11", "2026-01", "2026-Q4", "2026-Q1", "2026-H2", "2026-H1",
        ] {
            assert_eq!(text.parse::<Period>().unwrap().to_string(), text);
        }
        assert_eq!("2026-q3".parse::<Period>().unwrap().to_string(), "2026-Q3");
        for bad in [
            "2026-13",
            "2026-00",
            "2026-Q5",
            "2026-H3",
            "2026",
            "26-11",
            "2026-",
            "2026-Q",
            "2026-1a",
            "２０２６-11",
        ] {
            let err = bad.parse::<Period>().unwrap_err();
            assert!(err.to_string().contains(bad), "{bad}: {err}");
        }
    }

    #[test]
    fn the_period_containing_a_date_and_the_next_and_previous_ones() {
        let date = day("2026-11-20");
        assert_eq!(
            Period::containing(PeriodKind::Month, date).to_string(),
            "2026-11"
        );
        assert_eq!(
            Period::containing(PeriodKind::Quarter, date).to_string(),
            "2026-Q4"
        );
        assert_eq!(
            Period::containing(PeriodKind::Half, date).to_string(),
            "2026-H2"
        );
        let q4: Period = "2026-Q4".parse().unwrap();
        assert_eq!(q4.next().to_string(), "2027-Q1");
        assert_eq!(q4.next().previous(), q4);
        assert_eq!(
            "2026-12".parse::<Period>().unwrap().next().to_string(),
            "2027-01"
        );
        assert_eq!(
            "2026-H1".parse::<Period>().unwrap().previous().to_string(),
            "2025-H2"
        );
        assert_eq!(q4.first_day(), day("2026-10-01"));
        assert_eq!(q4.last_day(), day("2026-12-31"));
        assert_eq!(q4.label(), "2026年第四季度");
        assert_eq!(
            "2026-02".parse::<Period>().unwrap().last_day(),
            day("2026-02-28")
        );
        assert_eq!(
            "2028-02".parse::<Period>().unwrap().last_day(),
            day("2028-02-29")
        );
    }

    #[test]
    fn a_period_is_due_on_the_due_day_of_the_month_after_it_clamped() {
        let november: Period = "2026-11".parse().unwrap();
        let due = november.due(15);
        assert_eq!(due.due_on, day("2026-12-15"));
        assert!(!due.clamped);
        assert!(due.explain().contains("2026年11月"), "{}", due.explain());
        assert!(due.explain().contains("2026-12-15"));

        let january: Period = "2026-01".parse().unwrap();
        let due = january.due(31);
        assert_eq!(due.due_on, day("2026-02-28"));
        assert!(due.clamped);
        assert!(
            due.explain().contains("取该月最后一天"),
            "{}",
            due.explain()
        );

        assert_eq!(
            "2026-Q4".parse::<Period>().unwrap().due(15).due_on,
            day("2027-01-15")
        );
        assert_eq!(
            "2026-H1".parse::<Period>().unwrap().due(15).due_on,
            day("2026-07-15")
        );
        assert_eq!(
            "2027-Q4".parse::<Period>().unwrap().due(31).due_on,
            day("2028-01-31")
        );
    }

    #[test]
    fn a_matter_in_working_days_skips_holidays_and_counts_make_up_days() {
        let calendar = Calendar::official().unwrap();
        // 2025: 国庆·中秋 10-01..10-08 off, Saturday 10-11 worked (调休). Matter on 09-30.
        let due = MatterDue::count(&calendar, day("2025-09-30"), 3, true).unwrap();
        // 10-09 (Thu) 1, 10-10 (Fri) 2, 10-11 (Sat, 调休) 3.
        assert_eq!(due.due_on, day("2025-10-11"));
        let text = due.explain();
        assert!(text.contains("节假日 8 天"), "{text}");
        assert!(text.contains("调休上班日 1 天"), "{text}");

        let calendar_days = MatterDue::count(&calendar, day("2025-09-30"), 3, false).unwrap();
        assert_eq!(calendar_days.due_on, day("2025-10-03"));
        assert!(calendar_days.working.is_none());

        let beyond = MatterDue::count(&calendar, day("2099-12-01"), 5, true).unwrap_err();
        assert!(beyond.to_string().contains("尚未收录"), "{beyond}");
    }

    #[test]
    fn a_notice_period_counts_its_first_day() {
        let calendar = Calendar::official().unwrap();
        assert_eq!(
            notice_end(&calendar, day("2026-11-02"), 7, DayUnit::Calendar).unwrap(),
            day("2026-11-08")
        );
        // Monday 2026-11-02: five working days end on Friday.
        assert_eq!(
            notice_end(&calendar, day("2026-11-02"), 5, DayUnit::Working).unwrap(),
            day("2026-11-06")
        );
        // From 2025-09-29 (Mon): 09-29, 09-30, then the holiday to 10-08, 10-09, 10-10.
        assert_eq!(
            notice_end(&calendar, day("2025-09-29"), 4, DayUnit::Working).unwrap(),
            day("2025-10-10")
        );
        // Starting on a Saturday: the period begins on Monday.
        assert_eq!(
            notice_end(&calendar, day("2026-11-07"), 1, DayUnit::Working).unwrap(),
            day("2026-11-09")
        );
    }
}
