use std::path::{Path, PathBuf};

use gongkai_domain::DomainError;
use thiserror::Error;

/// Everything the store can refuse or fail at. Messages are Chinese and shown to the clerk.
#[derive(Debug, Error)]
pub enum StoreError {
    #[error("无法打开数据库文件“{}”：{source}", path.display())]
    Open {
        path: PathBuf,
        source: rusqlite::Error,
    },
    #[error("“{}”不是工作台的数据库文件，或文件已严重损坏", path.display())]
    NotADatabase { path: PathBuf },
    #[error("数据库“{}”完整性检查未通过（{detail}）。请从备份恢复，或联系县级政务公开技术支持", path.display())]
    Corrupt { path: PathBuf, detail: String },
    #[error(
        "数据库版本为 {found}，本程序只支持到 {supported}。它由更新版本的工作台写入，请先升级工作台再打开"
    )]
    TooNew { found: u32, supported: u32 },
    #[error(
        "数据库的第 {version} 号结构升级与本程序记录的不一致，可能由测试版程序写入，为防止损坏已停止打开"
    )]
    MigrationMismatch { version: u32 },
    /// A read-only open (the reading point) of a file the workstation has not upgraded yet.
    #[error(
        "数据库版本为 {found}，本程序为 {supported}：请先在工作台打开一次（完成升级）后再用公开查阅点"
    )]
    NotCurrent { found: u32, supported: u32 },
    #[error("尚未建立本镇（街道）信息")]
    NoTownship,
    #[error("本数据库已经建立了镇（街道）信息：{0}")]
    TownshipExists(String),
    #[error("已有{what}“{value}”，不能重复")]
    Duplicate { what: &'static str, value: String },
    #[error("找不到要修改的{what}，可能已被删除，请刷新后重试")]
    NotFound { what: &'static str },
    #[error("科室“{office}”下还有 {people} 名人员，请先调整这些人员的科室再删除")]
    OfficeInUse { office: String, people: u32 },
    #[error("备份文件“{}”已存在，请换一个文件名", path.display())]
    BackupExists { path: PathBuf },
    #[error("读写备份文件“{}”失败：{source}", path.display())]
    BackupIo {
        path: PathBuf,
        source: std::io::Error,
    },
    /// A restore refused before the live database was written: the source is missing, not a
    /// sound SQLite file, not Gongkai's, newer than this binary or of another migration history.
    #[error("不能从“{}”恢复：{reason}。当前数据库没有改动", path.display())]
    RestoreRefused { path: PathBuf, reason: String },
    #[error("数据库中保存的数据不符合要求：{0}")]
    BadStoredValue(#[from] DomainError),
    #[error("{0}")]
    ListState(String),
    /// A board, template or layout refused, naming the board and zone.
    #[error("{0}")]
    Board(String),
    /// A catalog adjustment that does not fit the item's state, or catalog data refused.
    #[error("{0}")]
    Catalog(String),
    /// A work plan refused (a year imported twice, a number taken).
    #[error("{0}")]
    Plan(String),
    #[error(transparent)]
    Secrets(#[from] gongkai_secrets::SecretsError),
    #[error(
        "本机的密钥库中找不到本数据库的{what}。数据库若是从另一台电脑复制来的，请在原电脑上备份，再在本机用“恢复备份”并输入备份口令"
    )]
    SecretMissing { what: &'static str },
    #[error("本机密钥库中本数据库的{what}与数据库记录的不一致，为防止用错密钥已停止")]
    SecretMismatch { what: &'static str },
    #[error(
        "尚未设置备份口令。备份中的密钥只用它加密保存，请先在“备份与恢复”中设置备份口令，再备份"
    )]
    NoBackupPassphrase,
    #[error("已经设置过备份口令；修改时请输入当前的备份口令")]
    PassphraseNeeded,
    #[error("无法生成本机密钥：{0}")]
    Randomness(String),
    #[error("数据库正被另一个程序使用，请稍后再试")]
    Busy,
    #[error("数据库操作失败：{0}")]
    Sqlite(rusqlite::Error),
}

impl StoreError {
    pub(crate) fn not_a_database(path: &Path, source: rusqlite::Error) -> Self {
        match source.sqlite_error_code() {
            Some(rusqlite::ErrorCode::NotADatabase)
            | Some(rusqlite::ErrorCode::DatabaseCorrupt) => Self::NotADatabase {
                path: path.to_owned(),
            },
            _ => Self::Open {
                path: path.to_owned(),
                source,
            },
        }
    }
}

impl From<rusqlite::Error> for StoreError {
    fn from(e: rusqlite::Error) -> Self {
        match e.sqlite_error_code() {
            Some(rusqlite::ErrorCode::DatabaseBusy) | Some(rusqlite::ErrorCode::DatabaseLocked) => {
                Self::Busy
            }
            _ => Self::Sqlite(e),
        }
    }
}
