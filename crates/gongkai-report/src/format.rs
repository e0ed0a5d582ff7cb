//! The 2021 national format as data: `assets/report/annual_report_tables.json`, loaded and
//! checked against the counts the format fixes, so a damaged file is refused by name instead of
//! printing a table of the wrong shape.

use serde::Deserialize;

use crate::ReportError;

const NATIONAL: &str = include_str!("../assets/report/annual_report_tables.json");

/// The row keys the balance rules of 表三 name.
pub const NEW_RECEIVED: &str = "new_received";
pub const CARRIED_OVER: &str = "carried_over";
pub const RESULTS_TOTAL: &str = "results_total";
pub const CARRY_FORWARD: &str = "carry_forward";
/// The 总计 column of 表三.
pub const TOTAL_COLUMN: &str = "total";

/// The six sections, 表二's sub-tables, 表三's rows and columns and 表四's groups.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct Format {
    pub source: String,
    pub sections: Vec<String>,
    pub table2: Vec<Table2Part>,
    pub table3: Table3Format,
    pub table4: Table4Format,
}

/// One sub-table of 表二: a caption (第二十条第（一）项), its columns (the first is the stub
/// 信息内容) and its rows.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct Table2Part {
    pub caption: String,
    pub columns: Vec<String>,
    pub rows: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct Table3Format {
    /// The 勾稽关系 printed in the stub.
    pub note: String,
    /// 申请人情况, over every numeric column.
    pub column_supergroup: String,
    pub columns: Vec<Table3Column>,
    pub rows: Vec<Table3Row>,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct Table3Column {
    pub key: String,
    pub label: String,
    /// 法人或其他组织 over the five organisation columns.
    pub group: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct Table3Row {
    pub key: String,
    pub label: String,
    /// The merged label to the left (三、本年度办理结果, （三）不予公开…).
    pub parent: Option<String>,
    /// 0: a row of its own (一、二、四), 1: under 三, 2: under a（三）–（六）group.
    pub level: u8,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct Table4Format {
    pub groups: Vec<Table4Group>,
    /// 结果维持, 结果纠正, 其他结果, 尚未审结, 总计.
    pub columns_per_group: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct Table4Group {
    pub key: String,
    pub label: String,
    /// 行政诉讼 over its two groups.
    pub parent: Option<String>,
}

/// The rows of 表二 the report fills, by the label the format gives them.
pub(crate) const TABLE2_ROWS: [&str; 6] = [
    "规章",
    "行政规范性文件",
    "行政许可",
    "行政处罚",
    "行政强制",
    "行政事业性收费",
];

impl Format {
    /// The format bundled with the app, checked.
    pub fn national() -> Result<Format, ReportError> {
        Format::from_json(NATIONAL)
    }

    /// A format read from JSON in the bundled file's shape, refused unless it has the 2021
    /// format's fixed counts and the rows and columns the balance rules name.
    pub fn from_json(json: &str) -> Result<Format, ReportError> {
        let format: Format =
            serde_json::from_str(json).map_err(|e| ReportError::FormatFile(e.to_string()))?;
        format.check()?;
        Ok(format)
    }

    fn check(&self) -> Result<(), ReportError> {
        let shape = |what: String| Err(ReportError::FormatShape(what));
        if self.sections.len() != 6 {
            return shape(format!("应有六个部分，实有 {} 个", self.sections.len()));
        }
        let rows = &self.table3.rows;
        let columns = &self.table3.columns;
        if rows.len() != 25 || columns.len() != 7 {
            return shape(format!(
                "表三应为 25 行 × 7 列，实为 {} 行 × {} 列",
                rows.len(),
                columns.len()
            ));
        }
        for key in [NEW_RECEIVED, CARRIED_OVER, RESULTS_TOTAL, CARRY_FORWARD] {
            if !rows.iter().any(|row| row.key == key) {
                return shape(format!("表三缺少行“{key}”"));
            }
        }
        if columns.last().map(|c| c.key.as_str()) != Some(TOTAL_COLUMN) {
            return shape("表三最后一列应为总计".to_owned());
        }
        let cells: usize = self
            .table2
            .iter()
            .map(|part| part.rows.len() * part.columns.len().saturating_sub(1))
            .sum();
        if cells != 10 {
            return shape(format!("表二应有 10 个数据格，实有 {cells} 个"));
        }
        for label in TABLE2_ROWS {
            if !self
                .table2
                .iter()
                .any(|part| part.rows.iter().any(|r| r == label))
            {
                return shape(format!("表二缺少“{label}”一行"));
            }
        }
        if self.table4.groups.len() != 3 || self.table4.columns_per_group.len() != 5 {
            return shape("表四应为三组、每组五列".to_owned());
        }
        Ok(())
    }

    pub(crate) fn table3_row(&self, key: &str) -> Result<usize, ReportError> {
        self.table3
            .rows
            .iter()
            .position(|row| row.key == key)
            .ok_or_else(|| ReportError::UnknownTable3Row(key.to_owned()))
    }

    pub(crate) fn table3_column(&self, key: &str) -> Result<usize, ReportError> {
        self.table3
            .columns
            .iter()
            .position(|column| column.key == key)
            .ok_or_else(|| ReportError::UnknownTable3Column(key.to_owned()))
    }

    /// 表三's rows that add up to （七）总计: every row under 三 but the total itself.
    pub(crate) fn is_result_row(&self, row: usize) -> bool {
        let row = &self.table3.rows[row];
        row.level >= 1 && row.key != RESULTS_TOTAL
    }

    /// A row's full name as the clerk reads it in the table (（三）不予公开 1.属于国家秘密).
    pub fn table3_row_name(&self, row: usize) -> String {
        let row = &self.table3.rows[row];
        match (&row.parent, row.level) {
            (Some(parent), 2) => format!("{parent}{}", row.label),
            _ => row.label.clone(),
        }
    }
}
