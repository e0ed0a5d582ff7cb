//! Turning a [`Layout`] into PDF pages.
//!
//! Text is written as glyph ids looked up once per character (see [`Glyphs`]), all of a page's
//! text in one text object, and the table's column rules as one stroke per page: content
//! streams stay small and printing 10,000 rows takes well under a second.

use printpdf::{
    Codepoint, FontId, Line, LinePoint, Op, PdfDocument, PdfFontHandle, PdfPage, PdfSaveOptions,
    Point, Pt, TextItem, TextMatrix,
};

use crate::fonts::{Face, FontSet, Glyphs};
use crate::layout::{
    ASCENT, BODY, FOOTER, LINE, Layout, MARGIN, PAD_X, PAD_Y, PAGE_NUMBER_BLOCK, Row, SUBTITLE,
    SUBTITLE_BLOCK, SUMMARY_ROW, TITLE, TITLE_BLOCK, layout,
};
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
    let glyphs = Glyphs::new(fonts);
    let laid = sheets
        .iter()
        .map(|sheet| layout(&glyphs, sheet))
        .collect::<Result<Vec<_>, _>>()?;
    let mut doc = PdfDocument::new(&first.document_title);
    let ids = (doc.add_font(&fonts.main), doc.add_font(&fonts.fallback));
    let total_pages: usize = laid.iter().map(|l| l.pages.len()).sum();
    let mut pages = Vec::with_capacity(total_pages);
    for (sheet, laid) in sheets.iter().zip(&laid) {
        for (n, range) in laid.pages.iter().enumerate() {
            let mut page = Page {
                text: Vec::new(),
                lines: Vec::new(),
                height: laid.page.1,
                glyphs: &glyphs,
                ids: &ids,
                face: None,
                size: 0.0,
            };
            let place = Place {
                number: pages.len() + 1,
                of: total_pages,
                last_of_sheet: n + 1 == laid.pages.len(),
            };
            page.draw(sheet, laid, range.clone(), place);
            let mut ops = vec![Op::SetOutlineThickness { pt: Pt(0.6) }];
            ops.append(&mut page.lines);
            ops.push(Op::StartTextSection);
            ops.append(&mut page.text);
            ops.push(Op::EndTextSection);
            pages.push(PdfPage::new(
                Pt(laid.page.0).into(),
                Pt(laid.page.1).into(),
                ops,
            ));
        }
    }
    let options = PdfSaveOptions {
        subset_fonts: true,
        ..PdfSaveOptions::default()
    };
    Ok(doc.with_pages(pages).save(&options, &mut Vec::new()))
}

/// Where a page stands in the document.
#[derive(Debug, Clone, Copy)]
struct Place {
    number: usize,
    of: usize,
    /// The sheet's grand total goes on its last page.
    last_of_sheet: bool,
}

struct Page<'a> {
    text: Vec<Op>,
    lines: Vec<Op>,
    height: f32,
    glyphs: &'a Glyphs<'a>,
    ids: &'a (FontId, FontId),
    /// The font currently selected in the text object, to set it only when it changes.
    face: Option<Face>,
    size: f32,
}

