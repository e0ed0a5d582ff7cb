//! Measuring, wrapping and paginating. All lengths in points, y growing downwards from the top
//! of the page (converted to PDF's bottom-up y only when drawing).

use std::ops::Range;

use crate::fonts::Glyphs;
use crate::linebreak::{Line, Measure, break_lines, wrap_plain};
use crate::{PrintError, Sheet};

/// Type sizes and spacing. The body is 五号 (10.5 pt), the usual size of official tables.
pub(crate) const BODY: f32 = 10.5;
pub(crate) const LINE: f32 = BODY * 1.35;

/// The line pitch of table text at `size` ([`LINE`] at the body's size).
pub(crate) fn line_height(size: f32) -> f32 {
    size * 1.35
}
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
/// The title's type sizes, tried in turn for a title on one line (三号 down to 四号).
const TITLE_SIZES: [f32; 5] = [TITLE, 15.0, 14.5, 14.0, 13.0];
pub(crate) const SUBTITLE_BLOCK: f32 = SUBTITLE * 2.0;
/// The pitch of a title or subtitle wrapped over several lines (each line after the first adds
/// one to its block).
pub(crate) const TITLE_PITCH: f32 = TITLE * 1.3;
pub(crate) const SUBTITLE_PITCH: f32 = SUBTITLE * 1.4;
pub(crate) const SUMMARY_ROW: f32 = LINE + 2.0 * PAD_Y;
pub(crate) const PAGE_NUMBER_BLOCK: f32 = FOOTER * 2.0;
/// Space above the 落款 where the seal goes (it may overlap the 落款 itself, as a seal does).
pub(crate) const SEAL_ROOM: f32 = 36.0;
/// The 落款's type: a little larger than the footer, like the text of a notice.
pub(crate) const SIGNATURE: f32 = 10.5;
/// The header's type sizes, tried in turn until every header word fits on one line of its
/// column; the last is the floor, below which words break instead.
const HEADER_SIZES: [f32; 6] = [BODY, 10.0, 9.5, 9.0, 8.5, 8.0];

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
    pub cells: Vec<Vec<Line>>,
    pub height: f32,
    /// The sheet's row this shows (a row taller than a page is shown in pieces, one a page).
    pub source: usize,
    /// A later piece of its row: the row's amount counts on the page of its first piece.
    pub continued: bool,
}

/// A column group's title, wrapped to the width of the columns it spans.
#[derive(Debug)]
pub(crate) struct Group {
    pub columns: Range<usize>,
    pub lines: Vec<Line>,
}

#[derive(Debug)]
pub(crate) struct Layout {
    pub page: (f32, f32),
    pub col_x: Vec<f32>,
    pub col_w: Vec<f32>,
    /// The column titles. With groups, `header.height` is the lower header row; columns outside
    /// every group span the whole `header_height`.
    pub header: Row,
    /// The header's type size (the body's, or smaller so every header word stays whole).
    pub header_size: f32,
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
    /// The title, the subtitle and the footer's lines as drawn: wrapped to the table's width
    /// (a long project or township name, a long 制表人 line would run off the paper).
    pub title: Vec<String>,
    /// The title's type size: [`TITLE`], or smaller so a title a little too long stays on one
    /// line.
    pub title_size: f32,
    pub subtitle: Vec<String>,
    pub footer: Vec<String>,
    /// Where the table's top rule is: below the title and subtitle.
    pub table_top: f32,
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
    let (col_w, header_size) = fit_columns(glyphs, sheet, table_width);
    let col_x: Vec<f32> = col_w
        .iter()
        .scan(MARGIN, |x, w| {
            let left = *x;
            *x += w;
            Some(left)
        })
        .collect();

