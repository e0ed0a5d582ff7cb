//! No full ID number or bank account of the fixtures in anything the program writes (issue 10).
//!
//! The test builds payout lists with known numbers (valid rows and faulty ones, so error
//! messages have something to echo) as `.xlsx`, `.xls` and `.csv`, runs every path that writes
//! — import (text and `--json`), the error table `.xlsx`, lookup, printed PDFs on every paper,
//! previews, post, archive, a correction, backups, sync to the real county portal on loopback
//! (the pushed bodies as signed, the portal's database and its public pages) — keeping what
//! each run printed (stdout, stderr: the township's only log) as files. Then every byte under the output
//! folder is scanned for every fixture number: raw, as UTF-16, with separators (spaces of every
//! kind, dashes, dots, zero-width characters) taken out and full-width digits folded, and inside
//! what the bytes hold: `pdftotext` of each PDF, the deflated streams of a PDF, the entries of a
//! zip (`.xlsx`), gzip members (sync bodies), every value of every table of a SQLite file
//! (integers as their decimal text). A hit names the file, where it was found, and the number
//! masked. The scanner is itself tested on planted numbers, one per form it must see through.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::print_stderr
)]

mod pii_scanner;
mod support;

use std::path::{Path, PathBuf};
use std::process::Output;

use base64::Engine;
use gongkai_api::Api;
use gongkai_api::wire::{ImportIssue, IssuesExportArgs, NoArgs, PayoutPreviewArgs};
use pii_scanner::{Scanner, Secret, find, report};
use rust_xlsxwriter::Workbook;
use support::{County, bank, has_valid_check, id, json, path, said};
use tempfile::TempDir;

// ---------------------------------------------------------------------------------------------
// The scanner sees through every form.

/// A PDF whose only text is a hex string: no digit is in its bytes, only `pdftotext` reads it.
fn pdf_with_hex_text(text: &str) -> Vec<u8> {
    let hex: String = text.bytes().map(|b| format!("{b:02X}")).collect();
    let content = format!("BT /F1 12 Tf 40 700 Td <{hex}> Tj ET");
    let objects = [
        "<< /Type /Catalog /Pages 2 0 R >>".to_owned(),
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_owned(),
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R \
         /Resources << /Font << /F1 5 0 R >> >> >>"
            .to_owned(),
        format!(
            "<< /Length {} >>\nstream\n{content}\nendstream",
            content.len() + 1
        ),
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>".to_owned(),
    ];
    let mut pdf = b"%PDF-1.4\n".to_vec();
    let mut offsets = Vec::new();
    for (i, body) in objects.iter().enumerate() {
        offsets.push(pdf.len());
        pdf.extend_from_slice(format!("{} 0 obj\n{body}\nendobj\n", i + 1).as_bytes());
    }
    let xref = pdf.len();
    pdf.extend_from_slice(
        format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).as_bytes(),
    );
    for o in offsets {
        pdf.extend_from_slice(format!("{o:010} 00000 n \n").as_bytes());
    }
    pdf.extend_from_slice(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
            objects.len() + 1
        )
        .as_bytes(),
    );
    pdf
}

