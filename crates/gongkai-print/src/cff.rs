//! Desubroutinizing a subset CID-keyed CFF font program before it is embedded.
//!
//! The subsetter keeps the original font's subroutine tables and blanks the entries no kept
//! glyph calls: Noto Serif CJK's 3,241 global and 28,000 local subroutines then cost an offset
//! each, whatever the subset. Here every call is replaced by the routine's body, and the
//! subroutine tables are dropped: a notice's font program shrinks by a fifth (33 KB → 27 KB for
//! a village's 130 glyphs). Outlines and hints are unchanged, byte for byte in effect.
//!
//! Only what the subsetter emits is handled (CID-keyed CFF, literal subroutine numbers); anything
//! else returns `None` and the program is embedded as it came.

/// The program with every subroutine call expanded, or `None` when it is not a CID-keyed CFF
/// this module understands.
pub(crate) fn desubroutinize(cff: &[u8]) -> Option<Vec<u8>> {
    let header_size = usize::from(*cff.get(2)?);
    let names = Index::read(cff, header_size)?;
    let top_dicts = Index::read(cff, names.end)?;
    let strings = Index::read(cff, top_dicts.end)?;
    let global_subrs = Index::read(cff, strings.end)?;
    if top_dicts.count() != 1 {
        return None;
    }
    let top = Dict::parse(top_dicts.get(cff, 0)?)?;
    // CID-keyed fonts carry ROS (12 30) and FDArray; a name-keyed font is left alone.
    top.find(&[12, 30])?;
    let charstrings = Index::read(cff, top.offset(&[17])?)?;
    let font_dicts = Index::read(cff, top.offset(&[12, 36])?)?;
    let fd_select_at = top.offset(&[12, 37])?;
    let charset_at = top.offset(&[15])?;
    let glyphs = charstrings.count();

    let mut fonts = Vec::with_capacity(font_dicts.count());
    for i in 0..font_dicts.count() {
        let dict = Dict::parse(font_dicts.get(cff, i)?)?;
        let private = dict.find(&[18])?;
        let (size, at) = (private.number(0)?, private.number(1)?);
        let (size, at) = (usize::try_from(size).ok()?, usize::try_from(at).ok()?);
        let private_bytes = cff.get(at..at.checked_add(size)?)?;
        let private_dict = Dict::parse(private_bytes)?;
        let subrs = match private_dict.find(&[19]) {
            Some(op) => Index::read(cff, at + usize::try_from(op.number(0)?).ok()?)?,
            None => Index::empty(),
        };
        fonts.push((dict, private_dict, subrs));
    }
    let fd_select = FdSelect::read(cff, fd_select_at, glyphs)?;

    let mut expanded = Vec::with_capacity(glyphs);
    for gid in 0..glyphs {
        let (_, _, local) = fonts.get(usize::from(fd_select.fd(gid)?))?;
        let mut out = Vec::new();
        let mut state = State::default();
        let routines = Routines {
            cff,
            global: &global_subrs,
            local,
        };
        routines.expand(charstrings.get(cff, gid)?, &mut out, &mut state, 0)?;
        expanded.push(out);
    }

    // Rebuild: header, names, top DICT, strings, no global subroutines, charset, FDSelect,
    // charstrings, font DICTs, private DICTs without Subrs. Offsets in DICTs are written as
    // five-byte integers so the DICTs' sizes are known before the offsets are.
    let charset = cff.get(charset_at..charset_at + charset_len(cff, charset_at, glyphs)?)?;
    let fd_select_bytes = cff.get(fd_select_at..fd_select_at + fd_select.len)?;
    let privates: Vec<Vec<u8>> = fonts
        .iter()
        .map(|(_, p, _)| p.encode_without(&[19]))
        .collect();

    let head = cff.get(..header_size)?;
    let names_bytes = cff.get(header_size..names.end)?;
    let strings_bytes = cff.get(top_dicts.end..strings.end)?;
    let empty_subrs = [0u8, 0];
    let top_len = index_len(&[top.encode_with_offsets(&[0, 0, 0, 0])]);
    let charset_at =
        head.len() + names_bytes.len() + top_len + strings_bytes.len() + empty_subrs.len();
    let fd_select_at = charset_at + charset.len();
    let charstrings_at = fd_select_at + fd_select_bytes.len();
    let charstrings_index = index(&expanded);
    let font_dicts_at = charstrings_at + charstrings_index.len();
    let font_dicts_len = index_len(
        &fonts
            .iter()
            .map(|(d, _, _)| d.encode_with_private(0, 0))
            .collect::<Vec<_>>(),
    );
    let mut private_at = font_dicts_at + font_dicts_len;
    let mut font_dict_bytes = Vec::with_capacity(fonts.len());
    for ((dict, _, _), private) in fonts.iter().zip(&privates) {
        font_dict_bytes.push(dict.encode_with_private(private.len(), private_at));
        private_at += private.len();
    }
    let top_bytes =
        top.encode_with_offsets(&[charset_at, charstrings_at, font_dicts_at, fd_select_at]);

    let mut out = Vec::with_capacity(private_at);
    out.extend_from_slice(head);
    out.extend_from_slice(names_bytes);
    out.extend_from_slice(&index(&[top_bytes]));
    out.extend_from_slice(strings_bytes);
    out.extend_from_slice(&empty_subrs);
    out.extend_from_slice(charset);
    out.extend_from_slice(fd_select_bytes);
    out.extend_from_slice(&charstrings_index);
    out.extend_from_slice(&index(&font_dict_bytes));
    for private in &privates {
        out.extend_from_slice(private);
    }
    debug_assert_eq!(out.len(), private_at);
    Some(out)
}

