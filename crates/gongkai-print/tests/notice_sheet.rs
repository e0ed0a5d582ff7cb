//! Composed notices measured on the page (GB/T 9704), posted sheets' QR codes scanned back
//! from poppler's raster, characters no face has named with their place.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test code

mod fixture;

use fixture::{
    date, finance_notice, keep, long_announcement, payout_sheet, pdf_text, raster, words,
};
use gongkai_print::{
    NoticeSheet, Paper, PrintError, SheetFooter, render, render_notice, render_posted,
};

const MM: f32 = 72.0 / 25.4;

fn close(a: f32, b: f32, within: f32) -> bool {
    (a - b).abs() <= within
}

#[test]
fn a_notice_keeps_the_margins_type_and_grid_of_gb_t_9704() {
    let notice = long_announcement("东山村", None);
    let pdf = render_notice(&notice).unwrap();
    keep("notice-gbt9704.pdf", &pdf);
    let words = words(&pdf);
    let first: Vec<_> = words.iter().filter(|w| w.page == 1).collect();
    let (left, right) = (28.0 * MM, (28.0 + 156.0) * MM);
    let (top, bottom) = (37.0 * MM, (37.0 + 225.0) * MM);

    // The title: centred on the text block, its top within the first line below 37 mm.
    let title = first[0];
    assert!(title.text.starts_with("东山村关于"), "{title:?}");
    assert!(
        close((title.x_min + title.x_max) / 2.0, (left + right) / 2.0, 1.0),
        "{title:?}"
    );
    // poppler boxes a word by the face's ascent and descent: in ems, the same at every size.
    let box_em = (title.y_max - title.y_min) / 22.0;
    assert!(
        title.y_min >= top - 1.0 && title.y_min < top + 11.0,
        "{title:?}"
    );
    // 2号: the title's ideographs are 22 pt wide.
    let title_width = title.x_max - title.x_min;
    let ideographs = title.text.chars().filter(|c| !c.is_ascii()).count() as f32;
    let figures = title.text.chars().filter(char::is_ascii_digit).count() as f32;
    assert!(title_width > ideographs * 22.0 && title_width < (ideographs + figures) * 22.0);

    // The body: every line between 28 mm and 184 mm, full lines flush with both edges, each
    // paragraph's first line two characters in, 22 lines to the 225 mm block.
    let body: Vec<_> = first
        .iter()
        .filter(|w| w.y_min > title.y_max + 16.0 && close(w.y_max - w.y_min, 16.0 * box_em, 0.5))
        .collect();
    assert!(body.len() >= 15, "{body:?}");
    for w in &body {
        assert!(w.x_min >= left - 0.5 && w.x_max <= right + 0.5, "{w:?}");
        assert!(w.y_max <= bottom, "{w:?}");
    }
    assert!(body.iter().any(|w| close(w.x_min, left, 0.5)));
    assert!(
        body.iter().any(|w| close(w.x_min, left + 32.0, 0.5)),
        "indent"
    );
    let flush = body.iter().filter(|w| close(w.x_max, right, 1.0)).count();
    assert!(
        flush * 2 > body.len(),
        "justified lines: {flush} of {}",
        body.len()
    );
    let pitch = (body[body.len() - 1].y_min - body[0].y_min) / (body.len() - 1) as f32;
    assert!(close(pitch, 225.0 * MM / 22.0, 0.05), "line pitch {pitch}");

    // A second page, numbered; the 落款's date ends four characters in from the right.
    let text = pdf_text(&pdf, &[]);
    assert!(
        text.contains("第 1 页 共 2 页") && text.contains("第 2 页 共 2 页"),
        "{text}"
    );
    let date = words.iter().find(|w| w.text == "2026年11月1日").unwrap();
    assert!(close(date.x_max, right - 4.0 * 16.0, 1.0), "{date:?}");
    let issuer = words.iter().find(|w| w.text == "东山村村民委员会").unwrap();
    assert!(
        close(issuer.x_min + issuer.x_max, date.x_min + date.x_max, 1.0),
        "centred over the date"
    );
    let text_above = words
        .iter()
        .filter(|w| w.page == issuer.page && w.y_max < issuer.y_min)
        .map(|w| w.y_max)
        .fold(0.0, f32::max);
    // Two empty lines of the grid between the text and the issuer, for the seal to press into.
    let line = 225.0 * MM / 22.0;
    assert!(
        issuer.y_min - text_above > 2.0 * line - 10.0,
        "room for the seal"
    );
    assert!(
        text_above > 0.0,
        "the 落款 does not stand alone on its page"
    );
}

#[test]
fn a3_widens_the_text_block_and_keeps_the_margins() {
    let mut notice = long_announcement("东山村", None);
    notice.paper = Paper::A3Portrait;
    let pdf = render_notice(&notice).unwrap();
    let right = 297.0 * MM - 26.0 * MM;
    let words = words(&pdf);
    assert!(
        words.iter().any(|w| close(w.x_max, right, 1.0)),
        "{words:?}"
    );
    assert!(words.iter().all(|w| w.x_max <= right + 0.5));
    assert!(
        !pdf_text(&pdf, &[]).contains("共 2 页"),
        "A3 holds it on one page"
    );
}

