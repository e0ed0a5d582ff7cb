//! The scanner of the PII scans (`pii_scan.rs`, `pii_scan_since.rs`): every number of the
//! fixtures, looked for in every byte of a folder — raw, UTF-16, separators taken out, and inside
//! PDFs (`pdftotext`, streams), zips (`.xlsx`, `.docx`), gzip members and SQLite values.

#![allow(dead_code)] // each test binary uses part of this

use std::collections::HashMap;
use std::io::Read;
use std::path::{Path, PathBuf};

use tempfile::TempDir;

/// One number of the fixtures that must never be written whole.
#[derive(Debug, Clone)]
pub struct Secret {
    pub what: String,
    pub digits: String,
}

impl Secret {
    pub fn new(what: impl Into<String>, digits: &str) -> Secret {
        Secret {
            what: what.into(),
            digits: digits.to_ascii_uppercase(),
        }
    }

    /// The number as a failure message may show it.
    pub fn masked(&self) -> String {
        let d = &self.digits;
        format!("{}…{}（{} 位）", &d[..3], &d[d.len() - 2..], d.len())
    }
}

/// Where a secret was found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    pub file: PathBuf,
    pub layer: String,
    pub secret: String,
}

pub struct Scanner {
    /// By length, then digits → description.
    secrets: HashMap<usize, HashMap<String, Secret>>,
    scratch: TempDir,
}

/// How far inside-of-inside the scanner looks (a PDF stored in a SQLite blob is depth 2).
pub const MAX_DEPTH: usize = 3;
pub const MAX_INFLATED: u64 = 256 << 20;

impl Scanner {
    pub fn new(secrets: &[Secret]) -> Scanner {
        let mut by_len: HashMap<usize, HashMap<String, Secret>> = HashMap::new();
        for s in secrets {
            by_len
                .entry(s.digits.len())
                .or_default()
                .insert(s.digits.clone(), s.clone());
        }
        Scanner {
            secrets: by_len,
            scratch: TempDir::new().unwrap(),
        }
    }

    /// Every file under `root`, scanned.
    pub fn scan_tree(&self, root: &Path) -> (Vec<Hit>, usize) {
        let mut hits = Vec::new();
        let mut files = 0;
        let mut stack = vec![root.to_owned()];
        while let Some(dir) = stack.pop() {
            for entry in std::fs::read_dir(&dir).unwrap() {
                let entry = entry.unwrap();
                let p = entry.path();
                if entry.file_type().unwrap().is_dir() {
                    stack.push(p);
                } else {
                    files += 1;
                    hits.extend(self.scan_file(&p));
                }
            }
        }
        (hits, files)
    }

    pub fn scan_file(&self, file: &Path) -> Vec<Hit> {
        let bytes = std::fs::read(file).unwrap();
        let mut hits = Vec::new();
        self.scan_bytes(file, "raw", &bytes, 0, &mut hits);
        if bytes.starts_with(b"SQLite format 3\0") {
            let dump = self.sqlite_values(file);
            self.scan_bytes(file, "sqlite", &dump.text, 1, &mut hits);
            for (i, blob) in dump.blobs.iter().enumerate() {
                self.scan_bytes(file, &format!("sqlite blob {i}"), blob, 1, &mut hits);
            }
        }
        hits.dedup();
        hits
    }

    /// `bytes` as text in every encoding, then what it holds, down to `MAX_DEPTH`.
    pub fn scan_bytes(
        &self,
        file: &Path,
        layer: &str,
        bytes: &[u8],
        depth: usize,
        hits: &mut Vec<Hit>,
    ) {
        let texts = [
            ("", String::from_utf8_lossy(bytes).into_owned()),
            (" utf-16le", utf16(bytes, u16::from_le_bytes)),
            (
                " utf-16le+1",
                utf16(bytes.get(1..).unwrap_or(&[]), u16::from_le_bytes),
            ),
            (" utf-16be", utf16(bytes, u16::from_be_bytes)),
            (
                " utf-16be+1",
                utf16(bytes.get(1..).unwrap_or(&[]), u16::from_be_bytes),
            ),
        ];
        for (encoding, text) in &texts {
            for secret in self.find(text) {
                let hit = Hit {
                    file: file.to_owned(),
                    layer: format!("{layer}{encoding}"),
                    secret,
                };
                if !hits.contains(&hit) {
                    hits.push(hit);
                }
            }
        }
        if depth >= MAX_DEPTH {
            return;
        }
        if bytes.starts_with(b"%PDF") {
            let text = self.pdftotext(bytes);
            self.scan_bytes(
                file,
                &format!("{layer} › pdftotext"),
                &text,
                MAX_DEPTH,
                hits,
            );
            for (at, inflated) in pdf_streams(bytes) {
                self.scan_bytes(
                    file,
                    &format!("{layer} › stream@{at}"),
                    &inflated,
                    depth + 1,
                    hits,
                );
            }
        }
        for (name, data) in zip_entries(bytes) {
            self.scan_bytes(
                file,
                &format!("{layer} › zip:{name}"),
                &data,
                depth + 1,
                hits,
            );
            let text = strip_tags(&data);
            self.scan_bytes(
                file,
                &format!("{layer} › zip-text:{name}"),
                &text,
                MAX_DEPTH,
                hits,
            );
        }
        for (at, data) in gzip_members(bytes) {
            self.scan_bytes(
                file,
                &format!("{layer} › gzip@{at}"),
                &data,
                depth + 1,
                hits,
            );
        }
    }

