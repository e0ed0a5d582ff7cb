//! The store opened read only, for the public reading point (公开查阅点, issue 14): the file is
//! opened with SQLite's read-only flag and `query_only` on, so no statement of any code path
//! can change it; it is never migrated (a file at another schema version is refused: the clerk's
//! workstation upgrades it first).

use std::path::Path;

use gongkai_secrets::Keystore;
use rusqlite::OpenFlags;

use crate::migrations::{self, LATEST_VERSION};
use crate::{Soundness, Store, StoreError, open_connection};

impl Store {
    /// Opens an existing database that nothing done through this `Store` can change.
    pub fn open_read_only(path: &Path, keystore: Keystore) -> Result<Self, StoreError> {
        let conn = open_connection(path, OpenFlags::SQLITE_OPEN_READ_ONLY, Soundness::Quick)?;
        conn.pragma_update(None, "query_only", true)?;
        let found = migrations::schema_version(&conn)?;
        if found != LATEST_VERSION {
            return Err(StoreError::NotCurrent {
                found,
                supported: LATEST_VERSION,
            });
        }
        migrations::verify_applied(&conn, found)?;
        Ok(Self {
            conn,
            path: path.to_owned(),
            keystore,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::tests::task;

    #[test]
    fn a_read_only_store_reads_and_refuses_every_write() {
        let dir = tempfile::TempDir::new().unwrap();
        let path = dir.path().join("township.sqlite3");
        let mut store = Store::open(&path).unwrap();
        store
            .import_plan(2026, &[task(2026, 1, "公开年报")], false)
            .unwrap();
        let keystore = store.keystore.clone();
        drop(store);
        let before = std::fs::read(&path).unwrap();

        let mut reader = Store::open_read_only(&path, keystore).unwrap();
        assert_eq!(reader.plan_tasks(Some(2026)).unwrap().len(), 1);
        let refused = reader.import_plan(2026, &[task(2026, 2, "更新目录")], false);
        assert!(
            refused.is_err(),
            "a write through the read-only store: {refused:?}"
        );
        assert!(reader.conn.execute_batch("DELETE FROM plan_task").is_err());
        drop(reader);
        assert_eq!(
            std::fs::read(&path).unwrap(),
            before,
            "the file is unchanged"
        );
    }

    #[test]
    fn a_file_at_another_version_is_not_opened_read_only() {
        let dir = tempfile::TempDir::new().unwrap();
        let path = dir.path().join("old.sqlite3");
        let keystore = crate::secrets::test_keystore();
        {
            let mut conn = open_connection(&path, OpenFlags::default(), Soundness::Quick).unwrap();
            migrations::migrate_to(&mut conn, 12, &keystore).unwrap();
        }
        let refused = Store::open_read_only(&path, keystore);
        assert!(
            matches!(refused, Err(StoreError::NotCurrent { found: 12, .. })),
            "{refused:?}"
        );
    }
}
