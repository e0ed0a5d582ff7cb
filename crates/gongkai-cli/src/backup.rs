//! `gongkai backup`, `restore` and `backup-passphrase`: backups of the database, restoring one,
//! and the backup passphrase they are sealed under.

use std::path::PathBuf;

use clap::Subcommand;
use gongkai_api::wire::{BackupArgs, BackupPassphraseArgs, RestoreArgs};
use gongkai_api::{Api, ApiError};

use crate::output::Report;
use crate::{Db, passphrase};

/// Top-level subcommands of `gongkai` (flattened into it), not a `backup …` group.
#[derive(Debug, Subcommand)]
pub enum BackupCommand {
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
}

pub fn run(command: BackupCommand) -> (bool, Result<Report, ApiError>) {
    let open = |db: &Db| Api::new(&db.db);
    match command {
        BackupCommand::Backup { db, out } => {
            let args = BackupArgs {
                out: out.map(|p| p.display().to_string()),
            };
            (db.json, open(&db).backup_create(args).map(Report::Backup))
        }
        BackupCommand::Restore {
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
        BackupCommand::BackupPassphrase {
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
    }
}
