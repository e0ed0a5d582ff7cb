//! Merged regions: every cell of a region is given the region's value, marked as copied, so a
//! village name merged over its twenty people reaches each of them.

use std::collections::BTreeSet;

use crate::{Cell, Merge, Row, SheetsError};

/// The most cells one sheet's merges may fill. A real list fills a few per person; a damaged or
/// hostile file can declare a region over the whole grid, which filling would turn into billions
/// of cells.
const MAX_FILLED_CELLS: u64 = 4_000_000;

/// Fills `rows` (sorted by number) from `merges`. Regions are clipped to the rows and columns
/// that hold anything: filling past the table would only invent rows of copies.
pub(crate) fn fill(
    file: &str,
    sheet: &str,
    rows: &mut Vec<Row>,
    merges: &[Merge],
) -> Result<(), SheetsError> {
    let (Some(last_row), Some(width)) = (
        rows.last().map(|r| r.number),
        rows.iter().map(|r| r.cells.len()).max(),
    ) else {
        return Ok(());
    };
    let clipped: Vec<Merge> = merges
        .iter()
        .filter_map(|m| {
            let clip = Merge {
                last_row: m.last_row.min(last_row),
                last_col: m.last_col.min(width.saturating_sub(1)),
                ..*m
            };
            let single = clip.first_row == clip.last_row && clip.first_col == clip.last_col;
            (clip.first_row <= clip.last_row && clip.first_col <= clip.last_col && !single)
                .then_some(clip)
        })
        .collect();
    let cells: u64 = clipped
        .iter()
        .map(|m| u64::from(m.last_row - m.first_row + 1) * (m.last_col - m.first_col + 1) as u64)
        .sum();
    if cells > MAX_FILLED_CELLS {
        return Err(SheetsError::MergesTooLarge {
            file: file.to_owned(),
            sheet: sheet.to_owned(),
        });
    }

    // Rows inside a region that hold nothing are absent from a streamed sheet: add them first.
    let present: BTreeSet<u32> = rows.iter().map(|r| r.number).collect();
    let missing: BTreeSet<u32> = clipped
        .iter()
        .flat_map(|m| m.first_row..=m.last_row)
        .filter(|n| !present.contains(n))
        .collect();
    if !missing.is_empty() {
        rows.extend(missing.into_iter().map(|n| Row::new(n, Vec::new())));
        rows.sort_by_key(|r| r.number);
    }

    for merge in &clipped {
        let Ok(top) = rows.binary_search_by_key(&merge.first_row, |r| r.number) else {
            continue;
        };
        let value = rows[top].cell(merge.first_col).clone();
        if value.is_blank() {
            continue;
        }
        let end = rows.partition_point(|r| r.number <= merge.last_row);
        for row in &mut rows[top..end] {
            for column in merge.first_col..=merge.last_col {
                if row.number == merge.first_row && column == merge.first_col {
                    continue;
                }
                set_copied(row, column, value.clone());
            }
        }
    }
    Ok(())
}

fn set_copied(row: &mut Row, column: usize, value: Cell) {
    if row.cells.len() <= column {
        row.cells.resize(column + 1, Cell::Empty);
    }
    if row.copied.len() <= column {
        row.copied.resize(column + 1, false);
    }
    row.cells[column] = value;
    row.copied[column] = true;
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(t: &str) -> Cell {
        Cell::Text(t.into())
    }

    #[test]
    fn a_village_merged_down_reaches_every_row_even_rows_absent_from_the_stream() {
        let mut rows = vec![
            Row::new(3, vec![text("东山村"), text("张三")]),
            Row::new(4, vec![Cell::Empty, text("李四")]),
            // row 5 held only the merged (blank) part of the village cell: not streamed
            Row::new(6, vec![Cell::Empty, text("王五")]),
        ];
        let merge = Merge {
            first_row: 3,
            last_row: 6,
            first_col: 0,
            last_col: 0,
        };
        fill("清册.xlsx", "Sheet1", &mut rows, &[merge]).unwrap();
        let numbers: Vec<u32> = rows.iter().map(|r| r.number).collect();
        assert_eq!(numbers, [3, 4, 5, 6]);
        for row in &rows {
            assert_eq!(row.cell(0), &text("东山村"), "row {}", row.number);
            assert_eq!(row.is_copied(0), row.number != 3);
        }
        assert!(!rows[2].has_own_content());
        assert!(rows[1].has_own_content());
    }

    #[test]
    fn a_region_over_the_whole_grid_is_clipped_or_refused() {
        let mut rows = vec![Row::new(1, vec![text("标题"), Cell::Empty])];
        let huge = Merge {
            first_row: 1,
            last_row: 1_048_576,
            first_col: 0,
            last_col: 16_383,
        };
        fill("a.xlsx", "S", &mut rows, &[huge]).unwrap();
        assert_eq!(rows.len(), 1, "clipped to the table");
        assert_eq!(rows[0].cell(1), &text("标题"));

        let mut tall: Vec<Row> = (1..=3000)
            .map(|n| Row::new(n, vec![text("x"); 2000]))
            .collect();
        let whole = Merge {
            first_row: 1,
            last_row: 3000,
            first_col: 0,
            last_col: 1999,
        };
        let err = fill("a.xlsx", "S", &mut tall, &[whole]).unwrap_err();
        assert!(err.to_string().contains("合并单元格"), "{err}");
    }
}
