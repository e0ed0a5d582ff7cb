//! A sheet's cells, streamed from its XML: inflated a piece at a time, each piece cut after
//! its last complete row and parsed in place (no copy of the text of each tag), the rows built
//! as the cells come. The merged regions (`<mergeCell>`, after the cells) are read in the
//! same pass.

use std::io::Read;
use std::sync::Arc;

use calamine::{ExcelDateTime, ExcelDateTimeType};
use memchr::memmem;

use super::scan::{self, Token};
use crate::shared_text::SharedText;
use crate::{Cell, Merge, Row};

/// Bytes inflated at a time.
const CHUNK: usize = 1024 * 1024;
/// The most XML held waiting for the end of a row (or, after the cells, for the end of the
/// sheet: a sheet with 100,000 merged regions has about 3 MB of them).
const MAX_PENDING: usize = 32 * 1024 * 1024;
/// Excel's last column is XFD (16,384 columns).
const MAX_COLUMNS: u32 = 16_384;
/// The most cells the rows of one `.xlsx` may hold, over all its sheets: a full 65,536-row
/// sheet of 60 columns, like the `.xls` guard; a 100,000-row list of 12 columns is 1.2 million.
pub(crate) const MAX_CELLS: usize = 65_536 * 60;

/// The workbook-wide tables cells refer to.
pub(crate) struct Tables<'t> {
    pub strings: &'t [Arc<str>],
    pub date_styles: &'t [Option<ExcelDateTimeType>],
    pub date1904: bool,
}

pub(crate) struct SheetCells {
    pub rows: Vec<Row>,
    pub merges: Vec<Merge>,
}

/// Why a sheet was not read.
#[derive(Debug)]
pub(crate) enum Refusal {
    /// A detail for the "damaged file" message.
    Damaged(String),
    /// A cell past the last column, or more cells than any list holds: (row number, column).
    TooSpread(u32, u32),
}

impl From<String> for Refusal {
    fn from(detail: String) -> Self {
        Refusal::Damaged(detail)
    }
}

/// Reads one sheet. `allocated` counts the cells held in rows over all sheets read so far.
pub(crate) fn read(
    mut source: impl Read,
    tables: &Tables<'_>,
    allocated: &mut usize,
) -> Result<SheetCells, Refusal> {
    let mut parser = Parser {
        tables,
        inline_text: SharedText::default(),
        allocated,
        rows: Vec::new(),
        merges: Vec::new(),
        next_row: 0,
        next_col: 0,
        cell: None,
        value: String::new(),
        inline: String::new(),
        in_value: false,
        in_inline: false,
        in_inline_text: false,
        in_phonetic: false,
    };
    let mut pending: Vec<u8> = Vec::with_capacity(2 * CHUNK);
    loop {
        let held = pending.len();
        pending.resize(held + CHUNK, 0);
        let mut filled = held;
        let mut at_end = false;
        while filled < pending.len() {
            match source.read(&mut pending[filled..]) {
                Ok(0) => {
                    at_end = true;
                    break;
                }
                Ok(n) => filled += n,
                Err(e) => return Err(Refusal::Damaged(e.to_string())),
            }
        }
        pending.truncate(filled);
        let cut = if at_end {
            pending.len()
        } else {
            match after_last_row_end(&pending) {
                Some(cut) => cut,
                None if pending.len() > MAX_PENDING => {
                    return Err(Refusal::Damaged(
                        "工作表中有一行或合并单元格信息过长".to_owned(),
                    ));
                }
                None => continue,
            }
        };
        parser.feed(&pending[..cut])?;
        pending.drain(..cut);
        if at_end {
            break;
        }
    }
    let mut rows = parser.rows;
    if !rows.is_sorted_by_key(|r| r.number) {
        rows.sort_by_key(|r| r.number);
    }
    // Rows wider than the one before grew by doubling; the slack would outlive the read.
    for row in &mut rows {
        row.cells.shrink_to_fit();
    }
    Ok(SheetCells {
        rows,
        merges: parser.merges,
    })
}

