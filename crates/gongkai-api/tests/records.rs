//! Disclosure records end to end through the API: a record under a catalog item, refused
//! publication until 三审 and 保密审查 pass, the register, deadlines and the compliance view.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use gongkai_api::Api;
use gongkai_api::wire::{
    AddWorkdaysArgs, CatalogItemsArgs, ComplianceArgs, IdArgs, NoArgs, PublishInput, RecordInput,
    RecordSearchArgs, RegisterExportArgs, ReviewInput, SecrecyAnswer, SecrecyInput,
};
use tempfile::TempDir;

fn demo(dir: &TempDir) -> Api {
    let api = Api::new(dir.path().join("demo.sqlite3"));
    api.setup_demo(NoArgs {}).unwrap();
    api
}

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

/// The first item of the 涉农补贴 domain of the effective catalog.
fn subsidy_item(api: &Api) -> String {
    api.catalog_items(CatalogItemsArgs {
        domain: Some("涉农补贴".to_owned()),
    })
    .unwrap()
    .items[0]
        .key
        .clone()
}

fn input(api: &Api, title: &str, formed_on: &str) -> RecordInput {
    RecordInput {
        item_key: subsidy_item(api),
        title: title.to_owned(),
        formed_on: formed_on.to_owned(),
        body: "各村发放名单已在村务公开栏公示".to_owned(),
        channels: vec![
            "政府网站".to_owned(),
            "社区/企事业单位/村公示栏（电子屏）".to_owned(),
        ],
        attribute: "proactive".to_owned(),
        ..Default::default()
    }
}

fn sign(api: &Api, record: &str, stage: &str, who: &str, passed: bool) -> Result<(), String> {
    api.record_review(ReviewInput {
        record_id: record.to_owned(),
        stage: stage.to_owned(),
        person_id: person(api, who),
        decided_on: Some("2025-10-09".to_owned()),
        opinion: if passed {
            "同意"
        } else {
            "金额有误，请核对"
        }
        .to_owned(),
        passed,
    })
    .map(|_| ())
    .map_err(|e| e.message)
}

fn secrecy(api: &Api, record: &str, concern: Option<&str>) -> Result<(), String> {
    let options = api.record_options(NoArgs {}).unwrap();
    api.record_secrecy(SecrecyInput {
        record_id: record.to_owned(),
        reviewer_id: person(api, "王芳"),
        decided_on: Some("2025-10-09".to_owned()),
        answers: options
            .secrecy_questions
            .iter()
            .map(|q| SecrecyAnswer {
                key: q.key.clone(),
                concern: Some(q.key.as_str()) == concern,
            })
            .collect(),
        opinion: if concern.is_some() {
            "身份证号未脱敏，删减后再审"
        } else {
            ""
        }
        .to_owned(),
    })
    .map(|_| ())
    .map_err(|e| e.message)
}

fn publish(api: &Api, record: &str, on: &str) -> Result<gongkai_api::wire::RecordDetail, String> {
    api.record_publish(PublishInput {
        record_id: record.to_owned(),
        channel: "政府网站".to_owned(),
        location: "示范县人民政府网站·基层政务公开专栏".to_owned(),
        published_on: Some(on.to_owned()),
        published_by: "李明".to_owned(),
        note: None,
    })
    .map_err(|e| e.message)
}

