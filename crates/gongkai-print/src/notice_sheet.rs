//! A composed notice (公示 / 公告 / 通知, or a published record shown as one) laid out as GB/T
//! 9704 sets an official document: A4, top margin 37 mm, left 28 mm, a text block of
//! 156 × 225 mm; the title in 2号 (22 pt), the body in 3号 (16 pt) on a grid of 22 lines, each
//! paragraph indented two characters; the 落款 with the date four characters in from the
//! right and the issuer centred over it, room above for the seal. An optional table (pasted
//! from Excel) is ruled in 小四 (12 pt), its header repeated on every page it spans. A notice
//! longer than a page goes on, numbered 第 x 页 共 y 页.
//!
//! The bundled Song face (Noto Serif CJK SC, regular) stands in for 小标宋 and 仿宋: no freely
//! licensed face of either was found (see the print-engine notes).

use chrono::NaiveDate;

use crate::fonts::{FontSet, Glyphs};
use crate::footer::SheetFooter;
use crate::layout::{ASCENT, balanced, cell_pieces};
use crate::linebreak::{Line, Measure, break_lines};
use crate::render::{Canvas, Page};
use crate::{Align, Paper, PrintError, chinese_date, missing_place};

/// Points per millimetre.
pub(crate) const MM: f32 = 72.0 / 25.4;
const TOP: f32 = 37.0 * MM;
const LEFT: f32 = 28.0 * MM;
/// 210 − 28 − 156 mm.
const RIGHT: f32 = 26.0 * MM;
/// 297 − 37 − 225 mm.
const BOTTOM: f32 = 35.0 * MM;
/// 2号.
const TITLE_SIZE: f32 = 22.0;
const TITLE_LINE: f32 = TITLE_SIZE * 1.5;
/// 3号.
const BODY_SIZE: f32 = 16.0;
/// 22 lines to the 225 mm text block.
const BODY_LINE: f32 = 225.0 * MM / 22.0;
/// 小四, the table's type.
const TABLE_SIZE: f32 = 12.0;
const TABLE_LINE: f32 = TABLE_SIZE * 1.35;
const PAD_X: f32 = 4.0;
const PAD_Y: f32 = 3.0;
/// The page number's type and the space between the text block and it.
const PAGE_NUMBER_SIZE: f32 = 10.5;
const PAGE_NUMBER_GAP: f32 = 7.0 * MM;
/// What is kept clear between the footer and the paper's edge.
const EDGE: f32 = 7.0 * MM;
/// Two-character paragraph indent.
const INDENT: &str = "\u{3000}\u{3000}";

/// A composed sheet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NoticeSheet {
    /// The whole title, e.g. 东山村关于2026年第三季度村级财务收支情况的公示.
    pub title: String,
    /// The text; each line is a paragraph (blank lines are dropped, leading spaces too: the
    /// two-character indent is added here).
    pub body: String,
    /// A table after the text; `None` for a notice without one.
    pub table: Option<NoticeTable>,
    /// The notice period (公示期), first and last day: printed as 公示期：…至… after the text
    /// and table; `None` for a 通知 without one.
    pub notice: Option<(NaiveDate, NaiveDate)>,
    /// How to object, printed after the period; `None` prints nothing.
    pub objection: Option<Objection>,
    /// The issuing body of the 落款, e.g. 东山村村民委员会.
    pub issuer: String,
    /// The date of the 落款.
    pub issued_on: NaiveDate,
    /// A4 or A3, portrait or landscape; the margins stay those of A4 portrait and the text
    /// block takes the rest.
    pub paper: Paper,
    /// The posting's footer when the sheet goes on a board.
    pub footer: Option<SheetFooter>,
}

/// A table as pasted from Excel: the first row as column titles, then the rows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NoticeTable {
    pub columns: Vec<String>,
    /// Cells by column; a row shorter than the columns leaves the rest blank, a longer one is
    /// refused.
    pub rows: Vec<Vec<String>>,
}

