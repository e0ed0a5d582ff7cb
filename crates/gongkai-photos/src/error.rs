use thiserror::Error;

/// Why a picture the clerk chose cannot be kept as evidence. Messages are Chinese, name the file
/// and say what to do.
#[derive(Debug, Error, Clone, PartialEq, Eq)]
pub enum PhotoError {
    #[error("照片“{name}”是空文件（0 字节），请重新选择")]
    Empty { name: String },
    #[error("“{name}”不是 JPEG 或 PNG 照片，不能作为张贴照片")]
    NotAnImage { name: String },
    /// A picture, but of a format not taken; `format` names it as the clerk knows it.
    #[error(
        "照片“{name}”是 {format} 格式，工作台只收 JPEG 或 PNG 照片：请在手机或电脑上另存为 JPEG 后再添加"
    )]
    Unsupported { name: String, format: &'static str },
    #[error("照片“{name}”的数据不完整（文件可能没有传完或已损坏），请从手机重新复制")]
    Truncated { name: String },
    #[error(
        "照片“{name}”的尺寸为 {width}×{height} 像素，超过上限（每边不超过 {max_side} 像素、共不超过 {max_megapixels} 百万像素），为免占满内存不予读取"
    )]
    TooLarge {
        name: String,
        width: u32,
        height: u32,
        max_side: u32,
        max_megapixels: u64,
    },
    /// Within the pixel limit, but its pixels need more memory than a decoder may take (a
    /// 16-bit picture with transparency takes 8 bytes a pixel).
    #[error(
        "照片“{name}”（{width}×{height} 像素）解码所需内存超过上限，请缩小或另存为 JPEG 后再添加"
    )]
    TooMuchMemory {
        name: String,
        width: u32,
        height: u32,
    },
    #[error("照片“{name}”已损坏，无法读取：{detail}")]
    Damaged { name: String, detail: String },
    #[error("照片“{name}”无法压缩保存：{detail}")]
    Encode { name: String, detail: String },
    #[error("照片长边上限须在 {min} 到 {max} 像素之间，“{value}”不在此范围")]
    MaxEdgeOutOfRange { value: u32, min: u32, max: u32 },
}
