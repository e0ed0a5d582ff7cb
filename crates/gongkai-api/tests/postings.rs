//! Postings end to end through the API, on the demo township with the 三务 template applied to
//! every village and the 乡镇政务公开栏 to the township: composed sheets posted on zones, a
//! round's packs printed and read back with pdftotext, the lifecycle's refusals, an early
//! take-down and its repost, what falls due (holidays and 调休 counted), the 公开栏更新台账, and
//! the 待办 home.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod support;

use std::path::{Path, PathBuf};

use base64::Engine;
use base64::engine::general_purpose::STANDARD as BASE64;
use chrono::{Datelike, Local, NaiveDate};
use gongkai_api::Api;
use gongkai_api::wire::{
    ComposedSheetInput, IdArgs, NoArgs, ObjectionAddArgs, ObjectionAnswerArgs, PostingAddArgs,
    PostingDetail, PostingMarkPostedArgs, PostingTakeDownArgs, PostingsListArgs, PostingsPrintArgs,
    PostingsRegisterArgs, PostingsRegisterExportArgs, SheetKind, SheetPreviewArgs, SheetTable,
};
use gongkai_boards::{Period, PeriodKind};
use gongkai_store::{ApplyTarget, Store};
use support::{demo, pdf_text};
use tempfile::TempDir;

fn today() -> NaiveDate {
    Local::now().date_naive()
}

/// A board and the id of its zone named `zone`, for a village (or the township: `None`).
struct Zone {
    board_id: String,
    zone_id: String,
}

/// The demo township with boards: 三务 for every village, 乡镇政务公开栏 for the township.
fn with_boards(dir: &TempDir) -> Api {
    let api = demo(dir);
    let mut store = Store::open(&dir.path().join("demo.sqlite3")).unwrap();
    store
        .apply_board_template("sanwu", &ApplyTarget::AllVillages, false)
        .unwrap();
    store
        .apply_board_template("township", &ApplyTarget::Township, false)
        .unwrap();
    api
}

fn zone(dir: &TempDir, village: Option<&str>, zone: &str) -> Zone {
    let store = Store::open(&dir.path().join("demo.sqlite3")).unwrap();
    let board = store
        .boards(false)
        .unwrap()
        .into_iter()
        .find(|b| b.village_name.as_deref() == village)
        .unwrap_or_else(|| panic!("no board for {village:?}"));
    let layout = store.board_layout(board.id, None).unwrap();
    let zone_id = layout
        .zones
        .iter()
        .find(|z| z.zone.name == zone)
        .unwrap_or_else(|| panic!("no zone {zone}"))
        .id
        .clone();
    Zone {
        board_id: board.id.to_string(),
        zone_id,
    }
}

fn village(api: &Api, index: usize) -> String {
    api.profile_get(NoArgs {}).unwrap().villages[index]
        .name
        .clone()
}

fn sheet(title: &str, issuer: &str) -> ComposedSheetInput {
    ComposedSheetInput {
        kind: SheetKind::Gongshi,
        title: title.to_owned(),
        body: "经村民代表会议讨论通过，现将有关情况公示如下。\n公示期内如有异议，请向村务监督委员会反映。"
            .to_owned(),
        table: Some(SheetTable {
            columns: vec!["序号".into(), "项目".into(), "金额（元）".into()],
            rows: vec![
                vec!["1".into(), "村道硬化".into(), "120,000.00".into()],
                vec!["2".into(), "路灯维修".into(), "3,500.00".into()],
            ],
        }),
        period_days: Some(7),
        period_unit: Some("calendar".into()),
        objection_phone: Some("0999-1234567".into()),
        objection_address: Some("村委会办公室".into()),
        issuer: issuer.to_owned(),
        issued_on: today().to_string(),
        paper: None,
        landscape: false,
    }
}

