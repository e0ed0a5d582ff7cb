//! The workbook-wide tables a sheet's cells refer to: the shared strings (a cell of type `s`
//! holds an index into them) and which cell styles show numbers as dates.

use std::io::{BufReader, Read};
use std::sync::Arc;

use calamine::ExcelDateTimeType;
use quick_xml::Reader;
use quick_xml::events::Event;

use super::package::attribute;

/// The most bytes of shared-strings XML read: a 100,000-row list's are a few megabytes, and a
/// zip bomb's (a kilobyte inflating to gigabytes of `<si>`) must not be held whole.
const MAX_SHARED_STRINGS_BYTES: u64 = 64 * 1024 * 1024;

/// The shared strings, each allocated once: every cell showing one holds the same `Arc`.
/// Refused past [`MAX_SHARED_STRINGS_BYTES`] of XML or more strings than cells a workbook may
/// hold (`cells::MAX_CELLS`).
pub(crate) fn shared_strings(source: impl Read) -> Result<Vec<Arc<str>>, String> {
    let too_large = || "共享字符串表过大（文件可能已损坏或被恶意构造）".to_owned();
    let source = source.take(MAX_SHARED_STRINGS_BYTES + 1);
    let mut reader = Reader::from_reader(BufReader::with_capacity(256 * 1024, source));
    reader.config_mut().check_end_names = false;
    let mut buf = Vec::new();
    let mut strings = Vec::new();
    let mut text = String::new();
    // Inside <si>; inside a <t> whose text counts; inside a phonetic run (<rPh>, not shown).
    let (mut in_item, mut in_text, mut in_phonetic) = (false, false, false);
    loop {
        let event = reader.read_event_into(&mut buf);
        if reader.buffer_position() > MAX_SHARED_STRINGS_BYTES
            || strings.len() > super::cells::MAX_CELLS
        {
            return Err(too_large());
        }
        match event.map_err(|e| e.to_string())? {
            Event::Start(tag) => match tag.local_name().as_ref() {
                "si" => {
                    in_item = true;
                    text.clear();
                }
                "t" => in_text = in_item && !in_phonetic,
                "rPh" => in_phonetic = true,
                _ => {}
            },
            Event::Empty(tag) if tag.local_name().as_ref() == "si" => strings.push(Arc::from("")),
            Event::End(tag) => match tag.local_name().as_ref() {
                "si" => {
                    in_item = false;
                    strings.push(Arc::from(unescaped(&text).as_ref()));
                }
                "t" => in_text = false,
                "rPh" => in_phonetic = false,
                _ => {}
            },
            Event::Text(t) if in_text => text.push_str(&t.xml10_content()),
            Event::CData(t) if in_text => text.push_str(&t),
            Event::GeneralRef(r) if in_text => push_entity(&r, &mut text)?,
            Event::Eof => break,
            _ => {}
        }
        buf.clear();
    }
    Ok(strings)
}

/// `&amp;`, `&#x4E00;` and the like, appended as the character they name.
pub(crate) fn push_entity(
    entity: &quick_xml::events::BytesRef<'_>,
    out: &mut String,
) -> Result<(), String> {
    let name: &str = entity;
    if let Some(text) = quick_xml::escape::resolve_xml_entity(name) {
        out.push_str(text);
        return Ok(());
    }
    match entity.resolve_char_ref() {
        Ok(Some(c)) => {
            out.push(c);
            Ok(())
        }
        _ => Err(format!("无法识别的字符引用“&{name};”")),
    }
}

