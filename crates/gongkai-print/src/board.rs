//! The 张贴示意图: a board drawn to scale with its zones and, inside each zone, the numbered place
//! of every sheet of the round, so whoever posts them puts each where the township means it to
//! go. A legend below names each number's zone, title and 登记号.

use crate::fonts::{FontSet, Glyphs};
use crate::layout::{ASCENT, wrap_sized};
use crate::notice_sheet::MM;
use crate::render::{Canvas, Page};
use crate::{Paper, PrintError, missing_place};

/// One board's diagram for one round.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BoardDiagram {
    /// The village (or the township, for its own board).
    pub village: String,
    /// The board's name, e.g. 东山村三务公开栏.
    pub board: String,
    /// The posting round, e.g. 2026年11月 财务公开.
    pub round: String,
    /// The board's size in millimetres.
    pub width_mm: u32,
    pub height_mm: u32,
    /// The zones of the layout in force, in their order.
    pub zones: Vec<DiagramZone>,
    /// The sheets of the round, numbered 1..n in this order; within a zone they are placed
    /// left to right, top to bottom in this order.
    pub sheets: Vec<DiagramSheet>,
    /// The diagram's own paper: A4 or A3, landscape suits a wide board.
    pub paper: Paper,
}

/// A zone (版块) in millimetres from the board's top-left corner.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DiagramZone {
    pub name: String,
    pub x_mm: u32,
    pub y_mm: u32,
    pub width_mm: u32,
    pub height_mm: u32,
}

/// A sheet of the round.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DiagramSheet {
    /// The zone it goes on, by index into [`BoardDiagram::zones`].
    pub zone: usize,
    pub title: String,
    /// The posting's 登记号.
    pub register_no: String,
    /// The sheet's paper: each page takes a place of this size on the board.
    pub paper: Paper,
    /// How many pages it has (a long payout list takes several places, numbered 3, 3-2, 3-3).
    /// In a [`crate::BoardPack`] the pages the sheet really takes replace it.
    pub pages: u32,
}

/// Space kept at the top of a zone for its painted heading, in millimetres.
const HEADING_MM: f32 = 60.0;
/// Least space between sheets, and between a sheet and the zone's edge, in millimetres.
const GAP_MM: f32 = 10.0;
/// Scales offered, as 1:n; the largest drawing that fits is taken.
const SCALES: [u32; 12] = [5, 10, 15, 20, 25, 30, 40, 50, 75, 100, 150, 200];
/// Share of the page's height below the title the board may take; the legend has the rest.
const BOARD_SHARE: f32 = 0.58;
const MARGIN: f32 = 15.0 * MM;
const TITLE_SIZE: f32 = 18.0;
const INFO_SIZE: f32 = 10.5;
const LABEL_SIZE: f32 = 9.0;
const LEGEND_SIZE: f32 = 9.0;
const LEGEND_LINE: f32 = LEGEND_SIZE * 1.4;
const PAD: f32 = 3.0;
/// The board's frame, drawn heavier than the zones.
const FRAME: f32 = 1.5;

/// Where one page of a sheet goes, in millimetres from the board's top-left corner.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Place {
    /// The sheet, by index.
    pub sheet: usize,
    /// The page of the sheet, from 1.
    pub page: u32,
    pub x: f32,
    pub y: f32,
    pub width: f32,
    pub height: f32,
}

impl Place {
    /// 3 for a sheet's first page, 3-2 for its second.
    fn label(&self) -> String {
        if self.page == 1 {
            (self.sheet + 1).to_string()
        } else {
            format!("{}-{}", self.sheet + 1, self.page)
        }
    }
}

fn paper_mm(paper: Paper) -> (f32, f32) {
    let (w, h) = paper.size_pt();
    ((w / MM).round(), (h / MM).round())
}

fn paper_name(paper: Paper) -> &'static str {
    match paper {
        Paper::A4Portrait | Paper::A4Landscape => "A4",
        Paper::A3Portrait | Paper::A3Landscape => "A3",
    }
}

