//! Bulletin-board postings at the county (issue 11): the real portal on loopback, real SQLite
//! files, the real client of `gongkai-sync`; an older client's push as raw signed bytes, and a
//! portal that does not take postings (as one older than the kind answers).

// Helpers outside #[test] functions are test code too.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod support;

use std::net::SocketAddr;
use std::path::Path;

use chrono::{Duration, NaiveDate, Utc};
use gongkai_portal::{Portal, db};
use gongkai_sync::auth::RequestAuth;
use gongkai_sync::client::{ClockSeq, PortalClient};
use gongkai_sync::types::*;
use gongkai_sync::{TownshipKey, gzip};
use serde_json::json;
use support::portal;
use support::township::CODE;

fn v7() -> String {
    uuid::Uuid::now_v7().to_string()
}

/// A one-page PDF with `text` on it (a printed sheet as the county receives it).
fn pdf(text: &str) -> Vec<u8> {
    let stream = format!("BT /F1 24 Tf 72 720 Td ({text}) Tj ET");
    let objects = [
        "<< /Type /Catalog /Pages 2 0 R >>".to_owned(),
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_owned(),
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>".to_owned(),
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>".to_owned(),
        format!("<< /Length {} >>\nstream\n{stream}\nendstream", stream.len()),
    ];
    let mut out = b"%PDF-1.4\n".to_vec();
    let mut offsets = Vec::new();
    for (n, object) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.extend_from_slice(format!("{} 0 obj\n{object}\nendobj\n", n + 1).as_bytes());
    }
    let xref = out.len();
    out.extend_from_slice(
        format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).as_bytes(),
    );
    for offset in offsets {
        out.extend_from_slice(format!("{offset:010} 00000 n \n").as_bytes());
    }
    out.extend_from_slice(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
            objects.len() + 1
        )
        .as_bytes(),
    );
    out
}

struct Sheet {
    village: Option<(&'static str, &'static str)>,
    zone: (&'static str, ZoneCadence, Option<u8>),
    period: Option<String>,
    title: String,
    status: PostingStatus,
    notice: (NaiveDate, NaiveDate),
    posted_on: Option<NaiveDate>,
    taken_down_on: Option<NaiveDate>,
    sheet: Option<AttachmentRef>,
    photos: Vec<PhotoRef>,
}

impl Sheet {
    fn posted(
        village: Option<(&'static str, &'static str)>,
        title: &str,
        today: NaiveDate,
    ) -> Self {
        Sheet {
            village,
            zone: ("政务公开", ZoneCadence::AsNeeded, None),
            period: None,
            title: title.to_owned(),
            status: PostingStatus::Posted,
            notice: (today - Duration::days(3), today + Duration::days(4)),
            posted_on: Some(today - Duration::days(3)),
            taken_down_on: None,
            sheet: None,
            photos: Vec::new(),
        }
    }

    fn monthly(mut self, zone: &'static str, due_day: u8, period: &str) -> Self {
        self.zone = (zone, ZoneCadence::Monthly, Some(due_day));
        self.period = Some(period.to_owned());
        self
    }

    fn payload(&self) -> PostingPayload {
        let status = self.status;
        PostingPayload {
            village_code: self.village.map(|v| v.0.to_owned()),
            village_name: self.village.map(|v| v.1.to_owned()),
            board_id: format!("board-{}", self.village.map_or("town", |v| v.0)),
            board_name: "村务公开栏".to_owned(),
            zone_id: format!("zone-{}", self.zone.0),
            zone_name: self.zone.0.to_owned(),
            cadence: self.zone.1,
            due_day: self.zone.2,
            period: self.period.clone(),
            title: self.title.clone(),
            register_no: format!("GK-{}", &v7()[..8]),
            notice_from: self.notice.0,
            notice_to: self.notice.1,
            status,
            printed_at: (status != PostingStatus::Draft).then(|| Utc::now().to_rfc3339()),
            posted_on: self.posted_on,
            posted_by: self.posted_on.map(|_| "李文书".to_owned()),
            taken_down_on: self.taken_down_on,
            archived_at: (status == PostingStatus::Archived).then(|| Utc::now().to_rfc3339()),
            taken_down_early: self.taken_down_on.is_some_and(|d| d < self.notice.1),
            reposts: None,
            sheet: self.sheet.clone(),
            photos: self.photos.clone(),
        }
    }

