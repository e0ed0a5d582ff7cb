//! The bundled faces: a Song-style main face and a fallback for CJK Ext-B and beyond.

use std::cell::RefCell;
use std::collections::HashMap;
use std::sync::{Arc, OnceLock};

use printpdf::{AzulParsedFont, ParsedFont};
use rust_fontconfig::FontBytes;

use crate::PrintError;

pub(crate) static MAIN: &[u8] = include_bytes!("../../../assets/fonts/NotoSerifCJKsc-Regular.otf");
static FALLBACK: &[u8] = include_bytes!("../../../assets/fonts/HanaMinB.ttf");

/// A bundled face's file by name, for the app's window: the same bytes the notices embed, so
/// the screen can show a rare name (䶮, 𠀀) that the UI's own webfont lacks.
pub fn bundled_font(file_name: &str) -> Option<&'static [u8]> {
    match file_name {
        "NotoSerifCJKsc-Regular.otf" => Some(MAIN),
        "HanaMinB.ttf" => Some(FALLBACK),
        _ => None,
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Face {
    Main,
    Fallback,
}

pub struct FontSet {
    pub(crate) main: ParsedFont,
    /// Parsed on the first character the main face lacks (CJK Ext-B and beyond): most lists
    /// have none, and the 30 MB face then costs nothing.
    fallback: OnceLock<Option<ParsedFont>>,
    /// The main face's half-width forms (`hwid`), used for every ASCII character: figures of
    /// one width line up in tables (see [`crate::gsub`]).
    half_width: HashMap<u16, u16>,
}

impl std::fmt::Debug for FontSet {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("FontSet(NotoSerifCJKsc-Regular, HanaMinB)")
    }
}

impl FontSet {
    /// The fonts, parsed once per process (about 0.1 s) on the first print.
    pub fn shared() -> Result<&'static FontSet, PrintError> {
        static FONTS: OnceLock<Result<FontSet, PrintError>> = OnceLock::new();
        FONTS
            .get_or_init(FontSet::load)
            .as_ref()
            .map_err(Clone::clone)
    }

    fn load() -> Result<FontSet, PrintError> {
        Ok(FontSet {
            main: parse(MAIN).ok_or(PrintError::Font("NotoSerifCJKsc-Regular"))?,
            fallback: OnceLock::new(),
            half_width: crate::gsub::single_substitutions(MAIN, b"hwid"),
        })
    }

    /// The face, parsed; `None` only for a fallback face that failed to parse.
    pub(crate) fn font(&self, face: Face) -> Option<&ParsedFont> {
        match face {
            Face::Main => Some(&self.main),
            Face::Fallback => self.fallback(),
        }
    }

    fn fallback(&self) -> Option<&ParsedFont> {
        self.fallback.get_or_init(|| parse(FALLBACK)).as_ref()
    }

    /// Whether the fallback face has been needed (and so parsed) in this process.
    #[cfg(test)]
    pub(crate) fn fallback_parsed(&self) -> bool {
        self.fallback.get().is_some()
    }

    pub(crate) fn face_for(&self, c: char) -> Option<Face> {
        if self.main.lookup_glyph_index(c as u32).is_some() {
            Some(Face::Main)
        } else if self
            .fallback()
            .is_some_and(|f| f.lookup_glyph_index(c as u32).is_some())
        {
            Some(Face::Fallback)
        } else {
            None
        }
    }
}

/// A bundled face, parsed around one copy of its bytes: the parser's own `from_bytes` keeps a
/// copy for embedding and, for a TrueType face, a second one of its outlines (HanaMinB: 60 MB
/// held for a handful of glyphs). Outlines are read from the shared copy when a subset needs
/// them.
fn parse(bytes: &'static [u8]) -> Option<ParsedFont> {
    let shared = Arc::new(FontBytes::Owned(Arc::from(bytes)));
    AzulParsedFont::from_bytes_shared(shared, 0, &mut Vec::new()).map(ParsedFont::from_azul)
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Glyph {
    pub face: Face,
    pub gid: u16,
    pub advance_em: f32,
}

/// The fonts with a per-document cache of character lookups. A font's cmap lookup is slow
/// next to everything else here, and a payout list repeats a few hundred characters many
/// thousand times.
pub(crate) struct Glyphs<'a> {
    fonts: &'a FontSet,
    cache: RefCell<HashMap<char, Option<Glyph>>>,
}