/// Where objections go during the notice period.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Objection {
    /// 电话, e.g. 0999-1234567.
    pub phone: Option<String>,
    /// 地址, e.g. 东山村村民委员会办公室.
    pub address: Option<String>,
}

/// A character of a sheet that no bundled face can draw, and where it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MissingGlyph {
    /// 标题, 正文第 2 段, 表头, 表格第 3 行, 异议电话, 异议地址, 落款, 页脚.
    pub place: String,
    /// The text it stands in.
    pub text: String,
    pub character: char,
}

impl NoticeSheet {
    /// The paragraphs as printed, each with its indent.
    fn paragraphs(&self) -> Vec<String> {
        self.body
            .lines()
            .map(|line| line.trim_matches(|c: char| c.is_whitespace()))
            .filter(|line| !line.is_empty())
            .map(|line| format!("{INDENT}{line}"))
            .collect()
    }

    /// What follows the text and the table: the notice period and how to object.
    fn closing(&self) -> Vec<String> {
        let mut lines = Vec::new();
        if let Some((from, to)) = self.notice {
            lines.push(format!(
                "{INDENT}公示期：{}至{}。",
                chinese_date(from),
                chinese_date(to)
            ));
        }
        if let Some(objection) = &self.objection {
            let mut ways = Vec::new();
            if let Some(phone) = objection.phone.as_deref().filter(|p| !p.trim().is_empty()) {
                ways.push(format!("电话：{}", phone.trim()));
            }
            if let Some(address) = objection
                .address
                .as_deref()
                .filter(|a| !a.trim().is_empty())
            {
                ways.push(format!("地址：{}", address.trim()));
            }
            if !ways.is_empty() {
                let period = if self.notice.is_some() {
                    "公示期内"
                } else {
                    ""
                };
                lines.push(format!(
                    "{INDENT}如有异议，请于{period}通过以下方式反映（{}）。",
                    ways.join("；")
                ));
            }
        }
        lines
    }

    /// Every character no bundled face has, with its place, so the composing screen can point
    /// at it. Empty when the sheet can be printed.
    pub fn missing_glyphs(&self) -> Result<Vec<MissingGlyph>, PrintError> {
        let glyphs = Glyphs::new(FontSet::shared()?);
        Ok(self.missing_with(&glyphs))
    }

    fn missing_with(&self, glyphs: &Glyphs<'_>) -> Vec<MissingGlyph> {
        let mut found = Vec::new();
        let mut check = |place: String, text: &str| {
            for character in glyphs.missing(text) {
                found.push(MissingGlyph {
                    place: place.clone(),
                    text: text.to_owned(),
                    character,
                });
            }
        };
        check("标题".into(), &self.title);
        for (i, paragraph) in self.paragraphs().iter().enumerate() {
            check(format!("正文第 {} 段", i + 1), paragraph.trim_start());
        }
        if let Some(table) = &self.table {
            for column in &table.columns {
                check("表头".into(), column);
            }
            for (i, row) in table.rows.iter().enumerate() {
                for (j, cell) in row.iter().enumerate() {
                    let place =
                        crate::layout::cell_place(i, table.columns.get(j).map(String::as_str));
                    check(format!("表格{place}"), cell);
                }
            }
        }
        if let Some(objection) = &self.objection {
            check("异议电话".into(), objection.phone.as_deref().unwrap_or(""));
            check(
                "异议地址".into(),
                objection.address.as_deref().unwrap_or(""),
            );
        }
        check("落款".into(), &self.issuer);
        found
    }

