//! The normative-document library through the API: 文号 and dates refused or put right with
//! nothing written, validity changes with date and changing document, the 政策解读 held in
//! the records' publish gate until it passed its own review and published with its document,
//! the yearly 清理, search, and the year figures of 表二.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod support;

use gongkai_api::Api;
use gongkai_api::wire::{
    AttachArgs, CatalogSearchArgs, CleanupDecideArgs, CleanupDecision, DocumentCleanupArgs,
    DocumentInput, DocumentKind, DocumentSettingsInput, DocumentValidity, DocumentValidityArgs,
    DocumentsListArgs, IdArgs, InterpretationForm, InterpretationLinkArgs, InterpretationStatus,
    NoArgs, PublishInput, RecordInput, RecordStatus, ReviewInput, SecrecyAnswer, SecrecyInput,
};
use tempfile::TempDir;

fn input(number: &str, title: &str, issued: &str) -> DocumentInput {
    DocumentInput {
        id: None,
        kind: DocumentKind::Normative,
        doc_number: Some(number.to_owned()),
        title: title.to_owned(),
        issuer: "示范镇人民政府".to_owned(),
        issued_on: issued.to_owned(),
        effective_on: None,
        valid_until: None,
        body: "第一条 为规范村级公益事业“一事一议”筹资筹劳，制定本办法。".to_owned(),
        needs_interpretation: false,
        record_id: None,
    }
}

fn add(api: &Api, number: &str, title: &str, issued: &str) -> String {
    api.document_save(input(number, title, issued))
        .unwrap()
        .document
        .summary
        .id
}

fn all(api: &Api) -> Vec<gongkai_api::wire::DocumentSummary> {
    api.documents_list(DocumentsListArgs::default())
        .unwrap()
        .documents
}

fn change(
    api: &Api,
    id: &str,
    to: DocumentValidity,
    on: Option<&str>,
    by: Option<&str>,
) -> Result<gongkai_api::wire::DocumentDetail, String> {
    api.document_change_validity(DocumentValidityArgs {
        id: id.to_owned(),
        validity: to,
        on: on.map(str::to_owned),
        changed_by: by.map(str::to_owned),
        note: None,
    })
    .map_err(|e| e.message)
}

#[test]
fn a_number_in_the_wrong_brackets_is_put_right_and_bad_input_writes_nothing() {
    let dir = TempDir::new().unwrap();
    let api = support::demo(&dir);
    let saved = api
        .document_save(input(
            "示政发[2024]03号",
            "示范镇村级公益事业建设办法",
            "2024-03-05",
        ))
        .unwrap();
    assert_eq!(
        saved.document.summary.doc_number.as_deref(),
        Some("示政发〔2024〕3号")
    );
    assert_eq!(
        saved.notes,
        [
            "年份括号“[]”已改为六角括号“〔〕”（GB/T 9704—2012 第 7.2.4 条）",
            "序号“03”已改为“3”（序号不编虚位）"
        ]
    );
    assert_eq!(saved.document.summary.validity, DocumentValidity::InForce);
    assert_eq!(saved.document.summary.effective_on, "2024-03-05");

    let refusals = [
        (
            DocumentInput {
                effective_on: Some("2024-03-01".to_owned()),
                ..input("示政发〔2024〕4号", "乙", "2024-03-05")
            },
            "施行日期 2024-03-01 早于印发日期 2024-03-05",
        ),
        (
            input("示政发2024年4号", "乙", "2024-03-05"),
            "文号“示政发2024年4号”无法识别",
        ),
        (
            DocumentInput {
                doc_number: None,
                ..input("", "乙", "2024-03-05")
            },
            "行政规范性文件须填写文号",
        ),
        (
            input("示政发【2024】3号", "重复", "2024-03-05"),
            "已有文号“示政发〔2024〕3号”",
        ),
        (
            DocumentInput {
                valid_until: Some("2024-02-01".to_owned()),
                ..input("示政发〔2024〕5号", "丙", "2024-03-05")
            },
            "有效期至 2024-02-01 早于施行日期",
        ),
    ];
    for (bad, expected) in refusals {
        let e = api.document_save(bad).unwrap_err();
        assert!(e.message.contains(expected), "{} ≠ {expected}", e.message);
        assert_eq!(all(&api).len(), 1, "nothing written after “{}”", e.message);
    }
}