impl BoardDiagram {
    /// Every page of every sheet placed in its zone below the zone's heading: in rows, left to
    /// right in the round's order, at least [`GAP_MM`] apart and from the edges, the spare
    /// space spread evenly. A zone that cannot hold its sheets, or a sheet of no zone, is
    /// refused naming both.
    pub(crate) fn places(&self) -> Result<Vec<Place>, PrintError> {
        if let Some(sheet) = self.sheets.iter().find(|s| s.zone >= self.zones.len()) {
            return Err(PrintError::Diagram(format!(
                "“{}”（登记号 {}）所在的版块不在{}上",
                sheet.title, sheet.register_no, self.board
            )));
        }
        let mut places = Vec::new();
        for (z, zone) in self.zones.iter().enumerate() {
            let pages: Vec<(usize, u32, Paper)> = self
                .sheets
                .iter()
                .enumerate()
                .filter(|(_, s)| s.zone == z)
                .flat_map(|(i, s)| (1..=s.pages.max(1)).map(move |p| (i, p, s.paper)))
                .collect();
            if pages.is_empty() {
                continue;
            }
            // Shelves: pages left to right while they fit across the zone, then a new row.
            let inner_w = zone.width_mm as f32;
            let inner_h = zone.height_mm as f32 - HEADING_MM;
            let mut rows: Vec<Vec<(usize, u32, f32, f32)>> = Vec::new();
            let mut row_width = GAP_MM;
            let mut height = GAP_MM;
            for (placed, &(sheet, page, paper)) in pages.iter().enumerate() {
                let (w, h) = paper_mm(paper);
                let new_row = rows.is_empty() || row_width + w + GAP_MM > inner_w;
                let row_height = if new_row {
                    0.0
                } else {
                    rows.last()
                        .map_or(0.0, |r| r.iter().map(|p| p.3).fold(0.0, f32::max))
                };
                let taller = if new_row {
                    h + GAP_MM
                } else {
                    (h - row_height).max(0.0)
                };
                if GAP_MM + w + GAP_MM > inner_w || height + taller > inner_h {
                    return Err(PrintError::Diagram(format!(
                        "版块“{}”（{}×{} 毫米）只能贴 {} 张 {}，本轮要贴 {} 张（多页的公示每页一张），请分轮张贴、改用较小的纸张或调整版块",
                        zone.name,
                        zone.width_mm,
                        zone.height_mm,
                        placed,
                        paper_name(paper),
                        pages.len()
                    )));
                }
                height += taller;
                if new_row {
                    rows.push(Vec::new());
                    row_width = GAP_MM;
                }
                row_width += w + GAP_MM;
                if let Some(row) = rows.last_mut() {
                    row.push((sheet, page, w, h));
                }
            }
            // The spare space spread evenly, with the gaps of the fullest row kept by the
            // others so that sheets of one size stand in columns.
            let spread = |row: &[(usize, u32, f32, f32)]| {
                let used: f32 = row.iter().map(|p| p.2).sum();
                (inner_w - used) / (row.len() as f32 + 1.0)
            };
            let gap_x = rows.first().map_or(GAP_MM, |r| spread(r));
            let heights: Vec<f32> = rows
                .iter()
                .map(|r| r.iter().map(|p| p.3).fold(0.0, f32::max))
                .collect();
            let gap_y = ((inner_h - heights.iter().sum::<f32>()) / (rows.len() as f32 + 1.0))
                .min(2.0 * GAP_MM);
            let mut y = zone.y_mm as f32 + HEADING_MM + gap_y;
            for (row, row_height) in rows.iter().zip(&heights) {
                let gap = gap_x.min(spread(row));
                let mut x = zone.x_mm as f32 + gap;
                for &(sheet, page, width, height) in row {
                    places.push(Place {
                        sheet,
                        page,
                        x,
                        y,
                        width,
                        height,
                    });
                    x += width + gap;
                }
                y += row_height + gap_y;
            }
        }
        places.sort_by_key(|p| (p.sheet, p.page));
        Ok(places)
    }

    fn check(&self, glyphs: &Glyphs<'_>) -> Result<(), PrintError> {
        let mut places = Vec::new();
        let mut check = |place: &str, text: &str| {
            let missing = glyphs.missing(text);
            if !missing.is_empty() {
                places.push(missing_place(place, text, &missing));
            }
        };
        check("示意图标题", &self.board);
        check("村名", &self.village);
        check("张贴轮次", &self.round);
        for zone in &self.zones {
            check("版块", &zone.name);
        }
        for sheet in &self.sheets {
            check("图例标题", &sheet.title);
            check("登记号", &sheet.register_no);
        }
        if places.is_empty() {
            Ok(())
        } else {
            Err(PrintError::MissingGlyphs { places })
        }
    }
}

