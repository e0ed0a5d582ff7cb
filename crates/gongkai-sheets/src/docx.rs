//! The tables of a Word `.docx` as sheets: counties send catalogs and plans as tables in Word as
//! often as in Excel. Each table of the document body (`word/document.xml`, nested tables
//! included, in document order) becomes a sheet named 表格1, 表格2… whose rows are numbered
//! from 1 as the table's rows. A cell spanning columns (`gridSpan`) or continuing a vertical
//! merge (`vMerge`) becomes a merged region, so callers meet Word's merges exactly as Excel's.
//! A paragraph break inside a cell is a line break of the cell's text. The paragraphs just above
//! a table (a title, “一、社会救助领域”) are its [`Sheet::heading`]: a county's Word catalog
//! often gives each domain its own table under such a heading.

use std::io::{Cursor, Read};

use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};
use zip::ZipArchive;

use crate::shared_text::SharedText;
use crate::xlsx::attribute;
use crate::{Cell, Merge, Row, Sheet, SheetsError};

/// The body part of a Word package.
pub(crate) const DOCUMENT_PART: &str = "word/document.xml";

/// A document body larger than this inflated is refused: no real catalog comes near it, and a
/// zip bomb would otherwise be inflated whole.
const MAX_DOCUMENT_BYTES: u64 = 64 * 1024 * 1024;

/// The most grid cells the tables of one document may hold, as many as an `.xlsx` may: a
/// cell spanning 64 columns (`gridSpan`), repeated, would otherwise turn a small file into
/// billions of cells.
const MAX_GRID_CELLS: usize = 65_536 * 60;

/// Whether a zip package is a Word document (holds the body part) rather than a workbook.
pub(crate) fn is_word_package(bytes: &[u8]) -> bool {
    ZipArchive::new(Cursor::new(bytes)).is_ok_and(|zip| {
        zip.file_names()
            .any(|n| n.is_ok_and(|n| n == DOCUMENT_PART))
    })
}

/// Every table of the document as a sheet, merged regions filled. A document without tables is
/// refused by name, since a caller reading tables has nothing to go on.
pub(crate) fn read_tables(file: &str, bytes: &[u8]) -> Result<Vec<Sheet>, SheetsError> {
    let damaged = |detail: String| SheetsError::Damaged {
        file: file.to_owned(),
        detail,
    };
    let mut zip = ZipArchive::new(Cursor::new(bytes)).map_err(|e| damaged(e.to_string()))?;
    let mut xml = Vec::new();
    zip.by_name(DOCUMENT_PART)
        .map_err(|e| damaged(format!("{DOCUMENT_PART}：{e}")))?
        .take(MAX_DOCUMENT_BYTES + 1)
        .read_to_end(&mut xml)
        .map_err(|e| damaged(format!("{DOCUMENT_PART}：{e}")))?;
    if xml.len() as u64 > MAX_DOCUMENT_BYTES {
        return Err(damaged(format!("{DOCUMENT_PART} 超过 64 MB")));
    }
    let tables = parse(&xml).map_err(|e| damaged(format!("{DOCUMENT_PART}：{e}")))?;
    if tables.is_empty() {
        return Err(SheetsError::NoTables {
            file: file.to_owned(),
        });
    }
    tables
        .into_iter()
        .enumerate()
        .map(|(i, mut table)| {
            let heading = std::mem::take(&mut table.heading);
            let (rows, merges) = table.into_rows();
            let mut sheet =
                crate::workbook::sheet_with_merges(file, &format!("表格{}", i + 1), rows, merges)?;
            sheet.heading = heading;
            Ok(sheet)
        })
        .collect()
}

/// A cell as Word declares it: its text, how many grid columns it spans, and whether it
/// continues the vertical merge of the cell above.
struct WordCell {
    text: String,
    span: usize,
    continues_above: bool,
}

#[derive(Default)]
struct Table {
    rows: Vec<Vec<WordCell>>,
    /// The body's paragraphs between the table before it and this one, the last few kept.
    heading: Vec<String>,
}

impl Table {
    /// Cells placed on the grid; spans and vertical merges as regions (rows numbered from 1).
    fn into_rows(self) -> (Vec<Row>, Vec<Merge>) {
        let mut shared = SharedText::default();
        let mut rows = Vec::new();
        let mut merges: Vec<Merge> = Vec::new();
        // The open vertical region per grid column: index into `merges`.
        let mut open: Vec<Option<usize>> = Vec::new();
        for (i, word_row) in self.rows.into_iter().enumerate() {
            let number = u32::try_from(i + 1).unwrap_or(u32::MAX);
            let mut cells = Vec::new();
            for word_cell in word_row {
                let first_col = cells.len();
                let last_col = first_col + word_cell.span.max(1) - 1;
                if open.len() <= last_col {
                    open.resize(last_col + 1, None);
                }
                if word_cell.continues_above
                    && let Some(region) = open[first_col]
                {
                    merges[region].last_row = number;
                } else {
                    merges.push(Merge {
                        first_row: number,
                        last_row: number,
                        first_col,
                        last_col,
                    });
                    let region = merges.len() - 1;
                    for slot in &mut open[first_col..=last_col] {
                        *slot = Some(region);
                    }
                }
                let value = if word_cell.continues_above || word_cell.text.trim().is_empty() {
                    Cell::Empty
                } else {
                    shared.cell(&word_cell.text)
                };
                cells.push(value);
                cells.extend(std::iter::repeat_n(Cell::Empty, last_col - first_col));
            }
            rows.push(Row::new(number, cells));
        }
        merges.retain(|m| m.first_row != m.last_row || m.first_col != m.last_col);
        (rows, merges)
    }
}