#[test]
fn the_scanner_finds_a_planted_number_in_every_form() {
    let dir = TempDir::new().unwrap();
    let planted: Vec<Secret> = (0..9)
        .map(|n| {
            if n % 2 == 0 {
                Secret::new(format!("planted ID {n}"), &id(9000 + n))
            } else {
                Secret::new(format!("planted bank {n}"), &bank(9000 + n))
            }
        })
        .collect();
    let d = |n: usize| planted[n].digits.clone();
    let file = |name: &str| dir.path().join(name);
    let fullwidth: String = d(2)
        .chars()
        .map(|c| char::from_u32(c as u32 - '0' as u32 + 0xff10).unwrap_or('Ｘ'))
        .collect();
    let spaced = format!(
        "{}\u{3000}{}\u{a0}{}-{}\u{200b}{}",
        &d(1)[..4],
        &d(1)[4..8],
        &d(1)[8..12],
        &d(1)[12..16],
        &d(1)[16..]
    );
    std::fs::write(file("plain.txt"), format!("见 {} 号", d(0))).unwrap();
    std::fs::write(
        file("spaced.txt"),
        format!("卡号 {spaced}；证件 {fullwidth}"),
    )
    .unwrap();
    let utf16: Vec<u8> = format!("证件{}", d(4))
        .encode_utf16()
        .flat_map(u16::to_le_bytes)
        .collect();
    std::fs::write(file("utf16.bin"), [&[0u8][..], &utf16].concat()).unwrap();
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    std::io::Write::write_all(&mut gz, format!("{{\"account\":\"{}\"}}", d(3)).as_bytes()).unwrap();
    std::fs::write(file("body.gz"), gz.finish().unwrap()).unwrap();
    let mut book = Workbook::new();
    book.add_worksheet().write(0, 0, d(6)).unwrap();
    book.save(file("book.xlsx")).unwrap();
    {
        let conn = rusqlite::Connection::open(file("db.sqlite3")).unwrap();
        conn.execute_batch("CREATE TABLE t (n INTEGER)").unwrap();
        conn.execute("INSERT INTO t VALUES (?1)", [d(5).parse::<i64>().unwrap()])
            .unwrap();
    }
    std::fs::write(file("hex.pdf"), pdf_with_hex_text(&d(8))).unwrap();
    let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::default());
    std::io::Write::write_all(&mut z, format!("({}) Tj", d(7)).as_bytes()).unwrap();
    let stream = z.finish().unwrap();
    std::fs::write(
        file("deflated.pdf"),
        [
            b"%PDF-1.4\n1 0 obj\n<< /Filter /FlateDecode >>\nstream\n".as_slice(),
            &stream,
            b"\nendstream\nendobj\n%%EOF\n",
        ]
        .concat(),
    )
    .unwrap();
    // The masked form and a near miss are not hits.
    std::fs::write(
        file("clean.txt"),
        format!("{}**********{}  {}", &d(0)[..6], &d(0)[16..], &d(0)[..17]),
    )
    .unwrap();

    let scanner = Scanner::new(&planted);
    let (hits, files) = scanner.scan_tree(dir.path());
    assert_eq!(files, 9);
    let expect = [
        ("plain.txt", 0, "raw"),
        ("spaced.txt", 1, "raw"),
        ("spaced.txt", 2, "raw"),
        ("body.gz", 3, "raw › gzip@0"),
        ("utf16.bin", 4, "raw utf-16le+1"),
        ("db.sqlite3", 5, "sqlite"),
        ("book.xlsx", 6, "raw › zip:xl/sharedStrings.xml"),
        ("deflated.pdf", 7, "raw › stream@"),
        ("hex.pdf", 8, "raw › pdftotext"),
    ];
    for (name, n, layer) in expect {
        let secret = format!("{} {}", planted[n].what, planted[n].masked());
        assert!(
            hits.iter().any(|h| h.file.ends_with(name)
                && h.secret == secret
                && h.layer.starts_with(layer)),
            "{name}: {secret} not found in {layer}; found:\n{}",
            report(&hits)
        );
    }
    for (only_there, n) in [("hex.pdf", 8), ("db.sqlite3", 5), ("body.gz", 3)] {
        assert!(
            hits.iter()
                .filter(|h| h.file.ends_with(only_there))
                .all(|h| h.layer != "raw"),
            "{only_there}: number {n} is visible raw, so the layer under test proves nothing"
        );
    }
    assert!(
        !hits.iter().any(|h| h.file.ends_with("clean.txt")),
        "a masked number is not a hit:\n{}",
        report(&hits)
    );
}

// ---------------------------------------------------------------------------------------------
// Everything the program writes.

const VILLAGES: [&str; 3] = ["东山村", "西河村", "南岭村"];

/// A run of the CLI whose stdout and stderr are kept under `out/logs` for the scan.
struct Runs {
    logs: PathBuf,
    n: usize,
}

