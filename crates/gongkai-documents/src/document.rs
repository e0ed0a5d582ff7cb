//! What a document is and when it holds: 印发 (issued), 施行 (in effect from) and, for a
//! document issued for a term, 有效期至 (the last day it holds).

use chrono::NaiveDate;

use crate::DocumentError;

/// The kinds the library keeps apart: only 行政规范性文件 count in the annual report's 表二.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DocumentKind {
    /// 行政规范性文件: binding on citizens and organisations, issued under the procedure of
    /// 国办发〔2018〕37号 (合法性审核, 集体审议, 统一登记, 公开发布).
    Normative,
    /// Other policy documents the township publishes (实施方案, 工作要点 …).
    Policy,
}

impl DocumentKind {
    pub const ALL: [DocumentKind; 2] = [DocumentKind::Normative, DocumentKind::Policy];

    pub fn key(self) -> &'static str {
        match self {
            DocumentKind::Normative => "normative",
            DocumentKind::Policy => "policy",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            DocumentKind::Normative => "行政规范性文件",
            DocumentKind::Policy => "其他政策文件",
        }
    }

    pub fn from_key(key: &str) -> Result<Self, DocumentError> {
        Self::ALL
            .into_iter()
            .find(|k| k.key() == key)
            .ok_or_else(|| DocumentError::Unknown {
                what: "文件类别",
                value: key.to_owned(),
            })
    }

    /// A 行政规范性文件 is known by its 文号; other documents may have none (a 公告).
    pub fn needs_doc_number(self) -> bool {
        self == DocumentKind::Normative
    }
}

/// A document's dates, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DocumentDates {
    pub issued_on: NaiveDate,
    pub effective_on: NaiveDate,
    /// 有效期至: the last day the document holds; `None` for one without a term.
    pub valid_until: Option<NaiveDate>,
}

impl DocumentDates {
    pub fn new(
        issued_on: NaiveDate,
        effective_on: NaiveDate,
        valid_until: Option<NaiveDate>,
    ) -> Result<Self, DocumentError> {
        if effective_on < issued_on {
            return Err(DocumentError::Dates(format!(
                "施行日期 {effective_on} 早于印发日期 {issued_on}：文件不能在印发前施行"
            )));
        }
        if let Some(until) = valid_until
            && until < effective_on
        {
            return Err(DocumentError::Dates(format!(
                "有效期至 {until} 早于施行日期 {effective_on}"
            )));
        }
        Ok(Self {
            issued_on,
            effective_on,
            valid_until,
        })
    }

    /// Whether the term has run out by `day` (the last day itself still holds).
    pub fn term_ended(&self, day: NaiveDate) -> bool {
        self.valid_until.is_some_and(|until| until < day)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(text: &str) -> NaiveDate {
        text.parse().unwrap()
    }

    #[test]
    fn effective_before_issue_and_a_term_ending_before_it_starts_are_refused() {
        let e = DocumentDates::new(d("2024-03-10"), d("2024-03-01"), None).unwrap_err();
        assert_eq!(
            e.to_string(),
            "施行日期 2024-03-01 早于印发日期 2024-03-10：文件不能在印发前施行"
        );
        let e = DocumentDates::new(d("2024-03-10"), d("2024-04-01"), Some(d("2024-03-31")))
            .unwrap_err();
        assert!(e.to_string().contains("有效期至 2024-03-31 早于施行日期"));
        let ok =
            DocumentDates::new(d("2024-03-10"), d("2024-03-10"), Some(d("2026-03-09"))).unwrap();
        assert!(!ok.term_ended(d("2026-03-09")));
        assert!(ok.term_ended(d("2026-03-10")));
    }

    #[test]
    fn kinds_round_trip_and_only_normative_needs_a_number() {
        for kind in DocumentKind::ALL {
            assert_eq!(DocumentKind::from_key(kind.key()), Ok(kind));
        }
        assert!(DocumentKind::Normative.needs_doc_number());
        assert!(!DocumentKind::Policy.needs_doc_number());
        assert!(DocumentKind::from_key("rule").is_err());
    }
}
