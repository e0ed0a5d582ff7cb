//! Loading the county's catalog table on a real SQLite file: the preview against the effective
//! catalog (added, changed column by column, missing), accepting it as the county version with
//! the township's adjustments kept, and refusals that write nothing.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use gongkai_api::Api;
use gongkai_api::wire::{
    CatalogAction, CatalogAdjustArgs, CatalogExportArgs, CatalogImportAcceptArgs,
    CatalogImportPreviewArgs, CatalogItem, CatalogItemInput, CatalogItemState, CatalogItemsArgs,
    CatalogSearchArgs,
};
use rust_xlsxwriter::Workbook;
use tempfile::TempDir;

mod support;

const DOMAIN: &str = "涉农补贴";

fn items(api: &Api, domain: &str) -> Vec<CatalogItem> {
    api.catalog_items(CatalogItemsArgs {
        domain: Some(domain.to_owned()),
    })
    .unwrap()
    .items
}

fn preview_args(path: &std::path::Path) -> CatalogImportPreviewArgs {
    CatalogImportPreviewArgs {
        path: path.display().to_string(),
    }
}

/// A county table with a 领域 column and the tick columns in words, one row per item.
fn county_workbook(path: &std::path::Path, rows: &[CatalogItem]) {
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet.write(0, 0, "示范县乡镇政务公开事项标准目录").unwrap();
    let header = [
        "序号",
        "领域",
        "一级事项",
        "二级事项",
        "公开内容（要素）",
        "公开依据",
        "公开时限",
        "公开主体",
        "公开渠道和载体",
        "公开对象",
        "公开方式",
        "公开层级",
    ];
    for (c, h) in header.iter().enumerate() {
        sheet.write(1, c as u16, *h).unwrap();
    }
    for (i, item) in rows.iter().enumerate() {
        let r = 2 + i as u32;
        let channels: Vec<String> = item
            .channels
            .iter()
            .map(|c| {
                if c == "其他" && !item.channels_other.is_empty() {
                    format!("其他（{}）", item.channels_other)
                } else {
                    c.clone()
                }
            })
            .collect();
        let cells = [
            (i + 1).to_string(),
            format!("{}领域", item.domain),
            item.level1.clone(),
            item.level2.clone(),
            item.content.clone(),
            item.basis.clone(),
            item.time_limit.clone(),
            item.subject.clone(),
            channels.join("、"),
            item.audience.join("、"),
            item.mode.join("、"),
            item.level.join("、"),
        ];
        for (c, text) in cells.iter().enumerate() {
            if !text.is_empty() {
                sheet.write(r, c as u16, text.as_str()).unwrap();
            }
        }
    }
    book.save(path).unwrap();
}

fn adjust(api: &Api, action: CatalogAction, key: Option<&str>, item: Option<CatalogItemInput>) {
    api.catalog_adjust(CatalogAdjustArgs {
        action,
        key: key.map(str::to_owned),
        item,
        reason: "本镇实际".to_owned(),
        by: "李文书".to_owned(),
        on: Some("2025-03-01".to_owned()),
    })
    .unwrap();
}

#[test]
fn the_catalogs_own_export_reads_back_unchanged() {
    let dir = TempDir::new().unwrap();
    let api = support::demo(&dir);
    let out = dir.path().join("导出.xlsx");
    api.catalog_export(CatalogExportArgs {
        format: "xlsx".to_owned(),
        out: out.display().to_string(),
        paper: None,
        domain: Some(DOMAIN.to_owned()),
    })
    .unwrap();
    let preview = api.catalog_import_preview(preview_args(&out)).unwrap();
    let count = items(&api, DOMAIN).len() as u32;
    assert_eq!(preview.sheets.len(), 1);
    assert_eq!(preview.sheets[0].header_rows, Some((2, 3)));
    assert_eq!(
        (
            preview.items,
            preview.added,
            preview.changed,
            preview.unchanged,
            preview.missing
        ),
        (count, 0, 0, count, 0)
    );
    // What the importer cannot place are only what the export says it should not: the baseline's
    // inferred or borrowed ticks, written 推/借 instead of √, and items whose source shows no
    // channel at all.
    let unconfirmed_ticks =
        |c: &&gongkai_api::wire::CatalogUnplacedCell| ["推", "借"].contains(&c.text.as_str());
    let no_channel = |c: &&gongkai_api::wire::CatalogUnplacedCell| {
        c.header == "公开渠道和载体" && !c.text.contains('■')
    };
    let other: Vec<_> = preview
        .unplaced
        .iter()
        .filter(|c| !unconfirmed_ticks(c) && !no_channel(c))
        .collect();
    assert!(other.is_empty(), "{other:?}");
    assert!(
        preview.unplaced.iter().any(|c| c.text == "推"),
        "铁力's inferred ticks"
    );
}

