//! Reading a printed PDF back as a proofreader sees it (tests only, behind the `readback`
//! feature): lines of words from poppler's `pdftotext -bbox`, and the lines that break the
//! Chinese line-breaking rules. Kept here, beside the rules, so every crate that prints checks
//! its PDFs with the same reader and the same tables.

use std::path::Path;
use std::process::Command;

use crate::linebreak::{NO_LINE_END, NO_LINE_START};

/// One word as `pdftotext -bbox` places it, in points from the page's top-left corner.
#[derive(Debug)]
pub(crate) struct Word {
    pub(crate) page: usize,
    pub(crate) x_min: f32,
    pub(crate) y_min: f32,
    pub(crate) x_max: f32,
    pub(crate) text: String,
}

pub(crate) fn bbox_words(pdf: &Path) -> Result<Vec<Word>, String> {
    let out = Command::new("pdftotext")
        .arg("-bbox")
        .arg(pdf)
        .arg("-")
        .output()
        .map_err(|e| format!("pdftotext (poppler-utils) could not run: {e}"))?;
    if !out.status.success() {
        return Err(format!(
            "pdftotext failed on {}: {}",
            pdf.display(),
            String::from_utf8_lossy(&out.stderr)
        ));
    }
    let html = String::from_utf8(out.stdout).map_err(|e| e.to_string())?;
    let attribute = |tag: &str, name: &str| -> Result<f32, String> {
        let key = format!("{name}=\"");
        let start = tag
            .find(&key)
            .ok_or_else(|| format!("no {name} in {tag}"))?
            + key.len();
        tag[start..]
            .split('"')
            .next()
            .and_then(|v| v.parse().ok())
            .ok_or_else(|| format!("bad {name} in {tag}"))
    };
    let mut words = Vec::new();
    let mut page = 0;
    for line in html.lines().map(str::trim) {
        if line.starts_with("<page") {
            page += 1;
        } else if let Some(tag) = line.strip_prefix("<word ") {
            let (attributes, rest) = tag.split_once('>').ok_or("unclosed <word>")?;
            let text = rest
                .trim_end_matches("</word>")
                .replace("&amp;", "&")
                .replace("&lt;", "<")
                .replace("&gt;", ">");
            words.push(Word {
                page,
                x_min: attribute(attributes, "xMin")?,
                y_min: attribute(attributes, "yMin")?,
                x_max: attribute(attributes, "xMax")?,
                text,
            });
        }
    }
    Ok(words)
}

/// Lines of text as a reader of the PDF sees them: words on one baseline, split where a gap
/// wider than a space separates them (a cell's rule and padding do).
pub fn read_lines(pdf: &Path) -> Result<Vec<String>, String> {
    let mut words = bbox_words(pdf)?;
    words.sort_by(|a, b| {
        (a.page, (a.y_min * 10.0) as i64, a.x_min)
            .partial_cmp(&(b.page, (b.y_min * 10.0) as i64, b.x_min))
            .unwrap_or(std::cmp::Ordering::Equal)
    });
    let mut lines: Vec<String> = Vec::new();
    let mut last: Option<(usize, f32, f32)> = None;
    for word in words {
        let joined = last.is_some_and(|(page, y, x)| {
            page == word.page && (y - word.y_min).abs() < 0.5 && word.x_min - x < 4.0
        });
        last = Some((word.page, word.y_min, word.x_max));
        match lines.last_mut() {
            Some(line) if joined => line.push_str(&word.text),
            _ => lines.push(word.text),
        }
    }
    Ok(lines)
}

/// The lines that start with a mark no line may start with, or end with one no line may end
/// with, each said with the rule it breaks.
pub fn rule_breaks(lines: &[String]) -> Vec<String> {
    let mut found = Vec::new();
    for line in lines {
        if line.starts_with(|c| NO_LINE_START.contains(c)) {
            found.push(format!("starts with a closing mark: {line}"));
        }
        if line.ends_with(|c| NO_LINE_END.contains(c)) {
            found.push(format!("ends with an opening mark: {line}"));
        }
    }
    found
}
