//! Bulletin boards (公开栏): templates, the boards of the township and its villages, and their
//! layouts. Input is parsed into `gongkai_boards` values here (a zone past the board's left or
//! top edge named with the edge); the store checks the layout before it writes and keeps
//! versions once a sheet is posted.

pub(crate) mod demo;

use chrono::{Local, NaiveDate};
use gongkai_boards::{
    BoardScope, Cadence, CadenceKind, Layout, LayoutProblem, Millimetres, Orientation, Paper, Rect,
    SHEET_GAP, Zone, sheets_fit,
};
use gongkai_domain::RowId;
use gongkai_store::{
    ApplyTarget, BoardLayout, NewBoard, Store, StoredBoard, StoredTemplate, ZoneDraft,
};

use crate::session::OpenMode;
use crate::{Api, ApiError, wire};

impl Api {
    pub fn board_templates_list(&self, _: wire::NoArgs) -> Result<wire::BoardTemplates, ApiError> {
        self.with_store(OpenMode::Existing, templates_of)
    }

    /// Creates (no id) or replaces a template; boards made from it keep their layouts until it
    /// is applied to them again.
    pub fn board_template_save(
        &self,
        input: wire::BoardTemplateInput,
    ) -> Result<wire::BoardTemplates, ApiError> {
        let zones = input
            .zones
            .iter()
            .map(|z| zone_from(z).map(|draft| draft.zone))
            .collect::<Result<Vec<_>, _>>()?;
        let template = StoredTemplate {
            id: match input.id.as_deref().map(str::trim) {
                Some(id) if !id.is_empty() => id.to_owned(),
                _ => RowId::new().to_string(),
            },
            name: input.name,
            scope: input.scope.into(),
            note: input.note,
            layout: Layout {
                width: mm(input.width),
                height: mm(input.height),
                zones,
            },
            updated_at: String::new(),
        };
        self.with_store(OpenMode::Existing, |store| {
            store.save_board_template(&template)?;
            templates_of(store)
        })
    }

    /// 统一格式: a board from the template for every village named (or all), or the
    /// township's own board; all or nothing.
    pub fn board_template_apply(
        &self,
        args: wire::BoardTemplateApplyArgs,
    ) -> Result<wire::BoardTemplateApplyResult, ApiError> {
        self.with_store(OpenMode::Existing, |store| {
            let template = store.board_template(&args.template_id)?.ok_or_else(|| {
                ApiError::invalid(format!("找不到公开栏模板“{}”", args.template_id))
            })?;
            let target = match (template.scope, &args.village_ids) {
                (BoardScope::Township, _) => ApplyTarget::Township,
                (BoardScope::Village, None) => ApplyTarget::AllVillages,
                (BoardScope::Village, Some(ids)) if ids.is_empty() => {
                    return Err(ApiError::invalid(
                        "请至少选择一个村（社区），或选择全部村".to_owned(),
                    ));
                }
                (BoardScope::Village, Some(ids)) => ApplyTarget::Villages(
                    ids.iter()
                        .map(|id| parse_id("村（社区）", id))
                        .collect::<Result<_, _>>()?,
                ),
            };
            let outcome = store.apply_board_template(&template.id, &target, args.replace)?;
            let ids = |ids: Vec<RowId>| ids.into_iter().map(|id| id.to_string()).collect();
            Ok(wire::BoardTemplateApplyResult {
                created: ids(outcome.created),
                replaced: ids(outcome.replaced),
                kept: ids(outcome.kept),
                boards: boards_of(store, false)?.boards,
            })
        })
    }

    /// The boards in use (retired ones too when asked), the township's first, each with its
    /// layout in force and what its zones hold.
    pub fn boards_list(&self, args: wire::BoardsListArgs) -> Result<wire::Boards, ApiError> {
        self.with_store(OpenMode::Existing, |store| {
            boards_of(store, args.include_retired)
        })
    }

    pub fn board_get(&self, args: wire::BoardGetArgs) -> Result<wire::Board, ApiError> {
        let id = parse_id("公开栏", &args.id)?;
        self.with_store(OpenMode::Existing, |store| {
            board_of(store, id, args.version)
        })
    }

