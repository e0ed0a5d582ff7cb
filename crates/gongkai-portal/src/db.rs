//! The portal's SQLite file: opening and migrating, the admin operations, and the protocol's
//! writes (each one immediate transaction).

use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::{
    Connection, OptionalExtension, Savepoint, Transaction, TransactionBehavior, params,
};
use serde::{Deserialize, Serialize};

use gongkai_sync::auth::{AuthError, RequestAuth};
use gongkai_sync::check::{EntryHead, check_received};
use gongkai_sync::payload::{AnnualReportFigures, FigureColumn, FigureRow, Payload};
use gongkai_sync::types::{
    AttachmentStatus, CalendarPublication, CatalogPublication, CountyChange, ErrorCode, Kind,
    NoticePublication, Op, PullResponse, PushAck, RejectCode, Rejection, Stream,
};
use gongkai_sync::{
    MAX_ATTACHMENT_BYTES, MAX_BATCH_ENTRIES, MAX_CHUNK_BYTES, MAX_ENTRY_JSON_BYTES, MAX_JSON_BYTES,
    PROTOCOL_VERSION,
};

use crate::PortalError;

struct Migration {
    version: u32,
    name: &'static str,
    sql: &'static str,
}

const MIGRATIONS: &[Migration] = &[
    Migration {
        version: 1,
        name: "portal",
        sql: include_str!("migrations/0001_portal.sql"),
    },
    Migration {
        version: 2,
        name: "payout_village",
        sql: include_str!("migrations/0002_payout_village.sql"),
    },
    Migration {
        version: 3,
        name: "boards",
        sql: include_str!("migrations/0003_boards.sql"),
    },
    Migration {
        version: 4,
        name: "payout_page",
        sql: include_str!("migrations/0004_payout_page.sql"),
    },
    Migration {
        version: 5,
        name: "annual_report",
        sql: include_str!("migrations/0005_annual_report.sql"),
    },
];

/// The schema version this build migrates a portal file to (`gongkai-portal --version`).
pub const LATEST_VERSION: u32 = MIGRATIONS[MIGRATIONS.len() - 1].version;

const APPLICATION_ID: i32 = 0x474b_5054; // "GKPT"

/// Opens (creating if needed) and migrates the portal database: WAL, foreign keys, full sync,
/// busy timeout; each migration in one transaction with its bookkeeping row and user_version.
pub fn open(path: &std::path::Path) -> Result<Connection, PortalError> {
    let mut conn = Connection::open(path)?;
    conn.busy_timeout(std::time::Duration::from_secs(10))?;
    conn.pragma_update(None, "journal_mode", "WAL")?;
    conn.pragma_update(None, "foreign_keys", "ON")?;
    conn.pragma_update(None, "synchronous", "FULL")?;
    let app: i32 = conn.pragma_query_value(None, "application_id", |r| r.get(0))?;
    let version: u32 = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
    if version > 0 && app != APPLICATION_ID {
        return Err(PortalError::Usage(format!(
            "“{}”不是县级平台数据库",
            path.display()
        )));
    }
    if version as usize > MIGRATIONS.len() {
        return Err(PortalError::Usage(format!(
            "数据库版本 {version} 比本程序新（{}），请升级县级平台程序",
            MIGRATIONS.len()
        )));
    }
    for migration in MIGRATIONS.iter().filter(|m| m.version > version) {
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        tx.execute_batch(
            "CREATE TABLE IF NOT EXISTS schema_migration (
                version INTEGER PRIMARY KEY NOT NULL, name TEXT NOT NULL, applied_at TEXT NOT NULL
            ) STRICT",
        )?;
        tx.execute_batch(migration.sql)?;
        tx.execute(
            "INSERT INTO schema_migration (version, name, applied_at) VALUES (?1, ?2, ?3)",
            params![migration.version, migration.name, now_text()],
        )?;
        tx.pragma_update(None, "application_id", APPLICATION_ID)?;
        tx.pragma_update(None, "user_version", migration.version)?;
        tx.commit()?;
    }
    render_missing_payout_pages(&mut conn)?;
    Ok(conn)
}

/// Renders the page of every payout list in force that has none: the lists received before
/// migration 4 made pages at push time. Each in its own transaction, so a county's file is
/// upgraded list by list; afterwards this is one indexed query per open.
fn render_missing_payout_pages(conn: &mut Connection) -> Result<(), PortalError> {
    let missing: Vec<(String, String)> = conn
        .prepare(
            "SELECT h.township, h.entry_id FROM object_head h
             WHERE h.kind = 'payout_list' AND h.withdrawn = 0
               AND NOT EXISTS (SELECT 1 FROM payout_page p
                               WHERE p.township = h.township AND p.object_id = h.object_id)",
        )?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    for (township, entry_id) in missing {
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        match stored_entry(&tx, &township, &entry_id) {
            Ok(entry) => keep_payout_page(&tx, &township, &entry)
                .map_err(|refusal| PortalError::Usage(refusal.message))?,
            // Unreadable as stored: it stays without a page (404), as before the upgrade.
            Err(_) => continue,
        }
        tx.commit()?;
    }
    Ok(())
}

/// A read-only connection to a portal file `open` has already migrated (the public pages'
/// pool, the page cache's watch). It cannot write, whatever a bug would make it try.
pub fn open_reader(path: &std::path::Path) -> Result<Connection, PortalError> {
    use rusqlite::OpenFlags;
    let conn = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )?;
    conn.busy_timeout(std::time::Duration::from_secs(10))?;
    Ok(conn)
}

/// Moves whenever another connection (of this process or another) commits a change.
pub fn data_version(conn: &Connection) -> rusqlite::Result<i64> {
    conn.pragma_query_value(None, "data_version", |r| r.get(0))
}

fn now_text() -> String {
    Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

/// Rolls back a transaction left open on `conn` (by a handler that panicked before its
/// `Transaction` could drop); nothing to do when none is.
pub fn roll_back_open_transaction(conn: &Connection) -> rusqlite::Result<()> {
    if conn.is_autocommit() {
        return Ok(());
    }
    conn.execute_batch("ROLLBACK")
}

fn immediate(conn: &mut Connection) -> Result<Transaction<'_>, PortalError> {
    Ok(conn.transaction_with_behavior(TransactionBehavior::Immediate)?)
}

// ---- admin -------------------------------------------------------------------------------

