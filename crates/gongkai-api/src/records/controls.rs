//! 三审 and 保密审查 as the API does them, for everything that is signed before it goes out (a
//! record before publication, an application's reply before it is final): who may sign which
//! level, `gongkai_records`' rules on the signatures in force, the secrecy checklist, what
//! still stands in the way, and how they are shown. The store keeps them per subject
//! ([`Reviewed`]).

use chrono::NaiveDate;
use gongkai_domain::{Person, Role, RowId};
use gongkai_records::{
    Attribute, Blocker, Decision, RecordError, SecrecyCheck, SecrecyQuestion, Stage, blockers,
};
use gongkai_store::{Reviewed, Store, StoredReview, StoredSecrecy};

use crate::{ApiError, wire};

/// A signature as asked for, checked for form before the store is opened.
pub(crate) struct Signing {
    stage: Stage,
    person_id: RowId,
    decided_on: NaiveDate,
    opinion: String,
    passed: bool,
}

impl Signing {
    pub(crate) fn parse(
        stage: &str,
        person_id: &str,
        decided_on: NaiveDate,
        opinion: &str,
        passed: bool,
    ) -> Result<Self, ApiError> {
        Ok(Self {
            stage: Stage::from_key(stage.trim())?,
            person_id: person_id.trim().parse()?,
            decided_on,
            opinion: opinion.trim().to_owned(),
            passed,
        })
    }

    /// Signs `of`: refused unless the person holds the level's role and the signature follows
    /// the ones in force by the rules of the review.
    pub(crate) fn sign(self, store: &mut Store, of: Reviewed) -> Result<(), ApiError> {
        let role = match self.stage {
            Stage::Draft => Role::Draft,
            Stage::Review => Role::Review,
            Stage::Approve => Role::Approve,
        };
        let person = person(store, self.person_id)?;
        if !person.roles.contains(role) {
            return Err(ApiError::invalid(format!(
                "{}没有“{}”职责，请在“设置 → 人员与职责”中调整",
                person.name,
                self.stage.label()
            )));
        }
        let next = Decision {
            stage: self.stage,
            person_id: self.person_id.to_string(),
            person_name: person.name.to_string(),
            decided_on: self.decided_on,
            opinion: self.opinion,
            passed: self.passed,
        };
        gongkai_records::review::check(&in_force(store, of)?, &next)?;
        store.add_review(
            of,
            &StoredReview {
                stage: self.stage.key().to_owned(),
                person_id: next.person_id,
                person_name: next.person_name,
                decided_on: next.decided_on,
                opinion: next.opinion,
                passed: next.passed,
                cleared: false,
                recorded_at: String::new(),
            },
        )?;
        Ok(())
    }
}

/// A 保密审查 as asked for, checked for form before the store is opened.
pub(crate) struct SecrecyAnswers {
    reviewer_id: RowId,
    decided_on: NaiveDate,
    concerns: Vec<(SecrecyQuestion, bool)>,
    opinion: String,
}

impl SecrecyAnswers {
    pub(crate) fn parse(
        reviewer_id: &str,
        decided_on: NaiveDate,
        answers: &[wire::SecrecyAnswer],
        opinion: &str,
    ) -> Result<Self, ApiError> {
        Ok(Self {
            reviewer_id: reviewer_id.trim().parse()?,
            decided_on,
            concerns: answers
                .iter()
                .map(|a| Ok((SecrecyQuestion::from_key(a.key.trim())?, a.concern)))
                .collect::<Result<_, RecordError>>()?,
            opinion: opinion.trim().to_owned(),
        })
    }

