//! `gongkai payouts …`: payout lists (补贴发放清册) — import with the clerk's column mapping and
//! saved templates, 公示 and 归档, printing the notices, lookup by ID number.

use std::path::PathBuf;

use clap::Subcommand;
use gongkai_api::wire::{
    HeaderMapping, ImportTemplateInput, NoArgs, PayoutArchiveArgs, PayoutImportArgs,
    PayoutLookupArgs, PayoutPostArgs, PayoutPrintArgs, ProjectLayout,
};
use gongkai_api::{Api, ApiError};

use crate::Db;
use crate::output::Report;

#[derive(Debug, Subcommand)]
pub enum PayoutsCommand {
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

pub fn run(command: PayoutsCommand) -> (bool, Result<Report, ApiError>) {
    let open = |db: &Db| Api::new(&db.db);
    match command {
        PayoutsCommand::Import {
            file,
            db,
            sheet,
            project,
            year,
            supersedes,
            reason,
            template,
            map,
        } => {
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
        PayoutsCommand::TemplateSave { db, name, map } => {
            let input = ImportTemplateInput { name, mapping: map };
            let result = open(&db).import_template_save(input);
            (db.json, result.map(Report::Templates))
        }
        PayoutsCommand::Templates { db } => {
            let result = open(&db).import_templates_list(NoArgs {});
            (db.json, result.map(Report::Templates))
        }
        PayoutsCommand::Print {
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
        } => {
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
        PayoutsCommand::Post {
            db,
            list_id,
            on,
            days,
        } => {
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
        PayoutsCommand::Archive {
            db,
            list_id,
            hotline,
            prepared_by,
            reviewed_by,
        } => {
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
        PayoutsCommand::List { db } => (
            db.json,
            open(&db).payouts_list(NoArgs {}).map(Report::PayoutLists),
        ),
        PayoutsCommand::Lookup { db, id_number } => (
            db.json,
            open(&db)
                .payouts_lookup(PayoutLookupArgs { id_number })
                .map(Report::Lookup),
        ),
    }
}
