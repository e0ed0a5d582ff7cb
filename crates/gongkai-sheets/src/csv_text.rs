//! CSV text: decoding (UTF-8 with or without BOM, else GB18030, which contains GBK) and parsing.

use encoding_rs::{GB18030, UTF_16BE, UTF_16LE};

use crate::{Cell, Row, Sheet, SheetsError};

/// Decodes CSV bytes to text without ever producing mojibake: an encoding is used only if the
/// whole file decodes cleanly in it.
pub(crate) fn decode(file: &str, bytes: &[u8]) -> Result<String, SheetsError> {
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        return String::from_utf8(rest.to_vec())
            .map_err(|_| SheetsError::UnknownEncoding { file: file.into() });
    }
    for (bom, encoding) in [(&b"\xFF\xFE"[..], UTF_16LE), (&b"\xFE\xFF"[..], UTF_16BE)] {
        if let Some(rest) = bytes.strip_prefix(bom) {
            let (text, had_errors) = encoding.decode_without_bom_handling(rest);
            return if had_errors {
                Err(SheetsError::UnknownEncoding { file: file.into() })
            } else {
                Ok(text.into_owned())
            };
        }
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Ok(text.to_owned());
    }
    let (text, had_errors) = GB18030.decode_without_bom_handling(bytes);
    if had_errors {
        return Err(SheetsError::UnknownEncoding { file: file.into() });
    }
    Ok(text.into_owned())
}

/// Parses CSV text into one sheet named after the file. Rows keep their line numbers; a record
/// spanning several lines (a quoted line break) is numbered by its first line.
pub(crate) fn parse(file: &str, text: &str) -> Result<Sheet, SheetsError> {
    let delimiter = sniff_delimiter(text);
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(text.as_bytes());
    // The reader reports where it started reading, before the blank lines it skips; the row
    // number is that of the record's first non-blank line.
    let newlines: Vec<usize> = text.match_indices('\n').map(|(i, _)| i).collect();
    let bytes = text.as_bytes();
    let line_of = |mut offset: usize| {
        while offset < bytes.len() && matches!(bytes[offset], b'\r' | b'\n') {
            offset += 1;
        }
        newlines.partition_point(|&n| n < offset) + 1
    };
    let mut rows = Vec::new();
    let mut shared = crate::shared_text::SharedText::default();
    let mut record = csv::StringRecord::new();
    loop {
        let line = reader.position().line();
        let start = reader.position().byte() as usize;
        match reader.read_record(&mut record) {
            Ok(false) => break,
            Ok(true) => rows.push(Row::new(
                u32::try_from(line_of(start)).unwrap_or(u32::MAX),
                record
                    .iter()
                    .map(|field| {
                        if field.trim().is_empty() {
                            Cell::Empty
                        } else {
                            shared.cell(field)
                        }
                    })
                    .collect(),
            )),
            Err(e) => {
                return Err(SheetsError::BadCsv {
                    file: file.into(),
                    line,
                    detail: e.to_string(),
                });
            }
        }
    }
    Ok(Sheet {
        name: file.to_owned(),
        rows,
        merges: Vec::new(),
        hidden: false,
        heading: Vec::new(),
    })
}

/// Excel in some locales writes `;` or tab-separated "CSV"; pick what the first lines use most.
fn sniff_delimiter(text: &str) -> u8 {
    let head: String = text.lines().take(20).collect::<Vec<_>>().join("\n");
    let count = |c: char| head.matches(c).count();
    [(b',', count(',')), (b'\t', count('\t')), (b';', count(';'))]
        .into_iter()
        .max_by_key(|(_, n)| *n)
        .filter(|(_, n)| *n > 0)
        .map_or(b',', |(d, _)| d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_gbk_and_utf8_with_bom() {
        let (gbk, _, _) = GB18030.encode("村名,姓名\n东山村,张三\n");
        assert_eq!(decode("a.csv", &gbk).unwrap(), "村名,姓名\n东山村,张三\n");
        let mut bom = b"\xEF\xBB\xBF".to_vec();
        bom.extend_from_slice("姓名".as_bytes());
        assert_eq!(decode("a.csv", &bom).unwrap(), "姓名");
    }

    #[test]
    fn gb18030_four_byte_characters_survive() {
        // 䶮 (Ext-A) and 𠀀 (Ext-B) are outside GBK: GB18030 encodes them in four bytes.
        let (bytes, _, unmappable) = GB18030.encode("刘䶮,𠀀\n");
        assert!(!unmappable);
        assert_eq!(decode("a.csv", &bytes).unwrap(), "刘䶮,𠀀\n");
    }

    #[test]
    fn binary_garbage_is_refused_not_garbled() {
        let err = decode("a.csv", &[0x81, 0x20, 0xFF, 0xFF, 0x00, 0x81]).unwrap_err();
        assert!(matches!(err, SheetsError::UnknownEncoding { .. }));
    }

    #[test]
    fn rows_keep_their_line_numbers() {
        let sheet = parse("a.csv", "标题\n\n村名,金额\n东山村,\"1,200.00\"\n").unwrap();
        let numbers: Vec<u32> = sheet.rows.iter().map(|r| r.number).collect();
        assert_eq!(numbers, [1, 3, 4]);
        assert_eq!(sheet.rows[2].cells[1], Cell::Text("1,200.00".into()));
    }

    #[test]
    fn semicolons_and_tabs_are_recognised() {
        assert_eq!(parse("a.csv", "a;b\n1;2\n").unwrap().rows[1].cells.len(), 2);
        assert_eq!(
            parse("a.csv", "a\tb\n1\t2\n").unwrap().rows[1].cells.len(),
            2
        );
    }
}