    /// Records the check on `of`, replacing the one in force; refused unless every question
    /// is answered.
    pub(crate) fn record(self, store: &mut Store, of: Reviewed) -> Result<(), ApiError> {
        let reviewer = person(store, self.reviewer_id)?;
        let check = SecrecyCheck::new(
            self.reviewer_id.to_string(),
            reviewer.name.to_string(),
            self.decided_on,
            self.concerns,
            self.opinion,
        )?;
        store.set_secrecy(
            of,
            &StoredSecrecy {
                passed: check.passed(),
                answers: check
                    .concerns
                    .iter()
                    .map(|(q, c)| (q.key().to_owned(), *c))
                    .collect(),
                reviewer_id: check.reviewer_id,
                reviewer_name: check.reviewer_name,
                decided_on: check.decided_on,
                opinion: check.opinion,
            },
        )?;
        Ok(())
    }
}

fn person(store: &Store, id: RowId) -> Result<Person, ApiError> {
    Ok(store
        .people()?
        .into_iter()
        .find(|p| p.id == id)
        .ok_or(gongkai_store::StoreError::NotFound { what: "人员" })?)
}

/// The signatures in force on `of`, oldest first.
pub(crate) fn in_force(store: &Store, of: Reviewed) -> Result<Vec<Decision>, ApiError> {
    store
        .reviews(of)?
        .into_iter()
        .filter(|r| !r.cleared)
        .map(|r| {
            Ok(Decision {
                stage: Stage::from_key(&r.stage)?,
                person_id: r.person_id,
                person_name: r.person_name,
                decided_on: r.decided_on,
                opinion: r.opinion,
                passed: r.passed,
            })
        })
        .collect()
}

/// What keeps `of`, disclosed as `attribute`, from going out: 三审 and 保密审查 in force.
pub(crate) fn gate(
    store: &Store,
    of: Reviewed,
    attribute: &Attribute,
) -> Result<Vec<Blocker>, ApiError> {
    let secrecy = store
        .secrecy(of)?
        .map(|s| {
            let concerns = s
                .answers
                .iter()
                .map(|(k, c)| Ok((SecrecyQuestion::from_key(k)?, *c)))
                .collect::<Result<Vec<_>, RecordError>>()?;
            Ok::<_, ApiError>(SecrecyCheck {
                reviewer_id: s.reviewer_id,
                reviewer_name: s.reviewer_name,
                decided_on: s.decided_on,
                concerns,
                opinion: s.opinion,
            })
        })
        .transpose()?;
    Ok(blockers(attribute, &in_force(store, of)?, secrecy.as_ref()))
}

/// Every signature on `of` (history included) and the secrecy check in force, as shown.
pub(crate) fn shown(
    store: &Store,
    of: Reviewed,
) -> Result<(Vec<wire::ReviewEntry>, Option<wire::SecrecyEntry>), ApiError> {
    let reviews = store
        .reviews(of)?
        .into_iter()
        .map(|r| {
            Ok(wire::ReviewEntry {
                stage_label: Stage::from_key(&r.stage)?.label().to_owned(),
                stage: r.stage,
                person_name: r.person_name,
                decided_on: r.decided_on.to_string(),
                opinion: r.opinion,
                passed: r.passed,
                cleared: r.cleared,
            })
        })
        .collect::<Result<_, RecordError>>()?;
    let secrecy = store.secrecy(of)?.map(|s| wire::SecrecyEntry {
        reviewer_name: s.reviewer_name,
        decided_on: s.decided_on.to_string(),
        answers: s
            .answers
            .into_iter()
            .map(|(key, concern)| wire::SecrecyAnswer { key, concern })
            .collect(),
        opinion: s.opinion,
        passed: s.passed,
    });
    Ok((reviews, secrecy))
}

/// The review levels and the secrecy questions, as a form offers them.
pub(crate) fn choices() -> (Vec<wire::Choice>, Vec<wire::Choice>) {
    let choice = |key: &str, label: &str| wire::Choice {
        key: key.to_owned(),
        label: label.to_owned(),
    };
    (
        Stage::ALL
            .iter()
            .map(|s| choice(s.key(), s.label()))
            .collect(),
        SecrecyQuestion::ALL
            .iter()
            .map(|q| choice(q.key(), q.label()))
            .collect(),
    )
}
