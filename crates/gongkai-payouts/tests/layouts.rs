//! Layouts finance really sends: village names merged over their people, stacked headers,
//! per-village subtotals with the label in any column, notes below the total. Each is written as
//! a real `.xlsx` (and one as a real `.xls`) and read back through the reader.

#![allow(clippy::unwrap_used)]

mod support;

use gongkai_payouts::columns::{Column, Override};
use support::{SheetSpec, Value, check, id, issues, name, t, xlsx};
use tempfile::TempDir;

/// 30 people over three villages; 村名 merged over each village's rows (top cell holds the name,
/// the rest are blank), as finance lays lists out.
fn merged_village_list() -> SheetSpec {
    let mut s = SheetSpec::new("Sheet1");
    s.row(0, &[t("2026年示范镇耕地地力保护补贴发放清册")]);
    s.merge(0, 0, 0, 4);
    s.row(
        1,
        &[
            t("序号"),
            t("村名"),
            t("姓名"),
            t("身份证号"),
            t("补贴金额（元）"),
        ],
    );
    let mut row = 2;
    let mut n = 0;
    for (village, people) in [("东山村", 12), ("西河村", 10), ("南岭村", 8)] {
        s.row(row, &[Value::Blank, t(village)]);
        s.merge(row, 1, row + people - 1, 1);
        for _ in 0..people {
            n += 1;
            s.row(
                row,
                &[
                    Value::Number(f64::from(n)),
                    Value::Blank,
                    t(&name(n)),
                    t(&id(n)),
                    Value::Number(100.5),
                ],
            );
            row += 1;
        }
    }
    s
}

#[test]
fn a_village_merged_over_its_rows_imports_every_person() {
    let dir = TempDir::new().unwrap();
    let path = xlsx(dir.path(), "清册.xlsx", &[merged_village_list()]);
    let outcome = check(&path, &[]);
    assert!(outcome.errors.is_empty(), "{}", issues(&outcome));
    assert_eq!(outcome.lines.len(), 30);
    let in_village = |v: &str| outcome.lines.iter().filter(|l| l.village == v).count();
    assert_eq!(
        (
            in_village("东山村"),
            in_village("西河村"),
            in_village("南岭村")
        ),
        (12, 10, 8)
    );
    let rows = outcome.rows;
    assert_eq!(
        (rows.read, rows.people, rows.titles, rows.headers),
        (32, 30, 1, 1)
    );
    assert!(rows.balances());
}

#[test]
fn a_blank_village_cell_that_is_not_merged_is_an_error_on_its_row() {
    let dir = TempDir::new().unwrap();
    let mut s = SheetSpec::new("Sheet1");
    s.row(0, &[t("村名"), t("姓名"), t("身份证号"), t("金额")]);
    s.row(1, &[t("东山村"), t("张三"), t(&id(1)), Value::Number(10.0)]);
    s.row(
        2,
        &[Value::Blank, t("李四"), t(&id(2)), Value::Number(10.0)],
    );
    s.row(3, &[t("东山村"), t("王五"), t(&id(3)), Value::Number(10.0)]);
    let outcome = check(&xlsx(dir.path(), "清册.xlsx", &[s]), &[]);
    assert_eq!(outcome.errors.len(), 1, "{}", issues(&outcome));
    let error = &outcome.errors[0];
    assert_eq!(
        (error.row, error.code, error.column.as_str()),
        (3, "village_missing", "村名")
    );
    assert_eq!(outcome.rows.reported, 1);
    assert_eq!(outcome.rows.people, 2);
}

