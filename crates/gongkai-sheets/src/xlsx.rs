//! `.xlsx` read by this crate itself rather than by calamine: a 100,000-row list is most of
//! an import's time, and calamine copies every XML event of a sheet, looks each shared string
//! up by its text, and reads the sheet a second time for its merged regions. Here the shared
//! strings are allocated once each and cells hold them by index, and a sheet's XML is
//! inflated and parsed once, in pieces (see `cells`). Cells read as calamine reads them.

mod cells;
mod package;
mod scan;
mod strings;

pub(crate) use package::attribute;
pub(crate) use strings::push_entity;

use crate::{Sheet, SheetsError};

/// Every sheet of the workbook (or only `only_sheet`), merged regions filled.
pub(crate) fn read_sheets(
    file: &str,
    bytes: &[u8],
    only_sheet: Option<&str>,
) -> Result<Vec<Sheet>, SheetsError> {
    let damaged = |detail: String| SheetsError::Damaged {
        file: file.to_owned(),
        detail,
    };
    let mut package = package::Package::open(bytes).map_err(damaged)?;
    let parts = package.parts().map_err(damaged)?;
    let names: Vec<String> = parts.sheets.iter().map(|(n, _, _)| n.clone()).collect();
    crate::workbook::check_sheet_name(file, &names, only_sheet)?;
    let strings = match &parts.shared_strings {
        Some(part) => {
            strings::shared_strings(package.stream(part).map_err(damaged)?).map_err(damaged)?
        }
        None => Vec::new(),
    };
    let date_styles = match &parts.styles {
        Some(part) => strings::date_styles(&package.small(part).map_err(damaged)?),
        None => Vec::new(),
    };
    let tables = cells::Tables {
        strings: &strings,
        date_styles: &date_styles,
        date1904: parts.date1904,
    };
    // Cells held in rows over all sheets; every row is as wide as its last cell.
    let mut allocated = 0usize;
    let mut sheets = Vec::new();
    for (name, part, hidden) in parts
        .sheets
        .iter()
        .filter(|(n, _, _)| only_sheet.is_none_or(|w| w == n))
    {
        let source = package.stream(part).map_err(damaged)?;
        let read =
            cells::read(source, &tables, &mut allocated).map_err(|refusal| match refusal {
                cells::Refusal::Damaged(detail) => damaged(format!("{part}：{detail}")),
                cells::Refusal::TooSpread(last_row, column) => SheetsError::TooSpread {
                    file: file.to_owned(),
                    sheet: u32::try_from(sheets.len() + 1).unwrap_or(u32::MAX),
                    last_row,
                    last_column: crate::column_letter(column as usize),
                },
            })?;
        let mut sheet = crate::workbook::sheet_with_merges(file, name, read.rows, read.merges)?;
        sheet.hidden = *hidden;
        sheets.push(sheet);
    }
    Ok(sheets)
}
