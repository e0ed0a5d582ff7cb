//! The portal under test: in process (`Portal` + `serve` on 127.0.0.1:0) or as the real
//! `gongkai-portal serve` binary (so it can be killed with SIGKILL and restarted on the same
//! file and port); plain HTTP page fetches; the convergence check.

use std::collections::HashSet;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use gongkai_portal::{Portal, db};
use gongkai_sync::TownshipKey;
use tokio::io::{AsyncReadExt, AsyncWriteExt};

use super::proxy::{Plan, Proxy};
use super::township::{CODE, Township, title};

/// Registers the test township in the portal file.
pub fn register(db_path: &Path, key: &TownshipKey) {
    let mut conn = db::open(db_path).expect("portal db");
    db::township_add(&mut conn, CODE, "示范镇", &key.public_key().to_string()).expect("add");
}

/// The portal in this process.
pub async fn start_in_process(db_path: &Path) -> SocketAddr {
    serve_in_process(Portal::open(db_path).expect("portal")).await
}

/// `portal` (opened and set up by the caller) served in this process on 127.0.0.1:0.
pub async fn serve_in_process(portal: Portal) -> SocketAddr {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let addr = listener.local_addr().expect("addr");
    tokio::spawn(gongkai_portal::serve(listener, portal));
    addr
}

/// The portal in this process behind the fault-injecting proxy. A township signs its requests
/// for the URL it connects to, the proxy's, so that is the portal's public URL, as behind a
/// reverse proxy (`serve --public-url`).
pub async fn start_behind_proxy(db_path: &Path, plan: Plan, seed: u64) -> (SocketAddr, Proxy) {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let addr = listener.local_addr().expect("addr");
    let proxy = Proxy::start(addr, plan, seed).await;
    let public = gongkai_sync::url::PortalUrl::parse(&proxy.url()).expect("proxy url");
    let portal = Portal::open(db_path)
        .expect("portal")
        .with_public_url(&public);
    tokio::spawn(gongkai_portal::serve(listener, portal));
    (addr, proxy)
}

/// A free loopback port (bound and released).
pub fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .expect("free port")
        .port()
}

/// The real `gongkai-portal serve` binary.
pub struct PortalProcess {
    child: Option<Child>,
    /// The binary run: this build's, or another for a before/after comparison.
    binary: PathBuf,
    pub db: PathBuf,
    pub addr: SocketAddr,
    /// `--public-url`, when townships reach it through something else (the proxy).
    public_url: Option<String>,
}

impl PortalProcess {
    pub fn start(db: &Path, port: u16) -> PortalProcess {
        Self::start_at(db, port, None)
    }

    /// The binary behind the proxy at `public_url`, which forwards to `port`.
    pub fn start_behind(db: &Path, port: u16, public_url: &str) -> PortalProcess {
        Self::start_at(db, port, Some(public_url.to_owned()))
    }

    /// `binary` (another build of `gongkai-portal`) on `db` at `port`.
    pub fn start_binary(binary: &Path, db: &Path, port: u16) -> PortalProcess {
        let mut process = PortalProcess {
            child: None,
            binary: binary.to_owned(),
            db: db.to_owned(),
            addr: SocketAddr::from(([127, 0, 0, 1], port)),
            public_url: None,
        };
        process.restart();
        process
    }

    fn start_at(db: &Path, port: u16, public_url: Option<String>) -> PortalProcess {
        let mut process = PortalProcess {
            child: None,
            binary: PathBuf::from(env!("CARGO_BIN_EXE_gongkai-portal")),
            db: db.to_owned(),
            addr: SocketAddr::from(([127, 0, 0, 1], port)),
            public_url,
        };
        process.restart();
        process
    }