pub fn township_add(
    conn: &mut Connection,
    code: &str,
    name: &str,
    public_key: &str,
) -> Result<(), PortalError> {
    if !(6..=12).contains(&code.len()) || !code.bytes().all(|b| b.is_ascii_digit()) {
        return Err(PortalError::Usage(format!(
            "乡镇代码“{code}”应为 6–12 位数字"
        )));
    }
    if name.trim().is_empty() {
        return Err(PortalError::Usage("乡镇名称不能为空".to_owned()));
    }
    let key: gongkai_sync::PublicKey = public_key
        .parse()
        .map_err(|e: gongkai_sync::SyncError| PortalError::Usage(e.to_string()))?;
    let tx = immediate(conn)?;
    let exists: Option<String> = tx
        .query_row("SELECT status FROM township WHERE code = ?1", [code], |r| {
            r.get(0)
        })
        .optional()?;
    match exists.as_deref() {
        Some("active") => {
            return Err(PortalError::Usage(format!(
                "乡镇“{code}”已登记；换钥请先撤销（township revoke）再登记"
            )));
        }
        // Re-registration after a revocation: a new key, sequence numbers carry on.
        Some(_) => {
            tx.execute(
                "UPDATE township SET name = ?2, public_key = ?3, key_id = ?4, status = 'active',
                 revoked_at = NULL WHERE code = ?1",
                params![code, name.trim(), key.to_string(), key.key_id()],
            )?;
        }
        None => {
            tx.execute(
                "INSERT INTO township (code, name, public_key, key_id, status, added_at)
                 VALUES (?1, ?2, ?3, ?4, 'active', ?5)",
                params![code, name.trim(), key.to_string(), key.key_id(), now_text()],
            )?;
        }
    }
    tx.commit()?;
    Ok(())
}

pub fn township_revoke(conn: &mut Connection, code: &str) -> Result<(), PortalError> {
    let tx = immediate(conn)?;
    let changed = tx.execute(
        "UPDATE township SET status = 'revoked', revoked_at = ?2 WHERE code = ?1 AND status = 'active'",
        params![code, now_text()],
    )?;
    if changed == 0 {
        return Err(PortalError::Usage(format!("没有在用的乡镇“{code}”")));
    }
    tx.commit()?;
    Ok(())
}

/// Publishes a county change on `stream`; the payload is checked against the stream's type.
pub fn publish(conn: &mut Connection, stream: Stream, json: &str) -> Result<String, PortalError> {
    let bad = |e: serde_json::Error| PortalError::Usage(format!("发布文件格式不正确：{e}"));
    let (version, payload) = match stream {
        Stream::Catalog => {
            let p: CatalogPublication = serde_json::from_str(json).map_err(bad)?;
            for item in &p.items {
                let parts: Vec<&str> = item.key.split('/').collect();
                if parts.len() != 3 || parts.iter().any(|s| s.trim().is_empty()) {
                    return Err(PortalError::Usage(format!(
                        "事项“{}”应为“领域/一级事项/二级事项”",
                        item.key
                    )));
                }
                if item.op == Op::Upsert && !item.item.as_ref().is_some_and(|v| v.is_object()) {
                    return Err(PortalError::Usage(format!(
                        "事项“{}”缺少内容（item）",
                        item.key
                    )));
                }
            }
            (p.version.clone(), serde_json::to_string(&p))
        }
        Stream::Calendar => {
            let p: CalendarPublication = serde_json::from_str(json).map_err(bad)?;
            if let Some(day) = p.days.iter().find(|d| {
                !gongkai_sync::check::is_date(&d.date) || !d.date.starts_with(&p.year.to_string())
            }) {
                return Err(PortalError::Usage(format!(
                    "日期“{}”不是 {} 年的 YYYY-MM-DD",
                    day.date, p.year
                )));
            }
            (p.version.clone(), serde_json::to_string(&p))
        }
        Stream::Notices => {
            let p: NoticePublication = serde_json::from_str(json).map_err(bad)?;
            if p.title.trim().is_empty() || !gongkai_sync::check::is_date(&p.published_on) {
                return Err(PortalError::Usage("通知标题或发布日期不正确".to_owned()));
            }
            (p.version.clone(), serde_json::to_string(&p))
        }
    };
    let payload = payload.map_err(|e| PortalError::Usage(e.to_string()))?;
    if version.trim().is_empty() {
        return Err(PortalError::Usage("版本号（version）不能为空".to_owned()));
    }
    let id = uuid::Uuid::now_v7().to_string();
    let tx = immediate(conn)?;
    let taken: bool = tx.query_row(
        "SELECT EXISTS (SELECT 1 FROM county_change WHERE stream = ?1 AND version = ?2)",
        params![stream.key(), version],
        |r| r.get(0),
    )?;
    if taken {
        return Err(PortalError::Usage(format!("版本“{version}”已发布过")));
    }
    tx.execute(
        "INSERT INTO county_change (id, stream, kind, op, version, payload, published_at)
         VALUES (?1, ?2, ?3, 'upsert', ?4, ?5, ?6)",
        params![
            id,
            stream.key(),
            stream.kind().key(),
            version,
            payload,
            now_text()
        ],
    )?;
    tx.commit()?;
    Ok(id)
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TownshipStats {
    pub code: String,
    pub name: String,
    pub status: String,
    pub records: i64,
    pub payout_rows: i64,
    /// RFC 3339, empty when never synced.
    pub last_sync: String,
    /// Sheets on the boards today: posted, not taken down, within their notice period.
    pub postings_up: i64,
    /// Villages (and `乡镇本级` for the township's own boards) with a board overdue today, by
    /// the portal's rule (`crate::boards`), in code order.
    pub overdue_villages: Vec<String>,
}

/// What `stats --json` and the index page show, with the boards judged on today's Beijing date.
pub fn stats(conn: &Connection) -> Result<Vec<TownshipStats>, PortalError> {
    stats_on(conn, crate::boards::beijing_today())
}

pub fn stats_on(conn: &Connection, today: NaiveDate) -> Result<Vec<TownshipStats>, PortalError> {
    let today_text = today.to_string();
    let mut stmt = conn.prepare(
        "SELECT t.code, t.name, t.status, COALESCE(t.last_sync, ''),
            (SELECT count(*) FROM object_head h WHERE h.township = t.code AND h.kind = 'record' AND h.withdrawn = 0),
            (SELECT COALESCE(sum(row_count), 0) FROM object_head h WHERE h.township = t.code AND h.kind = 'payout_list' AND h.withdrawn = 0),
            (SELECT count(*) FROM board_posting b WHERE b.township = t.code AND b.status = 'posted'
               AND b.notice_from <= ?1 AND b.notice_to >= ?1)
         FROM township t ORDER BY t.code",
    )?;
    let rows = stmt.query_map([&today_text], |r| {
        Ok(TownshipStats {
            code: r.get(0)?,
            name: r.get(1)?,
            status: r.get(2)?,
            last_sync: r.get(3)?,
            records: r.get(4)?,
            payout_rows: r.get(5)?,
            postings_up: r.get(6)?,
            overdue_villages: Vec::new(),
        })
    })?;
    let mut stats: Vec<TownshipStats> = rows.collect::<Result<_, _>>()?;
    for township in &mut stats {
        let zones = periodic_postings(conn, &township.code)?;
        let mut villages: Vec<(String, String)> = crate::boards::overdue_zones(&zones, today)
            .into_iter()
            .map(|z| (z.village_code, z.village_name))
            .collect();
        villages.dedup();
        township.overdue_villages = villages
            .into_iter()
            .map(|(code, name)| {
                if code.is_empty() {
                    "乡镇本级".to_owned()
                } else {
                    name
                }
            })
            .collect();
    }
    Ok(stats)
}

/// One township's 表三 of a year, as its annual report in force carries it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TownshipTable3 {
    pub code: String,
    pub name: String,
    pub title: String,
    pub figures: AnnualReportFigures,
}

