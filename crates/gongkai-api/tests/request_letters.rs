//! A request's letters on a real database, read back as the applicant would: every outcome's
//! 答复书 cites its article and the remedy clause (pdftotext of the PDF written); a reply not yet
//! through 三审 and 保密审查 prints as 草稿, and as final once it is; the procedure's notices
//! cite theirs and are never held as drafts (they go out before there is a reply); the `.docx` is a zip whose word/document.xml holds the same words; the
//! applicant's ID number appears nowhere.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test code

mod support;

use std::io::Read;
use std::path::Path;

use gongkai_api::Api;
use gongkai_api::wire::{
    LetterFormat, NoArgs, RequestConsultArgs, RequestCorrectArgs, RequestExtendArgs,
    RequestFeeArgs, RequestInput, RequestLetterArgs, RequestLetterKind, RequestLetterSaveArgs,
    RequestReplyArgs, RequestSettingsInput,
};
use tempfile::TempDir;

/// The remedy clause with the demo's county (示范县) as reviewing body and court.
const REVIEW: &str = "60日内向示范县人民政府申请行政复议";
const COURT: &str = "6个月内向示范县人民法院提起行政诉讼";

fn add(api: &Api, subject: &str, id_number: Option<String>) -> String {
    api.requests_add(RequestInput {
        channel: "in_person".to_owned(),
        arrived_on: "2025-03-03".to_owned(),
        confirmed_on: None,
        applicant_kind: "natural_person".to_owned(),
        applicant_name: "赵敏".to_owned(),
        contact: "13800000000".to_owned(),
        address: "示范镇东山村".to_owned(),
        id_number,
        subject: subject.to_owned(),
        description: String::new(),
        form_wanted: "纸质".to_owned(),
    })
    .unwrap()
    .summary
    .id
}

fn reply(api: &Api, id: &str, outcome: &str, ground: Option<&str>) -> String {
    reply_on(api, id, outcome, ground, "2025-03-20")
}

fn reply_on(api: &Api, id: &str, outcome: &str, ground: Option<&str>, on: &str) -> String {
    api.requests_reply(RequestReplyArgs {
        id: id.to_owned(),
        outcome: outcome.to_owned(),
        ground: ground.map(str::to_owned),
        note: "详见附件".to_owned(),
        replied_on: Some(on.to_owned()),
    })
    .unwrap_or_else(|e| panic!("{outcome}/{ground:?}: {}", e.message))
    .reply
    .unwrap()
    .legal_basis
}

/// The letter written as `format` to `dir`, and its path.
fn save(
    api: &Api,
    dir: &Path,
    id: &str,
    kind: RequestLetterKind,
    format: LetterFormat,
) -> std::path::PathBuf {
    static CALLS: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let n = CALLS.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let out = dir.join(format!("letter-{n}.{}", format.key()));
    api.request_letter_save(RequestLetterSaveArgs {
        request_id: id.to_owned(),
        kind,
        format,
        out: out.to_string_lossy().into_owned(),
    })
    .unwrap_or_else(|e| panic!("{kind:?}: {}", e.message));
    out
}

/// pdftotext's reading with the layout's line breaks and spaces taken out.
fn words(path: &Path) -> String {
    support::pdf_text(path)
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect()
}

/// What an outcome needs to have happened first (a correction asked for, received or let
/// pass; a fee left unpaid), and the day the reply can then be given.
fn prepare(api: &Api, id: &str, ground: Option<&str>) -> &'static str {
    let correction = |corrected_on: Option<&str>| {
        api.requests_correct(RequestCorrectArgs {
            id: id.to_owned(),
            notice_on: Some("2025-03-05".to_owned()),
            deadline: Some("2025-03-14".to_owned()),
            items: Some("所需信息的年份不明".to_owned()),
            corrected_on: None,
        })
        .unwrap();
        if let Some(on) = corrected_on {
            api.requests_correct(RequestCorrectArgs {
                id: id.to_owned(),
                notice_on: None,
                deadline: None,
                items: None,
                corrected_on: Some(on.to_owned()),
            })
            .unwrap();
        }
    };
    match ground {
        Some("unclear_after_correction") => {
            correction(Some("2025-03-10"));
            "2025-03-20"
        }
        Some("correction_overdue") => {
            correction(None);
            "2025-03-20"
        }
        Some("fee_unpaid") => {
            api.requests_fee(RequestFeeArgs {
                id: id.to_owned(),
                method: Some("per_page".to_owned()),
                pages: Some(45),
                notice_on: Some("2025-03-05".to_owned()),
                delivered_on: Some("2025-03-05".to_owned()),
                paid_on: None,
            })
            .unwrap();
            "2025-04-15"
        }
        _ => "2025-03-20",
    }
}