/// The diagram as a PDF of its own.
pub fn render_diagram(diagram: &BoardDiagram) -> Result<Vec<u8>, PrintError> {
    let fonts = FontSet::shared()?;
    let glyphs = Glyphs::new(fonts);
    let pages = draw_diagram(&glyphs, diagram)?;
    crate::pdf::write(&format!("{}张贴示意图", diagram.board), &pages, &[], fonts)
}

/// The smallest 1:n that fits the board in `width` × `height` points.
fn scale_for(board: (f32, f32), width: f32, height: f32) -> u32 {
    SCALES
        .iter()
        .copied()
        .find(|&n| board.0 * MM / n as f32 <= width && board.1 * MM / n as f32 <= height)
        .unwrap_or(SCALES[SCALES.len() - 1])
}

/// The legend's columns: label and share of the width.
const LEGEND_COLUMNS: [(&str, f32); 5] = [
    ("编号", 0.07),
    ("版块", 0.14),
    ("标题", 0.49),
    ("登记号", 0.2),
    ("纸张", 0.1),
];

pub(crate) fn draw_diagram(
    glyphs: &Glyphs<'_>,
    diagram: &BoardDiagram,
) -> Result<Vec<Canvas>, PrintError> {
    diagram.check(glyphs)?;
    let places = diagram.places()?;
    let size = diagram.paper.size_pt();
    let (left, right) = (MARGIN, size.0 - MARGIN);
    let width = right - left;
    let board_mm = (diagram.width_mm as f32, diagram.height_mm as f32);
    let mut pages = Vec::new();
    let mut page = Page::new(size, 0, glyphs);
    page.begin((0.0, 0.0));

    // Title and what the drawing shows.
    let mut y = MARGIN;
    let title = format!("{}张贴示意图", diagram.board);
    page.text_centered(&title, TITLE_SIZE, size.0 / 2.0, y + TITLE_SIZE * ASCENT);
    y += TITLE_SIZE * 1.6;
    let below_title = size.1 - MARGIN - y - INFO_SIZE * 1.8;
    let scale = scale_for(board_mm, width, below_title * BOARD_SHARE);
    let info = format!(
        "{}　{}　公开栏尺寸 {}×{} 毫米　比例 1:{scale}",
        diagram.village, diagram.round, diagram.width_mm, diagram.height_mm
    );
    page.text_centered(&info, INFO_SIZE, size.0 / 2.0, y + INFO_SIZE * ASCENT);
    y += INFO_SIZE * 1.8;

    // The board, centred, to scale.
    let k = MM / scale as f32;
    let board = (board_mm.0 * k, board_mm.1 * k);
    let origin = ((size.0 - board.0) / 2.0, y);
    let at = |x_mm: f32, y_mm: f32| (origin.0 + x_mm * k, origin.1 + y_mm * k);
    for (x, y, w, h) in [
        (
            origin.0 - FRAME,
            origin.1 - FRAME,
            board.0 + 2.0 * FRAME,
            FRAME,
        ),
        (
            origin.0 - FRAME,
            origin.1 + board.1,
            board.0 + 2.0 * FRAME,
            FRAME,
        ),
        (origin.0 - FRAME, origin.1, FRAME, board.1),
        (origin.0 + board.0, origin.1, FRAME, board.1),
    ] {
        page.fill(x, y, w, h);
    }
    for zone in &diagram.zones {
        let (x, y) = at(zone.x_mm as f32, zone.y_mm as f32);
        let (w, h) = (zone.width_mm as f32 * k, zone.height_mm as f32 * k);
        rectangle(&mut page, x, y, w, h);
        // The heading in the zone's top band, shrunk to fit a narrow or low zone.
        let band = (HEADING_MM * k).min(h);
        let label_size = LABEL_SIZE
            .min(band * 0.8)
            .min(w * 0.9 / glyphs.width(&zone.name, 1.0).max(1.0));
        let baseline = y + (band - label_size) / 2.0 + label_size * ASCENT;
        page.text_centered(&zone.name, label_size, x + w / 2.0, baseline);
    }
    for place in &places {
        let (x, y) = at(place.x, place.y);
        let (w, h) = (place.width * k, place.height * k);
        rectangle(&mut page, x, y, w, h);
        let label = place.label();
        let number_size = (h * 0.4)
            .min(w * 0.8 / glyphs.width(&label, 1.0).max(0.5))
            .min(16.0);
        let baseline = y + (h - number_size) / 2.0 + number_size * ASCENT;
        page.text_centered(&label, number_size, x + w / 2.0, baseline);
    }
    y = origin.1 + board.1 + FRAME + 14.0;

    // The legend, continued on further pages when the round is long.
    let column_x: Vec<f32> = LEGEND_COLUMNS
        .iter()
        .scan(left, |x, (_, share)| {
            let at = *x;
            *x += share * width;
            Some(at)
        })
        .collect();
    let header: Vec<Vec<String>> = LEGEND_COLUMNS
        .iter()
        .map(|(label, _)| vec![(*label).to_owned()])
        .collect();
    let rows: Vec<Vec<Vec<String>>> = diagram
        .sheets
        .iter()
        .enumerate()
        .map(|(i, sheet)| {
            let zone = diagram
                .zones
                .get(sheet.zone)
                .map_or("", |z| z.name.as_str());
            let pages = if sheet.pages > 1 {
                format!("{}×{}", paper_name(sheet.paper), sheet.pages)
            } else {
                paper_name(sheet.paper).to_owned()
            };
            [
                (i + 1).to_string(),
                zone.to_owned(),
                sheet.title.clone(),
                sheet.register_no.clone(),
                pages,
            ]
            .iter()
            .zip(LEGEND_COLUMNS)
            .map(|(text, (_, share))| {
                wrap_sized(glyphs, text, share * width - 2.0 * PAD, LEGEND_SIZE)
            })
            .collect()
        })
        .collect();
    let row_height = |cells: &[Vec<String>]| {
        cells.iter().map(Vec::len).max().unwrap_or(1) as f32 * LEGEND_LINE + 2.0 * PAD
    };
    let bottom = size.1 - MARGIN;
    let mut header_due = true;
    for row in &rows {
        let needed = row_height(row) + if header_due { row_height(&header) } else { 0.0 };
        if y + needed > bottom {
            pages.push(page.canvas);
            page = Page::new(size, 0, glyphs);
            page.begin((0.0, 0.0));
            y = MARGIN;
            let more = format!("{}张贴示意图（续）", diagram.board);
            page.text_centered(&more, INFO_SIZE, size.0 / 2.0, y + INFO_SIZE * ASCENT);
            y += INFO_SIZE * 2.0;
            header_due = true;
        }
        if header_due {
            y = legend_row(&mut page, &column_x, right, &header, y, true);
            header_due = false;
        }
        y = legend_row(&mut page, &column_x, right, row, y, false);
    }
    pages.push(page.canvas);
    Ok(pages)
}