    /// The secrets whose digits appear in `text`, separators taken out.
    pub fn find(&self, text: &str) -> Vec<String> {
        let mut found = Vec::new();
        for run in digit_runs(text) {
            for (len, secrets) in &self.secrets {
                if run.len() < *len {
                    continue;
                }
                for start in 0..=run.len() - len {
                    if let Some(s) = secrets.get(&run[start..start + len]) {
                        let named = format!("{} {}", s.what, s.masked());
                        if !found.contains(&named) {
                            found.push(named);
                        }
                    }
                }
            }
        }
        found
    }

    pub fn pdftotext(&self, pdf: &[u8]) -> Vec<u8> {
        let file = self.scratch.path().join("scan.pdf");
        std::fs::write(&file, pdf).unwrap();
        let out = std::process::Command::new("pdftotext")
            .args(["-enc", "UTF-8"])
            .arg(&file)
            .arg("-")
            .output()
            .expect("pdftotext (poppler-utils, installed by ./dev.sh test) reads the PDFs");
        out.stdout
    }

    /// Every value of every table, read through SQLite (so what sits in the WAL counts, and
    /// integers are read as numbers written in decimal), from a copy so the scan writes
    /// nothing beside the file.
    pub fn sqlite_values(&self, file: &Path) -> SqliteDump {
        let copy = self.scratch.path().join("scan.sqlite3");
        for suffix in ["", "-wal"] {
            let from = PathBuf::from(format!("{}{suffix}", file.display()));
            let to = PathBuf::from(format!("{}{suffix}", copy.display()));
            let _ = std::fs::remove_file(&to);
            if from.exists() {
                std::fs::copy(&from, &to).unwrap();
            }
        }
        let _ = std::fs::remove_file(format!("{}-shm", copy.display()));
        let conn = rusqlite::Connection::open(&copy).unwrap();
        let tables: Vec<String> = conn
            .prepare("SELECT name FROM sqlite_schema WHERE type = 'table'")
            .unwrap()
            .query_map([], |r| r.get(0))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        let mut dump = SqliteDump::default();
        for table in tables {
            let Ok(mut stmt) = conn.prepare(&format!("SELECT * FROM \"{table}\"")) else {
                continue; // an FTS shadow table a module owns
            };
            let columns = stmt.column_count();
            let mut rows = stmt.query([]).unwrap();
            while let Some(row) = rows.next().unwrap() {
                for c in 0..columns {
                    use rusqlite::types::ValueRef;
                    match row.get_ref(c).unwrap() {
                        ValueRef::Text(t) => dump.text.extend_from_slice(t),
                        ValueRef::Integer(i) => {
                            dump.text.extend_from_slice(i.to_string().as_bytes())
                        }
                        ValueRef::Real(f) => dump.text.extend_from_slice(f.to_string().as_bytes()),
                        ValueRef::Blob(b) => dump.blobs.push(b.to_vec()),
                        ValueRef::Null => {}
                    }
                    dump.text.push(b'\n');
                }
            }
        }
        drop(conn);
        dump
    }
}

#[derive(Default)]
pub struct SqliteDump {
    text: Vec<u8>,
    blobs: Vec<Vec<u8>>,
}

pub fn utf16(bytes: &[u8], read: fn([u8; 2]) -> u16) -> String {
    let units = bytes.chunks_exact(2).map(|p| read([p[0], p[1]]));
    char::decode_utf16(units)
        .map(|c| c.unwrap_or(char::REPLACEMENT_CHARACTER))
        .collect()
}

/// Runs of digits (and X) as a reader would join them: full-width forms folded, separators —
/// whitespace of every kind, dashes, dots, commas, underscores, zero-width characters — skipped.
pub fn digit_runs(text: &str) -> Vec<String> {
    let mut runs = Vec::new();
    let mut run = String::new();
    for c in text.chars() {
        let folded = match c {
            '0'..='9' | 'X' => Some(c),
            'x' => Some('X'),
            '\u{ff10}'..='\u{ff19}' => char::from_u32(c as u32 - 0xff10 + '0' as u32),
            '\u{ff38}' | '\u{ff58}' => Some('X'),
            _ => None,
        };
        match folded {
            Some(d) => run.push(d),
            None if is_separator(c) => {}
            None => {
                if run.len() >= 16 {
                    runs.push(std::mem::take(&mut run));
                }
                run.clear();
            }
        }
    }
    if run.len() >= 16 {
        runs.push(run);
    }
    runs
}