    let lay_row = |texts: &[String]| {
        let cells: Vec<Vec<Line>> = col_w
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
            height: row_height(lines),
            cells,
            source: 0,
            continued: false,
        }
    };
    let grouped = check_groups(sheet)?;
    let header_line = line_height(header_size);
    let header_cells: Vec<Vec<Line>> = sheet
        .columns
        .iter()
        .zip(&col_w)
        .map(|(c, w)| header_lines(glyphs, &c.title, w - 2.0 * PAD_X, header_size))
        .collect();
    let height_of = |lines: usize| hundredths(lines.max(1) as f32 * header_line + 2.0 * PAD_Y);
    let mut header = Row {
        height: height_of(header_cells.iter().map(Vec::len).max().unwrap_or(1)),
        cells: header_cells,
        source: 0,
        continued: false,
    };
    let groups: Vec<Group> = sheet
        .groups
        .iter()
        .map(|g| Group {
            columns: g.columns.clone(),
            lines: header_lines(
                glyphs,
                &g.title,
                col_w[g.columns.clone()].iter().sum::<f32>() - 2.0 * PAD_X,
                header_size,
            ),
        })
        .collect();
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

    let (title, title_size) = fit_title(glyphs, &sheet.title, table_width);
    let subtitle = wrap_sized(glyphs, &sheet.subtitle, table_width, SUBTITLE);
    let footer: Vec<String> = sheet
        .footer
        .iter()
        .flat_map(|line| wrap_sized(glyphs, line, table_width, FOOTER))
        .collect();
    let table_top = MARGIN
        + TITLE_BLOCK
        + (title.len() - 1) as f32 * TITLE_PITCH
        + SUBTITLE_BLOCK
        + (subtitle.len() - 1) as f32 * SUBTITLE_PITCH;
    let footer_block = 6.0 + footer.len() as f32 * FOOTER * 1.6 + signature_block(sheet);
    let summaries = if sheet.amount_column.is_some() {
        2.0 * SUMMARY_ROW
    } else {
        0.0
    };
    let room = page.1
        - MARGIN
        - table_top
        - header_height
        - summaries
        - footer_block
        - PAGE_NUMBER_BLOCK
        - reserved;
    let rows: Vec<Row> = sheet
        .rows
        .iter()
        .enumerate()
        .flat_map(|(i, r)| {
            split_row(
                Row {
                    source: i,
                    ..lay_row(r)
                },
                room,
            )
        })
        .collect();

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
        header_size,
        groups,
        group_height,
        header_height,
        grouped,
        rows,
        pages,
        title,
        title_size,
        subtitle,
        footer,
        table_top,
    })
}

fn row_height(lines: usize) -> f32 {
    hundredths(lines as f32 * LINE + 2.0 * PAD_Y)
}

/// A row taller than a page's `room` (a cell of thousands of characters) in pieces of as many
/// lines as a page holds, each cell's lines in order: drawn whole, it would run past the page's
/// foot and lose its text there. A row that fits is returned as it is.
fn split_row(row: Row, room: f32) -> Vec<Row> {
    if row.height <= room {
        return vec![row];
    }
    let per_piece = ((room - 2.0 * PAD_Y) / LINE).floor() as usize;
    cell_pieces(&row.cells, per_piece)
        .into_iter()
        .enumerate()
        .map(|(k, cells)| Row {
            height: row_height(cells.iter().map(Vec::len).max().unwrap_or(1)),
            cells,
            source: row.source,
            continued: k > 0,
        })
        .collect()
}

/// A row's cells cut into pieces of `lines` lines (at least one, so a page too small for one
/// line still moves on), each cell's lines in order; a cell that has run out is empty.
pub(crate) fn cell_pieces(cells: &[Vec<Line>], lines: usize) -> Vec<Vec<Vec<Line>>> {
    let lines = lines.max(1);
    let tallest = cells.iter().map(Vec::len).max().unwrap_or(1);
    (0..tallest.div_ceil(lines))
        .map(|k| {
            let (from, to) = (k * lines, (k + 1) * lines);
            cells
                .iter()
                .map(|c| c[from.min(c.len())..to.min(c.len())].to_vec())
                .collect()
        })
        .collect()
}

/// Heights in whole hundredths of a point (what the PDF writes): rows of one height then move
/// by the same amount every time, and that repetition is what compresses.
fn hundredths(points: f32) -> f32 {
    (points * 100.0).round() / 100.0
}

/// The title's lines and size: on one line at the largest of [`TITLE_SIZES`] it fits at (a
/// title a little too wide is set a little smaller rather than leave 公示 alone on a second
/// line), else at [`TITLE`] in lines of about equal length.
fn fit_title(glyphs: &Glyphs<'_>, title: &str, width: f32) -> (Vec<String>, f32) {
    let one_line = !title.contains('\n');
    if let Some(size) = TITLE_SIZES
        .into_iter()
        .find(|&size| one_line && glyphs.width(title, size) <= width)
    {
        return (vec![title.to_owned()], size);
    }
    (balanced(glyphs, title, width, TITLE), TITLE)
}

/// Checks the groups span existing columns, at least two each, without overlapping; returns
/// for each column whether a group spans it.
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

/// A cell's text broken into lines no wider than `width` at `BODY` size, by the Chinese rules
/// ([`crate::linebreak`]): punctuation squeezed before anything moves, nothing hanging past
/// the cell's rule.
pub(crate) fn wrap(glyphs: &Glyphs<'_>, text: &str, width: f32) -> Vec<Line> {
    let measure = Measure {
        width,
        size: BODY,
        push_in: true,
        hang: false,
    };
    break_lines(glyphs, text, measure)
}

/// Text drawn without push-in (titles, legends, footers) broken into lines by the same rules.
pub(crate) fn wrap_sized(glyphs: &Glyphs<'_>, text: &str, width: f32, size: f32) -> Vec<String> {
    wrap_plain(glyphs, text, width, size)
}

