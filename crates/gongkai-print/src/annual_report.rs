//! A document of prose and ruled tables on the GB/T 9704 page, for the 政府信息公开工作年度报告:
//! a centred title, headings, paragraphs indented two characters, and tables whose cells span
//! rows and columns (表三's three stub columns, 表四's two header levels) with their header
//! rows repeated when a table runs onto the next page. A cell spanning rows that a page break
//! cuts is drawn on both pages with its text. Page numbers "— 1 —" below the text block.

use crate::fonts::{FontSet, Glyphs};
use crate::layout::ASCENT;
use crate::notice_sheet::MM;
use crate::render::{Canvas, Page};
use crate::{Align, PrintError};

const PAGE: (f32, f32) = (595.28, 841.89);
const TOP: f32 = 37.0 * MM;
const LEFT: f32 = 28.0 * MM;
const WIDTH: f32 = 156.0 * MM;
const HEIGHT: f32 = 225.0 * MM;
/// 22 lines on the text block.
const BODY_LINE: f32 = HEIGHT / 22.0;
const BODY_SIZE: f32 = 16.0;
const TITLE_SIZE: f32 = 22.0;
const TITLE_LINE: f32 = TITLE_SIZE * 1.45;
const PAGE_NUMBER_SIZE: f32 = 14.0;
const PAGE_NUMBER_GAP: f32 = 7.0 * MM;
const CELL_PAD_X: f32 = 3.0;
const CELL_PAD_Y: f32 = 2.0;
/// Room kept between a table and what follows.
const TABLE_GAP: f32 = 8.0;

/// A document to print.
#[derive(Debug, Clone, PartialEq)]
pub struct ReportDocument {
    pub title: String,
    pub blocks: Vec<ReportBlock>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum ReportBlock {
    /// A heading: bold-faced in spirit, set flush with the indent of the body.
    Heading(String),
    /// Body text; each line of the string a paragraph indented two characters.
    Paragraph(String),
    /// A line set as given, centred (a table's caption).
    Caption(String),
    Table(GridTable),
    /// The 落款: issuer and date, flush right.
    Signature {
        issuer: String,
        date: String,
    },
}

/// A ruled table on a grid: every cell placed by its top-left grid position and its spans.
#[derive(Debug, Clone, PartialEq)]
pub struct GridTable {
    /// What the table is called in error messages (表三).
    pub name: String,
    /// Relative widths of the grid's columns.
    pub columns: Vec<f32>,
    pub rows: usize,
    /// The first rows, repeated at the top of each page the table runs onto.
    pub header_rows: usize,
    pub font_size: f32,
    pub cells: Vec<GridCell>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct GridCell {
    pub row: usize,
    pub column: usize,
    pub row_span: usize,
    pub col_span: usize,
    pub text: String,
    pub align: Align,
}

impl GridCell {
    /// A centred cell of one grid place.
    pub fn new(row: usize, column: usize, text: impl Into<String>) -> Self {
        GridCell {
            row,
            column,
            row_span: 1,
            col_span: 1,
            text: text.into(),
            align: Align::Center,
        }
    }

    pub fn span(mut self, rows: usize, columns: usize) -> Self {
        self.row_span = rows.max(1);
        self.col_span = columns.max(1);
        self
    }