/// For each cell style (`s="N"` on a cell), whether its number format shows a date or a
/// duration: such a cell's number is a date serial, read as the date Excel shows.
pub(crate) fn date_styles(styles_xml: &[u8]) -> Vec<Option<ExcelDateTimeType>> {
    let mut reader = Reader::from_reader(styles_xml);
    reader.config_mut().check_end_names = false;
    let mut custom: Vec<(String, String)> = Vec::new();
    let mut styles = Vec::new();
    let mut in_cell_xfs = false;
    loop {
        match reader.read_event() {
            Ok(Event::Start(tag) | Event::Empty(tag)) => match tag.local_name().as_ref() {
                "numFmt" => {
                    if let (Some(id), Some(code)) =
                        (attribute(&tag, "numFmtId"), attribute(&tag, "formatCode"))
                    {
                        custom.push((id, code));
                    }
                }
                "cellXfs" => in_cell_xfs = true,
                "xf" if in_cell_xfs => {
                    let kind = attribute(&tag, "numFmtId").and_then(|id| {
                        match custom.iter().find(|(c, _)| *c == id) {
                            Some((_, code)) => custom_format_kind(code),
                            None => builtin_format_kind(&id),
                        }
                    });
                    styles.push(kind);
                }
                _ => {}
            },
            Ok(Event::End(tag)) if tag.local_name().as_ref() == "cellXfs" => {
                in_cell_xfs = false;
            }
            Ok(Event::Eof) | Err(_) => break,
            Ok(_) => {}
        }
    }
    styles
}

/// Excel's built-in number formats that show dates and times (ECMA-376 18.8.30, and the East
/// Asian ones 27–36, 50–58).
fn builtin_format_kind(id: &str) -> Option<ExcelDateTimeType> {
    match id.trim().parse::<u16>().ok()? {
        14..=22 | 27..=36 | 45 | 47 | 50..=58 => Some(ExcelDateTimeType::DateTime),
        46 => Some(ExcelDateTimeType::TimeDelta),
        _ => None,
    }
}

/// Whether a custom format code shows a date (`yyyy"年"m"月"d"日"`), a duration (`[h]:mm`) or
/// neither (`0.00_ `, `"¥"#,##0`): date letters outside quotes, escapes and brackets, in the
/// first section. The same reading as calamine's for `.xls`.
fn custom_format_kind(code: &str) -> Option<ExcelDateTimeType> {
    let (mut escaped, mut quoted, mut brackets) = (false, false, 0u8);
    let (mut previous, mut hms, mut am_pm) = (' ', false, false);
    for c in code.chars() {
        match (c, escaped, quoted, am_pm, brackets) {
            (_, true, ..) => escaped = false,
            ('_' | '\\' | '*', ..) => escaped = true,
            ('"', _, true, _, _) => quoted = false,
            (_, _, true, _, _) => {}
            ('"', ..) => quoted = true,
            (';', ..) => return None,
            ('[', ..) => brackets += 1,
            (']', .., 1) if hms => return Some(ExcelDateTimeType::TimeDelta),
            (']', ..) => brackets = brackets.saturating_sub(1),
            ('a' | 'A', _, _, false, 0) => am_pm = true,
            ('p' | 'm' | '/' | 'P' | 'M', _, _, true, 0) => {
                return Some(ExcelDateTimeType::DateTime);
            }
            ('d' | 'm' | 'h' | 'y' | 's' | 'D' | 'M' | 'H' | 'Y' | 'S', _, _, false, 0) => {
                return Some(ExcelDateTimeType::DateTime);
            }
            _ => {
                if !(hms && c.eq_ignore_ascii_case(&previous)) {
                    hms = previous == '[' && matches!(c, 'm' | 'h' | 's' | 'M' | 'H' | 'S');
                }
            }
        }
        previous = c;
    }
    None
}

