//! Bulletin boards (公开栏): templates, boards, and their versioned layouts of zones
//! (migration 14).
//!
//! A layout is checked by `gongkai_boards::Layout::check` before anything is written, so a
//! refusal names the zone and the edge or the other zone; the triggers of migration 14 refuse
//! the same for any other writer. Layout versions are append-only once a posting sits on them:
//! saving a layout replaces the zones of the version in force while nothing is posted on it,
//! and makes a new version otherwise (a posting keeps the layout it was placed on).

use chrono::NaiveDate;
use gongkai_boards::{BoardScope, Cadence, Layout, Millimetres, Rect, Zone};
use gongkai_domain::RowId;
use rusqlite::{OptionalExtension, Row, params};

use crate::{Store, StoreError, Writer};

/// A template a township starts its boards from (统一格式).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredTemplate {
    /// `sanwu`, `siwu`, `township` for the seeded ones; a UUIDv7 for the township's own.
    pub id: String,
    pub name: String,
    pub scope: BoardScope,
    pub note: String,
    pub layout: Layout,
    pub updated_at: String,
}

/// A board with the names it is shown with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredBoard {
    pub id: RowId,
    /// `None`: the township's own board.
    pub village_id: Option<RowId>,
    pub village_name: Option<String>,
    pub name: String,
    pub location: String,
    pub template_id: Option<String>,
    pub template_name: Option<String>,
    /// Why the board departs from its template; `None` when it does not (or has none).
    pub deviation_reason: Option<String>,
    /// The layout in force.
    pub layout_version: u32,
    pub retired_on: Option<NaiveDate>,
    pub created_at: String,
    pub updated_at: String,
}

/// A zone of a board's layout: `id` names it across versions (the 财务公开 zone moved is the
/// same zone, so what is due carries over).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BoardZone {
    pub id: String,
    pub zone: Zone,
}

/// One version of a board's layout.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BoardLayout {
    pub board_id: RowId,
    pub version: u32,
    pub width: Millimetres,
    pub height: Millimetres,
    pub made_at: String,
    pub zones: Vec<BoardZone>,
}

impl BoardLayout {
    /// The layout for the geometry rules.
    pub fn layout(&self) -> Layout {
        Layout {
            width: self.width,
            height: self.height,
            zones: self.zones.iter().map(|z| z.zone.clone()).collect(),
        }
    }
}

/// A zone as the clerk saves it: `id` of a zone the board had (in any version), or `None` for
/// a new one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ZoneDraft {
    pub id: Option<String>,
    pub zone: Zone,
}

/// A board drawn by hand (no template).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewBoard {
    pub id: RowId,
    pub village_id: Option<RowId>,
    pub name: String,
    pub location: String,
    pub layout: Layout,
}

/// Where a template is applied.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ApplyTarget {
    /// The township's own board (a template of scope 乡镇).
    Township,
    AllVillages,
    Villages(Vec<RowId>),
}

/// What applying a template did, per board.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ApplyOutcome {
    /// Boards made from the template.
    pub created: Vec<RowId>,
    /// Boards of the template given its layout again (a new version where postings sat).
    pub replaced: Vec<RowId>,
    /// Boards of the template left as they were (not asked to replace, or already equal).
    pub kept: Vec<RowId>,
}

const BOARD_COLUMNS: &str = "b.id, b.village_id, v.name, b.name, b.location, b.template_id,
    t.name, b.deviation_reason, b.layout_version, b.retired_on, b.created_at, b.updated_at";

const BOARD_FROM: &str = "board b LEFT JOIN village v ON v.id = b.village_id
    LEFT JOIN board_template t ON t.id = b.template_id";

fn board_from(r: &Row<'_>) -> rusqlite::Result<StoredBoard> {
    Ok(StoredBoard {
        id: parse_id(r.get::<_, String>(0)?, 0)?,
        village_id: r
            .get::<_, Option<String>>(1)?
            .map(|id| parse_id(id, 1))
            .transpose()?,
        village_name: r.get(2)?,
        name: r.get(3)?,
        location: r.get(4)?,
        template_id: r.get(5)?,
        template_name: r.get(6)?,
        deviation_reason: r.get(7)?,
        layout_version: r.get(8)?,
        retired_on: r.get(9)?,
        created_at: r.get(10)?,
        updated_at: r.get(11)?,
    })
}