    /// A board drawn by hand (no id: an empty layout of the size given), or renamed, moved or
    /// resized; a resize is saved as a layout change.
    pub fn board_save(&self, input: wire::BoardInput) -> Result<wire::Board, ApiError> {
        let Some(id) = input.id.as_deref().map(str::trim).filter(|s| !s.is_empty()) else {
            return self.board_create(input);
        };
        let id = parse_id("公开栏", id)?;
        self.with_store(OpenMode::Existing, |store| {
            let board = store
                .board(id)?
                .ok_or(gongkai_store::StoreError::NotFound { what: "公开栏" })?;
            let current = store.board_layout(id, None)?;
            let width = input.width.map_or(current.width, mm);
            let height = input.height.map_or(current.height, mm);
            // Refused before the resize is written: the rename must not fail after it.
            let name = input.name.trim();
            if store
                .boards(false)?
                .iter()
                .any(|b| b.id != id && b.village_id == board.village_id && b.name == name)
            {
                return Err(gongkai_store::StoreError::Duplicate {
                    what: "公开栏",
                    value: name.to_owned(),
                }
                .into());
            }
            if (width, height) != (current.width, current.height) {
                store.save_board_layout(
                    id,
                    width,
                    height,
                    &drafts_of(&current),
                    input.deviation_reason.as_deref(),
                )?;
            }
            store.update_board(id, &input.name, &input.location)?;
            board_of(store, id, None)
        })
    }

    fn board_create(&self, input: wire::BoardInput) -> Result<wire::Board, ApiError> {
        let (Some(width), Some(height)) = (input.width, input.height) else {
            return Err(ApiError::invalid(
                "新建公开栏时请填写宽和高（毫米）".to_owned(),
            ));
        };
        let village_id = input
            .village_id
            .as_deref()
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(|v| parse_id("村（社区）", v))
            .transpose()?;
        if input.name.trim().is_empty() {
            return Err(ApiError::invalid("公开栏名称不能为空".to_owned()));
        }
        let board = NewBoard {
            id: RowId::new(),
            village_id,
            name: input.name,
            location: input.location,
            layout: Layout {
                width: mm(width),
                height: mm(height),
                zones: Vec::new(),
            },
        };
        self.with_store(OpenMode::Existing, |store| {
            store.insert_board(&board)?;
            board_of(store, board.id, None)
        })
    }

    /// Saves a board's layout; the answer's `layoutVersion` is the version in force after it
    /// (a new one when sheets were posted on the old).
    pub fn board_layout_save(
        &self,
        input: wire::BoardLayoutInput,
    ) -> Result<wire::Board, ApiError> {
        let id = parse_id("公开栏", &input.board_id)?;
        let zones = input
            .zones
            .iter()
            .map(zone_from)
            .collect::<Result<Vec<_>, _>>()?;
        self.with_store(OpenMode::Existing, |store| {
            store.save_board_layout(
                id,
                mm(input.width),
                mm(input.height),
                &zones,
                input.deviation_reason.as_deref(),
            )?;
            board_of(store, id, None)
        })
    }

    /// Takes a board out of use (no new postings; its history stays).
    pub fn board_retire(&self, args: wire::BoardRetireArgs) -> Result<wire::Board, ApiError> {
        let id = parse_id("公开栏", &args.id)?;
        let on = match args.on.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
            Some(text) => NaiveDate::parse_from_str(text, "%Y-%m-%d").map_err(|_| {
                ApiError::invalid(format!("停用日期“{text}”应写成 2026-11-30 的格式"))
            })?,
            None => Local::now().date_naive(),
        };
        self.with_store(OpenMode::Existing, |store| {
            store.retire_board(id, on)?;
            board_of(store, id, None)
        })
    }
}

