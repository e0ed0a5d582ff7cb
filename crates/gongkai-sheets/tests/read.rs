//! Reading real files written by a real xlsx writer, and refusing files that are not workbooks.

// Fixture builders outside #[test] functions unwrap too: this whole crate is test code.
#![allow(clippy::unwrap_used)]

use gongkai_sheets::{Cell, SheetsError, read};
use rust_xlsxwriter::{Format, Workbook as XlsxWriter};
use tempfile::TempDir;

fn write_two_village_workbook(path: &std::path::Path) {
    let mut book = XlsxWriter::new();
    for (village, amount) in [("东山村", 1234.5), ("西河村", 88.0)] {
        let sheet = book.add_worksheet();
        sheet.set_name(village).unwrap();
        sheet
            .merge_range(
                0,
                0,
                0,
                3,
                "2025年示范镇耕地地力保护补贴发放清册",
                &Format::new(),
            )
            .unwrap();
        sheet.write(1, 3, "单位：元").unwrap();
        for (col, header) in ["村名", "户主姓名", "身份证号", "补贴金额（元）"]
            .iter()
            .enumerate()
        {
            sheet.write(2, col as u16, *header).unwrap();
        }
        sheet.write(3, 0, village).unwrap();
        sheet.write(3, 1, "张三").unwrap();
        sheet.write(3, 2, "36098219900101123X").unwrap();
        sheet.write(3, 3, amount).unwrap();
        // An ID typed into a number cell: Excel keeps only 15 significant digits.
        sheet.write(4, 2, 360982199001011234_f64).unwrap();
    }
    book.save(path).unwrap();
}

#[test]
fn reads_every_sheet_with_excel_row_numbers() {
    let dir = TempDir::new().unwrap();
    let path = dir.path().join("清册.xlsx");
    write_two_village_workbook(&path);
    let book = read(&path, None).unwrap();
    assert_eq!(book.file_name, "清册.xlsx");
    let names: Vec<_> = book.sheets.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(names, ["东山村", "西河村"]);

    let sheet = &book.sheets[0];
    assert_eq!(sheet.rows[0].number, 1);
    assert_eq!(
        sheet.rows[0].cell(0).display_text(),
        "2025年示范镇耕地地力保护补贴发放清册"
    );
    let data = &sheet.rows[3];
    assert_eq!(data.number, 4);
    assert_eq!(data.cell(2), &Cell::Text("36098219900101123X".into()));
    assert_eq!(data.cell(3).display_text(), "1234.5");
    assert!(matches!(sheet.rows[4].cell(2), Cell::Number(_)));
}

#[test]
fn merged_regions_are_read_and_every_cell_of_one_holds_its_value() {
    let dir = TempDir::new().unwrap();
    let path = dir.path().join("清册.xlsx");
    write_two_village_workbook(&path);
    for only in [None, Some("西河村")] {
        let book = read(&path, only).unwrap();
        let sheet = book.sheets.last().unwrap();
        assert_eq!(sheet.name, "西河村");
        assert_eq!(sheet.merges.len(), 1);
        assert_eq!(sheet.merges[0].reference(), "A1:D1");
        let title = &sheet.rows[0];
        for col in 0..4 {
            assert_eq!(
                title.cell(col).display_text(),
                "2025年示范镇耕地地力保护补贴发放清册"
            );
            assert_eq!(title.is_copied(col), col > 0);
        }
        assert!(
            !sheet.rows[3].is_copied(0),
            "cells outside the region are their own"
        );
    }
}

#[test]
fn one_sheet_can_be_chosen_and_a_wrong_name_lists_the_real_ones() {
    let dir = TempDir::new().unwrap();
    let path = dir.path().join("清册.xlsx");
    write_two_village_workbook(&path);
    let book = read(&path, Some("西河村")).unwrap();
    assert_eq!(book.sheets.len(), 1);
    let err = read(&path, Some("北塘村")).unwrap_err();
    assert_eq!(
        err.to_string(),
        "文件“清册.xlsx”中没有名为“北塘村”的工作表；现有工作表：东山村、西河村"
    );
}

#[test]
fn a_truncated_workbook_is_reported_as_damaged() {
    let dir = TempDir::new().unwrap();
    let path = dir.path().join("清册.xlsx");
    write_two_village_workbook(&path);
    let bytes = std::fs::read(&path).unwrap();
    std::fs::write(&path, &bytes[..bytes.len() / 2]).unwrap();
    let err = read(&path, None).unwrap_err();
    assert!(matches!(err, SheetsError::Damaged { .. }), "{err:?}");
    assert!(err.to_string().contains("已损坏或不完整"));
}

