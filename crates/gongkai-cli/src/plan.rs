//! `gongkai plan …`: the yearly work plan (工作要点任务分解表).
//!
//! `--json` prints: `import` `{year, sheet, title, tasks, written}`, `list` `{today, year,
//! years, tasks, done, late, dueSoon}`, `show`, `add`, `done` and `summary` `{task, notes,
//! yearEnd}` — the wire types of `plan_*` (camelCase).

use std::path::PathBuf;

use clap::Subcommand;
use gongkai_api::wire::{
    IdArgs, PlanImportArgs, PlanImportReport, PlanListArgs, PlanProgressArgs, PlanStatus,
    PlanSummaryArgs, PlanTaskDetail, PlanTaskInput, PlanTaskRow, PlanTasks,
};
use gongkai_api::{Api, ApiError};

use crate::Db;
use crate::output::Report;

#[derive(Debug, Subcommand)]
pub enum PlanCommand {
    /// 导入年度工作要点任务分解表（.xlsx/.xls，或 Word 文档 .docx 中的表格）：任务名称、任务内容、责任单位、责任人、时间节点、佐证材料
    Import {
        #[command(flatten)]
        db: Db,
        /// 任务分解表文件
        #[arg(value_name = "FILE")]
        file: PathBuf,
        /// 年度（缺省：表格标题中的年度，没有则取文件名中的年度）
        #[arg(long)]
        year: Option<i32>,
        /// 该年度已导入时用新表替换（任何任务已有进展时不允许）
        #[arg(long)]
        replace: bool,
        /// 只检查、不写入
        #[arg(long)]
        dry_run: bool,
    },
    /// 列出一个年度的任务及其到期情况
    List {
        #[command(flatten)]
        db: Db,
        /// 年度（缺省：今年，今年没有则最近的年度）
        #[arg(long)]
        year: Option<i32>,
    },
    /// 查看一项任务及其进展记录、佐证材料
    Show {
        #[command(flatten)]
        db: Db,
        /// 任务编号
        #[arg(long)]
        id: String,
    },
    /// 手工添加一项任务
    Add {
        #[command(flatten)]
        db: Db,
        #[arg(long)]
        year: i32,
        /// 任务名称
        #[arg(long)]
        name: String,
        /// 时间节点，如“10月底前”“每月”“全年”
        #[arg(long)]
        time_node: String,
        #[arg(long, default_value = "")]
        content: String,
        /// 责任单位
        #[arg(long, default_value = "")]
        office: String,
        /// 责任人
        #[arg(long, default_value = "")]
        person: String,
        /// 佐证材料要求
        #[arg(long, default_value = "")]
        evidence_required: String,
    },
    /// 记录任务进展：缺省标记为已完成；可附佐证材料
    Done {
        #[command(flatten)]
        db: Db,
        /// 任务编号
        #[arg(long)]
        id: String,
        /// 本次进展说明
        #[arg(long, default_value = "")]
        note: String,
        /// 进展日期（缺省今天），如 2026-07-16
        #[arg(long)]
        on: Option<String>,
        /// 只记录进展、任务仍在进行中
        #[arg(long)]
        in_progress: bool,
        /// 佐证材料文件，可多个
        #[arg(long = "evidence", value_name = "FILE")]
        evidence: Vec<PathBuf>,
    },
    /// 填写任务的年终小结（写入年度报告“一、总体情况”）；--text 为空则改回根据进展记录生成的草稿
    Summary {
        #[command(flatten)]
        db: Db,
        /// 任务编号
        #[arg(long)]
        id: String,
        /// 年终小结
        #[arg(long, default_value = "")]
        text: String,
    },
}

#[derive(Debug)]
pub enum PlanReport {
    Imported(PlanImportReport),
    Tasks(PlanTasks),
    Task(PlanTaskDetail),
}

