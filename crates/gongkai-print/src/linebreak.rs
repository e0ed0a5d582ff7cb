//! Chinese line breaking (GB/T 15834, W3C clreq, JIS X 4051's 禁则):
//! - closing brackets, quotes, book-title marks and the pause and stop marks (，。、；：！？) never
//!   start a line ([`NO_LINE_START`]); opening ones never end a line ([`NO_LINE_END`]); an
//!   ellipsis or dash pair (……, ——) is never split;
//! - a line that would break one of these rules first tries push-in (推入): its full-width
//!   punctuation is set half-width, the blank half of the glyph's em taken away, until the next
//!   piece fits; only then push-out (推出): the piece moves whole to the next line;
//! - hanging punctuation (a ，。、 set past the line's end) only where the caller says there is a
//!   margin to hang into, never inside a ruled cell;
//! - Latin words, numbers with their units (2018-2020年, 20个工作日) and document numbers
//!   (国卫基层发〔2018〕12号) stay whole where they fit on a line; a space is a preferred break (a
//!   run between spaces that fits on a line is never split: “■政府网站 □政府公报”).

use crate::fonts::Glyphs;

/// Characters that may not begin a line.
pub(crate) const NO_LINE_START: &str = "，。、；：？！）》」』】〕〉］｝”’·・%‰℃,.;:?!)]}";
/// Characters that may not end a line.
pub(crate) const NO_LINE_END: &str = "（《「『【〔〈［｛“‘([{";
/// Full-width marks whose ink sits in the right half of the em: set half-width by moving them
/// half an em to the left.
const INK_RIGHT: &str = "（《「『【〔〈［｛“‘";
/// Full-width marks whose ink sits in the left half of the em (in the simplified-Chinese
/// face): set half-width by ending them half an em early.
const INK_LEFT: &str = "）》」』】〕〉］｝”’，。、；：";
/// The stop marks that may hang into a margin.
const HANGS: &str = "，。、";
/// Units and measure words kept with the number before them, longest first.
const UNITS: [&str; 48] = [
    "个工作日",
    "个自然日",
    "个月",
    "工作日",
    "自然日",
    "小时",
    "分钟",
    "周岁",
    "平方米",
    "立方米",
    "公里",
    "公斤",
    "万元",
    "亿元",
    "千元",
    "季度",
    "年度",
    "年",
    "月",
    "日",
    "天",
    "时",
    "分",
    "秒",
    "个",
    "人",
    "户",
    "次",
    "项",
    "条",
    "号",
    "期",
    "元",
    "万",
    "亿",
    "亩",
    "米",
    "吨",
    "岁",
    "家",
    "所",
    "名",
    "份",
    "件",
    "页",
    "批",
    "类",
    "级",
];

/// One laid-out line.
#[derive(Debug, Clone, PartialEq, Default)]
pub(crate) struct Line {
    pub text: String,
    /// Characters set half-width by push-in, by character index, in order.
    pub squeezed: Vec<usize>,
    /// The last character hangs past the line's width (only where the caller allowed it).
    pub hanging: bool,
}

impl Line {
    fn plain(text: String) -> Line {
        Line {
            text,
            ..Line::default()
        }
    }

    /// The advance of the line as set, in points, at `size`.
    pub fn width(&self, glyphs: &Glyphs<'_>, size: f32) -> f32 {
        glyphs.width(&self.text, size) - 0.5 * size * self.squeezed.len() as f32
    }

    /// Where each character is drawn: its x from the line's start and the character, squeezed
    /// marks moved or cut; in points at `size`.
    pub fn placed(&self, glyphs: &Glyphs<'_>, size: f32) -> Vec<(f32, char)> {
        let mut x = 0.0;
        let mut squeezed = self.squeezed.iter().peekable();
        self.text
            .chars()
            .enumerate()
            .map(|(i, c)| {
                let squeeze = squeezed.next_if(|&&s| s == i).is_some();
                if squeeze && INK_RIGHT.contains(c) {
                    x -= 0.5 * size;
                }
                let at = x;
                x += glyphs.advance_em(c) * size;
                if squeeze && !INK_RIGHT.contains(c) {
                    x -= 0.5 * size;
                }
                (at, c)
            })
            .collect()
    }
}

/// How lines may be set.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Measure {
    pub width: f32,
    pub size: f32,
    /// Squeeze punctuation before pushing a piece to the next line.
    pub push_in: bool,
    /// A ，。、 may hang past `width` (there is a margin beyond it).
    pub hang: bool,
}