#[test]
fn preview_then_accept_as_the_county_version_keeps_the_townships_adjustments() {
    let dir = TempDir::new().unwrap();
    let api = support::demo(&dir);
    let baseline = items(&api, DOMAIN);
    assert!(baseline.len() >= 7, "{}", baseline.len());
    // The township edits an item the county will leave out, and adds one of its own.
    let edited_key = baseline[5].key.clone();
    adjust(
        &api,
        CatalogAction::Edit,
        Some(&edited_key),
        Some(CatalogItemInput {
            subject: Some("示范镇农业服务中心".to_owned()),
            ..CatalogItemInput::default()
        }),
    );
    adjust(
        &api,
        CatalogAction::Add,
        None,
        Some(CatalogItemInput {
            domain: Some(DOMAIN.to_owned()),
            level1: Some("本镇补贴".to_owned()),
            level2: Some("茶园补贴".to_owned()),
            ..CatalogItemInput::default()
        }),
    );
    // The county's table: the first five items (the first with a new 时限 and 层级), two new.
    let mut rows: Vec<CatalogItem> = baseline[..5].to_vec();
    rows[0].time_limit = "信息形成之日起10个工作日内".to_owned();
    rows[0].level = vec!["乡级".to_owned()];
    let mut new_item = baseline[0].clone();
    new_item.level1 = "耕地建设与利用资金".to_owned();
    new_item.level2 = "耕地地力保护补贴".to_owned();
    new_item.content = "补贴对象、补贴标准、补贴面积".to_owned();
    let mut second_new = new_item.clone();
    second_new.level2 = "种粮大户补贴".to_owned();
    rows.push(new_item);
    rows.push(second_new);
    let file = dir.path().join("县级目录.xlsx");
    county_workbook(&file, &rows);

    let preview = api.catalog_import_preview(preview_args(&file)).unwrap();
    // Nothing written by a preview.
    assert_eq!(items(&api, DOMAIN).len(), baseline.len() + 1);
    assert_eq!(preview.items, 7);
    assert_eq!(preview.domains.len(), 1);
    let domain = &preview.domains[0];
    assert_eq!(domain.domain, DOMAIN);
    assert_eq!(
        domain
            .added
            .iter()
            .map(|a| (a.item.level2.as_str(), a.row))
            .collect::<Vec<_>>(),
        [("耕地地力保护补贴", 8), ("种粮大户补贴", 9)]
    );
    assert_eq!(domain.changed.len(), 1);
    let change = &domain.changed[0];
    assert_eq!(change.key, baseline[0].key);
    assert_eq!(change.row, 3);
    let columns: Vec<(&str, &str)> = change
        .columns
        .iter()
        .map(|c| (c.column.as_str(), c.after.as_str()))
        .collect();
    assert_eq!(
        columns,
        [
            ("公开时限", "信息形成之日起10个工作日内"),
            ("公开层级", "乡级")
        ]
    );
    assert_eq!(domain.unchanged, 4);
    let missing: Vec<(&str, CatalogItemState)> = domain
        .missing
        .iter()
        .map(|m| (m.key.as_str(), m.state))
        .collect();
    let mut expected: Vec<(&str, CatalogItemState)> = baseline[5..]
        .iter()
        .map(|i| {
            let state = if i.key == edited_key {
                CatalogItemState::TownshipEdited
            } else {
                CatalogItemState::Baseline
            };
            (i.key.as_str(), state)
        })
        .collect();
    expected.sort_by(|a, b| a.0.cmp(b.0));
    assert_eq!(missing, expected);
    assert_eq!(
        (
            preview.added,
            preview.changed,
            preview.unchanged,
            preview.missing
        ),
        (2, 1, 4, baseline.len() as u32 - 5)
    );
    // The title above the header is the one cell not placed.
    assert_eq!(preview.unplaced.len(), 1, "{:?}", preview.unplaced);
    assert_eq!(
        (preview.unplaced[0].row, preview.unplaced[0].column.as_str()),
        (1, "A")
    );

    // A file changed after the preview is refused, and nothing is written.
    let refused = api
        .catalog_import_accept(CatalogImportAcceptArgs {
            path: file.display().to_string(),
            sha256: "0".repeat(64),
            version_label: None,
            issued_on: None,
        })
        .unwrap_err();
    assert!(
        refused.message.contains("预览之后已改变"),
        "{}",
        refused.message
    );
    assert_eq!(items(&api, DOMAIN).len(), baseline.len() + 1);

    let done = api
        .catalog_import_accept(CatalogImportAcceptArgs {
            path: file.display().to_string(),
            sha256: preview.sha256.clone(),
            version_label: Some("2025年版".to_owned()),
            issued_on: Some("2025-04-01".to_owned()),
        })
        .unwrap();
    assert_eq!(
        (done.upserted, done.withdrawn),
        (7, baseline.len() as u32 - 5)
    );
    let after = items(&api, DOMAIN);
    let state_of = |key: &str| after.iter().find(|i| i.key == key).map(|i| i.state);
    assert_eq!(state_of(&baseline[0].key), Some(CatalogItemState::County));
    let changed = after.iter().find(|i| i.key == baseline[0].key).unwrap();
    assert_eq!(changed.level, ["乡级"]);
    assert_eq!(changed.time_limit_workdays, Some(10));
    // The county left out the item the township edited: the township's text stays.
    assert_eq!(state_of(&edited_key), Some(CatalogItemState::TownshipAdded));
    let kept = after.iter().find(|i| i.key == edited_key).unwrap();
    assert_eq!(kept.subject, "示范镇农业服务中心");
    assert_eq!(
        state_of("涉农补贴/本镇补贴/茶园补贴"),
        Some(CatalogItemState::TownshipAdded)
    );
    for gone in baseline[5..].iter().filter(|i| i.key != edited_key) {
        assert_eq!(state_of(&gone.key), None, "{}", gone.key);
    }
    // 5 kept + 2 new + the township's edit and its own item.
    assert_eq!(after.len(), 9);
    let found = api
        .catalog_search(CatalogSearchArgs {
            query: "种粮大户".to_owned(),
            limit: None,
        })
        .unwrap()
        .items;
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].key, "涉农补贴/耕地建设与利用资金/种粮大户补贴");
    // Read again, the same table is now the catalog.
    let again = api.catalog_import_preview(preview_args(&file)).unwrap();
    assert_eq!((again.added, again.changed, again.unchanged), (0, 0, 7));
    // The township's edit, now standing alone, is its own item: not missing from the county's.
    assert_eq!(again.missing, 0);
}

