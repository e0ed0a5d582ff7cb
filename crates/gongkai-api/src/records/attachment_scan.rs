//! A record's attachment read as text, so the rule its payload meets (no valid resident ID
//! number, `gongkai_sync::check::find_id_number`) reaches the files it carries too: a published
//! record with the finance office's unmasked list attached would put every person's ID on the
//! county's public site.
//!
//! The file is read the ways it can hold digits: its bytes as they are (CSV, text, HTML, XML)
//! and with NULs dropped (UTF-16), each member of a zip (`.xlsx`, `.docx`, `.odt`) with its XML
//! tags removed (Word splits a number over several runs), the cells of a legacy `.xls`, and the
//! text of a PDF's pages with its content streams, the strings shown also read through each
//! font's `ToUnicode` map (this app's own notices encode their glyphs). Inflating is capped, so a crafted archive is
//! refused instead of filling memory.

use std::io::Read;

use gongkai_sync::check::find_id_number_in_text;

/// Bytes a zip member or PDF may inflate to, all members together; a file whose text would be
/// larger cannot be checked, and is refused.
const INFLATED_CAP: u64 = 256 * 1024 * 1024;

/// Text is scanned in pieces of about this many bytes, cut where no digit is, so a
/// 200 MiB attachment never becomes one string of characters.
const PIECE: usize = 1 << 20;

#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Finding {
    /// A valid resident ID number (the full number: callers mask it before showing it).
    IdNumber(String),
    /// The file's text is larger than the cap allows to read.
    Unreadable(String),
}

/// The first ID number in the attachment `bytes`, or why its text could not be read.
pub(crate) fn scan(bytes: &[u8]) -> Option<Finding> {
    if let Some(id) = in_text(&String::from_utf8_lossy(bytes)) {
        return Some(Finding::IdNumber(id));
    }
    let without_nul: Vec<u8> = bytes.iter().copied().filter(|b| *b != 0).collect();
    if without_nul.len() != bytes.len()
        && let Some(id) = in_text(&String::from_utf8_lossy(&without_nul))
    {
        return Some(Finding::IdNumber(id));
    }
    drop(without_nul);
    let inner = if bytes.starts_with(b"PK\x03\x04") {
        zip_text(bytes)
    } else if bytes.starts_with(b"%PDF") {
        pdf_text(bytes)
    } else if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
        Ok(cells_text(bytes))
    } else {
        Ok(String::new())
    };
    match inner {
        Ok(text) => in_text(&text).map(Finding::IdNumber),
        Err(reason) => Some(Finding::Unreadable(reason)),
    }
}

fn in_text(text: &str) -> Option<String> {
    let mut rest = text;
    while !rest.is_empty() {
        let mut cut = rest.len().min(PIECE);
        // Cut after a character that is not a digit, so no number is split between pieces.
        while cut < rest.len() && !ends_a_piece(rest, cut) {
            cut += 1;
        }
        if let Some(id) = find_id_number_in_text(&rest[..cut]) {
            return Some(id);
        }
        rest = &rest[cut..];
    }
    None
}

/// Whether `text` may be cut at byte `at`: a character boundary after a character that is not a
/// digit.
fn ends_a_piece(text: &str, at: usize) -> bool {
    text.is_char_boundary(at)
        && text[..at]
            .chars()
            .next_back()
            .is_none_or(|c| !gongkai_domain::fold_digit(c).is_ascii_digit())
}

fn zip_text(bytes: &[u8]) -> Result<String, String> {
    // A file the parser cannot open is judged by its bytes alone (read above): a damaged or
    // unusual file a clerk needs to attach is not refused for the parser's limits.
    let Ok(mut archive) = zip::ZipArchive::new(std::io::Cursor::new(bytes)) else {
        return Ok(String::new());
    };
    let mut text = String::new();
    let mut budget = INFLATED_CAP;
    for i in 0..archive.len() {
        let Ok(mut member) = archive.by_index(i) else {
            continue;
        };
        let mut content = Vec::new();
        // A member cut short keeps what was inflated before the fault.
        (&mut member)
            .take(budget + 1)
            .read_to_end(&mut content)
            .ok();
        budget = budget
            .checked_sub(content.len() as u64)
            .ok_or_else(too_large)?;
        text.push_str(&without_tags(&String::from_utf8_lossy(&content)));
        text.push('\n');
    }
    Ok(text)
}

