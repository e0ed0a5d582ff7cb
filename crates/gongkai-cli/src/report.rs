//! `gongkai report …`: the annual report (政府信息公开工作年度报告).
//!
//! `--json` prints `build`, `save`, `case-add` and `case-delete` as the wire `ReportView`
//! (tables in the national layout, `problems` naming cells, the draft, cases, last year) and
//! `export` as `{path, recordId}` — camelCase.

use std::path::PathBuf;

use clap::{Subcommand, ValueEnum};
use gongkai_api::wire::{
    DisclosureCaseInput, DisclosureCaseKind, DisclosureCaseOutcome, IdArgs, LetterFormat,
    ReportDraft, ReportExport, ReportExportArgs, ReportView, ReportYearArgs,
};
use gongkai_api::{Api, ApiError};
use gongkai_report::{parse_wan_yuan, parse_yuan};

use crate::Db;
use crate::output::Report;

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum Format {
    Pdf,
    Docx,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum CaseKind {
    /// 行政复议
    Review,
    /// 行政诉讼（未经复议直接起诉）
    LitDirect,
    /// 行政诉讼（复议后起诉）
    LitAfterReview,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum CaseOutcome {
    /// 维持
    Upheld,
    /// 纠正
    Corrected,
    /// 其他
    Other,
    /// 尚未审结
    Pending,
}

#[derive(Debug, Subcommand)]
pub enum ReportCommand {
    /// 生成年度报告的表格（表二、表三、表四）并检查勾稽关系
    Build {
        #[command(flatten)]
        db: Db,
        /// 报告年度（缺省：上一年）
        #[arg(long)]
        year: Option<i32>,
    },
    /// 填写年度报告：表二的处理决定数和收费金额、第一五六部分的文字（只改给出的项）
    Save {
        #[command(flatten)]
        db: Db,
        #[arg(long)]
        year: i32,
        /// 行政许可本年处理决定数量
        #[arg(long)]
        licensing: Option<u32>,
        /// 行政处罚本年处理决定数量
        #[arg(long)]
        penalty: Option<u32>,
        /// 行政强制本年处理决定数量
        #[arg(long)]
        enforcement: Option<u32>,
        /// 行政事业性收费金额（万元），如 1.2345
        #[arg(long)]
        admin_fees_wan: Option<String>,
        /// 第六部分说明的信息处理费（元），未收取填 0
        #[arg(long)]
        stated_fees_yuan: Option<String>,
        /// 一、总体情况（文本文件，UTF-8）
        #[arg(long, value_name = "FILE")]
        overview: Option<PathBuf>,
        /// 五、存在的主要问题及改进情况（文本文件）
        #[arg(long, value_name = "FILE")]
        problems: Option<PathBuf>,
        /// 六、其他需要报告的事项（文本文件）
        #[arg(long, value_name = "FILE")]
        other: Option<PathBuf>,
    },
    /// 登记一件政府信息公开行政复议或行政诉讼（计入立案年度的表四）
    CaseAdd {
        #[command(flatten)]
        db: Db,
        #[arg(long, value_enum)]
        kind: CaseKind,
        /// 立案（受理）日期，如 2026-03-15
        #[arg(long)]
        filed: String,
        /// 案件涉及的申请或事项
        #[arg(long)]
        subject: String,
        /// 结果（缺省：尚未审结）
        #[arg(long, value_enum)]
        outcome: Option<CaseOutcome>,
        /// 结案日期（有结果时必填）
        #[arg(long)]
        decided: Option<String>,
        /// 案号
        #[arg(long, default_value = "")]
        case_number: String,
    },
    /// 删除误登记的复议/诉讼案件
    CaseDelete {
        #[command(flatten)]
        db: Db,
        #[arg(long)]
        id: String,
    },
    /// 导出年度报告（PDF 或 Word）；--final 定稿：表三、表四、第六部分须一致，各部分须写完
    Export {
        #[command(flatten)]
        db: Db,
        #[arg(long)]
        year: i32,
        #[arg(long, value_enum, default_value = "pdf")]
        format: Format,
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
        #[arg(long = "final")]
        final_export: bool,
    },
}

#[derive(Debug)]
pub enum ReportOutput {
    View(Box<ReportView>),
    Exported(ReportExport),
}

fn invalid(message: String) -> ApiError {
    ApiError {
        code: "invalid_input".to_owned(),
        message,
    }
}

fn read_text(path: &PathBuf) -> Result<String, ApiError> {
    std::fs::read_to_string(path)
        .map_err(|e| invalid(format!("无法读取文件“{}”：{e}", path.display())))
}

fn amount(
    text: Option<String>,
    parse: fn(&str) -> Option<i64>,
    unit: &str,
) -> Result<Option<i64>, ApiError> {
    text.map(|t| {
        parse(&t).ok_or_else(|| {
            invalid(format!(
                "金额“{t}”不对：请写不带单位的数字（{unit}），如 12.5"
            ))
        })
    })
    .transpose()
}

pub fn run(command: ReportCommand) -> (bool, Result<Report, ApiError>) {
    let open = |db: &Db| Api::new(&db.db);
    let view = |r: Result<ReportView, ApiError>| r.map(|v| ReportOutput::View(Box::new(v)));
    let (json, result) = match command {
        ReportCommand::Build { db, year } => (
            db.json,
            view(open(&db).report_build(ReportYearArgs { year })),
        ),
        ReportCommand::Save {
            db,
            year,
            licensing,
            penalty,
            enforcement,
            admin_fees_wan,
            stated_fees_yuan,
            overview,
            problems,
            other,
        } => {
            let api = open(&db);
            let saved = (|| {
                let mut draft: ReportDraft =
                    api.report_build(ReportYearArgs { year: Some(year) })?.draft;
                draft.licensing_decisions = licensing.unwrap_or(draft.licensing_decisions);
                draft.penalty_decisions = penalty.unwrap_or(draft.penalty_decisions);
                draft.enforcement_decisions = enforcement.unwrap_or(draft.enforcement_decisions);
                if let Some(fen) = amount(admin_fees_wan, parse_wan_yuan, "万元")? {
                    draft.admin_fees_fen = fen;
                }
                if let Some(fen) = amount(stated_fees_yuan, parse_yuan, "元")? {
                    draft.stated_fees_fen = Some(fen);
                }
                for (file, text) in [
                    (overview, &mut draft.overview),
                    (problems, &mut draft.problems_text),
                    (other, &mut draft.other_text),
                ] {
                    if let Some(file) = file {
                        *text = read_text(&file)?;
                    }
                }
                api.report_save(draft)
            })();
            (db.json, view(saved))
        }
        ReportCommand::CaseAdd {
            db,
            kind,
            filed,
            subject,
            outcome,
            decided,
            case_number,
        } => (
            db.json,
            view(open(&db).report_case_save(DisclosureCaseInput {
                id: None,
                kind: match kind {
                    CaseKind::Review => DisclosureCaseKind::Review,
                    CaseKind::LitDirect => DisclosureCaseKind::LitDirect,
                    CaseKind::LitAfterReview => DisclosureCaseKind::LitAfterReview,
                },
                case_number,
                subject,
                filed_on: filed,
                outcome: outcome.map(|o| match o {
                    CaseOutcome::Upheld => DisclosureCaseOutcome::Upheld,
                    CaseOutcome::Corrected => DisclosureCaseOutcome::Corrected,
                    CaseOutcome::Other => DisclosureCaseOutcome::Other,
                    CaseOutcome::Pending => DisclosureCaseOutcome::Pending,
                }),
                decided_on: decided,
                note: String::new(),
            })),
        ),
        ReportCommand::CaseDelete { db, id } => {
            (db.json, view(open(&db).report_case_delete(IdArgs { id })))
        }
        ReportCommand::Export {
            db,
            year,
            format,
            out,
            final_export,
        } => (
            db.json,
            open(&db)
                .report_export(ReportExportArgs {
                    year,
                    format: match format {
                        Format::Pdf => LetterFormat::Pdf,
                        Format::Docx => LetterFormat::Docx,
                    },
                    out: out.display().to_string(),
                    final_export,
                })
                .map(ReportOutput::Exported),
        ),
    };
    (json, result.map(Report::Annual))
}

impl ReportOutput {
    pub fn json(&self) -> serde_json::Value {
        let value = match self {
            ReportOutput::View(v) => serde_json::to_value(v),
            ReportOutput::Exported(e) => serde_json::to_value(e),
        };
        // Wire types always serialise; a failure would print null rather than half a value.
        value.unwrap_or_default()
    }

    pub fn text(&self) -> String {
        match self {
            ReportOutput::Exported(e) => match &e.record_id {
                // Finalized: the report waits as a disclosure record for 三审 and 发布.
                Some(id) => format!(
                    "已定稿导出：{}\n公开记录 {id}：请完成三审、保密审查后登记发布",
                    e.path
                ),
                None => format!("已导出：{}", e.path),
            },
            ReportOutput::View(v) => view_text(v),
        }
    }
}

fn view_text(v: &ReportView) -> String {
    let mut lines = vec![v.title.clone()];
    lines.push(v.sections[1].clone());
    for part in &v.tables.table2 {
        for row in &part.rows {
            lines.push(format!("  {}\t{}", row.label, row.cells.join("\t")));
        }
    }
    lines.push(v.sections[2].clone());
    let t3 = &v.tables.table3;
    let header: Vec<&str> = t3.columns.iter().map(|c| c.label.as_str()).collect();
    lines.push(format!("  \t{}", header.join("\t")));
    for row in &t3.rows {
        let cells: Vec<String> = row.cells.iter().map(u32::to_string).collect();
        lines.push(format!("  {}\t{}", row.label, cells.join("\t")));
    }
    lines.push(v.sections[3].clone());
    for group in &v.tables.table4.groups {
        let cells: Vec<String> = group.cells.iter().map(u32::to_string).collect();
        lines.push(format!("  {}\t{}", group.label, cells.join("\t")));
    }
    lines.push(format!(
        "依申请公开登记的信息处理费 {}.{:02} 元",
        v.recorded_fees_fen / 100,
        v.recorded_fees_fen % 100
    ));
    if v.problems.is_empty() {
        lines.push("勾稽关系：全部一致".to_owned());
    } else {
        lines.push(format!("勾稽关系：{} 处不一致", v.problems.len()));
        lines.extend(v.problems.iter().map(|p| format!("  {}", p.message)));
    }
    lines.join("\n")
}