/// `补贴面积（亩）` merged over `确权面积` and `实际种植面积`; every other header merged down over
/// both header rows; the standard merged over the whole list.
fn two_row_header_list() -> SheetSpec {
    let mut s = SheetSpec::new("花名册");
    s.row(0, &[t("2026年示范镇耕地地力保护补贴发放花名册")]);
    s.merge(0, 0, 0, 7);
    s.row(
        1,
        &[
            t("序号"),
            t("村名"),
            t("户主姓名"),
            t("身份证号码"),
            t("补贴面积（亩）"),
            Value::Blank,
            t("补贴标准（元/亩）"),
            t("补贴金额（元）"),
        ],
    );
    s.row(
        2,
        &[
            Value::Blank,
            Value::Blank,
            Value::Blank,
            Value::Blank,
            t("确权面积"),
            t("实际种植面积"),
        ],
    );
    for col in [0, 1, 2, 3, 6, 7] {
        s.merge(1, col, 2, col);
    }
    s.merge(1, 4, 1, 5);
    for i in 0..6u32 {
        let row = 3 + i;
        let planted = 2.0 + f64::from(i);
        s.row(
            row,
            &[
                Value::Number(f64::from(i + 1)),
                t("西河村"),
                t(&name(i)),
                t(&id(100 + i)),
                Value::Number(planted + 0.5),
                Value::Number(planted),
                Value::Number(120.0),
                Value::Number(planted * 120.0),
            ],
        );
    }
    s.merge(3, 6, 8, 6); // 标准 merged over every row
    s
}

#[test]
fn a_two_row_header_is_read_as_one_and_the_clerk_picks_the_area_column() {
    let dir = TempDir::new().unwrap();
    let path = xlsx(dir.path(), "花名册.xlsx", &[two_row_header_list()]);

    // Both area columns claim 面积: refused at the header, naming both by their full path.
    let outcome = check(&path, &[]);
    assert_eq!(outcome.errors.len(), 1, "{}", issues(&outcome));
    let error = &outcome.errors[0];
    assert_eq!((error.row, error.code), (2, "column_ambiguous"));
    assert!(
        error.message.contains("补贴面积（亩）/确权面积"),
        "{}",
        error.message
    );
    assert!(
        error.message.contains("补贴面积（亩）/实际种植面积"),
        "{}",
        error.message
    );
    assert_eq!(
        outcome.rows.reported, 6,
        "rows under a refused header are covered by its error"
    );
    assert!(outcome.rows.balances());

    // The clerk's choice, as the import template saves it.
    let choice = [
        Override {
            header: "补贴面积（亩）/实际种植面积".to_owned(),
            column: Some(Column::Area),
        },
        Override {
            header: "补贴面积（亩）/确权面积".to_owned(),
            column: None,
        },
    ];
    let outcome = check(&path, &choice);
    assert!(outcome.errors.is_empty(), "{}", issues(&outcome));
    assert_eq!(outcome.lines.len(), 6);
    assert_eq!(outcome.rows.headers, 2);
    let first = &outcome.lines[0];
    assert_eq!(first.name, name(0));
    assert_eq!(
        first.area.map(|a| a.0),
        Some(20_000),
        "实际种植面积 2 亩, not 确权 2.5"
    );
    // 标准 was merged over the list: every row has it, and area × rate = amount was checked.
    assert!(
        outcome
            .lines
            .iter()
            .all(|l| l.rate.map(|r| r.0) == Some(1_200_000))
    );

    // The clerk naming only the column to use is enough.
    let only = [Override {
        header: "补贴面积（亩）/实际种植面积".to_owned(),
        column: Some(Column::Area),
    }];
    assert!(check(&path, &only).errors.is_empty());
}

#[test]
fn a_stacked_header_without_merges_is_read_too() {
    let dir = TempDir::new().unwrap();
    let mut s = SheetSpec::new("Sheet1");
    s.row(
        0,
        &[
            t("村名"),
            t("姓名"),
            t("身份证号"),
            t("补贴面积"),
            Value::Blank,
            t("金额"),
        ],
    );
    s.row(
        1,
        &[
            Value::Blank,
            Value::Blank,
            Value::Blank,
            t("计税面积"),
            t("备注"),
        ],
    );
    s.row(
        2,
        &[
            t("东山村"),
            t("张三"),
            t(&id(7)),
            Value::Number(3.0),
            t("无"),
            Value::Number(30.0),
        ],
    );
    let outcome = check(&xlsx(dir.path(), "清册.xlsx", &[s]), &[]);
    assert!(outcome.errors.is_empty(), "{}", issues(&outcome));
    assert_eq!((outcome.rows.headers, outcome.rows.people), (2, 1));
    assert_eq!(outcome.lines[0].note.as_deref(), Some("无"));
}