impl<'a> Glyphs<'a> {
    pub fn new(fonts: &'a FontSet) -> Self {
        Self {
            fonts,
            cache: RefCell::new(HashMap::new()),
        }
    }

    pub fn glyph(&self, c: char) -> Option<Glyph> {
        if invisible(c) {
            return None;
        }
        if let Some(found) = self.cache.borrow().get(&c) {
            return *found;
        }
        let found = self.fonts.face_for(c).and_then(|face| {
            let font = self.fonts.font(face)?;
            let mut gid = font.lookup_glyph_index(c as u32)?;
            if face == Face::Main && c.is_ascii() {
                gid = self.fonts.half_width.get(&gid).copied().unwrap_or(gid);
            }
            let units = f32::from(font.font_metrics.units_per_em.max(1));
            Some(Glyph {
                face,
                gid,
                advance_em: f32::from(font.get_horizontal_advance(gid)) / units,
            })
        });
        self.cache.borrow_mut().insert(c, found);
        found
    }

    /// Characters of `text` that no bundled face can draw (spaces, controls and [`invisible`]
    /// marks excepted).
    pub fn missing(&self, text: &str) -> Vec<char> {
        let mut missing: Vec<char> = text
            .chars()
            .filter(|&c| {
                !c.is_whitespace() && !c.is_control() && !invisible(c) && self.glyph(c).is_none()
            })
            .collect();
        missing.dedup();
        missing
    }

    /// Unknown characters count as a full em so layout never underestimates; they are refused
    /// before drawing anyway.
    pub fn advance_em(&self, c: char) -> f32 {
        if invisible(c) {
            return 0.0;
        }
        self.glyph(c).map_or(1.0, |g| g.advance_em)
    }

    pub fn width(&self, text: &str, size: f32) -> f32 {
        text.chars().map(|c| self.advance_em(c)).sum::<f32>() * size
    }
}

/// Format characters that take no room and draw nothing: zero-width spaces and joiners, the
/// byte-order mark a CSV's first cell carries, variation selectors, soft hyphens, directional
/// marks. Text pasted from web pages and Word brings them in unseen; refusing to print over a
/// character the clerk cannot see (or printing the soft hyphen's dash mid-line) helps no one.
pub(crate) fn invisible(c: char) -> bool {
    matches!(
        c,
        '\u{AD}'
            | '\u{200B}'..='\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2060}'..='\u{2064}'
            | '\u{FE00}'..='\u{FE0F}'
            | '\u{FEFF}'
            | '\u{E0100}'..='\u{E01EF}'
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rare_names_are_covered_by_one_face_or_the_other() {
        let fonts = FontSet::shared().unwrap();
        let glyphs = Glyphs::new(fonts);
        for name in ["王堃", "张喆", "刘䶮", "李𠀀", "𪚥", "𬎆"] {
            assert_eq!(glyphs.missing(name), Vec::<char>::new(), "{name}");
        }
        assert_eq!(fonts.face_for('䶮'), Some(Face::Main));
        assert_eq!(fonts.face_for('𠀀'), Some(Face::Fallback));
    }

    #[test]
    fn the_fallback_face_is_parsed_only_for_a_character_the_main_face_lacks() {
        let fonts = FontSet::load().unwrap();
        let glyphs = Glyphs::new(&fonts);
        assert!(
            glyphs
                .missing("示范镇东山村 王堃 刘䶮 1,234.50（元）")
                .is_empty()
        );
        assert!(
            !fonts.fallback_parsed(),
            "no character of these needs HanaMinB"
        );
        assert_eq!(glyphs.glyph('𠀀').map(|g| g.face), Some(Face::Fallback));
        assert!(fonts.fallback_parsed());
    }

    #[test]
    fn a_character_no_face_has_is_reported() {
        let glyphs = Glyphs::new(FontSet::shared().unwrap());
        // U+E000 is private use: no public font draws it.
        assert_eq!(glyphs.missing("王\u{E000}明"), vec!['\u{E000}']);
    }

    #[test]
    fn ideographs_are_one_em_and_digits_narrower() {
        let glyphs = Glyphs::new(FontSet::shared().unwrap());
        assert!((glyphs.width("示范", 10.0) - 20.0).abs() < 0.01);
        assert!(glyphs.width("1", 10.0) < 7.0);
        assert_eq!(glyphs.glyph('𠀀').map(|g| g.face), Some(Face::Fallback));
    }
}
