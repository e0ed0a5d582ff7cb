use thiserror::Error;

/// Why a file could not be read at all. Row-level problems are the caller's to report.
#[derive(Debug, Error)]
pub enum SheetsError {
    #[error("无法读取文件“{file}”：{}", io_reason(source))]
    Io {
        file: String,
        source: std::io::Error,
    },
    #[error("文件“{file}”不是 Excel 工作簿（.xlsx/.xls）或 CSV 文件，请确认导出格式")]
    UnknownFormat { file: String },
    #[error("文件“{file}”是空的（0 字节）：请确认下载或复制完整后再导入")]
    Empty { file: String },
    /// A PDF, whatever its name: counties publish tables as PDF too, and a PDF's table cannot
    /// be read back reliably, so the clerk is told to ask for the original.
    #[error(
        "文件“{file}”是 PDF 文件，其中的表格无法可靠读取：请向发文单位索取 Excel（.xlsx/.xls）或 Word（.docx）原件后再导入"
    )]
    Pdf { file: String },
    #[error(
        "文件“{file}”设置了打开密码（已加密），无法读取：请在 Office/WPS 中取消密码后另存，再导入"
    )]
    Encrypted { file: String },
    #[error(
        "Word 文件“{file}”中没有表格：请确认附件就是目录表本身（表格须用 Word 的表格制作，不是文字排版）"
    )]
    NoTables { file: String },
    #[error("文件“{file}”已损坏或不完整（{detail}），请重新导出或重新复制后再导入")]
    Damaged { file: String, detail: String },
    #[error("文件“{file}”中没有名为“{sheet}”的工作表；现有工作表：{available}")]
    NoSuchSheet {
        file: String,
        sheet: String,
        available: String,
    },
    #[error(
        "无法识别文件“{file}”的文字编码（不是 UTF-8、GBK 或 GB18030），请用 Excel 另存为“CSV UTF-8”后再导入"
    )]
    UnknownEncoding { file: String },
    #[error(
        "文件“{file}”第 {sheet} 个工作表的内容一直延伸到第 {last_row} 行 {last_column} 列，范围过大：请删除表格以外的多余内容（或修复损坏的文件），另存为 .xlsx 后再导入"
    )]
    TooSpread {
        file: String,
        sheet: u32,
        last_row: u32,
        last_column: String,
    },
    #[error(
        "文件“{file}”工作表“{sheet}”的合并单元格范围过大（合计超过 400 万个单元格）：请取消表格以外的合并后再导入"
    )]
    MergesTooLarge { file: String, sheet: String },
    #[error("文件“{file}”第 {line} 行无法按 CSV 读取：{detail}")]
    BadCsv {
        file: String,
        line: u64,
        detail: String,
    },
}

/// Why a file could not be read, in the clerk's words for the usual reasons.
fn io_reason(error: &std::io::Error) -> String {
    match error.kind() {
        std::io::ErrorKind::NotFound => "找不到这个文件，请确认文件位置和名称".to_owned(),
        std::io::ErrorKind::PermissionDenied => {
            "没有读取权限（文件可能正被其他程序打开），请关闭后再试".to_owned()
        }
        std::io::ErrorKind::IsADirectory => "这是一个文件夹，请选择其中的文件".to_owned(),
        _ => error.to_string(),
    }
}
