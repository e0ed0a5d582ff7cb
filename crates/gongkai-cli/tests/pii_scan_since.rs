//! The PII scan of `pii_scan.rs` over the writers added since issue 10: 依申请公开 requests (the
//! applicant's ID number, a scan named by it, the letters as PDF and `.docx`), the annual report
//! (PDF, `.docx`, its record at the county), the normative-document library, the county catalog
//! import and the work-plan import (their previews and refusals naming cells), composed 公示单 on
//! bulletin boards (the pack printed, the register), the reading point's views, the CLI's
//! `--json` of these, sync to the real county portal on loopback and its public pages, backups.
//!
//! Two kinds of numbers are planted. An applicant's ID number, given in its own field, is kept
//! as a keyed hash and masked: it is looked for in every byte written, the township's database
//! and backups included. A number a clerk types into free text (a subject, a note, a document,
//! the report's prose, a cell of a county or plan table) is the clerk's text and stays in the
//! township's database as typed; it is looked for in everything that leaves the clerk's hands:
//! letters, exports, printed packs, messages naming the cell, the reading point's screen, the
//! sync bodies, the county's database and its pages (the protocol refuses such an entry as
//! `unmasked_data`, and the township refuses it before sending).

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::print_stderr
)]

mod pii_scanner;
mod support;

use std::path::{Path, PathBuf};
use std::process::Output;

use gongkai_api::Api;
use gongkai_api::wire::{
    AttachArgs, CatalogItemsArgs, DocumentAttachArgs, DocumentInput, DocumentKind, IdArgs,
    LetterFormat, NoArgs, PublishInput, ReadingDomainArgs, ReadingSearchArgs, RecordInput,
    ReportDraft, ReportExportArgs, RequestAttachArgs, RequestLetterKind, RequestLetterSaveArgs,
    ReviewInput, SecrecyAnswer, SecrecyInput,
};
use pii_scanner::{Scanner, Secret, report};
use rust_xlsxwriter::Workbook;
use serde_json::json as value;
use support::{County, bank, id, json, path, said};
use tempfile::TempDir;

/// A run of the CLI whose stdout and stderr are kept as files under `logs`.
struct Runs {
    n: usize,
}

impl Runs {
    fn run(&mut self, logs: &Path, name: &str, args: &[&str]) -> Output {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_gongkai"))
            .args(args)
            .env("GONGKAI_BACKUP_PASSPHRASE", "correct horse battery staple")
            .output()
            .unwrap();
        self.n += 1;
        std::fs::create_dir_all(logs).unwrap();
        let stem = logs.join(format!("{:03}-{name}", self.n));
        std::fs::write(stem.with_extension("stdout"), &out.stdout).unwrap();
        std::fs::write(stem.with_extension("stderr"), &out.stderr).unwrap();
        out
    }

    fn ok(&mut self, logs: &Path, name: &str, args: &[&str]) -> Output {
        let out = self.run(logs, name, args);
        assert!(out.status.success(), "{name}: {}", said(&out));
        out
    }
}

/// Numbers planted for this scan, from 700 on (the payout scan's are below 100).
struct Planted {
    /// In an applicant's ID field: nowhere, not even the township's database.
    never: Vec<Secret>,
    /// Typed into free text or a table's cell: nowhere that leaves the clerk's hands.
    typed: Vec<Secret>,
}

impl Planted {
    fn applicant(&mut self, what: &str, n: u32) -> String {
        let digits = id(n);
        self.never.push(Secret::new(what, &digits));
        digits
    }

    fn typed_id(&mut self, what: &str, n: u32) -> String {
        let digits = id(n);
        self.typed.push(Secret::new(what, &digits));
        digits
    }

    fn typed_bank(&mut self, what: &str, n: u32) -> String {
        let digits = bank(n);
        self.typed.push(Secret::new(what, &digits));
        digits
    }
}

/// `digits` as people type them: groups of four by an ideographic space.
fn spaced(digits: &str) -> String {
    let chars: Vec<char> = digits.chars().collect();
    chars
        .chunks(4)
        .map(|c| c.iter().collect::<String>())
        .collect::<Vec<_>>()
        .join("\u{3000}")
}

/// The columns of the county tables the scan imports.
const COUNTY_HEADER: [&str; 6] = [
    "序号",
    "领域",
    "一级事项",
    "二级事项",
    "公开时限",
    "公开层级",
];

