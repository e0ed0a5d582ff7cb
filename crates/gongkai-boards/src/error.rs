use thiserror::Error;

/// Why a board, a layout or a posting was refused. Shown to the clerk as is.
#[derive(Debug, Error, PartialEq, Eq)]
pub enum BoardError {
    #[error("{0}")]
    Invalid(String),
    #[error(transparent)]
    Calendar(#[from] gongkai_calendar::CalendarError),
}