/// The offset just after the last `</row>` (any namespace prefix) in `xml`: the XML before it
/// holds only whole rows, whatever piece it was inflated in.
fn after_last_row_end(xml: &[u8]) -> Option<usize> {
    memmem::rfind_iter(xml, b"row>").find_map(|at| {
        let before = &xml[..at];
        let closing = before.ends_with(b"</")
            || before.ends_with(b":")
                && before[..before.len() - 1]
                    .iter()
                    .rposition(|b| !(b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-' | b'.')))
                    .is_some_and(|p| p >= 1 && before[p] == b'/' && before[p - 1] == b'<');
        closing.then_some(at + b"row>".len())
    })
}

/// A cell's declared type (`t`).
#[derive(Debug, Clone, Copy)]
enum Kind {
    /// `s`: an index into the shared strings.
    Shared,
    /// `n` (`explicit`) or none: a number; without a type, text that is not one stays text.
    Number {
        explicit: bool,
    },
    Bool,
    Error,
    /// `str`: a formula's text.
    FormulaText,
    /// `inlineStr`: the text is in `<is>`.
    Inline,
    /// `d`: an ISO 8601 date.
    IsoDate,
}

/// A cell begun and not yet ended: where, its type and style.
#[derive(Debug, Clone, Copy)]
struct Pending {
    row: u32,
    col: u32,
    kind: Kind,
    style: Option<usize>,
    has_value: bool,
    has_inline: bool,
}

struct Parser<'t, 'a> {
    tables: &'t Tables<'t>,
    /// Text that is not a shared string (inline, a formula's) shared as the other readers do.
    inline_text: SharedText,
    allocated: &'a mut usize,
    rows: Vec<Row>,
    merges: Vec<Merge>,
    /// Where a row or cell without an `r` attribute is: after the one before (0-based).
    next_row: u32,
    next_col: u32,
    cell: Option<Pending>,
    /// The text of the cell's `<v>`.
    value: String,
    /// The text of the cell's `<is>` (its `<t>` elements, phonetic runs left out).
    inline: String,
    in_value: bool,
    in_inline: bool,
    in_inline_text: bool,
    in_phonetic: bool,
}

impl Parser<'_, '_> {
    fn feed(&mut self, xml: &[u8]) -> Result<(), Refusal> {
        scan::tokens(xml, |token| match token {
            Token::Start {
                local,
                attributes,
                empty,
            } => self.start(local, attributes, empty),
            Token::End { local } => self.end(local),
            Token::Text(raw) => match self.collecting() {
                Some(out) => scan::text_into(raw, out).map_err(Refusal::Damaged),
                None => Ok(()),
            },
            Token::CData(raw) => match self.collecting() {
                Some(out) => {
                    out.push_str(&String::from_utf8_lossy(raw));
                    Ok(())
                }
                None => Ok(()),
            },
        })
    }

    /// Where text read now belongs, if anywhere.
    fn collecting(&mut self) -> Option<&mut String> {
        if self.in_value {
            Some(&mut self.value)
        } else if self.in_inline_text && !self.in_phonetic {
            Some(&mut self.inline)
        } else {
            None
        }
    }

    fn start(
        &mut self,
        local: &[u8],
        attributes: &scan::Attributes<'_>,
        empty: bool,
    ) -> Result<(), Refusal> {
        match local {
            b"row" => {
                for &(name, value) in attributes {
                    if name == b"r" {
                        let number = number(value)
                            .ok_or_else(|| Refusal::from("行号无法识别".to_owned()))?;
                        self.next_row = number.saturating_sub(1);
                    }
                }
                self.next_col = 0;
                if empty {
                    self.end(b"row")?;
                }
            }
            b"c" => {
                let mut cell = Pending {
                    row: self.next_row,
                    col: self.next_col,
                    kind: Kind::Number { explicit: false },
                    style: None,
                    has_value: false,
                    has_inline: false,
                };
                for &(name, value) in attributes {
                    match name {
                        b"r" => {
                            let (row, col) = position(value).ok_or_else(|| {
                                Refusal::Damaged(format!(
                                    "单元格位置“{}”无法识别",
                                    String::from_utf8_lossy(value)
                                ))
                            })?;
                            (cell.row, cell.col) = (row, col);
                        }
                        b"s" => cell.style = number(value).map(|s| s as usize),
                        b"t" => {
                            cell.kind = match value {
                                b"s" => Kind::Shared,
                                b"n" => Kind::Number { explicit: true },
                                b"b" => Kind::Bool,
                                b"e" => Kind::Error,
                                b"str" => Kind::FormulaText,
                                b"inlineStr" => Kind::Inline,
                                b"d" => Kind::IsoDate,
                                other => {
                                    return Err(Refusal::Damaged(format!(
                                        "单元格类型“{}”无法识别",
                                        String::from_utf8_lossy(other)
                                    )));
                                }
                            }
                        }
                        _ => {}
                    }
                }
                self.next_col = cell.col.saturating_add(1);
                self.next_row = cell.row;
                if !empty {
                    self.cell = Some(cell);
                }
            }
            b"v" if !empty => {
                if let Some(cell) = &mut self.cell {
                    cell.has_value = true;
                    self.in_value = true;
                    self.value.clear();
                }
            }
            b"is" => {
                if let Some(cell) = &mut self.cell {
                    cell.has_inline = true;
                    self.in_inline = !empty;
                    self.inline.clear();
                }
            }
            b"t" if !empty && self.in_inline => self.in_inline_text = true,
            b"rPh" if !empty => self.in_phonetic = true,
            b"mergeCell" => {
                for &(name, value) in attributes {
                    if name == b"ref"
                        && let Some(merge) = std::str::from_utf8(value).ok().and_then(merge_range)
                    {
                        self.merges.push(merge);
                    }
                }
            }
            _ => {}
        }
        Ok(())
    }

    fn end(&mut self, local: &[u8]) -> Result<(), Refusal> {
        match local {
            b"v" => self.in_value = false,
            b"t" => self.in_inline_text = false,
            b"rPh" => self.in_phonetic = false,
            b"is" => self.in_inline = false,
            b"c" => {
                if let Some(cell) = self.cell.take() {
                    let value = self.value(&cell)?;
                    self.place(cell.row, cell.col, value)?;
                }
                self.in_value = false;
                self.in_inline = false;
                self.in_inline_text = false;
            }
            b"row" => {
                self.next_row = self.next_row.saturating_add(1);
                self.next_col = 0;
            }
            _ => {}
        }
        Ok(())
    }

    /// The cell's value as the file means it (the same reading calamine gives).
    fn value(&mut self, cell: &Pending) -> Result<Cell, Refusal> {
        if cell.has_inline {
            return Ok(self
                .inline_text
                .cell(&super::strings::unescaped(&self.inline)));
        }
        if !cell.has_value {
            return Ok(Cell::Empty);
        }
        let text = self.value.as_str();
        Ok(match cell.kind {
            Kind::Inline => Cell::Empty,
            Kind::Shared if text.is_empty() => Cell::Empty,
            Kind::Shared => {
                let index = number(text.as_bytes()).map(|i| i as usize);
                match index.and_then(|i| self.tables.strings.get(i)) {
                    Some(shared) => Cell::Text(Arc::clone(shared)),
                    None => {
                        return Err(Refusal::Damaged(format!("共享字符串“{text}”不存在")));
                    }
                }
            }
            Kind::Bool => match text {
                "1" | "true" => Cell::Bool(true),
                "0" | "false" => Cell::Bool(false),
                _ => return Err(Refusal::Damaged(format!("逻辑值“{text}”无法识别"))),
            },
            Kind::Error => Cell::Error(text.into()),
            Kind::IsoDate => Cell::Date(text.into()),
            Kind::FormulaText => self.inline_text.cell(&super::strings::unescaped(text)),
            Kind::Number { .. } if text.is_empty() => Cell::Empty,
            Kind::Number { explicit } => match text.parse::<f64>() {
                Ok(n) => match cell
                    .style
                    .and_then(|s| self.tables.date_styles.get(s).copied().flatten())
                {
                    Some(kind) => {
                        let date = ExcelDateTime::new(n, kind, self.tables.date1904);
                        Cell::Date(
                            date.as_datetime()
                                .map(|t| t.date().to_string())
                                .unwrap_or_else(|| date.to_string())
                                .into(),
                        )
                    }
                    None => Cell::Number(n),
                },
                Err(_) if !explicit => self.inline_text.cell(text),
                Err(_) => return Err(Refusal::Damaged(format!("数值“{text}”无法识别"))),
            },
        })
    }

    /// Puts a cell into its row, refusing before allocating a sheet spread too far.
    fn place(&mut self, row: u32, col: u32, value: Cell) -> Result<(), Refusal> {
        if value == Cell::Empty {
            return Ok(());
        }
        let number = row.saturating_add(1);
        // Checked before allocating: a 1.5 KB file naming one cell at column ZZZZZZ would
        // otherwise ask for gigabytes.
        let widening = (col as usize + 1).saturating_sub(
            self.rows
                .last()
                .filter(|r| r.number == number)
                .map_or(0, |r| r.cells.len()),
        );
        if col >= MAX_COLUMNS || *self.allocated + widening > MAX_CELLS {
            return Err(Refusal::TooSpread(number, col));
        }
        *self.allocated += widening;
        if self.rows.last().is_none_or(|r| r.number != number) {
            // Cells arrive in row order in every file Excel, WPS or LibreOffice writes; a file
            // that jumps back is sorted at the end. A row is as wide as the one before, most
            // likely: room for that many cells is made at once, not grown by doubling.
            let width = self.rows.last().map_or(0, |r| r.cells.len());
            self.rows.push(Row::new(number, Vec::with_capacity(width)));
        }
        if let Some(last) = self.rows.last_mut() {
            let col = col as usize;
            if last.cells.len() <= col {
                last.cells.resize(col + 1, Cell::Empty);
            }
            last.cells[col] = value;
        }
        Ok(())
    }
}

/// A decimal number of ASCII digits.
fn number(digits: &[u8]) -> Option<u32> {
    if digits.is_empty() || digits.len() > 10 {
        return None;
    }
    digits.iter().try_fold(0u32, |n, d| {
        d.is_ascii_digit()
            .then(|| n.checked_mul(10)?.checked_add(u32::from(d - b'0')))
            .flatten()
    })
}

/// `AB12` → (11, 27), row and column 0-based. Columns past XFD are kept (saturating), for the
/// caller to refuse; `$` signs are ignored.
fn position(reference: &[u8]) -> Option<(u32, u32)> {
    let (mut col, mut row) = (0u32, 0u32);
    let (mut letters, mut digits) = (0usize, 0usize);
    for &b in reference {
        match b {
            b'$' => {}
            b'A'..=b'Z' | b'a'..=b'z' if digits == 0 => {
                letters += 1;
                col = col
                    .saturating_mul(26)
                    .saturating_add(u32::from(b.to_ascii_uppercase() - b'A') + 1);
            }
            b'0'..=b'9' if letters > 0 => {
                digits += 1;
                row = row.checked_mul(10)?.checked_add(u32::from(b - b'0'))?;
            }
            _ => return None,
        }
    }
    (digits > 0 && row >= 1).then(|| (row - 1, col - 1))
}

/// `B3:D7` → the region (rows 1-based, columns 0-based); a single cell `B3` is a region of one.
/// Rows beyond Excel's 1,048,576 or columns beyond XFD are refused.
fn merge_range(text: &str) -> Option<Merge> {
    let (first, last) = text.split_once(':').unwrap_or((text, text));
    let cell = |t: &str| {
        position(t.trim().as_bytes())
            .filter(|&(row, col)| row < 1_048_576 && col < MAX_COLUMNS)
            .map(|(row, col)| (row + 1, col as usize))
    };
    let (first_row, first_col) = cell(first)?;
    let (last_row, last_col) = cell(last)?;
    Some(Merge {
        first_row: first_row.min(last_row),
        last_row: first_row.max(last_row),
        first_col: first_col.min(last_col),
        last_col: first_col.max(last_col),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tables() -> (Vec<Arc<str>>, Vec<Option<ExcelDateTimeType>>) {
        (
            vec![Arc::from("东山村"), Arc::from("张三")],
            vec![None, Some(ExcelDateTimeType::DateTime)],
        )
    }

    fn read_xml(xml: &str) -> Result<SheetCells, Refusal> {
        let (strings, date_styles) = tables();
        let tables = Tables {
            strings: &strings,
            date_styles: &date_styles,
            date1904: false,
        };
        read(xml.as_bytes(), &tables, &mut 0)
    }

    #[test]
    fn cell_references() {
        assert_eq!(position(b"A1"), Some((0, 0)));
        assert_eq!(position(b"$AB$12"), Some((11, 27)));
        assert_eq!(position(b"XFD1048576"), Some((1_048_575, 16_383)));
        assert_eq!(position(b"XFE1").map(|p| p.1), Some(16_384));
        assert_eq!(position(b"A0"), None);
        assert_eq!(position(b"12"), None);
        assert_eq!(merge_range("XFE1:XFE2"), None);
        assert_eq!(
            merge_range("D7:B3"),
            Some(Merge {
                first_row: 3,
                last_row: 7,
                first_col: 1,
                last_col: 3
            })
        );
    }

    #[test]
    fn the_end_of_the_last_whole_row_with_or_without_a_prefix() {
        assert_eq!(
            after_last_row_end(b"<row r=\"1\"><c/></row><row r=\"2\"><c"),
            Some(21)
        );
        assert_eq!(
            after_last_row_end(b"<x:row><x:c/></x:row><x:row>"),
            Some(21)
        );
        assert_eq!(after_last_row_end(b"<row r=\"1\"><c/>"), None);
        assert_eq!(after_last_row_end(b"</arrow>"), None);
    }

    #[test]
    fn every_kind_of_cell_reads_as_calamine_reads_it() {
        let sheet = read_xml(concat!(
            r#"<worksheet><sheetData><row r="2">"#,
            r#"<c r="A2" t="s"><v>1</v></c>"#,
            r#"<c r="B2"><v>104.5</v></c>"#,
            r#"<c r="C2" s="1"><v>45658</v></c>"#,
            r#"<c r="D2" t="inlineStr"><is><r><t>A&amp;</t></r><r><t>B</t></r></is></c>"#,
            r#"<c r="E2" t="str"><f>A1</f><v>公式</v></c>"#,
            r#"<c r="F2" t="b"><v>1</v></c>"#,
            r#"<c r="G2" t="e"><v>#N/A</v></c>"#,
            r#"<c r="H2" s="1"/>"#,
            r#"<c><v>7</v></c>"#,
            r#"</row><row><c t="s"><v>0</v></c></row></sheetData>"#,
            r#"<mergeCells count="1"><mergeCell ref="A3:A5"/></mergeCells></worksheet>"#
        ))
        .unwrap();
        let row = &sheet.rows[0];
        assert_eq!(row.number, 2);
        assert_eq!(row.cell(0), &Cell::Text("张三".into()));
        assert_eq!(row.cell(1), &Cell::Number(104.5));
        assert_eq!(row.cell(2), &Cell::Date("2025-01-01".into()));
        assert_eq!(row.cell(3), &Cell::Text("A&B".into()));
        assert_eq!(row.cell(4), &Cell::Text("公式".into()));
        assert_eq!(row.cell(5), &Cell::Bool(true));
        assert_eq!(row.cell(6), &Cell::Error("#N/A".into()));
        assert_eq!(row.cell(7), &Cell::Empty);
        assert_eq!(row.cell(8), &Cell::Number(7.0), "after H2 comes I2");
        assert_eq!(sheet.rows[1].number, 3, "a row without a number follows");
        assert_eq!(sheet.rows[1].cell(0), &Cell::Text("东山村".into()));
        assert_eq!(sheet.merges.len(), 1);
    }

    #[test]
    fn rows_cut_across_pieces_read_whole() {
        // More than one piece of XML: every row still arrives whole, in order.
        let rows: String = (1..=40_000)
            .map(|r| format!(r#"<row r="{r}"><c r="A{r}" t="s"><v>{}</v></c><c r="B{r}"><v>{r}</v></c></row>"#, r % 2))
            .collect();
        let xml = format!("<worksheet><sheetData>{rows}</sheetData></worksheet>");
        assert!(xml.len() > 2 * CHUNK);
        let sheet = read_xml(&xml).unwrap();
        assert_eq!(sheet.rows.len(), 40_000);
        for (i, row) in sheet.rows.iter().enumerate() {
            let r = i as u32 + 1;
            assert_eq!(row.number, r);
            assert_eq!(row.cell(1), &Cell::Number(f64::from(r)));
        }
    }

    #[test]
    fn a_missing_shared_string_or_an_unknown_type_is_damage() {
        for xml in [
            r#"<sheetData><row r="1"><c r="A1" t="s"><v>9</v></c></row></sheetData>"#,
            r#"<sheetData><row r="1"><c r="A1" t="zz"><v>9</v></c></row></sheetData>"#,
            r#"<sheetData><row r="1"><c r="1A"><v>9</v></c></row></sheetData>"#,
        ] {
            assert!(matches!(read_xml(xml), Err(Refusal::Damaged(_))), "{xml}");
        }
    }
}
