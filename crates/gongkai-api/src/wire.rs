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

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct IdArgs {
    pub id: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ExportResult {
    pub path: String,
}

/// The event name under which the desktop shell forwards [`ProgressEvent`]s to the window.
pub const PROGRESS_EVENT: &str = "gongkai://progress";

/// Progress of a long command (an import of 100,000 rows), sent to the window as it happens.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ProgressEvent {
    /// The command reporting, e.g. `payouts_import`.
    pub task: String,
    /// What it is doing now, in Chinese.
    pub stage: String,
    /// 0–100.
    pub percent: u32,
}

mod profile;
pub use profile::*;
mod backup;
pub use backup::*;
mod payouts;
pub use payouts::*;
mod import_mapping;
pub use import_mapping::*;
mod payout_notice;
pub use payout_notice::*;
mod notice_settings;
pub use notice_settings::*;
mod records;
pub use records::*;
mod calendar;
pub use calendar::*;
mod sync;
pub use sync::*;
mod catalog;
pub use catalog::*;
mod labels;
pub use labels::*;
mod postings;
pub use postings::*;
mod boards;
pub use boards::*;
mod photos;
pub use photos::*;
mod plan;
pub use plan::*;
mod version;
pub use version::*;
mod request_letters;
pub use request_letters::*;
mod documents;
pub use documents::*;
mod requests;
pub use requests::*;
mod catalog_import;
pub use catalog_import::*;
mod report;
pub use report::*;
mod catalog_provenance;
pub use catalog_provenance::*;
mod reading;
pub use reading::*;
