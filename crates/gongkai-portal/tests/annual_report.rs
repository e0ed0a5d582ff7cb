//! Annual reports at the county (issue 12): two townships push their report records with 表三
//! and the PDF to the real portal on loopback; each township page lists its report with the PDF
//! streamed as an attachment, and `gongkai-portal stats --json` sums 表三 cell by cell, counting
//! a replaced version once and a withdrawn report not at all.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod support;

use chrono::Utc;
use gongkai_portal::db;
use gongkai_sync::TownshipKey;
use gongkai_sync::client::{ClockSeq, PortalClient};
use gongkai_sync::types::{Entry, Op};
use serde_json::{Value, json};

use support::server::Server;
use support::township::CODE;

const OTHER: &str = "341502102";

fn v7() -> String {
    uuid::Uuid::now_v7().to_string()
}

/// 表三 with three columns and two rows: `new` of 自然人 and 商业企业, `carried` of 自然人.
fn table3(new_natural: u32, new_business: u32, carried: u32) -> Value {
    json!({
        "year": 2025,
        "columns": [
            {"key": "natural", "label": "自然人"},
            {"key": "business", "label": "商业企业"},
            {"key": "total", "label": "总计"}
        ],
        "rows": [
            {"key": "new", "label": "一、本年新收政府信息公开申请数量",
             "cells": [new_natural, new_business, new_natural + new_business]},
            {"key": "carried", "label": "二、上年结转政府信息公开申请数量",
             "cells": [carried, 0, carried]}
        ]
    })
}

fn report(
    object_id: &str,
    township: &str,
    figures: Value,
    pdf: &[u8],
    replaces: Option<String>,
) -> Entry {
    Entry {
        id: v7(),
        kind: "record".into(),
        object_id: object_id.into(),
        op: Op::Upsert,
        replaces,
        created_at: Utc::now().to_rfc3339(),
        payload: json!({
            "item_key": "政务公开工作/政府信息公开工作年度报告/年度报告",
            "domain": "政务公开工作", "item_name": "年度报告",
            "title": format!("{township}2025年政府信息公开工作年度报告"),
            "formed_on": "2026-01-10", "published_on": "2026-01-12",
            "body": "全文见附件。", "channels": ["政府网站"],
            "attachments": [{"file_name": format!("{township}2025年报告.pdf"),
                             "sha256": gongkai_sync::sha256_hex(pdf), "size": pdf.len()}],
            "annual_report": figures
        }),
    }
}

struct Township {
    client: PortalClient,
    seq: ClockSeq,
}

impl Township {
    fn new(server: &Server, code: &str, name: &str) -> Township {
        let key = TownshipKey::generate().unwrap();
        let mut conn = db::open(&server.db).unwrap();
        db::township_add(&mut conn, code, name, &key.public_key().to_string()).unwrap();
        Township {
            client: PortalClient::new(&server.url(), code, key, None).unwrap(),
            seq: ClockSeq::default(),
        }
    }

    async fn push(&mut self, entries: &[Entry], files: &[&[u8]]) {
        for file in files {
            let status = self
                .client
                .upload_attachment(&mut self.seq, file, 64 * 1024)
                .await
                .unwrap();
            assert!(status.complete);
        }
        let ack = self.client.push(&mut self.seq, entries).await.unwrap();
        assert!(ack.rejected.is_empty(), "{:?}", ack.rejected);
    }
}

fn stats_json(server: &Server, year: Option<&str>) -> Value {
    let db = server.db.display().to_string();
    let mut args = vec!["stats", "--db", db.as_str(), "--json"];
    if let Some(year) = year {
        args.extend(["--year", year]);
    }
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_gongkai-portal"))
        .args(&args)
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_slice(&output.stdout).unwrap()
}

/// The county's cell by row and column key.
fn county_cell(stats: &Value, row: &str, column: &str) -> u64 {
    let table = &stats["table3"];
    let c = table["columns"]
        .as_array()
        .unwrap()
        .iter()
        .position(|c| c["key"] == column)
        .unwrap();
    let r = table["rows"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["key"] == row)
        .unwrap();
    r["cells"][c].as_u64().unwrap()
}

