//! Notice settings per 补贴项目: the 公示期 length, 监督举报电话, 制表人 and 审核人 that post, print
//! and archive use when the clerk gives none, and what an archived notice carries.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use gongkai_api::Api;
use gongkai_api::wire::{
    NoArgs, NoticeSettings, NoticeSettingsArgs, PayoutArchiveArgs, PayoutImportArgs, PayoutPostArgs,
};
use support::{demo, id};
use tempfile::TempDir;

mod support;

const PROJECT: &str = "高龄津贴";

/// A list of two villages, imported and posted long enough ago that it can be archived.
fn posted_list(api: &Api, dir: &TempDir, notice_days: Option<u32>) -> String {
    let csv = dir.path().join("2025年示范镇高龄津贴发放清册.csv");
    std::fs::write(
        &csv,
        format!(
            "村名,姓名,身份证号,金额\n东山村,张三,{},100\n西河村,李四,{},200\n",
            id(1),
            id(2)
        ),
    )
    .unwrap();
    let report = api
        .payouts_import(PayoutImportArgs {
            path: csv.display().to_string(),
            project: Some(PROJECT.to_owned()),
            year: Some(2025),
            ..Default::default()
        })
        .unwrap();
    assert!(report.errors.is_empty(), "{:#?}", report.errors);
    let list_id = report.list_id.unwrap();
    api.payouts_post(PayoutPostArgs {
        list_id: list_id.clone(),
        posted_on: Some("2025-11-01".to_owned()),
        notice_days,
    })
    .unwrap();
    list_id
}

/// The text of every notice frozen with the archived list, as `pdftotext` reads it.
fn archived_text(api: &Api, dir: &TempDir, list_id: &str) -> Vec<String> {
    let store = gongkai_store::Store::open(api.db_path()).unwrap();
    let notices = store.archived_notices(list_id.parse().unwrap()).unwrap();
    assert_eq!(notices.len(), 2);
    notices
        .iter()
        .map(|n| {
            let path = dir.path().join(&n.file_name);
            std::fs::write(&path, &n.pdf).unwrap();
            let out = std::process::Command::new("pdftotext")
                .args([path.as_os_str(), "-".as_ref()])
                .output()
                .expect("pdftotext (poppler-utils) must be installed to check archived notices");
            assert!(out.status.success());
            String::from_utf8(out.stdout)
                .unwrap()
                .chars()
                .filter(|c| !c.is_whitespace())
                .collect()
        })
        .collect()
}

#[test]
fn an_archived_notice_carries_the_hotline_and_the_names_given() {
    let dir = TempDir::new().unwrap();
    let api = demo(&dir);
    let list_id = posted_list(&api, &dir, Some(7));
    api.payouts_archive(PayoutArchiveArgs {
        list_id: list_id.clone(),
        hotline: Some("0563-7654321".to_owned()),
        prepared_by: Some("赵丽".to_owned()),
        reviewed_by: Some("王芳".to_owned()),
    })
    .unwrap();
    for text in archived_text(&api, &dir, &list_id) {
        assert!(text.contains("监督举报电话：0563-7654321"), "{text}");
        assert!(text.contains("制表人：赵丽"), "{text}");
        assert!(text.contains("审核人：王芳"), "{text}");
    }
}

#[test]
fn the_project_settings_are_what_post_and_archive_use_when_given_nothing() {
    let dir = TempDir::new().unwrap();
    let api = demo(&dir);
    let get = |project: &str| {
        api.notice_settings_get(NoticeSettingsArgs {
            project: Some(project.to_owned()),
        })
        .unwrap()
    };

    // Nothing saved: 7 days and the first office phone, as the notices always printed.
    let builtin = get(PROJECT);
    assert_eq!(builtin.notice_days, 7);
    assert!(builtin.hotline.is_some());
    assert_eq!((builtin.prepared_by, builtin.reviewed_by), (None, None));

    let saved = api
        .notice_settings_save(NoticeSettings {
            project: PROJECT.to_owned(),
            notice_days: 10,
            hotline: Some("0563-1112222".to_owned()),
            prepared_by: Some("李明".to_owned()),
            reviewed_by: Some("张建国".to_owned()),
        })
        .unwrap();
    assert_eq!(saved, get(PROJECT));
    assert_eq!(saved.notice_days, 10);
    // Another project without its own settings starts from the ones saved last.
    assert_eq!(
        get("耕地地力保护补贴").hotline.as_deref(),
        Some("0563-1112222")
    );

    // Refused: a 公示期 of no days, with the field and the value named.
    let err = api
        .notice_settings_save(NoticeSettings {
            notice_days: 0,
            ..saved.clone()
        })
        .unwrap_err();
    assert_eq!(err.code, "invalid_input");
    assert!(
        err.message.contains("公示期") && err.message.contains("0 天"),
        "{}",
        err.message
    );

    // Posted without a length: the project's 10 days.
    let list_id = posted_list(&api, &dir, None);
    let list = api
        .payouts_list(NoArgs {})
        .unwrap()
        .lists
        .into_iter()
        .find(|l| l.id == list_id)
        .unwrap();
    assert!(list.postings.iter().all(|p| p.ends_on == "2025-11-10"));

    // Archived without hotline or names (as the UI used to send): the project's are printed.
    api.payouts_archive(PayoutArchiveArgs {
        list_id: list_id.clone(),
        hotline: None,
        prepared_by: Some("  ".to_owned()),
        reviewed_by: None,
    })
    .unwrap();
    for text in archived_text(&api, &dir, &list_id) {
        assert!(text.contains("监督举报电话：0563-1112222"), "{text}");
        assert!(text.contains("制表人：李明"), "{text}");
        assert!(text.contains("审核人：张建国"), "{text}");
        assert!(text.contains("共10天"), "{text}");
    }
}