#[test]
fn a_record_reaches_published_only_after_three_reviews_and_the_secrecy_check() {
    let dir = TempDir::new().unwrap();
    let api = demo(&dir);
    // Formed the Friday before National Day 2025: the 8 days off are skipped and the two
    // make-up days (Sunday 9-28, Saturday 10-11) count.
    let record = api
        .record_save(input(&api, "2025年耕地地力保护补贴发放结果", "2025-09-26"))
        .unwrap();
    let id = record.summary.id.clone();
    assert_eq!(record.summary.due_on, "2025-10-30");
    assert_eq!(record.summary.time_limit_days, 20);
    assert_eq!(record.document_note, "（此件公开发布）");
    assert_eq!(record.summary.blockers.len(), 4);

    let refused = publish(&api, &id, "2025-10-10").unwrap_err();
    assert!(
        refused.contains("尚未完成“拟稿”") && refused.contains("尚未进行保密审查"),
        "{refused}"
    );

    assert!(
        sign(&api, &id, "review", "王芳", true)
            .unwrap_err()
            .contains("须先完成“拟稿”")
    );
    assert!(
        sign(&api, &id, "draft", "王芳", true)
            .unwrap_err()
            .contains("没有“拟稿”职责")
    );
    sign(&api, &id, "draft", "李明", true).unwrap();
    // 赵丽 may draft and review, but one person cannot sign two levels of one record.
    sign(&api, &id, "review", "王芳", true).unwrap();
    sign(&api, &id, "approve", "张建国", true).unwrap();
    assert_eq!(
        api.record_get(IdArgs { id: id.clone() })
            .unwrap()
            .summary
            .blockers,
        ["尚未进行保密审查"]
    );
    secrecy(&api, &id, Some("personal_information")).unwrap();
    assert!(
        publish(&api, &id, "2025-10-10")
            .unwrap_err()
            .contains("保密审查未通过")
    );
    secrecy(&api, &id, None).unwrap();
    assert!(
        publish(&api, &id, "2025-09-20")
            .unwrap_err()
            .contains("早于信息形成日期")
    );

    let published = publish(&api, &id, "2025-10-10").unwrap();
    assert_eq!(published.summary.status.key(), "published");
    assert_eq!(published.summary.deadline.key(), "on_time");
    assert_eq!(published.publications.len(), 1);
    let edit = RecordInput {
        id: Some(id.clone()),
        ..input(&api, "改标题", "2025-09-26")
    };
    assert!(
        api.record_save(edit)
            .unwrap_err()
            .message
            .contains("不能修改")
    );

    let register = api.publications_list(NoArgs {}).unwrap().publications;
    assert_eq!(register[0].record_title, "2025年耕地地力保护补贴发放结果");
    for format in ["xlsx", "pdf"] {
        let out = dir.path().join(format!("登记簿.{format}"));
        api.publications_export(RegisterExportArgs {
            format: format.to_owned(),
            out: out.display().to_string(),
            year: Some(2025),
        })
        .unwrap();
        assert!(std::fs::metadata(&out).unwrap().len() > 1000);
    }
    let pdf = std::process::Command::new("pdftotext")
        .arg(dir.path().join("登记簿.pdf"))
        .arg("-")
        .output()
        .expect("pdftotext (poppler-utils)");
    let text = String::from_utf8(pdf.stdout).unwrap();
    assert!(
        text.contains("发布登记簿") && text.contains("耕地地力保护补贴发放结果"),
        "{text}"
    );

    let compliance = api
        .records_compliance(ComplianceArgs { year: Some(2025) })
        .unwrap();
    let subsidy = compliance
        .domains
        .iter()
        .find(|d| d.domain == "涉农补贴")
        .unwrap();
    assert_eq!(subsidy.on_time, 1);
    assert_eq!(subsidy.never_disclosed as usize, subsidy.items.len() - 1);
    assert!(compliance.domains.len() >= 26);

    let found = api
        .records_search(RecordSearchArgs {
            query: "地力保护".to_owned(),
        })
        .unwrap();
    assert_eq!(found.records.len(), 1);
}

/// 三审 and 保密审查 all passed.
fn through_the_controls(api: &Api, id: &str) {
    sign(api, id, "draft", "李明", true).unwrap();
    sign(api, id, "review", "王芳", true).unwrap();
    sign(api, id, "approve", "张建国", true).unwrap();
    secrecy(api, id, None).unwrap();
}

#[test]
fn a_full_id_number_typed_into_a_record_stands_between_it_and_publication() {
    let dir = TempDir::new().unwrap();
    let api = demo(&dir);
    let full = "11010519491231002X";
    let id = api
        .record_save(RecordInput {
            body: format!("补发对象：张伟，身份证号 {full}，补发 120 元"),
            ..input(&api, "2025年耕地地力保护补贴补发结果", "2025-09-26")
        })
        .unwrap()
        .summary
        .id;
    through_the_controls(&api, &id);
    let blockers = api
        .record_get(IdArgs { id: id.clone() })
        .unwrap()
        .summary
        .blockers;
    assert_eq!(
        blockers,
        ["正文（1101**********002X）中有完整的身份证号，请只保留脱敏后的号码"]
    );
    let refused = publish(&api, &id, "2025-10-10").unwrap_err();
    assert!(refused.contains("中有完整的身份证号"), "{refused}");
    assert!(
        !refused.contains(full),
        "the refusal masks the number: {refused}"
    );

    api.record_save(RecordInput {
        id: Some(id.clone()),
        body: "补发对象：张伟，身份证号 110***********002X，补发 120 元".to_owned(),
        ..input(&api, "2025年耕地地力保护补贴补发结果", "2025-09-26")
    })
    .unwrap();
    through_the_controls(&api, &id);
    assert_eq!(
        publish(&api, &id, "2025-10-10")
            .unwrap()
            .summary
            .status
            .key(),
        "published"
    );
}

