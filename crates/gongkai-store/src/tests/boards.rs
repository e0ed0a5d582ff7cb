//! Boards, templates and layouts (migration 14): the domain check names the zone before
//! anything is written, the triggers hold the same for any other writer, layouts are
//! versioned once a posting sits on them, and applying a template is one transaction.

use gongkai_boards::{Cadence, DueDay, Layout, Millimetres, Rect, Zone};
use gongkai_domain::RowId;
use rusqlite::params;
use tempfile::TempDir;

use super::{demo_store, refused_by_trigger};
use crate::{ApplyTarget, BoardLayout, NewBoard, Store, StoreError, ZoneDraft};

fn board_count(store: &Store) -> i64 {
    store
        .conn
        .query_row("SELECT count(*) FROM board", [], |r| r.get(0))
        .unwrap()
}

fn layout_rows(store: &Store) -> i64 {
    store
        .conn
        .query_row(
            "SELECT (SELECT count(*) FROM board_layout) + (SELECT count(*) FROM board_zone)",
            [],
            |r| r.get(0),
        )
        .unwrap()
}

#[track_caller]
fn refused(result: Result<impl std::fmt::Debug, StoreError>) -> String {
    match result {
        Err(StoreError::Board(message)) => message,
        other => panic!("expected a board refusal, got {other:?}"),
    }
}

/// The zones of `layout` as drafts keeping their ids.
fn drafts(layout: &BoardLayout) -> Vec<ZoneDraft> {
    layout
        .zones
        .iter()
        .map(|z| ZoneDraft {
            id: Some(z.id.clone()),
            zone: z.zone.clone(),
        })
        .collect()
}

/// A composed sheet and a draft posting of it on `zone` of the board's layout `version`, by
/// plain SQL: what the postings module writes, reduced to the columns the layout rules read.
fn post_on(store: &Store, board: RowId, version: u32, zone: &str) -> String {
    let sheet = RowId::new().to_string();
    let posting = RowId::new().to_string();
    store
        .conn
        .execute(
            "INSERT INTO composed_sheet (id, kind, title, body, issuer, issued_on, paper,
                 created_at, updated_at)
             VALUES (?1, 'tongzhi', '通知', '正文', '示范镇人民政府', '2026-11-02', 'A4', 'now', 'now')",
            [&sheet],
        )
        .unwrap();
    store
        .conn
        .execute(
            "INSERT INTO posting (id, board_id, layout_version, zone_id, round, period, source,
                 sheet_id, title, register_no, notice_from, notice_to, status, created_at,
                 updated_at)
             VALUES (?1, ?2, ?3, ?4, '2026年11月', NULL, 'composed', ?5, '通知', ?1,
                 '2026-11-02', '2026-11-12', 'draft', 'now', 'now')",
            params![posting, board.to_string(), version, zone, sheet],
        )
        .unwrap();
    posting
}

fn three_affairs_everywhere(store: &mut Store) -> Vec<RowId> {
    store
        .apply_board_template("sanwu", &ApplyTarget::AllVillages, false)
        .unwrap()
        .created
}

#[test]
fn the_seeded_templates_read_back_and_pass_the_layout_check() {
    let dir = TempDir::new().unwrap();
    let store = demo_store(&dir);
    let templates = store.board_templates().unwrap();
    let ids: Vec<&str> = templates.iter().map(|t| t.id.as_str()).collect();
    assert_eq!(ids.len(), 3, "{ids:?}");
    for template in &templates {
        assert_eq!(template.layout.check(), Ok(()), "{}", template.name);
    }
    let sanwu = store.board_template("sanwu").unwrap().unwrap();
    let names: Vec<&str> = sanwu.layout.zones.iter().map(|z| z.name.as_str()).collect();
    assert_eq!(names, ["党务公开", "村务公开", "财务公开", "监督电话"]);
    assert_eq!(
        sanwu.layout.zones[2].cadence,
        Cadence::Monthly(DueDay::new(15).unwrap())
    );
    let siwu = store.board_template("siwu").unwrap().unwrap();
    assert_eq!(
        siwu.layout.zones[1].cadence,
        Cadence::AsNeeded {
            within_days: 20,
            working: true
        }
    );
}

