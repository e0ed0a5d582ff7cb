//! County tables in the layouts counties publish (catalog-found/README.md), generated here as
//! real `.xlsx` and `.docx` files and read back through `gongkai_sheets`, checked cell by cell.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::io::Write;
use std::path::Path;

use gongkai_catalog::county_table::{
    CountyTable, CountyTableError, TableProblem, read_county_table,
};
use gongkai_catalog::{Audience, Channel, Level, Mode, baseline};
use rust_xlsxwriter::{Format, Workbook};

fn known() -> Vec<String> {
    baseline()
        .expect("baseline")
        .domains
        .into_iter()
        .map(|d| d.name)
        .collect()
}

fn read(name: &str, bytes: Vec<u8>) -> Result<CountyTable, CountyTableError> {
    let book = gongkai_sheets::read_bytes(Path::new(name), bytes, None).expect("readable");
    read_county_table(&book, &known())
}

/// One sheet, one domain column: a title row merged across, the two-row header of the national
/// template, 一级事项 merged over its three rows, ticks in four different marks, channels as
/// boxes, a 备注 column, words in a tick cell and a note below the table.
fn two_row_header_workbook() -> Vec<u8> {
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name("目录").unwrap();
    let plain = Format::new();
    sheet
        .merge_range(
            0,
            0,
            0,
            15,
            "示范镇基层政务公开标准目录（2025年版）",
            &plain,
        )
        .unwrap();
    // Upper header row: single titles merged down over both rows, groups across.
    for (c, title) in [
        (0, "序号"),
        (1, "领域"),
        (4, "公开内容（要素）"),
        (5, "公开依据"),
        (6, "公开时限"),
        (7, "公开主体"),
        (8, "公开渠道和载体"),
        (15, "备注"),
    ] {
        sheet.merge_range(1, c, 2, c, title, &plain).unwrap();
    }
    for (c, title) in [
        (2, "公开事项"),
        (9, "公开对象"),
        (11, "公开方式"),
        (13, "公开层级"),
    ] {
        sheet.merge_range(1, c, 1, c + 1, title, &plain).unwrap();
    }
    for (c, title) in [
        (2, "一级事项"),
        (3, "二级事项"),
        (9, "全社会"),
        (10, "特定群众"),
        (11, "主动"),
        (12, "依申请"),
        (13, "县级"),
        (14, "乡级"),
    ] {
        sheet.write(2, c, title).unwrap();
    }
    let rows: [[&str; 16]; 4] = [
        [
            "1",
            "社会救助领域",
            "最低生活保障",
            "低保审批",
            "审批结果",
            "《社会救助暂行办法》",
            "20个工作日内",
            "乡镇人民政府",
            "■政府网站 □政府公报 ■公开查阅点 ■社区/企事业单位/村公示栏（电子屏）",
            "√",
            "",
            "√",
            "",
            "",
            "√",
            "",
        ],
        [
            "2",
            "社会救助",
            "",
            "低保资金发放",
            "发放名册",
            "同上",
            "每月",
            "县民政局",
            "■政府网站\n■便民服务站",
            "✓",
            "",
            "●",
            "",
            "■",
            "",
            "按月更新",
        ],
        [
            "3",
            "社会救助",
            "",
            "临时救助",
            "救助对象",
            "同上",
            "10个工作日内",
            "乡镇人民政府",
            "■入户/现场 ■征地信息公开平台",
            "",
            "困难群众",
            "√",
            "√",
            "",
            "√",
            "",
        ],
        [
            "4",
            "涉农补贴",
            "农业生产发展资金",
            "农机购置补贴",
            "补贴标准",
            "财农〔2023〕12号",
            "二十个工作日",
            "县农业农村局",
            "政府网站、政务服务中心",
            "√",
            "",
            "√",
            "",
            "√",
            "√",
            "",
        ],
    ];
    for (i, row) in rows.iter().enumerate() {
        let r = 3 + i as u32;
        for (c, text) in row.iter().enumerate() {
            if c == 2 && i == 0 {
                continue;
            }
            if !text.is_empty() {
                sheet.write(r, c as u16, *text).unwrap();
            }
        }
    }
    // 一级事项 merged over the three 社会救助 rows.
    sheet
        .merge_range(3, 2, 5, 2, "最低生活保障", &plain)
        .unwrap();
    sheet.write(8, 0, "注：“■”为采用的渠道。").unwrap();
    book.save_to_buffer().unwrap()
}

