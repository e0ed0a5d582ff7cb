//! Real workbooks for the validator's tests: written by a real xlsx writer, read back by the
//! real reader, so merged regions and stacked headers go through the same code as a clerk's file.

#![allow(dead_code)] // each test binary uses part of this
#![allow(clippy::unwrap_used)] // test code: a broken fixture stops the test

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use gongkai_payouts::Outcome;
use gongkai_payouts::columns::Override;
use gongkai_payouts::validate::{Context, validate};
use rust_xlsxwriter::{Format, Workbook, Worksheet};

pub const VILLAGES: [&str; 3] = ["东山村", "西河村", "南岭村"];

pub fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 24).unwrap()
}

/// A valid 18-character ID number, different for every `n` (made, not copied).
pub fn id(n: u32) -> String {
    let day = 1 + n % 28;
    let month = 1 + (n / 28) % 12;
    let body = format!("360982{}{month:02}{day:02}{:03}", 1950 + n % 50, n % 1000);
    format!("{body}{}", gongkai_domain::check_character(&body).unwrap())
}

/// A plausible name, different for every `n` (names never hold digits).
pub fn name(n: u32) -> String {
    const FAMILY: [char; 10] = ['张', '王', '李', '赵', '刘', '陈', '杨', '黄', '周', '吴'];
    const GIVEN: [char; 10] = ['伟', '芳', '娜', '敏', '静', '强', '磊', '军', '洋', '勇'];
    let n = n as usize;
    format!(
        "{}{}{}",
        FAMILY[n % 10],
        GIVEN[(n / 10) % 10],
        GIVEN[(n / 100) % 10]
    )
}

/// A cell to write: text, a number, or nothing.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Text(String),
    Number(f64),
    Blank,
}

pub fn t(s: &str) -> Value {
    Value::Text(s.to_owned())
}

/// One worksheet: cells by (row, col), 0-based, and merged regions (first row, first col,
/// last row, last col), 0-based.
#[derive(Debug, Clone, Default)]
pub struct SheetSpec {
    pub name: String,
    pub cells: Vec<(u32, u16, Value)>,
    pub merges: Vec<(u32, u16, u32, u16)>,
}

impl SheetSpec {
    pub fn new(name: &str) -> Self {
        SheetSpec {
            name: name.to_owned(),
            ..Default::default()
        }
    }

    pub fn row(&mut self, row: u32, values: &[Value]) {
        for (col, value) in values.iter().enumerate() {
            if *value != Value::Blank {
                self.cells.push((row, col as u16, value.clone()));
            }
        }
    }

    pub fn merge(&mut self, first_row: u32, first_col: u16, last_row: u32, last_col: u16) {
        self.merges.push((first_row, first_col, last_row, last_col));
    }
}

fn write_value(sheet: &mut Worksheet, row: u32, col: u16, value: &Value, format: &Format) {
    match value {
        Value::Text(s) => sheet.write_string_with_format(row, col, s, format),
        Value::Number(n) => sheet.write_number_with_format(row, col, *n, format),
        Value::Blank => sheet.write_blank(row, col, format),
    }
    .unwrap();
}

/// Writes the sheets as one `.xlsx`. A merged region's top-left value is written by the merge,
/// as Excel stores it: the other cells of the region hold nothing.
pub fn write_xlsx(path: &Path, sheets: &[SheetSpec]) {
    let mut book = Workbook::new();
    let plain = Format::new();
    for spec in sheets {
        let sheet = book.add_worksheet();
        sheet.set_name(&spec.name).unwrap();
        let inside = |r: u32, c: u16| {
            spec.merges
                .iter()
                .any(|&(r0, c0, r1, c1)| (r0..=r1).contains(&r) && (c0..=c1).contains(&c))
        };
        for (row, col, value) in &spec.cells {
            if !inside(*row, *col) {
                write_value(sheet, *row, *col, value, &plain);
            }
        }
        for &(r0, c0, r1, c1) in &spec.merges {
            let top_left = spec
                .cells
                .iter()
                .find(|(r, c, _)| *r == r0 && *c == c0)
                .map(|(.., v)| v.clone())
                .unwrap_or(Value::Blank);
            match top_left {
                Value::Text(s) => {
                    sheet.merge_range(r0, c0, r1, c1, &s, &plain).unwrap();
                }
                other => {
                    sheet.merge_range(r0, c0, r1, c1, "", &plain).unwrap();
                    write_value(sheet, r0, c0, &other, &plain);
                }
            }
        }
    }
    book.save(path).unwrap();
}

pub fn xlsx(dir: &Path, name: &str, sheets: &[SheetSpec]) -> PathBuf {
    let path = dir.join(name);
    write_xlsx(&path, sheets);
    path
}

pub fn check(path: &Path, overrides: &[Override]) -> Outcome {
    let book = gongkai_sheets::read(path, None).unwrap();
    let villages: Vec<String> = VILLAGES.iter().map(|v| (*v).to_owned()).collect();
    validate(
        &book,
        &Context {
            villages: &villages,
            project: Some("耕地地力保护补贴".to_owned()),
            year: Some(2026),
            today: today(),
            overrides,
        },
    )
}

/// The issues as one line each, for assertion messages.
pub fn issues(outcome: &Outcome) -> String {
    outcome
        .errors
        .iter()
        .map(|e| {
            format!(
                "{} 第{}行 {} {}: {}",
                e.sheet, e.row, e.column, e.code, e.message
            )
        })
        .collect::<Vec<_>>()
        .join("\n")
}
