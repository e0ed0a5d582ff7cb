//! Online backup and restore. Both work while the app has the database open.

use chrono::Utc;
use rusqlite::backup::{Backup, StepResult};
use rusqlite::{Connection, OpenFlags};
use std::path::{Path, PathBuf};

use gongkai_secrets::Passphrase;

use crate::{Soundness, Store, StoreError, migrations, open_connection, secrets};

impl Store {
    /// Writes a consistent, compacted copy of the database to `out` (`VACUUM INTO`), which
    /// must not exist yet. Returns the size of the copy in bytes. Refused until the clerk has
    /// set a backup passphrase: the copy carries the secrets only sealed under it.
    pub fn backup_to(&self, out: &Path) -> Result<u64, StoreError> {
        self.require_backup_passphrase()?;
        self.copy_to(out)
    }

    /// The copy of [`Self::backup_to`], passphrase or not: the content a restore replaces is
    /// kept beside the database with it (its secrets stay in this PC's keystore).
    fn copy_to(&self, out: &Path) -> Result<u64, StoreError> {
        if out.exists() {
            return Err(StoreError::BackupExists {
                path: out.to_owned(),
            });
        }
        if let Some(parent) = out.parent().filter(|p| !p.as_os_str().is_empty()) {
            std::fs::create_dir_all(parent).map_err(|source| StoreError::BackupIo {
                path: out.to_owned(),
                source,
            })?;
        }
        self.conn
            .execute("VACUUM INTO ?1", [out.to_string_lossy().as_ref()])?;
        let bytes = std::fs::metadata(out)
            .map_err(|source| StoreError::BackupIo {
                path: out.to_owned(),
                source,
            })?
            .len();
        Ok(bytes)
    }

    /// Replaces the whole database with the content of `backup`; returns where the content it
    /// replaced was saved (beside the database), so a restore from the wrong file can be undone.
    /// The backup's secrets, sealed under the passphrase it was made with, are opened with
    /// `passphrase` and installed in this PC's keystore: a backup restores on a new PC.
    ///
    /// Nothing is written to the live database until the source has passed every check, on a
    /// read-only connection: it exists, is a SQLite file that passes `integrity_check`, is a
    /// Gongkai database (application id, or the migration history of an earlier release), its
    /// migration rows are this binary's by version, name and checksum, and it is not newer than
    /// this binary, and the passphrase opens its secrets (a backup of a release that kept them
    /// in the file needs none). It is then staged beside the database, brought up to this
    /// binary's schema and opened there, its secrets installed in the keystore, and only then
    /// copied over the live content in one transaction ([`copy_whole`]): a refused or failed
    /// restore leaves the live database as it was.
    pub fn restore_from(
        &mut self,
        backup: &Path,
        passphrase: Option<&Passphrase>,
    ) -> Result<PathBuf, StoreError> {
        let refused = |reason: String| StoreError::RestoreRefused {
            path: backup.to_owned(),
            reason,
        };
        let source = open_source(backup)?;
        let version = migrations::check_restore_source(&source).map_err(refused)?;
        let sealed = if version >= secrets::MOVED_OUT_IN {
            Some(secrets::open_source_secrets(&source, passphrase).map_err(refused)?)
        } else {
            None
        };

        let staging = Staging(sibling(&self.path, "恢复中"));
        let page_size: i64 = self
            .conn
            .pragma_query_value(None, "page_size", |row| row.get(0))?;
        let staged = stage(&source, &staging.0, page_size, &self.keystore)
            .map_err(|reason| refused(format!("在数据库旁准备恢复副本时失败（{reason}）")))?;
        drop(source);
        if let Some((keystore_id, secrets)) = sealed {
            secrets::install_restored(&self.keystore, &keystore_id, &secrets)?;
        }

        let safety_copy = sibling(&self.path, "恢复前");
        self.copy_to(&safety_copy)?;
        if let Err(e) = copy_whole(&staged, &mut self.conn, interruption) {
            // The live content is unchanged, so its copy is not needed; failing to remove it
            // only leaves a spare copy.
            std::fs::remove_file(&safety_copy).ok();
            return Err(e);
        }
        Ok(safety_copy)
    }
}

/// The source of a restore, opened read-only; what keeps it from opening is said of the file.
fn open_source(path: &Path) -> Result<Connection, StoreError> {
    let refused = |reason: String| StoreError::RestoreRefused {
        path: path.to_owned(),
        reason,
    };
    if !path.is_file() {
        return Err(refused("文件不存在".into()));
    }
    open_connection(path, OpenFlags::SQLITE_OPEN_READ_ONLY, Soundness::Full).map_err(|e| match e {
        StoreError::NotADatabase { .. } => {
            refused("它不是 SQLite 数据库文件，或文件已严重损坏".into())
        }
        StoreError::Corrupt { detail, .. } => {
            refused(format!("文件已损坏，完整性检查未通过（{detail}）"))
        }
        StoreError::Open { source, .. } => refused(format!("无法打开它（{source}）")),
        other => other,
    })
}