#[test]
fn a_two_row_header_with_merged_levels_and_mixed_ticks_is_read_cell_by_cell() {
    let table = read("目录.xlsx", two_row_header_workbook()).expect("read");
    assert_eq!(table.sheets.len(), 1);
    assert_eq!(table.sheets[0].header_rows, Some((2, 3)));
    assert_eq!(table.sheets[0].items, 4);
    let items: Vec<_> = table.items.iter().map(|p| &p.item).collect();
    assert_eq!(
        items.iter().map(|i| i.key()).collect::<Vec<_>>(),
        [
            "社会救助/最低生活保障/低保审批",
            "社会救助/最低生活保障/低保资金发放",
            "社会救助/最低生活保障/临时救助",
            "涉农补贴/农业生产发展资金/农机购置补贴",
        ]
    );
    assert_eq!(
        table.items.iter().map(|p| p.row).collect::<Vec<_>>(),
        [4, 5, 6, 7]
    );
    let first = items[0];
    assert_eq!(first.content, "审批结果");
    assert_eq!(first.basis, "《社会救助暂行办法》");
    assert_eq!(first.time_limit, "20个工作日内");
    assert_eq!(first.time_limit_workdays, Some(20));
    assert_eq!(first.subject, "乡镇人民政府");
    assert_eq!(
        first.channels,
        [
            Channel::GovWebsite,
            Channel::ReadingPoint,
            Channel::NoticeBoard
        ]
    );
    assert_eq!(first.audience, [Audience::Public]);
    assert_eq!(first.mode, [Mode::Active]);
    assert_eq!(first.level, [Level::Township]);
    assert_eq!(first.source, "县级目录《目录.xlsx》工作表“目录”第 4 行");
    // ✓ ● ■ tick as √ does.
    let second = items[1];
    assert_eq!(second.audience, [Audience::Public]);
    assert_eq!(second.mode, [Mode::Active]);
    assert_eq!(second.level, [Level::County]);
    assert_eq!(
        second.channels,
        [Channel::GovWebsite, Channel::ServiceStation]
    );
    assert_eq!(second.time_limit_workdays, None);
    let third = items[2];
    assert_eq!(third.audience, [Audience::Specific]);
    assert_eq!(third.mode, [Mode::Active, Mode::OnRequest]);
    assert_eq!(third.channels, [Channel::DoorToDoor, Channel::Other]);
    assert_eq!(third.channels_other, "征地信息公开平台");
    let fourth = items[3];
    assert_eq!(fourth.level, [Level::County, Level::Township]);
    assert_eq!(
        fourth.channels,
        [Channel::GovWebsite, Channel::ServiceCenter]
    );
    assert_eq!(fourth.time_limit_workdays, Some(20));
    // Everything written that no item holds, by place: the title, 备注, the words in a tick
    // cell, the note below.
    let unplaced: Vec<(u32, &str, &str, &str)> = table
        .unplaced
        .iter()
        .map(|u| (u.row, u.column.as_str(), u.header.as_str(), u.text.as_str()))
        .collect();
    assert_eq!(
        unplaced,
        [
            (1, "A", "", "示范镇基层政务公开标准目录（2025年版）"),
            (5, "P", "备注", "按月更新"),
            (6, "K", "公开对象/特定群众", "困难群众"),
            (9, "A", "", "注：“■”为采用的渠道。"),
        ]
    );
}

/// A sheet's name, the title above its header, its rows.
type DomainSheet<'a> = (&'a str, Option<&'a str>, Vec<[&'a str; 11]>);

