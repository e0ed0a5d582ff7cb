//! `gongkai photos …` as a script drives it: a photo of a posted 公告 added (a PNG written here
//! byte by byte), listed, saved back as a JPEG, a text file refused naming it, and the size
//! photos are stored at.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod support;

use std::io::Write;

use flate2::Crc;
use flate2::write::ZlibEncoder;
use gongkai_api::Api;
use gongkai_api::wire::NoArgs;
use serde_json::json as value;
use support::{gongkai, json, path, said};
use tempfile::TempDir;

/// A `width`×`height` RGB PNG, a horizontal gradient: signature, IHDR, one IDAT, IEND.
fn png(width: u32, height: u32) -> Vec<u8> {
    fn chunk(out: &mut Vec<u8>, kind: &[u8], data: &[u8]) {
        out.extend_from_slice(&u32::try_from(data.len()).unwrap().to_be_bytes());
        let mut crc = Crc::new();
        crc.update(kind);
        crc.update(data);
        out.extend_from_slice(kind);
        out.extend_from_slice(data);
        out.extend_from_slice(&crc.sum().to_be_bytes());
    }
    let mut ihdr = Vec::new();
    ihdr.extend_from_slice(&width.to_be_bytes());
    ihdr.extend_from_slice(&height.to_be_bytes());
    ihdr.extend_from_slice(&[8, 2, 0, 0, 0]);
    // Each row: filter byte 0 (none), then the pixels.
    let mut row = vec![0u8];
    for x in 0..width {
        let v = u8::try_from(x * 255 / width).unwrap();
        row.extend_from_slice(&[v, 128, 255 - v]);
    }
    let raw = row.repeat(usize::try_from(height).unwrap());
    let mut zlib = ZlibEncoder::new(Vec::new(), flate2::Compression::default());
    zlib.write_all(&raw).unwrap();
    let mut out = b"\x89PNG\r\n\x1a\n".to_vec();
    chunk(&mut out, b"IHDR", &ihdr);
    chunk(&mut out, b"IDAT", &zlib.finish().unwrap());
    chunk(&mut out, b"IEND", &[]);
    out
}

#[test]
fn a_photo_of_a_posted_sheet_is_added_listed_saved_and_a_text_file_refused() {
    let dir = TempDir::new().unwrap();
    let db = dir.path().join("示范镇.sqlite3");
    Api::new(&db).setup_demo(NoArgs {}).unwrap();
    let db = path(&db);
    let applied = gongkai(&[
        "boards",
        "apply-template",
        "--db",
        db,
        "--template",
        "township",
    ]);
    assert!(applied.status.success(), "{}", said(&applied));
    let boards = json(&gongkai(&["boards", "list", "--db", db, "--json"]));
    let board = boards.as_array().unwrap()[0]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let today = json(&gongkai(&["postings", "due", "--db", db, "--json"]))["today"]
        .as_str()
        .unwrap()
        .to_owned();
    let sheet = dir.path().join("公告.json");
    let notice = value!({
        "kind": "gonggao",
        "title": "关于冬季防火的公告",
        "body": "请各村做好冬季防火工作。",
        "issuer": "示范镇人民政府",
        "issuedOn": today,
        "periodDays": 7
    });
    std::fs::write(&sheet, notice.to_string()).unwrap();
    let added = gongkai(&[
        "postings",
        "add",
        "--db",
        db,
        "--board",
        &board,
        "--zone",
        "政务公开",
        "--sheet",
        path(&sheet),
        "--round",
        "冬季防火",
        "--json",
    ]);
    assert!(added.status.success(), "{}", said(&added));
    let id = json(&added)["posting"]["id"].as_str().unwrap().to_owned();
    let out = dir.path().join("张贴包");
    std::fs::create_dir_all(&out).unwrap();
    let printed = gongkai(&[
        "postings",
        "print",
        "--db",
        db,
        "--round",
        "冬季防火",
        "--out",
        path(&out),
    ]);
    assert!(printed.status.success(), "{}", said(&printed));
    let posted = gongkai(&[
        "postings",
        "mark-posted",
        "--db",
        db,
        "--id",
        &id,
        "--on",
        &today,
        "--by",
        "李明",
    ]);
    assert!(posted.status.success(), "{}", said(&posted));

    let photo = dir.path().join("公开栏.png");
    std::fs::write(&photo, png(2000, 1000)).unwrap();
    let text = dir.path().join("说明.jpg");
    std::fs::write(&text, "这不是照片").unwrap();

    let refused = gongkai(&["photos", "add", "--db", db, "--id", &id, path(&text)]);
    assert_eq!(refused.status.code(), Some(1), "{}", said(&refused));
    assert!(
        String::from_utf8_lossy(&refused.stderr).contains("“说明.jpg”不是 JPEG 或 PNG 照片"),
        "{}",
        said(&refused)
    );

    let shown = gongkai(&["photos", "add", "--db", db, "--id", &id, path(&photo)]);
    assert!(shown.status.success(), "{}", said(&shown));
    let text_out = String::from_utf8_lossy(&shown.stdout);
    assert!(
        text_out.contains("新添加 1 张，本张贴共有 1 张现场照片"),
        "{text_out}"
    );
    assert!(
        text_out.contains("公开栏.png\t（无拍摄时间）\t1600×800"),
        "{text_out}"
    );
    assert!(
        text_out.contains("注意：照片“公开栏.png”没有拍摄时间"),
        "{text_out}"
    );

    let listed = json(&gongkai(&[
        "photos", "list", "--db", db, "--id", &id, "--json",
    ]));
    let listed = listed.as_array().unwrap();
    assert_eq!(listed.len(), 1);
    let sha256 = listed[0]["sha256"].as_str().unwrap();
    let saved_to = dir.path().join("另存.jpg");
    let saved = json(&gongkai(&[
        "photos",
        "get",
        "--db",
        db,
        "--sha256",
        sha256,
        "--out",
        path(&saved_to),
        "--json",
    ]));
    let jpeg = std::fs::read(&saved_to).unwrap();
    assert!(jpeg.starts_with(&[0xFF, 0xD8, 0xFF]));
    assert_eq!(saved["bytes"], jpeg.len());
    assert_eq!(listed[0]["size"], jpeg.len());

    let settings = gongkai(&["photos", "settings", "--db", db, "--max-edge", "1200"]);
    assert!(
        String::from_utf8_lossy(&settings.stdout).contains("长边 1200 像素"),
        "{}",
        said(&settings)
    );
    let wrong = gongkai(&["photos", "settings", "--db", db, "--max-edge", "10000"]);
    assert_eq!(wrong.status.code(), Some(1), "{}", said(&wrong));
}