/// The county's 表三 of a year: every cell summed over the townships that published their
/// report, and each township's own.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CountyTable3 {
    pub year: i32,
    pub columns: Vec<FigureColumn>,
    /// Each row's cells summed over `townships`, cell by cell (by row and column key).
    pub rows: Vec<FigureRow>,
    pub townships: Vec<TownshipTable3>,
}

/// The newest year any township's annual report in force is about.
pub fn latest_report_year(conn: &Connection) -> Result<Option<i32>, PortalError> {
    Ok(conn.query_row("SELECT max(year) FROM annual_report", [], |r| r.get(0))?)
}

/// 表三 of `year` summed over the townships: per township the report in force published last
/// (a township has one; a replaced one is withdrawn and gone from `annual_report`).
pub fn county_table3(conn: &Connection, year: i32) -> Result<CountyTable3, PortalError> {
    let mut stmt = conn.prepare(
        "SELECT a.township, t.name, a.title, a.table3 FROM annual_report a
         JOIN township t ON t.code = a.township
         WHERE a.year = ?1
         ORDER BY a.township, a.published_on DESC, a.object_id DESC",
    )?;
    let rows = stmt.query_map([year], |r| {
        Ok((
            r.get::<_, String>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, String>(2)?,
            r.get::<_, String>(3)?,
        ))
    })?;
    let mut townships: Vec<TownshipTable3> = Vec::new();
    for row in rows {
        let (code, name, title, table3) = row?;
        if townships.last().is_some_and(|t| t.code == code) {
            continue;
        }
        let figures: AnnualReportFigures = serde_json::from_str(&table3)
            .map_err(|e| PortalError::Usage(format!("乡镇 {code} 的年度报告表三无法读取：{e}")))?;
        townships.push(TownshipTable3 {
            code,
            name,
            title,
            figures,
        });
    }
    let mut county = CountyTable3 {
        year,
        columns: Vec::new(),
        rows: Vec::new(),
        townships: Vec::new(),
    };
    for township in &townships {
        add_table3(&mut county, &township.figures);
    }
    county.townships = townships;
    Ok(county)
}

/// Adds a township's cells to the county's by row and column key; a key the county has not
/// seen yet (another version of the format) gets its own row or column.
fn add_table3(county: &mut CountyTable3, figures: &AnnualReportFigures) {
    for column in &figures.columns {
        if !county.columns.iter().any(|c| c.key == column.key) {
            county.columns.push(column.clone());
            for row in &mut county.rows {
                row.cells.push(0);
            }
        }
    }
    for row in &figures.rows {
        let at = match county.rows.iter().position(|r| r.key == row.key) {
            Some(at) => at,
            None => {
                county.rows.push(FigureRow {
                    key: row.key.clone(),
                    label: row.label.clone(),
                    cells: vec![0; county.columns.len()],
                });
                county.rows.len() - 1
            }
        };
        for (column, count) in figures.columns.iter().zip(&row.cells) {
            if let Some(c) = county.columns.iter().position(|c| c.key == column.key) {
                county.rows[at].cells[c] += count;
            }
        }
    }
}

/// The posted sheets of a township's periodic zones, what `boards::overdue_zones` judges.
fn periodic_postings(
    conn: &Connection,
    township: &str,
) -> Result<Vec<crate::boards::ZonePosting>, PortalError> {
    let mut stmt = conn.prepare(
        "SELECT village_code, village_name, board_id, zone_id, cadence, due_day, period
         FROM board_posting
         WHERE township = ?1 AND posted_on IS NOT NULL AND period IS NOT NULL
           AND due_day IS NOT NULL AND cadence IN ('monthly', 'quarterly', 'half_yearly')
         ORDER BY village_code, board_id, zone_id",
    )?;
    let rows = stmt.query_map([township], |r| {
        let cadence: String = r.get(4)?;
        Ok((
            crate::boards::ZonePosting {
                village_code: r.get(0)?,
                village_name: r.get(1)?,
                board_id: r.get(2)?,
                zone_id: r.get(3)?,
                cadence: gongkai_sync::ZoneCadence::Monthly,
                due_day: r.get(5)?,
                period: r.get(6)?,
            },
            cadence,
        ))
    })?;
    let mut out = Vec::new();
    for row in rows {
        let (mut posting, cadence) = row?;
        let Ok(parsed) = serde_json::from_value(serde_json::Value::String(cadence)) else {
            continue;
        };
        posting.cadence = parsed;
        out.push(posting);
    }
    Ok(out)
}

// ---- protocol ----------------------------------------------------------------------------

/// A refusal of the API, turned into a status and a JSON error by the server.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApiRefusal {
    pub code: ErrorCode,
    pub message: String,
}

impl ApiRefusal {
    pub fn new(code: ErrorCode) -> Self {
        Self {
            code,
            message: code.message().to_owned(),
        }
    }

    pub fn with(code: ErrorCode, message: String) -> Self {
        Self { code, message }
    }

    /// A fault of the portal itself: logged with what failed and where (the caller's file and
    /// line); the township gets the plain 500 `{code: internal}` answer.
    #[track_caller]
    pub fn internal(what: &str, error: &dyn std::fmt::Display) -> Self {
        tracing::error!(
            at = %std::panic::Location::caller(),
            error = %error,
            "{what}"
        );
        Self::new(ErrorCode::Internal)
    }
}

impl From<AuthError> for ApiRefusal {
    fn from(e: AuthError) -> Self {
        Self::new(e.code())
    }
}