#[test]
fn a_refused_table_writes_nothing_and_says_why_in_chinese() {
    let dir = TempDir::new().unwrap();
    let api = support::demo(&dir);
    let before = api
        .catalog_items(CatalogItemsArgs::default())
        .unwrap()
        .items;
    let mut bad = items(&api, DOMAIN)[..2].to_vec();
    bad[1].domain = "涉农补帖".to_owned();
    let file = dir.path().join("错表.xlsx");
    county_workbook(&file, &bad);
    let error = api.catalog_import_preview(preview_args(&file)).unwrap_err();
    assert!(
        error
            .message
            .contains("领域“涉农补帖领域”不认识，是否为“涉农补贴”"),
        "{}",
        error.message
    );
    let error = api
        .catalog_import_accept(CatalogImportAcceptArgs {
            path: file.display().to_string(),
            sha256: String::new(),
            version_label: None,
            issued_on: None,
        })
        .unwrap_err();
    assert!(error.message.contains("预览"), "{}", error.message);
    let text = dir.path().join("通知.docx");
    std::fs::write(&text, b"PK\x03\x04 not really a zip").unwrap();
    let error = api.catalog_import_preview(preview_args(&text)).unwrap_err();
    assert!(
        error.message.contains("已损坏或不完整"),
        "{}",
        error.message
    );
    for (name, bytes, says) in [
        (
            "目录.xlsx",
            &b"\x89PNG\r\n\x1a\n\0\0"[..],
            "不是 Excel 工作簿（.xlsx/.xls）或 Word 文档（.docx）",
        ),
        ("目录.docx", &b"%PDF-1.7\n%\xe2\xe3"[..], "是 PDF 文件"),
        ("目录.xls", &b""[..], "是空的"),
    ] {
        let file = dir.path().join(name);
        std::fs::write(&file, bytes).unwrap();
        let error = api.catalog_import_preview(preview_args(&file)).unwrap_err();
        assert!(
            error.message.contains(says) && error.message.contains(name),
            "{}",
            error.message
        );
    }
    assert_eq!(
        api.catalog_items(CatalogItemsArgs::default())
            .unwrap()
            .items,
        before
    );
}

