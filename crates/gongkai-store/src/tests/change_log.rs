//! The change log by construction: every table of the schema has a decision in `TABLES`, the
//! tables of synced state and only they carry logging triggers, and every write to a synced
//! table — by the store's own write paths or by hand-written SQL — leaves an entry.

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;
use gongkai_domain::{Name, RowId, Village, VillageCode, VillageKind};
use rusqlite::OptionalExtension;
use tempfile::TempDir;

use super::{check_secrecy, demo_store, draft_record, outbox, publication, sign};
use crate::{
    ArchivedNotice, CountyChange, CountyUpdate, ImportTemplate, NewPayoutList, NewPayoutRow,
    OutboxItem, Store, StoredAttachment, StoredMaskRules, SyncRun, TABLES, TableKind,
    TemplateColumn, TownshipAction, TownshipAdjustment,
};

/// The tables of the schema that are ours: SQLite's `sqlite_*` tables and FTS5 shadow tables
/// (which go with their virtual table) left out.
fn schema_tables(store: &Store) -> BTreeSet<String> {
    store
        .conn
        .prepare(
            "SELECT name FROM pragma_table_list
             WHERE schema = 'main' AND type IN ('table', 'virtual') AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'",
        )
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap()
}

fn fresh(dir: &TempDir) -> Store {
    Store::open(&dir.path().join("fresh.sqlite3")).unwrap()
}

#[test]
fn every_table_of_the_schema_has_a_decision() {
    let dir = TempDir::new().unwrap();
    let store = fresh(&dir);
    let tables = schema_tables(&store);
    assert!(tables.contains("township") && tables.contains("search_index"));
    let undecided: Vec<&String> = tables
        .iter()
        .filter(|t| crate::table_kind(t).is_none())
        .collect();
    assert!(
        undecided.is_empty(),
        "tables without a decision in TABLES (gongkai-store/src/tables.rs): {undecided:?}; \
         say whether each is synced state (and give it logging triggers) or local, derived or \
         bundled, and why"
    );
    let stale: Vec<&str> = TABLES
        .iter()
        .map(|t| t.name)
        .filter(|t| !tables.contains(*t))
        .collect();
    assert!(
        stale.is_empty(),
        "TABLES decides tables the schema does not have: {stale:?}"
    );
    let mut seen = BTreeSet::new();
    for table in TABLES {
        assert!(seen.insert(table.name), "{} decided twice", table.name);
        assert!(
            !table.reason.trim().is_empty(),
            "{} has no reason",
            table.name
        );
    }
}

