//! The layouts finance really sends, through the whole import: village names merged over their
//! people, a stacked header whose area column the clerk picks (and the pick kept in a template),
//! and the report's account of every row.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::{Path, PathBuf};

use gongkai_api::wire::{
    HeaderMapping, ImportTemplateInput, NoArgs, PayoutImportArgs, PayoutSurveyArgs,
};
use rust_xlsxwriter::{Format, Workbook};
use support::{demo, id, name, pdf_text};
use tempfile::TempDir;

mod support;

/// 30 people over three villages, 村名 merged over each village's rows, a 小计 after each
/// village with its label in the 村名 column, a 合计 and the signatures.
fn merged_list(dir: &Path) -> PathBuf {
    let path = dir.join("2026年示范镇耕地地力保护补贴发放清册.xlsx");
    let mut book = Workbook::new();
    let f = Format::new();
    let sheet = book.add_worksheet();
    sheet
        .merge_range(0, 0, 0, 4, "2026年示范镇耕地地力保护补贴发放清册", &f)
        .unwrap();
    for (col, h) in ["序号", "村名", "姓名", "身份证号", "补贴金额（元）"]
        .iter()
        .enumerate()
    {
        sheet.write(1, col as u16, *h).unwrap();
    }
    let mut row = 2u32;
    let mut n = 0u32;
    for (village, people) in [("东山村", 12u32), ("西河村", 10), ("南岭村", 8)] {
        sheet
            .merge_range(row, 1, row + people - 1, 1, village, &f)
            .unwrap();
        for _ in 0..people {
            n += 1;
            sheet.write(row, 0, n).unwrap();
            sheet.write(row, 2, name(n)).unwrap();
            sheet.write(row, 3, id(n)).unwrap();
            sheet.write(row, 4, 100.5).unwrap();
            row += 1;
        }
        sheet.write(row, 1, format!("{village}小计")).unwrap();
        sheet
            .write(row, 4, format!("{:.2}", 100.5 * f64::from(people)))
            .unwrap();
        row += 1;
    }
    sheet.write(row, 2, "合 计").unwrap();
    sheet.write(row, 4, "3,015.00").unwrap();
    sheet.write(row + 1, 0, "制表人：李会计").unwrap();
    book.save(&path).unwrap();
    path
}

#[test]
fn a_merged_village_list_imports_every_person_and_accounts_for_every_row() {
    let dir = TempDir::new().unwrap();
    let api = demo(&dir);
    let path = merged_list(dir.path());
    let report = api
        .payouts_import(PayoutImportArgs {
            path: path.display().to_string(),
            ..Default::default()
        })
        .unwrap();
    assert!(report.errors.is_empty(), "{:?}", report.errors);
    assert_eq!(report.imported_rows, 30);
    assert_eq!(report.total_fen, 301_500);
    let per_village: Vec<(&str, u32)> = report
        .villages
        .iter()
        .map(|v| (v.name.as_str(), v.rows))
        .collect();
    assert_eq!(per_village, [("东山村", 12), ("西河村", 10), ("南岭村", 8)]);
    let rows = report.rows;
    assert_eq!(rows.read, 37, "{rows:?}");
    assert_eq!(
        (
            rows.read,
            rows.people,
            rows.titles,
            rows.headers,
            rows.totals,
            rows.notes
        ),
        (37, 30, 1, 1, 4, 1)
    );
    assert_eq!(rows.reported + rows.blank, 0);

    // The counts are part of the JSON scripts read.
    let json = serde_json::to_value(&report).unwrap();
    assert_eq!(json["rows"]["read"], 37);
    assert_eq!(json["rows"]["people"], 30);

    let lists = api.payouts_list(NoArgs {}).unwrap().lists;
    assert_eq!(lists[0].rows, 30);
}

/// `补贴面积（亩）` merged over `确权面积` and `实际种植面积`, the other headers merged down.
fn stacked_header_list(dir: &Path, first: u32) -> PathBuf {
    let path = dir.join(format!("2026年{first}号耕地地力保护补贴发放花名册.xlsx"));
    let mut book = Workbook::new();
    let f = Format::new();
    let sheet = book.add_worksheet();
    for (col, h) in [
        (0u16, "村名"),
        (1, "户主姓名"),
        (2, "身份证号码"),
        (5, "补贴金额（元）"),
    ] {
        sheet.merge_range(0, col, 1, col, h, &f).unwrap();
    }
    sheet.merge_range(0, 3, 0, 4, "补贴面积（亩）", &f).unwrap();
    sheet.write(1, 3, "确权面积").unwrap();
    sheet.write(1, 4, "实际种植面积").unwrap();
    for i in 0..4u32 {
        let row = 2 + i;
        sheet.write(row, 0, "桃源村").unwrap();
        sheet.write(row, 1, name(first + i)).unwrap();
        sheet.write(row, 2, id(first + i)).unwrap();
        sheet.write(row, 3, 5.5).unwrap();
        sheet.write(row, 4, 5).unwrap();
        sheet.write(row, 5, 500).unwrap();
    }
    book.save(&path).unwrap();
    path
}

