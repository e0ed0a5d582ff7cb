//! `gongkai documents …`: the normative-document library (规范性文件库), its validity changes,
//! search and the yearly 清理.
//!
//! `--json` prints the wire types: `add` `{document, notes}`, `list`/`search` an array of
//! document summaries, `show`/`repeal`/`amend` a document's detail, `review` the 清理 list of the
//! year `{year, ageYears, rows, undecided}` (camelCase).

use std::path::PathBuf;

use clap::Subcommand;
use gongkai_api::wire::{
    CleanupDecideArgs, CleanupDecision, DocumentAttachArgs, DocumentCleanup, DocumentCleanupArgs,
    DocumentDetail, DocumentInput, DocumentKind, DocumentSaved, DocumentSummary, DocumentValidity,
    DocumentValidityArgs, DocumentsListArgs, IdArgs,
};
use gongkai_api::{Api, ApiError};

use crate::Db;
use crate::output::Report;

#[derive(Debug, Subcommand)]
pub enum DocumentsCommand {
    /// 把一份文件加入文件库（文号的方括号、圆括号、【】会改为六角括号〔〕，并说明）
    Add {
        #[command(flatten)]
        db: Db,
        /// 文号，如 示政发〔2024〕3号（行政规范性文件必填）
        #[arg(long)]
        number: Option<String>,
        #[arg(long)]
        title: String,
        /// 发文机关
        #[arg(long)]
        issuer: String,
        /// 印发日期 YYYY-MM-DD
        #[arg(long)]
        issued: String,
        /// 施行日期（缺省同印发日期）
        #[arg(long)]
        effective: Option<String>,
        /// 有效期至（有有效期的文件）
        #[arg(long)]
        until: Option<String>,
        /// 类别：normative（行政规范性文件，缺省）或 policy（其他政策文件）
        #[arg(long, default_value = "normative", value_parser = kind)]
        kind: DocumentKind,
        /// 全文所在的文本文件（UTF-8）
        #[arg(long, value_name = "FILE")]
        text: Option<PathBuf>,
        /// 需要政策解读（解读未通过三审和保密审查前，文件不能发布）
        #[arg(long)]
        needs_interpretation: bool,
        /// 发布这份文件的公开记录编号
        #[arg(long)]
        record: Option<String>,
        /// 附上文件（如盖章的 PDF），可多个
        #[arg(long = "attach", value_name = "FILE")]
        attach: Vec<PathBuf>,
    },
    /// 列出文件库，可按效力状态筛选
    List {
        #[command(flatten)]
        db: Db,
        /// in_force · amended · repealed · expired
        #[arg(long, value_parser = validity)]
        validity: Option<DocumentValidity>,
    },
    /// 查看一份文件：效力变更经过、附件、政策解读、清理决定
    Show {
        #[command(flatten)]
        db: Db,
        /// 文件的文号（如 示政发〔2024〕3号）或编号
        #[arg(long)]
        id: String,
    },
    /// 废止一份文件（须写明废止日期；废止它的文件须已在文件库中）
    Repeal {
        #[command(flatten)]
        db: Db,
        /// 文件的文号（如 示政发〔2024〕3号）或编号
        #[arg(long)]
        id: String,
        /// 废止日期 YYYY-MM-DD
        #[arg(long)]
        on: Option<String>,
        /// 废止它的文件：文号或编号
        #[arg(long)]
        by: Option<String>,
        /// 标为已失效，而不是已废止
        #[arg(long)]
        expired: bool,
        #[arg(long)]
        note: Option<String>,
    },
    /// 标记一份文件已被修改（须写明修改日期和修改它的文件）
    Amend {
        #[command(flatten)]
        db: Db,
        /// 文件的文号（如 示政发〔2024〕3号）或编号
        #[arg(long)]
        id: String,
        #[arg(long)]
        on: Option<String>,
        /// 修改它的文件：文号或编号
        #[arg(long)]
        by: Option<String>,
        #[arg(long)]
        note: Option<String>,
    },
    /// 按标题、文号、发文机关、正文检索
    Search {
        #[command(flatten)]
        db: Db,
        /// 检索词，空格分隔；文号可用任何括号
        query: String,
    },
    /// 年度清理：列出应清理的文件；带 --decide 时记录一份文件的清理决定
    Review {
        #[command(flatten)]
        db: Db,
        /// 年度（缺省今年）
        #[arg(long)]
        year: Option<i32>,
        /// 作出决定的文件编号
        #[arg(long, requires_all = ["decision", "decided_by"])]
        decide: Option<String>,
        /// keep（继续有效）· amend（需修改）· repeal（废止）· expire（宣布失效）
        #[arg(long, value_parser = decision)]
        decision: Option<CleanupDecision>,
        /// 作出决定的人或会议
        #[arg(long)]
        decided_by: Option<String>,
        /// 决定日期（缺省今天）
        #[arg(long)]
        on: Option<String>,
        #[arg(long)]
        note: Option<String>,
    },
}