/// XML with its tags removed: the text of `<w:t>3415</w:t></w:r><w:r><w:t>02…` joined.
fn without_tags(xml: &str) -> String {
    let mut out = String::with_capacity(xml.len() / 2);
    let mut in_tag = false;
    for c in xml.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => in_tag = false,
            _ if !in_tag => out.push(c),
            _ => {}
        }
    }
    out
}

fn pdf_text(bytes: &[u8]) -> Result<String, String> {
    let cap = usize::try_from(INFLATED_CAP).unwrap_or(usize::MAX);
    let Ok(document) = lopdf::Document::load_mem(bytes) else {
        return Ok(String::new());
    };
    let pages: Vec<u32> = document.get_pages().keys().copied().collect();
    let mut text = document
        .extract_text_with_limit(&pages, cap)
        .unwrap_or_default();
    let mut budget = cap;
    for object in document.objects.values() {
        if let Ok(stream) = object.as_stream() {
            let content = stream
                .decompressed_content_with_limit(budget)
                .unwrap_or_else(|_| stream.content.clone());
            budget = budget.checked_sub(content.len()).ok_or_else(too_large)?;
            text.push('\n');
            text.push_str(&String::from_utf8_lossy(&content));
        }
    }
    text.push_str(&shown_through_to_unicode(&document, budget)?);
    Ok(text)
}

/// The text shown by the content streams (pages and forms), read through each font's
/// `ToUnicode` map. lopdf's own extraction reads a font by its `Encoding` first, and a font whose
/// `Encoding` is an embedded CMap (this app's notices: one-byte codes for common glyphs, two for
/// the rest) or a subset with custom codes comes out as the standard encoding's garbage, digits
/// included. Which font shows which string would need each stream's resources resolved; every
/// string is instead read through every `ToUnicode` map of the file (a file has a handful), since
/// a wrong map never turns garbage into a valid ID number's check character by chance often
/// enough to matter, while the right one always shows the number.
fn shown_through_to_unicode(document: &lopdf::Document, budget: usize) -> Result<String, String> {
    let fonts: Vec<lopdf::Dictionary> = document
        .objects
        .values()
        .filter_map(|o| o.as_dict().ok())
        .filter(|d| d.has_type(b"Font") && d.has(b"ToUnicode"))
        .map(|d| {
            let mut font = d.clone();
            // Without `Encoding`, lopdf reads the font through its ToUnicode map.
            font.remove(b"Encoding");
            font
        })
        .collect();
    let maps: Vec<lopdf::Encoding<'_>> = fonts
        .iter()
        .filter_map(|font| font.get_font_encoding_with_limit(document, budget).ok())
        .filter(|e| matches!(e, lopdf::Encoding::UnicodeMapEncoding(_)))
        .collect();
    if maps.is_empty() {
        return Ok(String::new());
    }
    let mut streams: Vec<&lopdf::Stream> = Vec::new();
    for page in document.get_pages().into_values() {
        for id in document.get_page_contents(page) {
            if let Ok(stream) = document.get_object(id).and_then(lopdf::Object::as_stream) {
                streams.push(stream);
            }
        }
    }
    streams.extend(
        document
            .objects
            .values()
            .filter_map(|o| o.as_stream().ok())
            .filter(|s| {
                s.dict.get(b"Subtype").and_then(lopdf::Object::as_name).ok() == Some(b"Form")
            }),
    );
    let mut out = String::new();
    let mut left = budget;
    for stream in streams {
        let content = stream
            .decompressed_content_with_limit(left)
            .unwrap_or_else(|_| stream.content.clone());
        left = left.checked_sub(content.len()).ok_or_else(too_large)?;
        let Ok(content) = lopdf::content::Content::decode(&content) else {
            continue;
        };
        for map in &maps {
            for operation in &content.operations {
                if !matches!(operation.operator.as_str(), "Tj" | "TJ" | "'" | "\"") {
                    continue;
                }
                for operand in &operation.operands {
                    show(map, operand, &mut out);
                }
                out.push('\n');
            }
            if out.len() > budget {
                return Err(too_large());
            }
        }
    }
    Ok(out)
}