impl Runs {
    fn run(&mut self, name: &str, args: &[&str]) -> Output {
        // Backups may be kept under a passphrase, which scripts give in this variable.
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_gongkai"))
            .args(args)
            .env("GONGKAI_BACKUP_PASSPHRASE", "correct horse battery staple")
            .output()
            .unwrap();
        self.n += 1;
        let stem = self.logs.join(format!("{:03}-{name}", self.n));
        std::fs::write(stem.with_extension("stdout"), &out.stdout).unwrap();
        std::fs::write(stem.with_extension("stderr"), &out.stderr).unwrap();
        out
    }

    fn ok(&mut self, name: &str, args: &[&str]) -> Output {
        let out = self.run(name, args);
        assert!(out.status.success(), "{name}: {}", said(&out));
        out
    }
}

/// The rows of a list, as cells: (village, name, id, bank, amount, note).
type Person = [String; 6];

fn people(from: u32, count: u32, bank_from: u32) -> Vec<Person> {
    (0..count)
        .map(|i| {
            let n = from + i;
            [
                VILLAGES[(i % 3) as usize].to_owned(),
                format!(
                    "{}{}",
                    ['张', '王', '李', '赵'][(n % 4) as usize],
                    ['伟', '芳', '娜', '敏', '静'][(n % 5) as usize]
                ),
                id(n),
                bank(bank_from + i),
                format!("{}.50", 100 + n),
                String::new(),
            ]
        })
        .collect()
}

const HEADER: [&str; 6] = ["村名", "姓名", "身份证号", "银行卡号", "金额", "备注"];

fn write_xlsx(file: &Path, title: &str, rows: &[Person]) {
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet.write(0, 0, title).unwrap();
    for (c, h) in HEADER.iter().enumerate() {
        sheet.write(1, c as u16, *h).unwrap();
    }
    for (r, row) in rows.iter().enumerate() {
        for (c, cell) in row.iter().enumerate() {
            if !cell.is_empty() {
                sheet.write(r as u32 + 2, c as u16, cell).unwrap();
            }
        }
    }
    book.save(file).unwrap();
}

fn write_csv(file: &Path, rows: &[Person]) {
    let mut text = HEADER.join(",") + "\n";
    for row in rows {
        text += &row.join(",");
        text += "\n";
    }
    std::fs::write(file, text).unwrap();
}

/// The faulty rows' numbers, as a clerk gets them wrong: an ID with a wrong check character,
/// an ID typed under 村名 and under 姓名, a card number under 金额, an ID in the card column, a
/// card number in the ID column, and the same typed with separators.
fn faulty(from: u32, bank_from: u32, secrets: &mut Vec<Secret>) -> Vec<Person> {
    let mut rows = people(from, 9, bank_from);
    let wrong_check = {
        let good = &rows[0][2];
        let last = if good.ends_with('1') { '2' } else { '1' };
        format!("{}{last}", &good[..17])
    };
    secrets.push(Secret::new("ID with a wrong check character", &wrong_check));
    rows[0][2] = wrong_check;
    rows[1][0] = rows[1][2].clone();
    rows[2][1] = rows[2][2].clone();
    rows[3][4] = rows[3][3].clone();
    rows[4][3] = rows[4][2].clone();
    rows[5][2] = rows[5][3].clone();
    // Numbers as people type them: grouped by a no-break space, a zero-width space, an en dash.
    let grouped = |digits: &str, separator: &str| {
        let chars: Vec<char> = digits.chars().collect();
        chars
            .chunks(4)
            .map(|c| c.iter().collect::<String>())
            .collect::<Vec<_>>()
            .join(separator)
    };
    rows[6][0] = grouped(&rows[6][2], "\u{a0}");
    rows[7][1] = grouped(&rows[7][2], "\u{200b}");
    rows[8][4] = grouped(&rows[8][3], " \u{2013} ");
    rows
}

fn secrets_of(rows: &[Person], what: &str, secrets: &mut Vec<Secret>) {
    for (i, row) in rows.iter().enumerate() {
        secrets.push(Secret::new(format!("{what} row {i} ID"), &row[2]));
        secrets.push(Secret::new(format!("{what} row {i} card"), &row[3]));
    }
}

