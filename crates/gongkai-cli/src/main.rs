//! `gongkai`: the command-line face of the workstation, over the same commands as the app.
//!
//! Exit codes: 0 done; 1 the command failed or found a problem (message on stderr, or an
//! `{"error": …}` object on stdout with `--json`); 2 wrong usage, or an import refused because
//! the file has errors (nothing written).

// Printing is this binary's job.
#![allow(clippy::print_stdout, clippy::print_stderr)]

mod boards;
mod catalog;
mod documents;
mod output;
mod passphrase;
mod photos;
mod plan;
mod postings;
mod records;
mod report;
mod requests;
mod sync;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand};
use gongkai_api::wire::{
    BackupArgs, BackupPassphraseArgs, HeaderMapping, IdArgs, ImportTemplateInput, NoArgs,
    PayoutArchiveArgs, PayoutImportArgs, PayoutLookupArgs, PayoutPostArgs, PayoutPrintArgs,
    ProjectLayout, RestoreArgs, TownshipInput, VillageInput, VillageKind,
};
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
    Village(VillageCommand),
    /// 在线备份到文件
    Backup {
        #[command(flatten)]
        db: Db,
        /// 备份文件（缺省：数据库旁的“备份”文件夹）
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
    },
    /// 从备份恢复（恢复前的内容另存一份）。备份口令从 --passphrase-file 指定的文件或环境变量
    /// GONGKAI_BACKUP_PASSPHRASE 读取（不在命令行上写口令，以免被他人从进程列表看到）
    Restore {
        #[command(flatten)]
        db: Db,
        /// 备份文件
        #[arg(long, value_name = "FILE")]
        from: PathBuf,
        /// 存有备份口令的文件（第一行）
        #[arg(long, value_name = "FILE")]
        passphrase_file: Option<PathBuf>,
    },
    /// 设置或修改备份口令：新口令从 --passphrase-file 或环境变量 GONGKAI_BACKUP_PASSPHRASE 读取，
    /// 修改时当前口令从 --current-file 或环境变量 GONGKAI_BACKUP_PASSPHRASE_CURRENT 读取
    BackupPassphrase {
        #[command(flatten)]
        db: Db,
        /// 存有新备份口令的文件（第一行）
        #[arg(long, value_name = "FILE")]
        passphrase_file: Option<PathBuf>,
        /// 存有当前备份口令的文件（修改口令时）
        #[arg(long, value_name = "FILE")]
        current_file: Option<PathBuf>,
    },
    /// 完整性检查
    Check {
        #[command(flatten)]
        db: Db,
    },
    /// 补贴发放清册
    #[command(subcommand)]
    Payouts(PayoutsCommand),
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