#[test]
fn the_county_publishes_its_table_and_the_township_receives_it_by_sync() {
    let dir = TempDir::new().unwrap();
    let county = support::county::County::start(dir.path());
    let api = support::demo(&dir);
    county.register(&api.sync_identity(gongkai_api::wire::NoArgs {}).unwrap());
    let baseline = items(&api, DOMAIN);
    // The county's table: the first three items of the domain and a new one.
    let mut rows: Vec<CatalogItem> = baseline[..3].to_vec();
    let mut new_item = baseline[0].clone();
    new_item.level1 = "耕地建设与利用资金".to_owned();
    new_item.level2 = "种粮大户补贴".to_owned();
    rows.push(new_item);
    let file = dir.path().join("2025年乡镇目录.xlsx");
    county_workbook(&file, &rows);
    // What `gongkai-portal publish-catalog --file 2025年乡镇目录.xlsx` publishes.
    let publication =
        gongkai_portal::catalog_table::publication(&file, std::fs::read(&file).unwrap()).unwrap();
    assert_eq!(publication.version, "2025年乡镇目录");
    assert_eq!(publication.items.len(), 4 + baseline.len() - 3);
    county.publish(
        gongkai_sync::Stream::Catalog,
        serde_json::to_value(&publication).unwrap(),
    );
    let report = api
        .sync_now(gongkai_api::wire::SyncArgs {
            portal: Some(county.url()),
            trigger: None,
        })
        .unwrap();
    assert_eq!(report.pulled, 1, "{report:?}");
    let after = items(&api, DOMAIN);
    assert_eq!(
        after
            .iter()
            .map(|i| (i.key.as_str(), i.state))
            .collect::<Vec<_>>(),
        rows.iter()
            .map(|i| (
                if i.level2 == "种粮大户补贴" {
                    "涉农补贴/耕地建设与利用资金/种粮大户补贴"
                } else {
                    i.key.as_str()
                },
                CatalogItemState::County
            ))
            .collect::<Vec<_>>()
    );
    // The township reading the same file finds nothing left to change.
    let preview = api.catalog_import_preview(preview_args(&file)).unwrap();
    assert_eq!(
        (
            preview.added,
            preview.changed,
            preview.unchanged,
            preview.missing
        ),
        (0, 0, 4, 0)
    );
}

/// The county's catalog as a Word document: a title, then one table per domain under its
/// heading paragraph (一、涉农补贴领域), each item a row of `rows`.
fn county_document(path: &std::path::Path, domains: &[(&str, &[CatalogItem])]) {
    use gongkai_docx::{Cell, Document, Paragraph, Table};
    let mut doc = Document::new("示范县乡镇政务公开事项标准目录");
    doc.push(Paragraph::title("示范县乡镇政务公开事项标准目录"));
    let header = [
        "序号",
        "一级事项",
        "二级事项",
        "公开内容",
        "公开主体",
        "公开层级",
    ];
    for (n, (heading, rows)) in domains.iter().enumerate() {
        doc.push(Paragraph::heading(
            2,
            format!("{}、{heading}", ["一", "二", "三"][n]),
        ));
        let mut table = Table::new(*heading, vec![1, 3, 3, 6, 3, 2]);
        table.row(header.iter().map(|h| Cell::new(*h).bold()).collect());
        table.header_rows = 1;
        for (i, item) in rows.iter().enumerate() {
            table.row(vec![
                Cell::new((i + 1).to_string()),
                Cell::new(item.level1.as_str()),
                Cell::new(item.level2.as_str()),
                Cell::new(item.content.as_str()),
                Cell::new(item.subject.as_str()),
                Cell::new(item.level.join("、")),
            ]);
        }
        doc.table(table);
    }
    std::fs::write(path, doc.to_bytes().unwrap()).unwrap();
}