#[test]
fn applying_a_template_makes_a_board_per_village_and_again_keeps_them() {
    let dir = TempDir::new().unwrap();
    let mut store = demo_store(&dir);
    let villages = store.villages().unwrap();
    let created = three_affairs_everywhere(&mut store);
    assert_eq!(created.len(), villages.len());
    let boards = store.boards(false).unwrap();
    assert_eq!(boards.len(), villages.len());
    for board in &boards {
        assert_eq!(board.name, "三务公开栏");
        assert_eq!(board.template_id.as_deref(), Some("sanwu"));
        assert_eq!(board.layout_version, 1);
        assert!(board.village_name.is_some());
        let layout = store.board_layout(board.id, None).unwrap();
        assert_eq!(
            layout.layout(),
            store.board_template("sanwu").unwrap().unwrap().layout
        );
    }
    let again = store
        .apply_board_template("sanwu", &ApplyTarget::AllVillages, true)
        .unwrap();
    assert!(again.created.is_empty() && again.replaced.is_empty());
    assert_eq!(again.kept.len(), villages.len(), "equal layouts are kept");
    assert_eq!(board_count(&store), villages.len() as i64);

    let township = store
        .apply_board_template("township", &ApplyTarget::Township, false)
        .unwrap();
    let board = store.board(township.created[0]).unwrap().unwrap();
    assert_eq!(
        (board.village_id, board.name.as_str()),
        (None, "乡镇政务公开栏")
    );
    assert!(
        refused(store.apply_board_template("township", &ApplyTarget::AllVillages, false))
            .contains("不能用于村（社区）")
    );
    assert!(
        refused(store.apply_board_template("sanwu", &ApplyTarget::Township, false))
            .contains("不能用于本镇")
    );
}

/// A village in the middle already has a board of that name drawn by hand: the whole
/// application is refused, naming it, and no village got a board.
#[test]
fn applying_to_all_villages_is_one_transaction() {
    let dir = TempDir::new().unwrap();
    let mut store = demo_store(&dir);
    let villages = store.villages().unwrap();
    assert!(villages.len() >= 3);
    let middle = &villages[villages.len() / 2];
    store
        .insert_board(&NewBoard {
            id: RowId::new(),
            village_id: Some(middle.id),
            name: "三务公开栏".into(),
            location: "村委会门口".into(),
            layout: Layout {
                width: Millimetres::new(1200),
                height: Millimetres::new(900),
                zones: vec![],
            },
        })
        .unwrap();
    let (boards, layouts) = (board_count(&store), layout_rows(&store));
    let message = refused(store.apply_board_template("sanwu", &ApplyTarget::AllVillages, false));
    assert!(message.contains(middle.name.as_str()), "{message}");
    assert!(message.contains("不是按模板"), "{message}");
    assert_eq!(
        (board_count(&store), layout_rows(&store)),
        (boards, layouts)
    );

    // A failure inside the transaction, at the middle village's board: the boards already
    // made for the villages before it go too.
    store
        .conn
        .execute_batch(&format!(
            "UPDATE board SET name = '旧公开栏';
             CREATE TEMP TRIGGER fail_in_the_middle BEFORE INSERT ON board
             WHEN NEW.village_id = '{}' BEGIN SELECT RAISE(ABORT, '中途失败'); END;",
            middle.id
        ))
        .unwrap();
    let (boards, layouts) = (board_count(&store), layout_rows(&store));
    match store.apply_board_template("sanwu", &ApplyTarget::AllVillages, false) {
        Err(StoreError::Sqlite(e)) => assert!(e.to_string().contains("中途失败"), "{e}"),
        other => panic!("{other:?}"),
    }
    assert_eq!(
        (board_count(&store), layout_rows(&store)),
        (boards, layouts)
    );
    store
        .conn
        .execute_batch("DROP TRIGGER fail_in_the_middle")
        .unwrap();
    let created = three_affairs_everywhere(&mut store);
    assert_eq!(created.len(), villages.len(), "then it goes through");
}

