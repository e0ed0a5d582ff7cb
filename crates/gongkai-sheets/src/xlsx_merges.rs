//! The merged regions of `.xlsx` sheets without parsing their cells a second time.
//!
//! A sheet declares its merged regions in `<mergeCells>`, which the schema places after
//! `<sheetData>`. calamine finds them by reading every event of the sheet's XML again, which on
//! a 100,000-row list costs a third of the read. Here the sheet's XML is inflated and only
//! searched for the end of `<sheetData>`; what follows (a few hundred bytes, or a few thousand
//! `<mergeCell>` elements) is parsed as XML.

use std::collections::HashMap;
use std::io::{Cursor, Read};

use quick_xml::events::{BytesStart, Event};
use quick_xml::{Reader, XmlVersion};
use zip::ZipArchive;

use crate::Merge;

/// Bytes inflated at a time while looking for the end of `<sheetData>`.
const CHUNK: usize = 256 * 1024;

/// The most XML after `<sheetData>` kept for parsing: a sheet with 100,000 merged regions has
/// about 3 MB of them.
const MAX_TAIL: usize = 16 * 1024 * 1024;

/// Merged regions of every sheet, or only of `only` (sheets without any are absent). `Err`
/// carries a detail for the "damaged file" message.
pub(crate) fn read(
    bytes: &[u8],
    only: Option<&str>,
) -> Result<HashMap<String, Vec<Merge>>, String> {
    let mut zip = ZipArchive::new(Cursor::new(bytes)).map_err(|e| e.to_string())?;
    let workbook = workbook_path(&mut zip)?;
    let parts = sheet_parts(&mut zip, &workbook)?;
    let mut found = HashMap::new();
    for (name, part) in parts
        .iter()
        .filter(|(name, _)| only.is_none_or(|o| o == name.as_str()))
    {
        let merges = merge_cells(&after_sheet_data(&mut zip, part)?);
        if !merges.is_empty() {
            found.insert(name.clone(), merges);
        }
    }
    Ok(found)
}

fn entry(zip: &mut ZipArchive<Cursor<&[u8]>>, path: &str) -> Result<Vec<u8>, String> {
    let mut file = zip.by_name(path).map_err(|e| format!("{path}：{e}"))?;
    let mut out = Vec::new();
    // The parts read whole here are the workbook and its relationships: small.
    (&mut file)
        .take(MAX_TAIL as u64)
        .read_to_end(&mut out)
        .map_err(|e| format!("{path}：{e}"))?;
    Ok(out)
}

fn attribute(tag: &BytesStart<'_>, local: &str) -> Option<String> {
    tag.attributes().flatten().find_map(|a| {
        (a.key.local_name().as_ref() == local)
            .then(|| {
                a.normalized_value(XmlVersion::Implicit1_0)
                    .ok()
                    .map(|v| v.into_owned())
            })
            .flatten()
    })
}

