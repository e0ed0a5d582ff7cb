//! The yearly 清理: the documents due for review in a year's round, and the decisions; the
//! ones of this year's round still undecided are rows of the 待办 home (`todo_rows`).

use gongkai_documents::{CleanupDecision, ValidityChange};
use gongkai_domain::RowId;
use gongkai_store::{Store, StoredCleanup};

use super::{candidate, changing_document, cleanup_rule, state, stored_change, summary, this_year};
use crate::commands::{date_or_today, non_blank};
use crate::session::OpenMode;
use crate::wire;
use crate::{Api, ApiError};

impl Api {
    /// The 清理 list of a year: every document due in its round, with the decision once taken.
    pub fn documents_cleanup(
        &self,
        args: wire::DocumentCleanupArgs,
    ) -> Result<wire::DocumentCleanup, ApiError> {
        let year = args.year.unwrap_or_else(this_year);
        self.with_store(OpenMode::Existing, |store| list(store, year))
    }

    /// Records a 清理 decision; 废止 and 宣布失效 change the validity on the decision's date, in
    /// the same transaction.
    pub fn document_cleanup_decide(
        &self,
        args: wire::CleanupDecideArgs,
    ) -> Result<wire::DocumentCleanup, ApiError> {
        let id: RowId = args.document_id.trim().parse()?;
        let year = args.year.unwrap_or_else(this_year);
        let decision = CleanupDecision::from_key(args.decision.key())?;
        let decided_on = date_or_today("决定日期", args.decided_on.as_deref())?;
        let decided_by = non_blank(Some(&args.decided_by))
            .ok_or_else(|| ApiError::invalid("请填写作出清理决定的人或会议".to_owned()))?
            .to_owned();
        self.with_store(OpenMode::Existing, |store| {
            let doc = store.document(id)?;
            let current = state(&doc)?;
            if !current.validity.holds() {
                return Err(ApiError::invalid(format!(
                    "“{}”已{}，不在清理范围内",
                    super::name(&doc),
                    current.validity.label().trim_start_matches('已')
                )));
            }
            if decided_on < doc.issued_on {
                return Err(ApiError::invalid(format!(
                    "决定日期 {decided_on} 早于文件的印发日期 {}",
                    doc.issued_on
                )));
            }
            let decisions = store.cleanup_decisions()?;
            let reasons = cleanup_rule(store)?.due(&candidate(&doc, &decisions, year)?, year);
            let reason = if reasons.is_empty() {
                "未到清理条件，提前清理".to_owned()
            } else {
                reasons
                    .iter()
                    .map(ToString::to_string)
                    .collect::<Vec<_>>()
                    .join("；")
            };
            let change = match decision.validity_after() {
                Some(to) => {
                    let by = changing_document(store, args.changed_by.as_deref())?;
                    let change = ValidityChange::new(&current, to, Some(decided_on), by)?;
                    Some(stored_change(
                        &change,
                        Some(&format!("{year} 年度清理决定{}", decision.label())),
                    ))
                }
                None => None,
            };
            store.decide_cleanup(
                &StoredCleanup {
                    id: RowId::new(),
                    document_id: id,
                    round: year,
                    reason,
                    decision: decision.key().to_owned(),
                    decided_on,
                    decided_by,
                    note: args.note.as_deref().unwrap_or_default().trim().to_owned(),
                },
                change.as_ref(),
            )?;
            list(store, year)
        })
    }
}

/// The documents of `today`'s year's round with no decision yet, oldest first, each opening the
/// documents screen's 清理 list.
pub(crate) fn todo_rows(
    store: &Store,
    today: chrono::NaiveDate,
) -> Result<Vec<wire::TodoRow>, ApiError> {
    let year = chrono::Datelike::year(&today);
    Ok(list(store, year)?
        .rows
        .into_iter()
        .filter(|row| row.decision.is_none())
        .map(|row| {
            let doc = row.document;
            wire::TodoRow {
                kind: wire::TodoKind::DocumentCleanup,
                title: match &doc.doc_number {
                    Some(number) => format!("《{}》（{number}）", doc.title),
                    None => format!("《{}》", doc.title),
                },
                detail: format!("{year} 年度清理：{}", row.reasons.join("；")),
                due_on: None,
                village: None,
                screen: "/documents?tab=cleanup".to_owned(),
                target_id: Some(doc.id),
            }
        })
        .collect())
}

fn list(store: &Store, year: i32) -> Result<wire::DocumentCleanup, ApiError> {
    let rule = cleanup_rule(store)?;
    let decisions = store.cleanup_decisions()?;
    let mut rows = Vec::new();
    for doc in store.documents()? {
        let decided = decisions
            .iter()
            .find(|c| c.document_id == doc.id && c.round == year);
        let reasons: Vec<String> = match decided {
            Some(c) => vec![c.reason.clone()],
            None => rule
                .due(&candidate(&doc, &decisions, year)?, year)
                .iter()
                .map(ToString::to_string)
                .collect(),
        };
        if reasons.is_empty() {
            continue;
        }
        rows.push(wire::CleanupRow {
            document: summary(store, &doc)?,
            reasons,
            decision: decided.map(entry).transpose()?,
        });
    }
    // Undecided first, then by issue date, oldest first: the oldest are the likeliest to go.
    rows.sort_by(|a, b| {
        a.decision
            .is_some()
            .cmp(&b.decision.is_some())
            .then(a.document.issued_on.cmp(&b.document.issued_on))
    });
    let undecided = rows.iter().filter(|r| r.decision.is_none()).count();
    Ok(wire::DocumentCleanup {
        year,
        age_years: rule.age_years,
        undecided: u32::try_from(undecided).unwrap_or(u32::MAX),
        rows,
    })
}

pub(super) fn entry(c: &StoredCleanup) -> Result<wire::CleanupEntry, ApiError> {
    Ok(wire::CleanupEntry {
        year: c.round,
        reason: c.reason.clone(),
        decision: wire::CleanupDecision::stored(&c.decision)?,
        decided_on: c.decided_on.to_string(),
        decided_by: c.decided_by.clone(),
        note: c.note.clone(),
    })
}
