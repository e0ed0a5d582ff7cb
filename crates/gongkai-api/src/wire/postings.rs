//! Wire types of postings: sheets on boards, what falls due, the 待办 home and the 公开栏更新台账.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{BoardDueState, PostingSource, PostingStage, RegisterState, SheetKind, TodoKind};

/// A table pasted from Excel into a composed sheet.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SheetTable {
    pub columns: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

/// A 公示 / 公告 / 通知 composed in the app (`gongkai postings add --sheet 公示单.json`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ComposedSheetInput {
    pub kind: SheetKind,
    pub title: String,
    pub body: String,
    #[serde(default)]
    pub table: Option<SheetTable>,
    /// The notice period (公示期); none for a 通知 without one.
    #[serde(default)]
    pub period_days: Option<u32>,
    /// `calendar` (自然日, the default) or `working` (工作日, official calendar).
    #[serde(default)]
    pub period_unit: Option<String>,
    #[serde(default)]
    pub objection_phone: Option<String>,
    #[serde(default)]
    pub objection_address: Option<String>,
    /// 落款: the issuing body.
    pub issuer: String,
    /// YYYY-MM-DD.
    pub issued_on: String,
    /// `A4` (default) or `A3`.
    #[serde(default)]
    pub paper: Option<String>,
    #[serde(default)]
    pub landscape: bool,
}

