//! 三审: 拟稿 (the drafter signs) → 审核 (科室负责人) → 审定 (分管或主要领导). Each level in order,
//! each by a different person; a return sends the record back to the drafter.

use chrono::NaiveDate;

use crate::RecordError;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Stage {
    Draft,
    Review,
    Approve,
}

impl Stage {
    pub const ALL: [Stage; 3] = [Stage::Draft, Stage::Review, Stage::Approve];

    pub fn key(self) -> &'static str {
        match self {
            Stage::Draft => "draft",
            Stage::Review => "review",
            Stage::Approve => "approve",
        }
    }

    pub fn from_key(key: &str) -> Result<Stage, RecordError> {
        Stage::ALL
            .into_iter()
            .find(|s| s.key() == key)
            .ok_or_else(|| RecordError::Unknown {
                what: "审查环节",
                value: key.to_owned(),
            })
    }

    pub fn label(self) -> &'static str {
        match self {
            Stage::Draft => "拟稿",
            Stage::Review => "科室负责人审核",
            Stage::Approve => "分管或主要领导审定",
        }
    }

    fn previous(self) -> Option<Stage> {
        match self {
            Stage::Draft => None,
            Stage::Review => Some(Stage::Draft),
            Stage::Approve => Some(Stage::Review),
        }
    }
}

/// One signature of the three-level review.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decision {
    pub stage: Stage,
    /// The person of the township profile who decided, and their name as signed.
    pub person_id: String,
    pub person_name: String,
    pub decided_on: NaiveDate,
    pub opinion: String,
    /// false: 退回修改.
    pub passed: bool,
}

/// Checks `next` against the decisions in force (those since the last return or edit).
pub fn check(in_force: &[Decision], next: &Decision) -> Result<(), RecordError> {
    if in_force.iter().any(|d| d.stage == next.stage) {
        return Err(RecordError::OutOfOrder(format!(
            "“{}”已经签署；如需重新审查，请先退回修改",
            next.stage.label()
        )));
    }
    if let Some(previous) = next.stage.previous() {
        let Some(done) = in_force.iter().find(|d| d.stage == previous) else {
            return Err(RecordError::OutOfOrder(format!(
                "须先完成“{}”，才能进行“{}”",
                previous.label(),
                next.stage.label()
            )));
        };
        if next.decided_on < done.decided_on {
            return Err(RecordError::Invalid(format!(
                "“{}”的日期 {} 早于“{}”的日期 {}",
                next.stage.label(),
                next.decided_on,
                previous.label(),
                done.decided_on
            )));
        }
    }
    if let Some(same) = in_force.iter().find(|d| d.person_id == next.person_id) {
        return Err(RecordError::Invalid(format!(
            "{}已签署“{}”，三审须由三个不同的人完成",
            same.person_name,
            same.stage.label()
        )));
    }
    if next.stage == Stage::Draft && !next.passed {
        return Err(RecordError::Invalid(
            "拟稿环节只能提交审查，不能退回".to_owned(),
        ));
    }
    if !next.passed && next.opinion.trim().is_empty() {
        return Err(RecordError::Invalid("退回修改时须写明审查意见".to_owned()));
    }
    Ok(())
}

/// True when all three levels have signed.
pub fn complete(in_force: &[Decision]) -> bool {
    Stage::ALL
        .iter()
        .all(|s| in_force.iter().any(|d| d.stage == *s && d.passed))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn decision(stage: Stage, person: &str, day: u32, passed: bool) -> Decision {
        Decision {
            stage,
            person_id: person.to_owned(),
            person_name: person.to_owned(),
            decided_on: NaiveDate::from_ymd_opt(2026, 11, day).expect("date"),
            opinion: if passed {
                String::new()
            } else {
                "数据有误".to_owned()
            },
            passed,
        }
    }

    #[test]
    fn three_levels_in_order_by_three_people() {
        let draft = decision(Stage::Draft, "李明", 2, true);
        let review = decision(Stage::Review, "王芳", 3, true);
        let approve = decision(Stage::Approve, "赵强", 4, true);
        assert!(
            matches!(check(&[], &review), Err(RecordError::OutOfOrder(m)) if m.contains("须先完成“拟稿”"))
        );
        assert_eq!(check(&[], &draft), Ok(()));
        let trail = vec![draft.clone()];
        assert!(check(&trail, &approve).is_err(), "审定 before 审核");
        assert_eq!(check(&trail, &review), Ok(()));
        let trail = vec![draft.clone(), review.clone()];
        let same_person = decision(Stage::Approve, "王芳", 4, true);
        assert!(
            matches!(check(&trail, &same_person), Err(RecordError::Invalid(m)) if m.contains("三个不同的人"))
        );
        let earlier = decision(Stage::Approve, "赵强", 1, true);
        assert!(check(&trail, &earlier).is_err(), "dated before 审核");
        assert!(!complete(&trail));
        let trail = vec![draft, review, approve.clone()];
        assert!(complete(&trail));
        assert!(check(&trail, &approve).is_err(), "signed twice");
    }

    #[test]
    fn a_return_needs_an_opinion_and_the_drafter_cannot_return() {
        let draft = decision(Stage::Draft, "李明", 2, true);
        let mut back = decision(Stage::Review, "王芳", 3, false);
        assert_eq!(check(std::slice::from_ref(&draft), &back), Ok(()));
        back.opinion = " ".to_owned();
        assert!(check(std::slice::from_ref(&draft), &back).is_err());
        assert!(check(&[], &decision(Stage::Draft, "李明", 2, false)).is_err());
    }
}
