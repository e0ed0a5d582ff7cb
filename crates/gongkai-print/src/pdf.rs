//! Drawn pages to a PDF file.
//!
//! printpdf parses and subsets the bundled faces; the file itself is written here because a
//! notice's size is decided by how its content streams spell the same few things thousands of
//! times. So every position is a whole number of hundredths of a point (exact, no float
//! noise), each text run moves relative to the one before (a table's columns repeat the same
//! moves row after row, which deflate stores almost for free), glyphs have one-byte codes
//! ([`crate::embed`]), and the page dictionaries travel compressed in object streams.
//! 10,000 payout rows went from 1.28 MB to what `print` in the benchmark reports.

use std::collections::HashMap;
use std::io::Write as _;

use flate2::Compression;
use flate2::write::ZlibEncoder;
use lopdf::{Document, Object, SaveOptions, Stream, StringFormat, dictionary};

use crate::PrintError;
use crate::embed::{Embedded, Usage, embed};
use crate::fonts::{Face, FontSet};
use crate::render::{Canvas, Part};

/// Hundredths of a point per point: the unit of every number in a content stream.
const UNITS: f32 = 100.0;
/// The grid's line width, in points.
const RULE_WIDTH: f32 = 0.6;

/// `outline`: bookmarks, each a title and the index of the page it opens.
pub(crate) fn write(
    title: &str,
    pages: &[Canvas],
    outline: &[(String, usize)],
    fonts: &FontSet,
) -> Result<Vec<u8>, PrintError> {
    write_with(title, pages, outline, fonts, true)
}

/// [`write`], with the font programs' subroutines kept when `desubroutinize` is off.
fn write_with(
    title: &str,
    pages: &[Canvas],
    outline: &[(String, usize)],
    fonts: &FontSet,
    desubroutinize: bool,
) -> Result<Vec<u8>, PrintError> {
    let mut doc = Document::with_version("1.7");
    let mut font_resources = lopdf::Dictionary::new();
    let faces = embed_faces(&mut doc, pages, fonts, desubroutinize, &mut font_resources)?;
    let font_resources = doc.add_object(font_resources);
    let encoded: Vec<Vec<Vec<u8>>> = pages
        .iter()
        .map(|page| {
            let height = page.size.1;
            page.parts
                .iter()
                .map(|part| content(part, placed(part, height).is_none(), height, &faces))
                .collect()
        })
        .collect();
    let paper = pages.first().map_or((0.0, 0.0), |p| p.size);
    // A form's box must hold it on the largest page (a pack mixes landscape and portrait).
    let extent = pages
        .iter()
        .fold(paper, |(w, h), p| (w.max(p.size.0), h.max(p.size.1)));
    let (forms, form_resources) = shared_forms(&mut doc, &encoded, extent, font_resources);
    let resources = doc.add_object(dictionary! {
        "Font" => font_resources,
        "XObject" => form_resources,
    });

    let pages_id = doc.new_object_id();
    let mut kids = Vec::with_capacity(pages.len());
    for (canvas, parts) in pages.iter().zip(&encoded) {
        let content = doc.add_object(
            Stream::new(
                dictionary! { "Filter" => "FlateDecode" },
                deflate(&page_content(canvas, parts, &forms)),
            )
            .with_compression(false),
        );
        // Resources and the usual paper size are inherited from the page tree.
        let mut page = dictionary! {
            "Type" => "Page",
            "Parent" => pages_id,
            "Contents" => content,
        };
        if canvas.size != paper {
            page.set("MediaBox", media_box(canvas.size));
        }
        let page = doc.add_object(page);
        kids.push(page.into());
    }
    let count = kids.len() as i64;
    doc.objects.insert(
        pages_id,
        Object::Dictionary(dictionary! {
            "Type" => "Pages",
            "Kids" => kids.clone(),
            "Count" => count,
            "MediaBox" => media_box(paper),
            "Resources" => resources,
        }),
    );
    let mut catalog = dictionary! { "Type" => "Catalog", "Pages" => pages_id };
    if !outline.is_empty() {
        catalog.set("Outlines", bookmarks(&mut doc, outline, &kids));
        catalog.set("PageMode", "UseOutlines");
    }
    let catalog = doc.add_object(catalog);
    doc.trailer.set("Root", catalog);
    // No timestamp of the file's own: the same sheet renders to the same bytes, so an archived
    // notice's fingerprint can be checked by rendering it again.
    let info = doc.add_object(dictionary! {
        "Title" => text_string(title),
        "Producer" => text_string("Gongkai 乡镇政务公开工作台"),
    });
    doc.trailer.set("Info", info);

    let mut out = Vec::new();
    let options = SaveOptions::builder()
        .use_object_streams(true)
        .use_xref_streams(true)
        .compression_level(9)
        .build();
    doc.save_with_options(&mut out, options)
        .map_err(|e| PrintError::Pdf(e.to_string()))?;
    Ok(out)
}

