//! The plan's rows of the 待办 home: tasks late or due soon, each opening the plan screen on it.

use chrono::NaiveDate;
use gongkai_store::Store;

use crate::{ApiError, wire};

use super::task_row;

/// Every task not done whose state today is late or due soon, late first.
pub(crate) fn todo_rows(store: &Store, today: NaiveDate) -> Result<Vec<wire::TodoRow>, ApiError> {
    let mut rows = Vec::new();
    for task in store.plan_tasks_open(today)? {
        let row = task_row(&task, today)?;
        let kind = match row.due_state {
            wire::PlanDueState::Late => wire::TodoKind::PlanLate,
            wire::PlanDueState::DueSoon => wire::TodoKind::PlanDueSoon,
            wire::PlanDueState::Done | wire::PlanDueState::Open => continue,
        };
        let whom = [row.office.as_str(), row.person.as_str()]
            .iter()
            .filter(|s| !s.is_empty())
            .copied()
            .collect::<Vec<_>>()
            .join(" ");
        rows.push(wire::TodoRow {
            kind,
            title: format!("{} 年工作要点 {}. {}", row.year, row.seq, row.name),
            detail: if whom.is_empty() {
                row.explanation.clone()
            } else {
                format!("{}（{whom}）", row.explanation)
            },
            due_on: row.state_due_on.clone(),
            village: None,
            screen: "/plan".to_owned(),
            target_id: Some(row.id),
        });
    }
    rows.sort_by_key(|r| (r.kind != wire::TodoKind::PlanLate, r.due_on.clone()));
    Ok(rows)
}
