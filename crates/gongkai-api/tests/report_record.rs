//! The annual report as a disclosure record (issue 12): finalizing makes one record with the
//! report's PDF and .docx under the township's own catalog item, held by 三审 and 保密审查 like
//! every record; a change re-finalized replaces the draft's files or, once published, withdraws
//! the record for a new one, never a second one in force. Published, it syncs to the real county
//! portal on loopback with its 表三, and the county sums two townships' 表三 cell by cell. An
//! unbalanced 表三 is refused with nothing written; the lived-in demo leaves last year's draft.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod support;

use chrono::NaiveDate;
use gongkai_api::Api;
use gongkai_api::wire::{
    IdArgs, LetterFormat, NoArgs, PublishInput, RecordDetail, RecordStatus, ReportDraft,
    ReportExportArgs, ReportView, ReportYearArgs, ReviewInput, SecrecyAnswer, SecrecyInput,
    SyncArgs, TownshipInput,
};
use gongkai_portal::db;
use sha2::Digest;
use support::county::County;
use support::requests::{self, signers};
use tempfile::TempDir;

const YEAR: i32 = 2025;

/// A request of `kind` received on `on`; answered 予以公开 (through its own 三审 and 保密审查)
/// on `answered` when given.
fn request(api: &Api, n: usize, kind: &str, on: &str, answered: Option<&str>) -> String {
    let id = requests::add(api, n, kind, on);
    if let Some(replied) = answered {
        answer(api, &id, replied);
    }
    id
}

fn answer(api: &Api, id: &str, on: &str) {
    requests::answer(api, id, "granted", Some("disclosed"), on, &signers(api));
}

fn write_sections(api: &Api, year: i32, problems: &str) {
    api.report_save(ReportDraft {
        year,
        overview: format!("{year}年，本镇依法做好政府信息公开工作。"),
        problems_text: problems.to_owned(),
        other_text: "本年度未收取信息处理费。".to_owned(),
        stated_fees_fen: Some(0),
        ..ReportDraft::default()
    })
    .unwrap();
}

fn finalize(api: &Api, dir: &TempDir, year: i32) -> Result<String, String> {
    api.report_export(ReportExportArgs {
        year,
        format: LetterFormat::Pdf,
        out: dir.path().join(format!("{year}.pdf")).display().to_string(),
        final_export: true,
    })
    .map(|done| done.record_id.unwrap())
    .map_err(|e| e.message)
}

fn record(api: &Api, id: &str) -> RecordDetail {
    api.record_get(IdArgs { id: id.to_owned() }).unwrap()
}

