//! The annual report end to end on a real database: a year of requests registered and answered
//! through the requests commands, 复议/诉讼 cases and entered 表二 counts, the tables built and
//! checked cell by cell, the PDF read back with pdftotext and rendered with pdftoppm into
//! `artifacts/report/`, the .docx opened, and bad input refused in Chinese with nothing written.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod support;

use std::collections::BTreeMap;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::Command;

use gongkai_api::Api;
use gongkai_api::wire::{
    DisclosureCaseInput, DisclosureCaseKind, DisclosureCaseOutcome, LetterFormat, NoArgs,
    ReportDraft, ReportExportArgs, ReportView, ReportYearArgs,
};
use support::requests::{add, answer, signers};
use tempfile::TempDir;

const APPLICANTS: [&str; 6] = [
    "natural_person",
    "commercial",
    "research",
    "public_welfare",
    "legal_service",
    "other_org",
];

/// Replies the requests commands take without earlier steps, and the 表三 row each counts in.
const REPLIES: [(&str, Option<&str>, &str); 19] = [
    ("granted", Some("disclosed"), "granted"),
    ("partial", Some("third_party"), "partial"),
    ("denied", Some("state_secret"), "denied_1"),
    ("denied", Some("forbidden_by_law"), "denied_2"),
    ("denied", Some("three_securities"), "denied_3"),
    ("denied", Some("third_party"), "denied_4"),
    ("denied", Some("internal_affairs"), "denied_5"),
    ("denied", Some("process_information"), "denied_6"),
    ("denied", Some("enforcement_case_file"), "denied_7"),
    ("denied", Some("administrative_query"), "denied_8"),
    ("unable", Some("not_held"), "unable_1"),
    ("unable", Some("needs_creation"), "unable_2"),
    ("not_processed", Some("petition"), "not_processed_1"),
    ("not_processed", Some("repeat"), "not_processed_2"),
    ("not_processed", Some("publication"), "not_processed_3"),
    ("not_processed", Some("excessive"), "not_processed_4"),
    ("not_processed", Some("reconfirm"), "not_processed_5"),
    ("other", Some("other"), "other_3"),
    ("granted", Some("already_published"), "granted"),
];

