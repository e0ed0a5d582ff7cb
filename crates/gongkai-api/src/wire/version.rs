//! Wire type of 设置 → 关于: which build this is.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// The workspace's one version and the versions of what this build reads and speaks, so a
/// county's IT staff can tell which release a township runs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AppVersion {
    /// The release, e.g. `0.1.0` (the workspace version: app, CLI and portal share it).
    pub version: String,
    /// The township database schema this build migrates files to.
    pub schema_version: u32,
    /// The sync protocol spoken with the county portal.
    pub protocol_version: u32,
    /// The version of these wire types (the window's contract with the core).
    pub wire_version: u32,
}