/// Text with Excel's escapes of characters XML cannot hold resolved: `_x000D_` is a carriage
/// return (Excel writes one for each line break pasted from Word), `_xHHHH_` any UTF-16 unit
/// (a surrogate pair for characters past the BMP), `_x005F_` the underscore that starts a
/// literal `_x…_`. Calamine reads them so, and a cell should not show `_x000D_` to the clerk.
pub(crate) fn unescaped(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.contains("_x") {
        return std::borrow::Cow::Borrowed(text);
    }
    let escape_at = |i: usize| -> Option<u16> {
        let b = text.as_bytes().get(i..i + 7)?;
        let hex = std::str::from_utf8(&b[2..6]).ok()?;
        (b[0] == b'_' && b[1] == b'x' && b[6] == b'_' && hex.bytes().all(|c| c.is_ascii_hexdigit()))
            .then(|| u16::from_str_radix(hex, 16).ok())
            .flatten()
    };
    let mut out = String::with_capacity(text.len());
    let mut rest = 0;
    let mut i = 0;
    while let Some(offset) = text[i..].find('_') {
        let at = i + offset;
        let Some(unit) = escape_at(at) else {
            i = at + 1;
            continue;
        };
        out.push_str(&text[rest..at]);
        let mut next = at + 7;
        let c = match unit {
            0xD800..=0xDBFF => match escape_at(next) {
                Some(low @ 0xDC00..=0xDFFF) => {
                    next += 7;
                    char::from_u32(
                        0x10000 + ((u32::from(unit) - 0xD800) << 10) + (u32::from(low) - 0xDC00),
                    )
                }
                _ => None,
            },
            other => char::from_u32(u32::from(other)),
        };
        out.push(c.unwrap_or(char::REPLACEMENT_CHARACTER));
        rest = next;
        i = next;
    }
    out.push_str(&text[rest..]);
    std::borrow::Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rich_text_runs_join_and_phonetic_runs_are_left_out() {
        let xml = r#"<sst><si><t>东山村</t></si><si><r><t>张</t></r><r><t xml:space="preserve">三 </t></r><rPh><t>ZHANG</t></rPh></si><si/><si><t>A&amp;B&#x4E00;</t></si></sst>"#;
        let strings = shared_strings(xml.as_bytes()).unwrap();
        let texts: Vec<&str> = strings.iter().map(|s| &**s).collect();
        assert_eq!(texts, ["东山村", "张三 ", "", "A&B一"]);
    }

    #[test]
    fn a_shared_strings_table_inflating_without_end_is_refused() {
        // An endless <si><t>aaaa… as a zip bomb inflates: read up to the cap, then refused.
        struct Endless(usize);
        impl Read for Endless {
            fn read(&mut self, out: &mut [u8]) -> std::io::Result<usize> {
                let head = b"<sst><si><t>";
                let n = out.len();
                for (i, byte) in out.iter_mut().enumerate() {
                    *byte = head.get(self.0 + i).copied().unwrap_or(b'a');
                }
                self.0 += n;
                Ok(n)
            }
        }
        let error = shared_strings(Endless(0)).expect_err("refused");
        assert!(error.contains("共享字符串表过大"), "{error}");
    }

    #[test]
    fn excel_escapes_are_resolved_as_calamine_resolves_them() {
        let xml = "<sst><si><t>对象_x000D_\n标准</t></si><si><t>_x005F_x000D_ 与 _xD83D__xDCF7_ 与 _x4E0_</t></si></sst>";
        let strings = shared_strings(xml.as_bytes()).unwrap();
        let texts: Vec<&str> = strings.iter().map(|s| &**s).collect();
        assert_eq!(texts, ["对象\r\n标准", "_x000D_ 与 📷 与 _x4E0_"]);
    }

    #[test]
    fn date_formats_built_in_and_custom() {
        let xml = r#"<styleSheet><numFmts><numFmt numFmtId="176" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/><numFmt numFmtId="177" formatCode="0.00_ "/><numFmt numFmtId="178" formatCode="[h]:mm"/></numFmts>
            <cellStyleXfs><xf numFmtId="14"/></cellStyleXfs>
            <cellXfs><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="176"/><xf numFmtId="177"/><xf numFmtId="178"/><xf/></cellXfs></styleSheet>"#;
        assert_eq!(
            date_styles(xml.as_bytes()),
            [
                None,
                Some(ExcelDateTimeType::DateTime),
                Some(ExcelDateTimeType::DateTime),
                None,
                Some(ExcelDateTimeType::TimeDelta),
                None
            ]
        );
    }
}
