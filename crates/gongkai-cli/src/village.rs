//! `gongkai village …`: the villages (村、社区) of the township profile.

use clap::Subcommand;
use gongkai_api::wire::{IdArgs, NoArgs, VillageInput, VillageKind};
use gongkai_api::{Api, ApiError};

use crate::Db;
use crate::output::Report;

#[derive(Debug, Subcommand)]
pub enum VillageCommand {
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

pub fn run(command: VillageCommand) -> (bool, Result<Report, ApiError>) {
    let open = |db: &Db| Api::new(&db.db);
    match command {
        VillageCommand::List { db } => (
            db.json,
            open(&db)
                .profile_get(NoArgs {})
                .map(|p| Report::Villages(p.villages)),
        ),
        VillageCommand::Add {
            db,
            name,
            code,
            community,
        } => {
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
        VillageCommand::Remove { db, id } => (
            db.json,
            open(&db)
                .village_delete(IdArgs { id })
                .map(|p| Report::Villages(p.villages)),
        ),
    }
}
