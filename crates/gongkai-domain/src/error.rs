use thiserror::Error;

/// A value the clerk typed (or a file supplied) that the domain refuses.
///
/// Messages are Chinese and name the field, because they are shown to the clerk as they are.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum DomainError {
    #[error("{field}不能为空")]
    Blank { field: &'static str },
    #[error("{field}过长：最多 {max} 个字，现有 {actual} 个字")]
    TooLong {
        field: &'static str,
        max: usize,
        actual: usize,
    },
    #[error("{field}含有不可见的控制字符，请删除后重新输入")]
    ControlCharacter { field: &'static str },
    #[error("{field}“{value}”格式不正确：{reason}")]
    BadCode {
        field: &'static str,
        value: String,
        reason: String,
    },
    #[error("联系电话“{0}”格式不正确：只能包含数字、空格、“-”和“转”，长度 7 到 20 位")]
    BadPhone(String),
    #[error("行政区划代码和统一社会信用代码至少填写一项")]
    MissingTownshipCode,
    #[error("编号“{0}”不是有效的记录编号")]
    BadRowId(String),
    #[error("村（社区）区划代码“{village}”应以本镇（街道）区划代码“{township}”开头")]
    VillageOutsideTownship { village: String, township: String },
}
