//! Tables: rows of cells on a grid of weighted columns. A cell spans columns (`col_span`) and
//! rows (`row_span`); a row lists only the cells that start in it, and the writer fills the
//! places a cell from above covers (Word's `vMerge` continuation cells).

use crate::{Align, DocxError};

/// A ruled table.
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    /// What the table is called in error messages (表三, 申请人情况…).
    pub name: String,
    /// Relative widths of the grid's columns.
    pub columns: Vec<u32>,
    pub rows: Vec<TableRow>,
    /// How many rows at the top are the header, repeated on every page the table runs to.
    pub header_rows: usize,
    /// Font size in points (tables are set smaller than the body).
    pub font_pt: f32,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct TableRow {
    pub cells: Vec<Cell>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Cell {
    pub text: String,
    pub col_span: usize,
    pub row_span: usize,
    pub align: Align,
    pub bold: bool,
}

impl Cell {
    /// A centred cell of one grid place.
    pub fn new(text: impl Into<String>) -> Self {
        Cell {
            text: text.into(),
            col_span: 1,
            row_span: 1,
            align: Align::Center,
            bold: false,
        }
    }

    pub fn span(mut self, columns: usize, rows: usize) -> Self {
        self.col_span = columns.max(1);
        self.row_span = rows.max(1);
        self
    }

    pub fn align(mut self, align: Align) -> Self {
        self.align = align;
        self
    }

    pub fn bold(mut self) -> Self {
        self.bold = true;
        self
    }
}

impl TableRow {
    pub fn new(cells: Vec<Cell>) -> Self {
        TableRow { cells }
    }
}

impl Table {
    /// A table of 10.5 pt (五号) text on columns of the given relative widths.
    pub fn new(name: impl Into<String>, columns: Vec<u32>) -> Self {
        Table {
            name: name.into(),
            columns,
            rows: Vec::new(),
            header_rows: 0,
            font_pt: 10.5,
        }
    }

    pub fn row(&mut self, cells: Vec<Cell>) -> &mut Self {
        self.rows.push(TableRow::new(cells));
        self
    }

    /// Each row as the writer emits it: the cells starting there and the places covered from
    /// above, left to right. Refuses a row that does not fill the grid exactly.
    pub(crate) fn placed_rows(&self) -> Result<Vec<Vec<Placed<'_>>>, DocxError> {
        let width = self.columns.len();
        if width == 0 {
            return Err(DocxError::NoColumns {
                table: self.name.clone(),
            });
        }
        // For each grid column where a cell from above still covers: rows left and its width.
        let mut covering: Vec<Option<(usize, usize)>> = vec![None; width];
        let mut placed_rows = Vec::with_capacity(self.rows.len());
        for (index, row) in self.rows.iter().enumerate() {
            let row_number = index + 1;
            let mut cells = row.cells.iter();
            let mut placed = Vec::new();
            let mut column = 0;
            while column < width {
                if let Some((rows_left, span)) = covering[column] {
                    covering[column] = (rows_left > 1).then_some((rows_left - 1, span));
                    placed.push(Placed::Continued { col_span: span });
                    column += span;
                    continue;
                }
                let Some(cell) = cells.next() else { break };
                let spanned = column..(column + cell.col_span).min(width);
                if covering[spanned].iter().any(Option::is_some) {
                    return Err(DocxError::Overlap {
                        table: self.name.clone(),
                        row: row_number,
                        column: column + 1,
                    });
                }
                if cell.row_span > 1 {
                    if index + cell.row_span > self.rows.len() {
                        return Err(DocxError::RowSpanPastEnd {
                            table: self.name.clone(),
                            row: row_number,
                            column: column + 1,
                        });
                    }
                    covering[column] = Some((cell.row_span - 1, cell.col_span));
                }
                placed.push(Placed::Start(cell));
                column += cell.col_span;
            }
            let leftover: usize = cells.map(|cell| cell.col_span).sum();
            if column != width || leftover > 0 {
                return Err(DocxError::RowWidth {
                    table: self.name.clone(),
                    row: row_number,
                    used: column + leftover,
                    columns: width,
                });
            }
            placed_rows.push(placed);
        }
        Ok(placed_rows)
    }
}

/// A grid place as written: a cell starting here, or the continuation of one from above.
pub(crate) enum Placed<'a> {
    Start(&'a Cell),
    Continued { col_span: usize },
}
