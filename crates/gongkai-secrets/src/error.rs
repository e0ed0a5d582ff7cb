use std::path::PathBuf;

use thiserror::Error;

/// What keeping a secret can fail at. Messages are Chinese and shown to the clerk.
#[derive(Debug, Error)]
pub enum SecretsError {
    #[error("备份口令太弱：{0}")]
    WeakPassphrase(&'static str),
    #[error("备份口令不正确")]
    WrongPassphrase,
    #[error("读写密钥文件“{}”失败：{source}", path.display())]
    KeyFile {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("密钥文件“{}”的内容已损坏", path.display())]
    KeyFileDamaged { path: PathBuf },
    #[error("无法使用本机的系统密钥库（{system}），也无法使用密钥文件：{file}")]
    NoKeystore { system: String, file: String },
    #[error("在{0}中写入密钥后读回的内容与写入的不一致，已停止，数据库没有改动")]
    ReadBackDiffers(String),
    #[error("备份中的密钥无法读出（{0}），文件可能被改动过")]
    SealDamaged(String),
    #[error("加密密钥失败：{0}")]
    Encrypt(String),
    #[error("无法生成随机数：{0}")]
    Randomness(String),
}
