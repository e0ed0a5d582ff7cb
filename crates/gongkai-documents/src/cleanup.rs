//! 清理: once a year the township reviews its documents still in force and decides of each
//! due one whether it stays (继续有效), needs amending, is repealed or declared void. Due in the
//! round of year Y are the documents that hold and, by the end of Y, have reached the end of
//! their 有效期, or have held N years since they took effect or were last confirmed 继续有效
//! (N a setting of the township, 5 by default: a common provincial rule for 规范性文件 issued
//! without a term [M]).

use chrono::{Months, NaiveDate};

use crate::{DocumentDates, DocumentError, Validity};

/// The number of years after which a document without a term comes up for review.
pub const DEFAULT_CLEANUP_AGE_YEARS: u32 = 5;

/// The range the setting may take.
pub const CLEANUP_AGE_YEARS: std::ops::RangeInclusive<u32> = 1..=30;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CleanupRule {
    pub age_years: u32,
}

impl Default for CleanupRule {
    fn default() -> Self {
        Self {
            age_years: DEFAULT_CLEANUP_AGE_YEARS,
        }
    }
}

/// Why a document is due for review in a round.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CleanupReason {
    /// Its 有效期 ends within the round (or ended before).
    TermEnds { until: NaiveDate },
    /// It has held `years` years since `since` (taking effect, or the last 继续有效).
    Aged {
        years: u32,
        since: NaiveDate,
        confirmed: bool,
    },
}

impl std::fmt::Display for CleanupReason {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            CleanupReason::TermEnds { until } => write!(f, "有效期至 {until}，本年度届满"),
            CleanupReason::Aged {
                years,
                since,
                confirmed: false,
            } => write!(f, "自 {since} 施行已满 {years} 年"),
            CleanupReason::Aged {
                years,
                since,
                confirmed: true,
            } => write!(f, "自 {since} 清理决定继续有效已满 {years} 年"),
        }
    }
}

/// A document as the rule sees it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CleanupCandidate {
    pub validity: Validity,
    pub dates: DocumentDates,
    /// The date of the last 继续有效 decision of an earlier round.
    pub last_kept_on: Option<NaiveDate>,
}

impl CleanupRule {
    pub fn new(age_years: u32) -> Result<Self, DocumentError> {
        if !CLEANUP_AGE_YEARS.contains(&age_years) {
            return Err(DocumentError::Dates(format!(
                "清理年限 {age_years} 年不合理（应为 {} 至 {} 年）",
                CLEANUP_AGE_YEARS.start(),
                CLEANUP_AGE_YEARS.end()
            )));
        }
        Ok(Self { age_years })
    }

    /// Why `doc` is due in the round of `year`; empty when it is not.
    pub fn due(&self, doc: &CleanupCandidate, year: i32) -> Vec<CleanupReason> {
        let Some(year_end) = NaiveDate::from_ymd_opt(year, 12, 31) else {
            return Vec::new();
        };
        if !doc.validity.holds() || doc.dates.issued_on > year_end {
            return Vec::new();
        }
        let mut reasons = Vec::new();
        if let Some(until) = doc.dates.valid_until
            && until <= year_end
        {
            reasons.push(CleanupReason::TermEnds { until });
        }
        let (since, confirmed) = match doc.last_kept_on {
            Some(kept) if kept > doc.dates.effective_on => (kept, true),
            _ => (doc.dates.effective_on, false),
        };
        let aged = since
            .checked_add_months(Months::new(self.age_years.saturating_mul(12)))
            .is_some_and(|anniversary| anniversary <= year_end);
        if aged {
            reasons.push(CleanupReason::Aged {
                years: self.age_years,
                since,
                confirmed,
            });
        }
        reasons
    }
}

/// What a review decided of a document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CleanupDecision {
    Keep,
    Amend,
    Repeal,
    Expire,
}

impl CleanupDecision {
    pub const ALL: [CleanupDecision; 4] = [
        CleanupDecision::Keep,
        CleanupDecision::Amend,
        CleanupDecision::Repeal,
        CleanupDecision::Expire,
    ];

    pub fn key(self) -> &'static str {
        match self {
            CleanupDecision::Keep => "keep",
            CleanupDecision::Amend => "amend",
            CleanupDecision::Repeal => "repeal",
            CleanupDecision::Expire => "expire",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            CleanupDecision::Keep => "继续有效",
            CleanupDecision::Amend => "需修改",
            CleanupDecision::Repeal => "废止",
            CleanupDecision::Expire => "宣布失效",
        }
    }

    pub fn from_key(key: &str) -> Result<Self, DocumentError> {
        Self::ALL
            .into_iter()
            .find(|d| d.key() == key)
            .ok_or_else(|| DocumentError::Unknown {
                what: "清理决定",
                value: key.to_owned(),
            })
    }

    /// The validity the decision gives the document on its date (an amendment comes later, as
    /// the amending document).
    pub fn validity_after(self) -> Option<Validity> {
        match self {
            CleanupDecision::Repeal => Some(Validity::Repealed),
            CleanupDecision::Expire => Some(Validity::Expired),
            CleanupDecision::Keep | CleanupDecision::Amend => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(text: &str) -> NaiveDate {
        text.parse().unwrap()
    }

    fn doc(effective: &str, until: Option<&str>, kept: Option<&str>) -> CleanupCandidate {
        CleanupCandidate {
            validity: Validity::InForce,
            dates: DocumentDates::new(d(effective), d(effective), until.map(d)).unwrap(),
            last_kept_on: kept.map(d),
        }
    }

    #[test]
    fn a_term_ending_in_the_year_or_n_years_held_make_a_document_due() {
        let rule = CleanupRule::default();
        assert_eq!(
            rule.due(&doc("2024-03-01", Some("2026-02-28"), None), 2026),
            [CleanupReason::TermEnds {
                until: d("2026-02-28")
            }]
        );
        assert!(
            rule.due(&doc("2024-03-01", Some("2027-02-28"), None), 2026)
                .is_empty()
        );
        // Five years from 2021-12-31 end on 2026-12-31: within the 2026 round.
        let old = rule.due(&doc("2021-12-31", None, None), 2026);
        assert_eq!(old.len(), 1);
        assert_eq!(old[0].to_string(), "自 2021-12-31 施行已满 5 年");
        assert!(rule.due(&doc("2022-01-01", None, None), 2026).is_empty());
        // Kept in the 2024 round: counted again from then.
        assert!(
            rule.due(&doc("2019-05-01", None, Some("2024-11-20")), 2026)
                .is_empty()
        );
        let again = rule.due(&doc("2019-05-01", None, Some("2021-11-20")), 2026);
        assert_eq!(
            again[0].to_string(),
            "自 2021-11-20 清理决定继续有效已满 5 年"
        );
        let three = CleanupRule::new(3).unwrap();
        assert_eq!(three.due(&doc("2023-06-01", None, None), 2026).len(), 1);
    }

    #[test]
    fn documents_no_longer_holding_are_not_reviewed_and_the_setting_is_bounded() {
        let mut repealed = doc("2015-01-01", None, None);
        repealed.validity = Validity::Repealed;
        assert!(CleanupRule::default().due(&repealed, 2026).is_empty());
        assert!(
            CleanupRule::new(0)
                .unwrap_err()
                .to_string()
                .contains("清理年限 0 年不合理")
        );
        assert_eq!(
            CleanupDecision::Repeal.validity_after(),
            Some(Validity::Repealed)
        );
        assert_eq!(CleanupDecision::Keep.validity_after(), None);
    }
}