fn add(api: &Api, at: &Zone, round: &str, input: ComposedSheetInput) -> PostingDetail {
    api.posting_add(PostingAddArgs {
        board_id: at.board_id.clone(),
        zone_id: at.zone_id.clone(),
        round: Some(round.to_owned()),
        period: None,
        payout_list_id: None,
        record_id: None,
        sheet: Some(input),
        title: None,
        notice_from: None,
        notice_to: None,
        reposts: None,
    })
    .unwrap()
}

fn print(api: &Api, round: &str, out: &Path, one_file: bool) -> Vec<PathBuf> {
    api.postings_print(PostingsPrintArgs {
        round: round.to_owned(),
        out_dir: out.display().to_string(),
        one_file: Some(one_file),
    })
    .unwrap()
    .packs
    .into_iter()
    .map(|p| PathBuf::from(p.path))
    .collect()
}

fn mark_posted(api: &Api, id: &str, on: NaiveDate) -> Result<PostingDetail, String> {
    api.posting_mark_posted(PostingMarkPostedArgs {
        id: id.to_owned(),
        on: on.to_string(),
        by: "村文书张三".to_owned(),
        photos: None,
    })
    .map_err(|e| e.message)
}

/// Where this test run keeps what is checked by eye (`artifacts/`, git-ignored).
fn artifacts() -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../artifacts/boards");
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn a_rounds_packs_carry_the_village_the_sheets_the_receipt_and_the_register_numbers() {
    let dir = TempDir::new().unwrap();
    let api = with_boards(&dir);
    let (east, west) = (village(&api, 0), village(&api, 1));
    let round = "2026年第四季度 村务公开";
    let first = add(
        &api,
        &zone(&dir, Some(&east), "村务公开"),
        round,
        sheet(
            &format!("{east}关于村道硬化项目的公示"),
            &format!("{east}村民委员会"),
        ),
    );
    let second = add(
        &api,
        &zone(&dir, Some(&east), "财务公开"),
        round,
        sheet(&format!("{east}财务收支公示"), &format!("{east}村民委员会")),
    );
    let third = add(
        &api,
        &zone(&dir, Some(&west), "村务公开"),
        round,
        sheet(
            &format!("{west}关于路灯维修的公示"),
            &format!("{west}村民委员会"),
        ),
    );
    assert_eq!(first.posting.stage.key(), "draft");
    assert_ne!(first.posting.register_no, second.posting.register_no);
    assert!(
        first
            .posting
            .register_no
            .starts_with(&format!("GK-{}-", today().year()))
    );

    let out = dir.path().join("张贴包");
    let packs = print(&api, round, &out, false);
    assert_eq!(packs.len(), 2, "one pack per village board: {packs:?}");
    let east_pack = packs
        .iter()
        .find(|p| p.display().to_string().contains(&east))
        .unwrap();
    let text = pdf_text(east_pack);
    for expected in [
        east.as_str(),
        "张贴示意图",
        "张贴回执",
        "村道硬化项目的公示",
        "财务收支公示",
        first.posting.register_no.as_str(),
        second.posting.register_no.as_str(),
    ] {
        assert!(
            text.contains(expected),
            "{expected} missing from the pack:\n{text}"
        );
    }
    assert!(
        !text.contains("路灯维修的公示"),
        "another village's sheet in the pack"
    );

    // Each posting is 已打印 with its sheet kept; printing again binds every village in one.
    let printed = api
        .posting_get(IdArgs {
            id: first.posting.id.clone(),
        })
        .unwrap();
    assert_eq!(printed.posting.stage.key(), "printed");
    assert!(printed.posting.has_file);
    let bound = print(&api, round, &out, true);
    assert_eq!(bound.len(), 1);
    let text = pdf_text(&bound[0]);
    for expected in [&east, &west, &third.posting.register_no] {
        assert!(
            text.contains(expected.as_str()),
            "{expected} missing from the bound file"
        );
    }

    // The composed sheet as the village sees it, rendered for a look by eye.
    let preview = api
        .sheet_preview(SheetPreviewArgs {
            posting_id: Some(first.posting.id.clone()),
            sheet: None,
        })
        .unwrap();
    let pdf = artifacts().join("composed-sheet.pdf");
    std::fs::write(&pdf, BASE64.decode(preview.pdf_base64).unwrap()).unwrap();
    let text = pdf_text(&pdf);
    assert!(text.contains("公示期"), "{text}");
    assert!(text.contains(&first.posting.register_no), "footer: {text}");
    let status = std::process::Command::new("pdftoppm")
        .args(["-png", "-r", "60", "-f", "1", "-l", "1"])
        .arg(&pdf)
        .arg(artifacts().join("composed-sheet"))
        .status()
        .expect("pdftoppm (poppler-utils) must be installed");
    assert!(status.success());
    std::fs::copy(east_pack, artifacts().join("pack.pdf")).unwrap();
}

