//! Statutory deadlines on the official working-day calendar: "信息形成或者变更之日起20个工作日内"
//! is due on the 20th working day after the day the information was formed or changed.

use chrono::{Datelike, NaiveDate, Weekday};
use gongkai_calendar::{Calendar, DayKind};

/// When an item's catalog entry gives no working-day count.
pub const DEFAULT_WORKDAYS: u32 = 20;

/// Within this many working days of its due date an undisclosed record is "due soon".
pub const DUE_SOON_WORKDAYS: i64 = 5;

/// A due date and how it was counted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Due {
    pub formed_on: NaiveDate,
    pub workdays: u32,
    pub due_on: NaiveDate,
    pub calendar_version: String,
    /// Some counted days fall in a year whose holiday notice the calendar does not hold yet:
    /// they were counted as plain weekdays, and the date is recounted when the calendar
    /// arrives.
    pub provisional: bool,
    /// Every day counted, for "explain this date".
    pub days: Vec<CountedDay>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CountedDay {
    pub date: NaiveDate,
    pub kind: DayKind,
    /// The year's holiday notice is not in the calendar yet: only the weekday is known.
    pub assumed: bool,
    pub workdays_so_far: u32,
}

impl Due {
    pub fn count(calendar: &Calendar, formed_on: NaiveDate, workdays: u32) -> Due {
        let mut days = Vec::new();
        let mut date = formed_on;
        let mut counted = 0;
        while counted < workdays {
            let Some(next) = date.succ_opt() else { break };
            date = next;
            let assumed = !calendar.covers(date);
            let kind = calendar.day_kind(date);
            if kind.is_workday() {
                counted += 1;
            }
            days.push(CountedDay {
                date,
                kind,
                assumed,
                workdays_so_far: counted,
            });
        }
        Due {
            formed_on,
            workdays,
            due_on: date,
            calendar_version: calendar.version().to_owned(),
            provisional: days.iter().any(|d| d.assumed),
            days,
        }
    }

    pub fn holidays_skipped(&self) -> usize {
        self.days
            .iter()
            .filter(|d| matches!(d.kind, DayKind::Holiday { .. }))
            .count()
    }

    pub fn weekends_skipped(&self) -> usize {
        self.days
            .iter()
            .filter(|d| matches!(d.kind, DayKind::Weekend))
            .count()
    }

    pub fn make_up_days_used(&self) -> usize {
        self.days
            .iter()
            .filter(|d| matches!(d.kind, DayKind::MakeUpWorkday { .. }))
            .count()
    }
}

/// Where a record stands against its due date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DeadlineStatus {
    /// Published on or before the due date.
    OnTime,
    /// Published after the due date, by this many working days.
    Late { workdays: i64 },
    /// Not published; due within [`DUE_SOON_WORKDAYS`] working days (0: due today).
    DueSoon { workdays_left: i64 },
    /// Not published; due later.
    Pending { workdays_left: i64 },
    /// Not published and past its due date by this many working days.
    Overdue { workdays: i64 },
    /// 依申请公开 / 不予公开: nothing to publish, no publication deadline.
    NotApplicable,
}

impl DeadlineStatus {
    pub fn key(self) -> &'static str {
        match self {
            DeadlineStatus::OnTime => "on_time",
            DeadlineStatus::Late { .. } => "late",
            DeadlineStatus::DueSoon { .. } => "due_soon",
            DeadlineStatus::Pending { .. } => "pending",
            DeadlineStatus::Overdue { .. } => "overdue",
            DeadlineStatus::NotApplicable => "not_applicable",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            DeadlineStatus::OnTime => "按时公开",
            DeadlineStatus::Late { .. } => "逾期公开",
            DeadlineStatus::DueSoon { .. } => "即将到期",
            DeadlineStatus::Pending { .. } => "未到期",
            DeadlineStatus::Overdue { .. } => "已逾期未公开",
            DeadlineStatus::NotApplicable => "无需主动公开",
        }
    }
}

/// The status of a proactive record due on `due_on`, published on `published_on` (if it was),
/// seen on `today`.
pub fn status(
    calendar: &Calendar,
    due_on: NaiveDate,
    published_on: Option<NaiveDate>,
    today: NaiveDate,
) -> DeadlineStatus {
    match published_on {
        Some(published) if published <= due_on => DeadlineStatus::OnTime,
        Some(published) => DeadlineStatus::Late {
            workdays: workdays(calendar, due_on, published),
        },
        None if today > due_on => DeadlineStatus::Overdue {
            workdays: workdays(calendar, due_on, today),
        },
        None => {
            let left = workdays(calendar, today, due_on);
            if left <= DUE_SOON_WORKDAYS {
                DeadlineStatus::DueSoon {
                    workdays_left: left,
                }
            } else {
                DeadlineStatus::Pending {
                    workdays_left: left,
                }
            }
        }
    }
}

/// Working days in `(a, b]`, counting plain weekdays in years the calendar does not hold yet.
fn workdays(calendar: &Calendar, a: NaiveDate, b: NaiveDate) -> i64 {
    calendar.workdays_between(a, b).unwrap_or_else(|_| {
        a.iter_days()
            .skip(1)
            .take_while(|d| *d <= b)
            .filter(|d| !matches!(d.weekday(), Weekday::Sat | Weekday::Sun))
            .count() as i64
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("date")
    }

    fn calendar() -> Calendar {
        Calendar::official().expect("bundled calendar")
    }

    #[test]
    fn twenty_working_days_over_national_day_use_the_make_up_days() {
        let cal = calendar();
        // 2025: 10-01..10-08 off; Sunday 9-28 and Saturday 10-11 worked.
        let due = Due::count(&cal, date(2025, 9, 26), 20);
        assert_eq!(
            due.due_on,
            cal.add_workdays(date(2025, 9, 26), 20).expect("covered")
        );
        assert_eq!(due.holidays_skipped(), 8);
        assert_eq!(due.make_up_days_used(), 2);
        assert!(!due.provisional);
        assert_eq!(due.days.last().map(|d| d.workdays_so_far), Some(20));
    }

    #[test]
    fn a_count_into_an_uncovered_year_is_provisional_on_weekdays() {
        let cal = calendar();
        let last = *cal.covered_years().end();
        let due = Due::count(&cal, date(last, 12, 20), 20);
        assert!(due.provisional);
        assert!(due.due_on.year() == last + 1);
        assert!(due.days.iter().any(|d| d.assumed));
    }

    #[test]
    fn statuses_against_the_due_date() {
        let cal = calendar();
        let due = date(2026, 3, 16);
        assert_eq!(
            status(&cal, due, Some(date(2026, 3, 16)), date(2026, 4, 1)),
            DeadlineStatus::OnTime
        );
        assert_eq!(
            status(&cal, due, Some(date(2026, 3, 18)), date(2026, 4, 1)),
            DeadlineStatus::Late { workdays: 2 }
        );
        assert_eq!(
            status(&cal, due, None, date(2026, 3, 17)),
            DeadlineStatus::Overdue { workdays: 1 }
        );
        assert_eq!(
            status(&cal, due, None, date(2026, 3, 16)),
            DeadlineStatus::DueSoon { workdays_left: 0 }
        );
        assert_eq!(
            status(&cal, due, None, date(2026, 3, 9)),
            DeadlineStatus::DueSoon { workdays_left: 5 }
        );
        assert_eq!(
            status(&cal, due, None, date(2026, 3, 6)),
            DeadlineStatus::Pending { workdays_left: 6 }
        );
    }
}