pub fn is_separator(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '-' | '_'
                | '.'
                | ','
                | '，'
                | '、'
                | '·'
                | '\u{2010}'..='\u{2015}'
                | '\u{2212}'
                | '\u{ff0d}'
                | '\u{200b}'..='\u{200d}'
                | '\u{2060}'
                | '\u{feff}'
                | '\u{00a0}'
                | '\u{3000}'
        )
}

/// Text between XML tags, entities of digits decoded (`&#49;` is how a writer may spell `1`).
pub fn strip_tags(xml: &[u8]) -> Vec<u8> {
    let text = String::from_utf8_lossy(xml);
    let mut out = String::new();
    let mut inside = false;
    for c in text.chars() {
        match c {
            '<' => inside = true,
            '>' => inside = false,
            _ if !inside => out.push(c),
            _ => {}
        }
    }
    let mut decoded = String::new();
    let mut rest = out.as_str();
    while let Some(at) = rest.find("&#") {
        decoded.push_str(&rest[..at]);
        let after = &rest[at + 2..];
        let end = after.find(';').unwrap_or(after.len());
        let number = &after[..end];
        let code = match number.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok(),
            None => number.parse().ok(),
        };
        match code.and_then(char::from_u32) {
            Some(c) => decoded.push(c),
            None => decoded.push_str(&rest[at..at + 2 + end]),
        }
        rest = after.get(end + 1..).unwrap_or("");
    }
    decoded.push_str(rest);
    decoded.into_bytes()
}

/// The inflated content of every `stream` of a PDF (FlateDecode or not: a stream that does
/// not inflate is already scanned raw).
pub fn pdf_streams(pdf: &[u8]) -> Vec<(usize, Vec<u8>)> {
    let mut out = Vec::new();
    let mut at = 0;
    while let Some(found) = find(&pdf[at..], b"stream") {
        let mut start = at + found + b"stream".len();
        if pdf[..at + found].ends_with(b"end") {
            at = start;
            continue;
        }
        if pdf.get(start) == Some(&b'\r') {
            start += 1;
        }
        if pdf.get(start) == Some(&b'\n') {
            start += 1;
        }
        let mut data = Vec::new();
        let decoder = flate2::read::ZlibDecoder::new(&pdf[start..]);
        if decoder.take(MAX_INFLATED).read_to_end(&mut data).is_ok() || !data.is_empty() {
            out.push((start, data));
        }
        at = start;
    }
    out
}

/// Each entry of a zip archive (local file headers: stored or deflated), by name.
pub fn zip_entries(bytes: &[u8]) -> Vec<(String, Vec<u8>)> {
    let mut out = Vec::new();
    let mut at = 0;
    while let Some(found) = find(&bytes[at..], b"PK\x03\x04") {
        let header = at + found;
        at = header + 4;
        let Some(fixed) = bytes.get(header..header + 30) else {
            break;
        };
        let method = u16::from_le_bytes([fixed[8], fixed[9]]);
        let compressed = u32::from_le_bytes([fixed[18], fixed[19], fixed[20], fixed[21]]) as usize;
        let name_len = u16::from_le_bytes([fixed[26], fixed[27]]) as usize;
        let extra_len = u16::from_le_bytes([fixed[28], fixed[29]]) as usize;
        let name_start = header + 30;
        let data_start = name_start + name_len + extra_len;
        let Some(name) = bytes.get(name_start..name_start + name_len) else {
            continue;
        };
        let name = String::from_utf8_lossy(name).into_owned();
        let Some(rest) = bytes.get(data_start..) else {
            continue;
        };
        let data = match method {
            0 => rest[..compressed.min(rest.len())].to_vec(),
            8 => {
                let mut data = Vec::new();
                let decoder = flate2::read::DeflateDecoder::new(rest);
                let _ = decoder.take(MAX_INFLATED).read_to_end(&mut data);
                data
            }
            _ => continue,
        };
        out.push((name, data));
    }
    out
}

/// Every gzip member (sync bodies travel and are kept gzipped).
pub fn gzip_members(bytes: &[u8]) -> Vec<(usize, Vec<u8>)> {
    let mut out = Vec::new();
    let mut at = 0;
    while let Some(found) = find(&bytes[at..], b"\x1f\x8b\x08") {
        let start = at + found;
        at = start + 3;
        let mut data = Vec::new();
        let decoder = flate2::read::GzDecoder::new(&bytes[start..]);
        if decoder.take(MAX_INFLATED).read_to_end(&mut data).is_ok() || !data.is_empty() {
            out.push((start, data));
        }
    }
    out
}

pub fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

pub fn report(hits: &[Hit]) -> String {
    hits.iter()
        .take(40)
        .map(|h| format!("  {} ({}): {}", h.file.display(), h.layer, h.secret))
        .collect::<Vec<_>>()
        .join("\n")
}
