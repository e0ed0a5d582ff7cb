//! The portal serving HTTPS itself (`--tls-cert`/`--tls-key`), the township client trusting the
//! county's certificate, and a client that does not trust it refusing to talk.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::PathBuf;

use chrono::Utc;
use gongkai_portal::{Portal, db};
use gongkai_sync::TownshipKey;
use gongkai_sync::client::{ClientError, ClockSeq, PortalClient};
use gongkai_sync::types::{Entry, Op};
use serde_json::json;

const CODE: &str = "341502101";

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(
        std::env::var_os("CARGO_MANIFEST_DIR").expect("cargo test sets CARGO_MANIFEST_DIR"),
    )
    .join("tests/fixtures")
    .join(name)
}

fn record(title: &str) -> Entry {
    let id = uuid::Uuid::now_v7().to_string();
    Entry {
        id: id.clone(),
        kind: "record".into(),
        object_id: id,
        op: Op::Upsert,
        replaces: None,
        created_at: Utc::now().to_rfc3339(),
        payload: json!({
            "item_key": "财政预决算/预算/部门预算", "domain": "财政预决算", "item_name": "部门预算",
            "title": title, "formed_on": "2026-01-05", "published_on": "2026-01-06",
            "body": "全文见附件。", "channels": ["政府网站"], "attachments": []
        }),
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn the_portal_serves_https_and_the_township_pushes_over_it() {
    let dir = tempfile::tempdir().unwrap();
    let db_path = dir.path().join("portal.sqlite3");
    let portal = Portal::open(&db_path).unwrap();
    let key = TownshipKey::generate().unwrap();
    db::township_add(
        &mut db::open(&db_path).unwrap(),
        CODE,
        "示范镇",
        &key.public_key().to_string(),
    )
    .unwrap();
    let config =
        gongkai_portal::server_config(&fixture("test-cert.pem"), &fixture("test-key.pem")).unwrap();
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let port = listener.local_addr().unwrap().port();
    // Townships reach it by the certificate's name: that is its public URL.
    let url = format!("https://localhost:{port}");
    let portal = portal.with_public_url(&gongkai_sync::url::PortalUrl::parse(&url).unwrap());
    tokio::spawn(gongkai_portal::serve_tls(listener, portal, config));

    // A client that stalls in its handshake holds up nobody.
    let _stalled = tokio::net::TcpStream::connect(("127.0.0.1", port))
        .await
        .unwrap();

    let county_ca = std::fs::read(fixture("test-cert.pem")).unwrap();
    let client = PortalClient::new(&url, CODE, key.clone(), Some(&county_ca)).unwrap();
    let mut seq = ClockSeq::default();
    let ack = client
        .push(&mut seq, &[record("2026 年部门预算")])
        .await
        .unwrap();
    assert_eq!(ack.stored, 1);

    // Without the county's certificate the client refuses the connection: nothing is sent.
    let stranger = PortalClient::new(&url, CODE, key, None).unwrap();
    match stranger.push(&mut seq, &[record("不应送达")]).await {
        Err(e @ ClientError::Network(_)) => {
            assert!(e.to_string().contains("证书不受信任"), "{e}");
        }
        other => panic!("expected a refused connection, got {other:?}"),
    }
    let conn = db::open(&db_path).unwrap();
    let stored: i64 = conn
        .query_row("SELECT count(*) FROM entry", [], |r| r.get(0))
        .unwrap();
    assert_eq!(stored, 1);
}

#[test]
fn unreadable_certificates_are_refused_in_chinese() {
    let missing = fixture("missing.pem");
    let err = gongkai_portal::server_config(&missing, &fixture("test-key.pem")).unwrap_err();
    assert!(err.to_string().contains("证书文件"), "{err}");
    // The certificate given as its own key: no private key in it.
    let cert = fixture("test-cert.pem");
    let err = gongkai_portal::server_config(&cert, &cert).unwrap_err();
    assert!(err.to_string().contains("私钥文件"), "{err}");
}

#[test]
fn the_binary_serves_https_on_any_address_only_with_a_certificate() {
    let dir = tempfile::tempdir().unwrap();
    let db_path = dir.path().join("portal.sqlite3");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_gongkai-portal"))
        .args(["serve", "--db"])
        .arg(&db_path)
        .args(["--listen", "0.0.0.0:0"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("--tls-cert"), "{err}");
}