#[test]
fn the_lifecycle_refuses_steps_out_of_order_and_dates_out_of_order() {
    let dir = TempDir::new().unwrap();
    let api = with_boards(&dir);
    let east = village(&api, 0);
    let at = zone(&dir, Some(&east), "村务公开");
    let draft = add(
        &api,
        &at,
        "轮次",
        sheet("关于村道硬化项目的公示", "东山村村民委员会"),
    );
    let id = draft.posting.id.clone();

    let err = mark_posted(&api, &id, today()).unwrap_err();
    assert!(err.contains("须先打印"), "{err}");
    let err = api
        .posting_take_down(PostingTakeDownArgs {
            id: id.clone(),
            on: today().to_string(),
        })
        .unwrap_err();
    assert!(
        err.message.contains("只有已张贴的可以撤下"),
        "{}",
        err.message
    );

    print(&api, "轮次", &dir.path().join("out"), false);
    let yesterday = today().pred_opt().unwrap();
    let err = mark_posted(&api, &id, yesterday).unwrap_err();
    assert!(err.contains("早于打印日期"), "{err}");
    let tomorrow = today().succ_opt().unwrap();
    let err = mark_posted(&api, &id, tomorrow).unwrap_err();
    assert!(err.contains("晚于今天"), "{err}");
    assert_eq!(
        api.posting_get(IdArgs { id: id.clone() })
            .unwrap()
            .posting
            .stage
            .key(),
        "printed",
        "a refused step changes nothing"
    );

    let posted = mark_posted(&api, &id, today()).unwrap();
    assert_eq!(posted.posting.posted_by.as_deref(), Some("村文书张三"));
    let err = api.posting_archive(IdArgs { id: id.clone() }).unwrap_err();
    assert!(err.message.contains("须先撤下"), "{}", err.message);

    // Objections: recorded while up, answered once, not before they came.
    let with_objection = api
        .posting_objection_add(ObjectionAddArgs {
            posting_id: id.clone(),
            received_on: today().to_string(),
            from_whom: "村民李四".into(),
            content: "路灯维修金额偏高".into(),
        })
        .unwrap();
    let objection = with_objection.objections[0].id.clone();
    let err = api
        .posting_objection_answer(ObjectionAnswerArgs {
            id: objection.clone(),
            answer: "已核实".into(),
            answered_on: yesterday.to_string(),
        })
        .unwrap_err();
    assert!(
        err.message.contains("早于收到异议的日期"),
        "{}",
        err.message
    );
    let answered = api
        .posting_objection_answer(ObjectionAnswerArgs {
            id: objection,
            answer: "经核实，金额与发票一致".into(),
            answered_on: today().to_string(),
        })
        .unwrap();
    assert_eq!(
        answered.objections[0].answered_on,
        Some(today().to_string())
    );
    assert_eq!(answered.posting.objection_count, 1);
}

