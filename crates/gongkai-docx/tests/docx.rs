//! The written file read back: a zip whose parts are well-formed XML, the text where Word looks
//! for it, merged cells as Word merges them, and the places named when input is refused.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::io::{Cursor, Read};

use gongkai_docx::{Align, Cell, Document, DocxError, Paragraph, Table};
use quick_xml::Reader;
use quick_xml::events::Event;

fn part(bytes: &[u8], name: &str) -> String {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
    let mut text = String::new();
    zip.by_name(name)
        .unwrap()
        .read_to_string(&mut text)
        .unwrap();
    text
}

/// Every element name in document order, failing on malformed XML.
fn elements(xml: &str) -> Vec<String> {
    let mut reader = Reader::from_str(xml);
    let mut names = Vec::new();
    loop {
        match reader.read_event().unwrap() {
            Event::Start(e) | Event::Empty(e) => {
                names.push(e.name().as_ref().to_owned());
            }
            Event::Eof => break,
            _ => {}
        }
    }
    names
}

/// The text of the document's `w:t` elements, joined.
fn text_of(xml: &str) -> String {
    let mut reader = Reader::from_str(xml);
    let mut inside = false;
    let mut text = String::new();
    loop {
        match reader.read_event().unwrap() {
            Event::Start(e) if e.name().as_ref() == "w:t" => inside = true,
            Event::End(e) if e.name().as_ref() == "w:t" => inside = false,
            Event::Text(t) if inside => text.push_str(&t.xml10_content()),
            Event::GeneralRef(r) if inside => {
                let name: &str = &r;
                text.push_str(quick_xml::escape::resolve_xml_entity(name).unwrap());
            }
            Event::Eof => break,
            _ => {}
        }
    }
    text
}

/// A header of three rows as 表三's: a label over three stub rows, a group over two columns.
fn sample_table() -> Table {
    let mut table = Table::new("示例表", vec![3, 1, 1, 1]);
    table.header_rows = 2;
    table
        .row(vec![
            Cell::new("项目").span(1, 2),
            Cell::new("申请人情况").span(3, 1),
        ])
        .row(vec![
            Cell::new("自然人"),
            Cell::new("企业 & 机构"),
            Cell::new("总计"),
        ])
        .row(vec![
            Cell::new("一、本年新收").align(Align::Left),
            Cell::new("3"),
            Cell::new("2"),
            Cell::new("5"),
        ]);
    table
}

