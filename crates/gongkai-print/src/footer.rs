//! The footer of a posted sheet: where it hangs (board and zone), its 登记号, its notice
//! period and, optionally, a QR code of its page on the county portal. Printed small at the
//! bottom of every page, so a page found loose on a board can be traced to its posting.

use chrono::NaiveDate;

use crate::fonts::Glyphs;
use crate::layout::{ASCENT, wrap_sized};
use crate::qr::Modules;
use crate::render::Page;
use crate::{PrintError, chinese_date};

/// Type size of the footer: small, it is for the clerk and the inspector, not the reader.
const SIZE: f32 = 8.0;
const LINE: f32 = SIZE * 1.5;
/// The QR code's square with its quiet zone (17 mm).
const QR_SIZE: f32 = 48.19;
/// Space between the rule over the footer and what is above and below it.
const GAP: f32 = 4.0;

/// What a posted sheet says about its posting.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SheetFooter {
    /// The board's name, e.g. 东山村三务公开栏.
    pub board: String,
    /// The zone (版块) the sheet is posted on, e.g. 财务公开.
    pub zone: String,
    /// The posting's 登记号.
    pub register_no: String,
    /// The notice period (公示期), first and last day; `None` for a sheet without one.
    pub notice: Option<(NaiveDate, NaiveDate)>,
    /// The posting's page on the county portal: printed as a QR code with the address beside
    /// it; `None` prints neither.
    pub portal_url: Option<String>,
}

impl SheetFooter {
    /// The lines of text, before wrapping.
    fn lines(&self) -> Vec<String> {
        let mut lines = vec![format!(
            "张贴位置：{}　{}　　登记号：{}",
            self.board, self.zone, self.register_no
        )];
        if let Some((from, to)) = self.notice {
            lines.push(format!(
                "公示期：{}至{}",
                chinese_date(from),
                chinese_date(to)
            ));
        }
        if let Some(url) = &self.portal_url {
            lines.push(format!("扫码或访问县级政务公开平台查看：{url}"));
        }
        lines
    }

    /// The lines wrapped to what `width` leaves beside the QR code: an address longer than the
    /// line is cut where it must, never hidden.
    fn wrapped(&self, glyphs: &Glyphs<'_>, width: f32) -> Vec<String> {
        let width = if self.portal_url.is_some() {
            width - QR_SIZE - GAP
        } else {
            width
        };
        self.lines()
            .iter()
            .flat_map(|line| wrap_sized(glyphs, line, width, SIZE))
            .collect()
    }

    /// Height taken at the bottom of each page `width` wide, with the rule and the gaps.
    pub(crate) fn height(&self, glyphs: &Glyphs<'_>, width: f32) -> f32 {
        let text = self.wrapped(glyphs, width).len() as f32 * LINE;
        let body = if self.portal_url.is_some() {
            text.max(QR_SIZE)
        } else {
            text
        };
        GAP + body + GAP
    }

    /// Refuses text no bundled face can draw, and an address too long for a QR code.
    pub(crate) fn check(&self, glyphs: &Glyphs<'_>) -> Result<(), PrintError> {
        let mut places = Vec::new();
        for line in self.lines() {
            let missing = glyphs.missing(&line);
            if !missing.is_empty() {
                places.push(crate::missing_place("页脚", &line, &missing));
            }
        }
        if !places.is_empty() {
            return Err(PrintError::MissingGlyphs { places });
        }
        if let Some(url) = &self.portal_url {
            Modules::encode(url)?;
        }
        Ok(())
    }

    /// Draws the footer between `left` and `right`, from `top` down to `top + height()`.
    pub(crate) fn draw(&self, page: &mut Page<'_>, left: f32, right: f32, top: f32) {
        page.begin((0.0, 0.0));
        page.hline(left, right, top);
        // Checked in `check` before anything was drawn.
        if let Some(Ok(modules)) = self.portal_url.as_deref().map(Modules::encode) {
            modules.draw(page, right - QR_SIZE, top + GAP, QR_SIZE);
        }
        let mut baseline = top + GAP + SIZE * ASCENT + (LINE - SIZE) / 2.0;
        for line in self.wrapped(page.glyphs, right - left) {
            page.text(&line, SIZE, left, baseline);
            baseline += LINE;
        }
    }
}
