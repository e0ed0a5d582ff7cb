use std::io::Cursor;
use std::path::Path;

use calamine::{Data, Dimensions, Reader, Xls, open_workbook_from_rs};

use crate::shared_text::SharedText;
use crate::{Cell, Merge, Row, Sheet, SheetsError, Workbook, csv_text, merges};

const ZIP_MAGIC: &[u8] = b"PK\x03\x04";

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
    if bytes.is_empty() {
        return Err(SheetsError::Empty { file });
    }
    // “%PDF-” within the first kilobyte, where readers look for it.
    if bytes[..bytes.len().min(1024)]
        .windows(5)
        .any(|w| w == b"%PDF-")
    {
        return Err(SheetsError::Pdf { file });
    }
    let sheets = if bytes.starts_with(ZIP_MAGIC) && crate::docx::is_word_package(&bytes) {
        guarded(&file, || crate::docx::read_tables(&file, &bytes))?
    } else if bytes.starts_with(ZIP_MAGIC) {
        guarded(&file, || {
            crate::xlsx::read_sheets(&file, &bytes, only_sheet)
        })?
    } else if bytes.starts_with(OLE_MAGIC) && is_encrypted_package(&bytes) {
        return Err(SheetsError::Encrypted { file });
    } else if bytes.starts_with(OLE_MAGIC) {
        guarded(&file, || {
            crate::xls_guard::check(&file, &bytes)?;
            let mut book: Xls<_> =
                open_workbook_from_rs(Cursor::new(bytes)).map_err(|e| match e {
                    calamine::XlsError::Password => SheetsError::Encrypted { file: file.clone() },
                    other => damaged(&other),
                })?;
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

/// Whether an OLE container is an Office file under a password: an encrypted `.xlsx` or
/// `.docx` is stored as an `EncryptedPackage` stream beside its `EncryptionInfo`, and an
/// encrypted `.xls` keeps a `FILEPASS` record, which calamine reports as its own error.
fn is_encrypted_package(bytes: &[u8]) -> bool {
    cfb::CompoundFile::open(Cursor::new(bytes)).is_ok_and(|container| {
        container.exists("/EncryptedPackage") || container.exists("/EncryptionInfo")
    })
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
pub(crate) fn sheet_with_merges(
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
        hidden: false,
        heading: Vec::new(),
    })
}

pub(crate) fn check_sheet_name(
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
    let hidden: Vec<String> = book
        .sheets_metadata()
        .iter()
        .filter(|s| s.visible != calamine::SheetVisible::Visible)
        .map(|s| s.name.clone())
        .collect();
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
        let mut sheet = sheet_with_merges(file, name, rows, from_dimensions(&regions))?;
        sheet.hidden = hidden.contains(name);
        sheets.push(sheet);
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
