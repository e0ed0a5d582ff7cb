//! Payout-list import on real files the tests write themselves: xlsx through a real writer,
//! CSV in GBK, GB18030 and UTF-8 with BOM.

// Fixture builders outside #[test] functions unwrap too: this whole crate is test code.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::{Path, PathBuf};

use gongkai_api::Api;
use gongkai_api::wire::{NoArgs, PayoutImportArgs, PayoutImportReport, PayoutLookupArgs};
use rust_xlsxwriter::{Format, Workbook};
use support::{demo, id};
use tempfile::TempDir;

mod support;

fn import(api: &Api, path: &Path) -> PayoutImportReport {
    api.payouts_import(PayoutImportArgs {
        path: path.display().to_string(),
        sheet: None,
        project: None,
        year: None,
        ..Default::default()
    })
    .unwrap()
}

/// (name, ID seed, area in 亩)
type Person<'a> = (&'a str, u32, &'a str);

/// One sheet per village, title rows, header, people, 合计 row — as finance sends it.
fn village_workbook(dir: &TempDir, people: &[(&str, &[Person<'_>])]) -> PathBuf {
    let path = dir.path().join("2025年耕地地力保护补贴.xlsx");
    let mut book = Workbook::new();
    for (village, rows) in people {
        let sheet = book.add_worksheet();
        sheet.set_name(*village).unwrap();
        sheet
            .merge_range(
                0,
                0,
                0,
                5,
                "2025年示范镇耕地地力保护补贴发放清册",
                &Format::new(),
            )
            .unwrap();
        sheet.write(1, 5, "单位：元").unwrap();
        let headers = [
            "序号",
            "户主姓名",
            "身份证号码",
            "补贴面积（亩）",
            "补贴标准（元/亩）",
            "补贴金额（元）",
        ];
        for (c, h) in headers.iter().enumerate() {
            sheet.write(2, c as u16, *h).unwrap();
        }
        let mut total = 0_f64;
        for (i, (name, n, area)) in rows.iter().enumerate() {
            let r = 3 + i as u32;
            let area_hundredths: u32 = area.replace('.', "").parse().unwrap();
            let fen = area_hundredths * 10450 / 100; // rate 104.50
            sheet.write(r, 0, (i + 1) as f64).unwrap();
            sheet.write(r, 1, *name).unwrap();
            sheet.write(r, 2, id(*n)).unwrap();
            sheet.write(r, 3, area.parse::<f64>().unwrap()).unwrap();
            sheet.write(r, 4, 104.5).unwrap();
            sheet.write(r, 5, f64::from(fen) / 100.0).unwrap();
            total += f64::from(fen) / 100.0;
        }
        let r = 3 + rows.len() as u32;
        sheet.write(r, 0, "合计").unwrap();
        sheet.write(r, 5, total).unwrap();
        sheet
            .write(r + 2, 0, "制表人：李明    审核人：王芳")
            .unwrap();
    }
    book.save(&path).unwrap();
    path
}

#[test]
fn a_clean_workbook_imports_by_village_and_keeps_no_full_id() {
    let dir = TempDir::new().unwrap();
    let api = demo(&dir);
    let path = village_workbook(
        &dir,
        &[
            (
                "东山村",
                &[
                    ("张三", 1, "10.00"),
                    ("李四", 2, "3.50"),
                    ("欧阳娜娜", 3, "12.35"),
                ],
            ),
            ("西河村", &[("王五", 4, "8.00"), ("刘䶮", 5, "2.00")]),
        ],
    );
    let report = import(&api, &path);
    assert!(report.errors.is_empty(), "{:#?}", report.errors);
    assert_eq!(report.imported_rows, 5);
    // 10.00×104.5 + 3.5×104.5 + 12.35×104.5 (=1290.57 truncated by the fixture) …
    let dongshan = &report.villages[0];
    assert_eq!((dongshan.name.as_str(), dongshan.rows), ("东山村", 3));
    assert_eq!(dongshan.total_fen, 104_500 + 36_575 + 129_057);
    assert_eq!(report.total_fen, dongshan.total_fen + 83_600 + 20_900);

    let lists = api.payouts_list(NoArgs {}).unwrap().lists;
    assert_eq!(lists.len(), 1);
    assert_eq!(
        (lists[0].project.as_str(), lists[0].year),
        ("耕地地力保护补贴", 2025)
    );
    assert_eq!(lists[0].status.key(), "draft");

    // Privacy by construction: no full ID anywhere in the database file.
    drop(api);
    let bytes = std::fs::read(dir.path().join("demo.sqlite3")).unwrap();
    let text = String::from_utf8_lossy(&bytes);
    for n in 1..=5 {
        assert!(!text.contains(&id(n)), "full ID {n} stored");
        assert!(!text.contains(&id(n)[6..14]), "birth date of {n} stored");
    }
}

#[test]
fn lookup_by_full_id_finds_the_person() {
    let dir = TempDir::new().unwrap();
    let api = demo(&dir);
    let path = village_workbook(&dir, &[("东山村", &[("张三", 7, "1.00")])]);
    assert!(import(&api, &path).errors.is_empty());
    let found = api
        .payouts_lookup(PayoutLookupArgs {
            id_number: id(7).to_lowercase(),
        })
        .unwrap()
        .payouts;
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].name, "张三");
    assert_eq!(
        found[0].id_masked,
        format!("99*************{}", &id(7)[15..])
    );
    assert_eq!(found[0].amount_fen, 10_450);
    assert!(
        api.payouts_lookup(PayoutLookupArgs { id_number: id(8) })
            .unwrap()
            .payouts
            .is_empty()
    );
}

#[test]
fn importing_the_same_people_again_is_refused() {
    let dir = TempDir::new().unwrap();
    let api = demo(&dir);
    let path = village_workbook(
        &dir,
        &[("东山村", &[("张三", 1, "1.00"), ("李四", 2, "2.00")])],
    );
    assert!(import(&api, &path).errors.is_empty());
    let again = import(&api, &path);
    assert_eq!(again.list_id, None);
    assert_eq!(again.errors.len(), 2);
    assert!(again.errors.iter().all(|e| e.code == "duplicate_earlier"));
    assert!(
        again.errors[0]
            .message
            .contains("2025 年“耕地地力保护补贴”")
    );
    assert_eq!(api.payouts_list(NoArgs {}).unwrap().lists.len(), 1);
}

#[test]
fn a_wrong_total_refuses_the_file() {
    let dir = TempDir::new().unwrap();
    let api = demo(&dir);
    let path = dir.path().join("清册.xlsx");
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    for (c, h) in ["村名", "姓名", "身份证号", "金额"].iter().enumerate() {
        sheet.write(0, c as u16, *h).unwrap();
    }
    sheet
        .write_row(1, 0, ["东山村", "张三", &id(1), "100.00"])
        .unwrap();
    sheet
        .write_row(2, 0, ["东山村", "李四", &id(2), "50.00"])
        .unwrap();
    sheet.write_row(3, 0, ["合计", "", "", "160.00"]).unwrap();
    book.save(&path).unwrap();
    let report = api
        .payouts_import(PayoutImportArgs {
            path: path.display().to_string(),
            sheet: None,
            project: Some("高龄津贴".into()),
            year: Some(2025),
            ..Default::default()
        })
        .unwrap();
    assert_eq!(report.errors.len(), 1, "{:#?}", report.errors);
    let e = &report.errors[0];
    assert_eq!(
        (e.row, e.column.as_str(), e.code.as_str()),
        (4, "金额", "total_mismatch")
    );
    assert_eq!(
        e.message,
        "合计行金额 160.00 元与上面各行金额之和 150.00 元不一致"
    );
}

#[test]
fn every_kind_of_bad_row_is_reported_with_row_and_column_and_nothing_is_written() {
    let dir = TempDir::new().unwrap();
    let api = demo(&dir);
    let mut bad_check = id(3).into_bytes();
    bad_check[16] = if bad_check[16] == b'9' {
        b'0'
    } else {
        bad_check[16] + 1
    };
    let bad_check = String::from_utf8(bad_check).unwrap();
    let rows = [
        format!("东山村,张三,{},100.00,", id(1)),     // line 3: fine
        format!("东山村,李四,{bad_check},100.00,"),   // line 4: check digit
        "东山村,王五,3.60982E+17,100.00,".to_owned(), // line 5: Excel float
        format!("东山村,赵六,{},12.345,", id(4)),     // line 6: decimals
        format!("东山村,钱七,{},0,", id(5)),          // line 7: zero
        format!("东三村,孙八,{},10.00,", id(6)),      // line 8: unknown village
        format!("西河村,张三,{},10.00,", id(1)),      // line 9: same person again
        format!("西河村,,{},10.00,", id(7)),          // line 10: no name
        format!("西河村,周九,{},10.00,6217000012345678", id(8)), // line 11: fine, bank masked
    ];
    let csv = format!(
        "2025年示范镇耕地地力保护补贴发放清册\r\n村名,姓名,身份证号,金额,银行账号\r\n{}\r\n",
        rows.join("\r\n")
    );
    let (gbk, _, unmappable) = encoding_rs::GBK.encode(&csv);
    assert!(!unmappable);
    let path = dir.path().join("清册.csv");
    std::fs::write(&path, &gbk).unwrap();

    let report = import(&api, &path);
    assert_eq!(report.list_id, None);
    let found: Vec<(u32, &str, &str)> = report
        .errors
        .iter()
        .map(|e| (e.row, e.column.as_str(), e.code.as_str()))
        .collect();
    assert_eq!(
        found,
        [
            (4, "身份证号", "id_check_digit"),
            (5, "身份证号", "id_stored_as_number"),
            (6, "金额", "amount_decimals"),
            (7, "金额", "amount_not_positive"),
            (8, "村名", "village_unknown"),
            (9, "身份证号", "duplicate_person"),
            (10, "姓名", "name_missing"),
        ]
    );
    assert!(report.errors[4].message.contains("是否为“东山村”"));
    assert!(report.errors[5].message.contains("第 3 行"));
    assert!(report.errors.iter().all(|e| e.sheet == "清册.csv"));
    // No message repeats a full ID number.
    for e in &report.errors {
        for n in 1..=8 {
            assert!(!e.message.contains(&id(n)), "{}", e.message);
        }
    }
    assert!(api.payouts_list(NoArgs {}).unwrap().lists.is_empty());
}

#[test]
fn utf8_bom_csv_with_full_width_digits_and_rare_names() {
    let dir = TempDir::new().unwrap();
    let api = demo(&dir);
    let full_width: String = id(9)
        .chars()
        .map(|c| match c {
            '0'..='9' => char::from_u32(c as u32 - '0' as u32 + '０' as u32).unwrap(),
            'X' => 'x',
            other => other,
        })
        .collect();
    let csv = format!(
        "\u{FEFF}补贴项目,村,姓名,身份证号,金额\n高龄津贴,南岭村,刘䶮,{full_width},300\n高龄津贴,南岭村,王𠀀,{},300.00\n",
        id(10)
    );
    let path = dir.path().join("高龄津贴.csv");
    std::fs::write(&path, csv).unwrap();
    let report = import(&api, &path);
    assert!(report.errors.is_empty(), "{:#?}", report.errors);
    assert_eq!(report.imported_rows, 2);
    assert!(report.warnings.iter().any(|w| w.code == "year_assumed"));
    let found = api
        .payouts_lookup(PayoutLookupArgs { id_number: id(9) })
        .unwrap()
        .payouts;
    assert_eq!(found[0].name, "刘䶮");
}

#[test]
fn files_that_are_not_lists_are_refused_with_a_reason() {
    let dir = TempDir::new().unwrap();
    let api = demo(&dir);
    let picture = dir.path().join("照片.xlsx");
    std::fs::write(&picture, b"\x89PNG\r\n\x1a\n\0\0").unwrap();
    let report = import(&api, &picture);
    assert_eq!(report.errors[0].code, "file_unreadable");
    assert!(report.errors[0].message.contains("不是 Excel 工作簿"));

    let path = village_workbook(&dir, &[("东山村", &[("张三", 1, "1.00")])]);
    let bytes = std::fs::read(&path).unwrap();
    std::fs::write(&path, &bytes[..bytes.len() / 3]).unwrap();
    let report = import(&api, &path);
    assert!(report.errors[0].message.contains("已损坏或不完整"));
}

#[test]
fn the_error_table_exports_as_xlsx_that_reads_back() {
    let dir = TempDir::new().unwrap();
    let api = demo(&dir);
    let path = dir.path().join("清册.csv");
    std::fs::write(
        &path,
        "村名,姓名,身份证号,金额\n东山村,王五,3.60982E+17,100\n",
    )
    .unwrap();
    let report = api
        .payouts_import(PayoutImportArgs {
            path: path.display().to_string(),
            sheet: None,
            project: Some("高龄津贴".into()),
            year: None,
            ..Default::default()
        })
        .unwrap();
    let out = dir.path().join("错误清单.xlsx");
    api.payouts_export_issues(gongkai_api::wire::IssuesExportArgs {
        source_file: "清册.csv".into(),
        issues: report.errors.clone(),
        out: out.display().to_string(),
    })
    .unwrap();
    let book = gongkai_sheets::read(&out, None).unwrap();
    let row = book.sheets[0].rows.iter().find(|r| r.number == 4).unwrap();
    assert_eq!(row.cell(0).display_text(), "清册.csv");
    assert_eq!(row.cell(1).display_text(), "2");
    assert_eq!(row.cell(2).display_text(), "身份证号");
    assert!(row.cell(4).display_text().contains("设为“文本”格式"));
}

/// The text of a PDF as `pdftotext` (poppler-utils, installed by `./dev.sh test`) reads it.
fn pdf_text(path: &str) -> String {
    let out = std::process::Command::new("pdftotext")
        .args([path, "-"])
        .output()
        .expect("pdftotext (poppler-utils) must be installed to check printed notices");
    assert!(out.status.success());
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn notices_print_per_village_with_every_name_and_no_full_id() {
    let dir = TempDir::new().unwrap();
    let api = demo(&dir);
    let names = [
        "刘䶮",
        "王𠀀",
        "张堃",
        "李喆",
        "欧阳娜娜",
        "阿依古丽·买买提江",
    ];
    let mut csv = String::from("村名,姓名,身份证号,金额,银行账号\n");
    for (i, name) in names.iter().enumerate() {
        let village = if i % 2 == 0 { "东山村" } else { "西河村" };
        csv.push_str(&format!(
            "{village},{name},{},{}.50,62170000{:010}\n",
            id(i as u32 + 1),
            100 + i,
            i
        ));
    }
    // Enough people in one village for a second page.
    let surnames: Vec<char> = "王李张刘陈杨黄赵吴周".chars().collect();
    let given: Vec<char> = "伟芳娜敏静丽强磊军洋".chars().collect();
    for i in 0..60_u32 {
        let name: String = [surnames[(i % 10) as usize], given[(i / 10) as usize]]
            .iter()
            .collect();
        csv.push_str(&format!("东山村,{name},{},10,\n", id(100 + i)));
    }
    let path = dir.path().join("2025年示范镇高龄津贴发放清册.csv");
    std::fs::write(&path, csv).unwrap();
    let report = import(&api, &path);
    assert!(report.errors.is_empty(), "{:#?}", report.errors);

    let out = dir.path().join("公示单");
    let printed = api
        .payouts_print(gongkai_api::wire::PayoutPrintArgs {
            list_id: report.list_id.clone().unwrap(),
            out_dir: out.display().to_string(),
            paper: None,
            notice_start: Some("2025-12-01".into()),
            notice_days: Some(7),
            hotline: Some("0799-5550101".into()),
            prepared_by: Some("赵丽".into()),
            reviewed_by: Some("王芳".into()),
            one_file: None,
            project_layout: None,
        })
        .unwrap();
    let villages: Vec<&str> = printed.files.iter().map(|f| f.village.as_str()).collect();
    assert_eq!(villages, ["东山村", "西河村"]);
    assert!(printed.files[0].path.ends_with("2025年高龄津贴-东山村.pdf"));

    let dongshan = pdf_text(&printed.files[0].path);
    let xihe = pdf_text(&printed.files[1].path);
    for (i, name) in names.iter().enumerate() {
        let text = if i % 2 == 0 { &dongshan } else { &xihe };
        assert!(text.contains(name), "{name} missing from the notice");
    }
    // 63 people: several pages, each numbered against the village's own page count.
    let compact: String = dongshan.chars().filter(|c| !c.is_whitespace()).collect();
    assert!(
        compact.contains("第1页共3页") && compact.contains("第3页共3页"),
        "{dongshan}"
    );
    assert_eq!(compact.matches("本页小计").count(), 3);
    assert!(dongshan.contains("2025年12月1日") && dongshan.contains("2025年12月7日"));
    assert!(dongshan.contains("0799-5550101"));
    assert!(dongshan.contains("合计"));
    for text in [&dongshan, &xihe] {
        for n in (1..=6).chain(100..160) {
            assert!(!text.contains(&id(n)), "full ID printed");
            assert!(!text.contains(&id(n)[6..14]), "birth date printed");
        }
        assert!(!text.contains("62170000"), "bank account printed");
    }

    // Bound in one file for the township's printer: the same notices, each village numbered
    // on its own.
    let bound = api
        .payouts_print(gongkai_api::wire::PayoutPrintArgs {
            list_id: report.list_id.clone().unwrap(),
            out_dir: dir.path().join("合订").display().to_string(),
            notice_start: Some("2025-12-01".into()),
            one_file: Some(true),
            ..Default::default()
        })
        .unwrap();
    assert_eq!(bound.files.len(), 1);
    assert!(
        bound.files[0]
            .path
            .ends_with("2025年高龄津贴-全部村（社区）.pdf")
    );
    assert_eq!(bound.files[0].rows, 66);
    let text = pdf_text(&bound.files[0].path);
    for name in names {
        assert!(text.contains(name), "{name} missing from the bound notices");
    }
    let compact: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    assert!(
        compact.contains("第3页共3页") && compact.contains("第1页共1页"),
        "{text}"
    );
    assert!(!compact.contains("共4页"), "pages are numbered per village");
    for n in (1..=6).chain(100..160) {
        assert!(!text.contains(&id(n)), "full ID printed");
    }
}

#[test]
fn a_list_is_posted_archived_and_only_superseded_afterwards() {
    use gongkai_api::wire::{PayoutArchiveArgs, PayoutPostArgs};
    let dir = TempDir::new().unwrap();
    let api = demo(&dir);
    let path = village_workbook(
        &dir,
        &[
            ("东山村", &[("张三", 1, "1.00")]),
            ("西河村", &[("李四", 2, "2.00")]),
        ],
    );
    let list_id = import(&api, &path).list_id.unwrap();
    let archive = |id: &str| {
        api.payouts_archive(PayoutArchiveArgs {
            list_id: id.to_owned(),
            hotline: None,
            prepared_by: Some("赵丽".into()),
            reviewed_by: Some("王芳".into()),
        })
    };

    // A draft cannot be archived.
    assert_eq!(archive(&list_id).unwrap_err().code, "list_state");

    // Posted, but the 公示期 has not ended: still no archive.
    let posted = api
        .payouts_post(PayoutPostArgs {
            list_id: list_id.clone(),
            posted_on: None,
            notice_days: Some(7),
        })
        .unwrap();
    assert_eq!(posted.status.key(), "posted");
    assert_eq!(posted.postings.len(), 2);
    let err = archive(&list_id).unwrap_err();
    assert!(
        err.message.contains("公示期满后才能归档"),
        "{}",
        err.message
    );

    // A list posted long ago: its 公示期 is over, it archives with fingerprints.
    let dir2 = TempDir::new().unwrap();
    let api = demo(&dir2);
    let path = village_workbook(
        &dir2,
        &[
            ("东山村", &[("张三", 1, "1.00")]),
            ("西河村", &[("李四", 2, "2.00")]),
        ],
    );
    let list_id = import(&api, &path).list_id.unwrap();
    api.payouts_post(PayoutPostArgs {
        list_id: list_id.clone(),
        posted_on: Some("2025-12-01".into()),
        notice_days: Some(7),
    })
    .unwrap();
    let err = api
        .payouts_post(PayoutPostArgs {
            list_id: list_id.clone(),
            posted_on: None,
            notice_days: None,
        })
        .unwrap_err();
    assert!(err.message.contains("只有草稿状态"));
    let archived = api
        .payouts_archive(PayoutArchiveArgs {
            list_id: list_id.clone(),
            hotline: None,
            prepared_by: None,
            reviewed_by: None,
        })
        .unwrap();
    assert_eq!(archived.rows_sha256.len(), 64);
    assert_eq!(archived.files.len(), 2);
    assert!(archived.files.iter().all(|f| f.sha256.len() == 64));

    // Printing an archived list uses its recorded 公示期.
    let out = dir2.path().join("out");
    let printed = api
        .payouts_print(gongkai_api::wire::PayoutPrintArgs {
            list_id: list_id.clone(),
            out_dir: out.display().to_string(),
            paper: Some("a4-landscape".into()),
            notice_start: None,
            notice_days: None,
            hotline: None,
            prepared_by: None,
            reviewed_by: None,
            one_file: None,
            project_layout: None,
        })
        .unwrap();
    assert!(pdf_text(&printed.files[0].path).contains("2025年12月7日"));

    // The same people again: refused as a duplicate…
    assert_eq!(import(&api, &path).errors[0].code, "duplicate_earlier");
    // …unless it is a correction of the archived list, which says why.
    let no_reason = api.payouts_import(PayoutImportArgs {
        path: path.display().to_string(),
        supersedes: Some(list_id.clone()),
        ..Default::default()
    });
    assert_eq!(no_reason.unwrap_err().code, "invalid_input");
    let corrected = api
        .payouts_import(PayoutImportArgs {
            path: path.display().to_string(),
            supersedes: Some(list_id.clone()),
            reason: Some("李四面积录入有误，经村委会核实更正".into()),
            ..Default::default()
        })
        .unwrap();
    assert!(corrected.errors.is_empty(), "{:#?}", corrected.errors);
    let lists = api.payouts_list(NoArgs {}).unwrap().lists;
    let old = lists.iter().find(|l| l.id == list_id).unwrap();
    assert_eq!(old.status.key(), "superseded");
}

#[test]
fn a_legacy_xls_list_imports() {
    let dir = TempDir::new().unwrap();
    let api = demo(&dir);
    let fixture = PathBuf::from(
        std::env::var_os("CARGO_MANIFEST_DIR").expect("cargo test sets CARGO_MANIFEST_DIR"),
    )
    .join("../gongkai-sheets/tests/fixtures/legacy-biff8.xls");
    let path = dir.path().join("2025年示范镇耕地地力保护补贴发放清册.xls");
    std::fs::copy(fixture, &path).unwrap();
    let report = import(&api, &path);
    assert!(report.errors.is_empty(), "{:#?}", report.errors);
    assert_eq!(report.imported_rows, 75);
    assert_eq!(report.total_fen, 4_177_406);
}

#[test]
fn a_township_mask_rule_applies_to_later_imports_and_cannot_reveal_birth_dates() {
    use gongkai_api::wire::MaskRulesInput;
    let dir = TempDir::new().unwrap();
    let api = demo(&dir);
    let defaults = api.mask_rules_get(NoArgs {}).unwrap();
    assert!(defaults.is_default);
    assert_eq!(defaults.id_example, "36*************23X");
    assert_eq!(defaults.phone_example, "138****1234");

    let err = api
        .mask_rules_update(MaskRulesInput {
            id_keep_start: 14,
            id_keep_end: 4,
            bank_keep_end: 4,
            phone_keep_start: 3,
            phone_keep_end: 4,
        })
        .unwrap_err();
    assert!(err.message.contains("出生日期必须隐去"));

    let saved = api
        .mask_rules_update(MaskRulesInput {
            id_keep_start: 6,
            id_keep_end: 4,
            bank_keep_end: 4,
            phone_keep_start: 3,
            phone_keep_end: 4,
        })
        .unwrap();
    assert_eq!(saved.id_example, "360982********123X");
    let path = village_workbook(&dir, &[("东山村", &[("张三", 7, "1.00")])]);
    assert!(import(&api, &path).errors.is_empty());
    let found = api
        .payouts_lookup(PayoutLookupArgs { id_number: id(7) })
        .unwrap()
        .payouts;
    assert_eq!(
        found[0].id_masked,
        format!("999901********{}", &id(7)[14..])
    );
}

#[test]
fn an_import_reports_its_progress_to_the_sink() {
    use std::sync::{Arc, Mutex};
    let dir = TempDir::new().unwrap();
    let api = demo(&dir);
    let seen = Arc::new(Mutex::new(Vec::new()));
    let sink = Arc::clone(&seen);
    api.on_progress(move |e| sink.lock().unwrap().push((e.task.clone(), e.percent)));
    let path = village_workbook(&dir, &[("东山村", &[("张三", 1, "1.00")])]);
    assert!(import(&api, &path).errors.is_empty());
    let seen = seen.lock().unwrap();
    let percents: Vec<u32> = seen.iter().map(|(_, p)| *p).collect();
    assert_eq!(percents, [5, 30, 70, 100]);
    assert!(seen.iter().all(|(task, _)| task == "payouts_import"));
}

/// A list from a system whose headers no synonym knows: the clerk maps them once, saves the
/// mapping as a template, and the next file from the same source imports with it.
#[test]
fn unknown_headers_are_mapped_saved_as_a_template_and_reused() {
    use gongkai_api::wire::{HeaderMapping, ImportTemplateInput, PayoutSurveyArgs};
    let dir = TempDir::new().unwrap();
    let api = demo(&dir);
    let path = dir.path().join("2025年示范镇一卡通导出.csv");
    std::fs::write(
        &path,
        format!(
            "2025年示范镇耕地地力保护补贴发放清册\n所在村,持卡人,公民身份证,本次发放,卡号\n\
             东山村,张三,{},100.00,6217001234567890123\n西河村,李四,{},50.50,6217001234567890456\n",
            id(1),
            id(2)
        ),
    )
    .unwrap();
    let survey_args =
        |mapping: Option<Vec<HeaderMapping>>, template: Option<&str>| PayoutSurveyArgs {
            path: path.display().to_string(),
            sheet: None,
            mapping,
            template: template.map(str::to_owned),
        };

    let found = api.payouts_survey(survey_args(None, None)).unwrap();
    let sheet = &found.sheets[0];
    assert!(!sheet.recognised);
    assert_eq!(sheet.header_row, 2);
    assert_eq!(sheet.data_rows, 2);
    assert_eq!(sheet.missing, ["姓名", "身份证号", "金额", "村（社区）"]);
    let letters: Vec<&str> = sheet.columns.iter().map(|c| c.letter.as_str()).collect();
    assert_eq!(letters, ["A", "B", "C", "D", "E"]);
    assert_eq!(
        sheet.columns[4].column.as_deref(),
        Some("bank_account"),
        "卡号 is a synonym"
    );
    // Samples of columns not yet mapped are masked all the same.
    let id_samples = sheet.columns[2].samples.join(" ");
    assert!(!id_samples.contains(&id(1)[6..14]), "{id_samples}");
    assert!(
        found
            .choices
            .iter()
            .any(|c| c.key == "amount" && c.required)
    );

    // Imported as it is: refused, since no header row names a person and an amount.
    let refused = import(&api, &path);
    assert_eq!(refused.errors[0].code, "no_header");

    let mapping: Vec<HeaderMapping> = [
        ("所在村", Some("village")),
        ("持卡人", Some("name")),
        ("公民身份证", Some("id_number")),
        ("本次发放", Some("amount")),
        ("卡号", None),
    ]
    .into_iter()
    .map(|(header, column)| HeaderMapping {
        header: header.to_owned(),
        column: column.map(str::to_owned),
    })
    .collect();
    let found = api
        .payouts_survey(survey_args(Some(mapping.clone()), None))
        .unwrap();
    assert!(found.sheets[0].recognised);
    assert!(found.sheets[0].missing.is_empty());

    let bad = api.import_template_save(ImportTemplateInput {
        name: "财政所一卡通".to_owned(),
        mapping: vec![HeaderMapping {
            header: "工资".to_owned(),
            column: Some("salary".to_owned()),
        }],
    });
    assert!(bad.unwrap_err().message.contains("不是可导入的列"));
    let saved = api
        .import_template_save(ImportTemplateInput {
            name: "财政所一卡通".to_owned(),
            mapping,
        })
        .unwrap();
    assert_eq!(saved.templates.len(), 1);

    // The next file from that source: the survey suggests the template, the import uses it.
    let found = api.payouts_survey(survey_args(None, None)).unwrap();
    assert_eq!(found.suggested_template.as_deref(), Some("财政所一卡通"));
    let report = api
        .payouts_import(PayoutImportArgs {
            path: path.display().to_string(),
            template: Some("财政所一卡通".to_owned()),
            ..Default::default()
        })
        .unwrap();
    assert!(report.errors.is_empty(), "{:?}", report.errors);
    assert_eq!(report.imported_rows, 2);
    assert_eq!(report.total_fen, 15050);
    let lists = api.payouts_list(NoArgs {}).unwrap().lists;
    assert_eq!(lists[0].project, "耕地地力保护补贴");

    let unknown = api.payouts_import(PayoutImportArgs {
        path: path.display().to_string(),
        template: Some("不存在的模板".to_owned()),
        ..Default::default()
    });
    assert!(unknown.unwrap_err().message.contains("找不到导入模板"));
    let id = saved.templates[0].id.clone();
    let left = api
        .import_template_delete(gongkai_api::wire::IdArgs { id })
        .unwrap();
    assert!(left.templates.is_empty());
}

/// The preview shows one village's notice as the very PDF printing writes.
#[test]
fn the_preview_is_one_villages_notice_as_printed() {
    use base64::Engine;
    use gongkai_api::wire::PayoutPreviewArgs;
    let dir = TempDir::new().unwrap();
    let api = demo(&dir);
    let path = village_workbook(
        &dir,
        &[
            ("东山村", &[("张三", 1, "1.00"), ("堃喆", 2, "0.50")]),
            ("西河村", &[("刘䶮", 3, "0.20")]),
        ],
    );
    let report = import(&api, &path);
    assert!(report.errors.is_empty(), "{:?}", report.errors);
    let list_id = report.list_id.unwrap();
    let preview = |village: Option<&str>| {
        api.payouts_preview(PayoutPreviewArgs {
            list_id: list_id.clone(),
            village: village.map(str::to_owned),
            paper: Some("a4-landscape".to_owned()),
            ..Default::default()
        })
    };
    let first = preview(None).unwrap();
    assert_eq!(first.villages, ["东山村", "西河村"]);
    assert_eq!(first.village, "东山村");
    assert_eq!(first.rows, 2);
    let pdf = base64::engine::general_purpose::STANDARD
        .decode(&first.pdf_base64)
        .unwrap();
    let file = dir.path().join("preview.pdf");
    std::fs::write(&file, pdf).unwrap();
    let text = pdf_text(&file.display().to_string());
    assert!(text.contains("堃喆") && text.contains("东山村"), "{text}");
    assert!(!text.contains("刘䶮"), "only the village asked for");
    assert!(!text.contains(&id(1)), "no full ID");

    let second = preview(Some("西河村")).unwrap();
    assert_eq!(second.rows, 1);

    // The footer the clerk is typing shows before anything is printed or saved.
    let typed = api
        .payouts_preview(PayoutPreviewArgs {
            list_id: list_id.clone(),
            hotline: Some("0799-7654321".to_owned()),
            prepared_by: Some("周会计".to_owned()),
            reviewed_by: Some(" ".to_owned()),
            ..Default::default()
        })
        .unwrap();
    let file = dir.path().join("typed.pdf");
    std::fs::write(
        &file,
        base64::engine::general_purpose::STANDARD
            .decode(&typed.pdf_base64)
            .unwrap(),
    )
    .unwrap();
    let text = pdf_text(&file.display().to_string());
    assert!(
        text.contains("0799-7654321") && text.contains("周会计"),
        "{text}"
    );
    let error = preview(Some("北岭村")).unwrap_err();
    assert!(error.message.contains("没有“北岭村”"), "{}", error.message);
}
