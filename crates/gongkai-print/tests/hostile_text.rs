//! Notices and reply letters with hostile text (issue 13's QA), read back with pdftotext:
//! nothing lost from the page, no line against the rules, no word outside the text block.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test code

mod fixture;

use fixture::{date, keep, pdf_text, words};
use gongkai_print::{
    NoticeSheet, NoticeTable, Paper, ReplyLetter, render_notice, render_reply_letter,
};

fn notice(body: &str, table: Option<NoticeTable>) -> NoticeSheet {
    NoticeSheet {
        title: "东山村关于测试事项的公示".into(),
        body: body.into(),
        table,
        notice: Some((date(2026, 12, 1), date(2026, 12, 7))),
        objection: None,
        issuer: "东山村村民委员会".into(),
        issued_on: date(2026, 12, 1),
        paper: Paper::A4Portrait,
        footer: None,
    }
}

/// 10,000 characters: taller than a page in any column.
fn huge() -> String {
    "一二三四五六七八九十".repeat(1000)
}

/// The characters of `text` drawn from `alphabet`, in reading order.
fn only(text: &str, alphabet: &str) -> String {
    text.chars().filter(|c| alphabet.contains(*c)).collect()
}

#[test]
fn a_notice_table_row_taller_than_a_page_goes_on_over_pages_and_loses_nothing() {
    let huge = huge();
    let table = NoticeTable {
        columns: vec!["序号".into(), "姓名".into(), "说明".into()],
        rows: vec![
            vec!["1".into(), "王𠀀".into(), "首行".into()],
            vec!["2".into(), "李".into(), huge.clone()],
            vec!["3".into(), "张".into(), "末行".into()],
        ],
    };
    let started = std::time::Instant::now();
    let pdf = render_notice(&notice("经村民代表会议讨论，现予公示。", Some(table))).unwrap();
    assert!(started.elapsed().as_secs() < 10, "{:?}", started.elapsed());
    keep("hostile-notice-table.pdf", &pdf);
    let text = pdf_text(&pdf, &[]);
    let read = only(&text, "一二三四五六七八九十");
    assert!(
        read == huge,
        "{} of {} characters read back",
        read.chars().count(),
        huge.chars().count()
    );
    assert!(text.contains("末行") && text.contains("公示期"), "{text}");
    // The cell's lines all inside the 225 mm text block that starts 37 mm down (GB/T 9704).
    let mm = 72.0 / 25.4;
    for word in words(&pdf).iter().filter(|w| w.text.starts_with('一')) {
        assert!(word.y_max <= (37.0 + 225.0) * mm + 1.0, "{word:?}");
    }
}

#[test]
fn a_reply_letter_with_hostile_paragraphs_keeps_every_character_inside_the_block() {
    let huge = huge();
    let paragraphs = vec![
        "见https://www.example.gov.cn/zwgk/xxgk/2018/index_123456789012345678901234567890.html"
            .to_owned(),
        "账号6222020200112233445566778899001122334455".to_owned(),
        "）".repeat(40),
        "（".repeat(40),
        "甲\t乙\u{a0}丙\u{3000}丁\u{200b}戊".to_owned(),
        huge.clone(),
    ];
    let letter = ReplyLetter {
        title: "政府信息公开申请答复书".into(),
        number: "示范镇依申〔2026〕3号".into(),
        addressee: "张𠀀".into(),
        paragraphs,
        issuer: "示范镇人民政府".into(),
        issued_on: date(2026, 12, 1),
        draft: false,
    };
    let pdf = render_reply_letter(&letter).unwrap();
    keep("hostile-letter.pdf", &pdf);
    let text = pdf_text(&pdf, &[]);
    let read = only(&text, "一二三四五六七八九十");
    assert!(
        read == huge,
        "{} of {} characters read back",
        read.chars().count(),
        huge.chars().count()
    );
    assert_eq!(only(&text, "）").chars().count(), 40);
    assert_eq!(only(&text, "（").chars().count(), 40);
    assert!(
        text.contains("6222020200112233445566778899001122334455"),
        "{text}"
    );
    // The 28 mm and 184 mm edges of GB/T 9704's text block, a point's give.
    let mm = 72.0 / 25.4;
    for word in words(&pdf) {
        assert!(
            word.x_min >= 28.0 * mm - 1.0 && word.x_max <= 184.0 * mm + 1.0,
            "{word:?}"
        );
    }
}