#[derive(Debug)]
pub enum DocumentsReport {
    Saved(DocumentSaved),
    List(Vec<DocumentSummary>),
    Detail(DocumentDetail),
    Cleanup(DocumentCleanup),
}

fn kind(text: &str) -> Result<DocumentKind, String> {
    DocumentKind::from_key(text).ok_or_else(|| {
        keys(
            "类别",
            DocumentKind::ALL.iter().map(|k| (k.key(), k.label())),
        )
    })
}

fn validity(text: &str) -> Result<DocumentValidity, String> {
    DocumentValidity::from_key(text).ok_or_else(|| {
        keys(
            "效力状态",
            DocumentValidity::ALL.iter().map(|v| (v.key(), v.label())),
        )
    })
}

fn decision(text: &str) -> Result<CleanupDecision, String> {
    CleanupDecision::from_key(text).ok_or_else(|| {
        keys(
            "清理决定",
            CleanupDecision::ALL.iter().map(|d| (d.key(), d.label())),
        )
    })
}

fn keys<'a>(what: &str, all: impl Iterator<Item = (&'a str, &'a str)>) -> String {
    let listed: Vec<String> = all.map(|(k, l)| format!("{k}（{l}）")).collect();
    format!("{what}应为：{}", listed.join("、"))
}

pub fn run(command: DocumentsCommand) -> (bool, Result<Report, ApiError>) {
    let open = |db: &Db| Api::new(&db.db);
    let (json, result) = match command {
        DocumentsCommand::Add {
            db,
            number,
            title,
            issuer,
            issued,
            effective,
            until,
            kind,
            text,
            needs_interpretation,
            record,
            attach,
        } => {
            let api = open(&db);
            let result = read_text(text.as_ref()).and_then(|body| {
                let saved = api.document_save(DocumentInput {
                    id: None,
                    kind,
                    doc_number: number,
                    title,
                    issuer,
                    issued_on: issued,
                    effective_on: effective,
                    valid_until: until,
                    body,
                    needs_interpretation,
                    record_id: record,
                })?;
                let mut saved = saved;
                for file in &attach {
                    saved.document = api.document_attach(DocumentAttachArgs {
                        id: saved.document.summary.id.clone(),
                        path: file.display().to_string(),
                    })?;
                }
                Ok(DocumentsReport::Saved(saved))
            });
            (db.json, result)
        }
        DocumentsCommand::List { db, validity } => (
            db.json,
            open(&db)
                .documents_list(DocumentsListArgs {
                    validity,
                    ..Default::default()
                })
                .map(|d| DocumentsReport::List(d.documents)),
        ),
        DocumentsCommand::Search { db, query } => (
            db.json,
            open(&db)
                .documents_list(DocumentsListArgs {
                    query: Some(query),
                    ..Default::default()
                })
                .map(|d| DocumentsReport::List(d.documents)),
        ),
        DocumentsCommand::Show { db, id } => (
            db.json,
            open(&db)
                .document_get(IdArgs { id })
                .map(DocumentsReport::Detail),
        ),
        DocumentsCommand::Repeal {
            db,
            id,
            on,
            by,
            expired,
            note,
        } => {
            let to = if expired {
                DocumentValidity::Expired
            } else {
                DocumentValidity::Repealed
            };
            let args = DocumentValidityArgs {
                id,
                validity: to,
                on,
                changed_by: by,
                note,
            };
            (
                db.json,
                open(&db)
                    .document_change_validity(args)
                    .map(DocumentsReport::Detail),
            )
        }
        DocumentsCommand::Amend {
            db,
            id,
            on,
            by,
            note,
        } => {
            let args = DocumentValidityArgs {
                id,
                validity: DocumentValidity::Amended,
                on,
                changed_by: by,
                note,
            };
            (
                db.json,
                open(&db)
                    .document_change_validity(args)
                    .map(DocumentsReport::Detail),
            )
        }
        DocumentsCommand::Review {
            db,
            year,
            decide,
            decision,
            decided_by,
            on,
            note,
        } => {
            let api = open(&db);
            let result = match (decide, decision) {
                (Some(document_id), Some(decision)) => {
                    api.document_cleanup_decide(CleanupDecideArgs {
                        document_id,
                        year,
                        decision,
                        decided_on: on,
                        decided_by: decided_by.unwrap_or_default(),
                        note,
                        changed_by: None,
                    })
                }
                _ => api.documents_cleanup(DocumentCleanupArgs { year }),
            };
            (db.json, result.map(DocumentsReport::Cleanup))
        }
    };
    (json, result.map(Report::Documents))
}

