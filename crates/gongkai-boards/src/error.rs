use thiserror::Error;

use crate::geometry::LayoutProblem;

/// Why a board, a layout or a posting was refused. Shown to the clerk as is.
#[derive(Debug, Error, PartialEq, Eq)]
pub enum BoardError {
    #[error("{0}")]
    Invalid(String),
    /// Every problem of a layout, each naming its zone(s).
    #[error("{}", join(.0))]
    Layout(Vec<LayoutProblem>),
    #[error(transparent)]
    Calendar(#[from] gongkai_calendar::CalendarError),
}

fn join(problems: &[LayoutProblem]) -> String {
    problems
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join("；")
}
