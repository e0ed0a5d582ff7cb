//! One bundled face embedded in a document: its subset program, the codes the content streams
//! use for its glyphs, and the two CMaps that give those codes meaning (glyph and text).
//!
//! Codes are one byte for the 124 glyphs a document uses most and two bytes for the rest (an
//! embedded CMap with two code-space ranges, as the standard GBK CMaps have). A payout list
//! shows perhaps 150 distinct glyphs thousands of times each, and the default `Identity-H`
//! spends two bytes and a hex pair on every one of them: most of a notice's size was that.

use std::collections::{BTreeMap, HashMap};
use std::fmt::Write as _;

use lopdf::{Dictionary, Document, Object, ObjectId, Stream, StringFormat, dictionary};
use printpdf::ParsedFont;

use crate::PrintError;
use crate::pdf::deflate;

/// Two-byte codes start here; their first byte is outside the one-byte range.
const TWO_BYTE_START: u32 = 0x8000;
const TWO_BYTE_END: u32 = 0xFFFF;

/// A code as it appears in a content-stream string.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Code {
    One(u8),
    Two(u16),
}

impl Code {
    pub fn push_to(self, out: &mut Vec<u8>) {
        match self {
            Code::One(b) => out.push(b),
            Code::Two(w) => out.extend_from_slice(&w.to_be_bytes()),
        }
    }

    fn hex(self) -> String {
        match self {
            Code::One(b) => format!("<{b:02X}>"),
            Code::Two(w) => format!("<{w:04X}>"),
        }
    }
}

/// How often a document uses each glyph of one face, with the character each stands for.
#[derive(Debug, Default)]
pub(crate) struct Usage {
    glyphs: HashMap<u16, (usize, char)>,
}

impl Usage {
    pub fn add(&mut self, gid: u16, c: char) {
        self.glyphs.entry(gid).or_insert((0, c)).0 += 1;
    }

    pub fn is_empty(&self) -> bool {
        self.glyphs.is_empty()
    }
}

/// A face as embedded: the font resource and each glyph's code.
pub(crate) struct Embedded {
    pub font: ObjectId,
    pub codes: HashMap<u16, Code>,
}

