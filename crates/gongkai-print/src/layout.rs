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
/// Space above the 落款 where the seal goes (it may overlap the 落款 itself, as a seal does).
pub(crate) const SEAL_ROOM: f32 = 36.0;
/// The 落款's type: a little larger than the footer, like the text of a notice.
pub(crate) const SIGNATURE: f32 = 10.5;

/// The height of the 落款 with the room for the seal above it.
pub(crate) fn signature_block(sheet: &Sheet) -> f32 {
    if sheet.signature.is_empty() {
        0.0
    } else {
        SEAL_ROOM + sheet.signature.len() as f32 * SIGNATURE * 1.6
    }
}

#[derive(Debug)]
pub(crate) struct Row {
    /// Wrapped lines per cell.
    pub cells: Vec<Vec<String>>,
    pub height: f32,
}

/// A column group's title, wrapped to the width of the columns it spans.
#[derive(Debug)]
pub(crate) struct Group {
    pub columns: Range<usize>,
    pub lines: Vec<String>,
}

#[derive(Debug)]
pub(crate) struct Layout {
    pub page: (f32, f32),
    pub col_x: Vec<f32>,
    pub col_w: Vec<f32>,
    /// The column titles. With groups, `header.height` is the lower header row; columns outside
    /// every group span the whole `header_height`.
    pub header: Row,
    pub groups: Vec<Group>,
    /// Height of the upper header row (0 without groups).
    pub group_height: f32,
    /// Height of the whole header.
    pub header_height: f32,
    /// For each column, whether a group spans it.
    pub grouped: Vec<bool>,
    pub rows: Vec<Row>,
    /// Which rows go on each page.
    pub pages: Vec<Range<usize>>,
}

/// `reserved`: height kept free at the bottom of every page, above the page number (a posted
/// sheet's footer).
pub(crate) fn layout(
    glyphs: &Glyphs<'_>,
    sheet: &Sheet,
    reserved: f32,
) -> Result<Layout, PrintError> {
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
            height: hundredths(lines as f32 * LINE + 2.0 * PAD_Y),
            cells,
        }
    };
    let grouped = check_groups(sheet)?;
    let titles: Vec<String> = sheet.columns.iter().map(|c| c.title.clone()).collect();
    let mut header = lay_row(&titles);
    let groups: Vec<Group> = sheet
        .groups
        .iter()
        .map(|g| Group {
            columns: g.columns.clone(),
            lines: wrap(
                glyphs,
                &g.title,
                col_w[g.columns.clone()].iter().sum::<f32>() - 2.0 * PAD_X,
            ),
        })
        .collect();
    let height_of = |lines: usize| hundredths(lines.max(1) as f32 * LINE + 2.0 * PAD_Y);
    let (group_height, header_height) = if groups.is_empty() {
        (0.0, header.height)
    } else {
        let lines_where = |inside: bool| {
            header
                .cells
                .iter()
                .zip(&grouped)
                .filter(|(_, g)| **g == inside)
                .map(|(c, _)| c.len())
                .max()
                .unwrap_or(1)
        };
        let group_height = height_of(groups.iter().map(|g| g.lines.len()).max().unwrap_or(1));
        let lower = height_of(lines_where(true));
        let whole = height_of(lines_where(false)).max(group_height + lower);
        header.height = whole - group_height;
        (group_height, whole)
    };
    let rows: Vec<Row> = sheet.rows.iter().map(|r| lay_row(r)).collect();

    let footer_block = 6.0 + sheet.footer.len() as f32 * FOOTER * 1.6 + signature_block(sheet);
    let summaries = if sheet.amount_column.is_some() {
        2.0 * SUMMARY_ROW
    } else {
        0.0
    };
    let room = page.1
        - 2.0 * MARGIN
        - TITLE_BLOCK
        - SUBTITLE_BLOCK
        - header_height
        - summaries
        - footer_block
        - PAGE_NUMBER_BLOCK
        - reserved;

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
        groups,
        group_height,
        header_height,
        grouped,
        rows,
        pages,
    })
}

/// Checks the groups span existing columns, at least two each, without overlapping; returns
/// for each column whether a group spans it.
/// Heights in whole hundredths of a point (what the PDF writes): rows of one height then move
/// by the same amount every time, and that repetition is what compresses.
fn hundredths(points: f32) -> f32 {
    (points * 100.0).round() / 100.0
}

fn check_groups(sheet: &Sheet) -> Result<Vec<bool>, PrintError> {
    let mut grouped = vec![false; sheet.columns.len()];
    for g in &sheet.groups {
        if g.columns.len() < 2 || g.columns.end > sheet.columns.len() {
            return Err(PrintError::BadGroup(format!(
                "“{}”应跨越至少两个已有的列",
                g.title
            )));
        }
        for c in g.columns.clone() {
            if std::mem::replace(&mut grouped[c], true) {
                return Err(PrintError::BadGroup(format!("“{}”与其他分组重叠", g.title)));
            }
        }
    }
    Ok(grouped)
}