fn write_table(file: &Path, title: &str, header: &[&str], rows: &[Vec<String>]) {
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet.write(0, 0, title).unwrap();
    for (c, h) in header.iter().enumerate() {
        sheet.write(1, c as u16, *h).unwrap();
    }
    for (r, row) in rows.iter().enumerate() {
        for (c, cell) in row.iter().enumerate() {
            sheet.write(r as u32 + 2, c as u16, cell).unwrap();
        }
    }
    book.save(file).unwrap();
}

/// Takes a draft record through 三审 and the secrecy review to publication, today.
fn publish_today(api: &Api, record: &str) {
    let people = api.profile_get(NoArgs {}).unwrap().people;
    let person = |name: &str| people.iter().find(|p| p.name == name).unwrap().id.clone();
    let signers = ["李明", "王芳", "张建国"].map(person);
    for (stage, who) in ["draft", "review", "approve"].iter().zip(&signers) {
        api.record_review(ReviewInput {
            record_id: record.to_owned(),
            stage: (*stage).to_owned(),
            person_id: who.clone(),
            decided_on: None,
            opinion: String::new(),
            passed: true,
        })
        .unwrap();
    }
    let questions = api.record_options(NoArgs {}).unwrap().secrecy_questions;
    api.record_secrecy(SecrecyInput {
        record_id: record.to_owned(),
        reviewer_id: signers[1].clone(),
        decided_on: None,
        answers: questions
            .iter()
            .map(|q| SecrecyAnswer {
                key: q.key.clone(),
                concern: false,
            })
            .collect(),
        opinion: String::new(),
    })
    .unwrap();
    api.record_publish(PublishInput {
        record_id: record.to_owned(),
        channel: "政府网站".to_owned(),
        location: "县政府网站".to_owned(),
        published_on: None,
        published_by: "李明".to_owned(),
        note: None,
    })
    .unwrap();
}

/// A 64 × 48 grey PNG with a `tEXt` comment.
fn png_with_caption(caption: &str) -> Vec<u8> {
    let mut png = b"\x89PNG\r\n\x1a\n".to_vec();
    let mut chunk = |kind: &[u8], data: &[u8]| {
        png.extend_from_slice(&u32::try_from(data.len()).unwrap().to_be_bytes());
        png.extend_from_slice(kind);
        png.extend_from_slice(data);
        png.extend_from_slice(&crc32(&[kind, data].concat()).to_be_bytes());
    };
    let mut header = 64u32.to_be_bytes().to_vec();
    header.extend_from_slice(&48u32.to_be_bytes());
    header.extend_from_slice(&[8, 2, 0, 0, 0]);
    chunk(b"IHDR", &header);
    chunk(b"tEXt", format!("Comment\0{caption}").as_bytes());
    let mut rows = Vec::new();
    for _ in 0..48 {
        rows.push(0u8);
        rows.extend(std::iter::repeat_n(128u8, 64 * 3));
    }
    let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::default());
    std::io::Write::write_all(&mut z, &rows).unwrap();
    chunk(b"IDAT", &z.finish().unwrap());
    chunk(b"IEND", &[]);
    png
}