/// A copy of the source at `path`, with the live database's page size, migrated to this
/// binary's schema and opened as the store opens a file (integrity check included). An error is
/// the reason, in Chinese.
/// A file of a release that kept its secrets inside has them moved to `keystore` there.
fn stage(
    source: &Connection,
    path: &Path,
    page_size: i64,
    keystore: &gongkai_secrets::Keystore,
) -> Result<Connection, String> {
    let text = |e: StoreError| e.to_string();
    let sql = |e: rusqlite::Error| StoreError::from(e).to_string();
    {
        let mut conn = Connection::open(path).map_err(sql)?;
        copy_whole(source, &mut conn, |_| Ok(())).map_err(text)?;
        let staged: i64 = conn
            .pragma_query_value(None, "page_size", |row| row.get(0))
            .map_err(sql)?;
        if staged != page_size {
            // The backup API cannot copy into a WAL database of another page size.
            conn.pragma_update(None, "journal_mode", "DELETE")
                .and_then(|()| conn.pragma_update(None, "page_size", page_size))
                .and_then(|()| conn.execute_batch("VACUUM"))
                .map_err(sql)?;
        }
    }
    // A copy of the source, which passed the full check above.
    let mut conn = open_connection(path, OpenFlags::default(), Soundness::Quick).map_err(text)?;
    migrations::migrate_to(&mut conn, migrations::LATEST_VERSION, keystore).map_err(text)?;
    match migrations::check_restore_source(&conn)? {
        migrations::LATEST_VERSION => Ok(conn),
        version => Err(format!("升级后的数据库版本为 {version}")),
    }
}

/// Pages copied per backup step; small under test so that a copy takes several steps.
const PAGES_PER_STEP: i32 = if cfg!(test) { 16 } else { 1024 };

/// Copies every page of `from` over `to` with SQLite's online backup API, calling `after_step`
/// between steps.
///
/// All or nothing, because of how `sqlite3_backup_step` writes: its first step opens a write
/// transaction on `to`, which is held across steps and committed only by the step that copies
/// the last page. If any step or `after_step` fails, dropping the `Backup` calls
/// `sqlite3_backup_finish`, which rolls that transaction back; if the process dies midway, the
/// pages written so far are uncommitted frames of the WAL (or a hot rollback journal), which
/// SQLite discards on the next open. Other connections see the old content until the commit,
/// then the new. (Renaming a staged file over the live one would not hold: the app and the CLI
/// may both have it open, and its `-wal` file would be replayed onto the new content.)
fn copy_whole(
    from: &Connection,
    to: &mut Connection,
    mut after_step: impl FnMut(u32) -> Result<(), StoreError>,
) -> Result<(), StoreError> {
    let backup = Backup::new(from, to)?;
    let mut steps = 0;
    loop {
        match backup.step(PAGES_PER_STEP)? {
            StepResult::Done => return Ok(()),
            StepResult::More => {
                steps += 1;
                after_step(steps)?;
            }
            // Another connection holds the database past the busy timeout.
            _ => return Err(StoreError::Busy),
        }
    }
}

#[cfg(not(test))]
fn interruption(_step: u32) -> Result<(), StoreError> {
    Ok(())
}

#[cfg(test)]
thread_local! {
    /// Under test: the step after which the copy into the live database fails.
    pub(crate) static FAIL_COPY_AFTER_STEP: std::cell::Cell<Option<u32>> =
        const { std::cell::Cell::new(None) };
}

#[cfg(test)]
fn interruption(step: u32) -> Result<(), StoreError> {
    if FAIL_COPY_AFTER_STEP.with(|at| at.get()) == Some(step) {
        return Err(StoreError::BackupIo {
            path: PathBuf::from("（测试）"),
            source: std::io::Error::other("复制到一半时失败"),
        });
    }
    Ok(())
}

/// `<stem>.<what>-<time>.sqlite3` beside the database.
fn sibling(path: &Path, what: &str) -> PathBuf {
    path.with_file_name(format!(
        "{}.{what}-{}.sqlite3",
        path.file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default(),
        Utc::now().format("%Y%m%d-%H%M%S%.3f"),
    ))
}

/// The staged copy of a restore, removed (with its journal files) however the restore ends.
/// Declared before the connection to it, so that connection is closed first.
struct Staging(PathBuf);

impl Drop for Staging {
    fn drop(&mut self) {
        for suffix in ["", "-wal", "-shm", "-journal"] {
            let mut name = self.0.clone().into_os_string();
            name.push(suffix);
            // Absent files are fine; a leftover staging copy harms nothing.
            std::fs::remove_file(PathBuf::from(name)).ok();
        }
    }
}