    fn check(&self, glyphs: &Glyphs<'_>) -> Result<(), PrintError> {
        let missing = self.missing_with(glyphs);
        if !missing.is_empty() {
            // One place per text, naming all its missing characters.
            let mut places: Vec<String> = Vec::new();
            let mut start = 0;
            while start < missing.len() {
                let same = missing[start..]
                    .iter()
                    .take_while(|m| {
                        m.place == missing[start].place && m.text == missing[start].text
                    })
                    .count();
                let chars: Vec<char> = missing[start..start + same]
                    .iter()
                    .map(|m| m.character)
                    .collect();
                places.push(missing_place(
                    &missing[start].place,
                    &missing[start].text,
                    &chars,
                ));
                start += same;
            }
            return Err(PrintError::MissingGlyphs { places });
        }
        if let Some(table) = &self.table {
            if table.columns.is_empty() {
                return Err(PrintError::NoColumns);
            }
            if let Some((i, _)) = table
                .rows
                .iter()
                .enumerate()
                .find(|(_, row)| row.len() > table.columns.len())
            {
                return Err(PrintError::Table(format!(
                    "表格第 {} 行有 {} 格，多于表头的 {} 列",
                    i + 1,
                    table.rows[i].len(),
                    table.columns.len()
                )));
            }
        }
        if let Some(footer) = &self.footer {
            footer.check(glyphs)?;
        }
        Ok(())
    }
}

/// The notice as a PDF of its own.
pub fn render_notice(sheet: &NoticeSheet) -> Result<Vec<u8>, PrintError> {
    let fonts = FontSet::shared()?;
    let glyphs = Glyphs::new(fonts);
    let pages = draw_notice(&glyphs, sheet, 0)?;
    crate::pdf::write(&sheet.title, &pages, &[], fonts)
}

/// The text block of a page: left, top, right and bottom edges in points.
#[derive(Debug, Clone, Copy)]
struct Block {
    left: f32,
    top: f32,
    right: f32,
    bottom: f32,
}

impl Block {
    fn width(&self) -> f32 {
        self.right - self.left
    }
}

/// The table, measured: column edges and each row's wrapped cells.
struct Table {
    x: Vec<f32>,
    widths: Vec<f32>,
    align: Vec<Align>,
    header: Vec<Vec<Line>>,
    header_height: f32,
    rows: Vec<(Vec<Vec<Line>>, f32)>,
}

/// One thing set down the page, in order.
enum Item {
    Title(String),
    /// A line of text; `justified` spreads it to both edges of the block (every line of a
    /// paragraph but its last). `paragraph` names the paragraph it belongs to.
    Body {
        line: Line,
        justified: bool,
        paragraph: usize,
    },
    Space(f32),
    /// A table row by index; the header is drawn above the first row of each page.
    Row(usize),
    Signature,
}

/// Draws the notice's pages; `index` is the sheet's number in the document.
pub(crate) fn draw_notice(
    glyphs: &Glyphs<'_>,
    sheet: &NoticeSheet,
    index: usize,
) -> Result<Vec<Canvas>, PrintError> {
    let (block, table, items) = compose(glyphs, sheet)?;
    let pages = paginate(&items, table.as_ref(), &block);
    draw_pages(glyphs, sheet, index, &block, table.as_ref(), &pages)
}

