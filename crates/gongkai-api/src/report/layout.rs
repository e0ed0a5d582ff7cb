//! The report as a document: the six sections in order, 表二/三/四 in the national layout
//! (表三's three stub columns with 三、本年度办理结果 and each （三）–（六）group merged down
//! their rows, the 申请人情况 and 法人或其他组织 headers over their columns; 表四's 行政复议 and
//! 行政诉讼 over two header levels). The tables are laid out once as positioned cells and
//! handed to the PDF writer (gongkai-print) and the Word writer (gongkai-docx) alike.

use gongkai_docx::{Align as DocxAlign, Cell, Document, Paragraph, Table};
use gongkai_print::{Align, GridCell, GridTable, ReportBlock, ReportDocument};

use crate::wire;

/// A table as positioned cells on a grid of weighted columns.
pub(crate) struct Grid {
    pub name: String,
    pub columns: Vec<u32>,
    pub rows: usize,
    pub header_rows: usize,
    pub cells: Vec<Placed>,
    pub font_size: f32,
}

pub(crate) struct Placed {
    pub row: usize,
    pub column: usize,
    pub row_span: usize,
    pub col_span: usize,
    pub text: String,
    pub left: bool,
}

impl Grid {
    fn new(name: &str, columns: Vec<u32>, header_rows: usize, font_size: f32) -> Self {
        Grid {
            name: name.to_owned(),
            columns,
            rows: 0,
            header_rows,
            cells: Vec::new(),
            font_size,
        }
    }

    fn put(&mut self, row: usize, column: usize, spans: (usize, usize), text: impl Into<String>) {
        self.rows = self.rows.max(row + spans.0);
        self.cells.push(Placed {
            row,
            column,
            row_span: spans.0,
            col_span: spans.1,
            text: text.into(),
            left: false,
        });
    }

    fn put_left(
        &mut self,
        row: usize,
        column: usize,
        spans: (usize, usize),
        text: impl Into<String>,
    ) {
        self.put(row, column, spans, text);
        if let Some(cell) = self.cells.last_mut() {
            cell.left = true;
        }
    }

    fn print(&self) -> GridTable {
        GridTable {
            name: self.name.clone(),
            columns: self.columns.iter().map(|&w| w as f32).collect(),
            rows: self.rows,
            header_rows: self.header_rows,
            font_size: self.font_size,
            cells: self
                .cells
                .iter()
                .map(|c| {
                    GridCell::new(c.row, c.column, c.text.clone())
                        .span(c.row_span, c.col_span)
                        .align(if c.left { Align::Left } else { Align::Center })
                })
                .collect(),
        }
    }

    fn docx(&self) -> Table {
        let mut table = Table::new(self.name.clone(), self.columns.clone());
        table.header_rows = self.header_rows;
        table.font_pt = self.font_size;
        for row in 0..self.rows {
            let mut cells: Vec<&Placed> = self.cells.iter().filter(|c| c.row == row).collect();
            cells.sort_by_key(|c| c.column);
            table.row(
                cells
                    .into_iter()
                    .map(|c| {
                        Cell::new(c.text.clone())
                            .span(c.col_span, c.row_span)
                            .align(if c.left {
                                DocxAlign::Left
                            } else {
                                DocxAlign::Center
                            })
                    })
                    .collect(),
            );
        }
        table
    }
}

pub(crate) fn table2(parts: &[wire::Table2PartView]) -> Vec<Grid> {
    parts
        .iter()
        .map(|part| {
            let width = part.columns.len();
            let mut columns = vec![3];
            columns.extend(std::iter::repeat_n(
                if width > 2 { 2 } else { 5 },
                width.saturating_sub(1),
            ));
            let mut grid = Grid::new(&format!("表二{}", part.caption), columns, 2, 10.5);
            grid.put(0, 0, (1, width), part.caption.clone());
            for (column, title) in part.columns.iter().enumerate() {
                grid.put(1, column, (1, 1), title.clone());
            }
            for (index, row) in part.rows.iter().enumerate() {
                grid.put(2 + index, 0, (1, 1), row.label.clone());
                for (column, cell) in row.cells.iter().enumerate() {
                    grid.put(2 + index, 1 + column, (1, 1), cell.clone());
                }
            }
            grid
        })
        .collect()
}