#[test]
fn the_clerk_picks_the_area_column_of_a_stacked_header_and_the_template_keeps_it() {
    let dir = TempDir::new().unwrap();
    let api = demo(&dir);
    let path = stacked_header_list(dir.path(), 100);
    let survey = |path: &Path, mapping: Option<Vec<HeaderMapping>>| {
        api.payouts_survey(PayoutSurveyArgs {
            path: path.display().to_string(),
            sheet: None,
            mapping,
            template: None,
        })
        .unwrap()
    };

    let found = survey(&path, None);
    let sheet = &found.sheets[0];
    assert!(!sheet.recognised, "two area columns: the clerk must choose");
    assert_eq!(sheet.header_row, 1);
    assert_eq!(sheet.data_rows, 4, "the second header row is not data");
    assert_eq!(sheet.conflicts.len(), 1);
    assert!(sheet.conflicts[0].contains("补贴面积（亩）/实际种植面积"));
    let headers: Vec<&str> = sheet.columns.iter().map(|c| c.header.as_str()).collect();
    assert_eq!(
        headers,
        [
            "村名",
            "户主姓名",
            "身份证号码",
            "补贴面积（亩）/确权面积",
            "补贴面积（亩）/实际种植面积",
            "补贴金额（元）"
        ]
    );

    let refused = api
        .payouts_import(PayoutImportArgs {
            path: path.display().to_string(),
            ..Default::default()
        })
        .unwrap();
    assert_eq!(refused.errors.len(), 1, "{:?}", refused.errors);
    assert_eq!(refused.errors[0].code, "column_ambiguous");
    assert_eq!(refused.rows.reported, 4);

    let pick = vec![
        HeaderMapping {
            header: "补贴面积（亩）/实际种植面积".to_owned(),
            column: Some("area".to_owned()),
        },
        HeaderMapping {
            header: "补贴面积（亩）/确权面积".to_owned(),
            column: None,
        },
    ];
    assert!(survey(&path, Some(pick.clone())).sheets[0].recognised);
    api.import_template_save(ImportTemplateInput {
        name: "财政所花名册".to_owned(),
        mapping: pick,
    })
    .unwrap();

    // Next month's list from the same source: the template is suggested and settles it.
    let next = stacked_header_list(dir.path(), 200);
    assert_eq!(
        survey(&next, None).suggested_template.as_deref(),
        Some("财政所花名册")
    );
    let report = api
        .payouts_import(PayoutImportArgs {
            path: next.display().to_string(),
            template: Some("财政所花名册".to_owned()),
            ..Default::default()
        })
        .unwrap();
    assert!(report.errors.is_empty(), "{:?}", report.errors);
    assert_eq!(report.imported_rows, 4);
    assert_eq!(report.rows.headers, 2);
}

#[test]
fn a_list_of_several_projects_prints_a_section_per_project() {
    use gongkai_api::wire::PayoutPrintArgs;
    let dir = TempDir::new().unwrap();
    let api = demo(&dir);
    let list_id = support::mixed_list(&api, dir.path());
    let out = dir.path().join("公示单");
    let printed = api
        .payouts_print(PayoutPrintArgs {
            list_id,
            out_dir: out.display().to_string(),
            paper: None,
            notice_start: None,
            notice_days: None,
            hotline: None,
            prepared_by: None,
            reviewed_by: None,
            one_file: None,
            project_layout: None,
        })
        .unwrap();
    assert_eq!(printed.files.len(), 1, "one notice for the village");
    let text = pdf_text(Path::new(&printed.files[0].path));
    // Each project under its own title, in the order the file names them, with its own people
    // and its own total.
    let at = |needle: &str| {
        text.find(needle)
            .unwrap_or_else(|| panic!("{needle} missing:\n{text}"))
    };
    let (land, machines, forest) = (
        at("2026年耕地地力保护补贴发放公示"),
        at("2026年农机购置补贴发放公示"),
        at("2026年生态公益林补偿发放公示"),
    );
    assert!(land < machines && machines < forest, "{text}");
    let (first, second, third, fourth) = (at(&name(1)), at(&name(2)), at(&name(3)), at(&name(4)));
    assert!(land < first && first < third && third < machines, "{text}");
    assert!(
        machines < second && second < forest && forest < fourth,
        "{text}"
    );
    assert!(
        text[land..machines].contains("150.00"),
        "the land subsidy's own total: {text}"
    );
    assert!(
        !text.contains("耕地地力保护补贴、"),
        "no title naming every project: {text}"
    );
    // The 落款: the issuing body and the notice's date, under the footer of every section.
    let today = chrono::Local::now()
        .date_naive()
        .format("%Y年%-m月%-d日")
        .to_string();
    assert_eq!(text.matches("示范镇人民政府").count(), 3, "{text}");
    let signed = text.rfind("示范镇人民政府").unwrap();
    assert!(text[signed..].contains(&today), "{text}");
    assert!(
        text.rfind("监督举报电话").unwrap() < signed,
        "below the footer: {text}"
    );
}