impl From<rusqlite::Error> for ApiRefusal {
    /// Every `?` on a database call lands here: the error is logged with the line of the `?`
    /// (and the request's span: method and path), the transaction rolls back as it drops.
    #[track_caller]
    fn from(e: rusqlite::Error) -> Self {
        Self::internal("数据库出错，请求未完成", &e)
    }
}

/// A request as the server saw it.
pub struct Signed<'a> {
    /// This portal's own public URL as requests are signed for it
    /// (`gongkai_sync::url::PortalUrl::signed_portal`).
    pub portal: &'a str,
    pub auth: &'a RequestAuth,
    pub method: &'a str,
    pub path_and_query: &'a str,
    pub body: &'a [u8],
}

/// What a signed request's headers alone can tell, checked before its body is read (on a
/// read connection): it was signed for this portal (`portal`, the portal's own public URL as
/// signed for), the township is registered and active, the key id is its key's, the sequence
/// number is not a replay. A stranger's request is refused without the portal reading (or
/// holding memory for) its body; `authenticate` checks all of it again, with the signature and
/// the body digest, in the write transaction. The time is checked there, once the sequence
/// number is consumed, so a request refused for its time cannot come back later.
pub fn check_headers(
    conn: &Connection,
    auth: &RequestAuth,
    portal: &str,
) -> Result<(), ApiRefusal> {
    check_portal(auth, portal)?;
    let row: Option<(String, String, i64)> = conn
        .query_row(
            "SELECT key_id, status, last_seq FROM township WHERE code = ?1",
            [&auth.township],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .optional()?;
    let Some((key_id, status, last_seq)) = row else {
        return Err(AuthError::UnknownTownship.into());
    };
    if status != "active" {
        return Err(AuthError::TownshipRevoked.into());
    }
    if key_id != auth.key_id {
        return Err(AuthError::BadSignature.into());
    }
    auth.check_replay(u64::try_from(last_seq).unwrap_or(0))?;
    Ok(())
}

/// A request signed for another portal, refused naming both, so whoever reads it sees which
/// address to correct (the township's portal URL, or this portal's `--public-url`).
fn check_portal(auth: &RequestAuth, portal: &str) -> Result<(), ApiRefusal> {
    auth.check_portal(portal).map_err(|_| {
        ApiRefusal::with(
            ErrorCode::WrongPortal,
            format!(
                "请求是发给“{}”的，本县级平台是“{portal}”：请核对工作台中填写的县级平台地址（或本平台的 --public-url 设置）",
                auth.portal
            ),
        )
    })
}

/// Checks the township, the portal signed for, the signature, the body digest and that the
/// sequence number is new, then consumes the number in `tx`. A refusal here consumes nothing:
/// the request is not the township's own as signed, or it is a replay.
fn authenticate(tx: &Transaction<'_>, req: &Signed<'_>) -> Result<(), ApiRefusal> {
    check_portal(req.auth, req.portal)?;
    let row: Option<(String, String, i64)> = tx
        .query_row(
            "SELECT public_key, status, last_seq FROM township WHERE code = ?1",
            [&req.auth.township],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .optional()?;
    let Some((key, status, last_seq)) = row else {
        return Err(AuthError::UnknownTownship.into());
    };
    if status != "active" {
        return Err(AuthError::TownshipRevoked.into());
    }
    let key: gongkai_sync::PublicKey = key
        .parse()
        .map_err(|e| ApiRefusal::internal("登记的乡镇公钥无法解析", &e))?;
    req.auth
        .verify(&key, req.portal, req.method, req.path_and_query, req.body)?;
    req.auth
        .check_replay(u64::try_from(last_seq).unwrap_or(0))?;
    let seq = i64::try_from(req.auth.seq).map_err(|_| ApiRefusal::new(ErrorCode::Malformed))?;
    tx.execute(
        "UPDATE township SET last_seq = ?2 WHERE code = ?1",
        params![req.auth.township, seq],
    )?;
    Ok(())
}

/// What the work of a signed request comes to: `Err` refuses the request and undoes the work;
/// `Ok(Err)` keeps what the work did and still refuses (a corrupt attachment's parts discarded).
type Work<T> = Result<Result<T, ApiRefusal>, ApiRefusal>;

/// Runs a signed request: `authenticate` consumes its sequence number, then the time is checked
/// and `work` runs in a savepoint. Whatever comes of it the number stays consumed, so the same
/// signed bytes sent again are a replay: a request refused for an entry, a bad cursor or its
/// time can never get another answer later (after the portal's clock or data changed). What is
/// refused is rolled back with the savepoint; what is kept records the township's sync time.
fn signed_work<T>(
    conn: &mut Connection,
    req: &Signed<'_>,
    now: DateTime<Utc>,
    work: impl FnOnce(&mut Savepoint<'_>) -> Work<T>,
) -> Result<T, ApiRefusal> {
    let mut tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    authenticate(&tx, req)?;
    let answer = {
        let mut done = tx.savepoint()?;
        match req.auth.check_clock(now) {
            Ok(()) => work(&mut done),
            Err(e) => Err(e.into()),
        }
        .and_then(|answer| {
            done.execute(
                "UPDATE township SET last_sync = ?2 WHERE code = ?1",
                params![
                    req.auth.township,
                    now.to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
                ],
            )?;
            done.commit()?;
            Ok(answer)
        })
        // Dropping `done` uncommitted rolls the work back; the consumed number stays.
    };
    tx.commit()?;
    answer?
}

/// `POST /v1/push`: authenticate, then store every entry not seen before, in one transaction.
/// A batch is kept whole or not at all: when any entry of it is refused, nothing of it is stored
/// (neither its entries nor its signed body, which holds the refused entry too); the answer
/// names the refusals and leaves the other new entries unanswered, so the township sends them
/// again without the refused one.
/// `refused` are township kinds this portal does not take (`serve --refuse-kind`): their
/// entries are answered `unknown_kind`, as a portal older than the kind answers them.
pub fn push(
    conn: &mut Connection,
    req: &Signed<'_>,
    now: DateTime<Utc>,
    refused: &[Kind],
) -> Result<PushAck, ApiRefusal> {
    signed_work(conn, req, now, |tx| push_batch(tx, req, now, refused))
}

fn push_batch(
    tx: &mut Savepoint<'_>,
    req: &Signed<'_>,
    now: DateTime<Utc>,
    refused: &[Kind],
) -> Work<PushAck> {
    let json = gongkai_sync::gzip::gunzip(req.body, MAX_JSON_BYTES).map_err(|e| match e {
        gongkai_sync::SyncError::TooLarge { .. } => ApiRefusal::new(ErrorCode::TooLarge),
        e => ApiRefusal::with(ErrorCode::Malformed, format!("请求格式不正确：{e}")),
    })?;
    let request: ReceivedPush<'_> = serde_json::from_slice(&json)
        .map_err(|e| ApiRefusal::with(ErrorCode::Malformed, format!("请求格式不正确：{e}")))?;
    if request.protocol != PROTOCOL_VERSION {
        return Err(ApiRefusal::new(ErrorCode::UnsupportedProtocol));
    }
    if request.township != req.auth.township {
        return Err(ApiRefusal::with(
            ErrorCode::Malformed,
            "请求体中的乡镇代码与签名头不一致".to_owned(),
        ));
    }
    if request.entries.len() > MAX_BATCH_ENTRIES {
        return Err(ApiRefusal::with(
            ErrorCode::TooLarge,
            format!("一批最多 {MAX_BATCH_ENTRIES} 条"),
        ));
    }
    let township = req.auth.township.as_str();
    let received = now.to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
    // The batch and its entries in a savepoint: rolled back when the batch is not kept, while
    // the sequence number (consumed by `authenticate`) stays consumed.
    let batch = tx.savepoint()?;
    batch.execute(
        "INSERT INTO push_batch (township, seq, sent_at, received_at, signing_input, signature, body)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        params![
            township,
            i64::try_from(req.auth.seq).unwrap_or(i64::MAX),
            req.auth.time,
            received,
            String::from_utf8_lossy(&req.auth.signing_input(req.method, req.path_and_query)),
            req.auth.signature,
            req.body,
        ],
    )?;
    let batch_id = batch.last_insert_rowid();
    let mut ack = PushAck {
        acked: Vec::new(),
        stored: 0,
        rejected: Vec::new(),
        kinds: Some(
            accepted_kinds()
                .filter(|k| !refused.contains(k))
                .map(|k| k.key().to_owned())
                .collect(),
        ),
    };
    // Entries held before this batch (acknowledged whatever becomes of it).
    let mut held_before: Vec<String> = Vec::new();
    let mut new_here: std::collections::HashSet<String> = std::collections::HashSet::new();
    for received_entry in request.entries {
        // One entry's payload read into its type at a time, dropped before the next.
        let entry = match received_entry.check(refused) {
            Ok(entry) => entry,
            Err(rejection) => {
                ack.rejected.push(rejection);
                continue;
            }
        };
        match store_entry(&batch, township, batch_id, &entry, &received)? {
            Stored::New => {
                ack.stored += 1;
                ack.acked.push(entry.id.clone());
                new_here.insert(entry.id);
            }
            Stored::Seen => {
                if !new_here.contains(&entry.id) {
                    held_before.push(entry.id.clone());
                }
                ack.acked.push(entry.id);
            }
            Stored::Rejected(rejection) => ack.rejected.push(rejection),
        }
    }
    if ack.stored > 0 && ack.rejected.is_empty() {
        batch.commit()?;
    } else {
        // Nothing new (a repeated batch is a no-op, no proof row for it), or a refused entry:
        // its payload must not stay in the batch body, so nothing of the batch is kept.
        drop(batch);
        ack.stored = 0;
        ack.acked = held_before;
    }
    Ok(Ok(ack))
}

/// The township kinds this portal takes: every one the protocol library knows but those it is
/// told to refuse (its answer's capability, `PushAck::kinds`).
pub fn accepted_kinds() -> impl Iterator<Item = Kind> {
    Kind::ALL
        .into_iter()
        .filter(|k| k.owner() == gongkai_sync::Owner::Township)
}

/// A push body as received: each entry's payload left as its text in the decompressed body
/// (borrowed, not copied), so the batch is never held as one JSON tree.
#[derive(Deserialize)]
struct ReceivedPush<'a> {
    protocol: u32,
    township: String,
    #[serde(borrow)]
    entries: Vec<ReceivedEntry<'a>>,
}

#[derive(Deserialize)]
struct ReceivedEntry<'a> {
    id: String,
    kind: String,
    object_id: String,
    op: Op,
    #[serde(default)]
    replaces: Option<String>,
    created_at: String,
    #[serde(borrow, default)]
    payload: Option<&'a serde_json::value::RawValue>,
}