    /// Starts the binary (again) on the same file and port and waits until it accepts.
    pub fn restart(&mut self) {
        assert!(self.child.is_none(), "already running");
        let deadline = Instant::now() + Duration::from_secs(15);
        loop {
            let mut child = Command::new(&self.binary)
                .args(["serve", "--db"])
                .arg(&self.db)
                .args(["--listen", &self.addr.to_string()])
                .args(self.public_url.iter().flat_map(|url| ["--public-url", url]))
                .stdin(Stdio::null())
                .stdout(Stdio::null())
                .stderr(Stdio::piped())
                .spawn()
                .expect("spawn gongkai-portal");
            // Ready when it accepts a connection; an exit means the port was not free yet.
            loop {
                if let Ok(Some(status)) = child.try_wait() {
                    let mut err = String::new();
                    if let Some(mut e) = child.stderr.take() {
                        let _ = std::io::Read::read_to_string(&mut e, &mut err);
                    }
                    assert!(
                        Instant::now() < deadline,
                        "gongkai-portal did not start: {status} {err}"
                    );
                    std::thread::sleep(Duration::from_millis(20));
                    break;
                }
                if std::net::TcpStream::connect(self.addr).is_ok() {
                    // Drained from now on: a portal logging much (a 503 for every request shed
                    // under load) would otherwise stop on a full pipe.
                    if let Some(mut err) = child.stderr.take() {
                        std::thread::spawn(move || std::io::copy(&mut err, &mut std::io::sink()));
                    }
                    self.child = Some(child);
                    return;
                }
                assert!(Instant::now() < deadline, "gongkai-portal not listening");
                std::thread::sleep(Duration::from_millis(5));
            }
        }
    }

    /// kB of `field` (VmHWM, VmRSS) in /proc/<pid>/status; 0 when not running.
    pub fn memory_kb(&self, field: &str) -> u64 {
        let Some(child) = &self.child else {
            return 0;
        };
        std::fs::read_to_string(format!("/proc/{}/status", child.id()))
            .unwrap_or_default()
            .lines()
            .find(|l| l.starts_with(field))
            .and_then(|l| l.split_whitespace().nth(1))
            .and_then(|v| v.parse().ok())
            .unwrap_or(0)
    }

    /// SIGKILL: no shutdown, no flush, whatever it was doing.
    pub fn kill9(&mut self) {
        if let Some(mut child) = self.child.take() {
            child.kill().expect("kill -9 gongkai-portal");
            child.wait().expect("reap gongkai-portal");
        }
    }
}

impl Drop for PortalProcess {
    fn drop(&mut self) {
        self.kill9();
    }
}

/// GET `path` over a fresh connection: (status, body text). Bodies of pages are not gzipped.
pub async fn get(addr: SocketAddr, path: &str) -> (u16, String) {
    let mut stream = tokio::net::TcpStream::connect(addr).await.expect("connect");
    let head = format!("GET {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n");
    stream.write_all(head.as_bytes()).await.expect("write");
    let mut response = Vec::new();
    stream.read_to_end(&mut response).await.expect("read");
    let split = response
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .expect("head");
    let head = String::from_utf8_lossy(&response[..split]).to_string();
    let status = head[9..12].parse().expect("status");
    let body = String::from_utf8_lossy(&response[split + 4..]).to_string();
    (status, body)
}

/// Exactly these bytes over a fresh connection: (status, body unchunked and gunzipped) — for
/// requests the client of today would not send (an older client's, a raw signed push).
pub async fn request(
    addr: SocketAddr,
    method: &str,
    path: &str,
    headers: &[(&str, String)],
    body: &[u8],
) -> (u16, Vec<u8>) {
    let mut stream = tokio::net::TcpStream::connect(addr).await.expect("connect");
    let mut head = format!(
        "{method} {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\nContent-Length: {}\r\n",
        body.len()
    );
    for (name, value) in headers {
        head.push_str(&format!("{name}: {value}\r\n"));
    }
    head.push_str("\r\n");
    stream.write_all(head.as_bytes()).await.expect("write");
    stream.write_all(body).await.expect("write body");
    let mut response = Vec::new();
    stream.read_to_end(&mut response).await.expect("read");
    let split = response
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .expect("head");
    let head = String::from_utf8_lossy(&response[..split]).to_lowercase();
    let status = head[9..12].parse().expect("status");
    let mut body = response[split + 4..].to_vec();
    if head.contains("transfer-encoding: chunked") {
        let (mut rest, mut out) = (body.as_slice(), Vec::new());
        loop {
            let end = rest
                .windows(2)
                .position(|w| w == b"\r\n")
                .expect("chunk size");
            let size =
                usize::from_str_radix(std::str::from_utf8(&rest[..end]).expect("hex").trim(), 16)
                    .expect("chunk size");
            if size == 0 {
                break;
            }
            out.extend_from_slice(&rest[end + 2..end + 2 + size]);
            rest = &rest[end + 4 + size..];
        }
        body = out;
    }
    if head.contains("content-encoding: gzip") {
        body = gongkai_sync::gzip::gunzip(&body, 1 << 26).expect("gzip");
    }
    (status, body)
}

