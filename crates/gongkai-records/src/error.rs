use thiserror::Error;

/// Why a record, a review or a publication was refused. Shown to the clerk as is.
#[derive(Debug, Error, PartialEq, Eq)]
pub enum RecordError {
    #[error("{0}")]
    Invalid(String),
    #[error("未知的{what}“{value}”")]
    Unknown { what: &'static str, value: String },
    #[error("{0}")]
    OutOfOrder(String),
    #[error(transparent)]
    Calendar(#[from] gongkai_calendar::CalendarError),
}