#[test]
fn a_long_table_repeats_its_header_on_every_page() {
    let mut notice = finance_notice("东山村", None);
    let table = notice.table.as_mut().unwrap();
    let row = table.rows[2].clone();
    table.rows = (1..=60)
        .map(|i| {
            let mut r = row.clone();
            r[0] = i.to_string();
            r
        })
        .collect();
    let pdf = render_notice(&notice).unwrap();
    keep("notice-long-table.pdf", &pdf);
    let words = words(&pdf);
    let pages = words.iter().map(|w| w.page).max().unwrap();
    assert!(pages >= 3, "{pages}");
    let headers = words.iter().filter(|w| w.text == "收支项目").count();
    assert_eq!(
        headers,
        pages.min(
            words
                .iter()
                .filter(|w| w.text == "60")
                .map(|w| w.page)
                .max()
                .unwrap()
        )
    );
    // Amounts line up on the right edge of their column.
    let amounts: Vec<_> = words.iter().filter(|w| w.text == "3,260.00").collect();
    assert!(
        amounts
            .windows(2)
            .all(|p| close(p[0].x_max, p[1].x_max, 0.05))
    );
}

#[test]
fn a_character_no_face_has_is_named_with_its_place() {
    let mut notice = finance_notice("东山村", None);
    notice.body = "第一段。\n第二段有\u{E000}字。".into();
    let missing = notice.missing_glyphs().unwrap();
    assert_eq!(missing.len(), 1);
    assert_eq!(missing[0].place, "正文第 2 段");
    assert_eq!(missing[0].character, '\u{E000}');
    let err = render_notice(&notice).unwrap_err();
    assert!(matches!(err, PrintError::MissingGlyphs { .. }));
    assert!(
        err.to_string().contains("正文第 2 段") && err.to_string().contains("U+E000"),
        "{err}"
    );
    // A table cell is named by its row and its column's header.
    let mut in_table = finance_notice("东山村", None);
    if let Some(table) = in_table.table.as_mut() {
        table.rows[1][1] = "修缮\u{E000}费".into();
    }
    assert_eq!(
        in_table.missing_glyphs().unwrap()[0].place,
        "表格第 2 行“收支项目”栏"
    );
    // Rare but drawable names pass (Ext-A from the main face, Ext-B from the fallback).
    notice.body = "经办人刘䶮、王𠀀。".into();
    assert!(notice.missing_glyphs().unwrap().is_empty());
}

fn footer(url: Option<&str>) -> SheetFooter {
    SheetFooter {
        board: "东山村三务公开栏".into(),
        zone: "财务公开".into(),
        register_no: "GK-2026-00107".into(),
        notice: Some((date(2026, 11, 3), date(2026, 11, 9))),
        portal_url: url.map(String::from),
    }
}

/// The QR codes found on a page at 300 dpi, decoded.
fn scan(pdf: &[u8], page: usize) -> Vec<String> {
    let (width, height, pixels) = raster(pdf, page, 300);
    // The footer is in the bottom fifth of the page: scan only that.
    let top = height * 4 / 5;
    let mut image = rqrr::PreparedImage::prepare_from_greyscale(width, height - top, |x, y| {
        pixels[(top + y) * width + x]
    });
    image
        .detect_grids()
        .into_iter()
        .map(|grid| grid.decode().expect("a readable code").1)
        .collect()
}

#[test]
fn a_posted_payout_notice_carries_its_footer_and_a_qr_code_that_scans() {
    let url = "https://gongkai.example.invalid/p/GK-2026-00107";
    let pdf = render_posted(&payout_sheet("东山村", 45), &footer(Some(url))).unwrap();
    keep("posted-payout.pdf", &pdf);
    let text = pdf_text(&pdf, &[]);
    for needle in [
        "登记号：GK-2026-00107",
        "东山村三务公开栏",
        "财务公开",
        "2026年11月3日至2026年11月9日",
        url,
    ] {
        assert!(text.contains(needle), "{needle}: {text}");
    }
    assert_eq!(scan(&pdf, 1), [url]);
    assert_eq!(scan(&pdf, 2), [url], "every page");
    // The footer takes room from the table, never covers it: the last row stays on its page.
    assert!(text.contains("45") && text.contains("合计"));
}

#[test]
fn a_composed_notice_carries_the_same_footer_and_code() {
    let url = "https://gongkai.example.invalid/p/GK-2026-00107?v=2";
    let notice = NoticeSheet {
        footer: Some(footer(Some(url))),
        ..finance_notice("东山村", None)
    };
    let pdf = render_notice(&notice).unwrap();
    keep("notice-footer.pdf", &pdf);
    assert_eq!(scan(&pdf, 1), [url]);
    let text = pdf_text(&pdf, &[]);
    assert!(text.contains("登记号：GK-2026-00107"), "{text}");
}

#[test]
fn without_a_footer_a_sheet_prints_as_before_and_without_a_url_no_code() {
    let sheet = payout_sheet("东山村", 10);
    let plain = render(&sheet).unwrap();
    assert!(!pdf_text(&plain, &[]).contains("登记号"));
    let posted = render_posted(&sheet, &footer(None)).unwrap();
    assert!(pdf_text(&posted, &[]).contains("登记号：GK-2026-00107"));
    assert!(scan(&posted, 1).is_empty());
}