fn parse_id(text: String, column: usize) -> rusqlite::Result<RowId> {
    text.parse().map_err(|e| {
        rusqlite::Error::FromSqlConversionFailure(column, rusqlite::types::Type::Text, Box::new(e))
    })
}

/// The zone columns shared by `board_zone` and `board_template_zone`, from `name` on.
const ZONE_COLUMNS: &str = "name, x_mm, y_mm, width_mm, height_mm, cadence, due_day,
    due_within_days, due_in_working_days, min_days";

/// A zone read from [`ZONE_COLUMNS`] starting at column `at`.
fn zone_from(r: &Row<'_>, at: usize) -> rusqlite::Result<Zone> {
    let key: String = r.get(at + 5)?;
    let cadence = Cadence::from_columns(&key, r.get(at + 6)?, r.get(at + 7)?, r.get(at + 8)?)
        .map_err(|e| {
            rusqlite::Error::FromSqlConversionFailure(
                at + 5,
                rusqlite::types::Type::Text,
                Box::new(e),
            )
        })?;
    Ok(Zone {
        name: r.get(at)?,
        rect: Rect::new(
            r.get(at + 1)?,
            r.get(at + 2)?,
            r.get(at + 3)?,
            r.get(at + 4)?,
        ),
        cadence,
        min_days: r.get(at + 9)?,
    })
}

/// The refusal of a layout, in the clerk's words, before the database sees it.
fn checked(layout: &Layout) -> Result<(), StoreError> {
    layout.check().map_err(|e| StoreError::Board(e.to_string()))
}

/// A board's name for messages: 某某村“三务公开栏”, or the township's “政务公开栏”.
fn board_title(board: &StoredBoard) -> String {
    match &board.village_name {
        Some(village) => format!("{village}的“{}”", board.name),
        None => format!("本镇的“{}”", board.name),
    }
}

/// The name a board made from a template gets: the template's name without its explanation in
/// brackets (三务公开栏（党务·村务·财务） → 三务公开栏).
fn board_name_of(template_name: &str) -> String {
    let short = template_name
        .split(['（', '('])
        .next()
        .unwrap_or(template_name)
        .trim();
    if short.is_empty() {
        template_name.trim().to_owned()
    } else {
        short.to_owned()
    }
}

