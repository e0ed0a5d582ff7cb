//! Whether a task of the plan is done, late, due soon or open on a given day.
//!
//! A task with deadlines is done when the clerk marks it so; each milestone before the last is
//! met by a progress note dated after the milestone before it (a note written late still
//! catches up). A 每月 / 每季度 task owes a note in every period: the last finished period
//! without one makes it late, the current one without one is due soon in its last days. A
//! period that ended before the task was entered (a plan imported in July) owes nothing.

use chrono::{Datelike, NaiveDate};

use crate::Schedule;
use crate::time_node::month_end;

/// A deadline this close (calendar days) is "due soon".
pub const DUE_SOON_DAYS: i64 = 14;
/// A month's or quarter's note is "due soon" in the period's last days.
pub const PERIOD_DUE_SOON_DAYS: i64 = 7;

/// What the clerk has recorded of a task.
#[derive(Debug, Clone, Copy)]
pub struct TaskProgress<'a> {
    /// Marked 已完成.
    pub done: bool,
    /// The day the task was entered: periods and milestones before it owe nothing.
    pub tracked_from: NaiveDate,
    /// The dates of its progress notes.
    pub updates: &'a [NaiveDate],
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DueState {
    Done,
    /// `due_on` passed without what it asked for, `days` ago.
    Late {
        due_on: NaiveDate,
        days: i64,
    },
    DueSoon {
        due_on: NaiveDate,
        days_left: i64,
    },
    Open {
        due_on: NaiveDate,
    },
}

impl DueState {
    /// The date the state is about (none once done).
    pub fn due_on(&self) -> Option<NaiveDate> {
        match self {
            DueState::Done => None,
            DueState::Late { due_on, .. }
            | DueState::DueSoon { due_on, .. }
            | DueState::Open { due_on } => Some(*due_on),
        }
    }
}

fn against(due_on: NaiveDate, today: NaiveDate, soon: i64) -> DueState {
    let days = (today - due_on).num_days();
    if days > 0 {
        DueState::Late { due_on, days }
    } else if -days <= soon {
        DueState::DueSoon {
            due_on,
            days_left: -days,
        }
    } else {
        DueState::Open { due_on }
    }
}

/// The state of a task of the plan for `year` on `today`.
pub fn due_state(
    schedule: &Schedule,
    year: i32,
    progress: TaskProgress<'_>,
    today: NaiveDate,
) -> DueState {
    if progress.done {
        return DueState::Done;
    }
    match schedule {
        Schedule::By(dates) => milestone_state(dates, schedule.final_due(year), progress, today),
        Schedule::YearRound => against(schedule.final_due(year), today, DUE_SOON_DAYS),
        Schedule::Monthly => periodic_state(1, year, progress, today),
        Schedule::Quarterly => periodic_state(3, year, progress, today),
    }
}

fn milestone_state(
    dates: &[NaiveDate],
    last: NaiveDate,
    progress: TaskProgress<'_>,
    today: NaiveDate,
) -> DueState {
    let mut previous = NaiveDate::MIN;
    for &milestone in dates.iter().filter(|d| **d < last) {
        let met = progress.updates.iter().any(|u| *u > previous);
        if milestone >= progress.tracked_from && !met {
            return against(milestone, today, DUE_SOON_DAYS);
        }
        previous = milestone;
    }
    against(last, today, DUE_SOON_DAYS)
}

/// A period of `months` months of `year`: its first and last day, numbered from 0.
fn period(year: i32, months: u32, index: u32) -> Option<(NaiveDate, NaiveDate)> {
    let first_month = index * months + 1;
    let start = NaiveDate::from_ymd_opt(year, first_month, 1)?;
    Some((start, month_end(year, first_month + months - 1)?))
}

