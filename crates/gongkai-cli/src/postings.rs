//! `gongkai postings …`: sheets on bulletin boards — add, print a round's packs, mark posted,
//! take down, archive; what is due, the 待办 home, and the 公开栏更新台账.

use std::path::PathBuf;

use clap::Subcommand;
use gongkai_api::wire::{
    BoardCadence, ComposedSheetInput, ExportResult, HomeTodo, IdArgs, NoArgs, PostingAddArgs,
    PostingDetail, PostingMarkPostedArgs, PostingTakeDownArgs, Postings, PostingsDue,
    PostingsListArgs, PostingsPrintArgs, PostingsPrintResult, PostingsRegisterExportArgs,
};
use gongkai_api::{Api, ApiError};

use crate::Db;
use crate::output::Report;

#[derive(Debug, Subcommand)]
pub enum PostingsCommand {
    /// 把一张公示单放到公开栏的一个版块上（草稿）：补贴清册的本村公示、已发布的公开信息或自拟公示单（JSON）
    Add {
        #[command(flatten)]
        db: Db,
        /// 公开栏编号（gongkai boards list 可查）
        #[arg(long)]
        board: String,
        /// 版块编号或名称，如 财务公开
        #[arg(long)]
        zone: String,
        /// 补贴清册编号
        #[arg(long, group = "source")]
        payout_list: Option<String>,
        /// 已发布的公开记录编号
        #[arg(long, group = "source")]
        record: Option<String>,
        /// 自拟公示单（JSON，格式见 README“公开栏张贴”）
        #[arg(long, value_name = "FILE", group = "source")]
        sheet: Option<PathBuf>,
        /// 张贴轮次（缺省：周期和版块名，如“2026年11月 财务公开”）
        #[arg(long)]
        round: Option<String>,
        /// 周期：2026-11、2026-Q4 或 2026-H2（缺省：公示开始日所在周期的上一个）
        #[arg(long)]
        period: Option<String>,
        /// 公示开始日期（缺省今天）
        #[arg(long)]
        from: Option<String>,
        /// 公示结束日期（缺省按公示单的公示期或版块的最少张贴天数推算）
        #[arg(long)]
        to: Option<String>,
        /// 标题（缺省取公示单的标题）
        #[arg(long)]
        title: Option<String>,
        /// 重新张贴：被提前撤下的张贴编号
        #[arg(long)]
        reposts: Option<String>,
    },
    /// 列出张贴
    List {
        #[command(flatten)]
        db: Db,
        /// 只列这一轮次
        #[arg(long)]
        round: Option<String>,
    },
    /// 打印一个轮次的张贴包：每村一份（张贴示意图、按版块排列的公示单、张贴回执），或合订成一个文件
    Print {
        #[command(flatten)]
        db: Db,
        #[arg(long)]
        round: String,
        #[arg(long, value_name = "DIR")]
        out: PathBuf,
        /// 全部村合订为一个 PDF（带书签）
        #[arg(long)]
        one_file: bool,
    },
    /// 登记已张贴：日期、张贴人，可附现场照片
    MarkPosted {
        #[command(flatten)]
        db: Db,
        #[arg(long)]
        id: String,
        /// 张贴日期，如 2026-11-02
        #[arg(long)]
        on: String,
        /// 张贴人
        #[arg(long)]
        by: String,
        /// 现场照片（JPEG 或 PNG，可重复）
        #[arg(long = "photo", value_name = "FILE")]
        photos: Vec<PathBuf>,
    },
    /// 登记撤下：早于公示期满或最少张贴天数的，标记为须重新张贴
    TakeDown {
        #[command(flatten)]
        db: Db,
        #[arg(long)]
        id: String,
        #[arg(long)]
        on: String,
    },
    /// 归档已撤下的张贴
    Archive {
        #[command(flatten)]
        db: Db,
        #[arg(long)]
        id: String,
    },
    /// 各公开栏应张贴、逾期、公示将满和须重贴的
    Due {
        #[command(flatten)]
        db: Db,
    },
    /// 待办：逾期和即将到期的信息、公示将满、公开栏逾期、须重贴
    Todo {
        #[command(flatten)]
        db: Db,
    },
    /// 导出公开栏更新台账（xlsx 或 pdf）
    Register {
        #[command(flatten)]
        db: Db,
        #[arg(long)]
        format: String,
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
        /// 年度（缺省今年）
        #[arg(long)]
        year: Option<i32>,
    },
}

