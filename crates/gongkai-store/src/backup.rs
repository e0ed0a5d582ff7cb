//! Online backup and restore. Both work while the app has the database open.

use std::path::{Path, PathBuf};
use std::time::Duration;

use chrono::Utc;
use rusqlite::OpenFlags;
use rusqlite::backup::Backup;

use crate::{Store, StoreError, migrations, open_connection};

impl Store {
    /// Writes a consistent, compacted copy of the database to `out` (`VACUUM INTO`), which
    /// must not exist yet. Returns the size of the copy in bytes.
    pub fn backup_to(&self, out: &Path) -> Result<u64, StoreError> {
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

    /// Replaces the whole database with the content of `backup`, after checking that the backup
    /// is sound and not newer than this binary. The current content is first saved beside the
    /// database, so a restore from the wrong file can be undone; that path is returned.
    pub fn restore_from(&mut self, backup: &Path) -> Result<PathBuf, StoreError> {
        let source = open_connection(backup, OpenFlags::SQLITE_OPEN_READ_ONLY)?;
        let found = migrations::schema_version(&source)?;
        if found > migrations::LATEST_VERSION {
            return Err(StoreError::TooNew {
                found,
                supported: migrations::LATEST_VERSION,
            });
        }
        let safety_copy = self.path.with_file_name(format!(
            "{}.恢复前-{}.sqlite3",
            self.path
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default(),
            Utc::now().format("%Y%m%d-%H%M%S%.3f"),
        ));
        self.backup_to(&safety_copy)?;
        Backup::new(&source, &mut self.conn)?.run_to_completion(256, Duration::ZERO, None)?;
        drop(source);
        migrations::migrate_to(&mut self.conn, migrations::LATEST_VERSION)?;
        Ok(safety_copy)
    }
}
