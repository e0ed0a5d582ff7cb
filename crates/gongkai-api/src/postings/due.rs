//! What is due per board, and the 待办 home.
//!
//! A periodic zone owes one sheet per period from the period its board was set up in (or its
//! first posting, for boards recorded after the fact), at most a year back: due on the zone's
//! day of the month after the period ends. A 随时 zone owes a sheet N days (calendar or working
//! days on the official calendar) after each matter the clerk has drafted a posting for. A
//! period's sheet is done once posted. The 待办 home puts these beside the records overdue or
//! due soon and the notices whose period ends, each row naming the screen that does it.

use std::collections::HashMap;

use chrono::{Days, NaiveDate};
use gongkai_boards::{Cadence, MatterDue, Period, PeriodKind};
use gongkai_calendar::Calendar;
use gongkai_records::deadline::{self, DUE_SOON_WORKDAYS, DeadlineStatus};
use gongkai_store::{PostingFilter, Store, StoredPosting, ZoneInForce};

use crate::records::calendar;
use crate::session::OpenMode;
use crate::{Api, ApiError, wire};

use super::{period_kind, rule, summary, today, zone_cadence};

/// Within this many calendar days of its due date a zone's sheet is "due soon".
pub(crate) const DUE_SOON_DAYS: i64 = 7;
/// A notice period ending within this many days: take the sheet down soon.
const ENDING_DAYS: u64 = 3;
/// How far back a missing period is still reported.
const LOOKBACK_MONTHS: u32 = 12;
/// Records listed on the home screen (the count says how many there are).
const HOME_RECORDS: u32 = 20;

fn state(due_on: NaiveDate, today: NaiveDate) -> (wire::BoardDueState, i64) {
    let days = (today - due_on).num_days();
    if days > 0 {
        (wire::BoardDueState::Overdue, days)
    } else if -days <= DUE_SOON_DAYS {
        (wire::BoardDueState::DueSoon, -days)
    } else {
        (wire::BoardDueState::Pending, -days)
    }
}

fn date_of(timestamp: &str) -> Option<NaiveDate> {
    timestamp.get(..10)?.parse().ok()
}

/// The periods a zone owes, oldest first: from the one holding `start` (at most a year back)
/// up to the one before today's.
fn owed_periods(kind: PeriodKind, start: NaiveDate, today: NaiveDate) -> Vec<Period> {
    let current = Period::containing(kind, today);
    let earliest = today
        .checked_sub_months(chrono::Months::new(LOOKBACK_MONTHS))
        .unwrap_or(today)
        .max(start);
    let mut periods = Vec::new();
    let mut period = current.previous();
    while period.last_day() >= earliest {
        periods.push(period);
        period = period.previous();
    }
    periods.reverse();
    periods
}

/// The day a 随时 posting's matter happened: a composed sheet's date, a record's formation.
pub(crate) fn matter_on(store: &Store, p: &StoredPosting) -> Result<NaiveDate, ApiError> {
    if let Some(sheet) = p.sheet_id {
        return Ok(store.composed_sheet(sheet)?.issued_on);
    }
    if let Some(record) = p.record_id {
        return Ok(store.record(record)?.formed_on);
    }
    Ok(p.notice_from)
}

fn zone_row(
    zone: &ZoneInForce,
    period: Option<Period>,
    due_on: NaiveDate,
    explanation: String,
    posting: Option<&StoredPosting>,
    today: NaiveDate,
) -> wire::ZoneDue {
    let (state, days) = state(due_on, today);
    wire::ZoneDue {
        board_id: zone.board_id.to_string(),
        board_name: zone.board_name.clone(),
        village: zone.village_name.clone(),
        zone_id: zone.zone_id.clone(),
        zone_name: zone.name.clone(),
        period: period.map(|p| p.to_string()),
        due_on: due_on.to_string(),
        state,
        days,
        explanation,
        posting_id: posting.map(|p| p.id.to_string()),
    }
}

