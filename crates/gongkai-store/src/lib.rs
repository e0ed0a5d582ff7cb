//! The Gongkai store: one SQLite file per installation.
//!
//! Opening a store always: sets WAL, foreign keys, `synchronous=FULL` and a busy timeout; runs
//! `PRAGMA quick_check` (the full `integrity_check` where it is worth its time: `check` and
//! a restore's source, see [`Soundness`]); refuses a database newer than this binary; applies pending
//! migrations. Every write goes through [`Store::write`], one immediate transaction; the change
//! log is written by the database itself (triggers on every table of synced state, decided per
//! table in [`TABLES`]).

mod attachments;
mod backup;
mod boards;
mod catalog;
mod documents;
mod error;
mod import_templates;
mod migrations;
mod notices;
mod payouts;
mod photos;
mod plan;
mod postings;
mod profile;
mod read_only;
mod reading_point;
mod records;
mod report;
mod requests;
mod review;
mod search_chars;
mod secrets;
mod sync;
mod sync_boards;
mod tables;

use std::path::{Path, PathBuf};
use std::time::Duration;

use chrono::{DateTime, SecondsFormat, Utc};
use rusqlite::{Connection, OpenFlags, Transaction, TransactionBehavior};

pub use gongkai_secrets::{Keystore, Passphrase, SECRET_DIR_ENV, SecretsError};

pub use attachments::StoredAttachment;
pub use boards::{
    ApplyOutcome, ApplyTarget, BoardLayout, BoardZone, NewBoard, StoredBoard, StoredTemplate,
    ZoneDraft,
};
pub use catalog::{
    CatalogDomain, CountyChange, CountyUpdate, EffectiveItem, HistoryEntry, ItemState, Layer,
    SEARCH_KIND_CATALOG, TownshipAction, TownshipAdjustment, catalog_key,
};
pub use documents::{
    DocumentYearFigures, SEARCH_KIND_DOCUMENT, StoredCleanup, StoredDocument, StoredInterpretation,
    StoredValidityChange,
};
pub use error::StoreError;
pub use import_templates::{ImportTemplate, TemplateColumn};
pub use migrations::LATEST_VERSION;
pub use notices::NoticeSettings;
pub use payouts::{
    ArchivedNotice, EarlierPayout, NewPayoutList, NewPayoutRow, PayoutListSummary, PersonPayout,
    Posting, PrintableRow, StoredMaskRules, VillageTotal, status_label,
};
pub use photos::{LinkedPhoto, NewPhoto, StoredPhoto};
pub use plan::{
    NewPlanEvidence, NewPlanNote, NewPlanTask, PlanEvidenceFile, PlanTaskSummary, StoredPlanNote,
    StoredPlanTask,
};
pub use postings::{
    ComposedSheet, DueRecord, FileRef, Judge, NewPosting, NoticeOnWall, PostingChange, PostingFile,
    PostingFilter, SheetSource, StoredObjection, StoredPosting, ZoneInForce,
};
pub use profile::ProfileCounts;
pub use reading_point::ReadingPointSetting;
pub use records::{SEARCH_KIND_RECORD, StoredPublication, StoredRecord};
pub use report::{ReportFile, ReportRecordStep, StoredCase, StoredReportDraft, YearActivity};
pub use requests::{
    RepeatedGroup, RequestSettings, SEARCH_KIND_REQUEST, StoredConsultation, StoredRequest,
    StoredRequestAttachment, Table3Counts,
};
pub use review::{Reviewed, StoredReview, StoredSecrecy};
pub use secrets::BackupStatus;
pub use sync::{OutboxCounts, OutboxItem, PendingEntry, SyncIdentity, SyncRun};
pub use tables::{TABLES, Table, TableKind, table_kind};

/// How long a write waits for another connection (the CLI while the app runs) before failing.
const BUSY_TIMEOUT: Duration = Duration::from_secs(5);

#[derive(Debug)]
pub struct Store {
    conn: Connection,
    path: PathBuf,
    /// Where this PC keeps the database's secrets (never in the file itself).
    keystore: Keystore,
}

/// What `gongkai check` and the 完整性检查 button report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckReport {
    pub schema_version: u32,
    pub integrity: String,
    pub counts: ProfileCounts,
}

impl CheckReport {
    pub fn ok(&self) -> bool {
        self.integrity == "ok"
    }
}

impl Store {
    /// Opens the database at `path`, creating an empty one if the file does not exist, with
    /// its secrets in [`Keystore::from_env`].
    pub fn open(path: &Path) -> Result<Self, StoreError> {
        #[cfg(not(test))]
        let keystore = Keystore::from_env();
        #[cfg(test)]
        let keystore = secrets::test_keystore();
        Self::open_with(path, keystore)
    }