    pub fn align(mut self, align: Align) -> Self {
        self.align = align;
        self
    }
}

/// The PDF of `doc`. Refuses a character no bundled face has (naming where) and a table whose
/// cells leave a place empty, overlap or reach past the grid.
pub fn render_report_document(doc: &ReportDocument) -> Result<Vec<u8>, PrintError> {
    let fonts = FontSet::shared()?;
    let glyphs = Glyphs::new(fonts);
    check_glyphs(&glyphs, doc)?;
    let mut writer = Writer::new(&glyphs);
    writer.title(&doc.title);
    for (index, block) in doc.blocks.iter().enumerate() {
        match block {
            ReportBlock::Heading(text) => {
                // A heading never ends a page: it keeps the start of what follows with it (a
                // table that fits a page, whole).
                let following = match doc.blocks.get(index + 1) {
                    Some(ReportBlock::Table(table)) => writer.table_lead(table)?,
                    _ => BODY_LINE,
                };
                writer.ensure(BODY_LINE + following);
                writer.paragraph(text, 2.0);
            }
            ReportBlock::Paragraph(text) => {
                for paragraph in text.lines().map(str::trim).filter(|p| !p.is_empty()) {
                    writer.paragraph(paragraph, 2.0);
                }
            }
            ReportBlock::Caption(text) => writer.caption(text),
            ReportBlock::Table(table) => writer.table(table)?,
            ReportBlock::Signature { issuer, date } => writer.signature(issuer, date),
        }
    }
    let pages = writer.finish();
    crate::pdf::write(&doc.title, &pages, &[], fonts)
}

fn check_glyphs(glyphs: &Glyphs<'_>, doc: &ReportDocument) -> Result<(), PrintError> {
    let mut places = Vec::new();
    let mut check = |place: String, text: &str| {
        let missing = glyphs.missing(text);
        if !missing.is_empty() {
            let chars: String = missing.iter().collect();
            places.push(format!("{place}：{text}（缺“{chars}”）"));
        }
    };
    check("标题".to_owned(), &doc.title);
    for (index, block) in doc.blocks.iter().enumerate() {
        let place = format!("第 {} 部分", index + 1);
        match block {
            ReportBlock::Heading(text)
            | ReportBlock::Paragraph(text)
            | ReportBlock::Caption(text) => {
                check(place, text);
            }
            ReportBlock::Table(table) => {
                for cell in &table.cells {
                    let place = format!(
                        "{}第 {} 行第 {} 列",
                        table.name,
                        cell.row + 1,
                        cell.column + 1
                    );
                    check(place, &cell.text);
                }
            }
            ReportBlock::Signature { issuer, date } => {
                check(place.clone(), issuer);
                check(place, date);
            }
        }
    }
    if places.is_empty() {
        Ok(())
    } else {
        Err(PrintError::MissingGlyphs { places })
    }
}

/// Characters that never start a line (closing punctuation).
fn never_starts_line(c: char) -> bool {
    "，。、；：？！）】」』”’》〉,.;:?!)%".contains(c)
}

/// Greedy lines of `text` within `width` at `size`: Chinese breaks anywhere, a run of Latin
/// letters and digits stays whole when it fits a line, closing punctuation never starts one.
fn wrap(glyphs: &Glyphs<'_>, text: &str, width: f32, first_indent: f32, size: f32) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    let mut lines = Vec::new();
    let mut start = 0;
    let mut room = width - first_indent;
    while start < chars.len() {
        let mut end = start;
        let mut used = 0.0;
        while end < chars.len() {
            let advance = glyphs.advance_em(chars[end]) * size;
            if used + advance > room + 0.01 && end > start {
                break;
            }
            used += advance;
            end += 1;
        }
        if end < chars.len() {
            // Keep a closing mark with the character before it.
            if never_starts_line(chars[end]) && end - start > 1 {
                end -= 1;
            }
            // Keep a Latin word or number whole when it fits on a line of its own.
            let latin = |c: char| c.is_ascii_alphanumeric();
            if latin(chars[end]) && end > start && latin(chars[end - 1]) {
                let mut word_start = end;
                while word_start > start && latin(chars[word_start - 1]) {
                    word_start -= 1;
                }
                if word_start > start {
                    end = word_start;
                }
            }
        }
        lines.push(chars[start..end].iter().collect::<String>());
        start = end;
        room = width;
    }
    if lines.is_empty() {
        lines.push(String::new());
    }
    lines
}

/// Pages being filled from the top of the text block down.
struct Writer<'a> {
    glyphs: &'a Glyphs<'a>,
    pages: Vec<Canvas>,
    page: Page<'a>,
    y: f32,
}

impl<'a> Writer<'a> {
    fn new(glyphs: &'a Glyphs<'a>) -> Self {
        Writer {
            glyphs,
            pages: Vec::new(),
            page: Page::new(PAGE, 0, glyphs),
            y: TOP,
        }
    }

    fn bottom() -> f32 {
        TOP + HEIGHT
    }

    fn new_page(&mut self) {
        let number = format!("— {} —", self.pages.len() + 1);
        let baseline = TOP + HEIGHT + PAGE_NUMBER_GAP + PAGE_NUMBER_SIZE * ASCENT;
        self.page.begin((0.0, 0.0));
        self.page
            .text_centered(&number, PAGE_NUMBER_SIZE, PAGE.0 / 2.0, baseline);
        let done = std::mem::replace(&mut self.page, Page::new(PAGE, 0, self.glyphs));
        self.pages.push(done.canvas);
        self.y = TOP;
    }