/// Triggers of `table` whose body writes to the change log, by name.
fn logging_triggers(store: &Store, table: &str) -> BTreeSet<String> {
    store
        .conn
        .prepare(
            "SELECT name FROM sqlite_schema
             WHERE type = 'trigger' AND tbl_name = ?1 AND sql LIKE '%change_log%'",
        )
        .unwrap()
        .query_map([table], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap()
}

#[test]
fn synced_tables_and_only_they_have_logging_triggers() {
    let dir = TempDir::new().unwrap();
    let store = fresh(&dir);
    for table in TABLES {
        let found = logging_triggers(&store, table.name);
        match table.kind {
            TableKind::Synced { .. } => {
                let expected: BTreeSet<String> = ["delete", "insert", "update"]
                    .iter()
                    .map(|op| format!("{}_log_{op}", table.name))
                    .collect();
                assert_eq!(found, expected, "logging triggers of synced {}", table.name);
            }
            TableKind::PartOf { .. } => {
                let expected: BTreeSet<String> = ["delete", "update"]
                    .iter()
                    .map(|op| format!("{}_log_{op}", table.name))
                    .collect();
                assert_eq!(found, expected, "logging triggers of {}", table.name);
            }
            TableKind::Local | TableKind::Derived | TableKind::Bundled => assert!(
                found.is_empty(),
                "{} is {:?} ({}) but has logging triggers {found:?}",
                table.name,
                table.kind,
                table.reason
            ),
        }
    }
}

fn day(text: &str) -> NaiveDate {
    text.parse().unwrap()
}

fn payout_list(store: &Store) -> NewPayoutList {
    let village = store.villages().unwrap()[0].id;
    NewPayoutList {
        id: RowId::new(),
        supersedes: None,
        project: "高龄津贴".into(),
        year: 2025,
        source_file: "a.csv".into(),
        source_sha256: "00".into(),
        rows: vec![NewPayoutRow {
            village,
            source_sheet: "a.csv".into(),
            source_row: 2,
            group: None,
            name: "张三".into(),
            id_hash: [7; 32],
            id_masked: "99*************12X".into(),
            bank_masked: None,
            phone_masked: None,
            area_e4: None,
            rate_e4: None,
            amount_fen: 10_000,
            project: "高龄津贴".into(),
            note: None,
        }],
    }
}

const CATALOG_KEY: &str = "涉农补贴/农业生产发展资金/农机购置补贴";

fn hide(store: &mut Store) {
    store
        .catalog_adjust(
            &TownshipAdjustment {
                key: CATALOG_KEY.to_owned(),
                action: TownshipAction::Hide,
                reason: "本镇无此项工作".to_owned(),
                made_on: day("2025-03-01"),
                made_by: "李文书".to_owned(),
            },
            &OutboxItem {
                kind: "catalog_adjustment",
                object_id: CATALOG_KEY.to_owned(),
                withdraw: false,
                payload: "{}".to_owned(),
            },
        )
        .unwrap();
}

fn withdraw_from_county(store: &mut Store, change_id: &str) {
    store
        .catalog_apply_county_update(
            &CountyUpdate {
                version_label: "2026年版".to_owned(),
                issued_on: day("2026-01-05"),
                changes: vec![CountyChange::Withdraw {
                    key: "社会救助/临时救助/临时救助对象".to_owned(),
                }],
            },
            Some(change_id),
        )
        .unwrap();
}

fn attachment() -> StoredAttachment {
    StoredAttachment {
        id: RowId::new(),
        file_name: "名单.pdf".to_owned(),
        sha256: "ab".repeat(32),
        size: 3,
    }
}

/// A store where every table of synced state holds at least one row, each written by the
/// store's own write path.
fn store_with_every_synced_table(dir: &TempDir) -> Store {
    let mut store = demo_store(dir);
    let list = payout_list(&store);
    store.insert_payout_list(&list).unwrap();
    store
        .post_payout_list(
            list.id,
            day("2025-12-01"),
            day("2025-12-07"),
            &outbox(list.id),
        )
        .unwrap();
    let notice = ArchivedNotice {
        village: list.rows[0].village,
        file_name: "公示.pdf".to_owned(),
        pdf: b"%PDF".to_vec(),
        sha256: "cd".repeat(32),
    };
    store.archive_payout_list(list.id, "ff", &[notice]).unwrap();
    store.set_mask_rules(mask_rules()).unwrap();
    hide(&mut store);
    withdraw_from_county(&mut store, "county-change-1");
    let record = draft_record();
    store.save_record(&record).unwrap();
    store
        .add_attachment(record.id, &attachment(), b"pdf")
        .unwrap();
    sign(&mut store, record.id, "draft", "李明", true);
    sign(&mut store, record.id, "review", "王芳", true);
    sign(&mut store, record.id, "approve", "赵强", true);
    check_secrecy(&mut store, record.id, true);
    store
        .publish_record(&publication(record.id), &outbox(record.id))
        .unwrap();
    store
        .save_calendar_update("2027-01-01", "{}", |d, _| (d, false), None)
        .unwrap();
    store
        .add_county_notice("notice-1", "v1", "通知", "正文", "2026-11-01")
        .unwrap();
    super::boards::fill_board_tables(&mut store);
    crate::postings::print_a_posting(&mut store);
    crate::plan::tests::fill_plan_tables(&mut store);
    crate::documents::tests::fill_document_tables(&mut store);
    store
}

fn mask_rules() -> StoredMaskRules {
    StoredMaskRules {
        id_keep_start: 6,
        id_keep_end: 4,
        bank_keep_end: 4,
        phone_keep_start: 3,
        phone_keep_end: 4,
    }
}

fn last_seq(conn: &rusqlite::Connection) -> i64 {
    conn.query_row("SELECT coalesce(max(seq), 0) FROM change_log", [], |r| {
        r.get(0)
    })
    .unwrap()
}

/// Entries after `seq`: (entity, entity_id, op, changed_at).
fn entries_since(conn: &rusqlite::Connection, seq: i64) -> Vec<(String, String, String, String)> {
    conn.prepare(
        "SELECT entity, entity_id, op, changed_at FROM change_log WHERE seq > ?1 ORDER BY seq",
    )
    .unwrap()
    .query_map([seq], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))
    .unwrap()
    .collect::<Result<_, _>>()
    .unwrap()
}