#[derive(Debug)]
pub enum PostingsReport {
    Posting(PostingDetail),
    List(Postings),
    Printed(PostingsPrintResult),
    Due(PostingsDue),
    Todo(HomeTodo),
    Exported(ExportResult),
}

fn read_sheet(path: &PathBuf) -> Result<ComposedSheetInput, ApiError> {
    let invalid = |message: String| ApiError {
        code: "invalid_input".into(),
        message,
    };
    let text = std::fs::read_to_string(path)
        .map_err(|e| invalid(format!("无法读取公示单“{}”：{e}", path.display())))?;
    serde_json::from_str(&text)
        .map_err(|e| invalid(format!("公示单“{}”不是有效的 JSON：{e}", path.display())))
}

pub fn run(command: PostingsCommand) -> (bool, Result<Report, ApiError>) {
    let open = |db: &Db| Api::new(&db.db);
    let (json, result) = match command {
        PostingsCommand::Add {
            db,
            board,
            zone,
            payout_list,
            record,
            sheet,
            round,
            period,
            from,
            to,
            title,
            reposts,
        } => {
            let result = sheet
                .as_ref()
                .map(read_sheet)
                .transpose()
                .and_then(|sheet| {
                    open(&db).posting_add(PostingAddArgs {
                        board_id: board,
                        zone_id: zone,
                        round,
                        period,
                        payout_list_id: payout_list,
                        record_id: record,
                        sheet,
                        title,
                        notice_from: from,
                        notice_to: to,
                        reposts,
                    })
                });
            (db.json, result.map(PostingsReport::Posting))
        }
        PostingsCommand::List { db, round } => (
            db.json,
            open(&db)
                .postings_list(PostingsListArgs {
                    round,
                    ..PostingsListArgs::default()
                })
                .map(PostingsReport::List),
        ),
        PostingsCommand::Print {
            db,
            round,
            out,
            one_file,
        } => (
            db.json,
            open(&db)
                .postings_print(PostingsPrintArgs {
                    round,
                    out_dir: out.display().to_string(),
                    one_file: Some(one_file),
                })
                .map(PostingsReport::Printed),
        ),
        PostingsCommand::MarkPosted {
            db,
            id,
            on,
            by,
            photos,
        } => (
            db.json,
            open(&db)
                .posting_mark_posted(PostingMarkPostedArgs {
                    id,
                    on,
                    by,
                    photos: Some(photos.iter().map(|p| p.display().to_string()).collect()),
                })
                .map(PostingsReport::Posting),
        ),
        PostingsCommand::TakeDown { db, id, on } => (
            db.json,
            open(&db)
                .posting_take_down(PostingTakeDownArgs { id, on })
                .map(PostingsReport::Posting),
        ),
        PostingsCommand::Archive { db, id } => (
            db.json,
            open(&db)
                .posting_archive(IdArgs { id })
                .map(PostingsReport::Posting),
        ),
        PostingsCommand::Due { db } => (
            db.json,
            open(&db).postings_due(NoArgs {}).map(PostingsReport::Due),
        ),
        PostingsCommand::Todo { db } => (
            db.json,
            open(&db).home_todo(NoArgs {}).map(PostingsReport::Todo),
        ),
        PostingsCommand::Register {
            db,
            format,
            out,
            year,
        } => (
            db.json,
            open(&db)
                .postings_register_export(PostingsRegisterExportArgs {
                    format,
                    out: out.display().to_string(),
                    year,
                })
                .map(PostingsReport::Exported),
        ),
    };
    (json, result.map(Report::Postings))
}

