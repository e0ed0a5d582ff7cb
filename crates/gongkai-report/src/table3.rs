//! 表三 收到和处理政府信息公开申请情况: counts keyed by the format's row and column keys, as the
//! requests register gives them. Totals the input leaves out are summed; totals it gives are
//! kept as given so the balance rules can find where they disagree.

use std::collections::BTreeMap;

use crate::format::{RESULTS_TOTAL, TOTAL_COLUMN};
use crate::{Format, ReportError};

/// Counts by (row key, column key), e.g. (`partial`, `natural_person`).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Table3Input {
    counts: BTreeMap<(String, String), u32>,
}

/// 表三 filled: rows × columns in the format's order, and which cells the input gave.
pub(crate) struct Table3Filled {
    pub cells: Vec<Vec<u32>>,
    pub given: Vec<Vec<bool>>,
}

impl Table3Input {
    pub fn new() -> Self {
        Table3Input::default()
    }

    /// Adds `count` to a cell (several sources may count into one cell).
    pub fn add(&mut self, row: &str, column: &str, count: u32) -> &mut Self {
        let cell = self
            .counts
            .entry((row.to_owned(), column.to_owned()))
            .or_insert(0);
        *cell = cell.saturating_add(count);
        self
    }

    /// Sets a cell, replacing what was there.
    pub fn set(&mut self, row: &str, column: &str, count: u32) -> &mut Self {
        self.counts
            .insert((row.to_owned(), column.to_owned()), count);
        self
    }

    pub fn get(&self, row: &str, column: &str) -> Option<u32> {
        self.counts
            .get(&(row.to_owned(), column.to_owned()))
            .copied()
    }

    /// Every cell given, by keys.
    pub fn cells(&self) -> impl Iterator<Item = (&str, &str, u32)> {
        self.counts
            .iter()
            .map(|((row, column), count)| (row.as_str(), column.as_str(), *count))
    }

    pub(crate) fn fill(&self, format: &Format) -> Result<Table3Filled, ReportError> {
        let rows = format.table3.rows.len();
        let columns = format.table3.columns.len();
        let mut cells = vec![vec![0u32; columns]; rows];
        let mut given = vec![vec![false; columns]; rows];
        for ((row, column), count) in &self.counts {
            let row = format.table3_row(row)?;
            let column = format.table3_column(column)?;
            cells[row][column] = *count;
            given[row][column] = true;
        }
        let total_column = format.table3_column(TOTAL_COLUMN)?;
        let results_total = format.table3_row(RESULTS_TOTAL)?;
        // （七）总计 of each applicant column first, then the 总计 column of every row, so the
        // corner is the sum of the row it closes.
        for column in (0..columns).filter(|&c| c != total_column) {
            if !given[results_total][column] {
                cells[results_total][column] = (0..rows)
                    .filter(|&row| format.is_result_row(row))
                    .map(|row| cells[row][column])
                    .sum();
            }
        }
        for row in 0..rows {
            if !given[row][total_column] {
                cells[row][total_column] = (0..columns)
                    .filter(|&c| c != total_column)
                    .map(|column| cells[row][column])
                    .sum();
            }
        }
        Ok(Table3Filled { cells, given })
    }
}
