use thiserror::Error;

/// Why a report could not be built. The text names the table, row or column.
#[derive(Debug, Error, PartialEq, Eq)]
pub enum ReportError {
    #[error("年度报告格式文件 annual_report_tables.json 无法读取：{0}")]
    FormatFile(String),
    #[error("年度报告格式文件 annual_report_tables.json 不符合2021年版格式：{0}")]
    FormatShape(String),
    #[error("表三没有行“{0}”")]
    UnknownTable3Row(String),
    #[error("表三没有列“{0}”")]
    UnknownTable3Column(String),
    #[error("表四没有“{0}”一组")]
    UnknownTable4Group(String),
}
