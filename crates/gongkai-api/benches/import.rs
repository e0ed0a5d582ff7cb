//! Benchmark: import of a 100,000-row `.xlsx` payout list with full validation, into a fresh
//! demo database (all rows hashed, masked and written in one transaction), in this process,
//! with the time and the peak resident memory of each phase. The list has the shape of a real
//! export (see `fixture.rs`). The whole `gongkai` process is measured by `--bench process`.
//!
//! `cargo bench -p gongkai-api --bench import [-- ROWS]`. Target: under 1.5 s on 2 cores.
//! `-- ROWS --fixture-only FILE` writes the fixture to `FILE` and stops: a file to profile the
//! release `gongkai` against (`perf record gongkai payouts import FILE ...`).

// A benchmark reports on stdout and may stop loudly on a broken fixture.
#![allow(clippy::print_stdout, clippy::unwrap_used)]

use std::time::Instant;

use gongkai_api::Api;
use gongkai_api::wire::{NoArgs, PayoutImportArgs};

mod fixture;
mod memory;

fn main() {
    let rows: u32 = std::env::args()
        .skip(1)
        .find_map(|a| a.parse().ok())
        .unwrap_or(100_000);
    let args: Vec<String> = std::env::args().collect();
    if let Some(at) = args.iter().position(|a| a == "--fixture-only") {
        let path = std::path::Path::new(&args[at + 1]);
        fixture::write_xlsx(path, &fixture::list(rows, fixture::VILLAGES.len()));
        println!("fixture: {rows} rows written to {}", path.display());
        return;
    }
    let dir = tempfile::TempDir::new().unwrap();
    let path = dir.path().join("2025年示范镇耕地地力保护补贴发放清册.xlsx");

    let started = Instant::now();
    fixture::write_xlsx(&path, &fixture::list(rows, fixture::VILLAGES.len()));
    let bytes = std::fs::metadata(&path).unwrap().len();
    println!(
        "fixture: {rows} rows, {:.1} MB xlsx, written in {:.2} s",
        bytes as f64 / 1e6,
        started.elapsed().as_secs_f64()
    );

    // Where the time and memory go: reading the workbook alone, then validating it.
    let baseline = memory::reset_peak();
    let started = Instant::now();
    let book = gongkai_sheets::read(&path, None).unwrap();
    println!(
        "read only: {} rows in {:.3} s, {}",
        book.sheets[0].rows.len(),
        started.elapsed().as_secs_f64(),
        memory::report(baseline)
    );

    let villages: Vec<String> = gongkai_domain::demo::profile(chrono::Utc::now())
        .unwrap()
        .villages
        .iter()
        .map(|v| v.name.to_string())
        .collect();
    let started = Instant::now();
    let outcome = gongkai_payouts::validate(
        &book,
        &gongkai_payouts::validate::Context {
            villages: &villages,
            project: None,
            year: None,
            today: chrono::Local::now().date_naive(),
            overrides: &[],
        },
    );
    println!(
        "validate only: {} lines, {} errors in {:.3} s, {}",
        outcome.lines.len(),
        outcome.errors.len(),
        started.elapsed().as_secs_f64(),
        memory::report(baseline)
    );
    drop(outcome);
    drop(book);

    let mut times = Vec::new();
    for run in 1..=3 {
        let api = Api::new(dir.path().join(format!("bench-{run}.sqlite3")));
        api.setup_demo(NoArgs {}).unwrap();
        let baseline = memory::reset_peak();
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
            "run {run}: imported {} rows in {elapsed:.3} s, {}",
            report.imported_rows,
            memory::report(baseline)
        );
        times.push(elapsed);
    }
    times.sort_by(f64::total_cmp);
    println!(
        "median: {:.3} s for {rows} rows (target < 1.5 s for 100,000)",
        times[1]
    );
}
