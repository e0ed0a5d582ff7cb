use thiserror::Error;

/// Errors of the protocol library (keys, encodings, bodies, URLs). Messages are Chinese.
#[derive(Debug, Error, Clone, PartialEq, Eq)]
pub enum SyncError {
    #[error("密钥格式不正确：{0}")]
    BadKey(String),
    #[error("无法生成随机密钥：{0}")]
    Random(String),
    #[error("数据压缩格式不正确：{0}")]
    BadGzip(String),
    #[error("数据解压后超过 {limit} 字节上限")]
    TooLarge { limit: usize },
    #[error("数据格式不正确：{0}")]
    BadJson(String),
    #[error("县级平台地址不正确：{0}")]
    BadUrl(String),
    #[error(
        "县级平台地址“{0}”未使用 https：明文 http 只允许本机回环地址（127.0.0.1、[::1]、localhost）"
    )]
    InsecureUrl(String),
}