fn periodic_state(
    months: u32,
    year: i32,
    progress: TaskProgress<'_>,
    today: NaiveDate,
) -> DueState {
    let noted = |(start, end): (NaiveDate, NaiveDate)| {
        progress.updates.iter().any(|u| (start..=end).contains(u))
    };
    let last_index = 12 / months - 1;
    let current = if today.year() < year {
        0
    } else if today.year() > year {
        last_index + 1
    } else {
        today.month0() / months
    };
    // The last finished period of the year that began being tracked.
    if let Some(previous) = current.checked_sub(1).and_then(|i| period(year, months, i))
        && previous.1 >= progress.tracked_from
        && !noted(previous)
    {
        return against(previous.1, today, 0);
    }
    match period(year, months, current.min(last_index)) {
        Some(this) if current <= last_index => {
            if noted(this) {
                DueState::Open { due_on: this.1 }
            } else {
                against(this.1, today, PERIOD_DUE_SOON_DAYS)
            }
        }
        // The year is over and its last period was noted: the task waits to be marked done.
        Some(this) => DueState::Late {
            due_on: this.1,
            days: (today - this.1).num_days(),
        },
        None => DueState::Open {
            due_on: Schedule::Monthly.final_due(year),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> NaiveDate {
        text.parse().unwrap_or(NaiveDate::MIN)
    }

    fn state(schedule: &Schedule, done: bool, from: &str, notes: &[&str], today: &str) -> DueState {
        let updates: Vec<NaiveDate> = notes.iter().map(|n| day(n)).collect();
        due_state(
            schedule,
            2021,
            TaskProgress {
                done,
                tracked_from: day(from),
                updates: &updates,
            },
            day(today),
        )
    }

    #[test]
    fn a_deadline_is_open_then_due_soon_then_late_until_done() {
        let by = Schedule::By(vec![day("2021-10-31")]);
        assert_eq!(
            state(&by, false, "2021-07-20", &[], "2021-09-01"),
            DueState::Open {
                due_on: day("2021-10-31")
            }
        );
        assert_eq!(
            state(&by, false, "2021-07-20", &[], "2021-10-17"),
            DueState::DueSoon {
                due_on: day("2021-10-31"),
                days_left: 14
            }
        );
        assert_eq!(
            state(&by, false, "2021-07-20", &["2021-10-20"], "2021-11-03"),
            DueState::Late {
                due_on: day("2021-10-31"),
                days: 3
            }
        );
        assert_eq!(
            state(&by, true, "2021-07-20", &[], "2021-11-03"),
            DueState::Done
        );
    }

    #[test]
    fn a_milestone_needs_a_note_after_the_one_before() {
        let two = Schedule::By(vec![day("2021-06-30"), day("2021-12-31")]);
        assert_eq!(
            state(&two, false, "2021-03-01", &[], "2021-07-05"),
            DueState::Late {
                due_on: day("2021-06-30"),
                days: 5
            }
        );
        assert_eq!(
            state(&two, false, "2021-03-01", &["2021-07-04"], "2021-07-05"),
            DueState::Open {
                due_on: day("2021-12-31")
            },
            "a note written late catches up"
        );
        assert_eq!(
            state(&two, false, "2021-07-16", &[], "2021-07-20"),
            DueState::Open {
                due_on: day("2021-12-31")
            },
            "a milestone before the task was entered owes nothing"
        );
    }

    #[test]
    fn a_monthly_task_owes_a_note_every_month() {
        let monthly = Schedule::Monthly;
        assert_eq!(
            state(&monthly, false, "2021-07-16", &[], "2021-07-20"),
            DueState::Open {
                due_on: day("2021-07-31")
            },
            "July is the first month tracked and has days left"
        );
        assert_eq!(
            state(&monthly, false, "2021-07-16", &[], "2021-07-26"),
            DueState::DueSoon {
                due_on: day("2021-07-31"),
                days_left: 5
            }
        );
        assert_eq!(
            state(&monthly, false, "2021-07-16", &[], "2021-08-03"),
            DueState::Late {
                due_on: day("2021-07-31"),
                days: 3
            }
        );
        assert_eq!(
            state(
                &monthly,
                false,
                "2021-07-16",
                &["2021-07-30", "2021-08-02"],
                "2021-08-26"
            ),
            DueState::Open {
                due_on: day("2021-08-31")
            }
        );
        assert_eq!(
            state(&monthly, false, "2021-01-01", &["2021-12-20"], "2022-01-05"),
            DueState::Late {
                due_on: day("2021-12-31"),
                days: 5
            },
            "after the year a recurring task waits to be marked done"
        );
    }

    #[test]
    fn a_quarterly_task_owes_a_note_every_quarter() {
        let quarterly = Schedule::Quarterly;
        assert_eq!(
            state(
                &quarterly,
                false,
                "2021-01-10",
                &["2021-02-01"],
                "2021-04-02"
            ),
            DueState::Open {
                due_on: day("2021-06-30")
            }
        );
        assert_eq!(
            state(&quarterly, false, "2021-01-10", &[], "2021-04-02"),
            DueState::Late {
                due_on: day("2021-03-31"),
                days: 2
            }
        );
    }

    #[test]
    fn a_year_round_task_is_due_at_the_year_end() {
        assert_eq!(
            state(&Schedule::YearRound, false, "2021-07-16", &[], "2021-12-20"),
            DueState::DueSoon {
                due_on: day("2021-12-31"),
                days_left: 11
            }
        );
        assert_eq!(
            state(&Schedule::YearRound, false, "2021-07-16", &[], "2021-08-20"),
            DueState::Open {
                due_on: day("2021-12-31")
            }
        );
    }
}
