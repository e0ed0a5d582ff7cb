//! What every table of the database is, for the change log: one decision per table.
//!
//! Tables of *synced state* — what the township (or the county, by sync) decided, and what a
//! later sync or another reader of the file must be able to replay — log every insert, update
//! and delete to `change_log` by triggers (migration 10), so no code path can forget it. The
//! other kinds are not logged, each for the reason given.
//!
//! A test enumerates the tables of a freshly migrated database and fails for one without a
//! decision here, for a decision naming no table, and for a synced table whose triggers do not
//! log an insert, an update and a delete (or a table of another kind that logs). A new table is
//! decided here in the same change as the migration that creates it; a new synced table gets
//! its three triggers in that migration, shaped like those of migration 10.

/// What a table holds, as far as the change log is concerned.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TableKind {
    /// State shared beyond this file: every write is logged by the table's triggers
    /// `<table>_log_insert`, `<table>_log_update`, `<table>_log_delete`, with `entity` the table
    /// name and `entity_id` the value of `key` (an SQL expression over the row's columns).
    Synced { key: &'static str },
    /// Rows of synced state that are part of a row of `parent`: an update or a delete is logged
    /// by the triggers `<table>_log_update` and `<table>_log_delete` as an upsert of the parent
    /// (`entity_id`: the value of `parent_key`); a delete with the parent leaves only the
    /// parent's tombstone. Rows are inserted only together with their parent, whose insert is
    /// logged: an insert trigger would cost every row of a bulk insert (a test checks the one
    /// place that inserts them).
    PartOf {
        parent: &'static str,
        parent_key: &'static str,
    },
    /// This installation's own bookkeeping or secrets: never synced, not logged.
    Local,
    /// Rebuilt from other tables in the same transaction as what it derives from; the change is
    /// logged there.
    Derived,
    /// Copied from the binary (the national catalog baseline), replaced as a whole; the load is
    /// logged through `catalog_baseline_meta`.
    Bundled,
}

/// One table's decision.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Table {
    pub name: &'static str,
    pub kind: TableKind,
    /// Why, in one line.
    pub reason: &'static str,
}

const fn synced(name: &'static str, key: &'static str, reason: &'static str) -> Table {
    Table {
        name,
        kind: TableKind::Synced { key },
        reason,
    }
}

const fn table(name: &'static str, kind: TableKind, reason: &'static str) -> Table {
    Table { name, kind, reason }
}

