//! The 张贴回执: what was handed to a village to post, signed back by the one who posted it and
//! by the 村务监督委员会主任. One table row per sheet, numbered as on the diagram, with a blank
//! 张贴日期 to be filled in by hand.

use crate::fonts::Glyphs;
use crate::render::{Canvas, Numbering, draw_with};
use crate::{Align, BoardDiagram, Column, Paper, PrintError, Sheet};

/// A receipt for one board's round.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PostingReceipt {
    /// The village (or the township, for its own board).
    pub village: String,
    /// The board's name, e.g. 东山村三务公开栏.
    pub board: String,
    /// The posting round, e.g. 2026年11月 财务公开.
    pub round: String,
    /// The sheets in the diagram's order (row 1 is the diagram's ①).
    pub sheets: Vec<ReceiptSheet>,
    /// Who countersigns besides the 经办人: 村务监督委员会主任 for a village board.
    pub countersigner: String,
    pub paper: Paper,
}

/// One row of the receipt.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReceiptSheet {
    /// The zone's name, e.g. 财务公开.
    pub zone: String,
    pub title: String,
    /// The posting's 登记号.
    pub register_no: String,
}

impl PostingReceipt {
    /// The receipt of what a diagram shows, numbered the same, on A4 portrait, countersigned by
    /// the 村务监督委员会主任. A sheet whose zone is not on the diagram gets a blank zone (the
    /// diagram itself refuses it).
    pub fn from_diagram(diagram: &BoardDiagram) -> PostingReceipt {
        PostingReceipt {
            village: diagram.village.clone(),
            board: diagram.board.clone(),
            round: diagram.round.clone(),
            sheets: diagram
                .sheets
                .iter()
                .map(|s| ReceiptSheet {
                    zone: diagram
                        .zones
                        .get(s.zone)
                        .map(|z| z.name.clone())
                        .unwrap_or_default(),
                    title: s.title.clone(),
                    register_no: s.register_no.clone(),
                })
                .collect(),
            countersigner: "村务监督委员会主任".into(),
            paper: Paper::A4Portrait,
        }
    }

    /// The receipt as a table sheet: the print engine's own pagination, header and page
    /// numbers; the signature lines as its footer, spaced for a pen.
    fn sheet(&self) -> Sheet {
        let column = |title: &str, weight: f32, align: Align| Column {
            title: title.into(),
            weight,
            align,
        };
        let line = "________________";
        Sheet {
            title: "张贴回执".into(),
            // The board's name usually begins with the village's: not said twice.
            subtitle: if self.board.starts_with(&self.village) {
                format!("{}　{}", self.board, self.round)
            } else {
                format!("{}　{}　{}", self.village, self.board, self.round)
            },
            columns: vec![
                column("编号", 0.5, Align::Center),
                column("版块", 1.0, Align::Center),
                column("标题", 3.2, Align::Left),
                column("登记号", 1.5, Align::Center),
                column("张贴日期", 1.3, Align::Center),
            ],
            groups: Vec::new(),
            rows: self
                .sheets
                .iter()
                .enumerate()
                .map(|(i, s)| {
                    vec![
                        (i + 1).to_string(),
                        s.zone.clone(),
                        s.title.clone(),
                        s.register_no.clone(),
                        String::new(),
                    ]
                })
                .collect(),
            amount_column: None,
            amounts_fen: Vec::new(),
            footer: vec![
                format!(
                    "以上 {} 份已按张贴示意图张贴于{}。公示期内如有损毁、遮挡或被撤下，请及时补贴并报乡镇。",
                    self.sheets.len(),
                    self.board
                ),
                String::new(),
                String::new(),
                format!("经办人（签字）：{line}　　日期：　　　　年　　月　　日"),
                String::new(),
                String::new(),
                format!(
                    "{}（签字）：{line}　　日期：　　　　年　　月　　日",
                    self.countersigner
                ),
            ],
            signature: Vec::new(),
            paper: self.paper,
            document_title: format!("{}张贴回执", self.board),
        }
    }
}

/// The receipt as a PDF of its own.
pub fn render_receipt(receipt: &PostingReceipt) -> Result<Vec<u8>, PrintError> {
    crate::render(&receipt.sheet())
}

pub(crate) fn draw_receipt(
    glyphs: &Glyphs<'_>,
    receipt: &PostingReceipt,
) -> Result<Vec<Canvas>, PrintError> {
    let sheet = receipt.sheet();
    draw_with(glyphs, &[(&sheet, None)], Numbering::PerSheet)
}
