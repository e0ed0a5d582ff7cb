//! Boards through the commands: a template applied to every village, layouts refused naming
//! the zone (dragged past an edge, overlapping), a board departing from its template only
//! with a reason, hand-drawn boards, retiring, the village that keeps its boards, the 示意图,
//! and the lived-in demo's boards.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use gongkai_api::wire::{
    Board, BoardCadence, BoardDiagramArgs, BoardGetArgs, BoardInput, BoardLayoutInput,
    BoardRetireArgs, BoardScope, BoardTemplateApplyArgs, BoardTemplateInput, BoardsListArgs,
    IdArgs, NoArgs, PaperSize, SheetOrientation, ZoneInput, ZoneRect,
};
use gongkai_api::{Api, ApiError};
use support::{demo, pdf_text};
use tempfile::TempDir;

mod support;

fn apply_three_affairs(api: &Api) -> Vec<Board> {
    api.board_template_apply(BoardTemplateApplyArgs {
        template_id: "sanwu".into(),
        village_ids: None,
        replace: false,
    })
    .unwrap()
    .boards
}

/// A board's zones as the designer sends them back.
fn inputs(board: &Board) -> Vec<ZoneInput> {
    board
        .zones
        .iter()
        .map(|z| ZoneInput {
            id: z.id.clone(),
            name: z.name.clone(),
            rect: z.rect,
            cadence: z.cadence,
            due_day: z.due_day,
            due_within_days: z.due_within_days,
            due_in_working_days: z.due_in_working_days,
            min_days: z.min_days,
        })
        .collect()
}

fn save_layout(
    api: &Api,
    board: &Board,
    zones: Vec<ZoneInput>,
    reason: Option<&str>,
) -> Result<Board, ApiError> {
    api.board_layout_save(BoardLayoutInput {
        board_id: board.id.clone(),
        width: board.width as i32,
        height: board.height as i32,
        zones,
        deviation_reason: reason.map(str::to_owned),
    })
}

#[test]
fn the_three_affairs_template_goes_to_every_village_with_what_each_zone_holds() {
    let dir = TempDir::new().unwrap();
    let api = demo(&dir);
    let templates = api.board_templates_list(NoArgs {}).unwrap().templates;
    let township = templates.iter().find(|t| t.id == "township").unwrap();
    assert_eq!(township.scope, BoardScope::Township);

    let boards = apply_three_affairs(&api);
    let villages = api.profile_get(NoArgs {}).unwrap().villages;
    assert_eq!(boards.len(), villages.len());
    let mut names: Vec<&str> = boards
        .iter()
        .map(|b| b.village_name.as_deref().unwrap())
        .collect();
    names.sort_unstable();
    let mut expected: Vec<&str> = villages.iter().map(|v| v.name.as_str()).collect();
    expected.sort_unstable();
    assert_eq!(names, expected);
    let board = &boards[0];
    assert_eq!(
        board.template_name.as_deref(),
        Some("三务公开栏（党务·村务·财务）")
    );
    assert_eq!(
        (board.layout_version, board.width, board.height),
        (1, 2400, 1200)
    );
    let finance = &board.zones[2];
    assert_eq!(
        (
            finance.name.as_str(),
            finance.cadence,
            finance.rule.as_str()
        ),
        ("财务公开", BoardCadence::Monthly, "每月，次月 15 日前")
    );
    let a4_portrait = finance
        .sheet_fits
        .iter()
        .find(|f| f.paper == PaperSize::A4 && f.orientation == SheetOrientation::Portrait)
        .unwrap();
    assert_eq!(
        (a4_portrait.columns, a4_portrait.rows, a4_portrait.count),
        (3, 3, 9)
    );
    assert_eq!(finance.sheet_fits.len(), 4);

    // The wire speaks camelCase, the cadence by its key.
    let json = serde_json::to_value(finance).unwrap();
    assert_eq!(json["cadence"], "monthly");
    assert_eq!(json["sheetFits"][0]["paper"], "A4");
    assert_eq!(json["dueDay"], 15);

    // Applied again: nothing new.
    let again = api
        .board_template_apply(BoardTemplateApplyArgs {
            template_id: "sanwu".into(),
            village_ids: None,
            replace: true,
        })
        .unwrap();
    assert!(again.created.is_empty() && again.replaced.is_empty());
    assert_eq!(again.kept.len(), villages.len());
}