/// What a hostile clerk types: brackets an input method offers for 〔〕, a control character
/// or an emoji in a title, a document issued or repealed after today, and validity changes
/// that would loop (A amended by B, B by A; or through a third document).
#[test]
fn odd_brackets_bad_text_future_dates_and_loops() {
    let dir = TempDir::new().unwrap();
    let api = support::demo(&dir);
    for (typed, seq) in [("示政发﹝2025﹞1号", 1), ("示政发〘2025〙2号", 2)] {
        let saved = api
            .document_save(input(typed, "示范镇办法", "2025-03-05"))
            .unwrap();
        assert_eq!(
            saved.document.summary.doc_number,
            Some(format!("示政发〔2025〕{seq}号"))
        );
        assert_eq!(saved.notes.len(), 1, "{:?}", saved.notes);
    }
    let tomorrow = chrono::Local::now()
        .date_naive()
        .checked_add_days(chrono::Days::new(1))
        .unwrap()
        .to_string();
    let refusals = [
        (
            input("示政发〔2025〕3号", "示范镇\u{1}办法", "2025-03-05"),
            "文件标题含有不可见的控制字符（U+0001）",
        ),
        (
            input("示政发〔2025〕3号", "示范镇办法🚀", "2025-03-05"),
            "文件标题中有字库没有的字",
        ),
        (
            input("示政发〔2025〕3号", "示范镇办法", &tomorrow),
            "晚于今天",
        ),
    ];
    for (bad, expected) in refusals {
        let e = api.document_save(bad).unwrap_err();
        assert!(e.message.contains(expected), "{} ≠ {expected}", e.message);
        assert_eq!(all(&api).len(), 2, "nothing written after “{}”", e.message);
    }

    let a = all(&api)
        .into_iter()
        .find(|d| d.doc_number.as_deref() == Some("示政发〔2025〕1号"))
        .unwrap()
        .id;
    let c = add(&api, "示政发〔2025〕3号", "示范镇细则", "2025-03-05");
    let refused = change(&api, &a, DocumentValidity::Repealed, Some(&tomorrow), None).unwrap_err();
    assert!(refused.contains("晚于今天"), "{refused}");
    // A amended by B; then B amended by A is a loop, and so is A amended by C after C was
    // amended by B and B by A.
    change(
        &api,
        &a,
        DocumentValidity::Amended,
        Some("2025-04-01"),
        Some("示政发〔2025〕2号"),
    )
    .unwrap();
    let b = all(&api)
        .into_iter()
        .find(|d| d.doc_number.as_deref() == Some("示政发〔2025〕2号"))
        .unwrap()
        .id;
    let looped = change(
        &api,
        &b,
        DocumentValidity::Amended,
        Some("2025-04-02"),
        Some("示政发〔2025〕1号"),
    )
    .unwrap_err();
    assert!(
        looped.contains("“示政发〔2025〕1号”本身已被本文件") && looped.contains("不能循环"),
        "{looped}"
    );
    change(
        &api,
        &c,
        DocumentValidity::Amended,
        Some("2025-04-03"),
        Some("示政发〔2025〕1号"),
    )
    .unwrap();
    let through = change(
        &api,
        &b,
        DocumentValidity::Repealed,
        Some("2025-04-04"),
        Some("示政发〔2025〕3号"),
    )
    .unwrap_err();
    assert!(through.contains("不能循环"), "{through}");
    let b_now = all(&api).into_iter().find(|d| d.id == b).unwrap();
    assert_eq!(b_now.validity, DocumentValidity::InForce);
    // Editing a document's 印发日期 past a change it underwent, or made, is refused.
    let mut later = input("示政发〔2025〕1号", "示范镇办法", "2025-04-05");
    later.id = Some(a.clone());
    let moved = api.document_save(later).unwrap_err().message;
    assert_eq!(
        moved,
        "文件已于 2025-04-01 修改，印发日期 2025-04-05 不能晚于该日"
    );
    let b_doc = api.document_get(IdArgs { id: b.clone() }).unwrap();
    let mut later = input("示政发〔2025〕2号", "示范镇办法", "2025-04-05");
    later.id = Some(b.clone());
    let moved = api.document_save(later).unwrap_err().message;
    assert_eq!(
        moved,
        "本文件于 2025-04-01 修改了“示政发〔2025〕1号”，印发日期 2025-04-05 不能晚于该日"
    );
    assert_eq!(api.document_get(IdArgs { id: b }).unwrap(), b_doc);
    // The command line names a document by its 文号, in any accepted spelling, as --by does.
    let shown = api
        .document_get(IdArgs {
            id: "示政发[2025]1号".to_owned(),
        })
        .unwrap();
    assert_eq!(shown.summary.id, a);
    let repealed = change(
        &api,
        "示政发（2025）2号",
        DocumentValidity::Repealed,
        Some("2025-05-01"),
        None,
    )
    .unwrap();
    assert_eq!(repealed.summary.validity, DocumentValidity::Repealed);
    // Once repealed, it changes no other document.
    assert_eq!(
        change(
            &api,
            &c,
            DocumentValidity::Amended,
            Some("2025-06-01"),
            Some("示政发〔2025〕2号"),
        )
        .unwrap_err(),
        "“示政发〔2025〕2号”已于 2025-05-01 废止，不能在 2025-06-01 修改其他文件"
    );
    assert_eq!(
        change(
            &api,
            "示政发〔2025〕99号",
            DocumentValidity::Repealed,
            Some("2025-05-01"),
            None
        )
        .unwrap_err(),
        "规范性文件库中没有“示政发〔2025〕99号”"
    );
}

