//! The notice defaults of a 补贴项目 on the wire.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Whose notice defaults: a 补贴项目, or `null`/blank for the default of all projects.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct NoticeSettingsArgs {
    pub project: Option<String>,
}

/// The notice defaults of a 补贴项目 (`project` blank: of all projects without their own): the
/// 公示期 in days and the footer's 监督举报电话, 制表人 and 审核人. `payouts_post`, `payouts_print`
/// and `payouts_archive` use them for whatever they are not given. Read for a project without
/// its own: the general default, else the ones saved last, else 7 days and the first office
/// phone.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct NoticeSettings {
    pub project: String,
    pub notice_days: u32,
    pub hotline: Option<String>,
    pub prepared_by: Option<String>,
    pub reviewed_by: Option<String>,
}
