//! A board's layout in whole millimetres: the board's size, its zones' rectangles, the check
//! that every zone lies inside the board and apart from the others, and how many whole sheets
//! of A4 or A3 a zone holds.
//!
//! Whole millimetres because boards are measured with a tape and zones are cut to sheets; no
//! rounding of fractions can make two zones that touch on screen overlap in the database.

use std::fmt;

use crate::BoardError;
use crate::zone::Zone;

/// A length on a board, in whole millimetres.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Millimetres(u32);

impl Millimetres {
    pub const fn new(mm: u32) -> Self {
        Self(mm)
    }

    pub const fn get(self) -> u32 {
        self.0
    }
}

impl fmt::Display for Millimetres {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} mm", self.0)
    }
}

/// The narrowest and widest board (the database holds the same bounds): a board narrower than
/// 30 cm holds no A4 sheet with a margin; 20 m is longer than any wall of boards.
pub const BOARD_WIDTH: (u32, u32) = (300, 20_000);
/// The lowest and tallest board: 10 m is above any wall.
pub const BOARD_HEIGHT: (u32, u32) = (300, 10_000);

/// A rectangle on a board: `x` from the board's left edge, `y` from its top edge.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Rect {
    pub x: Millimetres,
    pub y: Millimetres,
    pub width: Millimetres,
    pub height: Millimetres,
}

impl Rect {
    pub const fn new(x: u32, y: u32, width: u32, height: u32) -> Self {
        Self {
            x: Millimetres(x),
            y: Millimetres(y),
            width: Millimetres(width),
            height: Millimetres(height),
        }
    }

    /// A rectangle as the window or a file gives it (whole millimetres, possibly dragged past
    /// the board's left or top edge): a negative position says which edge and by how much.
    pub fn from_signed(x: i64, y: i64, width: i64, height: i64) -> Result<Self, Outside> {
        if x < 0 {
            return Err(Outside {
                edge: Edge::Left,
                by: x.unsigned_abs(),
            });
        }
        if y < 0 {
            return Err(Outside {
                edge: Edge::Top,
                by: y.unsigned_abs(),
            });
        }
        let mm = |v: i64| Millimetres(u32::try_from(v.max(0)).unwrap_or(u32::MAX));
        Ok(Self {
            x: mm(x),
            y: mm(y),
            width: mm(width),
            height: mm(height),
        })
    }

    pub fn is_empty(&self) -> bool {
        self.width.0 == 0 || self.height.0 == 0
    }

    /// The right edge's distance from the board's left edge (u64: no overflow at any size).
    pub fn right(&self) -> u64 {
        u64::from(self.x.0) + u64::from(self.width.0)
    }

    /// The bottom edge's distance from the board's top edge.
    pub fn bottom(&self) -> u64 {
        u64::from(self.y.0) + u64::from(self.height.0)
    }

    /// Whether the two share any area. Rectangles that only touch along an edge do not
    /// overlap (the database's trigger draws the same line), nor does one without area.
    pub fn overlaps(&self, other: &Rect) -> bool {
        !self.is_empty()
            && !other.is_empty()
            && u64::from(self.x.0) < other.right()
            && u64::from(other.x.0) < self.right()
            && u64::from(self.y.0) < other.bottom()
            && u64::from(other.y.0) < self.bottom()
    }
}

/// An edge of the board.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Edge {
    Left,
    Top,
    Right,
    Bottom,
}

impl Edge {
    pub fn label(self) -> &'static str {
        match self {
            Edge::Left => "左",
            Edge::Top => "上",
            Edge::Right => "右",
            Edge::Bottom => "下",
        }
    }
}

/// How far a zone reaches past an edge of the board.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Outside {
    pub edge: Edge,
    pub by: u64,
}

/// What is wrong with a layout, naming the zone(s).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum LayoutProblem {
    BoardSize {
        width: u32,
        height: u32,
    },
    /// The `position`th zone (from 1) has no name.
    NoName {
        position: usize,
    },
    NameTooLong {
        name: String,
    },
    DuplicateName {
        name: String,
    },
    Empty {
        name: String,
    },
    Outside {
        name: String,
        outside: Outside,
    },
    Overlap {
        first: String,
        second: String,
    },
    /// A cadence's day or day count, or the fewest days on the board, out of range.
    Rule {
        name: String,
        detail: String,
    },
}

