//! The real portal on loopback, real SQLite files, the real client of `gongkai-sync`.

// Helpers outside #[test] functions are test code too.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod support;

use std::net::SocketAddr;

use chrono::Utc;
use gongkai_portal::db;
use gongkai_sync::auth::RequestAuth;
use gongkai_sync::client::{ClientError, ClockSeq, PortalClient};
use gongkai_sync::types::*;
use gongkai_sync::{TownshipKey, gzip};
use serde_json::json;

use support::server::Server;
use support::township::CODE;

fn v7() -> String {
    uuid::Uuid::now_v7().to_string()
}

fn record(title: &str) -> Entry {
    record_of(&v7(), title, None)
}

fn record_of(object_id: &str, title: &str, replaces: Option<String>) -> Entry {
    Entry {
        id: v7(),
        kind: "record".into(),
        object_id: object_id.into(),
        op: Op::Upsert,
        replaces,
        created_at: Utc::now().to_rfc3339(),
        payload: json!({
            "item_key": "财政预决算/预算/部门预算", "domain": "财政预决算", "item_name": "部门预算",
            "title": title, "formed_on": "2026-01-05", "published_on": "2026-01-06",
            "body": "全文见附件。", "channels": ["政府网站", "公开栏"], "attachments": []
        }),
    }
}

fn payout(id_cell: &str) -> Entry {
    Entry {
        id: v7(),
        kind: "payout_list".into(),
        object_id: v7(),
        op: Op::Upsert,
        replaces: None,
        created_at: Utc::now().to_rfc3339(),
        payload: json!({
            "title": "2026 年耕地地力保护补贴发放公示", "project": "耕地地力保护补贴",
            "villages": [{
                "village_code": "341502101201", "village_name": "东村",
                "notice_from": "2026-03-01", "notice_to": "2026-03-07",
                "columns": ["姓名", "身份证号", "金额（元）"],
                "rows": [["张*", id_cell, "120.00"], ["李*", "3415**********5678", "80.00"]],
                "summary": {"rows": 2, "amount_fen": 20000}
            }],
            "summary": {"rows": 2, "amount_fen": 20000}
        }),
    }
}

