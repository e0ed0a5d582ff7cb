//! The working-day calendar on the wire: working days counted from a date, a due date
//! explained day by day, a newer holiday calendar imported.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Calendar data (the bundled format, see assets/calendar/README.md) from a file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CalendarFileArgs {
    pub path: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CalendarUpdateResult {
    pub version: String,
    pub first_year: i32,
    pub last_year: i32,
    /// Provisional due dates of unpublished records counted again.
    pub recounted: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CountedDay {
    pub date: String,
    /// 工作日 · 周末 · 节假日（春节） · 调休上班（国庆节）
    pub kind: String,
    pub workday: bool,
    /// The year's holiday notice is not in the calendar yet: only the weekday is known.
    pub assumed: bool,
    pub workdays_so_far: u32,
}

/// "Explain this date": every day counted from the day after formation to the due date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct DueExplanation {
    pub formed_on: String,
    pub workdays: u32,
    pub due_on: String,
    pub provisional: bool,
    pub calendar_version: String,
    pub days: Vec<CountedDay>,
    pub holidays_skipped: u32,
    pub weekends_skipped: u32,
    pub make_up_days_used: u32,
}

/// `gongkai calendar add-workdays`: the date `n` working days after `date`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AddWorkdaysArgs {
    pub date: String,
    pub workdays: u32,
}
