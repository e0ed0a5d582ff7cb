//! Benchmark: 10,000 payout rows to per-village notice PDFs, side by side with the peers a
//! township office would otherwise use on the same rows:
//! - LibreOffice: `soffice --headless --convert-to pdf` of the same `.xlsx`;
//! - headless Chromium: `--print-to-pdf` of the same rows as an HTML table.
//!
//! `cargo bench -p gongkai-api --bench print [-- ROWS]`. Peers missing from the machine are
//! reported as such (install: `apt-get install libreoffice-calc-nogui chromium`).
//! Targets: ≥ 10× faster than LibreOffice, ≥ 5× faster than Chromium, PDFs ≤ half their size.

#![allow(clippy::print_stdout, clippy::unwrap_used)]

use std::path::Path;
use std::process::Command;
use std::time::Instant;

use gongkai_api::Api;
use gongkai_api::wire::{NoArgs, PayoutImportArgs, PayoutPrintArgs};

mod fixture;

fn dir_size(dir: &Path) -> u64 {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().metadata().unwrap().len())
        .sum()
}

fn html(path: &Path, rows: u32) {
    let mut out = String::from(
        "<!doctype html><meta charset=utf-8><style>body{font-family:'Noto Serif CJK SC',serif}\
         table{border-collapse:collapse;width:100%}td,th{border:1px solid #000;padding:2px 4px;font-size:10.5pt}\
         thead{display:table-header-group}</style><h2>示范镇2025年耕地地力保护补贴发放公示</h2><table><thead><tr>\
         <th>序号<th>村名<th>姓名<th>身份证号<th>面积（亩）<th>补贴标准<th>金额（元）</thead><tbody>",
    );
    for n in 0..rows {
        let (village, name, id, area, fen) = fixture::row(n);
        let masked = format!("{}*************{}", &id[..2], &id[15..]);
        out.push_str(&format!(
            "<tr><td>{}<td>{village}<td>{name}<td>{masked}<td>{}.{:02}<td>104.50<td>{}.{:02}",
            n + 1,
            area / 100,
            area % 100,
            fen / 100,
            fen % 100
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

fn main() {
    let rows: u32 = std::env::args()
        .skip(1)
        .find_map(|a| a.parse().ok())
        .unwrap_or(10_000);
    let dir = tempfile::TempDir::new().unwrap();
    let xlsx = dir.path().join("清册.xlsx");
    fixture::write_xlsx(&xlsx, rows);
    let api = Api::new(dir.path().join("bench.sqlite3"));
    api.setup_demo(NoArgs {}).unwrap();
    let report = api
        .payouts_import(PayoutImportArgs {
            path: xlsx.display().to_string(),
            ..Default::default()
        })
        .unwrap();
    let list_id = report.list_id.unwrap();

    // Ours: in a fresh process the fonts are parsed on the first print; measure that run too.
    let mut ours = Vec::new();
    let mut ours_bytes = 0;
    for run in 0..3 {
        let out = dir.path().join(format!("ours-{run}"));
        let started = Instant::now();
        let printed = api
            .payouts_print(PayoutPrintArgs {
                list_id: list_id.clone(),
                out_dir: out.display().to_string(),
                paper: None,
                notice_start: Some("2025-12-01".into()),
                notice_days: Some(7),
                hotline: None,
                prepared_by: None,
                reviewed_by: None,
            })
            .unwrap();
        let seconds = started.elapsed().as_secs_f64();
        ours_bytes = dir_size(&out);
        println!(
            "gongkai run {}: {rows} rows → {} PDFs in {seconds:.3} s, {:.2} MB{}",
            run + 1,
            printed.files.len(),
            ours_bytes as f64 / 1e6,
            if run == 0 {
                " (includes parsing the fonts)"
            } else {
                ""
            }
        );
        ours.push(seconds);
    }
    let ours_first = ours[0];

    let office_out = dir.path().join("soffice");
    let profile = dir.path().join("soffice-profile");
    let mut soffice = Command::new("soffice");
    soffice
        .arg(format!(
            "-env:UserInstallation=file://{}",
            profile.display()
        ))
        .args(["--headless", "--convert-to", "pdf", "--outdir"])
        .arg(&office_out)
        .arg(&xlsx);
    // First run creates the profile; time the second, warm one as the notes do.
    let _ = time("soffice (profile warm-up)", {
        let mut c = Command::new("soffice");
        c.arg(format!(
            "-env:UserInstallation=file://{}",
            profile.display()
        ))
        .args(["--headless", "--convert-to", "pdf", "--outdir"])
        .arg(dir.path().join("soffice-warmup"))
        .arg(&xlsx);
        c
    });
    let soffice_s = time("soffice", soffice);

    let html_path = dir.path().join("list.html");
    html(&html_path, rows);
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
    let chromium_s = time("chromium", chromium);

    println!("\n| engine | seconds | PDF bytes | gongkai is |");
    println!("|---|---|---|---|");
    println!("| gongkai (cold, fonts parsed) | {ours_first:.3} | {ours_bytes} | |");
    if let Some(s) = soffice_s {
        let bytes = dir_size(&office_out);
        println!(
            "| soffice --convert-to pdf | {s:.3} | {bytes} | {:.1}× faster, {:.2}× the size |",
            s / ours_first,
            ours_bytes as f64 / bytes as f64
        );
    }
    if let Some(s) = chromium_s {
        let bytes = std::fs::metadata(&chrome_pdf).map(|m| m.len()).unwrap_or(0);
        println!(
            "| chromium --print-to-pdf | {s:.3} | {bytes} | {:.1}× faster, {:.2}× the size |",
            s / ours_first,
            ours_bytes as f64 / bytes as f64
        );
    }
    // GONGKAI_BENCH_KEEP=1 leaves every PDF behind for a look.
    if std::env::var_os("GONGKAI_BENCH_KEEP").is_some() {
        println!("\noutput kept in {}", dir.keep().display());
    }
}