/// One sheet per domain, a one-row header, the tick columns as words, channels written out,
/// a 序号 column and a title naming the domain above the header on the second sheet.
fn sheet_per_domain_workbook() -> Vec<u8> {
    let mut book = Workbook::new();
    let header = [
        "序号",
        "一级事项",
        "二级事项",
        "公开内容",
        "公开依据",
        "公开时限",
        "公开主体",
        "公开渠道和载体",
        "公开对象",
        "公开方式",
        "公开层级",
    ];
    let sheets: [DomainSheet<'_>; 2] = [
        (
            "养老服务",
            None,
            vec![
                [
                    "1",
                    "养老服务通用政策",
                    "政策文件",
                    "法规",
                    "条例",
                    "10个工作日内",
                    "民政局",
                    "政府网站",
                    "全社会",
                    "主动公开",
                    "县级、乡级",
                ],
                [
                    "2",
                    "养老服务通用政策",
                    "补贴",
                    "标准",
                    "条例",
                    "10个工作日内",
                    "民政局",
                    "公开查阅点；广播电视",
                    "特定群体",
                    "依申请公开",
                    "乡、村级",
                ],
            ],
        ),
        (
            "Sheet2",
            Some("示范县就业领域基层政务公开标准目录"),
            vec![[
                "1",
                "就业信息服务",
                "招聘信息",
                "岗位",
                "就业促进法",
                "实时",
                "人社局",
                "其他（人社APP）",
                "全社会",
                "主动",
                "县级",
            ]],
        ),
    ];
    for (name, title, rows) in sheets {
        let sheet = book.add_worksheet();
        sheet.set_name(name).unwrap();
        let top = u32::from(title.is_some());
        if let Some(title) = title {
            sheet.write(0, 0, title).unwrap();
        }
        for (c, h) in header.iter().enumerate() {
            sheet.write(top, c as u16, *h).unwrap();
        }
        for (i, row) in rows.iter().enumerate() {
            for (c, text) in row.iter().enumerate() {
                if c == 0 {
                    sheet.write(top + 1 + i as u32, 0, (i + 1) as f64).unwrap();
                } else {
                    sheet.write(top + 1 + i as u32, c as u16, *text).unwrap();
                }
            }
        }
    }
    book.save_to_buffer().unwrap()
}

#[test]
fn one_sheet_per_domain_with_ticks_in_words() {
    let table = read("分领域.xlsx", sheet_per_domain_workbook()).expect("read");
    assert_eq!(
        table
            .sheets
            .iter()
            .map(|s| (s.sheet.as_str(), s.header_rows, s.items))
            .collect::<Vec<_>>(),
        [("养老服务", Some((1, 1)), 2), ("Sheet2", Some((2, 2)), 1)]
    );
    let keys: Vec<String> = table.items.iter().map(|p| p.item.key()).collect();
    assert_eq!(
        keys,
        [
            "养老服务/养老服务通用政策/政策文件",
            "养老服务/养老服务通用政策/补贴",
            "就业/就业信息服务/招聘信息",
        ]
    );
    let first = &table.items[0].item;
    assert_eq!(first.audience, [Audience::Public]);
    assert_eq!(first.mode, [Mode::Active]);
    assert_eq!(first.level, [Level::County, Level::Township]);
    let second = &table.items[1].item;
    assert_eq!(second.audience, [Audience::Specific]);
    assert_eq!(second.mode, [Mode::OnRequest]);
    assert_eq!(second.level, [Level::Township]);
    assert_eq!(second.channels, [Channel::RadioTv, Channel::ReadingPoint]);
    let third = &table.items[2].item;
    assert_eq!(third.channels, [Channel::Other]);
    assert_eq!(third.channels_other, "人社APP");
    assert!(table.unplaced.is_empty(), "{:?}", table.unplaced);
}