#[test]
fn a_return_sends_the_record_back_and_edits_clear_the_signatures() {
    let dir = TempDir::new().unwrap();
    let api = demo(&dir);
    let id = api
        .record_save(input(&api, "2025年农机购置补贴结果", "2025-09-26"))
        .unwrap()
        .summary
        .id;
    sign(&api, &id, "draft", "李明", true).unwrap();
    assert!(
        sign(&api, &id, "approve", "张建国", true).is_err(),
        "审定 before 审核"
    );
    sign(&api, &id, "review", "王芳", false).unwrap();
    let detail = api.record_get(IdArgs { id: id.clone() }).unwrap();
    assert_eq!(detail.reviews.len(), 2);
    assert!(detail.reviews.iter().all(|r| r.cleared));
    assert!(
        detail
            .summary
            .blockers
            .contains(&"尚未完成“拟稿”".to_owned())
    );

    sign(&api, &id, "draft", "李明", true).unwrap();
    sign(&api, &id, "review", "王芳", true).unwrap();
    let edited = api
        .record_save(RecordInput {
            id: Some(id.clone()),
            body: "更正了发放金额".to_owned(),
            ..input(&api, "2025年农机购置补贴结果", "2025-09-26")
        })
        .unwrap();
    assert!(
        edited.reviews.iter().all(|r| r.cleared),
        "an edit clears what was signed"
    );
}

#[test]
fn withheld_records_need_a_statutory_ground_and_are_never_published() {
    let dir = TempDir::new().unwrap();
    let api = demo(&dir);
    let no_reason = api.record_save(RecordInput {
        attribute: "withheld".to_owned(),
        ground: Some("personal_privacy".to_owned()),
        ..input(&api, "低保家庭收入核查材料", "2025-10-09")
    });
    assert!(no_reason.unwrap_err().message.contains("具体理由"));
    let record = api
        .record_save(RecordInput {
            attribute: "withheld".to_owned(),
            ground: Some("personal_privacy".to_owned()),
            attribute_reason: Some("含申请家庭成员收入、健康等个人隐私".to_owned()),
            ..input(&api, "低保家庭收入核查材料", "2025-10-09")
        })
        .unwrap();
    assert_eq!(record.summary.deadline.key(), "not_applicable");
    assert_eq!(record.document_note, "（此件不予公开）");
    let id = record.summary.id;
    sign(&api, &id, "draft", "李明", true).unwrap();
    sign(&api, &id, "review", "王芳", true).unwrap();
    sign(&api, &id, "approve", "张建国", true).unwrap();
    secrecy(&api, &id, None).unwrap();
    assert!(
        publish(&api, &id, "2025-10-10")
            .unwrap_err()
            .contains("不能主动发布")
    );
}

#[test]
fn due_dates_are_explained_day_by_day() {
    let dir = TempDir::new().unwrap();
    let api = demo(&dir);
    let id = api
        .record_save(input(&api, "国庆前形成的信息", "2025-09-26"))
        .unwrap()
        .summary
        .id;
    let explained = api.record_explain_due(IdArgs { id }).unwrap();
    assert_eq!(explained.due_on, "2025-10-30");
    assert_eq!(explained.holidays_skipped, 8);
    assert_eq!(explained.make_up_days_used, 2);
    assert!(
        explained
            .days
            .iter()
            .any(|d| d.date == "2025-09-28" && d.kind == "调休上班（国庆节、中秋节）")
    );
    assert_eq!(explained.days.last().unwrap().workdays_so_far, 20);

    let strict = api.calendar_add_workdays(AddWorkdaysArgs {
        date: "2019-09-30".to_owned(),
        workdays: 20,
    });
    assert_eq!(strict.unwrap().due_on, "2019-11-01");
    let beyond = api.calendar_add_workdays(AddWorkdaysArgs {
        date: "2030-01-02".to_owned(),
        workdays: 5,
    });
    assert!(beyond.unwrap_err().message.contains("尚未收录"));
}

