//! `gongkai catalog …`: the disclosure catalog from the command line.

use std::path::PathBuf;

use clap::{Subcommand, ValueEnum};
use gongkai_api::wire::{
    CatalogAction, CatalogAdjustArgs, CatalogCoverage, CatalogDomains, CatalogExportArgs,
    CatalogExportResult, CatalogImportAcceptArgs, CatalogImportPreview, CatalogImportPreviewArgs,
    CatalogImportResult, CatalogItem, CatalogItemHistory, CatalogItemInput, CatalogItems,
    CatalogItemsArgs, CatalogKeyArgs, CatalogSearchArgs, NoArgs,
};
use gongkai_api::{Api, ApiError};

use crate::Db;
use crate::output::Report;

#[derive(Debug, Subcommand)]
pub enum CatalogCommand {
    /// 列出领域：事项数与来源
    Domains {
        #[command(flatten)]
        db: Db,
    },
    /// 列出本镇目录的事项（全部或某一领域）
    Items {
        #[command(flatten)]
        db: Db,
        /// 只列此领域
        #[arg(long)]
        domain: Option<String>,
    },
    /// 在目录的所有列中查找（多个词以空格分隔，须都出现；一两个字也可以）
    Search {
        /// 查找的词
        query: String,
        #[command(flatten)]
        db: Db,
        /// 最多列出几项（缺省 50）
        #[arg(long)]
        limit: Option<u32>,
    },
    /// 导出本镇目录（标准表格式，两行表头）
    Export {
        #[command(flatten)]
        db: Db,
        /// pdf 或 xlsx
        #[arg(long)]
        format: String,
        /// 输出文件
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
        /// 纸张：a3（缺省）或 a4，均为横向
        #[arg(long)]
        paper: Option<String>,
        /// 只导出此领域
        #[arg(long)]
        domain: Option<String>,
    },
    /// 本镇调整事项：增加、修改、隐藏或恢复（须写明原因）
    Adjust {
        /// add（增加）· edit（修改）· hide（隐藏）· restore（恢复）
        action: ActionArg,
        #[command(flatten)]
        db: Db,
        /// 事项编号：领域/一级事项/二级事项（增加时不用）
        #[arg(long)]
        key: Option<String>,
        /// 调整原因
        #[arg(long)]
        reason: String,
        /// 经办人
        #[arg(long)]
        by: String,
        /// 调整日期（如 2025-03-01，缺省为今天）
        #[arg(long)]
        on: Option<String>,
        #[command(flatten)]
        item: ItemArgs,
    },
    /// 导入县级下发的目录表（.xlsx/.xls/.docx）作为县级版本；--dry-run 只预览
    Import {
        /// 目录表文件
        file: PathBuf,
        #[command(flatten)]
        db: Db,
        /// 只预览：各领域新增、变更、缺少的事项和未能读入的单元格，不写入
        #[arg(long)]
        dry_run: bool,
        /// 版本名称（如 2025年版，缺省用文件名）
        #[arg(long = "version-label")]
        version_label: Option<String>,
        /// 县级下发日期（如 2025-03-01，缺省为今天）
        #[arg(long)]
        issued_on: Option<String>,
    },
    /// 某一事项的全部版本（基线、县级更新、本镇调整）
    History {
        /// 事项编号：领域/一级事项/二级事项
        key: String,
        #[command(flatten)]
        db: Db,
    },
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum ActionArg {
    Add,
    Edit,
    Hide,
    Restore,
}

/// Item columns for `adjust add|edit`; an option not given keeps the current text (edit) or is
/// empty (add).
#[derive(Debug, clap::Args)]
pub struct ItemArgs {
    /// 领域（增加时必填）
    #[arg(long)]
    domain: Option<String>,
    /// 一级事项
    #[arg(long)]
    level1: Option<String>,
    /// 二级事项
    #[arg(long)]
    level2: Option<String>,
    /// 公开内容（要素）
    #[arg(long)]
    content: Option<String>,
    /// 公开依据
    #[arg(long)]
    basis: Option<String>,
    /// 公开时限
    #[arg(long)]
    time_limit: Option<String>,
    /// 公开时限的工作日数（缺省从时限文字读出）
    #[arg(long)]
    workdays: Option<u32>,
    /// 公开主体
    #[arg(long)]
    subject: Option<String>,
    /// 公开渠道和载体（标准名，可重复）
    #[arg(long = "channel")]
    channels: Vec<String>,
    /// 其他渠道的名称
    #[arg(long)]
    channels_other: Option<String>,
    /// 公开对象：全社会、特定群体（可重复）
    #[arg(long)]
    audience: Vec<String>,
    /// 公开方式：主动、依申请（可重复）
    #[arg(long)]
    mode: Vec<String>,
    /// 公开层级：县级、乡级（可重复）
    #[arg(long)]
    level: Vec<String>,
}

impl ItemArgs {
    fn input(self) -> Option<CatalogItemInput> {
        let list = |v: Vec<String>| (!v.is_empty()).then_some(v);
        let input = CatalogItemInput {
            domain: self.domain,
            level1: self.level1,
            level2: self.level2,
            content: self.content,
            basis: self.basis,
            time_limit: self.time_limit,
            time_limit_workdays: self.workdays,
            subject: self.subject,
            channels: list(self.channels),
            channels_other: self.channels_other,
            audience: list(self.audience),
            mode: list(self.mode),
            level: list(self.level),
            source: None,
        };
        (input != CatalogItemInput::default()).then_some(input)
    }
}

/// What a catalog command reports.
#[derive(Debug)]
pub enum CatalogReport {
    Domains(CatalogDomains),
    Items(CatalogItems),
    History(CatalogItemHistory),
    Exported(CatalogExportResult),
    ImportPreview(CatalogImportPreview),
    Imported(CatalogImportResult),
}

pub fn run(command: CatalogCommand) -> (bool, Result<Report, ApiError>) {
    let open = |db: &Db| Api::new(&db.db);
    let (json, result) = match command {
        CatalogCommand::Domains { db } => (
            db.json,
            open(&db)
                .catalog_domains(NoArgs {})
                .map(CatalogReport::Domains),
        ),
        CatalogCommand::Items { db, domain } => (
            db.json,
            open(&db)
                .catalog_items(CatalogItemsArgs { domain })
                .map(CatalogReport::Items),
        ),
        CatalogCommand::Search { query, db, limit } => (
            db.json,
            open(&db)
                .catalog_search(CatalogSearchArgs { query, limit })
                .map(CatalogReport::Items),
        ),
        CatalogCommand::Export {
            db,
            format,
            out,
            paper,
            domain,
        } => {
            let args = CatalogExportArgs {
                format,
                out: out.display().to_string(),
                paper,
                domain,
            };
            (
                db.json,
                open(&db).catalog_export(args).map(CatalogReport::Exported),
            )
        }
        CatalogCommand::Adjust {
            action,
            db,
            key,
            reason,
            by,
            on,
            item,
        } => {
            let args = CatalogAdjustArgs {
                action: match action {
                    ActionArg::Add => CatalogAction::Add,
                    ActionArg::Edit => CatalogAction::Edit,
                    ActionArg::Hide => CatalogAction::Hide,
                    ActionArg::Restore => CatalogAction::Restore,
                },
                key,
                item: item.input(),
                reason,
                by,
                on,
            };
            (
                db.json,
                open(&db).catalog_adjust(args).map(CatalogReport::History),
            )
        }
        CatalogCommand::Import {
            file,
            db,
            dry_run,
            version_label,
            issued_on,
        } => {
            let api = open(&db);
            let path = file.display().to_string();
            let preview =
                api.catalog_import_preview(CatalogImportPreviewArgs { path: path.clone() });
            let result = match preview {
                Ok(preview) if dry_run => Ok(CatalogReport::ImportPreview(preview)),
                Ok(preview) => api
                    .catalog_import_accept(CatalogImportAcceptArgs {
                        path,
                        sha256: preview.sha256,
                        version_label,
                        issued_on,
                    })
                    .map(CatalogReport::Imported),
                Err(e) => Err(e),
            };
            (db.json, result)
        }
        CatalogCommand::History { key, db } => (
            db.json,
            open(&db)
                .catalog_item_history(CatalogKeyArgs { key })
                .map(CatalogReport::History),
        ),
    };
    (json, result.map(Report::Catalog))
}

/// What `--json` prints: lists as arrays, the rest as objects. Written straight from the
/// report, not through a `serde_json::Value`: a county table of 50,000 items made a Value of
/// several hundred megabytes before a byte was printed.
impl serde::Serialize for CatalogReport {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            CatalogReport::Domains(d) => d.domains.serialize(serializer),
            CatalogReport::Items(i) => i.items.serialize(serializer),
            CatalogReport::History(h) => h.serialize(serializer),
            CatalogReport::Exported(e) => e.serialize(serializer),
            CatalogReport::ImportPreview(p) => p.serialize(serializer),
            CatalogReport::Imported(r) => r.serialize(serializer),
        }
    }
}

