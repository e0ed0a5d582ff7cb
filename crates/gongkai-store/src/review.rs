//! 三审 and 保密审查, one code for everything that is signed before it goes out: a disclosure
//! record before publication, an application's reply before it is final. Signatures and checks
//! are append-only; a return, or a change of what was signed, clears those in force (kept as
//! history). Each subject has its own pair of tables (migrations 6 and 17), whose triggers hold
//! the gate; the subject also decides when it can still be signed.

use chrono::NaiveDate;
use gongkai_domain::RowId;
use rusqlite::{OptionalExtension, params};

use crate::{Store, StoreError, Writer};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredReview {
    pub stage: String,
    pub person_id: String,
    pub person_name: String,
    pub decided_on: NaiveDate,
    pub opinion: String,
    pub passed: bool,
    /// Superseded by a later return or edit; kept as history.
    pub cleared: bool,
    pub recorded_at: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredSecrecy {
    pub reviewer_id: String,
    pub reviewer_name: String,
    pub decided_on: NaiveDate,
    /// (question key, concern)
    pub answers: Vec<(String, bool)>,
    pub opinion: String,
    pub passed: bool,
}

/// What is signed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reviewed {
    /// A disclosure record, signed while it is a draft.
    Record(RowId),
    /// An application's reply, signed once drafted and until it is final.
    Reply(RowId),
}

/// Where a subject's signatures and checks are kept.
struct Tables {
    review: &'static str,
    secrecy: &'static str,
    /// The column of both tables naming the subject.
    owner: &'static str,
}

impl Reviewed {
    fn id(self) -> String {
        match self {
            Self::Record(id) | Self::Reply(id) => id.to_string(),
        }
    }

    fn tables(self) -> Tables {
        match self {
            Self::Record(_) => Tables {
                review: "record_review",
                secrecy: "record_secrecy",
                owner: "record_id",
            },
            Self::Reply(_) => Tables {
                review: "request_review",
                secrecy: "request_secrecy",
                owner: "request_id",
            },
        }
    }

    /// Refuses unless the subject exists and can still be signed.
    fn require_open(self, w: &Writer<'_>) -> Result<(), StoreError> {
        match self {
            Self::Record(id) => crate::records::require_draft(w, id),
            Self::Reply(id) => crate::requests::require_draft_reply(w, id),
        }
    }
}

impl Store {
    /// Every signature on `of`, oldest first, history included.
    pub fn reviews(&self, of: Reviewed) -> Result<Vec<StoredReview>, StoreError> {
        let t = of.tables();
        let mut stmt = self.conn.prepare(&format!(
            "SELECT stage, person_id, person_name, decided_on, opinion, passed, cleared,
                 recorded_at
             FROM {} WHERE {} = ?1 ORDER BY seq",
            t.review, t.owner
        ))?;
        let rows = stmt.query_map([of.id()], |r| {
            Ok(StoredReview {
                stage: r.get(0)?,
                person_id: r.get(1)?,
                person_name: r.get(2)?,
                decided_on: r.get(3)?,
                opinion: r.get(4)?,
                passed: r.get(5)?,
                cleared: r.get(6)?,
                recorded_at: r.get(7)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Adds a signature; a return (`passed = false`) sends the subject back to its drafter by
    /// clearing every signature and the secrecy check in force, the return itself included.
    pub fn add_review(&mut self, of: Reviewed, review: &StoredReview) -> Result<(), StoreError> {
        self.write(|w| {
            of.require_open(w)?;
            let t = of.tables();
            w.tx.execute(
                &format!(
                    "INSERT INTO {} ({}, stage, person_id, person_name, decided_on, opinion,
                         passed, recorded_at)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                    t.review, t.owner
                ),
                params![
                    of.id(),
                    review.stage,
                    review.person_id,
                    review.person_name,
                    review.decided_on,
                    review.opinion,
                    review.passed,
                    w.now_text()
                ],
            )?;
            if !review.passed {
                clear_controls(w, of)?;
            }
            Ok(())
        })
    }

    /// The secrecy check in force on `of`, if any.
    pub fn secrecy(&self, of: Reviewed) -> Result<Option<StoredSecrecy>, StoreError> {
        let t = of.tables();
        Ok(self
            .conn
            .query_row(
                &format!(
                    "SELECT reviewer_id, reviewer_name, decided_on, answers, opinion, passed
                     FROM {} WHERE {} = ?1 AND cleared = 0",
                    t.secrecy, t.owner
                ),
                [of.id()],
                |r| {
                    let answers: String = r.get(3)?;
                    Ok(StoredSecrecy {
                        reviewer_id: r.get(0)?,
                        reviewer_name: r.get(1)?,
                        decided_on: r.get(2)?,
                        answers: answers
                            .split(',')
                            .filter_map(|a| a.split_once('='))
                            .map(|(k, v)| (k.to_owned(), v == "1"))
                            .collect(),
                        opinion: r.get(4)?,
                        passed: r.get(5)?,
                    })
                },
            )
            .optional()?)
    }

    /// Records a secrecy check on `of`; it replaces the one in force (kept as history).
    pub fn set_secrecy(&mut self, of: Reviewed, check: &StoredSecrecy) -> Result<(), StoreError> {
        self.write(|w| {
            of.require_open(w)?;
            let t = of.tables();
            w.tx.execute(
                &format!(
                    "UPDATE {} SET cleared = 1 WHERE {} = ?1 AND cleared = 0",
                    t.secrecy, t.owner
                ),
                [of.id()],
            )?;
            let answers: Vec<String> = check
                .answers
                .iter()
                .map(|(k, concern)| format!("{k}={}", u8::from(*concern)))
                .collect();
            w.tx.execute(
                &format!(
                    "INSERT INTO {} ({}, reviewer_id, reviewer_name, decided_on, answers,
                         opinion, passed, recorded_at)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                    t.secrecy, t.owner
                ),
                params![
                    of.id(),
                    check.reviewer_id,
                    check.reviewer_name,
                    check.decided_on,
                    answers.join(","),
                    check.opinion,
                    check.passed,
                    w.now_text()
                ],
            )?;
            Ok(())
        })
    }
}

/// Clears every signature and the secrecy check in force on `of`: what was signed changed, or
/// was returned.
pub(crate) fn clear_controls(w: &Writer<'_>, of: Reviewed) -> Result<(), StoreError> {
    let t = of.tables();
    for table in [t.review, t.secrecy] {
        w.tx.execute(
            &format!(
                "UPDATE {table} SET cleared = 1 WHERE {} = ?1 AND cleared = 0",
                t.owner
            ),
            [of.id()],
        )?;
    }
    Ok(())
}
