//! The synthetic payout list both benchmarks use: realistic names, valid IDs, six demo
//! villages, areas × a rate of 104.50 元/亩.

#![allow(dead_code)] // each benchmark uses part of it

use std::path::Path;

use rust_xlsxwriter::Workbook;

const WEIGHTS: [u32; 17] = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
pub const VILLAGES: [&str; 6] = ["镇区社区", "东山村", "西河村", "南岭村", "北塘村", "桃源村"];
const SURNAMES: &str = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗";
const GIVEN: &str = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰";

/// Unique for every n below 16.8 million: the sequence number takes n % 1000, the birth date
/// the rest.
pub fn id(n: u32) -> String {
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

/// One row of the fixture: (village, name, ID, area in hundredths of 亩, amount in fen).
pub fn row(n: u32) -> (&'static str, String, String, u32, u32) {
    let surnames: Vec<char> = SURNAMES.chars().collect();
    let given: Vec<char> = GIVEN.chars().collect();
    let area_hundredths = 100 + n % 2000;
    let fen = (area_hundredths * 10450 + 50) / 100;
    let name: String = [
        surnames[n as usize % surnames.len()],
        given[(n / 20) as usize % given.len()],
        given[(n / 7) as usize % given.len()],
    ]
    .iter()
    .collect();
    (
        VILLAGES[(n % 6) as usize],
        name,
        id(n),
        area_hundredths,
        fen,
    )
}

/// Writes `rows` rows as the `.xlsx` finance would send.
pub fn write_xlsx(path: &Path, rows: u32) {
    write_xlsx_of(path, 0..rows);
}

/// Writes the rows numbered `numbers` (a village's, say) as one `.xlsx`.
pub fn write_xlsx_of(path: &Path, numbers: impl IntoIterator<Item = u32>) {
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet
        .write(0, 0, "2025年示范镇耕地地力保护补贴发放清册")
        .unwrap();
    let headers = [
        "序号",
        "村名",
        "户主姓名",
        "身份证号码",
        "补贴面积（亩）",
        "补贴标准（元/亩）",
        "补贴金额（元）",
        "银行账号",
    ];
    for (c, h) in headers.iter().enumerate() {
        sheet.write(1, c as u16, *h).unwrap();
    }
    for (i, n) in numbers.into_iter().enumerate() {
        let (village, name, id, area, fen) = row(n);
        let r = i as u32 + 2;
        sheet.write(r, 0, f64::from(n + 1)).unwrap();
        sheet.write(r, 1, village).unwrap();
        sheet.write(r, 2, name).unwrap();
        sheet.write(r, 3, id).unwrap();
        sheet.write(r, 4, f64::from(area) / 100.0).unwrap();
        sheet.write(r, 5, 104.5).unwrap();
        sheet.write(r, 6, f64::from(fen) / 100.0).unwrap();
        sheet.write(r, 7, format!("62170{n:014}")).unwrap();
    }
    book.save(path).unwrap();
}