/// Put one sheet on one zone: exactly one of `payoutListId`, `recordId`, `sheet`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PostingAddArgs {
    pub board_id: String,
    pub zone_id: String,
    /// The posting round it is printed with; default: the period's or the notice's month and
    /// the zone's name (2026年11月 财务公开).
    #[serde(default)]
    pub round: Option<String>,
    /// The period a periodic zone's sheet serves (2026-11, 2026-Q4, 2026-H2); default: the
    /// period before the one holding the notice's first day.
    #[serde(default)]
    pub period: Option<String>,
    #[serde(default)]
    pub payout_list_id: Option<String>,
    #[serde(default)]
    pub record_id: Option<String>,
    #[serde(default)]
    pub sheet: Option<ComposedSheetInput>,
    /// Default: the sheet's title.
    #[serde(default)]
    pub title: Option<String>,
    /// YYYY-MM-DD; default: today (a list's recorded 公示期 for a payout notice).
    #[serde(default)]
    pub notice_from: Option<String>,
    /// YYYY-MM-DD; default: from the sheet's notice period, else the zone's minimum days.
    #[serde(default)]
    pub notice_to: Option<String>,
    /// The posting taken down early that this one puts up again.
    #[serde(default)]
    pub reposts: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PostingsListArgs {
    #[serde(default)]
    pub board_id: Option<String>,
    #[serde(default)]
    pub round: Option<String>,
    /// A stored status: draft, printed, posted, taken_down, archived.
    #[serde(default)]
    pub status: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PostingSummary {
    pub id: String,
    pub board_id: String,
    pub board_name: String,
    /// None: the township's own board.
    pub village: Option<String>,
    pub zone_id: String,
    pub zone_name: String,
    pub round: String,
    pub period: Option<String>,
    pub source: PostingSource,
    pub title: String,
    pub register_no: String,
    pub notice_from: String,
    pub notice_to: String,
    pub stage: PostingStage,
    /// `PostingStageLabels[stage]`, kept for scripts reading `--json`.
    pub stage_label: String,
    pub printed_at: Option<String>,
    pub posted_on: Option<String>,
    pub posted_by: Option<String>,
    pub taken_down_on: Option<String>,
    pub archived_at: Option<String>,
    /// Why the take-down was early (须重新张贴), when it was.
    pub early_take_down: Option<String>,
    /// Taken down early and not yet put up again.
    pub must_repost: bool,
    pub reposts: Option<String>,
    pub reposted_by: Option<String>,
    pub photo_count: u32,
    pub objection_count: u32,
    /// The sheet as printed is kept (and goes to the county).
    pub has_file: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Postings {
    pub postings: Vec<PostingSummary>,
    /// Every round postings were added in, newest first.
    pub rounds: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ObjectionEntry {
    pub id: String,
    pub received_on: String,
    pub from_whom: String,
    pub content: String,
    pub answer: Option<String>,
    pub answered_on: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PostingDetail {
    pub posting: PostingSummary,
    pub objections: Vec<ObjectionEntry>,
    /// The composed sheet, for a posting of one.
    pub sheet: Option<ComposedSheetInput>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PostingMarkPostedArgs {
    pub id: String,
    /// YYYY-MM-DD.
    pub on: String,
    /// Who put it up.
    pub by: String,
    /// Photos of the sheet on the wall (JPEG or PNG files), stored with the posting in the same
    /// transaction.
    #[serde(default)]
    #[ts(optional)]
    pub photos: Option<Vec<String>>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PostingTakeDownArgs {
    pub id: String,
    /// YYYY-MM-DD.
    pub on: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ObjectionAddArgs {
    pub posting_id: String,
    pub received_on: String,
    pub from_whom: String,
    pub content: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ObjectionAnswerArgs {
    pub id: String,
    pub answer: String,
    pub answered_on: String,
}

/// A sheet as printing would draw it: a posting's, or a composed sheet not saved yet.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SheetPreviewArgs {
    #[serde(default)]
    pub posting_id: Option<String>,
    #[serde(default)]
    pub sheet: Option<ComposedSheetInput>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SheetPreview {
    pub file_name: String,
    pub pdf_base64: String,
}

/// Print a round: per village one pack (示意图, sheets in zone order, 张贴回执), or all bound.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PostingsPrintArgs {
    pub round: String,
    pub out_dir: String,
    #[serde(default)]
    pub one_file: Option<bool>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PrintedPack {
    /// The village (or 本镇); for a bound file, every village joined by 、.
    pub village: String,
    pub path: String,
    pub sheets: u32,
    pub bytes: u64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PostingsPrintResult {
    pub packs: Vec<PrintedPack>,
}

/// One zone's sheet for a period (or a 随时 posting's matter) not yet on the wall.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ZoneDue {
    pub board_id: String,
    pub board_name: String,
    pub village: Option<String>,
    pub zone_id: String,
    pub zone_name: String,
    /// The period (2026-11); none for a 随时 matter.
    pub period: Option<String>,
    pub due_on: String,
    pub state: BoardDueState,
    /// Days past the due date (overdue) or left (due soon, pending), calendar days.
    pub days: i64,
    /// "explain this date", in Chinese.
    pub explanation: String,
    /// The posting in progress for it (a draft or printed sheet), if any.
    pub posting_id: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PostingsDue {
    pub today: String,
    /// Overdue first, then by due date.
    pub due: Vec<ZoneDue>,
    /// Sheets on the wall whose notice period ends within three days or has ended: take down.
    pub expiring: Vec<PostingSummary>,
    /// Taken down early and not put up again.
    pub reposts: Vec<PostingSummary>,
}

/// One row of the 待办 home; `screen` is the route that opens where it is done.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct TodoRow {
    pub kind: TodoKind,
    pub title: String,
    pub detail: String,
    pub due_on: Option<String>,
    pub village: Option<String>,
    pub screen: String,
    pub target_id: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct HomeTodo {
    pub today: String,
    pub rows: Vec<TodoRow>,
    /// Records overdue or due soon in all (rows list at most 20 of them).
    pub records_due: u32,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PostingsRegisterArgs {
    /// Default: this year.
    #[serde(default)]
    pub year: Option<i32>,
}

/// One line of the 公开栏更新台账: a village's zone and period.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RegisterLine {
    /// The village, or 本镇 for the township's own board.
    pub village: String,
    pub board_name: String,
    pub zone_name: String,
    /// 2026年11月 / 2026年第四季度; for a 随时 posting its title's matter.
    pub period: String,
    pub due_on: Option<String>,
    pub state: RegisterState,
    pub title: Option<String>,
    pub register_no: Option<String>,
    pub posted_on: Option<String>,
    pub taken_down_on: Option<String>,
    /// Calendar days past the due date, for a late posting.
    pub days_late: Option<i64>,
    pub photo_count: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PostingsRegister {
    pub year: i32,
    pub lines: Vec<RegisterLine>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PostingsRegisterExportArgs {
    /// `xlsx` or `pdf`.
    pub format: String,
    pub out: String,
    #[serde(default)]
    pub year: Option<i32>,
}
