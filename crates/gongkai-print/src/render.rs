//! Turning a [`Layout`] into pages of marks: text runs (glyphs of one face at one size) and
//! rules, in points from the page's top-left corner. [`crate::pdf`] encodes them once the whole
//! document is drawn, because which glyphs it uses, and how often, decides their codes.

use crate::fonts::{Face, FontSet, Glyphs};
use crate::footer::SheetFooter;
use crate::layout::{
    ASCENT, BODY, FOOTER, LINE, Layout, MARGIN, PAD_X, PAD_Y, PAGE_NUMBER_BLOCK, Row, SEAL_ROOM,
    SIGNATURE, SUBTITLE, SUBTITLE_PITCH, SUMMARY_ROW, TITLE, TITLE_BLOCK, TITLE_PITCH, layout,
    line_height,
};
use crate::linebreak::Line;
use crate::{Align, PrintError, Sheet, yuan};

/// Lays out and draws the sheet; returns the PDF file's bytes.
pub fn render(sheet: &Sheet) -> Result<Vec<u8>, PrintError> {
    render_book(std::slice::from_ref(sheet))
}

/// Several sheets in one PDF (a catalog's domains, say): each starts on a new page with its own
/// title and header, and pages are numbered through the whole document. The document
/// information takes the first sheet's `document_title`.
pub fn render_book(sheets: &[Sheet]) -> Result<Vec<u8>, PrintError> {
    let first = sheets.first().ok_or(PrintError::Empty)?;
    let fonts = FontSet::shared()?;
    let pages = draw(
        fonts,
        &sheets.iter().collect::<Vec<_>>(),
        Numbering::Continuous,
    )?;
    crate::pdf::write(&first.document_title, &pages, &[], fonts)
}

/// Sections in one PDF, each a sheet posted on its own (a list's villages, say): pages are
/// numbered within each section, and the file's outline (the viewer's bookmarks) names them.
/// The document information takes the first sheet's `document_title`.
pub fn render_sections(sections: &[(String, Sheet)]) -> Result<Vec<u8>, PrintError> {
    let (_, first) = sections.first().ok_or(PrintError::Empty)?;
    let fonts = FontSet::shared()?;
    let sheets: Vec<&Sheet> = sections.iter().map(|(_, sheet)| sheet).collect();
    let pages = draw(fonts, &sheets, Numbering::PerSheet)?;
    let mut outline = Vec::with_capacity(sections.len());
    let mut page = 0;
    for ((name, _), count) in sections.iter().zip(page_counts(&pages, sections.len())) {
        outline.push((name.clone(), page));
        page += count;
    }
    crate::pdf::write(&first.document_title, &pages, &outline, fonts)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Numbering {
    /// 第 x 页 共 y 页 through the whole document.
    Continuous,
    /// 第 x 页 共 y 页 within each sheet.
    PerSheet,
}

/// How many pages each of `sheets` sheets took, in order.
fn page_counts(pages: &[Canvas], sheets: usize) -> Vec<usize> {
    let mut counts = vec![0; sheets];
    for page in pages {
        counts[page.sheet] += 1;
    }
    counts
}

pub(crate) fn draw(
    fonts: &FontSet,
    sheets: &[&Sheet],
    numbering: Numbering,
) -> Result<Vec<Canvas>, PrintError> {
    let glyphs = Glyphs::new(fonts);
    let sheets: Vec<(&Sheet, Option<&SheetFooter>)> = sheets.iter().map(|s| (*s, None)).collect();
    draw_with(&glyphs, &sheets, numbering)
}

/// [`draw`] with a document's glyph cache, each sheet with the footer of its posting if it is
/// posted on a board (printed above the page number, the table's room shrunk to make way).
pub(crate) fn draw_with(
    glyphs: &Glyphs<'_>,
    sheets: &[(&Sheet, Option<&SheetFooter>)],
    numbering: Numbering,
) -> Result<Vec<Canvas>, PrintError> {
    let laid = sheets
        .iter()
        .map(|(sheet, footer)| {
            let width = sheet.paper.size_pt().0 - 2.0 * MARGIN;
            let reserved = footer.map_or(0.0, |f| f.height(glyphs, width));
            if let Some(footer) = footer {
                footer.check(glyphs)?;
            }
            layout(glyphs, sheet, reserved)
        })
        .collect::<Result<Vec<_>, _>>()?;
    let total_pages: usize = laid.iter().map(|l| l.pages.len()).sum();
    let mut pages = Vec::with_capacity(total_pages);
    let mut before = 0;
    for (index, ((sheet, footer), laid)) in sheets.iter().zip(&laid).enumerate() {
        for (n, range) in laid.pages.iter().enumerate() {
            let mut page = Page::new(laid.page, index, glyphs);
            let (number, of) = match numbering {
                Numbering::Continuous => (before + n + 1, total_pages),
                Numbering::PerSheet => (n + 1, laid.pages.len()),
            };
            let place = Place {
                number,
                of,
                last_of_sheet: n + 1 == laid.pages.len(),
            };
            page.draw(sheet, laid, range.clone(), place);
            if let Some(footer) = footer {
                let left = laid.col_x[0];
                let right = left + laid.col_w.iter().sum::<f32>();
                let top =
                    laid.page.1 - MARGIN - PAGE_NUMBER_BLOCK - footer.height(glyphs, right - left);
                footer.draw(&mut page, left, right, top);
            }
            pages.push(page.canvas);
        }
        before += laid.pages.len();
    }
    Ok(pages)
}

/// One page's marks, in parts. A part that looks the same on many pages (the title and header,
/// the grid of a full page, the footer) is stored once in the file and placed on each of them.
#[derive(Debug)]
pub(crate) struct Canvas {
    /// (width, height) in points.
    pub size: (f32, f32),
    /// The sheet it belongs to, by index.
    pub sheet: usize,
    pub parts: Vec<Part>,
}

/// Marks in points from the part's origin (rightwards and downwards), the origin being in
/// points from the page's top-left corner.
#[derive(Debug, Default)]
pub(crate) struct Part {
    pub origin: (f32, f32),
    pub runs: Vec<Run>,
    pub rules: Vec<Rule>,
    /// Filled black rectangles: a QR code's modules, a diagram's heavy outlines.
    pub fills: Vec<Fill>,
}

/// A filled rectangle, from its top-left corner.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Fill {
    pub x: f32,
    pub y: f32,
    pub width: f32,
    pub height: f32,
}