impl Api {
    /// A board's 示意图 without sheets: the layout to scale, each zone named, on landscape A4
    /// (A3 for a board wider than 4 m, whose zones would be too small to read on A4).
    pub fn board_diagram(
        &self,
        args: wire::BoardDiagramArgs,
    ) -> Result<wire::ExportResult, ApiError> {
        let id = parse_id("公开栏", &args.board_id)?;
        let (board, layout) = self.with_store(OpenMode::Existing, |store| {
            let board = store
                .board(id)?
                .ok_or(gongkai_store::StoreError::NotFound { what: "公开栏" })?;
            Ok((board, store.board_layout(id, args.version)?))
        })?;
        let diagram = gongkai_print::BoardDiagram {
            village: board
                .village_name
                .clone()
                .unwrap_or_else(|| "本镇".to_owned()),
            board: board.name.clone(),
            round: format!("版面第 {} 版", layout.version),
            width_mm: layout.width.get(),
            height_mm: layout.height.get(),
            zones: layout
                .zones
                .iter()
                .map(|z| gongkai_print::DiagramZone {
                    name: z.zone.name.clone(),
                    x_mm: z.zone.rect.x.get(),
                    y_mm: z.zone.rect.y.get(),
                    width_mm: z.zone.rect.width.get(),
                    height_mm: z.zone.rect.height.get(),
                })
                .collect(),
            sheets: Vec::new(),
            paper: if layout.width.get() > WIDE_BOARD_MM {
                gongkai_print::Paper::A3Landscape
            } else {
                gongkai_print::Paper::A4Landscape
            },
        };
        let pdf = gongkai_print::render_diagram(&diagram)?;
        std::fs::write(&args.out, pdf).map_err(|e| ApiError::export(&args.out, &e.to_string()))?;
        Ok(wire::ExportResult { path: args.out })
    }
}

/// Boards wider than this get their 示意图 on A3.
const WIDE_BOARD_MM: u32 = 4_000;

fn parse_id(what: &str, text: &str) -> Result<RowId, ApiError> {
    text.parse()
        .map_err(|_| ApiError::invalid(format!("{what}编号“{text}”无效")))
}

/// A length as given: negative or beyond any board reaches the layout check as out of range.
fn mm(value: i32) -> Millimetres {
    Millimetres::new(u32::try_from(value).unwrap_or(0))
}

/// A zone as the window or a file gives it, refused naming the zone.
fn zone_from(input: &wire::ZoneInput) -> Result<ZoneDraft, ApiError> {
    let name = input.name.trim();
    let label = if name.is_empty() {
        "（未命名）"
    } else {
        name
    };
    let r = input.rect;
    let rect = Rect::from_signed(r.x.into(), r.y.into(), r.width.into(), r.height.into()).map_err(
        |outside| {
            ApiError::invalid(
                LayoutProblem::Outside {
                    name: label.to_owned(),
                    outside,
                }
                .to_string(),
            )
        },
    )?;
    let kind: CadenceKind = input.cadence.into();
    let cadence = Cadence::from_columns(
        kind.key(),
        input.due_day,
        input.due_within_days,
        input.due_in_working_days,
    )
    .map_err(|e| ApiError::invalid(format!("版块“{label}”：{e}")))?;
    Ok(ZoneDraft {
        id: input
            .id
            .as_deref()
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_owned),
        zone: Zone {
            name: input.name.trim().to_owned(),
            rect,
            cadence,
            min_days: input.min_days,
        },
    })
}

/// A stored length on the wire (no board is 2,000 km long).
fn signed(length: Millimetres) -> i32 {
    i32::try_from(length.get()).unwrap_or(i32::MAX)
}

fn drafts_of(layout: &BoardLayout) -> Vec<ZoneDraft> {
    layout
        .zones
        .iter()
        .map(|z| ZoneDraft {
            id: Some(z.id.clone()),
            zone: z.zone.clone(),
        })
        .collect()
}

fn zone_wire(id: Option<String>, position: usize, zone: &Zone) -> wire::BoardZone {
    let c = zone.cadence.columns();
    let rect = zone.rect;
    let mut sheet_fits = Vec::with_capacity(4);
    for paper in Paper::ALL {
        for orientation in Orientation::ALL {
            let fit = sheets_fit(rect, paper, orientation, SHEET_GAP);
            sheet_fits.push(wire::SheetFit {
                paper: paper.into(),
                orientation: orientation.into(),
                columns: fit.columns,
                rows: fit.rows,
                count: fit.sheets(),
            });
        }
    }
    wire::BoardZone {
        id,
        position: u32::try_from(position + 1).unwrap_or(u32::MAX),
        name: zone.name.clone(),
        rect: wire::ZoneRect {
            x: signed(rect.x),
            y: signed(rect.y),
            width: signed(rect.width),
            height: signed(rect.height),
        },
        cadence: zone.cadence.kind().into(),
        due_day: c.due_day,
        due_within_days: c.due_within_days,
        due_in_working_days: c.due_in_working_days,
        min_days: zone.min_days,
        rule: zone.cadence.to_string(),
        sheet_fits,
    }
}

