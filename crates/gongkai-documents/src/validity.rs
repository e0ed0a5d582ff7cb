//! 效力状态: 现行有效 → 已修改 (still in force, as amended) → 已废止 or 已失效. Every change has
//! its date, and 已修改 the document that amended it (a repeal or an expiry may name one too:
//! 清理结果的通知). 已废止 and 已失效 are final.

use chrono::NaiveDate;

use crate::DocumentError;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Validity {
    InForce,
    Amended,
    Repealed,
    Expired,
}

impl Validity {
    pub const ALL: [Validity; 4] = [
        Validity::InForce,
        Validity::Amended,
        Validity::Repealed,
        Validity::Expired,
    ];

    pub fn key(self) -> &'static str {
        match self {
            Validity::InForce => "in_force",
            Validity::Amended => "amended",
            Validity::Repealed => "repealed",
            Validity::Expired => "expired",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Validity::InForce => "现行有效",
            Validity::Amended => "已修改",
            Validity::Repealed => "已废止",
            Validity::Expired => "已失效",
        }
    }

    pub fn from_key(key: &str) -> Result<Self, DocumentError> {
        Self::ALL
            .into_iter()
            .find(|v| v.key() == key)
            .ok_or_else(|| DocumentError::Unknown {
                what: "效力状态",
                value: key.to_owned(),
            })
    }

    /// Whether a document in this state still binds (an amended one does, as amended).
    pub fn holds(self) -> bool {
        matches!(self, Validity::InForce | Validity::Amended)
    }

    /// The act that leads to this state, as the clerk names its date (修改日期, 废止日期 …).
    pub fn act(self) -> &'static str {
        match self {
            Validity::InForce => "施行",
            Validity::Amended => "修改",
            Validity::Repealed => "废止",
            Validity::Expired => "失效",
        }
    }
}

/// A document of the library that amends, repeals or declares another void.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChangingDocument {
    pub id: String,
    /// 文号 or, without one, the title: how the clerk knows it.
    pub name: String,
    pub issued_on: NaiveDate,
    /// The documents that amended, repealed or voided this one, directly or through others
    /// (their ids): the document it changes must not be among them, or the library would say
    /// A was amended by B and B by A.
    pub changed_by: Vec<String>,
    /// When it was repealed or declared void, if it was: from then on it changes nothing.
    pub ended: Option<(Validity, NaiveDate)>,
}

/// Where a document stands before a change.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidityState {
    pub document_id: String,
    pub issued_on: NaiveDate,
    pub validity: Validity,
    /// The date of the last change; `None` while 现行有效 as issued.
    pub since: Option<NaiveDate>,
}

/// A change of validity that has passed every check.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidityChange {
    pub to: Validity,
    pub on: NaiveDate,
    pub by: Option<ChangingDocument>,
}