/// Breaks `text` (paragraphs split at `\n`) into lines no wider than the measure.
pub(crate) fn break_lines(glyphs: &Glyphs<'_>, text: &str, measure: Measure) -> Vec<Line> {
    // Most cells (a name, an amount, a date) fit as they are: no break to look for.
    if !text.contains([' ', '\n', '\r', '\u{2028}', '\u{2029}'])
        && glyphs.width(text, measure.size) <= measure.width
    {
        return vec![Line::plain(text.to_owned())];
    }
    let mut lines = Vec::new();
    for paragraph in paragraphs(text) {
        Breaker {
            glyphs,
            measure,
            chars: paragraph.chars().collect(),
            lines: &mut lines,
            line: Vec::new(),
            line_em: 0.0,
        }
        .run();
    }
    lines
}

/// A text's paragraphs: split at line feeds, carriage returns (a Windows \r\n ends one
/// paragraph, not two) and the Unicode line and paragraph separators. None of them has a
/// glyph: left in a line they would be measured as an em of blank and read as nothing.
fn paragraphs(text: &str) -> impl Iterator<Item = &str> {
    text.split('\n')
        .map(|p| p.strip_suffix('\r').unwrap_or(p))
        .flat_map(|p| p.split(['\r', '\u{2028}', '\u{2029}']))
}

/// How strongly a break before a character is avoided.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Break {
    /// Between two characters anywhere (Chinese text).
    Allowed,
    /// Inside a document number but not inside its figures: when the whole cannot fit.
    InsideDocumentNumber,
    /// Inside a word, a number with its unit or a document number: only when it cannot fit.
    InsideWord,
    /// Against the 禁则: only when a piece longer than a whole line leaves no other way.
    Prohibited,
}

struct Breaker<'g, 'l> {
    glyphs: &'g Glyphs<'g>,
    measure: Measure,
    chars: Vec<char>,
    lines: &'l mut Vec<Line>,
    /// The line being filled: character indices into `chars`.
    line: Vec<usize>,
    /// Its advance in ems, kept as it grows (the plain fit is asked for every piece).
    line_em: f32,
}

impl Breaker<'_, '_> {
    fn run(mut self) {
        let lines_before = self.lines.len();
        let mut breaks = breaks(&self.chars);
        let n = self.chars.len();
        // A space before a mark that may not start a line is no break (“领域 ；一般” would open
        // the next line with ；): the space stays inside the run with the text around it.
        let glued: Vec<bool> = (0..n)
            .map(|i| {
                self.chars[i] == ' '
                    && self
                        .chars
                        .get(i + 1)
                        .is_some_and(|c| NO_LINE_START.contains(*c))
            })
            .collect();
        for (i, b) in breaks.iter_mut().enumerate() {
            if i > 0 && glued[i] {
                *b = Break::Prohibited;
            }
        }
        let mut start = 0;
        while start < n {
            if self.chars[start] == ' ' {
                // A space is a preferred break; the next line does not start with it.
                if self.fits(&[start]).is_some() {
                    self.push(&[start]);
                } else {
                    self.finish();
                }
                start += 1;
                continue;
            }
            let end = (start..n)
                .find(|&i| self.chars[i] == ' ' && !glued[i])
                .unwrap_or(n);
            self.place(start..end, &breaks, Break::Allowed);
            start = end;
        }
        // The paragraph's last line; an empty paragraph (an empty cell) is one empty line.
        let empty_paragraph = self.lines.len() == lines_before;
        self.finish_as(false, empty_paragraph);
    }

    /// Places `range` split at breaks no stronger than `level`: each piece on the current line
    /// when it fits (squeezing if need be), else on a new line, else split at the next level.
    fn place(&mut self, range: std::ops::Range<usize>, breaks: &[Break], level: Break) {
        let mut start = range.start;
        while start < range.end {
            let end = (start + 1..range.end)
                .find(|&i| breaks[i] <= level)
                .unwrap_or(range.end);
            let piece: Vec<usize> = (start..end).collect();
            // A run between spaces that fits on a line is never split.
            let whole = level == Break::Allowed && start == range.start && end < range.end && {
                let all: Vec<usize> = range.clone().collect();
                self.fits_alone(&all)
            };
            if whole {
                let all: Vec<usize> = range.clone().collect();
                if !self.append(&all) {
                    self.finish();
                    self.append(&all);
                }
                return;
            }
            if !self.append(&piece) {
                if self.fits_alone(&piece) {
                    self.finish();
                    self.append(&piece);
                } else if let Some(next) = weaker(level) {
                    self.place(start..end, breaks, next);
                } else {
                    // One character wider than the line: it stands alone.
                    self.finish();
                    self.push(&piece);
                }
            }
            start = end;
        }
    }

