//! The crate's own `.xlsx` reader against calamine's reading of the same workbooks: every
//! kind of cell a list may hold (text, numbers, dates in built-in and Chinese formats,
//! booleans, formulas, rich text, merged regions, several sheets) reads the same.

#![allow(clippy::unwrap_used)]

use calamine::{Data, Reader, Xlsx, open_workbook, open_workbook_from_rs};
use gongkai_sheets::{Cell, read, read_bytes};
use rust_xlsxwriter::{ExcelDateTime, Format, Formula, Workbook as XlsxWriter};
use tempfile::TempDir;

/// A cell as the reader before this one made it from calamine's value.
fn from_calamine(data: &Data) -> Cell {
    match data {
        Data::Empty => Cell::Empty,
        Data::String(s) => Cell::Text(s.as_str().into()),
        Data::Int(i) => Cell::Integer(*i),
        Data::Float(f) => Cell::Number(*f),
        Data::Bool(b) => Cell::Bool(*b),
        Data::DateTime(d) => Cell::Date(
            d.as_datetime()
                .map(|t| t.date().to_string())
                .unwrap_or_else(|| d.to_string())
                .into(),
        ),
        Data::DateTimeIso(s) | Data::DurationIso(s) => Cell::Date(s.as_str().into()),
        Data::Error(e) => Cell::Error(e.to_string().into()),
    }
}

#[test]
fn every_kind_of_cell_reads_as_calamine_reads_it() {
    let dir = TempDir::new().unwrap();
    let path = dir.path().join("清册.xlsx");
    let mut book = XlsxWriter::new();
    for (s, name) in ["东山村", "西河村"].iter().enumerate() {
        let sheet = book.add_worksheet().set_name(*name).unwrap();
        let chinese_date = Format::new().set_num_format("yyyy\"年\"m\"月\"d\"日\"");
        let iso_date = Format::new().set_num_format("yyyy-mm-dd");
        let money = Format::new().set_num_format("#,##0.00_ ");
        sheet
            .merge_range(0, 0, 0, 5, "2025年补贴发放清册", &Format::new())
            .unwrap();
        for r in 1..300u32 {
            let n = f64::from(r) + s as f64 * 1000.0;
            sheet.write_number(r, 0, n).unwrap();
            sheet.write_string(r, 1, format!("张{r} & <李>")).unwrap();
            sheet
                .write_number_with_format(r, 2, n * 1.25, &money)
                .unwrap();
            let date =
                ExcelDateTime::from_ymd(2025, 1 + (r % 12) as u8, 1 + (r % 28) as u8).unwrap();
            let format = if r % 2 == 0 { &chinese_date } else { &iso_date };
            sheet
                .write_datetime_with_format(r, 3, &date, format)
                .unwrap();
            sheet.write_boolean(r, 4, r % 3 == 0).unwrap();
            sheet
                .write_formula(
                    r,
                    5,
                    Formula::new(format!("=A{}*2", r + 1)).set_result(format!("{}", n * 2.0)),
                )
                .unwrap();
            if r % 7 == 0 {
                sheet.write_string(r, 9, "  备注\n第二行 ").unwrap();
            }
        }
        sheet
            .merge_range(300, 0, 305, 1, "合计", &Format::new())
            .unwrap();
    }
    book.save(&path).unwrap();

    let ours = read(&path, None).unwrap();
    let mut theirs: Xlsx<_> = open_workbook(&path).unwrap();
    assert_eq!(ours.sheets.len(), 2);
    for sheet in &ours.sheets {
        let range = theirs.worksheet_range(&sheet.name).unwrap();
        let merges = theirs.merge_cells_by_sheet_name(&sheet.name).unwrap();
        assert_eq!(sheet.merges.len(), merges.len(), "{}", sheet.name);
        let (first_row, first_col) = range.start().unwrap();
        let mut compared = 0;
        for (i, cells) in range.rows().enumerate() {
            let number = first_row + i as u32 + 1;
            let row = sheet.rows.iter().find(|r| r.number == number);
            for (j, data) in cells.iter().enumerate() {
                let column = first_col as usize + j;
                let expected = from_calamine(data);
                let found = row.map_or(&Cell::Empty, |r| r.cell(column));
                // Cells filled from a merged region are this crate's addition.
                if row.is_some_and(|r| r.is_copied(column)) {
                    continue;
                }
                assert_eq!(
                    found, &expected,
                    "{} row {number} column {column}",
                    sheet.name
                );
                compared += 1;
            }
        }
        assert!(compared > 2000, "{compared}");
    }
}

#[test]
fn the_fuzz_seed_reads_as_calamine_reads_it() {
    let path =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fuzz/corpus/import/seed.xlsx");
    // The fuzz target's first byte chooses what to read; the workbook follows.
    let bytes = std::fs::read(&path).unwrap()[1..].to_vec();
    let ours = read_bytes(std::path::Path::new("seed.xlsx"), bytes.clone(), None).unwrap();
    let mut theirs: Xlsx<_> = open_workbook_from_rs(std::io::Cursor::new(bytes)).unwrap();
    assert!(!ours.sheets.is_empty());
    for sheet in &ours.sheets {
        let range = theirs.worksheet_range(&sheet.name).unwrap();
        let (first_row, first_col) = range.start().unwrap_or((0, 0));
        for (i, cells) in range.rows().enumerate() {
            let number = first_row + i as u32 + 1;
            let row = sheet.rows.iter().find(|r| r.number == number);
            for (j, data) in cells.iter().enumerate() {
                let column = first_col as usize + j;
                if row.is_some_and(|r| r.is_copied(column)) {
                    continue;
                }
                let found = row.map_or(&Cell::Empty, |r| r.cell(column));
                assert_eq!(found, &from_calamine(data), "row {number} column {column}");
            }
        }
    }
}