/// An INDEX: its objects' offsets into the font and where it ends.
struct Index {
    /// Absolute start and end of each object.
    objects: Vec<(usize, usize)>,
    end: usize,
}

impl Index {
    fn empty() -> Self {
        Index {
            objects: Vec::new(),
            end: 0,
        }
    }

    fn read(data: &[u8], at: usize) -> Option<Index> {
        let count = usize::from(u16::from_be_bytes(data.get(at..at + 2)?.try_into().ok()?));
        if count == 0 {
            return Some(Index {
                objects: Vec::new(),
                end: at + 2,
            });
        }
        let off_size = usize::from(*data.get(at + 2)?);
        if !(1..=4).contains(&off_size) {
            return None;
        }
        let offsets_at = at + 3;
        let data_at = offsets_at + (count + 1) * off_size - 1;
        let offset = |i: usize| -> Option<usize> {
            let bytes = data.get(offsets_at + i * off_size..offsets_at + (i + 1) * off_size)?;
            Some(bytes.iter().fold(0usize, |v, b| (v << 8) | usize::from(*b)))
        };
        let mut objects = Vec::with_capacity(count);
        for i in 0..count {
            let (start, end) = (data_at + offset(i)?, data_at + offset(i + 1)?);
            if start > end || end > data.len() {
                return None;
            }
            objects.push((start, end));
        }
        let end = objects.last().map_or(data_at + 1, |&(_, end)| end);
        Some(Index { objects, end })
    }

    fn count(&self) -> usize {
        self.objects.len()
    }

    fn get<'a>(&self, data: &'a [u8], i: usize) -> Option<&'a [u8]> {
        let &(start, end) = self.objects.get(i)?;
        data.get(start..end)
    }

    /// The bias added to a subroutine number (Type 2 charstrings, 4.7).
    fn bias(&self) -> i32 {
        match self.count() {
            0..1240 => 107,
            1240..33900 => 1131,
            _ => 32768,
        }
    }
}

fn index(objects: &[Vec<u8>]) -> Vec<u8> {
    let data_len: usize = objects.iter().map(Vec::len).sum();
    let mut out = Vec::with_capacity(3 + 4 * (objects.len() + 1) + data_len);
    out.extend_from_slice(&(objects.len() as u16).to_be_bytes());
    if objects.is_empty() {
        return out;
    }
    let off_size = match data_len + 1 {
        0..=0xFF => 1,
        0x100..=0xFFFF => 2,
        0x1_0000..=0xFF_FFFF => 3,
        _ => 4,
    };
    out.push(off_size as u8);
    let push = |out: &mut Vec<u8>, v: usize| {
        let bytes = v.to_be_bytes();
        out.extend_from_slice(&bytes[bytes.len() - off_size..]);
    };
    // Offsets count from 1: 1, 1 + len₀, 1 + len₀ + len₁, …
    let mut offset = 1usize;
    push(&mut out, offset);
    for object in objects {
        offset += object.len();
        push(&mut out, offset);
    }
    for object in objects {
        out.extend_from_slice(object);
    }
    out
}