impl ReceivedEntry<'_> {
    fn head(&self) -> EntryHead<'_> {
        EntryHead {
            id: &self.id,
            kind: &self.kind,
            object_id: &self.object_id,
            op: self.op,
            replaces: self.replaces.as_deref(),
            created_at: &self.created_at,
        }
    }

    /// The entry checked, its payload read from its text straight into its type: refused when
    /// the payload is over [`gongkai_sync::MAX_ENTRY_JSON_BYTES`] (the client refuses such an
    /// entry itself), of a kind this portal is told to refuse, or failing the protocol's check.
    fn check(self, refused: &[Kind]) -> Result<Kept, Rejection> {
        let text = self.payload.map_or("null", |raw| raw.get());
        if text.len() > MAX_ENTRY_JSON_BYTES {
            return Err(Rejection {
                id: self.id,
                code: RejectCode::TooLarge,
                message: format!(
                    "内容有 {} MiB，超过县级平台单条接收的上限 {} MiB",
                    text.len() / (1024 * 1024),
                    MAX_ENTRY_JSON_BYTES / (1024 * 1024)
                ),
            });
        }
        if let Some(kind) = Kind::from_key(&self.kind).filter(|k| refused.contains(k)) {
            return Err(Rejection {
                id: self.id,
                code: RejectCode::UnknownKind,
                message: format!(
                    "本县级平台暂不接收“{}”：条目留在本机待发，平台开通后自动上传",
                    kind.label()
                ),
            });
        }
        let (kind, payload) = check_received(&self.head(), text)?;
        Ok(Kept {
            id: self.id,
            kind,
            object_id: self.object_id,
            op: self.op,
            replaces: self.replaces,
            created_at: self.created_at,
            payload,
        })
    }
}

/// An entry as the portal keeps it: checked, its payload typed.
struct Kept {
    id: String,
    kind: Kind,
    object_id: String,
    op: Op,
    replaces: Option<String>,
    created_at: String,
    payload: Payload,
}

enum Stored {
    New,
    Seen,
    Rejected(Rejection),
}