/// The legacy `.xls` fixture (75 people, IDs as text) and its ID numbers, read from its bytes.
fn legacy_xls() -> (Vec<u8>, Vec<String>) {
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../gongkai-sheets/tests/fixtures/legacy-biff8.xls");
    let bytes = std::fs::read(fixture).unwrap();
    let mut ids = Vec::new();
    for w in bytes.windows(18) {
        if let Ok(text) = std::str::from_utf8(w)
            && has_valid_check(text)
            && !ids.iter().any(|i| i == text)
        {
            ids.push(text.to_owned());
        }
    }
    assert_eq!(
        ids.len(),
        75,
        "the fixture's 75 ID numbers, read from its bytes"
    );
    (bytes, ids)
}

fn issues(report: &serde_json::Value) -> Vec<ImportIssue> {
    serde_json::from_value(report["errors"].clone()).unwrap()
}

#[test]
fn nothing_the_program_writes_holds_a_full_number_of_the_fixtures() {
    let dir = TempDir::new().unwrap();
    let input = dir.path().join("in");
    let out = dir.path().join("out");
    let logs = out.join("logs");
    std::fs::create_dir_all(&input).unwrap();
    std::fs::create_dir_all(&logs).unwrap();
    let mut runs = Runs { logs, n: 0 };
    let db = out.join("示范镇.sqlite3");
    let db_arg = path(&db).to_owned();
    let dbp = db_arg.as_str();
    let mut secrets = Vec::new();

    // The plain demo township (its villages), not the lived-in one `gongkai demo` makes: only
    // the fixtures' numbers are in this database.
    Api::new(&db).setup_demo(NoArgs {}).unwrap();

    // Valid lists in each format, and faulty ones.
    let good = people(0, 9, 0);
    secrets_of(&good, "good.xlsx", &mut secrets);
    let good_xlsx = input.join("2025年示范镇高龄津贴发放清册.xlsx");
    write_xlsx(&good_xlsx, "2025年示范镇高龄津贴发放清册", &good);
    let good_csv_rows = people(20, 6, 20);
    secrets_of(&good_csv_rows, "good.csv", &mut secrets);
    let good_csv = input.join("good.csv");
    write_csv(&good_csv, &good_csv_rows);
    let bad_rows = faulty(40, 40, &mut secrets);
    secrets_of(&bad_rows, "bad", &mut secrets);
    let bad_xlsx = input.join("bad.xlsx");
    write_xlsx(&bad_xlsx, "2025年示范镇高龄津贴发放清册", &bad_rows);
    let bad_csv = input.join("bad.csv");
    write_csv(&bad_csv, &bad_rows);
    let (xls_bytes, xls_ids) = legacy_xls();
    for (i, n) in xls_ids.iter().enumerate() {
        secrets.push(Secret::new(format!("legacy.xls ID {i}"), n));
    }
    let good_xls = input.join("2025年示范镇耕地地力保护补贴发放清册.xls");
    std::fs::write(&good_xls, &xls_bytes).unwrap();
    // The same workbook with three check characters changed in place (same length: BIFF has
    // no checksum): three rows an import refuses, echoing what it read.
    let mut bad_xls_bytes = xls_bytes.clone();
    for k in [0, 30, 74] {
        let original = xls_ids[k].as_bytes();
        let at = find(&bad_xls_bytes, original).unwrap();
        let last = if original[17] == b'1' { b'2' } else { b'1' };
        bad_xls_bytes[at + 17] = last;
        let broken = String::from_utf8(bad_xls_bytes[at..at + 18].to_vec()).unwrap();
        secrets.push(Secret::new(format!("legacy.xls broken ID {k}"), &broken));
    }
    let bad_xls = input.join("bad.xls");
    std::fs::write(&bad_xls, &bad_xls_bytes).unwrap();

    let import = |runs: &mut Runs, name: &str, file: &Path, extra: &[&str], json_out: bool| {
        let mut args = vec![
            "payouts",
            "import",
            path(file),
            "--db",
            dbp,
            "--year",
            "2025",
        ];
        args.extend_from_slice(extra);
        if json_out {
            args.push("--json");
        }
        runs.run(name, &args)
    };
    let elderly = ["--project", "高龄津贴"];
    let listed = import(&mut runs, "import-good-xlsx", &good_xlsx, &elderly, true);
    assert_eq!(listed.status.code(), Some(0), "{}", said(&listed));
    let list_a = json(&listed)["list_id"].as_str().unwrap().to_owned();
    // Again: every person already paid, each named.
    let again = import(
        &mut runs,
        "import-good-xlsx-again",
        &good_xlsx,
        &elderly,
        false,
    );
    assert_eq!(again.status.code(), Some(2), "{}", said(&again));
    let again = import(
        &mut runs,
        "import-good-xlsx-again-json",
        &good_xlsx,
        &elderly,
        true,
    );
    let already_paid = issues(&json(&again));
    let listed = import(
        &mut runs,
        "import-good-csv",
        &good_csv,
        &["--project", "残疾人两项补贴"],
        true,
    );
    assert_eq!(listed.status.code(), Some(0), "{}", said(&listed));
    let list_b = json(&listed)["list_id"].as_str().unwrap().to_owned();
    let listed = import(
        &mut runs,
        "import-good-xls",
        &good_xls,
        &["--project", "耕地地力保护补贴"],
        false,
    );
    assert_eq!(listed.status.code(), Some(0), "{}", said(&listed));

    let api = Api::new(&db);
    let mut refused_files = 0;
    for (name, file) in [
        ("bad-xlsx", &bad_xlsx),
        ("bad-csv", &bad_csv),
        ("bad-xls", &bad_xls),
    ] {
        let text = import(&mut runs, name, file, &elderly, false);
        assert_eq!(text.status.code(), Some(2), "{name}: {}", said(&text));
        let refused = import(&mut runs, &format!("{name}-json"), file, &elderly, true);
        let found = issues(&json(&refused));
        assert!(found.len() >= 3, "{name}: the faulty rows are reported");
        // The error table the clerk sends back to finance.
        api.payouts_export_issues(IssuesExportArgs {
            source_file: file.file_name().unwrap().to_string_lossy().into_owned(),
            issues: found,
            out: path(&out.join(format!("{name}-错误清单.xlsx"))).to_owned(),
        })
        .unwrap();
        refused_files += 1;
    }
    assert_eq!(refused_files, 3);
    api.payouts_export_issues(IssuesExportArgs {
        source_file: "already-paid".to_owned(),
        issues: already_paid,
        out: path(&out.join("already-paid-错误清单.xlsx")).to_owned(),
    })
    .unwrap();

    // Looking a person up takes the full number; its answers never repeat it.
    runs.ok(
        "lookup",
        &["payouts", "lookup", "--db", dbp, "--id", &good[0][2]],
    );
    runs.ok(
        "lookup-json",
        &[
            "payouts",
            "lookup",
            "--db",
            dbp,
            "--id",
            &good[1][2],
            "--json",
        ],
    );
    runs.run(
        "lookup-bad",
        &["payouts", "lookup", "--db", dbp, "--id", &bad_rows[0][2]],
    );
    runs.run(
        "lookup-bad-json",
        &[
            "payouts",
            "lookup",
            "--db",
            dbp,
            "--id",
            &bad_rows[0][2],
            "--json",
        ],
    );
    runs.ok("list", &["payouts", "list", "--db", dbp]);
    runs.ok("list-json", &["payouts", "list", "--db", dbp, "--json"]);

    // Printed notices on every paper, one file per village and bound in one; previews.
    for paper in ["a4", "a4-landscape", "a3", "a3-landscape"] {
        for one_file in [false, true] {
            let folder = out.join(format!("print-{paper}-{one_file}"));
            let mut args = vec![
                "payouts",
                "print",
                "--db",
                dbp,
                "--list",
                &list_a,
                "--out",
                path(&folder),
                "--paper",
                paper,
                "--hotline",
                "0797-1234567",
                "--json",
            ];
            if one_file {
                args.push("--one-file");
            }
            let folder_arg = args.clone();
            runs.ok(&format!("print-{paper}"), &folder_arg);
        }
        for village in VILLAGES {
            let preview = api
                .payouts_preview(PayoutPreviewArgs {
                    list_id: list_a.clone(),
                    village: Some(village.to_owned()),
                    paper: Some(paper.to_owned()),
                    ..Default::default()
                })
                .unwrap();
            let pdf = base64::engine::general_purpose::STANDARD
                .decode(&preview.pdf_base64)
                .unwrap();
            std::fs::write(out.join(format!("preview-{paper}-{village}.pdf")), pdf).unwrap();
            // What the window receives over IPC.
            std::fs::write(
                out.join(format!("preview-{paper}-{village}.json")),
                serde_json::to_vec(&preview).unwrap(),
            )
            .unwrap();
        }
    }

    // 公示, archive (the notices are kept in the database), a correction, posted again.
    runs.ok(
        "post",
        &[
            "payouts",
            "post",
            "--db",
            dbp,
            "--list",
            &list_a,
            "--on",
            "2025-11-01",
            "--days",
            "7",
        ],
    );
    runs.ok(
        "post-json",
        &[
            "payouts",
            "post",
            "--db",
            dbp,
            "--list",
            &list_b,
            "--on",
            "2025-11-01",
            "--days",
            "7",
            "--json",
        ],
    );
    runs.ok(
        "archive",
        &[
            "payouts", "archive", "--db", dbp, "--list", &list_a, "--json",
        ],
    );
    runs.ok(
        "archive-text",
        &["payouts", "archive", "--db", dbp, "--list", &list_b],
    );
    let mut corrected = good.clone();
    corrected[0][4] = "300.00".to_owned();
    let corrected_xlsx = input.join("2025年示范镇高龄津贴发放清册（更正）.xlsx");
    write_xlsx(&corrected_xlsx, "2025年示范镇高龄津贴发放清册", &corrected);
    let supersede = [
        "--project",
        "高龄津贴",
        "--supersedes",
        &list_a,
        "--reason",
        "张伟金额有误",
    ];
    let fixed = import(&mut runs, "correction", &corrected_xlsx, &supersede, true);
    assert_eq!(fixed.status.code(), Some(0), "{}", said(&fixed));
    let list_c = json(&fixed)["list_id"].as_str().unwrap().to_owned();
    runs.ok(
        "post-correction",
        &[
            "payouts",
            "post",
            "--db",
            dbp,
            "--list",
            &list_c,
            "--on",
            "2025-11-20",
        ],
    );

    // Sync to the real portal. The portal keeps each push's body as signed, byte for byte
    // (`push_batch.body`, gzipped): the bytes that crossed the wire, scanned with its database.
    let county = County::start(&out.join("county.sqlite3"));
    let code = county.register(&db);
    let sync = runs.ok(
        "sync",
        &["sync", "--db", dbp, "--portal", &county.url(), "--json"],
    );
    assert!(
        json(&sync)["pushed"].as_u64().unwrap() >= 2,
        "{}",
        said(&sync)
    );
    runs.ok("sync-text", &["sync", "--db", dbp]);
    let bodies: i64 = rusqlite::Connection::open(&county.db)
        .unwrap()
        .query_row(
            "SELECT count(*) FROM push_batch WHERE length(body) > 0",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert!(bodies >= 1, "the portal kept the pushed bodies");
    let pages = out.join("portal-pages");
    std::fs::create_dir_all(&pages).unwrap();
    let mut to_fetch = vec![
        "/".to_owned(),
        format!("/t/{code}"),
        format!("/t/{code}/payouts"),
    ];
    let mut fetched = 0;
    while let Some(page) = to_fetch.pop() {
        let (status, body) = county.get(&page);
        assert_eq!(status, 200, "{page}");
        let html = String::from_utf8_lossy(&body).into_owned();
        if page.ends_with("/payouts") {
            let marker = format!("/t/{code}/p/");
            for (at, _) in html.match_indices(&marker) {
                let link: String = html[at..].chars().take_while(|c| *c != '"').collect();
                to_fetch.push(link);
            }
        }
        fetched += 1;
        std::fs::write(pages.join(format!("{fetched}.html")), body).unwrap();
    }
    assert!(
        fetched >= 5,
        "the payout lists' own pages were fetched ({fetched} pages)"
    );

    // Backups: to a named file, and to the default folder beside the database (under a
    // passphrase, where this build has them).
    let help = runs.ok("help", &["--help"]);
    if String::from_utf8_lossy(&help.stdout).contains("backup-passphrase") {
        runs.ok("backup-passphrase", &["backup-passphrase", "--db", dbp]);
    }
    runs.ok(
        "backup",
        &[
            "backup",
            "--db",
            dbp,
            "--out",
            path(&out.join("备份.sqlite3")),
            "--json",
        ],
    );
    runs.ok("backup-default", &["backup", "--db", dbp]);
    runs.ok("status", &["status", "--db", dbp, "--json"]);
    runs.ok("check", &["check", "--db", dbp]);
    drop(api);

    let scanner = Scanner::new(&secrets);
    let (hits, files) = scanner.scan_tree(&out);
    eprintln!("scanned {files} files for {} numbers", secrets.len());
    assert!(files > 60, "only {files} files written?");
    assert!(
        hits.is_empty(),
        "{} full numbers of the fixtures were written:\n{}",
        hits.len(),
        report(&hits)
    );
}

/// A record published with the unmasked list as its attachment (a clerk's slip: the finance
/// office's `.xlsx` attached instead of the printed notice). Everything the county ends up
/// holding is scanned: its database and the record's public pages.
#[test]
fn a_published_attachment_with_full_numbers_never_reaches_the_county() {
    use gongkai_api::wire::{AttachArgs, CatalogItemsArgs, RecordInput};
    let dir = TempDir::new().unwrap();
    let county_dir = dir.path().join("county");
    std::fs::create_dir_all(&county_dir).unwrap();
    let db = dir.path().join("示范镇.sqlite3");
    let api = Api::new(&db);
    api.setup_demo(NoArgs {}).unwrap();
    let rows = people(0, 6, 0);
    let mut secrets = Vec::new();
    secrets_of(&rows, "attached", &mut secrets);
    let file = dir.path().join("低保对象名单.xlsx");
    write_xlsx(&file, "2026年第一批城乡低保对象名单", &rows);

    let item = api
        .catalog_items(CatalogItemsArgs {
            domain: Some("社会救助".to_owned()),
        })
        .unwrap()
        .items[0]
        .key
        .clone();
    let record = api
        .record_save(RecordInput {
            item_key: item,
            title: "2026年第一批城乡低保对象名单".to_owned(),
            formed_on: "2026-11-02".to_owned(),
            body: "名单见附件".to_owned(),
            channels: vec!["政府网站".to_owned()],
            attribute: "proactive".to_owned(),
            ..Default::default()
        })
        .unwrap()
        .summary
        .id;
    // Refusing the file here is one way to pass.
    if api
        .record_attach(AttachArgs {
            record_id: record.clone(),
            path: path(&file).to_owned(),
        })
        .is_err()
    {
        return;
    }
    support::publish_draft(&api, &record);
    drop(api);

    let county = County::start(&county_dir.join("county.sqlite3"));
    let code = county.register(&db);
    // Refused or sent: either way, what the county holds afterwards is what counts.
    let _ = support::gongkai(&["sync", "--db", path(&db), "--portal", &county.url()]);
    let (status, column) = county.get(&format!("/t/{code}"));
    assert_eq!(status, 200);
    std::fs::write(county_dir.join("column.html"), &column).unwrap();
    let column = String::from_utf8_lossy(&column).into_owned();
    let marker = format!("/t/{code}/");
    for (n, (at, _)) in column.match_indices(&marker).enumerate() {
        let link: String = column[at..].chars().take_while(|c| *c != '"').collect();
        let (_, page) = county.get(&link);
        std::fs::write(county_dir.join(format!("page-{n}.html")), page).unwrap();
    }
    let (hits, _) = Scanner::new(&secrets).scan_tree(&county_dir);
    assert!(
        hits.is_empty(),
        "the county holds {} full numbers of an attachment:\n{}",
        hits.len(),
        report(&hits)
    );
}