impl PostingsReport {
    pub fn json(&self) -> serde_json::Value {
        let value = match self {
            PostingsReport::Posting(p) => serde_json::to_value(p),
            PostingsReport::List(l) => serde_json::to_value(&l.postings),
            PostingsReport::Printed(p) => serde_json::to_value(&p.packs),
            PostingsReport::Due(d) => serde_json::to_value(d),
            PostingsReport::Todo(t) => serde_json::to_value(t),
            PostingsReport::Exported(e) => serde_json::to_value(e),
        };
        value.unwrap_or_default()
    }

    pub fn text(&self) -> String {
        match self {
            PostingsReport::Posting(d) => {
                let p = &d.posting;
                let mut lines = vec![format!(
                    "{}\t{}\t{}·{}\t{}\t公示期 {} 至 {}\t{}",
                    p.id,
                    p.register_no,
                    p.village.as_deref().unwrap_or(&p.board_name),
                    p.zone_name,
                    p.stage_label,
                    p.notice_from,
                    p.notice_to,
                    p.title
                )];
                if let Some(reason) = &p.early_take_down {
                    lines.push(reason.clone());
                }
                lines.join("\n")
            }
            PostingsReport::List(l) if l.postings.is_empty() => "没有张贴".to_owned(),
            PostingsReport::List(l) => l
                .postings
                .iter()
                .map(|p| {
                    format!(
                        "{}\t{}\t{}·{}\t{}\t{}",
                        p.id,
                        p.register_no,
                        p.village.as_deref().unwrap_or(&p.board_name),
                        p.zone_name,
                        p.stage_label,
                        p.title
                    )
                })
                .collect::<Vec<_>>()
                .join("\n"),
            PostingsReport::Printed(p) => p
                .packs
                .iter()
                .map(|pack| format!("{}\t{} 张\t{}", pack.village, pack.sheets, pack.path))
                .collect::<Vec<_>>()
                .join("\n"),
            PostingsReport::Due(d) => {
                let mut lines = Vec::new();
                for z in &d.due {
                    lines.push(format!(
                        "{}\t{}·{}\t{}\t应于 {}\t{}",
                        z.state.label(),
                        z.village.as_deref().unwrap_or(&z.board_name),
                        z.zone_name,
                        z.period
                            .as_deref()
                            .unwrap_or(BoardCadence::AsNeeded.label()),
                        z.due_on,
                        z.explanation
                    ));
                }
                for p in &d.expiring {
                    lines.push(format!(
                        "{}\t{}·{}\t公示期至 {}\t{}",
                        p.stage_label,
                        p.village.as_deref().unwrap_or(&p.board_name),
                        p.zone_name,
                        p.notice_to,
                        p.title
                    ));
                }
                for p in &d.reposts {
                    lines.push(format!(
                        "须重新张贴\t{}·{}\t{}",
                        p.village.as_deref().unwrap_or(&p.board_name),
                        p.zone_name,
                        p.title
                    ));
                }
                if lines.is_empty() {
                    "各公开栏都已按期更新".to_owned()
                } else {
                    lines.join("\n")
                }
            }
            PostingsReport::Todo(t) if t.rows.is_empty() => "今天没有待办".to_owned(),
            PostingsReport::Todo(t) => t
                .rows
                .iter()
                .map(|r| {
                    format!(
                        "{}\t{}\t{}\t{}\t{}",
                        r.kind.label(),
                        r.village.as_deref().unwrap_or(""),
                        r.title,
                        r.detail,
                        r.due_on.as_deref().unwrap_or("")
                    )
                })
                .collect::<Vec<_>>()
                .join("\n"),
            PostingsReport::Exported(e) => format!("已导出：{}", e.path),
        }
    }
}