/// CRC-32 (ISO-HDLC) as PNG chunks carry it.
fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = u32::MAX;
    for &byte in bytes {
        crc ^= u32::from(byte);
        for _ in 0..8 {
            crc = if crc & 1 == 1 {
                (crc >> 1) ^ 0xEDB8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}

fn save_json(file: PathBuf, what: &impl serde::Serialize) {
    std::fs::write(file, serde_json::to_vec_pretty(what).unwrap()).unwrap();
}

#[test]
fn nothing_the_newer_writers_write_holds_a_full_number_of_the_fixtures() {
    let dir = TempDir::new().unwrap();
    // Leaves the clerk's hands: scanned for every planted number.
    let out = dir.path().join("out");
    let logs = out.join("logs");
    // The township's own: its database, backups, and the clerk's own text shown back to her.
    let local = dir.path().join("local");
    let local_logs = local.join("logs");
    let input = dir.path().join("in");
    for d in [&out, &local, &input] {
        std::fs::create_dir_all(d).unwrap();
    }
    let db = local.join("示范镇.sqlite3");
    let dbp = path(&db).to_owned();
    let dbp = dbp.as_str();
    let mut runs = Runs { n: 0 };
    let mut p = Planted {
        never: Vec::new(),
        typed: Vec::new(),
    };
    let api = Api::new(&db);
    api.setup_demo(NoArgs {}).unwrap();

    // ---- 依申请公开: the applicant's number in its field (once spaced), numbers typed in the
    // subject, the description, the 补正 items and the reply's note, a scan named by the number.
    let applicant = p.applicant("applicant ID", 700);
    let applicant_spaced = p.applicant("applicant ID typed spaced", 701);
    let in_subject = p.typed_id("ID in a request's subject", 702);
    let card_in_description = p.typed_bank("card in a request's description", 702);
    let in_items = p.typed_id("ID in the 补正 items", 703);
    let in_note = p.typed_id("ID in the reply's note", 704);
    let mut request_ids = Vec::new();
    for (n, (number, subject)) in [
        (
            applicant.clone(),
            format!("本人（身份证 {in_subject}）的低保审批材料"),
        ),
        (spaced(&applicant_spaced), "本村2025年低保名单".to_owned()),
    ]
    .into_iter()
    .enumerate()
    {
        let added = runs.ok(
            &local_logs,
            "requests-add",
            &[
                "requests",
                "add",
                "--db",
                dbp,
                "--channel",
                "in_person",
                "--arrived",
                "2025-03-03",
                "--kind",
                "natural_person",
                "--name",
                &format!("王秀英{n}"),
                "--contact",
                "13800000000",
                "--id-number",
                &number,
                "--subject",
                &subject,
                "--description",
                &format!("补贴打入卡号 {card_in_description}"),
                "--json",
            ],
        );
        request_ids.push(json(&added)["summary"]["id"].as_str().unwrap().to_owned());
    }
    let request = request_ids[0].clone();
    // The scan of the applicant's ID card, named by its number as a phone names nothing else.
    let scan = input.join(format!("身份证{applicant}.png"));
    std::fs::write(&scan, b"\x89PNG\r\n\x1a\n not really a picture").unwrap();
    let attached = api.requests_attach(RequestAttachArgs {
        id: request.clone(),
        role: "id_document".to_owned(),
        path: path(&scan).to_owned(),
    });
    save_json(
        local.join("requests-attach.json"),
        &attached.map_err(|e| e.message),
    );
    runs.ok(
        &local_logs,
        "requests-correct",
        &[
            "requests",
            "correct",
            &request,
            "--notice",
            "2025-03-04",
            "--deadline",
            "2025-03-20",
            "--items",
            &format!("请提供身份证 {in_items} 的复印件"),
            "--db",
            dbp,
            "--json",
        ],
    );
    runs.ok(
        &local_logs,
        "requests-corrected",
        &[
            "requests",
            "correct",
            &request,
            "--corrected",
            "2025-03-10",
            "--db",
            dbp,
            "--json",
        ],
    );
    runs.ok(
        &local_logs,
        "requests-reply",
        &[
            "requests",
            "reply",
            &request,
            "--outcome",
            "granted",
            "--ground",
            "disclosed",
            "--note",
            &format!("经核对，申请人身份证号 {in_note}"),
            "--date",
            "2025-03-17",
            "--db",
            dbp,
            "--json",
        ],
    );
    let signers = ["李明", "王芳", "张建国"].map(|name| {
        api.profile_get(NoArgs {})
            .unwrap()
            .people
            .into_iter()
            .find(|p| p.name == name)
            .unwrap()
            .id
    });
    for (stage, who) in ["draft", "review", "approve"].iter().zip(&signers) {
        runs.ok(
            &local_logs,
            "requests-review",
            &[
                "requests",
                "review",
                &request,
                "--stage",
                stage,
                "--person",
                who,
                "--date",
                "2025-03-17",
                "--db",
                dbp,
                "--json",
            ],
        );
    }
    runs.ok(
        &local_logs,
        "requests-secrecy",
        &[
            "requests",
            "secrecy",
            &request,
            "--reviewer",
            &signers[1],
            "--date",
            "2025-03-17",
            "--db",
            dbp,
            "--json",
        ],
    );
    runs.ok(
        &local_logs,
        "requests-finalize",
        &["requests", "finalize", &request, "--db", dbp, "--json"],
    );
    runs.ok(
        &local_logs,
        "requests-deliver",
        &[
            "requests",
            "deliver",
            &request,
            "--method",
            "邮寄送达",
            "--date",
            "2025-03-18",
            "--db",
            dbp,
            "--json",
        ],
    );
    // The other request: consulted, charged and extended, numbers typed in each.
    let other = request_ids[1].clone();
    let in_party = p.typed_id("ID in a consulted party's name", 717);
    let in_reason = p.typed_id("ID in an extension's reason", 718);
    for (name, step) in [
        (
            "requests-consult",
            vec![
                "consult".to_owned(),
                "--party".to_owned(),
                "third_party".to_owned(),
                "--party-name".to_owned(),
                format!("李强（{in_party}）"),
                "--sent".to_owned(),
                "2025-03-05".to_owned(),
            ],
        ),
        (
            "requests-fee",
            [
                "fee",
                "--method",
                "per_page",
                "--pages",
                "300",
                "--notice",
                "2025-03-06",
            ]
            .map(str::to_owned)
            .to_vec(),
        ),
        (
            "requests-extend",
            vec![
                "extend".to_owned(),
                "--workdays".to_owned(),
                "10".to_owned(),
                "--approver".to_owned(),
                "张建国".to_owned(),
                "--notice".to_owned(),
                "2025-03-20".to_owned(),
                "--reason".to_owned(),
                format!("须核对身份证 {in_reason} 名下的记录"),
            ],
        ),
    ] {
        let mut args = vec!["requests"];
        args.extend(step.iter().map(String::as_str));
        args.extend([other.as_str(), "--db", dbp, "--json"]);
        runs.ok(&local_logs, name, &args);
    }
    for (kind, name) in [
        (RequestLetterKind::Consultation, "征求意见函"),
        (RequestLetterKind::Fee, "收费通知书"),
        (RequestLetterKind::Extension, "延期答复告知书"),
    ] {
        for (format, ext) in [(LetterFormat::Pdf, "pdf"), (LetterFormat::Docx, "docx")] {
            // Refused is one way to pass (a letter never names a person by number).
            let saved = api.request_letter_save(RequestLetterSaveArgs {
                request_id: other.clone(),
                kind,
                format,
                out: path(&out.join(format!("{name}.{ext}"))).to_owned(),
            });
            save_json(
                out.join(format!("{name}-{ext}.json")),
                &saved.map_err(|e| e.message),
            );
        }
    }
    for (kind, name) in [
        (RequestLetterKind::Correction, "补正告知书"),
        (RequestLetterKind::Reply, "答复书"),
    ] {
        for (format, ext) in [(LetterFormat::Pdf, "pdf"), (LetterFormat::Docx, "docx")] {
            api.request_letter_save(RequestLetterSaveArgs {
                request_id: request.clone(),
                kind,
                format,
                out: path(&out.join(format!("{name}.{ext}"))).to_owned(),
            })
            .unwrap();
        }
        let letter = api
            .request_letter(gongkai_api::wire::RequestLetterArgs {
                request_id: request.clone(),
                kind,
            })
            .unwrap();
        save_json(out.join(format!("{name}-preview.json")), &letter);
    }
    for (name, args) in [
        ("requests-show", vec!["show", request.as_str()]),
        ("requests-list", vec!["list"]),
        ("requests-list-query", vec!["list", "--query", "王秀英"]),
        ("requests-due", vec!["due"]),
    ] {
        let mut all = vec!["requests"];
        all.extend(args);
        all.extend(["--db", dbp, "--json"]);
        runs.ok(&local_logs, name, &all);
    }
    save_json(
        out.join("requests-repeated.json"),
        &api.requests_repeated(NoArgs {}).unwrap(),
    );

    // ---- A published record and a normative document, each with a number typed in its text.
    let in_record = p.typed_id("ID in a record's body", 705);
    let in_document = p.typed_id("ID in a document's text", 706);
    let item = api
        .catalog_items(CatalogItemsArgs {
            domain: Some("社会救助".to_owned()),
        })
        .unwrap()
        .items[0]
        .key
        .clone();
    let record_input = |body: String| RecordInput {
        item_key: item.clone(),
        title: "2026年第一批临时救助对象".to_owned(),
        formed_on: "2026-11-02".to_owned(),
        body,
        channels: vec!["政府网站".to_owned()],
        attribute: "proactive".to_owned(),
        ..Default::default()
    };
    let record = api
        .record_save(record_input(format!(
            "张伟（{in_record}），救助金额 2000 元。"
        )))
        .unwrap()
        .summary
        .id;
    // Publication refuses the number (its refusal is scanned too); the clerk masks it.
    support::through_the_controls(&api, &record);
    save_json(
        out.join("record-publish-refused.json"),
        &api.record_publish(support::publish_input(&record))
            .map(|_| ())
            .map_err(|e| e.message),
    );
    api.record_save(RecordInput {
        id: Some(record.clone()),
        ..record_input("张伟（身份证号已脱敏），救助金额 2000 元。".to_owned())
    })
    .unwrap();
    let attachment = input.join("说明.txt");
    std::fs::write(&attachment, "名单已脱敏").unwrap();
    api.record_attach(AttachArgs {
        record_id: record.clone(),
        path: path(&attachment).to_owned(),
    })
    .unwrap();
    support::publish_draft(&api, &record);
    let document = api.document_save(DocumentInput {
        id: None,
        kind: DocumentKind::Normative,
        doc_number: Some("示政发〔2026〕7号".to_owned()),
        title: "示范镇临时救助实施办法".to_owned(),
        issuer: "示范镇人民政府".to_owned(),
        issued_on: "2026-10-08".to_owned(),
        effective_on: None,
        valid_until: None,
        body: format!("第一条 联系人身份证号 {in_document}。"),
        needs_interpretation: false,
        record_id: Some(record.clone()),
    });
    let document = document.map(|d| d.document.summary.id).ok();
    // The document's file, with a number in its text, attached: published with it, so refused.
    let in_document_file = p.typed_id("ID in a document's attached file", 719);
    let document_file = input.join("临时救助实施办法.txt");
    std::fs::write(&document_file, format!("联系人身份证号 {in_document_file}")).unwrap();
    if let Some(id) = &document {
        save_json(
            out.join("document-attach.json"),
            &api.document_attach(DocumentAttachArgs {
                id: id.clone(),
                path: path(&document_file).to_owned(),
            })
            .map(|_| ())
            .map_err(|e| e.message),
        );
    }
    runs.run(
        &local_logs,
        "documents-list",
        &["documents", "list", "--db", dbp, "--json"],
    );

    // ---- The reading point: what a visitor reads on the hall's screen.
    let reader = Api::read_only(&db);
    save_json(
        out.join("reading-start.json"),
        &reader.reading_start(NoArgs {}).map_err(|e| e.message),
    );
    save_json(
        out.join("reading-record.json"),
        &reader
            .reading_record(IdArgs { id: record.clone() })
            .map_err(|e| e.message),
    );
    if let Some(document) = &document {
        save_json(
            out.join("reading-document.json"),
            &reader
                .reading_document(IdArgs {
                    id: document.clone(),
                })
                .map_err(|e| e.message),
        );
    }
    for query in ["救助", &in_record[..6]] {
        save_json(
            out.join(format!("reading-search-{query}.json")),
            &reader
                .reading_search(ReadingSearchArgs {
                    query: query.to_owned(),
                })
                .map_err(|e| e.message),
        );
    }
    drop(reader);

    // ---- The annual report, with a number typed in its prose.
    let in_report = p.typed_id("ID in the report's prose", 707);
    let saved = api.report_save(ReportDraft {
        year: 2025,
        overview: "2025年，本镇依法做好政府信息公开工作。".to_owned(),
        problems_text: format!("个别答复书写明了申请人身份证号（如 {in_report}），已整改。"),
        other_text: "本年度未收取信息处理费。".to_owned(),
        stated_fees_fen: Some(0),
        ..ReportDraft::default()
    });
    save_json(
        local.join("report-save.json"),
        &saved.map_err(|e| e.message),
    );
    for (format, ext) in [(LetterFormat::Docx, "docx"), (LetterFormat::Pdf, "pdf")] {
        let exported = api.report_export(ReportExportArgs {
            year: 2025,
            format,
            out: path(&out.join(format!("2025年度报告.{ext}"))).to_owned(),
            final_export: true,
        });
        save_json(
            out.join(format!("report-export-{ext}.json")),
            &exported.map_err(|e| e.message),
        );
    }
    // Refused above (its PDF would carry the number to the county); written as it should be,
    // it goes final, is published and reaches the county with the year's figures.
    api.report_save(ReportDraft {
        year: 2025,
        overview: "2025年，本镇依法做好政府信息公开工作。".to_owned(),
        problems_text: "个别答复书写明了申请人身份证号，已整改。".to_owned(),
        other_text: "本年度未收取信息处理费。".to_owned(),
        stated_fees_fen: Some(0),
        ..ReportDraft::default()
    })
    .unwrap();
    let mut report_record = None;
    for (format, ext) in [(LetterFormat::Docx, "docx"), (LetterFormat::Pdf, "pdf")] {
        let exported = api
            .report_export(ReportExportArgs {
                year: 2025,
                format,
                out: path(&out.join(format!("2025年度报告（定稿）.{ext}"))).to_owned(),
                final_export: true,
            })
            .unwrap();
        report_record = exported.record_id;
    }
    publish_today(&api, &report_record.unwrap());
    runs.run(
        &local_logs,
        "report-build",
        &["report", "build", "--db", dbp, "--year", "2025", "--json"],
    );

    // ---- The county's catalog table and the work plan, with numbers in good and bad cells.
    let catalog_ok = p.typed_id("ID in a county item's content", 708);
    let catalog_bad = p.typed_id("ID in a county table's bad cell", 709);
    let catalog_card = p.typed_bank("card in a county table's bad cell", 709);
    let county_table = input.join("示范县目录.xlsx");
    write_table(
        &county_table,
        "示范县乡镇政务公开事项标准目录",
        &COUNTY_HEADER,
        &[
            [
                "1",
                "社会救助",
                "临时救助",
                "临时救助对象公示",
                "5个工作日内",
                "乡级",
            ]
            .map(str::to_owned)
            .to_vec(),
            [
                "2",
                &catalog_bad,
                "临时救助",
                "临时救助标准",
                &catalog_card,
                "乡级",
            ]
            .map(str::to_owned)
            .to_vec(),
        ],
    );
    let signed_off = p.typed_id("ID in a county table's sign-off", 714);
    let county_good = input.join("示范县目录（修订）.xlsx");
    write_table(
        &county_good,
        "示范县乡镇政务公开事项标准目录",
        &COUNTY_HEADER,
        &[
            [
                "1",
                "社会救助",
                "临时救助",
                "临时救助对象公示",
                "5个工作日内",
                "乡级",
            ]
            .map(str::to_owned)
            .to_vec(),
            [
                "填报单位（盖章）：示范县民政局",
                "",
                "",
                "",
                &format!("填表人：王芳（{signed_off}）"),
                "联系电话：0999-1234567",
            ]
            .map(str::to_owned)
            .to_vec(),
        ],
    );
    let county_with_id = input.join("示范县目录（联系人）.xlsx");
    write_table(
        &county_with_id,
        "示范县乡镇政务公开事项标准目录",
        &[
            "序号",
            "领域",
            "一级事项",
            "二级事项",
            "公开内容（要素）",
            "公开层级",
        ],
        &[[
            "1",
            "社会救助",
            "临时救助",
            "临时救助对象名单",
            &format!("救助对象姓名、金额（联系人 {catalog_ok}）"),
            "乡级",
        ]
        .map(str::to_owned)
        .to_vec()],
    );
    // The county publishing the same table from its portal (`publish-catalog`).
    save_json(
        out.join("portal-publish-catalog.json"),
        &gongkai_portal::catalog_table::publication(
            &county_with_id,
            std::fs::read(&county_with_id).unwrap(),
        )
        .map(|publication| serde_json::to_value(publication).unwrap())
        .map_err(|e| e.to_string()),
    );
    for (name, file, extra) in [
        ("catalog-import-id-dry", &county_with_id, "--dry-run"),
        ("catalog-import-id", &county_with_id, ""),
        ("catalog-import-dry", &county_table, "--dry-run"),
        ("catalog-import", &county_table, ""),
        ("catalog-import-good-dry", &county_good, "--dry-run"),
        ("catalog-import-good", &county_good, ""),
    ] {
        let mut args = vec!["catalog", "import", path(file), "--db", dbp, "--json"];
        if !extra.is_empty() {
            args.push(extra);
        }
        runs.run(&logs, name, &args);
        args.pop_if(|a| *a == "--json");
        runs.run(&logs, &format!("{name}-text"), &args);
    }
    let plan_ok = p.typed_id("ID in a plan task's content", 710);
    let plan_bad = p.typed_id("ID in a plan table's bad cell", 711);
    let plan_card = p.typed_bank("card in a plan table's bad cell", 711);
    let plan_named = p.typed_id("ID in a plan file's name", 712);
    let plan_table = input.join(format!("2026年任务分解表{plan_named}.xlsx"));
    write_table(
        &plan_table,
        "示范镇2026年政务公开工作要点任务分解表",
        &["序号", "任务名称", "任务内容", "责任单位", "时间节点"],
        &[
            [
                "1",
                "临时救助公开",
                &format!("公开救助对象（联系人 {plan_ok}）"),
                "民政办",
                "6月底前",
            ]
            .map(str::to_owned)
            .to_vec(),
            ["2", &plan_bad, "公开名单", &plan_card, &plan_bad]
                .map(str::to_owned)
                .to_vec(),
        ],
    );
    for (name, extra) in [("plan-import-dry", "--dry-run"), ("plan-import", "")] {
        let mut args = vec!["plan", "import", path(&plan_table), "--db", dbp, "--json"];
        if !extra.is_empty() {
            args.push(extra);
        }
        runs.run(&logs, name, &args);
        args.pop_if(|a| *a == "--json");
        runs.run(&logs, &format!("{name}-text"), &args);
    }

    // ---- A township item whose content the clerk typed with a number: the catalog as
    // exported and as the reading point shows it (the county refuses the adjustment).
    let in_item = p.typed_id("ID in a township item's content", 716);
    runs.run(
        &logs,
        "catalog-adjust",
        &[
            "catalog",
            "adjust",
            "add",
            "--db",
            dbp,
            "--domain",
            "社会救助",
            "--level1",
            "临时救助",
            "--level2",
            "本镇临时救助对象",
            "--content",
            &format!("救助对象姓名、金额（联系人 {in_item}）"),
            "--time-limit",
            "信息形成或变更之日起20个工作日内",
            "--subject",
            "示范镇人民政府",
            "--reason",
            "本镇增设",
            "--by",
            "李明",
            "--json",
        ],
    );
    for format in ["xlsx", "pdf"] {
        runs.run(
            &logs,
            "catalog-export",
            &[
                "catalog",
                "export",
                "--db",
                dbp,
                "--format",
                format,
                "--domain",
                "社会救助",
                "--out",
                path(&out.join(format!("本镇目录.{format}"))),
            ],
        );
    }
    let reader = Api::read_only(&db);
    save_json(
        out.join("reading-domain.json"),
        &reader
            .reading_domain(ReadingDomainArgs {
                domain: "社会救助".to_owned(),
            })
            .map_err(|e| e.message),
    );
    save_json(
        out.join("reading-search-item.json"),
        &reader
            .reading_search(ReadingSearchArgs {
                query: "本镇临时救助".to_owned(),
            })
            .map_err(|e| e.message),
    );
    drop(reader);

    // ---- A composed 公示单 with a number in its body, and one with a card in its table.
    let in_sheet = p.typed_id("ID in a composed sheet", 713);
    runs.ok(
        &logs,
        "boards-apply",
        &[
            "boards",
            "apply-template",
            "--db",
            dbp,
            "--template",
            "sanwu",
        ],
    );
    let boards = json(&runs.ok(
        &local_logs,
        "boards-list",
        &["boards", "list", "--db", dbp, "--json"],
    ));
    let board = boards[0]["id"].as_str().unwrap().to_owned();
    let today = json(&runs.ok(
        &logs,
        "postings-due",
        &["postings", "due", "--db", dbp, "--json"],
    ))["today"]
        .as_str()
        .unwrap()
        .to_owned();
    let mut posting = None;
    for (n, body) in [
        format!("经村民代表会议讨论通过，现予公示。受助人身份证号 {in_sheet}。"),
        "经村民代表会议讨论通过，现予公示。".to_owned(),
    ]
    .iter()
    .enumerate()
    {
        let sheet = input.join(format!("公示单{n}.json"));
        std::fs::write(
            &sheet,
            value!({
                "kind": "gongshi",
                "title": "关于临时救助对象的公示",
                "body": body,
                "table": {"columns": ["姓名", "金额（元）"], "rows": [["张伟", "2,000.00"]]},
                "periodDays": 5,
                "issuer": "示范镇人民政府",
                "issuedOn": today,
            })
            .to_string(),
        )
        .unwrap();
        let added = runs.run(
            &logs,
            "postings-add",
            &[
                "postings",
                "add",
                "--db",
                dbp,
                "--board",
                &board,
                "--zone",
                "村务公开",
                "--sheet",
                path(&sheet),
                "--round",
                "测试轮次",
                "--json",
            ],
        );
        if added.status.success() {
            posting = json(&added)["posting"]["id"].as_str().map(str::to_owned);
        }
    }
    runs.run(
        &logs,
        "postings-add-record",
        &[
            "postings",
            "add",
            "--db",
            dbp,
            "--board",
            &board,
            "--zone",
            "村务公开",
            "--record",
            &record,
            "--round",
            "测试轮次",
            "--json",
        ],
    );
    runs.ok(
        &logs,
        "postings-print",
        &[
            "postings",
            "print",
            "--db",
            dbp,
            "--round",
            "测试轮次",
            "--out",
            path(&out.join("张贴包")),
            "--json",
        ],
    );
    // Posted, with a photo whose PNG text chunk (a phone app's caption) holds a number: the
    // photo is kept re-encoded without it.
    let in_photo = p.applicant("ID in a photo's caption", 715);
    let photo = input.join("现场照片.png");
    std::fs::write(&photo, png_with_caption(&format!("ID {in_photo}"))).unwrap();
    let posting = posting.expect("the composed sheet without a number is posted");
    runs.ok(
        &logs,
        "postings-mark-posted",
        &[
            "postings",
            "mark-posted",
            "--db",
            dbp,
            "--id",
            &posting,
            "--on",
            &today,
            "--by",
            "李明",
            "--photo",
            path(&photo),
            "--json",
        ],
    );
    let photos = json(&runs.ok(
        &logs,
        "photos-list",
        &["photos", "list", "--db", dbp, "--id", &posting, "--json"],
    ));
    for (n, photo) in photos.as_array().unwrap().iter().enumerate() {
        runs.ok(
            &logs,
            "photos-get",
            &[
                "photos",
                "get",
                "--db",
                dbp,
                "--sha256",
                photo["sha256"].as_str().unwrap(),
                "--out",
                path(&out.join(format!("照片{n}.jpg"))),
            ],
        );
    }
    for format in ["xlsx", "pdf"] {
        runs.run(
            &logs,
            "postings-register",
            &[
                "postings",
                "register",
                "--db",
                dbp,
                "--format",
                format,
                "--out",
                path(&out.join(format!("更新台账.{format}"))),
                "--json",
            ],
        );
    }
    drop(api);

    // ---- Sync to the real county portal; its database and the township's public pages.
    let county_dir = out.join("county");
    std::fs::create_dir_all(&county_dir).unwrap();
    let county = County::start(&county_dir.join("county.sqlite3"));
    let code = county.register(&db);
    let synced = json(&runs.ok(
        &logs,
        "sync",
        &["sync", "--db", dbp, "--portal", &county.url(), "--json"],
    ));
    // The report, the request statistics, the posting and the masked record went; nothing
    // was left to refuse (publication refused the typed number; an entry an older workbench
    // queued with one is refused by sync itself: gongkai-api's tests/sync.rs).
    assert!(synced["pushed"].as_u64().unwrap() >= 4, "{synced}");
    assert_eq!(synced["rejected"].as_array().unwrap().len(), 0, "{synced}");
    runs.run(&logs, "sync-text", &["sync", "--db", dbp]);
    let mut to_fetch = vec!["/".to_owned(), format!("/t/{code}")];
    let mut fetched = std::collections::HashSet::new();
    while let Some(page) = to_fetch.pop() {
        if !fetched.insert(page.clone()) || fetched.len() > 40 {
            continue;
        }
        let (status, body) = county.get(&page);
        assert_eq!(status, 200, "{page}");
        let html = String::from_utf8_lossy(&body).into_owned();
        let marker = format!("/t/{code}/");
        for (at, _) in html.match_indices(&marker) {
            let link: String = html[at..]
                .chars()
                .take_while(|c| *c != '"' && *c != '\'')
                .collect();
            to_fetch.push(link);
        }
        std::fs::write(
            county_dir.join(format!("page-{}.html", fetched.len())),
            body,
        )
        .unwrap();
    }

    // ---- Backups (the township's own copy: the typed text is in it, the applicant's number
    // is not).
    runs.ok(
        &local_logs,
        "backup-passphrase",
        &["backup-passphrase", "--db", dbp],
    );
    runs.ok(
        &local_logs,
        "backup",
        &[
            "backup",
            "--db",
            dbp,
            "--out",
            path(&local.join("备份.sqlite3")),
            "--json",
        ],
    );
    runs.ok(&local_logs, "status", &["status", "--db", dbp, "--json"]);

    let everything: Vec<Secret> = p.never.iter().chain(&p.typed).cloned().collect();
    let (out_hits, out_files) = Scanner::new(&everything).scan_tree(&out);
    let (local_hits, local_files) = Scanner::new(&p.never).scan_tree(&local);
    eprintln!(
        "scanned {out_files} files for {} numbers and {local_files} for {}",
        everything.len(),
        p.never.len()
    );
    assert!(
        out_files >= 80 && local_files >= 40 && fetched.len() >= 7,
        "written: {out_files} files out, {local_files} kept, {} county pages",
        fetched.len()
    );
    // GONGKAI_PII_KEEP=1 leaves the folder for a look at what was written.
    if std::env::var_os("GONGKAI_PII_KEEP").is_some() {
        let _ = dir.keep();
    }
    let hits: Vec<_> = out_hits.into_iter().chain(local_hits).collect();
    assert!(
        hits.is_empty(),
        "{} full numbers of the fixtures were written:\n{}",
        hits.len(),
        report(&hits)
    );
}