/// Each face the pages use, embedded, its font resource named in `resources`.
fn embed_faces(
    doc: &mut Document,
    pages: &[Canvas],
    fonts: &FontSet,
    desubroutinize: bool,
    resources: &mut lopdf::Dictionary,
) -> Result<HashMap<Face, Embedded>, PrintError> {
    let mut faces = HashMap::new();
    for face in [Face::Main, Face::Fallback] {
        let mut usage = Usage::default();
        let runs = pages.iter().flat_map(|p| &p.parts).flat_map(|p| &p.runs);
        for run in runs.filter(|r| r.face == face) {
            for &(gid, c) in &run.glyphs {
                usage.add(gid, c);
            }
        }
        if usage.is_empty() {
            continue;
        }
        let font = fonts.font(face).ok_or(PrintError::Font("HanaMinB"))?;
        let embedded = embed(doc, font, &usage, desubroutinize)?;
        resources.set(resource_name(face), embedded.font);
        faces.insert(face, embedded);
    }
    Ok(faces)
}

/// Every encoded part whose bytes occur more than once, written once as a form: the form's
/// name by the part's bytes, and the forms as an XObject resource dictionary.
fn shared_forms<'a>(
    doc: &mut Document,
    encoded: &'a [Vec<Vec<u8>>],
    (width, height): (f32, f32),
    font_resources: lopdf::ObjectId,
) -> (HashMap<&'a [u8], String>, lopdf::Dictionary) {
    let mut occurrences: HashMap<&[u8], usize> = HashMap::new();
    for bytes in encoded.iter().flatten() {
        *occurrences.entry(bytes.as_slice()).or_default() += 1;
    }
    let mut forms: HashMap<&[u8], String> = HashMap::new();
    let mut resources = lopdf::Dictionary::new();
    for bytes in encoded.iter().flatten() {
        if occurrences[bytes.as_slice()] < 2 || forms.contains_key(bytes.as_slice()) {
            continue;
        }
        let name = format!("P{}", forms.len());
        // In hundredths of a point: upwards from the page's corner, or downwards from the
        // part's origin; the box holds both.
        let bbox = vec![
            0.into(),
            (-units(height)).into(),
            units(width).into(),
            units(height).into(),
        ];
        let form = Stream::new(
            dictionary! {
                "Type" => "XObject",
                "Subtype" => "Form",
                "BBox" => bbox,
                "Resources" => dictionary! { "Font" => font_resources },
                "Filter" => "FlateDecode",
            },
            deflate(bytes),
        );
        resources.set(name.as_str(), doc.add_object(form.with_compression(false)));
        forms.insert(bytes.as_slice(), name);
    }
    (forms, resources)
}

/// A page's content stream: each part placed, drawn from its form or inline.
fn page_content(canvas: &Canvas, parts: &[Vec<u8>], forms: &HashMap<&[u8], String>) -> Vec<u8> {
    let mut page = Vec::with_capacity(parts.iter().map(Vec::len).sum::<usize>() + 64);
    page.extend_from_slice(b"0.01 0 0 0.01 0 0 cm\n");
    for (part, bytes) in canvas.parts.iter().zip(parts) {
        let moved = placed(part, canvas.size.1);
        if let Some((x, y)) = moved {
            let _ = write!(page, "q 1 0 0 1 {x} {y} cm ");
        }
        match forms.get(bytes.as_slice()) {
            Some(name) => {
                let _ = writeln!(page, "/{name} Do");
            }
            None => page.extend_from_slice(bytes),
        }
        if moved.is_some() {
            page.extend_from_slice(b"Q\n");
        }
    }
    page
}

fn media_box((width, height): (f32, f32)) -> Object {
    vec![0.into(), 0.into(), width.into(), height.into()].into()
}

/// The outline: one flat level of bookmarks, each opening its page whole.
fn bookmarks(doc: &mut Document, outline: &[(String, usize)], pages: &[Object]) -> Object {
    let root = doc.new_object_id();
    let ids: Vec<lopdf::ObjectId> = outline.iter().map(|_| doc.new_object_id()).collect();
    for (i, ((title, page), id)) in outline.iter().zip(&ids).enumerate() {
        let mut item = dictionary! {
            "Title" => text_string(title),
            "Parent" => root,
            "Dest" => vec![pages.get(*page).cloned().unwrap_or(Object::Null), "Fit".into()],
        };
        if i > 0 {
            item.set("Prev", ids[i - 1]);
        }
        if let Some(next) = ids.get(i + 1) {
            item.set("Next", *next);
        }
        doc.objects.insert(*id, Object::Dictionary(item));
    }
    let mut outlines = dictionary! { "Type" => "Outlines", "Count" => ids.len() as i64 };
    if let (Some(first), Some(last)) = (ids.first(), ids.last()) {
        outlines.set("First", *first);
        outlines.set("Last", *last);
    }
    doc.objects.insert(root, Object::Dictionary(outlines));
    root.into()
}