fn templates_of(store: &mut Store) -> Result<wire::BoardTemplates, ApiError> {
    let templates = store
        .board_templates()?
        .into_iter()
        .map(|t| wire::BoardTemplate {
            zones: t
                .layout
                .zones
                .iter()
                .enumerate()
                .map(|(i, z)| zone_wire(None, i, z))
                .collect(),
            width: t.layout.width.get(),
            height: t.layout.height.get(),
            id: t.id,
            name: t.name,
            scope: t.scope.into(),
            note: t.note,
            updated_at: t.updated_at,
        })
        .collect();
    Ok(wire::BoardTemplates { templates })
}

fn boards_of(store: &Store, with_retired: bool) -> Result<wire::Boards, ApiError> {
    let boards = store
        .boards(with_retired)?
        .into_iter()
        .map(|board| {
            let layout = store.board_layout(board.id, None)?;
            Ok(board_wire(board, &layout))
        })
        .collect::<Result<_, ApiError>>()?;
    Ok(wire::Boards { boards })
}

pub(crate) fn board_of(
    store: &Store,
    id: RowId,
    version: Option<u32>,
) -> Result<wire::Board, ApiError> {
    let board = store
        .board(id)?
        .ok_or_else(|| ApiError::from(gongkai_store::StoreError::NotFound { what: "公开栏" }))?;
    let layout = store.board_layout(id, version)?;
    Ok(board_wire(board, &layout))
}

fn board_wire(board: StoredBoard, layout: &BoardLayout) -> wire::Board {
    wire::Board {
        id: board.id.to_string(),
        village_id: board.village_id.map(|v| v.to_string()),
        village_name: board.village_name,
        name: board.name,
        location: board.location,
        template_id: board.template_id,
        template_name: board.template_name,
        deviation_reason: board.deviation_reason,
        layout_version: board.layout_version,
        shown_version: layout.version,
        retired_on: board.retired_on.map(|d| d.to_string()),
        width: layout.width.get(),
        height: layout.height.get(),
        zones: layout
            .zones
            .iter()
            .enumerate()
            .map(|(i, z)| zone_wire(Some(z.id.clone()), i, &z.zone))
            .collect(),
        updated_at: board.updated_at,
    }
}

impl From<wire::BoardScope> for BoardScope {
    fn from(scope: wire::BoardScope) -> Self {
        match scope {
            wire::BoardScope::Township => BoardScope::Township,
            wire::BoardScope::Village => BoardScope::Village,
        }
    }
}

impl From<BoardScope> for wire::BoardScope {
    fn from(scope: BoardScope) -> Self {
        match scope {
            BoardScope::Township => wire::BoardScope::Township,
            BoardScope::Village => wire::BoardScope::Village,
        }
    }
}

impl From<wire::BoardCadence> for CadenceKind {
    fn from(cadence: wire::BoardCadence) -> Self {
        match cadence {
            wire::BoardCadence::Monthly => CadenceKind::Monthly,
            wire::BoardCadence::Quarterly => CadenceKind::Quarterly,
            wire::BoardCadence::HalfYearly => CadenceKind::HalfYearly,
            wire::BoardCadence::AsNeeded => CadenceKind::AsNeeded,
            wire::BoardCadence::Standing => CadenceKind::Standing,
        }
    }
}

impl From<CadenceKind> for wire::BoardCadence {
    fn from(kind: CadenceKind) -> Self {
        match kind {
            CadenceKind::Monthly => wire::BoardCadence::Monthly,
            CadenceKind::Quarterly => wire::BoardCadence::Quarterly,
            CadenceKind::HalfYearly => wire::BoardCadence::HalfYearly,
            CadenceKind::AsNeeded => wire::BoardCadence::AsNeeded,
            CadenceKind::Standing => wire::BoardCadence::Standing,
        }
    }
}

impl From<Paper> for wire::PaperSize {
    fn from(paper: Paper) -> Self {
        match paper {
            Paper::A4 => wire::PaperSize::A4,
            Paper::A3 => wire::PaperSize::A3,
        }
    }
}

impl From<Orientation> for wire::SheetOrientation {
    fn from(orientation: Orientation) -> Self {
        match orientation {
            Orientation::Portrait => wire::SheetOrientation::Portrait,
            Orientation::Landscape => wire::SheetOrientation::Landscape,
        }
    }
}
