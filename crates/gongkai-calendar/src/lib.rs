//! The official Chinese working-day calendar, for counting disclosure and reply deadlines.
//!
//! Working days in China are not simply Monday to Friday: each autumn the General Office of the
//! State Council (国务院办公厅) publishes the next year's holiday arrangement — which days are off
//! for 元旦, 春节, 清明节, 劳动节, 端午节, 中秋节 and 国庆节, and which Saturdays and Sundays are
//! worked in exchange (调休上班). This crate carries those notices as data
//! (`assets/calendar/cn-workdays.json`, one entry per year with its 文号 and URL) and counts
//! working days over them:
//!
//! - [`Calendar::add_workdays`]: the due date of “N个工作日内”, the start day not counted;
//! - [`Calendar::explain`]: the same, day by day, for the clerk who asks “why this date?”;
//! - [`Calendar::workdays_between`]: working days left until a due date.
//!
//! A count that reaches a year whose notice is not in the data stops with a Chinese error naming
//! the year; the calendar never guesses. No I/O: the bundled data is compiled in and updates are
//! handed in as JSON ([`Calendar::from_json`]), checked before use.

mod calendar;
mod data;
mod error;

pub use calendar::{Calendar, DayKind, ExplainedDay, Explanation, OFFICIAL_JSON};
pub use data::Notice;
pub use error::CalendarError;