/// The notice's text block, its table measured, and everything set down the page in order.
fn compose(
    glyphs: &Glyphs<'_>,
    sheet: &NoticeSheet,
) -> Result<(Block, Option<Table>, Vec<Item>), PrintError> {
    sheet.check(glyphs)?;
    let size = sheet.paper.size_pt();
    let footer_height = sheet
        .footer
        .as_ref()
        .map_or(0.0, |f| f.height(glyphs, size.0 - LEFT - RIGHT));
    // The footer and page number below the text block; when they do not fit in the bottom
    // margin the block gives way.
    let below = PAGE_NUMBER_GAP + PAGE_NUMBER_SIZE * 1.5 + footer_height + EDGE;
    let block = Block {
        left: LEFT,
        top: TOP,
        right: size.0 - RIGHT,
        bottom: size.1 - BOTTOM.max(below),
    };
    let table = sheet.table.as_ref().map(|t| {
        let mut table = measure_table(glyphs, t, block.width());
        // A row taller than the block under the header (a cell of thousands of characters)
        // goes on over pages in pieces: drawn whole it would run past the block's foot.
        let room = block.bottom - block.top - table.header_height;
        let per_piece = ((room - 2.0 * PAD_Y) / TABLE_LINE).floor() as usize;
        table.rows = std::mem::take(&mut table.rows)
            .into_iter()
            .flat_map(|(cells, height)| {
                if height <= room {
                    return vec![(cells, height)];
                }
                cell_pieces(&cells, per_piece)
                    .into_iter()
                    .map(|piece| {
                        let lines = piece.iter().map(Vec::len).max().unwrap_or(1);
                        (piece, row_height(lines))
                    })
                    .collect()
            })
            .collect();
        table
    });

    let mut items = Vec::new();
    for line in balanced(glyphs, &sheet.title, block.width(), TITLE_SIZE) {
        items.push(Item::Title(line));
    }
    items.push(Item::Space(BODY_LINE));
    let body_lines = |items: &mut Vec<Item>, paragraphs: Vec<String>| {
        // The block has a margin beyond it: a ，。、 may hang into it.
        let measure = Measure {
            width: block.width(),
            size: BODY_SIZE,
            push_in: true,
            hang: true,
        };
        for paragraph in paragraphs {
            let lines = break_lines(glyphs, &paragraph, measure);
            let last = lines.len().saturating_sub(1);
            // Named by where it starts among the items: unique.
            let id = items.len();
            for (i, line) in lines.into_iter().enumerate() {
                items.push(Item::Body {
                    line,
                    justified: i < last,
                    paragraph: id,
                });
            }
        }
    };
    body_lines(&mut items, sheet.paragraphs());
    if let Some(table) = &table {
        items.push(Item::Space(BODY_LINE / 2.0));
        items.extend((0..table.rows.len()).map(Item::Row));
        items.push(Item::Space(BODY_LINE / 2.0));
    }
    body_lines(&mut items, sheet.closing());
    items.push(Item::Signature);
    Ok((block, table, items))
}

/// The items page by page, each with its top and whether the table's header goes above it
/// (the first row of the table on each page).
fn paginate<'a>(
    items: &'a [Item],
    table: Option<&Table>,
    block: &Block,
) -> Vec<Vec<(&'a Item, f32, bool)>> {
    let height = |item: &Item| match item {
        Item::Title(_) => TITLE_LINE,
        Item::Body { .. } => BODY_LINE,
        Item::Space(h) => *h,
        Item::Row(i) => table.map_or(0.0, |t| t.rows[*i].1),
        // Two lines for the seal to press into, the issuer and the date.
        Item::Signature => 4.0 * BODY_LINE,
    };
    let header_height = table.map_or(0.0, |t| t.header_height);
    // Each item with its top and whether the table's header goes above it (the first row of
    // the table on each page).
    let mut pages: Vec<Vec<(&Item, f32, bool)>> = vec![Vec::new()];
    let mut y = block.top;
    let mut after_row = false;
    for item in items {
        let is_row = matches!(item, Item::Row(_));
        let mut with_header = is_row && !after_row;
        let needed =
            |with_header: bool| height(item) + if with_header { header_height } else { 0.0 };
        let page_has_text = pages.last().is_some_and(|p| !p.is_empty());
        if y + needed(with_header) > block.bottom + 0.01 && page_has_text {
            // The 落款 never stands alone on a page (GB/T 9704 7.3.5): the last two lines of
            // text go over with it. A paragraph leaves neither its first line alone at the
            // foot of a page (orphan) nor its last alone at the head of the next (widow).
            let mut carried = Vec::new();
            if let Some(page) = pages.last_mut() {
                let wanted = match item {
                    Item::Signature => 2,
                    Item::Body {
                        paragraph,
                        justified,
                        ..
                    } => {
                        let here = page
                            .iter()
                            .rev()
                            .take_while(|(i, _, _)| {
                                matches!(i, Item::Body { paragraph: p, .. } if p == paragraph)
                            })
                            .count();
                        // The paragraph's last line would stand alone: one goes over with it.
                        let moved = usize::from(!*justified && here > 1);
                        // What stays must be two lines or none.
                        if here - moved == 1 { here } else { moved }
                    }
                    _ => 0,
                };
                while carried.len() < wanted
                    && page.len() > 1
                    && matches!(page.last(), Some((Item::Body { .. }, _, _)))
                {
                    carried.extend(page.pop());
                }
            }
            pages.push(Vec::new());
            y = block.top;
            if matches!(item, Item::Space(_)) {
                after_row = false;
                continue;
            }
            with_header = is_row;
            if let Some(page) = pages.last_mut() {
                for (line, _, _) in carried.into_iter().rev() {
                    page.push((line, y, false));
                    y += BODY_LINE;
                }
            }
        }
        if let Some(page) = pages.last_mut() {
            page.push((item, y, with_header));
        }
        y += needed(with_header);
        after_row = is_row;
    }
    pages
}

