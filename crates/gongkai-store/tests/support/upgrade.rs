//! The content of a database file as one digest per table, for the upgrade tests
//! (`gongkai-store/tests/upgrade.rs`, `gongkai-portal/tests/upgrade.rs`, which includes this
//! file by path).
//!
//! A table's digest is taken over the columns it had in the released schema, its rows
//! serialized value by value (type-tagged, text length-prefixed, a blob as its length and
//! SHA-256), sorted, and hashed: so it says "the same rows with the same values", whatever
//! order or rowids a later migration that rebuilds the table gives them. The expectations
//! are written once, when a release's fixture is made (`GONGKAI_UPGRADE_RECORD=1`), from the
//! fixture as the released build left it, opened read-only and never migrated.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;

use rusqlite::types::ValueRef;
use rusqlite::{Connection, OpenFlags};
use serde_json::{Value, json};
use sha2::{Digest, Sha256};

/// When set, the upgrade tests (re)write the expectations beside the fixture instead of
/// checking them: done once, by hand, when a release's fixture is made.
pub const RECORD_ENV: &str = "GONGKAI_UPGRADE_RECORD";

/// One table as the released build left it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TableDigest {
    pub columns: Vec<String>,
    pub rows: u64,
    /// The highest rowid: what a table that later migrations append to is compared up to.
    pub max_rowid: Option<i64>,
    pub sha256: String,
}

/// The whole file: schema version and every ordinary table (virtual tables are left out:
/// their content is in their shadow tables, which are ordinary tables and digested).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileDigest {
    pub schema_version: u32,
    pub tables: BTreeMap<String, TableDigest>,
}

pub fn open_read_only(path: &Path) -> Connection {
    Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY)
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

pub fn digest_file(conn: &Connection) -> FileDigest {
    let schema_version = conn
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .expect("user_version");
    let mut stmt = conn
        .prepare(
            "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'
             AND sql NOT LIKE 'CREATE VIRTUAL TABLE%' ORDER BY name",
        )
        .expect("list tables");
    let names: Vec<String> = stmt
        .query_map([], |r| r.get(0))
        .expect("list tables")
        .collect::<Result<_, _>>()
        .expect("table names");
    let tables = names
        .into_iter()
        .map(|name| {
            let columns = columns_of(conn, &name);
            let digest = digest_table(conn, &name, &columns, None);
            (name, digest)
        })
        .collect();
    FileDigest {
        schema_version,
        tables,
    }
}

pub fn columns_of(conn: &Connection, table: &str) -> Vec<String> {
    let mut stmt = conn
        .prepare(&format!("SELECT name FROM pragma_table_info('{table}')"))
        .expect("table info");
    stmt.query_map([], |r| r.get(0))
        .expect("table info")
        .collect::<Result<_, _>>()
        .expect("column names")
}

fn has_rowid(conn: &Connection, table: &str) -> bool {
    conn.prepare(&format!("SELECT rowid FROM \"{table}\" LIMIT 0"))
        .is_ok()
}

/// The digest of `columns` of `table`, over the rows with a rowid up to `up_to_rowid` when
/// given.
pub fn digest_table(
    conn: &Connection,
    table: &str,
    columns: &[String],
    up_to_rowid: Option<i64>,
) -> TableDigest {
    let list = columns
        .iter()
        .map(|c| format!("\"{c}\""))
        .collect::<Vec<_>>()
        .join(", ");
    let filter = up_to_rowid.map_or_else(String::new, |max| format!(" WHERE rowid <= {max}"));
    let mut stmt = conn
        .prepare(&format!("SELECT {list} FROM \"{table}\"{filter}"))
        .unwrap_or_else(|e| panic!("{table}: {e}"));
    let mut rows: Vec<String> = Vec::new();
    let mut cursor = stmt.query([]).expect("rows");
    while let Some(row) = cursor.next().expect("row") {
        let mut line = String::new();
        for i in 0..columns.len() {
            match row.get_ref(i).expect("value") {
                ValueRef::Null => line.push('n'),
                ValueRef::Integer(v) => write!(line, "i{v};").expect("write"),
                ValueRef::Real(v) => write!(line, "r{:016x};", v.to_bits()).expect("write"),
                ValueRef::Text(t) => {
                    write!(line, "t{}:", t.len()).expect("write");
                    line.push_str(&String::from_utf8_lossy(t));
                }
                ValueRef::Blob(b) => {
                    write!(line, "b{}:{}", b.len(), hex(&Sha256::digest(b))).expect("write")
                }
            }
        }
        rows.push(line);
    }
    rows.sort_unstable();
    let mut hasher = Sha256::new();
    for line in &rows {
        hasher.update(line.len().to_le_bytes());
        hasher.update(line.as_bytes());
    }
    let max_rowid = if has_rowid(conn, table) {
        conn.query_row(&format!("SELECT max(rowid) FROM \"{table}\""), [], |r| {
            r.get(0)
        })
        .expect("max rowid")
    } else {
        None
    };
    TableDigest {
        columns: columns.to_vec(),
        rows: rows.len() as u64,
        max_rowid,
        sha256: hex(&hasher.finalize()),
    }
}

