//! A board pack: what a village takes to its board for one round — the 张贴示意图, the sheets
//! themselves and the 张贴回执 — in one PDF; and all villages' packs bound in one file, each
//! bookmarked by its village.

use crate::board::draw_diagram;
use crate::fonts::{FontSet, Glyphs};
use crate::notice_sheet::{NoticeSheet, draw_notice};
use crate::receipt::draw_receipt;
use crate::render::{Canvas, Numbering, draw_with};
use crate::{BoardDiagram, PostingReceipt, PrintError, Sheet, SheetFooter};

/// One sheet of a pack.
#[derive(Debug, Clone, PartialEq)]
pub enum PackSheet {
    /// A composed 公示/公告/通知, or a published record shown as one; its footer is its own.
    Notice(NoticeSheet),
    /// A table sheet (a payout list's village notice), with its posting's footer.
    Table {
        sheet: Sheet,
        footer: Option<SheetFooter>,
    },
}

/// One board's round.
#[derive(Debug, Clone, PartialEq)]
pub struct BoardPack {
    pub diagram: BoardDiagram,
    /// In the diagram's order.
    pub sheets: Vec<PackSheet>,
    pub receipt: PostingReceipt,
}

/// One pack as a PDF: diagram, sheets (each numbered on its own), receipt.
pub fn render_board_pack(pack: &BoardPack) -> Result<Vec<u8>, PrintError> {
    render_board_packs(std::slice::from_ref(pack))
}

/// Every pack in one PDF, in order, the outline naming each village and board at its
/// diagram. The document information takes the first pack's round.
pub fn render_board_packs(packs: &[BoardPack]) -> Result<Vec<u8>, PrintError> {
    let first = packs.first().ok_or(PrintError::Empty)?;
    let fonts = FontSet::shared()?;
    let glyphs = Glyphs::new(fonts);
    let mut pages: Vec<Canvas> = Vec::new();
    let mut outline = Vec::with_capacity(packs.len());
    for pack in packs {
        outline.push((
            format!("{}　{}", pack.diagram.village, pack.diagram.board),
            pages.len(),
        ));
        pages.extend(draw_pack(&glyphs, pack)?);
    }
    let title = format!("{}张贴包", first.diagram.round);
    crate::pdf::write(&title, &pages, &outline, fonts)
}

/// A table sheet posted on a board: the sheet with its posting's footer.
pub fn render_posted(sheet: &Sheet, footer: &SheetFooter) -> Result<Vec<u8>, PrintError> {
    let fonts = FontSet::shared()?;
    let glyphs = Glyphs::new(fonts);
    let pages = draw_with(&glyphs, &[(sheet, Some(footer))], Numbering::PerSheet)?;
    crate::pdf::write(&sheet.document_title, &pages, &[], fonts)
}

/// The sheets are drawn first: how many pages each takes is what the diagram places.
fn draw_pack(glyphs: &Glyphs<'_>, pack: &BoardPack) -> Result<Vec<Canvas>, PrintError> {
    if pack.sheets.len() != pack.diagram.sheets.len() {
        return Err(PrintError::Diagram(format!(
            "{}的示意图列了 {} 份，张贴包里有 {} 份",
            pack.diagram.board,
            pack.diagram.sheets.len(),
            pack.sheets.len()
        )));
    }
    let mut sheets = Vec::new();
    let mut diagram = pack.diagram.clone();
    for (sheet, placed) in pack.sheets.iter().zip(&mut diagram.sheets) {
        let pages = match sheet {
            PackSheet::Notice(notice) => draw_notice(glyphs, notice, 0)?,
            PackSheet::Table { sheet, footer } => {
                draw_with(glyphs, &[(sheet, footer.as_ref())], Numbering::PerSheet)?
            }
        };
        placed.pages = u32::try_from(pages.len()).unwrap_or(u32::MAX);
        sheets.extend(pages);
    }
    let mut pages = draw_diagram(glyphs, &diagram)?;
    pages.extend(sheets);
    pages.extend(draw_receipt(glyphs, &pack.receipt)?);
    Ok(pages)
}