    fn ensure(&mut self, height: f32) {
        if self.y + height > Self::bottom() + 0.01 && self.y > TOP {
            self.new_page();
        }
    }

    fn finish(mut self) -> Vec<Canvas> {
        self.new_page();
        self.pages
    }

    fn title(&mut self, title: &str) {
        for line in wrap(self.glyphs, title, WIDTH, 0.0, TITLE_SIZE) {
            let baseline = self.y + (TITLE_LINE - TITLE_SIZE) / 2.0 + TITLE_SIZE * ASCENT;
            self.page
                .text_centered(&line, TITLE_SIZE, LEFT + WIDTH / 2.0, baseline);
            self.y += TITLE_LINE;
        }
        self.y += BODY_LINE;
    }

    fn body_line(&mut self, text: &str, x: f32) {
        self.ensure(BODY_LINE);
        let baseline = self.y + (BODY_LINE - BODY_SIZE) / 2.0 + BODY_SIZE * ASCENT;
        self.page.text(text, BODY_SIZE, x, baseline);
        self.y += BODY_LINE;
    }

    fn paragraph(&mut self, text: &str, indent_chars: f32) {
        let indent = indent_chars * BODY_SIZE;
        for (index, line) in wrap(self.glyphs, text, WIDTH, indent, BODY_SIZE)
            .iter()
            .enumerate()
        {
            let x = if index == 0 { LEFT + indent } else { LEFT };
            self.body_line(line, x);
        }
    }

    fn caption(&mut self, text: &str) {
        self.ensure(BODY_LINE * 2.0);
        let size = BODY_SIZE * 0.75;
        let baseline = self.y + (BODY_LINE - size) / 2.0 + size * ASCENT;
        self.page
            .text_centered(text, size, LEFT + WIDTH / 2.0, baseline);
        self.y += BODY_LINE * 0.8;
    }

    fn signature(&mut self, issuer: &str, date: &str) {
        self.ensure(BODY_LINE * 3.0);
        self.y += BODY_LINE;
        for text in [issuer, date] {
            let w = self.glyphs.width(text, BODY_SIZE);
            let x = LEFT + WIDTH - 4.0 * BODY_SIZE - w;
            self.body_line(text, x.max(LEFT));
        }
    }

    /// The room a table wants before it starts: all of it when it fits on a page below its
    /// heading, else its header and first body row.
    fn table_lead(&self, table: &GridTable) -> Result<f32, PrintError> {
        let measured = Measured::new(self.glyphs, table)?;
        let whole: f32 = measured.heights.iter().sum();
        if whole <= HEIGHT - BODY_LINE {
            return Ok(whole);
        }
        Ok(
            measured.heights[..=table.header_rows.min(table.rows.saturating_sub(1))]
                .iter()
                .sum(),
        )
    }

    fn table(&mut self, table: &GridTable) -> Result<(), PrintError> {
        let lead = self.table_lead(table)?;
        let measured = Measured::new(self.glyphs, table)?;
        let header: f32 = measured.heights[..table.header_rows].iter().sum();
        let mut row = table.header_rows;
        self.ensure(lead);
        while row < table.rows || (row == table.header_rows && table.rows == table.header_rows) {
            let top = self.y;
            let mut bottom = top + header;
            let from = row;
            while row < table.rows
                && (bottom + measured.heights[row] <= Self::bottom() + 0.01 || row == from)
            {
                bottom += measured.heights[row];
                row += 1;
            }
            self.draw_table_part(table, &measured, top, from..row);
            self.y = bottom + TABLE_GAP;
            if row < table.rows {
                self.new_page();
            } else {
                break;
            }
        }
        Ok(())
    }

