//! Bulletin-board postings through the township's sync against the real county portal on
//! loopback (issue 11): a posting goes up with its printed sheet and photos and shows on the
//! county's boards page; against a portal that does not take postings (as one older than the
//! kind answers) they stay queued while the rest of the queue goes, and go once it does.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod support;

use std::io::{Read, Write};
use std::path::Path;

use chrono::Local;
use gongkai_api::Api;
use gongkai_api::wire::{
    ComposedSheetInput, NoArgs, PayoutPostArgs, PostingAddArgs, PostingDetail,
    PostingMarkPostedArgs, PostingsPrintArgs, SheetKind, SyncArgs, SyncReport,
};
use gongkai_domain::RowId;
use gongkai_store::{ApplyTarget, ComposedSheet, NewPosting, SheetSource, Store};
use support::county::County;
use tempfile::TempDir;

/// The demo township with the 三务 board in every village; a composed 公示 on 东山村's 财务公开
/// zone, printed and posted today with a photo of it on the wall. The posting's id.
fn posted_sheet(dir: &TempDir, api: &Api) -> String {
    posted_sheet_saying(
        dir,
        api,
        "现将本村财务收支情况公示如下，公示期内如有异议请向村务监督委员会反映。",
    )
}

/// [`posted_sheet`] with `body` as the sheet's text. `posting_add` refuses a sheet showing a full
/// ID number, so such a sheet is written by the store directly, as a version before that check
/// could have written it: the sync run's own check is what stands then.
fn posted_sheet_saying(dir: &TempDir, api: &Api, body: &str) -> String {
    let db = dir.path().join("demo.sqlite3");
    let mut store = Store::open(&db).unwrap();
    store
        .apply_board_template("sanwu", &ApplyTarget::AllVillages, false)
        .unwrap();
    let board = store
        .boards(false)
        .unwrap()
        .into_iter()
        .find(|b| b.village_name.as_deref() == Some("东山村"))
        .unwrap();
    let zone_id = store
        .board_layout(board.id, None)
        .unwrap()
        .zones
        .into_iter()
        .find(|z| z.zone.name == "财务公开")
        .unwrap()
        .id;
    let today = Local::now().date_naive();
    let title = "东山村村级财务收支公示";
    if gongkai_sync::check::find_id_number_in_text(body).is_some() {
        let sheet = ComposedSheet {
            id: RowId::new(),
            kind: "gongshi".into(),
            title: title.into(),
            body: body.into(),
            table_json: None,
            period_days: Some(7),
            period_unit: Some("calendar".into()),
            objection_phone: Some("0999-1234567".into()),
            objection_address: Some("村委会办公室".into()),
            issuer: "东山村村民委员会".into(),
            issued_on: today,
            paper: "A4".into(),
            landscape: false,
        };
        let posting = NewPosting {
            id: RowId::new(),
            board_id: board.id,
            zone_id,
            round: "本月财务公开".into(),
            // 财务公开 is monthly: the sheet serves this month.
            period: Some(today.format("%Y-%m").to_string()),
            source: SheetSource::Composed(sheet),
            title: title.into(),
            notice_from: today,
            notice_to: today + chrono::Days::new(6),
            reposts: None,
        };
        let added = store.add_posting(&posting, &|_, _| Ok(None)).unwrap();
        drop(store);
        return print_and_post(dir, api, added.id.to_string());
    }
    drop(store);
    let added: PostingDetail = api
        .posting_add(PostingAddArgs {
            board_id: board.id.to_string(),
            zone_id,
            round: Some("本月财务公开".into()),
            period: None,
            payout_list_id: None,
            record_id: None,
            sheet: Some(ComposedSheetInput {
                kind: SheetKind::Gongshi,
                title: title.into(),
                body: body.into(),
                table: None,
                period_days: Some(7),
                period_unit: Some("calendar".into()),
                objection_phone: Some("0999-1234567".into()),
                objection_address: Some("村委会办公室".into()),
                issuer: "东山村村民委员会".into(),
                issued_on: today.to_string(),
                paper: None,
                landscape: false,
            }),
            title: None,
            notice_from: None,
            notice_to: None,
            reposts: None,
        })
        .unwrap();
    print_and_post(dir, api, added.posting.id)
}

