//! The app's state and the township profile (本镇、村（社区）、科室、人员) on the wire.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{Role, VillageKind};

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
