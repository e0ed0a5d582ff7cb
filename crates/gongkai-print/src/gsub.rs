//! The one piece of OpenType shaping the print engine uses: a font's single-substitution
//! feature (here `hwid`, half-width forms) read straight from its `GSUB` table.
//!
//! Why `hwid`: in Noto CJK the default Latin digits are proportional (a "1" is narrower than a
//! "0"), and the table's numbers then line up badly and every right-aligned amount needs its own
//! offset in the PDF. The half-width forms are the same design at a fixed 500/1000 em, the way
//! Chinese forms set figures in tables.

use std::collections::HashMap;

/// `glyph → substitute` for every lookup of the first `feature` found in the font's `GSUB`.
/// A font without the table or the feature gives an empty map; malformed offsets end the
/// reading of that part quietly (the glyphs then keep their default forms).
pub(crate) fn single_substitutions(font: &[u8], feature: &[u8; 4]) -> HashMap<u16, u16> {
    let mut map = HashMap::new();
    let Some(gsub) = table(font, b"GSUB") else {
        return map;
    };
    let Some(lookups) = feature_lookups(gsub, feature) else {
        return map;
    };
    let lookup_list = u16_at(gsub, 8).map_or(&[][..], |o| gsub.get(o as usize..).unwrap_or(&[]));
    for index in lookups {
        let Some(lookup) =
            u16_at(lookup_list, 2 + 2 * index as usize).and_then(|o| lookup_list.get(o as usize..))
        else {
            continue;
        };
        let kind = u16_at(lookup, 0).unwrap_or(0);
        let count = u16_at(lookup, 4).unwrap_or(0);
        for s in 0..count {
            let Some(sub) =
                u16_at(lookup, 6 + 2 * s as usize).and_then(|o| lookup.get(o as usize..))
            else {
                continue;
            };
            match kind {
                1 => read_single(sub, &mut map),
                // Extension: the real subtable sits behind a 32-bit offset.
                7 if u16_at(sub, 2) == Some(1) => {
                    if let Some(inner) = u32_at(sub, 4).and_then(|o| sub.get(o as usize..)) {
                        read_single(inner, &mut map);
                    }
                }
                _ => {}
            }
        }
    }
    map
}

fn table<'a>(font: &'a [u8], tag: &[u8; 4]) -> Option<&'a [u8]> {
    let count = u16_at(font, 4)?;
    (0..count as usize).find_map(|i| {
        let record = 12 + 16 * i;
        if font.get(record..record + 4)? != tag {
            return None;
        }
        let offset = u32_at(font, record + 8)? as usize;
        let length = u32_at(font, record + 12)? as usize;
        font.get(offset..offset.checked_add(length)?)
    })
}

/// The lookup indices of the first feature record with this tag.
fn feature_lookups(gsub: &[u8], tag: &[u8; 4]) -> Option<Vec<u16>> {
    let list = gsub.get(u16_at(gsub, 6)? as usize..)?;
    let count = u16_at(list, 0)?;
    (0..count as usize).find_map(|i| {
        let record = 2 + 6 * i;
        if list.get(record..record + 4)? != tag {
            return None;
        }
        let feature = list.get(u16_at(list, record + 4)? as usize..)?;
        let lookups = u16_at(feature, 2)?;
        (0..lookups as usize)
            .map(|l| u16_at(feature, 4 + 2 * l))
            .collect()
    })
}

fn read_single(sub: &[u8], map: &mut HashMap<u16, u16>) {
    let Some(coverage) = u16_at(sub, 2).and_then(|o| sub.get(o as usize..)) else {
        return;
    };
    let covered = coverage_glyphs(coverage);
    match u16_at(sub, 0) {
        Some(1) => {
            let delta = u16_at(sub, 4).unwrap_or(0);
            for glyph in covered {
                map.entry(glyph).or_insert(glyph.wrapping_add(delta));
            }
        }
        Some(2) => {
            for (i, glyph) in covered.into_iter().enumerate() {
                if let Some(substitute) = u16_at(sub, 6 + 2 * i) {
                    map.entry(glyph).or_insert(substitute);
                }
            }
        }
        _ => {}
    }
}

/// The glyphs of a coverage table, in coverage index order.
fn coverage_glyphs(coverage: &[u8]) -> Vec<u16> {
    let count = u16_at(coverage, 2).unwrap_or(0) as usize;
    match u16_at(coverage, 0) {
        Some(1) => (0..count)
            .map_while(|i| u16_at(coverage, 4 + 2 * i))
            .collect(),
        Some(2) => (0..count)
            .map_while(|i| Some((u16_at(coverage, 4 + 6 * i)?, u16_at(coverage, 6 + 6 * i)?)))
            .flat_map(|(start, end)| start..=end)
            .collect(),
        _ => Vec::new(),
    }
}

fn u16_at(data: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_be_bytes(data.get(at..at + 2)?.try_into().ok()?))
}

fn u32_at(data: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_be_bytes(data.get(at..at + 4)?.try_into().ok()?))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn noto_half_width_digits_are_found() {
        let map = single_substitutions(crate::fonts::MAIN, b"hwid");
        // cid00017 is the proportional "0", cid63062 its half-width form (checked with fontTools).
        assert_eq!(map.get(&17), Some(&63062));
        assert_eq!(map.get(&26), Some(&63071), "9");
        assert!(single_substitutions(crate::fonts::MAIN, b"zzzz").is_empty());
        assert!(single_substitutions(b"not a font", b"hwid").is_empty());
    }
}