impl Store {
    /// Every template with its zones, by name.
    pub fn board_templates(&self) -> Result<Vec<StoredTemplate>, StoreError> {
        let mut stmt = self.conn.prepare(
            "SELECT id, name, scope, note, width_mm, height_mm, updated_at FROM board_template
             ORDER BY scope DESC, name",
        )?;
        let heads = stmt
            .query_map([], |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, String>(2)?,
                    r.get::<_, String>(3)?,
                    r.get::<_, u32>(4)?,
                    r.get::<_, u32>(5)?,
                    r.get::<_, String>(6)?,
                ))
            })?
            .collect::<Result<Vec<_>, _>>()?;
        heads
            .into_iter()
            .map(|(id, name, scope, note, width, height, updated_at)| {
                let zones = self.template_zones(&id)?;
                Ok(StoredTemplate {
                    scope: BoardScope::from_key(&scope).ok_or_else(|| {
                        StoreError::Board(format!("模板“{name}”的适用范围“{scope}”无法识别"))
                    })?,
                    layout: Layout {
                        width: Millimetres::new(width),
                        height: Millimetres::new(height),
                        zones,
                    },
                    id,
                    name,
                    note,
                    updated_at,
                })
            })
            .collect()
    }

    pub fn board_template(&self, id: &str) -> Result<Option<StoredTemplate>, StoreError> {
        Ok(self.board_templates()?.into_iter().find(|t| t.id == id))
    }

    fn template_zones(&self, id: &str) -> Result<Vec<Zone>, StoreError> {
        let mut stmt = self.conn.prepare(&format!(
            "SELECT {ZONE_COLUMNS} FROM board_template_zone WHERE template_id = ?1
             ORDER BY position"
        ))?;
        let zones = stmt
            .query_map([id], |r| zone_from(r, 0))?
            .collect::<Result<Vec<_>, _>>()?;
        Ok(zones)
    }

    /// Creates or replaces a template with its zones, after checking its layout. Boards made
    /// from it keep their layouts until the template is applied to them again.
    pub fn save_board_template(&mut self, template: &StoredTemplate) -> Result<(), StoreError> {
        checked(&template.layout)?;
        let name = template.name.trim();
        if name.is_empty() {
            return Err(StoreError::Board("模板名称不能为空".into()));
        }
        let taken: bool = self.conn.query_row(
            "SELECT EXISTS (SELECT 1 FROM board_template WHERE name = ?1 AND id <> ?2)",
            [name, &template.id],
            |r| r.get(0),
        )?;
        if taken {
            return Err(StoreError::Duplicate {
                what: "公开栏模板",
                value: name.to_owned(),
            });
        }
        self.write(|w| {
            w.tx.execute(
                "INSERT INTO board_template (id, name, scope, width_mm, height_mm, note, updated_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
                 ON CONFLICT (id) DO UPDATE SET name = excluded.name, scope = excluded.scope,
                     width_mm = excluded.width_mm, height_mm = excluded.height_mm,
                     note = excluded.note, updated_at = excluded.updated_at",
                params![
                    template.id,
                    name,
                    template.scope.key(),
                    template.layout.width.get(),
                    template.layout.height.get(),
                    template.note.trim(),
                    w.now_text(),
                ],
            )?;
            w.tx.execute(
                "DELETE FROM board_template_zone WHERE template_id = ?1",
                [&template.id],
            )?;
            for (index, zone) in template.layout.zones.iter().enumerate() {
                let c = zone.cadence.columns();
                w.tx.execute(
                    &format!(
                        "INSERT INTO board_template_zone (template_id, position, {ZONE_COLUMNS})
                         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)"
                    ),
                    params![
                        template.id,
                        index + 1,
                        zone.name.trim(),
                        zone.rect.x.get(),
                        zone.rect.y.get(),
                        zone.rect.width.get(),
                        zone.rect.height.get(),
                        c.key,
                        c.due_day,
                        c.due_within_days,
                        c.due_in_working_days,
                        zone.min_days,
                    ],
                )?;
            }
            Ok(())
        })
    }

    /// Every board, the township's first, then by village and name; retired ones only when
    /// asked for.
    pub fn boards(&self, with_retired: bool) -> Result<Vec<StoredBoard>, StoreError> {
        let mut stmt = self.conn.prepare(&format!(
            "SELECT {BOARD_COLUMNS} FROM {BOARD_FROM}
             WHERE ?1 OR b.retired_on IS NULL
             ORDER BY b.village_id IS NOT NULL, v.code, b.retired_on IS NOT NULL, b.name"
        ))?;
        let boards = stmt
            .query_map([with_retired], board_from)?
            .collect::<Result<Vec<_>, _>>()?;
        Ok(boards)
    }

    pub fn board(&self, id: RowId) -> Result<Option<StoredBoard>, StoreError> {
        Ok(self
            .conn
            .query_row(
                &format!("SELECT {BOARD_COLUMNS} FROM {BOARD_FROM} WHERE b.id = ?1"),
                [id.to_string()],
                board_from,
            )
            .optional()?)
    }

    fn require_board(&self, id: RowId) -> Result<StoredBoard, StoreError> {
        self.board(id)?
            .ok_or(StoreError::NotFound { what: "公开栏" })
    }

    /// A version of a board's layout; `None`: the one in force.
    pub fn board_layout(
        &self,
        board: RowId,
        version: Option<u32>,
    ) -> Result<BoardLayout, StoreError> {
        let version = match version {
            Some(v) => v,
            None => self.require_board(board)?.layout_version,
        };
        let id = board.to_string();
        let head: Option<(u32, u32, String)> = self
            .conn
            .query_row(
                "SELECT width_mm, height_mm, made_at FROM board_layout
                 WHERE board_id = ?1 AND version = ?2",
                params![id, version],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )
            .optional()?;
        let (width, height, made_at) = head.ok_or(StoreError::NotFound {
            what: "公开栏版面"
        })?;
        let mut stmt = self.conn.prepare(&format!(
            "SELECT zone_id, {ZONE_COLUMNS} FROM board_zone
             WHERE board_id = ?1 AND version = ?2 ORDER BY position"
        ))?;
        let zones = stmt
            .query_map(params![id, version], |r| {
                Ok(BoardZone {
                    id: r.get(0)?,
                    zone: zone_from(r, 1)?,
                })
            })?
            .collect::<Result<Vec<_>, _>>()?;
        Ok(BoardLayout {
            board_id: board,
            version,
            width: Millimetres::new(width),
            height: Millimetres::new(height),
            made_at,
            zones,
        })
    }

    /// A board drawn by hand, its layout version 1.
    pub fn insert_board(&mut self, board: &NewBoard) -> Result<(), StoreError> {
        checked(&board.layout)?;
        if let Some(village) = board.village_id {
            self.require_village(village)?;
        }
        let name = board.name.trim().to_owned();
        self.refuse_board_name(board.village_id, &name, None)?;
        self.write(|w| {
            w.insert_board(
                board.id,
                board.village_id,
                &name,
                board.location.trim(),
                None,
            )?;
            let zones: Vec<BoardZone> = board
                .layout
                .zones
                .iter()
                .map(|zone| BoardZone {
                    id: RowId::new().to_string(),
                    zone: zone.clone(),
                })
                .collect();
            w.insert_layout(board.id, 1, &board.layout, &zones)
        })
    }

    /// Renames a board or says where it stands.
    pub fn update_board(
        &mut self,
        id: RowId,
        name: &str,
        location: &str,
    ) -> Result<(), StoreError> {
        let board = self.require_board(id)?;
        refuse_retired(&board)?;
        let name = name.trim();
        if name.is_empty() {
            return Err(StoreError::Board("公开栏名称不能为空".into()));
        }
        self.refuse_board_name(board.village_id, name, Some(id))?;
        self.write(|w| {
            w.tx.execute(
                "UPDATE board SET name = ?2, location = ?3, updated_at = ?4 WHERE id = ?1",
                params![id.to_string(), name, location.trim(), w.now_text()],
            )?;
            Ok(())
        })
    }

    /// Saves a board's layout and returns the version in force after it: the same version
    /// rewritten while no posting sits on it, else a new one (the old stays for its postings);
    /// unchanged when the layout is the one in force. A board made from a template that now
    /// departs from it needs a reason (given here, or kept from before).
    pub fn save_board_layout(
        &mut self,
        board_id: RowId,
        width: Millimetres,
        height: Millimetres,
        zones: &[ZoneDraft],
        deviation_reason: Option<&str>,
    ) -> Result<u32, StoreError> {
        let layout = Layout {
            width,
            height,
            zones: zones.iter().map(|z| z.zone.clone()).collect(),
        };
        checked(&layout)?;
        let board = self.require_board(board_id)?;
        refuse_retired(&board)?;
        let current = self.board_layout(board_id, None)?;
        let known = self.zone_ids_of(board_id)?;
        let mut ids: Vec<String> = Vec::with_capacity(zones.len());
        for draft in zones {
            let id = match &draft.id {
                Some(id) if known.contains(id) => id.clone(),
                Some(id) => {
                    return Err(StoreError::Board(format!(
                        "版块“{}”的编号 {id} 不属于{}，请刷新后重试",
                        draft.zone.name.trim(),
                        board_title(&board)
                    )));
                }
                None => RowId::new().to_string(),
            };
            if ids.contains(&id) {
                return Err(StoreError::Board(format!(
                    "版块“{}”出现了两次，请刷新后重试",
                    draft.zone.name.trim()
                )));
            }
            ids.push(id);
        }
        let zones: Vec<BoardZone> = ids
            .into_iter()
            .zip(&layout.zones)
            .map(|(id, zone)| BoardZone {
                id,
                zone: zone.clone(),
            })
            .collect();
        let deviation = self.deviation(&board, &layout, deviation_reason)?;
        if current.zones == zones
            && current.width == width
            && current.height == height
            && deviation == board.deviation_reason
        {
            return Ok(current.version);
        }
        self.write(|w| w.write_layout(&board, &layout, &zones, deviation.as_deref()))
    }

    /// The reason a board departs from its template, or `None` when it does not: required
    /// when it does (given now, or kept from an earlier save).
    fn deviation(
        &self,
        board: &StoredBoard,
        layout: &Layout,
        given: Option<&str>,
    ) -> Result<Option<String>, StoreError> {
        let Some(template_id) = &board.template_id else {
            return Ok(None);
        };
        let Some(template) = self.board_template(template_id)? else {
            return Ok(None);
        };
        // The same shape: size, and the zones in order with their rules.
        if template.layout == *layout {
            return Ok(None);
        }
        let given = given.map(str::trim).filter(|r| !r.is_empty());
        match given.map(str::to_owned).or(board.deviation_reason.clone()) {
            Some(reason) => Ok(Some(reason)),
            None => Err(StoreError::Board(format!(
                "{}按模板“{}”统一设置，改动版面时请填写调整原因",
                board_title(board),
                template.name
            ))),
        }
    }

    /// Every zone id a board has had, in any version.
    fn zone_ids_of(&self, board: RowId) -> Result<Vec<String>, StoreError> {
        let mut stmt = self
            .conn
            .prepare("SELECT DISTINCT zone_id FROM board_zone WHERE board_id = ?1")?;
        let ids = stmt
            .query_map([board.to_string()], |r| r.get(0))?
            .collect::<Result<Vec<String>, _>>()?;
        Ok(ids)
    }

    /// Applies a template in one transaction: a board made from it for each village (or the
    /// township) that has none; where one exists, its layout replaced by the template's when
    /// `replace` (zones matched by name keep their ids, the deviation reason is cleared), else
    /// left. Any refusal — a village's board of the same name drawn by hand, a template for the
    /// township applied to villages — leaves every board as it was.
    pub fn apply_board_template(
        &mut self,
        template_id: &str,
        target: &ApplyTarget,
        replace: bool,
    ) -> Result<ApplyOutcome, StoreError> {
        let template = self
            .board_template(template_id)?
            .ok_or(StoreError::NotFound {
                what: "公开栏模板"
            })?;
        checked(&template.layout)?;
        let places: Vec<Option<(RowId, String)>> = match (target, template.scope) {
            (ApplyTarget::Township, BoardScope::Township) => vec![None],
            (ApplyTarget::Township, BoardScope::Village) => {
                return Err(StoreError::Board(format!(
                    "模板“{}”是村（社区）公开栏的模板，不能用于本镇的公开栏",
                    template.name
                )));
            }
            (_, BoardScope::Township) => {
                return Err(StoreError::Board(format!(
                    "模板“{}”是乡镇（街道）公开栏的模板，不能用于村（社区）",
                    template.name
                )));
            }
            (ApplyTarget::AllVillages, BoardScope::Village) => self
                .villages()?
                .into_iter()
                .map(|v| Some((v.id, v.name.as_str().to_owned())))
                .collect(),
            (ApplyTarget::Villages(ids), BoardScope::Village) => {
                let villages = self.villages()?;
                ids.iter()
                    .map(|id| {
                        villages
                            .iter()
                            .find(|v| v.id == *id)
                            .map(|v| Some((v.id, v.name.as_str().to_owned())))
                            .ok_or(StoreError::NotFound {
                                what: "村（社区）"
                            })
                    })
                    .collect::<Result<_, _>>()?
            }
        };
        if places.is_empty() {
            return Err(StoreError::Board(
                "还没有村（社区），请先在基本信息中添加".into(),
            ));
        }
        // Read everything first; the transaction below only writes.
        let boards = self.boards(false)?;
        let board_name = board_name_of(&template.name);
        let mut plan = Vec::new();
        for place in &places {
            let village = place.as_ref().map(|(id, _)| *id);
            let of_template = boards.iter().filter(|b| {
                b.village_id == village && b.template_id.as_deref() == Some(template_id)
            });
            let existing: Vec<&StoredBoard> = of_template.collect();
            if existing.is_empty() {
                if let Some(other) = boards
                    .iter()
                    .find(|b| b.village_id == village && b.name == board_name)
                {
                    return Err(StoreError::Board(format!(
                        "{}不是按模板“{}”建的，与要新建的公开栏同名：请先改名或停用它，再统一应用模板（所有村都没有改动）",
                        board_title(other),
                        template.name
                    )));
                }
                plan.push(Step::Create { village });
                continue;
            }
            for board in existing {
                let current = self.board_layout(board.id, None)?;
                let unchanged =
                    current.layout() == template.layout && board.deviation_reason.is_none();
                if !replace || unchanged {
                    plan.push(Step::Keep(board.id));
                    continue;
                }
                let zones = template
                    .layout
                    .zones
                    .iter()
                    .map(|zone| BoardZone {
                        id: current
                            .zones
                            .iter()
                            .find(|z| z.zone.name.trim() == zone.name.trim())
                            .map_or_else(|| RowId::new().to_string(), |z| z.id.clone()),
                        zone: zone.clone(),
                    })
                    .collect();
                plan.push(Step::Replace {
                    board: board.clone(),
                    zones,
                });
            }
        }
        self.write(|w| {
            let mut outcome = ApplyOutcome::default();
            for step in &plan {
                match step {
                    Step::Create { village } => {
                        let id = RowId::new();
                        w.insert_board(id, *village, &board_name, "", Some(template_id))?;
                        let zones: Vec<BoardZone> = template
                            .layout
                            .zones
                            .iter()
                            .map(|zone| BoardZone {
                                id: RowId::new().to_string(),
                                zone: zone.clone(),
                            })
                            .collect();
                        w.insert_layout(id, 1, &template.layout, &zones)?;
                        outcome.created.push(id);
                    }
                    Step::Replace { board, zones } => {
                        w.write_layout(board, &template.layout, zones, None)?;
                        outcome.replaced.push(board.id);
                    }
                    Step::Keep(id) => outcome.kept.push(*id),
                }
            }
            Ok(outcome)
        })
    }

    /// Takes a board out of use from `on`: no new postings; its history stays, and its name is
    /// free for a new board.
    pub fn retire_board(&mut self, id: RowId, on: NaiveDate) -> Result<(), StoreError> {
        let board = self.require_board(id)?;
        refuse_retired(&board)?;
        self.write(|w| {
            w.tx.execute(
                "UPDATE board SET retired_on = ?2, updated_at = ?3 WHERE id = ?1",
                params![id.to_string(), on, w.now_text()],
            )?;
            Ok(())
        })
    }

    /// A village's boards (retired ones too) keep it: their postings are its 村务公开 history.
    pub(crate) fn refuse_village_with_boards(&self, village: RowId) -> Result<(), StoreError> {
        let (name, boards): (Option<String>, u32) = self.conn.query_row(
            "SELECT (SELECT name FROM village WHERE id = ?1),
                    (SELECT count(*) FROM board WHERE village_id = ?1)",
            [village.to_string()],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?;
        if boards > 0 {
            return Err(StoreError::Board(format!(
                "“{}”有 {boards} 块公开栏（含已停用的），它们的张贴记录属于该村，不能删除该村（社区）；不再使用的公开栏请停用",
                name.unwrap_or_default()
            )));
        }
        Ok(())
    }

    fn require_village(&self, village: RowId) -> Result<(), StoreError> {
        let exists: bool = self.conn.query_row(
            "SELECT EXISTS (SELECT 1 FROM village WHERE id = ?1)",
            [village.to_string()],
            |r| r.get(0),
        )?;
        if exists {
            Ok(())
        } else {
            Err(StoreError::NotFound {
                what: "村（社区）"
            })
        }
    }

    /// Two boards in use in one village (or the township) are told apart by name.
    fn refuse_board_name(
        &self,
        village: Option<RowId>,
        name: &str,
        own: Option<RowId>,
    ) -> Result<(), StoreError> {
        let taken: bool = self.conn.query_row(
            "SELECT EXISTS (SELECT 1 FROM board
                            WHERE ifnull(village_id, '') = ifnull(?1, '') AND name = ?2
                              AND retired_on IS NULL AND id <> ifnull(?3, ''))",
            params![
                village.map(|v| v.to_string()),
                name,
                own.map(|o| o.to_string())
            ],
            |r| r.get(0),
        )?;
        if taken {
            return Err(StoreError::Duplicate {
                what: "公开栏",
                value: name.to_owned(),
            });
        }
        Ok(())
    }
}