impl ValidityChange {
    /// Checks a change of `current` to `to` on `on`, made by `by`.
    pub fn new(
        current: &ValidityState,
        to: Validity,
        on: Option<NaiveDate>,
        by: Option<ChangingDocument>,
    ) -> Result<Self, DocumentError> {
        let refuse = |text: String| Err(DocumentError::Validity(text));
        if to == Validity::InForce {
            return refuse("效力只能变更为“已修改”“已废止”或“已失效”".to_owned());
        }
        if !current.validity.holds() {
            let since = current.since.map(|d| d.to_string()).unwrap_or_default();
            return refuse(format!(
                "文件已于 {since} {}，效力不能再变更",
                current.validity.label()
            ));
        }
        let act = to.act();
        let Some(on) = on else {
            return refuse(format!("标为“{}”须填写{act}日期", to.label()));
        };
        if on < current.issued_on {
            return refuse(format!(
                "{act}日期 {on} 早于文件的印发日期 {}",
                current.issued_on
            ));
        }
        if let Some(since) = current.since
            && on < since
        {
            return refuse(format!("{act}日期 {on} 早于上次效力变更的日期 {since}"));
        }
        match &by {
            None if to == Validity::Amended => {
                return refuse("已修改的文件须写明修改它的文件".to_owned());
            }
            Some(other) if other.id == current.document_id => {
                return refuse(format!("文件不能{act}它自己"));
            }
            Some(other) if other.changed_by.contains(&current.document_id) => {
                return refuse(format!(
                    "“{}”本身已被本文件（直接或经其他文件）修改或废止，不能再反过来{act}本文件：效力变更不能循环",
                    other.name
                ));
            }
            Some(other) if other.ended.is_some_and(|(_, ended_on)| ended_on <= on) => {
                let (validity, ended_on) = other.ended.unwrap_or((Validity::Repealed, on));
                return refuse(format!(
                    "“{}”已于 {ended_on} {}，不能在 {on} {act}其他文件",
                    other.name,
                    validity.act()
                ));
            }
            // A document cannot change one that did not exist when it was issued.
            Some(other) if other.issued_on < current.issued_on => {
                return refuse(format!(
                    "“{}”印发于 {}，早于本文件的印发日期 {}，不能{act}本文件",
                    other.name, other.issued_on, current.issued_on
                ));
            }
            Some(other) if other.issued_on > on => {
                return refuse(format!(
                    "“{}”印发于 {}，晚于{act}日期 {on}",
                    other.name, other.issued_on
                ));
            }
            _ => {}
        }
        Ok(Self { to, on, by })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(text: &str) -> NaiveDate {
        text.parse().unwrap()
    }

    fn state(validity: Validity, since: Option<&str>) -> ValidityState {
        ValidityState {
            document_id: "doc".to_owned(),
            issued_on: d("2023-02-01"),
            validity,
            since: since.map(d),
        }
    }

    fn other(issued: &str) -> ChangingDocument {
        ChangingDocument {
            id: "other".to_owned(),
            name: "示政发〔2025〕4号".to_owned(),
            issued_on: d(issued),
            changed_by: Vec::new(),
            ended: None,
        }
    }

    fn message(result: Result<ValidityChange, DocumentError>) -> String {
        result.unwrap_err().to_string()
    }

    #[test]
    fn in_force_may_be_amended_then_repealed_and_repeal_is_final() {
        let amended = ValidityChange::new(
            &state(Validity::InForce, None),
            Validity::Amended,
            Some(d("2025-03-01")),
            Some(other("2025-02-20")),
        )
        .unwrap();
        assert_eq!(amended.to, Validity::Amended);
        let repealed = ValidityChange::new(
            &state(Validity::Amended, Some("2025-03-01")),
            Validity::Repealed,
            Some(d("2026-01-01")),
            None,
        )
        .unwrap();
        assert_eq!(repealed.on, d("2026-01-01"));
        assert_eq!(
            message(ValidityChange::new(
                &state(Validity::Repealed, Some("2026-01-01")),
                Validity::Expired,
                Some(d("2026-02-01")),
                None,
            )),
            "文件已于 2026-01-01 已废止，效力不能再变更"
        );
        assert!(Validity::Amended.holds() && !Validity::Expired.holds());
    }

    #[test]
    fn every_refusal_names_what_is_wrong() {
        let in_force = state(Validity::InForce, None);
        assert_eq!(
            message(ValidityChange::new(
                &in_force,
                Validity::Repealed,
                None,
                None
            )),
            "标为“已废止”须填写废止日期"
        );
        assert_eq!(
            message(ValidityChange::new(
                &in_force,
                Validity::Repealed,
                Some(d("2023-01-31")),
                None
            )),
            "废止日期 2023-01-31 早于文件的印发日期 2023-02-01"
        );
        assert_eq!(
            message(ValidityChange::new(
                &state(Validity::Amended, Some("2025-03-01")),
                Validity::Repealed,
                Some(d("2025-02-01")),
                None
            )),
            "废止日期 2025-02-01 早于上次效力变更的日期 2025-03-01"
        );
        assert_eq!(
            message(ValidityChange::new(
                &in_force,
                Validity::Amended,
                Some(d("2025-03-01")),
                None
            )),
            "已修改的文件须写明修改它的文件"
        );
        assert_eq!(
            message(ValidityChange::new(
                &in_force,
                Validity::Amended,
                Some(d("2025-03-01")),
                Some(other("2025-04-01"))
            )),
            "“示政发〔2025〕4号”印发于 2025-04-01，晚于修改日期 2025-03-01"
        );
        assert_eq!(
            message(ValidityChange::new(
                &in_force,
                Validity::Repealed,
                Some(d("2025-03-01")),
                Some(other("2022-12-31"))
            )),
            "“示政发〔2025〕4号”印发于 2022-12-31，早于本文件的印发日期 2023-02-01，不能废止本文件"
        );
        let mut repealed = other("2024-01-01");
        repealed.ended = Some((Validity::Repealed, d("2025-02-01")));
        assert_eq!(
            message(ValidityChange::new(
                &in_force,
                Validity::Amended,
                Some(d("2025-03-01")),
                Some(repealed)
            )),
            "“示政发〔2025〕4号”已于 2025-02-01 废止，不能在 2025-03-01 修改其他文件"
        );
        let mut itself = other("2025-01-01");
        itself.id = "doc".to_owned();
        assert_eq!(
            message(ValidityChange::new(
                &in_force,
                Validity::Repealed,
                Some(d("2025-03-01")),
                Some(itself)
            )),
            "文件不能废止它自己"
        );
        // B amended by this document (or by one this document amended): this document cannot
        // in turn be amended by B.
        let mut amended_by_us = other("2025-01-01");
        amended_by_us.changed_by = vec!["third".to_owned(), "doc".to_owned()];
        assert_eq!(
            message(ValidityChange::new(
                &in_force,
                Validity::Amended,
                Some(d("2025-03-01")),
                Some(amended_by_us)
            )),
            "“示政发〔2025〕4号”本身已被本文件（直接或经其他文件）修改或废止，不能再反过来修改本文件：效力变更不能循环"
        );
        assert!(
            message(ValidityChange::new(
                &in_force,
                Validity::InForce,
                Some(d("2025-03-01")),
                None
            ))
            .contains("只能变更为")
        );
        assert_eq!(Validity::from_key("repealed"), Ok(Validity::Repealed));
        assert!(Validity::from_key("void").is_err());
    }
}