/// A minimal Word package around `body` (the content of `<w:body>`).
fn docx(body: &str) -> Vec<u8> {
    let mut out = std::io::Cursor::new(Vec::new());
    let mut zip = zip::ZipWriter::new(&mut out);
    let options = zip::write::SimpleFileOptions::default();
    zip.start_file("[Content_Types].xml", options).unwrap();
    zip.write_all(br#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>"#).unwrap();
    zip.start_file("word/document.xml", options).unwrap();
    write!(
        zip,
        r#"<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>{body}</w:body></w:document>"#
    )
    .unwrap();
    zip.finish().unwrap();
    out.into_inner()
}

fn paragraph(text: &str) -> String {
    format!("<w:p><w:r><w:t>{text}</w:t></w:r></w:p>")
}

/// A cell: text (lines as paragraphs), columns spanned, and `restart`/`continue` of a vertical merge.
fn tc(text: &str, span: usize, vmerge: Option<&str>) -> String {
    let mut props = String::new();
    if span > 1 {
        props.push_str(&format!(r#"<w:gridSpan w:val="{span}"/>"#));
    }
    match vmerge {
        Some("continue") => props.push_str("<w:vMerge/>"),
        Some(v) => props.push_str(&format!(r#"<w:vMerge w:val="{v}"/>"#)),
        None => {}
    }
    let paragraphs: String = if text.is_empty() {
        "<w:p/>".to_owned()
    } else {
        text.split('\n').map(paragraph).collect()
    };
    format!("<w:tc><w:tcPr>{props}</w:tcPr>{paragraphs}</w:tc>")
}

fn tr(cells: &[String]) -> String {
    format!("<w:tr>{}</w:tr>", cells.concat())
}

/// The Word layout: a title paragraph, then one table for all domains with section rows
/// (“一、社会救助领域”) spanning the width, the two-row header by gridSpan and vMerge, and
/// 一级事项 merged down by vMerge.
fn word_catalog() -> Vec<u8> {
    let header_top = tr(&[
        tc("序号", 1, Some("restart")),
        tc("公开事项", 2, None),
        tc("公开内容", 1, Some("restart")),
        tc("公开时限", 1, Some("restart")),
        tc("公开渠道和载体", 1, Some("restart")),
        tc("公开对象", 2, None),
        tc("公开方式", 2, None),
        tc("公开层级", 2, None),
    ]);
    let header_below = tr(&[
        tc("", 1, Some("continue")),
        tc("一级事项", 1, None),
        tc("二级事项", 1, None),
        tc("", 1, Some("continue")),
        tc("", 1, Some("continue")),
        tc("", 1, Some("continue")),
        tc("全社会", 1, None),
        tc("特定群体", 1, None),
        tc("主动", 1, None),
        tc("依申请", 1, None),
        tc("县级", 1, None),
        tc("乡级", 1, None),
    ]);
    let section = |text: &str| tr(&[tc(text, 12, None)]);
    let item = |n: &str, l1: (&str, Option<&str>), l2: &str, ticks: [&str; 6]| {
        let mut cells = vec![
            tc(n, 1, None),
            tc(l1.0, 1, l1.1),
            tc(l2, 1, None),
            tc("内容\n第二行", 1, None),
            tc("5个工作日内", 1, None),
            tc("■政府网站 □政府公报", 1, None),
        ];
        cells.extend(ticks.iter().map(|t| tc(t, 1, None)));
        tr(&cells)
    };
    let table = format!(
        "<w:tbl>{header_top}{header_below}{}{}{}{}{}</w:tbl>",
        section("一、社会救助领域"),
        item(
            "1",
            ("特困人员救助供养", Some("restart")),
            "特困人员认定",
            ["√", "", "√", "", "", "√"]
        ),
        item(
            "2",
            ("", Some("continue")),
            "救助供养标准",
            ["√", "", "√", "", "√", ""]
        ),
        section("二、户籍管理领域"),
        item(
            "1",
            ("出生登记", None),
            "出生登记",
            ["", "√", "", "√", "√", ""]
        ),
    );
    docx(&format!(
        "{}{table}{}",
        paragraph("附件：示范县乡镇政务公开事项标准目录"),
        paragraph("本目录自印发之日起施行。")
    ))
}

#[test]
fn a_word_table_with_section_rows_and_vertical_merges() {
    let table = read("目录.docx", word_catalog()).expect("read");
    assert_eq!(table.sheets.len(), 1);
    assert_eq!(table.sheets[0].sheet, "表格1");
    assert_eq!(table.sheets[0].header_rows, Some((1, 2)));
    let got: Vec<(String, u32)> = table.items.iter().map(|p| (p.item.key(), p.row)).collect();
    assert_eq!(
        got,
        [
            ("社会救助/特困人员救助供养/特困人员认定".to_owned(), 4),
            ("社会救助/特困人员救助供养/救助供养标准".to_owned(), 5),
            ("户籍管理/出生登记/出生登记".to_owned(), 7),
        ]
    );
    let first = &table.items[0].item;
    assert_eq!(first.content, "内容\n第二行");
    assert_eq!(first.time_limit_workdays, Some(5));
    assert_eq!(first.channels, [Channel::GovWebsite]);
    assert_eq!(first.level, [Level::Township]);
    let last = &table.items[2].item;
    assert_eq!(last.audience, [Audience::Specific]);
    assert_eq!(last.mode, [Mode::OnRequest]);
    assert_eq!(last.level, [Level::County]);
    assert!(table.unplaced.is_empty(), "{:?}", table.unplaced);
}

fn problems(result: Result<CountyTable, CountyTableError>) -> (String, Vec<TableProblem>) {
    let error = result.expect_err("refused");
    (error.to_string(), error.problems)
}

fn simple_workbook(rows: &[&[&str]]) -> Vec<u8> {
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    for (r, row) in rows.iter().enumerate() {
        for (c, text) in row.iter().enumerate() {
            if !text.is_empty() {
                sheet.write(r as u32, c as u16, *text).unwrap();
            }
        }
    }
    book.save_to_buffer().unwrap()
}

#[test]
fn a_table_without_a_header_names_the_rows_tried() {
    let rows: Vec<&[&str]> = vec![&["姓名", "金额"]; 25];
    let (message, found) = problems(read("名单.xlsx", simple_workbook(&rows)));
    assert_eq!(
        found,
        [TableProblem::NoHeader {
            sheet: "Sheet1".to_owned(),
            first_row: 1,
            last_row: 20
        }]
    );
    assert!(message.contains("已查找第 1–20 行"), "{message}");
}

#[test]
fn an_unknown_domain_a_missing_level2_and_a_duplicate_are_all_named() {
    let (message, found) = problems(read(
        "坏表.xlsx",
        simple_workbook(&[
            &["领域", "一级事项", "二级事项", "公开内容"],
            &["社会求助", "低保", "审批", "结果"],
            &["社会救助", "低保", "", "结果"],
            &["社会救助", "低保", "审批", "结果"],
            &["社会救助领域", "低保", "审批", "又一次"],
        ]),
    ));
    assert_eq!(
        found,
        [
            TableProblem::UnknownDomain {
                sheet: "Sheet1".to_owned(),
                row: 2,
                column: "A".to_owned(),
                name: "社会求助".to_owned(),
                nearest: Some("社会救助".to_owned()),
            },
            TableProblem::NoLevel2 {
                sheet: "Sheet1".to_owned(),
                row: 3,
                column: "C".to_owned()
            },
            TableProblem::Duplicate {
                key: "社会救助/低保/审批".to_owned(),
                first: ("Sheet1".to_owned(), 4),
                again: ("Sheet1".to_owned(), 5),
            },
        ]
    );
    assert!(message.contains("是否为“社会救助”"), "{message}");
    assert!(
        message.contains("第 3 行：有内容但没有二级事项"),
        "{message}"
    );
}

#[test]
fn an_item_whose_domain_nothing_names_is_refused() {
    let (_, found) = problems(read(
        "无领域.xlsx",
        simple_workbook(&[&["一级事项", "二级事项"], &["低保", "审批"]]),
    ));
    assert_eq!(
        found,
        [TableProblem::NoDomain {
            sheet: "Sheet1".to_owned(),
            row: 2
        }]
    );
}

#[test]
fn a_word_file_without_tables_and_a_damaged_file_are_refused_by_the_reader() {
    let error = gongkai_sheets::read_bytes(
        Path::new("通知.docx"),
        docx(&paragraph("只有文字，没有表格")),
        None,
    )
    .expect_err("no tables");
    assert!(error.to_string().contains("没有表格"), "{error}");
    let mut cut = two_row_header_workbook();
    cut.truncate(cut.len() / 2);
    let error = gongkai_sheets::read_bytes(Path::new("目录.xlsx"), cut, None).expect_err("cut");
    assert!(error.to_string().contains("已损坏或不完整"), "{error}");
}

#[test]
fn items_read_from_a_table_travel_as_the_json_the_townships_parse() {
    let table = read("目录.xlsx", two_row_header_workbook()).expect("read");
    for placed in &table.items {
        let json = gongkai_catalog::item_to_json(&placed.item).to_string();
        let back =
            gongkai_catalog::item_from_json("往返", &placed.item.domain, &json).expect("parsed");
        assert_eq!(back, placed.item);
    }
}

/// The Word layout with one table per domain, each under its heading paragraph (Word keeps the
/// heading outside the table), the two-row header repeated inside the second table where a PDF
/// conversion broke the page, and a footnote paragraph after the tables.
fn word_catalog_table_per_domain() -> Vec<u8> {
    let header = || {
        tr(&[
            tc("序号", 1, Some("restart")),
            tc("公开事项", 2, None),
            tc("公开内容", 1, Some("restart")),
            tc("公开对象", 2, None),
            tc("公开层级", 2, None),
        ]) + &tr(&[
            tc("", 1, Some("continue")),
            tc("一级事项", 1, None),
            tc("二级事项", 1, None),
            tc("", 1, Some("continue")),
            tc("全社会", 1, None),
            tc("特定群体", 1, None),
            tc("县级", 1, None),
            tc("乡级", 1, None),
        ])
    };
    let item = |n: &str, l1: (&str, Option<&str>), l2: &str, ticks: [&str; 4]| {
        let mut cells = vec![
            tc(n, 1, None),
            tc(l1.0, 1, l1.1),
            tc(l2, 1, None),
            tc("内容", 1, None),
        ];
        cells.extend(ticks.iter().map(|t| tc(t, 1, None)));
        tr(&cells)
    };
    let first = format!(
        "<w:tbl>{}{}{}</w:tbl>",
        header(),
        item(
            "1",
            ("最低生活保障", Some("restart")),
            "审批结果",
            ["√", "", "", "√"]
        ),
        item("2", ("", Some("continue")), "办事指南", ["√", "", "√", ""]),
    );
    let second = format!(
        "<w:tbl>{}{}{}{}</w:tbl>",
        header(),
        item(
            "1",
            ("就业信息服务", None),
            "岗位信息发布",
            ["√", "", "", "√"]
        ),
        header(),
        item("2", ("就业信息服务", None), "就业政策", ["", "√", "", "√"]),
    );
    docx(&format!(
        "{}{}{first}{}{second}{}",
        paragraph("示范县乡镇政务公开事项标准目录"),
        paragraph("一、社会救助领域"),
        paragraph("二、就业领域"),
        paragraph("注：√ 表示适用。")
    ))
}

#[test]
fn word_tables_one_per_domain_take_the_domain_from_their_heading_and_skip_a_repeated_header() {
    let table = read("目录.docx", word_catalog_table_per_domain()).expect("read");
    let got: Vec<(String, String, u32)> = table
        .items
        .iter()
        .map(|p| (p.item.key(), p.sheet.clone(), p.row))
        .collect();
    assert_eq!(
        got,
        [
            (
                "社会救助/最低生活保障/审批结果".to_owned(),
                "表格1".to_owned(),
                3
            ),
            (
                "社会救助/最低生活保障/办事指南".to_owned(),
                "表格1".to_owned(),
                4
            ),
            (
                "就业/就业信息服务/岗位信息发布".to_owned(),
                "表格2".to_owned(),
                3
            ),
            (
                "就业/就业信息服务/就业政策".to_owned(),
                "表格2".to_owned(),
                6
            ),
        ]
    );
    assert_eq!(table.items[1].item.level, [Level::County]);
    assert_eq!(table.items[3].item.audience, [Audience::Specific]);
    assert!(table.unplaced.is_empty(), "{:?}", table.unplaced);
}

/// A county workbook as people keep them: an old version on a hidden sheet, the two-row header
/// repeated mid-sheet, a 二级事项 merged over two rows whose 公开内容 goes on in the second,
/// and a control character pasted into a cell.
fn workbook_with_hidden_sheet_and_repeats() -> Vec<u8> {
    let mut book = Workbook::new();
    let plain = Format::new();
    let sheet = book.add_worksheet();
    sheet.set_name("社会救助").unwrap();
    let header = |sheet: &mut rust_xlsxwriter::Worksheet, top: u32| {
        for (c, title) in [(0, "序号"), (3, "公开内容"), (4, "公开时限")] {
            sheet
                .merge_range(top, c, top + 1, c, title, &plain)
                .unwrap();
        }
        sheet
            .merge_range(top, 1, top, 2, "公开事项", &plain)
            .unwrap();
        sheet
            .merge_range(top, 5, top, 6, "公开层级", &plain)
            .unwrap();
        for (c, title) in [(1, "一级事项"), (2, "二级事项"), (5, "县级"), (6, "乡级")] {
            sheet.write(top + 1, c, title).unwrap();
        }
    };
    header(sheet, 0);
    // Rows 3–4: one item, its 二级事项 and 时限 merged over both rows, content in two.
    sheet.write(2, 0, 1).unwrap();
    sheet.write(2, 1, "最低生活保障").unwrap();
    sheet
        .merge_range(2, 1, 3, 1, "最低生活保障", &plain)
        .unwrap();
    sheet.merge_range(2, 2, 3, 2, "审批结果", &plain).unwrap();
    sheet.write(2, 3, "审批对象").unwrap();
    sheet.write(3, 3, "保障标准").unwrap();
    sheet.merge_range(2, 4, 3, 4, "20个工作日", &plain).unwrap();
    sheet.write(2, 6, "√").unwrap();
    sheet.write(3, 5, "√").unwrap();
    header(sheet, 4);
    sheet.write(6, 0, 2).unwrap();
    sheet.write(6, 1, "特困人员救助供养").unwrap();
    sheet.write(6, 2, "办事\u{7}指南").unwrap();
    sheet.write(6, 3, "流程\r\n材料").unwrap();
    sheet.write(6, 6, "√").unwrap();
    // The form's sign-off under the table, over several cells.
    sheet
        .write(8, 0, "填报单位（盖章）：示范县政务公开办")
        .unwrap();
    sheet.write(8, 3, "填表人：张三").unwrap();
    sheet.write(8, 5, "联系电话：0000-1234567").unwrap();
    let old = book.add_worksheet();
    old.set_name("旧版").unwrap();
    old.write(0, 1, "二级事项").unwrap();
    old.write(1, 1, "已废止事项").unwrap();
    old.set_hidden(true);
    book.save_to_buffer().unwrap()
}

#[test]
fn a_hidden_sheet_is_not_imported_a_repeated_header_is_skipped_and_a_merged_level2_joins_its_rows()
{
    let table = read("目录.xlsx", workbook_with_hidden_sheet_and_repeats()).expect("read");
    let got: Vec<(String, u32)> = table.items.iter().map(|p| (p.item.key(), p.row)).collect();
    assert_eq!(
        got,
        [
            ("社会救助/最低生活保障/审批结果".to_owned(), 3),
            ("社会救助/特困人员救助供养/办事指南".to_owned(), 7),
        ]
    );
    let first = &table.items[0].item;
    assert_eq!(first.content, "审批对象\n保障标准");
    assert_eq!(first.time_limit, "20个工作日");
    assert_eq!(first.level, [Level::County, Level::Township]);
    assert_eq!(table.items[1].item.content, "流程\n材料");
    let unplaced: Vec<(&str, u32, &str, &str)> = table
        .unplaced
        .iter()
        .map(|u| (u.sheet.as_str(), u.row, u.column.as_str(), u.text.as_str()))
        .collect();
    assert_eq!(
        unplaced,
        [
            ("社会救助", 9, "A", "填报单位（盖章）：示范县政务公开办"),
            ("社会救助", 9, "D", "填表人：张三"),
            ("社会救助", 9, "F", "联系电话：0000-1234567"),
            ("旧版", 1, "B", "二级事项")
        ]
    );
    assert!(
        table.unplaced[3].reason.contains("已隐藏"),
        "{}",
        table.unplaced[3].reason
    );
}

#[test]
fn a_word_table_split_at_a_page_break_without_its_header_goes_on_under_it() {
    let header = tr(&[
        tc("序号", 1, None),
        tc("一级事项", 1, None),
        tc("二级事项", 1, None),
        tc("公开层级", 1, None),
    ]);
    let item = |n: &str, l1: &str, l2: &str, level: &str| {
        tr(&[
            tc(n, 1, None),
            tc(l1, 1, None),
            tc(l2, 1, None),
            tc(level, 1, None),
        ])
    };
    let section = |text: &str| tr(&[tc(text, 4, None)]);
    let first = format!(
        "<w:tbl>{header}{}{}</w:tbl>",
        section("一、社会救助领域"),
        item("1", "最低生活保障", "审批结果", "乡级"),
    );
    let second = format!(
        "<w:tbl>{}{}{}</w:tbl>",
        item("2", "最低生活保障", "办事指南", "县级"),
        section("二、就业领域"),
        item("1", "就业信息服务", "岗位信息发布", "乡级"),
    );
    let other =
        "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>联系人：张三</w:t></w:r></w:p></w:tc></w:tr></w:tbl>";
    let bytes = docx(&format!(
        "{}{first}{second}{}{other}",
        paragraph("示范县乡镇政务公开事项标准目录"),
        paragraph("附：联系方式")
    ));
    let table = read("目录.docx", bytes).expect("read");
    let got: Vec<(String, &str, u32)> = table
        .items
        .iter()
        .map(|p| (p.item.key(), p.sheet.as_str(), p.row))
        .collect();
    assert_eq!(
        got,
        [
            ("社会救助/最低生活保障/审批结果".to_owned(), "表格1", 3),
            ("社会救助/最低生活保障/办事指南".to_owned(), "表格2", 1),
            ("就业/就业信息服务/岗位信息发布".to_owned(), "表格2", 3),
        ]
    );
    assert_eq!(table.items[1].item.level, [Level::County]);
    // Word has no column letters: the cell is named by its column's number.
    let unplaced: Vec<(&str, &str, &str)> = table
        .unplaced
        .iter()
        .map(|u| (u.sheet.as_str(), u.column.as_str(), u.text.as_str()))
        .collect();
    assert_eq!(unplaced, [("表格3", "1", "联系人：张三")]);
}

#[test]
fn problems_in_a_word_table_are_named_by_table_and_column_number() {
    let header = tr(&[
        tc("领域", 1, None),
        tc("一级事项", 1, None),
        tc("二级事项", 1, None),
    ]);
    let row = |cells: [&str; 3]| tr(&cells.map(|t| tc(t, 1, None)));
    let bytes = docx(&format!(
        "<w:tbl>{header}{}{}</w:tbl>",
        row(["社会求助", "最低生活保障", "审批结果"]),
        row(["社会救助", "最低生活保障", ""]),
    ));
    let (message, problems) = problems(read("目录.docx", bytes));
    assert_eq!(problems.len(), 2, "{message}");
    assert!(
        message.contains("表格1 第 2 行 第 1 列：领域“社会求助”不认识，是否为“社会救助”？"),
        "{message}"
    );
    assert!(
        message.contains("表格1 第 3 行：有内容但没有二级事项（第 3 列为空）"),
        "{message}"
    );
    assert!(!message.contains("工作表"), "{message}");
}

#[test]
fn a_table_with_a_third_level_gives_an_item_per_third_level_row() {
    let bytes = simple_workbook(&[
        &["社会救助领域基层政务公开标准目录"],
        &["序号", "一级事项", "二级事项", "三级事项", "公开内容"],
        &["1", "最低生活保障", "审批信息", "审批对象", "对象名单"],
        &["2", "最低生活保障", "审批信息", "审批标准", "保障标准"],
        &["3", "最低生活保障", "办事指南", "", "流程"],
    ]);
    let table = read("目录.xlsx", bytes).expect("read");
    let keys: Vec<String> = table.items.iter().map(|p| p.item.key()).collect();
    assert_eq!(
        keys,
        [
            "社会救助/最低生活保障/审批信息（审批对象）",
            "社会救助/最低生活保障/审批信息（审批标准）",
            "社会救助/最低生活保障/办事指南",
        ]
    );
    assert!(table.unplaced.is_empty(), "{:?}", table.unplaced);
}