#[test]
fn a_row_of_units_under_the_header_is_part_of_it() {
    let dir = TempDir::new().unwrap();
    let mut s = SheetSpec::new("Sheet1");
    s.row(
        0,
        &[t("村名"), t("姓名"), t("身份证号"), t("面积"), t("金额")],
    );
    s.row(
        1,
        &[
            Value::Blank,
            Value::Blank,
            Value::Blank,
            t("（亩）"),
            t("（元）"),
        ],
    );
    s.row(
        2,
        &[
            t("东山村"),
            t("张三"),
            t(&id(9)),
            Value::Number(2.0),
            Value::Number(20.0),
        ],
    );
    let outcome = check(&xlsx(dir.path(), "清册.xlsx", &[s]), &[]);
    assert!(outcome.errors.is_empty(), "{}", issues(&outcome));
    assert_eq!((outcome.rows.headers, outcome.rows.people), (2, 1));
    assert_eq!(outcome.lines[0].area.map(|a| a.0), Some(20_000));
}

/// Two villages, each followed by a subtotal whose label stands in the 村名 column, amounts as
/// text with thousands separators, a grand total in the 姓名 column, then signatures.
fn subtotal_list(dongshan_subtotal: &str) -> SheetSpec {
    let mut s = SheetSpec::new("Sheet1");
    s.row(
        0,
        &[
            t("序号"),
            t("村名"),
            t("姓名"),
            t("身份证号"),
            t("金额（元）"),
        ],
    );
    let mut row = 1;
    let mut n = 0;
    for (village, subtotal) in [("东山村", dongshan_subtotal), ("西河村", "2,001.00")] {
        for _ in 0..3 {
            n += 1;
            s.row(
                row,
                &[
                    Value::Number(f64::from(n)),
                    t(village),
                    t(&name(n)),
                    t(&id(200 + n)),
                    t("667.00"),
                ],
            );
            row += 1;
        }
        s.row(
            row,
            &[
                Value::Blank,
                t(&format!("{village}小计")),
                Value::Blank,
                Value::Blank,
                t(subtotal),
            ],
        );
        row += 1;
        s.row(row, &[]); // a blank line between villages
        row += 1;
    }
    s.row(
        row,
        &[
            Value::Blank,
            Value::Blank,
            t("合 计"),
            Value::Blank,
            t("4,002.00"),
        ],
    );
    s.row(
        row + 1,
        &[
            t("制表人：李会计"),
            Value::Blank,
            t("审核人：王所长"),
            Value::Blank,
            t("2026年11月20日"),
        ],
    );
    s
}

#[test]
fn per_village_subtotals_anywhere_in_the_row_are_checked_not_read_as_people() {
    let dir = TempDir::new().unwrap();
    let outcome = check(
        &xlsx(dir.path(), "清册.xlsx", &[subtotal_list("2,001.00")]),
        &[],
    );
    assert!(outcome.errors.is_empty(), "{}", issues(&outcome));
    assert_eq!(outcome.lines.len(), 6);
    let c = outcome.rows;
    assert_eq!((c.people, c.totals, c.notes, c.headers), (6, 3, 1, 1));
    assert!(c.balances(), "{c:?}");

    let wrong = check(
        &xlsx(dir.path(), "错.xlsx", &[subtotal_list("2,000.00")]),
        &[],
    );
    assert_eq!(wrong.errors.len(), 1, "{}", issues(&wrong));
    let error = &wrong.errors[0];
    assert_eq!((error.row, error.code), (5, "total_mismatch"));
    assert!(error.message.contains("2001.00"), "{}", error.message);
}

#[test]
fn people_below_a_village_total_are_read_not_dropped() {
    // `东山村合计` closes a village, and more people follow: they are people, not notes.
    let dir = TempDir::new().unwrap();
    let mut s = SheetSpec::new("Sheet1");
    s.row(0, &[t("村名"), t("姓名"), t("身份证号"), t("金额")]);
    s.row(1, &[t("东山村"), t("甲"), t(&id(1)), Value::Number(10.0)]);
    s.row(
        2,
        &[
            t("东山村合计"),
            Value::Blank,
            Value::Blank,
            Value::Number(10.0),
        ],
    );
    s.row(3, &[t("西河村"), t("乙"), t(&id(2)), Value::Number(20.0)]);
    s.row(4, &[t("西河村"), t("丙"), t(&id(3)), Value::Number(5.0)]);
    s.row(
        5,
        &[t("合计"), Value::Blank, Value::Blank, Value::Number(35.0)],
    );
    let outcome = check(&xlsx(dir.path(), "清册.xlsx", &[s]), &[]);
    assert!(outcome.errors.is_empty(), "{}", issues(&outcome));
    assert_eq!(outcome.lines.len(), 3);
    assert_eq!(outcome.rows.totals, 2);
}

