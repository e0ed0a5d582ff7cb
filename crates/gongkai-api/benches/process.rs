//! Benchmark: the whole `gongkai` process as the clerk meets it — start, open the database,
//! work, write, exit — timed from spawn to exit, with its peak resident memory (`ru_maxrss` as
//! GNU time reports it):
//! - `gongkai payouts import` of a 100,000-row list shaped like a real export (`fixture.rs`);
//! - `gongkai payouts print` of a 10,000-row list over three villages, one PDF per village and
//!   all villages in one file (`--one-file`).
//!
//! The release `gongkai` is built first (`cargo build --release -p gongkai-cli`), so the figures
//! are of the code as it stands (`GONGKAI_BIN=path` measures another build instead).
//! `cargo bench -p gongkai-api --bench process [-- ROWS]`.
//! Targets: import under 1.5 s and 150 MB; print under 150 MB, as fast as before.
//! Needs GNU time (`apt-get install time`).

#![allow(clippy::print_stdout, clippy::unwrap_used, clippy::panic)]

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

mod fixture;

/// Five runs at least: a median that one noisy run cannot move, and the spread beside it.
const RUNS: usize = 5;
const TIME: &str = "/usr/bin/time";

/// `target/release/gongkai`, built now if it is stale: this benchmark runs from
/// `target/release/deps`. `GONGKAI_BIN` names another build to measure (an earlier one, say).
fn gongkai() -> PathBuf {
    if let Some(bin) = std::env::var_os("GONGKAI_BIN") {
        return PathBuf::from(bin);
    }
    let status = Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()))
        .args([
            "build",
            "--release",
            "-p",
            "gongkai-cli",
            "--bin",
            "gongkai",
        ])
        .status()
        .unwrap();
    assert!(
        status.success(),
        "cargo build of the release gongkai failed"
    );
    let exe = std::env::current_exe().unwrap();
    let release = exe.parent().and_then(Path::parent).unwrap();
    release.join("gongkai")
}

/// One measured run: wall seconds from spawn to exit, CPU seconds (user + system: what a busy
/// machine's wall time hides), peak RSS in MB, and what it printed.
struct Run {
    seconds: f64,
    cpu_seconds: f64,
    peak_mb: f64,
    stdout: String,
}

fn measure(args: &[&std::ffi::OsStr], bin: &Path, scratch: &Path) -> Run {
    let report = scratch.join("time.txt");
    let started = Instant::now();
    let out = Command::new(TIME)
        .args(["-f", "%M %U %S", "-o"])
        .arg(&report)
        .arg(bin)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("{TIME}: {e} (apt-get install time)"));
    let seconds = started.elapsed().as_secs_f64();
    assert!(
        out.status.success(),
        "gongkai {:?} failed: {}",
        args,
        String::from_utf8_lossy(&out.stderr)
            .lines()
            .take(5)
            .collect::<Vec<_>>()
            .join("\n")
    );
    let report = std::fs::read_to_string(&report).unwrap();
    let figures: Vec<f64> = report
        .lines()
        .last()
        .unwrap()
        .split_whitespace()
        .map(|f| f.parse().unwrap())
        .collect();
    Run {
        seconds,
        cpu_seconds: figures[1] + figures[2],
        peak_mb: figures[0] / 1024.0,
        stdout: String::from_utf8(out.stdout).unwrap(),
    }
}

fn demo_db(bin: &Path, path: &Path) {
    let status = Command::new(bin)
        .arg("demo")
        .arg("--db")
        .arg(path)
        .stdout(std::process::Stdio::null())
        .status()
        .unwrap();
    assert!(status.success(), "gongkai demo failed");
}