#[test]
fn attachments_are_kept_in_the_database_and_clear_the_signatures() {
    use gongkai_api::wire::{AttachArgs, AttachmentSaveArgs};
    let dir = TempDir::new().unwrap();
    let api = demo(&dir);
    let id = api
        .record_save(input(&api, "2025年农机购置补贴结果", "2025-09-26"))
        .unwrap()
        .summary
        .id;
    sign(&api, &id, "draft", "李明", true).unwrap();
    let file = dir.path().join("发放明细.pdf");
    std::fs::write(&file, b"%PDF-1.4 test attachment").unwrap();
    let detail = api
        .record_attach(AttachArgs {
            record_id: id.clone(),
            path: file.display().to_string(),
        })
        .unwrap();
    assert_eq!(detail.attachments[0].file_name, "发放明细.pdf");
    assert_eq!(detail.attachments[0].size, 24);
    assert!(
        detail.reviews.iter().all(|r| r.cleared),
        "new content, new review"
    );
    std::fs::remove_file(&file).unwrap();
    let out = dir.path().join("取回.pdf");
    api.record_attachment_save(AttachmentSaveArgs {
        id: detail.attachments[0].id.clone(),
        out: out.display().to_string(),
    })
    .unwrap();
    assert_eq!(std::fs::read(&out).unwrap(), b"%PDF-1.4 test attachment");
}

/// A due date reaching into a year whose holiday notice is not out yet is provisional, and is
/// counted again when calendar data for that year arrives.
#[test]
fn provisional_due_dates_are_recounted_when_the_calendar_is_updated() {
    use gongkai_api::wire::CalendarFileArgs;
    let dir = TempDir::new().unwrap();
    let api = demo(&dir);
    let record = api
        .record_save(input(&api, "年底形成的信息", "2026-12-24"))
        .unwrap();
    assert!(record.summary.due_provisional);
    // Weekdays only: 20 working days after Thursday 2026-12-24 is Thursday 2027-01-21.
    assert_eq!(record.summary.due_on, "2027-01-21");

    // A test fixture, not real data: the bundled calendar plus a 2027 with New Year's Day off
    // on Friday 2027-01-01 only.
    let bundled = std::fs::read_to_string(
        std::path::PathBuf::from(
            std::env::var_os("CARGO_MANIFEST_DIR").expect("cargo test sets CARGO_MANIFEST_DIR"),
        )
        .join("../../assets/calendar/cn-workdays.json"),
    )
    .unwrap();
    let mut data: serde_json::Value = serde_json::from_str(&bundled).unwrap();
    let mut year = data["years"].as_array().unwrap().last().unwrap().clone();
    year["year"] = 2027.into();
    year["issued"] = "2026-11-20".into();
    year["notice"] = "测试用：2027年部分节假日安排".into();
    year["holidays"] =
        serde_json::json!([{"name": "元旦", "from": "2027-01-01", "to": "2027-01-01"}]);
    year["make_up_workdays"] = serde_json::json!([]);
    data["years"].as_array_mut().unwrap().push(year);
    data["version"] = "2026-11-20".into();
    let file = dir.path().join("calendar.json");
    std::fs::write(&file, serde_json::to_string(&data).unwrap()).unwrap();

    let updated = api
        .calendar_update_import(CalendarFileArgs {
            path: file.display().to_string(),
        })
        .unwrap();
    assert_eq!((updated.last_year, updated.recounted), (2027, 1));
    let after = api
        .record_get(IdArgs {
            id: record.summary.id,
        })
        .unwrap();
    assert!(!after.summary.due_provisional);
    assert_eq!(
        after.summary.due_on, "2027-01-22",
        "New Year's Day 2027 is skipped"
    );
    assert_eq!(after.calendar_version, "2026-11-20");
    let again = api.calendar_update_import(CalendarFileArgs {
        path: file.display().to_string(),
    });
    assert!(again.unwrap_err().message.contains("不比正在使用的"));
}

/// Publishing tells the shell that something waits for the county, so sync runs at once.
#[test]
fn a_publication_signals_the_outbox() {
    use std::sync::Arc;
    use std::sync::atomic::{AtomicUsize, Ordering};
    let dir = TempDir::new().unwrap();
    let api = demo(&dir);
    let writes = Arc::new(AtomicUsize::new(0));
    let counted = writes.clone();
    api.on_outbox_write(move || {
        counted.fetch_add(1, Ordering::SeqCst);
    });
    let id = api
        .record_save(input(&api, "2025年农机购置补贴结果", "2025-09-26"))
        .unwrap()
        .summary
        .id;
    sign(&api, &id, "draft", "李明", true).unwrap();
    sign(&api, &id, "review", "王芳", true).unwrap();
    sign(&api, &id, "approve", "张建国", true).unwrap();
    secrecy(&api, &id, None).unwrap();
    assert_eq!(
        writes.load(Ordering::SeqCst),
        0,
        "drafts and reviews stay at the township"
    );
    publish(&api, &id, "2025-10-10").unwrap();
    assert_eq!(writes.load(Ordering::SeqCst), 1);
}
