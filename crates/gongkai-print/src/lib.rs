//! The print engine: tables laid out on paper, paginated with a repeated header, page subtotals
//! and page numbers, written as PDF with the bundled Chinese fonts subset into the file.
//!
//! It knows nothing about payouts: callers describe a [`Sheet`] (title, columns, rows, footer)
//! and get PDF bytes. Before anything is drawn every character is checked against the fonts;
//! a character no font has is refused with the places it occurs, never printed as a box.

mod annual_report;
mod board;
mod cff;
mod embed;
mod error;
mod fonts;
mod footer;
mod gsub;
#[cfg(test)]
mod hostile_tests;
mod layout;
mod linebreak;
mod notice_sheet;
mod pack;
mod pdf;
#[cfg(test)]
mod proofread_tests;
mod qr;
#[cfg(any(test, feature = "readback"))]
pub mod readback;
mod receipt;
mod render;
mod reply_letter;

pub use annual_report::{GridCell, GridTable, ReportBlock, ReportDocument, render_report_document};
pub use board::{BoardDiagram, DiagramSheet, DiagramZone, render_diagram};
pub use error::PrintError;
pub use fonts::{FontSet, bundled_font};
pub use footer::SheetFooter;
pub use notice_sheet::{MissingGlyph, NoticeSheet, NoticeTable, Objection, render_notice};
pub use pack::{BoardPack, PackSheet, render_board_pack, render_board_packs, render_posted};
pub use receipt::{PostingReceipt, ReceiptSheet, render_receipt};
pub use render::{render, render_book, render_sections};
pub use reply_letter::{DRAFT_LINE, DRAFT_MARK, ReplyLetter, render_reply_letter};

/// Paper size and orientation. A4 portrait is what village boards usually take.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Paper {
    #[default]
    A4Portrait,
    A4Landscape,
    A3Portrait,
    A3Landscape,
}

