use thiserror::Error;

/// Why bundled (or synced) catalog data was refused. Messages are Chinese and name the file and,
/// where there is one, the item, so whoever maintains the data finds the place at once.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum CatalogError {
    /// The file is not JSON of the documented shape (`assets/catalog/README.md`).
    #[error("目录数据文件“{file}”无法读取：{detail}")]
    BadJson { file: String, detail: String },
    /// The file is readable but breaks a rule of the schema.
    #[error("目录数据文件“{file}”{}有误：{message}", item.as_ref().map(|i| format!("中的事项“{i}”")).unwrap_or_default())]
    Invalid {
        file: String,
        /// `一级事项/二级事项` of the offending item, if the problem is in one.
        item: Option<String>,
        message: String,
    },
}