    fn entry(&self) -> Entry {
        Entry {
            id: v7(),
            kind: "posting".into(),
            object_id: v7(),
            op: Op::Upsert,
            replaces: None,
            created_at: Utc::now().to_rfc3339(),
            payload: serde_json::to_value(self.payload()).unwrap(),
        }
    }
}

fn record(title: &str) -> Entry {
    Entry {
        id: v7(),
        kind: "record".into(),
        object_id: v7(),
        op: Op::Upsert,
        replaces: None,
        created_at: Utc::now().to_rfc3339(),
        payload: json!({
            "item_key": "财政预决算/预算/部门预算", "domain": "财政预决算", "item_name": "部门预算",
            "title": title, "formed_on": "2026-01-05", "published_on": "2026-01-06",
            "body": "全文见附件。", "channels": ["公开栏"], "attachments": []
        }),
    }
}

struct County {
    addr: SocketAddr,
    db: std::path::PathBuf,
    client: PortalClient,
    seq: ClockSeq,
    key: TownshipKey,
    _dir: tempfile::TempDir,
}

impl County {
    async fn start(refused: Vec<Kind>) -> Self {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("portal.sqlite3");
        let key = TownshipKey::generate().unwrap();
        portal::register(&db, &key);
        let addr =
            portal::serve_in_process(Portal::open(&db).unwrap().refusing_kinds(refused)).await;
        let client = PortalClient::new(&format!("http://{addr}"), CODE, key.clone(), None).unwrap();
        County {
            addr,
            db,
            client,
            seq: ClockSeq::default(),
            key,
            _dir: dir,
        }
    }

    async fn push(&mut self, entries: &[Entry]) -> PushAck {
        self.client.push(&mut self.seq, entries).await.unwrap()
    }

    async fn upload(&mut self, bytes: &[u8]) -> String {
        let status = self
            .client
            .upload_attachment(&mut self.seq, bytes, 64 * 1024)
            .await
            .unwrap();
        assert!(status.complete);
        gongkai_sync::sha256_hex(bytes)
    }

    async fn page(&self, path: &str) -> (u16, String) {
        let (status, body) = portal::request(self.addr, "GET", path, &[], b"").await;
        (status, String::from_utf8(body).unwrap())
    }

