//! Benchmark: 10,000 payout rows over three villages (the shape of `fixture.rs`) to notice PDFs,
//! side by side with the peers a township office
//! would otherwise use on the same rows:
//! - LibreOffice: `soffice --headless --convert-to pdf` of the `.xlsx` finance sends (the whole
//!   workbook into one PDF, and the workbook split by village into one PDF per village);
//! - headless Chromium: `--print-to-pdf` of the same rows as an HTML table, one PDF.
//!
//! Gongkai prints the same two ways: one PDF per village (what `payouts print` writes by
//! default) and all villages bound in one PDF (`--one-file`). Each is compared with the peer
//! output of the same shape.
//!
//! `cargo bench -p gongkai-api --bench print [-- ROWS]`. Peers missing from the machine are
//! reported as such (install: `apt-get install libreoffice-calc-nogui chromium`).
//! Targets: ≥ 10× faster than LibreOffice, ≥ 5× faster than Chromium, PDFs ≤ half their size.

#![allow(clippy::print_stdout, clippy::unwrap_used)]

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use gongkai_api::Api;
use gongkai_api::wire::{NoArgs, PayoutImportArgs, PayoutPrintArgs};

mod fixture;

/// The villages the printed rows belong to.
const VILLAGES: usize = 3;

fn dir_size(dir: &Path) -> u64 {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().metadata().unwrap().len())
        .sum()
}

fn html(path: &Path, items: &[fixture::Item]) {
    let mut out = String::from(
        "<!doctype html><meta charset=utf-8><style>body{font-family:'Noto Serif CJK SC',serif}\
         table{border-collapse:collapse;width:100%}td,th{border:1px solid #000;padding:2px 4px;font-size:10.5pt}\
         thead{display:table-header-group}</style><h2>示范镇2025年耕地地力保护补贴发放公示</h2><table><thead><tr>\
         <th>序号<th>村名<th>姓名<th>身份证号<th>面积（亩）<th>补贴标准<th>金额（元）</thead><tbody>",
    );
    for (n, l) in fixture::lines(items).enumerate() {
        let masked = format!("{}*************{}", &l.id[..2], &l.id[15..]);
        out.push_str(&format!(
            "<tr><td>{}<td>{}<td>{}<td>{masked}<td>{}.{:02}<td>{}.{:02}<td>{}.{:02}",
            n + 1,
            l.village,
            l.name,
            l.area_hundredths / 100,
            l.area_hundredths % 100,
            l.rate_fen / 100,
            l.rate_fen % 100,
            l.fen / 100,
            l.fen % 100
        ));
    }
    out.push_str("</tbody></table>");
    std::fs::write(path, out).unwrap();
}

fn time(label: &str, mut command: Command) -> Option<f64> {
    let started = Instant::now();
    match command.output() {
        Ok(out) if out.status.success() => Some(started.elapsed().as_secs_f64()),
        Ok(out) => {
            println!(
                "{label}: failed: {}",
                String::from_utf8_lossy(&out.stderr)
                    .lines()
                    .last()
                    .unwrap_or("")
            );
            None
        }
        Err(_) => {
            println!("{label}: not installed");
            None
        }
    }
}

/// Prints the list three times (the first in a fresh process parses the fonts); returns the
/// first run's seconds and the output's size.
fn ours(api: &Api, list_id: &str, out: &Path, one_file: bool, rows: u32) -> (f64, u64) {
    let mut first = None;
    let mut bytes = 0;
    for run in 0..3 {
        let out = out.join(format!("run-{run}"));
        let started = Instant::now();
        let printed = api
            .payouts_print(PayoutPrintArgs {
                list_id: list_id.to_owned(),
                out_dir: out.display().to_string(),
                notice_start: Some("2025-12-01".into()),
                notice_days: Some(7),
                one_file: Some(one_file),
                ..Default::default()
            })
            .unwrap();
        let seconds = started.elapsed().as_secs_f64();
        bytes = dir_size(&out);
        println!(
            "gongkai{} run {}: {rows} rows → {} PDF(s) in {seconds:.3} s, {:.3} MB{}",
            if one_file { " --one-file" } else { "" },
            run + 1,
            printed.files.len(),
            bytes as f64 / 1e6,
            if first.is_none() { " (cold)" } else { "" }
        );
        first.get_or_insert(seconds);
    }
    (first.unwrap_or_default(), bytes)
}