#[test]
fn every_outcome_prints_a_reply_citing_its_article_and_the_remedy() {
    let dir = TempDir::new().unwrap();
    let api = support::demo(&dir);
    let options = api.requests_options(NoArgs {}).unwrap();
    let mut printed = 0;
    for outcome in &options.outcomes {
        let grounds: Vec<Option<&str>> = if outcome.grounds.is_empty() {
            vec![None]
        } else {
            outcome
                .grounds
                .iter()
                .map(|g| Some(g.key.as_str()))
                .collect()
        };
        for ground in grounds {
            let id = add(&api, "东山村道路硬化项目招标文件", None);
            let on = prepare(&api, &id, ground);
            let basis = reply_on(&api, &id, &outcome.key, ground, on);
            assert!(basis.contains("条"), "{basis}");
            let text = words(&save(
                &api,
                dir.path(),
                &id,
                RequestLetterKind::Reply,
                LetterFormat::Pdf,
            ));
            assert!(
                text.contains(&basis),
                "{}/{ground:?}: {basis} not in {text}",
                outcome.key
            );
            assert!(text.contains(REVIEW) && text.contains(COURT), "{text}");
            // The letter closes once: an outcome's own sentence does not say it again.
            assert_eq!(
                text.matches("特此告知").count(),
                1,
                "{}/{ground:?}: {text}",
                outcome.key
            );
            assert!(text.contains("政府信息公开申请答复书（草稿）"), "{text}");
            assert!(
                text.contains("赵敏：") && text.contains("示范镇人民政府"),
                "{text}"
            );
            printed += 1;
        }
    }
    // 予以公开 ×2, 部分公开 ×8, 不予公开 ×8, 无法提供 ×4, 不予处理 ×5, 其他处理 ×3.
    assert!(printed >= 30, "{printed}");
}

#[test]
fn a_reply_is_a_draft_until_it_passed_the_gate_and_never_shows_the_id() {
    let dir = TempDir::new().unwrap();
    let api = support::demo(&dir);
    let id_number = support::id(7);
    let id = add(
        &api,
        &format!("本人（身份证号{id_number}）2024年耕地地力保护补贴发放明细"),
        Some(id_number.clone()),
    );
    reply(&api, &id, "partial", Some("third_party"));

    let draft = api
        .request_letter(RequestLetterArgs {
            request_id: id.clone(),
            kind: RequestLetterKind::Reply,
        })
        .unwrap();
    assert!(draft.draft);
    assert!(draft.title.ends_with("（草稿）"), "{}", draft.title);
    assert!(
        draft.blockers.iter().any(|b| b.contains("保密审查")),
        "{:?}",
        draft.blockers
    );
    let draft_text = words(&save(
        &api,
        dir.path(),
        &id,
        RequestLetterKind::Reply,
        LetterFormat::Pdf,
    ));
    assert!(
        draft_text.contains("草稿") && draft_text.contains("不得送达"),
        "{draft_text}"
    );

    support::requests::finalize(&api, &id, "2025-03-19");
    let done = api
        .request_letter(RequestLetterArgs {
            request_id: id.clone(),
            kind: RequestLetterKind::Reply,
        })
        .unwrap();
    assert!(!done.draft && done.blockers.is_empty());
    let pdf = save(
        &api,
        dir.path(),
        &id,
        RequestLetterKind::Reply,
        LetterFormat::Pdf,
    );
    let text = words(&pdf);
    assert!(!text.contains("草稿"), "{text}");
    assert!(text.contains("第三十七条、第十五条"), "{text}");
    let docx = save(
        &api,
        dir.path(),
        &id,
        RequestLetterKind::Reply,
        LetterFormat::Docx,
    );
    let xml = document_xml(&docx);
    assert!(!xml.contains("草稿"));

    // The ID: not in the letter's JSON, PDF or Word file, whole or with its digits only.
    let masked = format!("{}**********{}", &id_number[..4], &id_number[14..]);
    let json = serde_json::to_string(&done).unwrap();
    for (what, haystack) in [("JSON", &json), ("PDF", &text), ("Word", &xml)] {
        assert!(!haystack.contains(&id_number), "{what} shows the ID");
    }
    assert!(
        text.contains(&masked),
        "the subject keeps the masked number: {text}"
    );
    let raw = std::fs::read(&pdf).unwrap();
    assert!(
        !raw.windows(id_number.len())
            .any(|w| w == id_number.as_bytes()),
        "the PDF's bytes hold the ID"
    );
}

