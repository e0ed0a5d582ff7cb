//! A long list read from a real `.xlsx`: each repeated text held once, and rows without slack.

// Fixture builders outside #[test] functions unwrap too: this whole crate is test code.
#![allow(clippy::unwrap_used)]

use gongkai_sheets::{Cell, read};
use rust_xlsxwriter::Workbook as XlsxWriter;
use tempfile::TempDir;

#[test]
fn a_long_list_holds_each_repeated_text_once_and_no_slack_in_its_rows() {
    let dir = TempDir::new().unwrap();
    let path = dir.path().join("清册.xlsx");
    let mut book = XlsxWriter::new();
    let sheet = book.add_worksheet();
    let headers = ["序号", "村名", "组别", "户主姓名", "补贴项目", "金额"];
    for (c, h) in headers.iter().enumerate() {
        sheet.write(0, c as u16, *h).unwrap();
    }
    for r in 1..=40u32 {
        sheet.write(r, 0, f64::from(r)).unwrap();
        sheet.write(r, 1, "东山村").unwrap();
        sheet.write(r, 2, "一组").unwrap();
        sheet.write(r, 3, format!("张{r}")).unwrap();
        sheet.write(r, 4, "耕地地力保护补贴").unwrap();
        sheet.write(r, 5, 104.5).unwrap();
    }
    book.save(&path).unwrap();

    let read = read(&path, None).unwrap();
    let rows = &read.sheets[0].rows;
    assert_eq!(rows.len(), 41);
    let village = |r: usize| match rows[r].cell(1) {
        Cell::Text(t) => t.clone(),
        other => panic!("row {r}: {other:?}"),
    };
    assert!(
        rows[1..]
            .iter()
            .enumerate()
            .all(|(i, _)| std::sync::Arc::ptr_eq(&village(1), &village(i + 1))),
        "every 东山村 cell shares one allocation"
    );
    assert_eq!(village(40).as_ref(), "东山村");
    for row in rows {
        assert_eq!(
            row.cells.capacity(),
            row.cells.len(),
            "row {} holds room for cells it does not have",
            row.number
        );
    }
}
