//! The balance rules of the format, each mismatch named cell by cell in Chinese:
//! - 表三, every column: 一 + 二 = （七）总计 + 四 (the 勾稽关系 printed in the table);
//! - 表三, every column: （七）总计 = （一）+（二）+ Σ（三）+ Σ（四）+ Σ（五）+ Σ（六）;
//! - 表三, every row: 总计 = the six applicant columns;
//! - 表三's 二 this year = 四 in last year's report (practice, not a written rule);
//! - 表四, every group: 总计 = 维持 + 纠正 + 其他 + 尚未审结;
//! - section 六's fee = the fees recorded on the year's requests.

use crate::format::{CARRIED_OVER, CARRY_FORWARD, NEW_RECEIVED, RESULTS_TOTAL, TOTAL_COLUMN};
use crate::money::yuan;
use crate::table3::Table3Filled;
use crate::table4::{CaseOutcome, Table4Group};
use crate::{Format, Report, ReportError, ReportInput};

/// Where a problem is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TableName {
    Table3,
    Table4,
    Section6,
}

impl TableName {
    pub fn label(self) -> &'static str {
        match self {
            TableName::Table3 => "表三",
            TableName::Table4 => "表四",
            TableName::Section6 => "六、其他需要报告的事项",
        }
    }
}

/// A cell a problem involves, by the format's keys (表四: the group's key and `upheld`,
/// `corrected`, `other`, `pending` or `total`; 六: `fees`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CellRef {
    pub table: TableName,
    pub row: String,
    pub column: String,
}

/// A balance rule that does not hold, with the cells it involves and the sentence that says so.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub table: TableName,
    pub cells: Vec<CellRef>,
    pub message: String,
}

fn cell3(format: &Format, row: usize, column: usize) -> CellRef {
    CellRef {
        table: TableName::Table3,
        row: format.table3.rows[row].key.clone(),
        column: format.table3.columns[column].key.clone(),
    }
}

/// A column's name as printed, its group before it where the label alone is ambiguous (其他).
fn column_name(format: &Format, column: usize) -> String {
    let column = &format.table3.columns[column];
    match &column.group {
        Some(group) => format!("{group}—{}", column.label),
        None => column.label.clone(),
    }
}

pub(crate) fn table3(format: &Format, filled: &Table3Filled) -> Result<Vec<Problem>, ReportError> {
    let cells = &filled.cells;
    let given = &filled.given;
    let rows = format.table3.rows.len();
    let columns = format.table3.columns.len();
    let total_column = format.table3_column(TOTAL_COLUMN)?;
    let new_received = format.table3_row(NEW_RECEIVED)?;
    let carried_over = format.table3_row(CARRIED_OVER)?;
    let results_total = format.table3_row(RESULTS_TOTAL)?;
    let carry_forward = format.table3_row(CARRY_FORWARD)?;
    let mut problems = Vec::new();

    for row in (0..rows).filter(|&row| given[row][total_column]) {
        let sum: u32 = (0..columns)
            .filter(|&c| c != total_column)
            .map(|c| cells[row][c])
            .sum();
        if sum != cells[row][total_column] {
            problems.push(Problem {
                table: TableName::Table3,
                cells: vec![cell3(format, row, total_column)],
                message: format!(
                    "表三“{}”行：总计填 {}，六类申请人之和为 {sum}",
                    format.table3_row_name(row),
                    cells[row][total_column]
                ),
            });
        }
    }
    for column in (0..columns).filter(|&c| given[results_total][c]) {
        let sum: u32 = (0..rows)
            .filter(|&row| format.is_result_row(row))
            .map(|row| cells[row][column])
            .sum();
        if sum != cells[results_total][column] {
            problems.push(Problem {
                table: TableName::Table3,
                cells: vec![cell3(format, results_total, column)],
                message: format!(
                    "表三“{}”列：（七）总计填 {}，（一）至（六）各项之和为 {sum}",
                    column_name(format, column),
                    cells[results_total][column]
                ),
            });
        }
    }
    // One column across four rows: an index reads plainer than four zipped iterators.
    #[allow(clippy::needless_range_loop)]
    for column in 0..columns {
        let (received, carried) = (cells[new_received][column], cells[carried_over][column]);
        let (answered, forward) = (cells[results_total][column], cells[carry_forward][column]);
        if received + carried != answered + forward {
            problems.push(Problem {
                table: TableName::Table3,
                cells: [new_received, carried_over, results_total, carry_forward]
                    .into_iter()
                    .map(|row| cell3(format, row, column))
                    .collect(),
                message: format!(
                    "表三“{}”列：一、本年新收（{received}）加二、上年结转（{carried}）共 {}，不等于（七）总计（{answered}）加四、结转下年度（{forward}）共 {}",
                    column_name(format, column),
                    received + carried,
                    answered + forward
                ),
            });
        }
    }
    Ok(problems)
}

pub(crate) fn carried_over(format: &Format, cells: &Table3Filled, last: &Report) -> Vec<Problem> {
    let (Ok(carried_over), Ok(carry_forward)) = (
        format.table3_row(CARRIED_OVER),
        format.table3_row(CARRY_FORWARD),
    ) else {
        return Vec::new();
    };
    let Some(last_forward) = last.table3.get(carry_forward) else {
        return Vec::new();
    };
    (0..format.table3.columns.len())
        .filter_map(|column| {
            let now = cells.cells[carried_over][column];
            let before = last_forward.get(column).copied()?;
            (now != before).then(|| Problem {
                table: TableName::Table3,
                cells: vec![cell3(format, carried_over, column)],
                message: format!(
                    "表三“{}”列：二、上年结转为 {now}，{}年报告的四、结转下年度继续办理为 {before}",
                    column_name(format, column),
                    last.year
                ),
            })
        })
        .collect()
}

pub(crate) fn table4(format: &Format, groups: &[Table4Group]) -> Vec<Problem> {
    format
        .table4
        .groups
        .iter()
        .zip(groups)
        .filter(|(_, group)| group.total_given)
        .filter_map(|(named, group)| {
            let sum: u32 = group.cells[..4].iter().sum();
            (sum != group.cells[4]).then(|| Problem {
                table: TableName::Table4,
                cells: vec![CellRef {
                    table: TableName::Table4,
                    row: named.key.clone(),
                    column: "total".to_owned(),
                }],
                message: format!(
                    "表四“{}”：总计填 {}，{}之和为 {sum}",
                    named.label,
                    group.cells[4],
                    CaseOutcome::ALL.map(CaseOutcome::label).join("、")
                ),
            })
        })
        .collect()
}

pub(crate) fn fees(input: &ReportInput) -> Option<Problem> {
    let recorded = input.recorded_fees_fen;
    let message = match input.stated_fees_fen {
        Some(stated) if stated != recorded => format!(
            "六、其他需要报告的事项：说明收取信息处理费 {} 元，依申请公开登记的收费为 {} 元",
            yuan(stated),
            yuan(recorded)
        ),
        None if recorded != 0 => format!(
            "六、其他需要报告的事项：尚未说明信息处理费，依申请公开登记本年收费 {} 元",
            yuan(recorded)
        ),
        _ => return None,
    };
    Some(Problem {
        table: TableName::Section6,
        cells: vec![CellRef {
            table: TableName::Section6,
            row: "fees".to_owned(),
            column: "fees".to_owned(),
        }],
        message,
    })
}