fn index_len(objects: &[Vec<u8>]) -> usize {
    index(objects).len()
}

/// A DICT as its operators with their operands' raw bytes.
struct Dict {
    entries: Vec<Entry>,
}

struct Entry {
    operator: Vec<u8>,
    operands: Vec<Vec<u8>>,
}

impl Entry {
    fn number(&self, i: usize) -> Option<i64> {
        let bytes = self.operands.get(i)?;
        match *bytes.first()? {
            28 => Some(i64::from(i16::from_be_bytes(
                bytes.get(1..3)?.try_into().ok()?,
            ))),
            29 => Some(i64::from(i32::from_be_bytes(
                bytes.get(1..5)?.try_into().ok()?,
            ))),
            b @ 32..=246 => Some(i64::from(b) - 139),
            b @ 247..=250 => Some((i64::from(b) - 247) * 256 + i64::from(*bytes.get(1)?) + 108),
            b @ 251..=254 => Some(-(i64::from(b) - 251) * 256 - i64::from(*bytes.get(1)?) - 108),
            _ => None,
        }
    }
}

impl Dict {
    fn parse(data: &[u8]) -> Option<Dict> {
        let mut entries = Vec::new();
        let mut operands = Vec::new();
        let mut i = 0;
        while i < data.len() {
            let b = data[i];
            let len = match b {
                28 => 3,
                29 => 5,
                30 => {
                    // A real: nibbles up to the end nibble 0xf.
                    let mut j = i + 1;
                    while j < data.len() && data[j] & 0x0F != 0x0F && data[j] >> 4 != 0x0F {
                        j += 1;
                    }
                    j + 1 - i
                }
                32..=246 => 1,
                247..=254 => 2,
                12 => {
                    entries.push(Entry {
                        operator: data.get(i..i + 2)?.to_vec(),
                        operands: std::mem::take(&mut operands),
                    });
                    i += 2;
                    continue;
                }
                0..=21 => {
                    entries.push(Entry {
                        operator: vec![b],
                        operands: std::mem::take(&mut operands),
                    });
                    i += 1;
                    continue;
                }
                _ => return None,
            };
            operands.push(data.get(i..i + len)?.to_vec());
            i += len;
        }
        Some(Dict { entries })
    }

    fn find(&self, operator: &[u8]) -> Option<&Entry> {
        self.entries.iter().find(|e| e.operator == operator)
    }

    fn offset(&self, operator: &[u8]) -> Option<usize> {
        usize::try_from(self.find(operator)?.number(0)?).ok()
    }

    fn encode(&self, mut operands_of: impl FnMut(&Entry) -> Option<Vec<Vec<u8>>>) -> Vec<u8> {
        let mut out = Vec::new();
        for entry in &self.entries {
            let Some(operands) = operands_of(entry) else {
                continue;
            };
            for operand in operands {
                out.extend_from_slice(&operand);
            }
            out.extend_from_slice(&entry.operator);
        }
        out
    }

    fn encode_without(&self, dropped: &[u8]) -> Vec<u8> {
        self.encode(|e| (e.operator != dropped).then(|| e.operands.clone()))
    }

    /// The top DICT with charset, CharStrings, FDArray and FDSelect at the given offsets.
    fn encode_with_offsets(
        &self,
        [charset, charstrings, fd_array, fd_select]: &[usize; 4],
    ) -> Vec<u8> {
        self.encode(|e| {
            let at = match e.operator.as_slice() {
                [15] => *charset,
                [17] => *charstrings,
                [12, 36] => *fd_array,
                [12, 37] => *fd_select,
                _ => return Some(e.operands.clone()),
            };
            Some(vec![int5(at)])
        })
    }

    fn encode_with_private(&self, size: usize, at: usize) -> Vec<u8> {
        self.encode(|e| match e.operator.as_slice() {
            [18] => Some(vec![int5(size), int5(at)]),
            _ => Some(e.operands.clone()),
        })
    }
}

/// A DICT integer in its five-byte form, whatever its value.
fn int5(v: usize) -> Vec<u8> {
    let mut out = vec![29];
    out.extend_from_slice(&(v as i32).to_be_bytes());
    out
}

