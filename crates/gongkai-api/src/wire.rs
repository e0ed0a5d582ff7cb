//! Wire types: what crosses the IPC boundary and what the CLI prints with `--json`.
//!
//! Version [`WIRE_VERSION`]. Adding an optional field is compatible; renaming or removing one,
//! or changing its meaning, bumps the version. Field names are camelCase on the wire.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

pub const WIRE_VERSION: u32 = 1;

/// The argument of commands that need none.
#[derive(Debug, Clone, Default, Serialize, Deserialize, TS)]
pub struct NoArgs {}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum VillageKind {
    Village,
    Community,
}

/// 拟稿 / 审核 / 审定
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum Role {
    Draft,
    Review,
    Approve,
}

/// Where the app stands with its database.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum DbState {
    /// No database file yet: first start.
    Missing,
    /// A database without a township.
    Empty,
    Ready,
    /// The file could not be opened; `AppStatus::problem` says why.
    Broken,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Township {
    pub id: String,
    pub name: String,
    pub division_code: Option<String>,
    pub credit_code: Option<String>,
    pub county: String,
    pub updated_at: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Village {
    pub id: String,
    pub name: String,
    pub code: String,
    pub kind: VillageKind,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Office {
    pub id: String,
    pub name: String,
    pub phone: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Person {
    pub id: String,
    pub name: String,
    pub office_id: Option<String>,
    pub office_name: Option<String>,
    pub roles: Vec<Role>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Profile {
    pub township: Township,
    pub villages: Vec<Village>,
    pub offices: Vec<Office>,
    pub people: Vec<Person>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AppStatus {
    pub wire_version: u32,
    pub db_path: String,
    pub state: DbState,
    pub schema_version: Option<u32>,
    pub profile: Option<Profile>,
    pub problem: Option<String>,
}

/// Township fields as typed in the setup and settings forms. Empty codes count as absent.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct TownshipInput {
    pub name: String,
    pub division_code: Option<String>,
    pub credit_code: Option<String>,
    pub county: String,
}

/// `id: null` adds a village; an id edits that village.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct VillageInput {
    pub id: Option<String>,
    pub name: String,
    pub code: String,
    pub kind: VillageKind,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct OfficeInput {
    pub id: Option<String>,
    pub name: String,
    pub phone: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PersonInput {
    pub id: Option<String>,
    pub name: String,
    pub office_id: Option<String>,
    pub roles: Vec<Role>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct IdArgs {
    pub id: String,
}

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
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RestoreResult {
    /// Where the content replaced by the restore was saved, so a wrong restore can be undone.
    pub previous_saved_to: String,
    pub profile: Option<Profile>,
}