/// A row in every table of migration 14, for the change-log test: boards, layouts and zones
/// by the store's write paths; a composed sheet, a posting, an objection and a photo by plain
/// SQL (the postings and photos modules' own write paths may take their place).
pub(super) fn fill_board_tables(store: &mut Store) {
    let board = three_affairs_everywhere(store)[0];
    let finance = store.board_layout(board, None).unwrap().zones[2].id.clone();
    let posting = post_on(store, board, 1, &finance);
    let sha = "ab".repeat(32);
    store
        .conn
        .execute_batch(&format!(
            "INSERT INTO posting_objection (id, posting_id, received_on, from_whom, content,
                 recorded_at)
             VALUES ('{objection}', '{posting}', '2026-11-03', '村民', '金额有误', 'now');
             INSERT INTO photo (sha256, content, thumbnail, width, height, original_name,
                 original_size, original_sha256, added_at)
             VALUES ('{sha}', x'FFD8', x'FFD8', 1, 1, 'a.jpg', 2, '{sha}', 'now');
             INSERT INTO posting_photo (posting_id, sha256, added_at)
             VALUES ('{posting}', '{sha}', 'now');",
            objection = RowId::new(),
        ))
        .unwrap();
}

#[test]
fn overlapping_or_outside_zones_are_refused_with_the_zone_named_and_nothing_written() {
    let dir = TempDir::new().unwrap();
    let mut store = demo_store(&dir);
    let board = three_affairs_everywhere(&mut store)[0];
    let current = store.board_layout(board, None).unwrap();
    let before = layout_rows(&store);

    let mut zones = drafts(&current);
    zones[1].zone.rect.x = Millimetres::new(700);
    let message = refused(store.save_board_layout(
        board,
        current.width,
        current.height,
        &zones,
        Some("村委会要求"),
    ));
    assert_eq!(message, "版块“党务公开”与“村务公开”重叠");

    let mut zones = drafts(&current);
    zones[2].zone.rect.width = Millimetres::new(800);
    let message = refused(store.save_board_layout(
        board,
        current.width,
        current.height,
        &zones,
        Some("村委会要求"),
    ));
    assert_eq!(message, "版块“财务公开”的右边超出公开栏 40 mm");
    assert_eq!(layout_rows(&store), before);

    // The database holds the same rule for any other writer.
    let id = board.to_string();
    refused_by_trigger(
        store.conn.execute(
            "INSERT INTO board_zone (board_id, version, zone_id, position, name, x_mm, y_mm,
                 width_mm, height_mm, cadence)
             VALUES (?1, 1, 'z', 9, '补充', 700, 120, 100, 100, 'standing')",
            [&id],
        ),
        "版块相互重叠",
    );
    refused_by_trigger(
        store.conn.execute(
            "INSERT INTO board_zone (board_id, version, zone_id, position, name, x_mm, y_mm,
                 width_mm, height_mm, cadence)
             VALUES (?1, 1, 'z', 9, '补充', 2350, 10, 100, 100, 'standing')",
            [&id],
        ),
        "版块超出公开栏范围",
    );
}