fn charset_len(data: &[u8], at: usize, glyphs: usize) -> Option<usize> {
    let mut covered = 1; // .notdef is implied
    match *data.get(at)? {
        0 => Some(1 + 2 * glyphs.saturating_sub(1)),
        format @ (1 | 2) => {
            let range = if format == 1 { 3 } else { 4 };
            let mut len = 1;
            while covered < glyphs {
                let left = if format == 1 {
                    usize::from(*data.get(at + len + 2)?)
                } else {
                    usize::from(u16::from_be_bytes(
                        data.get(at + len + 2..at + len + 4)?.try_into().ok()?,
                    ))
                };
                covered += left + 1;
                len += range;
            }
            Some(len)
        }
        _ => None,
    }
}

struct FdSelect {
    fds: Vec<u8>,
    len: usize,
}

impl FdSelect {
    fn read(data: &[u8], at: usize, glyphs: usize) -> Option<FdSelect> {
        match *data.get(at)? {
            0 => Some(FdSelect {
                fds: data.get(at + 1..at + 1 + glyphs)?.to_vec(),
                len: 1 + glyphs,
            }),
            3 => {
                let ranges = usize::from(u16::from_be_bytes(
                    data.get(at + 1..at + 3)?.try_into().ok()?,
                ));
                let mut fds = vec![0u8; glyphs];
                for r in 0..ranges {
                    let rec = at + 3 + 3 * r;
                    let first =
                        usize::from(u16::from_be_bytes(data.get(rec..rec + 2)?.try_into().ok()?));
                    let fd = *data.get(rec + 2)?;
                    let next = usize::from(u16::from_be_bytes(
                        data.get(rec + 3..rec + 5)?.try_into().ok()?,
                    ));
                    for slot in fds.get_mut(first..next.min(glyphs))? {
                        *slot = fd;
                    }
                }
                Some(FdSelect {
                    fds,
                    len: 3 + 3 * ranges + 2,
                })
            }
            _ => None,
        }
    }

    fn fd(&self, gid: usize) -> Option<u8> {
        self.fds.get(gid).copied()
    }
}

/// What expanding a charstring needs to track: the operand count (for the stems a hint mask
/// covers) and where the last number token started in the output (a call's subroutine number).
#[derive(Default)]
struct State {
    operands: usize,
    stems: usize,
    last_number: Option<(usize, i32)>,
}

struct Routines<'a> {
    cff: &'a [u8],
    global: &'a Index,
    local: &'a Index,
}

impl Routines<'_> {
    /// Appends `code` to `out` with calls expanded; `Some(true)` once `endchar` was written.
    fn expand(&self, code: &[u8], out: &mut Vec<u8>, state: &mut State, depth: u8) -> Option<bool> {
        // Type 2 allows ten levels of nesting.
        if depth > 10 {
            return None;
        }
        let mut i = 0;
        while i < code.len() {
            let b = code[i];
            let number_len = match b {
                28 => Some(3),
                32..=246 => Some(1),
                247..=254 => Some(2),
                255 => Some(5),
                _ => None,
            };
            if let Some(len) = number_len {
                let token = code.get(i..i + len)?;
                state.last_number = Some((out.len(), number(token)));
                out.extend_from_slice(token);
                state.operands += 1;
                i += len;
                continue;
            }
            match b {
                10 | 29 => {
                    let (at, n) = state.last_number.take()?;
                    // The subroutine number must be the token just written.
                    if state.operands == 0 {
                        return None;
                    }
                    out.truncate(at);
                    state.operands -= 1;
                    let routines = if b == 10 { self.local } else { self.global };
                    let index = usize::try_from(n + routines.bias()).ok()?;
                    let body = routines.get(self.cff, index)?;
                    if self.expand(body, out, state, depth + 1)? {
                        return Some(true);
                    }
                    i += 1;
                }
                11 => return Some(false),
                14 => {
                    out.push(b);
                    return Some(true);
                }
                1 | 3 | 18 | 23 => {
                    state.stems += state.operands / 2;
                    self.operator(out, state, &[b]);
                    i += 1;
                }
                19 | 20 => {
                    // An implicit vstem may precede the first mask.
                    state.stems += state.operands / 2;
                    self.operator(out, state, &[b]);
                    let mask = state.stems.div_ceil(8);
                    out.extend_from_slice(code.get(i + 1..i + 1 + mask)?);
                    i += 1 + mask;
                }
                12 => {
                    let op = *code.get(i + 1)?;
                    // Flex operators (34–37) clear the stack; the arithmetic and storage
                    // operators would need a real interpreter: give up on this font.
                    if !(34..=37).contains(&op) {
                        return None;
                    }
                    self.operator(out, state, &[12, op]);
                    i += 2;
                }
                _ => {
                    self.operator(out, state, &[b]);
                    i += 1;
                }
            }
        }
        Some(false)
    }

    fn operator(&self, out: &mut Vec<u8>, state: &mut State, op: &[u8]) {
        out.extend_from_slice(op);
        state.operands = 0;
        state.last_number = None;
    }
}