#[test]
fn validity_changes_carry_their_date_and_the_changing_document() {
    let dir = TempDir::new().unwrap();
    let api = support::demo(&dir);
    let old = add(
        &api,
        "示政发〔2019〕5号",
        "示范镇农村集体三资管理办法",
        "2019-04-10",
    );
    let amending = add(
        &api,
        "示政发〔2023〕2号",
        "关于修改三资管理办法的决定",
        "2023-05-01",
    );
    let repealing = add(
        &api,
        "示政发〔2025〕9号",
        "示范镇农村集体三资管理实施细则",
        "2025-12-15",
    );

    // Refused, and the document is as it was.
    for (to, on, by, expected) in [
        (
            DocumentValidity::Repealed,
            None,
            None,
            "标为“已废止”须填写废止日期",
        ),
        (
            DocumentValidity::Amended,
            Some("2023-05-01"),
            None,
            "已修改的文件须写明修改它的文件",
        ),
        (
            DocumentValidity::Amended,
            Some("2023-05-01"),
            Some("示政发〔2023〕7号"),
            "规范性文件库中没有“示政发〔2023〕7号”",
        ),
        (
            DocumentValidity::Amended,
            Some("2023-05-01"),
            Some("示政发二〇二三年7号"),
            "无法识别",
        ),
        (
            DocumentValidity::Repealed,
            Some("2024-01-01"),
            Some("示政发〔2025〕9号"),
            "印发于 2025-12-15，晚于废止日期 2024-01-01",
        ),
        (
            DocumentValidity::Repealed,
            Some("2019-01-01"),
            None,
            "早于文件的印发日期 2019-04-10",
        ),
    ] {
        let e = change(&api, &old, to, on, by).unwrap_err();
        assert!(e.contains(expected), "{e} ≠ {expected}");
        let now = api.document_get(IdArgs { id: old.clone() }).unwrap();
        assert_eq!(now.summary.validity, DocumentValidity::InForce);
        assert!(now.history.is_empty());
    }

    // Amended (named in the wrong brackets), then repealed; then it stays repealed.
    let amended = change(
        &api,
        &old,
        DocumentValidity::Amended,
        Some("2023-05-01"),
        Some("示政发（2023）2号"),
    )
    .unwrap();
    assert_eq!(amended.summary.validity, DocumentValidity::Amended);
    assert_eq!(amended.summary.changed_by.unwrap().id, amending);
    let repealed = change(
        &api,
        &old,
        DocumentValidity::Repealed,
        Some("2025-12-15"),
        Some(&repealing),
    )
    .unwrap();
    assert_eq!(repealed.summary.validity, DocumentValidity::Repealed);
    assert_eq!(repealed.summary.validity_on.as_deref(), Some("2025-12-15"));
    assert_eq!(
        repealed
            .history
            .iter()
            .map(|h| (
                h.validity,
                h.changed_on.as_str(),
                h.changed_by.as_ref().unwrap().name.as_str()
            ))
            .collect::<Vec<_>>(),
        [
            (DocumentValidity::Amended, "2023-05-01", "示政发〔2023〕2号"),
            (
                DocumentValidity::Repealed,
                "2025-12-15",
                "示政发〔2025〕9号"
            ),
        ]
    );
    let e = change(
        &api,
        &old,
        DocumentValidity::Expired,
        Some("2026-01-01"),
        None,
    )
    .unwrap_err();
    assert_eq!(e, "文件已于 2025-12-15 已废止，效力不能再变更");

    // The library filtered by validity.
    let repealed_only = api
        .documents_list(DocumentsListArgs {
            validity: Some(DocumentValidity::Repealed),
            ..Default::default()
        })
        .unwrap()
        .documents;
    assert_eq!(repealed_only.len(), 1);
    assert_eq!(repealed_only[0].id, old);
}

