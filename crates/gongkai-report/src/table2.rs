//! 表二 主动公开政府信息情况: four sub-tables, nine cells. 规章 and 行政规范性文件 come from the
//! document library; 行政许可/处罚/强制 decisions and 行政事业性收费 are entered where the
//! township has them.

use crate::Format;
use crate::money::wan_yuan;

/// 本年制发件数, 本年废止件数, 现行有效件数.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct DocumentCounts {
    pub issued: u32,
    pub repealed: u32,
    pub in_force: u32,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Table2Input {
    /// 规章: townships have no rule-making power, so almost always zero.
    pub regulations: DocumentCounts,
    pub normative_documents: DocumentCounts,
    pub licensing_decisions: u32,
    pub penalty_decisions: u32,
    pub enforcement_decisions: u32,
    /// 行政事业性收费 collected in the year, in fen (printed in 万元).
    pub fees_fen: i64,
}

/// A filled cell of 表二.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Table2Cell {
    Count(u32),
    Fen(i64),
}

impl Table2Cell {
    /// As printed: a count, or fen in 万元.
    pub fn display(self) -> String {
        match self {
            Table2Cell::Count(count) => count.to_string(),
            Table2Cell::Fen(fen) => wan_yuan(fen),
        }
    }
}

/// A sub-table of 表二 with its cells.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Table2Filled {
    pub caption: String,
    /// The header, the stub 信息内容 first.
    pub columns: Vec<String>,
    /// Each row's label and its cells (one per column after the stub).
    pub rows: Vec<(String, Vec<Table2Cell>)>,
}

impl Table2Input {
    fn cells(&self, label: &str) -> Vec<Table2Cell> {
        let counts = |c: DocumentCounts| {
            vec![
                Table2Cell::Count(c.issued),
                Table2Cell::Count(c.repealed),
                Table2Cell::Count(c.in_force),
            ]
        };
        match label {
            "规章" => counts(self.regulations),
            "行政规范性文件" => counts(self.normative_documents),
            "行政许可" => vec![Table2Cell::Count(self.licensing_decisions)],
            "行政处罚" => vec![Table2Cell::Count(self.penalty_decisions)],
            "行政强制" => vec![Table2Cell::Count(self.enforcement_decisions)],
            "行政事业性收费" => vec![Table2Cell::Fen(self.fees_fen)],
            // `Format::check` refuses a format without the six rows above; any other row the
            // format may add later is printed empty rather than guessed.
            _ => Vec::new(),
        }
    }

    pub(crate) fn fill(&self, format: &Format) -> Vec<Table2Filled> {
        format
            .table2
            .iter()
            .map(|part| Table2Filled {
                caption: part.caption.clone(),
                columns: part.columns.clone(),
                rows: part
                    .rows
                    .iter()
                    .map(|label| (label.clone(), self.cells(label)))
                    .collect(),
            })
            .collect()
    }
}