/// A title wrapped to lines of about equal length (a long title set as a block, not a full line
/// and a stray character).
pub(crate) fn balanced(glyphs: &Glyphs<'_>, text: &str, width: f32, size: f32) -> Vec<String> {
    let lines = wrap_sized(glyphs, text, width, size);
    if lines.len() < 2 {
        return lines;
    }
    let (mut narrow, mut wide) = (width / lines.len() as f32, width);
    for _ in 0..16 {
        let mid = (narrow + wide) / 2.0;
        if wrap_sized(glyphs, text, mid, size).len() <= lines.len() {
            wide = mid;
        } else {
            narrow = mid;
        }
    }
    wrap_sized(glyphs, text, wide, size)
}

/// A header's words: split at spaces, before an opening bracket and after a slash
/// (公开内容（要素）: 公开内容 and （要素）; 补贴面积（亩）/实际种植面积). A header breaks only
/// between them while they fit.
pub(crate) fn header_words(title: &str) -> Vec<&str> {
    let mut words = Vec::new();
    for part in title.split([' ', '\n']).filter(|p| !p.is_empty()) {
        let mut start = 0;
        for (i, c) in part.char_indices() {
            let cut_before = matches!(c, '（' | '(' | '《' | '【') && i > start;
            if cut_before {
                words.push(&part[start..i]);
                start = i;
            }
            if c == '/' {
                let after = i + c.len_utf8();
                words.push(&part[start..after]);
                start = after;
            }
        }
        if start < part.len() {
            words.push(&part[start..]);
        }
    }
    words
}

fn widest_word(glyphs: &Glyphs<'_>, title: &str, size: f32) -> f32 {
    header_words(title)
        .iter()
        .map(|w| glyphs.width(w, size))
        .fold(0.0, f32::max)
}

/// A header cell's lines: whole words while they fit, the Chinese rules inside a word that
/// does not.
fn header_lines(glyphs: &Glyphs<'_>, title: &str, width: f32, size: f32) -> Vec<Line> {
    let mut lines: Vec<Line> = Vec::new();
    let mut line = String::new();
    for word in header_words(title) {
        let joined = if line.is_empty() {
            word.to_owned()
        } else if line.ends_with('/') || word.starts_with(['（', '(', '《', '【']) {
            format!("{line}{word}")
        } else {
            format!("{line} {word}")
        };
        if glyphs.width(&joined, size) <= width {
            line = joined;
            continue;
        }
        if !line.is_empty() {
            lines.push(Line::from(std::mem::take(&mut line)));
        }
        if glyphs.width(word, size) <= width {
            word.clone_into(&mut line);
        } else {
            let measure = Measure {
                width,
                size,
                push_in: true,
                hang: false,
            };
            lines.extend(break_lines(glyphs, word, measure));
        }
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(Line::from(line));
    }
    lines
}

/// Column widths and the header's size: the largest size at which each column can be as
/// wide as its widest header word (and each group as its title's) while the rest of the
/// width is shared by weight; at the floor size, the widths by weight alone.
fn fit_columns(glyphs: &Glyphs<'_>, sheet: &Sheet, table_width: f32) -> (Vec<f32>, f32) {
    let weights: Vec<f32> = sheet.columns.iter().map(|c| c.weight.max(0.1)).collect();
    let room = |words: f32| words + 2.0 * PAD_X + 0.01;
    for size in HEADER_SIZES {
        let least: Vec<f32> = sheet
            .columns
            .iter()
            .map(|c| room(widest_word(glyphs, &c.title, size)))
            .collect();
        let Some(widths) = share_width(table_width, &weights, &least) else {
            continue;
        };
        let groups_fit = sheet.groups.iter().all(|g| {
            let end = g.columns.end.min(widths.len());
            let start = g.columns.start.min(end);
            widths[start..end].iter().sum::<f32>() >= room(widest_word(glyphs, &g.title, size))
        });
        if groups_fit {
            return (widths, size);
        }
    }
    let total: f32 = weights.iter().sum();
    let widths = weights.iter().map(|w| table_width * w / total).collect();
    (widths, HEADER_SIZES[HEADER_SIZES.len() - 1])
}

