use thiserror::Error;

/// Why a date could not be counted, or why calendar data was refused.
///
/// Messages are Chinese and name the year or date concerned, because they are shown to the clerk
/// as they are.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum CalendarError {
    /// A count reached a year whose holiday schedule is not in the data. The calendar never
    /// guesses a year: the State Council publishes each year's schedule only in the autumn before.
    #[error(
        "{year}年的节假日安排尚未收录（现有 {first} 年至 {last} 年），无法推算工作日；\
         请在国务院办公厅公布{year}年放假安排并更新日历数据后再试"
    )]
    YearNotCovered { year: i32, first: i32, last: i32 },
    /// The calendar data is not JSON of the expected shape.
    #[error("日历数据无法读取：{0}")]
    BadJson(String),
    /// The calendar data is readable but contradicts itself or the rules of a schedule.
    #[error("日历数据有误：{0}")]
    Invalid(String),
}
