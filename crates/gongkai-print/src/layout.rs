//! Measuring, wrapping and paginating. All lengths in points, y growing downwards from the top
//! of the page (converted to PDF's bottom-up y only when drawing).

use std::ops::Range;

use crate::fonts::Glyphs;
use crate::{PrintError, Sheet};

/// Type sizes and spacing. The body is 五号 (10.5 pt), the usual size of official tables.
pub(crate) const BODY: f32 = 10.5;
pub(crate) const LINE: f32 = BODY * 1.35;
pub(crate) const PAD_X: f32 = 4.0;
pub(crate) const PAD_Y: f32 = 3.0;
pub(crate) const TITLE: f32 = 16.0;
pub(crate) const SUBTITLE: f32 = 10.0;
pub(crate) const FOOTER: f32 = 9.0;
/// 15 mm.
pub(crate) const MARGIN: f32 = 42.52;
/// Share of the font size above the baseline (Noto Serif CJK: 0.88 em ascent).
pub(crate) const ASCENT: f32 = 0.88;

pub(crate) const TITLE_BLOCK: f32 = TITLE * 1.6;
pub(crate) const SUBTITLE_BLOCK: f32 = SUBTITLE * 2.0;
pub(crate) const SUMMARY_ROW: f32 = LINE + 2.0 * PAD_Y;
pub(crate) const PAGE_NUMBER_BLOCK: f32 = FOOTER * 2.0;

#[derive(Debug)]
pub(crate) struct Row {
    /// Wrapped lines per cell.
    pub cells: Vec<Vec<String>>,
    pub height: f32,
}

#[derive(Debug)]
pub(crate) struct Layout {
    pub page: (f32, f32),
    pub col_x: Vec<f32>,
    pub col_w: Vec<f32>,
    pub header: Row,
    pub rows: Vec<Row>,
    /// Which rows go on each page.
    pub pages: Vec<Range<usize>>,
}

pub(crate) fn layout(glyphs: &Glyphs<'_>, sheet: &Sheet) -> Result<Layout, PrintError> {
    if sheet.columns.is_empty() {
        return Err(PrintError::NoColumns);
    }
    check_coverage(glyphs, sheet)?;
    let page = sheet.paper.size_pt();
    let table_width = page.0 - 2.0 * MARGIN;
    let total_weight: f32 = sheet.columns.iter().map(|c| c.weight.max(0.1)).sum();
    let col_w: Vec<f32> = sheet
        .columns
        .iter()
        .map(|c| table_width * c.weight.max(0.1) / total_weight)
        .collect();
    let col_x: Vec<f32> = col_w
        .iter()
        .scan(MARGIN, |x, w| {
            let left = *x;
            *x += w;
            Some(left)
        })
        .collect();

    let lay_row = |texts: &[String]| {
        let cells: Vec<Vec<String>> = col_w
            .iter()
            .enumerate()
            .map(|(i, w)| {
                wrap(
                    glyphs,
                    texts.get(i).map_or("", String::as_str),
                    w - 2.0 * PAD_X,
                )
            })
            .collect();
        let lines = cells.iter().map(Vec::len).max().unwrap_or(1).max(1);
        Row {
            height: lines as f32 * LINE + 2.0 * PAD_Y,
            cells,
        }
    };
    let titles: Vec<String> = sheet.columns.iter().map(|c| c.title.clone()).collect();
    let header = lay_row(&titles);
    let rows: Vec<Row> = sheet.rows.iter().map(|r| lay_row(r)).collect();

    let footer_block = 6.0 + sheet.footer.len() as f32 * FOOTER * 1.6;
    let summaries = if sheet.amount_column.is_some() {
        2.0 * SUMMARY_ROW
    } else {
        0.0
    };
    let room = page.1
        - 2.0 * MARGIN
        - TITLE_BLOCK
        - SUBTITLE_BLOCK
        - header.height
        - summaries
        - footer_block
        - PAGE_NUMBER_BLOCK;

    let mut pages = Vec::new();
    let mut start = 0;
    let mut used = 0.0;
    for (i, row) in rows.iter().enumerate() {
        // A row taller than a whole page still gets a page of its own rather than looping.
        if used + row.height > room && i > start {
            pages.push(start..i);
            start = i;
            used = 0.0;
        }
        used += row.height;
    }
    pages.push(start..rows.len());

    Ok(Layout {
        page,
        col_x,
        col_w,
        header,
        rows,
        pages,
    })
}