#[test]
fn a_sheet_that_does_not_fit_lacks_glyphs_or_shows_an_id_number_is_refused_and_nothing_is_written()
{
    let dir = TempDir::new().unwrap();
    let api = with_boards(&dir);
    let east = village(&api, 0);
    // The 监督电话 strip is 80 mm high: no sheet fits it.
    let strip = zone(&dir, Some(&east), "监督电话");
    let err = api
        .posting_add(PostingAddArgs {
            board_id: strip.board_id.clone(),
            zone_id: strip.zone_id.clone(),
            round: None,
            period: None,
            payout_list_id: None,
            record_id: None,
            sheet: Some(sheet("监督电话", "东山村村民委员会")),
            title: None,
            notice_from: None,
            notice_to: None,
            reposts: None,
        })
        .unwrap_err();
    assert!(
        err.message.contains("监督电话") && err.message.contains("放不下任何"),
        "{}",
        err.message
    );
    // The 便民服务 zone is 290 mm high: an A4 sheet fits only lying down, and the clerk is told.
    let low = zone(&dir, None, "便民服务");
    let err = api
        .posting_add(PostingAddArgs {
            board_id: low.board_id.clone(),
            zone_id: low.zone_id.clone(),
            round: None,
            period: None,
            payout_list_id: None,
            record_id: None,
            sheet: Some(sheet("便民服务指南", "示范镇人民政府")),
            title: None,
            notice_from: None,
            notice_to: None,
            reposts: None,
        })
        .unwrap_err();
    assert!(
        err.message.contains("便民服务") && err.message.contains("可改用A4横放"),
        "{}",
        err.message
    );
    let mut lying = sheet("便民服务指南", "示范镇人民政府");
    lying.landscape = true;
    let added = add(&api, &low, "便民服务", lying);
    assert!(added.sheet.unwrap().landscape);
    let narrow = zone(&dir, Some(&east), "财务公开");
    // A private-use character has a glyph in neither face.
    let mut strange = sheet("关于\u{E000}的公示", "东山村村民委员会");
    strange.body = "正文".into();
    let err = api
        .posting_add(PostingAddArgs {
            board_id: narrow.board_id.clone(),
            zone_id: narrow.zone_id.clone(),
            round: None,
            period: None,
            payout_list_id: None,
            record_id: None,
            sheet: Some(strange),
            title: None,
            notice_from: None,
            notice_to: None,
            reposts: None,
        })
        .unwrap_err();
    assert!(err.message.contains("U+E000"), "{}", err.message);
    // A full ID number in a cell of the pasted table would go on the public board and the
    // county's page: refused, naming the cell and showing the number masked only.
    let body = "34150219900307777";
    let id = format!("{body}{}", gongkai_domain::check_character(body).unwrap());
    let mut with_id = sheet("低保对象公示", "东山村村民委员会");
    with_id.table = Some(SheetTable {
        columns: vec!["姓名".into(), "身份证号".into()],
        rows: vec![vec!["张三".into(), id.clone()]],
    });
    let err = api
        .posting_add(PostingAddArgs {
            board_id: narrow.board_id.clone(),
            zone_id: narrow.zone_id.clone(),
            round: None,
            period: None,
            payout_list_id: None,
            record_id: None,
            sheet: Some(with_id),
            title: None,
            notice_from: None,
            notice_to: None,
            reposts: None,
        })
        .unwrap_err();
    assert!(
        err.message.contains("表格第 1 行第 2 列") && !err.message.contains(&id),
        "{}",
        err.message
    );
    let listed = api.postings_list(PostingsListArgs::default()).unwrap();
    assert_eq!(
        listed.postings.len(),
        1,
        "only the sheet lying down was added"
    );
}