#[test]
fn a_zone_dragged_past_an_edge_or_onto_another_is_refused_naming_it() {
    let dir = TempDir::new().unwrap();
    let api = demo(&dir);
    let board = apply_three_affairs(&api).remove(0);

    let mut zones = inputs(&board);
    zones[0].rect.x = -30;
    let error = save_layout(&api, &board, zones, Some("试验")).unwrap_err();
    assert_eq!(error.code, "invalid_input");
    assert_eq!(error.message, "版块“党务公开”的左边超出公开栏 30 mm");

    let mut zones = inputs(&board);
    zones[2].rect.y = 300;
    let error = save_layout(&api, &board, zones, Some("试验")).unwrap_err();
    assert_eq!(error.code, "board");
    assert!(
        error
            .message
            .contains("版块“财务公开”的下边超出公开栏 40 mm"),
        "{}",
        error.message
    );
    assert!(
        error.message.contains("版块“财务公开”与“监督电话”重叠"),
        "{}",
        error.message
    );

    let mut zones = inputs(&board);
    zones[1].cadence = BoardCadence::AsNeeded;
    zones[1].due_day = None;
    let error = save_layout(&api, &board, zones, Some("试验")).unwrap_err();
    assert!(
        error.message.contains("版块“村务公开”"),
        "{}",
        error.message
    );

    let unchanged = api
        .board_get(BoardGetArgs {
            id: board.id.clone(),
            version: None,
        })
        .unwrap();
    assert_eq!(unchanged, board, "nothing written");
}

#[test]
fn a_village_departs_from_the_template_only_with_a_reason() {
    let dir = TempDir::new().unwrap();
    let api = demo(&dir);
    let board = apply_three_affairs(&api).remove(0);
    let mut zones = inputs(&board);
    zones.push(ZoneInput {
        id: None,
        name: "回音壁".into(),
        rect: ZoneRect {
            x: 2350,
            y: 120,
            width: 40,
            height: 300,
        },
        cadence: BoardCadence::Standing,
        due_day: None,
        due_within_days: None,
        due_in_working_days: false,
        min_days: None,
    });
    let error = save_layout(&api, &board, zones.clone(), None).unwrap_err();
    assert!(
        error.message.contains("请填写调整原因"),
        "{}",
        error.message
    );
    let saved = save_layout(&api, &board, zones, Some("村民议事会要求设回音壁")).unwrap();
    assert_eq!(
        saved.layout_version, 1,
        "no sheet posted: the version is rewritten"
    );
    assert_eq!(saved.zones.len(), 5);
    assert!(saved.zones[4].id.is_some(), "the new zone got an id");
    assert_eq!(saved.zones[2].id, board.zones[2].id);
    assert_eq!(
        saved.deviation_reason.as_deref(),
        Some("村民议事会要求设回音壁")
    );

    // Applying the template again with replace gives the village the template's layout back.
    let village = board.village_id.clone().unwrap();
    let outcome = api
        .board_template_apply(BoardTemplateApplyArgs {
            template_id: "sanwu".into(),
            village_ids: Some(vec![village]),
            replace: true,
        })
        .unwrap();
    assert_eq!(outcome.replaced, std::slice::from_ref(&board.id));
    let back = api
        .board_get(BoardGetArgs {
            id: board.id.clone(),
            version: None,
        })
        .unwrap();
    assert_eq!(back.zones.len(), 4);
    assert_eq!(back.deviation_reason, None);
}

#[test]
fn a_hand_drawn_board_is_made_resized_and_retired_and_its_village_stays() {
    let dir = TempDir::new().unwrap();
    let api = demo(&dir);
    let village = api.profile_get(NoArgs {}).unwrap().villages[1].clone();
    let board = api
        .board_save(BoardInput {
            id: None,
            village_id: Some(village.id.clone()),
            name: "三组公开栏".into(),
            location: "三组晒场边".into(),
            width: Some(1200),
            height: Some(900),
            deviation_reason: None,
        })
        .unwrap();
    assert_eq!(board.village_name.as_deref(), Some(village.name.as_str()));
    assert!(board.zones.is_empty() && board.template_id.is_none());
    let zone = ZoneInput {
        id: None,
        name: "组务公开".into(),
        rect: ZoneRect {
            x: 40,
            y: 40,
            width: 670,
            height: 614,
        },
        cadence: BoardCadence::Quarterly,
        due_day: Some(20),
        due_within_days: None,
        due_in_working_days: false,
        min_days: Some(5),
    };
    let board = save_layout(&api, &board, vec![zone], None).unwrap();
    assert_eq!(board.zones[0].rule, "每季度，下季度首月 20 日前");

    // Narrower than the zone: refused naming it; wide enough: saved.
    let error = api
        .board_save(BoardInput {
            id: Some(board.id.clone()),
            village_id: None,
            name: "三组公开栏".into(),
            location: "三组晒场边".into(),
            width: Some(700),
            height: None,
            deviation_reason: None,
        })
        .unwrap_err();
    assert_eq!(error.message, "版块“组务公开”的右边超出公开栏 10 mm");
    let resized = api
        .board_save(BoardInput {
            id: Some(board.id.clone()),
            village_id: None,
            name: "三组村务公开栏".into(),
            location: "三组晒场边".into(),
            width: Some(800),
            height: None,
            deviation_reason: None,
        })
        .unwrap();
    assert_eq!(
        (resized.width, resized.name.as_str()),
        (800, "三组村务公开栏")
    );

    let error = api
        .village_delete(IdArgs {
            id: village.id.clone(),
        })
        .unwrap_err();
    assert_eq!(error.code, "board");
    assert!(
        error.message.contains(village.name.as_str()),
        "{}",
        error.message
    );

    let retired = api
        .board_retire(BoardRetireArgs {
            id: board.id.clone(),
            on: Some("2026-11-30".into()),
        })
        .unwrap();
    assert_eq!(retired.retired_on.as_deref(), Some("2026-11-30"));
    let in_use = api.boards_list(BoardsListArgs::default()).unwrap().boards;
    assert!(in_use.iter().all(|b| b.id != board.id));
    let all = api
        .boards_list(BoardsListArgs {
            include_retired: true,
        })
        .unwrap()
        .boards;
    assert!(all.iter().any(|b| b.id == board.id));
    assert!(api.village_delete(IdArgs { id: village.id }).is_err());
}