/// word/document.xml of a `.docx`, its text with the tags taken out.
fn document_xml(path: &Path) -> String {
    let file = std::fs::File::open(path).unwrap();
    let mut zip = zip::ZipArchive::new(file).expect("a .docx is a zip");
    let mut xml = String::new();
    zip.by_name("word/document.xml")
        .expect("word/document.xml")
        .read_to_string(&mut xml)
        .unwrap();
    let mut text = String::new();
    let mut in_tag = false;
    for c in xml.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            c if !in_tag => text.push(c),
            _ => {}
        }
    }
    text
}

#[test]
fn the_word_file_holds_the_same_words_and_the_settings_name_the_remedy() {
    let dir = TempDir::new().unwrap();
    let api = support::demo(&dir);
    let settings = api.requests_settings_get(NoArgs {}).unwrap();
    api.requests_settings_save(RequestSettingsInput {
        review_body: "示范市人民政府".to_owned(),
        court: "示范市示范区人民法院".to_owned(),
        ..settings
    })
    .unwrap();
    let id = add(&api, "2024年示范镇财政预算", None);
    let basis = reply(&api, &id, "granted", Some("already_published"));
    let xml = document_xml(&save(
        &api,
        dir.path(),
        &id,
        RequestLetterKind::Reply,
        LetterFormat::Docx,
    ));
    for part in [
        "政府信息公开申请答复书（草稿）",
        "赵敏：",
        basis.as_str(),
        "60日内向示范市人民政府申请行政复议",
        "6个月内向示范市示范区人民法院提起行政诉讼",
        "示范镇人民政府",
        "2025年3月20日",
    ] {
        assert!(xml.contains(part), "{part} missing from {xml}");
    }
}

/// A note typed over several lines in the reply's textarea: the Word file is written (a line
/// break is a control character Word refuses) with the lines as the PDF sets them.
#[test]
fn a_reply_note_over_several_lines_prints_in_both_formats() {
    let dir = TempDir::new().unwrap();
    let api = support::demo(&dir);
    let id = add(&api, "2024年示范镇财政预算", None);
    api.requests_reply(RequestReplyArgs {
        id: id.clone(),
        outcome: "granted".to_owned(),
        ground: Some("disclosed".to_owned()),
        note: "附件一：预算表\r\n附件二：说明\t（共3页）".to_owned(),
        replied_on: Some("2025-03-20".to_owned()),
    })
    .unwrap();
    let xml = document_xml(&save(
        &api,
        dir.path(),
        &id,
        RequestLetterKind::Reply,
        LetterFormat::Docx,
    ));
    assert!(
        xml.contains("附件一：预算表  附件二：说明 （共3页）"),
        "{xml}"
    );
    let pdf = words(&save(
        &api,
        dir.path(),
        &id,
        RequestLetterKind::Reply,
        LetterFormat::Pdf,
    ));
    assert!(pdf.contains("附件一：预算表附件二：说明（共3页）"), "{pdf}");
}

/// The letters as an applicant reads them: a subject the clerk ended with a full stop and
/// that quotes a name is quoted once, its inner marks single (not “……材料。”。); the fee's
/// count is not bracketed inside brackets; the extension notice, printed again after a later
/// consultation moved the due date, still says the date it announced.
#[test]
fn letters_read_as_sent() {
    let dir = TempDir::new().unwrap();
    let api = support::demo(&dir);
    let id = add(&api, "东山村“一事一议”项目的验收报告等全部材料。", None);
    api.requests_extend(RequestExtendArgs {
        id: id.clone(),
        approver: "张建国".to_owned(),
        workdays: 15,
        notice_on: Some("2025-03-20".to_owned()),
        reason: String::new(),
    })
    .unwrap();
    let letter = |kind| words(&save(&api, dir.path(), &id, kind, LetterFormat::Pdf));
    // 20 working days from 3-3 end on 3-31; 15 more, past 清明 (4-4..4-6), on 4-22.
    let announced = "本机关将于2025年4月22日前作出答复";
    assert!(letter(RequestLetterKind::Extension).contains(announced));
    api.requests_consult(RequestConsultArgs {
        id: id.clone(),
        party: Some("third_party".to_owned()),
        party_name: Some("示范县兴农农业发展有限公司".to_owned()),
        sent_on: Some("2025-03-25".to_owned()),
        answer_of: None,
        answered_on: None,
        opinion: String::new(),
    })
    .unwrap();
    let extension = letter(RequestLetterKind::Extension);
    assert!(extension.contains(announced), "{extension}");
    assert!(
        extension.contains("申请获取“东山村‘一事一议’项目的验收报告等全部材料”。"),
        "{extension}"
    );
    assert!(!extension.contains("。”。"), "{extension}");
    api.requests_fee(RequestFeeArgs {
        id: id.clone(),
        method: Some("per_page".to_owned()),
        pages: Some(137),
        notice_on: Some("2025-03-26".to_owned()),
        delivered_on: Some("2025-03-26".to_owned()),
        paid_on: None,
    })
    .unwrap();
    let fee = letter(RequestLetterKind::Fee);
    assert!(!fee.contains("））"), "{fee}");
    assert!(
        fee.contains("按量计收，共137页，按量超额累进计收1440元（31–100页每页10元，101–200页每页20元，超过200页的每页40元），应缴纳信息处理费1,440.00元"),
        "{fee}"
    );
}

