//! Benchmark: a township's round of board packs — 30 villages × 8 sheets (composed notices
//! with and without tables, one running to two pages, payout notice tables of 45 and 6 rows,
//! footers with QR codes), each pack a 张贴示意图, the sheets and a 张贴回执 — rendered
//! all in one bookmarked PDF, and as one PDF per village.
//!
//! `cargo bench -p gongkai-print --bench board_pack [-- ROUNDS]`. Prints wall time, the
//! process's user and system CPU time, the PDF's size and pages, and the peak resident memory
//! (VmHWM). Goal: all 30 packs in < 1 s.

#![allow(clippy::print_stdout, clippy::unwrap_used, clippy::expect_used)]

use std::time::{Duration, Instant};

use gongkai_print::{FontSet, render_board_pack, render_board_packs};

#[path = "../tests/fixture/mod.rs"]
mod fixture;

const VILLAGES: usize = 30;

/// User and system CPU time of this process so far, from `/proc/self/stat` (Linux: ticks of
/// 1/100 s).
fn cpu() -> Option<(Duration, Duration)> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    // Fields after the command name, which is in parentheses and may hold spaces.
    let fields: Vec<&str> = stat.rsplit_once(')')?.1.split_whitespace().collect();
    let ticks = |i: usize| fields.get(i)?.parse::<u64>().ok();
    let tick = Duration::from_millis(10);
    Some((tick * ticks(11)? as u32, tick * ticks(12)? as u32))
}

/// Peak resident memory in MB, from `/proc/self/status`.
fn peak_mb() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kib: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kib / 1024.0)
}

fn pages(pdf: &[u8]) -> usize {
    lopdf::Document::load_mem(pdf).map_or(0, |d| d.get_pages().len())
}

/// Runs `f`, printing its wall and CPU time; returns the wall time.
fn measure<T>(label: &str, f: impl FnOnce() -> T) -> (T, Duration) {
    let cpu_before = cpu();
    let start = Instant::now();
    let out = f();
    let wall = start.elapsed();
    let cpu_text = match (cpu_before, cpu()) {
        (Some((u0, s0)), Some((u1, s1))) => format!(
            "user {:.2} s, sys {:.2} s",
            (u1 - u0).as_secs_f64(),
            (s1 - s0).as_secs_f64()
        ),
        _ => "CPU time unknown".into(),
    };
    println!("{label}: {:.3} s wall, {cpu_text}", wall.as_secs_f64());
    (out, wall)
}

fn main() {
    let rounds: usize = std::env::args()
        .skip(1)
        .find_map(|a| a.parse().ok())
        .unwrap_or(3);
    println!("board packs: {VILLAGES} villages × 8 sheets, {rounds} rounds");
    measure("fonts parsed (once per process)", || {
        FontSet::shared().unwrap();
    });
    let (packs, _) = measure("packs described", || {
        (0..VILLAGES).map(fixture::pack).collect::<Vec<_>>()
    });

    let mut bound = Vec::new();
    let mut separate = Vec::new();
    for round in 1..=rounds {
        let (pdf, wall) = measure(&format!("round {round}: all packs in one PDF"), || {
            render_board_packs(&packs).unwrap()
        });
        if round == 1 {
            println!(
                "  {} pages, {:.1} MB ({:.1} kB a page)",
                pages(&pdf),
                pdf.len() as f64 / 1e6,
                pdf.len() as f64 / 1e3 / pages(&pdf).max(1) as f64
            );
            if let Some(dir) = std::env::var_os("GONGKAI_BENCH_KEEP") {
                std::fs::write(std::path::Path::new(&dir).join("board-packs.pdf"), &pdf).unwrap();
            }
        }
        bound.push(wall);
        let (sizes, wall) = measure(&format!("round {round}: one PDF per village"), || {
            packs
                .iter()
                .map(|p| render_board_pack(p).unwrap().len())
                .sum::<usize>()
        });
        if round == 1 {
            println!("  {:.1} MB in {VILLAGES} files", sizes as f64 / 1e6);
        }
        separate.push(wall);
    }
    bound.sort();
    separate.sort();
    let median = |v: &[Duration]| v[v.len() / 2].as_secs_f64();
    println!(
        "median: one PDF {:.3} s, per village {:.3} s (goal < 1 s)",
        median(&bound),
        median(&separate)
    );
    match peak_mb() {
        Some(mb) => println!("peak resident memory: {mb:.0} MB"),
        None => println!("peak resident memory: unknown"),
    }
}