#[test]
fn search_finds_a_number_typed_in_any_brackets_and_words_of_the_text() {
    let dir = TempDir::new().unwrap();
    let api = support::demo(&dir);
    add(
        &api,
        "示政发〔2024〕3号",
        "示范镇村级公益事业建设办法",
        "2024-03-05",
    );
    let mut other = input(
        "示政办发〔2025〕1号",
        "示范镇防汛抗旱应急预案",
        "2025-05-01",
    );
    other.kind = DocumentKind::Policy;
    other.body = "汛期各村落实巡堤查险责任人。".to_owned();
    api.document_save(other).unwrap();
    let search = |q: &str| {
        api.documents_list(DocumentsListArgs {
            query: Some(q.to_owned()),
            ..Default::default()
        })
        .unwrap()
        .documents
        .into_iter()
        .map(|d| d.title)
        .collect::<Vec<_>>()
    };
    assert_eq!(search("示政发【2024】3号"), ["示范镇村级公益事业建设办法"]);
    assert_eq!(search("巡堤"), ["示范镇防汛抗旱应急预案"]);
    assert_eq!(search("示范镇").len(), 2);
    assert!(search("低保").is_empty());
    let policy_only = api
        .documents_list(DocumentsListArgs {
            kind: Some(DocumentKind::Policy),
            query: Some("示范镇".to_owned()),
            ..Default::default()
        })
        .unwrap()
        .documents;
    assert_eq!(policy_only.len(), 1);
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

fn record(api: &Api, title: &str, query: &str, body: &str) -> String {
    let item = api
        .catalog_search(CatalogSearchArgs {
            query: query.to_owned(),
            limit: Some(1),
        })
        .unwrap()
        .items[0]
        .key
        .clone();
    api.record_save(RecordInput {
        item_key: item,
        title: title.to_owned(),
        formed_on: "2025-12-15".to_owned(),
        body: body.to_owned(),
        channels: vec!["政府网站".to_owned()],
        attribute: "proactive".to_owned(),
        ..Default::default()
    })
    .unwrap()
    .summary
    .id
}

fn sign_all(api: &Api, record: &str, stages: usize) {
    for (stage, who) in [("draft", "李明"), ("review", "王芳"), ("approve", "张建国")]
        .into_iter()
        .take(stages)
    {
        api.record_review(ReviewInput {
            record_id: record.to_owned(),
            stage: stage.to_owned(),
            person_id: person(api, who),
            decided_on: Some("2025-12-16".to_owned()),
            opinion: "同意".to_owned(),
            passed: true,
        })
        .unwrap();
    }
}

fn secrecy(api: &Api, record: &str) {
    let options = api.record_options(NoArgs {}).unwrap();
    api.record_secrecy(SecrecyInput {
        record_id: record.to_owned(),
        reviewer_id: person(api, "王芳"),
        decided_on: Some("2025-12-16".to_owned()),
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

fn publish(api: &Api, record: &str) -> Result<gongkai_api::wire::RecordDetail, String> {
    api.record_publish(PublishInput {
        record_id: record.to_owned(),
        channel: "政府网站".to_owned(),
        location: "示范县人民政府网站·规范性文件".to_owned(),
        published_on: Some("2025-12-18".to_owned()),
        published_by: "李明".to_owned(),
        note: None,
    })
    .map_err(|e| e.message)
}

/// A small real PNG: the 图解.
fn png(dir: &TempDir) -> std::path::PathBuf {
    let picture =
        image::RgbImage::from_fn(40, 30, |x, y| image::Rgb([x as u8 * 6, y as u8 * 8, 90]));
    let path = dir.path().join("图解.png");
    picture.save(&path).unwrap();
    path
}

#[test]
fn a_document_needing_a_interpretation_waits_for_it_and_both_are_published_together() {
    let dir = TempDir::new().unwrap();
    let api = support::demo(&dir);
    let doc_record = record(
        &api,
        "示范镇农村集体三资管理实施细则",
        "规范性文件",
        "第一条 为规范村级集体资金、资产、资源管理，制定本细则。",
    );
    sign_all(&api, &doc_record, 3);
    secrecy(&api, &doc_record);
    let mut doc = input(
        "示政发〔2025〕9号",
        "示范镇农村集体三资管理实施细则",
        "2025-12-15",
    );
    doc.needs_interpretation = true;
    doc.record_id = Some(doc_record.clone());
    let doc = api.document_save(doc).unwrap().document.summary.id;
    let status = |api: &Api| api.document_get(IdArgs { id: doc.clone() }).unwrap();
    assert_eq!(
        status(&api).summary.interpretation,
        InterpretationStatus::Missing
    );

    // Without a 解读 the record is held, the gate saying what is missing.
    let e = publish(&api, &doc_record).unwrap_err();
    assert_eq!(
        e,
        "“示范镇农村集体三资管理实施细则”还不能发布：政策解读未就绪：尚未关联解读材料（文字解读、图解或问答）"
    );
    let blockers = api
        .record_get(IdArgs {
            id: doc_record.clone(),
        })
        .unwrap()
        .summary
        .blockers;
    assert_eq!(blockers.len(), 1, "{blockers:?}");

    // A 图解 without its picture, not yet reviewed.
    let graphic = record(&api, "三资管理实施细则图解", "政策解读", "");
    api.document_interpretation_link(InterpretationLinkArgs {
        document_id: doc.clone(),
        record_id: graphic.clone(),
        form: InterpretationForm::Graphic,
    })
    .unwrap();
    let e = publish(&api, &doc_record).unwrap_err();
    assert!(e.contains("政策解读未就绪"), "{e}");
    for missing in [
        "解读“三资管理实施细则图解”是图解，尚未附图片（PNG 或 JPEG）",
        "解读“三资管理实施细则图解”尚未完成“拟稿”",
        "解读“三资管理实施细则图解”尚未完成“分管或主要领导审定”",
        "解读“三资管理实施细则图解”尚未进行保密审查",
    ] {
        assert!(e.contains(missing), "{e} lacks {missing}");
    }
    assert_eq!(
        status(&api).summary.interpretation,
        InterpretationStatus::NotReady
    );
    // The document's own record may not be its 解读.
    let e = api
        .document_interpretation_link(InterpretationLinkArgs {
            document_id: doc.clone(),
            record_id: doc_record.clone(),
            form: InterpretationForm::Text,
        })
        .unwrap_err();
    assert!(
        e.message.contains("发布记录，不能作为解读"),
        "{}",
        e.message
    );

    // The picture, then two of the three signatures: the gate names only what is left.
    api.record_attach(AttachArgs {
        record_id: graphic.clone(),
        path: png(&dir).display().to_string(),
    })
    .unwrap();
    sign_all(&api, &graphic, 2);
    let e = publish(&api, &doc_record).unwrap_err();
    assert_eq!(
        e,
        "“示范镇农村集体三资管理实施细则”还不能发布：政策解读未就绪：解读“三资管理实施细则图解”尚未完成“分管或主要领导审定”，解读“三资管理实施细则图解”尚未进行保密审查"
    );
    let unchanged = api
        .record_get(IdArgs {
            id: graphic.clone(),
        })
        .unwrap();
    assert_eq!(unchanged.summary.status, RecordStatus::Draft);

    // Passed review and secrecy: ready, and published with the document in one step.
    api.record_review(ReviewInput {
        record_id: graphic.clone(),
        stage: "approve".to_owned(),
        person_id: person(&api, "张建国"),
        decided_on: Some("2025-12-16".to_owned()),
        opinion: "同意".to_owned(),
        passed: true,
    })
    .unwrap();
    secrecy(&api, &graphic);
    assert_eq!(
        status(&api).summary.interpretation,
        InterpretationStatus::Ready
    );
    assert!(status(&api).interpretation_missing.is_empty());
    let published = publish(&api, &doc_record).unwrap();
    assert_eq!(published.summary.status, RecordStatus::Published);
    let interpretation = api
        .record_get(IdArgs {
            id: graphic.clone(),
        })
        .unwrap();
    assert_eq!(interpretation.summary.status, RecordStatus::Published);
    assert_eq!(interpretation.publications.len(), 1);
    assert_eq!(interpretation.publications[0].published_on, "2025-12-18");
    assert!(
        interpretation.publications[0]
            .note
            .contains("与“示范镇农村集体三资管理实施细则”同步发布")
    );
    let after = status(&api);
    assert_eq!(
        after.summary.interpretation,
        InterpretationStatus::Published
    );
    assert_eq!(after.summary.record_status, Some(RecordStatus::Published));
    // Both reach the county: two record entries queued.
    let sync = api.sync_status(NoArgs {}).unwrap();
    assert_eq!(sync.pending, 2, "{sync:?}");
}

#[test]
fn a_document_without_interpretation_needs_publishes_alone() {
    let dir = TempDir::new().unwrap();
    let api = support::demo(&dir);
    let doc_record = record(&api, "示范镇村规民约备案审查办法", "规范性文件", "全文");
    sign_all(&api, &doc_record, 3);
    secrecy(&api, &doc_record);
    let mut doc = input(
        "示政发〔2025〕3号",
        "示范镇村规民约备案审查办法",
        "2025-12-15",
    );
    doc.record_id = Some(doc_record.clone());
    let saved = api.document_save(doc).unwrap().document;
    assert_eq!(
        saved.summary.interpretation,
        InterpretationStatus::NotNeeded
    );
    assert!(publish(&api, &doc_record).is_ok());
}

#[test]
fn the_cleanup_lists_what_is_due_and_records_each_decision() {
    let dir = TempDir::new().unwrap();
    let api = support::demo(&dir);
    let old = add(
        &api,
        "示政发〔2019〕5号",
        "示范镇农村集体三资管理办法",
        "2019-04-10",
    );
    let kept = add(
        &api,
        "示政发〔2021〕2号",
        "示范镇殡葬管理办法",
        "2021-08-01",
    );
    let mut termed = input(
        "示政发〔2024〕6号",
        "人居环境整治奖补办法（试行）",
        "2024-01-02",
    );
    termed.valid_until = Some("2026-06-30".to_owned());
    let termed = api.document_save(termed).unwrap().document.summary.id;
    add(
        &api,
        "示政发〔2025〕1号",
        "示范镇村级公益事业建设办法",
        "2025-03-01",
    );

    let round = |api: &Api| {
        api.documents_cleanup(DocumentCleanupArgs { year: Some(2026) })
            .unwrap()
    };
    let list = round(&api);
    assert_eq!(list.age_years, 5);
    let due: Vec<(&str, &str)> = list
        .rows
        .iter()
        .map(|r| (r.document.id.as_str(), r.reasons[0].as_str()))
        .collect();
    assert_eq!(
        due,
        [
            (old.as_str(), "自 2019-04-10 施行已满 5 年"),
            (kept.as_str(), "自 2021-08-01 施行已满 5 年"),
            (termed.as_str(), "有效期至 2026-06-30，本年度届满"),
        ]
    );
    assert_eq!(list.undecided, 3);

    // N is a setting: at 3 years the 2025 document is not yet due, at 1 it is.
    api.document_settings_save(DocumentSettingsInput {
        cleanup_age_years: 1,
    })
    .unwrap();
    assert_eq!(round(&api).rows.len(), 4);
    let e = api
        .document_settings_save(DocumentSettingsInput {
            cleanup_age_years: 0,
        })
        .unwrap_err();
    assert!(e.message.contains("清理年限 0 年不合理"), "{}", e.message);
    api.document_settings_save(DocumentSettingsInput {
        cleanup_age_years: 5,
    })
    .unwrap();

    let decide = |api: &Api, id: &str, decision, by: &str| {
        api.document_cleanup_decide(CleanupDecideArgs {
            document_id: id.to_owned(),
            year: Some(2026),
            decision,
            decided_on: Some("2026-11-20".to_owned()),
            decided_by: by.to_owned(),
            note: None,
            changed_by: None,
        })
    };
    let e = decide(&api, &old, CleanupDecision::Repeal, " ").unwrap_err();
    assert!(e.message.contains("请填写作出清理决定的人或会议"));
    let after = decide(&api, &old, CleanupDecision::Repeal, "镇政府第12次常务会议").unwrap();
    assert_eq!(after.undecided, 2);
    let repealed = api.document_get(IdArgs { id: old.clone() }).unwrap();
    assert_eq!(repealed.summary.validity, DocumentValidity::Repealed);
    assert_eq!(repealed.summary.validity_on.as_deref(), Some("2026-11-20"));
    assert_eq!(repealed.cleanups[0].decision, CleanupDecision::Repeal);
    assert_eq!(repealed.cleanups[0].reason, "自 2019-04-10 施行已满 5 年");
    // Still on this year's list, with its decision; refused a second time.
    let row = after.rows.iter().find(|r| r.document.id == old).unwrap();
    assert_eq!(
        row.decision.as_ref().unwrap().decided_by,
        "镇政府第12次常务会议"
    );
    assert!(decide(&api, &old, CleanupDecision::Keep, "会议").is_err());

    // Kept: not due again until five years after the decision.
    decide(&api, &kept, CleanupDecision::Keep, "镇政府第12次常务会议").unwrap();
    let next = api
        .documents_cleanup(DocumentCleanupArgs { year: Some(2027) })
        .unwrap();
    assert!(
        next.rows
            .iter()
            .all(|r| r.document.id != kept && r.document.id != old)
    );
    assert_eq!(
        api.document_get(IdArgs { id: kept.clone() })
            .unwrap()
            .summary
            .validity,
        DocumentValidity::InForce
    );
}

#[test]
fn year_figures_follow_the_library() {
    let dir = TempDir::new().unwrap();
    let api = support::demo(&dir);
    let a = add(&api, "示政发〔2024〕1号", "甲", "2024-02-01");
    add(&api, "示政发〔2024〕2号", "乙", "2024-06-01");
    let c = add(&api, "示政发〔2025〕3号", "丙", "2025-03-01");
    let mut policy = input("示政办发〔2025〕8号", "工作要点", "2025-02-01");
    policy.kind = DocumentKind::Policy;
    api.document_save(policy).unwrap();
    change(
        &api,
        &a,
        DocumentValidity::Repealed,
        Some("2025-03-01"),
        Some(&c),
    )
    .unwrap();
    let store = gongkai_store::Store::open(&dir.path().join("demo.sqlite3")).unwrap();
    let figures = |year| {
        let f = store.documents_year_figures(year).unwrap();
        (f.issued, f.repealed, f.in_force)
    };
    assert_eq!(figures(2024), (2, 0, 2));
    assert_eq!(figures(2025), (1, 1, 2));
}

#[test]
fn the_lived_in_demo_has_a_library() {
    let dir = TempDir::new().unwrap();
    let api = Api::new(dir.path().join("lived.sqlite3"));
    api.setup_demo_lived_in(NoArgs {}).unwrap();
    let docs = all(&api);
    assert_eq!(docs.len(), 5);
    assert_eq!(
        docs.iter()
            .filter(|d| d.validity == DocumentValidity::Repealed)
            .count(),
        1
    );
    let interpreted = docs
        .iter()
        .find(|d| d.interpretation == InterpretationStatus::Published)
        .expect("a document published with its 解读");
    assert_eq!(interpreted.record_status, Some(RecordStatus::Published));
    assert!(
        !api.documents_cleanup(DocumentCleanupArgs::default())
            .unwrap()
            .rows
            .is_empty()
    );
}