/// The paginated items drawn, with page numbers and the footer.
fn draw_pages(
    glyphs: &Glyphs<'_>,
    sheet: &NoticeSheet,
    index: usize,
    block: &Block,
    table: Option<&Table>,
    pages: &[Vec<(&Item, f32, bool)>],
) -> Result<Vec<Canvas>, PrintError> {
    let size = sheet.paper.size_pt();
    let count = pages.len();
    let mut canvases = Vec::with_capacity(count);
    for (n, items) in pages.iter().enumerate() {
        let mut page = Page::new(size, index, glyphs);
        page.begin((0.0, 0.0));
        for &(item, y, with_header) in items {
            match item {
                Item::Title(line) => {
                    let w = glyphs.width(line, TITLE_SIZE);
                    let baseline = y + (TITLE_LINE - TITLE_SIZE) / 2.0 + TITLE_SIZE * ASCENT;
                    page.text(
                        line,
                        TITLE_SIZE,
                        (block.left + block.right - w) / 2.0,
                        baseline,
                    );
                }
                Item::Body {
                    line, justified, ..
                } => {
                    let baseline = y + (BODY_LINE - BODY_SIZE) / 2.0 + BODY_SIZE * ASCENT;
                    if *justified {
                        justify(&mut page, line, block.left, block.width(), baseline);
                    } else {
                        page.set_line(line, BODY_SIZE, block.left, baseline);
                    }
                }
                Item::Space(_) => {}
                Item::Row(i) => {
                    if let Some(table) = table {
                        let mut top = y;
                        if with_header {
                            draw_row(&mut page, table, &table.header, None, top, true);
                            top += table.header_height;
                        }
                        let (cells, _) = &table.rows[*i];
                        draw_row(&mut page, table, cells, Some(*i), top, false);
                    }
                }
                Item::Signature => draw_signature(&mut page, sheet, block, y),
            }
        }
        let mut below = block.bottom + PAGE_NUMBER_GAP;
        if count > 1 {
            let number = format!("第 {} 页 共 {count} 页", n + 1);
            let w = glyphs.width(&number, PAGE_NUMBER_SIZE);
            page.text(
                &number,
                PAGE_NUMBER_SIZE,
                (size.0 - w) / 2.0,
                below + PAGE_NUMBER_SIZE * ASCENT,
            );
        }
        below += PAGE_NUMBER_SIZE * 1.5;
        if let Some(footer) = &sheet.footer {
            footer.draw(&mut page, block.left, block.right, below);
        }
        canvases.push(page.canvas);
    }
    Ok(canvases)
}

/// The body lines on each page, as (paragraph, line of it) in the order printed.
#[cfg(test)]
pub(crate) fn body_lines_by_page(
    glyphs: &Glyphs<'_>,
    sheet: &NoticeSheet,
) -> Vec<Vec<(usize, usize)>> {
    let (block, table, items) = compose(glyphs, sheet).unwrap();
    let mut seen = std::collections::HashMap::new();
    paginate(&items, table.as_ref(), &block)
        .iter()
        .map(|page| {
            page.iter()
                .filter_map(|(item, _, _)| match item {
                    Item::Body { paragraph, .. } => {
                        let line = seen.entry(*paragraph).or_insert(0);
                        *line += 1;
                        Some((*paragraph, *line - 1))
                    }
                    _ => None,
                })
                .collect()
        })
        .collect()
}

