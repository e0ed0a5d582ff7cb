//! A list holding several 补贴项目 prints as the clerk chooses: a section per project (the
//! default) or one table with a 补贴项目 column; the preview shows what printing writes.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::{Path, PathBuf};

use base64::Engine;
use gongkai_api::Api;
use gongkai_api::wire::{PayoutPreviewArgs, PayoutPrintArgs, ProjectLayout};
use support::{MIXED_LIST_PEOPLE, demo, mixed_list, name, pdf_text};
use tempfile::TempDir;

mod support;

fn print(api: &Api, list_id: &str, out: &Path, layout: Option<ProjectLayout>) -> PathBuf {
    let printed = api
        .payouts_print(PayoutPrintArgs {
            list_id: list_id.to_owned(),
            out_dir: out.display().to_string(),
            project_layout: layout,
            ..Default::default()
        })
        .unwrap();
    assert_eq!(printed.files.len(), 1, "one notice for the village");
    PathBuf::from(&printed.files[0].path)
}

const TITLES: [&str; 3] = [
    "2026年耕地地力保护补贴发放公示",
    "2026年农机购置补贴发放公示",
    "2026年生态公益林补偿发放公示",
];

#[test]
fn by_default_and_when_asked_each_project_is_a_section_of_its_own() {
    let dir = TempDir::new().unwrap();
    let api = demo(&dir);
    let list = mixed_list(&api, dir.path());
    for layout in [None, Some(ProjectLayout::Sections)] {
        let text = pdf_text(&print(&api, &list, &dir.path().join("公示单"), layout));
        for title in TITLES {
            assert_eq!(
                text.matches(title).count(),
                1,
                "{layout:?}: {title}\n{text}"
            );
        }
        assert!(
            !text.contains("补贴项目"),
            "{layout:?}: no project column\n{text}"
        );
    }
}

#[test]
fn one_table_names_each_rows_project_in_a_column() {
    let dir = TempDir::new().unwrap();
    let api = demo(&dir);
    let list = mixed_list(&api, dir.path());
    let pdf = print(
        &api,
        &list,
        &dir.path().join("公示单"),
        Some(ProjectLayout::Column),
    );
    let text = pdf_text(&pdf);
    // One title, one table, one total and one 落款 for the village.
    for title in TITLES {
        assert!(
            !text.contains(title),
            "no section of its own: {title}\n{text}"
        );
    }
    assert_eq!(text.matches("发放公示").count(), 1, "{text}");
    assert_eq!(text.matches("示范镇人民政府").count(), 1, "{text}");
    assert!(text.contains("共 4 人"), "{text}");
    let total = text
        .lines()
        .find(|l| l.starts_with("合计"))
        .unwrap_or_else(|| panic!("no total:\n{text}"));
    assert!(total.contains("2,180.00"), "the village's total: {total}");
    // The header has the column, and every person's line says their project.
    let header = text
        .lines()
        .find(|l| l.contains("姓名"))
        .unwrap_or_else(|| panic!("no header:\n{text}"));
    assert!(header.contains("补贴项目"), "{header}");
    for (project, n, _) in MIXED_LIST_PEOPLE {
        let line = text
            .lines()
            .find(|l| l.contains(&name(n)))
            .unwrap_or_else(|| panic!("{} missing:\n{text}", name(n)));
        assert!(line.contains(project), "{project}: {line}");
    }
}

#[test]
fn the_preview_lays_out_the_projects_as_printing_will() {
    let dir = TempDir::new().unwrap();
    let api = demo(&dir);
    let list = mixed_list(&api, dir.path());
    let preview = |layout| {
        let preview = api
            .payouts_preview(PayoutPreviewArgs {
                list_id: list.clone(),
                project_layout: layout,
                ..Default::default()
            })
            .unwrap();
        let path = dir.path().join("preview.pdf");
        let bytes = base64::engine::general_purpose::STANDARD
            .decode(preview.pdf_base64)
            .unwrap();
        std::fs::write(&path, bytes).unwrap();
        pdf_text(&path)
    };
    let column = preview(Some(ProjectLayout::Column));
    assert!(column.contains("补贴项目"), "{column}");
    assert_eq!(column.matches("发放公示").count(), 1, "{column}");
    let sections = preview(None);
    assert!(!sections.contains("补贴项目"), "{sections}");
    assert_eq!(sections.matches("发放公示").count(), 3, "{sections}");
}