fn sign_all(api: &Api, id: &str) {
    let people = signers(api);
    for (stage, who) in ["draft", "review", "approve"].into_iter().zip(&people) {
        api.record_review(ReviewInput {
            record_id: id.to_owned(),
            stage: stage.to_owned(),
            person_id: who.clone(),
            decided_on: None,
            opinion: "同意".to_owned(),
            passed: true,
        })
        .unwrap();
    }
    let options = api.record_options(NoArgs {}).unwrap();
    api.record_secrecy(SecrecyInput {
        record_id: id.to_owned(),
        reviewer_id: people[1].clone(),
        decided_on: None,
        answers: options
            .secrecy_questions
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

fn publish(api: &Api, id: &str) -> Result<RecordDetail, String> {
    api.record_publish(PublishInput {
        record_id: id.to_owned(),
        channel: "政府网站".to_owned(),
        location: "示范县人民政府网站·基层政务公开专栏".to_owned(),
        published_on: None,
        published_by: "李明".to_owned(),
        note: None,
    })
    .map_err(|e| e.message)
}

fn sync(api: &Api, county: &County) {
    let report = api
        .sync_now(SyncArgs {
            portal: Some(county.url()),
            trigger: None,
        })
        .unwrap();
    assert!(report.rejected.is_empty(), "{report:?}");
    assert_eq!(report.pending, 0, "{report:?}");
}

fn view(api: &Api, year: i32) -> ReportView {
    api.report_build(ReportYearArgs { year: Some(year) })
        .unwrap()
}

/// A year of requests: `natural` by 自然人 and `business` by 商业企业, all answered in the year.
fn requests(api: &Api, natural: usize, business: usize) {
    for n in 0..natural {
        request(api, n, "natural_person", "2025-03-03", Some("2025-03-10"));
    }
    for n in 0..business {
        request(api, 100 + n, "commercial", "2025-04-01", Some("2025-04-08"));
    }
}

#[test]
fn a_finalized_report_is_one_record_through_the_gate_synced_and_summed_by_the_county() {
    let dir = TempDir::new().unwrap();
    let county = County::start(dir.path());

    // 示范镇: three requests by 自然人 and one by a company in 2025.
    let a = support::demo(&dir);
    requests(&a, 3, 1);
    write_sections(&a, YEAR, "无。");
    let first = finalize(&a, &dir, YEAR).unwrap();
    let detail = record(&a, &first);
    assert_eq!(detail.summary.status, RecordStatus::Draft);
    assert_eq!(
        detail.summary.item_key,
        "政务公开工作/政府信息公开工作年度报告/年度报告"
    );
    assert_eq!(detail.summary.title, "示范镇2025年政府信息公开工作年度报告");
    let names: Vec<&str> = detail
        .attachments
        .iter()
        .map(|f| f.file_name.as_str())
        .collect();
    assert_eq!(
        names,
        [
            "示范镇2025年政府信息公开工作年度报告.pdf",
            "示范镇2025年政府信息公开工作年度报告.docx"
        ]
    );
    assert_eq!(
        view(&a, YEAR).draft.record_id.as_deref(),
        Some(first.as_str())
    );

    // The gate: not published before 三审 and 保密审查.
    let refused = publish(&a, &first).unwrap_err();
    assert!(refused.contains("还不能发布"), "{refused}");
    sign_all(&a, &first);

    // Finalized again unchanged: the same record, signatures kept.
    assert_eq!(finalize(&a, &dir, YEAR).unwrap(), first);
    assert!(record(&a, &first).summary.blockers.is_empty());

    // Changed while a draft: the same record with the new files, its signatures cleared.
    write_sections(&a, YEAR, "个别信息公开不够及时。");
    assert_eq!(finalize(&a, &dir, YEAR).unwrap(), first);
    let changed = record(&a, &first);
    assert_eq!(changed.attachments.len(), 2);
    assert_ne!(changed.attachments[0].sha256, detail.attachments[0].sha256);
    assert!(!changed.summary.blockers.is_empty());
    assert!(publish(&a, &first).is_err());
    sign_all(&a, &first);
    assert_eq!(
        publish(&a, &first).unwrap().summary.status,
        RecordStatus::Published
    );

    // Changed once published: the published record is withdrawn for a new one.
    write_sections(&a, YEAR, "个别信息公开不够及时，已建立按月核对制度。");
    let second = finalize(&a, &dir, YEAR).unwrap();
    assert_ne!(second, first);
    assert_eq!(record(&a, &first).summary.status, RecordStatus::Withdrawn);
    assert_eq!(record(&a, &second).summary.status, RecordStatus::Draft);
    let in_force: Vec<_> = a
        .records_list(NoArgs {})
        .unwrap()
        .records
        .into_iter()
        .filter(|r| r.item_key.starts_with("政务公开工作/") && r.status != RecordStatus::Withdrawn)
        .collect();
    assert_eq!(in_force.len(), 1, "one report record in force");
    sign_all(&a, &second);
    publish(&a, &second).unwrap();
    county.register(&a.sync_identity(NoArgs {}).unwrap());
    sync(&a, &county);

    // 东岭乡, another township of the county: one request by 自然人, two by companies.
    let other_dir = TempDir::new().unwrap();
    let b = support::demo(&other_dir);
    // Another township's code: the demo's villages, whose codes start with 示范镇's, go first.
    for village in b.profile_get(NoArgs {}).unwrap().villages {
        b.village_delete(IdArgs { id: village.id }).unwrap();
    }
    let profile = b.profile_get(NoArgs {}).unwrap();
    let code = profile.township.division_code.clone().unwrap();
    let other_code = format!(
        "{}{}",
        &code[..code.len() - 1],
        if code.ends_with('2') { 3 } else { 2 }
    );
    b.township_update(TownshipInput {
        name: "东岭乡".to_owned(),
        division_code: Some(other_code.clone()),
        credit_code: profile.township.credit_code.clone(),
        county: profile.township.county.clone(),
    })
    .unwrap();
    requests(&b, 1, 2);
    write_sections(&b, YEAR, "无。");
    let theirs = finalize(&b, &other_dir, YEAR).unwrap();
    sign_all(&b, &theirs);
    publish(&b, &theirs).unwrap();
    let mut conn = db::open(&county.db).unwrap();
    db::township_add(
        &mut conn,
        &other_code,
        "东岭乡",
        &b.sync_identity(NoArgs {}).unwrap().public_key,
    )
    .unwrap();
    drop(conn);
    sync(&b, &county);

    // The county: each township's report once, and 表三 summed cell by cell.
    let summed = db::county_table3(&db::open(&county.db).unwrap(), YEAR).unwrap();
    assert_eq!(summed.townships.len(), 2);
    let (va, vb) = (view(&a, YEAR), view(&b, YEAR));
    assert_eq!(va.tables.table3.columns.len(), summed.columns.len());
    let mut nonzero = 0;
    for (r, row) in va.tables.table3.rows.iter().enumerate() {
        for (c, column) in va.tables.table3.columns.iter().enumerate() {
            let expected = row.cells[c] + vb.tables.table3.rows[r].cells[c];
            let at = summed
                .columns
                .iter()
                .position(|k| k.key == column.key)
                .unwrap();
            let got = summed.rows.iter().find(|s| s.key == row.key).unwrap().cells[at];
            assert_eq!(got, expected, "{} × {}", row.label, column.label);
            nonzero += usize::from(expected > 0);
        }
    }
    assert!(nonzero >= 4, "the sums were checked on real counts");
    let natural = summed
        .columns
        .iter()
        .position(|c| c.key == "natural_person")
        .unwrap();
    let received = summed
        .rows
        .iter()
        .find(|r| r.key == "new_received")
        .unwrap();
    assert_eq!(received.cells[natural], 3 + 1);
    // The withdrawn first version is not counted: one row per township.
    assert_eq!(
        county.count("SELECT count(*) FROM annual_report WHERE year = 2025"),
        2
    );
    let sha = record(&a, &second).attachments[0].sha256.clone();
    assert_eq!(
        county.count(&format!(
            "SELECT count(*) FROM annual_report WHERE pdf_sha256 = '{sha}'"
        )),
        1
    );
}

/// Finalized again on a later day with nothing changed: the PDF and .docx would carry the new
/// date, but the report is the same, so the published record stays in force with its first
/// files, nothing is withdrawn and nothing goes to the county.
#[test]
fn an_unchanged_report_finalized_on_a_later_day_keeps_its_published_record() {
    let dir = TempDir::new().unwrap();
    let api = support::demo(&dir);
    requests(&api, 2, 1);
    write_sections(&api, YEAR, "无。");
    let day = NaiveDate::from_ymd_opt(2026, 1, 20).unwrap();
    let export_on = |on: NaiveDate, format: LetterFormat, name: &str| {
        let out = dir.path().join(name);
        api.report_export_on(
            ReportExportArgs {
                year: YEAR,
                format,
                out: out.display().to_string(),
                final_export: true,
            },
            on,
        )
        .map(|done| (done.record_id.unwrap(), std::fs::read(&out).unwrap()))
        .unwrap()
    };
    let (first, pdf) = export_on(day, LetterFormat::Pdf, "first.pdf");
    sign_all(&api, &first);
    publish(&api, &first).unwrap();
    let published = record(&api, &first);
    let outbox = api.sync_status(NoArgs {}).unwrap();

    let next_day = day.succ_opt().unwrap();
    let (again, pdf_again) = export_on(next_day, LetterFormat::Pdf, "again.pdf");
    assert_eq!(again, first, "the same record");
    let kept = record(&api, &first);
    assert_eq!(
        kept.summary.status,
        RecordStatus::Published,
        "not withdrawn"
    );
    assert_eq!(kept.attachments, published.attachments, "the first files");
    assert_eq!(
        pdf_again, pdf,
        "the file written is the record's, dated the first day"
    );
    assert_eq!(
        api.sync_status(NoArgs {}).unwrap(),
        outbox,
        "nothing queued"
    );
    let (_, docx) = export_on(next_day, LetterFormat::Docx, "again.docx");
    let held_docx = &published.attachments[1];
    let sha: String = sha2::Sha256::digest(&docx)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    assert_eq!(
        sha, held_docx.sha256,
        "the .docx written is the record's too"
    );

    // A change on the later day is a new report: the published one is withdrawn for it.
    write_sections(&api, YEAR, "个别信息公开不够及时。");
    let (changed, _) = export_on(next_day, LetterFormat::Pdf, "changed.pdf");
    assert_ne!(changed, first);
    assert_eq!(record(&api, &first).summary.status, RecordStatus::Withdrawn);
}

#[test]
fn an_unbalanced_table3_is_not_finalized_and_nothing_is_written() {
    let dir = TempDir::new().unwrap();
    let api = support::demo(&dir);
    // A request still open at the end of 2024 is frozen as 结转下年度 by 2024's final report…
    let open = request(&api, 1, "natural_person", "2024-12-20", None);
    write_sections(&api, 2024, "无。");
    let record_2024 = finalize(&api, &dir, 2024).unwrap();
    // …then its reply is entered with a date in 2024: 2025's 上年结转 no longer agrees.
    answer(&api, &open, "2024-12-27");
    write_sections(&api, YEAR, "无。");
    let before = api.records_list(NoArgs {}).unwrap().records.len();
    let outbox = api.sync_status(NoArgs {}).unwrap();
    let out = dir.path().join("2025.pdf");

    let refused = finalize(&api, &dir, YEAR).unwrap_err();
    assert!(
        refused.contains("表三不平衡") || refused.contains("不一致"),
        "{refused}"
    );
    assert!(refused.contains("上年结转"), "{refused}");
    assert!(!out.exists(), "no file written");
    assert_eq!(api.records_list(NoArgs {}).unwrap().records.len(), before);
    assert_eq!(api.sync_status(NoArgs {}).unwrap(), outbox);
    let draft = view(&api, YEAR).draft;
    assert_eq!((draft.record_id, draft.finalized_at), (None, None));
    assert_eq!(view(&api, 2024).draft.record_id, Some(record_2024));
}

#[test]
fn the_lived_in_demo_has_last_years_report_in_progress() {
    let dir = TempDir::new().unwrap();
    let api = Api::new(dir.path().join("demo.sqlite3"));
    api.setup_demo_lived_in(NoArgs {}).unwrap();
    let report = api.report_build(ReportYearArgs { year: None }).unwrap();
    assert_eq!(report.draft.overview, report.overview_suggestion);
    assert!(!report.draft.overview.is_empty());
    assert!(!report.draft.problems_text.is_empty());
    assert_eq!(report.draft.finalized_at, None);
    assert_eq!(report.cases.len(), 2);
}
