//! The one-character index behind searches of one or two characters (低保, 王).
//!
//! The trigram index needs three characters; shorter terms used to be a LIKE over every row of
//! their kind, fast for a common term (the newest rows match first) and a full scan for a rare
//! one (a name's 䶮堃: 56 ms over 100,000 records). `search_chars` holds every text as one token
//! per character, so a short term is a phrase of one or two tokens: an index lookup either way.
//!
//! Characters a tokenizer would drop (punctuation, spaces) become [`GAP`], a token of their own,
//! so 低，保 is not found as 低保, just as LIKE would not find it.

use rusqlite::Connection;
use rusqlite::functions::FunctionFlags;

/// Stands for every character that is not a letter or a digit. A letter (U+01C2), so the
/// `unicode61` tokenizer keeps it as a token; no Chinese text uses it.
const GAP: char = 'ǂ';

/// `text` as one token per character.
pub(crate) fn spaced(text: &str) -> String {
    let mut out = String::with_capacity(text.len() * 2);
    for c in text.chars() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push(if c.is_alphanumeric() { c } else { GAP });
    }
    out
}

/// An FTS5 phrase matching `term` where its characters stand next to each other.
pub(crate) fn phrase(term: &str) -> String {
    format!("\"{}\"", spaced(term).replace('"', "\"\""))
}

/// `gongkai_chars(text)`: [`spaced`] in SQL, for the migration that fills the index from the
/// rows already there.
pub(crate) fn register(conn: &Connection) -> rusqlite::Result<()> {
    conn.create_scalar_function(
        "gongkai_chars",
        1,
        FunctionFlags::SQLITE_UTF8 | FunctionFlags::SQLITE_DETERMINISTIC,
        |ctx| Ok(spaced(&ctx.get::<String>(0)?)),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_character_is_a_token_and_punctuation_a_gap() {
        assert_eq!(spaced("低保"), "低 保");
        assert_eq!(spaced("低，保 A1"), "低 ǂ 保 ǂ A 1");
        assert_eq!(spaced(""), "");
        assert_eq!(phrase("䶮堃"), "\"䶮 堃\"");
        assert_eq!(phrase("\""), "\"ǂ\"");
    }
}