/// `total` shared by `weights`, no column narrower than its `least`: a column whose share
/// falls short gets its least and the others share what is left, until none falls short.
/// `None` when the leasts alone exceed the total.
fn share_width(total: f32, weights: &[f32], least: &[f32]) -> Option<Vec<f32>> {
    if least.iter().sum::<f32>() > total {
        return None;
    }
    let mut pinned = vec![false; weights.len()];
    loop {
        let free: f32 = total
            - least
                .iter()
                .zip(&pinned)
                .filter(|(_, p)| **p)
                .map(|(l, _)| l)
                .sum::<f32>();
        let free_weight: f32 = weights
            .iter()
            .zip(&pinned)
            .filter(|(_, p)| !**p)
            .map(|(w, _)| w)
            .sum();
        let widths: Vec<f32> = (0..weights.len())
            .map(|i| {
                if pinned[i] {
                    least[i]
                } else {
                    free * weights[i] / free_weight
                }
            })
            .collect();
        let short: Vec<usize> = (0..weights.len())
            .filter(|&i| !pinned[i] && widths[i] < least[i])
            .collect();
        if short.is_empty() {
            return Some(widths);
        }
        for i in short {
            pinned[i] = true;
        }
    }
}

/// A body cell as the clerk finds it: its row and the column's header (第 2 行“姓名”栏).
pub(crate) fn cell_place(row: usize, column: Option<&str>) -> String {
    match column.map(str::trim).filter(|t| !t.is_empty()) {
        Some(title) => format!("第 {} 行“{title}”栏", row + 1),
        None => format!("第 {} 行", row + 1),
    }
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
        for (j, cell) in row.iter().enumerate() {
            check(
                cell_place(i, sheet.columns.get(j).map(|c| c.title.as_str())),
                cell,
            );
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

    fn texts(lines: &[Line]) -> Vec<&str> {
        lines.iter().map(|l| l.text.as_str()).collect()
    }

    #[test]
    fn chinese_wraps_between_characters_and_numbers_stay_whole() {
        let fonts = &Glyphs::new(crate::FontSet::shared().unwrap());
        let lines = wrap(fonts, "耕地地力保护补贴 1234.50", 4.0 * BODY);
        assert_eq!(lines[0].text, "耕地地力");
        assert!(
            lines.iter().any(|l| l.text.contains("1234.50")),
            "{lines:?}"
        );
        assert_eq!(texts(&wrap(fonts, "", 50.0)), [""]);
        // “）” would start the second line: “（” squeezed, the whole fits in six and a half ems.
        let lines = wrap(fonts, "补贴标准（元）", 6.5 * BODY);
        assert_eq!(texts(&lines), ["补贴标准（元）"]);
        assert!(lines[0].width(fonts, BODY) <= 6.5 * BODY + 0.01);
        // In six it cannot: “（元）” goes to the next line whole.
        let lines = wrap(fonts, "补贴标准（元）", 6.0 * BODY);
        assert_eq!(texts(&lines), ["补贴标准", "（元）"]);
    }

    #[test]
    fn spaces_are_preferred_breaks() {
        let fonts = &Glyphs::new(crate::FontSet::shared().unwrap());
        let lines = wrap(fonts, "■政府网站 □政府公报 ■两微一端", 8.0 * BODY);
        assert_eq!(texts(&lines), ["■政府网站", "□政府公报", "■两微一端"]);
        let lines = wrap(fonts, "■政府网站 □两微一端", 12.0 * BODY);
        assert_eq!(texts(&lines), ["■政府网站 □两微一端"]);
        // A run longer than the line still breaks inside.
        let lines = wrap(fonts, "甲 乙丙丁戊己庚辛", 4.0 * BODY);
        assert_eq!(texts(&lines), ["甲 乙丙", "丁戊己庚", "辛"]);
        // A phone number is never cut at its hyphen.
        let phone = "0999-6012345";
        let width = fonts.width(phone, BODY) + 3.0 * BODY;
        let lines = wrap(fonts, &format!("请拨打电话{phone}反映"), width);
        assert!(lines.iter().any(|l| l.text.contains(phone)), "{lines:?}");
    }

    #[test]
    fn header_words_split_at_brackets_and_slashes_only() {
        assert_eq!(header_words("公开内容（要素）"), ["公开内容", "（要素）"]);
        assert_eq!(
            header_words("补贴面积（亩）/实际种植面积"),
            ["补贴面积", "（亩）/", "实际种植面积"]
        );
        assert_eq!(header_words("一级事项"), ["一级事项"]);
    }

    #[test]
    fn narrow_columns_widen_to_their_header_words_and_the_rest_share_what_is_left() {
        let widths = share_width(100.0, &[1.0, 1.0, 2.0], &[40.0, 0.0, 0.0]).unwrap();
        assert!((widths[0] - 40.0).abs() < 1e-4, "{widths:?}");
        assert!((widths[1] - 20.0).abs() < 1e-4 && (widths[2] - 40.0).abs() < 1e-4);
        assert!(share_width(100.0, &[1.0, 1.0], &[60.0, 50.0]).is_none());
        // Nothing short: the shares by weight, untouched.
        assert_eq!(
            share_width(90.0, &[1.0, 2.0], &[10.0, 10.0]).unwrap(),
            [30.0, 60.0]
        );
    }
}
