//! `word/document.xml`: the body as WordprocessingML. Text is escaped with quick-xml; every run
//! carries its fonts and size so no style part is needed.

use std::fmt::Write as _;

use quick_xml::escape::escape;

use crate::table::Placed;
use crate::{Align, Block, Cell, Document, DocxError, Page, Paragraph, Style, Table, mm_to_twips};

pub(crate) const WORD_NS: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
pub(crate) const REL_NS: &str =
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/// GB/T 9704's grid: 22 lines on the 225 mm text block, 28.95 pt a line, in twips.
const BODY_LINE_TWIPS: u32 = 579;
/// The Latin face beside the Chinese one.
const LATIN_FONT: &str = "Times New Roman";

pub(crate) fn document(doc: &Document) -> Result<String, DocxError> {
    let mut out = String::with_capacity(16 * 1024);
    out.push_str(r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#);
    let _ = write!(
        out,
        r#"<w:document xmlns:w="{WORD_NS}" xmlns:r="{REL_NS}"><w:body>"#
    );
    let text_width = doc.page.text_width_twips();
    for (index, block) in doc.blocks.iter().enumerate() {
        match block {
            Block::Paragraph(paragraph) => {
                let place = format!("第 {} 段", index + 1);
                write_paragraph(&mut out, paragraph, &place)?;
            }
            Block::Table(table) => write_table(&mut out, table, text_width)?,
            Block::PageBreak => out.push_str(r#"<w:p><w:r><w:br w:type="page"/></w:r></w:p>"#),
        }
    }
    write_section(&mut out, &doc.page, doc.page_numbers);
    out.push_str("</w:body></w:document>");
    Ok(out)
}

fn write_paragraph(out: &mut String, paragraph: &Paragraph, place: &str) -> Result<(), DocxError> {
    let size = paragraph.style.half_points();
    out.push_str("<w:p><w:pPr>");
    if paragraph.style == Style::Heading1 || paragraph.style == Style::Title {
        out.push_str("<w:keepNext/>");
    }
    let _ = write!(
        out,
        r#"<w:spacing w:before="0" w:after="0" w:line="{BODY_LINE_TWIPS}" w:lineRule="exact"/>"#
    );
    // Indents in characters (hundredths) for Word and WPS, and in twips for readers that only
    // know those: one character is the font size.
    let char_twips = size * 10;
    let first = u32::from(paragraph.first_line_chars);
    let right = u32::from(paragraph.right_chars);
    if first > 0 || right > 0 {
        let _ = write!(
            out,
            r#"<w:ind w:firstLineChars="{}" w:firstLine="{}" w:rightChars="{}" w:right="{}"/>"#,
            first * 100,
            first * char_twips,
            right * 100,
            right * char_twips
        );
    }
    write_alignment(out, paragraph.align);
    if let Some(level) = paragraph.style.outline_level() {
        let _ = write!(out, r#"<w:outlineLvl w:val="{level}"/>"#);
    }
    out.push_str("</w:pPr>");
    let font = paragraph.style.east_asian_font();
    write_runs(out, &paragraph.text, font, size, paragraph.bold, place)?;
    out.push_str("</w:p>");
    Ok(())
}

fn write_alignment(out: &mut String, align: Align) {
    let value = match align {
        Align::Left => "left",
        Align::Center => "center",
        Align::Right => "right",
        Align::Justify => "both",
    };
    let _ = write!(out, r#"<w:jc w:val="{value}"/>"#);
}

/// The text as runs: a line break becomes `<w:br/>`, a tab `<w:tab/>`.
fn write_runs(
    out: &mut String,
    text: &str,
    east_asian_font: &str,
    half_points: u32,
    bold: bool,
    place: &str,
) -> Result<(), DocxError> {
    if let Some(bad) = text.chars().find(|&c| !allowed_in_xml(c)) {
        return Err(DocxError::ControlCharacter {
            place: place.to_owned(),
            code: u32::from(bad),
        });
    }
    let mut properties = String::new();
    let _ = write!(
        properties,
        r#"<w:rPr><w:rFonts w:ascii="{LATIN_FONT}" w:hAnsi="{LATIN_FONT}" w:eastAsia="{east_asian_font}"/>"#
    );
    if bold {
        properties.push_str("<w:b/><w:bCs/>");
    }
    let _ = write!(
        properties,
        r#"<w:sz w:val="{half_points}"/><w:szCs w:val="{half_points}"/></w:rPr>"#
    );
    out.push_str("<w:r>");
    out.push_str(&properties);
    for (index, line) in text.split('\n').enumerate() {
        if index > 0 {
            out.push_str("<w:br/>");
        }
        for (piece, segment) in line.split('\t').enumerate() {
            if piece > 0 {
                out.push_str("<w:tab/>");
            }
            if !segment.is_empty() {
                let _ = write!(
                    out,
                    r#"<w:t xml:space="preserve">{}</w:t>"#,
                    escape(segment)
                );
            }
        }
    }
    out.push_str("</w:r>");
    Ok(())
}

/// XML 1.0's Char production, with carriage returns refused too (Word would keep them as
/// stray characters).
fn allowed_in_xml(c: char) -> bool {
    matches!(c, '\t' | '\n')
        || matches!(u32::from(c), 0x20..=0xD7FF | 0xE000..=0xFFFD | 0x10000..=0x10_FFFF)
}

fn write_table(out: &mut String, table: &Table, text_width: u32) -> Result<(), DocxError> {
    let rows = table.placed_rows()?;
    let widths = column_widths(&table.columns, text_width);
    let _ = write!(
        out,
        r#"<w:tbl><w:tblPr><w:tblW w:w="{text_width}" w:type="dxa"/><w:jc w:val="center"/><w:tblBorders>"#
    );
    for edge in ["top", "left", "bottom", "right", "insideH", "insideV"] {
        let _ = write!(
            out,
            r#"<w:{edge} w:val="single" w:sz="4" w:space="0" w:color="000000"/>"#
        );
    }
    out.push_str(r#"</w:tblBorders><w:tblLayout w:type="fixed"/><w:tblCellMar><w:left w:w="57" w:type="dxa"/><w:right w:w="57" w:type="dxa"/></w:tblCellMar></w:tblPr><w:tblGrid>"#);
    for width in &widths {
        let _ = write!(out, r#"<w:gridCol w:w="{width}"/>"#);
    }
    out.push_str("</w:tblGrid>");
    // Word's sizes are half-points; a table's size is at most a few dozen points.
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let half_points = (table.font_pt * 2.0).round().max(2.0) as u32;
    for (row_index, row) in rows.iter().enumerate() {
        out.push_str("<w:tr><w:trPr><w:cantSplit/>");
        if row_index < table.header_rows {
            out.push_str("<w:tblHeader/>");
        }
        out.push_str("</w:trPr>");
        let mut column = 0;
        for placed in row {
            let (span, cell) = match placed {
                Placed::Start(cell) => (cell.col_span, Some(*cell)),
                Placed::Continued { col_span } => (*col_span, None),
            };
            let width: u32 = widths[column..column + span].iter().sum();
            let place = format!(
                "表格“{}”第 {} 行第 {} 列",
                table.name,
                row_index + 1,
                column + 1
            );
            write_cell(out, cell, span, width, half_points, &place)?;
            column += span;
        }
        out.push_str("</w:tr>");
    }
    out.push_str("</w:tbl>");
    // Word needs a paragraph between a table and what follows it.
    out.push_str(r#"<w:p><w:pPr><w:spacing w:before="0" w:after="0"/></w:pPr></w:p>"#);
    Ok(())
}

fn write_cell(
    out: &mut String,
    cell: Option<&Cell>,
    span: usize,
    width: u32,
    half_points: u32,
    place: &str,
) -> Result<(), DocxError> {
    let _ = write!(out, r#"<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/>"#);
    if span > 1 {
        let _ = write!(out, r#"<w:gridSpan w:val="{span}"/>"#);
    }
    match cell {
        Some(cell) if cell.row_span > 1 => out.push_str(r#"<w:vMerge w:val="restart"/>"#),
        Some(_) => {}
        None => out.push_str("<w:vMerge/>"),
    }
    out.push_str(r#"<w:vAlign w:val="center"/></w:tcPr><w:p><w:pPr><w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/>"#);
    let align = cell.map_or(Align::Center, |cell| cell.align);
    write_alignment(out, align);
    out.push_str("</w:pPr>");
    if let Some(cell) = cell {
        write_runs(
            out,
            &cell.text,
            "仿宋_GB2312",
            half_points,
            cell.bold,
            place,
        )?;
    }
    out.push_str("</w:p></w:tc>");
    Ok(())
}

/// Twips per column, the weights shared out of the text width; the last column takes what
/// rounding left so the table is exactly the text block wide.
fn column_widths(weights: &[u32], text_width: u32) -> Vec<u32> {
    let total: u64 = weights.iter().map(|&w| u64::from(w.max(1))).sum();
    let mut widths: Vec<u32> = weights
        .iter()
        .map(|&w| {
            let share = u64::from(w.max(1)) * u64::from(text_width) / total.max(1);
            u32::try_from(share).unwrap_or(text_width)
        })
        .collect();
    let given: u32 = widths.iter().sum();
    if let Some(last) = widths.last_mut() {
        *last += text_width.saturating_sub(given);
    }
    widths
}

fn write_section(out: &mut String, page: &Page, page_numbers: bool) {
    out.push_str("<w:sectPr>");
    if page_numbers {
        out.push_str(r#"<w:footerReference w:type="default" r:id="rIdFooter1"/>"#);
    }
    let (width, height) = (mm_to_twips(page.width_mm), mm_to_twips(page.height_mm));
    let orient = if width > height {
        r#" w:orient="landscape""#
    } else {
        ""
    };
    let _ = write!(
        out,
        r#"<w:pgSz w:w="{width}" w:h="{height}"{orient}/><w:pgMar w:top="{}" w:right="{}" w:bottom="{}" w:left="{}" w:header="851" w:footer="{}" w:gutter="0"/><w:docGrid w:type="lines" w:linePitch="{BODY_LINE_TWIPS}"/></w:sectPr>"#,
        mm_to_twips(page.top_mm),
        mm_to_twips(page.right_mm),
        mm_to_twips(page.bottom_mm),
        mm_to_twips(page.left_mm),
        // GB/T 9704: the page number's line 7 mm below the text block.
        mm_to_twips((page.bottom_mm - 7.0).max(10.0)),
    );
}

/// `word/footer1.xml`: "— 1 —" centred, 4号宋体 (GB/T 9704 page numbers).
pub(crate) fn footer() -> String {
    let properties = r#"<w:rPr><w:rFonts w:ascii="宋体" w:hAnsi="宋体" w:eastAsia="宋体"/><w:sz w:val="28"/></w:rPr>"#;
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:ftr xmlns:w="{WORD_NS}" xmlns:r="{REL_NS}"><w:p><w:pPr><w:jc w:val="center"/></w:pPr><w:r>{p}<w:t xml:space="preserve">— </w:t></w:r><w:r>{p}<w:fldChar w:fldCharType="begin"/></w:r><w:r>{p}<w:instrText xml:space="preserve"> PAGE </w:instrText></w:r><w:r>{p}<w:fldChar w:fldCharType="separate"/></w:r><w:r>{p}<w:t>1</w:t></w:r><w:r>{p}<w:fldChar w:fldCharType="end"/></w:r><w:r>{p}<w:t xml:space="preserve"> —</w:t></w:r></w:p></w:ftr>"#,
        p = properties
    )
}
