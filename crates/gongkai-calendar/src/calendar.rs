use std::collections::HashMap;
use std::fmt;
use std::ops::RangeInclusive;

use chrono::{Datelike, NaiveDate, Weekday};

use crate::CalendarError;
use crate::data::{self, Notice, Special};

/// The calendar data bundled with this build (`assets/calendar/cn-workdays.json`).
pub const OFFICIAL_JSON: &str = include_str!("../../../assets/calendar/cn-workdays.json");

/// What kind of day a date is under the State Council schedule.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DayKind {
    /// Monday to Friday, not a holiday.
    Workday,
    /// A Saturday or Sunday worked in exchange for days off around a holiday (调休上班).
    MakeUpWorkday { for_holiday: String },
    /// A day off of a holiday block, weekends inside the block included.
    Holiday { name: String },
    /// An ordinary Saturday or Sunday.
    Weekend,
}

impl DayKind {
    /// Whether the day is a working day (a make-up Saturday or Sunday is one).
    pub fn is_workday(&self) -> bool {
        matches!(self, Self::Workday | Self::MakeUpWorkday { .. })
    }
}

impl fmt::Display for DayKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Workday => f.write_str("工作日"),
            Self::MakeUpWorkday { for_holiday } => write!(f, "调休上班日（{for_holiday}）"),
            Self::Holiday { name } => write!(f, "{name}假期"),
            Self::Weekend => f.write_str("周末"),
        }
    }
}

/// One calendar day of an [`Explanation`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExplainedDay {
    pub date: NaiveDate,
    pub kind: DayKind,
    /// Working days counted from the start up to and including this day.
    pub workdays_so_far: u32,
}

/// How a due date was reached: every day after the start, and what was skipped.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Explanation {
    /// The day counting starts from (not itself counted).
    pub start: NaiveDate,
    /// The number of working days asked for.
    pub workdays: u32,
    /// The resulting date, equal to [`Calendar::add_workdays`].
    pub due: NaiveDate,
    /// Every day from the day after `start` to `due`, in order.
    pub days: Vec<ExplainedDay>,
    /// Holiday days passed over (weekends inside a holiday block count here, not as weekends).
    pub holidays_skipped: u32,
    /// Ordinary Saturdays and Sundays passed over.
    pub weekends_skipped: u32,
    /// Make-up Saturdays and Sundays counted as working days.
    pub make_up_days_used: u32,
}

/// The official Chinese working-day calendar: statutory holidays and make-up working days as
/// arranged by the State Council's yearly notices.
///
/// Counting ([`add_workdays`](Self::add_workdays), [`explain`](Self::explain),
/// [`workdays_between`](Self::workdays_between)) only walks through covered years and returns
/// [`CalendarError::YearNotCovered`] rather than guess a year whose notice is not in the data.
#[derive(Debug, Clone)]
pub struct Calendar {
    version: String,
    first_year: i32,
    last_year: i32,
    days: HashMap<NaiveDate, Special>,
    notices: Vec<Vec<Notice>>,
    /// The data it was read from, so a newer year can be merged in and the result kept.
    json: String,
}

impl Calendar {
    /// The calendar bundled with this build. The bundled data is checked by this crate's tests,
    /// so an error here means a broken build, never the clerk's input.
    pub fn official() -> Result<Self, CalendarError> {
        Self::from_json(OFFICIAL_JSON)
    }

    /// A calendar from JSON of the bundled file's shape (for updates arriving by sync).
    ///
    /// Refused, with the year and date named: malformed JSON or unknown fields; a version that
    /// is not a date; years missing or out of order; a holiday block ending before it starts,
    /// out of date order, overlapping another, longer than a month or far from its year; an
    /// unknown holiday name; a make-up day that is not a Saturday or Sunday, lies inside a
    /// holiday, names a holiday not in its year, or is listed twice.
    pub fn from_json(json: &str) -> Result<Self, CalendarError> {
        let checked = data::parse(json)?;
        Ok(Self {
            version: checked.version,
            first_year: checked.first_year,
            last_year: checked.last_year,
            days: checked.days,
            notices: checked.notices,
            json: json.to_owned(),
        })
    }

    /// The data this calendar was read from (the bundled format).
    pub fn json(&self) -> &str {
        &self.json
    }

    /// The data version: the signing date (YYYY-MM-DD) of the newest notice included. Versions
    /// compare as strings, so a newer calendar has a greater version.
    pub fn version(&self) -> &str {
        &self.version
    }

