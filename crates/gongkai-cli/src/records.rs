//! `gongkai records …` and `gongkai calendar …`: disclosure records and their deadlines.

use std::path::PathBuf;

use clap::Subcommand;
use gongkai_api::wire::{
    AddWorkdaysArgs, CalendarFileArgs, CalendarUpdateResult, Compliance, ComplianceArgs,
    DeadlineState, DueExplanation, ExportResult, NoArgs, Records, RegisterExportArgs,
};
use gongkai_api::{Api, ApiError};

use crate::Db;
use crate::output::Report;

#[derive(Debug, Subcommand)]
pub enum RecordsCommand {
    /// 列出公开记录的到期日与时限状态（最急的在前）
    Due {
        #[command(flatten)]
        db: Db,
    },
    /// 按领域、事项统计本年度“应公开、尽公开”情况
    Compliance {
        #[command(flatten)]
        db: Db,
        /// 年度（缺省今年）
        #[arg(long)]
        year: Option<i32>,
    },
    /// 导出信息发布登记簿（xlsx 或 pdf）
    Register {
        #[command(flatten)]
        db: Db,
        #[arg(long)]
        format: String,
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
        #[arg(long)]
        year: Option<i32>,
    },
}

#[derive(Debug, Subcommand)]
pub enum CalendarCommand {
    /// 某日之后第 N 个工作日（当日不计），按国务院节假日安排含调休
    AddWorkdays {
        /// 起算日期，如 2025-09-30
        date: String,
        /// 工作日数
        workdays: u32,
        /// 以 JSON 输出（含逐日说明）
        #[arg(long)]
        json: bool,
    },
    /// 导入更新的节假日数据（如新一年的国务院放假安排），并重算暂定的到期日
    Update {
        /// 日历数据文件（格式见 assets/calendar/README.md）
        file: PathBuf,
        #[command(flatten)]
        db: Db,
    },
}

#[derive(Debug)]
pub enum RecordsReport {
    Records(Records),
    Compliance(Compliance),
    Exported(ExportResult),
    Workdays(DueExplanation),
    CalendarUpdated(CalendarUpdateResult),
}

pub fn run(command: RecordsCommand) -> (bool, Result<Report, ApiError>) {
    let open = |db: &Db| Api::new(&db.db);
    let (json, result) = match command {
        RecordsCommand::Due { db } => (
            db.json,
            open(&db).records_due(NoArgs {}).map(RecordsReport::Records),
        ),
        RecordsCommand::Compliance { db, year } => (
            db.json,
            open(&db)
                .records_compliance(ComplianceArgs { year })
                .map(RecordsReport::Compliance),
        ),
        RecordsCommand::Register {
            db,
            format,
            out,
            year,
        } => {
            let args = RegisterExportArgs {
                format,
                out: out.display().to_string(),
                year,
            };
            let result = open(&db).publications_export(args);
            (db.json, result.map(RecordsReport::Exported))
        }
    };
    (json, result.map(Report::Records))
}

pub fn run_calendar(command: CalendarCommand) -> (bool, Result<Report, ApiError>) {
    match command {
        CalendarCommand::AddWorkdays {
            date,
            workdays,
            json,
        } => {
            // The calendar needs no database; the API is used for its one implementation.
            let api = Api::new(PathBuf::new());
            let result = api.calendar_add_workdays(AddWorkdaysArgs { date, workdays });
            (
                json,
                result.map(|e| Report::Records(RecordsReport::Workdays(e))),
            )
        }
        CalendarCommand::Update { file, db } => {
            let args = CalendarFileArgs {
                path: file.display().to_string(),
            };
            let result = Api::new(&db.db).calendar_update_import(args);
            let report = result.map(|u| Report::Records(RecordsReport::CalendarUpdated(u)));
            (db.json, report)
        }
    }
}

impl RecordsReport {
    pub fn json(&self) -> serde_json::Value {
        let value = match self {
            RecordsReport::Records(r) => serde_json::to_value(&r.records),
            RecordsReport::Compliance(c) => serde_json::to_value(c),
            RecordsReport::Exported(e) => serde_json::to_value(e),
            RecordsReport::Workdays(w) => serde_json::to_value(w),
            RecordsReport::CalendarUpdated(u) => serde_json::to_value(u),
        };
        value.unwrap_or_default()
    }

    pub fn text(&self) -> String {
        match self {
            RecordsReport::Records(r) if r.records.is_empty() => "没有公开记录".to_owned(),
            RecordsReport::Records(r) => r
                .records
                .iter()
                .map(|r| {
                    let days = match (r.deadline, r.deadline_workdays) {
                        (DeadlineState::Overdue | DeadlineState::Late, Some(n)) => {
                            format!("（{n} 个工作日）")
                        }
                        (DeadlineState::DueSoon | DeadlineState::Pending, Some(n)) => {
                            format!("（剩 {n} 个工作日）")
                        }
                        _ => String::new(),
                    };
                    format!(
                        "{}\t到期 {}{}\t{}{}\t{}",
                        r.formed_on,
                        r.due_on,
                        if r.due_provisional {
                            "（暂按周末计）"
                        } else {
                            ""
                        },
                        r.deadline_label,
                        days,
                        r.title
                    )
                })
                .collect::<Vec<_>>()
                .join("\n"),
            RecordsReport::Compliance(c) => {
                let mut lines = vec![format!("{} 年（截至 {}）", c.year, c.today)];
                for d in &c.domains {
                    lines.push(format!(
                        "{}\t记录 {}\t按时 {}\t逾期公开 {}\t即将到期 {}\t逾期未公开 {}\t未公开事项 {}/{}",
                        d.domain,
                        d.records,
                        d.on_time,
                        d.late,
                        d.due_soon,
                        d.overdue,
                        d.never_disclosed,
                        d.items.len()
                    ));
                }
                lines.join("\n")
            }
            RecordsReport::Exported(e) => format!("已导出：{}", e.path),
            // The date alone, so scripts can use the plain output.
            RecordsReport::Workdays(w) => w.due_on.clone(),
            RecordsReport::CalendarUpdated(u) => format!(
                "日历已更新到 {}（{} 年至 {} 年），重算了 {} 条记录的暂定到期日",
                u.version, u.first_year, u.last_year, u.recounted
            ),
        }
    }
}
