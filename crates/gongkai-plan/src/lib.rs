//! The township's yearly work plan (政务公开工作要点 and its 任务分解表), no I/O, no SQL.
//!
//! - [`time_node`]: the 时间节点 column as offices write it ("10月底前", "每月", "全年",
//!   "第三季度", "2021年7月16日" …) read into a [`Schedule`] of due dates in the plan's year;
//! - [`due`]: whether a task is done, late, due soon or open on a given day;
//! - [`table`]: a 任务分解表 read from a workbook (title rows, the header found by its
//!   names, page-break header repeats skipped, rows cut by a page break joined), every problem
//!   named by sheet, row and column, nothing returned on any (a Word document's tables too);
//! - [`year_end`]: where a task stood when its year ended, and its 年终小结 drafted from the
//!   notes for section 一 of the annual report.

pub mod due;
pub mod table;
pub mod time_node;
pub mod year_end;

pub use due::{DueState, TaskProgress, due_state};
pub use table::{PlanIssue, PlanTable, TaskDraft, read_plan};
pub use time_node::{Schedule, TimeNodeError};
pub use year_end::{NoteFacts, YearEnd, YearEndOutcome};