fn refused(result: Result<impl std::fmt::Debug, ClientError>) -> (u16, ErrorCode) {
    match result {
        Err(ClientError::Refused { status, error }) => {
            assert!(!error.message.is_empty());
            (status, error.code)
        }
        other => panic!("expected a refusal, got {other:?}"),
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn a_repeated_batch_is_stored_once_and_shows_on_the_public_page() {
    let server = Server::start().await;
    let key = TownshipKey::generate().unwrap();
    server.register(CODE, &key);
    let client = server.client(&key);
    let mut seq = ClockSeq::default();
    let batch = vec![
        record("2026 年部门预算"),
        record("2026 年一季度财政收支"),
        record("村级财务公开"),
    ];
    let ack = client.push(&mut seq, &batch).await.unwrap();
    assert_eq!(ack.stored, 3);
    assert_eq!(
        ack.acked,
        batch.iter().map(|e| e.id.clone()).collect::<Vec<_>>()
    );
    // the response was "lost": the same entries again, freshly signed
    let again = client.push(&mut seq, &batch).await.unwrap();
    assert_eq!((again.stored, again.acked.len()), (0, 3));
    assert_eq!(server.entries(), 3);
    assert_eq!(server.count("SELECT count(*) FROM push_batch"), 1);

    let (status, html) = server.page(&format!("/t/{CODE}")).await;
    assert_eq!(status, 200);
    assert!(
        html.contains("2026 年部门预算") && html.contains("财政预决算"),
        "{html}"
    );
    assert!(!html.contains("<script"));
    let record_url = format!("/t/{CODE}/r/{}", batch[0].object_id);
    let (status, html) = server.page(&record_url).await;
    assert_eq!(status, 200);
    assert!(html.contains("全文见附件") && html.contains("政府网站、公开栏"));
    let (_, index) = server.page("/").await;
    assert!(
        index.contains("示范镇") && !index.contains("尚未同步"),
        "{index}"
    );

    // an edit names the version it replaces and keeps the URL; a withdrawal removes it
    let edit = record_of(
        &batch[0].object_id,
        "2026 年部门预算（更正）",
        Some(batch[0].id.clone()),
    );
    client
        .push(&mut seq, std::slice::from_ref(&edit))
        .await
        .unwrap();
    let (_, html) = server.page(&record_url).await;
    assert!(html.contains("（更正）"));
    let mut withdraw = record_of(&batch[0].object_id, "", Some(edit.id.clone()));
    withdraw.op = Op::Withdraw;
    withdraw.payload = json!({"reason": "重复发布"});
    client
        .push(&mut seq, std::slice::from_ref(&withdraw))
        .await
        .unwrap();
    assert_eq!(server.page(&record_url).await.0, 410);
    assert!(
        !server
            .page(&format!("/t/{CODE}"))
            .await
            .1
            .contains("2026 年部门预算")
    );
    let stats = db::stats(&db::open(&server.db).unwrap()).unwrap();
    assert_eq!(stats[0].records, 2);
}

#[tokio::test(flavor = "multi_thread")]
async fn wrong_key_unknown_and_revoked_townships_are_refused_with_nothing_stored() {
    let server = Server::start().await;
    let key = TownshipKey::generate().unwrap();
    server.register(CODE, &key);
    let mut seq = ClockSeq::default();

    let impostor = server.client(&TownshipKey::generate().unwrap());
    assert_eq!(
        refused(impostor.push(&mut seq, &[record("冒名")]).await),
        (401, ErrorCode::BadSignature)
    );

    let stranger = PortalClient::new(&server.url(), "341502999", key.clone(), None).unwrap();
    assert_eq!(
        refused(stranger.push(&mut seq, &[record("未登记")]).await),
        (404, ErrorCode::UnknownTownship)
    );

    db::township_revoke(&mut db::open(&server.db).unwrap(), CODE).unwrap();
    let revoked = server.client(&key);
    assert_eq!(
        refused(revoked.push(&mut seq, &[record("已撤销")]).await),
        (403, ErrorCode::TownshipRevoked)
    );
    assert_eq!(
        refused(revoked.pull(&mut seq, Stream::Calendar, None, 10).await),
        (403, ErrorCode::TownshipRevoked)
    );
    assert_eq!(server.entries(), 0);
    assert_eq!(server.count("SELECT count(*) FROM push_batch"), 0);
    assert_eq!(
        server.count("SELECT count(*) FROM township WHERE last_sync IS NOT NULL"),
        0
    );
}

fn signed_push(
    portal: SocketAddr,
    key: &TownshipKey,
    seq: u64,
    entries: Vec<Entry>,
) -> (Vec<(&'static str, String)>, Vec<u8>) {
    let body = gzip::to_gzip_json(&PushRequest {
        protocol: gongkai_sync::PROTOCOL_VERSION,
        township: CODE.into(),
        entries,
    })
    .unwrap();
    let auth = RequestAuth::sign(
        key,
        &portal.to_string(),
        CODE,
        "POST",
        "/v1/push",
        seq,
        Utc::now(),
        &body,
    );
    let mut headers = auth.headers();
    headers.push(("content-type", "application/json".into()));
    headers.push(("content-encoding", "gzip".into()));
    (headers, body)
}

#[tokio::test(flavor = "multi_thread")]
async fn tampered_and_replayed_batches_are_refused_with_nothing_stored() {
    let server = Server::start().await;
    let key = TownshipKey::generate().unwrap();
    server.register(CODE, &key);

    // body altered in transit
    let (headers, body) = signed_push(server.addr, &key, 100, vec![record("原文")]);
    let (_, forged) = signed_push(server.addr, &key, 100, vec![record("篡改")]);
    let (status, error) = server.raw("POST", "/v1/push", &headers, &forged).await;
    assert_eq!(status, 422, "{}", String::from_utf8_lossy(&error));
    let error: ErrorBody = serde_json::from_slice(&error).unwrap();
    assert_eq!(error.code, ErrorCode::BodyTampered);
    assert_eq!(server.entries(), 0);

    // the genuine request goes through once; the captured copy is refused
    let (status, _) = server.raw("POST", "/v1/push", &headers, &body).await;
    assert_eq!(status, 200);
    let (status, error) = server.raw("POST", "/v1/push", &headers, &body).await;
    assert_eq!(status, 409);
    assert_eq!(
        serde_json::from_slice::<ErrorBody>(&error).unwrap().code,
        ErrorCode::Replayed
    );

    // an older request captured earlier (lower sequence) stores nothing
    let (old_headers, old_body) = signed_push(server.addr, &key, 50, vec![record("旧请求")]);
    let (status, _) = server
        .raw("POST", "/v1/push", &old_headers, &old_body)
        .await;
    assert_eq!(status, 409);
    assert_eq!(server.entries(), 1);

    // a county kind pushed by a township, and unmasked payout rows, are rejected per entry
    let client = server.client(&key);
    let mut seq = ClockSeq::default();
    let mut calendar = record("日历");
    calendar.kind = "calendar".into();
    let raw_id = payout("34150219800101123X");
    let masked = payout("3415**********1234");
    let ack = client
        .push(
            &mut seq,
            &[calendar.clone(), raw_id.clone(), masked.clone()],
        )
        .await
        .unwrap();
    assert_eq!(ack.acked, vec![masked.id.clone()]);
    let codes: Vec<RejectCode> = ack.rejected.iter().map(|r| r.code).collect();
    assert_eq!(codes, vec![RejectCode::NotOwner, RejectCode::UnmaskedData]);
    assert_eq!(server.entries(), 2);
    let (_, html) = server.page(&format!("/t/{CODE}/payouts")).await;
    assert!(
        html.contains("东村") && html.contains("2026-03-01 至 2026-03-07"),
        "{html}"
    );
    let (_, html) = server
        .page(&format!("/t/{CODE}/p/{}", masked.object_id))
        .await;
    assert!(html.contains("3415**********1234") && !html.contains("34150219800101123X"));
    let stats = db::stats(&db::open(&server.db).unwrap()).unwrap();
    assert_eq!((stats[0].records, stats[0].payout_rows), (1, 2));
}

/// Every push body the portal keeps, decompressed.
fn kept_batch_bodies(server: &Server) -> Vec<String> {
    let conn = db::open(&server.db).unwrap();
    let mut stmt = conn.prepare("SELECT body FROM push_batch").unwrap();
    stmt.query_map([], |r| r.get::<_, Vec<u8>>(0))
        .unwrap()
        .map(|b| String::from_utf8(gzip::gunzip(&b.unwrap(), 1 << 26).unwrap()).unwrap())
        .collect()
}

#[tokio::test(flavor = "multi_thread")]
async fn an_entry_refused_as_unmasked_is_kept_nowhere_even_beside_an_accepted_one() {
    let server = Server::start().await;
    let key = TownshipKey::generate().unwrap();
    server.register(CODE, &key);
    let raw_id = "34150219800101123X";
    let unmasked = payout(raw_id);
    let masked = payout("3415**********1234");
    // Sent as an older or foreign client would: both entries in one signed batch.
    let (headers, body) = signed_push(
        server.addr,
        &key,
        100,
        vec![masked.clone(), unmasked.clone()],
    );
    let (status, answer) = server.raw("POST", "/v1/push", &headers, &body).await;
    assert_eq!(status, 200, "{}", String::from_utf8_lossy(&answer));
    let ack: PushAck = serde_json::from_slice(&answer).unwrap();
    assert_eq!(ack.rejected.len(), 1, "{ack:?}");
    assert_eq!(ack.rejected[0].id, unmasked.id);
    assert_eq!(ack.rejected[0].code, RejectCode::UnmaskedData);
    for body in kept_batch_bodies(&server) {
        assert!(
            !body.contains(raw_id),
            "the refused entry is kept in the batch body: {body}"
        );
    }
    assert_eq!(
        server.count(&format!(
            "SELECT count(*) FROM entry WHERE payload LIKE '%{raw_id}%'"
        )),
        0
    );
    // The accepted entry was not stored with it: it is in neither list, so the township sends
    // it again, alone, and that batch is kept with its signed bytes.
    assert!(!ack.acked.contains(&masked.id), "{ack:?}");
    assert_eq!(server.entries(), 0);
    let ack = server
        .client(&key)
        .push(&mut ClockSeq::default(), std::slice::from_ref(&masked))
        .await
        .unwrap();
    assert_eq!((ack.acked, ack.stored), (vec![masked.id.clone()], 1));
    let kept = kept_batch_bodies(&server);
    assert_eq!(kept.len(), 1);
    assert!(kept[0].contains(&masked.id) && !kept[0].contains(raw_id));
}

#[tokio::test(flavor = "multi_thread")]
async fn the_client_refuses_an_unmasked_entry_without_sending_it() {
    let server = Server::start().await;
    let key = TownshipKey::generate().unwrap();
    server.register(CODE, &key);
    let raw_id = "34150219800101123X";
    let unmasked = payout(raw_id);
    let masked = payout("3415**********1234");
    let client = server.client(&key);
    let mut seq = ClockSeq::default();
    // Alone: refused on the township's side, no request made at all.
    let ack = client
        .push(&mut seq, std::slice::from_ref(&unmasked))
        .await
        .unwrap();
    assert_eq!(ack.rejected.len(), 1, "{ack:?}");
    assert_eq!(ack.rejected[0].code, RejectCode::UnmaskedData);
    assert!(!ack.rejected[0].message.contains(raw_id));
    assert_eq!(
        server.count("SELECT count(*) FROM township WHERE last_sync IS NOT NULL"),
        0,
        "no request reached the portal"
    );
    // Beside a good one: only the good one goes.
    let ack = client
        .push(&mut seq, &[unmasked.clone(), masked.clone()])
        .await
        .unwrap();
    assert_eq!(ack.acked, vec![masked.id.clone()]);
    assert_eq!(ack.rejected.len(), 1);
    let kept = kept_batch_bodies(&server);
    assert_eq!(kept.len(), 1);
    assert!(
        !kept[0].contains(&unmasked.id),
        "the refused entry was sent"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn pull_pages_through_each_stream_with_its_own_cursor() {
    let server = Server::start().await;
    let key = TownshipKey::generate().unwrap();
    server.register(CODE, &key);
    {
        let mut conn = db::open(&server.db).unwrap();
        for version in ["2026-01", "2026-02"] {
            let publication = json!({"version": version, "items": [
                {"key": "财政预决算/预算/部门预算", "op": "upsert", "item": {"name": "部门预算"}},
                {"key": "财政预决算/预算/旧事项", "op": "withdraw", "reason": "合并"}
            ]});
            db::publish(&mut conn, Stream::Catalog, &publication.to_string()).unwrap();
        }
        let calendar = json!({"version": "2026", "year": 2026, "days": [
            {"date": "2026-01-01", "kind": "holiday", "name": "元旦"},
            {"date": "2026-02-14", "kind": "workday"}
        ]});
        db::publish(&mut conn, Stream::Calendar, &calendar.to_string()).unwrap();
        assert!(db::publish(&mut conn, Stream::Calendar, &calendar.to_string()).is_err());
    }
    let client = server.client(&key);
    let mut seq = ClockSeq::default();
    let first = client
        .pull(&mut seq, Stream::Catalog, None, 1)
        .await
        .unwrap();
    assert_eq!((first.changes.len(), first.more), (1, true));
    assert_eq!(first.changes[0].version, "2026-01");
    let publication: CatalogPublication =
        serde_json::from_value(first.changes[0].payload.clone()).unwrap();
    assert_eq!(publication.items[1].op, Op::Withdraw);
    let second = client
        .pull(&mut seq, Stream::Catalog, Some(&first.next_cursor), 10)
        .await
        .unwrap();
    assert_eq!((second.changes.len(), second.more), (1, false));
    assert_eq!(second.changes[0].version, "2026-02");
    let done = client
        .pull(&mut seq, Stream::Catalog, Some(&second.next_cursor), 10)
        .await
        .unwrap();
    assert!(done.changes.is_empty());
    assert_eq!(done.next_cursor, second.next_cursor);
    // an uncommitted cursor is simply asked again: the same change comes back
    let again = client
        .pull(&mut seq, Stream::Catalog, Some(&first.next_cursor), 10)
        .await
        .unwrap();
    assert_eq!(again.changes[0].id, second.changes[0].id);

    let calendar = client
        .pull(&mut seq, Stream::Calendar, None, 10)
        .await
        .unwrap();
    assert_eq!(calendar.changes.len(), 1);
    let days: CalendarPublication =
        serde_json::from_value(calendar.changes[0].payload.clone()).unwrap();
    assert_eq!(days.days[0].kind, DayKind::Holiday);
    assert!(
        client
            .pull(&mut seq, Stream::Notices, None, 10)
            .await
            .unwrap()
            .changes
            .is_empty()
    );
    assert_eq!(
        refused(
            client
                .pull(&mut seq, Stream::Catalog, Some("not-a-cursor"), 10)
                .await
        ),
        (400, ErrorCode::Malformed)
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn attachments_upload_resumably_and_are_served_with_their_record() {
    let server = Server::start().await;
    let key = TownshipKey::generate().unwrap();
    server.register(CODE, &key);
    let client = server.client(&key);
    let mut seq = ClockSeq::default();
    let pdf: Vec<u8> = (0..700_000u32).map(|i| (i * 7 % 251) as u8).collect();
    let sha = gongkai_sync::sha256_hex(&pdf);

    // the first chunk arrives, then the connection "drops"
    let status = client
        .upload_chunk(&mut seq, &sha, pdf.len() as u64, 0, &pdf[..256 * 1024])
        .await
        .unwrap();
    assert_eq!(
        status,
        AttachmentStatus {
            received: 256 * 1024,
            complete: false
        }
    );
    // a chunk at the wrong offset is refused
    assert_eq!(
        refused(
            client
                .upload_chunk(&mut seq, &sha, pdf.len() as u64, 0, &pdf[..10])
                .await
        ),
        (416, ErrorCode::OffsetMismatch)
    );
    // resuming sends only the rest
    let status = client
        .upload_attachment(&mut seq, &pdf, 256 * 1024)
        .await
        .unwrap();
    assert!(status.complete);
    assert_eq!(server.count("SELECT count(*) FROM attachment_part"), 0);
    // uploading again is a no-op
    assert!(
        client
            .upload_attachment(&mut seq, &pdf, 256 * 1024)
            .await
            .unwrap()
            .complete
    );

    // bytes that do not match their address are discarded
    let fake_sha = gongkai_sync::sha256_hex(b"other");
    assert_eq!(
        refused(
            client
                .upload_chunk(&mut seq, &fake_sha, 5, 0, b"wrong")
                .await
        ),
        (400, ErrorCode::AttachmentCorrupt)
    );
    assert_eq!(server.count("SELECT count(*) FROM attachment_part"), 0);

    let mut entry = record("附件测试");
    entry.payload["attachments"] =
        json!([{"file_name": "预算.pdf", "sha256": sha, "size": pdf.len()}]);
    client.push(&mut seq, &[entry]).await.unwrap();
    let (status, bytes) = server
        .raw("GET", &format!("/t/{CODE}/a/{sha}"), &[], b"")
        .await;
    assert_eq!(status, 200);
    assert_eq!(bytes, pdf);
    assert_eq!(
        server
            .raw("GET", &format!("/t/{CODE}/a/{fake_sha}"), &[], b"")
            .await
            .0,
        404
    );
}

#[test]
fn the_client_refuses_plain_http_to_other_hosts() {
    let key = TownshipKey::from_seed(&[3; 32]);
    let error = PortalClient::new("http://192.168.1.20:8080", CODE, key, None).unwrap_err();
    assert!(error.to_string().contains("https"), "{error}");
}

#[test]
fn admin_commands_and_stats_json() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("portal.sqlite3");
    let db = db.to_str().unwrap();
    let exe = env!("CARGO_BIN_EXE_gongkai-portal");
    let run = |args: &[&str]| std::process::Command::new(exe).args(args).output().unwrap();
    let key = TownshipKey::from_seed(&[4; 32]).public_key().to_string();
    let added = run(&[
        "township",
        "add",
        "--db",
        db,
        "--code",
        CODE,
        "--name",
        "示范镇",
        "--public-key",
        &key,
    ]);
    assert!(
        added.status.success(),
        "{}",
        String::from_utf8_lossy(&added.stderr)
    );
    let bad = run(&[
        "township",
        "add",
        "--db",
        db,
        "--code",
        "34150210x",
        "--name",
        "镇",
        "--public-key",
        &key,
    ]);
    assert_eq!(bad.status.code(), Some(2));
    let file = dir.path().join("calendar.json");
    std::fs::write(&file, r#"{"version": "2026", "year": 2026, "days": [{"date": "2026-10-01", "kind": "holiday", "name": "国庆节"}]}"#).unwrap();
    assert!(
        run(&[
            "publish-calendar",
            "--db",
            db,
            "--file",
            file.to_str().unwrap()
        ])
        .status
        .success()
    );
    let stats = run(&["stats", "--db", db, "--json"]);
    let json: serde_json::Value = serde_json::from_slice(&stats.stdout).unwrap();
    assert_eq!(json["townships"][0]["code"], CODE);
    assert_eq!(json["townships"][0]["records"], 0);
    assert_eq!(json["townships"][0]["payout_rows"], 0);
    assert_eq!(json["townships"][0]["last_sync"], "");
    assert!(
        run(&["township", "revoke", "--db", db, "--code", CODE])
            .status
            .success()
    );
    let refused = run(&["serve", "--db", db, "--listen", "0.0.0.0:0"]);
    assert_eq!(refused.status.code(), Some(2));
}

/// The stored payload text of `id`.
fn stored_payload(server: &Server, id: &str) -> String {
    let conn = db::open(&server.db).unwrap();
    conn.query_row("SELECT payload FROM entry WHERE id = ?1", [id], |r| {
        r.get(0)
    })
    .unwrap()
}

#[tokio::test(flavor = "multi_thread")]
async fn what_is_kept_is_the_payload_as_read_and_a_resend_is_compared_as_read() {
    let server = Server::start().await;
    let key = TownshipKey::generate().unwrap();
    server.register(CODE, &key);
    let client = server.client(&key);
    let mut seq = ClockSeq::default();
    // A field the protocol does not have is neither checked nor kept.
    let mut entry = record("2026 年部门预算");
    entry.payload["备注"] = json!("不属于协议的内容");
    assert_eq!(
        client
            .push(&mut seq, &[entry.clone()])
            .await
            .unwrap()
            .stored,
        1
    );
    let kept = stored_payload(&server, &entry.id);
    assert!(!kept.contains("备注"), "{kept}");
    let read: RecordPayload = serde_json::from_str(&kept).unwrap();
    assert_eq!(read.title, "2026 年部门预算");

    // As an older portal kept it (the JSON tree's text, keys sorted): a resend of the same
    // entry is recognised as held, not refused as different.
    let as_tree = serde_json::to_string(&entry.payload).unwrap();
    assert_ne!(as_tree, kept);
    db::open(&server.db)
        .unwrap()
        .execute(
            "UPDATE entry SET payload = ?1 WHERE id = ?2",
            rusqlite::params![as_tree, entry.id],
        )
        .unwrap();
    let again = client
        .push(&mut seq, std::slice::from_ref(&entry))
        .await
        .unwrap();
    assert!(again.rejected.is_empty(), "{:?}", again.rejected);
    assert_eq!(
        (again.stored, again.acked.clone()),
        (0, vec![entry.id.clone()])
    );
    // The same id with other content is a conflict.
    let mut changed = entry.clone();
    changed.payload["title"] = json!("改过的标题");
    let ack = client.push(&mut seq, &[changed]).await.unwrap();
    assert_eq!(
        ack.rejected.iter().map(|r| r.code).collect::<Vec<_>>(),
        vec![RejectCode::Conflict]
    );
}