    /// The years whose schedule is known, first to last.
    pub fn covered_years(&self) -> RangeInclusive<i32> {
        self.first_year..=self.last_year
    }

    /// Whether `date` lies in a covered year.
    pub fn covers(&self, date: NaiveDate) -> bool {
        self.covered_years().contains(&date.year())
    }

    /// The notices behind a year's schedule: the yearly notice first, then any amendments.
    /// Empty for a year not covered.
    pub fn notices(&self, year: i32) -> &[Notice] {
        year.checked_sub(self.first_year)
            .and_then(|i| usize::try_from(i).ok())
            .and_then(|i| self.notices.get(i))
            .map_or(&[], Vec::as_slice)
    }

    /// What kind of day `date` is.
    ///
    /// Outside the covered years only the weekday is known (plus the few December days a
    /// following year's notice lists), so such a date is reported as a plain workday or weekend;
    /// use [`covers`](Self::covers) to tell.
    pub fn day_kind(&self, date: NaiveDate) -> DayKind {
        match self.days.get(&date) {
            Some(Special::Holiday(name)) => DayKind::Holiday { name: name.clone() },
            Some(Special::MakeUp(for_holiday)) => DayKind::MakeUpWorkday {
                for_holiday: for_holiday.clone(),
            },
            None if matches!(date.weekday(), Weekday::Sat | Weekday::Sun) => DayKind::Weekend,
            None => DayKind::Workday,
        }
    }

    /// Whether `date` is a working day (see [`day_kind`](Self::day_kind) for uncovered dates).
    pub fn is_workday(&self, date: NaiveDate) -> bool {
        self.day_kind(date).is_workday()
    }

    /// The date `n` working days after `start`, the start day not counted: “信息形成之日起20个工作日内”
    /// is due on `add_workdays(formed, 20)`. `n = 0` returns `start`.
    pub fn add_workdays(&self, start: NaiveDate, n: u32) -> Result<NaiveDate, CalendarError> {
        let mut date = start;
        let mut counted = 0;
        while counted < n {
            date = self.next_covered(date)?;
            if self.is_workday(date) {
                counted += 1;
            }
        }
        Ok(date)
    }

    /// [`add_workdays`](Self::add_workdays) with its working: every day after `start` up to the
    /// due date, its kind and the running count, and how many holidays and weekends were passed
    /// over and make-up days used.
    pub fn explain(&self, start: NaiveDate, n: u32) -> Result<Explanation, CalendarError> {
        let mut explanation = Explanation {
            start,
            workdays: n,
            due: start,
            days: Vec::new(),
            holidays_skipped: 0,
            weekends_skipped: 0,
            make_up_days_used: 0,
        };
        let mut counted = 0;
        let mut date = start;
        while counted < n {
            date = self.next_covered(date)?;
            let kind = self.day_kind(date);
            match kind {
                DayKind::Workday => counted += 1,
                DayKind::MakeUpWorkday { .. } => {
                    counted += 1;
                    explanation.make_up_days_used += 1;
                }
                DayKind::Holiday { .. } => explanation.holidays_skipped += 1,
                DayKind::Weekend => explanation.weekends_skipped += 1,
            }
            explanation.days.push(ExplainedDay {
                date,
                kind,
                workdays_so_far: counted,
            });
        }
        explanation.due = date;
        Ok(explanation)
    }

    /// Working days in `(a, b]`: from the day after `a` up to and including `b`. With `a` today
    /// and `b` a due date, the working days left; negative when `b` is before `a` (overdue by
    /// that many working days); 0 when they are the same day.
    pub fn workdays_between(&self, a: NaiveDate, b: NaiveDate) -> Result<i64, CalendarError> {
        let (from, to, sign) = if a <= b { (a, b, 1) } else { (b, a, -1) };
        let mut count = 0_i64;
        let mut date = from;
        while date < to {
            date = self.next_covered(date)?;
            if self.is_workday(date) {
                count += 1;
            }
        }
        Ok(sign * count)
    }

    /// The day after `date`, if its year is covered.
    fn next_covered(&self, date: NaiveDate) -> Result<NaiveDate, CalendarError> {
        match date.succ_opt() {
            Some(next) if self.covers(next) => Ok(next),
            next => Err(CalendarError::YearNotCovered {
                year: next.map_or(date.year().saturating_add(1), |d| d.year()),
                first: self.first_year,
                last: self.last_year,
            }),
        }
    }
}
