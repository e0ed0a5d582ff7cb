//! Benchmark: the 待办 home (`home_todo`) on the lived-in demo grown to 100,000 disclosure
//! records — the first screen a clerk opens each morning.
//!
//! `cargo bench -p gongkai-api --bench todo [-- RECORDS]`. Target: under 100 ms (median and
//! p95 of the runs reported). The records are years of them: most published, some drafts due
//! over the weeks around today, so the home lists the overdue and due-soon ones and counts the
//! rest.

// A benchmark reports on stdout and may stop loudly on a broken fixture.
#![allow(clippy::print_stdout, clippy::unwrap_used)]

use std::time::{Duration, Instant};

use chrono::{Days, Local};
use gongkai_api::Api;
use gongkai_api::wire::NoArgs;
use gongkai_store::Store;

const RUNS: usize = 30;

fn main() {
    let records: u64 = std::env::args()
        .skip(1)
        .find_map(|a| a.parse().ok())
        .unwrap_or(100_000);
    let dir = tempfile::TempDir::new().unwrap();
    let path = dir.path().join("bench.sqlite3");
    let api = Api::new(&path);
    let started = Instant::now();
    api.setup_demo_lived_in(NoArgs {}).unwrap();
    println!("lived-in demo made in {:.1?}", started.elapsed());

    let today = Local::now().date_naive();
    let started = Instant::now();
    {
        let mut store = Store::open(&path).unwrap();
        let item = "社会救助/最低生活保障/低保对象认定";
        store
            .bench_fill_records(
                item,
                (0..records).map(|i| {
                    // Formed over the last three years; one in fifty still a draft.
                    let formed = today - Days::new(i % 1095);
                    let due = formed + Days::new(28);
                    let published = (i % 50 != 0).then(|| formed + Days::new(i % 20));
                    (
                        format!("第 {i} 号低保对象认定结果公示"),
                        formed,
                        due,
                        published,
                    )
                }),
            )
            .unwrap();
    }
    println!("{records} records added in {:.1?}", started.elapsed());

    let first = api.home_todo(NoArgs {}).unwrap();
    println!(
        "待办: {} rows, {} records overdue or due soon",
        first.rows.len(),
        first.records_due
    );
    let mut times: Vec<Duration> = (0..RUNS)
        .map(|_| {
            let started = Instant::now();
            let todo = api.home_todo(NoArgs {}).unwrap();
            let took = started.elapsed();
            assert_eq!(todo.rows.len(), first.rows.len());
            took
        })
        .collect();
    times.sort();
    let median = times[RUNS / 2];
    let p95 = times[RUNS * 95 / 100];
    println!(
        "home_todo over {records} records: median {:.1} ms, p95 {:.1} ms (goal < 100 ms)",
        median.as_secs_f64() * 1000.0,
        p95.as_secs_f64() * 1000.0
    );
}