    /// Adds `piece` to the line when it fits there, squeezing (or hanging) as allowed.
    fn append(&mut self, piece: &[usize]) -> bool {
        match self.fits(piece) {
            Some(fit) => {
                self.push(piece);
                if let Fit::Hanging = fit {
                    self.finish_hanging();
                }
                true
            }
            None => false,
        }
    }

    fn push(&mut self, piece: &[usize]) {
        self.line_em += self.ems(piece);
        self.line.extend_from_slice(piece);
    }

    fn ems(&self, piece: &[usize]) -> f32 {
        piece
            .iter()
            .map(|&i| self.glyphs.advance_em(self.chars[i]))
            .sum()
    }

    fn fits_alone(&self, piece: &[usize]) -> bool {
        self.width_of(piece.iter().copied(), 0) <= self.measure.width
    }

    /// Whether `piece` fits after the current line: plainly, squeezed, or hanging.
    fn fits(&self, piece: &[usize]) -> Option<Fit> {
        let all = || self.line.iter().chain(piece).copied();
        let width = self.measure.width;
        if (self.line_em + self.ems(piece)) * self.measure.size <= width {
            return Some(Fit::Plain);
        }
        if self.measure.push_in && self.width_of(all(), self.squeezable(all()).len()) <= width {
            return Some(Fit::Plain);
        }
        let (&last, rest) = piece.split_last()?;
        let hangs = self.measure.hang
            && HANGS.contains(self.chars[last])
            && !(rest.is_empty() && self.line.is_empty());
        if hangs {
            let before = || self.line.iter().chain(rest).copied();
            let squeeze = if self.measure.push_in {
                self.squeezable(before()).len()
            } else {
                0
            };
            if self.width_of(before(), squeeze) <= width {
                return Some(Fit::Hanging);
            }
        }
        None
    }

    /// Width in points of `indices` with `squeezed` marks set half-width.
    fn width_of(&self, indices: impl Iterator<Item = usize>, squeezed: usize) -> f32 {
        let em: f32 = indices.map(|i| self.glyphs.advance_em(self.chars[i])).sum();
        (em - 0.5 * squeezed as f32) * self.measure.size
    }

    /// The full-width marks of a line made of `indices` that can be set half-width: not an
    /// opening mark that starts it nor a closing one that ends it, so every glyph's whole box
    /// stays inside the line's measure (the blank half of an edge mark is what a cell's padding
    /// would otherwise have to hold).
    fn squeezable(&self, indices: impl Iterator<Item = usize>) -> Vec<usize> {
        let indices: Vec<usize> = indices.collect();
        let (Some(&first), Some(&last)) = (indices.first(), indices.last()) else {
            return Vec::new();
        };
        indices
            .into_iter()
            .filter(|&i| {
                let c = self.chars[i];
                let right = INK_RIGHT.contains(c) && i != first;
                let left = INK_LEFT.contains(c) && i != last;
                (right || left) && self.glyphs.advance_em(c) > 0.9
            })
            .collect()
    }

    /// Ends the current line: trailing spaces dropped, as many marks squeezed as it needs
    /// (nearest the line's end first).
    fn finish(&mut self) {
        self.finish_as(false, false);
    }

    fn finish_hanging(&mut self) {
        self.finish_as(true, false);
    }

    /// `keep_empty`: push the line even when it holds nothing but spaces.
    fn finish_as(&mut self, hanging: bool, keep_empty: bool) {
        while self.line.last().is_some_and(|&i| self.chars[i] == ' ') {
            self.line.pop();
        }
        if self.line.is_empty() && !keep_empty {
            self.line_em = 0.0;
            return;
        }
        let line = std::mem::take(&mut self.line);
        self.line_em = 0.0;
        let counted = if hanging {
            &line[..line.len().saturating_sub(1)]
        } else {
            &line[..]
        };
        let mut over = self.width_of(counted.iter().copied(), 0) - self.measure.width;
        let mut squeezed = Vec::new();
        if self.measure.push_in && over > 0.0 {
            for i in self.squeezable(counted.iter().copied()).into_iter().rev() {
                if over <= 0.0 {
                    break;
                }
                squeezed.push(i);
                over -= 0.5 * self.measure.size;
            }
        }
        let first = line.first().copied().unwrap_or(0);
        let mut squeezed: Vec<usize> = squeezed.into_iter().map(|i| i - first).collect();
        squeezed.sort_unstable();
        self.lines.push(Line {
            text: line.iter().map(|&i| self.chars[i]).collect(),
            squeezed,
            hanging,
        });
    }
}

enum Fit {
    Plain,
    Hanging,
}