/// Drives an insert, an update and a delete of one row of every synced table by plain SQL (an
/// update and a delete for a part of another table's row), each in a transaction rolled back
/// afterwards, and checks each leaves exactly one entry naming the row by its key (a part: its
/// parent's). Foreign keys are off and the table's guard triggers (archived lists are frozen,
/// archived notices cannot be deleted) are dropped inside that transaction: this checks
/// logging, not guards.
#[test]
fn every_write_to_a_synced_table_is_logged_with_the_row_key() {
    let dir = TempDir::new().unwrap();
    let mut store = store_with_every_synced_table(&dir);
    let mut checked = 0;
    for table in TABLES {
        let name = table.name;
        // (entity logged, key expression, writes that log)
        let (entity, key, writes): (&str, &str, &[&str]) = match table.kind {
            TableKind::Synced { key } => (name, key, &["update", "delete", "insert"]),
            TableKind::PartOf { parent, parent_key } => (parent, parent_key, &["update", "delete"]),
            TableKind::Local | TableKind::Derived | TableKind::Bundled => continue,
        };
        // Foreign keys off (outside a transaction, as SQLite requires): no cascade or RESTRICT
        // stands between a row and its delete here.
        store
            .conn
            .pragma_update(None, "foreign_keys", false)
            .unwrap();
        let tx = store.conn.transaction().unwrap();
        let row: Option<(i64, String)> = tx
            .query_row(
                &format!("SELECT rowid, {key} FROM {name} LIMIT 1"),
                [],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()
            .unwrap();
        let Some((rowid, key_value)) = row else {
            panic!(
                "no write path in store_with_every_synced_table fills {name}: add one, so its \
                 logging is checked"
            );
        };
        let guards: Vec<String> = tx
            .prepare(
                "SELECT name FROM sqlite_schema WHERE type = 'trigger' AND tbl_name = ?1
                 AND sql NOT LIKE '%change_log%'",
            )
            .unwrap()
            .query_map([name], |r| r.get(0))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        for guard in guards {
            tx.execute_batch(&format!("DROP TRIGGER {guard}")).unwrap();
        }
        tx.execute_batch(&format!(
            "CREATE TEMP TABLE saved AS SELECT * FROM {name} WHERE rowid = {rowid}"
        ))
        .unwrap();
        let first_column: String = tx
            .query_row(
                "SELECT name FROM pragma_table_info(?1) ORDER BY cid LIMIT 1",
                [name],
                |r| r.get(0),
            )
            .unwrap();
        for what in writes {
            let (sql, op) = match *what {
                "update" => (
                    format!(
                        "UPDATE {name} SET {first_column} = {first_column} WHERE rowid = {rowid}"
                    ),
                    "upsert",
                ),
                "delete" => (
                    format!("DELETE FROM {name} WHERE rowid = {rowid}"),
                    "delete",
                ),
                _ => (
                    format!("INSERT INTO {name} SELECT * FROM temp.saved"),
                    "upsert",
                ),
            };
            // A part's delete changes its parent: the parent is upserted.
            let op = if entity == name { op } else { "upsert" };
            let before = last_seq(&tx);
            assert_eq!(tx.execute(&sql, []).unwrap(), 1, "{what} of {name}");
            let logged = entries_since(&tx, before);
            assert_eq!(
                logged.len(),
                1,
                "{what} of {name} logged {logged:?}, expected one entry"
            );
            let (logged_entity, id, logged_op, at) = &logged[0];
            assert_eq!(
                (logged_entity.as_str(), id.as_str(), logged_op.as_str()),
                (entity, key_value.as_str(), op),
                "{what} of {name}"
            );
            let parsed = chrono::DateTime::parse_from_rfc3339(at).unwrap();
            assert_eq!(at, &crate::timestamp(parsed.to_utc()), "{what} of {name}");
            checked += 1;
        }
        tx.rollback().unwrap();
        store
            .conn
            .pragma_update(None, "foreign_keys", true)
            .unwrap();
    }
    assert!(checked > 50, "{checked} writes checked");
}

/// A list deleted (a draft, say) takes its rows with it by cascade: the log holds the list's
/// tombstone, not an entry per row.
#[test]
fn rows_deleted_with_their_list_leave_only_the_lists_tombstone() {
    let dir = TempDir::new().unwrap();
    let mut store = demo_store(&dir);
    let mut list = payout_list(&store);
    let row = list.rows[0].clone();
    list.rows = (0..3_u8)
        .map(|i| {
            let mut r = row.clone();
            r.id_hash[0] = i;
            r
        })
        .collect();
    let before = last_seq(&store.conn);
    store.insert_payout_list(&list).unwrap();
    let id = list.id.to_string();
    assert_eq!(
        entries_since(&store.conn, before)
            .into_iter()
            .map(|(e, i, o, _)| (e, i, o))
            .collect::<Vec<_>>(),
        [("payout_list".to_owned(), id.clone(), "upsert".to_owned())],
        "a list of three rows is one entry"
    );
    let before = last_seq(&store.conn);
    store
        .conn
        .execute("DELETE FROM payout_list WHERE id = ?1", [&id])
        .unwrap();
    let rows: i64 = store
        .conn
        .query_row("SELECT count(*) FROM payout_row", [], |r| r.get(0))
        .unwrap();
    assert_eq!(rows, 0, "the rows went with the list");
    assert_eq!(
        entries_since(&store.conn, before)
            .into_iter()
            .map(|(e, i, o, _)| (e, i, o))
            .collect::<Vec<_>>(),
        [("payout_list".to_owned(), id, "delete".to_owned())]
    );
}

/// The triggers are the one writer of the log: no code of the store writes it besides them
/// (which would log a change twice).
#[test]
fn no_code_writes_the_change_log_itself() {
    let src = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    for entry in std::fs::read_dir(&src).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "rs") || path.ends_with("tests.rs") {
            continue;
        }
        let text = std::fs::read_to_string(&path).unwrap();
        let code = text.split("#[cfg(test)]").next().unwrap_or_default();
        for write in [
            "INSERT INTO change_log",
            "UPDATE change_log",
            "DELETE FROM change_log",
        ] {
            assert!(
                !code.contains(write),
                "{} writes the change log itself ({write}); the triggers of migration 10 log \
                 every synced table",
                path.display()
            );
        }
    }
}