/// Glyphs of one face drawn from `x` along the baseline, each with the character it stands for
/// (for the text layer: copy, search, `pdftotext`).
#[derive(Debug)]
pub(crate) struct Run {
    pub face: Face,
    pub size: f32,
    pub x: f32,
    pub baseline: f32,
    /// The advance of all the glyphs, in points.
    pub width: f32,
    pub glyphs: Vec<(u16, char)>,
}

/// A straight line of the table's grid.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Rule {
    pub from: (f32, f32),
    pub to: (f32, f32),
}

/// Where a page stands in the document.
#[derive(Debug, Clone, Copy)]
struct Place {
    number: usize,
    of: usize,
    /// The sheet's grand total goes on its last page.
    last_of_sheet: bool,
}

/// A page being drawn: text in the bundled faces, rules and filled rectangles, in points from
/// the page's top-left corner.
pub(crate) struct Page<'a> {
    pub canvas: Canvas,
    pub glyphs: &'a Glyphs<'a>,
}

impl<'a> Page<'a> {
    pub fn new(size: (f32, f32), sheet: usize, glyphs: &'a Glyphs<'a>) -> Self {
        Page {
            canvas: Canvas {
                size,
                sheet,
                parts: Vec::new(),
            },
            glyphs,
        }
    }

    /// Starts a new part; what is drawn next goes into it.
    pub fn begin(&mut self, origin: (f32, f32)) {
        self.canvas.parts.push(Part {
            origin,
            ..Part::default()
        });
    }

    fn part(&mut self) -> &mut Part {
        if self.canvas.parts.is_empty() {
            self.begin((0.0, 0.0));
        }
        let last = self.canvas.parts.len() - 1;
        &mut self.canvas.parts[last]
    }

