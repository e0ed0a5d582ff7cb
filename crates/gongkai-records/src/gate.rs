//! The publication gate: a record reaches "published" only as 主动公开, after all three review
//! levels and a passed secrecy check. The store repeats this rule as a trigger.

use std::fmt;

use crate::review::{Decision, Stage};
use crate::{Attribute, SecrecyCheck};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Blocker {
    /// 依申请公开 and 不予公开 records are never published to the public.
    NotProactive(&'static str),
    ReviewMissing(Stage),
    SecrecyMissing,
    SecrecyFailed,
    /// The record publishes a document that needs a 政策解读, and the 解读 is not ready: what is
    /// missing, as the document library's rule names it (the API adds this one; the rules of
    /// documents are not this crate's).
    InterpretationNotReady(Vec<String>),
    /// What publication shows (title, body) holds a full resident ID number: where, with the
    /// number masked (the API finds these; the county refuses such an entry as `unmasked_data`
    /// and the board will not post it).
    UnmaskedIdNumber(Vec<String>),
}

impl fmt::Display for Blocker {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Blocker::NotProactive(label) => write!(f, "公开属性为“{label}”，不能主动发布"),
            Blocker::ReviewMissing(stage) => write!(f, "尚未完成“{}”", stage.label()),
            Blocker::SecrecyMissing => f.write_str("尚未进行保密审查"),
            Blocker::SecrecyFailed => f.write_str("保密审查未通过"),
            Blocker::InterpretationNotReady(missing) => {
                write!(f, "政策解读未就绪：{}", missing.join("，"))
            }
            Blocker::UnmaskedIdNumber(places) => write!(
                f,
                "{}中有完整的身份证号，请只保留脱敏后的号码",
                places.join("、")
            ),
        }
    }
}

/// Everything that still stands between a record and its publication; empty when it may be
/// published.
pub fn blockers(
    attribute: &Attribute,
    in_force: &[Decision],
    secrecy: Option<&SecrecyCheck>,
) -> Vec<Blocker> {
    let mut found = Vec::new();
    if *attribute != Attribute::Proactive {
        found.push(Blocker::NotProactive(attribute.label()));
    }
    for stage in Stage::ALL {
        if !in_force.iter().any(|d| d.stage == stage && d.passed) {
            found.push(Blocker::ReviewMissing(stage));
        }
    }
    match secrecy {
        None => found.push(Blocker::SecrecyMissing),
        Some(check) if !check.passed() => found.push(Blocker::SecrecyFailed),
        Some(_) => {}
    }
    found
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::*;
    use crate::SecrecyQuestion;

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, d).expect("date")
    }

    fn signed(stage: Stage, who: &str) -> Decision {
        Decision {
            stage,
            person_id: who.to_owned(),
            person_name: who.to_owned(),
            decided_on: day(20),
            opinion: String::new(),
            passed: true,
        }
    }

    fn secrecy(concern: bool) -> SecrecyCheck {
        SecrecyCheck {
            reviewer_id: "s".to_owned(),
            reviewer_name: "保密员".to_owned(),
            decided_on: day(21),
            concerns: SecrecyQuestion::ALL
                .into_iter()
                .map(|q| (q, concern && q == SecrecyQuestion::PersonalInformation))
                .collect(),
            opinion: "需脱敏".to_owned(),
        }
    }

    #[test]
    fn only_a_fully_reviewed_and_checked_proactive_record_passes() {
        let all = [
            signed(Stage::Draft, "a"),
            signed(Stage::Review, "b"),
            signed(Stage::Approve, "c"),
        ];
        assert!(blockers(&Attribute::Proactive, &all, Some(&secrecy(false))).is_empty());
        assert_eq!(
            blockers(&Attribute::Proactive, &all[..2], Some(&secrecy(false))),
            [Blocker::ReviewMissing(Stage::Approve)]
        );
        assert_eq!(
            blockers(&Attribute::Proactive, &all, None),
            [Blocker::SecrecyMissing]
        );
        assert_eq!(
            blockers(&Attribute::Proactive, &all, Some(&secrecy(true))),
            [Blocker::SecrecyFailed]
        );
        let withheld = Attribute::Withheld {
            ground: crate::Ground::PersonalPrivacy,
            reason: "低保对象家庭情况".to_owned(),
        };
        let found = blockers(&withheld, &all, Some(&secrecy(false)));
        assert_eq!(found[0].to_string(), "公开属性为“不予公开”，不能主动发布");
        assert_eq!(blockers(&Attribute::Proactive, &[], None).len(), 4);
        let interpretation = Blocker::InterpretationNotReady(vec![
            "解读“图解”尚未附图片".to_owned(),
            "解读“图解”尚未进行保密审查".to_owned(),
        ]);
        assert_eq!(
            interpretation.to_string(),
            "政策解读未就绪：解读“图解”尚未附图片，解读“图解”尚未进行保密审查"
        );
    }
}
