//! `gongkai`: the command-line face of the workstation, over the same commands as the app.
//!
//! Exit codes: 0 done; 1 the command failed or found a problem (message on stderr, or an
//! `{"error": …}` object on stdout with `--json`); 2 wrong usage, or an import refused because
//! the file has errors (nothing written).

// Printing is this binary's job.
#![allow(clippy::print_stdout, clippy::print_stderr)]

mod backup;
mod boards;
mod catalog;
mod documents;
mod output;
mod passphrase;
mod payouts;
mod photos;
mod plan;
mod postings;
mod records;
mod report;
mod requests;
mod sync;
mod village;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand};
use gongkai_api::wire::{NoArgs, TownshipInput};
use gongkai_api::{Api, ApiError};

use crate::output::Report;

#[derive(Debug, Parser)]
#[command(
    name = "gongkai",
    version = version_line(),
    about = "乡镇政务公开工作台（命令行）"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

/// `gongkai --version`: the release with the database schema and sync protocol it speaks.
fn version_line() -> &'static str {
    static LINE: std::sync::LazyLock<String> = std::sync::LazyLock::new(gongkai_api::version_line);
    &LINE
}

#[derive(Debug, Args)]
pub(crate) struct Db {
    /// 数据库文件路径
    #[arg(long, value_name = "PATH")]
    pub(crate) db: PathBuf,
    /// 以 JSON 输出
    #[arg(long)]
    pub(crate) json: bool,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// 新建本镇（街道）数据库
    Init {
        #[command(flatten)]
        db: Db,
        /// 镇（街道）名称
        #[arg(long)]
        township: String,
        /// 所属县（市、区）
        #[arg(long)]
        county: String,
        /// 行政区划代码（9 位或 12 位）
        #[arg(long)]
        division_code: Option<String>,
        /// 统一社会信用代码（18 位）
        #[arg(long)]
        credit_code: Option<String>,
    },
    /// 新建示范镇（演示数据：各状态的清册、公开记录和县级通知）数据库
    Demo {
        #[command(flatten)]
        db: Db,
    },
    /// 显示数据库状态与本镇概况
    Status {
        #[command(flatten)]
        db: Db,
    },
    /// 村（社区）
    #[command(subcommand)]
    Village(village::VillageCommand),
    #[command(flatten)]
    Backup(backup::BackupCommand),
    /// 完整性检查
    Check {
        #[command(flatten)]
        db: Db,
    },
    /// 补贴发放清册
    #[command(subcommand)]
    Payouts(payouts::PayoutsCommand),
    /// 基层政务公开事项标准目录
    #[command(subcommand)]
    Catalog(catalog::CatalogCommand),
    /// 公开栏：模板、各村公开栏与版面
    #[command(subcommand)]
    Boards(boards::BoardsCommand),
    /// 公开栏张贴：添加、打印张贴包、登记张贴与撤下、应张贴、待办、更新台账
    #[command(subcommand)]
    Postings(postings::PostingsCommand),
    /// 张贴现场照片：添加、查看、另存，照片保存尺寸
    #[command(subcommand)]
    Photos(photos::PhotosCommand),
    /// 年度政务公开工作要点：导入任务分解表、列出任务及到期情况、记录进展与佐证材料
    #[command(subcommand)]
    Plan(plan::PlanCommand),
    /// 政府信息公开工作年度报告：生成表二/表三/表四并检查勾稽关系、填写、登记复议诉讼、导出 PDF/Word
    #[command(subcommand)]
    Report(report::ReportCommand),
    /// 规范性文件库：加入、列出、查看、废止与修改、检索、年度清理
    #[command(subcommand)]
    Documents(documents::DocumentsCommand),
    /// 公开记录：到期情况、“应公开、尽公开”统计、发布登记簿
    #[command(subcommand)]
    Records(records::RecordsCommand),
    /// 依申请公开：登记、补正、延期、征求意见、收费、答复（三审与保密审查）、送达、到期
    #[command(subcommand)]
    Requests(requests::RequestsCommand),
    /// 工作日日历（国务院节假日安排，含调休）
    #[command(subcommand)]
    Calendar(records::CalendarCommand),
    /// 与县级平台同步（推送已发布的信息，接收目录、日历与通知）
    Sync(sync::SyncCli),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let (json, result) = run(cli.command);
    match result {
        Ok(report) => report.print(json),
        Err(error) => output::print_error(&error, json),
    }
}

fn run(command: Command) -> (bool, Result<Report, ApiError>) {
    let open = |db: &Db| Api::new(&db.db);
    match command {
        Command::Init {
            db,
            township,
            county,
            division_code,
            credit_code,
        } => {
            let input = TownshipInput {
                name: township,
                division_code,
                credit_code,
                county,
            };
            (db.json, open(&db).setup_create(input).map(Report::Profile))
        }
        Command::Demo { db } => (
            db.json,
            open(&db)
                .setup_demo_lived_in(NoArgs {})
                .map(Report::Profile),
        ),
        Command::Status { db } => (db.json, open(&db).app_status(NoArgs {}).map(Report::Status)),
        Command::Village(command) => village::run(command),
        Command::Backup(command) => backup::run(command),
        Command::Check { db } => (db.json, open(&db).db_check(NoArgs {}).map(Report::Check)),
        Command::Payouts(command) => payouts::run(command),
        Command::Catalog(command) => catalog::run(command),
        Command::Boards(command) => boards::run(command),
        Command::Postings(command) => postings::run(command),
        Command::Photos(command) => photos::run(command),
        Command::Plan(command) => plan::run(command),
        Command::Report(command) => report::run(command),
        Command::Documents(command) => documents::run(command),
        Command::Records(command) => records::run(command),
        Command::Requests(command) => requests::run(command),
        Command::Calendar(command) => records::run_calendar(command),
        Command::Sync(cli) => sync::run(cli),
    }
}
