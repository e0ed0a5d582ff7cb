use thiserror::Error;

/// Why a request, or a step of its handling, was refused. Shown to the clerk as is.
#[derive(Debug, Clone, Error, PartialEq, Eq)]
pub enum RequestError {
    #[error("{0}")]
    Invalid(String),
    #[error("未知的{what}“{value}”")]
    Unknown { what: &'static str, value: String },
    /// Two dates of the procedure in the wrong order; the message names both.
    #[error("{0}")]
    OutOfOrder(String),
    #[error(transparent)]
    Calendar(#[from] gongkai_calendar::CalendarError),
}
