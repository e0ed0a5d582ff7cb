//! How each report looks to a person and to a script (`--json`: one JSON value on stdout).

use std::io::{ErrorKind, Write};
use std::process::ExitCode;

use gongkai_api::ApiError;
use gongkai_api::wire::{
    AppStatus, BackupResult, BackupStatus, CheckReport, DbState, ImportTemplates,
    PayoutArchiveResult, PayoutImportReport, PayoutList, PayoutLists, PayoutLookup,
    PayoutPrintResult, Profile, RestoreResult, Village,
};
use serde::Serialize;

#[derive(Debug)]
pub enum Report {
    Profile(Profile),
    Status(AppStatus),
    Villages(Vec<Village>),
    Backup(BackupResult),
    Restore(RestoreResult),
    BackupStatus(BackupStatus),
    Check(CheckReport),
    Import(PayoutImportReport),
    PayoutLists(PayoutLists),
    Lookup(PayoutLookup),
    Printed(PayoutPrintResult),
    PostedList(PayoutList),
    Archived(PayoutArchiveResult),
    Templates(ImportTemplates),
    Catalog(crate::catalog::CatalogReport),
    Boards(crate::boards::BoardsReport),
    Postings(crate::postings::PostingsReport),
    Photos(crate::photos::PhotosReport),
    Plan(crate::plan::PlanReport),
    Annual(crate::report::ReportOutput),
    Records(crate::records::RecordsReport),
    Documents(crate::documents::DocumentsReport),
    Requests(crate::requests::RequestsReport),
    Sync(crate::sync::SyncOutput),
}

/// Refused imports exit with 2, as a script expects from "the input was wrong".
const REFUSED: u8 = 2;

impl Report {
    pub fn print(&self, json: bool) -> ExitCode {
        if json {
            let printed = match self {
                Report::Profile(v) => print_json(v),
                Report::Status(v) => print_json(v),
                Report::Villages(v) => print_json(v),
                Report::Backup(v) => print_json(v),
                Report::Restore(v) => print_json(v),
                Report::BackupStatus(v) => print_json(v),
                Report::Check(v) => print_json(v),
                Report::Import(v) => print_json(v),
                Report::PayoutLists(v) => print_json(&v.lists),
                Report::Lookup(v) => print_json(&v.payouts),
                Report::Printed(v) => print_json(&v.files),
                Report::PostedList(v) => print_json(v),
                Report::Archived(v) => print_json(v),
                Report::Templates(v) => print_json(&v.templates),
                Report::Catalog(v) => print_json(v),
                Report::Boards(v) => print_json(&v.json()),
                Report::Postings(v) => print_json(&v.json()),
                Report::Photos(v) => print_json(&v.json()),
                Report::Plan(v) => print_json(&v.json()),
                Report::Annual(v) => print_json(&v.json()),
                Report::Records(v) => print_json(&v.json()),
                Report::Documents(v) => print_json(&v.json()),
                Report::Requests(v) => print_json(&v.json()),
                Report::Sync(v) => print_json(&v.json()),
            };
            if let Err(code) = printed {
                return code;
            }
        } else if let Err(code) = print_line(&self.text()) {
            return code;
        }
        match self {
            Report::Check(report) if !report.ok => ExitCode::FAILURE,
            Report::Status(status) if status.state == DbState::Broken => ExitCode::FAILURE,
            Report::Import(report) if !report.errors.is_empty() => ExitCode::from(REFUSED),
            _ => ExitCode::SUCCESS,
        }
    }

    fn text(&self) -> String {
        match self {
            Report::Profile(p) => profile_text(p),
            Report::Status(s) => match (&s.state, &s.profile) {
                (DbState::Missing, _) => format!("数据库“{}”尚不存在", s.db_path),
                (DbState::Empty, _) => format!("数据库“{}”中尚未建立镇（街道）信息", s.db_path),
                (DbState::Broken, _) => format!(
                    "数据库“{}”无法打开：{}",
                    s.db_path,
                    s.problem.as_deref().unwrap_or_default()
                ),
                (DbState::Ready, Some(p)) => profile_text(p),
                (DbState::Ready, None) => format!("数据库“{}”已就绪", s.db_path),
            },
            Report::Villages(villages) => villages_text(villages),
            Report::Catalog(c) => c.text(),
            Report::Boards(b) => b.text(),
            Report::Postings(p) => p.text(),
            Report::Photos(p) => p.text(),
            Report::Plan(p) => p.text(),
            Report::Annual(r) => r.text(),
            Report::Records(r) => r.text(),
            Report::Documents(d) => d.text(),
            Report::Requests(r) => r.text(),
            Report::Sync(s) => s.text(),
            Report::Backup(b) => format!("已备份到 {}（{} 字节）", b.path, b.bytes),
            Report::BackupStatus(s) => {
                format!("已设置备份口令。本机的密钥保存在：{}", s.key_storage)
            }
            Report::Restore(r) => {
                format!("已从备份恢复。恢复前的内容另存为 {}", r.previous_saved_to)
            }
            Report::Import(r) => import_text(r),
            Report::PayoutLists(l) => lists_text(l),
            Report::Lookup(l) => lookup_text(l),
            Report::PostedList(l) => l
                .postings
                .iter()
                .map(|p| format!("{}\t公示 {} 至 {}", p.village, p.posted_on, p.ends_on))
                .collect::<Vec<_>>()
                .join("\n"),
            Report::Archived(a) => {
                let mut lines = vec![format!("已归档。名单指纹（SHA-256）：{}", a.rows_sha256)];
                lines.extend(
                    a.files
                        .iter()
                        .map(|f| format!("{}\t{}\t{}", f.village, f.file_name, f.sha256)),
                );
                lines.join("\n")
            }
            Report::Templates(t) => t
                .templates
                .iter()
                .map(|t| {
                    let columns: Vec<String> = t
                        .mapping
                        .iter()
                        .map(|m| {
                            format!(
                                "{}={}",
                                m.header,
                                m.column.as_deref().unwrap_or("（不导入）")
                            )
                        })
                        .collect();
                    format!("{}\t{}", t.name, columns.join("  "))
                })
                .collect::<Vec<_>>()
                .join("\n"),
            Report::Printed(p) => p
                .files
                .iter()
                .map(|f| format!("{}\t{} 人\t{}", f.village, f.rows, f.path))
                .collect::<Vec<_>>()
                .join("\n"),
            Report::Check(c) => format!(
                "完整性检查：{}\n数据库结构版本：{}\n村（社区）{} 个，科室 {} 个，人员 {} 名",
                if c.ok {
                    "通过".to_owned()
                } else {
                    format!("未通过（{}）", c.integrity)
                },
                c.schema_version,
                c.villages,
                c.offices,
                c.people
            ),
        }
    }
}

