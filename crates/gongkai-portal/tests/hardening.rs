//! What a hostile tester tried against protocol v1 (issue 10), each against the real portal on
//! loopback and the real client: versions ordered by a PC clock that ran ahead, a request signed
//! for one portal replayed at another, a refused request replayed, an answer without end, a
//! backlog larger than one push.

// Helpers outside #[test] functions are test code too.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod support;

use std::io::{Read, Write};
use std::net::SocketAddr;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use chrono::{Duration, Utc};
use gongkai_sync::auth::{H_PROTOCOL, RequestAuth};
use gongkai_sync::client::{ClientError, ClockSeq, PortalClient};
use gongkai_sync::types::*;
use gongkai_sync::url::PortalUrl;
use gongkai_sync::{MAX_RESPONSE_BYTES, TownshipKey, gzip};
use serde_json::json;

use support::server::{Raw, Server};
use support::township::CODE;

/// A request signed by `key` for the portal `portal` (as `PortalUrl::signed_portal` writes it).
fn signed(
    key: &TownshipKey,
    portal: &str,
    (method, path): (&'static str, &str),
    seq: u64,
    time: chrono::DateTime<Utc>,
    body: Vec<u8>,
) -> Raw {
    let auth = RequestAuth::sign(key, portal, CODE, method, path, seq, time, &body);
    let mut headers = auth.headers();
    if method == "POST" {
        headers.push(("content-type", "application/json".into()));
        headers.push(("content-encoding", "gzip".into()));
    }
    Raw {
        method,
        path: path.to_owned(),
        headers,
        body,
    }
}

fn push_body(entries: Vec<Entry>) -> Vec<u8> {
    gzip::to_gzip_json(&PushRequest {
        protocol: gongkai_sync::PROTOCOL_VERSION,
        township: CODE.into(),
        entries,
    })
    .unwrap()
}

fn fresh_seq() -> u64 {
    gongkai_sync::auth::next_seq(0, Utc::now())
}

fn v7() -> String {
    uuid::Uuid::now_v7().to_string()
}

/// A UUIDv7 made by a PC whose clock is `ahead` in the future.
fn v7_ahead(ahead: Duration) -> String {
    let then = Utc::now() + ahead;
    let ts = uuid::Timestamp::from_unix(
        uuid::NoContext,
        u64::try_from(then.timestamp()).unwrap(),
        then.timestamp_subsec_nanos(),
    );
    uuid::Uuid::new_v7(ts).to_string()
}

fn record_version(id: String, object_id: &str, title: &str, replaces: Option<&str>) -> Entry {
    Entry {
        id,
        kind: "record".into(),
        object_id: object_id.into(),
        op: Op::Upsert,
        replaces: replaces.map(str::to_owned),
        created_at: Utc::now().to_rfc3339(),
        payload: json!({
            "item_key": "财政预决算/预算/部门预算", "domain": "财政预决算", "item_name": "部门预算",
            "title": title, "formed_on": "2026-01-05", "published_on": "2026-01-06",
            "body": "全文见附件。", "channels": ["政府网站"], "attachments": []
        }),
    }
}

fn tombstone(object_id: &str, replaces: Option<&str>) -> Entry {
    Entry {
        id: v7(),
        kind: "record".into(),
        object_id: object_id.into(),
        op: Op::Withdraw,
        replaces: replaces.map(str::to_owned),
        created_at: Utc::now().to_rfc3339(),
        payload: json!({"reason": "内容有误"}),
    }
}

async fn push_all(client: &PortalClient, seq: &mut ClockSeq, entries: &[Entry]) -> PushAck {
    let ack = client.push(seq, entries).await.unwrap();
    assert!(ack.rejected.is_empty(), "{:?}", ack.rejected);
    assert_eq!(ack.acked.len(), entries.len());
    ack
}

// ---- 1. versions by `replaces` and arrival, not by the id's clock --------------------------

#[tokio::test(flavor = "multi_thread")]
async fn a_version_published_with_a_clock_a_day_ahead_is_edited_and_withdrawn_later() {
    let key = TownshipKey::generate().unwrap();
    let server = Server::with_township(&key, None).await;
    let client = server.client(&key);
    let mut seq = ClockSeq::default();
    let object = v7();
    let page = format!("/t/{CODE}/r/{object}");

    // Published while the PC's clock was a day ahead; the clock is right again for the edit.
    let ahead = record_version(v7_ahead(Duration::days(1)), &object, "时钟超前时发布", None);
    push_all(&client, &mut seq, std::slice::from_ref(&ahead)).await;
    let edit = record_version(v7(), &object, "时钟校准后更正", Some(&ahead.id));
    assert!(edit.id < ahead.id, "the edit's id is the smaller one");
    push_all(&client, &mut seq, std::slice::from_ref(&edit)).await;
    let (status, html) = server.page(&page).await;
    assert_eq!(status, 200);
    assert!(
        html.contains("时钟校准后更正") && !html.contains("时钟超前时发布"),
        "the edit is not in force: {html}"
    );

    // Withdrawn: the page is gone, and so is the record from the column.
    push_all(&client, &mut seq, &[tombstone(&object, Some(&edit.id))]).await;
    assert_eq!(server.page(&page).await.0, 410);
    assert!(!server.page(&format!("/t/{CODE}")).await.1.contains("时钟"));

    // A tombstone naming the version from the future directly takes it down too.
    let other = v7();
    let ahead = record_version(v7_ahead(Duration::days(1)), &other, "另一条超前发布", None);
    push_all(&client, &mut seq, std::slice::from_ref(&ahead)).await;
    push_all(&client, &mut seq, &[tombstone(&other, Some(&ahead.id))]).await;
    assert_eq!(server.page(&format!("/t/{CODE}/r/{other}")).await.0, 410);
}

#[tokio::test(flavor = "multi_thread")]
async fn versions_arriving_out_of_order_converge_on_the_last_of_the_chain() {
    let key = TownshipKey::generate().unwrap();
    let server = Server::with_township(&key, None).await;
    let client = server.client(&key);
    let mut seq = ClockSeq::default();
    let object = v7();
    let page = format!("/t/{CODE}/r/{object}");
    // v1 made with the clock ahead, v2 and v3 after it was set right: v1 has the greatest id.
    let v1 = record_version(v7_ahead(Duration::days(2)), &object, "第一版", None);
    let v2 = record_version(v7(), &object, "第二版", Some(&v1.id));
    let v3 = record_version(v7(), &object, "第三版", Some(&v2.id));
    // They arrive v1, v3, v2: v3 names v2, which is not there yet.
    for version in [&v1, &v3, &v2] {
        push_all(&client, &mut seq, std::slice::from_ref(version)).await;
    }
    let (status, html) = server.page(&page).await;
    assert_eq!(status, 200);
    assert!(html.contains("第三版"), "v3 ends the chain: {html}");

    // Two versions that do not name each other: the one received last is in force.
    let loose = record_version(v7_ahead(Duration::days(3)), &object, "另起一版", None);
    push_all(&client, &mut seq, std::slice::from_ref(&loose)).await;
    assert!(server.page(&page).await.1.contains("另起一版"));
    let unnamed = record_version(v7(), &object, "后到的一版", None);
    push_all(&client, &mut seq, std::slice::from_ref(&unnamed)).await;
    assert!(server.page(&page).await.1.contains("后到的一版"));
}

// ---- 2. a request is for one portal --------------------------------------------------------

#[tokio::test(flavor = "multi_thread")]
async fn a_request_signed_for_one_portal_is_refused_by_another_holding_the_same_key() {
    let key = TownshipKey::generate().unwrap();
    let county_a = Server::with_township(&key, None).await;
    let county_b = Server::with_township(&key, None).await;
    let for_a = signed(
        &key,
        &county_a.addr.to_string(),
        ("POST", "/v1/push"),
        fresh_seq(),
        Utc::now(),
        push_body(vec![record_version(v7(), &v7(), "发往 A 县", None)]),
    );
    let (status, error) = county_b.refusal(&for_a).await;
    assert_eq!((status, error.code), (421, ErrorCode::WrongPortal));
    assert!(
        error.message.contains(&county_a.addr.to_string())
            && error.message.contains(&county_b.addr.to_string()),
        "{}",
        error.message
    );
    // The header rewritten to name B: the signature (made for A) does not hold at B.
    let mut forged = for_a.headers.clone();
    for (name, value) in &mut forged {
        if *name == gongkai_sync::auth::H_PORTAL {
            *value = county_b.addr.to_string();
        }
    }
    let forged = Raw {
        headers: forged,
        path: for_a.path.clone(),
        body: for_a.body.clone(),
        ..for_a
    };
    assert_eq!(
        county_b.refusal(&forged).await.1.code,
        ErrorCode::BadSignature
    );
    assert_eq!(county_b.count("SELECT count(*) FROM entry"), 0);
    assert_eq!(county_b.last_seq(), 0, "nothing of B's was consumed");
    // A is the portal it was meant for.
    let (status, _) = county_a.send(&forged_back(&forged, &county_a)).await;
    assert_eq!(status, 200);
    assert_eq!(county_a.count("SELECT count(*) FROM entry"), 1);
}

/// `request` with its portal header set back to `server`'s address.
fn forged_back(request: &Raw, server: &Server) -> Raw {
    let mut headers = request.headers.clone();
    for (name, value) in &mut headers {
        if *name == gongkai_sync::auth::H_PORTAL {
            *value = server.addr.to_string();
        }
    }
    Raw {
        method: request.method,
        path: request.path.clone(),
        headers,
        body: request.body.clone(),
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn behind_a_reverse_proxy_the_portal_takes_requests_signed_for_its_public_url() {
    let key = TownshipKey::generate().unwrap();
    let public = "https://County.Example.CN:443/gongkai/";
    let server = Server::with_township(&key, Some(public)).await;
    // What the proxy forwards: signed by a township that was given the public URL.
    let as_signed = PortalUrl::parse("https://county.example.cn/gongkai")
        .unwrap()
        .signed_portal();
    let request = signed(
        &key,
        &as_signed,
        ("POST", "/v1/push"),
        fresh_seq(),
        Utc::now(),
        push_body(vec![record_version(v7(), &v7(), "经反向代理", None)]),
    );
    assert_eq!(server.send(&request).await.0, 200);
    // Its own listen address is not what townships use: a request signed for it is refused.
    let direct = signed(
        &key,
        &server.addr.to_string(),
        ("GET", "/v1/pull/notices?limit=10"),
        fresh_seq(),
        Utc::now(),
        Vec::new(),
    );
    assert_eq!(server.refusal(&direct).await.1.code, ErrorCode::WrongPortal);
}

#[tokio::test(flavor = "multi_thread")]
async fn a_version_1_request_is_refused_telling_the_township_to_update() {
    let key = TownshipKey::generate().unwrap();
    let server = Server::with_township(&key, None).await;
    let mut v1 = signed(
        &key,
        &server.addr.to_string(),
        ("GET", "/v1/pull/notices?limit=10"),
        fresh_seq(),
        Utc::now(),
        Vec::new(),
    );
    for (name, value) in &mut v1.headers {
        if *name == H_PROTOCOL {
            *value = "1".into();
        }
    }
    let (status, error) = server.refusal(&v1).await;
    assert_eq!((status, error.code), (400, ErrorCode::UnsupportedProtocol));
    assert!(
        error.message.contains("第 2 版") && error.message.contains("升级"),
        "{}",
        error.message
    );
}

// ---- 3. a refused request cannot come back -------------------------------------------------

#[tokio::test(flavor = "multi_thread")]
async fn a_refused_request_sent_again_is_a_replay() {
    let key = TownshipKey::generate().unwrap();
    let server = Server::with_township(&key, None).await;
    let portal = server.addr.to_string();
    let client = server.client(&key);
    let mut seq = ClockSeq::default();

    // A chunk sent ahead of its place is refused...
    let pdf: Vec<u8> = (0..300_000u32).map(|i| (i * 7 % 251) as u8).collect();
    let sha = gongkai_sync::sha256_hex(&pdf);
    let ahead = signed(
        &key,
        &portal,
        (
            "PUT",
            &format!("/v1/attachments/{sha}?offset=100000&total={}", pdf.len()),
        ),
        fresh_seq(),
        Utc::now(),
        pdf[100_000..200_000].to_vec(),
    );
    assert_eq!(
        server.refusal(&ahead).await.1.code,
        ErrorCode::OffsetMismatch
    );
    // ...and once the first chunk is there, the same signed bytes would fit: still refused.
    client
        .upload_chunk(&mut seq, &sha, pdf.len() as u64, 0, &pdf[..100_000])
        .await
        .unwrap();
    assert_eq!(server.refusal(&ahead).await.1.code, ErrorCode::Replayed);
    assert_eq!(
        server.count("SELECT COALESCE(sum(length(content)), 0) FROM attachment_part"),
        100_000
    );

    // A request whose time was refused cannot be sent again once it would pass.
    let stale = signed(
        &key,
        &portal,
        ("GET", "/v1/pull/notices?limit=10"),
        fresh_seq(),
        Utc::now() - Duration::days(3),
        Vec::new(),
    );
    assert_eq!(server.refusal(&stale).await.1.code, ErrorCode::ClockSkew);
    let consumed = server.last_seq();
    assert_eq!(server.refusal(&stale).await.1.code, ErrorCode::Replayed);

    // A push refused for its body, and a pull for its cursor: consumed as well.
    let foreign = PushRequest {
        protocol: gongkai_sync::PROTOCOL_VERSION,
        township: "341502999".into(),
        entries: vec![record_version(v7(), &v7(), "乡镇代码不符", None)],
    };
    let refused_push = signed(
        &key,
        &portal,
        ("POST", "/v1/push"),
        fresh_seq(),
        Utc::now(),
        gzip::to_gzip_json(&foreign).unwrap(),
    );
    assert_eq!(
        server.refusal(&refused_push).await.1.code,
        ErrorCode::Malformed
    );
    assert!(server.last_seq() > consumed);
    assert_eq!(
        server.refusal(&refused_push).await.1.code,
        ErrorCode::Replayed
    );
    let bad_cursor = signed(
        &key,
        &portal,
        ("GET", "/v1/pull/catalog?limit=10&after=x"),
        fresh_seq(),
        Utc::now(),
        Vec::new(),
    );
    assert_eq!(
        server.refusal(&bad_cursor).await.1.code,
        ErrorCode::Malformed
    );
    assert_eq!(
        server.refusal(&bad_cursor).await.1.code,
        ErrorCode::Replayed
    );
    assert_eq!(server.count("SELECT count(*) FROM entry"), 0);
}

// ---- 4. an answer is read under a cap, gzip or not -----------------------------------------

/// A "portal" on loopback answering every request with `total` bytes of plain text, announced
/// by `Content-Length` or chunked without a length; counts the bytes it got to write before
/// the client hung up.
fn flooding_stub(announce_length: bool, total: usize) -> (SocketAddr, Arc<AtomicUsize>) {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = listener.local_addr().unwrap();
    let written = Arc::new(AtomicUsize::new(0));
    let counter = written.clone();
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(mut stream) = stream else { return };
            let _ = stream.set_write_timeout(Some(std::time::Duration::from_secs(10)));
            let mut head = Vec::new();
            let mut byte = [0u8; 1];
            while !head.ends_with(b"\r\n\r\n") && stream.read(&mut byte).unwrap_or(0) == 1 {
                head.push(byte[0]);
            }
            let framing = if announce_length {
                format!("Content-Length: {total}")
            } else {
                "Transfer-Encoding: chunked".to_owned()
            };
            let answer =
                format!("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n{framing}\r\n\r\n");
            if stream.write_all(answer.as_bytes()).is_err() {
                continue;
            }
            let piece = vec![b' '; 64 * 1024];
            let mut sent = 0;
            while sent < total {
                let result = if announce_length {
                    stream.write_all(&piece)
                } else {
                    stream
                        .write_all(format!("{:x}\r\n", piece.len()).as_bytes())
                        .and_then(|()| stream.write_all(&piece))
                        .and_then(|()| stream.write_all(b"\r\n"))
                };
                if result.is_err() {
                    break;
                }
                sent += piece.len();
                counter.fetch_add(piece.len(), Ordering::SeqCst);
            }
        }
    });
    (addr, written)
}