#[derive(Debug, Subcommand)]
enum PayoutsCommand {
    /// 导入清册（.xlsx/.xls/.csv）；有任何错误则整份不导入，退出码 2
    Import {
        /// 清册文件
        file: PathBuf,
        #[command(flatten)]
        db: Db,
        /// 只导入这个工作表
        #[arg(long)]
        sheet: Option<String>,
        /// 补贴项目（缺省：从标题或“补贴项目”列识别）
        #[arg(long)]
        project: Option<String>,
        /// 年度（缺省：从标题识别）
        #[arg(long)]
        year: Option<i32>,
        /// 以此清册更正并替代一份已归档的清册（清册编号）
        #[arg(long, requires = "reason")]
        supersedes: Option<String>,
        /// 更正原因
        #[arg(long)]
        reason: Option<String>,
        /// 套用已保存的导入模板（模板名称）
        #[arg(long)]
        template: Option<String>,
        /// 指定某列的含义：表头=列（列：seq village group name id_number bank_account phone
        /// area rate amount project note；留空表示不导入该列），可重复
        #[arg(long = "map", value_name = "表头=列", value_parser = parse_map)]
        map: Vec<HeaderMapping>,
    },
    /// 保存导入模板：某个数据来源的表头各是什么列
    TemplateSave {
        #[command(flatten)]
        db: Db,
        /// 模板名称（数据来源，例如：财政所一卡通导出）
        #[arg(long)]
        name: String,
        /// 表头=列，可重复
        #[arg(long = "map", value_name = "表头=列", value_parser = parse_map, required = true)]
        map: Vec<HeaderMapping>,
    },
    /// 列出导入模板
    Templates {
        #[command(flatten)]
        db: Db,
    },
    /// 开始公示（草稿 → 公示中）
    Post {
        #[command(flatten)]
        db: Db,
        #[arg(long = "list")]
        list_id: String,
        /// 张贴日期（如 2025-12-01，缺省为今天）
        #[arg(long)]
        on: Option<String>,
        /// 公示天数（缺省按本项目的公示设置，未设置时 7 天）
        #[arg(long)]
        days: Option<u32>,
    },
    /// 公示期满后归档（冻结名单与公示单，记录 SHA-256）
    Archive {
        #[command(flatten)]
        db: Db,
        #[arg(long = "list")]
        list_id: String,
        /// 监督举报电话（缺省按本项目的公示设置）
        #[arg(long)]
        hotline: Option<String>,
        /// 制表人（缺省按本项目的公示设置）
        #[arg(long)]
        prepared_by: Option<String>,
        /// 审核人（缺省按本项目的公示设置）
        #[arg(long)]
        reviewed_by: Option<String>,
    },
    /// 打印公示单：每个村（社区）一份 PDF（或 --one-file 合为一份）
    Print {
        #[command(flatten)]
        db: Db,
        /// 清册编号（payouts list 中的第一列）
        #[arg(long = "list")]
        list_id: String,
        /// 输出文件夹
        #[arg(long = "out", value_name = "DIR")]
        out_dir: PathBuf,
        /// 纸张：a4、a4-landscape、a3、a3-landscape
        #[arg(long)]
        paper: Option<String>,
        /// 公示开始日期（如 2025-12-01，缺省为今天）
        #[arg(long)]
        start: Option<String>,
        /// 公示天数（缺省按本项目的公示设置，未设置时 7 天）
        #[arg(long)]
        days: Option<u32>,
        /// 监督举报电话
        #[arg(long)]
        hotline: Option<String>,
        /// 制表人
        #[arg(long)]
        prepared_by: Option<String>,
        /// 审核人
        #[arg(long)]
        reviewed_by: Option<String>,
        /// 全部村（社区）合为一个 PDF：每村一节、单独编页，书签为村名
        #[arg(long)]
        one_file: bool,
        /// 清册含多个补贴项目时合成一张表，加“补贴项目”列（缺省每个项目单独成表）
        #[arg(long)]
        project_column: bool,
    },
    /// 列出已导入的清册
    List {
        #[command(flatten)]
        db: Db,
    },
    /// 按完整身份证号查询某人的发放记录
    Lookup {
        #[command(flatten)]
        db: Db,
        /// 完整的 18 位身份证号
        #[arg(long = "id")]
        id_number: String,
    },
}

#[derive(Debug, Subcommand)]
enum VillageCommand {
    /// 列出村（社区）
    List {
        #[command(flatten)]
        db: Db,
    },
    /// 新增村（社区）
    Add {
        #[command(flatten)]
        db: Db,
        #[arg(long)]
        name: String,
        /// 统计用区划代码（12 位）
        #[arg(long)]
        code: String,
        /// 是社区（缺省为村）
        #[arg(long)]
        community: bool,
    },
    /// 删除村（社区）
    Remove {
        #[command(flatten)]
        db: Db,
        #[arg(long)]
        id: String,
    },
}

