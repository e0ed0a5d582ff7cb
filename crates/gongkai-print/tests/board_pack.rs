//! Board packs, notices and receipts read back from the PDF by poppler, as a proofreader would.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test code

mod fixture;

use fixture::{keep, pack, pdf_text};
use gongkai_print::{render_board_pack, render_board_packs};

#[test]
fn a_pack_names_village_zones_sheets_register_numbers_and_signatures() {
    let pack = pack(0);
    let pdf = render_board_pack(&pack).unwrap();
    keep("pack-东山村.pdf", &pdf);
    let text = pdf_text(&pdf, &[]);
    for needle in [
        "东山村三务公开栏张贴示意图",
        "比例 1:",
        "2400×1200 毫米",
        "党务公开",
        "村务公开",
        "财务公开",
        "张贴回执",
        "经办人（签字）",
        "村务监督委员会主任（签字）",
        "张贴日期",
    ] {
        assert!(text.contains(needle), "{needle} missing:\n{text}");
    }
    for sheet in &pack.diagram.sheets {
        assert!(text.contains(&sheet.register_no), "{}", sheet.register_no);
    }
    assert!(
        text.contains("东山村关于2026年10月村级财务收支情况的公示"),
        "{text}"
    );
    assert!(
        text.contains("第 1 页 共 2 页"),
        "the announcement runs on: {text}"
    );
}

#[test]
fn packs_of_several_villages_are_bookmarked_by_village() {
    let pdf = render_board_packs(&[pack(0), pack(1), pack(2)]).unwrap();
    keep("packs.pdf", &pdf);
    let doc = lopdf::Document::load_mem(&pdf).unwrap();
    let catalog = doc.catalog().unwrap();
    let outlines = doc
        .get_dictionary(catalog.get(b"Outlines").unwrap().as_reference().unwrap())
        .unwrap();
    assert_eq!(outlines.get(b"Count").unwrap().as_i64().unwrap(), 3);
    let text = pdf_text(&pdf, &[]);
    assert!(text.contains("西河村三务公开栏张贴示意图") && text.contains("南岗村"));
}