    /// The header rows and body rows `body`, from `top`.
    fn draw_table_part(
        &mut self,
        table: &GridTable,
        measured: &Measured,
        top: f32,
        body: std::ops::Range<usize>,
    ) {
        // The y of each shown row's top edge, in grid order; None for rows not on this page.
        let mut row_top = vec![None; table.rows + 1];
        let mut y = top;
        for (index, slot) in row_top.iter_mut().enumerate().take(table.header_rows) {
            *slot = Some(y);
            y += measured.heights[index];
        }
        for index in body.clone() {
            row_top[index] = Some(y);
            y += measured.heights[index];
        }
        let shown = |r: usize| r < table.header_rows || body.contains(&r);
        let size = table.font_size;
        let line = size * 1.3;
        for (cell, lines) in table.cells.iter().zip(&measured.lines) {
            let rows: Vec<usize> = (cell.row..cell.row + cell.row_span)
                .filter(|&r| shown(r))
                .collect();
            let (Some(&first), Some(&last)) = (rows.first(), rows.last()) else {
                continue;
            };
            let (Some(y0), Some(y_last)) = (row_top[first], row_top[last]) else {
                continue;
            };
            let y1 = y_last + measured.heights[last];
            let x0 = LEFT + measured.x[cell.column];
            let x1 = LEFT + measured.x[cell.column + cell.col_span];
            self.page.hline(x0, x1, y0);
            self.page.hline(x0, x1, y1);
            self.page.vline(x0, y0, y1);
            self.page.vline(x1, y0, y1);
            let text_height = lines.len() as f32 * line;
            let mut baseline =
                y0 + ((y1 - y0) - text_height) / 2.0 + (line - size) / 2.0 + size * ASCENT;
            for text in lines {
                let w = self.glyphs.width(text, size);
                let x = match cell.align {
                    Align::Left => x0 + CELL_PAD_X,
                    Align::Center => (x0 + x1 - w) / 2.0,
                    Align::Right => x1 - CELL_PAD_X - w,
                };
                self.page.text(text, size, x, baseline);
                baseline += line;
            }
        }
    }
}

/// A table measured: column edges, each cell's lines, each row's height.
struct Measured {
    x: Vec<f32>,
    lines: Vec<Vec<String>>,
    heights: Vec<f32>,
}

impl Measured {
    fn new(glyphs: &Glyphs<'_>, table: &GridTable) -> Result<Self, PrintError> {
        let columns = table.columns.len();
        if columns == 0 {
            return Err(PrintError::NoColumns);
        }
        let bad = |what: String| PrintError::Table(format!("{}{what}", table.name));
        let mut owner = vec![vec![None; columns]; table.rows];
        for (index, cell) in table.cells.iter().enumerate() {
            if cell.row + cell.row_span > table.rows || cell.column + cell.col_span > columns {
                return Err(bad(format!(
                    "第 {} 行第 {} 列的单元格超出了表格",
                    cell.row + 1,
                    cell.column + 1
                )));
            }
            for row in &mut owner[cell.row..cell.row + cell.row_span] {
                for place in &mut row[cell.column..cell.column + cell.col_span] {
                    if place.is_some() {
                        return Err(bad(format!(
                            "第 {} 行第 {} 列的单元格与其他单元格重叠",
                            cell.row + 1,
                            cell.column + 1
                        )));
                    }
                    *place = Some(index);
                }
            }
        }
        for (row, places) in owner.iter().enumerate() {
            if let Some(column) = places.iter().position(Option::is_none) {
                return Err(bad(format!(
                    "第 {} 行第 {} 列没有单元格",
                    row + 1,
                    column + 1
                )));
            }
        }
        let total: f32 = table.columns.iter().map(|w| w.max(0.01)).sum();
        let mut x = vec![0.0];
        for weight in &table.columns {
            let last = x.last().copied().unwrap_or(0.0);
            x.push(last + weight.max(0.01) / total * WIDTH);
        }
        let size = table.font_size;
        let line = size * 1.3;
        let lines: Vec<Vec<String>> = table
            .cells
            .iter()
            .map(|cell| {
                let width = x[cell.column + cell.col_span] - x[cell.column] - 2.0 * CELL_PAD_X;
                cell.text
                    .split('\n')
                    .flat_map(|part| wrap(glyphs, part, width, 0.0, size))
                    .collect()
            })
            .collect();
        let need = |lines: &[String]| lines.len() as f32 * line + 2.0 * CELL_PAD_Y;
        let mut heights = vec![line + 2.0 * CELL_PAD_Y; table.rows];
        for (cell, lines) in table.cells.iter().zip(&lines) {
            if cell.row_span == 1 {
                heights[cell.row] = heights[cell.row].max(need(lines));
            }
        }
        // A cell over several rows that needs more room than they give grows its last row.
        for (cell, lines) in table.cells.iter().zip(&lines) {
            if cell.row_span > 1 {
                let rows = cell.row..cell.row + cell.row_span;
                let have: f32 = heights[rows.clone()].iter().sum();
                let short = need(lines) - have;
                if short > 0.0 {
                    heights[rows.end - 1] += short;
                }
            }
        }
        Ok(Measured { x, lines, heights })
    }
}