/// Sets a line flush with both edges of the block (两端对齐): the space left over is shared
/// between the characters, except inside a run of Latin letters and figures (2026,
/// 0999-6012345); a hanging ，。、 stays past the right edge, squeezed marks stay squeezed.
pub(crate) fn justify(page: &mut Page<'_>, line: &Line, left: f32, width: f32, baseline: f32) {
    let glyphs = page.glyphs;
    let placed = line.placed(glyphs, BODY_SIZE);
    // The paragraph's indent stays two characters wide.
    let indent = placed.iter().take_while(|(_, c)| *c == '\u{3000}').count();
    let set = placed.len() - usize::from(line.hanging);
    let natural = match placed.get(set) {
        Some(&(x, _)) => x,
        None => line.width(page.glyphs, BODY_SIZE),
    };
    let is_latin = |c: char| c.is_ascii_graphic();
    // A combining mark (é as e and U+0301) takes no room of its own: it stays on the character
    // before it, no gap between them.
    let kept_with_previous = |i: usize| {
        let (before, here) = (placed[i - 1].1, placed[i].1);
        (is_latin(before) && is_latin(here)) || glyphs.advance_em(here) == 0.0
    };
    let gap_before = |i: usize| i > indent && i < set && !kept_with_previous(i);
    let gaps = (0..placed.len()).filter(|&i| gap_before(i)).count();
    let spare = width - natural;
    // A line that ends early (a long Latin run moved on) is left ragged rather than torn apart.
    if gaps == 0 || spare <= 0.0 || spare > 2.0 * BODY_SIZE {
        page.set_line(line, BODY_SIZE, left, baseline);
        return;
    }
    let step = spare / gaps as f32;
    let mut shift = 0.0;
    let mut piece = String::new();
    let mut piece_x = left;
    for (i, &(x, c)) in placed.iter().enumerate() {
        if gap_before(i) {
            shift += step;
        }
        let joined = i > 0 && kept_with_previous(i) && !piece.is_empty();
        if !joined && !piece.is_empty() {
            page.text(&std::mem::take(&mut piece), BODY_SIZE, piece_x, baseline);
        }
        if piece.is_empty() {
            piece_x = left + x + shift;
        }
        piece.push(c);
    }
    if !piece.is_empty() {
        page.text(&piece, BODY_SIZE, piece_x, baseline);
    }
}

/// The issuer centred over the date, the date's last character four characters in from the
/// right edge, two lines above them left for the seal (which presses on both, GB/T 9704 7.3.5).
fn draw_signature(page: &mut Page<'_>, sheet: &NoticeSheet, block: &Block, top: f32) {
    let date = chinese_date(sheet.issued_on);
    let date_width = page.glyphs.width(&date, BODY_SIZE);
    let date_right = block.right - 4.0 * BODY_SIZE;
    let center = date_right - date_width / 2.0;
    let issuer_width = page.glyphs.width(&sheet.issuer, BODY_SIZE);
    // A long issuer stays inside the block, flush right.
    let issuer_x = (center - issuer_width / 2.0).min(block.right - issuer_width);
    let baseline =
        |line: f32| top + line * BODY_LINE + (BODY_LINE - BODY_SIZE) / 2.0 + BODY_SIZE * ASCENT;
    page.text(&sheet.issuer, BODY_SIZE, issuer_x, baseline(2.0));
    page.text(&date, BODY_SIZE, date_right - date_width, baseline(3.0));
}