fn yuan(fen: i64) -> String {
    format!("{}.{:02}", fen / 100, (fen % 100).abs())
}

fn import_text(r: &PayoutImportReport) -> String {
    let c = &r.rows;
    let mut lines = vec![format!(
        "共读取 {} 行：名单 {} 人，有错 {} 行，标题 {} 行，表头 {} 行，小计/合计 {} 行，表尾说明 {} 行，空行 {} 行",
        c.read, c.people, c.reported, c.titles, c.headers, c.totals, c.notes, c.blank
    )];
    if r.errors.is_empty() {
        lines.push(format!(
            "已导入 {} 人，合计 {} 元（清册编号 {}）",
            r.imported_rows,
            yuan(r.total_fen),
            r.list_id.as_deref().unwrap_or_default()
        ));
        for v in &r.villages {
            lines.push(format!(
                "  {}\t{} 人\t{} 元",
                v.name,
                v.rows,
                yuan(v.total_fen)
            ));
        }
    } else {
        lines.push(format!("发现 {} 处错误，整份清册未导入：", r.errors.len()));
        lines.push("工作表\t行\t列\t原因".to_owned());
        for e in &r.errors {
            lines.push(format!(
                "{}\t{}\t{}\t{}",
                e.sheet, e.row, e.column, e.message
            ));
        }
    }
    for w in &r.warnings {
        lines.push(format!(
            "提示：{} 第 {} 行 {}：{}",
            w.sheet, w.row, w.column, w.message
        ));
    }
    lines.join("\n")
}

fn lists_text(l: &PayoutLists) -> String {
    if l.lists.is_empty() {
        return "尚未导入清册".to_owned();
    }
    l.lists
        .iter()
        .map(|p| {
            format!(
                "{}\t{} 年\t{}\t{} 人\t{} 元\t{}\t{}",
                p.id,
                p.year,
                p.project,
                p.rows,
                yuan(p.total_fen),
                p.status.label(),
                p.source_file
            )
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn lookup_text(l: &PayoutLookup) -> String {
    if l.payouts.is_empty() {
        return "没有此人的发放记录".to_owned();
    }
    l.payouts
        .iter()
        .map(|p| {
            format!(
                "{} 年\t{}\t{}\t{}\t{}\t{} 元",
                p.year,
                p.project,
                p.village,
                p.name,
                p.id_masked,
                yuan(p.amount_fen)
            )
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn profile_text(p: &Profile) -> String {
    let t = &p.township;
    let mut lines = vec![format!("{}（{}）", t.name, t.county)];
    if let Some(code) = &t.division_code {
        lines.push(format!("行政区划代码：{code}"));
    }
    if let Some(code) = &t.credit_code {
        lines.push(format!("统一社会信用代码：{code}"));
    }
    lines.push(format!(
        "村（社区）{} 个，科室 {} 个，人员 {} 名",
        p.villages.len(),
        p.offices.len(),
        p.people.len()
    ));
    lines.join("\n")
}

fn villages_text(villages: &[Village]) -> String {
    if villages.is_empty() {
        return "尚未登记村（社区）".to_owned();
    }
    villages
        .iter()
        .map(|v| format!("{}\t{}\t{}\t{}", v.code, v.name, v.kind.label(), v.id))
        .collect::<Vec<_>>()
        .join("\n")
}

fn print_json(value: &impl Serialize) -> Result<(), ExitCode> {
    match serde_json::to_string_pretty(value) {
        Ok(text) => print_line(&text),
        Err(e) => {
            eprintln!("无法输出 JSON：{e}");
            Err(ExitCode::FAILURE)
        }
    }
}

/// `text` and a line break on stdout. A reader that went away before the end (`gongkai status
/// | head`) has what it wanted: the rest is dropped and the command's own exit code stands,
/// where `println!` would panic.
fn print_line(text: &str) -> Result<(), ExitCode> {
    let mut out = std::io::stdout().lock();
    match writeln!(out, "{text}").and_then(|()| out.flush()) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == ErrorKind::BrokenPipe => Ok(()),
        Err(e) => {
            eprintln!("无法输出：{e}");
            Err(ExitCode::FAILURE)
        }
    }
}

pub fn print_error(error: &ApiError, json: bool) -> ExitCode {
    if json {
        #[derive(Serialize)]
        struct Failure<'a> {
            error: &'a ApiError,
        }
        // An error that cannot be printed as JSON has nothing more to say; exit 1 either way.
        let _ = print_json(&Failure { error });
    } else {
        eprintln!("错误：{}", error.message);
    }
    ExitCode::FAILURE
}
