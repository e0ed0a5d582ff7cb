use thiserror::Error;

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum PrintError {
    /// Each place reads like “第 3 行：刘𫟼（缺“𫟼”）”.
    #[error("以下文字中有字库没有的字，为避免公示单上出现方框或空白，已停止打印：{}。请联系技术支持补充字库，切勿以同音字代替", places.join("；"))]
    MissingGlyphs { places: Vec<String> },
    #[error("内置字体“{0}”无法读取，安装可能已损坏")]
    Font(&'static str),
    #[error("表格没有列，无法打印")]
    NoColumns,
    #[error("没有可打印的内容")]
    Empty,
    #[error("二维码无法生成（{0}）：网址过长，请缩短后重试")]
    QrCode(String),
    /// A board diagram that cannot be drawn as given: a sheet outside the zones, a zone that
    /// cannot hold its sheets. Names the board, zone and sheet.
    #[error("张贴示意图无法绘制：{0}")]
    Diagram(String),
    #[error("表格有误：{0}")]
    Table(String),
    #[error("表头分组有误：{0}")]
    BadGroup(String),
    /// Subsetting a bundled face or assembling the file failed; a bug, never the clerk's data.
    #[error("生成 PDF 文件失败（{0}），请联系技术支持")]
    Pdf(String),
}
