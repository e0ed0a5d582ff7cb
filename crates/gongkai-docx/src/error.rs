use thiserror::Error;

/// Why a document could not be written. The text names the place in the document.
#[derive(Debug, Error)]
pub enum DocxError {
    #[error("{place}含有 Word 文档不能保存的控制字符 U+{code:04X}")]
    ControlCharacter { place: String, code: u32 },
    #[error("表格“{table}”第 {row} 行占了 {used} 列，表格共 {columns} 列")]
    RowWidth {
        table: String,
        row: usize,
        used: usize,
        columns: usize,
    },
    #[error("表格“{table}”第 {row} 行第 {column} 列的单元格向下合并超出了表格")]
    RowSpanPastEnd {
        table: String,
        row: usize,
        column: usize,
    },
    #[error("表格“{table}”第 {row} 行第 {column} 列的单元格与上方向下合并的单元格重叠")]
    Overlap {
        table: String,
        row: usize,
        column: usize,
    },
    #[error("表格“{table}”没有列")]
    NoColumns { table: String },
    #[error("写入 .docx 文件包失败：{0}")]
    Package(#[from] zip::result::ZipError),
    #[error("写入 .docx 文件包失败：{0}")]
    Io(#[from] std::io::Error),
}
