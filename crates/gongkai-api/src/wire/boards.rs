//! Wire types of bulletin boards (公开栏): templates, boards and their layouts of zones.
//!
//! Lengths are whole millimetres. Positions and sizes come in as signed numbers so a zone
//! dragged past the board's left or top edge reaches the core, which names the zone and the
//! edge; what goes out is never negative.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{BoardCadence, BoardScope, PaperSize, SheetOrientation};

/// A rectangle on a board in mm: `x` from the left edge, `y` from the top edge.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ZoneRect {
    pub x: i32,
    pub y: i32,
    pub width: i32,
    pub height: i32,
}

/// A zone (版块) as the designer saves it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ZoneInput {
    /// The zone's id from an earlier layout of the board (it stays the same zone when moved);
    /// none for a new zone. Ignored for templates.
    #[serde(default)]
    pub id: Option<String>,
    pub name: String,
    pub rect: ZoneRect,
    pub cadence: BoardCadence,
    /// 每月 / 每季度 / 每半年: the day of the month the sheet is due (1–31).
    #[serde(default)]
    pub due_day: Option<u32>,
    /// 随时: within how many days of the matter.
    #[serde(default)]
    pub due_within_days: Option<u32>,
    /// 随时: counted in working days on the official calendar.
    #[serde(default)]
    pub due_in_working_days: bool,
    /// The fewest calendar days a sheet stays up; none: no rule.
    #[serde(default)]
    pub min_days: Option<u32>,
}

/// How many whole sheets of one paper, hung one way, a zone holds (20 mm between sheets).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SheetFit {
    pub paper: PaperSize,
    pub orientation: SheetOrientation,
    pub columns: u32,
    pub rows: u32,
    pub count: u32,
}

/// A zone of a layout or a template.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct BoardZone {
    /// Names the zone across layout versions; none in a template.
    pub id: Option<String>,
    /// From 1, in the layout's order.
    pub position: u32,
    pub name: String,
    pub rect: ZoneRect,
    pub cadence: BoardCadence,
    pub due_day: Option<u32>,
    pub due_within_days: Option<u32>,
    pub due_in_working_days: bool,
    pub min_days: Option<u32>,
    /// The due rule as the clerk reads it: 每月，次月 15 日前.
    pub rule: String,
    /// A4 and A3, portrait and landscape.
    pub sheet_fits: Vec<SheetFit>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct BoardTemplate {
    pub id: String,
    pub name: String,
    pub scope: BoardScope,
    /// Where the shape comes from.
    pub note: String,
    pub width: u32,
    pub height: u32,
    pub zones: Vec<BoardZone>,
    pub updated_at: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct BoardTemplates {
    pub templates: Vec<BoardTemplate>,
}

/// A template created (no id) or replaced.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct BoardTemplateInput {
    #[serde(default)]
    pub id: Option<String>,
    pub name: String,
    pub scope: BoardScope,
    #[serde(default)]
    pub note: String,
    pub width: i32,
    pub height: i32,
    pub zones: Vec<ZoneInput>,
}

/// Apply a template (统一格式): a 乡镇 template makes the township's board; a 村 template a
/// board for each village named (none: every village).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct BoardTemplateApplyArgs {
    pub template_id: String,
    #[serde(default)]
    pub village_ids: Option<Vec<String>>,
    /// Give boards already made from the template its layout again (a new layout version
    /// where sheets are posted; a village's own deviation and its reason are dropped).
    #[serde(default)]
    pub replace: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct BoardTemplateApplyResult {
    /// Ids of the boards made.
    pub created: Vec<String>,
    /// Ids of the boards given the template's layout again.
    pub replaced: Vec<String>,
    /// Ids of the boards of the template left as they were.
    pub kept: Vec<String>,
    /// Every board in use, after.
    pub boards: Vec<Board>,
}

/// A board with one version of its layout (the one in force unless another was asked for).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Board {
    pub id: String,
    /// None: the township's own board.
    pub village_id: Option<String>,
    pub village_name: Option<String>,
    pub name: String,
    pub location: String,
    pub template_id: Option<String>,
    pub template_name: Option<String>,
    /// Why the board departs from its template.
    pub deviation_reason: Option<String>,
    /// The layout version in force.
    pub layout_version: u32,
    /// The version `width`, `height` and `zones` are of.
    pub shown_version: u32,
    /// YYYY-MM-DD; none while in use.
    pub retired_on: Option<String>,
    pub width: u32,
    pub height: u32,
    pub zones: Vec<BoardZone>,
    pub updated_at: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Boards {
    pub boards: Vec<Board>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct BoardsListArgs {
    /// Retired boards too.
    #[serde(default)]
    pub include_retired: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct BoardGetArgs {
    pub id: String,
    /// A layout version other than the one in force (a posting's, say).
    #[serde(default)]
    pub version: Option<u32>,
}

/// A board drawn by hand (no id: new, empty layout of the size given) or renamed, moved or
/// resized (a resize is a layout change: see `board_layout_save`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct BoardInput {
    #[serde(default)]
    pub id: Option<String>,
    /// None: the township's own board. Only for a new board.
    #[serde(default)]
    pub village_id: Option<String>,
    pub name: String,
    #[serde(default)]
    pub location: String,
    /// mm; required for a new board.
    #[serde(default)]
    pub width: Option<i32>,
    #[serde(default)]
    pub height: Option<i32>,
    /// Why a board made from a template is resized away from it.
    #[serde(default)]
    pub deviation_reason: Option<String>,
}

/// A board's new layout. Saved over the version in force while no sheet is posted on it, as
/// a new version otherwise; the answer's `layoutVersion` says which.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct BoardLayoutInput {
    pub board_id: String,
    pub width: i32,
    pub height: i32,
    pub zones: Vec<ZoneInput>,
    /// Required when the board was made from a template and now departs from it (kept from
    /// an earlier save when not given).
    #[serde(default)]
    pub deviation_reason: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct BoardRetireArgs {
    pub id: String,
    /// YYYY-MM-DD; default today.
    #[serde(default)]
    pub on: Option<String>,
}

/// Print a board's 示意图 (the board to scale with its numbered zones) as a PDF.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct BoardDiagramArgs {
    pub board_id: String,
    /// A layout version other than the one in force.
    #[serde(default)]
    pub version: Option<u32>,
    /// The PDF to write.
    pub out: String,
}
