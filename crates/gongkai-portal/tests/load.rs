//! The portal held against hostile or merely slow clients (issue 10, "the portal under load"):
//! deadlines for headers, handshakes and bodies; a cap on connections and on sync requests at
//! once; signed headers checked before a body is read; attachments streamed in pieces with
//! download headers; the public pages' security headers, read connections, summaries and cache.
//!
//! Deadlines here are short and set through `Limits`; `GUARD` only stops a test that would
//! otherwise wait forever on a portal that does not hang up (the failure being tested for).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod support;

use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::time::Duration;

use axum::body::Body;
use axum::http::Request;
use chrono::Utc;
use futures_util::StreamExt;
use gongkai_portal::pages::{self, Page};
use gongkai_portal::{Limits, Portal, db};
use gongkai_sync::TownshipKey;
use gongkai_sync::auth::RequestAuth;
use gongkai_sync::client::{ClockSeq, PortalClient};
use gongkai_sync::types::{Entry, Op};
use serde_json::json;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;
use tower::ServiceExt;

use support::township::{self, CODE};

const GUARD: Duration = Duration::from_secs(20);

struct Server {
    _dir: tempfile::TempDir,
    db: PathBuf,
    addr: SocketAddr,
    portal: Portal,
    key: TownshipKey,
}

/// A short deadline where a test waits for one; generous everywhere else.
fn limits() -> Limits {
    Limits {
        header_read: Duration::from_secs(60),
        handshake: Duration::from_secs(60),
        body_read: Duration::from_secs(60),
        ..Limits::default()
    }
}

async fn start(limits: Limits) -> Server {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("portal.sqlite3");
    let key = TownshipKey::from_seed(&[9; 32]);
    let portal = Portal::open_with(&db, limits).unwrap();
    db::township_add(
        &mut db::open(&db).unwrap(),
        CODE,
        "示范镇",
        &key.public_key().to_string(),
    )
    .unwrap();
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(gongkai_portal::serve(listener, portal.clone()));
    Server {
        _dir: dir,
        db,
        addr,
        portal,
        key,
    }
}

impl Server {
    fn client(&self) -> PortalClient {
        PortalClient::new(
            &format!("http://{}", self.addr),
            CODE,
            self.key.clone(),
            None,
        )
        .unwrap()
    }
}

/// Everything the portal sends until it closes the connection (`GUARD` at most).
async fn read_to_close(stream: &mut TcpStream) -> Option<String> {
    let mut answer = Vec::new();
    match tokio::time::timeout(GUARD, stream.read_to_end(&mut answer)).await {
        Ok(_) => Some(String::from_utf8_lossy(&answer).into_owned()),
        Err(_) => None,
    }
}

fn status_of(answer: &str) -> u16 {
    answer
        .split(' ')
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0)
}

/// A sequence number above any the clock gives for a long while.
const FAR_AHEAD: u64 = 1 << 62;

fn clock_seq() -> u64 {
    gongkai_sync::auth::next_seq(0, Utc::now())
}

/// Request head of a signed request to the portal at `portal` by `key` for `township`, announcing `length` body bytes
/// (whose digest is that of `body`).
fn signed_head(
    portal: SocketAddr,
    key: &TownshipKey,
    township: &str,
    (method, path, seq): (&str, &str, u64),
    body: &[u8],
    length: usize,
) -> String {
    let portal = portal.to_string();
    let auth = RequestAuth::sign(key, &portal, township, method, path, seq, Utc::now(), body);
    let mut head = format!("{method} {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n");
    for (name, value) in auth.headers() {
        head.push_str(&format!("{name}: {value}\r\n"));
    }
    head.push_str(&format!("Content-Length: {length}\r\n\r\n"));
    head
}

