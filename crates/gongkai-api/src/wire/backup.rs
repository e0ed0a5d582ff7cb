//! Backups, restores, the backup passphrase and the integrity check on the wire.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::Profile;

/// `out: null` writes into the 备份 folder beside the database.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct BackupArgs {
    pub out: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct BackupResult {
    pub path: String,
    #[ts(type = "number")]
    pub bytes: u64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CheckReport {
    pub ok: bool,
    pub schema_version: u32,
    pub integrity: String,
    pub villages: u32,
    pub offices: u32,
    pub people: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RestoreArgs {
    /// The backup file to restore from.
    pub from: String,
    /// The backup passphrase it was made under (a backup of a release before 13 needs none).
    pub passphrase: Option<String>,
}

/// Sets the backup passphrase (`current` empty), or changes it (`current` the one in force).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct BackupPassphraseArgs {
    pub current: Option<String>,
    pub new: String,
}

/// Whether backups can be made, and where this PC keeps the secrets.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct BackupStatus {
    /// When the backup passphrase was set or last changed; `null` until it is (backups refused).
    pub passphrase_set_at: Option<String>,
    /// Where the ID-number key and the sync signing key are kept on this PC, in Chinese.
    pub key_storage: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RestoreResult {
    /// Where the content replaced by the restore was saved, so a wrong restore can be undone.
    pub previous_saved_to: String,
    pub profile: Option<Profile>,
}