fn rectangle(page: &mut Page<'_>, x: f32, y: f32, w: f32, h: f32) {
    page.hline(x, x + w, y);
    page.hline(x, x + w, y + h);
    page.vline(x, y, y + h);
    page.vline(x + w, y, y + h);
}

/// One legend row with its rules; returns where the next starts.
fn legend_row(
    page: &mut Page<'_>,
    column_x: &[f32],
    right: f32,
    cells: &[Vec<String>],
    top: f32,
    header: bool,
) -> f32 {
    let lines = cells.iter().map(Vec::len).max().unwrap_or(1) as f32;
    let height = lines * LEGEND_LINE + 2.0 * PAD;
    let left = column_x[0];
    if header {
        page.hline(left, right, top);
    }
    page.hline(left, right, top + height);
    for x in column_x.iter().copied().chain([right]) {
        page.vline(x, top, top + height);
    }
    for (c, lines) in cells.iter().enumerate() {
        let x = column_x[c];
        let w = column_x.get(c + 1).copied().unwrap_or(right) - x;
        for (i, line) in lines.iter().enumerate() {
            let baseline = top
                + PAD
                + i as f32 * LEGEND_LINE
                + (LEGEND_LINE - LEGEND_SIZE) / 2.0
                + LEGEND_SIZE * ASCENT;
            // Titles read from the left; everything else is centred.
            if c == 2 && !header {
                page.text(line, LEGEND_SIZE, x + PAD, baseline);
            } else {
                page.text_centered(line, LEGEND_SIZE, x + w / 2.0, baseline);
            }
        }
    }
    top + height
}

#[cfg(test)]
mod tests {
    use super::*;

    fn zone(name: &str, x_mm: u32, y_mm: u32, width_mm: u32, height_mm: u32) -> DiagramZone {
        DiagramZone {
            name: name.into(),
            x_mm,
            y_mm,
            width_mm,
            height_mm,
        }
    }