fn weaker(level: Break) -> Option<Break> {
    match level {
        Break::Allowed => Some(Break::InsideDocumentNumber),
        Break::InsideDocumentNumber => Some(Break::InsideWord),
        Break::InsideWord => Some(Break::Prohibited),
        Break::Prohibited => None,
    }
}

/// For each character, how strongly a break before it is avoided (the first has none).
fn breaks(chars: &[char]) -> Vec<Break> {
    let mut breaks = vec![Break::Allowed; chars.len()];
    for span in document_numbers(chars) {
        for b in &mut breaks[span.start + 1..span.end] {
            *b = Break::InsideDocumentNumber;
        }
    }
    for span in word_spans(chars) {
        for b in &mut breaks[span.start + 1..span.end] {
            *b = Break::InsideWord;
        }
    }
    for i in 1..chars.len() {
        let (before, here) = (chars[i - 1], chars[i]);
        let pair = before == here && matches!(here, '…' | '—' | '⋯');
        if NO_LINE_START.contains(here) || NO_LINE_END.contains(before) || pair {
            breaks[i] = Break::Prohibited;
        }
    }
    breaks
}

/// Spans kept whole where they fit: runs of Latin letters and figures (with the points,
/// commas, hyphens and slashes inside them: 1,234.50, 0999-6012345), a number with the unit
/// after it (2018-2020年, 20个工作日, 第3季度), a document number with its issuer's prefix
/// (国卫基层发〔2018〕12号).
fn word_spans(chars: &[char]) -> Vec<std::ops::Range<usize>> {
    let joins = |c: char| c.is_ascii_alphanumeric() || matches!(c, '.' | ',' | '-' | '/' | ':');
    let mut spans = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if !chars[i].is_ascii_alphanumeric() {
            i += 1;
            continue;
        }
        let mut start = i;
        let mut end = i;
        while end < chars.len() && joins(chars[end]) {
            end += 1;
        }
        // Separators at the end belong to the sentence, not the word.
        while end > start + 1 && !chars[end - 1].is_ascii_alphanumeric() {
            end -= 1;
        }
        let numeric = chars[start].is_ascii_digit();
        if numeric {
            if start > 0 && chars[start - 1] == '第' {
                start -= 1;
            }
            if let Some(unit) = UNITS.iter().find(|u| starts_with(&chars[end..], u)) {
                end += unit.chars().count();
            }
        }
        spans.push(start..end);
        i = end.max(i + 1);
    }
    spans
}

/// 〔2018〕12号 with the issuer's abbreviation before it (up to eight Chinese characters back
/// to a mark or a space).
fn document_numbers(chars: &[char]) -> Vec<std::ops::Range<usize>> {
    let mut spans = Vec::new();
    for (open, _) in chars.iter().enumerate().filter(|(_, c)| **c == '〔') {
        let digits = |from: usize| {
            chars[from..]
                .iter()
                .take_while(|c| c.is_ascii_digit())
                .count()
        };
        let year = digits(open + 1);
        let close = open + 1 + year;
        if year == 0 || chars.get(close) != Some(&'〕') {
            continue;
        }
        let number = digits(close + 1);
        let end = close + 1 + number;
        if number == 0 || chars.get(end) != Some(&'号') {
            continue;
        }
        let mut start = open;
        while start > 0 && open - start < 8 && is_ideograph(chars[start - 1]) {
            start -= 1;
        }
        spans.push(start..end + 1);
    }
    spans
}

fn is_ideograph(c: char) -> bool {
    matches!(c as u32, 0x3400..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x3FFFF)
}

fn starts_with(chars: &[char], word: &str) -> bool {
    let mut rest = chars.iter();
    word.chars().all(|w| rest.next() == Some(&w))
}

/// Lines as plain strings, for text that is drawn without push-in (titles, legends, footers).
pub(crate) fn wrap_plain(glyphs: &Glyphs<'_>, text: &str, width: f32, size: f32) -> Vec<String> {
    let measure = Measure {
        width,
        size,
        push_in: false,
        hang: false,
    };
    break_lines(glyphs, text, measure)
        .into_iter()
        .map(|l| l.text)
        .collect()
}