#[tokio::test(flavor = "multi_thread")]
async fn an_endless_plain_answer_is_cut_at_the_cap_with_a_clear_error() {
    let key = TownshipKey::from_seed(&[5; 32]);
    let total = 4 * MAX_RESPONSE_BYTES;
    for announce_length in [true, false] {
        let (addr, written) = flooding_stub(announce_length, total);
        let client = PortalClient::new(&format!("http://{addr}"), CODE, key.clone(), None).unwrap();
        let result = client
            .pull(&mut ClockSeq::default(), Stream::Notices, None, 10)
            .await;
        match result {
            Err(error @ ClientError::ResponseTooLarge { .. }) => {
                assert!(error.to_string().contains("16 MiB"), "{error}");
                assert!(!error.is_retryable());
            }
            Err(other) => panic!("announced {announce_length}: {other}"),
            Ok(page) => panic!(
                "announced {announce_length}: read as {} changes",
                page.changes.len()
            ),
        }
        // The client stopped reading: what the stub got out is the cap and the socket buffers,
        // not the whole answer.
        let sent = written.load(Ordering::SeqCst);
        assert!(
            sent < MAX_RESPONSE_BYTES + 8 * 1024 * 1024,
            "announced {announce_length}: {sent} bytes written of {total}"
        );
    }
}