/// Breaks `text` into lines no wider than `width` at `BODY` size. Chinese breaks between any two
/// characters; a run of Latin letters or digits is kept whole when it fits on a line.
pub(crate) fn wrap(glyphs: &Glyphs<'_>, text: &str, width: f32) -> Vec<String> {
    let mut lines = Vec::new();
    for paragraph in text.split('\n') {
        let mut line = String::new();
        let mut line_width = 0.0;
        for word in words(paragraph) {
            let word_width = glyphs.width(word, BODY);
            // Closing punctuation never starts a line (禁则): it hangs into the padding instead.
            let hangs = word.chars().all(|c| NO_LINE_START.contains(c)) && !line.is_empty();
            if hangs || line_width + word_width <= width || line.is_empty() && word_width <= width {
                line.push_str(word);
                line_width += word_width;
                continue;
            }
            if word_width <= width {
                lines.push(std::mem::take(&mut line));
                line.push_str(word);
                line_width = word_width;
                continue;
            }
            // Longer than a line by itself: break inside it.
            for c in word.chars() {
                let w = glyphs.advance_em(c) * BODY;
                if line_width + w > width && !line.is_empty() && !NO_LINE_START.contains(c) {
                    lines.push(std::mem::take(&mut line));
                    line_width = 0.0;
                }
                line.push(c);
                line_width += w;
            }
        }
        lines.push(line);
    }
    lines
}

/// Punctuation that may not begin a line in Chinese typesetting.
const NO_LINE_START: &str = "，。、；：？！）》」』】〕”’·…%,.;:?!)";

/// Runs of ASCII letters and digits stay together; every other character is a word by itself.
fn words(text: &str) -> impl Iterator<Item = &str> {
    let mut rest = text;
    std::iter::from_fn(move || {
        let first = rest.chars().next()?;
        let len = if first.is_ascii_alphanumeric() || first == '.' || first == ',' {
            rest.find(|c: char| !(c.is_ascii_alphanumeric() || c == '.' || c == ','))
                .unwrap_or(rest.len())
        } else {
            first.len_utf8()
        };
        let (word, tail) = rest.split_at(len);
        rest = tail;
        Some(word)
    })
}

fn check_coverage(glyphs: &Glyphs<'_>, sheet: &Sheet) -> Result<(), PrintError> {
    let mut places = Vec::new();
    let mut check = |place: String, text: &str| {
        let missing = glyphs.missing(text);
        if !missing.is_empty() {
            let chars: Vec<String> = missing
                .iter()
                .map(|c| format!("“{c}”（U+{:04X}）", *c as u32))
                .collect();
            places.push(format!("{place}“{text}”缺{}", chars.join("、")));
        }
    };
    check("标题".to_owned(), &sheet.title);
    check("副标题".to_owned(), &sheet.subtitle);
    for column in &sheet.columns {
        check("表头".to_owned(), &column.title);
    }
    for (i, row) in sheet.rows.iter().enumerate() {
        for cell in row {
            check(format!("第 {} 行", i + 1), cell);
        }
    }
    for line in &sheet.footer {
        check("页脚".to_owned(), line);
    }
    if places.is_empty() {
        Ok(())
    } else {
        Err(PrintError::MissingGlyphs { places })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_wraps_between_characters_and_numbers_stay_whole() {
        let fonts = &Glyphs::new(crate::FontSet::shared().unwrap());
        let lines = wrap(fonts, "耕地地力保护补贴 1234.50", 4.0 * BODY);
        assert_eq!(lines[0], "耕地地力");
        assert!(lines.iter().any(|l| l.contains("1234.50")), "{lines:?}");
        assert_eq!(wrap(fonts, "", 50.0), [""]);
        // “）” would start the second line; it stays with the first.
        let lines = wrap(fonts, "补贴标准（元）", 6.0 * BODY);
        assert_eq!(lines, ["补贴标准（元）"]);
    }
}