    fn draw(&mut self, sheet: &Sheet, laid: &Layout, rows: std::ops::Range<usize>, place: Place) {
        let (width, height) = laid.page;
        let left = laid.col_x[0];
        let right = left + laid.col_w.iter().sum::<f32>();
        let body_top = laid.table_top + laid.header_height;
        let page_rows = &laid.rows[rows];
        let rows_bottom = body_top + page_rows.iter().map(|r| r.height).sum::<f32>();
        let mut totals = Vec::new();
        if let Some(amount) = sheet.amount_column {
            // A row split over pages counts once, on the page of its first piece.
            let page_total = page_rows
                .iter()
                .filter(|r| !r.continued)
                .filter_map(|r| sheet.amounts_fen.get(r.source))
                .sum();
            totals.push((amount, "本页小计", page_total));
            if place.last_of_sheet {
                totals.push((amount, "合计", sheet.amounts_fen.iter().sum()));
            }
        }
        let table_bottom = rows_bottom + totals.len() as f32 * SUMMARY_ROW;

        // The title, the header and the grid below it: the same on every full page.
        self.begin((0.0, 0.0));
        self.frame(laid);
        let mut y = body_top;
        for row in page_rows {
            y += row.height;
            self.hline(left, right, y);
        }
        for x in laid.col_x.iter().copied().chain([right]) {
            self.vline(x, body_top, rows_bottom);
        }
        for &(amount, _, _) in totals.iter().take(1) {
            for n in 1..=totals.len() {
                self.hline(left, right, rows_bottom + n as f32 * SUMMARY_ROW);
            }
            let (x, w) = (laid.col_x[amount], laid.col_w[amount]);
            for x in [left, x, x + w, right] {
                self.vline(x, rows_bottom, table_bottom);
            }
        }

        // What only this page says: its rows, totals and number.
        self.begin((0.0, 0.0));
        let mut y = body_top;
        for row in page_rows {
            self.row(laid, row, y, |c| sheet.columns[c].align);
            y += row.height;
        }
        for (amount, label, fen) in totals {
            self.summary(laid, amount, label, fen, y);
            y += SUMMARY_ROW;
        }
        let bottom = height - MARGIN - PAGE_NUMBER_BLOCK + FOOTER * ASCENT + FOOTER;
        self.text_centered(
            &format!("第 {} 页 共 {} 页", place.number, place.of),
            FOOTER,
            width / 2.0,
            bottom,
        );

        // The footer follows the table wherever it ends.
        let mut y = table_bottom + 6.0;
        self.begin((0.0, y));
        for line in &laid.footer {
            self.text(line, FOOTER, left, y + FOOTER * ASCENT);
            y += FOOTER * 1.6;
        }
        // The 落款 flush right under the room for the seal, each line centred on the widest so
        // the date sits under the issuing body.
        if !sheet.signature.is_empty() {
            y += SEAL_ROOM;
            let widest = sheet
                .signature
                .iter()
                .map(|line| self.glyphs.width(line, SIGNATURE))
                .fold(0.0, f32::max);
            // A 落款 wider than the table keeps to its left edge.
            let center = (right - SIGNATURE * 2.0 - widest / 2.0).max(left + widest / 2.0);
            for line in &sheet.signature {
                self.text_centered(line, SIGNATURE, center, y + SIGNATURE * ASCENT);
                y += SIGNATURE * 1.6;
            }
        }
    }

    /// The title block and the table's header, the same on every page of the sheet.
    fn frame(&mut self, laid: &Layout) {
        let width = laid.page.0;
        for (i, line) in laid.title.iter().enumerate() {
            let y = MARGIN + i as f32 * TITLE_PITCH;
            self.text_centered(line, laid.title_size, width / 2.0, y + TITLE * ASCENT);
        }
        let mut y = MARGIN + TITLE_BLOCK + (laid.title.len() - 1) as f32 * TITLE_PITCH;
        for line in &laid.subtitle {
            self.text_centered(line, SUBTITLE, width / 2.0, y + SUBTITLE * ASCENT);
            y += SUBTITLE_PITCH;
        }
        let table_top = laid.table_top;
        let left = laid.col_x[0];
        let right = left + laid.col_w.iter().sum::<f32>();
        self.hline(left, right, table_top);
        self.header(laid, table_top);
        let bottom = table_top + laid.header_height;
        self.hline(left, right, bottom);
        // A rule between two columns of one group starts below the group's title.
        for (i, x) in laid.col_x.iter().copied().chain([right]).enumerate() {
            let inside = laid
                .groups
                .iter()
                .any(|g| g.columns.start < i && i < g.columns.end);
            let from = if inside {
                table_top + laid.group_height
            } else {
                table_top
            };
            self.vline(x, from, bottom);
        }
    }

    /// The header: group titles over their columns with a rule below them, then each column's
    /// title, centred in its cell (spanning both rows when no group is over it).
    fn header(&mut self, laid: &Layout, top: f32) {
        let size = laid.header_size;
        for g in &laid.groups {
            let x = laid.col_x[g.columns.start];
            let w: f32 = laid.col_w[g.columns.clone()].iter().sum();
            self.lines_centered(&g.lines, size, x, w, top, laid.group_height);
            self.hline(x, x + w, top + laid.group_height);
        }
        for (c, lines) in laid.header.cells.iter().enumerate() {
            let (cell_top, height) = if laid.grouped[c] {
                (top + laid.group_height, laid.header.height)
            } else {
                (top, laid.header_height)
            };
            self.lines_centered(lines, size, laid.col_x[c], laid.col_w[c], cell_top, height);
        }
    }

    fn lines_centered(&mut self, lines: &[Line], size: f32, x: f32, w: f32, top: f32, height: f32) {
        let pitch = line_height(size);
        let start = top + (height - lines.len() as f32 * pitch) / 2.0;
        for (i, line) in lines.iter().enumerate() {
            let baseline = start + i as f32 * pitch + size * ASCENT + (pitch - size) / 2.0;
            let tx = x + (w - line.width(self.glyphs, size)) / 2.0;
            self.set_line(line, size, tx, baseline);
        }
    }