/// The round printed and the posting marked posted today with a photo of the wall.
fn print_and_post(dir: &TempDir, api: &Api, id: String) -> String {
    let today = Local::now().date_naive();
    api.postings_print(PostingsPrintArgs {
        round: "本月财务公开".into(),
        out_dir: dir.path().display().to_string(),
        one_file: Some(false),
    })
    .unwrap();
    let photo = dir.path().join("公开栏.jpg");
    let picture = image::RgbImage::from_fn(640, 480, |x, y| {
        image::Rgb([(x % 200) as u8 + 40, (y % 180) as u8 + 40, 90])
    });
    picture.save(&photo).unwrap();
    api.posting_mark_posted(PostingMarkPostedArgs {
        id: id.clone(),
        on: today.to_string(),
        by: "村文书张三".into(),
        photos: Some(vec![photo.display().to_string()]),
    })
    .unwrap();
    id
}

fn sync(api: &Api, county: &County) -> SyncReport {
    api.sync_now(SyncArgs {
        portal: Some(county.url()),
        trigger: None,
    })
    .unwrap()
}

/// A public page of the county (plain HTTP/1.1 over loopback).
fn page(county: &County, path: &str) -> String {
    let mut stream = std::net::TcpStream::connect(county.addr).unwrap();
    write!(
        stream,
        "GET {path} HTTP/1.1\r\nHost: {}\r\nConnection: close\r\n\r\n",
        county.addr
    )
    .unwrap();
    let mut answer = Vec::new();
    stream.read_to_end(&mut answer).unwrap();
    String::from_utf8_lossy(&answer).into_owned()
}

fn township_code(api: &Api) -> String {
    api.sync_identity(NoArgs {}).unwrap().township_code
}

/// The SHA-256 of the posting's printed sheet and of its photos, as the township keeps them.
fn files_of(db: &Path, posting: &str) -> (String, Vec<String>) {
    let store = Store::open(db).unwrap();
    let id = posting.parse().unwrap();
    let sheet = store.posting_file(id).unwrap().unwrap().sha256;
    let photos = store
        .posting_photos(id)
        .unwrap()
        .into_iter()
        .map(|p| p.sha256)
        .collect();
    (sheet, photos)
}

#[test]
fn a_posting_goes_up_with_its_sheet_and_photos_and_shows_on_the_county_boards_page() {
    let dir = TempDir::new().unwrap();
    let county = County::start(dir.path());
    let api = support::demo(&dir);
    let posting = posted_sheet(&dir, &api);
    county.register(&api.sync_identity(NoArgs {}).unwrap());

    let report = sync(&api, &county);
    assert!(report.rejected.is_empty(), "{report:?}");
    assert_eq!(report.pending, 0, "{report:?}");
    assert!(report.pushed >= 1, "{report:?}");

    let (sheet, photos) = files_of(&dir.path().join("demo.sqlite3"), &posting);
    assert_eq!(
        county.count(&format!(
            "SELECT count(*) FROM board_posting WHERE object_id = '{posting}'
               AND status = 'posted' AND village_name = '东山村' AND sheet_sha256 = '{sheet}'"
        )),
        1
    );
    // The sheet and the photo arrived whole (their content is their address).
    assert_eq!(
        county.count(&format!(
            "SELECT count(*) FROM attachment WHERE sha256 = '{sheet}'"
        )),
        1
    );
    assert_eq!(photos.len(), 1);
    assert_eq!(
        county.count(&format!(
            "SELECT count(*) FROM attachment WHERE sha256 = '{}'",
            photos[0]
        )),
        1
    );

    let code = township_code(&api);
    let html = page(&county, &format!("/t/{code}/boards"));
    assert!(
        html.starts_with("HTTP/1.1 200")
            && html.contains("东山村村级财务收支公示")
            && html.contains(&format!("/t/{code}/a/{sheet}")),
        "{html}"
    );
    let pdf = page(&county, &format!("/t/{code}/a/{sheet}"));
    assert!(
        pdf.starts_with("HTTP/1.1 200") && pdf.contains("application/pdf") && pdf.contains("%PDF-"),
        "{}",
        &pdf[..pdf.len().min(400)]
    );
    assert!(page(&county, &format!("/t/{code}/a/{}", photos[0])).starts_with("HTTP/1.1 404"));

    // Nothing queued is sent twice.
    let again = sync(&api, &county);
    assert_eq!((again.pushed, again.pending), (0, 0), "{again:?}");
}

