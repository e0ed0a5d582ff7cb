use gongkai_domain::DomainError;
use gongkai_store::StoreError;
use serde::Serialize;
use thiserror::Error;
use ts_rs::TS;

/// An error as the UI and the CLI receive it: a stable code for programs and a Chinese message
/// for the clerk.
#[derive(Debug, Clone, PartialEq, Eq, Error, Serialize, TS)]
#[error("{message}")]
pub struct ApiError {
    pub code: String,
    pub message: String,
}

impl ApiError {
    fn new(code: &str, message: impl Into<String>) -> Self {
        Self {
            code: code.to_owned(),
            message: message.into(),
        }
    }

    /// A failure outside the core's own logic (a crashed worker thread, say).
    pub fn internal(detail: impl std::fmt::Display) -> Self {
        Self::new("internal", format!("工作台内部错误：{detail}"))
    }

    pub(crate) fn list_state(message: String) -> Self {
        Self::new("list_state", message)
    }

    /// Sync with the county portal failed or was refused; the message says why in Chinese.
    pub(crate) fn sync(message: String) -> Self {
        Self::new("sync", message)
    }

    pub(crate) fn invalid(message: String) -> Self {
        Self::new("invalid_input", message)
    }

    pub(crate) fn export(out: &str, detail: &str) -> Self {
        Self::new("export", format!("无法写入文件“{out}”：{detail}"))
    }

    pub(crate) fn folder_not_creatable(dir: &std::path::Path, e: &std::io::Error) -> Self {
        Self::new(
            "db_unreadable",
            format!("无法创建数据库所在的文件夹“{}”：{e}", dir.display()),
        )
    }

    pub(crate) fn no_database() -> Self {
        Self::new(
            "no_database",
            "还没有数据库：请先新建本镇（街道）或打开示范镇",
        )
    }
}

impl From<DomainError> for ApiError {
    fn from(e: DomainError) -> Self {
        Self::new("invalid_input", e.to_string())
    }
}

impl From<gongkai_print::PrintError> for ApiError {
    fn from(e: gongkai_print::PrintError) -> Self {
        let code = match &e {
            gongkai_print::PrintError::MissingGlyphs { .. } => "missing_glyphs",
            _ => "print",
        };
        Self::new(code, e.to_string())
    }
}

impl From<StoreError> for ApiError {
    fn from(e: StoreError) -> Self {
        let code = match &e {
            StoreError::Open { .. } | StoreError::NotADatabase { .. } => "db_unreadable",
            StoreError::Corrupt { .. } => "db_corrupt",
            StoreError::TooNew { .. }
            | StoreError::MigrationMismatch { .. }
            | StoreError::NotCurrent { .. } => "db_version",
            StoreError::NoTownship => "no_township",
            StoreError::TownshipExists(_) => "township_exists",
            StoreError::Duplicate { .. } => "duplicate",
            StoreError::NotFound { .. } => "not_found",
            StoreError::OfficeInUse { .. } => "in_use",
            StoreError::BackupExists { .. } | StoreError::BackupIo { .. } => "backup",
            StoreError::RestoreRefused { .. } => "restore_refused",
            StoreError::BadStoredValue(_) => "bad_stored_value",
            StoreError::Busy => "busy",
            StoreError::Randomness(_) => "internal",
            StoreError::Secrets(gongkai_store::SecretsError::WeakPassphrase(_)) => {
                "weak_passphrase"
            }
            StoreError::Secrets(gongkai_store::SecretsError::WrongPassphrase)
            | StoreError::PassphraseNeeded => "wrong_passphrase",
            StoreError::NoBackupPassphrase => "no_backup_passphrase",
            StoreError::Secrets(_)
            | StoreError::SecretMissing { .. }
            | StoreError::SecretMismatch { .. } => "secrets",
            StoreError::ListState(_) => "list_state",
            StoreError::Catalog(_) => "catalog",
            StoreError::Plan(_) => "plan",
            StoreError::Board(_) => "board",
            StoreError::Sqlite(_) => "db_error",
        };
        Self::new(code, e.to_string())
    }
}