#[test]
fn a_file_that_is_not_a_workbook_is_refused() {
    let dir = TempDir::new().unwrap();
    let path = dir.path().join("照片.xlsx");
    std::fs::write(&path, b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR").unwrap();
    let err = read(&path, None).unwrap_err();
    assert!(matches!(err, SheetsError::UnknownFormat { .. }), "{err:?}");
}

#[test]
fn a_renamed_xlsx_still_opens() {
    let dir = TempDir::new().unwrap();
    let path = dir.path().join("清册.xls");
    write_two_village_workbook(&path);
    assert_eq!(read(&path, None).unwrap().sheets.len(), 2);
}

#[test]
fn gbk_csv_reads_as_chinese() {
    let dir = TempDir::new().unwrap();
    let path = dir.path().join("清册.csv");
    let (bytes, _, _) = encoding_rs::GBK.encode("村名,姓名,金额\r\n东山村,李四,100.50\r\n");
    std::fs::write(&path, &bytes).unwrap();
    let book = read(&path, None).unwrap();
    assert_eq!(book.sheets[0].rows[1].cell(1), &Cell::Text("李四".into()));
    assert_eq!(book.sheets[0].rows[1].number, 2);
}

#[test]
fn legacy_biff8_xls_reads_with_chinese_and_rare_characters() {
    let path = std::path::PathBuf::from(
        std::env::var_os("CARGO_MANIFEST_DIR").expect("cargo test sets CARGO_MANIFEST_DIR"),
    )
    .join("tests/fixtures/legacy-biff8.xls");
    let book = read(&path, None).unwrap();
    let sheet = &book.sheets[0];
    assert_eq!(sheet.name, "东山村");
    assert_eq!(sheet.rows.len(), 77);
    assert_eq!(sheet.rows[1].cell(2).display_text(), "户主姓名");
    assert_eq!(sheet.rows[2].cell(2).display_text(), "刘䶮");
    assert_eq!(sheet.rows[3].cell(2).display_text(), "王𠀀");
    assert_eq!(sheet.rows[2].number, 3);
}

#[test]
fn a_container_that_makes_the_xls_parser_panic_is_reported_as_damaged() {
    let path = std::path::PathBuf::from(
        std::env::var_os("CARGO_MANIFEST_DIR").expect("cargo test sets CARGO_MANIFEST_DIR"),
    )
    .join("tests/fixtures/fuzz-cfb-out-of-bounds.xls");
    let err = read(&path, None).unwrap_err();
    assert!(matches!(err, SheetsError::Damaged { .. }), "{err:?}");
}

#[test]
fn an_xls_whose_cells_spread_over_gigabytes_is_refused_before_parsing() {
    let path = std::path::PathBuf::from(
        std::env::var_os("CARGO_MANIFEST_DIR").expect("cargo test sets CARGO_MANIFEST_DIR"),
    )
    .join("tests/fixtures/fuzz-xls-huge-allocation.xls");
    let err = read(&path, None).unwrap_err();
    assert!(
        matches!(
            err,
            SheetsError::TooSpread { .. } | SheetsError::Damaged { .. }
        ),
        "{err:?}"
    );
}

#[test]
fn a_stray_cell_far_from_the_table_costs_one_row_not_a_block() {
    let dir = TempDir::new().unwrap();
    let path = dir.path().join("清册.xlsx");
    let mut book = XlsxWriter::new();
    let sheet = book.add_worksheet();
    sheet.write(0, 0, "姓名").unwrap();
    // A dense block from A1 to this cell would be 17 billion cells.
    sheet.write(1_048_000, 16_000, "备注").unwrap();
    book.save(&path).unwrap();
    let sheet = &read(&path, None).unwrap().sheets[0];
    assert_eq!(sheet.rows.len(), 2);
    assert_eq!(sheet.rows[1].number, 1_048_001);
    assert_eq!(sheet.rows[1].cell(16_000).display_text(), "备注");
}

/// A hand-made `.xlsx` whose one sheet holds `cells` (`<c>` elements, by row).
fn handmade_xlsx(path: &std::path::Path, rows: &[String]) {
    use std::io::Write;
    use zip::write::SimpleFileOptions;
    let sheet_data: String = rows
        .iter()
        .enumerate()
        .map(|(i, cells)| format!("<row r=\"{}\">{cells}</row>", i + 1))
        .collect();
    let parts = [
        (
            "[Content_Types].xml",
            r#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>"#.to_owned(),
        ),
        (
            "_rels/.rels",
            r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#.to_owned(),
        ),
        (
            "xl/workbook.xml",
            r#"<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>"#.to_owned(),
        ),
        (
            "xl/_rels/workbook.xml.rels",
            r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>"#.to_owned(),
        ),
        (
            "xl/worksheets/sheet1.xml",
            format!(
                r#"<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>{sheet_data}</sheetData></worksheet>"#
            ),
        ),
    ];
    let mut zip = zip::ZipWriter::new(std::fs::File::create(path).unwrap());
    for (name, body) in parts {
        zip.start_file(name, SimpleFileOptions::default()).unwrap();
        zip.write_all(body.as_bytes()).unwrap();
    }
    zip.finish().unwrap();
}

fn text_cell(reference: &str) -> String {
    format!(r#"<c r="{reference}" t="inlineStr"><is><t>x</t></is></c>"#)
}

#[test]
fn a_cell_past_the_last_column_is_refused_before_anything_is_allocated() {
    let dir = TempDir::new().unwrap();
    let path = dir.path().join("坏.xlsx");
    handmade_xlsx(&path, &[text_cell("A1") + &text_cell("ZZZZZZ1")]);
    assert!(std::fs::metadata(&path).unwrap().len() < 4096);
    match read(&path, None) {
        Err(err @ SheetsError::TooSpread { .. }) => {
            assert!(err.to_string().contains("范围过大"), "{err}");
        }
        Err(other) => panic!("refused for another reason: {other}"),
        Ok(_) => panic!("a cell past column XFD was read"),
    }

    // The last real column is still read.
    handmade_xlsx(&path, &[text_cell("A1") + &text_cell("XFD1")]);
    assert_eq!(
        read(&path, None).unwrap().sheets[0].rows[0].cells.len(),
        16_384
    );
}

#[test]
fn many_rows_reaching_the_last_column_are_refused_not_held() {
    let dir = TempDir::new().unwrap();
    let path = dir.path().join("坏.xlsx");
    let rows: Vec<String> = (1..=2000).map(|r| text_cell(&format!("XFD{r}"))).collect();
    handmade_xlsx(&path, &rows);
    // Not unwrap_err: a workbook read by mistake would print 32 million cells.
    match read(&path, None) {
        Err(SheetsError::TooSpread { .. }) => {}
        Err(other) => panic!("refused for another reason: {other}"),
        Ok(book) => panic!(
            "read {} rows instead of refusing",
            book.sheets[0].rows.len()
        ),
    }
}

#[test]
fn a_hidden_sheet_is_marked_hidden() {
    let dir = TempDir::new().unwrap();
    let path = dir.path().join("目录.xlsx");
    let mut book = XlsxWriter::new();
    for (name, hidden) in [("社会救助", false), ("旧版", true)] {
        let sheet = book.add_worksheet();
        sheet.set_name(name).unwrap();
        sheet.write(0, 0, "二级事项").unwrap();
        sheet.set_hidden(hidden);
    }
    book.save(&path).unwrap();
    let read = read(&path, None).unwrap();
    let hidden: Vec<(&str, bool)> = read
        .sheets
        .iter()
        .map(|s| (s.name.as_str(), s.hidden))
        .collect();
    assert_eq!(hidden, [("社会救助", false), ("旧版", true)]);
}

#[test]
fn an_empty_file_and_a_pdf_renamed_are_named_as_such() {
    let dir = TempDir::new().unwrap();
    let empty = dir.path().join("目录.xlsx");
    std::fs::write(&empty, b"").unwrap();
    let error = read(&empty, None).unwrap_err();
    assert!(matches!(error, SheetsError::Empty { .. }), "{error}");
    assert!(error.to_string().contains("是空的"), "{error}");
    let pdf = dir.path().join("目录.docx");
    std::fs::write(&pdf, b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj\n").unwrap();
    let error = read(&pdf, None).unwrap_err();
    assert!(matches!(error, SheetsError::Pdf { .. }), "{error}");
    assert!(error.to_string().contains("PDF"), "{error}");
}

#[test]
fn a_missing_file_and_a_folder_are_said_in_chinese() {
    let dir = TempDir::new().unwrap();
    let error = read(&dir.path().join("目录.xlsx"), None).unwrap_err();
    assert!(error.to_string().contains("找不到这个文件"), "{error}");
    let error = read(dir.path(), None).unwrap_err();
    assert!(error.to_string().contains("文件夹"), "{error}");
}
