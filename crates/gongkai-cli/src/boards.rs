//! `gongkai boards …`: bulletin boards (公开栏), their templates and layouts.
//!
//! `--json` prints: `templates` an array of templates, `list` an array of boards, `add` and
//! `layout` (without `--out`) one board, `apply-template` `{created, replaced, kept, boards}`,
//! `layout --out` `{path}` — the wire types of `board_*` (camelCase).

use std::path::PathBuf;

use clap::Subcommand;
use gongkai_api::wire::{
    Board, BoardDiagramArgs, BoardGetArgs, BoardInput, BoardScope, BoardTemplateApplyArgs,
    BoardTemplateApplyResult, BoardTemplates, BoardsListArgs, ExportResult, NoArgs,
};
use gongkai_api::{Api, ApiError};

use crate::Db;
use crate::output::Report;

#[derive(Debug, Subcommand)]
pub enum BoardsCommand {
    /// 列出公开栏模板（三务、四务、乡镇政务公开栏及本镇自定的）
    Templates {
        #[command(flatten)]
        db: Db,
    },
    /// 列出公开栏：所属村、模板、版面版本、各版块的周期与可贴张数
    List {
        #[command(flatten)]
        db: Db,
        /// 连同已停用的
        #[arg(long)]
        all: bool,
    },
    /// 新建一块手工绘制的公开栏（版面为空，用 layout 或界面设计版块）
    Add {
        #[command(flatten)]
        db: Db,
        /// 公开栏名称
        #[arg(long)]
        name: String,
        /// 所属村（社区）的名称或编号；不写则为本镇的公开栏
        #[arg(long)]
        village: Option<String>,
        /// 设置地点
        #[arg(long, default_value = "")]
        location: String,
        /// 宽（毫米）
        #[arg(long)]
        width: i32,
        /// 高（毫米）
        #[arg(long)]
        height: i32,
    },
    /// 按模板统一设置公开栏（统一格式）：村模板用于各村，乡镇模板用于本镇
    ApplyTemplate {
        #[command(flatten)]
        db: Db,
        /// 模板的编号（如 sanwu）或名称
        #[arg(long)]
        template: String,
        /// 只用于这些村（社区），名称或编号，可重复；不写则为全部村
        #[arg(long = "village")]
        villages: Vec<String>,
        /// 已按此模板建的公开栏也恢复为模板版面（已张贴的版面另存为新版本）
        #[arg(long)]
        replace: bool,
    },
    /// 查看公开栏的版面；给 --out 时打印张贴示意图（PDF）
    Layout {
        #[command(flatten)]
        db: Db,
        /// 公开栏的编号，或“村名/公开栏名称”（乡镇自己的写“镇名/名称”）
        #[arg(long)]
        board: String,
        /// 版面版本（缺省为现行版面）
        #[arg(long)]
        version: Option<u32>,
        /// 示意图 PDF 的文件名
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
    },
}

/// What a boards command reports.
#[derive(Debug)]
pub enum BoardsReport {
    Templates(BoardTemplates),
    Boards(Vec<Board>),
    Board(Board),
    Applied(BoardTemplateApplyResult),
    Diagram(ExportResult),
}

pub fn run(command: BoardsCommand) -> (bool, Result<Report, ApiError>) {
    let open = |db: &Db| Api::new(&db.db);
    let (json, result) = match command {
        BoardsCommand::Templates { db } => (
            db.json,
            open(&db)
                .board_templates_list(NoArgs {})
                .map(BoardsReport::Templates),
        ),
        BoardsCommand::List { db, all } => (
            db.json,
            open(&db)
                .boards_list(BoardsListArgs {
                    include_retired: all,
                })
                .map(|b| BoardsReport::Boards(b.boards)),
        ),
        BoardsCommand::Add {
            db,
            name,
            village,
            location,
            width,
            height,
        } => {
            let api = open(&db);
            let result = village
                .map(|v| village_id(&api, &v))
                .transpose()
                .and_then(|village_id| {
                    api.board_save(BoardInput {
                        id: None,
                        village_id,
                        name,
                        location,
                        width: Some(width),
                        height: Some(height),
                        deviation_reason: None,
                    })
                })
                .map(BoardsReport::Board);
            (db.json, result)
        }
        BoardsCommand::ApplyTemplate {
            db,
            template,
            villages,
            replace,
        } => {
            let api = open(&db);
            let result = apply(&api, &template, &villages, replace).map(BoardsReport::Applied);
            (db.json, result)
        }
        BoardsCommand::Layout {
            db,
            board,
            version,
            out,
        } => {
            let api = open(&db);
            let result = board_id(&api, &board).and_then(|id| match out {
                Some(out) => api
                    .board_diagram(BoardDiagramArgs {
                        board_id: id,
                        version,
                        out: out.display().to_string(),
                    })
                    .map(BoardsReport::Diagram),
                None => api
                    .board_get(BoardGetArgs { id, version })
                    .map(BoardsReport::Board),
            });
            (db.json, result)
        }
    };
    (json, result.map(Report::Boards))
}

fn apply(
    api: &Api,
    template: &str,
    villages: &[String],
    replace: bool,
) -> Result<BoardTemplateApplyResult, ApiError> {
    let templates = api.board_templates_list(NoArgs {})?.templates;
    let Some(found) = templates
        .iter()
        .find(|t| t.id == template || t.name == template || t.name.starts_with(template))
    else {
        let known: Vec<String> = templates
            .iter()
            .map(|t| format!("{}（{}）", t.id, t.name))
            .collect();
        return Err(usage(format!(
            "没有模板“{template}”。现有模板：{}",
            known.join("、")
        )));
    };
    let village_ids = if villages.is_empty() {
        None
    } else {
        Some(
            villages
                .iter()
                .map(|v| village_id(api, v))
                .collect::<Result<_, _>>()?,
        )
    };
    api.board_template_apply(BoardTemplateApplyArgs {
        template_id: found.id.clone(),
        village_ids,
        replace,
    })
}