pub(crate) fn table3(table: &wire::Table3View) -> Grid {
    const STUB: usize = 3;
    let data = table.columns.len();
    // Room for three characters in each count column, twelve in the row labels.
    let mut columns = vec![4, 6, 17];
    columns.extend(std::iter::repeat_n(5, data));
    let mut grid = Grid::new("表三", columns, 3, 9.0);
    grid.put(0, 0, (3, STUB), table.note.clone());
    grid.put(0, STUB, (1, data), table.supergroup.clone());
    let mut column = 0;
    while column < data {
        let at = STUB + column;
        match &table.columns[column].group {
            None => {
                grid.put(1, at, (2, 1), table.columns[column].label.clone());
                column += 1;
            }
            Some(group) => {
                let span = table.columns[column..]
                    .iter()
                    .take_while(|c| c.group.as_ref() == Some(group))
                    .count();
                grid.put(1, at, (1, span), group.clone());
                for (offset, member) in table.columns[column..column + span].iter().enumerate() {
                    grid.put(2, at + offset, (1, 1), member.label.clone());
                }
                column += span;
            }
        }
    }
    let rows = &table.rows;
    for (index, row) in rows.iter().enumerate() {
        let at = grid.header_rows + index;
        let starts_run =
            |same: &dyn Fn(&wire::Table3RowView) -> bool| index == 0 || !same(&rows[index - 1]);
        let run = |same: &dyn Fn(&wire::Table3RowView) -> bool| {
            rows[index..].iter().take_while(|r| same(r)).count()
        };
        if row.level == 0 {
            grid.put_left(at, 0, (1, STUB), row.label.clone());
        } else {
            let under_three = |r: &wire::Table3RowView| r.level >= 1;
            if starts_run(&under_three) {
                let label = rows[index..]
                    .iter()
                    .find(|r| r.level == 1)
                    .and_then(|r| r.parent.clone())
                    .unwrap_or_default();
                grid.put(at, 0, (run(&under_three), 1), label);
            }
            if row.level == 1 {
                grid.put_left(at, 1, (1, 2), row.label.clone());
            } else {
                let parent = row.parent.clone();
                let same_group = |r: &wire::Table3RowView| r.level == 2 && r.parent == parent;
                if starts_run(&same_group) {
                    grid.put(
                        at,
                        1,
                        (run(&same_group), 1),
                        parent.clone().unwrap_or_default(),
                    );
                }
                grid.put_left(at, 2, (1, 1), row.label.clone());
            }
        }
        for (offset, count) in row.cells.iter().enumerate() {
            grid.put(at, STUB + offset, (1, 1), count.to_string());
        }
    }
    grid
}

pub(crate) fn table4(table: &wire::Table4View) -> Grid {
    let per_group = table.columns.len();
    let width = per_group * table.groups.len();
    let mut grid = Grid::new("表四", vec![1; width], 3, 9.0);
    let mut index = 0;
    while index < table.groups.len() {
        let group = &table.groups[index];
        let at = index * per_group;
        match &group.parent {
            None => {
                grid.put(0, at, (2, per_group), group.label.clone());
                index += 1;
            }
            Some(parent) => {
                let span = table.groups[index..]
                    .iter()
                    .take_while(|g| g.parent.as_ref() == Some(parent))
                    .count();
                grid.put(0, at, (1, span * per_group), parent.clone());
                for (offset, member) in table.groups[index..index + span].iter().enumerate() {
                    grid.put(
                        1,
                        at + offset * per_group,
                        (1, per_group),
                        member.label.clone(),
                    );
                }
                index += span;
            }
        }
    }
    for (g, group) in table.groups.iter().enumerate() {
        for (c, title) in table.columns.iter().enumerate() {
            grid.put(2, g * per_group + c, (1, 1), title.clone());
        }
        for (c, count) in group.cells.iter().enumerate() {
            grid.put(3, g * per_group + c, (1, 1), count.to_string());
        }
    }
    grid
}

/// What the document says, section by section.
pub(crate) struct Content<'a> {
    pub title: &'a str,
    pub sections: &'a [String],
    pub overview: &'a str,
    pub problems_text: &'a str,
    pub other_text: &'a str,
    pub tables: &'a wire::ReportTables,
    pub issuer: &'a str,
    pub date: &'a str,
}

/// The sections in order: prose, or the section's tables.
enum Section {
    Prose(String),
    Tables(Vec<Grid>),
}

fn sections(content: &Content<'_>) -> Vec<(String, Section)> {
    let tables = content.tables;
    let bodies = [
        Section::Prose(content.overview.to_owned()),
        Section::Tables(table2(&tables.table2)),
        Section::Tables(vec![table3(&tables.table3)]),
        Section::Tables(vec![table4(&tables.table4)]),
        Section::Prose(content.problems_text.to_owned()),
        Section::Prose(content.other_text.to_owned()),
    ];
    content.sections.iter().cloned().zip(bodies).collect()
}

pub(crate) fn pdf_document(content: &Content<'_>) -> ReportDocument {
    let mut blocks = Vec::new();
    for (heading, body) in sections(content) {
        blocks.push(ReportBlock::Heading(heading));
        match body {
            Section::Prose(text) => blocks.push(ReportBlock::Paragraph(text)),
            Section::Tables(grids) => {
                blocks.extend(grids.iter().map(|grid| ReportBlock::Table(grid.print())));
            }
        }
    }
    blocks.push(ReportBlock::Signature {
        issuer: content.issuer.to_owned(),
        date: content.date.to_owned(),
    });
    ReportDocument {
        title: content.title.to_owned(),
        blocks,
    }
}

pub(crate) fn docx_document(content: &Content<'_>) -> Document {
    let mut doc = Document::new(content.title);
    doc.push(Paragraph::title(content.title))
        .push(Paragraph::plain(""));
    for (heading, body) in sections(content) {
        doc.push(Paragraph::heading(1, heading));
        match body {
            Section::Prose(text) => {
                for paragraph in text.lines().map(str::trim).filter(|p| !p.is_empty()) {
                    doc.push(Paragraph::body(paragraph));
                }
            }
            Section::Tables(grids) => {
                for grid in &grids {
                    doc.table(grid.docx());
                }
            }
        }
    }
    doc.push(Paragraph::plain(""))
        .push(signature_line(content.issuer))
        .push(signature_line(content.date));
    doc
}

/// A 落款 line: flush right, four characters in from the edge (GB/T 9704).
fn signature_line(text: &str) -> Paragraph {
    Paragraph::body(text)
        .align(DocxAlign::Right)
        .first_line_indent(0)
        .right_indent(4)
}