/// `soffice` converting `inputs` into `out` with its own profile, warmed up first as the
/// notes measure it.
fn soffice(dir: &Path, out: &Path, inputs: &[PathBuf]) -> Option<f64> {
    let profile = dir.join("soffice-profile");
    let command = |out: &Path| {
        let mut c = Command::new("soffice");
        c.arg(format!(
            "-env:UserInstallation=file://{}",
            profile.display()
        ))
        .args(["--headless", "--convert-to", "pdf", "--outdir"])
        .arg(out)
        .args(inputs);
        c
    };
    let _ = time(
        "soffice (profile warm-up)",
        command(&dir.join("soffice-warmup")),
    );
    time("soffice", command(out))
}

fn compare(shape: &str, ours: (f64, u64), peer: &str, theirs: Option<(f64, u64)>) {
    match theirs {
        Some((s, bytes)) => println!(
            "| {shape} | {peer} | {s:.3} | {bytes} | {:.3} | {} | {:.1}× faster | {:.2}× their size |",
            ours.0,
            ours.1,
            s / ours.0,
            ours.1 as f64 / bytes as f64
        ),
        None => println!(
            "| {shape} | {peer} | — | — | {:.3} | {} | | |",
            ours.0, ours.1
        ),
    }
}

fn main() {
    let rows: u32 = std::env::args()
        .skip(1)
        .find_map(|a| a.parse().ok())
        .unwrap_or(10_000);
    let dir = tempfile::TempDir::new().unwrap();
    let xlsx = dir.path().join("清册.xlsx");
    let items = fixture::list(rows, VILLAGES);
    fixture::write_xlsx(&xlsx, &items);
    let api = Api::new(dir.path().join("bench.sqlite3"));
    api.setup_demo(NoArgs {}).unwrap();
    let report = api
        .payouts_import(PayoutImportArgs {
            path: xlsx.display().to_string(),
            ..Default::default()
        })
        .unwrap();
    let list_id = report.list_id.unwrap();

    let per_village = ours(&api, &list_id, &dir.path().join("ours"), false, rows);
    let bound = ours(
        &api,
        &list_id,
        &dir.path().join("ours-one-file"),
        true,
        rows,
    );

    let whole_out = dir.path().join("soffice");
    let whole = soffice(dir.path(), &whole_out, std::slice::from_ref(&xlsx))
        .map(|s| (s, dir_size(&whole_out)));
    let village_books: Vec<PathBuf> = fixture::VILLAGES[..VILLAGES]
        .iter()
        .map(|(name, _)| {
            let path = dir.path().join(format!("{name}.xlsx"));
            let of_village: Vec<fixture::Item> = items
                .iter()
                .filter(|i| match i {
                    fixture::Item::Line(l) => l.village == *name,
                    fixture::Item::Subtotal { village, .. } => village == name,
                })
                .cloned()
                .collect();
            fixture::write_xlsx(&path, &of_village);
            path
        })
        .collect();
    let split_out = dir.path().join("soffice-per-village");
    let split = soffice(dir.path(), &split_out, &village_books).map(|s| (s, dir_size(&split_out)));

    let html_path = dir.path().join("list.html");
    html(&html_path, &items);
    let chrome_pdf = dir.path().join("chromium.pdf");
    let chrome_profile = dir.path().join("chromium-profile");
    let mut chromium = Command::new("chromium");
    chromium
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--no-pdf-header-footer",
        ])
        .arg(format!("--user-data-dir={}", chrome_profile.display()))
        .arg(format!("--print-to-pdf={}", chrome_pdf.display()))
        .arg(format!("file://{}", html_path.display()));
    let chromium = time("chromium", chromium).map(|s| {
        (
            s,
            std::fs::metadata(&chrome_pdf).map(|m| m.len()).unwrap_or(0),
        )
    });

    println!("\ngongkai's time is its first (cold) run in this process.\n");
    println!("| output | peer | peer s | peer bytes | gongkai s | gongkai bytes | speed | size |");
    println!("|---|---|---|---|---|---|---|---|");
    compare(
        "one PDF per village",
        per_village,
        "soffice, workbook split by village",
        split,
    );
    compare(
        "one PDF per village",
        per_village,
        "soffice, whole workbook",
        whole,
    );
    compare(
        "all villages in one PDF",
        bound,
        "soffice, whole workbook",
        whole,
    );
    compare(
        "all villages in one PDF",
        bound,
        "chromium --print-to-pdf",
        chromium,
    );
    // GONGKAI_BENCH_KEEP=1 leaves every PDF behind for a look.
    if std::env::var_os("GONGKAI_BENCH_KEEP").is_some() {
        println!("\noutput kept in {}", dir.keep().display());
    }
}