fn number(token: &[u8]) -> i32 {
    match token {
        [28, a, b] => i32::from(i16::from_be_bytes([*a, *b])),
        [b @ 32..=246] => i32::from(*b) - 139,
        [b @ 247..=250, c] => (i32::from(*b) - 247) * 256 + i32::from(*c) + 108,
        [b @ 251..=254, c] => -(i32::from(*b) - 251) * 256 - i32::from(*c) - 108,
        // 16.16 fixed: never a subroutine number.
        _ => i32::MIN / 2,
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use super::*;
    use crate::FontSet;

    fn subset_program() -> Vec<u8> {
        let fonts = FontSet::shared().unwrap();
        let wanted: BTreeMap<u16, String> = "示范镇耕地地力保护补贴发放公示0123456789王李张刘"
            .chars()
            .map(|c| {
                (
                    fonts.main.lookup_glyph_index(c as u32).unwrap(),
                    c.to_string(),
                )
            })
            .collect();
        let subset = printpdf::subset_font(&fonts.main, &wanted).unwrap();
        printpdf::extract_cid_keyed_cff(&subset.bytes, 0).unwrap()
    }

    #[test]
    fn the_expanded_program_has_no_subroutines_and_every_glyph() {
        let cff = subset_program();
        let expanded = desubroutinize(&cff).unwrap();
        assert!(
            expanded.len() < cff.len(),
            "{} → {}",
            cff.len(),
            expanded.len()
        );

        let header = usize::from(expanded[2]);
        let names = Index::read(&expanded, header).unwrap();
        let tops = Index::read(&expanded, names.end).unwrap();
        let strings = Index::read(&expanded, tops.end).unwrap();
        let globals = Index::read(&expanded, strings.end).unwrap();
        assert_eq!(globals.count(), 0);
        let top = Dict::parse(tops.get(&expanded, 0).unwrap()).unwrap();
        let charstrings = Index::read(&expanded, top.offset(&[17]).unwrap()).unwrap();
        assert!(charstrings.count() > 25, "{}", charstrings.count());
        // Walking each glyph with no subroutines at all succeeds (any call would fail) and
        // reproduces it: hint masks, stems and the final endchar are intact.
        let none = Index::empty();
        let walker = Routines {
            cff: &expanded,
            global: &none,
            local: &none,
        };
        for gid in 0..charstrings.count() {
            let code = charstrings.get(&expanded, gid).unwrap();
            let mut out = Vec::new();
            let ended = walker.expand(code, &mut out, &mut State::default(), 0);
            assert_eq!(ended, Some(true), "glyph {gid} walks to its endchar");
            assert_eq!(out, code, "glyph {gid}");
        }
        let fds = Index::read(&expanded, top.offset(&[12, 36]).unwrap()).unwrap();
        for i in 0..fds.count() {
            let fd = Dict::parse(fds.get(&expanded, i).unwrap()).unwrap();
            let private = fd.find(&[18]).unwrap();
            let (size, at) = (
                private.number(0).unwrap() as usize,
                private.number(1).unwrap() as usize,
            );
            let dict = Dict::parse(&expanded[at..at + size]).unwrap();
            assert!(dict.find(&[19]).is_none(), "font DICT {i} still has Subrs");
        }
    }

    #[test]
    fn what_is_not_a_cid_keyed_cff_is_left_alone() {
        assert_eq!(desubroutinize(b"not a font"), None);
        assert_eq!(desubroutinize(&[]), None);
        let cff = subset_program();
        assert_eq!(desubroutinize(&cff[..cff.len() / 2]), None);
    }
}