fn resource_name(face: Face) -> &'static str {
    match face {
        Face::Main => "F1",
        Face::Fallback => "F2",
    }
}

/// A PDF text string: UTF-16BE with its byte-order mark, for the document information.
fn text_string(text: &str) -> Object {
    let bytes = [0xFE, 0xFF]
        .into_iter()
        .chain(text.encode_utf16().flat_map(u16::to_be_bytes))
        .collect();
    Object::String(bytes, StringFormat::Hexadecimal)
}

pub(crate) fn deflate(bytes: &[u8]) -> Vec<u8> {
    let mut encoder = ZlibEncoder::new(Vec::with_capacity(bytes.len() / 3), Compression::best());
    // Writing into a Vec cannot fail.
    let _ = encoder.write_all(bytes);
    encoder.finish().unwrap_or_default()
}

/// Points to whole hundredths of a point.
fn units(v: f32) -> i64 {
    (v * UNITS).round() as i64
}

/// Where a part is moved to before it is drawn, in hundredths of a point; `None` for a part
/// at the page's corner, which is drawn in page coordinates.
fn placed(part: &Part, page_height: f32) -> Option<(i64, i64)> {
    (part.origin != (0.0, 0.0)).then(|| (units(part.origin.0), units(page_height - part.origin.1)))
}

/// A part's content, in hundredths of a point upwards from the page's bottom-left corner
/// (`at_corner`) or from the part's origin: the rules, then the text in one text object.
fn content(
    part: &Part,
    at_corner: bool,
    page_height: f32,
    faces: &HashMap<Face, Embedded>,
) -> Vec<u8> {
    let base = if at_corner { units(page_height) } else { 0 };
    let mut out = Vec::with_capacity(64 * part.runs.len() + 32 * part.rules.len());
    if !part.fills.is_empty() {
        // One path of rectangles filled at once (black, the default colour).
        for fill in &part.fills {
            let _ = writeln!(
                out,
                "{} {} {} {} re",
                units(fill.x),
                base - units(fill.y + fill.height),
                units(fill.width),
                units(fill.height),
            );
        }
        out.extend_from_slice(b"f\n");
    }
    if !part.rules.is_empty() {
        // Each rule is drawn from the origin after moving the origin to its start, relative to
        // the previous rule's: a table's row rules are then the same few bytes over and over.
        // (A translation cannot sit inside a path, so each rule is stroked on its own.)
        let _ = writeln!(out, "q {} w", units(RULE_WIDTH));
        let mut origin = (0i64, 0i64);
        for rule in &part.rules {
            let start = (units(rule.from.0), base - units(rule.from.1));
            let end = (units(rule.to.0), base - units(rule.to.1));
            let _ = writeln!(
                out,
                "1 0 0 1 {} {} cm 0 0 m {} {} l S",
                start.0 - origin.0,
                start.1 - origin.1,
                end.0 - start.0,
                end.1 - start.1,
            );
            origin = start;
        }
        out.extend_from_slice(b"Q\n");
    }
    if part.runs.is_empty() {
        return out;
    }
    out.extend_from_slice(b"BT\n");
    let mut font: Option<(Face, i64)> = None;
    // Td moves from the start of the previous line, in text space (hundredths of a point).
    let mut line_start = (0i64, 0i64);
    // Where the pen stands after the last glyph shown on the current line, if it may go on.
    let mut pen: Option<(Face, i64, i64, f64)> = None;
    let mut text = Vec::new();
    for run in &part.runs {
        let Some(embedded) = faces.get(&run.face) else {
            continue;
        };
        let size = units(run.size);
        let start = (units(run.x), base - units(run.baseline));
        text.clear();
        for &(gid, _) in &run.glyphs {
            if let Some(code) = embedded.codes.get(&gid) {
                code.push_to(&mut text);
            }
        }
        // Cells of one row continue the row's TJ array: the gap is a kern in thousandths of
        // the font size, counted from where the pen really is so rounding never accumulates.
        match pen {
            Some((face, pen_size, y, x))
                if face == run.face
                    && pen_size == size
                    && y == start.1
                    && (start.0 as f64) >= x =>
            {
                let kern = ((x - start.0 as f64) * 1000.0 / size as f64).round();
                let _ = write!(out, "{}", kern as i64);
                literal(&text, &mut out);
                let moved = -kern * size as f64 / 1000.0;
                pen = Some((face, size, y, x + moved + units_f(run.width)));
            }
            _ => {
                if pen.is_some() {
                    out.extend_from_slice(b"]TJ\n");
                }
                if font != Some((run.face, size)) {
                    let _ = writeln!(out, "/{} {size} Tf", resource_name(run.face));
                    font = Some((run.face, size));
                }
                let _ = write!(
                    out,
                    "{} {} Td[",
                    start.0 - line_start.0,
                    start.1 - line_start.1
                );
                line_start = start;
                literal(&text, &mut out);
                pen = Some((run.face, size, start.1, start.0 as f64 + units_f(run.width)));
            }
        }
    }
    out.extend_from_slice(b"]TJ\nET\n");
    out
}