/// `desubroutinize`: expand the CFF program's subroutine calls (see [`crate::cff`]); off only
/// to compare renderings in tests.
pub(crate) fn embed(
    doc: &mut Document,
    font: &ParsedFont,
    usage: &Usage,
    desubroutinize: bool,
) -> Result<Embedded, PrintError> {
    // The most used glyphs get the short codes; ties by glyph id keep the output reproducible.
    let mut by_use: Vec<(u16, usize, char)> =
        usage.glyphs.iter().map(|(&g, &(n, c))| (g, n, c)).collect();
    by_use.sort_by_key(|&(g, n, _)| (std::cmp::Reverse(n), g));
    let codes = assign_codes(by_use.iter().map(|&(gid, _, _)| gid))?;

    let wanted: BTreeMap<u16, String> =
        by_use.iter().map(|&(g, _, c)| (g, c.to_string())).collect();
    let subset = printpdf::subset_font(font, &wanted).map_err(PrintError::Pdf)?;
    // Which CID each original glyph has in the embedded program: for a CID-keyed CFF the
    // subset's charset says (it keeps the original CIDs); for TrueType it is the new glyph id.
    let (program, cids): (Stream, BTreeMap<u16, u16>) =
        if let Some(cff) = printpdf::extract_cid_keyed_cff(&subset.bytes, 0) {
            let charset = printpdf::cff_charset_gid_to_cid_map(&subset.bytes, 0)
                .ok_or_else(|| PrintError::Pdf("CFF 字符集无法读取".into()))?;
            let cids = subset
                .glyph_mapping
                .iter()
                .filter_map(|(&old, &(new, _))| Some((old, *charset.get(&new)?)))
                .collect();
            let cff = if desubroutinize {
                crate::cff::desubroutinize(&cff).unwrap_or(cff)
            } else {
                cff
            };
            let stream = Stream::new(
                dictionary! { "Subtype" => "CIDFontType0C", "Filter" => "FlateDecode" },
                deflate(&cff),
            );
            (stream, cids)
        } else {
            let cids = subset
                .glyph_mapping
                .iter()
                .map(|(&old, &(new, _))| (old, new))
                .collect();
            let stream = Stream::new(
                dictionary! {
                    "Length1" => subset.bytes.len() as i64,
                    "Filter" => "FlateDecode",
                },
                deflate(&subset.bytes),
            );
            (stream, cids)
        };
    if cids.len() != codes.len() {
        return Err(PrintError::Pdf(format!(
            "子集缺字形（{} / {}）",
            cids.len(),
            codes.len()
        )));
    }
    let is_cff = program.dict.has(b"Subtype");
    let program = doc.add_object(program.with_compression(false));

    let metrics = &font.pdf_font_metrics;
    let per_mille =
        |v: i32| Object::Integer((v * 1000 / i32::from(metrics.units_per_em.max(1))).into());
    let name = format!(
        "{}+{}",
        subset_tag(&codes),
        font.font_name
            .as_deref()
            .unwrap_or("Gongkai")
            .replace(' ', "")
    );
    let descriptor = doc.add_object(dictionary! {
        "Type" => "FontDescriptor",
        "FontName" => Object::Name(name.clone().into_bytes()),
        "Flags" => 4, // symbolic: the glyphs are reached through our own CMap, not a standard encoding
        "FontBBox" => vec![
            per_mille(metrics.x_min.into()),
            per_mille(metrics.y_min.into()),
            per_mille(metrics.x_max.into()),
            per_mille(metrics.y_max.into()),
        ],
        "ItalicAngle" => 0,
        "Ascent" => per_mille(metrics.ascender.into()),
        "Descent" => per_mille(metrics.descender.into()),
        "CapHeight" => per_mille(metrics.ascender.into()),
        "StemV" => 80,
        if is_cff { "FontFile3" } else { "FontFile2" } => program,
    });

    let mut widths = Vec::new();
    let mut by_cid: Vec<(u16, u16)> = cids.iter().map(|(&old, &cid)| (cid, old)).collect();
    by_cid.sort_unstable();
    for (cid, old) in by_cid {
        let advance = i32::from(font.get_horizontal_advance(old));
        let width = advance * 1000 / i32::from(metrics.units_per_em.max(1));
        if width != 1000 {
            widths.push(Object::Integer(cid.into()));
            widths.push(Object::Array(vec![Object::Integer(width.into())]));
        }
    }
    let mut descendant = dictionary! {
        "Type" => "Font",
        "Subtype" => if is_cff { "CIDFontType0" } else { "CIDFontType2" },
        "BaseFont" => Object::Name(name.clone().into_bytes()),
        "CIDSystemInfo" => system_info("Identity"),
        "FontDescriptor" => descriptor,
        "DW" => 1000,
        "W" => widths,
    };
    if !is_cff {
        descendant.set("CIDToGIDMap", "Identity");
    }
    let descendant = doc.add_object(descendant);

    let coded: Vec<(Code, u16, char)> = by_use
        .iter()
        .map(|&(gid, _, c)| (codes[&gid], cids[&gid], c))
        .collect();
    let cmap_name = format!("Gongkai-{}", subset_tag(&codes));
    let encoding = doc.add_object(
        Stream::new(
            dictionary! {
                "Type" => "CMap",
                "CMapName" => Object::Name(cmap_name.clone().into_bytes()),
                "CIDSystemInfo" => system_info("Identity"),
                "Filter" => "FlateDecode",
            },
            deflate(encoding_cmap(&cmap_name, &coded).as_bytes()),
        )
        .with_compression(false),
    );
    let to_unicode = doc.add_object(
        Stream::new(
            dictionary! { "Filter" => "FlateDecode" },
            deflate(to_unicode_cmap(&coded).as_bytes()),
        )
        .with_compression(false),
    );
    let font = doc.add_object(dictionary! {
        "Type" => "Font",
        "Subtype" => "Type0",
        "BaseFont" => Object::Name(name.into_bytes()),
        "Encoding" => encoding,
        "DescendantFonts" => vec![descendant.into()],
        "ToUnicode" => to_unicode,
    });
    Ok(Embedded { font, codes })
}

/// One-byte codes: 0x00–0x7F but for the bytes a literal string must escape (124 of them).
fn one_byte_codes() -> impl Iterator<Item = u8> {
    (0u8..0x80).filter(|b| !b"()\\\r".contains(b))
}

/// Codes for the glyphs in order of use: one byte while they last, then two.
fn assign_codes(glyphs: impl Iterator<Item = u16>) -> Result<HashMap<u16, Code>, PrintError> {
    let two_byte = (TWO_BYTE_START..=TWO_BYTE_END).map(|w| Code::Two(w as u16));
    let mut all_codes = one_byte_codes().map(Code::One).chain(two_byte);
    let mut codes = HashMap::new();
    for gid in glyphs {
        let code = all_codes
            .next()
            .ok_or_else(|| PrintError::Pdf("一份文件用到的字形超过 32,892 个".into()))?;
        codes.insert(gid, code);
    }
    Ok(codes)
}

fn system_info(ordering: &str) -> Dictionary {
    dictionary! {
        "Registry" => Object::String(b"Adobe".to_vec(), StringFormat::Literal),
        "Ordering" => Object::String(ordering.as_bytes().to_vec(), StringFormat::Literal),
        "Supplement" => 0,
    }
}