/// Parts are logged as their parent, whose insert is logged: so every place that inserts a part
/// must insert its parent in the same transaction. Today one function inserts payout rows, and
/// it writes their list first; a new place fails this test until it is checked the same way.
#[test]
fn parts_are_inserted_only_with_their_parent() {
    let src = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    for table in TABLES {
        let TableKind::PartOf { parent, .. } = table.kind else {
            continue;
        };
        let mut sites = Vec::new();
        for entry in std::fs::read_dir(&src).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_none_or(|e| e != "rs") || path.ends_with("tests.rs") {
                continue;
            }
            let text = std::fs::read_to_string(&path).unwrap();
            let text = text.split("#[cfg(test)]").next().unwrap_or_default();
            for (at, _) in text.match_indices(&format!("INSERT INTO {} ", table.name)) {
                // The function around the insert.
                let start = text[..at].rfind("    pub fn ").unwrap_or(0);
                let end = text[at..].find("\n    }\n").map_or(text.len(), |e| at + e);
                let function = &text[start..end];
                let name = function
                    .split('(')
                    .next()
                    .unwrap_or_default()
                    .trim()
                    .to_owned();
                assert!(
                    function.contains(&format!("INSERT INTO {parent} ")),
                    "{name} in {} inserts into {} without inserting its {parent}",
                    path.display(),
                    table.name
                );
                sites.push(name);
            }
        }
        assert_eq!(
            sites,
            ["pub fn insert_payout_list"],
            "the places that insert into {}: check each writes its {parent} in the same \
             transaction, then list it here",
            table.name
        );
    }
}

