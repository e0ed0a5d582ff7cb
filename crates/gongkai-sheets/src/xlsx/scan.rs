//! A small XML tokenizer for sheet XML, over bytes. A sheet is tens of megabytes of a few
//! tags (`<row>`, `<c>`, `<v>`) with a few attributes each; a general parser spent most of the
//! read checking and converting each of them. This one finds tags with `memchr`, reads
//! attributes without copying, and leaves text as bytes until a cell needs it
//! (`text_into`). Comments, processing instructions, declarations and CDATA are understood;
//! namespace prefixes are dropped (`x:c` is `c`).

use std::borrow::Cow;

use memchr::{memchr, memchr2, memmem};

/// A tag's attributes: (local name, raw value), entities not resolved (the attributes read
/// here hold cell references, numbers and type names).
pub(crate) type Attributes<'x> = Vec<(&'x [u8], &'x [u8])>;

pub(crate) enum Token<'x, 'a> {
    Start {
        local: &'x [u8],
        attributes: &'a Attributes<'x>,
        empty: bool,
    },
    End {
        local: &'x [u8],
    },
    /// Character data as written: entities and line ends not yet resolved.
    Text(&'x [u8]),
    /// A CDATA section's content, taken literally.
    CData(&'x [u8]),
}

/// Calls `each` for every token of `xml` in order, stopping at its first error; what is
/// malformed is an error made from its description.
pub(crate) fn tokens<'x, E: From<String>>(
    xml: &'x [u8],
    mut each: impl FnMut(Token<'x, '_>) -> Result<(), E>,
) -> Result<(), E> {
    let malformed = |what: &str| E::from(what.to_owned());
    let mut attributes: Attributes<'x> = Vec::with_capacity(8);
    let mut at = 0;
    while at < xml.len() {
        let open = memchr(b'<', &xml[at..]).map_or(xml.len(), |i| at + i);
        if open > at {
            each(Token::Text(&xml[at..open]))?;
        }
        if open == xml.len() {
            break;
        }
        let rest = &xml[open..];
        if rest.starts_with(b"<!--") {
            at = open + after(rest, b"-->").ok_or_else(|| malformed("注释未结束"))?;
        } else if let Some(data) = rest.strip_prefix(b"<![CDATA[") {
            let end = memmem::find(data, b"]]>").ok_or_else(|| malformed("CDATA 未结束"))?;
            each(Token::CData(&data[..end]))?;
            at = open + 9 + end + 3;
        } else if rest.starts_with(b"<?") {
            at = open + after(rest, b"?>").ok_or_else(|| malformed("处理指令未结束"))?;
        } else if rest.starts_with(b"<!") {
            at = open + after(rest, b">").ok_or_else(|| malformed("声明未结束"))?;
        } else if let Some(closing) = rest.strip_prefix(b"</") {
            let end = memchr(b'>', closing).ok_or_else(|| malformed("结束标记未结束"))?;
            each(Token::End {
                local: local_name(trim(&closing[..end])),
            })?;
            at = open + 2 + end + 1;
        } else {
            let (length, local, empty) = start_tag(rest, &mut attributes).map_err(E::from)?;
            each(Token::Start {
                local,
                attributes: &attributes,
                empty,
            })?;
            at = open + length;
        }
    }
    Ok(())
}

/// The offset just after the first `end` in `xml`.
fn after(xml: &[u8], end: &[u8]) -> Option<usize> {
    memmem::find(xml, end).map(|i| i + end.len())
}

fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\r' | b'\n')
}

fn trim(bytes: &[u8]) -> &[u8] {
    let start = bytes
        .iter()
        .position(|b| !is_space(*b))
        .unwrap_or(bytes.len());
    let end = bytes
        .iter()
        .rposition(|b| !is_space(*b))
        .map_or(start, |e| e + 1);
    &bytes[start..end]
}

fn local_name(name: &[u8]) -> &[u8] {
    memchr(b':', name).map_or(name, |colon| &name[colon + 1..])
}