#[test]
fn a_document_is_a_zip_of_well_formed_parts_with_its_text() {
    let mut doc = Document::new("示范镇2026年政府信息公开工作年度报告");
    doc.push(Paragraph::title("示范镇2026年政府信息公开工作年度报告"))
        .push(Paragraph::heading(1, "一、总体情况"))
        .push(Paragraph::body(
            "本年度主动公开 <政府信息> 120 条。\n第二行",
        ))
        .table(sample_table())
        .page_break()
        .push(Paragraph::plain("张三："))
        .push(
            Paragraph::body("示范镇人民政府")
                .align(Align::Right)
                .right_indent(4),
        );
    let bytes = doc.to_bytes().unwrap();

    for name in [
        "[Content_Types].xml",
        "_rels/.rels",
        "docProps/core.xml",
        "word/_rels/document.xml.rels",
        "word/footer1.xml",
    ] {
        elements(&part(&bytes, name));
    }
    let document = part(&bytes, "word/document.xml");
    let names = elements(&document);
    let text = text_of(&document);
    for expected in [
        "一、总体情况",
        "本年度主动公开 <政府信息> 120 条。",
        "第二行",
        "申请人情况",
        "企业 & 机构",
        "一、本年新收",
        "张三：",
        "示范镇人民政府",
    ] {
        assert!(text.contains(expected), "missing {expected} in {text}");
    }
    // The header's 项目 spans two rows: restarted in row 1, continued in row 2.
    assert_eq!(
        document.matches(r#"<w:vMerge w:val="restart"/>"#).count(),
        1
    );
    assert_eq!(document.matches("<w:vMerge/>").count(), 1);
    assert_eq!(document.matches(r#"<w:gridSpan w:val="3"/>"#).count(), 1);
    // Three rows of 2, 4 and 4 cells, two of them header rows repeated on each page.
    assert_eq!(names.iter().filter(|n| *n == "w:tc").count(), 10);
    assert_eq!(names.iter().filter(|n| *n == "w:tblHeader").count(), 2);
    assert_eq!(names.iter().filter(|n| *n == "w:gridCol").count(), 4);
    // GB/T 9704 page: A4 with 37 mm top and 28 mm left margins, in twips.
    assert!(document.contains(r#"<w:pgSz w:w="11906" w:h="16838"/>"#));
    assert!(document.contains(r#"w:top="2098""#) && document.contains(r#"w:left="1587""#));
    // Body text indented two characters of 16 pt; the 落款 four from the right.
    assert!(document.contains(r#"w:firstLineChars="200" w:firstLine="640""#));
    assert!(document.contains(r#"w:rightChars="400" w:right="1280""#));
    assert!(part(&bytes, "docProps/core.xml").contains("示范镇2026年政府信息公开工作年度报告"));
    assert!(part(&bytes, "word/footer1.xml").contains("PAGE"));
}

#[test]
fn table_columns_fill_the_text_block_exactly() {
    let mut doc = Document::new("表");
    doc.table(sample_table());
    let document = part(&doc.to_bytes().unwrap(), "word/document.xml");
    let widths: u32 = document
        .split(r#"<w:gridCol w:w=""#)
        .skip(1)
        .map(|rest| rest.split('"').next().unwrap().parse::<u32>().unwrap())
        .sum();
    // 156 mm in twips.
    assert_eq!(widths, 8844);
}

#[test]
fn a_row_that_does_not_fill_the_grid_is_named() {
    let mut table = Table::new("表三", vec![1, 1, 1]);
    table
        .row(vec![Cell::new("a"), Cell::new("b"), Cell::new("c")])
        .row(vec![Cell::new("a"), Cell::new("b")]);
    let mut doc = Document::new("表");
    doc.table(table);
    let error = doc.to_bytes().unwrap_err();
    assert!(matches!(
        error,
        DocxError::RowWidth {
            row: 2,
            used: 2,
            columns: 3,
            ..
        }
    ));
    assert_eq!(error.to_string(), "表格“表三”第 2 行占了 2 列，表格共 3 列");
}

#[test]
fn a_row_span_past_the_last_row_is_named() {
    let mut table = Table::new("表四", vec![1, 1]);
    table.row(vec![Cell::new("a").span(1, 2), Cell::new("b")]);
    let mut doc = Document::new("表");
    doc.table(table);
    let error = doc.to_bytes().unwrap_err();
    assert_eq!(
        error.to_string(),
        "表格“表四”第 1 行第 1 列的单元格向下合并超出了表格"
    );
}

#[test]
fn a_cell_over_a_merged_place_is_named() {
    let mut table = Table::new("表二", vec![1, 1, 1]);
    table
        .row(vec![
            Cell::new("a"),
            Cell::new("b").span(1, 2),
            Cell::new("c"),
        ])
        .row(vec![Cell::new("a").span(2, 1), Cell::new("c")]);
    let mut doc = Document::new("表");
    doc.table(table);
    let error = doc.to_bytes().unwrap_err();
    assert_eq!(
        error.to_string(),
        "表格“表二”第 2 行第 1 列的单元格与上方向下合并的单元格重叠"
    );
}

#[test]
fn a_control_character_is_refused_with_its_place() {
    let mut doc = Document::new("信");
    doc.push(Paragraph::body("正文"))
        .push(Paragraph::body("坏\u{7}字"));
    let error = doc.to_bytes().unwrap_err();
    assert_eq!(
        error.to_string(),
        "第 2 段含有 Word 文档不能保存的控制字符 U+0007"
    );
}
