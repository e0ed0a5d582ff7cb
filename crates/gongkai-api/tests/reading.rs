//! The public reading point (公开查阅点, issue 14): its views show what is public, payout
//! notices exactly as the board's sheet prints them, and its installation cannot write.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod support;

use std::path::Path;

use base64::Engine as _;
use gongkai_api::Api;
use gongkai_api::wire::{
    CatalogItemsArgs, IdArgs, NoArgs, PayoutPreviewArgs, ProjectLayout, ReadingCatalogItem,
    ReadingDomainArgs, ReadingLeaveArgs, ReadingNoticeArgs, ReadingSearchArgs,
    ReadingSettingsInput, RecordStatus, VillageInput,
};
use sha2::{Digest, Sha256};
use tempfile::TempDir;

/// The lived-in demo, closed again (its WAL checkpointed into the file); the file's path.
fn lived_in(dir: &TempDir) -> std::path::PathBuf {
    let path = dir.path().join("示范镇.sqlite3");
    let api = Api::new(&path);
    api.setup_demo_lived_in(NoArgs {}).unwrap();
    drop(api);
    path
}

fn digest(path: &Path) -> Vec<u8> {
    Sha256::digest(std::fs::read(path).unwrap()).to_vec()
}

fn column(columns: &[String], title: &str) -> usize {
    columns.iter().position(|c| c == title).expect(title)
}

#[test]
fn a_notice_in_its_period_reads_as_its_printed_sheet_masked_as_printed() {
    let dir = TempDir::new().unwrap();
    let path = lived_in(&dir);
    let reader = Api::read_only(&path);
    let start = reader.reading_start(NoArgs {}).unwrap();
    let summary = start
        .notices
        .first()
        .expect("the demo has a list in its 公示期");
    let notice = reader
        .reading_notice(ReadingNoticeArgs {
            list_id: summary.list_id.clone(),
            village: summary.village.clone(),
        })
        .unwrap();
    assert_eq!(notice.rows.len(), summary.rows as usize);
    let (name, id, amount) = (
        column(&notice.columns, "姓名"),
        column(&notice.columns, "身份证号"),
        column(&notice.columns, "金额（元）"),
    );

    // The same village's sheet as printing writes it, read back from the PDF.
    let printed = Api::new(&path)
        .payouts_preview(PayoutPreviewArgs {
            list_id: summary.list_id.clone(),
            village: Some(summary.village.clone()),
            paper: Some("a4".into()),
            hotline: None,
            prepared_by: None,
            reviewed_by: None,
            project_layout: Some(ProjectLayout::Column),
        })
        .unwrap();
    let pdf = dir.path().join("notice.pdf");
    std::fs::write(
        &pdf,
        base64::engine::general_purpose::STANDARD
            .decode(printed.pdf_base64)
            .unwrap(),
    )
    .unwrap();
    let text = support::pdf_text(&pdf);
    for row in &notice.rows {
        assert!(
            row[id].contains('*') && row[id].chars().filter(char::is_ascii_digit).count() < 18,
            "an ID number on the screen is masked: {}",
            row[id]
        );
        assert!(
            text.lines().any(|line| line.contains(&row[name])
                && line.contains(&row[id])
                && line.contains(&row[amount])),
            "the row {row:?} is printed as shown"
        );
    }
    assert!(notice.title.contains(&summary.village) || notice.subtitle.contains(&summary.village));
    assert!(
        notice
            .footer
            .iter()
            .any(|line| line.starts_with("公示期："))
    );
    assert!(
        text.contains(&notice.total),
        "合计 {} as printed",
        notice.total
    );
}

#[test]
fn the_views_hold_only_what_is_published() {
    let dir = TempDir::new().unwrap();
    let path = lived_in(&dir);
    let clerk = Api::new(&path);
    let all = clerk.records_list(NoArgs {}).unwrap().records;
    drop(clerk);
    let reader = Api::read_only(&path);
    let start = reader.reading_start(NoArgs {}).unwrap();

    assert_eq!(start.township, "示范镇");
    assert_eq!(start.idle_seconds, 60, "a minute by default");
    assert!(!start.pin_set);
    assert!(start.domains.iter().all(|d| d.items > 0) && start.domains.len() > 20);
    assert!(
        start.portal.is_empty() && start.portal_note.is_some(),
        "no portal set in the demo"
    );
    let published = all
        .iter()
        .filter(|r| r.status == RecordStatus::Published)
        .count();
    assert!(published > 0 && published < all.len(), "the demo has both");
    assert_eq!(start.records.len(), published);
    let draft = all
        .iter()
        .find(|r| r.status != RecordStatus::Published)
        .unwrap();
    assert!(
        reader
            .reading_record(IdArgs {
                id: draft.id.clone()
            })
            .is_err()
    );
    let first = &start.records[0];
    let record = reader
        .reading_record(IdArgs {
            id: first.id.clone(),
        })
        .unwrap();
    assert_eq!(record.summary, *first);
    assert!(!record.body.is_empty());
    for document in &start.documents {
        let shown = reader
            .reading_document(IdArgs {
                id: document.id.clone(),
            })
            .unwrap();
        assert_eq!(shown.interpretation.is_some(), document.interpreted);
    }

    let domain = &start.domains[0];
    let items = reader
        .reading_domain(ReadingDomainArgs {
            domain: domain.name.clone(),
        })
        .unwrap()
        .items;
    assert_eq!(items.len(), domain.items as usize);

    let found = reader
        .reading_search(ReadingSearchArgs {
            query: "低保".into(),
        })
        .unwrap();
    assert!(
        found
            .items
            .iter()
            .any(|i| i.level2.contains("低保") || i.content.contains("低保"))
    );
    let village = &start.notices[0].village;
    let found = reader
        .reading_search(ReadingSearchArgs {
            query: village.clone(),
        })
        .unwrap();
    assert!(found.notices.iter().any(|n| &n.village == village));
    let nothing = reader
        .reading_search(ReadingSearchArgs { query: "  ".into() })
        .unwrap();
    assert!(nothing.items.is_empty() && nothing.records.is_empty());
}