#[test]
fn a_template_of_the_township_own_is_saved_and_applied_to_the_township() {
    let dir = TempDir::new().unwrap();
    let api = demo(&dir);
    let zone = |name: &str, x: i32, cadence, due_day, within| ZoneInput {
        id: None,
        name: name.into(),
        rect: ZoneRect {
            x,
            y: 100,
            width: 440,
            height: 614,
        },
        cadence,
        due_day,
        due_within_days: within,
        due_in_working_days: within.is_some(),
        min_days: Some(7),
    };
    let templates = api
        .board_template_save(BoardTemplateInput {
            id: None,
            name: "便民服务中心公开栏".into(),
            scope: BoardScope::Township,
            note: "本镇自定".into(),
            width: 1000,
            height: 800,
            zones: vec![
                zone("政务公开", 40, BoardCadence::Monthly, Some(10), None),
                zone("重大事项", 520, BoardCadence::AsNeeded, None, Some(20)),
            ],
        })
        .unwrap()
        .templates;
    let mine = templates
        .iter()
        .find(|t| t.name == "便民服务中心公开栏")
        .unwrap();
    assert_eq!(mine.zones[1].rule, "随时，20 个工作日内");
    let applied = api
        .board_template_apply(BoardTemplateApplyArgs {
            template_id: mine.id.clone(),
            village_ids: None,
            replace: false,
        })
        .unwrap();
    let board = applied
        .boards
        .iter()
        .find(|b| b.id == applied.created[0])
        .unwrap();
    assert_eq!(
        (board.village_id.as_deref(), board.name.as_str()),
        (None, "便民服务中心公开栏")
    );

    let overlapping = api
        .board_template_save(BoardTemplateInput {
            id: Some(mine.id.clone()),
            name: mine.name.clone(),
            scope: BoardScope::Township,
            note: String::new(),
            width: 1000,
            height: 800,
            zones: vec![
                zone("政务公开", 40, BoardCadence::Monthly, Some(10), None),
                zone("重大事项", 400, BoardCadence::AsNeeded, None, Some(20)),
            ],
        })
        .unwrap_err();
    assert_eq!(overlapping.message, "版块“政务公开”与“重大事项”重叠");
}

/// The 示意图 of a board: a real PDF whose text names the board and every zone.
#[test]
fn the_diagram_of_a_board_names_its_zones() {
    let dir = TempDir::new().unwrap();
    let api = demo(&dir);
    let board = apply_three_affairs(&api).remove(0);
    let out = dir.path().join("示意图.pdf");
    let written = api
        .board_diagram(BoardDiagramArgs {
            board_id: board.id.clone(),
            version: None,
            out: out.display().to_string(),
        })
        .unwrap();
    assert_eq!(written.path, out.display().to_string());
    let text = pdf_text(&out);
    for zone in ["党务公开", "村务公开", "财务公开", "监督电话"] {
        assert!(text.contains(zone), "{zone} missing from:\n{text}");
    }
    assert!(text.contains("三务公开栏"), "{text}");
}

#[test]
fn the_lived_in_demo_has_a_board_for_every_village_and_the_township() {
    let dir = TempDir::new().unwrap();
    let api = Api::new(dir.path().join("demo.sqlite3"));
    let profile = api.setup_demo_lived_in(NoArgs {}).unwrap();
    let boards = api.boards_list(BoardsListArgs::default()).unwrap().boards;
    for village in &profile.villages {
        assert!(
            boards
                .iter()
                .any(|b| b.village_id.as_deref() == Some(village.id.as_str())
                    && b.template_id.as_deref() == Some("sanwu")),
            "{} has no 三务公开栏",
            village.name
        );
    }
    let township = boards.iter().find(|b| b.village_id.is_none()).unwrap();
    assert_eq!(township.template_id.as_deref(), Some("township"));
    assert_eq!(township.location, "镇便民服务中心一楼大厅");
}
