use thiserror::Error;

/// Why a document, a 文号 or a change of validity was refused. Chinese, shown as is.
#[derive(Debug, Clone, Error, PartialEq, Eq)]
pub enum DocumentError {
    #[error("文号“{0}”无法识别：应为“发文机关代字〔年份〕序号号”，如“示政发〔2024〕3号”")]
    DocNumber(String),
    #[error("{0}")]
    Dates(String),
    #[error("{0}")]
    Validity(String),
    #[error("未知的{what}“{value}”")]
    Unknown { what: &'static str, value: String },
}
