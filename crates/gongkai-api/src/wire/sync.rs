//! Sync with the county portal on the wire.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::SyncTrigger;

/// Emitted by the desktop shell after each background sync run; no payload (the screen asks
/// `sync_status`).
pub const SYNC_EVENT: &str = "gongkai://sync";

/// `gongkai sync identity`: what the county registers. The private key never leaves the
/// township's database.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct SyncIdentity {
    pub township_code: String,
    pub public_key: String,
    pub portal_url: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SyncArgs {
    /// The portal's address; remembered for later runs. Default: the one remembered.
    pub portal: Option<String>,
    /// Why this run; default manual.
    pub trigger: Option<SyncTrigger>,
}

/// Import (or with `path: null` forget) the county portal's CA certificate, a PEM file the county
/// hands out when its HTTPS certificate is not one the system trusts.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SyncCountyCaArgs {
    pub path: Option<String>,
}

/// `gongkai sync --json`: snake_case, as scripts read it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct SyncReport {
    pub pushed: u32,
    pub pulled: u32,
    pub pending: u32,
    /// The portal's reasons for entries it refused (never sent again).
    pub rejected: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SyncRunEntry {
    pub finished_at: String,
    pub trigger: SyncTrigger,
    pub pushed: u32,
    pub pulled: u32,
    pub pending: u32,
    /// Chinese; `null`: the run succeeded.
    pub error: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CountyNotice {
    pub title: String,
    pub body: String,
    pub published_on: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SyncStatus {
    pub public_key: Option<String>,
    pub portal_url: Option<String>,
    /// SHA-256 fingerprint of the imported county CA certificate, to confirm with the county.
    pub county_ca_fingerprint: Option<String>,
    pub pending: u32,
    pub acked: u32,
    pub rejected: Vec<String>,
    pub last_success: Option<String>,
    pub runs: Vec<SyncRunEntry>,
    pub notices: Vec<CountyNotice>,
}
