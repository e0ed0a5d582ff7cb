//! Crash safety of the operations that write (issue 10): the `gongkai` binary is killed with
//! SIGKILL at seeded random points of an import, a post, an archive and a sync, again and again
//! on the same database, and after every kill the database opens with the real `Store::open`
//! (`gongkai check`: migrations, integrity), has no broken foreign key, and holds all or nothing
//! of the interrupted operation. A sync run to completion afterwards leaves the portal with
//! each entry exactly once, and the township with each county notice once.
//!
//! Where the kill lands: half of the kills at a uniform point of the first three quarters of
//! the operation's whole run, half at a uniform point of the first three quarters of its
//! writing, which starts when the database's write-ahead log first holds something new (polled
//! every 100 µs). Both lengths are measured first on a run of the same operation let finish (for
//! sync, on a copy of the township against a portal of its own). No hook in the binary. The seed
//! is printed; `GONGKAI_CRASH_SEED` replays it, `GONGKAI_CRASH_KILLS` sets the kills per
//! operation (default 12).
//!
//! (`cli.rs` has the older marker-based crash test: a writer of single-row transactions killed
//! when it announces a write.)

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::print_stderr
)]

mod support;

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use gongkai_api::Api;
use gongkai_api::wire::{NoArgs, PayoutImportArgs, PayoutPostArgs};
use gongkai_portal::db;
use gongkai_sync::Stream;
use rusqlite::{Connection, OptionalExtension};
use support::{County, Rng, gongkai, id, json, path, said};
use tempfile::TempDir;

fn seed() -> u64 {
    std::env::var("GONGKAI_CRASH_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(20261201)
}

fn kills() -> u64 {
    std::env::var("GONGKAI_CRASH_KILLS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(12)
}

/// How long an operation ran, and how long it wrote (from the WAL's first growth to exit).
#[derive(Debug, Clone, Copy)]
struct Timing {
    whole: Duration,
    writing: Duration,
}

/// The write-ahead log's length and time of change. Writing has begun when the log holds
/// something and either changed: opening the database only creates it empty, and a reset log
/// is rewritten from its start without growing.
fn wal_len(db: &Path) -> (u64, Option<std::time::SystemTime>) {
    std::fs::metadata(format!("{}-wal", db.display()))
        .map_or((0, None), |m| (m.len(), m.modified().ok()))
}

fn writing_since(db: &Path, before: (u64, Option<std::time::SystemTime>)) -> bool {
    let now = wal_len(db);
    now.0 > 0 && now != before
}

/// Runs `gongkai args` on `db` to the end, timing it.
fn measure(db: &Path, args: &[&str]) -> Timing {
    let start = Instant::now();
    let wal_before = wal_len(db);
    let mut child = spawn(args);
    let mut writing_from = None;
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            assert!(status.success(), "gongkai {args:?}: {status}");
            break;
        }
        if writing_from.is_none() && writing_since(db, wal_before) {
            writing_from = Some(Instant::now());
        }
        std::thread::sleep(Duration::from_micros(100));
    }
    let end = Instant::now();
    Timing {
        whole: end - start,
        writing: end - writing_from.unwrap_or(start),
    }
}

fn spawn(args: &[&str]) -> std::process::Child {
    Command::new(env!("CARGO_BIN_EXE_gongkai"))
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap()
}

/// Where one kill was aimed, and whether it landed before the process ended.
#[derive(Debug)]
struct Kill {
    aim: String,
    killed: bool,
}

