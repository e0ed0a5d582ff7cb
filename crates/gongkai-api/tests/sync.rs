//! The township's sync against the real county portal on loopback: what was published goes up
//! once, county catalog updates, calendars and notices come down once, refusals are clear.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use gongkai_api::Api;
use gongkai_api::wire::{
    CatalogItemsArgs, NoArgs, PayoutImportArgs, PayoutPostArgs, PublishInput, RecordInput,
    ReviewInput, SecrecyAnswer, SecrecyInput, SyncArgs, SyncCountyCaArgs,
};
use gongkai_portal::db;
use gongkai_sync::Stream;
use tempfile::TempDir;

mod support;

use support::county::{County, portal_fixture};

fn person(api: &Api, name: &str) -> String {
    let profile = api.profile_get(NoArgs {}).unwrap();
    profile
        .people
        .iter()
        .find(|p| p.name == name)
        .unwrap()
        .id
        .clone()
}

/// A record through 三审 and 保密审查 to publication.
fn published_record(api: &Api, title: &str) -> String {
    published_record_with_body(api, title, "各村名单见村务公开栏")
}

fn published_record_with_body(api: &Api, title: &str, body: &str) -> String {
    let id = draft_record(api, title, body);
    let file = std::env::temp_dir().join(format!("{id}-发放明细.pdf"));
    std::fs::write(&file, format!("%PDF-1.4 {title} 发放明细").repeat(2000)).unwrap();
    api.record_attach(gongkai_api::wire::AttachArgs {
        record_id: id.clone(),
        path: file.display().to_string(),
    })
    .unwrap();
    std::fs::remove_file(&file).unwrap();
    publish_draft(api, &id);
    id
}

fn draft_record(api: &Api, title: &str, body: &str) -> String {
    let item = api
        .catalog_items(CatalogItemsArgs {
            domain: Some("涉农补贴".to_owned()),
        })
        .unwrap()
        .items[0]
        .key
        .clone();
    api.record_save(RecordInput {
        item_key: item,
        title: title.to_owned(),
        formed_on: "2026-11-02".to_owned(),
        body: body.to_owned(),
        channels: vec!["政府网站".to_owned()],
        attribute: "proactive".to_owned(),
        ..Default::default()
    })
    .unwrap()
    .summary
    .id
}

/// Reviews and secrecy check of a draft, by the demo's staff.
fn through_the_controls(api: &Api, id: &str) {
    for (stage, who) in [("draft", "李明"), ("review", "王芳"), ("approve", "张建国")] {
        api.record_review(ReviewInput {
            record_id: id.to_owned(),
            stage: stage.to_owned(),
            person_id: person(api, who),
            decided_on: Some("2026-11-03".to_owned()),
            opinion: "同意".to_owned(),
            passed: true,
        })
        .unwrap();
    }
    let questions = api.record_options(NoArgs {}).unwrap().secrecy_questions;
    api.record_secrecy(SecrecyInput {
        record_id: id.to_owned(),
        reviewer_id: person(api, "王芳"),
        decided_on: Some("2026-11-03".to_owned()),
        answers: questions
            .iter()
            .map(|q| SecrecyAnswer {
                key: q.key.clone(),
                concern: false,
            })
            .collect(),
        opinion: String::new(),
    })
    .unwrap();
}

/// Publication of a draft that passed its controls.
fn publish(api: &Api, id: &str) -> Result<gongkai_api::wire::RecordDetail, String> {
    api.record_publish(PublishInput {
        record_id: id.to_owned(),
        channel: "政府网站".to_owned(),
        location: "县政府网站".to_owned(),
        published_on: Some("2026-11-04".to_owned()),
        published_by: "李明".to_owned(),
        note: None,
    })
    .map_err(|e| e.message)
}

/// Reviews, secrecy check and publication of a draft, by the demo's staff.
fn publish_draft(api: &Api, id: &str) {
    through_the_controls(api, id);
    publish(api, id).unwrap();
}

