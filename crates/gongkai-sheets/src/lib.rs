//! Reads the files finance and the 一卡通 system send — `.xlsx`, legacy `.xls` (BIFF8) and `.csv`
//! in UTF-8 (with or without BOM), GBK or GB18030 — into plain grids of cells.
//!
//! Nothing here knows about payouts. Cells keep what the file held: text stays text, and numbers
//! stay numbers, so the caller can tell an ID number typed as text from one Excel already
//! rounded to a float.

mod csv_text;
mod docx;
mod error;
mod merges;
mod notes;
mod shared_text;
mod workbook;
mod xls_guard;
mod xlsx;

use std::sync::Arc;

pub use error::SheetsError;
pub use notes::starts_a_note;
pub use workbook::{read, read_bytes};

/// One cell as the file stored it. Text is shared: every cell showing one of the workbook's
/// shared strings (a village, a project, a name that recurs) holds the same allocation, and a
/// 100,000-row list is held in a third of the memory owned strings took.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Empty,
    Text(Arc<str>),
    Integer(i64),
    /// A floating-point number as Excel stores it. Read amounts from
    /// [`Cell::display_text`], never by arithmetic on the float.
    Number(f64),
    Bool(bool),
    /// Dates and times, already rendered as text.
    Date(Arc<str>),
    /// A formula error such as `#VALUE!`.
    Error(Arc<str>),
}

impl Cell {
    /// The cell as a person reads it: text trimmed, numbers in their shortest exact decimal form
    /// (`1234.5`, `3.60982199001011e17`).
    pub fn display_text(&self) -> String {
        match self {
            Cell::Empty => String::new(),
            Cell::Text(s) => s.trim().to_owned(),
            Cell::Integer(i) => i.to_string(),
            Cell::Number(f) => format!("{f}"),
            Cell::Bool(b) => if *b { "是" } else { "否" }.to_owned(),
            Cell::Date(s) | Cell::Error(s) => s.to_string(),
        }
    }

    /// As [`Cell::display_text`], borrowed from the cell when it holds text (most cells of a
    /// list: no allocation per cell read).
    pub fn shown(&self) -> std::borrow::Cow<'_, str> {
        match self {
            Cell::Text(s) => std::borrow::Cow::Borrowed(s.trim()),
            other => std::borrow::Cow::Owned(other.display_text()),
        }
    }

    pub fn is_blank(&self) -> bool {
        match self {
            Cell::Empty => true,
            Cell::Text(s) => s.trim().is_empty(),
            _ => false,
        }
    }
}

/// A row with the number the spreadsheet shows for it (1-based; for CSV the line number).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Row {
    pub number: u32,
    pub cells: Vec<Cell>,
    /// `copied[c]` is true when cell `c` holds the value of a merged region's top-left cell
    /// rather than a value of its own (see [`Sheet::merges`]). Empty when the row has none.
    pub copied: Vec<bool>,
}

impl Row {
    pub fn new(number: u32, cells: Vec<Cell>) -> Self {
        Row {
            number,
            cells,
            copied: Vec::new(),
        }
    }

    pub fn cell(&self, column: usize) -> &Cell {
        self.cells.get(column).unwrap_or(&Cell::Empty)
    }

    pub fn is_blank(&self) -> bool {
        self.cells.iter().all(Cell::is_blank)
    }

    /// Whether cell `column` was filled from a merged region rather than written in this row.
    pub fn is_copied(&self, column: usize) -> bool {
        self.copied.get(column).copied().unwrap_or(false)
    }

    /// Whether the row holds anything of its own: a row inside a merged region whose other
    /// cells are empty says nothing by itself.
    pub fn has_own_content(&self) -> bool {
        self.cells
            .iter()
            .enumerate()
            .any(|(c, cell)| !cell.is_blank() && !self.is_copied(c))
    }
}

/// A merged region as the spreadsheet shows it: rows by their numbers (1-based), columns by
/// index (0 = A), both ends inclusive.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Merge {
    pub first_row: u32,
    pub last_row: u32,
    pub first_col: usize,
    pub last_col: usize,
}

impl Merge {
    pub fn contains(&self, row: u32, column: usize) -> bool {
        (self.first_row..=self.last_row).contains(&row)
            && (self.first_col..=self.last_col).contains(&column)
    }

    /// `A3:A12`, as Excel names the region.
    pub fn reference(&self) -> String {
        format!(
            "{}{}:{}{}",
            column_letter(self.first_col),
            self.first_row,
            column_letter(self.last_col),
            self.last_row
        )
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Sheet {
    pub name: String,
    /// In row order. Rows with nothing in them may be left out (`.xlsx`, `.csv`); each row
    /// carries its own number. Every cell of a merged region holds the region's value (finance
    /// merges 村名, 组别, 补贴项目 and 标准 over the rows they apply to), marked as copied.
    pub rows: Vec<Row>,
    /// The merged regions as the file declares them (`.xlsx`, `.xls`; none for CSV).
    pub merges: Vec<Merge>,
    /// The workbook hides the sheet (Excel's 隐藏 or “very hidden”): a person opening the file
    /// does not see it, so callers reading what a person reads leave it out.
    pub hidden: bool,
    /// For a table of a Word document: the paragraphs just above it (after the table before
    /// it, at most [`HEADING_PARAGRAPHS`]), such as “一、社会救助领域” or the title
    /// “2021年店下镇政务公开工作要点任务分解表”, which Word keeps outside the table. Empty
    /// for workbooks.
    pub heading: Vec<String>,
}

/// How many of the paragraphs above a Word table are kept as its heading: a title and a
/// section heading, not the pages of prose a 工作要点 carries before its table.
pub const HEADING_PARAGRAPHS: usize = 3;

impl Sheet {
    /// The merged region that covers a cell, if any.
    pub fn merge_at(&self, row: u32, column: usize) -> Option<&Merge> {
        self.merges.iter().find(|m| m.contains(row, column))
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Workbook {
    /// The file name shown in messages (not the full path).
    pub file_name: String,
    pub sheets: Vec<Sheet>,
}

/// Spreadsheet column letters as Excel shows them: 0 → A, 25 → Z, 26 → AA.
pub fn column_letter(index: usize) -> String {
    let mut n = index + 1;
    let mut letters = Vec::new();
    while n > 0 {
        let rem = (n - 1) % 26;
        letters.push(char::from(b'A' + rem as u8));
        n = (n - 1) / 26;
    }
    letters.iter().rev().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn column_letters() {
        assert_eq!(column_letter(0), "A");
        assert_eq!(column_letter(25), "Z");
        assert_eq!(column_letter(26), "AA");
        assert_eq!(column_letter(701), "ZZ");
        assert_eq!(column_letter(702), "AAA");
    }

    #[test]
    fn a_cell_is_three_words() {
        // 100,000 rows of 11 columns are 1.1 million cells: each word more is 9 MB.
        assert!(size_of::<Cell>() <= 24, "{}", size_of::<Cell>());
    }

    #[test]
    fn numbers_display_in_shortest_exact_form() {
        assert_eq!(Cell::Number(1234.5).display_text(), "1234.5");
        assert_eq!(
            Cell::Number(0.1 + 0.2).display_text(),
            "0.30000000000000004"
        );
        assert_eq!(
            Cell::Number(3.60982199001011e17).display_text(),
            "360982199001011000"
        );
        assert_eq!(Cell::Text(" 东山村 ".into()).shown(), "东山村");
        assert_eq!(Cell::Number(104.5).shown(), "104.5");
    }
}