    fn entries(&self) -> i64 {
        let conn = db::open(&self.db).unwrap();
        conn.query_row("SELECT count(*) FROM entry", [], |r| r.get(0))
            .unwrap()
    }
}

fn stats(db_path: &Path, today: NaiveDate) -> db::TownshipStats {
    db::stats_on(&db::open(db_path).unwrap(), today)
        .unwrap()
        .remove(0)
}

#[tokio::test(flavor = "multi_thread")]
async fn the_sheets_up_today_are_shown_per_village_with_their_pdf_and_nothing_else() {
    let mut county = County::start(Vec::new()).await;
    let today = gongkai_portal::boards::beijing_today();
    let sheet_pdf = pdf("Caiwu gongshi 2026-11");
    let sheet_sha = county.upload(&sheet_pdf).await;
    let photo = b"\xFF\xD8\xFF\xE0 a downscaled board photo \xFF\xD9".to_vec();
    let photo_sha = county.upload(&photo).await;

    let shiyan = Some(("999999001001", "示范村"));
    let dongfeng = Some(("999999001002", "东风村"));
    let mut up = Sheet::posted(shiyan, "示范村关于<2026>年11月财务收支的公示", today).monthly(
        "财务公开",
        15,
        "2026-11",
    );
    up.sheet = Some(AttachmentRef {
        file_name: "财务公开-2026-11.pdf".into(),
        sha256: sheet_sha.clone(),
        size: sheet_pdf.len() as u64,
    });
    up.photos = vec![PhotoRef {
        sha256: photo_sha.clone(),
        size: photo.len() as u64,
    }];
    let mut ended = Sheet::posted(dongfeng, "东风村低保初审公示（已期满）", today);
    ended.notice = (today - Duration::days(10), today - Duration::days(1));
    ended.posted_on = Some(today - Duration::days(10));
    let mut taken_down = Sheet::posted(dongfeng, "东风村宅基地申请公示（被撕）", today);
    taken_down.status = PostingStatus::TakenDown;
    taken_down.taken_down_on = Some(today - Duration::days(1));
    let town = Sheet::posted(None, "镇便民服务事项一览", today);
    let mut draft = Sheet::posted(shiyan, "示范村尚未张贴的草稿", today);
    draft.status = PostingStatus::Draft;
    draft.posted_on = None;
    let entries: Vec<Entry> = [&up, &ended, &taken_down, &town, &draft]
        .iter()
        .map(|s| s.entry())
        .collect();
    let ack = county.push(&entries).await;
    assert!(ack.rejected.is_empty(), "{:?}", ack.rejected);
    assert_eq!(ack.stored, 5);
    assert!(
        ack.kinds
            .as_ref()
            .is_some_and(|k| k.contains(&"posting".to_owned())),
        "{ack:?}"
    );

    let boards = format!("/t/{CODE}/boards");
    let (status, html) = county.page(&boards).await;
    assert_eq!(status, 200, "{html}");
    assert!(
        html.contains("示范村关于&lt;2026&gt;年11月财务收支的公示")
            && html.contains(&format!("/t/{CODE}/a/{sheet_sha}"))
            && html.contains("<h2>示范村</h2>")
            && html.contains("镇便民服务事项一览")
            && html.contains("示范镇（乡镇本级）"),
        "{html}"
    );
    for absent in ["已期满", "被撕", "草稿", "<script", "<2026>"] {
        assert!(!html.contains(absent), "{absent}: {html}");
    }
    let (_, township) = county.page(&format!("/t/{CODE}")).await;
    assert!(township.contains(&boards), "{township}");

    // The sheet downloads as the PDF it is; the photo is evidence for the county, never public.
    let (status, bytes) = portal::request(
        county.addr,
        "GET",
        &format!("/t/{CODE}/a/{sheet_sha}"),
        &[],
        b"",
    )
    .await;
    assert_eq!((status, bytes == sheet_pdf), (200, true));
    assert_eq!(
        county.page(&format!("/t/{CODE}/a/{photo_sha}")).await.0,
        404
    );
    assert_eq!(stats(&county.db, today).postings_up, 2);

    // Withdrawn (the posting deleted at the township): off the page, its sheet no longer served.
    let withdraw = Entry {
        id: v7(),
        op: Op::Withdraw,
        replaces: Some(entries[0].id.clone()),
        payload: json!({"reason": "张贴已删除"}),
        ..entries[0].clone()
    };
    assert_eq!(county.push(&[withdraw]).await.stored, 1);
    let (_, html) = county.page(&boards).await;
    assert!(!html.contains("财务收支"), "{html}");
    assert_eq!(
        county.page(&format!("/t/{CODE}/a/{sheet_sha}")).await.0,
        404
    );
    assert_eq!(stats(&county.db, today).postings_up, 1);
    // Tomorrow's page is another page: the township's sheet is still within its period.
    assert!(
        db::stats_on(&db::open(&county.db).unwrap(), today + Duration::days(5)).unwrap()[0]
            .postings_up
            == 0
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn stats_name_the_villages_whose_periodic_boards_are_overdue() {
    let mut county = County::start(Vec::new()).await;
    let today = gongkai_portal::boards::beijing_today();
    let shiyan = Some(("999999001001", "示范村"));
    let dongfeng = Some(("999999001002", "东风村"));
    let mut draft = Sheet::posted(shiyan, "示范村 2026年11月财务（草稿）", today).monthly(
        "财务公开",
        15,
        "2026-11",
    );
    draft.status = PostingStatus::Draft;
    draft.posted_on = None;
    let mut quarterly = Sheet::posted(dongfeng, "东风村三季度村务", today);
    quarterly.zone = ("村务公开", ZoneCadence::Quarterly, Some(15));
    quarterly.period = Some("2026-Q3".into());
    let sheets = [
        Sheet::posted(shiyan, "示范村 2026年9月财务", today).monthly("财务公开", 15, "2026-09"),
        draft,
        Sheet::posted(dongfeng, "东风村 2026年11月财务", today).monthly("财务公开", 15, "2026-11"),
        quarterly,
        Sheet::posted(None, "镇 2026年10月政务公开", today).monthly("政务公开", 10, "2026-10"),
    ];
    let entries: Vec<Entry> = sheets.iter().map(Sheet::entry).collect();
    assert_eq!(county.push(&entries).await.stored, 5);

    let on = |date: &str| stats(&county.db, date.parse().unwrap()).overdue_villages;
    // 示范村: September posted, October was due 11-15 (a draft for November does not count);
    // the township's own board: October posted, November was due 12-10.
    assert_eq!(on("2026-12-16"), ["乡镇本级", "示范村"]);
    assert_eq!(on("2026-12-10"), ["示范村"]);
    assert!(on("2026-11-15").is_empty());
    // 东风村: December's 财务 and Q4's 村务 are both due 2027-01-15.
    assert_eq!(on("2027-01-16"), ["乡镇本级", "示范村", "东风村"]);

    // The binary's `stats --json` says the same for today.
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_gongkai-portal"))
        .args(["stats", "--json", "--db"])
        .arg(&county.db)
        .output()
        .unwrap();
    assert!(output.status.success());
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let township = &json["townships"][0];
    let expected = stats(&county.db, today);
    assert_eq!(
        township["overdue_villages"],
        json!(expected.overdue_villages)
    );
    assert_eq!(
        township["villages_with_overdue_boards"],
        json!(expected.overdue_villages.len())
    );
    assert_eq!(township["postings_up"], json!(expected.postings_up));
}

/// What a workbench released before postings reads of a push answer.
#[derive(serde::Deserialize)]
struct OldPushAck {
    acked: Vec<String>,
    stored: u64,
    #[serde(default)]
    rejected: Vec<Rejection>,
}

#[tokio::test(flavor = "multi_thread")]
async fn an_older_township_client_keeps_working_against_this_portal() {
    let county = County::start(Vec::new()).await;
    // Today's protocol, byte for byte as an older workbench sends it: a signed gzip push of a
    // record, its answer read with the fields that workbench knows.
    let entry = record("2026 年部门预算");
    let body = gzip::to_gzip_json(&json!({
        "protocol": 2, "township": CODE, "entries": [entry]
    }))
    .unwrap();
    let auth = RequestAuth::sign(
        &county.key,
        &county.addr.to_string(),
        CODE,
        "POST",
        "/v1/push",
        gongkai_sync::auth::next_seq(0, Utc::now()),
        Utc::now(),
        &body,
    );
    let mut headers: Vec<(&str, String)> = auth.headers();
    headers.push(("Content-Type", "application/json".into()));
    headers.push(("Content-Encoding", "gzip".into()));
    let (status, answer) = portal::request(county.addr, "POST", "/v1/push", &headers, &body).await;
    assert_eq!(status, 200, "{}", String::from_utf8_lossy(&answer));
    let old: OldPushAck = serde_json::from_slice(&answer).unwrap();
    assert_eq!((old.acked, old.stored), (vec![entry.id.clone()], 1));
    assert!(old.rejected.is_empty());
    // The capability is one more field, which the older client's reading passes over.
    let raw: serde_json::Value = serde_json::from_slice(&answer).unwrap();
    assert!(raw["kinds"].as_array().unwrap().contains(&json!("posting")));
    assert_eq!(county.entries(), 1);
    let (_, html) = county.page(&format!("/t/{CODE}")).await;
    assert!(html.contains("2026 年部门预算"));
}

#[tokio::test(flavor = "multi_thread")]
async fn a_portal_without_postings_refuses_them_as_unknown_and_keeps_the_rest_for_a_resend() {
    let mut county = County::start(vec![Kind::Posting]).await;
    let today = gongkai_portal::boards::beijing_today();
    let notice = record("村级财务公开");
    let posting = Sheet::posted(Some(("999999001001", "示范村")), "示范村财务公示", today).entry();
    let ack = county.push(&[notice.clone(), posting.clone()]).await;
    assert_eq!(ack.rejected.len(), 1, "{ack:?}");
    assert_eq!(
        (ack.rejected[0].id.as_str(), ack.rejected[0].code),
        (posting.id.as_str(), RejectCode::UnknownKind)
    );
    // Nothing of that batch is kept; the record, unanswered, goes again without the posting.
    assert!(ack.acked.is_empty() && ack.stored == 0);
    assert!(
        ack.kinds
            .as_ref()
            .is_some_and(|k| !k.contains(&"posting".to_owned()) && k.contains(&"record".to_owned())),
        "{ack:?}"
    );
    assert_eq!(county.entries(), 0);
    let ack = county.push(std::slice::from_ref(&notice)).await;
    assert_eq!(
        (ack.stored, ack.acked.clone()),
        (1, vec![notice.id.clone()])
    );

    // The county upgrades (the same file, served without the refusal): the posting the
    // township kept queued is taken.
    let addr = portal::serve_in_process(Portal::open(&county.db).unwrap()).await;
    let client =
        PortalClient::new(&format!("http://{addr}"), CODE, county.key.clone(), None).unwrap();
    let ack = client
        .push(&mut county.seq, std::slice::from_ref(&posting))
        .await
        .unwrap();
    assert_eq!((ack.stored, ack.acked), (1, vec![posting.id]));
}
