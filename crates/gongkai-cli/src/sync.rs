//! `gongkai sync …`: the township's side of sync with the county portal.

use std::path::PathBuf;

use clap::{Args, Subcommand};
use gongkai_api::wire::{NoArgs, SyncArgs, SyncCountyCaArgs, SyncIdentity, SyncReport, SyncStatus};
use gongkai_api::{Api, ApiError};

use crate::Db;
use crate::output::Report;

/// `gongkai sync --db DB --portal URL` runs a sync; `gongkai sync identity` shows what the
/// county registers.
#[derive(Debug, Args)]
#[command(args_conflicts_with_subcommands = true, subcommand_negates_reqs = true)]
pub struct SyncCli {
    #[command(subcommand)]
    command: Option<SyncCommand>,
    /// 数据库文件路径
    #[arg(long, value_name = "PATH", required = true)]
    db: Option<PathBuf>,
    /// 县级平台地址（如 https://gk.example.gov.cn），记住供以后使用
    #[arg(long)]
    portal: Option<String>,
    /// 以 JSON 输出
    #[arg(long)]
    json: bool,
}

#[derive(Debug, Subcommand)]
enum SyncCommand {
    /// 本镇的同步身份（行政区划代码与公钥，交县级平台登记）；首次使用时生成
    Identity {
        #[command(flatten)]
        db: Db,
    },
    /// 导入县级平台的 CA 证书（PEM；县里的 HTTPS 证书不是系统信任的机构签发时使用）
    CountyCa {
        #[command(flatten)]
        db: Db,
        /// 证书文件（PEM）
        #[arg(required_unless_present = "clear")]
        file: Option<PathBuf>,
        /// 移除已导入的证书
        #[arg(long, conflicts_with = "file")]
        clear: bool,
    },
}

#[derive(Debug)]
pub enum SyncOutput {
    Identity(SyncIdentity),
    Ran(SyncReport),
    CountyCa(SyncStatus),
}

pub fn run(cli: SyncCli) -> (bool, Result<Report, ApiError>) {
    match cli.command {
        Some(SyncCommand::Identity { db }) => {
            let result = Api::new(&db.db).sync_identity(NoArgs {});
            (
                db.json,
                result.map(|i| Report::Sync(SyncOutput::Identity(i))),
            )
        }
        Some(SyncCommand::CountyCa { db, file, clear: _ }) => {
            let args = SyncCountyCaArgs {
                path: file.map(|f| f.display().to_string()),
            };
            let result = Api::new(&db.db).sync_county_ca(args);
            (
                db.json,
                result.map(|s| Report::Sync(SyncOutput::CountyCa(s))),
            )
        }
        None => {
            // clap requires --db when there is no subcommand.
            let Some(db) = cli.db else {
                return (cli.json, Err(ApiError::internal("缺少 --db")));
            };
            let args = SyncArgs {
                portal: cli.portal,
                trigger: Some(gongkai_api::wire::SyncTrigger::Manual),
            };
            let result = Api::new(&db).sync_now(args);
            (cli.json, result.map(|r| Report::Sync(SyncOutput::Ran(r))))
        }
    }
}

impl SyncOutput {
    pub fn json(&self) -> serde_json::Value {
        let value = match self {
            SyncOutput::Identity(i) => serde_json::to_value(i),
            SyncOutput::Ran(r) => serde_json::to_value(r),
            SyncOutput::CountyCa(status) => {
                Ok(serde_json::json!({ "county_ca_fingerprint": status.county_ca_fingerprint }))
            }
        };
        value.unwrap_or_default()
    }

    pub fn text(&self) -> String {
        match self {
            SyncOutput::Identity(i) => format!(
                "行政区划代码：{}\n公钥：{}\n（请把以上两项交县级平台登记；私钥只保存在本机数据库中）",
                i.township_code, i.public_key
            ),
            SyncOutput::Ran(r) => {
                let mut lines = vec![format!(
                    "已推送 {} 条，已接收 {} 条，待推送 {} 条",
                    r.pushed, r.pulled, r.pending
                )];
                lines.extend(r.rejected.iter().map(|m| format!("  县级平台拒收：{m}")));
                lines.join("\n")
            }
            SyncOutput::CountyCa(status) => match &status.county_ca_fingerprint {
                Some(print) => format!(
                    "已导入县级平台证书。SHA-256 指纹：\n{print}\n（请与县里核对此指纹，确认证书确为县级平台所发）"
                ),
                None => "已移除县级平台证书，今后只信任系统自带的证书机构".to_owned(),
            },
        }
    }
}
