//! The portal in this process on 127.0.0.1:0 over its own temporary file, and the raw HTTP/1.1
//! exchanges the scenario tests send it: requests the client would never send (forged, replayed,
//! tampered), exactly as given, and public pages as a browser gets them.

use std::net::SocketAddr;
use std::path::PathBuf;

use gongkai_portal::{Portal, db};
use gongkai_sync::client::PortalClient;
use gongkai_sync::types::ErrorBody;
use gongkai_sync::url::PortalUrl;
use gongkai_sync::{TownshipKey, gzip};
use tokio::io::{AsyncReadExt, AsyncWriteExt};

use super::township::CODE;

pub struct Server {
    pub addr: SocketAddr,
    pub db: PathBuf,
    _dir: tempfile::TempDir,
}

/// A request as bytes, to send (and send again) exactly.
#[derive(Clone)]
pub struct Raw {
    pub method: &'static str,
    pub path: String,
    pub headers: Vec<(&'static str, String)>,
    pub body: Vec<u8>,
}

impl Server {
    /// The portal with no township registered.
    pub async fn start() -> Self {
        Self::start_public(None).await
    }

    /// The portal; its public URL is `public` when given (as behind a reverse proxy), else its
    /// address.
    pub async fn start_public(public: Option<&str>) -> Self {
        let dir = tempfile::tempdir().expect("temp dir");
        let db = dir.path().join("portal.sqlite3");
        let mut portal = Portal::open(&db).expect("portal");
        if let Some(url) = public {
            portal = portal.with_public_url(&PortalUrl::parse(url).expect("public url"));
        }
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind");
        let addr = listener.local_addr().expect("addr");
        tokio::spawn(gongkai_portal::serve(listener, portal));
        Server {
            addr,
            db,
            _dir: dir,
        }
    }

    /// The portal with the test township ([`CODE`]) registered under `key`.
    pub async fn with_township(key: &TownshipKey, public: Option<&str>) -> Self {
        let server = Self::start_public(public).await;
        server.register(CODE, key);
        server
    }

    pub fn url(&self) -> String {
        format!("http://{}", self.addr)
    }

    pub fn register(&self, code: &str, key: &TownshipKey) {
        let mut conn = db::open(&self.db).expect("portal db");
        db::township_add(&mut conn, code, "示范镇", &key.public_key().to_string())
            .expect("township add");
    }

    /// The real client of the test township, talking to this portal by its address.
    pub fn client(&self, key: &TownshipKey) -> PortalClient {
        PortalClient::new(&self.url(), CODE, key.clone(), None).expect("client")
    }

    /// The one number `sql` selects.
    pub fn count(&self, sql: &str) -> i64 {
        let conn = db::open(&self.db).expect("portal db");
        conn.query_row(sql, [], |r| r.get(0)).expect(sql)
    }

    pub fn entries(&self) -> i64 {
        self.count("SELECT count(*) FROM entry")
    }

    pub fn last_seq(&self) -> i64 {
        self.count("SELECT last_seq FROM township")
    }

    /// Sends exactly `request`: (status, body unchunked and decompressed).
    pub async fn send(&self, request: &Raw) -> (u16, Vec<u8>) {
        let mut stream = tokio::net::TcpStream::connect(self.addr)
            .await
            .expect("connect");
        let mut head = format!(
            "{} {} HTTP/1.1\r\nHost: {}\r\nConnection: close\r\nContent-Length: {}\r\n",
            request.method,
            request.path,
            self.addr,
            request.body.len()
        );
        for (name, value) in &request.headers {
            head.push_str(&format!("{name}: {value}\r\n"));
        }
        head.push_str("\r\n");
        stream.write_all(head.as_bytes()).await.expect("send head");
        stream.write_all(&request.body).await.expect("send body");
        let mut response = Vec::new();
        stream.read_to_end(&mut response).await.expect("answer");
        let split = response
            .windows(4)
            .position(|w| w == b"\r\n\r\n")
            .expect("end of head");
        let head = String::from_utf8_lossy(&response[..split]).to_lowercase();
        let status = head[9..12].parse().expect("status");
        let mut body = response[split + 4..].to_vec();
        if head.contains("transfer-encoding: chunked") {
            body = dechunk(&body);
        }
        if head.contains("content-encoding: gzip") {
            body = gzip::gunzip(&body, 1 << 26).expect("gzip answer");
        }
        (status, body)
    }

    /// [`Server::send`] of a request given by its parts.
    pub async fn raw(
        &self,
        method: &'static str,
        path: &str,
        headers: &[(&'static str, String)],
        body: &[u8],
    ) -> (u16, Vec<u8>) {
        self.send(&Raw {
            method,
            path: path.to_owned(),
            headers: headers.to_vec(),
            body: body.to_vec(),
        })
        .await
    }

    /// A refused request's status and error body.
    pub async fn refusal(&self, request: &Raw) -> (u16, ErrorBody) {
        let (status, body) = self.send(request).await;
        let error = serde_json::from_slice(&body)
            .unwrap_or_else(|_| panic!("{status}: {}", String::from_utf8_lossy(&body)));
        (status, error)
    }

    /// A public page: (status, text).
    pub async fn page(&self, path: &str) -> (u16, String) {
        let (status, body) = self.raw("GET", path, &[], b"").await;
        (status, String::from_utf8(body).expect("page is UTF-8"))
    }
}

/// A chunked HTTP/1.1 body, joined.
pub fn dechunk(mut body: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    loop {
        let line_end = body
            .windows(2)
            .position(|w| w == b"\r\n")
            .expect("chunk size line");
        let size = std::str::from_utf8(&body[..line_end])
            .ok()
            .and_then(|s| usize::from_str_radix(s.trim(), 16).ok())
            .expect("chunk size");
        if size == 0 {
            return out;
        }
        out.extend_from_slice(&body[line_end + 2..line_end + 2 + size]);
        body = &body[line_end + 4 + size..];
    }
}