/// A width in hundredths of a point, unrounded: the pen's position is tracked exactly.
fn units_f(points: f32) -> f64 {
    f64::from(points) * f64::from(UNITS)
}

/// A literal string: raw bytes but for the three a literal must escape and CR, which a reader
/// would turn into LF.
fn literal(bytes: &[u8], out: &mut Vec<u8>) {
    out.push(b'(');
    for &b in bytes {
        match b {
            b'(' | b')' | b'\\' => out.extend_from_slice(&[b'\\', b]),
            b'\r' => out.extend_from_slice(b"\\r"),
            _ => out.push(b),
        }
    }
    out.push(b')');
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::embed::Code;

    /// A sheet showing a few hundred different ideographs, figures and Latin letters.
    fn many_glyphs() -> crate::Sheet {
        let ideographs: Vec<char> = ('一'..='龥').step_by(97).collect();
        crate::Sheet {
            title: "字形对照".into(),
            subtitle: "ABCxyz 0123456789".into(),
            columns: vec![crate::Column {
                title: "文字".into(),
                weight: 1.0,
                align: crate::Align::Left,
            }],
            groups: Vec::new(),
            rows: ideographs
                .chunks(20)
                .map(|c| vec![c.iter().collect::<String>() + " 3.1415 *X"])
                .collect(),
            amount_column: None,
            amounts_fen: Vec::new(),
            footer: Vec::new(),
            signature: Vec::new(),
            paper: crate::Paper::A4Portrait,
            document_title: "字形对照".into(),
        }
    }

    /// Page 1 rasterised by poppler (installed by `./dev.sh test`).
    fn raster(pdf: &[u8], name: &str) -> Vec<u8> {
        let dir =
            std::env::temp_dir().join(format!("gongkai-raster-{}-{name}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("in.pdf");
        std::fs::write(&path, pdf).unwrap();
        let out = std::process::Command::new("pdftoppm")
            .args(["-r", "150", "-f", "1", "-l", "1", "-gray"])
            .arg(&path)
            .output()
            .expect("pdftoppm (poppler-utils) must be installed");
        let _ = std::fs::remove_dir_all(&dir);
        assert!(out.status.success());
        out.stdout
    }

    #[test]
    fn expanded_subroutines_draw_the_same_pixels_from_a_smaller_program() {
        let fonts = FontSet::shared().unwrap();
        let sheet = many_glyphs();
        let pages =
            crate::render::draw(fonts, &[&sheet], crate::render::Numbering::Continuous).unwrap();
        let expanded = write_with("字形对照", &pages, &[], fonts, true).unwrap();
        let kept = write_with("字形对照", &pages, &[], fonts, false).unwrap();
        assert!(
            expanded.len() * 10 < kept.len() * 9,
            "expanded {} bytes, with subroutines {}",
            expanded.len(),
            kept.len()
        );
        let (a, b) = (raster(&expanded, "expanded"), raster(&kept, "kept"));
        assert!(a.len() > 100_000);
        assert!(a == b, "the two fonts draw different pixels");
    }

    #[test]
    fn literals_escape_what_a_reader_would_misread() {
        let mut out = Vec::new();
        literal(b"a(b)c\\d\re\n\x80", &mut out);
        assert_eq!(out, b"(a\\(b\\)c\\\\d\\re\n\x80)");
    }

    #[test]
    fn positions_are_whole_hundredths_of_a_point() {
        assert_eq!(units(595.28), 59528);
        assert_eq!(units(10.5), 1050);
        assert_eq!(units(0.004), 0);
    }

    #[test]
    fn document_strings_are_utf16_with_a_byte_order_mark() {
        let Object::String(bytes, _) = text_string("公示") else {
            panic!("not a string");
        };
        assert_eq!(bytes, [0xFE, 0xFF, 0x51, 0x6C, 0x79, 0x3A]);
    }

    #[test]
    fn code_bytes_follow_the_code_space() {
        let mut out = Vec::new();
        Code::One(0x21).push_to(&mut out);
        Code::Two(0x8001).push_to(&mut out);
        assert_eq!(out, [0x21, 0x80, 0x01]);
    }
}