/// Reads `<name a="1" b='2'>` or `<name/>` at the start of `xml`: its length, local name and
/// whether it is empty, its attributes into `attributes`.
fn start_tag<'x>(
    xml: &'x [u8],
    attributes: &mut Attributes<'x>,
) -> Result<(usize, &'x [u8], bool), String> {
    attributes.clear();
    let name_end = xml[1..]
        .iter()
        .position(|b| is_space(*b) || matches!(b, b'/' | b'>'))
        .map_or(xml.len(), |i| i + 1);
    let local = local_name(&xml[1..name_end]);
    let mut at = name_end;
    loop {
        while at < xml.len() && is_space(xml[at]) {
            at += 1;
        }
        match xml.get(at) {
            None => return Err("标记未结束".to_owned()),
            Some(b'>') => return Ok((at + 1, local, false)),
            Some(b'/') if xml.get(at + 1) == Some(&b'>') => return Ok((at + 2, local, true)),
            Some(_) => {
                let equals = memchr(b'=', &xml[at..]).ok_or("属性没有值")? + at;
                let name = local_name(trim(&xml[at..equals]));
                let mut open = equals + 1;
                while open < xml.len() && is_space(xml[open]) {
                    open += 1;
                }
                let quote = *xml.get(open).ok_or("属性没有值")?;
                if quote != b'"' && quote != b'\'' {
                    return Err("属性值缺少引号".to_owned());
                }
                let close = memchr(quote, &xml[open + 1..]).ok_or("属性值未结束")? + open + 1;
                attributes.push((name, &xml[open + 1..close]));
                at = close + 1;
            }
        }
    }
}

/// Appends character data as the document means it: UTF-8 checked, `&amp;` and `&#x4E00;`
/// resolved, line ends normalised to `\n` (XML 1.0).
pub(crate) fn text_into(raw: &[u8], out: &mut String) -> Result<(), String> {
    let text = std::str::from_utf8(raw).map_err(|e| e.to_string())?;
    let text: Cow<'_, str> = if memchr2(b'&', b'\r', raw).is_none() {
        Cow::Borrowed(text)
    } else {
        let unescaped = quick_xml::escape::unescape(text).map_err(|e| e.to_string())?;
        if unescaped.contains('\r') {
            Cow::Owned(unescaped.replace("\r\n", "\n").replace('\r', "\n"))
        } else {
            unescaped
        }
    };
    out.push_str(&text);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn events(xml: &str) -> Vec<String> {
        let mut seen = Vec::new();
        tokens::<String>(xml.as_bytes(), |token| {
            seen.push(match token {
                Token::Start {
                    local,
                    attributes,
                    empty,
                } => format!(
                    "<{}{}{}>",
                    String::from_utf8_lossy(local),
                    attributes
                        .iter()
                        .map(|(k, v)| format!(
                            " {}={}",
                            String::from_utf8_lossy(k),
                            String::from_utf8_lossy(v)
                        ))
                        .collect::<String>(),
                    if empty { "/" } else { "" }
                ),
                Token::End { local } => format!("</{}>", String::from_utf8_lossy(local)),
                Token::Text(t) => {
                    let mut s = String::new();
                    text_into(t, &mut s).unwrap();
                    s
                }
                Token::CData(t) => format!("[{}]", String::from_utf8_lossy(t)),
            });
            Ok(())
        })
        .unwrap();
        seen
    }

    #[test]
    fn tags_attributes_text_and_the_rest() {
        assert_eq!(
            events(concat!(
                r#"<?xml version="1.0"?><!-- a > b --><x:row r="1" spans = '1:2'>"#,
                r#"<x:c r="A1" t="s"><v>1&amp;2&#x4E00;</v></x:c><c r="B1" s="3"/>"#,
                "<v>a\r\nb</v><t><![CDATA[<x>]]></t></x:row>"
            )),
            [
                "<row r=1 spans=1:2>",
                "<c r=A1 t=s>",
                "<v>",
                "1&2一",
                "</v>",
                "</c>",
                "<c r=B1 s=3/>",
                "<v>",
                "a\nb",
                "</v>",
                "<t>",
                "[<x>]",
                "</t>",
                "</row>",
            ]
        );
    }

    #[test]
    fn what_is_cut_short_is_an_error_not_a_panic() {
        for xml in [
            "<c r=\"A1",
            "<c r=A1>",
            "<!-- x",
            "<c",
            "<c r>",
            "</c",
            "<![CDATA[x",
        ] {
            assert!(
                tokens::<String>(xml.as_bytes(), |_| Ok(())).is_err(),
                "{xml}"
            );
        }
    }
}