#[test]
fn against_a_portal_without_postings_they_stay_queued_while_the_rest_goes() {
    let dir = TempDir::new().unwrap();
    let older = County::start_refusing(dir.path(), vec![gongkai_sync::Kind::Posting]);
    let api = support::demo(&dir);
    posted_sheet(&dir, &api);
    let list = support::mixed_list(&api, dir.path());
    api.payouts_post(PayoutPostArgs {
        list_id: list,
        posted_on: Some(Local::now().date_naive().to_string()),
        notice_days: Some(7),
    })
    .unwrap();
    older.register(&api.sync_identity(NoArgs {}).unwrap());
    let queued = api.sync_status(NoArgs {}).unwrap().pending;

    // The payout list goes; the posting's entries are neither sent nor refused.
    let report = sync(&api, &older);
    assert!(report.rejected.is_empty(), "{report:?}");
    assert_eq!(report.pushed, 1, "{report:?}");
    assert_eq!(report.pending, queued - 1, "{report:?}");
    assert!(report.pending >= 1);
    assert_eq!(
        older.count("SELECT count(*) FROM entry WHERE kind = 'posting'"),
        0
    );
    let status = api.sync_status(NoArgs {}).unwrap();
    assert!(status.rejected.is_empty(), "{:?}", status.rejected);
    // Every run the same: kept for later, never marked refused.
    let again = sync(&api, &older);
    assert_eq!((again.pushed, again.pending), (0, queued - 1), "{again:?}");

    // The county upgrades (the same file, a portal that takes postings): they go up.
    let upgraded = County::start(dir.path());
    let report = sync(&api, &upgraded);
    assert_eq!(
        (report.pending, report.rejected.len()),
        (0, 0),
        "{report:?}"
    );
    assert_eq!(report.pushed, queued - 1);
    assert_eq!(
        upgraded.count("SELECT count(*) FROM board_posting WHERE status = 'posted'"),
        1
    );
}

#[test]
fn a_sheet_holding_a_full_id_number_never_reaches_the_county() {
    let dir = TempDir::new().unwrap();
    let county = County::start(dir.path());
    let api = support::demo(&dir);
    let id = support::id(7);
    posted_sheet_saying(
        &dir,
        &api,
        &format!("经审核，张七（身份证号 {id}）符合条件，现予公示。"),
    );
    county.register(&api.sync_identity(NoArgs {}).unwrap());

    let report = sync(&api, &county);
    assert!(
        !report.rejected.is_empty()
            && report
                .rejected
                .iter()
                .all(|r| r.contains("未脱敏的身份证号") && !r.contains(&id)),
        "{report:?}"
    );
    assert_eq!(report.pending, 0, "{report:?}");
    assert_eq!(county.count("SELECT count(*) FROM entry"), 0);
    assert_eq!(county.count("SELECT count(*) FROM attachment"), 0);
    assert_eq!(county.count("SELECT count(*) FROM attachment_part"), 0);
}