#[test]
fn a_word_catalog_with_a_table_per_domain_keeps_hidden_and_edited_items_and_is_all_or_nothing() {
    let dir = TempDir::new().unwrap();
    let api = support::demo(&dir);
    let farming = items(&api, DOMAIN);
    let relief = items(&api, "社会救助");
    let (hidden_key, edited_key) = (farming[1].key.clone(), farming[2].key.clone());
    adjust(&api, CatalogAction::Hide, Some(&hidden_key), None);
    adjust(
        &api,
        CatalogAction::Edit,
        Some(&edited_key),
        Some(CatalogItemInput {
            subject: Some("示范镇农业服务中心".to_owned()),
            ..CatalogItemInput::default()
        }),
    );
    // The county issues both items again, changed, with the rest of the domain's first four.
    let mut county_farming = farming[..4].to_vec();
    for item in &mut county_farming {
        item.subject = "示范县农业农村局".to_owned();
    }
    let file = dir.path().join("县级目录.docx");
    county_document(
        &file,
        &[
            ("涉农补贴领域", &county_farming),
            ("社会救助领域", &relief[..2]),
        ],
    );
    let preview = api.catalog_import_preview(preview_args(&file)).unwrap();
    let per_domain: Vec<(&str, u32)> = preview
        .domains
        .iter()
        .map(|d| (d.domain.as_str(), d.items))
        .collect();
    assert_eq!(per_domain.len(), 2, "{per_domain:?}");
    assert!(per_domain.contains(&(DOMAIN, 4)) && per_domain.contains(&("社会救助", 2)));
    let sheets: Vec<(&str, u32)> = preview
        .sheets
        .iter()
        .map(|s| (s.sheet.as_str(), s.items))
        .collect();
    assert_eq!(sheets, [("表格1", 4), ("表格2", 2)]);
    api.catalog_import_accept(CatalogImportAcceptArgs {
        path: file.display().to_string(),
        sha256: preview.sha256,
        version_label: None,
        issued_on: Some("2025-04-01".to_owned()),
    })
    .unwrap();
    let after = items(&api, DOMAIN);
    assert!(
        after.iter().all(|i| i.key != hidden_key),
        "the township hid it: the county's new text does not bring it back"
    );
    let edited = after.iter().find(|i| i.key == edited_key).unwrap();
    assert_eq!(edited.subject, "示范镇农业服务中心");
    assert_eq!(edited.state, CatalogItemState::TownshipEdited);
    let county = after.iter().find(|i| i.key == farming[0].key).unwrap();
    assert_eq!(
        (county.subject.as_str(), county.state),
        ("示范县农业农村局", CatalogItemState::County)
    );

    // A document whose second table's heading names no domain is refused whole: the first
    // table's items are not written either.
    let before = api
        .catalog_items(CatalogItemsArgs::default())
        .unwrap()
        .items;
    let mut changed = farming[..1].to_vec();
    changed[0].content = "新的公开内容".to_owned();
    let bad = dir.path().join("县级目录（第二版）.docx");
    county_document(&bad, &[("涉农补贴领域", &changed), ("附表", &relief[..1])]);
    let error = api.catalog_import_preview(preview_args(&bad)).unwrap_err();
    assert!(
        error.message.contains("表格2 第 2 行：无法确定所属领域"),
        "{}",
        error.message
    );
    assert_eq!(
        api.catalog_items(CatalogItemsArgs::default())
            .unwrap()
            .items,
        before
    );
}
