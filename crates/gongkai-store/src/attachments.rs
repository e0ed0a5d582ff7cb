//! Files kept in the database beside what they belong to: a record's attachments, a
//! document's files, an application's scans, a plan note's evidence. Each has its own table
//! (its own owner columns and triggers); the columns of the file itself, how it is written and
//! how it is read back are the same, and are here.

use gongkai_domain::RowId;
use rusqlite::{Connection, OptionalExtension, Row, ToSql};

use crate::{StoreError, Writer};

/// A stored file's name and fingerprint; the bytes stay in the database.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredAttachment {
    pub id: RowId,
    pub file_name: String,
    pub sha256: String,
    pub size: i64,
}

/// One table of files.
pub(crate) struct FileTable {
    pub table: &'static str,
    /// The column a listing selects by.
    pub owner: &'static str,
    /// What the clerk calls one of them, for "not found".
    pub what: &'static str,
}

pub(crate) const RECORD_FILES: FileTable = FileTable {
    table: "record_attachment",
    owner: "record_id",
    what: "附件",
};

pub(crate) const DOCUMENT_FILES: FileTable = FileTable {
    table: "document_attachment",
    owner: "document_id",
    what: "文件附件",
};

pub(crate) const REQUEST_FILES: FileTable = FileTable {
    table: "request_attachment",
    owner: "request_id",
    what: "申请附件",
};

/// Listed by note; each row names its task too.
pub(crate) const PLAN_FILES: FileTable = FileTable {
    table: "plan_evidence",
    owner: "note_id",
    what: "佐证材料",
};

impl FileTable {
    /// Writes a file with its owner columns (and any other column of the table) in `columns`.
    pub(crate) fn insert(
        &self,
        w: &Writer<'_>,
        columns: &[(&str, &dyn ToSql)],
        file: &StoredAttachment,
        content: &[u8],
    ) -> Result<(), StoreError> {
        let id = file.id.to_string();
        let added_at = w.now_text();
        let mut values: Vec<(&str, &dyn ToSql)> = vec![
            ("id", &id),
            ("file_name", &file.file_name),
            ("sha256", &file.sha256),
            ("size", &file.size),
            ("content", &content),
            ("added_at", &added_at),
        ];
        values.extend_from_slice(columns);
        let names: Vec<&str> = values.iter().map(|(name, _)| *name).collect();
        let marks: Vec<String> = (1..=values.len()).map(|i| format!("?{i}")).collect();
        let params: Vec<&dyn ToSql> = values.iter().map(|(_, value)| *value).collect();
        w.tx.execute(
            &format!(
                "INSERT INTO {} ({}) VALUES ({})",
                self.table,
                names.join(", "),
                marks.join(", ")
            ),
            params.as_slice(),
        )?;
        Ok(())
    }

    /// The files of `owner`, in the order they were added.
    pub(crate) fn files(
        &self,
        conn: &Connection,
        owner: RowId,
    ) -> Result<Vec<StoredAttachment>, StoreError> {
        self.files_with(conn, owner, &[], |file, _| Ok(file))
    }

    /// The files of `owner` with `more` columns of the table, which `map` reads from index 4 on.
    pub(crate) fn files_with<T>(
        &self,
        conn: &Connection,
        owner: RowId,
        more: &[&str],
        map: impl Fn(StoredAttachment, &Row<'_>) -> rusqlite::Result<T>,
    ) -> Result<Vec<T>, StoreError> {
        let more: String = more.iter().map(|column| format!(", {column}")).collect();
        let mut stmt = conn.prepare_cached(&format!(
            "SELECT id, file_name, sha256, size{more} FROM {} WHERE {} = ?1
             ORDER BY added_at, id",
            self.table, self.owner
        ))?;
        let rows = stmt.query_map([owner.to_string()], |r| {
            let id: String = r.get(0)?;
            let file = StoredAttachment {
                id: id.parse().map_err(|e| {
                    rusqlite::Error::FromSqlConversionFailure(
                        0,
                        rusqlite::types::Type::Text,
                        Box::new(e),
                    )
                })?,
                file_name: r.get(1)?,
                sha256: r.get(2)?,
                size: r.get(3)?,
            };
            map(file, r)
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// A file's name and bytes.
    pub(crate) fn content(
        &self,
        conn: &Connection,
        id: RowId,
    ) -> Result<(String, Vec<u8>), StoreError> {
        conn.query_row(
            &format!(
                "SELECT file_name, content FROM {} WHERE id = ?1",
                self.table
            ),
            [id.to_string()],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?
        .ok_or(StoreError::NotFound { what: self.what })
    }
}