#[test]
fn an_amount_merged_over_several_people_is_refused_on_each_row() {
    let dir = TempDir::new().unwrap();
    let mut s = SheetSpec::new("Sheet1");
    s.row(0, &[t("村名"), t("姓名"), t("身份证号"), t("金额")]);
    s.row(1, &[t("东山村"), t("甲"), t(&id(1)), Value::Number(300.0)]);
    s.row(2, &[t("东山村"), t("乙"), t(&id(2))]);
    s.row(3, &[t("东山村"), t("丙"), t(&id(3))]);
    s.merge(1, 3, 3, 3);
    let outcome = check(&xlsx(dir.path(), "清册.xlsx", &[s]), &[]);
    let merged: Vec<u32> = outcome
        .errors
        .iter()
        .filter(|e| e.code == "merged_personal")
        .map(|e| e.row)
        .collect();
    assert_eq!(merged, [3, 4], "{}", issues(&outcome));
    assert!(
        outcome.errors[0].message.contains("D2:D4"),
        "{}",
        issues(&outcome)
    );
}

#[test]
fn an_id_excel_turned_into_a_number_is_masked_in_the_message() {
    let dir = TempDir::new().unwrap();
    let mut s = SheetSpec::new("Sheet1");
    s.row(0, &[t("村名"), t("姓名"), t("身份证号"), t("金额")]);
    s.row(
        1,
        &[
            t("东山村"),
            t("甲"),
            Value::Number(360982199001011234.0),
            Value::Number(10.0),
        ],
    );
    let outcome = check(&xlsx(dir.path(), "清册.xlsx", &[s]), &[]);
    let error = &outcome.errors[0];
    assert_eq!(error.code, "id_stored_as_number");
    let longest_digit_run = error
        .message
        .split(|c: char| !c.is_ascii_digit())
        .map(str::len)
        .max()
        .unwrap_or(0);
    assert!(longest_digit_run <= 4, "{}", error.message);
    assert!(!error.message.contains("609821990"), "{}", error.message);
}

#[test]
fn no_message_echoes_a_full_number_from_a_shifted_column() {
    // Columns shifted by one: the ID stands under 村名, the account under 金额.
    let dir = TempDir::new().unwrap();
    let mut s = SheetSpec::new("Sheet1");
    s.row(0, &[t("姓名"), t("村名"), t("身份证号"), t("金额")]);
    s.row(
        1,
        &[
            t("张三"),
            t(&id(5)),
            t("6217001234567890123"),
            t("6217001234567890123"),
        ],
    );
    let outcome = check(&xlsx(dir.path(), "清册.xlsx", &[s]), &[]);
    assert!(outcome.errors.len() >= 2, "{}", issues(&outcome));
    let all = issues(&outcome);
    assert!(!all.contains(&id(5)), "{all}");
    assert!(
        !all.contains(&id(5)[6..14]),
        "the birth date is hidden too: {all}"
    );
    assert!(!all.contains("621700123456"), "{all}");
}

/// A real Excel 97–2003 file with merged village cells and a stacked header (see
/// `tests/fixtures/README.md` for how it was made).
#[test]
fn a_legacy_xls_with_merged_cells_imports_whole() {
    let path = std::path::Path::new(&std::env::var("CARGO_MANIFEST_DIR").unwrap())
        .join("tests/fixtures/merged-villages.xls");
    let choice = [Override {
        header: "补贴面积（亩）/实际种植面积".to_owned(),
        column: Some(Column::Area),
    }];
    let outcome = check(&path, &choice);
    assert!(outcome.errors.is_empty(), "{}", issues(&outcome));
    assert_eq!(outcome.lines.len(), 30);
    let c = outcome.rows;
    assert_eq!(
        (c.titles, c.headers, c.totals, c.notes),
        (1, 2, 4, 1),
        "{c:?}"
    );
    assert!(c.balances());
}