#[test]
fn an_early_take_down_must_be_reposted_once_on_the_same_zone() {
    let dir = TempDir::new().unwrap();
    let api = with_boards(&dir);
    let east = village(&api, 0);
    let at = zone(&dir, Some(&east), "村务公开");
    let first = add(
        &api,
        &at,
        "轮次",
        sheet("关于村道硬化项目的公示", "东山村村民委员会"),
    );
    let id = first.posting.id.clone();
    print(&api, "轮次", &dir.path().join("out"), false);
    mark_posted(&api, &id, today()).unwrap();
    // Down the same day: the 7-day notice period runs on and the zone wants 10 days.
    let down = api
        .posting_take_down(PostingTakeDownArgs {
            id: id.clone(),
            on: today().to_string(),
        })
        .unwrap();
    let reason = down.posting.early_take_down.clone().unwrap();
    assert!(
        reason.contains("须重新张贴") && reason.contains("至少 10 天"),
        "{reason}"
    );
    assert!(down.posting.must_repost);
    let due = api.postings_due(NoArgs {}).unwrap();
    assert!(due.reposts.iter().any(|p| p.id == id));
    let todo = api.home_todo(NoArgs {}).unwrap();
    assert!(
        todo.rows
            .iter()
            .any(|r| r.kind.key() == "repost" && r.target_id.as_deref() == Some(id.as_str()))
    );

    let repost = |at: &Zone| {
        api.posting_add(PostingAddArgs {
            board_id: at.board_id.clone(),
            zone_id: at.zone_id.clone(),
            round: Some("重新张贴".into()),
            period: None,
            payout_list_id: None,
            record_id: None,
            sheet: Some(sheet(
                "关于村道硬化项目的公示（重新张贴）",
                "东山村村民委员会",
            )),
            title: None,
            notice_from: None,
            notice_to: None,
            reposts: Some(id.clone()),
        })
    };
    let err = repost(&zone(&dir, Some(&east), "财务公开")).unwrap_err();
    assert!(err.message.contains("原来的版块"), "{}", err.message);
    let again = repost(&at).unwrap();
    assert_eq!(again.posting.reposts.as_deref(), Some(id.as_str()));
    let original = api.posting_get(IdArgs { id: id.clone() }).unwrap();
    assert!(!original.posting.must_repost);
    assert_eq!(
        original.posting.reposted_by.as_deref(),
        Some(again.posting.id.as_str())
    );
    let err = repost(&at).unwrap_err();
    assert!(err.message.contains("已经重新张贴过"), "{}", err.message);
}

#[test]
fn a_matter_counted_in_working_days_skips_the_national_day_holiday_and_explains_it() {
    let dir = TempDir::new().unwrap();
    let api = with_boards(&dir);
    // 重大事项 on the township board: within 20 working days of the matter.
    let at = zone(&dir, None, "重大事项");
    let mut input = sheet("关于示范镇敬老院改造项目的公告", "示范镇人民政府");
    input.kind = SheetKind::Gonggao;
    input.issued_on = "2025-09-30".into();
    let added = add(&api, &at, "重大事项", input);
    let due = api.postings_due(NoArgs {}).unwrap();
    let row = due
        .due
        .iter()
        .find(|r| r.posting_id.as_deref() == Some(added.posting.id.as_str()))
        .expect("the unposted matter is due");
    // 10-01..10-08 off, Saturday 10-11 worked: the 20th working day is 11-04.
    assert_eq!(row.due_on, "2025-11-04");
    assert_eq!(row.state.key(), "overdue");
    assert!(
        row.explanation.contains("20 个工作日"),
        "{}",
        row.explanation
    );
    assert!(
        row.explanation.contains("跳过节假日 8 天"),
        "{}",
        row.explanation
    );
    assert!(
        row.explanation.contains("调休上班日 1 天计入"),
        "{}",
        row.explanation
    );
}