/// Runs `gongkai args` on `db` and kills it (SIGKILL) at a point drawn from `rng`: for even
/// `round` anywhere in its run, for odd ones while it writes.
fn kill_at_random(db: &Path, args: &[&str], timing: Timing, rng: &mut Rng, round: u64) -> Kill {
    let while_writing = round % 2 == 1;
    let span = if while_writing {
        timing.writing
    } else {
        timing.whole
    };
    // Within the first three quarters: a run on a busy machine may be quicker than the timed one.
    let delay = Duration::from_micros(rng.below((span.as_micros() * 3 / 4).max(1) as u64));
    let wal_before = wal_len(db);
    let mut child = spawn(args);
    let start = Instant::now();
    let mut clock_from = (!while_writing).then_some(start);
    let deadline = start + Duration::from_secs(60);
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            assert!(
                status.success(),
                "gongkai {args:?} failed by itself: {status}"
            );
            return Kill {
                aim: format!(
                    "{}+{delay:?}",
                    if while_writing { "write" } else { "start" }
                ),
                killed: false,
            };
        }
        if clock_from.is_none() && writing_since(db, wal_before) {
            clock_from = Some(Instant::now());
        }
        if clock_from.is_some_and(|from| from.elapsed() >= delay) {
            break;
        }
        assert!(
            Instant::now() < deadline,
            "gongkai {args:?} ran for a minute"
        );
        std::thread::sleep(Duration::from_micros(100));
    }
    child.kill().unwrap(); // SIGKILL: no destructor, no rollback, no flush.
    let status = child.wait().unwrap();
    {
        use std::os::unix::process::ExitStatusExt;
        Kill {
            aim: format!(
                "{}+{delay:?}",
                if while_writing { "write" } else { "start" }
            ),
            killed: status.signal() == Some(9),
        }
    }
}