/// `表头=列`: an empty column ignores that header.
fn parse_map(text: &str) -> Result<HeaderMapping, String> {
    let (header, column) = text
        .rsplit_once('=')
        .ok_or_else(|| format!("“{text}”应写成 表头=列，例如 持卡人=name"))?;
    Ok(HeaderMapping {
        header: header.trim().to_owned(),
        column: Some(column.trim().to_owned()).filter(|c| !c.is_empty()),
    })
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
        Command::Village(VillageCommand::List { db }) => (
            db.json,
            open(&db)
                .profile_get(NoArgs {})
                .map(|p| Report::Villages(p.villages)),
        ),
        Command::Village(VillageCommand::Add {
            db,
            name,
            code,
            community,
        }) => {
            let input = VillageInput {
                id: None,
                name,
                code,
                kind: if community {
                    VillageKind::Community
                } else {
                    VillageKind::Village
                },
            };
            (
                db.json,
                open(&db)
                    .village_save(input)
                    .map(|p| Report::Villages(p.villages)),
            )
        }
        Command::Village(VillageCommand::Remove { db, id }) => (
            db.json,
            open(&db)
                .village_delete(IdArgs { id })
                .map(|p| Report::Villages(p.villages)),
        ),
        Command::Backup { db, out } => {
            let args = BackupArgs {
                out: out.map(|p| p.display().to_string()),
            };
            (db.json, open(&db).backup_create(args).map(Report::Backup))
        }
        Command::Restore {
            db,
            from,
            passphrase_file,
        } => {
            let result = passphrase::read(passphrase_file.as_deref(), passphrase::NEW_ENV)
                .and_then(|passphrase| {
                    open(&db).backup_restore(RestoreArgs {
                        from: from.display().to_string(),
                        passphrase,
                    })
                });
            (db.json, result.map(Report::Restore))
        }
        Command::BackupPassphrase {
            db,
            passphrase_file,
            current_file,
        } => {
            let result = passphrase::read(passphrase_file.as_deref(), passphrase::NEW_ENV)
                .and_then(|new| {
                    new.ok_or_else(|| ApiError {
                        code: "invalid_input".into(),
                        message: format!(
                            "请用 --passphrase-file 或环境变量 {} 给出备份口令",
                            passphrase::NEW_ENV
                        ),
                    })
                })
                .and_then(|new| {
                    let current =
                        passphrase::read(current_file.as_deref(), passphrase::CURRENT_ENV)?;
                    open(&db).backup_passphrase_set(BackupPassphraseArgs { current, new })
                });
            (db.json, result.map(Report::BackupStatus))
        }
        Command::Check { db } => (db.json, open(&db).db_check(NoArgs {}).map(Report::Check)),
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
        Command::Payouts(PayoutsCommand::Import {
            file,
            db,
            sheet,
            project,
            year,
            supersedes,
            reason,
            template,
            map,
        }) => {
            let args = PayoutImportArgs {
                path: file.display().to_string(),
                sheet,
                project,
                year,
                supersedes,
                reason,
                mapping: (!map.is_empty()).then_some(map),
                template,
            };
            (db.json, open(&db).payouts_import(args).map(Report::Import))
        }
        Command::Payouts(PayoutsCommand::TemplateSave { db, name, map }) => {
            let input = ImportTemplateInput { name, mapping: map };
            let result = open(&db).import_template_save(input);
            (db.json, result.map(Report::Templates))
        }
        Command::Payouts(PayoutsCommand::Templates { db }) => {
            let result = open(&db).import_templates_list(NoArgs {});
            (db.json, result.map(Report::Templates))
        }
        Command::Payouts(PayoutsCommand::Print {
            db,
            list_id,
            out_dir,
            paper,
            start,
            days,
            hotline,
            prepared_by,
            reviewed_by,
            one_file,
            project_column,
        }) => {
            let args = PayoutPrintArgs {
                list_id,
                out_dir: out_dir.display().to_string(),
                paper,
                notice_start: start,
                notice_days: days,
                hotline,
                prepared_by,
                reviewed_by,
                one_file: Some(one_file),
                project_layout: Some(if project_column {
                    ProjectLayout::Column
                } else {
                    ProjectLayout::Sections
                }),
            };
            (db.json, open(&db).payouts_print(args).map(Report::Printed))
        }
        Command::Payouts(PayoutsCommand::Post {
            db,
            list_id,
            on,
            days,
        }) => {
            let args = PayoutPostArgs {
                list_id,
                posted_on: on,
                notice_days: days,
            };
            (
                db.json,
                open(&db).payouts_post(args).map(Report::PostedList),
            )
        }
        Command::Payouts(PayoutsCommand::Archive {
            db,
            list_id,
            hotline,
            prepared_by,
            reviewed_by,
        }) => {
            let args = PayoutArchiveArgs {
                list_id,
                hotline,
                prepared_by,
                reviewed_by,
            };
            (
                db.json,
                open(&db).payouts_archive(args).map(Report::Archived),
            )
        }
        Command::Payouts(PayoutsCommand::List { db }) => (
            db.json,
            open(&db).payouts_list(NoArgs {}).map(Report::PayoutLists),
        ),
        Command::Payouts(PayoutsCommand::Lookup { db, id_number }) => (
            db.json,
            open(&db)
                .payouts_lookup(PayoutLookupArgs { id_number })
                .map(Report::Lookup),
        ),
    }
}