fn count(conn: &rusqlite::Connection, sql: &str) -> i64 {
    conn.query_row(sql, [CODE], |r| r.get(0)).expect(sql)
}

/// Both sides agree: every outbox entry exactly once at the portal and nothing more, every
/// record in force and on its page, nothing pending or rejected at the township, no proof row
/// without entries. `Err` says what differs.
pub async fn converged(
    db_path: &Path,
    page_addr: SocketAddr,
    town: &Township,
    n: usize,
) -> Result<(), String> {
    let mut problems = Vec::new();
    let counts = town.counts();
    if (counts.pending, counts.acked, counts.rejected) != (0, n, 0) {
        problems.push(format!("township outbox: {counts:?}, expected {n} acked"));
    }
    let conn = db::open(db_path).map_err(|e| e.to_string())?;
    let entries = count(&conn, "SELECT count(*) FROM entry WHERE township = ?1");
    let distinct = count(
        &conn,
        "SELECT count(DISTINCT id) FROM entry WHERE township = ?1",
    );
    if (entries, distinct) != (n as i64, n as i64) {
        problems.push(format!(
            "portal holds {entries} entries ({distinct} distinct), expected {n}"
        ));
    }
    let held: HashSet<String> = {
        let mut stmt = conn
            .prepare("SELECT id FROM entry WHERE township = ?1")
            .map_err(|e| e.to_string())?;
        stmt.query_map([CODE], |r| r.get(0))
            .map_err(|e| e.to_string())?
            .collect::<Result<_, _>>()
            .map_err(|e| e.to_string())?
    };
    let ids = town.ids();
    let missing = ids.iter().filter(|(id, _)| !held.contains(id)).count();
    if missing > 0 {
        problems.push(format!("{missing} outbox entries missing at the portal"));
    }
    let heads = count(
        &conn,
        "SELECT count(*) FROM object_head WHERE township = ?1 AND kind = 'record' AND withdrawn = 0",
    );
    let stats = db::stats(&conn).map_err(|e| e.to_string())?;
    let records = stats.iter().find(|t| t.code == CODE).map(|t| t.records);
    if heads != n as i64 || records != Some(n as i64) {
        problems.push(format!(
            "records in force: {heads}, stats says {records:?}, expected {n}"
        ));
    }
    let empty_batches = count(
        &conn,
        "SELECT count(*) FROM push_batch b WHERE township = ?1
         AND NOT EXISTS (SELECT 1 FROM entry e WHERE e.batch_id = b.id)",
    );
    if empty_batches > 0 {
        problems.push(format!("{empty_batches} proof rows that stored nothing"));
    }
    let portal_seq: i64 = count(&conn, "SELECT last_seq FROM township WHERE code = ?1");
    if portal_seq as u64 > town.last_seq() {
        problems.push(format!(
            "portal accepted sequence {portal_seq} above the township's last {}",
            town.last_seq()
        ));
    }
    // The public column lists every title; every record page answers.
    let (status, column) = get(page_addr, &format!("/t/{CODE}")).await;
    let absent = (0..n).filter(|i| !column.contains(&title(*i))).count();
    if status != 200 || absent > 0 {
        problems.push(format!(
            "township page: status {status}, {absent} titles absent"
        ));
    }
    let mut bad_pages = 0;
    for (i, (_, object_id)) in ids.iter().enumerate() {
        let (status, html) = get(page_addr, &format!("/t/{CODE}/r/{object_id}")).await;
        if status != 200 || !html.contains(&title(i)) {
            bad_pages += 1;
        }
    }
    if bad_pages > 0 {
        problems.push(format!("{bad_pages} record pages missing"));
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems.join("; "))
    }
}