    fn sheet(zone: usize, pages: u32, paper: Paper) -> DiagramSheet {
        DiagramSheet {
            zone,
            title: "关于……的公示".into(),
            register_no: format!("GK-{zone}-{pages}"),
            paper,
            pages,
        }
    }

    /// The 三务 template's zones (migration 14).
    fn diagram(sheets: Vec<DiagramSheet>) -> BoardDiagram {
        BoardDiagram {
            village: "东山村".into(),
            board: "东山村三务公开栏".into(),
            round: "2026年11月".into(),
            width_mm: 2400,
            height_mm: 1200,
            zones: vec![
                zone("党务公开", 60, 120, 700, 940),
                zone("村务公开", 850, 120, 700, 940),
                zone("财务公开", 1640, 120, 700, 940),
                zone("监督电话", 60, 1090, 2280, 80),
            ],
            sheets,
            paper: Paper::A4Landscape,
        }
    }

    #[test]
    fn every_page_is_placed_inside_its_zone_below_the_heading_and_apart() {
        let d = diagram(vec![
            sheet(2, 3, Paper::A4Portrait),
            sheet(0, 1, Paper::A4Portrait),
            sheet(2, 1, Paper::A4Landscape),
            sheet(1, 2, Paper::A3Portrait),
            sheet(2, 1, Paper::A4Portrait),
        ]);
        let places = d.places().unwrap();
        assert_eq!(places.len(), 3 + 1 + 1 + 2 + 1);
        for p in &places {
            let z = &d.zones[d.sheets[p.sheet].zone];
            assert!(p.x >= z.x_mm as f32 + GAP_MM - 0.01, "{p:?}");
            assert!(p.y >= z.y_mm as f32 + HEADING_MM + GAP_MM - 0.01, "{p:?}");
            assert!(
                p.x + p.width <= (z.x_mm + z.width_mm) as f32 - GAP_MM + 0.01,
                "{p:?}"
            );
            assert!(
                p.y + p.height <= (z.y_mm + z.height_mm) as f32 - GAP_MM + 0.01,
                "{p:?}"
            );
        }
        for (i, a) in places.iter().enumerate() {
            for b in &places[i + 1..] {
                let apart = a.x + a.width + GAP_MM <= b.x + 0.01
                    || b.x + b.width + GAP_MM <= a.x + 0.01
                    || a.y + a.height + GAP_MM <= b.y + 0.01
                    || b.y + b.height + GAP_MM <= a.y + 0.01;
                assert!(apart, "{a:?} {b:?}");
            }
        }
        // Numbered in the round's order; a sheet's further pages follow it.
        let labels: Vec<String> = places.iter().map(Place::label).collect();
        assert_eq!(labels, ["1", "1-2", "1-3", "2", "3", "4", "4-2", "5"]);
        // A4 portrait is 210 × 297 mm, a landscape sheet lies on its side.
        assert_eq!((places[0].width, places[0].height), (210.0, 297.0));
        assert_eq!((places[4].width, places[4].height), (297.0, 210.0));
    }

    #[test]
    fn a_full_zone_and_a_sheet_of_no_zone_are_refused_by_name() {
        // 700 × 880 mm below the heading holds three A4 across and two down.
        let err = diagram(vec![sheet(2, 7, Paper::A4Portrait)])
            .places()
            .unwrap_err();
        assert!(
            err.to_string().contains("财务公开") && err.to_string().contains("只能贴 6 张 A4"),
            "{err}"
        );
        assert!(
            diagram(vec![sheet(2, 6, Paper::A4Portrait)])
                .places()
                .is_ok()
        );
        // The 80 mm strip of 监督电话 holds no sheet at all.
        let err = diagram(vec![sheet(3, 1, Paper::A4Portrait)])
            .places()
            .unwrap_err();
        assert!(err.to_string().contains("监督电话"), "{err}");
        let err = diagram(vec![sheet(9, 1, Paper::A4Portrait)])
            .places()
            .unwrap_err();
        assert!(err.to_string().contains("GK-9-1"), "{err}");
    }

    #[test]
    fn the_scale_is_the_largest_drawing_that_fits() {
        // 2400 mm into 267 mm: 1:10 is 240 mm wide.
        assert_eq!(scale_for((2400.0, 1200.0), 267.0 * MM, 150.0 * MM), 10);
        assert_eq!(scale_for((2400.0, 1200.0), 267.0 * MM, 100.0 * MM), 15);
        assert_eq!(scale_for((20000.0, 10000.0), 100.0 * MM, 100.0 * MM), 200);
    }
}