#[test]
fn the_read_only_installation_refuses_every_write_and_leaves_the_file_as_it_was() {
    let dir = TempDir::new().unwrap();
    let path = lived_in(&dir);
    let before = digest(&path);
    let reader = Api::read_only(&path);
    reader.reading_start(NoArgs {}).unwrap();
    let profile = reader.profile_get(NoArgs {}).unwrap();
    let village = &profile.villages[0];
    let refused = [
        reader
            .village_save(VillageInput {
                id: Some(village.id.clone()),
                code: village.code.clone(),
                name: "改名村".into(),
                kind: village.kind,
            })
            .map(|_| ()),
        reader
            .reading_settings_save(ReadingSettingsInput {
                idle_seconds: 90,
                pin: Some("2468".into()),
            })
            .map(|_| ()),
        reader.setup_demo(NoArgs {}).map(|_| ()),
        reader.sync_identity(NoArgs {}).map(|_| ()),
    ];
    for (n, outcome) in refused.iter().enumerate() {
        assert!(outcome.is_err(), "write {n} went through: {outcome:?}");
    }
    drop(reader);
    assert_eq!(digest(&path), before, "the database file is unchanged");

    let missing = dir.path().join("无此文件.sqlite3");
    let reader = Api::read_only(&missing);
    assert!(reader.setup_demo(NoArgs {}).is_err());
    assert!(
        !missing.exists(),
        "a reading point never creates a database"
    );
}

#[test]
fn leaving_needs_the_pin_set_at_the_workstation_and_wrong_ones_are_slowed() {
    let dir = TempDir::new().unwrap();
    let path = lived_in(&dir);
    let leave = |api: &Api, pin: &str| {
        api.reading_leave(ReadingLeaveArgs { pin: pin.into() })
            .unwrap()
    };
    let unset = leave(&Api::read_only(&path), "2468");
    assert!(
        !unset.allowed && unset.message.contains("未设置"),
        "{unset:?}"
    );

    let clerk = Api::new(&path);
    assert!(
        clerk
            .reading_settings_save(ReadingSettingsInput {
                idle_seconds: 5,
                pin: None
            })
            .is_err()
    );
    assert!(
        clerk
            .reading_settings_save(ReadingSettingsInput {
                idle_seconds: 90,
                pin: Some("12ab".into())
            })
            .is_err()
    );
    let saved = clerk
        .reading_settings_save(ReadingSettingsInput {
            idle_seconds: 90,
            pin: Some("2468".into()),
        })
        .unwrap();
    assert!(saved.pin_set && saved.idle_seconds == 90);
    drop(clerk);

    let reader = Api::read_only(&path);
    let start = reader.reading_start(NoArgs {}).unwrap();
    assert!(start.pin_set && start.idle_seconds == 90);
    let wrong = leave(&reader, "1357");
    assert!(!wrong.allowed && wrong.message == "密码不正确" && wrong.wait_seconds.is_none());
    assert!(leave(&reader, "2468").allowed);
    for _ in 0..3 {
        assert!(!leave(&reader, "0000").allowed);
    }
    let waiting = leave(&reader, "2468");
    assert!(
        !waiting.allowed && waiting.wait_seconds.is_some_and(|s| s > 20),
        "even the right PIN waits after three wrong ones: {waiting:?}"
    );
}

#[test]
fn the_public_never_reads_an_inferred_or_borrowed_tick_as_the_catalog_s_word() {
    let dir = TempDir::new().unwrap();
    let path = lived_in(&dir);
    let clerk = Api::new(&path);
    let items = clerk
        .catalog_items(CatalogItemsArgs { domain: None })
        .unwrap()
        .items;
    drop(clerk);
    let reader = Api::read_only(&path);
    let domains = reader.reading_start(NoArgs {}).unwrap().domains;
    let public: Vec<ReadingCatalogItem> = domains
        .iter()
        .flat_map(|d| {
            reader
                .reading_domain(ReadingDomainArgs {
                    domain: d.name.clone(),
                })
                .unwrap()
                .items
        })
        .collect();
    let (mut withheld, mut shown) = (0, 0);
    for item in &items {
        let Some(provenance) = &item.provenance else {
            continue;
        };
        let read = public.iter().find(|p| p.key == item.key).unwrap();
        for (known, clerk_ticks, public_ticks) in [
            (&provenance.audience, &item.audience, &read.audience),
            (&provenance.mode, &item.mode, &read.mode),
            (&provenance.level, &item.level, &read.level),
        ] {
            if known.fact {
                assert_eq!(public_ticks, clerk_ticks, "{}", item.key);
                shown += usize::from(!clerk_ticks.is_empty());
            } else {
                assert!(public_ticks.is_empty(), "{}: {public_ticks:?}", item.key);
                withheld += usize::from(!clerk_ticks.is_empty());
            }
        }
    }
    assert!(
        withheld > 50 && shown > 50,
        "withheld {withheld}, shown {shown}"
    );
}
