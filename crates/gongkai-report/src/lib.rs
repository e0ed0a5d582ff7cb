//! The annual report (政府信息公开工作年度报告) in the 2021 national format, no I/O.
//!
//! [`Format::national`] is the format as data (`assets/report/annual_report_tables.json`). A
//! [`ReportInput`] holds a year's figures as their sources give them — 表二's counts, 表三's
//! counts keyed by the format's row and column keys, 表四's cases by group and outcome, the fees
//! stated in section 六 and those recorded — and [`build`] fills every cell of 表二/三/四 and
//! checks the format's balance rules, each mismatch a [`Problem`] naming its cells in Chinese.

mod check;
mod error;
mod format;
mod money;
mod table2;
mod table3;
mod table4;

pub use check::{CellRef, Problem, TableName};
pub use error::ReportError;
pub use format::{
    CARRIED_OVER, CARRY_FORWARD, Format, NEW_RECEIVED, RESULTS_TOTAL, TOTAL_COLUMN, Table2Part,
    Table3Column, Table3Format, Table3Row, Table4Format, Table4Group,
};
pub use money::{parse_wan_yuan, parse_yuan, wan_yuan};
pub use table2::{DocumentCounts, Table2Cell, Table2Filled, Table2Input};
pub use table3::Table3Input;
pub use table4::{CaseOutcome, Table4Input};

/// What a year's report is built from.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ReportInput {
    pub year: i32,
    pub table2: Table2Input,
    pub table3: Table3Input,
    pub table4: Table4Input,
    /// Information-processing fees (信息处理费) recorded on the year's requests, in fen.
    pub recorded_fees_fen: i64,
    /// The fee section 六 states, in fen; `None` while the clerk has not said.
    pub stated_fees_fen: Option<i64>,
}

/// A year's tables, every cell filled, and what does not balance.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Report {
    pub year: i32,
    pub table2: Vec<Table2Filled>,
    /// 表三 in the format's row and column order (25 × 7).
    pub table3: Vec<Vec<u32>>,
    /// 表四: per group in the format's order, 维持, 纠正, 其他, 尚未审结, 总计.
    pub table4: Vec<[u32; 5]>,
    pub problems: Vec<Problem>,
}

impl Report {
    /// A cell of 表三 by its row and column keys.
    pub fn table3_cell(&self, format: &Format, row: &str, column: &str) -> Option<u32> {
        let row = format.table3_row(row).ok()?;
        let column = format.table3_column(column).ok()?;
        Some(self.table3[row][column])
    }
}

/// The year's report: every cell filled (a total the input does not give is summed), then the
/// balance rules checked, 表三's 上年结转 against last year's 结转下年度 when last year is given.
pub fn build(
    format: &Format,
    input: &ReportInput,
    last_year: Option<&Report>,
) -> Result<Report, ReportError> {
    let table3 = input.table3.fill(format)?;
    let table4 = input.table4.fill(format)?;
    let mut problems = Vec::new();
    problems.extend(check::table3(format, &table3)?);
    if let Some(last_year) = last_year {
        problems.extend(check::carried_over(format, &table3, last_year));
    }
    problems.extend(check::table4(format, &table4));
    problems.extend(check::fees(input));
    Ok(Report {
        year: input.year,
        table2: input.table2.fill(format),
        table3: table3.cells,
        table4: table4.iter().map(|group| group.cells).collect(),
        problems,
    })
}
