//! Bulletin boards (公开栏): the township's 政务公开栏 and the villages' 村务/三务公开栏, their
//! zones (版块) and what is posted on them.
//!
//! - [`geometry`]: a board's layout in millimetres; zones inside the board, apart from each
//!   other, and how many whole A4/A3 sheets a zone holds.
//! - [`zone`]: a zone's cadence (每月 / 每季度 / 每半年 / 随时 / 长期), its due rule and the fewest
//!   days a sheet stays up; templates (三务, 四务, 乡镇政务公开栏) are data, never constants here.
//! - [`period`]: the cadence periods (2026-11, 2026-Q4, 2026-H2) and their due dates on the
//!   official calendar, each able to explain itself.
//! - [`lifecycle`]: a posting's states (草稿 → 已打印 → 已张贴 → 公示期满 → 已撤下 → 已归档) and what
//!   an early take-down means.
//!
//! No I/O here: the store keeps boards and postings, the API applies these rules at its edge.

mod error;
pub mod geometry;
pub mod lifecycle;
pub mod period;
pub mod zone;

pub use error::BoardError;
pub use geometry::{
    Edge, Layout, LayoutProblem, Millimetres, Orientation, Paper, Rect, SHEET_GAP, SheetFit,
    sheets_fit, snap,
};
pub use lifecycle::{PostingDates, PostingStatus, Stage, TakeDown, check_repost};
pub use period::{DayUnit, MatterDue, Period, PeriodDue, PeriodKind, notice_end};
pub use zone::{BoardScope, Cadence, CadenceColumns, CadenceKind, DueDay, Zone};