/// A village named by its name or id.
fn village_id(api: &Api, given: &str) -> Result<String, ApiError> {
    let villages = api.profile_get(NoArgs {})?.villages;
    villages
        .iter()
        .find(|v| v.id == given || v.name == given)
        .map(|v| v.id.clone())
        .ok_or_else(|| usage(format!("本镇没有村（社区）“{given}”")))
}

/// A board named by its id, or as 村名/公开栏名称 (镇名/名称 for the township's own).
fn board_id(api: &Api, given: &str) -> Result<String, ApiError> {
    let boards = api
        .boards_list(BoardsListArgs {
            include_retired: true,
        })?
        .boards;
    if let Some(board) = boards.iter().find(|b| b.id == given) {
        return Ok(board.id.clone());
    }
    let (place, name) = given.split_once('/').unwrap_or(("", given));
    let township = api.profile_get(NoArgs {})?.township.name;
    let matches: Vec<&Board> = boards
        .iter()
        .filter(|b| b.name == name)
        .filter(|b| match (place, b.village_name.as_deref()) {
            ("", _) => true,
            (place, Some(village)) => village == place,
            (place, None) => place == township,
        })
        .collect();
    match matches.as_slice() {
        [one] => Ok(one.id.clone()),
        [] => Err(usage(format!(
            "找不到公开栏“{given}”：请写编号，或“村名/公开栏名称”（乡镇自己的写“镇名/名称”）"
        ))),
        _ => Err(usage(format!(
            "有 {} 块公开栏叫“{given}”，请写“村名/公开栏名称”或编号",
            matches.len()
        ))),
    }
}

fn usage(message: String) -> ApiError {
    ApiError {
        code: "invalid_input".to_owned(),
        message,
    }
}

impl BoardsReport {
    /// The value `--json` prints: lists as arrays, the rest as objects.
    pub fn json(&self) -> serde_json::Value {
        let value = match self {
            BoardsReport::Templates(t) => serde_json::to_value(&t.templates),
            BoardsReport::Boards(b) => serde_json::to_value(b),
            BoardsReport::Board(b) => serde_json::to_value(b),
            BoardsReport::Applied(a) => serde_json::to_value(a),
            BoardsReport::Diagram(d) => serde_json::to_value(d),
        };
        // Wire types always serialise; a failure would print null rather than half a value.
        value.unwrap_or_default()
    }

    pub fn text(&self) -> String {
        match self {
            BoardsReport::Templates(t) => t
                .templates
                .iter()
                .map(|t| {
                    let zones: Vec<String> = t
                        .zones
                        .iter()
                        .map(|z| format!("{}（{}）", z.name, z.rule))
                        .collect();
                    format!(
                        "{}\t{}\t{}\t{} × {} mm\t{}",
                        t.id,
                        t.name,
                        t.scope.label(),
                        t.width,
                        t.height,
                        zones.join("、")
                    )
                })
                .collect::<Vec<_>>()
                .join("\n"),
            BoardsReport::Boards(b) if b.is_empty() => "还没有公开栏".to_owned(),
            BoardsReport::Boards(b) => b.iter().map(board_line).collect::<Vec<_>>().join("\n"),
            BoardsReport::Board(b) => {
                let mut lines = vec![board_line(b)];
                for z in &b.zones {
                    let fits: Vec<String> = z
                        .sheet_fits
                        .iter()
                        .filter(|f| f.count > 0)
                        .map(|f| {
                            format!(
                                "{}{} {} 张",
                                f.paper.label(),
                                f.orientation.label(),
                                f.count
                            )
                        })
                        .collect();
                    lines.push(format!(
                        "  {}. {}\t({}, {}) {} × {} mm\t{}{}\t{}",
                        z.position,
                        z.name,
                        z.rect.x,
                        z.rect.y,
                        z.rect.width,
                        z.rect.height,
                        z.rule,
                        z.min_days
                            .map(|d| format!("，至少张贴 {d} 天"))
                            .unwrap_or_default(),
                        if fits.is_empty() {
                            "不贴整张纸".to_owned()
                        } else {
                            fits.join("、")
                        }
                    ));
                }
                lines.join("\n")
            }
            BoardsReport::Applied(a) => format!(
                "新建 {} 块，恢复模板版面 {} 块，保持不变 {} 块",
                a.created.len(),
                a.replaced.len(),
                a.kept.len()
            ),
            BoardsReport::Diagram(d) => format!("已打印示意图：{}", d.path),
        }
    }
}

fn board_line(b: &Board) -> String {
    let mut line = format!(
        "{}\t{}\t{}\t{} × {} mm\t第 {} 版\t{}",
        b.id,
        b.village_name
            .as_deref()
            .unwrap_or(BoardScope::Township.label()),
        b.name,
        b.width,
        b.height,
        b.shown_version,
        b.template_name.as_deref().unwrap_or("手工绘制")
    );
    if let Some(reason) = &b.deviation_reason {
        line.push_str(&format!("\t调整原因：{reason}"));
    }
    if let Some(on) = &b.retired_on {
        line.push_str(&format!("\t{on} 停用"));
    }
    line
}