impl Paper {
    /// (width, height) in points.
    pub fn size_pt(self) -> (f32, f32) {
        const A4: (f32, f32) = (595.28, 841.89);
        const A3: (f32, f32) = (841.89, 1190.55);
        match self {
            Paper::A4Portrait => A4,
            Paper::A4Landscape => (A4.1, A4.0),
            Paper::A3Portrait => A3,
            Paper::A3Landscape => (A3.1, A3.0),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    Left,
    Center,
    Right,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Column {
    pub title: String,
    /// Share of the table width, relative to the other columns.
    pub weight: f32,
    pub align: Align,
}

/// A title over several adjacent columns: the upper row of a two-row header (公开对象 over
/// 全社会 and 特定群体). Columns outside every group span both header rows.
#[derive(Debug, Clone, PartialEq)]
pub struct ColumnGroup {
    pub title: String,
    /// The columns it spans, by index; at least two, not overlapping another group.
    pub columns: std::ops::Range<usize>,
}

/// One printable sheet: a title block, a table and a footer, repeated on every page so each
/// posted page stands on its own.
#[derive(Debug, Clone, PartialEq)]
pub struct Sheet {
    pub title: String,
    pub subtitle: String,
    pub columns: Vec<Column>,
    /// Column groups; empty for a one-row header.
    pub groups: Vec<ColumnGroup>,
    pub rows: Vec<Vec<String>>,
    /// The column holding money; with `amounts_fen` (one per row) it gives each page's subtotal
    /// and the last page's grand total.
    pub amount_column: Option<usize>,
    pub amounts_fen: Vec<i64>,
    pub footer: Vec<String>,
    /// The 落款: the issuing body and the date, set flush right below the footer with room above
    /// them for the seal (GB/T 9704); empty for a sheet that carries none.
    pub signature: Vec<String>,
    pub paper: Paper,
    /// Stored in the PDF's document information.
    pub document_title: String,
}

/// Money as printed on notices: 1,234.50.
pub fn yuan(fen: i64) -> String {
    let sign = if fen < 0 { "-" } else { "" };
    let abs = fen.unsigned_abs();
    let whole = (abs / 100).to_string();
    let mut grouped = String::new();
    for (i, c) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i).is_multiple_of(3) {
            grouped.push(',');
        }
        grouped.push(c);
    }
    format!("{sign}{grouped}.{:02}", abs % 100)
}

/// A date as notices print it: 2026年11月3日.
pub fn chinese_date(date: chrono::NaiveDate) -> String {
    use chrono::Datelike as _;
    format!("{}年{}月{}日", date.year(), date.month(), date.day())
}

/// One place of a [`PrintError::MissingGlyphs`]: “页脚“……”缺“𫟼”（U+2B7FC）”.
pub(crate) fn missing_place(place: &str, text: &str, missing: &[char]) -> String {
    let chars: Vec<String> = missing
        .iter()
        .map(|c| format!("“{c}”（U+{:04X}）", *c as u32))
        .collect();
    format!("{place}“{text}”缺{}", chars.join("、"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn money() {
        assert_eq!(yuan(123_450), "1,234.50");
        assert_eq!(yuan(5), "0.05");
        assert_eq!(yuan(100_000_000), "1,000,000.00");
    }
}

#[cfg(test)]
mod render_tests {
    use super::*;

    fn sheet(rows: usize) -> Sheet {
        Sheet {
            title: "示范镇2025年耕地地力保护补贴发放公示".into(),
            subtitle: "东山村　单位：元".into(),
            columns: vec![
                Column {
                    title: "序号".into(),
                    weight: 0.6,
                    align: Align::Center,
                },
                Column {
                    title: "姓名".into(),
                    weight: 1.2,
                    align: Align::Left,
                },
                Column {
                    title: "金额（元）".into(),
                    weight: 1.0,
                    align: Align::Right,
                },
            ],
            rows: (1..=rows)
                .map(|i| {
                    vec![
                        i.to_string(),
                        if i % 2 == 0 {
                            "刘䶮".into()
                        } else {
                            "王𠀀".into()
                        },
                        "104.50".into(),
                    ]
                })
                .collect(),
            groups: Vec::new(),
            amount_column: Some(2),
            amounts_fen: vec![10_450; rows],
            footer: vec!["公示期：2025年12月1日至2025年12月7日".into()],
            signature: vec!["示范镇人民政府".into(), "2025年12月1日".into()],
            paper: Paper::A4Portrait,
            document_title: "测试".into(),
        }
    }

    #[test]
    fn long_lists_paginate_and_every_page_fits() {
        let glyphs = fonts::Glyphs::new(FontSet::shared().unwrap());
        let laid = layout::layout(&glyphs, &sheet(100), 0.0).unwrap();
        assert!(laid.pages.len() >= 3, "{}", laid.pages.len());
        let covered: usize = laid.pages.iter().map(|r| r.len()).sum();
        assert_eq!(covered, 100);
    }

    #[test]
    fn the_same_sheet_renders_to_the_same_bytes() {
        assert_eq!(render(&sheet(70)).unwrap(), render(&sheet(70)).unwrap());
    }

    #[test]
    fn renders_a_pdf_with_both_faces_subset() {
        let pdf = render(&sheet(40)).unwrap();
        assert!(pdf.starts_with(b"%PDF"));
        assert!(
            pdf.len() < 200_000,
            "fonts must be subset: {} bytes",
            pdf.len()
        );
    }

    fn grouped(rows: usize) -> Sheet {
        let mut s = sheet(rows);
        s.columns.push(Column {
            title: "全社会".into(),
            weight: 0.5,
            align: Align::Center,
        });
        s.columns.push(Column {
            title: "特定群体".into(),
            weight: 0.5,
            align: Align::Center,
        });
        for row in &mut s.rows {
            row.extend(["√".to_owned(), String::new()]);
        }
        s.amount_column = None;
        s.groups = vec![ColumnGroup {
            title: "公开对象".into(),
            columns: 3..5,
        }];
        s
    }

    #[test]
    fn a_grouped_header_takes_two_rows_and_spans_its_columns() {
        let glyphs = fonts::Glyphs::new(FontSet::shared().unwrap());
        let plain = layout::layout(&glyphs, &sheet(3), 0.0).unwrap();
        let laid = layout::layout(&glyphs, &grouped(3), 0.0).unwrap();
        assert_eq!(laid.groups.len(), 1);
        assert!(laid.group_height > 0.0);
        assert!(laid.header_height >= laid.group_height + laid.header.height - 0.01);
        assert!(laid.header_height > plain.header_height);
        let pdf = render(&grouped(30)).unwrap();
        assert!(pdf.starts_with(b"%PDF"));
    }

    #[test]
    fn groups_must_span_existing_columns_without_overlap() {
        let mut s = grouped(2);
        s.groups[0].columns = 4..6;
        assert!(matches!(render(&s), Err(PrintError::BadGroup(_))));
        let mut s = grouped(2);
        s.groups.push(ColumnGroup {
            title: "重叠".into(),
            columns: 2..4,
        });
        assert!(matches!(render(&s), Err(PrintError::BadGroup(_))));
        let mut s = grouped(2);
        s.groups[0].title = "公开\u{E000}".into();
        let err = render(&s).unwrap_err();
        assert!(err.to_string().contains("表头"), "{err}");
    }

    #[test]
    fn a_book_puts_every_sheet_in_one_document() {
        let one = render(&grouped(100)).unwrap();
        let book = render_book(&[grouped(100), grouped(2)]).unwrap();
        assert!(book.starts_with(b"%PDF"));
        assert!(book.len() > one.len());
        assert!(matches!(render_book(&[]), Err(PrintError::Empty)));
    }

    #[test]
    fn a_character_without_glyph_stops_printing_and_says_where() {
        let mut s = sheet(3);
        s.rows[1][1] = "王\u{E000}".into();
        let err = render(&s).unwrap_err();
        assert!(
            err.to_string()
                .contains("第 2 行“姓名”栏“王\u{E000}”缺“\u{E000}”（U+E000）"),
            "{err}"
        );
    }
}

#[cfg(test)]
mod section_tests {
    use super::*;

    /// The text of a PDF as `pdftotext` (poppler-utils, installed by `./dev.sh test`) reads it.
    fn pdf_text(pdf: &[u8]) -> String {
        // Tests run in parallel: each call gets its own folder.
        static CALLS: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
        let call = CALLS.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let dir = std::env::temp_dir().join(format!("gongkai-print-{}-{call}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("sections.pdf");
        std::fs::write(&path, pdf).unwrap();
        let out = std::process::Command::new("pdftotext")
            .args(["-layout".as_ref(), path.as_os_str(), "-".as_ref()])
            .output()
            .expect("pdftotext (poppler-utils) must be installed");
        let _ = std::fs::remove_dir_all(&dir);
        String::from_utf8(out.stdout).unwrap()
    }

    fn village(name: &str, rows: usize) -> Sheet {
        Sheet {
            title: "示范镇2025年耕地地力保护补贴发放公示".into(),
            subtitle: format!("{name}　单位：元"),
            columns: vec![
                Column {
                    title: "姓名".into(),
                    weight: 1.0,
                    align: Align::Left,
                },
                Column {
                    title: "金额（元）".into(),
                    weight: 1.0,
                    align: Align::Right,
                },
            ],
            groups: Vec::new(),
            rows: (0..rows)
                .map(|i| vec![format!("{name}{}号", i + 1), "1,234.50".into()])
                .collect(),
            amount_column: Some(1),
            amounts_fen: vec![123_450; rows],
            footer: vec!["公示期：2025年12月1日至2025年12月7日".into()],
            signature: vec!["示范镇人民政府".into(), "2025年12月1日".into()],
            paper: Paper::A4Portrait,
            document_title: "示范镇2025年耕地地力保护补贴发放公示".into(),
        }
    }

    #[test]
    fn sections_number_their_own_pages_and_are_bookmarked() {
        let pdf = render_sections(&[
            ("东山村".into(), village("东山村", 40)),
            ("西河村".into(), village("西河村", 3)),
        ])
        .unwrap();
        let text = pdf_text(&pdf);
        assert!(
            text.contains("第 1 页 共 2 页") && text.contains("第 2 页 共 2 页"),
            "{text}"
        );
        assert!(
            text.contains("第 1 页 共 1 页"),
            "the second village starts again: {text}"
        );
        assert!(!text.contains("共 3 页"), "{text}");
        assert!(
            text.contains("西河村3号") && text.contains("东山村40号"),
            "{text}"
        );
        let doc = lopdf::Document::load_mem(&pdf).unwrap();
        let catalog = doc.catalog().unwrap();
        let outlines = doc
            .get_dictionary(catalog.get(b"Outlines").unwrap().as_reference().unwrap())
            .unwrap();
        assert_eq!(outlines.get(b"Count").unwrap().as_i64().unwrap(), 2);
    }

    #[test]
    fn a_book_numbers_through_and_has_no_outline() {
        let pdf = render_book(&[village("东山村", 40), village("西河村", 3)]).unwrap();
        let text = pdf_text(&pdf);
        assert!(text.contains("第 3 页 共 3 页"), "{text}");
        let doc = lopdf::Document::load_mem(&pdf).unwrap();
        assert!(doc.catalog().unwrap().get(b"Outlines").is_err());
    }

    #[test]
    fn amounts_use_half_width_figures_and_read_back_as_ascii() {
        let text = pdf_text(&render(&village("东山村", 2)).unwrap());
        assert!(text.contains("1,234.50"), "{text}");
        assert!(text.contains("2,469.00"), "the total: {text}");
    }
}
