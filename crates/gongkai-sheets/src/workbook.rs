use std::collections::HashMap;
use std::io::Cursor;
use std::path::Path;

use calamine::{Data, DataRef, Dimensions, Reader, Xls, Xlsx, open_workbook_from_rs};

use crate::shared_text::SharedText;
use crate::{Cell, Merge, Row, Sheet, SheetsError, Workbook, csv_text, merges};

const ZIP_MAGIC: &[u8] = b"PK\x03\x04";

/// Excel's last column is XFD (16,384 columns).
const MAX_COLUMNS: u32 = 16_384;
/// The most cells the rows of one `.xlsx` may hold, over all its sheets: a full 65,536-row
/// sheet of 60 columns, like the `.xls` guard; a 100,000-row list of 12 columns is 1.2 million.
const MAX_CELLS: usize = 65_536 * 60;
const OLE_MAGIC: &[u8] = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1";

/// Reads every sheet of the file (or only `only_sheet`). The format is recognised from the
/// content, not the extension: a `.xls` that is really `.xlsx` (common after renaming) still opens.
pub fn read(path: &Path, only_sheet: Option<&str>) -> Result<Workbook, SheetsError> {
    let file = file_name(path);
    let bytes = std::fs::read(path).map_err(|source| SheetsError::Io {
        file: file.clone(),
        source,
    })?;
    read_bytes(path, bytes, only_sheet)
}

/// The name messages use for `path`: the file name, not the whole path.
fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string())
}

/// As [`read`], for a caller that already holds the file's bytes (to fingerprint them, say).
/// `path` names the file in messages and tells CSV from other text.
pub fn read_bytes(
    path: &Path,
    bytes: Vec<u8>,
    only_sheet: Option<&str>,
) -> Result<Workbook, SheetsError> {
    let file = file_name(path);
    let damaged = |e: &dyn std::fmt::Display| SheetsError::Damaged {
        file: file.clone(),
        detail: e.to_string(),
    };
    let sheets = if bytes.starts_with(ZIP_MAGIC) {
        guarded(&file, || {
            let mut merges =
                crate::xlsx_merges::read(&bytes, only_sheet).map_err(|e| damaged(&e))?;
            let mut book: Xlsx<_> =
                open_workbook_from_rs(Cursor::new(bytes)).map_err(|e| damaged(&e))?;
            read_xlsx_sheets(&mut book, &file, only_sheet, &mut merges, &damaged)
        })?
    } else if bytes.starts_with(OLE_MAGIC) {
        guarded(&file, || {
            crate::xls_guard::check(&file, &bytes)?;
            let mut book: Xls<_> =
                open_workbook_from_rs(Cursor::new(bytes)).map_err(|e| damaged(&e))?;
            read_xls_sheets(&mut book, &file, only_sheet, &damaged)
        })?
    } else if looks_like_text(path, &bytes) {
        vec![csv_text::parse(&file, &csv_text::decode(&file, &bytes)?)?]
    } else {
        return Err(SheetsError::UnknownFormat { file });
    };
    Ok(Workbook {
        file_name: file,
        sheets,
    })
}

/// `.xlsx` cells are streamed into rows as they come: only rows that hold something are kept, so
/// a stray value far below or right of the table costs one row, not the block between.
fn read_xlsx_sheets(
    book: &mut Xlsx<Cursor<Vec<u8>>>,
    file: &str,
    only_sheet: Option<&str>,
    merges: &mut HashMap<String, Vec<Merge>>,
    damaged: &impl Fn(&dyn std::fmt::Display) -> SheetsError,
) -> Result<Vec<Sheet>, SheetsError> {
    // Cells held in rows over all sheets; every row is as wide as its last cell.
    let allocated = &mut 0usize;
    let names = book.sheet_names();
    check_sheet_name(file, &names, only_sheet)?;
    let mut sheets = Vec::new();
    for name in names
        .iter()
        .filter(|n| only_sheet.is_none_or(|w| w == n.as_str()))
    {
        let mut reader = book.worksheet_cells_reader(name).map_err(|e| damaged(&e))?;
        let mut rows: Vec<Row> = Vec::new();
        let mut shared = SharedText::default();
        while let Some(found) = reader.next_cell().map_err(|e| damaged(&e))? {
            let (row, col) = found.get_position();
            let value = match found.get_value() {
                DataRef::SharedString(text) => shared.cell(text),
                DataRef::String(text) => shared.cell(text),
                other => cell(&Data::from(other.clone()), &mut shared),
            };
            if value == Cell::Empty {
                continue;
            }
            // Checked before allocating: a 1.5 KB file naming one cell at column ZZZZZZ would
            // otherwise ask for gigabytes.
            let widening = (col as usize + 1).saturating_sub(
                rows.last()
                    .filter(|r| r.number == row + 1)
                    .map_or(0, |r| r.cells.len()),
            );
            if col >= MAX_COLUMNS || *allocated + widening > MAX_CELLS {
                return Err(SheetsError::TooSpread {
                    file: file.to_owned(),
                    sheet: u32::try_from(sheets.len() + 1).unwrap_or(u32::MAX),
                    last_row: row.saturating_add(1),
                    last_column: crate::column_letter(col as usize),
                });
            }
            *allocated += widening;
            let number = row + 1;
            if rows.last().is_none_or(|r| r.number != number) {
                // Cells arrive in row order in every file Excel, WPS or LibreOffice writes; a
                // file that jumps back is sorted below. A row is as wide as the one before,
                // most likely: room for that many cells is made at once, not grown by doubling.
                let width = rows.last().map_or(0, |r| r.cells.len());
                rows.push(Row::new(number, Vec::with_capacity(width)));
            }
            if let Some(last) = rows.last_mut() {
                let col = col as usize;
                if last.cells.len() <= col {
                    last.cells.resize(col + 1, Cell::Empty);
                }
                last.cells[col] = value;
            }
        }
        if !rows.is_sorted_by_key(|r| r.number) {
            rows.sort_by_key(|r| r.number);
        }
        // Rows wider than the one before grew by doubling; the slack would outlive the read.
        for row in &mut rows {
            row.cells.shrink_to_fit();
        }
        let regions = merges.remove(name.as_str()).unwrap_or_default();
        sheets.push(sheet_with_merges(file, name, rows, regions)?);
    }
    Ok(sheets)
}

