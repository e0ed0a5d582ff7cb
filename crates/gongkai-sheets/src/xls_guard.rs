//! A look at a legacy `.xls` before calamine parses it.
//!
//! calamine builds each sheet as one dense block spanning the first to the last filled cell. A
//! damaged file (or one with a stray value far from the table) can name cells so far apart that
//! the block needs gigabytes; fuzzing found one asking for 15 GB. This scan reads only the cell
//! records' coordinates and refuses such a sheet with a reason the clerk can act on.

use std::io::{Cursor, Read};

use crate::SheetsError;

/// The largest block (rows × columns) accepted: a full 65,536-row BIFF8 sheet of 60 columns.
const MAX_CELLS: u64 = 65_536 * 60;

/// BIFF8 record types that start with (row, column).
const CELL_RECORDS: [u16; 8] = [
    0x0006, // FORMULA
    0x00BD, // MULRK (first column; the last column ends the record)
    0x00D6, // RSTRING
    0x00FD, // LABELSST
    0x0203, // NUMBER
    0x0204, // LABEL
    0x0205, // BOOLERR
    0x027E, // RK
];
const BOF: u16 = 0x0809;
const EOF: u16 = 0x000A;

#[derive(Default)]
struct Bounds {
    rows: Option<(u32, u32)>,
    cols: Option<(u32, u32)>,
}

impl Bounds {
    fn add(&mut self, row: u32, col: u32) {
        let widen = |b: &mut Option<(u32, u32)>, v: u32| {
            *b = Some(b.map_or((v, v), |(lo, hi)| (lo.min(v), hi.max(v))));
        };
        widen(&mut self.rows, row);
        widen(&mut self.cols, col);
    }

    /// (cells in the block, last row, last column), 1-based as Excel shows them.
    fn size(&self) -> Option<(u64, u32, u32)> {
        let (r0, r1) = self.rows?;
        let (c0, c1) = self.cols?;
        Some((
            u64::from(r1 - r0 + 1) * u64::from(c1 - c0 + 1),
            r1 + 1,
            c1 + 1,
        ))
    }
}

pub(crate) fn check(file: &str, bytes: &[u8]) -> Result<(), SheetsError> {
    let damaged = |detail: String| SheetsError::Damaged {
        file: file.to_owned(),
        detail,
    };
    let mut container =
        cfb::CompoundFile::open(Cursor::new(bytes)).map_err(|e| damaged(e.to_string()))?;
    let name = ["/Workbook", "/Book"]
        .into_iter()
        .find(|n| container.is_stream(n))
        .ok_or_else(|| damaged("没有工作簿数据".to_owned()))?;
    let mut stream = Vec::new();
    container
        .open_stream(name)
        .and_then(|mut s| s.read_to_end(&mut stream))
        .map_err(|e| damaged(e.to_string()))?;

    let mut at = 0;
    let mut depth = 0_u32;
    let mut sheet = 0_u32;
    let mut bounds = Bounds::default();
    while at + 4 <= stream.len() {
        let kind = u16::from_le_bytes([stream[at], stream[at + 1]]);
        let len = usize::from(u16::from_le_bytes([stream[at + 2], stream[at + 3]]));
        let data = stream.get(at + 4..at + 4 + len).unwrap_or(&[]);
        at += 4 + len;
        match kind {
            BOF => {
                depth += 1;
                if depth == 1 {
                    sheet += 1;
                    bounds = Bounds::default();
                }
            }
            EOF => {
                if depth == 1 {
                    refuse_if_too_large(file, sheet, &bounds)?;
                }
                depth = depth.saturating_sub(1);
            }
            k if CELL_RECORDS.contains(&k) && data.len() >= 4 => {
                let row = u32::from(u16::from_le_bytes([data[0], data[1]]));
                let col = u32::from(u16::from_le_bytes([data[2], data[3]]));
                if col > 255 {
                    return Err(damaged(format!(
                        "第 {} 行的列号 {} 超出 .xls 的 256 列",
                        row + 1,
                        col + 1
                    )));
                }
                bounds.add(row, col);
                if k == 0x00BD && data.len() >= 6 {
                    let last = u32::from(u16::from_le_bytes([data[len - 2], data[len - 1]]));
                    if last > 255 {
                        return Err(damaged(format!(
                            "第 {} 行的列号 {} 超出 .xls 的 256 列",
                            row + 1,
                            last + 1
                        )));
                    }
                    bounds.add(row, last);
                }
            }
            _ => {}
        }
    }
    refuse_if_too_large(file, sheet, &bounds)
}

fn refuse_if_too_large(file: &str, sheet: u32, bounds: &Bounds) -> Result<(), SheetsError> {
    match bounds.size() {
        Some((cells, last_row, last_col)) if cells > MAX_CELLS => Err(SheetsError::TooSpread {
            file: file.to_owned(),
            sheet,
            last_row,
            last_column: crate::column_letter(last_col as usize - 1),
        }),
        _ => Ok(()),
    }
}