/// Every zone's sheets not on the wall yet, overdue first, then by due date.
pub(crate) fn zones_due(
    store: &Store,
    calendar: &Calendar,
    postings: &[StoredPosting],
    today: NaiveDate,
) -> Result<Vec<wire::ZoneDue>, ApiError> {
    let mut by_zone: HashMap<(String, &str), Vec<&StoredPosting>> = HashMap::new();
    for p in postings {
        by_zone
            .entry((p.board_id.to_string(), p.zone_id.as_str()))
            .or_default()
            .push(p);
    }
    let mut rows = Vec::new();
    for zone in store.zones_in_force()? {
        let on_zone = by_zone
            .get(&(zone.board_id.to_string(), zone.zone_id.as_str()))
            .map_or(&[][..], Vec::as_slice);
        let cadence = zone_cadence(&zone)?;
        if let (Some(kind), Some(due_day)) = (period_kind(cadence), cadence.due_day()) {
            let board_start = date_of(&zone.board_created_at).unwrap_or(today);
            let start = on_zone
                .iter()
                .map(|p| p.notice_from)
                .min()
                .map_or(board_start, |first| first.min(board_start));
            for period in owed_periods(kind, start, today) {
                let key = period.to_string();
                let of_period: Vec<&&StoredPosting> = on_zone
                    .iter()
                    .filter(|p| p.period.as_deref() == Some(key.as_str()))
                    .collect();
                if of_period.iter().any(|p| p.posted_on.is_some()) {
                    continue;
                }
                let due = period.due(due_day.get());
                rows.push(zone_row(
                    &zone,
                    Some(period),
                    due.due_on,
                    due.explain(),
                    of_period.first().map(|p| **p),
                    today,
                ));
            }
        } else if let Cadence::AsNeeded {
            within_days,
            working,
        } = cadence
        {
            for posting in on_zone.iter().filter(|p| p.posted_on.is_none()) {
                if posting.status == "archived" {
                    continue;
                }
                let due =
                    MatterDue::count(calendar, matter_on(store, posting)?, within_days, working)
                        .map_err(rule)?;
                rows.push(zone_row(
                    &zone,
                    None,
                    due.due_on,
                    format!("“{}”：{}", posting.title, due.explain()),
                    Some(posting),
                    today,
                ));
            }
        }
    }
    rows.sort_by(|a, b| {
        let rank = |r: &wire::ZoneDue| r.state != wire::BoardDueState::Overdue;
        rank(a).cmp(&rank(b)).then(a.due_on.cmp(&b.due_on))
    });
    Ok(rows)
}

fn ending_soon(p: &StoredPosting, today: NaiveDate) -> bool {
    p.status == "posted"
        && p.notice_to
            <= today
                .checked_add_days(Days::new(ENDING_DAYS))
                .unwrap_or(today)
}

fn due_of(store: &Store, today: NaiveDate) -> Result<wire::PostingsDue, ApiError> {
    let calendar = calendar(store)?;
    let postings = store.board_postings(&PostingFilter::default())?;
    let due = zones_due(store, &calendar, &postings, today)?;
    let mut expiring = Vec::new();
    let mut reposts = Vec::new();
    for p in &postings {
        let s = summary(p, today)?;
        if ending_soon(p, today) {
            expiring.push(s);
        } else if s.must_repost {
            reposts.push(s);
        }
    }
    expiring.sort_by(|a, b| a.notice_to.cmp(&b.notice_to));
    Ok(wire::PostingsDue {
        today: today.to_string(),
        due,
        expiring,
        reposts,
    })
}

fn village_label(village: Option<&str>) -> String {
    village.unwrap_or("本镇").to_owned()
}

impl Api {
    pub fn postings_due(&self, _: wire::NoArgs) -> Result<wire::PostingsDue, ApiError> {
        self.with_store(OpenMode::Existing, |store| due_of(store, today()))
    }