/// Column widths from what the cells hold: each column's widest line (no more than half the
/// block, no less than its title's widest character pair), scaled to fill the block.
fn measure_table(glyphs: &Glyphs<'_>, table: &NoticeTable, width: f32) -> Table {
    let columns = table.columns.len();
    let natural: Vec<f32> = (0..columns)
        .map(|c| {
            let cells = table
                .rows
                .iter()
                .filter_map(|r| r.get(c))
                .chain([&table.columns[c]]);
            let widest = cells
                .map(|text| glyphs.width(text, TABLE_SIZE))
                .fold(0.0, f32::max);
            (widest + 2.0 * PAD_X).clamp(2.0 * TABLE_SIZE + 2.0 * PAD_X, width / 2.0)
        })
        .collect();
    let total: f32 = natural.iter().sum();
    let widths: Vec<f32> = natural.iter().map(|w| w * width / total).collect();
    let x: Vec<f32> = widths
        .iter()
        .scan(LEFT, |x, w| {
            let left = *x;
            *x += w;
            Some(left)
        })
        .collect();
    // Amounts line up on the right, short counts (序号) sit centred, text reads from the left.
    let align = (0..columns)
        .map(|c| {
            let cells: Vec<&str> = table
                .rows
                .iter()
                .filter_map(|r| r.get(c))
                .map(|t| t.trim())
                .filter(|t| !t.is_empty())
                .collect();
            if cells.is_empty() || !cells.iter().all(|t| is_number(t)) {
                Align::Left
            } else if cells
                .iter()
                .all(|t| t.len() <= 3 && t.chars().all(|c| c.is_ascii_digit()))
            {
                Align::Center
            } else {
                Align::Right
            }
        })
        .collect();
    let lay = |texts: &[String]| {
        let cells: Vec<Vec<Line>> = widths
            .iter()
            .enumerate()
            .map(|(c, w)| {
                let text = texts.get(c).map_or("", String::as_str);
                // Inside a ruled cell: squeezed, never hanging.
                let measure = Measure {
                    width: w - 2.0 * PAD_X,
                    size: TABLE_SIZE,
                    push_in: true,
                    hang: false,
                };
                break_lines(glyphs, text, measure)
            })
            .collect();
        let lines = cells.iter().map(Vec::len).max().unwrap_or(1);
        (cells, row_height(lines))
    };
    let (header, header_height) = lay(&table.columns);
    let rows = table.rows.iter().map(|r| lay(r)).collect();
    Table {
        x,
        widths,
        align,
        header,
        header_height,
        rows,
    }
}

/// A table row's height with `lines` lines (one at least: an empty row keeps its rules apart).
fn row_height(lines: usize) -> f32 {
    lines.max(1) as f32 * TABLE_LINE + 2.0 * PAD_Y
}

/// An amount, a count or a share: figures with separators, a sign, a point or a percent.
fn is_number(text: &str) -> bool {
    let text = text.trim();
    text.chars().any(|c| c.is_ascii_digit())
        && text
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, ',' | '.' | '-' | '%' | '+'))
}

/// One table row with its rules: the line below it and the columns' sides; the header also
/// the line above it.
fn draw_row(
    page: &mut Page<'_>,
    table: &Table,
    cells: &[Vec<Line>],
    row: Option<usize>,
    top: f32,
    header: bool,
) {
    let height = if header {
        table.header_height
    } else {
        row.map_or(0.0, |i| table.rows[i].1)
    };
    let left = table.x[0];
    let right = left + table.widths.iter().sum::<f32>();
    if header {
        page.hline(left, right, top);
    }
    page.hline(left, right, top + height);
    for x in table.x.iter().copied().chain([right]) {
        page.vline(x, top, top + height);
    }
    for (c, lines) in cells.iter().enumerate() {
        let (x, w) = (table.x[c], table.widths[c]);
        // Header cells are centred vertically; body cells start at the top.
        let start = if header {
            top + (height - lines.len() as f32 * TABLE_LINE) / 2.0
        } else {
            top + PAD_Y
        };
        for (i, line) in lines.iter().enumerate() {
            let baseline = start
                + i as f32 * TABLE_LINE
                + (TABLE_LINE - TABLE_SIZE) / 2.0
                + TABLE_SIZE * ASCENT;
            let line_width = line.width(page.glyphs, TABLE_SIZE);
            let align = if header {
                Align::Center
            } else {
                table.align[c]
            };
            let tx = match align {
                Align::Center => x + (w - line_width) / 2.0,
                Align::Right => x + w - PAD_X - line_width,
                Align::Left => x + PAD_X,
            };
            page.set_line(line, TABLE_SIZE, tx, baseline);
        }
    }
}