/// The tables of the body in document order (a nested table after the one holding it).
fn parse(xml: &[u8]) -> Result<Vec<Table>, String> {
    let mut reader = Reader::from_reader(xml);
    reader.config_mut().check_end_names = false;
    let mut buf = Vec::new();
    // Finished tables by the order they started in: a nested table ends before its outer one.
    let mut done: Vec<(usize, Table)> = Vec::new();
    let mut started = 0usize;
    let mut order = Vec::new();
    // Tables being read, innermost last; each with its current row and cell.
    let mut stack: Vec<(Table, Vec<WordCell>, Option<WordCell>)> = Vec::new();
    let mut in_text = false;
    // Grid cells over all tables, each column a span covers counted.
    let mut grid_cells = 0usize;
    // The body paragraph being read (outside any table) and those read since the last table.
    let mut paragraph = String::new();
    let mut above: Vec<String> = Vec::new();
    loop {
        let event = reader
            .read_event_into(&mut buf)
            .map_err(|e| e.to_string())?;
        match event {
            Event::Start(tag) => match tag.local_name().as_ref() {
                "tbl" => {
                    let heading = if stack.is_empty() {
                        std::mem::take(&mut above)
                    } else {
                        Vec::new()
                    };
                    stack.push((
                        Table {
                            heading,
                            ..Table::default()
                        },
                        Vec::new(),
                        None,
                    ));
                    order.push(started);
                    started += 1;
                }
                "tr" => {
                    if let Some((_, row, _)) = stack.last_mut() {
                        row.clear();
                    }
                }
                "tc" => {
                    if let Some((_, _, cell)) = stack.last_mut() {
                        *cell = Some(WordCell {
                            text: String::new(),
                            span: 1,
                            continues_above: false,
                        });
                    }
                }
                "t" => in_text = true,
                _ => cell_property(&tag, &mut stack),
            },
            Event::Empty(tag) => match tag.local_name().as_ref() {
                "br" | "cr" => push_text(&mut stack, &mut paragraph, "\n"),
                "tab" => push_text(&mut stack, &mut paragraph, "\t"),
                _ => cell_property(&tag, &mut stack),
            },
            Event::End(tag) => match tag.local_name().as_ref() {
                "t" => in_text = false,
                "p" => {
                    // Paragraphs of a cell are its lines.
                    if let Some((_, _, Some(cell))) = stack.last_mut() {
                        cell.text.push('\n');
                    } else if stack.is_empty() {
                        let text = paragraph.trim();
                        if !text.is_empty() {
                            if above.len() == crate::HEADING_PARAGRAPHS {
                                above.remove(0);
                            }
                            above.push(text.to_owned());
                        }
                        paragraph.clear();
                    }
                }
                "tc" => {
                    if let Some((_, row, cell)) = stack.last_mut()
                        && let Some(mut cell) = cell.take()
                    {
                        grid_cells += cell.span;
                        if grid_cells > MAX_GRID_CELLS {
                            return Err(format!(
                                "表格共有超过 {MAX_GRID_CELLS} 个单元格（文件可能已损坏或被恶意构造）"
                            ));
                        }
                        cell.text = cell.text.trim_end_matches('\n').to_owned();
                        row.push(cell);
                    }
                }
                "tr" => {
                    if let Some((table, row, _)) = stack.last_mut() {
                        table.rows.push(std::mem::take(row));
                    }
                }
                "tbl" => {
                    if let (Some((table, _, _)), Some(at)) = (stack.pop(), order.pop()) {
                        done.push((at, table));
                    }
                }
                _ => {}
            },
            Event::Text(t) if in_text => {
                push_text(&mut stack, &mut paragraph, &t.xml10_content());
            }
            Event::CData(t) if in_text => push_text(&mut stack, &mut paragraph, &t),
            Event::GeneralRef(r) if in_text => {
                let mut text = String::new();
                crate::xlsx::push_entity(&r, &mut text)?;
                push_text(&mut stack, &mut paragraph, &text);
            }
            Event::Eof => break,
            _ => {}
        }
        buf.clear();
    }
    if !stack.is_empty() {
        return Err("表格未结束（文件不完整）".to_owned());
    }
    done.sort_by_key(|(at, _)| *at);
    Ok(done.into_iter().map(|(_, table)| table).collect())
}