fn artifacts() -> PathBuf {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../artifacts/report");
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn demo(dir: &TempDir) -> Api {
    let api = Api::new(dir.path().join("demo.sqlite3"));
    api.setup_demo(NoArgs {}).unwrap();
    api
}

fn case(
    kind: DisclosureCaseKind,
    filed: &str,
    outcome: Option<(DisclosureCaseOutcome, &str)>,
) -> DisclosureCaseInput {
    DisclosureCaseInput {
        id: None,
        kind,
        case_number: String::new(),
        subject: "对答复不服".to_owned(),
        filed_on: filed.to_owned(),
        outcome: outcome.map(|(o, _)| o),
        decided_on: outcome.map(|(_, d)| d.to_owned()),
        note: String::new(),
    }
}

fn cell(view: &ReportView, row: &str, column: &str) -> u32 {
    let t = &view.tables.table3;
    let c = t.columns.iter().position(|c| c.key == column).unwrap();
    t.rows.iter().find(|r| r.key == row).unwrap().cells[c]
}

/// 2025: 38 requests received (the i-th from applicant i mod 6, replied with REPLIES[i mod 19]),
/// two received in December and not answered in the year, two from December 2024 answered in
/// January. Returns what each 表三 applicant cell should hold.
fn a_year(api: &Api) -> BTreeMap<(String, String), u32> {
    let people = signers(api);
    let mut expected: BTreeMap<(String, String), u32> = BTreeMap::new();
    let mut count = |row: &str, column: &str| {
        *expected
            .entry((row.to_owned(), column.to_owned()))
            .or_insert(0) += 1;
    };
    for i in 0..38 {
        let kind = APPLICANTS[i % 6];
        let (outcome, ground, row) = REPLIES[i % 19];
        let month = 1 + i % 11;
        let id = add(api, i, kind, &format!("2025-{month:02}-03"));
        answer(
            api,
            &id,
            outcome,
            ground,
            &format!("2025-{month:02}-20"),
            &people,
        );
        count("new_received", kind);
        count(row, kind);
    }
    for (n, kind) in [(100, "research"), (101, "natural_person")] {
        add(api, n, kind, "2025-12-22");
        count("new_received", kind);
        count("carry_forward", kind);
    }
    for (n, kind) in [(200, "natural_person"), (201, "legal_service")] {
        let id = add(api, n, kind, "2024-12-23");
        answer(
            api,
            &id,
            "granted",
            Some("disclosed"),
            "2025-01-10",
            &people,
        );
        count("carried_over", kind);
        count("granted", kind);
    }
    expected
}

#[test]
fn a_year_of_requests_builds_every_table_and_exports_pdf_and_docx() {
    let dir = TempDir::new().unwrap();
    let api = demo(&dir);
    let expected = a_year(&api);
    api.report_save(ReportDraft {
        year: 2025,
        overview:
            "2025年，示范镇认真贯彻落实《中华人民共和国政府信息公开条例》。\n全年主动公开政府信息。"
                .to_owned(),
        problems_text: "公开栏更新不够及时。".to_owned(),
        other_text: "本年度未收取信息处理费。".to_owned(),
        stated_fees_fen: Some(0),
        regulations: [0, 0, 0],
        licensing_decisions: 45,
        penalty_decisions: 7,
        enforcement_decisions: 1,
        admin_fees_fen: 1_234_500,
        finalized_at: None,
        record_id: None,
    })
    .unwrap();
    for input in [
        case(
            DisclosureCaseKind::Review,
            "2025-03-01",
            Some((DisclosureCaseOutcome::Upheld, "2025-05-01")),
        ),
        case(
            DisclosureCaseKind::Review,
            "2025-06-01",
            Some((DisclosureCaseOutcome::Corrected, "2025-08-01")),
        ),
        case(DisclosureCaseKind::LitDirect, "2025-07-01", None),
        // Decided in 2026: still 尚未审结 at the end of 2025.
        case(
            DisclosureCaseKind::LitAfterReview,
            "2025-10-01",
            Some((DisclosureCaseOutcome::Other, "2026-02-01")),
        ),
        // Filed in 2024: not in 2025's table.
        case(
            DisclosureCaseKind::Review,
            "2024-10-01",
            Some((DisclosureCaseOutcome::Upheld, "2025-01-05")),
        ),
    ] {
        api.report_case_save(input).unwrap();
    }

    let view = api
        .report_build(ReportYearArgs { year: Some(2025) })
        .unwrap();
    assert_eq!(view.title, "示范镇2025年政府信息公开工作年度报告");
    assert!(view.problems.is_empty(), "{:#?}", view.problems);
    // Every applicant cell as registered; every 总计 the sum of its row.
    for row in &view.tables.table3.rows {
        if row.key == "results_total" {
            continue;
        }
        let mut sum = 0;
        for column in APPLICANTS {
            let want = expected
                .get(&(row.key.clone(), column.to_owned()))
                .copied()
                .unwrap_or(0);
            assert_eq!(
                cell(&view, &row.key, column),
                want,
                "{} / {column}",
                row.key
            );
            sum += want;
        }
        assert_eq!(cell(&view, &row.key, "total"), sum, "{} / total", row.key);
    }
    for column in APPLICANTS {
        assert!(
            cell(&view, "new_received", column) > 0,
            "{column} not covered"
        );
    }
    assert_eq!(cell(&view, "new_received", "total"), 40);
    assert_eq!(cell(&view, "carried_over", "total"), 2);
    assert_eq!(cell(&view, "results_total", "total"), 40);
    assert_eq!(cell(&view, "carry_forward", "total"), 2);
    // 表四: 复议 1 维持 + 1 纠正; 直接起诉 1 pending; 复议后起诉 decided after the year: pending.
    let groups: Vec<&Vec<u32>> = view.tables.table4.groups.iter().map(|g| &g.cells).collect();
    assert_eq!(
        groups,
        [
            &vec![1, 1, 0, 0, 2],
            &vec![0, 0, 0, 1, 1],
            &vec![0, 0, 0, 1, 1]
        ]
    );
    assert_eq!(view.cases.len(), 4);
    // 表二: entered counts, the fee in 万元.
    let table2: Vec<(String, Vec<String>)> = view
        .tables
        .table2
        .iter()
        .flat_map(|p| p.rows.iter().map(|r| (r.label.clone(), r.cells.clone())))
        .collect();
    assert!(table2.contains(&("行政许可".to_owned(), vec!["45".to_owned()])));
    assert!(table2.contains(&("行政事业性收费".to_owned(), vec!["1.2345".to_owned()])));
    // Section 一's suggestion counts the same year.
    assert!(
        view.overview_suggestion
            .contains("全年新收政府信息公开申请 40 件，上年结转 2 件，办结 40 件"),
        "{}",
        view.overview_suggestion
    );

    let pdf = artifacts().join("annual-report-2025.pdf");
    let exported = api
        .report_export(ReportExportArgs {
            year: 2025,
            format: LetterFormat::Pdf,
            out: pdf.to_string_lossy().into_owned(),
            final_export: false,
        })
        .unwrap();
    assert_eq!(exported.path, pdf.to_string_lossy());
    let text = Command::new("pdftotext")
        .args(["-layout", pdf.to_str().unwrap(), "-"])
        .output()
        .unwrap();
    assert!(text.status.success());
    let text = String::from_utf8(text.stdout).unwrap();
    for expected in [
        "示范镇2025年政府信息公开工作年度报告",
        "一、总体情况",
        "第二十条第（一）项",
        "1.2345",
        "三、收到和处理政府信息公开申请情况",
        "申请人情况",
        "法人或其他组织",
        "结转下年度继续办理",
        "行政复议",
        "复议后起诉",
        "六、其他需要报告的事项",
        "示范镇人民政府",
    ] {
        assert!(text.contains(expected), "PDF lacks {expected}:\n{text}");
    }
    let render = Command::new("pdftoppm")
        .args(["-r", "70", "-png", pdf.to_str().unwrap()])
        .arg(artifacts().join("annual-report-2025"))
        .status()
        .unwrap();
    assert!(render.success());

    let docx = artifacts().join("annual-report-2025.docx");
    api.report_export(ReportExportArgs {
        year: 2025,
        format: LetterFormat::Docx,
        out: docx.to_string_lossy().into_owned(),
        final_export: false,
    })
    .unwrap();
    let mut zip = zip::ZipArchive::new(std::fs::File::open(&docx).unwrap()).unwrap();
    let mut document = String::new();
    zip.by_name("word/document.xml")
        .unwrap()
        .read_to_string(&mut document)
        .unwrap();
    for expected in [
        "申请人情况",
        "法人或其他组织",
        "三、本年度办理结果",
        "结果维持",
        "公开栏更新不够及时。",
    ] {
        assert!(document.contains(expected), "docx lacks {expected}");
    }
}

#[test]
fn bad_input_is_refused_in_chinese_and_nothing_is_written() {
    let dir = TempDir::new().unwrap();
    let api = demo(&dir);
    let refused = |input: DisclosureCaseInput| api.report_case_save(input).unwrap_err().message;
    assert_eq!(
        refused(case(
            DisclosureCaseKind::Review,
            "2025-06-01",
            Some((DisclosureCaseOutcome::Upheld, "2025-05-01"))
        )),
        "结案日期早于立案日期 2025-06-01，请核对"
    );
    let mut no_date = case(DisclosureCaseKind::Review, "2025-06-01", None);
    no_date.outcome = Some(DisclosureCaseOutcome::Corrected);
    assert_eq!(refused(no_date), "已有结果的案件请填写结案日期");
    let mut pending_with_date = case(DisclosureCaseKind::Review, "2025-06-01", None);
    pending_with_date.decided_on = Some("2025-07-01".to_owned());
    assert_eq!(
        refused(pending_with_date),
        "尚未审结的案件不填结案日期；已结案的请选择结果"
    );
    assert_eq!(
        refused(case(DisclosureCaseKind::Review, "2025/06/01", None)),
        "立案（受理）日期“2025/06/01”不是日期，请写成 2026-03-15 的样子"
    );
    let view = api
        .report_build(ReportYearArgs { year: Some(2025) })
        .unwrap();
    assert!(view.cases.is_empty());
    assert!(
        api.report_build(ReportYearArgs { year: Some(1999) })
            .unwrap_err()
            .message
            .contains("年度报告从2008年")
    );
    let negative = api.report_save(ReportDraft {
        year: 2025,
        admin_fees_fen: -1,
        ..ReportDraft::default()
    });
    assert_eq!(negative.unwrap_err().message, "收费金额不能为负数");
    assert_eq!(
        api.report_build(ReportYearArgs { year: Some(2025) })
            .unwrap()
            .draft
            .admin_fees_fen,
        0
    );
}

/// Prose pasted from another document: a form feed or an emoji is refused when saved, naming
/// the section (it used to be saved and then fail the export as “第 17 段” of the Word file); a
/// tab and Windows line breaks are kept as a space and line breaks, and both files are written.
#[test]
fn prose_is_checked_when_saved_and_exports_in_both_formats() {
    let dir = TempDir::new().unwrap();
    let api = demo(&dir);
    let draft = |other: &str, overview: &str| ReportDraft {
        year: 2025,
        overview: overview.to_owned(),
        other_text: other.to_owned(),
        ..ReportDraft::default()
    };
    let feed = api
        .report_save(draft("本年度未收取信息处理费。\u{c}第二页", ""))
        .unwrap_err()
        .message;
    assert!(
        feed.contains("六、其他需要报告的事项含有不可见的控制字符（U+000C）"),
        "{feed}"
    );
    let emoji = api
        .report_save(draft("", "全年工作😀顺利"))
        .unwrap_err()
        .message;
    assert!(
        emoji.contains("一、总体情况中有字库没有的字") && emoji.contains("U+1F600"),
        "{emoji}"
    );
    let saved = api
        .report_save(draft("本年度\t未收取信息处理费。\r\n其他事项：无。", ""))
        .unwrap();
    assert_eq!(
        saved.draft.other_text,
        "本年度 未收取信息处理费。\n其他事项：无。"
    );
    for format in [LetterFormat::Pdf, LetterFormat::Docx] {
        api.report_export(ReportExportArgs {
            year: 2025,
            format,
            out: dir
                .path()
                .join(format!("report.{}", format.key()))
                .to_string_lossy()
                .into_owned(),
            final_export: false,
        })
        .unwrap_or_else(|e| panic!("{format:?}: {}", e.message));
    }
}

/// The same 复议/诉讼 case entered twice would count twice in 表四: refused by its 案号, or
/// without one by the day and matter; a second case of the day with its own 案号, and the
/// case itself saved again (an edit), are not duplicates.
#[test]
fn a_case_entered_twice_is_refused_and_counted_once() {
    let dir = TempDir::new().unwrap();
    let api = demo(&dir);
    let numbered = |number: &str| DisclosureCaseInput {
        case_number: number.to_owned(),
        ..case(
            DisclosureCaseKind::Review,
            "2025-05-06",
            Some((DisclosureCaseOutcome::Upheld, "2025-07-01")),
        )
    };
    let first = api.report_case_save(numbered("示复〔2025〕3号")).unwrap();
    let saved = first.cases[0].clone();
    assert_eq!(
        api.report_case_save(numbered(" 示复〔2025〕 3号"))
            .unwrap_err()
            .message,
        "已有案号“示复〔2025〕3号”，不能重复"
    );
    api.report_case_save(numbered("示复〔2025〕4号")).unwrap();
    let unnumbered = case(DisclosureCaseKind::LitDirect, "2025-06-01", None);
    api.report_case_save(unnumbered.clone()).unwrap();
    assert_eq!(
        api.report_case_save(unnumbered).unwrap_err().message,
        "已有同一天立案、涉及同一事项的案件“对答复不服”，不能重复"
    );
    // Saved again under its own id: an edit, not a second case.
    let view = api
        .report_case_save(DisclosureCaseInput {
            id: Some(saved.id.clone()),
            note: "复议机关维持原答复".to_owned(),
            ..numbered("示复〔2025〕3号")
        })
        .unwrap();
    assert_eq!(view.cases.len(), 3);
    let control = api
        .report_case_save(DisclosureCaseInput {
            subject: "对答复\u{2}不服".to_owned(),
            ..case(DisclosureCaseKind::Review, "2025-08-01", None)
        })
        .unwrap_err()
        .message;
    assert!(
        control.contains("案件涉及的申请或事项含有不可见的控制字符"),
        "{control}"
    );
}

/// The report covers the whole year: finalized before 31 December is over (or for a year to
/// come) it would freeze and publish figures still moving; a draft may be looked at any day.
#[test]
fn a_year_is_finalized_only_once_it_is_over() {
    let dir = TempDir::new().unwrap();
    let api = demo(&dir);
    api.report_save(ReportDraft {
        year: 2025,
        overview: "2025年，示范镇依法做好政府信息公开工作。".to_owned(),
        problems_text: "无。".to_owned(),
        other_text: "本年度未收取信息处理费。".to_owned(),
        stated_fees_fen: Some(0),
        ..ReportDraft::default()
    })
    .unwrap();
    let out = dir.path().join("report.pdf").to_string_lossy().into_owned();
    let export_on = |final_export: bool, on: (i32, u32, u32)| {
        api.report_export_on(
            ReportExportArgs {
                year: 2025,
                format: LetterFormat::Pdf,
                out: out.clone(),
                final_export,
            },
            chrono::NaiveDate::from_ymd_opt(on.0, on.1, on.2).unwrap(),
        )
    };
    let early = export_on(true, (2025, 12, 31)).unwrap_err().message;
    assert!(early.starts_with("2025年尚未结束"), "{early}");
    let draft = api
        .report_build(ReportYearArgs { year: Some(2025) })
        .unwrap()
        .draft;
    assert_eq!((draft.finalized_at, draft.record_id), (None, None));
    export_on(false, (2025, 12, 31)).unwrap();
    let done = export_on(true, (2026, 1, 5)).unwrap();
    assert!(done.record_id.is_some());
}

#[test]
fn a_final_export_needs_every_section_written() {
    let dir = TempDir::new().unwrap();
    let api = demo(&dir);
    let out = dir.path().join("report.pdf").to_string_lossy().into_owned();
    let export = |final_export: bool| {
        api.report_export(ReportExportArgs {
            year: 2025,
            format: LetterFormat::Pdf,
            out: out.clone(),
            final_export,
        })
    };
    // The unedited draft of 一 exports as a draft, not as final.
    export(false).unwrap();
    assert!(
        export(true)
            .unwrap_err()
            .message
            .contains("一、总体情况还有“（请补充……）”")
    );
    api.report_save(ReportDraft {
        year: 2025,
        overview: "2025年，示范镇依法做好政府信息公开工作。".to_owned(),
        stated_fees_fen: Some(0),
        ..ReportDraft::default()
    })
    .unwrap();
    assert_eq!(
        export(true).unwrap_err().message,
        "五、存在的主要问题及改进情况还没有写，请写完并保存后再定稿导出"
    );
    assert!(
        api.report_build(ReportYearArgs { year: Some(2025) })
            .unwrap()
            .draft
            .finalized_at
            .is_none()
    );
    api.report_save(ReportDraft {
        year: 2025,
        overview: "2025年，示范镇依法做好政府信息公开工作。".to_owned(),
        problems_text: "无。".to_owned(),
        other_text: "本年度未收取信息处理费。".to_owned(),
        stated_fees_fen: Some(0),
        ..ReportDraft::default()
    })
    .unwrap();
    export(true).unwrap();
    let finalized = api
        .report_build(ReportYearArgs { year: Some(2025) })
        .unwrap();
    assert!(finalized.draft.finalized_at.is_some());
    // 2026 compares with 2025's tables as frozen at the final export.
    let next = api
        .report_build(ReportYearArgs { year: Some(2026) })
        .unwrap();
    assert_eq!(next.last_year, Some(finalized.tables));
}