    /// A total row's text: its label spans the columns before the amount, the sum sits in the
    /// amount column, right-aligned like the amounts above it.
    fn summary(&mut self, laid: &Layout, amount: usize, label: &str, fen: i64, y: f32) {
        let left = laid.col_x[0];
        let baseline = y + PAD_Y + BODY * ASCENT + (LINE - BODY) / 2.0;
        self.text(label, BODY, left + PAD_X, baseline);
        let text = yuan(fen);
        let x = laid.col_x[amount] + laid.col_w[amount] - PAD_X - self.glyphs.width(&text, BODY);
        self.text(&text, BODY, x, baseline);
    }

    fn row(&mut self, laid: &Layout, row: &Row, top: f32, align: impl Fn(usize) -> Align) {
        for (c, lines) in row.cells.iter().enumerate() {
            let (x, w) = (laid.col_x[c], laid.col_w[c]);
            for (i, line) in lines.iter().enumerate() {
                let baseline = top + PAD_Y + i as f32 * LINE + BODY * ASCENT + (LINE - BODY) / 2.0;
                let tx = match align(c) {
                    Align::Left => x + PAD_X,
                    Align::Center => x + (w - line.width(self.glyphs, BODY)) / 2.0,
                    Align::Right => x + w - PAD_X - line.width(self.glyphs, BODY),
                };
                self.set_line(line, BODY, tx, baseline);
            }
        }
    }

    /// Draws a laid-out line from `x`: as one text when nothing in it is squeezed, else in
    /// pieces, each squeezed mark moved or the text after it drawn closer.
    pub fn set_line(&mut self, line: &Line, size: f32, x: f32, baseline: f32) {
        if line.squeezed.is_empty() {
            self.text(&line.text, size, x, baseline);
            return;
        }
        let placed = line.placed(self.glyphs, size);
        let mut piece = String::new();
        let mut piece_x = x;
        let mut expected = x;
        for (at, c) in placed {
            let at = x + at;
            if (at - expected).abs() > 0.001 && !piece.is_empty() {
                self.text(&std::mem::take(&mut piece), size, piece_x, baseline);
            }
            if piece.is_empty() {
                piece_x = at;
            }
            piece.push(c);
            expected = at + self.glyphs.advance_em(c) * size;
        }
        if !piece.is_empty() {
            self.text(&piece, size, piece_x, baseline);
        }
    }

    pub fn text_centered(&mut self, text: &str, size: f32, center: f32, baseline: f32) {
        let w = self.glyphs.width(text, size);
        self.text(text, size, center - w / 2.0, baseline);
    }

    /// Draws `text` with its baseline at `baseline` (from the top), switching to the fallback
    /// face for characters the main face lacks. Coverage was checked during layout.
    pub fn text(&mut self, text: &str, size: f32, x: f32, baseline: f32) {
        let mut cursor = x;
        let mut run: Vec<(u16, char)> = Vec::new();
        let mut run_face = Face::Main;
        let mut run_start = x;
        for c in text.chars() {
            let Some(glyph) = self.glyphs.glyph(c) else {
                continue;
            };
            if glyph.face != run_face && !run.is_empty() {
                self.show(
                    std::mem::take(&mut run),
                    run_face,
                    size,
                    run_start,
                    baseline,
                );
                run_start = cursor;
            }
            run_face = glyph.face;
            run.push((glyph.gid, c));
            cursor += glyph.advance_em * size;
        }
        if !run.is_empty() {
            self.show(run, run_face, size, run_start, baseline);
        }
    }

    fn show(&mut self, glyphs: Vec<(u16, char)>, face: Face, size: f32, x: f32, baseline: f32) {
        let width = glyphs
            .iter()
            .map(|&(_, c)| self.glyphs.advance_em(c))
            .sum::<f32>()
            * size;
        let part = self.part();
        let (ox, oy) = part.origin;
        part.runs.push(Run {
            face,
            size,
            x: x - ox,
            baseline: baseline - oy,
            width,
            glyphs,
        });
    }

    pub fn hline(&mut self, x1: f32, x2: f32, y: f32) {
        self.line(x1, y, x2, y);
    }

    pub fn vline(&mut self, x: f32, y1: f32, y2: f32) {
        self.line(x, y1, x, y2);
    }

    /// A filled black rectangle, `(x, y)` its top-left corner.
    pub fn fill(&mut self, x: f32, y: f32, width: f32, height: f32) {
        let part = self.part();
        let (ox, oy) = part.origin;
        part.fills.push(Fill {
            x: x - ox,
            y: y - oy,
            width,
            height,
        });
    }

    pub fn line(&mut self, x1: f32, y1: f32, x2: f32, y2: f32) {
        let part = self.part();
        let (ox, oy) = part.origin;
        part.rules.push(Rule {
            from: (x1 - ox, y1 - oy),
            to: (x2 - ox, y2 - oy),
        });
    }
}