/// Publication of a draft whose text holds the full ID number `id` is refused, the number
/// masked, though its controls passed.
fn publish_refused(api: &Api, draft: &str, id: &str) {
    through_the_controls(api, draft);
    let refused = publish(api, draft).unwrap_err();
    assert!(
        refused.contains("完整的身份证号") && !refused.contains(id),
        "{refused}"
    );
}

/// The published record `record` and its queued entry as an older workbench, which published
/// without looking for ID numbers, would have left them: `clean` in its body and payload
/// written over with `typed` (the frozen-record trigger set aside for the write and put back).
fn as_an_older_workbench_left_it(db: &std::path::Path, record: &str, clean: &str, typed: &str) {
    let conn = rusqlite::Connection::open(db).unwrap();
    let trigger: String = conn
        .query_row(
            "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = 'published_record_frozen'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    conn.execute_batch("BEGIN; DROP TRIGGER published_record_frozen;")
        .unwrap();
    let bodies = conn
        .execute(
            "UPDATE disclosure_record SET body = replace(body, ?1, ?2) WHERE id = ?3",
            rusqlite::params![clean, typed, record],
        )
        .unwrap();
    let entries = conn
        .execute(
            "UPDATE sync_outbox SET payload = replace(payload, ?1, ?2) WHERE object_id = ?3",
            rusqlite::params![clean, typed, record],
        )
        .unwrap();
    conn.execute_batch(&format!("{trigger}; COMMIT;")).unwrap();
    assert_eq!((bodies, entries), (1, 1));
}

fn sync(api: &Api, county: &County) -> gongkai_api::wire::SyncReport {
    api.sync_now(SyncArgs {
        portal: Some(county.url()),
        trigger: None,
    })
    .unwrap()
}

#[test]
fn published_things_go_up_once_and_county_data_comes_down_once() {
    let dir = TempDir::new().unwrap();
    let county = County::start(dir.path());
    let api = Api::new(dir.path().join("township.sqlite3"));
    api.setup_demo(NoArgs {}).unwrap();

    // Not registered yet: refused, said plainly, nothing pending lost.
    let identity = api.sync_identity(NoArgs {}).unwrap();
    assert!(
        identity.public_key.starts_with("ed25519:"),
        "{}",
        identity.public_key
    );
    let record = published_record(&api, "2026年耕地地力保护补贴发放结果");
    let refused = api
        .sync_now(SyncArgs {
            portal: Some(county.url()),
            trigger: None,
        })
        .unwrap_err();
    assert!(
        refused.message.contains("县级平台拒绝"),
        "{}",
        refused.message
    );
    assert_eq!(api.sync_status(NoArgs {}).unwrap().pending, 1);

    county.register(&identity);

    // A payout list posted for 公示: masked rows only.
    let csv = dir.path().join("2026年示范镇高龄津贴发放清册.csv");
    std::fs::write(
        &csv,
        format!(
            "村名,姓名,身份证号,金额\n东山村,刘䶮,{},100.50\n西河村,李四,{},20\n",
            support::id(1),
            support::id(2)
        ),
    )
    .unwrap();
    let list = api
        .payouts_import(PayoutImportArgs {
            path: csv.display().to_string(),
            ..Default::default()
        })
        .unwrap()
        .list_id
        .unwrap();
    api.payouts_post(PayoutPostArgs {
        list_id: list,
        posted_on: Some("2026-11-20".to_owned()),
        notice_days: Some(7),
    })
    .unwrap();

    let first = sync(&api, &county);
    assert_eq!((first.pushed, first.pending), (2, 0), "{first:?}");
    assert_eq!(county.count("SELECT count(*) FROM entry"), 2);
    assert_eq!(
        county.count("SELECT count(*) FROM attachment WHERE size > 50000"),
        1,
        "the record's attachment went up before the record"
    );
    assert_eq!(county.count("SELECT count(*) FROM entry_attachment"), 1);
    let payload: String = db::open(&county.db)
        .unwrap()
        .query_row(
            "SELECT payload FROM entry WHERE kind = 'payout_list'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert!(
        payload.contains("刘䶮") && payload.contains("99*************"),
        "{payload}"
    );
    assert!(
        !payload.contains(&support::id(1)),
        "no full ID reaches the county"
    );

    // Nothing new: nothing sent, nothing stored twice.
    let again = sync(&api, &county);
    assert_eq!((again.pushed, again.pulled, again.pending), (0, 0, 0));
    assert_eq!(county.count("SELECT count(*) FROM entry"), 2);

    // Withdrawn at the township: a tombstone takes it down at the county too.
    let refused = api.record_withdraw(gongkai_api::wire::WithdrawArgs {
        id: record.clone(),
        reason: " ".to_owned(),
    });
    assert!(refused.unwrap_err().message.contains("须写明原因"));
    api.record_withdraw(gongkai_api::wire::WithdrawArgs {
        id: record.clone(),
        reason: "发放金额有误，更正后重新发布".to_owned(),
    })
    .unwrap();
    assert_eq!(sync(&api, &county).pushed, 1);
    let withdrawn = county.count(&format!(
        "SELECT withdrawn FROM object_head WHERE object_id = '{record}'"
    ));
    assert_eq!(withdrawn, 1);
    let replaces = county.count(&format!(
        "SELECT count(*) FROM entry WHERE object_id = '{record}' AND op = 'withdraw' AND replaces IS NOT NULL"
    ));
    assert_eq!(replaces, 1, "the tombstone names the version it replaces");

    // The county publishes a catalog update, a calendar year and a notice.
    let key = "涉农补贴/农业生产发展资金/农机购置补贴";
    county.publish(
        Stream::Catalog,
        serde_json::json!({
            "version": "示范县2026年第1次调整",
            "items": [{"key": key, "op": "upsert", "item": {
                "level1": "农业生产发展资金", "level2": "农机购置补贴",
                "content": "政策依据；申请指南；补贴结果；监督渠道", "basis": "《农业机械化促进法》",
                "time_limit": "信息形成或者变更之日起15个工作日内", "time_limit_workdays": 15,
                "subject": "示范县农业农村局", "channels": ["政府网站"], "channels_other": "",
                "audience": ["全社会"], "mode": ["主动"], "level": ["县级"], "source": "示范县"
            }}]
        }),
    );
    county.publish(
        Stream::Calendar,
        serde_json::json!({
            "version": "2026-11-21", "year": 2027,
            "days": [{"date": "2027-01-01", "kind": "holiday", "name": "元旦"}]
        }),
    );
    county.publish(
        Stream::Notices,
        serde_json::json!({
            "version": "通知1", "title": "关于做好年度报告编制工作的通知",
            "body": "请于1月20日前报送。", "published_on": "2026-11-22"
        }),
    );
    let pulled = sync(&api, &county);
    assert_eq!(pulled.pulled, 3, "{pulled:?}");
    let item = api
        .catalog_items(CatalogItemsArgs {
            domain: Some("涉农补贴".to_owned()),
        })
        .unwrap()
        .items
        .into_iter()
        .find(|i| i.key == key)
        .unwrap();
    assert_eq!(item.time_limit_workdays, Some(15));
    assert_eq!(item.subject, "示范县农业农村局");
    let status = api.sync_status(NoArgs {}).unwrap();
    assert_eq!(status.notices[0].title, "关于做好年度报告编制工作的通知");
    assert!(status.last_success.is_some());
    assert!(
        status.runs.iter().any(|r| r.error.is_some()),
        "the refused run is logged"
    );
    let beyond = api.calendar_add_workdays(gongkai_api::wire::AddWorkdaysArgs {
        date: "2026-12-31".to_owned(),
        workdays: 1,
    });
    assert!(
        beyond.is_err(),
        "the strict CLI calendar is the bundled one"
    );

    // Pulled once: a further run applies nothing again.
    assert_eq!(sync(&api, &county).pulled, 0);
}

#[test]
fn a_county_with_its_own_certificate_is_reached_once_it_is_imported() {
    let dir = TempDir::new().unwrap();
    let county = County::start_tls(dir.path());
    let api = Api::new(dir.path().join("township.sqlite3"));
    api.setup_demo(NoArgs {}).unwrap();
    county.register(&api.sync_identity(NoArgs {}).unwrap());
    published_record(&api, "2026年部门预算");
    let url = format!("https://localhost:{}", county.addr.port());
    let now = |api: &Api| {
        api.sync_now(SyncArgs {
            portal: Some(url.clone()),
            trigger: None,
        })
    };

    // The system does not trust the county's certificate: said so, nothing lost.
    let untrusted = now(&api).unwrap_err();
    assert!(
        untrusted.message.contains("证书不受信任"),
        "{}",
        untrusted.message
    );
    assert_eq!(api.sync_status(NoArgs {}).unwrap().pending, 1);

    // A file that is not a certificate is refused by name.
    let not_pem = dir.path().join("县级平台证书.txt");
    std::fs::write(&not_pem, "请联系县政务公开办").unwrap();
    let refused = api
        .sync_county_ca(SyncCountyCaArgs {
            path: Some(not_pem.display().to_string()),
        })
        .unwrap_err();
    assert!(
        refused.message.contains("县级平台证书.txt") && refused.message.contains("没有证书"),
        "{}",
        refused.message
    );

    let status = api
        .sync_county_ca(SyncCountyCaArgs {
            path: Some(portal_fixture("test-cert.pem").display().to_string()),
        })
        .unwrap();
    let fingerprint = status.county_ca_fingerprint.unwrap();
    assert_eq!(fingerprint.len(), 32 * 3 - 1, "{fingerprint}");
    let report = now(&api).unwrap();
    assert_eq!((report.pushed, report.pending), (1, 0));
    assert_eq!(county.count("SELECT count(*) FROM entry"), 1);

    // Forgotten again: the county is untrusted again.
    let status = api.sync_county_ca(SyncCountyCaArgs { path: None }).unwrap();
    assert_eq!(status.county_ca_fingerprint, None);
    published_record(&api, "2026年一季度财政收支");
    assert!(now(&api).unwrap_err().message.contains("证书不受信任"));
}

/// The clerk's 立即同步 and the background scheduler at the same moment: one run waits for the
/// other, so their signed requests never interleave (the county would refuse the lower sequence
/// number arriving second as a replay). Everything goes up once and both runs succeed.
#[test]
fn a_manual_and_a_background_sync_at_once_run_one_after_the_other() {
    let dir = TempDir::new().unwrap();
    let api = std::sync::Arc::new(Api::new(dir.path().join("township.sqlite3")));
    race(&dir, [api.clone(), api]);
}

/// The window's scheduler and a `gongkai sync` started beside it are two processes on one file:
/// two `Api`s here, which share nothing but the database and its lock file.
#[test]
fn a_sync_from_the_command_line_beside_the_window_waits_its_turn() {
    let dir = TempDir::new().unwrap();
    let db = dir.path().join("township.sqlite3");
    race(
        &dir,
        [
            std::sync::Arc::new(Api::new(&db)),
            std::sync::Arc::new(Api::new(&db)),
        ],
    );
}

/// Two syncs started at the same moment (a manual and a timer one) through `apis`, after six
/// records with attachments were published: both succeed, in turn, each record stored once.
#[allow(clippy::panic)] // test code: a failed run stops the test with its message
fn race(dir: &TempDir, apis: [std::sync::Arc<Api>; 2]) {
    let county = County::start(dir.path());
    let api = apis[0].clone();
    api.setup_demo(NoArgs {}).unwrap();
    let identity = api.sync_identity(NoArgs {}).unwrap();
    county.register(&identity);
    // Records with attachments: each run is many signed requests (chunks, pushes, pulls).
    const RECORDS: usize = 6;
    for n in 0..RECORDS {
        published_record(&api, &format!("2026年第{n}批耕地地力保护补贴发放结果"));
    }
    assert_eq!(api.sync_status(NoArgs {}).unwrap().pending, RECORDS as u32);

    let start = std::sync::Arc::new(std::sync::Barrier::new(2));
    let runs: Vec<_> = [
        gongkai_api::wire::SyncTrigger::Manual,
        gongkai_api::wire::SyncTrigger::Timer,
    ]
    .into_iter()
    .zip(apis)
    .map(|(trigger, api)| {
        let (start, url) = (start.clone(), county.url());
        std::thread::spawn(move || {
            start.wait();
            api.sync_now(SyncArgs {
                portal: Some(url),
                trigger: Some(trigger),
            })
        })
    })
    .collect();
    let reports: Vec<_> = runs
        .into_iter()
        .map(|run| run.join().unwrap())
        .collect::<Result<_, _>>()
        .unwrap_or_else(|e| panic!("a run failed: {}", e.message));

    // One of them pushed everything, the other found nothing left.
    let mut pushed: Vec<u32> = reports.iter().map(|r| r.pushed).collect();
    pushed.sort_unstable();
    assert_eq!(pushed, [0, RECORDS as u32]);
    assert!(
        reports
            .iter()
            .all(|r| r.rejected.is_empty() && r.pending == 0)
    );
    assert_eq!(county.count("SELECT count(*) FROM entry"), RECORDS as i64);
    let status = api.sync_status(NoArgs {}).unwrap();
    assert_eq!(status.runs.len(), 2);
    assert!(
        status.runs.iter().all(|r| r.error.is_none()),
        "{:?}",
        status.runs
    );
    // Whatever the timing, the runs did not overlap: the later one started after the earlier
    // one finished (without the lock both start at the barrier).
    let store = gongkai_store::Store::open(&dir.path().join("township.sqlite3")).unwrap();
    let time = |t: &str| chrono::DateTime::parse_from_rfc3339(t).unwrap();
    let mut logged: Vec<_> = store
        .sync_runs(10)
        .unwrap()
        .into_iter()
        .map(|r| (time(&r.started_at), time(&r.finished_at)))
        .collect();
    logged.sort();
    assert_eq!(logged.len(), 2);
    assert!(logged[1].0 >= logged[0].1, "overlapping runs: {logged:?}");
}

/// An entry that fails the county's check is refused on the township's PC, with the reason, and
/// never sent: not while the portal would refuse the push anyway, not beside entries that go up.
#[test]
fn an_entry_with_an_unmasked_id_number_never_leaves_the_township() {
    let dir = TempDir::new().unwrap();
    let county = County::start(dir.path());
    let api = Api::new(dir.path().join("township.sqlite3"));
    api.setup_demo(NoArgs {}).unwrap();
    let identity = api.sync_identity(NoArgs {}).unwrap();
    // An ID number followed by a space and more digits: one 29-digit run. Publication refuses
    // it now; a record an older workbench published with it is what sync and the board meet.
    let id = support::id(7);
    let typed = format!("联系人身份证号 {id} 12345678901");
    let draft = draft_record(&api, "2026年临时救助对象公示", &typed);
    publish_refused(&api, &draft, &id);
    let record =
        published_record_with_body(&api, "2026年临时救助对象公示", "联系人身份证号（待补）");
    as_an_older_workbench_left_it(
        &dir.path().join("township.sqlite3"),
        &record,
        "联系人身份证号（待补）",
        &typed,
    );
    assert_eq!(api.sync_status(NoArgs {}).unwrap().pending, 1);

    // Nor does it go on a village's bulletin board as a sheet.
    let mut store = gongkai_store::Store::open(&dir.path().join("township.sqlite3")).unwrap();
    store
        .apply_board_template("sanwu", &gongkai_store::ApplyTarget::AllVillages, false)
        .unwrap();
    let board = store.boards(false).unwrap().remove(0);
    let zone_id = store.board_layout(board.id, None).unwrap().zones[1]
        .id
        .clone();
    drop(store);
    let err = api
        .posting_add(gongkai_api::wire::PostingAddArgs {
            board_id: board.id.to_string(),
            zone_id,
            round: None,
            period: None,
            payout_list_id: None,
            record_id: Some(record),
            sheet: None,
            title: None,
            notice_from: None,
            notice_to: None,
            reposts: None,
        })
        .unwrap_err();
    assert!(
        err.message.contains("正文")
            && err.message.contains("身份证号")
            && !err.message.contains(&id),
        "{}",
        err.message
    );

    // Not registered yet, so any request is refused; the entry is settled before any is made.
    assert!(
        api.sync_now(SyncArgs {
            portal: Some(county.url()),
            trigger: None,
        })
        .is_err()
    );
    let status = api.sync_status(NoArgs {}).unwrap();
    assert_eq!(
        (status.pending, status.rejected.len()),
        (0, 1),
        "refused on the township's side: {status:?}"
    );
    assert!(
        status.rejected[0].starts_with("公开记录：")
            && status.rejected[0].contains("未脱敏")
            && !status.rejected[0].contains(&id),
        "{:?}",
        status.rejected
    );

    // Registered, with a good entry queued beside it: only the good one goes.
    county.register(&identity);
    published_record(&api, "2026年耕地地力保护补贴发放结果");
    let report = sync(&api, &county);
    assert_eq!((report.pushed, report.pending), (1, 0), "{report:?}");
    assert_eq!(county.count("SELECT count(*) FROM entry"), 1);
    let conn = db::open(&county.db).unwrap();
    let mut stmt = conn.prepare("SELECT body FROM push_batch").unwrap();
    let bodies: Vec<Vec<u8>> = stmt
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    assert_eq!(bodies.len(), 1);
    for body in bodies {
        let text = String::from_utf8(gongkai_sync::gzip::gunzip(&body, 1 << 26).unwrap()).unwrap();
        assert!(!text.contains(&id), "the refused record was sent: {text}");
    }
}

#[test]
fn a_file_with_a_full_id_number_is_never_attached_nor_sent() {
    let dir = TempDir::new().unwrap();
    let county = County::start(dir.path());
    let db = dir.path().join("township.sqlite3");
    let api = Api::new(&db);
    api.setup_demo(NoArgs {}).unwrap();
    county.register(&api.sync_identity(NoArgs {}).unwrap());
    let id = support::id(11);
    let list = format!("序号,姓名,身份证号\n1,张三,{id}\n").into_bytes();

    // Attaching it is refused, the number masked in the message.
    let record = draft_record(&api, "2026年临时救助对象名单", "名单见附件");
    let file = dir.path().join("临时救助对象名单.csv");
    std::fs::write(&file, &list).unwrap();
    match api.record_attach(gongkai_api::wire::AttachArgs {
        record_id: record.clone(),
        path: file.display().to_string(),
    }) {
        Err(e) => {
            let message = e.to_string();
            assert!(
                message.contains("临时救助对象名单.csv")
                    && message.contains("未脱敏")
                    && !message.contains(&id),
                "{message}"
            );
        }
        Ok(_) => panic!("a file with a full ID number was attached"),
    }

    // A file stored before that check (an older workbench) stops the record at sync: refused
    // here, its file never uploaded, while the other record goes up.
    {
        let mut store = gongkai_store::Store::open(&db).unwrap();
        store
            .add_attachment(
                record.parse().unwrap(),
                &gongkai_store::StoredAttachment {
                    id: gongkai_domain::RowId::new(),
                    file_name: "临时救助对象名单.csv".to_owned(),
                    sha256: sha256_hex(&list),
                    size: i64::try_from(list.len()).unwrap(),
                },
                &list,
            )
            .unwrap();
    }
    publish_draft(&api, &record);
    published_record(&api, "2026年耕地地力保护补贴发放结果");
    let report = sync(&api, &county);
    assert_eq!((report.pushed, report.rejected.len()), (1, 1), "{report:?}");
    assert!(
        report.rejected[0].contains("未脱敏") && !report.rejected[0].contains(&id),
        "{:?}",
        report.rejected
    );
    assert_eq!(county.count("SELECT count(*) FROM entry"), 1);
    let conn = db::open(&county.db).unwrap();
    let mut stmt = conn
        .prepare("SELECT content FROM attachment UNION ALL SELECT content FROM attachment_part")
        .unwrap();
    let stored: Vec<Vec<u8>> = stmt
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    assert!(
        stored
            .iter()
            .all(|bytes| !bytes.windows(id.len()).any(|w| w == id.as_bytes())),
        "the file with the full ID number reached the county"
    );
}

fn sha256_hex(bytes: &[u8]) -> String {
    use sha2::Digest;
    sha2::Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}