#[tokio::test(flavor = "multi_thread")]
async fn townships_reports_are_listed_with_their_pdf_and_table3_is_summed_cell_by_cell() {
    let server = Server::start().await;
    let mut first = Township::new(&server, CODE, "示范镇");
    let mut second = Township::new(&server, OTHER, "东岭乡");
    let pdf_a: Vec<u8> = (0..150_000u32).map(|i| (i * 13 % 251) as u8).collect();
    let pdf_b: Vec<u8> = (0..90_000u32).map(|i| (i * 7 % 241) as u8).collect();

    // 示范镇 publishes, then re-finalizes: the new version replaces the first, counted once.
    let report_a = v7();
    let first_version = report(&report_a, "示范镇", table3(1, 1, 0), &pdf_a, None);
    let first_id = first_version.id.clone();
    first.push(&[first_version], &[&pdf_a]).await;
    let second_version = report(&report_a, "示范镇", table3(4, 2, 1), &pdf_a, Some(first_id));
    let second_id = second_version.id.clone();
    first.push(&[second_version], &[]).await;
    second
        .push(
            &[report(&v7(), "东岭乡", table3(3, 0, 2), &pdf_b, None)],
            &[&pdf_b],
        )
        .await;

    // Each township page lists its report; the PDF streams as the record's attachment.
    let (status, page) = server.page(&format!("/t/{CODE}")).await;
    assert_eq!(status, 200);
    assert!(page.contains("政府信息公开工作年度报告"), "{page}");
    assert!(page.contains("2025年度"), "{page}");
    let sha_a = gongkai_sync::sha256_hex(&pdf_a);
    assert!(page.contains(&format!("/t/{CODE}/a/{sha_a}")), "{page}");
    assert!(
        !page.contains("东岭乡2025年"),
        "one township's page shows its own reports only"
    );
    let (status, bytes) = server
        .raw("GET", &format!("/t/{CODE}/a/{sha_a}"), &[], b"")
        .await;
    assert_eq!((status, bytes.len()), (200, pdf_a.len()));
    assert_eq!(bytes, pdf_a);
    let (_, other_page) = server.page(&format!("/t/{OTHER}")).await;
    assert!(
        other_page.contains("东岭乡2025年政府信息公开工作年度报告"),
        "{other_page}"
    );

    // The county's 表三: each cell the sum of the townships' versions in force.
    let stats = stats_json(&server, Some("2025"));
    assert_eq!(stats["table3"]["year"], 2025);
    assert_eq!(county_cell(&stats, "new", "natural"), 4 + 3);
    assert_eq!(county_cell(&stats, "new", "business"), 2);
    assert_eq!(county_cell(&stats, "new", "total"), 6 + 3);
    assert_eq!(county_cell(&stats, "carried", "natural"), 1 + 2);
    assert_eq!(county_cell(&stats, "carried", "business"), 0);
    // …and per township, beside its other figures.
    let townships = stats["townships"].as_array().unwrap();
    let own = |code: &str| townships.iter().find(|t| t["code"] == code).unwrap()["table3"].clone();
    assert_eq!(own(CODE)["rows"][0]["cells"], json!([4, 2, 6]));
    assert_eq!(own(OTHER)["rows"][1]["cells"], json!([2, 0, 2]));
    // Without --year: the newest year held. Another year: nothing summed.
    assert_eq!(stats_json(&server, None)["table3"]["year"], 2025);
    let empty = stats_json(&server, Some("2024"));
    assert_eq!(empty["table3"]["townships"], json!([]));
    assert_eq!(empty["table3"]["rows"], json!([]));

    // A withdrawn report leaves the page and the sums.
    let withdraw = Entry {
        id: v7(),
        kind: "record".into(),
        object_id: report_a.clone(),
        op: Op::Withdraw,
        replaces: Some(second_id),
        created_at: Utc::now().to_rfc3339(),
        payload: json!({"reason": "重新定稿"}),
    };
    first.push(&[withdraw], &[]).await;
    let stats = stats_json(&server, Some("2025"));
    assert_eq!(county_cell(&stats, "new", "natural"), 3);
    assert_eq!(stats["table3"]["townships"].as_array().unwrap().len(), 1);
    let (_, page) = server.page(&format!("/t/{CODE}")).await;
    assert!(!page.contains("2025年度"), "{page}");
}