pub fn run(command: PlanCommand) -> (bool, Result<Report, ApiError>) {
    let open = |db: &Db| Api::new(&db.db);
    let (json, result) = match command {
        PlanCommand::Import {
            db,
            file,
            year,
            replace,
            dry_run,
        } => (
            db.json,
            open(&db)
                .plan_import(PlanImportArgs {
                    path: file.display().to_string(),
                    year,
                    replace,
                    dry_run,
                })
                .map(PlanReport::Imported),
        ),
        PlanCommand::List { db, year } => (
            db.json,
            open(&db)
                .plan_list(PlanListArgs { year })
                .map(PlanReport::Tasks),
        ),
        PlanCommand::Show { db, id } => (
            db.json,
            open(&db).plan_task_get(IdArgs { id }).map(PlanReport::Task),
        ),
        PlanCommand::Add {
            db,
            year,
            name,
            time_node,
            content,
            office,
            person,
            evidence_required,
        } => (
            db.json,
            open(&db)
                .plan_task_save(PlanTaskInput {
                    id: None,
                    year,
                    seq: None,
                    section: None,
                    name,
                    content,
                    office,
                    person,
                    time_node,
                    evidence_required,
                })
                .map(PlanReport::Task),
        ),
        PlanCommand::Done {
            db,
            id,
            note,
            on,
            in_progress,
            evidence,
        } => (
            db.json,
            open(&db)
                .plan_progress(PlanProgressArgs {
                    task_id: id,
                    status: if in_progress {
                        PlanStatus::InProgress
                    } else {
                        PlanStatus::Done
                    },
                    note,
                    noted_on: on,
                    evidence: evidence.iter().map(|f| f.display().to_string()).collect(),
                })
                .map(PlanReport::Task),
        ),
        PlanCommand::Summary { db, id, text } => (
            db.json,
            open(&db)
                .plan_summary_save(PlanSummaryArgs {
                    task_id: id,
                    summary: text,
                })
                .map(PlanReport::Task),
        ),
    };
    (json, result.map(Report::Plan))
}

fn task_line(t: &PlanTaskRow) -> String {
    let whom = [t.office.as_str(), t.person.as_str()]
        .iter()
        .filter(|s| !s.is_empty())
        .copied()
        .collect::<Vec<_>>()
        .join(" ");
    format!(
        "{}\t{}. {}\t{}\t{}\t{}\t{}",
        t.id,
        t.seq,
        t.name,
        t.time_node,
        if whom.is_empty() { "—" } else { &whom },
        t.status.label(),
        t.explanation
    )
}

impl PlanReport {
    pub fn json(&self) -> serde_json::Value {
        let value = match self {
            PlanReport::Imported(r) => serde_json::to_value(r),
            PlanReport::Tasks(t) => serde_json::to_value(t),
            PlanReport::Task(t) => serde_json::to_value(t),
        };
        // Wire types always serialise; a failure would print null rather than half a value.
        value.unwrap_or_default()
    }

    pub fn text(&self) -> String {
        match self {
            PlanReport::Imported(r) => {
                // A Word document's tables are named 表格1, 表格2… (no sheet to quote).
                let place = if r.sheet.starts_with("表格") {
                    r.sheet.clone()
                } else {
                    format!("工作表“{}”", r.sheet)
                };
                let mut lines = vec![format!(
                    "{}{} 年工作要点：{place}中 {} 项任务",
                    if r.written {
                        "已导入 "
                    } else {
                        "检查通过（未写入）："
                    },
                    r.year,
                    r.tasks.len()
                )];
                lines.extend(
                    r.tasks.iter().map(|t| {
                        format!("{}. {}\t{}\t截止 {}", t.seq, t.name, t.time_node, t.due_on)
                    }),
                );
                lines.join("\n")
            }
            PlanReport::Tasks(t) => match t.year {
                None => "还没有导入任何年度的工作要点".to_owned(),
                Some(year) => {
                    let mut lines = vec![format!(
                        "{year} 年工作要点：{} 项任务，已完成 {}，逾期 {}，即将到期 {}（今天 {}）",
                        t.tasks.len(),
                        t.done,
                        t.late,
                        t.due_soon,
                        t.today
                    )];
                    lines.extend(t.tasks.iter().map(task_line));
                    lines.join("\n")
                }
            },
            PlanReport::Task(d) => {
                let mut lines = vec![task_line(&d.task)];
                if !d.task.content.is_empty() {
                    lines.push(format!("任务内容：{}", d.task.content));
                }
                if !d.task.evidence_required.is_empty() {
                    lines.push(format!("佐证材料：{}", d.task.evidence_required));
                }
                for n in &d.notes {
                    let files: Vec<&str> =
                        n.evidence.iter().map(|e| e.file_name.as_str()).collect();
                    lines.push(format!(
                        "{}\t{}\t{}{}",
                        n.noted_on,
                        n.status.label(),
                        n.note,
                        if files.is_empty() {
                            String::new()
                        } else {
                            format!("（佐证：{}）", files.join("、"))
                        }
                    ));
                }
                lines.push(format!(
                    "年终小结（{}{}）：{}",
                    d.year_end.outcome.label(),
                    if d.year_end.written { "" } else { "，草稿" },
                    d.year_end.summary
                ));
                lines.join("\n")
            }
        }
    }
}