fn store_entry(
    tx: &Connection,
    township: &str,
    batch_id: i64,
    entry: &Kept,
    received: &str,
) -> Result<Stored, ApiRefusal> {
    let kind = entry.kind;
    let payload = entry
        .payload
        .to_json()
        .map_err(|e| ApiRefusal::internal("内容无法序列化", &e))?;
    let op = match entry.op {
        Op::Upsert => "upsert",
        Op::Withdraw => "withdraw",
    };
    let conflict = |message: String| {
        Ok(Stored::Rejected(Rejection {
            id: entry.id.clone(),
            code: RejectCode::Conflict,
            message,
        }))
    };
    let seen: Option<(String, String, String, String)> = tx
        .query_row(
            "SELECT kind, object_id, op, payload FROM entry WHERE township = ?1 AND id = ?2",
            params![township, entry.id],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
        )
        .optional()?;
    if let Some((seen_kind, seen_object, seen_op, seen_payload)) = seen {
        // Compared as read, not as text: a version kept by an older portal was written from
        // a JSON tree (keys sorted), this one from its type.
        let same = seen_kind == kind.key()
            && seen_object == entry.object_id
            && seen_op == op
            && Payload::from_json(kind, entry.op, &seen_payload).is_ok_and(|p| p == entry.payload);
        if same {
            return Ok(Stored::Seen);
        }
        return conflict(format!("变更“{}”此前已以不同内容收到", entry.id));
    }
    let head: Option<(String, String)> = tx
        .query_row(
            "SELECT kind, entry_id FROM object_head WHERE township = ?1 AND object_id = ?2",
            params![township, entry.object_id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?;
    if let Some((head_kind, _)) = &head
        && head_kind != kind.key()
    {
        return conflict(format!(
            "对象“{}”已是另一类数据（{head_kind}）",
            entry.object_id
        ));
    }
    tx.execute(
        "INSERT INTO entry (township, id, batch_id, kind, object_id, op, replaces, created_at, payload, received_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
        params![
            township,
            entry.id,
            batch_id,
            kind.key(),
            entry.object_id,
            op,
            entry.replaces,
            entry.created_at,
            payload,
            received
        ],
    )?;
    refresh_head(
        tx,
        township,
        kind,
        entry,
        head.as_ref().map(|(_, id)| id.as_str()),
    )?;
    // The files a version names publicly (a record's attachments, a posting's printed sheet;
    // never a posting's photos): served while that version is in force.
    let public_files = match &entry.payload {
        Payload::Record(r) => r.attachments.clone(),
        Payload::Posting(p) => p.sheet.iter().cloned().collect(),
        _ => Vec::new(),
    };
    for a in &public_files {
        tx.execute(
            "INSERT OR IGNORE INTO entry_attachment (township, entry_id, sha256, file_name)
             VALUES (?1, ?2, ?3, ?4)",
            params![township, entry.id, a.sha256, a.file_name],
        )?;
    }
    Ok(Stored::New)
}

/// Puts in force the object's version the protocol says, after `stored` (a version of it) was
/// stored; `head` is the version in force before. In force is, of the versions no other
/// received version names in `replaces`, the one received last (the later push; in one push,
/// the later entry). Ids are not compared: a UUIDv7 carries the clock of the PC that made it,
/// and a version made while that clock ran ahead must not outlive the versions replacing it.
/// Should the versions name each other in a ring (no version unnamed), the one received last.
fn refresh_head(
    tx: &Connection,
    township: &str,
    kind: Kind,
    stored: &Kept,
    head: Option<&str>,
) -> Result<(), ApiRefusal> {
    let in_force: String = tx.query_row(
        "SELECT e.id FROM entry e WHERE e.township = ?1 AND e.object_id = ?2
         ORDER BY EXISTS (SELECT 1 FROM entry r WHERE r.township = e.township
                            AND r.object_id = e.object_id AND r.replaces = e.id),
                  e.batch_id DESC, e.rowid DESC
         LIMIT 1",
        params![township, stored.object_id],
        |r| r.get(0),
    )?;
    if head == Some(in_force.as_str()) {
        return Ok(());
    }
    let loaded;
    let entry = if in_force == stored.id {
        stored
    } else {
        loaded = stored_entry(tx, township, &in_force)?;
        &loaded
    };
    let summary = summarize(entry);
    tx.execute(
        "INSERT INTO object_head (township, object_id, kind, entry_id, withdrawn, title, domain, published_on, row_count)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)
         ON CONFLICT (township, object_id) DO UPDATE SET entry_id = excluded.entry_id,
           withdrawn = excluded.withdrawn,
           title = CASE WHEN excluded.withdrawn = 1 THEN object_head.title ELSE excluded.title END,
           domain = CASE WHEN excluded.withdrawn = 1 THEN object_head.domain ELSE excluded.domain END,
           published_on = CASE WHEN excluded.withdrawn = 1 THEN object_head.published_on ELSE excluded.published_on END,
           row_count = CASE WHEN excluded.withdrawn = 1 THEN 0 ELSE excluded.row_count END",
        params![
            township,
            entry.object_id,
            kind.key(),
            entry.id,
            entry.op == Op::Withdraw,
            summary.title,
            summary.domain,
            summary.published_on,
            summary.rows
        ],
    )?;
    if kind == Kind::PayoutList {
        keep_village_summaries(tx, township, entry)?;
        keep_payout_page(tx, township, entry)?;
    }
    if kind == Kind::Posting {
        keep_board_posting(tx, township, entry)?;
    }
    if kind == Kind::Record {
        keep_annual_report(tx, township, entry)?;
    }
    Ok(())
}

/// The township page's and the stats' line for an annual report's record version now in force
/// (none once it is withdrawn, or for a record that carries no 表三).
fn keep_annual_report(tx: &Connection, township: &str, entry: &Kept) -> Result<(), ApiRefusal> {
    tx.execute(
        "DELETE FROM annual_report WHERE township = ?1 AND object_id = ?2",
        params![township, entry.object_id],
    )?;
    let Payload::Record(record) = &entry.payload else {
        return Ok(());
    };
    let Some(figures) = &record.annual_report else {
        return Ok(());
    };
    let pdf = record
        .attachments
        .iter()
        .find(|a| a.file_name.to_lowercase().ends_with(".pdf"));
    let table3 = serde_json::to_string(figures)
        .map_err(|e| ApiRefusal::internal("年度报告表三无法保存", &e))?;
    tx.execute(
        "INSERT INTO annual_report (township, object_id, year, title, published_on, pdf_sha256,
           pdf_name, table3)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        params![
            township,
            entry.object_id,
            figures.year,
            record.title,
            record.published_on,
            pdf.map(|a| a.sha256.clone()),
            pdf.map(|a| a.file_name.clone()),
            table3,
        ],
    )?;
    Ok(())
}

/// The boards page's and the stats' line for the posting version now in force (none once it is
/// withdrawn).
fn keep_board_posting(tx: &Connection, township: &str, entry: &Kept) -> Result<(), ApiRefusal> {
    tx.execute(
        "DELETE FROM board_posting WHERE township = ?1 AND object_id = ?2",
        params![township, entry.object_id],
    )?;
    let Payload::Posting(p) = &entry.payload else {
        return Ok(());
    };
    let cadence = serde_json::to_value(p.cadence)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default();
    tx.execute(
        "INSERT INTO board_posting (township, object_id, village_code, village_name, board_id,
           board_name, zone_id, zone_name, cadence, due_day, period, title, register_no,
           notice_from, notice_to, status, posted_on, taken_down_on, taken_down_early,
           sheet_sha256, sheet_name)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18,
           ?19, ?20, ?21)",
        params![
            township,
            entry.object_id,
            p.village_code.as_deref().unwrap_or_default(),
            p.village_name.as_deref().unwrap_or_default(),
            p.board_id,
            p.board_name,
            p.zone_id,
            p.zone_name,
            cadence,
            p.due_day,
            p.period,
            p.title,
            p.register_no,
            p.notice_from.to_string(),
            p.notice_to.to_string(),
            p.status.key(),
            p.posted_on.map(|d| d.to_string()),
            p.taken_down_on.map(|d| d.to_string()),
            p.taken_down_early,
            p.sheet.as_ref().map(|s| s.sha256.clone()),
            p.sheet.as_ref().map(|s| s.file_name.clone()),
        ],
    )?;
    Ok(())
}

