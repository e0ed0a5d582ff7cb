//! A task at its year's end: where it stood (from the notes of the year) and its 年终小结 —
//! the clerk's, or the draft made from the notes — for the plan screen and section 一 of the
//! annual report (`report::overview`).

use gongkai_plan::{NoteFacts, YearEnd, YearEndOutcome};
use gongkai_store::{Store, StoredPlanNote, StoredPlanTask};

use crate::{ApiError, wire};

/// `notes` oldest first, as the store gives them.
pub(crate) fn year_end(task: &StoredPlanTask, notes: &[StoredPlanNote]) -> wire::PlanYearEnd {
    let facts: Vec<NoteFacts<'_>> = notes
        .iter()
        .map(|n| NoteFacts {
            noted_on: n.note.noted_on,
            done: n.note.status == wire::PlanStatus::Done.key(),
            text: &n.note.note,
            evidence: u32::try_from(n.evidence.len()).unwrap_or(u32::MAX),
        })
        .collect();
    let end = YearEnd::of(task.task.year, &facts);
    let draft = end.draft();
    wire::PlanYearEnd {
        outcome: match end.outcome {
            YearEndOutcome::Done { .. } => wire::PlanYearEndOutcome::Done,
            YearEndOutcome::InProgress => wire::PlanYearEndOutcome::InProgress,
            YearEndOutcome::NotStarted => wire::PlanYearEndOutcome::NotStarted,
        },
        summary: task
            .year_end_summary
            .clone()
            .unwrap_or_else(|| draft.clone()),
        written: task.year_end_summary.is_some(),
        draft,
    }
}

/// A task of the year as section 一 tells it.
pub(crate) struct TaskYearEnd {
    pub seq: u32,
    pub name: String,
    pub year_end: wire::PlanYearEnd,
}

/// Every task of `year`'s plan by 序号, with its outcome and 年终小结.
pub(crate) fn year_ends(store: &Store, year: i32) -> Result<Vec<TaskYearEnd>, ApiError> {
    Ok(store
        .plan_year_summary(year)?
        .into_iter()
        .map(|s| TaskYearEnd {
            seq: s.task.task.seq,
            year_end: year_end(&s.task, &s.notes),
            name: s.task.task.name,
        })
        .collect())
}