/// Every table of the schema (FTS5 shadow tables go with their virtual table; SQLite's own
/// `sqlite_*` tables are not ours), in migration order.
pub const TABLES: &[Table] = &[
    // 1 township_profile
    synced("township", "id", "the township's own profile"),
    synced(
        "village",
        "id",
        "the villages and communities of the township",
    ),
    synced("office", "id", "the township's offices"),
    synced("person", "id", "the staff and their review roles"),
    table(
        "change_log",
        TableKind::Local,
        "the log itself: logging it would never end",
    ),
    table(
        "schema_migration",
        TableKind::Local,
        "migration bookkeeping of this file",
    ),
    // 2 payout_lists
    synced("payout_list", "id", "payout lists and their status"),
    table(
        "payout_row",
        TableKind::PartOf {
            parent: "payout_list",
            parent_key: "list_id",
        },
        "the masked rows of a list: up to 100,000 inserted at once, logged as their list",
    ),
    synced(
        "payout_posting",
        "list_id || '/' || village_id",
        "when each village posts a list (公示期)",
    ),
    synced(
        "payout_archive",
        "list_id",
        "the archived list's fingerprint",
    ),
    synced(
        "payout_archive_file",
        "list_id || '/' || village_id",
        "the notices as printed and archived",
    ),
    // 3 mask_rules
    synced(
        "mask_rules",
        "CAST(singleton AS TEXT)",
        "how this township masks numbers on its notices",
    ),
    // 4 import_templates
    table(
        "import_template",
        TableKind::Local,
        "the clerk's column mappings for this computer's import wizard; nobody else reads them",
    ),
    table(
        "import_template_column",
        TableKind::Local,
        "the columns of a local import template",
    ),
    // 5 catalog
    synced(
        "catalog_baseline_meta",
        "CAST(singleton AS TEXT)",
        "which bundled baseline version is in force: its load, logged once",
    ),
    table(
        "catalog_domain",
        TableKind::Bundled,
        "the baseline's domains, copied from the binary",
    ),
    table(
        "catalog_domain_source",
        TableKind::Bundled,
        "the baseline domains' sources, copied from the binary",
    ),
    table(
        "catalog_baseline",
        TableKind::Bundled,
        "the baseline's items, copied from the binary",
    ),
    synced(
        "catalog_county",
        "id",
        "the county's catalog updates, received by sync",
    ),
    synced(
        "catalog_township",
        "id",
        "the township's catalog adjustments",
    ),
    table(
        "catalog_effective",
        TableKind::Derived,
        "a function of the three catalog layers, rewritten with them",
    ),
    table(
        "search_kind",
        TableKind::Derived,
        "the search index's blocks of rowids",
    ),
    table(
        "search_doc",
        TableKind::Derived,
        "maps search rows to what they index, rewritten with it",
    ),
    table(
        "search_index",
        TableKind::Derived,
        "full-text index of rows of other tables, rewritten with them",
    ),
    // 6 records
    synced("disclosure_record", "id", "disclosure records"),
    synced("record_attachment", "id", "the files attached to a record"),
    synced(
        "record_review",
        "record_id || '/' || seq",
        "the three-level review signatures (append-only)",
    ),
    synced(
        "record_secrecy",
        "record_id || '/' || seq",
        "the secrecy checks (append-only)",
    ),
    synced("publication", "id", "the publication register"),
    synced(
        "calendar_update",
        "version",
        "working-day calendars received later; they move due dates",
    ),
    // 7 sync (8: county_ca adds a column)
    table(
        "sync_identity",
        TableKind::Local,
        "the township's public key, request sequence and portal settings (the private key is in the keystore since 13)",
    ),
    table(
        "sync_outbox",
        TableKind::Local,
        "sync bookkeeping: what to send, written with the change it carries",
    ),
    table(
        "sync_cursor",
        TableKind::Local,
        "sync bookkeeping: how far each stream was pulled",
    ),
    table(
        "sync_applied",
        TableKind::Local,
        "sync bookkeeping: county changes applied, each once",
    ),
    synced(
        "county_notice",
        "id",
        "the county's notices, received by sync",
    ),
    table(
        "sync_run",
        TableKind::Local,
        "sync bookkeeping: the log of runs",
    ),
    // 9 search_chars
    table(
        "search_chars",
        TableKind::Derived,
        "one-character index of the search index's texts, rewritten with them",
    ),
    // 11 payout_notice_settings
    table(
        "payout_notice_setting",
        TableKind::Local,
        "defaults the notice dialogs prefill; what a notice carried is archived with it",
    ),
    // 13 secrets_out (drops installation_key)
    table(
        "secret_vault",
        TableKind::Local,
        "where this file's secrets are in the keystore, their fingerprints, and their copy sealed under the backup passphrase",
    ),
    // 14 boards
    synced(
        "board_template",
        "id",
        "the board shapes the township starts from (统一格式)",
    ),
    synced(
        "board_template_zone",
        "template_id || '/' || position",
        "the zones of a board template",
    ),
    synced(
        "board",
        "id",
        "the township's and villages' bulletin boards",
    ),
    synced(
        "board_layout",
        "board_id || '/' || version",
        "a board's layout versions (append-only)",
    ),
    synced(
        "board_zone",
        "board_id || '/' || version || '/' || zone_id",
        "the zones of a layout version, with their cadences",
    ),
    synced(
        "composed_sheet",
        "id",
        "公示/公告/通知 sheets composed in the app",
    ),
    synced(
        "posting",
        "id",
        "sheets posted on boards and their lifecycle",
    ),
    synced(
        "posting_objection",
        "id",
        "objections received during a notice period, with the answers",
    ),
    synced("photo", "sha256", "photos of posted boards (downscaled)"),
    synced(
        "posting_photo",
        "posting_id || '/' || sha256",
        "which photos show which posting",
    ),
    // 15 posting_files
    synced(
        "posting_file",
        "posting_id",
        "the sheet of a posting as printed, which the county page links",
    ),
    // 16 photo_settings
    table(
        "photo_setting",
        TableKind::Local,
        "the size photos are stored at; each stored photo carries its own",
    ),
    // 18 documents
    synced(
        "normative_document",
        "id",
        "the township's normative documents and their validity",
    ),
    synced(
        "document_validity_change",
        "document_id || '/' || seq",
        "every change of a document's validity (append-only)",
    ),
    synced(
        "document_attachment",
        "id",
        "the files of a normative document",
    ),
    synced(
        "document_interpretation",
        "document_id",
        "which record is a document's 政策解读",
    ),
    synced("document_cleanup", "id", "the yearly 清理 decisions"),
    table(
        "document_setting",
        TableKind::Local,
        "the 清理 rule's years; each decision records its reason",
    ),
    // 17 requests
    table(
        "info_request",
        TableKind::Local,
        "依申请公开 applications: applicants' personal data (ID as keyed hash and masked), never synced; the county gets the 表三 counts in the annual report",
    ),
    table(
        "request_consultation",
        TableKind::Local,
        "part of an application (its consultations); local like it",
    ),
    table(
        "request_attachment",
        TableKind::Local,
        "scans of applications and applicants' IDs: personal data, never synced",
    ),
    table(
        "request_review",
        TableKind::Local,
        "the 三审 of a reply to a local application (append-only)",
    ),
    table(
        "request_secrecy",
        TableKind::Local,
        "the 保密审查 of a reply to a local application (append-only)",
    ),
    table(
        "request_proactive",
        TableKind::Local,
        "which application became which proactive record (art. 44); the record itself syncs",
    ),
    table(
        "request_setting",
        TableKind::Local,
        "this township's choices for the reply clock and the remedy clause",
    ),
    // 19 report
    table(
        "annual_report",
        TableKind::Local,
        "the draft of each year's annual report; it reaches the county as the disclosure record it is published as",
    ),
    table(
        "disclosure_case",
        TableKind::Local,
        "复议/诉讼 about disclosure, counted into 表四; the county sees them only as the report's figures",
    ),
    // 20 plan
    synced(
        "plan_task",
        "id",
        "the tasks of the township's yearly work plan",
    ),
    synced(
        "plan_note",
        "id",
        "progress notes on plan tasks (append-only)",
    ),
    synced(
        "plan_evidence",
        "id",
        "the evidence files of a plan task's notes",
    ),
    // 21 reading_point
    table(
        "reading_point_setting",
        TableKind::Local,
        "this PC's reading-point screen: its idle time and the hash of the clerk's PIN, which must not travel",
    ),
];

/// The decision for `name`, if there is one.
pub fn table_kind(name: &str) -> Option<TableKind> {
    TABLES.iter().find(|t| t.name == name).map(|t| t.kind)
}