// ---- 5. a backlog larger than one push -----------------------------------------------------

/// Text gzip shrinks little (printable ASCII without digits, quotes or backslashes), from a
/// fixed pseudo-random walk.
fn noise(len: usize, seed: u64) -> String {
    const ALPHABET: &[u8] =
        b"!#$%&'()*+,-./:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[]^_`abcdefghijklmnopqrstuvwxyz{|}~";
    let mut state = seed | 1;
    (0..len)
        .map(|_| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            char::from(ALPHABET[(state % ALPHABET.len() as u64) as usize])
        })
        .collect()
}

fn long_record(title: &str, body_len: usize, seed: u64) -> Entry {
    let mut entry = record_version(v7(), &v7(), title, None);
    entry.payload["body"] = json!(noise(body_len, seed));
    entry
}

#[tokio::test(flavor = "multi_thread")]
async fn a_backlog_over_the_body_limit_goes_up_in_several_pushes_and_an_entry_too_large_is_refused_here()
 {
    let key = TownshipKey::generate().unwrap();
    let server = Server::with_township(&key, None).await;
    let client = server.client(&key);
    let mut seq = ClockSeq::default();
    // 14 records of 1.5 MB each: about 17 MiB compressed, more than one push may carry.
    let mut entries: Vec<Entry> = (0..14)
        .map(|n| long_record(&format!("长文 {n}"), 1_500_000, n + 1))
        .collect();
    // One record that alone compresses to more than the limit.
    let oversize = long_record("超大记录", 22_000_000, 99);
    entries.insert(5, oversize.clone());

    let ack = client.push(&mut seq, &entries).await.unwrap();
    assert_eq!(ack.rejected.len(), 1, "{:?}", ack.rejected);
    assert_eq!(ack.rejected[0].id, oversize.id);
    assert_eq!(ack.rejected[0].code, RejectCode::TooLarge);
    assert!(
        ack.rejected[0].message.contains("“超大记录”"),
        "{}",
        ack.rejected[0].message
    );
    assert_eq!(ack.acked.len(), 14);
    assert_eq!(ack.stored, 14);
    assert_eq!(server.count("SELECT count(*) FROM entry"), 14);
    assert!(server.count("SELECT count(*) FROM push_batch") >= 2);
    assert_eq!(
        server.count(&format!(
            "SELECT count(*) FROM entry WHERE id = '{}'",
            oversize.id
        )),
        0
    );
}

/// The township's sync run drives the client on a current-thread runtime between long stretches
/// of its own work (reading attachments, checking and compressing its outbox), during which
/// nothing notices the portal closing the idle connection (after `Limits::header_read`, 10 s).
#[test]
fn a_run_busy_longer_than_the_portal_keeps_an_idle_connection_still_gets_through() {
    let county = tokio::runtime::Runtime::new().unwrap();
    let key = TownshipKey::generate().unwrap();
    let server = county.block_on(Server::with_township(&key, None));
    let township = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    let client = server.client(&key);
    let mut seq = ClockSeq::default();
    let first = record_version(v7(), &v7(), "第一批", None);
    township.block_on(client.push(&mut seq, &[first])).unwrap();
    // Busy, not polling the runtime, longer than the portal keeps the connection open.
    std::thread::sleep(std::time::Duration::from_secs(11));
    let second = record_version(v7(), &v7(), "第二批", None);
    let ack = township.block_on(client.push(&mut seq, &[second])).unwrap();
    assert_eq!(ack.stored, 1);
}