/// Every row whose `hash_column` is not the SHA-256 of its `content_column`, named by rowid.
pub fn content_hash_mismatches(
    conn: &Connection,
    table: &str,
    hash_column: &str,
    content_column: &str,
) -> (u64, Vec<String>) {
    let mut stmt = conn
        .prepare(&format!(
            "SELECT rowid, \"{hash_column}\", \"{content_column}\" FROM \"{table}\""
        ))
        .unwrap_or_else(|e| panic!("{table}: {e}"));
    let mut checked = 0;
    let mut bad = Vec::new();
    let mut cursor = stmt.query([]).expect("rows");
    while let Some(row) = cursor.next().expect("row") {
        checked += 1;
        let rowid: i64 = row.get(0).expect("rowid");
        let stored: String = row.get(1).expect("hash");
        let content: Vec<u8> = row.get(2).expect("content");
        if hex(&Sha256::digest(&content)) != stored {
            bad.push(format!("{table} rowid {rowid}"));
        }
    }
    (checked, bad)
}

pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().fold(String::new(), |mut s, b| {
        write!(s, "{b:02x}").expect("write");
        s
    })
}

impl FileDigest {
    pub fn to_json(&self) -> Value {
        let tables: serde_json::Map<String, Value> = self
            .tables
            .iter()
            .map(|(name, t)| {
                (
                    name.clone(),
                    json!({
                        "columns": t.columns,
                        "rows": t.rows,
                        "max_rowid": t.max_rowid,
                        "sha256": t.sha256,
                    }),
                )
            })
            .collect();
        json!({ "schema_version": self.schema_version, "tables": tables })
    }

    pub fn from_json(value: &Value) -> Self {
        let tables = value["tables"]
            .as_object()
            .expect("tables")
            .iter()
            .map(|(name, t)| {
                let digest = TableDigest {
                    columns: t["columns"]
                        .as_array()
                        .expect("columns")
                        .iter()
                        .map(|c| c.as_str().expect("column name").to_owned())
                        .collect(),
                    rows: t["rows"].as_u64().expect("rows"),
                    max_rowid: t["max_rowid"].as_i64(),
                    sha256: t["sha256"].as_str().expect("sha256").to_owned(),
                };
                (name.clone(), digest)
            })
            .collect();
        Self {
            schema_version: u32::try_from(value["schema_version"].as_u64().expect("version"))
                .expect("version fits"),
            tables,
        }
    }

    /// Reads `expect_path`, or writes it from this digest when [`RECORD_ENV`] is set.
    pub fn expected(self, expect_path: &Path) -> Self {
        if std::env::var_os(RECORD_ENV).is_some() {
            let text = serde_json::to_string_pretty(&self.to_json()).expect("json") + "\n";
            std::fs::write(expect_path, text).expect("write expectations");
            return self;
        }
        let text = std::fs::read_to_string(expect_path)
            .unwrap_or_else(|e| panic!("{}: {e}", expect_path.display()));
        Self::from_json(&serde_json::from_str(&text).expect("expectations are JSON"))
    }
}

/// Compares `conn` (the migrated copy) with what the released build left, table by table.
/// `grows` names the tables later migrations append to (with why): their released rows are
/// compared, rows past the released highest rowid are allowed. Returns every difference.
pub fn differences(
    conn: &Connection,
    expected: &FileDigest,
    grows: &[(&str, &str)],
) -> Vec<String> {
    let mut found = Vec::new();
    for (name, before) in &expected.tables {
        let now_columns = columns_of(conn, name);
        if now_columns.is_empty() {
            found.push(format!("{name}: the table is gone"));
            continue;
        }
        let missing: Vec<&String> = before
            .columns
            .iter()
            .filter(|c| !now_columns.contains(c))
            .collect();
        if !missing.is_empty() {
            found.push(format!("{name}: columns gone {missing:?}"));
            continue;
        }
        let appended_to = grows.iter().any(|(table, _)| table == name);
        // An empty released table that grows: none of its rows are the released ones.
        let up_to = appended_to.then(|| before.max_rowid.unwrap_or(0));
        let after = digest_table(conn, name, &before.columns, up_to);
        if after.rows != before.rows || after.sha256 != before.sha256 {
            found.push(format!(
                "{name}: {} rows {} before, {} rows {} after",
                before.rows, before.sha256, after.rows, after.sha256
            ));
        }
    }
    found
}