impl fmt::Display for LayoutProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LayoutProblem::BoardSize { width, height } => write!(
                f,
                "公开栏尺寸 {width} × {height} mm 不在范围内（宽 {} 至 {} mm，高 {} 至 {} mm）",
                BOARD_WIDTH.0, BOARD_WIDTH.1, BOARD_HEIGHT.0, BOARD_HEIGHT.1
            ),
            LayoutProblem::NoName { position } => write!(f, "第 {position} 个版块没有名称"),
            LayoutProblem::NameTooLong { name } => {
                write!(f, "版块名称“{name}”过长（最多 {MAX_ZONE_NAME_CHARS} 个字）")
            }
            LayoutProblem::DuplicateName { name } => {
                write!(f, "有两个版块都叫“{name}”，请改用不同的名称")
            }
            LayoutProblem::Empty { name } => {
                write!(f, "版块“{name}”的宽度或高度为 0")
            }
            LayoutProblem::Outside { name, outside } => write!(
                f,
                "版块“{name}”的{}边超出公开栏 {} mm",
                outside.edge.label(),
                outside.by
            ),
            LayoutProblem::Overlap { first, second } => {
                write!(f, "版块“{first}”与“{second}”重叠")
            }
            LayoutProblem::Rule { name, detail } => write!(f, "版块“{name}”：{detail}"),
        }
    }
}

/// The longest zone name: it is printed in the zone's label strip and on the 示意图.
pub const MAX_ZONE_NAME_CHARS: usize = 20;

/// A board's size and its zones, in the order they are numbered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Layout {
    pub width: Millimetres,
    pub height: Millimetres,
    pub zones: Vec<Zone>,
}

impl Layout {
    /// Every problem of the layout at once, each naming its zone(s): the board's size out of
    /// range, a zone without a name or with another's name, empty, reaching past an edge (which
    /// edge, by how many mm) or overlapping another (both named), and a cadence rule out of
    /// range. The store runs this before it writes; the database's triggers are the backstop.
    pub fn check(&self) -> Result<(), BoardError> {
        let mut problems = Vec::new();
        let (width, height) = (self.width.0, self.height.0);
        if !(BOARD_WIDTH.0..=BOARD_WIDTH.1).contains(&width)
            || !(BOARD_HEIGHT.0..=BOARD_HEIGHT.1).contains(&height)
        {
            problems.push(LayoutProblem::BoardSize { width, height });
        }
        for (index, zone) in self.zones.iter().enumerate() {
            let name = zone.name.trim();
            if name.is_empty() {
                problems.push(LayoutProblem::NoName {
                    position: index + 1,
                });
            } else if name.chars().count() > MAX_ZONE_NAME_CHARS {
                problems.push(LayoutProblem::NameTooLong {
                    name: name.to_owned(),
                });
            } else if self.zones[..index].iter().any(|z| z.name.trim() == name) {
                problems.push(LayoutProblem::DuplicateName {
                    name: name.to_owned(),
                });
            }
            let label = zone_label(zone, index);
            if zone.rect.is_empty() {
                problems.push(LayoutProblem::Empty {
                    name: label.clone(),
                });
            }
            if let Some(by) = zone.rect.right().checked_sub(u64::from(width))
                && by > 0
            {
                problems.push(LayoutProblem::Outside {
                    name: label.clone(),
                    outside: Outside {
                        edge: Edge::Right,
                        by,
                    },
                });
            }
            if let Some(by) = zone.rect.bottom().checked_sub(u64::from(height))
                && by > 0
            {
                problems.push(LayoutProblem::Outside {
                    name: label.clone(),
                    outside: Outside {
                        edge: Edge::Bottom,
                        by,
                    },
                });
            }
            for (other_index, other) in self.zones[..index].iter().enumerate() {
                if other.rect.overlaps(&zone.rect) {
                    problems.push(LayoutProblem::Overlap {
                        first: zone_label(other, other_index),
                        second: label.clone(),
                    });
                }
            }
            if let Err(detail) = zone.check_rules() {
                problems.push(LayoutProblem::Rule {
                    name: label,
                    detail,
                });
            }
        }
        if problems.is_empty() {
            Ok(())
        } else {
            Err(BoardError::Layout(problems))
        }
    }
}