#[test]
fn a_posting_keeps_its_layout_version_when_the_layout_changes() {
    let dir = TempDir::new().unwrap();
    let mut store = demo_store(&dir);
    let board = three_affairs_everywhere(&mut store)[0];
    let v1 = store.board_layout(board, None).unwrap();
    let finance = v1.zones[2].id.clone();

    // Nothing posted yet: the version in force is rewritten, no new version.
    let mut zones = drafts(&v1);
    zones[3].zone.name = "监督电话：0000-1234567".into();
    let version = store
        .save_board_layout(board, v1.width, v1.height, &zones, Some("加上电话号码"))
        .unwrap();
    assert_eq!(version, 1);
    let v1 = store.board_layout(board, None).unwrap();
    assert_eq!(v1.zones[3].zone.name, "监督电话：0000-1234567");

    let posting = post_on(&store, board, 1, &finance);

    // Moved and a zone added: a new version; the posting stays on version 1 as it was.
    let mut zones = drafts(&v1);
    zones[2].zone.rect = Rect::new(1640, 120, 670, 800);
    zones.push(ZoneDraft {
        id: None,
        zone: Zone {
            name: "回音壁".into(),
            rect: Rect::new(1640, 930, 670, 130),
            cadence: Cadence::Standing,
            min_days: None,
        },
    });
    let version = store
        .save_board_layout(board, v1.width, v1.height, &zones, None)
        .unwrap();
    assert_eq!(version, 2);
    let stored = store.board(board).unwrap().unwrap();
    assert_eq!(stored.layout_version, 2);
    assert_eq!(stored.deviation_reason.as_deref(), Some("加上电话号码"));
    assert_eq!(
        store.board_layout(board, Some(1)).unwrap(),
        v1,
        "v1 unchanged"
    );
    let v2 = store.board_layout(board, None).unwrap();
    assert_eq!(v2.zones[2].id, finance, "the moved zone is the same zone");
    assert_eq!(v2.zones[2].zone.rect, Rect::new(1640, 120, 670, 800));
    assert_eq!(v2.zones.len(), 5);
    let (on_version, zone): (u32, String) = store
        .conn
        .query_row(
            "SELECT layout_version, zone_id FROM posting WHERE id = ?1",
            [&posting],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert_eq!((on_version, zone), (1, finance));

    // Version 1 is frozen for any writer.
    refused_by_trigger(
        store.conn.execute(
            "UPDATE board_zone SET x_mm = 0 WHERE board_id = ?1 AND version = 1",
            [board.to_string()],
        ),
        "已有张贴的版面不能修改：请另存为新版面",
    );
    // Saving the same layout again changes nothing.
    let again = store
        .save_board_layout(board, v2.width, v2.height, &drafts(&v2), None)
        .unwrap();
    assert_eq!(again, 2);
    assert_eq!(store.board_layout(board, None).unwrap(), v2);
}

#[test]
fn a_board_departing_from_its_template_needs_a_reason_and_reapplying_clears_it() {
    let dir = TempDir::new().unwrap();
    let mut store = demo_store(&dir);
    let board = three_affairs_everywhere(&mut store)[0];
    let v1 = store.board_layout(board, None).unwrap();
    let mut zones = drafts(&v1);
    zones[0].zone.min_days = Some(5);
    let message = refused(store.save_board_layout(board, v1.width, v1.height, &zones, None));
    assert!(message.contains("请填写调整原因"), "{message}");
    assert!(message.contains("三务公开栏"), "{message}");
    store
        .save_board_layout(
            board,
            v1.width,
            v1.height,
            &zones,
            Some("本村按山东办法公开 5 天"),
        )
        .unwrap();
    let finance = v1.zones[2].id.clone();
    post_on(&store, board, 1, &finance);

    let outcome = store
        .apply_board_template(
            "sanwu",
            &ApplyTarget::Villages(vec![
                store.board(board).unwrap().unwrap().village_id.unwrap(),
            ]),
            true,
        )
        .unwrap();
    assert_eq!(outcome.replaced, [board]);
    let stored = store.board(board).unwrap().unwrap();
    assert_eq!(stored.deviation_reason, None);
    assert_eq!(stored.layout_version, 2, "a posting sat on version 1");
    let v2 = store.board_layout(board, None).unwrap();
    assert_eq!(
        v2.zones[2].id, finance,
        "zones matched by name keep their ids"
    );
    assert_eq!(
        v2.layout(),
        store.board_template("sanwu").unwrap().unwrap().layout
    );
}

#[test]
fn a_retired_board_is_frozen_and_a_village_with_boards_is_not_deleted() {
    let dir = TempDir::new().unwrap();
    let mut store = demo_store(&dir);
    let board = three_affairs_everywhere(&mut store)[0];
    let village = store.board(board).unwrap().unwrap();
    let message = match store.delete_village(village.village_id.unwrap()) {
        Err(StoreError::Board(message)) => message,
        other => panic!("{other:?}"),
    };
    assert!(
        message.contains(village.village_name.as_deref().unwrap())
            && message.contains("1 块公开栏"),
        "{message}"
    );
    store
        .retire_board(board, "2026-11-30".parse().unwrap())
        .unwrap();
    assert!(refused(store.update_board(board, "旧公开栏", "")).contains("停用"));
    assert!(store.boards(false).unwrap().iter().all(|b| b.id != board));
    assert!(store.boards(true).unwrap().iter().any(|b| b.id == board));
    // Its name is free again: applying the template makes a new board there.
    let outcome = store
        .apply_board_template(
            "sanwu",
            &ApplyTarget::Villages(vec![village.village_id.unwrap()]),
            false,
        )
        .unwrap();
    assert_eq!(outcome.created.len(), 1);
    assert!(matches!(
        store.delete_village(village.village_id.unwrap()),
        Err(StoreError::Board(_))
    ));
}

#[test]
fn templates_are_saved_with_their_zones_checked() {
    let dir = TempDir::new().unwrap();
    let mut store = demo_store(&dir);
    let mut template = store.board_template("siwu").unwrap().unwrap();
    template.id = RowId::new().to_string();
    template.name = "四务公开栏（本县样式）".into();
    template.layout.zones.truncate(2);
    store.save_board_template(&template).unwrap();
    let saved = store.board_template(&template.id).unwrap().unwrap();
    assert_eq!(saved.layout, template.layout);
    template.layout.zones[1].rect.x = Millimetres::new(100);
    assert_eq!(
        refused(store.save_board_template(&template)),
        "版块“党务公开”与“政务公开”重叠"
    );
    assert_eq!(
        store.board_template(&template.id).unwrap().unwrap().layout,
        saved.layout
    );
    let mut copy = saved.clone();
    copy.id = RowId::new().to_string();
    assert!(matches!(
        store.save_board_template(&copy),
        Err(StoreError::Duplicate { .. })
    ));
}

/// The domain check and the database's triggers draw the same line: over generated layouts,
/// one the check passes is saved, and one it refuses for an edge or an overlap is refused by
/// the triggers too when written by plain SQL.
#[test]
fn the_triggers_refuse_exactly_what_the_layout_check_refuses() {
    let dir = TempDir::new().unwrap();
    let mut store = demo_store(&dir);
    let board = RowId::new();
    let (width, height) = (Millimetres::new(2400), Millimetres::new(1200));
    store
        .insert_board(&NewBoard {
            id: board,
            village_id: None,
            name: "试验栏".into(),
            location: String::new(),
            layout: Layout {
                width,
                height,
                zones: vec![],
            },
        })
        .unwrap();
    let mut seed = 0x2545_F491_4F6C_DD1D_u64;
    let mut below = |n: u32| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        u32::try_from(seed % u64::from(n)).unwrap()
    };
    let (mut passed, mut refused_count) = (0, 0);
    for round in 0..300 {
        let zones: Vec<ZoneDraft> = (0..3)
            .map(|i| ZoneDraft {
                id: None,
                zone: Zone {
                    name: format!("版块{i}"),
                    rect: Rect::new(below(2300), below(1100), 1 + below(900), 1 + below(500)),
                    cadence: Cadence::Standing,
                    min_days: None,
                },
            })
            .collect();
        let layout = Layout {
            width,
            height,
            zones: zones.iter().map(|z| z.zone.clone()).collect(),
        };
        let checked = layout.check();
        let saved = store.save_board_layout(board, width, height, &zones, None);
        assert_eq!(checked.is_ok(), saved.is_ok(), "round {round}: {saved:?}");
        if checked.is_ok() {
            passed += 1;
            continue;
        }
        refused_count += 1;
        // The same zones by plain SQL into a version of their own, rolled back.
        let tx = store.conn.transaction().unwrap();
        tx.execute(
            "INSERT INTO board_layout (board_id, version, width_mm, height_mm, made_at)
             VALUES (?1, 99, 2400, 1200, 'now')",
            [board.to_string()],
        )
        .unwrap();
        let mut refusal = None;
        for (i, z) in layout.zones.iter().enumerate() {
            let written = tx.execute(
                "INSERT INTO board_zone (board_id, version, zone_id, position, name, x_mm, y_mm,
                     width_mm, height_mm, cadence)
                 VALUES (?1, 99, ?2, ?2, ?3, ?4, ?5, ?6, ?7, 'standing')",
                params![
                    board.to_string(),
                    i + 1,
                    z.name,
                    z.rect.x.get(),
                    z.rect.y.get(),
                    z.rect.width.get(),
                    z.rect.height.get()
                ],
            );
            if let Err(e) = written {
                refusal = Some(e.to_string());
                break;
            }
        }
        tx.rollback().unwrap();
        let refusal = refusal.unwrap_or_else(|| panic!("round {round}: the triggers let it in"));
        assert!(
            refusal.contains("版块超出公开栏范围") || refusal.contains("版块相互重叠"),
            "round {round}: {refusal}"
        );
    }
    assert!(
        passed > 20 && refused_count > 20,
        "{passed} passed, {refused_count} refused"
    );
}