impl From<String> for Line {
    fn from(text: String) -> Line {
        Line::plain(text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::FontSet;

    fn glyphs() -> Glyphs<'static> {
        Glyphs::new(FontSet::shared().unwrap())
    }

    fn cell(text: &str, ems: f32) -> Vec<Line> {
        let measure = Measure {
            width: ems * 10.0,
            size: 10.0,
            push_in: true,
            hang: false,
        };
        break_lines(&glyphs(), text, measure)
    }

    fn texts(lines: &[Line]) -> Vec<&str> {
        lines.iter().map(|l| l.text.as_str()).collect()
    }

    #[test]
    fn an_opening_bracket_goes_to_the_next_line_with_what_it_opens() {
        // 公示栏（ would end the first line at six ems; （ goes over with 电.
        let lines = cell("村公示栏（电子屏）", 5.0);
        assert_eq!(texts(&lines), ["村公示栏", "（电子屏）"]);
        let lines = cell("依据《中华人民共和国村民委员会组织法》", 4.0);
        assert!(lines.iter().all(|l| !l.text.ends_with('《')), "{lines:?}");
    }

    #[test]
    fn push_in_squeezes_punctuation_before_anything_moves() {
        // Seven ems of text with two marks inside it in six and a half: squeezed, one line.
        let lines = cell("法律、法规》等", 6.5);
        assert_eq!(texts(&lines), ["法律、法规》等"], "{lines:?}");
        assert!(!lines[0].squeezed.is_empty());
        let g = glyphs();
        assert!(lines[0].width(&g, 10.0) <= 65.0 + 0.01);
        // A closing mark that would start the next line is pulled back by squeezing.
        let lines = cell("办法》、通知", 3.0);
        assert!(
            lines.iter().all(|l| !l.text.starts_with(['、', '》'])),
            "{lines:?}"
        );
        for line in &lines {
            assert!(line.width(&g, 10.0) <= 30.01, "{line:?}");
        }
    }

    #[test]
    fn a_space_before_a_closing_mark_is_no_break() {
        // Seen in the proofread property test: the run after the space went to a new line
        // opening with ；.
        for width in 3..16 {
            let lines = cell("城乡规划领域相 ；一般公共预算城乡规划领域相", width as f32);
            assert!(
                lines.iter().all(|l| !l.text.trim_start().starts_with('；')),
                "{width}: {lines:?}"
            );
        }
    }

    #[test]
    fn push_out_when_squeezing_is_not_enough() {
        let lines = cell("甲乙丙丁，戊", 4.0);
        assert_eq!(texts(&lines), ["甲乙丙", "丁，戊"]);
    }

    #[test]
    fn numbers_with_units_and_document_numbers_stay_whole() {
        let lines = cell("在2018-2020年间", 6.0);
        assert!(
            lines.iter().any(|l| l.text.contains("2018-2020年")),
            "{lines:?}"
        );
        let lines = cell("应在20个工作日内答复", 5.0);
        assert!(
            lines.iter().any(|l| l.text.contains("20个工作日")),
            "{lines:?}"
        );
        let lines = cell("见《通知》（国卫基层发〔2018〕12号）", 14.0);
        assert!(
            lines
                .iter()
                .any(|l| l.text.contains("（国卫基层发〔2018〕12号）")),
            "{lines:?}"
        );
        // Too long for the line: it breaks between its characters, never inside 2018.
        let lines = cell("见《通知》（国卫基层发〔2018〕12号）", 9.0);
        assert!(lines.iter().any(|l| l.text.contains("2018")), "{lines:?}");
    }

    #[test]
    fn ellipsis_and_dash_pairs_are_never_split() {
        for width in 2..8 {
            for line in cell("甲乙丙……丁戊——己庚", width as f32) {
                assert!(
                    !line.text.starts_with(['…', '—'])
                        || line.text.starts_with("……")
                        || line.text.starts_with("——"),
                    "{line:?}"
                );
                assert!(
                    !line.text.ends_with("丙…") && !line.text.ends_with("戊—"),
                    "{line:?}"
                );
            }
        }
    }

    #[test]
    fn hanging_only_where_the_caller_has_a_margin() {
        let measure = Measure {
            width: 40.0,
            size: 10.0,
            push_in: false,
            hang: true,
        };
        let lines = break_lines(&glyphs(), "甲乙丙丁。戊", measure);
        assert_eq!(texts(&lines), ["甲乙丙丁。", "戊"]);
        assert!(lines[0].hanging);
        let lines = cell("甲乙丙丁。戊", 4.0);
        assert!(lines.iter().all(|l| !l.hanging));
    }

    #[test]
    fn placed_characters_follow_the_squeeze() {
        let g = glyphs();
        let line = Line {
            text: "（甲）".into(),
            squeezed: vec![0, 2],
            hanging: false,
        };
        let placed = line.placed(&g, 10.0);
        assert!((placed[0].0 + 5.0).abs() < 0.01, "{placed:?}");
        assert!((placed[1].0 - 5.0).abs() < 0.01, "{placed:?}");
        assert!((line.width(&g, 10.0) - 20.0).abs() < 0.01);
    }
}