#[test]
fn the_register_tells_on_time_late_and_missing_periods_with_dates() {
    let dir = TempDir::new().unwrap();
    let api = with_boards(&dir);
    let east = village(&api, 0);
    let finance = zone(&dir, Some(&east), "财务公开");
    let current = Period::containing(PeriodKind::Month, today());
    let (last, before, earlier) = (
        current.previous(),
        current.previous().previous(),
        current.previous().previous().previous(),
    );
    // The sheet of two months ago, drafted back then, goes up only today: late.
    let late = api
        .posting_add(PostingAddArgs {
            board_id: finance.board_id.clone(),
            zone_id: finance.zone_id.clone(),
            round: Some("补贴".into()),
            period: Some(before.to_string()),
            payout_list_id: None,
            record_id: None,
            sheet: Some(sheet("财务收支公示", "东山村村民委员会")),
            title: None,
            notice_from: Some(earlier.first_day().to_string()),
            notice_to: Some(today().to_string()),
            reposts: None,
        })
        .unwrap();
    print(&api, "补贴", &dir.path().join("out"), false);
    // Marked posted with a photo of the board, in the same step.
    let photo = dir.path().join("现场.png");
    let mut png = std::io::Cursor::new(Vec::new());
    image::DynamicImage::ImageRgb8(image::RgbImage::from_fn(64, 48, |x, y| {
        image::Rgb([
            u8::try_from(x * 3).unwrap(),
            u8::try_from(y * 5).unwrap(),
            90,
        ])
    }))
    .write_to(&mut png, image::ImageFormat::Png)
    .unwrap();
    std::fs::write(&photo, png.into_inner()).unwrap();
    let posted = api
        .posting_mark_posted(PostingMarkPostedArgs {
            id: late.posting.id.clone(),
            on: today().to_string(),
            by: "村文书张三".to_owned(),
            photos: Some(vec![photo.display().to_string()]),
        })
        .unwrap();
    assert_eq!(posted.posting.photo_count, 1);

    let register = api
        .postings_register(PostingsRegisterArgs {
            year: Some(today().year()),
        })
        .unwrap();
    let of = |period: Period| {
        register
            .lines
            .iter()
            .find(|l| l.village == east && l.zone_name == "财务公开" && l.period == period.label())
    };
    if before.year() == today().year() {
        let line = of(before).unwrap();
        assert_eq!(line.state.key(), "late");
        let due = before.due(15).due_on;
        assert_eq!(line.days_late, Some((today() - due).num_days()));
        assert_eq!(line.posted_on, Some(today().to_string()));
        assert_eq!(
            line.register_no.as_deref(),
            Some(late.posting.register_no.as_str())
        );
        assert_eq!(line.photo_count, 1);
    }
    if earlier.year() == today().year() {
        let line = of(earlier).unwrap();
        assert_eq!(line.state.key(), "missing", "{line:?}");
        assert!(line.posted_on.is_none());
    }
    if last.year() == today().year() {
        let expected = if today() > last.due(15).due_on {
            "missing"
        } else {
            "pending"
        };
        assert_eq!(of(last).unwrap().state.key(), expected);
    }
    // Every village's 财务 zone has lines; a village without postings shows no late ones.
    let west = village(&api, 1);
    assert!(register.lines.iter().any(|l| l.village == west));
    assert!(
        !register
            .lines
            .iter()
            .any(|l| l.village == west && l.state.key() == "late")
    );

    for format in ["xlsx", "pdf"] {
        let out = dir.path().join(format!("台账.{format}"));
        api.postings_register_export(PostingsRegisterExportArgs {
            format: format.into(),
            out: out.display().to_string(),
            year: Some(today().year()),
        })
        .unwrap();
        assert!(std::fs::metadata(&out).unwrap().len() > 1000);
        if format == "pdf" {
            let text = pdf_text(&out);
            assert!(text.contains("公开栏更新台账"), "{text}");
            if before.year() == today().year() {
                assert!(text.contains(&late.posting.register_no), "{text}");
            }
        }
    }

    // The 待办 home names the overdue boards by village and opens the boards screen.
    let todo = api.home_todo(NoArgs {}).unwrap();
    let board_row = todo
        .rows
        .iter()
        .find(|r| r.kind.key() == "board_overdue" && r.village.as_deref() == Some(east.as_str()))
        .expect("the village's overdue zones");
    assert!(board_row.screen.starts_with("/boards"));
    assert!(
        board_row.detail.contains("财务公开"),
        "{}",
        board_row.detail
    );
}