impl CatalogReport {
    pub fn text(&self) -> String {
        match self {
            CatalogReport::Domains(d) => d
                .domains
                .iter()
                .map(|d| {
                    let coverage = match d.coverage {
                        CatalogCoverage::None => String::new(),
                        c => format!("基线{}", c.label()),
                    };
                    format!("{:>2}\t{}\t{} 项\t{}", d.order, d.name, d.items, coverage)
                })
                .collect::<Vec<_>>()
                .join("\n"),
            CatalogReport::Items(i) if i.items.is_empty() => "没有找到事项".to_owned(),
            CatalogReport::Items(i) => i.items.iter().map(item_line).collect::<Vec<_>>().join("\n"),
            CatalogReport::History(h) => {
                let mut lines = vec![match &h.current {
                    Some(item) => item_line(item),
                    None => format!("{}（当前不在本镇目录中）", h.key),
                }];
                for e in &h.entries {
                    lines.push(format!(
                        "  {}\t{}\t{}\t{}{}",
                        e.on,
                        e.layer.label(),
                        e.action.label(),
                        e.note,
                        e.by.as_deref()
                            .map(|b| format!("（{b}）"))
                            .unwrap_or_default()
                    ));
                }
                lines.join("\n")
            }
            CatalogReport::Exported(e) => format!(
                "已导出 {} 个领域 {} 项到 {}（{} 字节）",
                e.domains, e.items, e.path, e.bytes
            ),
            CatalogReport::ImportPreview(p) => {
                let mut text = preview_text(p);
                text.push_str("\n（仅预览，未写入；去掉 --dry-run 即导入为县级版本）");
                text
            }
            CatalogReport::Imported(r) => format!(
                "{}\n已导入为县级版本“{}”（{}）：写入 {} 项，撤下 {} 项；本镇的调整仍然有效",
                preview_text(&r.preview),
                r.version_label,
                r.issued_on,
                r.upserted,
                r.withdrawn
            ),
        }
    }
}