    /// 待办: records overdue or due soon, notices whose period ends soon or has ended, boards
    /// due or overdue per village, sheets to post again; each row opens its screen.
    pub fn home_todo(&self, _: wire::NoArgs) -> Result<wire::HomeTodo, ApiError> {
        self.with_store(OpenMode::Existing, |store| {
            let today = today();
            let calendar = calendar(store)?;
            let mut rows = Vec::new();

            // Records: every one due on or before the last day that is still "due soon".
            let soon = calendar
                .add_workdays(today, u32::try_from(DUE_SOON_WORKDAYS).unwrap_or(5))
                .unwrap_or_else(|_| today.checked_add_days(Days::new(7)).unwrap_or(today));
            let (records, records_due) = store.records_due_by(soon, HOME_RECORDS)?;
            for record in records {
                let status = deadline::status(&calendar, record.due_on, None, today);
                let (kind, detail) = match status {
                    DeadlineStatus::Overdue { workdays } => (
                        wire::TodoKind::RecordOverdue,
                        format!("已逾期 {workdays} 个工作日"),
                    ),
                    DeadlineStatus::DueSoon { workdays_left: 0 } => {
                        (wire::TodoKind::RecordDueSoon, "今天到期".to_owned())
                    }
                    DeadlineStatus::DueSoon { workdays_left } => (
                        wire::TodoKind::RecordDueSoon,
                        format!("还剩 {workdays_left} 个工作日"),
                    ),
                    _ => continue,
                };
                rows.push(wire::TodoRow {
                    kind,
                    title: record.title,
                    detail,
                    due_on: Some(record.due_on.to_string()),
                    village: None,
                    screen: "/records".to_owned(),
                    target_id: Some(record.id.to_string()),
                });
            }

            // Payout notices and board sheets whose notice period ends soon or has ended.
            let ending_by = today
                .checked_add_days(Days::new(ENDING_DAYS))
                .unwrap_or(today);
            for notice in store.payout_notices_ending_by(ending_by)? {
                let ended = notice.ends_on < today;
                rows.push(wire::TodoRow {
                    kind: if ended {
                        wire::TodoKind::NoticeExpired
                    } else {
                        wire::TodoKind::NoticeEnding
                    },
                    title: format!("{}发放公示", notice.project),
                    detail: if ended {
                        format!("公示期已于 {} 结束，可撤下并归档", notice.ends_on)
                    } else {
                        format!("公示期到 {} 止", notice.ends_on)
                    },
                    due_on: Some(notice.ends_on.to_string()),
                    village: Some(notice.village),
                    screen: "/payouts".to_owned(),
                    target_id: Some(notice.list_id.to_string()),
                });
            }
            let due = due_of(store, today)?;
            for p in &due.expiring {
                let ended = p.stage == wire::PostingStage::Expired;
                rows.push(wire::TodoRow {
                    kind: if ended {
                        wire::TodoKind::NoticeExpired
                    } else {
                        wire::TodoKind::NoticeEnding
                    },
                    title: p.title.clone(),
                    detail: if ended {
                        format!("{}：公示期已于 {} 结束，请撤下", p.zone_name, p.notice_to)
                    } else {
                        format!("{}：公示期到 {} 止", p.zone_name, p.notice_to)
                    },
                    due_on: Some(p.notice_to.clone()),
                    village: Some(village_label(p.village.as_deref())),
                    screen: "/boards?tab=postings".to_owned(),
                    target_id: Some(p.id.clone()),
                });
            }
            for p in &due.reposts {
                rows.push(wire::TodoRow {
                    kind: wire::TodoKind::Repost,
                    title: p.title.clone(),
                    detail: p.early_take_down.clone().unwrap_or_default(),
                    due_on: None,
                    village: Some(village_label(p.village.as_deref())),
                    screen: "/boards?tab=postings".to_owned(),
                    target_id: Some(p.id.clone()),
                });
            }

            // Boards: one row per village and state, naming its zones and periods.
            let mut per_village: Vec<(Option<String>, wire::BoardDueState, Vec<&wire::ZoneDue>)> =
                Vec::new();
            for row in due
                .due
                .iter()
                .filter(|r| r.state != wire::BoardDueState::Pending)
            {
                match per_village
                    .iter_mut()
                    .find(|(v, s, _)| *v == row.village && *s == row.state)
                {
                    Some((_, _, rows)) => rows.push(row),
                    None => per_village.push((row.village.clone(), row.state, vec![row])),
                }
            }
            for (village, state, zones) in per_village {
                let overdue = state == wire::BoardDueState::Overdue;
                let names: Vec<String> = zones
                    .iter()
                    .map(|z| match &z.period {
                        Some(p) => format!(
                            "{}（{}）",
                            z.zone_name,
                            p.parse::<Period>()
                                .map_or_else(|_| p.clone(), |p| p.label())
                        ),
                        None => z.zone_name.clone(),
                    })
                    .collect();
                let first_due = zones.iter().map(|z| z.due_on.clone()).min();
                rows.push(wire::TodoRow {
                    kind: if overdue {
                        wire::TodoKind::BoardOverdue
                    } else {
                        wire::TodoKind::BoardDueSoon
                    },
                    title: format!(
                        "{} 个版块{}",
                        zones.len(),
                        if overdue {
                            "逾期未更新"
                        } else {
                            "即将到期"
                        }
                    ),
                    detail: names.join("、"),
                    due_on: first_due,
                    village: Some(village_label(village.as_deref())),
                    screen: "/boards?tab=due".to_owned(),
                    target_id: zones.first().map(|z| z.board_id.clone()),
                });
            }
            rows.extend(crate::plan::todo_rows(store, today)?);
            rows.extend(crate::documents::todo_rows(store, today)?);
            rows.extend(crate::requests::todo_rows(store, today, &calendar)?);
            Ok(wire::HomeTodo {
                today: today.to_string(),
                rows,
                records_due,
            })
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> NaiveDate {
        text.parse().unwrap()
    }

    #[test]
    fn periods_owed_run_from_the_start_up_to_the_last_finished_one() {
        let owed = owed_periods(PeriodKind::Month, day("2026-09-10"), day("2026-12-01"));
        let keys: Vec<String> = owed.iter().map(ToString::to_string).collect();
        assert_eq!(keys, ["2026-09", "2026-10", "2026-11"]);
        let capped = owed_periods(PeriodKind::Quarter, day("2020-01-01"), day("2026-12-01"));
        assert_eq!(capped.len(), 4, "a year back at most: {capped:?}");
        assert!(owed_periods(PeriodKind::Half, day("2026-11-01"), day("2026-12-01")).is_empty());
    }

    #[test]
    fn a_due_date_is_overdue_due_soon_or_pending() {
        let today = day("2026-12-01");
        assert_eq!(
            state(day("2026-11-15"), today),
            (wire::BoardDueState::Overdue, 16)
        );
        assert_eq!(
            state(day("2026-12-08"), today),
            (wire::BoardDueState::DueSoon, 7)
        );
        assert_eq!(
            state(day("2026-12-15"), today),
            (wire::BoardDueState::Pending, 14)
        );
    }
}
