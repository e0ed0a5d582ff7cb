//! 表四 政府信息公开行政复议、行政诉讼情况: cases by group (行政复议, 未经复议直接起诉,
//! 复议后起诉) and outcome. A group's 总计 is summed unless the input gives it.

use std::collections::BTreeMap;

use crate::{Format, ReportError};

/// The outcome columns of each group of 表四, in the format's order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum CaseOutcome {
    /// 结果维持
    Upheld,
    /// 结果纠正
    Corrected,
    /// 其他结果
    Other,
    /// 尚未审结
    Pending,
}

impl CaseOutcome {
    pub const ALL: [CaseOutcome; 4] = [
        CaseOutcome::Upheld,
        CaseOutcome::Corrected,
        CaseOutcome::Other,
        CaseOutcome::Pending,
    ];

    /// Its column within a group.
    pub fn index(self) -> usize {
        match self {
            CaseOutcome::Upheld => 0,
            CaseOutcome::Corrected => 1,
            CaseOutcome::Other => 2,
            CaseOutcome::Pending => 3,
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            CaseOutcome::Upheld => "upheld",
            CaseOutcome::Corrected => "corrected",
            CaseOutcome::Other => "other",
            CaseOutcome::Pending => "pending",
        }
    }

    pub fn from_key(key: &str) -> Option<CaseOutcome> {
        CaseOutcome::ALL.into_iter().find(|o| o.key() == key)
    }

    /// The name of its column in 表四.
    pub fn label(self) -> &'static str {
        match self {
            CaseOutcome::Upheld => "结果维持",
            CaseOutcome::Corrected => "结果纠正",
            CaseOutcome::Other => "其他结果",
            CaseOutcome::Pending => "尚未审结",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Table4Input {
    counts: BTreeMap<(String, CaseOutcome), u32>,
    totals: BTreeMap<String, u32>,
}

pub(crate) struct Table4Group {
    pub cells: [u32; 5],
    pub total_given: bool,
}

impl Table4Input {
    pub fn new() -> Self {
        Table4Input::default()
    }

    /// Counts `count` cases of a group (its key in the format: review, lit_direct,
    /// lit_after_review) with an outcome.
    pub fn add(&mut self, group: &str, outcome: CaseOutcome, count: u32) -> &mut Self {
        let cell = self.counts.entry((group.to_owned(), outcome)).or_insert(0);
        *cell = cell.saturating_add(count);
        self
    }

    /// A group's 总计 as a source states it, checked against its outcomes.
    pub fn set_total(&mut self, group: &str, total: u32) -> &mut Self {
        self.totals.insert(group.to_owned(), total);
        self
    }

    pub(crate) fn fill(&self, format: &Format) -> Result<Vec<Table4Group>, ReportError> {
        let groups = &format.table4.groups;
        let unknown = self
            .counts
            .keys()
            .map(|(group, _)| group)
            .chain(self.totals.keys())
            .find(|key| !groups.iter().any(|g| &g.key == *key));
        if let Some(key) = unknown {
            return Err(ReportError::UnknownTable4Group(key.clone()));
        }
        Ok(groups
            .iter()
            .map(|group| {
                let mut cells = [0u32; 5];
                for outcome in CaseOutcome::ALL {
                    cells[outcome.index()] = self
                        .counts
                        .get(&(group.key.clone(), outcome))
                        .copied()
                        .unwrap_or(0);
                }
                let given = self.totals.get(&group.key).copied();
                cells[4] = given.unwrap_or_else(|| cells[..4].iter().sum());
                Table4Group {
                    cells,
                    total_given: given.is_some(),
                }
            })
            .collect())
    }
}