/// A subject as applicants write them — book-title marks, brackets, a nested quotation and
/// the 〔〕 of a document number — its marks shifted by `n` characters, so that across the
/// letters an opening mark falls at the end of a line and a closing one at the start.
fn marked_subject(n: usize) -> String {
    let lead: String = "东山村二〇二四年村级公益事业建设项目及其资金使用情况的有关材料"
        .chars()
        .take(n)
        .collect();
    format!("{lead}（依据《村级公益事业建设办法》、“一事一议”规定，见示政发〔2024〕3号）。")
}

/// Every notice and the reply, read back as a proofreader reads the PDF: no line starts with a
/// closing mark or ends with an opening one, wherever the subject's marks fall.
#[test]
fn every_letter_keeps_the_line_breaking_rules() {
    let dir = TempDir::new().unwrap();
    let api = support::demo(&dir);
    let mut checked = 0;
    for n in 0..24 {
        let id = add(&api, &marked_subject(n), None);
        api.requests_correct(RequestCorrectArgs {
            id: id.clone(),
            notice_on: Some("2025-03-05".to_owned()),
            deadline: Some("2025-03-14".to_owned()),
            items: Some(format!(
                "请写明“{}”所指的年份（如“2024年”）。",
                marked_subject(n)
                    .chars()
                    .take(n % 5 + 1)
                    .collect::<String>()
            )),
            corrected_on: None,
        })
        .unwrap();
        let mut kinds = vec![RequestLetterKind::Correction];
        if n % 4 == 0 {
            api.requests_correct(RequestCorrectArgs {
                id: id.clone(),
                notice_on: None,
                deadline: None,
                items: None,
                corrected_on: Some("2025-03-10".to_owned()),
            })
            .unwrap();
            reply_on(&api, &id, "partial", Some("third_party"), "2025-03-20");
            kinds.push(RequestLetterKind::Reply);
        }
        for kind in kinds {
            let pdf = save(&api, dir.path(), &id, kind, LetterFormat::Pdf);
            let lines = gongkai_print::readback::read_lines(&pdf).unwrap();
            let breaks = gongkai_print::readback::rule_breaks(&lines);
            assert!(breaks.is_empty(), "{kind:?} {n}: {breaks:#?}");
            checked += 1;
        }
    }
    assert_eq!(checked, 30);
}