/// (entity, op) pairs.
type Pairs = BTreeSet<(String, String)>;

/// The distinct (entity, op) pairs logged by `step`. An entry logged twice for the same row in
/// one step (a hand-written log beside the trigger's) is reported as ("twice: entity", op).
fn logged_by(store: &mut Store, step: impl FnOnce(&mut Store)) -> Pairs {
    let before = last_seq(&store.conn);
    step(store);
    store
        .conn
        .prepare(
            "SELECT DISTINCT CASE WHEN count(*) > 1 THEN 'twice: ' ELSE '' END || entity, op
             FROM change_log WHERE seq > ?1 GROUP BY entity, entity_id, op",
        )
        .unwrap()
        .query_map([before], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap()
}

fn pairs(expected: &[(&str, &str)]) -> Pairs {
    expected
        .iter()
        .map(|(e, o)| ((*e).to_owned(), (*o).to_owned()))
        .collect()
}

/// The store's write paths, each with what it logs: among them those that wrote without a log
/// entry before the triggers (mask rules, a calendar update rewriting due dates, county notices),
/// and those that change only local or derived tables and log nothing (sync bookkeeping, import
/// templates, the search-index filler of the benchmarks).
#[test]
fn each_write_path_logs_the_synced_rows_it_changes() {
    let dir = TempDir::new().unwrap();
    let mut store = demo_store(&dir);
    let mut results: BTreeMap<&str, (Pairs, Pairs)> = BTreeMap::new();
    let mut check = |name: &'static str,
                     store: &mut Store,
                     expected: &[(&str, &str)],
                     step: &dyn Fn(&mut Store)| {
        let logged = logged_by(store, step);
        results.insert(name, (logged, pairs(expected)));
    };

    let village = Village {
        id: RowId::new(),
        name: Name::parse("名称", "新建村").unwrap(),
        code: VillageCode::parse("999901101299").unwrap(),
        kind: VillageKind::Village,
    };
    check(
        "village insert",
        &mut store,
        &[("village", "upsert")],
        &|s| {
            s.insert_village(&village).unwrap();
        },
    );
    check(
        "village delete",
        &mut store,
        &[("village", "delete")],
        &|s| {
            s.delete_village(village.id).unwrap();
        },
    );
    check(
        "mask rules",
        &mut store,
        &[("mask_rules", "upsert")],
        &|s| {
            s.set_mask_rules(mask_rules()).unwrap();
        },
    );
    check(
        "catalog baseline load",
        &mut store,
        &[("catalog_baseline_meta", "upsert")],
        &|s| {
            s.catalog_ensure_baseline().unwrap();
        },
    );
    check(
        "township adjustment",
        &mut store,
        &[("catalog_township", "upsert")],
        &|s| hide(s),
    );
    check(
        "county catalog update",
        &mut store,
        &[("catalog_county", "upsert")],
        &|s| withdraw_from_county(s, "county-change-1"),
    );
    let mut provisional = draft_record();
    provisional.due_provisional = true;
    check(
        "record save",
        &mut store,
        &[("disclosure_record", "upsert")],
        &|s| s.save_record(&provisional).unwrap(),
    );
    check(
        "attachment",
        &mut store,
        &[("record_attachment", "upsert")],
        &|s| {
            s.add_attachment(provisional.id, &attachment(), b"pdf")
                .unwrap();
        },
    );
    check(
        "calendar update recounting a provisional due date",
        &mut store,
        &[
            ("calendar_update", "upsert"),
            ("disclosure_record", "upsert"),
        ],
        &|s| {
            let changed = s
                .save_calendar_update(
                    "2027-01-01",
                    "{}",
                    |d, _| (d, false),
                    Some("calendar-change-1"),
                )
                .unwrap();
            assert_eq!(changed, 1);
        },
    );
    check(
        "review signatures",
        &mut store,
        &[("record_review", "upsert")],
        &|s| {
            sign(s, provisional.id, "draft", "李明", true);
            sign(s, provisional.id, "review", "王芳", true);
            sign(s, provisional.id, "approve", "赵强", true);
        },
    );
    check(
        "secrecy check",
        &mut store,
        &[("record_secrecy", "upsert")],
        &|s| check_secrecy(s, provisional.id, true),
    );
    check(
        "publication",
        &mut store,
        &[("publication", "upsert"), ("disclosure_record", "upsert")],
        &|s| {
            s.publish_record(&publication(provisional.id), &outbox(provisional.id))
                .unwrap();
        },
    );
    check(
        "withdrawal",
        &mut store,
        &[("disclosure_record", "upsert")],
        &|s| {
            s.withdraw_record(provisional.id, &outbox(provisional.id))
                .unwrap();
        },
    );
    check(
        "county notice",
        &mut store,
        &[("county_notice", "upsert")],
        &|s| {
            s.add_county_notice("notice-1", "v1", "通知", "正文", "2026-11-01")
                .unwrap();
        },
    );
    let list = payout_list(&store);
    check(
        "payout import",
        &mut store,
        &[("payout_list", "upsert")],
        &|s| s.insert_payout_list(&list).unwrap(),
    );
    check(
        "payout posting",
        &mut store,
        &[("payout_list", "upsert"), ("payout_posting", "upsert")],
        &|s| {
            s.post_payout_list(
                list.id,
                day("2025-12-01"),
                day("2025-12-07"),
                &outbox(list.id),
            )
            .unwrap();
        },
    );
    check(
        "payout archive",
        &mut store,
        &[
            ("payout_list", "upsert"),
            ("payout_archive", "upsert"),
            ("payout_archive_file", "upsert"),
        ],
        &|s| {
            let notice = ArchivedNotice {
                village: list.rows[0].village,
                file_name: "公示.pdf".to_owned(),
                pdf: b"%PDF".to_vec(),
                sha256: "cd".repeat(32),
            };
            s.archive_payout_list(list.id, "ff", &[notice]).unwrap();
        },
    );
    // Local and derived state: nothing logged.
    check("sync bookkeeping", &mut store, &[], &|s| {
        s.create_sync_identity("secret", "ed25519:pk").unwrap();
        s.set_portal_url("http://127.0.0.1:1").unwrap();
        s.next_sync_seq(|last| last + 1).unwrap();
        let pending: Vec<String> = s
            .pending_entries(100)
            .unwrap()
            .into_iter()
            .map(|e| e.entry_id)
            .collect();
        s.settle_entries(&pending, &[]).unwrap();
        s.set_sync_cursor("notices", "c1").unwrap();
        s.log_sync_run(&SyncRun {
            started_at: "2026-11-01T00:00:00.000Z".to_owned(),
            finished_at: "2026-11-01T00:00:01.000Z".to_owned(),
            trigger: "manual".to_owned(),
            pushed: 0,
            pulled: 0,
            pending: 0,
            error: None,
        })
        .unwrap();
    });
    check("import template", &mut store, &[], &|s| {
        let template = ImportTemplate {
            id: RowId::new(),
            name: "一卡通导出".to_owned(),
            columns: vec![TemplateColumn {
                header: "持卡人".to_owned(),
                column: Some("name".to_owned()),
            }],
            updated_at: String::new(),
        };
        s.save_import_template(&template).unwrap();
        s.delete_import_template(template.id).unwrap();
    });
    check("benchmark search filler", &mut store, &[], &|s| {
        s.bench_fill_search_index(
            "record",
            std::iter::once(("r1".to_owned(), "标题".to_owned(), "正文".to_owned())),
        )
        .unwrap();
    });
    check("installation key", &mut store, &[], &|s| {
        s.installation_key().unwrap();
    });

    let wrong: Vec<String> = results
        .iter()
        .filter(|(_, (logged, expected))| logged != expected)
        .map(|(name, (logged, expected))| {
            format!("{name}: logged {logged:?}, expected {expected:?}")
        })
        .collect();
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}