/// Appends the text of one operand of a text-showing operator (a string, or a `TJ` array of
/// strings and spacing numbers, read as one run).
fn show(map: &lopdf::Encoding<'_>, operand: &lopdf::Object, out: &mut String) {
    match operand {
        lopdf::Object::String(bytes, _) => {
            let _ = map.write_to_string(bytes, out);
        }
        lopdf::Object::Array(parts) => {
            for part in parts {
                show(map, part, out);
            }
        }
        _ => {}
    }
}

fn cells_text(bytes: &[u8]) -> String {
    let Ok(workbook) =
        gongkai_sheets::read_bytes(std::path::Path::new("附件.xls"), bytes.to_vec(), None)
    else {
        return String::new();
    };
    let mut text = String::new();
    for sheet in &workbook.sheets {
        for row in &sheet.rows {
            for cell in &row.cells {
                text.push_str(&cell.display_text());
                text.push('\t');
            }
            text.push('\n');
        }
    }
    text
}

fn too_large() -> String {
    "解压后超过 256 MiB，无法检查".to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn id() -> String {
        let body = "34150219900307777";
        format!("{body}{}", gongkai_domain::check_character(body).unwrap())
    }

    #[test]
    fn an_id_is_found_in_plain_utf16_and_split_xml_text() {
        let id = id();
        assert_eq!(
            scan(format!("姓名,身份证号\n张三,{id}\n").as_bytes()),
            Some(Finding::IdNumber(id.clone()))
        );
        let utf16: Vec<u8> = id.encode_utf16().flat_map(u16::to_le_bytes).collect();
        assert_eq!(scan(&utf16), Some(Finding::IdNumber(id.clone())));
        let split = format!("<w:t>{}</w:t></w:r><w:r><w:t>{}</w:t>", &id[..6], &id[6..]);
        assert_eq!(without_tags(&split), id);
    }

    #[test]
    fn a_masked_id_and_other_numbers_pass() {
        assert_eq!(
            scan("3415**********7776 电话 0755-83241234".as_bytes()),
            None
        );
        // 18 digits failing the check character are not an ID.
        assert_eq!(scan(b"341502199003077770"), None);
    }

    #[test]
    fn a_number_across_a_piece_boundary_is_found() {
        let id = id();
        let text = format!("{}{id}", "甲".repeat(PIECE / 3 - 2));
        assert_eq!(in_text(&text), Some(id));
    }

    #[test]
    fn an_id_in_this_apps_own_printed_pdf_is_found() {
        use gongkai_print::{Align, Column, Paper, Sheet};
        let id = id();
        let column = |title: &str| Column {
            title: title.into(),
            weight: 1.0,
            align: Align::Left,
        };
        let sheet = Sheet {
            title: "东山村关于低保对象的公示".into(),
            subtitle: String::new(),
            columns: vec![column("姓名"), column("身份证号")],
            groups: Vec::new(),
            rows: vec![vec!["张三".into(), id.clone()]],
            amount_column: None,
            amounts_fen: Vec::new(),
            footer: Vec::new(),
            signature: Vec::new(),
            paper: Paper::A4Portrait,
            document_title: "公示".into(),
        };
        let pdf = gongkai_print::render(&sheet).unwrap();
        assert_eq!(scan(&pdf), Some(Finding::IdNumber(id)));
        let masked = Sheet {
            rows: vec![vec!["张三".into(), "3415**********7776".into()]],
            ..sheet
        };
        assert_eq!(scan(&gongkai_print::render(&masked).unwrap()), None);
    }

    #[test]
    fn a_zip_member_inflating_past_the_cap_is_unreadable() {
        let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
        zip.start_file(
            "a.xml",
            zip::write::SimpleFileOptions::default()
                .compression_method(zip::CompressionMethod::Deflated),
        )
        .unwrap();
        let zeros = vec![b' '; 1 << 20];
        for _ in 0..=(INFLATED_CAP >> 20) {
            std::io::Write::write_all(&mut zip, &zeros).unwrap();
        }
        let bytes = zip.finish().unwrap().into_inner();
        assert!(matches!(scan(&bytes), Some(Finding::Unreadable(_))));
    }
}