#[test]
fn the_lived_in_demo_has_months_of_postings_in_every_state() {
    let dir = TempDir::new().unwrap();
    let api = Api::new(dir.path().join("demo.sqlite3"));
    let started = std::time::Instant::now();
    api.setup_demo_lived_in(NoArgs {}).unwrap();
    eprintln!("lived-in demo made in {:?}", started.elapsed());
    let postings = api
        .postings_list(PostingsListArgs::default())
        .unwrap()
        .postings;
    let stages: Vec<&str> = postings.iter().map(|p| p.stage.key()).collect();
    for stage in ["printed", "taken_down", "archived"] {
        assert!(stages.contains(&stage), "no {stage} posting: {stages:?}");
    }
    assert!(
        postings.iter().any(|p| p.must_repost),
        "an early take-down to repost"
    );
    assert!(postings.iter().any(|p| p.objection_count == 1));
    assert!(
        postings.iter().all(|p| p.has_file),
        "every demo posting was printed"
    );

    // The register of the last finished month's year shows late and missing lines too.
    let last_month = Period::containing(PeriodKind::Month, today())
        .previous()
        .previous();
    let register = api
        .postings_register(PostingsRegisterArgs {
            year: Some(last_month.year()),
        })
        .unwrap();
    let states: Vec<&str> = register.lines.iter().map(|l| l.state.key()).collect();
    for state in ["on_time", "late", "missing"] {
        assert!(states.contains(&state), "no {state} line: {states:?}");
    }
    let todo = api.home_todo(NoArgs {}).unwrap();
    let kinds: Vec<&str> = todo.rows.iter().map(|r| r.kind.key()).collect();
    for kind in ["board_overdue", "repost", "record_overdue"] {
        assert!(
            kinds.contains(&kind),
            "no {kind} row on the 待办 home: {kinds:?}"
        );
    }
}

#[test]
fn a_payout_lists_village_notice_goes_on_the_villages_board_with_its_recorded_notice_period() {
    let dir = TempDir::new().unwrap();
    let api = with_boards(&dir);
    let list = support::mixed_list(&api, dir.path());
    api.payouts_post(gongkai_api::wire::PayoutPostArgs {
        list_id: list.clone(),
        posted_on: Some(today().to_string()),
        notice_days: Some(7),
    })
    .unwrap();
    let add = |at: &Zone| {
        api.posting_add(PostingAddArgs {
            board_id: at.board_id.clone(),
            zone_id: at.zone_id.clone(),
            round: Some("补贴公示".into()),
            period: None,
            payout_list_id: Some(list.clone()),
            record_id: None,
            sheet: None,
            title: None,
            notice_from: None,
            notice_to: None,
            reposts: None,
        })
    };
    // The township's board holds no village's list; another village's board not this one.
    let err = add(&zone(&dir, None, "重大事项")).unwrap_err();
    assert!(err.message.contains("按村公示"), "{}", err.message);
    let west = village(&api, 2);
    assert_ne!(west, "东山村");
    let err = add(&zone(&dir, Some(&west), "村务公开")).unwrap_err();
    assert!(
        err.message.contains("没有") && err.message.contains(&west),
        "{}",
        err.message
    );

    let posted = add(&zone(&dir, Some("东山村"), "村务公开")).unwrap();
    assert_eq!(posted.posting.source.key(), "payout_notice");
    assert_eq!(posted.posting.notice_from, today().to_string());
    let seventh = today().checked_add_days(chrono::Days::new(6)).unwrap();
    assert_eq!(posted.posting.notice_to, seventh.to_string());
    let packs = print(&api, "补贴公示", &dir.path().join("out"), false);
    let text = pdf_text(&packs[0]);
    for expected in ["东山村", "张贴回执", posted.posting.register_no.as_str()] {
        assert!(text.contains(expected), "{expected} missing:\n{text}");
    }
    // The notice's own rows, masked: a name of the list, never its full ID number.
    assert!(text.contains(&support::name(1)), "{text}");
    assert!(
        !text.contains(&support::id(1)),
        "an unmasked ID number in the pack"
    );
}