/// The preview as lines: totals, then per domain, then every cell not placed.
fn preview_text(p: &CatalogImportPreview) -> String {
    let mut lines = vec![format!(
        "{}：{} 项（新增 {}，变更 {}，未变 {}；目录中有而表中缺少 {}）",
        p.file, p.items, p.added, p.changed, p.unchanged, p.missing
    )];
    for d in &p.domains {
        lines.push(format!(
            "【{}】{} 项：新增 {}，变更 {}，未变 {}，缺少 {}",
            d.domain,
            d.items,
            d.added.len(),
            d.changed.len(),
            d.unchanged,
            d.missing.len()
        ));
        for a in &d.added {
            lines.push(format!("  + {}（{} 第 {} 行）", a.item.key, a.sheet, a.row));
        }
        for c in &d.changed {
            let columns: Vec<&str> = c.columns.iter().map(|col| col.column.as_str()).collect();
            lines.push(format!(
                "  ~ {}（{} 第 {} 行）：{}",
                c.key,
                c.sheet,
                c.row,
                columns.join("、")
            ));
        }
        for m in &d.missing {
            lines.push(format!("  - {}（{}）", m.key, m.state.label()));
        }
    }
    if !p.unplaced.is_empty() {
        lines.push(format!("未能读入的单元格 {} 个：", p.unplaced.len()));
        for u in &p.unplaced {
            // A Word table's columns are numbered, a workbook's lettered.
            let column = if u.column.bytes().all(|b| b.is_ascii_digit()) {
                format!("第 {} 列", u.column)
            } else {
                format!("{} 列", u.column)
            };
            lines.push(format!(
                "  {} 第 {} 行 {}{}：{}（{}）",
                u.sheet,
                u.row,
                column,
                if u.header.is_empty() {
                    String::new()
                } else {
                    format!("“{}”", u.header)
                },
                u.text,
                u.reason
            ));
        }
    }
    lines.join("\n")
}

fn item_line(item: &CatalogItem) -> String {
    format!("{}\t{}\t{}", item.key, item.time_limit, item.subject)
}