async fn get(addr: SocketAddr, path: &str) -> String {
    let mut stream = TcpStream::connect(addr).await.unwrap();
    let head = format!("GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
    stream.write_all(head.as_bytes()).await.unwrap();
    read_to_close(&mut stream)
        .await
        .expect("the portal answers a page")
}

#[tokio::test(flavor = "multi_thread")]
async fn half_sent_headers_are_cut_off_at_the_header_deadline() {
    let server = start(Limits {
        header_read: Duration::from_millis(200),
        ..limits()
    })
    .await;
    let mut slow = TcpStream::connect(server.addr).await.unwrap();
    slow.write_all(b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ")
        .await
        .unwrap();
    let mut idle = TcpStream::connect(server.addr).await.unwrap();
    assert!(
        read_to_close(&mut slow).await.is_some(),
        "a client that never finishes its headers keeps its connection"
    );
    assert!(
        read_to_close(&mut idle).await.is_some(),
        "a client that never sends anything keeps its connection"
    );
    // Those who finish their request are served as before.
    assert_eq!(status_of(&get(server.addr, "/").await), 200);
}

#[tokio::test(flavor = "multi_thread")]
async fn a_kept_alive_connection_left_idle_after_its_answer_is_closed() {
    let server = start(Limits {
        header_read: Duration::from_millis(200),
        ..limits()
    })
    .await;
    let mut stream = TcpStream::connect(server.addr).await.unwrap();
    stream
        .write_all(b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
        .await
        .unwrap();
    let Some(answer) = read_to_close(&mut stream).await else {
        panic!("an idle keep-alive connection is held open");
    };
    assert_eq!(status_of(&answer), 200, "{answer}");
}

#[tokio::test(flavor = "multi_thread")]
async fn connections_over_the_cap_are_closed_unanswered_until_one_ends() {
    let server = start(Limits {
        max_connections: 2,
        ..limits()
    })
    .await;
    let first = TcpStream::connect(server.addr).await.unwrap();
    let _second = TcpStream::connect(server.addr).await.unwrap();
    let mut third = TcpStream::connect(server.addr).await.unwrap();
    third
        .write_all(b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
        .await
        .unwrap();
    let answer = read_to_close(&mut third).await;
    assert_eq!(
        answer.as_deref(),
        Some(""),
        "a connection over the cap is served"
    );

    drop(first);
    // The slot frees once the portal has seen the close: try again for a while.
    let mut served = false;
    for _ in 0..100 {
        if status_of(&get(server.addr, "/").await) == 200 {
            served = true;
            break;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    assert!(
        served,
        "a slot freed by a closed connection is never reused"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn a_stranger_is_refused_on_the_headers_without_the_body_being_read() {
    let server = start(limits()).await;
    let stranger = TownshipKey::from_seed(&[1; 32]);
    // 16 MiB announced, nothing of it sent: the answer must come from the headers alone.
    for (key, township, expected) in [(&stranger, "999999999", 404), (&stranger, CODE, 401)] {
        let mut stream = TcpStream::connect(server.addr).await.unwrap();
        let head = signed_head(
            server.addr,
            key,
            township,
            ("POST", "/v1/push", clock_seq()),
            b"x",
            16 * 1024 * 1024,
        );
        stream.write_all(head.as_bytes()).await.unwrap();
        let answer = read_to_close(&mut stream).await;
        let Some(answer) = answer else {
            panic!("the portal waited for the body of {township}'s request before refusing it");
        };
        assert_eq!(status_of(&answer), expected, "{answer}");
    }
    db::township_revoke(&mut db::open(&server.db).unwrap(), CODE).unwrap();
    let mut stream = TcpStream::connect(server.addr).await.unwrap();
    let head = signed_head(
        server.addr,
        &server.key,
        CODE,
        ("POST", "/v1/push", clock_seq()),
        b"x",
        1024 * 1024,
    );
    stream.write_all(head.as_bytes()).await.unwrap();
    let answer = read_to_close(&mut stream).await.expect("revoked: refused");
    assert_eq!(status_of(&answer), 403, "{answer}");
}

#[tokio::test(flavor = "multi_thread")]
async fn a_body_that_stops_arriving_is_answered_at_its_deadline() {
    let server = start(Limits {
        body_read: Duration::from_millis(300),
        ..limits()
    })
    .await;
    let mut stream = TcpStream::connect(server.addr).await.unwrap();
    let head = signed_head(
        server.addr,
        &server.key,
        CODE,
        ("POST", "/v1/push", clock_seq()),
        b"x",
        1000,
    );
    stream.write_all(head.as_bytes()).await.unwrap();
    stream.write_all(&[0; 10]).await.unwrap();
    let answer = read_to_close(&mut stream).await;
    let Some(answer) = answer else {
        panic!("a signed request whose body stopped is held open");
    };
    assert_eq!(status_of(&answer), 500, "{answer}");
    assert!(answer.contains("请求体未在"), "{answer}");
}

#[tokio::test(flavor = "multi_thread")]
async fn sync_requests_over_the_limit_are_told_busy_at_once() {
    let server = start(Limits {
        max_sync_requests: 1,
        ..limits()
    })
    .await;
    // One push in flight, its body still coming; signed with a sequence number above the
    // pulls', so a pull served before it reached its handler does not make it a replay.
    let mut pending = TcpStream::connect(server.addr).await.unwrap();
    let head = signed_head(
        server.addr,
        &server.key,
        CODE,
        ("POST", "/v1/push", FAR_AHEAD),
        b"x",
        1000,
    );
    pending.write_all(head.as_bytes()).await.unwrap();
    pending.write_all(&[0; 10]).await.unwrap();
    let busy = {
        let mut answer = String::new();
        // The push above reaches its handler some moment after it was sent.
        for _ in 0..100 {
            let mut stream = TcpStream::connect(server.addr).await.unwrap();
            let head = signed_head(
                server.addr,
                &server.key,
                CODE,
                ("GET", "/v1/pull/calendar", clock_seq()),
                b"",
                0,
            );
            stream.write_all(head.as_bytes()).await.unwrap();
            answer = read_to_close(&mut stream).await.expect("pull answered");
            if status_of(&answer) == 503 {
                break;
            }
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
        answer
    };
    assert_eq!(status_of(&busy), 503, "{busy}");
    assert!(busy.to_lowercase().contains("retry-after: 5"), "{busy}");
    assert!(
        busy.contains("\"code\":\"internal\""),
        "retried by the client: {busy}"
    );
    // Public pages are not sync requests.
    assert_eq!(status_of(&get(server.addr, "/").await), 200);
    drop(pending);
}

fn record_with_attachment(file_name: &str, data: &[u8]) -> Entry {
    let mut entry = township::record(0);
    entry.payload["attachments"] = json!([{
        "file_name": file_name, "sha256": gongkai_sync::sha256_hex(data), "size": data.len()
    }]);
    entry
}

#[tokio::test(flavor = "multi_thread")]
async fn a_large_attachment_is_sent_in_pieces_as_a_download() {
    let server = start(limits()).await;
    let client = server.client();
    let mut seq = ClockSeq::default();
    let data: Vec<u8> = (0..3_000_000u32).map(|i| (i * 13 % 251) as u8).collect();
    let sha = gongkai_sync::sha256_hex(&data);
    assert!(
        client
            .upload_attachment(&mut seq, &data, 1024 * 1024)
            .await
            .unwrap()
            .complete
    );
    client
        .push(&mut seq, &[record_with_attachment("预算 说明.pdf", &data)])
        .await
        .unwrap();

    let request = Request::get(format!("/t/{CODE}/a/{sha}"))
        .body(Body::empty())
        .unwrap();
    let response = gongkai_portal::router(server.portal.clone())
        .oneshot(request)
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    let header = |name: &str| {
        response
            .headers()
            .get(name)
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
            .to_owned()
    };
    assert_eq!(header("content-type"), "application/pdf");
    assert_eq!(header("content-length"), data.len().to_string());
    assert_eq!(header("x-content-type-options"), "nosniff");
    assert_eq!(
        header("content-disposition"),
        "attachment; filename=\"_____.pdf\"; \
         filename*=UTF-8''%E9%A2%84%E7%AE%97%20%E8%AF%B4%E6%98%8E.pdf"
    );
    let mut pieces = response.into_body().into_data_stream();
    let (mut received, mut count, mut largest) = (Vec::new(), 0, 0);
    while let Some(piece) = pieces.next().await {
        let piece = piece.unwrap();
        largest = largest.max(piece.len());
        count += 1;
        received.extend_from_slice(&piece);
    }
    assert!(received == data, "the download differs from the upload");
    assert!(
        largest <= 256 * 1024 && count >= 12,
        "the attachment came in {count} piece(s), the largest {largest} bytes"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn public_pages_carry_the_security_headers() {
    let server = start(limits()).await;
    for path in ["/", &format!("/t/{CODE}"), "/t/000000/payouts"] {
        let answer = get(server.addr, path).await;
        let head = answer
            .split("\r\n\r\n")
            .next()
            .unwrap_or_default()
            .to_lowercase();
        for expected in [
            "x-content-type-options: nosniff",
            "content-security-policy: default-src 'none'",
            "frame-ancestors 'none'",
            "x-frame-options: deny",
            "referrer-policy: same-origin",
        ] {
            assert!(head.contains(expected), "{path} lacks {expected}: {head}");
        }
        assert!(!head.contains("script-src"), "{head}");
    }
}

fn payout_list(villages: &[(&str, &str, u64, i64)]) -> Entry {
    let villages: Vec<_> = villages
        .iter()
        .map(|(code, name, rows, fen)| {
            json!({
                "village_code": code, "village_name": name,
                "notice_from": "2026-03-01", "notice_to": "2026-03-07",
                "columns": ["姓名", "金额（元）"],
                "rows": (0..*rows).map(|i| vec![format!("张{i}*"), "1.00".to_owned()]).collect::<Vec<_>>(),
                "summary": {"rows": rows, "amount_fen": fen}
            })
        })
        .collect();
    let id = uuid::Uuid::now_v7().to_string();
    Entry {
        id: id.clone(),
        kind: "payout_list".into(),
        object_id: id,
        op: Op::Upsert,
        replaces: None,
        created_at: Utc::now().to_rfc3339(),
        payload: json!({
            "title": "2026 年耕地地力保护补贴发放公示", "project": "耕地地力保护补贴",
            "villages": villages,
            "summary": {"rows": 3, "amount_fen": 300}
        }),
    }
}

fn blank_stored_payloads(db_path: &Path) {
    let conn = db::open(db_path).unwrap();
    conn.execute("UPDATE entry SET payload = '{}'", []).unwrap();
}

#[tokio::test(flavor = "multi_thread")]
async fn the_payouts_page_shows_summaries_kept_at_push_time_not_the_lists() {
    let server = start(limits()).await;
    let client = server.client();
    let mut seq = ClockSeq::default();
    client
        .push(
            &mut seq,
            &[payout_list(&[
                ("341502101201", "东村", 2, 200),
                ("341502101202", "西村", 1, 100),
            ])],
        )
        .await
        .unwrap();
    // The page no longer reads the lists: with every stored list blanked it is unchanged.
    blank_stored_payloads(&server.db);
    let page = get(server.addr, &format!("/t/{CODE}/payouts")).await;
    assert!(
        page.contains("东村") && page.contains("西村") && page.contains("2026-03-01 至 2026-03-07"),
        "{page}"
    );
    assert!(page.contains("<td>2</td><td>2.00</td>"), "{page}");
}

#[tokio::test(flavor = "multi_thread")]
async fn summaries_of_lists_held_before_the_upgrade_are_filled_in_by_the_migration() {
    let server = start(limits()).await;
    let client = server.client();
    let mut seq = ClockSeq::default();
    let list = payout_list(&[("341502101203", "南村", 3, 300)]);
    client
        .push(&mut seq, std::slice::from_ref(&list))
        .await
        .unwrap();
    // The file as the portal before the summaries (and the boards, pages and annual reports
    // after them) left it.
    {
        let conn = db::open(&server.db).unwrap();
        conn.execute_batch(
            "DROP TABLE annual_report; DROP TABLE payout_page; DROP TABLE board_posting;
             DROP TABLE payout_village;
             DELETE FROM schema_migration WHERE version >= 2;
             PRAGMA user_version = 1;",
        )
        .unwrap();
    }
    drop(server.portal);
    let upgraded = Portal::open(&server.db).unwrap();
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(gongkai_portal::serve(listener, upgraded));
    let page = get(addr, &format!("/t/{CODE}/payouts")).await;
    assert!(
        page.contains("南村") && page.contains("<td>3</td><td>3.00</td>"),
        "{page}"
    );
    // The list's own page, rendered when the upgraded file was first opened.
    let page = get(addr, &format!("/t/{CODE}/p/{}", list.object_id)).await;
    assert_eq!(status_of(&page), 200, "{page}");
    assert!(page.contains("<td>张2*</td><td>1.00</td>"), "{page}");
}

/// The answer's body, after checking it is as long as its head announced.
fn whole_body(answer: &str) -> &str {
    let (head, body) = answer.split_once("\r\n\r\n").expect("head and body");
    let length: usize = head
        .lines()
        .find_map(|line| {
            let (name, value) = line.split_once(':')?;
            name.eq_ignore_ascii_case("content-length")
                .then(|| value.trim().parse().ok())?
        })
        .unwrap_or_else(|| panic!("no content-length: {head}"));
    assert_eq!(body.len(), length, "{head}");
    body
}

#[tokio::test(flavor = "multi_thread")]
async fn a_list_page_is_rendered_at_push_time_and_streamed_whole() {
    let server = start(limits()).await;
    let client = server.client();
    let mut seq = ClockSeq::default();
    let list = payout_list(&[
        ("341502101201", "东村", 2, 200),
        ("341502101202", "西村", 1, 100),
    ]);
    client
        .push(&mut seq, std::slice::from_ref(&list))
        .await
        .unwrap();
    // With every stored list blanked the page is unchanged: it is not built from the list.
    blank_stored_payloads(&server.db);
    let page_path = format!("/t/{CODE}/p/{}", list.object_id);
    let answer = get(server.addr, &page_path).await;
    assert_eq!(status_of(&answer), 200, "{answer}");
    let body = whole_body(&answer);
    assert!(
        body.contains("<h1>2026 年耕地地力保护补贴发放公示</h1><p>示范镇 · 共 3 人，3.00 元</p>"),
        "{body}"
    );
    assert!(
        body.contains("<h2 id=\"v341502101201\">东村</h2>")
            && body.contains(
                "<td>张1*</td><td>1.00</td></tr></table><h2 id=\"v341502101202\">西村</h2>"
            ),
        "{body}"
    );
    assert!(body.ends_with("返回</a></p></body></html>\n"), "{body}");

    // A newer version puts its own page in force; a withdrawal takes it away.
    let mut newer = payout_list(&[("341502101201", "东村", 3, 300)]);
    newer.object_id.clone_from(&list.object_id);
    newer.replaces = Some(list.id.clone());
    client.push(&mut seq, &[newer.clone()]).await.unwrap();
    let body = get(server.addr, &page_path).await;
    assert!(
        body.contains("<td>张2*</td>") && !body.contains("西村"),
        "{body}"
    );
    let withdrawal = Entry {
        id: uuid::Uuid::now_v7().to_string(),
        object_id: list.object_id.clone(),
        op: Op::Withdraw,
        replaces: Some(newer.id.clone()),
        payload: json!({"reason": "重新核对"}),
        ..newer.clone()
    };
    client.push(&mut seq, &[withdrawal]).await.unwrap();
    assert_eq!(status_of(&get(server.addr, &page_path).await), 410);
}

#[tokio::test(flavor = "multi_thread")]
async fn a_page_replaced_while_it_is_streamed_is_cut_short_not_mixed() {
    let server = start(limits()).await;
    let client = server.client();
    let mut seq = ClockSeq::default();
    let list = payout_list(&[("341502101201", "东村", 3, 300)]);
    client
        .push(&mut seq, std::slice::from_ref(&list))
        .await
        .unwrap();
    let reader = db::open_reader(&server.db).unwrap();
    let Page::Listing { villages, .. } = pages::payout(&reader, CODE, &list.object_id).unwrap()
    else {
        panic!("the list's page is streamed");
    };
    let first = pages::payout_page_piece(&reader, &villages, 0, 64).unwrap();
    assert_eq!(first.map(|p| p.len()), Some(64));
    let mut newer = payout_list(&[("341502101201", "东村", 3, 300)]);
    newer.object_id.clone_from(&list.object_id);
    newer.replaces = Some(list.id.clone());
    client.push(&mut seq, &[newer]).await.unwrap();
    assert_eq!(
        pages::payout_page_piece(&reader, &villages, 64, 64).unwrap(),
        None
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn a_cached_page_is_never_served_after_the_database_changed() {
    let server = start(limits()).await;
    let client = server.client();
    let mut seq = ClockSeq::default();
    let column = format!("/t/{CODE}");
    let first = get(server.addr, &column).await;
    assert!(!first.contains(&township::title(0)), "{first}");
    client.push(&mut seq, &[township::record(0)]).await.unwrap();
    let second = get(server.addr, &column).await;
    assert!(second.contains(&township::title(0)), "{second}");
    // A change made by another process (the admin command) counts as well.
    db::township_revoke(&mut db::open(&server.db).unwrap(), CODE).unwrap();
    assert_eq!(status_of(&get(server.addr, &column).await), 404);
}

mod over_tls {
    use std::sync::Arc;

    use rustls::pki_types::pem::PemObject;
    use rustls::pki_types::{CertificateDer, ServerName};
    use tokio_rustls::TlsConnector;

    use super::*;

    fn fixture(name: &str) -> PathBuf {
        PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures")
            .join(name)
    }

    async fn start_tls(limits: Limits) -> (tempfile::TempDir, SocketAddr) {
        let dir = tempfile::tempdir().unwrap();
        let portal = Portal::open_with(&dir.path().join("portal.sqlite3"), limits).unwrap();
        let config =
            gongkai_portal::server_config(&fixture("test-cert.pem"), &fixture("test-key.pem"))
                .unwrap();
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        tokio::spawn(gongkai_portal::serve_tls(listener, portal, config));
        (dir, addr)
    }

    fn connector() -> TlsConnector {
        let mut roots = rustls::RootCertStore::empty();
        for cert in CertificateDer::pem_file_iter(fixture("test-cert.pem")).unwrap() {
            roots.add(cert.unwrap()).unwrap();
        }
        let config = rustls::ClientConfig::builder_with_provider(Arc::new(
            rustls::crypto::ring::default_provider(),
        ))
        .with_safe_default_protocol_versions()
        .unwrap()
        .with_root_certificates(roots)
        .with_no_client_auth();
        TlsConnector::from(Arc::new(config))
    }

    #[tokio::test(flavor = "multi_thread")]
    async fn half_sent_headers_after_the_handshake_are_cut_off_too() {
        let (_dir, addr) = start_tls(Limits {
            header_read: Duration::from_millis(200),
            ..limits()
        })
        .await;
        let tcp = TcpStream::connect(addr).await.unwrap();
        let server_name = ServerName::try_from("localhost").unwrap();
        let mut tls = connector().connect(server_name, tcp).await.unwrap();
        tls.write_all(b"GET / HTTP/1.1\r\nHost: localhost\r\nX-Slow: ")
            .await
            .unwrap();
        let mut answer = Vec::new();
        let closed = tokio::time::timeout(GUARD, tls.read_to_end(&mut answer)).await;
        assert!(
            closed.is_ok(),
            "a TLS client that never finishes its headers keeps its connection"
        );
    }

    #[tokio::test(flavor = "multi_thread")]
    async fn a_stalled_handshake_counts_against_the_connection_cap() {
        let (_dir, addr) = start_tls(Limits {
            max_connections: 1,
            ..limits()
        })
        .await;
        let _stalled = TcpStream::connect(addr).await.unwrap();
        let mut over = TcpStream::connect(addr).await.unwrap();
        let mut answer = Vec::new();
        let closed = tokio::time::timeout(GUARD, over.read_to_end(&mut answer)).await;
        assert!(
            matches!(closed, Ok(Ok(0))),
            "a connection over the cap was kept waiting for its handshake"
        );
    }
}

/// A signed POST of `body` over a fresh connection: (status, body as received).
async fn post_signed(server: &Server, path: &str, body: &[u8]) -> (u16, Vec<u8>) {
    let mut stream = TcpStream::connect(server.addr).await.unwrap();
    let head = signed_head(
        server.addr,
        &server.key,
        CODE,
        ("POST", path, clock_seq()),
        body,
        body.len(),
    );
    stream.write_all(head.as_bytes()).await.unwrap();
    stream.write_all(body).await.unwrap();
    let mut answer = Vec::new();
    tokio::time::timeout(GUARD, stream.read_to_end(&mut answer))
        .await
        .expect("answered")
        .unwrap();
    let split = answer
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .expect("head");
    let status = status_of(&String::from_utf8_lossy(&answer[..split]));
    (status, answer[split + 4..].to_vec())
}

#[tokio::test(flavor = "multi_thread")]
async fn an_entry_over_the_size_cap_is_refused_by_itself_before_it_is_parsed() {
    let server = start(limits()).await;
    let small = township::record(0);
    let mut huge = township::record(1);
    huge.payload["body"] = json!("公".repeat(gongkai_sync::MAX_ENTRY_JSON_BYTES / 3 + 1));
    let request = gongkai_sync::types::PushRequest {
        protocol: gongkai_sync::PROTOCOL_VERSION,
        township: CODE.to_owned(),
        entries: vec![small.clone(), huge.clone()],
    };
    let body = gongkai_sync::gzip::to_gzip_json(&request).unwrap();
    let (status, answer) = post_signed(&server, "/v1/push", &body).await;
    assert_eq!(status, 200, "{}", String::from_utf8_lossy(&answer));
    let ack: gongkai_sync::types::PushAck = gongkai_sync::gzip::from_gzip_json(&answer).unwrap();
    assert_eq!(ack.stored, 0);
    assert_eq!(ack.rejected.len(), 1, "{:?}", ack.rejected);
    assert_eq!(ack.rejected[0].id, huge.id);
    assert_eq!(
        ack.rejected[0].code,
        gongkai_sync::types::RejectCode::TooLarge
    );
    assert!(
        ack.rejected[0].message.contains("上限 32 MiB"),
        "{}",
        ack.rejected[0].message
    );
}