fn summary(label: &str, runs: &[Run], goal: &str) {
    let spread = |mut figures: Vec<f64>| {
        figures.sort_by(f64::total_cmp);
        (
            figures[figures.len() / 2],
            figures[0],
            figures[figures.len() - 1],
        )
    };
    let (wall, wall_min, wall_max) = spread(runs.iter().map(|r| r.seconds).collect());
    let (cpu, cpu_min, cpu_max) = spread(runs.iter().map(|r| r.cpu_seconds).collect());
    let (peak, peak_min, peak_max) = spread(runs.iter().map(|r| r.peak_mb).collect());
    println!(
        "{label}, {} runs, median (min–max): wall {wall:.3} s ({wall_min:.3}–{wall_max:.3}), \
         CPU {cpu:.3} s ({cpu_min:.3}–{cpu_max:.3}), peak RSS {peak:.0} MB ({peak_min:.0}–{peak_max:.0}) \
         — goal {goal}",
        runs.len()
    );
}

fn os(s: &str) -> &std::ffi::OsStr {
    std::ffi::OsStr::new(s)
}

fn main() {
    let rows: u32 = std::env::args()
        .skip(1)
        .find_map(|a| a.parse().ok())
        .unwrap_or(100_000);
    let bin = gongkai();
    let dir = tempfile::TempDir::new().unwrap();
    let scratch = dir.path();

    let xlsx = scratch.join("2025年示范镇惠民惠农补贴发放清册.xlsx");
    fixture::write_xlsx(&xlsx, &fixture::list(rows, fixture::VILLAGES.len()));
    println!(
        "import fixture: {rows} rows, {:.1} MB xlsx",
        std::fs::metadata(&xlsx).unwrap().len() as f64 / 1e6
    );
    let mut imports = Vec::new();
    for run in 1..=RUNS {
        let db = scratch.join(format!("import-{run}.sqlite3"));
        demo_db(&bin, &db);
        let r = measure(
            &[
                os("payouts"),
                os("import"),
                xlsx.as_os_str(),
                os("--db"),
                db.as_os_str(),
                os("--json"),
            ],
            &bin,
            scratch,
        );
        println!(
            "import run {run}: {:.3} s ({:.3} s CPU), peak RSS {:.0} MB",
            r.seconds, r.cpu_seconds, r.peak_mb
        );
        imports.push(r);
    }

    let printed = scratch.join("清册-打印.xlsx");
    fixture::write_xlsx(&printed, &fixture::list(10_000, 3));
    let db = scratch.join("print.sqlite3");
    demo_db(&bin, &db);
    let imported = measure(
        &[
            os("payouts"),
            os("import"),
            printed.as_os_str(),
            os("--db"),
            db.as_os_str(),
            os("--json"),
        ],
        &bin,
        scratch,
    );
    let report: serde_json::Value = serde_json::from_str(&imported.stdout).unwrap();
    let list = report["list_id"].as_str().unwrap().to_owned();
    let mut shapes = Vec::new();
    for one_file in [false, true] {
        let mut runs = Vec::new();
        for run in 1..=RUNS {
            let out = scratch.join(format!("print-{one_file}-{run}"));
            let mut args = vec![
                os("payouts"),
                os("print"),
                os("--db"),
                db.as_os_str(),
                os("--list"),
                os(&list),
                os("--out"),
                out.as_os_str(),
                os("--start"),
                os("2025-12-01"),
                os("--days"),
                os("7"),
            ];
            if one_file {
                args.push(os("--one-file"));
            }
            let r = measure(&args, &bin, scratch);
            println!(
                "print{} run {run}: 10000 rows, 3 villages, {:.3} s ({:.3} s CPU), peak RSS {:.0} MB",
                if one_file { " --one-file" } else { "" },
                r.seconds,
                r.cpu_seconds,
                r.peak_mb
            );
            runs.push(r);
        }
        shapes.push((one_file, runs));
    }

    println!();
    summary(
        &format!("gongkai payouts import ({rows} rows)"),
        &imports,
        "< 1.5 s, < 150 MB",
    );
    for (one_file, runs) in shapes {
        summary(
            &format!(
                "gongkai payouts print (10000 rows, 3 villages{})",
                if one_file { ", --one-file" } else { "" }
            ),
            &runs,
            "< 150 MB",
        );
    }
}