/// `.xls` merged regions as calamine reads them (0-based) → rows as Excel numbers them.
fn from_dimensions(regions: &[Dimensions]) -> Vec<Merge> {
    regions
        .iter()
        .filter(|d| d.start.0 <= d.end.0 && d.start.1 <= d.end.1)
        .map(|d| Merge {
            first_row: d.start.0.saturating_add(1),
            last_row: d.end.0.saturating_add(1),
            first_col: d.start.1 as usize,
            last_col: d.end.1 as usize,
        })
        .collect()
}

/// The sheet with its merged regions filled in.
fn sheet_with_merges(
    file: &str,
    name: &str,
    mut rows: Vec<Row>,
    merges: Vec<Merge>,
) -> Result<Sheet, SheetsError> {
    merges::fill(file, name, &mut rows, &merges)?;
    Ok(Sheet {
        name: name.to_owned(),
        rows,
        merges,
    })
}

fn check_sheet_name(
    file: &str,
    names: &[String],
    only_sheet: Option<&str>,
) -> Result<(), SheetsError> {
    if let Some(wanted) = only_sheet
        && !names.iter().any(|n| n == wanted)
    {
        return Err(SheetsError::NoSuchSheet {
            file: file.to_owned(),
            sheet: wanted.to_owned(),
            available: names.join("、"),
        });
    }
    Ok(())
}

fn read_xls_sheets(
    book: &mut Xls<Cursor<Vec<u8>>>,
    file: &str,
    only_sheet: Option<&str>,
    damaged: &impl Fn(&dyn std::fmt::Display) -> SheetsError,
) -> Result<Vec<Sheet>, SheetsError> {
    let names = book.sheet_names();
    check_sheet_name(file, &names, only_sheet)?;
    let mut sheets = Vec::new();
    for name in names
        .iter()
        .filter(|n| only_sheet.is_none_or(|w| w == n.as_str()))
    {
        let range = book.worksheet_range(name).map_err(|e| damaged(&e))?;
        let (first_row, first_col) = range.start().unwrap_or((0, 0));
        let mut shared = SharedText::default();
        let rows = range
            .rows()
            .enumerate()
            .map(|(i, cells)| {
                Row::new(
                    first_row + i as u32 + 1,
                    std::iter::repeat_n(Cell::Empty, first_col as usize)
                        .chain(cells.iter().map(|c| cell(c, &mut shared)))
                        .collect(),
                )
            })
            .collect();
        let regions = book
            .merge_cells_by_sheet_name(name)
            .map_err(|e| damaged(&e))?;
        sheets.push(sheet_with_merges(
            file,
            name,
            rows,
            from_dimensions(&regions),
        )?);
    }
    Ok(sheets)
}

/// Runs a workbook parser that may panic on malformed input (fuzzing found calamine's `.xls`
/// container reader slicing out of bounds): a damaged file is an error to report, not a crash.
fn guarded(
    file: &str,
    parse: impl FnOnce() -> Result<Vec<Sheet>, SheetsError>,
) -> Result<Vec<Sheet>, SheetsError> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(parse)).unwrap_or_else(|_| {
        Err(SheetsError::Damaged {
            file: file.to_owned(),
            detail: "文件结构不完整".to_owned(),
        })
    })
}

fn cell(data: &Data, shared: &mut SharedText) -> Cell {
    match data {
        Data::Empty => Cell::Empty,
        Data::String(s) => shared.cell(s),
        Data::Int(i) => Cell::Integer(*i),
        Data::Float(f) => Cell::Number(*f),
        Data::Bool(b) => Cell::Bool(*b),
        Data::DateTime(d) => Cell::Date(
            d.as_datetime()
                .map(|t| t.date().to_string())
                .unwrap_or_else(|| d.to_string())
                .into(),
        ),
        Data::DateTimeIso(s) | Data::DurationIso(s) => Cell::Date(s.as_str().into()),
        Data::Error(e) => Cell::Error(e.to_string().into()),
    }
}

/// CSV is whatever is not a workbook but reads as text: no NUL bytes in its first kilobytes.
fn looks_like_text(path: &Path, bytes: &[u8]) -> bool {
    let csv_name = path
        .extension()
        .is_some_and(|e| matches!(e.to_ascii_lowercase().to_str(), Some("csv" | "txt")));
    let head = &bytes[..bytes.len().min(4096)];
    let utf16 = head.starts_with(b"\xFF\xFE") || head.starts_with(b"\xFE\xFF");
    csv_name && (utf16 || !head.contains(&0))
}