/// A version stored before, read back, its payload typed.
fn stored_entry(tx: &Connection, township: &str, id: &str) -> Result<Kept, ApiRefusal> {
    let (kind, object_id, op, replaces, created_at, payload): (
        String,
        String,
        String,
        Option<String>,
        String,
        String,
    ) = tx.query_row(
        "SELECT kind, object_id, op, replaces, created_at, payload FROM entry
         WHERE township = ?1 AND id = ?2",
        params![township, id],
        |r| {
            Ok((
                r.get(0)?,
                r.get(1)?,
                r.get(2)?,
                r.get(3)?,
                r.get(4)?,
                r.get(5)?,
            ))
        },
    )?;
    let op = if op == "withdraw" {
        Op::Withdraw
    } else {
        Op::Upsert
    };
    let kind = Kind::from_key(&kind)
        .ok_or_else(|| ApiRefusal::internal("已存的版本类型无法识别", &kind))?;
    let payload = Payload::from_json(kind, op, &payload)
        .map_err(|(_, message)| ApiRefusal::internal("已存的版本内容无法解析", &message))?;
    Ok(Kept {
        id: id.to_owned(),
        kind,
        object_id,
        op,
        replaces,
        created_at,
        payload,
    })
}

/// The payouts page's lines for the list version now in force (none once it is withdrawn).
fn keep_village_summaries(tx: &Connection, township: &str, entry: &Kept) -> Result<(), ApiRefusal> {
    tx.execute(
        "DELETE FROM payout_village WHERE township = ?1 AND object_id = ?2",
        params![township, entry.object_id],
    )?;
    let Payload::PayoutList(list) = &entry.payload else {
        return Ok(());
    };
    let mut insert = tx.prepare_cached(
        "INSERT INTO payout_village (township, object_id, position, village_code, village_name,
           notice_from, notice_to, row_count, amount_fen)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
    )?;
    for (position, v) in list.villages.iter().enumerate() {
        insert.execute(params![
            township,
            entry.object_id,
            i64::try_from(position).unwrap_or(i64::MAX),
            v.village_code,
            v.village_name,
            v.notice_from,
            v.notice_to,
            i64::try_from(v.summary.rows).unwrap_or(i64::MAX),
            v.summary.amount_fen,
        ])?;
    }
    Ok(())
}

/// The public page of the list version now in force, rendered once here (none once it is
/// withdrawn, or when its payload does not read as a list).
fn keep_payout_page(tx: &Connection, township: &str, entry: &Kept) -> Result<(), ApiRefusal> {
    tx.execute(
        "DELETE FROM payout_page WHERE township = ?1 AND object_id = ?2",
        params![township, entry.object_id],
    )?;
    let Payload::PayoutList(list) = &entry.payload else {
        return Ok(());
    };
    let villages = crate::pages::payout_villages_html(list);
    tx.execute(
        "INSERT INTO payout_page (township, object_id, entry_id, title, row_count, amount_fen, villages)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        params![
            township,
            entry.object_id,
            entry.id,
            list.title,
            i64::try_from(list.summary.rows).unwrap_or(i64::MAX),
            list.summary.amount_fen,
            villages.as_bytes(),
        ],
    )?;
    Ok(())
}

#[derive(Default)]
struct Summary {
    title: String,
    domain: String,
    published_on: String,
    rows: i64,
}

fn summarize(entry: &Kept) -> Summary {
    match &entry.payload {
        Payload::Withdraw(_) => Summary::default(),
        Payload::Record(r) => Summary {
            title: r.title.clone(),
            domain: r.domain.clone(),
            published_on: r.published_on.clone(),
            rows: 0,
        },
        Payload::PayoutList(p) => Summary {
            published_on: p
                .villages
                .iter()
                .map(|v| v.notice_from.clone())
                .min()
                .unwrap_or_default(),
            title: p.title.clone(),
            domain: p.project.clone(),
            rows: i64::try_from(p.summary.rows).unwrap_or(i64::MAX),
        },
        Payload::Posting(p) => Summary {
            published_on: p.posted_on.unwrap_or(p.notice_from).to_string(),
            domain: p.zone_name.clone(),
            title: p.title.clone(),
            rows: 0,
        },
        Payload::CatalogAdjustment(_) | Payload::RequestStats(_) => Summary {
            published_on: entry.created_at.chars().take(10).collect(),
            ..Summary::default()
        },
    }
}

/// `GET /v1/pull/{stream}`: county changes after the cursor.
pub fn pull(
    conn: &mut Connection,
    req: &Signed<'_>,
    stream: Stream,
    after: Option<&str>,
    limit: u32,
    now: DateTime<Utc>,
) -> Result<PullResponse, ApiRefusal> {
    signed_work(conn, req, now, |tx| pull_page(tx, stream, after, limit))
}