/// Breaks `text` into lines no wider than `width` at `BODY` size. A space is a preferred break:
/// a run between spaces that fits on a line is never split (“■政府网站 □政府公报” breaks only
/// between entries). A run longer than a line breaks between any two Chinese characters, while a
/// run of Latin letters or digits inside it is kept whole when it fits on a line.
pub(crate) fn wrap(glyphs: &Glyphs<'_>, text: &str, width: f32) -> Vec<String> {
    wrap_sized(glyphs, text, width, BODY)
}

/// [`wrap`] for type of `size` points.
pub(crate) fn wrap_sized(glyphs: &Glyphs<'_>, text: &str, width: f32, size: f32) -> Vec<String> {
    let mut lines = Vec::new();
    for paragraph in text.split('\n') {
        let mut line = String::new();
        let mut line_width = 0.0;
        for run in runs(paragraph) {
            let run_width = glyphs.width(run, size);
            if run == " " {
                if line_width + run_width <= width {
                    line.push(' ');
                    line_width += run_width;
                } else {
                    // The space becomes the break; the next line does not start with it.
                    lines.push(finished(&mut line));
                    line_width = 0.0;
                }
                continue;
            }
            // Closing punctuation never starts a line (禁则): it hangs into the padding instead.
            let hangs = run.chars().all(|c| NO_LINE_START.contains(c)) && !line.is_empty();
            if hangs || line_width + run_width <= width {
                line.push_str(run);
                line_width += run_width;
                continue;
            }
            if run_width <= width {
                if !line.trim().is_empty() {
                    lines.push(finished(&mut line));
                }
                line.clear();
                line.push_str(run);
                line_width = run_width;
                continue;
            }
            // Longer than a line by itself: break inside it.
            for word in words(run) {
                let word_width = glyphs.width(word, size);
                let hangs = word.chars().all(|c| NO_LINE_START.contains(c)) && !line.is_empty();
                if hangs
                    || line_width + word_width <= width
                    || line.is_empty() && word_width <= width
                {
                    line.push_str(word);
                    line_width += word_width;
                    continue;
                }
                if word_width <= width {
                    lines.push(finished(&mut line));
                    line.push_str(word);
                    line_width = word_width;
                    continue;
                }
                for c in word.chars() {
                    let w = glyphs.advance_em(c) * size;
                    if line_width + w > width && !line.is_empty() && !NO_LINE_START.contains(c) {
                        lines.push(finished(&mut line));
                        line_width = 0.0;
                    }
                    line.push(c);
                    line_width += w;
                }
            }
        }
        lines.push(finished(&mut line));
    }
    lines
}

/// Takes the line, without the spaces it may end in.
fn finished(line: &mut String) -> String {
    let mut done = std::mem::take(line);
    done.truncate(done.trim_end_matches(' ').len());
    done
}

/// Runs of anything but spaces, and each space by itself.
fn runs(text: &str) -> impl Iterator<Item = &str> {
    let mut rest = text;
    std::iter::from_fn(move || {
        let first = rest.chars().next()?;
        let len = if first == ' ' {
            1
        } else {
            rest.find(' ').unwrap_or(rest.len())
        };
        let (run, tail) = rest.split_at(len);
        rest = tail;
        Some(run)
    })
}

/// Punctuation that may not begin a line in Chinese typesetting.
const NO_LINE_START: &str = "，。、；：？！）》」』】〕”’·…%,.;:?!)";

/// Runs of ASCII letters and digits stay together, with the points, commas and hyphens inside
/// them (1,234.50, a phone number 0999-6012345); every other character is a word by itself.
fn words(text: &str) -> impl Iterator<Item = &str> {
    let joins = |c: char| c.is_ascii_alphanumeric() || matches!(c, '.' | ',' | '-');
    let mut rest = text;
    std::iter::from_fn(move || {
        let first = rest.chars().next()?;
        let len = if joins(first) {
            rest.find(|c: char| !joins(c)).unwrap_or(rest.len())
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
    for group in &sheet.groups {
        check("表头".to_owned(), &group.title);
    }
    for (i, row) in sheet.rows.iter().enumerate() {
        for cell in row {
            check(format!("第 {} 行", i + 1), cell);
        }
    }
    for line in &sheet.footer {
        check("页脚".to_owned(), line);
    }
    for line in &sheet.signature {
        check("落款".to_owned(), line);
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

    #[test]
    fn spaces_are_preferred_breaks() {
        let fonts = &Glyphs::new(crate::FontSet::shared().unwrap());
        let lines = wrap(fonts, "■政府网站 □政府公报 ■两微一端", 8.0 * BODY);
        assert_eq!(lines, ["■政府网站", "□政府公报", "■两微一端"]);
        let lines = wrap(fonts, "■政府网站 □两微一端", 12.0 * BODY);
        assert_eq!(lines, ["■政府网站 □两微一端"]);
        // A run longer than the line still breaks inside.
        let lines = wrap(fonts, "甲 乙丙丁戊己庚辛", 4.0 * BODY);
        assert_eq!(lines, ["甲 乙丙", "丁戊己庚", "辛"]);
        // A phone number is never cut at its hyphen.
        let phone = "0999-6012345";
        let width = fonts.width(phone, BODY) + 3.0 * BODY;
        let lines = wrap(fonts, &format!("请拨打电话{phone}反映"), width);
        assert!(lines.iter().any(|l| l.contains(phone)), "{lines:?}");
    }
}