#[test]
fn each_notice_cites_its_article_once_its_step_happened() {
    let dir = TempDir::new().unwrap();
    let api = support::demo(&dir);
    let id = add(&api, "村集体土地征收补偿方案", None);
    let letter = |kind| {
        api.request_letter(RequestLetterArgs {
            request_id: id.clone(),
            kind,
        })
    };
    for kind in [
        RequestLetterKind::Reply,
        RequestLetterKind::Correction,
        RequestLetterKind::Extension,
        RequestLetterKind::Consultation,
        RequestLetterKind::Fee,
    ] {
        let err = letter(kind).expect_err("no step yet");
        assert!(
            err.message.contains("尚未") || err.message.contains("没有"),
            "{}",
            err.message
        );
    }

    api.requests_correct(RequestCorrectArgs {
        id: id.clone(),
        notice_on: Some("2025-03-05".to_owned()),
        deadline: Some("2025-03-14".to_owned()),
        items: Some("所需方案的年份和村组不明".to_owned()),
        corrected_on: None,
    })
    .unwrap();
    api.requests_correct(RequestCorrectArgs {
        id: id.clone(),
        notice_on: None,
        deadline: None,
        items: None,
        corrected_on: Some("2025-03-10".to_owned()),
    })
    .unwrap();
    api.requests_consult(RequestConsultArgs {
        id: id.clone(),
        party: Some("third_party".to_owned()),
        party_name: Some("示范建设有限公司".to_owned()),
        sent_on: Some("2025-03-11".to_owned()),
        answer_of: None,
        answered_on: None,
        opinion: String::new(),
    })
    .unwrap();
    api.requests_consult(RequestConsultArgs {
        id: id.clone(),
        party: None,
        party_name: None,
        sent_on: None,
        answer_of: Some(1),
        answered_on: Some("2025-03-18".to_owned()),
        opinion: "同意公开".to_owned(),
    })
    .unwrap();
    api.requests_fee(RequestFeeArgs {
        id: id.clone(),
        method: Some("per_page".to_owned()),
        pages: Some(45),
        notice_on: Some("2025-03-19".to_owned()),
        delivered_on: Some("2025-03-19".to_owned()),
        paid_on: None,
    })
    .unwrap();
    api.requests_fee(RequestFeeArgs {
        id: id.clone(),
        method: None,
        pages: None,
        notice_on: None,
        delivered_on: None,
        paid_on: Some("2025-03-21".to_owned()),
    })
    .unwrap();
    api.requests_extend(RequestExtendArgs {
        id: id.clone(),
        approver: "张建国".to_owned(),
        notice_on: Some("2025-04-01".to_owned()),
        workdays: 20,
        reason: "需对大量材料进行检索".to_owned(),
    })
    .unwrap();

    let notice = api
        .request_letter(RequestLetterArgs {
            request_id: id.clone(),
            kind: RequestLetterKind::Correction,
        })
        .unwrap();
    assert!(
        !notice.draft && !notice.title.contains("草稿"),
        "a notice goes out before any reply exists: it is not held by the reply's review"
    );
    for (kind, title, article) in [
        (RequestLetterKind::Correction, "补正告知书", "第三十条"),
        (
            RequestLetterKind::Consultation,
            "第三方意见征询函",
            "第三十二条",
        ),
        (RequestLetterKind::Fee, "缴费通知书", "第四十二条"),
        (
            RequestLetterKind::Extension,
            "延期答复告知书",
            "第三十三条第二款",
        ),
    ] {
        let text = words(&save(&api, dir.path(), &id, kind, LetterFormat::Pdf));
        assert!(text.contains(title), "{kind:?}: {text}");
        assert!(
            text.contains(&format!("《中华人民共和国政府信息公开条例》{article}")),
            "{kind:?}: {text}"
        );
    }
    let consultation = words(&save(
        &api,
        dir.path(),
        &id,
        RequestLetterKind::Consultation,
        LetterFormat::Pdf,
    ));
    assert!(
        consultation.contains("示范建设有限公司："),
        "{consultation}"
    );
    assert!(
        !consultation.contains("赵敏"),
        "the third party is not told who asked"
    );
    let correction = words(&save(
        &api,
        dir.path(),
        &id,
        RequestLetterKind::Correction,
        LetterFormat::Pdf,
    ));
    assert!(correction.contains("2025年3月14日前"), "{correction}");
    let fee = words(&save(
        &api,
        dir.path(),
        &id,
        RequestLetterKind::Fee,
        LetterFormat::Pdf,
    ));
    assert!(fee.contains("元") && fee.contains("按量计收"), "{fee}");
}

#[test]
fn a_letter_refused_for_a_typed_id_number_points_to_what_the_clerk_typed() {
    let dir = TempDir::new().unwrap();
    let api = support::demo(&dir);
    let id = add(&api, "东山村土地承包合同", None);
    let typed = support::id(31);
    api.requests_consult(RequestConsultArgs {
        id: id.clone(),
        party: Some("third_party".to_owned()),
        party_name: Some(format!("张伟（{typed}）")),
        sent_on: Some("2025-03-10".to_owned()),
        answer_of: None,
        answered_on: None,
        opinion: String::new(),
    })
    .unwrap();
    let refused = api
        .request_letter(RequestLetterArgs {
            request_id: id,
            kind: RequestLetterKind::Consultation,
        })
        .expect_err("a letter showing a full ID number");
    assert!(
        refused.message.contains("征求意见对象") && !refused.message.contains(&typed),
        "{}",
        refused.message
    );
}