fn refuse_retired(board: &StoredBoard) -> Result<(), StoreError> {
    match board.retired_on {
        Some(on) => Err(StoreError::Board(format!(
            "{}已于 {on} 停用，不能再修改",
            board_title(board)
        ))),
        None => Ok(()),
    }
}

/// One board's part of applying a template, decided before the transaction.
enum Step {
    Create {
        village: Option<RowId>,
    },
    Replace {
        board: StoredBoard,
        zones: Vec<BoardZone>,
    },
    Keep(RowId),
}

impl Writer<'_> {
    fn insert_board(
        &self,
        id: RowId,
        village: Option<RowId>,
        name: &str,
        location: &str,
        template: Option<&str>,
    ) -> Result<(), StoreError> {
        self.tx.execute(
            "INSERT INTO board (id, village_id, name, location, template_id, deviation_reason,
                 layout_version, retired_on, created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, NULL, 1, NULL, ?6, ?6)",
            params![
                id.to_string(),
                village.map(|v| v.to_string()),
                name,
                location,
                template,
                self.now_text()
            ],
        )?;
        Ok(())
    }

    fn insert_layout(
        &self,
        board: RowId,
        version: u32,
        layout: &Layout,
        zones: &[BoardZone],
    ) -> Result<(), StoreError> {
        self.tx.execute(
            "INSERT INTO board_layout (board_id, version, width_mm, height_mm, made_at)
             VALUES (?1, ?2, ?3, ?4, ?5)",
            params![
                board.to_string(),
                version,
                layout.width.get(),
                layout.height.get(),
                self.now_text()
            ],
        )?;
        self.insert_zones(board, version, zones)
    }

    fn insert_zones(
        &self,
        board: RowId,
        version: u32,
        zones: &[BoardZone],
    ) -> Result<(), StoreError> {
        let mut stmt = self.tx.prepare(&format!(
            "INSERT INTO board_zone (board_id, version, zone_id, position, {ZONE_COLUMNS})
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)"
        ))?;
        for (index, BoardZone { id, zone }) in zones.iter().enumerate() {
            let c = zone.cadence.columns();
            stmt.execute(params![
                board.to_string(),
                version,
                id,
                index + 1,
                zone.name.trim(),
                zone.rect.x.get(),
                zone.rect.y.get(),
                zone.rect.width.get(),
                zone.rect.height.get(),
                c.key,
                c.due_day,
                c.due_within_days,
                c.due_in_working_days,
                zone.min_days,
            ])?;
        }
        Ok(())
    }

    /// Writes `layout` as the board's layout in force: over the current version while no
    /// posting sits on it, else as the next version. Returns the version in force.
    fn write_layout(
        &self,
        board: &StoredBoard,
        layout: &Layout,
        zones: &[BoardZone],
        deviation_reason: Option<&str>,
    ) -> Result<u32, StoreError> {
        let id = board.id.to_string();
        let current = board.layout_version;
        let posted_on: bool = self.tx.query_row(
            "SELECT EXISTS (SELECT 1 FROM posting WHERE board_id = ?1 AND layout_version = ?2)",
            params![id, current],
            |r| r.get(0),
        )?;
        let version = if posted_on {
            self.insert_layout(board.id, current + 1, layout, zones)?;
            current + 1
        } else {
            self.tx.execute(
                "DELETE FROM board_zone WHERE board_id = ?1 AND version = ?2",
                params![id, current],
            )?;
            self.tx.execute(
                "UPDATE board_layout SET width_mm = ?3, height_mm = ?4, made_at = ?5
                 WHERE board_id = ?1 AND version = ?2",
                params![
                    id,
                    current,
                    layout.width.get(),
                    layout.height.get(),
                    self.now_text()
                ],
            )?;
            self.insert_zones(board.id, current, zones)?;
            current
        };
        self.tx.execute(
            "UPDATE board SET layout_version = ?2, deviation_reason = ?3, updated_at = ?4
             WHERE id = ?1",
            params![id, version, deviation_reason, self.now_text()],
        )?;
        Ok(version)
    }
}
