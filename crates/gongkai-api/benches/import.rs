//! Benchmark: import of a 100,000-row `.xlsx` payout list with full validation, into a fresh
//! demo database (all rows hashed, masked and written in one transaction).
//!
//! `cargo bench -p gongkai-api --bench import [-- ROWS]`. Target: under 1.5 s on 2 cores.

// A benchmark reports on stdout and may stop loudly on a broken fixture.
#![allow(clippy::print_stdout, clippy::unwrap_used)]

use std::time::Instant;

use gongkai_api::Api;
use gongkai_api::wire::{NoArgs, PayoutImportArgs};
use rust_xlsxwriter::Workbook;

const WEIGHTS: [u32; 17] = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const VILLAGES: [&str; 6] = ["镇区社区", "东山村", "西河村", "南岭村", "北塘村", "桃源村"];
const SURNAMES: &str = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗";
const GIVEN: &str = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰";

/// Unique for every n below 16.8 million: the sequence number takes n % 1000, the birth date
/// the rest.
fn id(n: u32) -> String {
    let k = n / 1000;
    let day = 19500101 + (k % 28) + 100 * (k / 28 % 12) + 10000 * (k / 336 % 50);
    let body = format!("999901{day}{:03}", n % 1000);
    let sum: u32 = body
        .bytes()
        .zip(WEIGHTS)
        .map(|(d, w)| u32::from(d - b'0') * w)
        .sum();
    format!("{body}{}", b"10X98765432"[(sum % 11) as usize] as char)
}

fn main() {
    let rows: u32 = std::env::args()
        .skip(1)
        .find_map(|a| a.parse().ok())
        .unwrap_or(100_000);
    let dir = tempfile::TempDir::new().unwrap();
    let path = dir.path().join("2025年示范镇耕地地力保护补贴发放清册.xlsx");

    let started = Instant::now();
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet
        .write(0, 0, "2025年示范镇耕地地力保护补贴发放清册")
        .unwrap();
    for (c, h) in [
        "序号",
        "村名",
        "户主姓名",
        "身份证号码",
        "补贴面积（亩）",
        "补贴标准（元/亩）",
        "补贴金额（元）",
        "银行账号",
    ]
    .iter()
    .enumerate()
    {
        sheet.write(1, c as u16, *h).unwrap();
    }
    let surnames: Vec<char> = SURNAMES.chars().collect();
    let given: Vec<char> = GIVEN.chars().collect();
    for n in 0..rows {
        let r = n + 2;
        let area_hundredths = 100 + n % 2000;
        let fen = (area_hundredths * 10450 + 50) / 100;
        let name: String = [
            surnames[n as usize % surnames.len()],
            given[(n / 20) as usize % given.len()],
            given[(n / 7) as usize % given.len()],
        ]
        .iter()
        .collect();
        sheet.write(r, 0, f64::from(n + 1)).unwrap();
        sheet.write(r, 1, VILLAGES[(n % 6) as usize]).unwrap();
        sheet.write(r, 2, name).unwrap();
        sheet.write(r, 3, id(n)).unwrap();
        sheet
            .write(r, 4, f64::from(area_hundredths) / 100.0)
            .unwrap();
        sheet.write(r, 5, 104.5).unwrap();
        sheet.write(r, 6, f64::from(fen) / 100.0).unwrap();
        sheet.write(r, 7, format!("62170{:014}", n)).unwrap();
    }
    book.save(&path).unwrap();
    let bytes = std::fs::metadata(&path).unwrap().len();
    println!(
        "fixture: {rows} rows, {:.1} MB xlsx, written in {:.2} s",
        bytes as f64 / 1e6,
        started.elapsed().as_secs_f64()
    );

    // Where the time goes: reading the workbook alone.
    let started = Instant::now();
    let book = gongkai_sheets::read(&path, None).unwrap();
    println!(
        "read only: {} rows in {:.3} s",
        book.sheets[0].rows.len(),
        started.elapsed().as_secs_f64()
    );

    let mut times = Vec::new();
    for run in 1..=3 {
        let api = Api::new(dir.path().join(format!("bench-{run}.sqlite3")));
        api.setup_demo(NoArgs {}).unwrap();
        let started = Instant::now();
        let report = api
            .payouts_import(PayoutImportArgs {
                path: path.display().to_string(),
                sheet: None,
                project: None,
                year: None,
                ..Default::default()
            })
            .unwrap();
        let elapsed = started.elapsed().as_secs_f64();
        assert!(
            report.errors.is_empty(),
            "{:?}",
            &report.errors[..report.errors.len().min(3)]
        );
        assert_eq!(report.imported_rows, rows);
        println!(
            "run {run}: imported {} rows in {elapsed:.3} s",
            report.imported_rows
        );
        times.push(elapsed);
    }
    times.sort_by(f64::total_cmp);
    println!(
        "median: {:.3} s for {rows} rows (target < 1.5 s for 100,000)",
        times[1]
    );
}