/// Text goes to the cell being read, or outside tables to the body paragraph (bounded: only a
/// heading's first words matter, and a hostile paragraph must not grow without end).
fn push_text(
    stack: &mut [(Table, Vec<WordCell>, Option<WordCell>)],
    paragraph: &mut String,
    text: &str,
) {
    if let Some((_, _, Some(cell))) = stack.last_mut() {
        cell.text.push_str(text);
    } else if stack.is_empty() && paragraph.len() < MAX_HEADING_BYTES {
        paragraph.push_str(text);
    }
}

/// The most of one body paragraph kept for a heading.
const MAX_HEADING_BYTES: usize = 1024;

/// `w:gridSpan w:val="2"` and `w:vMerge` (no value or `continue`: continues the cell above).
fn cell_property(tag: &BytesStart<'_>, stack: &mut [(Table, Vec<WordCell>, Option<WordCell>)]) {
    let Some((_, _, Some(cell))) = stack.last_mut() else {
        return;
    };
    match tag.local_name().as_ref() {
        "gridSpan" => {
            cell.span = attribute(tag, "val")
                .and_then(|v| v.parse::<usize>().ok())
                .unwrap_or(1)
                .clamp(1, 64);
        }
        "vMerge" => {
            cell.continues_above = attribute(tag, "val").is_none_or(|v| v == "continue");
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use std::io::Write;
    use std::path::Path;

    use crate::{SheetsError, read_bytes};

    #[test]
    fn an_office_file_under_a_password_is_named_as_such() {
        // What Office writes for an encrypted .xlsx/.docx: an OLE container, not a zip.
        let mut container = cfb::CompoundFile::create(std::io::Cursor::new(Vec::new())).unwrap();
        container
            .create_stream("/EncryptionInfo")
            .unwrap()
            .write_all(b"\x04\x00\x04\x00")
            .unwrap();
        container
            .create_stream("/EncryptedPackage")
            .unwrap()
            .write_all(&[7; 64])
            .unwrap();
        container.flush().unwrap();
        let bytes = container.into_inner().into_inner();
        let error = read_bytes(Path::new("目录.xlsx"), bytes, None).expect_err("encrypted");
        assert!(matches!(error, SheetsError::Encrypted { .. }), "{error}");
        assert!(error.to_string().contains("加密"), "{error}");
    }

    #[test]
    fn the_paragraphs_above_a_table_are_its_heading() {
        let p = |t: &str| format!("<w:p><w:r><w:t>{t}</w:t></w:r></w:p>");
        let tbl = |t: &str| format!("<w:tbl><w:tr><w:tc>{}</w:tc></w:tr></w:tbl>", p(t));
        let body = format!(
            r#"<w:body xmlns:w="w">{}{}{}{}{}{}<w:p/>{}{}</w:body>"#,
            p("前言一"),
            p("前言二"),
            p("示范县乡镇政务公开事项标准目录"),
            p("一、社会救助领域"),
            tbl("低保"),
            p("二、就业领域"),
            tbl("岗位"),
            tbl("紧接的表")
        );
        let tables = super::parse(body.as_bytes()).unwrap();
        let headings: Vec<Vec<String>> = tables.into_iter().map(|t| t.heading).collect();
        assert_eq!(
            headings,
            [
                vec![
                    "前言二".to_owned(),
                    "示范县乡镇政务公开事项标准目录".to_owned(),
                    "一、社会救助领域".to_owned()
                ],
                vec!["二、就业领域".to_owned()],
                Vec::new()
            ]
        );
    }

    #[test]
    fn tables_spanning_more_cells_than_a_workbook_holds_are_refused() {
        let cell = r#"<w:tc><w:tcPr><w:gridSpan w:val="64"/></w:tcPr><w:p/></w:tc>"#;
        let row = format!("<w:tr>{}</w:tr>", cell.repeat(100));
        let rows = super::MAX_GRID_CELLS / 6400 + 1;
        let body = format!(
            r#"<w:body xmlns:w="w"><w:tbl>{}</w:tbl></w:body>"#,
            row.repeat(rows)
        );
        let error = super::parse(body.as_bytes()).err().unwrap_or_default();
        assert!(error.contains("超过"), "{error}");
    }

    #[test]
    fn nested_tables_follow_the_table_holding_them() {
        let tables = super::parse(
            br#"<w:body xmlns:w="w"><w:tbl><w:tr><w:tc><w:p><w:r><w:t>A&amp;B</w:t></w:r></w:p>
            <w:tbl><w:tr><w:tc><w:p><w:r><w:t>inner</w:t></w:r></w:p></w:tc></w:tr></w:tbl>
            </w:tc></w:tr></w:tbl><w:tbl><w:tr><w:tc><w:p><w:r><w:t>second</w:t></w:r></w:p></w:tc></w:tr></w:tbl></w:body>"#,
        )
        .unwrap();
        let first_cells: Vec<String> = tables.iter().map(|t| t.rows[0][0].text.clone()).collect();
        assert_eq!(first_cells, ["A&B", "inner", "second"]);
    }
}