fn pull_page(
    tx: &Connection,
    stream: Stream,
    after: Option<&str>,
    limit: u32,
) -> Work<PullResponse> {
    let after_seq: i64 =
        match after.map(str::trim).filter(|a| !a.is_empty()) {
            None => 0,
            Some(text) => text.parse().ok().filter(|n| *n >= 0).ok_or_else(|| {
                ApiRefusal::with(ErrorCode::Malformed, format!("游标“{text}”不正确"))
            })?,
        };
    let limit = limit.clamp(1, 500);
    let mut changes = Vec::new();
    let mut last = after_seq;
    {
        let mut stmt = tx.prepare(
            "SELECT seq, id, op, version, published_at, payload FROM county_change
             WHERE stream = ?1 AND seq > ?2 ORDER BY seq LIMIT ?3",
        )?;
        let mut rows = stmt.query(params![stream.key(), after_seq, i64::from(limit) + 1])?;
        while let Some(row) = rows.next()? {
            if changes.len() == limit as usize {
                break;
            }
            let payload: String = row.get(5)?;
            let op: String = row.get(2)?;
            last = row.get(0)?;
            changes.push(CountyChange {
                id: row.get(1)?,
                kind: stream.kind(),
                op: if op == "withdraw" {
                    Op::Withdraw
                } else {
                    Op::Upsert
                },
                version: row.get(3)?,
                published_at: row.get(4)?,
                payload: serde_json::from_str(&payload)
                    .map_err(|e| ApiRefusal::internal("已存的县级发布内容无法解析", &e))?,
            });
        }
    }
    let more: bool = tx.query_row(
        "SELECT EXISTS (SELECT 1 FROM county_change WHERE stream = ?1 AND seq > ?2)",
        params![stream.key(), last],
        |r| r.get(0),
    )?;
    Ok(Ok(PullResponse {
        stream,
        changes,
        next_cursor: last.to_string(),
        more,
    }))
}

fn attachment_status_in(
    tx: &Connection,
    township: &str,
    sha256: &str,
) -> Result<AttachmentStatus, ApiRefusal> {
    let size: Option<i64> = tx
        .query_row(
            "SELECT size FROM attachment WHERE township = ?1 AND sha256 = ?2",
            params![township, sha256],
            |r| r.get(0),
        )
        .optional()?;
    if let Some(size) = size {
        return Ok(AttachmentStatus {
            received: u64::try_from(size).unwrap_or(0),
            complete: true,
        });
    }
    let received: i64 = tx.query_row(
        "SELECT COALESCE(sum(length(content)), 0) FROM attachment_part WHERE township = ?1 AND sha256 = ?2",
        params![township, sha256],
        |r| r.get(0),
    )?;
    Ok(AttachmentStatus {
        received: u64::try_from(received).unwrap_or(0),
        complete: false,
    })
}

/// `GET /v1/attachments/{sha256}`.
pub fn attachment_status(
    conn: &mut Connection,
    req: &Signed<'_>,
    sha256: &str,
    now: DateTime<Utc>,
) -> Result<AttachmentStatus, ApiRefusal> {
    signed_work(conn, req, now, |tx| {
        Ok(Ok(attachment_status_in(tx, &req.auth.township, sha256)?))
    })
}

/// `PUT /v1/attachments/{sha256}?offset=N&total=T`: appends a chunk at exactly the received
/// length; the last chunk assembles the file and checks its SHA-256.
pub fn attachment_put(
    conn: &mut Connection,
    req: &Signed<'_>,
    sha256: &str,
    offset: u64,
    total: u64,
    now: DateTime<Utc>,
) -> Result<AttachmentStatus, ApiRefusal> {
    signed_work(conn, req, now, |tx| {
        attachment_chunk(tx, req, sha256, offset, total, now)
    })
}

fn attachment_chunk(
    tx: &Connection,
    req: &Signed<'_>,
    sha256: &str,
    offset: u64,
    total: u64,
    now: DateTime<Utc>,
) -> Work<AttachmentStatus> {
    if total == 0 || total > MAX_ATTACHMENT_BYTES || req.body.len() > MAX_CHUNK_BYTES {
        return Err(ApiRefusal::new(ErrorCode::TooLarge));
    }
    let township = req.auth.township.clone();
    let status = attachment_status_in(tx, &township, sha256)?;
    if status.complete {
        return Ok(Ok(status));
    }
    let end = offset.saturating_add(req.body.len() as u64);
    if offset != status.received || req.body.is_empty() || end > total {
        return Err(ApiRefusal::with(
            ErrorCode::OffsetMismatch,
            format!(
                "附件续传位置不符：县级平台已接收 {} 字节，本次从 {offset} 开始",
                status.received
            ),
        ));
    }
    let (offset_i, total_i) = (
        i64::try_from(offset).unwrap_or(i64::MAX),
        i64::try_from(total).unwrap_or(i64::MAX),
    );
    let other_total: Option<i64> = tx
        .query_row(
            "SELECT total FROM attachment_part WHERE township = ?1 AND sha256 = ?2 AND total != ?3 LIMIT 1",
            params![township, sha256, total_i],
            |r| r.get(0),
        )
        .optional()?;
    if other_total.is_some() {
        return Err(ApiRefusal::with(
            ErrorCode::OffsetMismatch,
            "附件总长度与此前的分块不一致".to_owned(),
        ));
    }
    tx.execute(
        "INSERT INTO attachment_part (township, sha256, offset, total, content) VALUES (?1, ?2, ?3, ?4, ?5)",
        params![township, sha256, offset_i, total_i, req.body],
    )?;
    if end < total {
        return Ok(Ok(AttachmentStatus {
            received: end,
            complete: false,
        }));
    }
    let mut whole = Vec::with_capacity(usize::try_from(total).unwrap_or(0));
    {
        let mut stmt = tx.prepare(
            "SELECT content FROM attachment_part WHERE township = ?1 AND sha256 = ?2 ORDER BY offset",
        )?;
        let mut rows = stmt.query(params![township, sha256])?;
        while let Some(row) = rows.next()? {
            let part: Vec<u8> = row.get(0)?;
            whole.extend_from_slice(&part);
        }
    }
    tx.execute(
        "DELETE FROM attachment_part WHERE township = ?1 AND sha256 = ?2",
        params![township, sha256],
    )?;
    if gongkai_sync::sha256_hex(&whole) != sha256 {
        // The discard is kept: the upload starts again from 0.
        return Ok(Err(ApiRefusal::new(ErrorCode::AttachmentCorrupt)));
    }
    tx.execute(
        "INSERT INTO attachment (township, sha256, size, content, received_at) VALUES (?1, ?2, ?3, ?4, ?5)",
        params![township, sha256, total_i, whole, now.to_rfc3339()],
    )?;
    Ok(Ok(AttachmentStatus {
        received: total,
        complete: true,
    }))
}