/// Six capitals derived from the glyph set, as ISO 32000 asks of a subset's name.
fn subset_tag(codes: &HashMap<u16, Code>) -> String {
    let mut gids: Vec<u16> = codes.keys().copied().collect();
    gids.sort_unstable();
    // FNV-1a: stable across runs and platforms, unlike the std hasher.
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for g in gids {
        for b in g.to_be_bytes() {
            hash = (hash ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
    }
    (0..6)
        .map(|i| char::from(b'A' + ((hash >> (i * 5)) % 26) as u8))
        .collect()
}

const CODE_SPACE: &str = "2 begincodespacerange\n<00> <7F>\n<8000> <FFFF>\nendcodespacerange\n";

fn encoding_cmap(name: &str, coded: &[(Code, u16, char)]) -> String {
    let mut cmap = format!(
        "%!PS-Adobe-3.0 Resource-CMap\n/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n\
         /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> def\n\
         /CMapName /{name} def\n/CMapType 1 def\n{CODE_SPACE}"
    );
    let mut sorted: Vec<&(Code, u16, char)> = coded.iter().collect();
    sorted.sort_unstable_by_key(|(code, _, _)| *code);
    // A CMap section holds at most 100 entries.
    for chunk in sorted.chunks(100) {
        let _ = writeln!(cmap, "{} begincidchar", chunk.len());
        for (code, cid, _) in chunk {
            let _ = writeln!(cmap, "{} {cid}", code.hex());
        }
        cmap.push_str("endcidchar\n");
    }
    cmap.push_str("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n");
    cmap
}

fn to_unicode_cmap(coded: &[(Code, u16, char)]) -> String {
    let mut cmap = format!(
        "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n\
         /CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n\
         /CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n{CODE_SPACE}"
    );
    let mut sorted: Vec<&(Code, u16, char)> = coded.iter().collect();
    sorted.sort_unstable_by_key(|(code, _, _)| *code);
    for chunk in sorted.chunks(100) {
        let _ = writeln!(cmap, "{} beginbfchar", chunk.len());
        for (code, _, c) in chunk {
            let mut units = [0u16; 2];
            let utf16: String = c
                .encode_utf16(&mut units)
                .iter()
                .map(|u| format!("{u:04X}"))
                .collect();
            let _ = writeln!(cmap, "{} <{utf16}>", code.hex());
        }
        cmap.push_str("endbfchar\n");
    }
    cmap.push_str("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n");
    cmap
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_most_used_glyphs_get_one_byte_and_none_needs_escaping() {
        let mut doc = Document::with_version("1.7");
        let fonts = crate::FontSet::shared().unwrap();
        // Real glyph ids of the main face: ideographs from 一 on.
        let mut real = Usage::default();
        for (i, c) in ('一'..='龥').take(200).enumerate() {
            let gid = fonts.main.lookup_glyph_index(c as u32).unwrap();
            for _ in 0..=i {
                real.add(gid, c);
            }
        }
        let embedded = embed(&mut doc, &fonts.main, &real, true).unwrap();
        let one: Vec<u8> = embedded
            .codes
            .values()
            .filter_map(|c| match c {
                Code::One(b) => Some(*b),
                Code::Two(_) => None,
            })
            .collect();
        assert_eq!(one.len(), 124);
        assert_eq!(one_byte_codes().count(), 124);
        assert!(one.iter().all(|b| !b"()\\\r".contains(b) && *b < 0x80));
        // The most used glyph (the 200th character) has a one-byte code, the least used two.
        let most = fonts
            .main
            .lookup_glyph_index(('一'..='龥').nth(199).unwrap() as u32)
            .unwrap();
        let least = fonts.main.lookup_glyph_index('一' as u32).unwrap();
        assert!(matches!(embedded.codes[&most], Code::One(_)));
        assert!(matches!(embedded.codes[&least], Code::Two(_)));
    }

    #[test]
    fn codes_run_out_only_past_every_two_byte_code() {
        assert_eq!(assign_codes(0..32_892).unwrap().len(), 32_892);
        assert!(matches!(assign_codes(0..32_893), Err(PrintError::Pdf(_))));
    }

    #[test]
    fn to_unicode_writes_characters_beyond_the_bmp_as_surrogate_pairs() {
        let cmap = to_unicode_cmap(&[(Code::One(0x21), 5, '𠀀'), (Code::Two(0x8000), 6, '王')]);
        assert!(cmap.contains("<21> <D840DC00>"), "{cmap}");
        assert!(cmap.contains("<8000> <738B>"), "{cmap}");
    }
}