fn read_text(file: Option<&PathBuf>) -> Result<String, ApiError> {
    match file {
        None => Ok(String::new()),
        Some(path) => std::fs::read_to_string(path).map_err(|e| ApiError {
            code: "invalid_input".into(),
            message: format!("无法读取全文文件“{}”：{e}", path.display()),
        }),
    }
}

impl DocumentsReport {
    pub fn json(&self) -> serde_json::Value {
        let value = match self {
            DocumentsReport::Saved(s) => serde_json::to_value(s),
            DocumentsReport::List(l) => serde_json::to_value(l),
            DocumentsReport::Detail(d) => serde_json::to_value(d),
            DocumentsReport::Cleanup(c) => serde_json::to_value(c),
        };
        value.unwrap_or_default()
    }

    pub fn text(&self) -> String {
        match self {
            DocumentsReport::Saved(s) => {
                let mut lines = vec![format!("已加入文件库：{}", line(&s.document.summary))];
                lines.extend(s.notes.iter().map(|n| format!("注意：{n}")));
                lines.join("\n")
            }
            DocumentsReport::List(l) if l.is_empty() => "文件库中没有符合条件的文件".to_owned(),
            DocumentsReport::List(l) => l.iter().map(line).collect::<Vec<_>>().join("\n"),
            DocumentsReport::Detail(d) => detail_text(d),
            DocumentsReport::Cleanup(c) => {
                let mut lines = vec![format!(
                    "{} 年度清理（施行满 {} 年或有效期届满）：{} 份，未决定 {} 份",
                    c.year,
                    c.age_years,
                    c.rows.len(),
                    c.undecided
                )];
                for row in &c.rows {
                    let decided = row.decision.as_ref().map_or_else(
                        || "未决定".to_owned(),
                        |d| {
                            format!(
                                "{}（{} {}）",
                                d.decision.label(),
                                d.decided_on,
                                d.decided_by
                            )
                        },
                    );
                    lines.push(format!(
                        "{}\t{}\t{}\t{}",
                        row.document.id,
                        line(&row.document),
                        row.reasons.join("；"),
                        decided
                    ));
                }
                lines.join("\n")
            }
        }
    }
}

fn line(d: &DocumentSummary) -> String {
    let since = d
        .validity_on
        .as_ref()
        .map(|on| format!("（{on}）"))
        .unwrap_or_default();
    format!(
        "{}\t{}\t{}\t{}{since}\t印发 {}",
        d.doc_number.as_deref().unwrap_or("—"),
        d.title,
        d.kind.label(),
        d.validity.label(),
        d.issued_on
    )
}

fn detail_text(d: &DocumentDetail) -> String {
    let s = &d.summary;
    let mut lines = vec![
        line(s),
        format!("编号 {}", s.id),
        format!("发文机关 {}，施行 {}", s.issuer, s.effective_on),
    ];
    if let Some(until) = &s.valid_until {
        lines.push(format!("有效期至 {until}"));
    }
    for h in &d.history {
        let by = h
            .changed_by
            .as_ref()
            .map(|b| format!("，依据 {}", b.name))
            .unwrap_or_default();
        lines.push(format!("{} {}{by}", h.changed_on, h.validity.label()));
    }
    lines.push(format!("政策解读：{}", s.interpretation.label()));
    if let Some(i) = &d.interpretation {
        lines.push(format!(
            "  {}（{}，{}）",
            i.record_title,
            i.form.label(),
            i.record_status.label()
        ));
    }
    lines.extend(d.interpretation_missing.iter().map(|m| format!("  {m}")));
    for a in &d.attachments {
        lines.push(format!("附件 {}（{} 字节）", a.file_name, a.size));
    }
    for c in &d.cleanups {
        lines.push(format!(
            "{} 年度清理：{}（{} {}）",
            c.year,
            c.decision.label(),
            c.decided_on,
            c.decided_by
        ));
    }
    lines.join("\n")
}