    /// Opens the database at `path` with its secrets in `keystore`. An older file's secrets are
    /// moved there on this first open (migration 13).
    pub fn open_with(path: &Path, keystore: Keystore) -> Result<Self, StoreError> {
        let mut conn = open_connection(path, OpenFlags::default(), Soundness::Quick)?;
        migrations::migrate_to(&mut conn, LATEST_VERSION, &keystore)?;
        Ok(Self {
            conn,
            path: path.to_owned(),
            keystore,
        })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    pub fn schema_version(&self) -> Result<u32, StoreError> {
        migrations::schema_version(&self.conn)
    }

    /// Full integrity check plus a count of what the profile holds.
    pub fn check(&self) -> Result<CheckReport, StoreError> {
        Ok(CheckReport {
            schema_version: self.schema_version()?,
            integrity: soundness_check(&self.conn, Soundness::Full)?,
            counts: self.profile_counts()?,
        })
    }

    /// Runs `f` in one immediate transaction; commits only if it returns `Ok`. The one way this
    /// crate writes (migrations and a restore aside). What it changes in tables of synced state
    /// is logged to `change_log` by their triggers, in the same transaction.
    fn write<T>(
        &mut self,
        f: impl FnOnce(&Writer<'_>) -> Result<T, StoreError>,
    ) -> Result<T, StoreError> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let writer = Writer {
            tx,
            now: Utc::now(),
        };
        let value = f(&writer)?;
        writer.tx.commit()?;
        Ok(value)
    }
}

/// A write transaction and its timestamp: everything changed in one transaction carries the
/// same time.
struct Writer<'conn> {
    tx: Transaction<'conn>,
    now: DateTime<Utc>,
}

impl Writer<'_> {
    fn now_text(&self) -> String {
        timestamp(self.now)
    }
}

fn timestamp(at: DateTime<Utc>) -> String {
    at.to_rfc3339_opts(SecondsFormat::Millis, true)
}

/// How thoroughly a file is checked when it is opened.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Soundness {
    /// `PRAGMA quick_check`: every page and b-tree well formed, every record readable — what
    /// damage from a torn write or a bad disk shows as. It skips matching each index against its
    /// table, which is what makes the full check grow with the data: on a 61 MB database (108,000
    /// payout rows) 0.05 s against 0.54 s warm and 1.5 s cold, paid by every CLI command.
    Quick,
    /// `PRAGMA integrity_check`: also every index against its table. For `gongkai check` (and the
    /// settings screen's check) and for a backup about to replace the live database.
    Full,
}

fn open_connection(
    path: &Path,
    flags: OpenFlags,
    soundness: Soundness,
) -> Result<Connection, StoreError> {
    let conn = Connection::open_with_flags(path, flags).map_err(|e| StoreError::Open {
        path: path.to_owned(),
        source: e,
    })?;
    conn.busy_timeout(BUSY_TIMEOUT)?;
    search_chars::register(&conn)?;
    // The first statement that reads the header tells us whether this is a database at all.
    let readable: Result<i64, _> =
        conn.query_row("SELECT count(*) FROM sqlite_schema", [], |row| row.get(0));
    if let Err(source) = readable {
        return Err(StoreError::not_a_database(path, source));
    }
    let integrity = match soundness_check(&conn, soundness) {
        Ok(report) => report,
        // A badly damaged file fails the check itself instead of reporting on it.
        Err(StoreError::Sqlite(e))
            if e.sqlite_error_code() == Some(rusqlite::ErrorCode::DatabaseCorrupt) =>
        {
            e.to_string()
        }
        Err(e) => return Err(e),
    };
    if integrity != "ok" {
        return Err(StoreError::Corrupt {
            path: path.to_owned(),
            detail: integrity,
        });
    }
    if !flags.contains(OpenFlags::SQLITE_OPEN_READ_ONLY) {
        conn.pragma_update(None, "journal_mode", "WAL")?;
        // FULL: township PCs lose power; a committed write must survive that, not only a crash.
        conn.pragma_update(None, "synchronous", "FULL")?;
    }
    conn.pragma_update(None, "foreign_keys", true)?;
    // 32 MB of page cache: a 100,000-row import touches the row and index pages many times.
    conn.pragma_update(None, "cache_size", -32_768)?;
    Ok(conn)
}

/// The check's messages joined; "ok" when the file is sound.
fn soundness_check(conn: &Connection, soundness: Soundness) -> Result<String, StoreError> {
    let mut stmt = conn.prepare(match soundness {
        Soundness::Quick => "PRAGMA quick_check",
        Soundness::Full => "PRAGMA integrity_check",
    })?;
    let lines = stmt
        .query_map([], |row| row.get::<_, String>(0))?
        .collect::<Result<Vec<_>, _>>()?;
    Ok(lines.join("；"))
}

#[cfg(test)]
mod tests;