/// Every start or empty tag of `xml` with the given local name.
fn tags(xml: &[u8], local: &str, mut each: impl FnMut(&BytesStart<'_>)) {
    let mut reader = Reader::from_reader(xml);
    reader.config_mut().check_end_names = false;
    let mut buf = Vec::new();
    loop {
        match reader.read_event_into(&mut buf) {
            Ok(Event::Start(tag) | Event::Empty(tag)) if tag.local_name().as_ref() == local => {
                each(&tag);
            }
            Ok(Event::Eof) | Err(_) => break,
            Ok(_) => {}
        }
        buf.clear();
    }
}

/// The workbook part, as the package's relationships name it (`xl/workbook.xml` by default).
fn workbook_path(zip: &mut ZipArchive<Cursor<&[u8]>>) -> Result<String, String> {
    let mut path = None;
    if let Ok(rels) = entry(zip, "_rels/.rels") {
        tags(&rels, "Relationship", |tag| {
            if attribute(tag, "Type").is_some_and(|t| t.ends_with("/officeDocument")) {
                path = attribute(tag, "Target");
            }
        });
    }
    Ok(path
        .map(|p| p.trim_start_matches('/').to_owned())
        .unwrap_or_else(|| "xl/workbook.xml".to_owned()))
}

/// Sheet name → the zip path of its XML.
fn sheet_parts(
    zip: &mut ZipArchive<Cursor<&[u8]>>,
    workbook: &str,
) -> Result<HashMap<String, String>, String> {
    let (dir, file) = workbook.rsplit_once('/').unwrap_or(("", workbook));
    let rels_path = if dir.is_empty() {
        format!("_rels/{file}.rels")
    } else {
        format!("{dir}/_rels/{file}.rels")
    };
    let mut targets = HashMap::new();
    tags(&entry(zip, &rels_path)?, "Relationship", |tag| {
        if let (Some(id), Some(target)) = (attribute(tag, "Id"), attribute(tag, "Target")) {
            let path = match target.strip_prefix('/') {
                Some(absolute) => absolute.to_owned(),
                None if dir.is_empty() => target,
                None => format!("{dir}/{target}"),
            };
            targets.insert(id, path);
        }
    });
    let mut parts = HashMap::new();
    tags(&entry(zip, workbook)?, "sheet", |tag| {
        if let (Some(name), Some(id)) = (attribute(tag, "name"), attribute(tag, "id"))
            && let Some(path) = targets.get(&id)
        {
            parts.insert(name, path.clone());
        }
    });
    Ok(parts)
}

/// The sheet's XML after the end of `<sheetData>`, inflated chunk by chunk so the cells are
/// never held in memory.
fn after_sheet_data(zip: &mut ZipArchive<Cursor<&[u8]>>, part: &str) -> Result<Vec<u8>, String> {
    let mut file = zip.by_name(part).map_err(|e| format!("{part}：{e}"))?;
    let mut window: Vec<u8> = Vec::with_capacity(CHUNK + 64);
    let mut tail: Option<Vec<u8>> = None;
    let mut chunk = vec![0u8; CHUNK];
    loop {
        let read = file.read(&mut chunk).map_err(|e| format!("{part}：{e}"))?;
        if read == 0 {
            break;
        }
        match &mut tail {
            Some(tail) => {
                tail.extend_from_slice(&chunk[..read]);
                if tail.len() > MAX_TAIL {
                    return Err(format!("{part}：合并单元格信息过多"));
                }
            }
            None => {
                window.extend_from_slice(&chunk[..read]);
                if let Some(end) = sheet_data_end(&window) {
                    tail = Some(window.split_off(end));
                } else {
                    // Keep enough to find an end tag cut by the chunk boundary.
                    let keep = window.len().min(64);
                    window.drain(..window.len() - keep);
                }
            }
        }
    }
    Ok(tail.unwrap_or_default())
}

/// The offset just after `</sheetData>` (any namespace prefix) or an empty `<sheetData/>`.
fn sheet_data_end(xml: &[u8]) -> Option<usize> {
    let finder = memchr::memmem::Finder::new(b"sheetData");
    finder.find_iter(xml).find_map(|at| {
        let after = &xml[at + b"sheetData".len()..];
        let before = &xml[..at];
        let prefix_start = before
            .iter()
            .rposition(|b| !(b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-' | b':')))
            .map_or(0, |p| p + 1);
        let closing = before[..prefix_start].ends_with(b"</")
            && (prefix_start == at || before[at - 1] == b':')
            && after.first() == Some(&b'>');
        let empty = after.starts_with(b"/>");
        (closing || empty).then(|| at + b"sheetData".len() + if empty { 2 } else { 1 })
    })
}

/// `<mergeCell ref="A3:A12"/>` elements → regions (rows 1-based, columns 0-based).
fn merge_cells(xml: &[u8]) -> Vec<Merge> {
    let mut merges = Vec::new();
    tags(xml, "mergeCell", |tag| {
        if let Some(merge) = attribute(tag, "ref").as_deref().and_then(parse_range) {
            merges.push(merge);
        }
    });
    merges
}

/// `B3:D7` → the region; a single cell `B3` is a region of one.
fn parse_range(text: &str) -> Option<Merge> {
    let (first, last) = text.split_once(':').unwrap_or((text, text));
    let (first_row, first_col) = parse_cell(first)?;
    let (last_row, last_col) = parse_cell(last)?;
    Some(Merge {
        first_row: first_row.min(last_row),
        last_row: first_row.max(last_row),
        first_col: first_col.min(last_col),
        last_col: first_col.max(last_col),
    })
}

/// `AB12` → (12, 27). Rows beyond Excel's 1,048,576 or columns beyond XFD are refused.
fn parse_cell(text: &str) -> Option<(u32, usize)> {
    let text = text.trim().replace('$', "");
    let split = text.find(|c: char| c.is_ascii_digit())?;
    let (letters, digits) = text.split_at(split);
    if letters.is_empty() || letters.len() > 3 || !letters.chars().all(|c| c.is_ascii_alphabetic())
    {
        return None;
    }
    let col = letters.chars().fold(0usize, |n, c| {
        n * 26 + (c.to_ascii_uppercase() as usize - 'A' as usize + 1)
    });
    let row: u32 = digits.parse().ok()?;
    ((1..=1_048_576).contains(&row) && (1..=16_384).contains(&col)).then_some((row, col - 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cell_references() {
        assert_eq!(parse_cell("A1"), Some((1, 0)));
        assert_eq!(parse_cell("$AB$12"), Some((12, 27)));
        assert_eq!(parse_cell("XFD1048576"), Some((1_048_576, 16_383)));
        assert_eq!(parse_cell("XFE1"), None);
        assert_eq!(parse_cell("A0"), None);
        assert_eq!(parse_cell("12"), None);
        assert_eq!(
            parse_range("D7:B3"),
            Some(Merge {
                first_row: 3,
                last_row: 7,
                first_col: 1,
                last_col: 3
            })
        );
    }

    #[test]
    fn the_end_of_sheet_data_with_or_without_a_prefix() {
        let plain = b"<sheetData><row/></sheetData><mergeCells>";
        assert_eq!(sheet_data_end(plain), Some(29));
        let prefixed = b"<x:sheetData></x:sheetData><x:mergeCells>";
        assert_eq!(sheet_data_end(prefixed), Some(27));
        let empty = b"<sheetData/><mergeCells>";
        assert_eq!(sheet_data_end(empty), Some(12));
        // The words in a cell's text are not the end.
        assert_eq!(sheet_data_end(b"<sheetData><t>sheetData></t>"), None);
        assert_eq!(
            merge_cells(br#"<mergeCells count="2"><mergeCell ref="A3:A12"/><x:mergeCell ref="B1:C1"/></mergeCells>"#).len(),
            2
        );
    }
}
