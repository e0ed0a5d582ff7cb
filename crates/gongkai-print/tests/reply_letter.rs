//! A reply letter printed: title, number, addressee, body and 落款 read back with pdftotext; a
//! draft says so in its title and its last line, a final letter in neither.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test code

mod fixture;

use fixture::{date, keep, pdf_text};
use gongkai_print::{DRAFT_LINE, DRAFT_MARK, PrintError, ReplyLetter, render_reply_letter};

fn letter(draft: bool) -> ReplyLetter {
    ReplyLetter {
        title: "政府信息公开申请答复书".into(),
        number: "示范镇依申〔2026〕3号".into(),
        addressee: "张某某".into(),
        paragraphs: vec![
            "本机关于2026年3月2日收到您提出的政府信息公开申请。".into(),
            "根据《中华人民共和国政府信息公开条例》第三十六条第（二）项的规定，现将您申请的信息提供给您。"
                .into(),
            "如对本答复不服，可以在收到本答复之日起60日内向示范县人民政府申请行政复议，或者在6个月内向示范县人民法院提起行政诉讼。"
                .into(),
        ],
        issuer: "示范镇人民政府".into(),
        issued_on: date(2026, 3, 20),
        draft,
    }
}

/// pdftotext's reading with the line breaks of the layout taken out, so a sentence wrapped over
/// two lines reads whole.
fn joined(pdf: &[u8]) -> String {
    pdf_text(pdf, &[])
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect()
}

#[test]
fn a_final_letter_prints_every_part_and_no_draft_mark() {
    let pdf = render_reply_letter(&letter(false)).unwrap();
    keep("reply-letter.pdf", &pdf);
    let text = joined(&pdf);
    for part in [
        "政府信息公开申请答复书",
        "示范镇依申〔2026〕3号",
        "张某某：",
        "第三十六条第（二）项",
        "60日内向示范县人民政府申请行政复议",
        "6个月内向示范县人民法院提起行政诉讼",
        "示范镇人民政府",
        "2026年3月20日",
    ] {
        assert!(text.contains(part), "{part} missing from {text}");
    }
    assert!(!text.contains("草稿"), "{text}");
}

#[test]
fn a_draft_says_so_in_its_title_and_last_line() {
    let pdf = render_reply_letter(&letter(true)).unwrap();
    keep("reply-letter-draft.pdf", &pdf);
    let text = joined(&pdf);
    assert!(
        text.contains(&format!("政府信息公开申请答复书{DRAFT_MARK}")),
        "{text}"
    );
    let line: String = DRAFT_LINE.chars().filter(|c| !c.is_whitespace()).collect();
    assert!(text.contains(&line), "{text}");
    let printed = letter(true).printed_paragraphs();
    assert_eq!(printed.last().map(String::as_str), Some(DRAFT_LINE));
}

#[test]
fn a_character_no_face_has_is_refused_not_boxed() {
    let mut l = letter(false);
    l.addressee = "王\u{E000}".into();
    assert!(matches!(
        render_reply_letter(&l),
        Err(PrintError::MissingGlyphs { .. })
    ));
}