/// A zone's name for a message: its name, or 第 n 个版块 when it has none.
fn zone_label(zone: &Zone, index: usize) -> String {
    let name = zone.name.trim();
    if name.is_empty() {
        format!("第 {} 个版块", index + 1)
    } else {
        name.to_owned()
    }
}

/// Paper sizes posted on boards (GB/T 148): A4 is the official-document size, A3 for long
/// tables.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Paper {
    A4,
    A3,
}

impl Paper {
    pub const ALL: [Paper; 2] = [Paper::A4, Paper::A3];

    /// Width and height in portrait, in mm.
    pub const fn portrait(self) -> (u32, u32) {
        match self {
            Paper::A4 => (210, 297),
            Paper::A3 => (297, 420),
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Paper::A4 => "A4",
            Paper::A3 => "A3",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Orientation {
    /// 竖放: the long side upright.
    Portrait,
    /// 横放.
    Landscape,
}

impl Orientation {
    pub const ALL: [Orientation; 2] = [Orientation::Portrait, Orientation::Landscape];

    pub fn label(self) -> &'static str {
        match self {
            Orientation::Portrait => "竖放",
            Orientation::Landscape => "横放",
        }
    }
}

/// A sheet's width and height as it hangs.
pub const fn sheet_size(paper: Paper, orientation: Orientation) -> (u32, u32) {
    let (short, long) = paper.portrait();
    match orientation {
        Orientation::Portrait => (short, long),
        Orientation::Landscape => (long, short),
    }
}

/// The space between two sheets side by side or one above the other: 20 mm leaves room for the
/// pins or magnets at the sheets' corners and keeps one sheet's edge from covering the next
/// one's text (GB/T 9704 margins start 28 mm in, so a sheet overlapping by 20 mm would still
/// hide nothing, but a board's glass presses sheets flat and an overlap curls them). The
/// seeded templates' zones are cut to it: 3 × 210 + 2 × 20 = 670 mm wide in a 700 mm zone.
pub const SHEET_GAP: Millimetres = Millimetres(20);

/// How many whole sheets a zone holds: columns across, rows down.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct SheetFit {
    pub columns: u32,
    pub rows: u32,
}

impl SheetFit {
    pub fn sheets(self) -> u32 {
        self.columns * self.rows
    }
}

/// How many whole sheets of `paper`, hung in `orientation`, fit in `rect` with `gap` between
/// neighbouring sheets and none at the zone's edges (the zone is the area the sheets cover;
/// the space between zones is the layout's): `n` sheets take `n × sheet + (n − 1) × gap`.
pub fn sheets_fit(
    rect: Rect,
    paper: Paper,
    orientation: Orientation,
    gap: Millimetres,
) -> SheetFit {
    let (sheet_width, sheet_height) = sheet_size(paper, orientation);
    SheetFit {
        columns: whole_sheets(rect.width.0, sheet_width, gap.0),
        rows: whole_sheets(rect.height.0, sheet_height, gap.0),
    }
}

/// `n` with `n × sheet + (n − 1) × gap ≤ length`, i.e. `(length + gap) / (sheet + gap)`.
fn whole_sheets(length: u32, sheet: u32, gap: u32) -> u32 {
    let (length, step) = (
        u64::from(length) + u64::from(gap),
        u64::from(sheet) + u64::from(gap),
    );
    u32::try_from(length / step).unwrap_or(u32::MAX)
}

/// The length of `n` sheets with `gap` between them.
fn span(n: u32, sheet: u32, gap: u32) -> u32 {
    n.saturating_mul(sheet)
        .saturating_add(n.saturating_sub(1).saturating_mul(gap))
}

/// `rect` resized to hold whole sheets exactly — the rule the layout designer snaps to, and
/// which the window mirrors (`ui/src/views/boards`), so keep the two alike:
///
/// 1. `step = sheet + gap` along each axis (the sheet as it hangs in `orientation`);
/// 2. `n = round((length + gap) / step)`, halves rounding up, and at least 1: the nearest whole
///    number of sheets;
/// 3. while `n > 1` and `x + span(n)` passes the board's edge, `n -= 1`
///    (`span(n) = n × sheet + (n − 1) × gap`);
/// 4. the new length is `span(n)`; the top-left corner stays where it is.
///
/// A zone of one sheet that still passes the edge is left so: [`Layout::check`] names it.
pub fn snap(
    rect: Rect,
    board_width: Millimetres,
    board_height: Millimetres,
    paper: Paper,
    orientation: Orientation,
    gap: Millimetres,
) -> Rect {
    let (sheet_width, sheet_height) = sheet_size(paper, orientation);
    let axis = |start: u32, length: u32, sheet: u32, room: u32| {
        let step = u64::from(sheet) + u64::from(gap.0);
        let doubled = 2 * (u64::from(length) + u64::from(gap.0));
        // round(a / b) with halves up = floor((2a + b) / 2b)
        let nearest = (doubled + step) / (2 * step);
        let mut n = u32::try_from(nearest).unwrap_or(u32::MAX).max(1);
        while n > 1 && u64::from(start) + u64::from(span(n, sheet, gap.0)) > u64::from(room) {
            n -= 1;
        }
        span(n, sheet, gap.0)
    };
    Rect {
        x: rect.x,
        y: rect.y,
        width: Millimetres(axis(rect.x.0, rect.width.0, sheet_width, board_width.0)),
        height: Millimetres(axis(rect.y.0, rect.height.0, sheet_height, board_height.0)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::zone::{Cadence, DueDay};

    fn zone(name: &str, rect: Rect) -> Zone {
        Zone {
            name: name.to_owned(),
            rect,
            cadence: Cadence::Standing,
            min_days: None,
        }
    }

    fn layout(zones: Vec<Zone>) -> Layout {
        Layout {
            width: Millimetres(2400),
            height: Millimetres(1200),
            zones,
        }
    }

    fn message(layout: &Layout) -> String {
        layout.check().unwrap_err().to_string()
    }

    /// The seeded 三务 board as migration 14 writes it.
    fn sanwu() -> Layout {
        let monthly = |day| Cadence::Monthly(DueDay::new(day).unwrap());
        layout(vec![
            Zone {
                cadence: Cadence::HalfYearly(DueDay::new(15).unwrap()),
                min_days: Some(10),
                ..zone("党务公开", Rect::new(60, 120, 700, 940))
            },
            Zone {
                cadence: Cadence::Quarterly(DueDay::new(15).unwrap()),
                min_days: Some(10),
                ..zone("村务公开", Rect::new(850, 120, 700, 940))
            },
            Zone {
                cadence: monthly(15),
                min_days: Some(10),
                ..zone("财务公开", Rect::new(1640, 120, 700, 940))
            },
            zone("监督电话", Rect::new(60, 1090, 2280, 80)),
        ])
    }

    #[test]
    fn the_seeded_three_affairs_board_passes_and_holds_nine_a4_sheets_a_zone() {
        let board = sanwu();
        assert_eq!(board.check(), Ok(()));
        let fit = sheets_fit(
            board.zones[0].rect,
            Paper::A4,
            Orientation::Portrait,
            SHEET_GAP,
        );
        assert_eq!((fit.columns, fit.rows, fit.sheets()), (3, 3, 9));
        let strip = sheets_fit(
            board.zones[3].rect,
            Paper::A4,
            Orientation::Landscape,
            SHEET_GAP,
        );
        assert_eq!(strip.sheets(), 0, "the phone strip holds no sheet");
    }

    #[test]
    fn a_zone_past_an_edge_is_named_with_the_edge_and_the_overshoot() {
        let mut board = sanwu();
        board.zones[2].rect.x = Millimetres(1740);
        assert_eq!(message(&board), "版块“财务公开”的右边超出公开栏 40 mm");
        board.zones[2].rect = Rect::new(1640, 300, 700, 940);
        let text = message(&board);
        assert!(
            text.contains("版块“财务公开”的下边超出公开栏 40 mm"),
            "{text}"
        );
        assert!(text.contains("版块“财务公开”与“监督电话”重叠"), "{text}");
        assert_eq!(
            Rect::from_signed(-12, 0, 100, 100),
            Err(Outside {
                edge: Edge::Left,
                by: 12
            })
        );
        assert_eq!(
            Rect::from_signed(0, -3, 100, 100).unwrap_err().edge,
            Edge::Top
        );
    }

    #[test]
    fn overlapping_zones_are_named_both_and_touching_ones_pass() {
        let mut board = sanwu();
        board.zones[1].rect.x = Millimetres(700);
        assert_eq!(message(&board), "版块“党务公开”与“村务公开”重叠");
        board.zones[1].rect.x = Millimetres(760);
        assert_eq!(board.check(), Ok(()), "edges touching is not overlapping");
    }

    #[test]
    fn names_must_be_given_and_distinct() {
        let mut board = sanwu();
        board.zones[1].name = " ".into();
        board.zones[3].name = "党务公开".into();
        let text = message(&board);
        assert!(text.contains("第 2 个版块没有名称"), "{text}");
        assert!(text.contains("有两个版块都叫“党务公开”"), "{text}");
        board.zones[1].name = "很长".repeat(11);
        assert!(message(&board).contains("过长"));
    }

    #[test]
    fn board_size_and_rules_out_of_range_are_refused() {
        let mut board = sanwu();
        board.width = Millimetres(200);
        assert!(message(&board).contains("公开栏尺寸 200 × 1200 mm 不在范围内"));
        let mut board = sanwu();
        board.zones[0].min_days = Some(0);
        assert!(message(&board).contains("版块“党务公开”：最少张贴天数"));
    }

    #[test]
    fn sheets_fit_counts_whole_sheets_with_gaps_between_only() {
        let rect = Rect::new(0, 0, 670, 297);
        let portrait = sheets_fit(rect, Paper::A4, Orientation::Portrait, SHEET_GAP);
        assert_eq!((portrait.columns, portrait.rows), (3, 1));
        let short = Rect::new(0, 0, 669, 296);
        let none = sheets_fit(short, Paper::A4, Orientation::Portrait, SHEET_GAP);
        assert_eq!((none.columns, none.rows), (2, 0));
        let landscape = sheets_fit(rect, Paper::A4, Orientation::Landscape, SHEET_GAP);
        assert_eq!((landscape.columns, landscape.rows), (2, 1));
        let a3 = sheets_fit(
            Rect::new(0, 0, 700, 940),
            Paper::A3,
            Orientation::Portrait,
            SHEET_GAP,
        );
        assert_eq!((a3.columns, a3.rows), (2, 2));
    }

    #[test]
    fn snap_rounds_to_the_nearest_whole_sheets_and_stays_on_the_board() {
        let (w, h) = (Millimetres(2400), Millimetres(1200));
        let a4 = |rect| snap(rect, w, h, Paper::A4, Orientation::Portrait, SHEET_GAP);
        // 700 + 20 = 720 over 230 = 3.13 → 3 columns (670); 940 + 20 over 317 = 3.03 → 3 rows.
        assert_eq!(
            a4(Rect::new(60, 120, 700, 940)),
            Rect::new(60, 120, 670, 931)
        );
        // 325 + 20 = 345 over 230 = 1.5 → 2 (halves up).
        assert_eq!(a4(Rect::new(0, 0, 325, 10)).width, Millimetres(440));
        assert_eq!(a4(Rect::new(0, 0, 324, 10)).width, Millimetres(210));
        assert_eq!(
            a4(Rect::new(0, 0, 1, 1)),
            Rect::new(0, 0, 210, 297),
            "at least one"
        );
        // Near the right edge: 4 columns (900) would pass 2400 from 1600, so 3 (670).
        assert_eq!(a4(Rect::new(1600, 0, 900, 297)).width, Millimetres(670));
        let snapped = a4(Rect::new(1600, 0, 900, 297));
        let fit = sheets_fit(snapped, Paper::A4, Orientation::Portrait, SHEET_GAP);
        assert_eq!(
            (fit.columns, fit.rows),
            (3, 1),
            "a snapped zone fits exactly"
        );
    }

    /// A small deterministic generator (no dependency): xorshift64*.
    struct Rng(u64);

    impl Rng {
        fn below(&mut self, n: u32) -> u32 {
            self.0 ^= self.0 >> 12;
            self.0 ^= self.0 << 25;
            self.0 ^= self.0 >> 27;
            let value = self.0.wrapping_mul(0x2545_F491_4F6C_DD1D) >> 32;
            u32::try_from(value % u64::from(n)).unwrap_or(0)
        }

        fn rect(&mut self) -> Rect {
            Rect::new(
                self.below(300),
                self.below(300),
                self.below(200),
                self.below(200),
            )
        }
    }

    /// Overlap is symmetric, a rectangle with area overlaps itself, and the answer agrees with
    /// counting the unit squares both cover, over generated rectangles in a small field.
    #[test]
    fn overlap_is_symmetric_and_means_a_shared_square_millimetre() {
        let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
        for _ in 0..3000 {
            let (a, b) = (rng.rect(), rng.rect());
            assert_eq!(a.overlaps(&b), b.overlaps(&a), "{a:?} {b:?}");
            let has_area = a.width.0 > 0 && a.height.0 > 0;
            assert_eq!(a.overlaps(&a), has_area, "{a:?}");
            let shared_x = a.right().min(b.right()) > u64::from(a.x.0.max(b.x.0));
            let shared_y = a.bottom().min(b.bottom()) > u64::from(a.y.0.max(b.y.0));
            assert_eq!(a.overlaps(&b), shared_x && shared_y, "{a:?} {b:?}");
        }
    }

    /// Snapping any generated zone that starts on the board gives a zone holding exactly the
    /// sheets it spans, on every paper and orientation.
    #[test]
    fn snapped_zones_hold_exactly_whole_sheets() {
        let mut rng = Rng(42);
        let (w, h) = (Millimetres(2400), Millimetres(1200));
        for _ in 0..2000 {
            let rect = Rect::new(
                rng.below(1800),
                rng.below(600),
                rng.below(2400),
                rng.below(1200),
            );
            for paper in Paper::ALL {
                for orientation in Orientation::ALL {
                    let snapped = snap(rect, w, h, paper, orientation, SHEET_GAP);
                    let fit = sheets_fit(snapped, paper, orientation, SHEET_GAP);
                    let (sw, sh) = sheet_size(paper, orientation);
                    assert!(fit.columns >= 1 && fit.rows >= 1, "{rect:?}");
                    assert_eq!(snapped.width.0, span(fit.columns, sw, SHEET_GAP.0));
                    assert_eq!(snapped.height.0, span(fit.rows, sh, SHEET_GAP.0));
                    assert!(
                        snapped.right() <= u64::from(w.0) || fit.columns == 1,
                        "{rect:?} → {snapped:?}"
                    );
                }
            }
        }
    }

    /// Layout::check agrees with the pairwise rule on generated layouts: it reports an overlap
    /// exactly when some pair overlaps.
    #[test]
    fn check_reports_an_overlap_exactly_when_a_pair_overlaps() {
        let mut rng = Rng(7);
        for round in 0..500 {
            let zones: Vec<Zone> = (0..4)
                .map(|i| {
                    let mut r = rng.rect();
                    r.width = Millimetres(r.width.0 + 1);
                    r.height = Millimetres(r.height.0 + 1);
                    zone(&format!("版块{i}"), r)
                })
                .collect();
            let any_pair = zones
                .iter()
                .enumerate()
                .any(|(i, a)| zones[i + 1..].iter().any(|b| a.rect.overlaps(&b.rect)));
            let reported = match layout(zones).check() {
                Ok(()) => false,
                Err(BoardError::Layout(problems)) => problems
                    .iter()
                    .any(|p| matches!(p, LayoutProblem::Overlap { .. })),
                Err(other) => panic!("{other}"),
            };
            assert_eq!(reported, any_pair, "round {round}");
        }
    }
}