/// The database opens with the real `Store::open` and passes `gongkai check`; no foreign key
/// points nowhere. Returns a plain connection to look further.
fn sound(db: &Path, context: &str) -> Connection {
    let out = gongkai(&["check", "--db", path(db), "--json"]);
    assert!(
        out.status.success() && json(&out)["ok"] == true,
        "{context}: gongkai check: {}",
        said(&out)
    );
    let conn = Connection::open(db).unwrap();
    let broken: i64 = conn
        .query_row("SELECT count(*) FROM pragma_foreign_key_check", [], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(
        broken, 0,
        "{context}: rows whose foreign key points nowhere"
    );
    conn
}

fn count(conn: &Connection, sql: &str, param: &str) -> i64 {
    conn.query_row(sql, [param], |r| r.get(0)).unwrap()
}

fn count_all(conn: &Connection, sql: &str) -> i64 {
    conn.query_row(sql, [], |r| r.get(0)).unwrap()
}

/// A CSV list of `rows` people spread over the demo villages.
fn list_csv(file: &Path, first: u32, rows: u32) {
    const VILLAGES: [&str; 3] = ["东山村", "西河村", "南岭村"];
    let mut text = String::from("村名,姓名,身份证号,金额\n");
    for n in first..first + rows {
        let name = format!(
            "{}{}",
            ['张', '王', '李', '赵'][(n % 4) as usize],
            ['伟', '芳', '娜', '敏', '静', '强'][(n / 4 % 6) as usize]
        );
        text += &format!(
            "{},{name},{},{}.50\n",
            VILLAGES[(n % 3) as usize],
            id(n),
            100 + n % 50
        );
    }
    std::fs::write(file, text).unwrap();
}

/// The plain demo township: its villages, nothing else.
fn demo(dir: &Path) -> PathBuf {
    let db = dir.join("示范镇.sqlite3");
    Api::new(&db).setup_demo(NoArgs {}).unwrap();
    db
}

fn import(api: &Api, file: &Path, project: &str) -> String {
    let report = api
        .payouts_import(PayoutImportArgs {
            path: path(file).to_owned(),
            project: Some(project.to_owned()),
            year: Some(2025),
            ..Default::default()
        })
        .unwrap();
    assert!(
        report.errors.is_empty(),
        "fixture list refused: {}",
        report.errors[0].message
    );
    report.list_id.unwrap()
}

fn post(api: &Api, list: &str) {
    api.payouts_post(PayoutPostArgs {
        list_id: list.to_owned(),
        posted_on: Some("2025-11-01".to_owned()),
        notice_days: Some(7),
    })
    .unwrap();
}

fn copy_db(from: &Path, to: &Path) {
    std::fs::copy(from, to).unwrap();
    let wal = format!("{}-wal", from.display());
    if Path::new(&wal).exists() {
        std::fs::copy(&wal, format!("{}-wal", to.display())).unwrap();
    }
}

/// Kills the operation `args_for(round)` `kills()` times, checking after each kill with
/// `check(conn, round, killed)`. Returns what happened, for the log.
fn crash_rounds(
    name: &str,
    db: &Path,
    timing: Timing,
    args_for: &dyn Fn(u64) -> Vec<String>,
    check: &dyn Fn(&Connection, u64, &str),
) -> Vec<Kill> {
    let seed = seed();
    let mut rng = Rng::new(seed ^ name.len() as u64);
    let mut log = Vec::new();
    for round in 0..kills() {
        let args = args_for(round);
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let kill = kill_at_random(db, &args, timing, &mut rng, round);
        let context = format!(
            "seed {seed} (GONGKAI_CRASH_SEED), {name} round {round}, kill at {} ({})",
            kill.aim,
            if kill.killed {
                "killed"
            } else {
                "had finished"
            }
        );
        let conn = sound(db, &context);
        check(&conn, round, &context);
        log.push(kill);
    }
    let killed = log.iter().filter(|k| k.killed).count();
    eprintln!(
        "{name}: seed {seed}, {timing:?}, {killed} of {} runs killed: {log:?}",
        log.len()
    );
    assert!(
        killed * 4 >= log.len(),
        "{name}: a quarter of the kills at least should land before the end (seed {seed}): {log:?}"
    );
    log
}

#[test]
fn an_import_killed_anywhere_leaves_the_whole_list_or_none_of_it() {
    const ROWS: u32 = 10_000;
    let dir = TempDir::new().unwrap();
    let db = demo(dir.path());
    let file = dir.path().join("清册.csv");
    list_csv(&file, 0, ROWS);
    let import_args = |project: &str| {
        vec![
            "payouts".to_owned(),
            "import".to_owned(),
            path(&file).to_owned(),
            "--db".to_owned(),
            path(&db).to_owned(),
            "--project".to_owned(),
            project.to_owned(),
            "--year".to_owned(),
            "2025".to_owned(),
        ]
    };
    // Timed on the second import: the first also makes the installation key.
    let timing = ["预热", "测时"].map(|project| {
        let args = import_args(project);
        measure(&db, &args.iter().map(String::as_str).collect::<Vec<_>>())
    })[1];
    // Each round imports the same people under a project of its own: a new list each time.
    crash_rounds(
        "import",
        &db,
        timing,
        &|round| import_args(&format!("项目{round}")),
        &|conn, round, context| {
            let project = format!("项目{round}");
            let lists = count(
                conn,
                "SELECT count(*) FROM payout_list WHERE project = ?1",
                &project,
            );
            assert!(lists <= 1, "{context}: {lists} lists");
            let rows = count(
                conn,
                "SELECT count(*) FROM payout_row r JOIN payout_list l ON l.id = r.list_id
                 WHERE l.project = ?1",
                &project,
            );
            assert_eq!(rows, lists * i64::from(ROWS), "{context}: rows of the list");
            let logged = count(
                conn,
                "SELECT count(*) FROM change_log c JOIN payout_list l ON c.entity_id = l.id
                 WHERE c.entity = 'payout_list' AND l.project = ?1",
                &project,
            );
            assert_eq!(
                logged.min(1),
                lists,
                "{context}: the list's change is logged with it"
            );
            // Every list ever written is whole.
            let short = count_all(
                conn,
                "SELECT count(*) FROM payout_list l WHERE l.row_count !=
                 (SELECT count(*) FROM payout_row r WHERE r.list_id = l.id)",
            );
            assert_eq!(short, 0, "{context}: a list without all its rows");
        },
    );
}

#[test]
fn a_post_or_an_archive_killed_anywhere_is_done_whole_or_not_at_all() {
    let dir = TempDir::new().unwrap();
    let db = demo(dir.path());
    let lists: Vec<String> = {
        let api = Api::new(&db);
        (0..=kills())
            .map(|k| {
                let file = dir.path().join(format!("{k}.csv"));
                list_csv(&file, k as u32 * 40, 40);
                import(&api, &file, &format!("项目{k}"))
            })
            .collect()
    };
    let post_args = |list: &str| {
        [
            "payouts",
            "post",
            "--db",
            path(&db),
            "--list",
            list,
            "--on",
            "2025-11-01",
            "--days",
            "7",
        ]
        .map(str::to_owned)
        .to_vec()
    };
    let last = lists.last().unwrap().clone();
    let timing = measure(
        &db,
        &post_args(&last)
            .iter()
            .map(String::as_str)
            .collect::<Vec<_>>(),
    );
    let villages_of = |conn: &Connection, list: &str| {
        count(
            conn,
            "SELECT count(DISTINCT village_id) FROM payout_row WHERE list_id = ?1",
            list,
        )
    };
    crash_rounds(
        "post",
        &db,
        timing,
        &|round| post_args(&lists[round as usize]),
        &|conn, round, context| {
            let list = &lists[round as usize];
            let status: String = conn
                .query_row(
                    "SELECT status FROM payout_list WHERE id = ?1",
                    [list],
                    |r| r.get(0),
                )
                .unwrap();
            let postings = count(
                conn,
                "SELECT count(*) FROM payout_posting WHERE list_id = ?1",
                list,
            );
            let queued = count(
                conn,
                "SELECT count(*) FROM sync_outbox WHERE object_id = ?1",
                list,
            );
            match status.as_str() {
                "draft" => assert_eq!((postings, queued), (0, 0), "{context}: a draft half posted"),
                "posted" => assert_eq!(
                    (postings, queued),
                    (villages_of(conn, list), 1),
                    "{context}: posted without all its postings and its outbox entry"
                ),
                other => panic!("{context}: status {other}"),
            }
        },
    );

    // Archive: every list posted (its 公示期 long over), then archived under fire.
    {
        let api = Api::new(&db);
        let conn = Connection::open(&db).unwrap();
        for list in &lists {
            let status: String = conn
                .query_row(
                    "SELECT status FROM payout_list WHERE id = ?1",
                    [list],
                    |r| r.get(0),
                )
                .unwrap();
            if status == "draft" {
                post(&api, list);
            }
        }
    }
    let archive_args = |list: &str| {
        [
            "payouts",
            "archive",
            "--db",
            path(&db),
            "--list",
            list,
            "--hotline",
            "0797-1234567",
        ]
        .map(str::to_owned)
        .to_vec()
    };
    let timing = measure(
        &db,
        &archive_args(&last)
            .iter()
            .map(String::as_str)
            .collect::<Vec<_>>(),
    );
    crash_rounds(
        "archive",
        &db,
        timing,
        &|round| archive_args(&lists[round as usize]),
        &|conn, round, context| {
            let list = &lists[round as usize];
            let status: String = conn
                .query_row(
                    "SELECT status FROM payout_list WHERE id = ?1",
                    [list],
                    |r| r.get(0),
                )
                .unwrap();
            let archive: Option<String> = conn
                .query_row(
                    "SELECT rows_sha256 FROM payout_archive WHERE list_id = ?1",
                    [list],
                    |r| r.get(0),
                )
                .optional()
                .unwrap();
            let files = count(
                conn,
                "SELECT count(*) FROM payout_archive_file WHERE list_id = ?1",
                list,
            );
            match status.as_str() {
                "posted" => assert_eq!((archive, files), (None, 0), "{context}: half archived"),
                "archived" => {
                    assert!(
                        archive.is_some(),
                        "{context}: archived without its fingerprint"
                    );
                    assert_eq!(
                        files,
                        villages_of(conn, list),
                        "{context}: archived notices"
                    );
                }
                other => panic!("{context}: status {other}"),
            }
        },
    );
}

/// The portal's entries of the township: (all, distinct ids).
fn portal_entries(county: &County) -> Vec<String> {
    let conn = db::open(&county.db).unwrap();
    let mut stmt = conn.prepare("SELECT id FROM entry ORDER BY id").unwrap();
    stmt.query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap()
}

fn outbox(conn: &Connection) -> (Vec<String>, Vec<String>, i64) {
    let ids = |sql: &str| -> Vec<String> {
        let mut stmt = conn.prepare(sql).unwrap();
        stmt.query_map([], |r| r.get(0))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap()
    };
    let all = ids("SELECT entry_id FROM sync_outbox ORDER BY entry_id");
    let acked =
        ids("SELECT entry_id FROM sync_outbox WHERE acked_at IS NOT NULL ORDER BY entry_id");
    let rejected = conn
        .query_row(
            "SELECT count(*) FROM sync_outbox WHERE rejected IS NOT NULL",
            [],
            |r| r.get(0),
        )
        .unwrap();
    (all, acked, rejected)
}

/// What a township has made for the county, and the county for it.
#[derive(Default)]
struct Work {
    lists: u32,
    notices: u32,
}

impl Work {
    const LISTS_PER_ROUND: u32 = 4;

    /// More to push (posted lists) and to pull (county notices).
    fn add(&mut self, db: &Path, dir: &Path, county: &County) {
        let api = &Api::new(db);
        for _ in 0..Self::LISTS_PER_ROUND {
            let file = dir.join(format!("{}.csv", self.lists));
            list_csv(&file, 5_000 + self.lists * 60, 60);
            let list = import(api, &file, &format!("项目{}", self.lists));
            post(api, &list);
            self.lists += 1;
        }
        let mut conn = db::open(&county.db).unwrap();
        for _ in 0..2 {
            self.notices += 1;
            let n = self.notices;
            let notice = serde_json::json!({
                "version": format!("通知{n}"),
                "title": format!("关于第{n}批事项的通知"),
                "body": "请按时报送。",
                "published_on": "2026-11-22"
            });
            db::publish(&mut conn, Stream::Notices, &notice.to_string()).unwrap();
        }
    }
}

#[test]
fn a_sync_killed_anywhere_loses_and_duplicates_nothing() {
    let dir = TempDir::new().unwrap();
    let db = demo(dir.path());
    let county = County::start(&dir.path().join("county.sqlite3"));
    county.register(&db);
    let mut work = Work::default();
    work.add(&db, dir.path(), &county);

    // Timed on a copy, against a portal of its own that knows the same key.
    let timing = {
        let copy = dir.path().join("copy.sqlite3");
        copy_db(&db, &copy);
        let other = County::start(&dir.path().join("other-county.sqlite3"));
        other.register(&copy);
        Work {
            lists: 100,
            notices: 100,
        }
        .add(&copy, dir.path(), &other);
        measure(
            &copy,
            &["sync", "--db", path(&copy), "--portal", &other.url()],
        )
    };
    let url = county.url();
    let sync_args = |_| {
        ["sync", "--db", path(&db), "--portal", &url]
            .map(str::to_owned)
            .to_vec()
    };
    let mut rng = Rng::new(seed() ^ 0x5c);
    let mut log = Vec::new();
    for round in 0..kills() {
        work.add(&db, dir.path(), &county);
        let args = sync_args(round);
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let kill = kill_at_random(&db, &args, timing, &mut rng, round);
        let context = format!(
            "seed {} (GONGKAI_CRASH_SEED), sync round {round}, kill at {} ({})",
            seed(),
            kill.aim,
            if kill.killed {
                "killed"
            } else {
                "had finished"
            }
        );
        let conn = sound(&db, &context);
        let (all, acked, rejected) = outbox(&conn);
        assert_eq!(rejected, 0, "{context}: refused entries");
        assert_eq!(
            all.len() as u32,
            work.lists,
            "{context}: outbox entries lost or made up"
        );
        let held = portal_entries(&county);
        let mut distinct = held.clone();
        distinct.dedup();
        assert_eq!(
            held.len(),
            distinct.len(),
            "{context}: an entry stored twice"
        );
        assert!(
            held.iter().all(|e| all.binary_search(e).is_ok()),
            "{context}: the portal holds an entry the township never wrote"
        );
        assert!(
            acked.iter().all(|e| held.binary_search(e).is_ok()),
            "{context}: acknowledged but not at the portal"
        );
        let applied = count(
            &conn,
            "SELECT count(*) FROM sync_applied WHERE stream = ?1",
            "notices",
        );
        let kept = count_all(&conn, "SELECT count(*) FROM county_notice");
        assert_eq!(
            applied, kept,
            "{context}: county notices kept and applied differ"
        );
        drop(conn);
        log.push(kill);
    }
    let killed = log.iter().filter(|k| k.killed).count();
    eprintln!(
        "sync: seed {}, {timing:?}, {killed} of {} runs killed: {log:?}",
        seed(),
        log.len()
    );
    assert!(
        killed * 4 >= log.len(),
        "sync: a quarter of the kills at least should land before the end: {log:?}"
    );

    // One run to the end: both sides agree.
    let out = gongkai(&["sync", "--db", path(&db), "--portal", &url, "--json"]);
    assert!(out.status.success(), "{}", said(&out));
    assert_eq!(json(&out)["pending"], 0, "{}", said(&out));
    let conn = sound(&db, "after the final sync");
    let (all, acked, _) = outbox(&conn);
    assert_eq!(all.len() as u32, work.lists);
    assert_eq!(acked, all, "everything acknowledged");
    assert_eq!(
        portal_entries(&county),
        all,
        "the portal holds each entry exactly once"
    );
    let kept = count_all(&conn, "SELECT count(*) FROM county_notice");
    assert_eq!(kept, i64::from(work.notices), "each county notice once");
}