impl Page<'_> {
    fn draw(&mut self, sheet: &Sheet, laid: &Layout, rows: std::ops::Range<usize>, place: Place) {
        let width = laid.page.0;
        let mut y = MARGIN;
        self.text_centered(&sheet.title, TITLE, width / 2.0, y + TITLE * ASCENT);
        y += TITLE_BLOCK;
        self.text_centered(
            &sheet.subtitle,
            SUBTITLE,
            width / 2.0,
            y + SUBTITLE * ASCENT,
        );
        y += SUBTITLE_BLOCK;

        let table_top = y;
        let left = laid.col_x[0];
        let right = left + laid.col_w.iter().sum::<f32>();
        self.hline(left, right, table_top);
        self.header(laid, table_top);
        y += laid.header_height;
        self.hline(left, right, y);
        for row in &laid.rows[rows.clone()] {
            self.row(laid, row, y, |c| sheet.columns[c].align);
            y += row.height;
            self.hline(left, right, y);
        }
        // Column rules of the header and the rows, one stroke each; a rule between two columns
        // of one group starts below the group's title.
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
            self.vline(x, from, y);
        }
        if let Some(amount) = sheet.amount_column {
            let page_total: i64 = sheet
                .amounts_fen
                .get(rows.clone())
                .map_or(0, |a| a.iter().sum());
            let summary_top = y;
            y = self.summary(laid, amount, "本页小计", page_total, y);
            if place.last_of_sheet {
                y = self.summary(laid, amount, "合计", sheet.amounts_fen.iter().sum(), y);
            }
            for x in [
                left,
                laid.col_x[amount],
                laid.col_x[amount] + laid.col_w[amount],
                right,
            ] {
                self.vline(x, summary_top, y);
            }
        }

        y += 6.0;
        for line in &sheet.footer {
            self.text(line, FOOTER, left, y + FOOTER * ASCENT);
            y += FOOTER * 1.6;
        }
        let bottom = self.height - MARGIN - PAGE_NUMBER_BLOCK + FOOTER * ASCENT + FOOTER;
        self.text_centered(
            &format!("第 {} 页 共 {} 页", place.number, place.of),
            FOOTER,
            width / 2.0,
            bottom,
        );
    }

    /// The header: group titles over their columns with a rule below them, then each column's
    /// title, centred in its cell (spanning both rows when no group is over it).
    fn header(&mut self, laid: &Layout, top: f32) {
        for g in &laid.groups {
            let x = laid.col_x[g.columns.start];
            let w: f32 = laid.col_w[g.columns.clone()].iter().sum();
            self.lines_centered(&g.lines, x, w, top, laid.group_height);
            self.hline(x, x + w, top + laid.group_height);
        }
        for (c, lines) in laid.header.cells.iter().enumerate() {
            let (cell_top, height) = if laid.grouped[c] {
                (top + laid.group_height, laid.header.height)
            } else {
                (top, laid.header_height)
            };
            self.lines_centered(lines, laid.col_x[c], laid.col_w[c], cell_top, height);
        }
    }

    fn lines_centered(&mut self, lines: &[String], x: f32, w: f32, top: f32, height: f32) {
        let start = top + (height - lines.len() as f32 * LINE) / 2.0;
        for (i, line) in lines.iter().enumerate() {
            let baseline = start + i as f32 * LINE + BODY * ASCENT + (LINE - BODY) / 2.0;
            let tx = x + (w - self.glyphs.width(line, BODY)) / 2.0;
            self.text(line, BODY, tx, baseline);
        }
    }

    /// A total row: its label spans the columns before the amount, the sum sits in the amount
    /// column, right-aligned like the amounts above it.
    fn summary(&mut self, laid: &Layout, amount: usize, label: &str, fen: i64, y: f32) -> f32 {
        let left = laid.col_x[0];
        let right = left + laid.col_w.iter().sum::<f32>();
        let baseline = y + PAD_Y + BODY * ASCENT + (LINE - BODY) / 2.0;
        self.text(label, BODY, left + PAD_X, baseline);
        let text = yuan(fen);
        let x = laid.col_x[amount] + laid.col_w[amount] - PAD_X - self.glyphs.width(&text, BODY);
        self.text(&text, BODY, x, baseline);
        let bottom = y + SUMMARY_ROW;
        self.hline(left, right, bottom);
        bottom
    }

    fn row(&mut self, laid: &Layout, row: &Row, top: f32, align: impl Fn(usize) -> Align) {
        for (c, lines) in row.cells.iter().enumerate() {
            let (x, w) = (laid.col_x[c], laid.col_w[c]);
            for (i, line) in lines.iter().enumerate() {
                let baseline = top + PAD_Y + i as f32 * LINE + BODY * ASCENT + (LINE - BODY) / 2.0;
                let tx = match align(c) {
                    Align::Left => x + PAD_X,
                    Align::Center => x + (w - self.glyphs.width(line, BODY)) / 2.0,
                    Align::Right => x + w - PAD_X - self.glyphs.width(line, BODY),
                };
                self.text(line, BODY, tx, baseline);
            }
        }
    }

    fn text_centered(&mut self, text: &str, size: f32, center: f32, baseline: f32) {
        let w = self.glyphs.width(text, size);
        self.text(text, size, center - w / 2.0, baseline);
    }

    /// Draws `text` with its baseline at `baseline` (from the top), switching to the fallback
    /// face for characters the main face lacks. Coverage was checked during layout.
    fn text(&mut self, text: &str, size: f32, x: f32, baseline: f32) {
        let mut cursor = x;
        let mut run: Vec<Codepoint> = Vec::new();
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
            run.push(Codepoint::with_cid(glyph.gid, 0.0, c.to_string()));
            cursor += glyph.advance_em * size;
        }
        if !run.is_empty() {
            self.show(run, run_face, size, run_start, baseline);
        }
    }

    fn show(&mut self, glyphs: Vec<Codepoint>, face: Face, size: f32, x: f32, baseline: f32) {
        if self.face != Some(face) || self.size != size {
            let id = match face {
                Face::Main => self.ids.0.clone(),
                Face::Fallback => self.ids.1.clone(),
            };
            self.text.push(Op::SetFont {
                font: PdfFontHandle::External(id),
                size: Pt(size),
            });
            self.face = Some(face);
            self.size = size;
        }
        self.text.push(Op::SetTextMatrix {
            matrix: TextMatrix::Translate(Pt(x), Pt(self.height - baseline)),
        });
        self.text.push(Op::ShowText {
            items: vec![TextItem::GlyphIds(glyphs)],
        });
    }

    fn hline(&mut self, x1: f32, x2: f32, y: f32) {
        self.line(x1, y, x2, y);
    }

    fn vline(&mut self, x: f32, y1: f32, y2: f32) {
        self.line(x, y1, x, y2);
    }

    fn line(&mut self, x1: f32, y1: f32, x2: f32, y2: f32) {
        let point = |x: f32, y: f32| LinePoint {
            p: Point {
                x: Pt(x),
                y: Pt(self.height - y),
            },
            bezier: false,
        };
        self.lines.push(Op::DrawLine {
            line: Line {
                points: vec![point(x1, y1), point(x2, y2)],
                is_closed: false,
            },
        });
    }
}
