//! Bulletin boards as the county sees them, from the postings townships push: which boards are
//! overdue. No SQL here; `db.rs` reads the rows.
//!
//! **Overdue, on the portal side**: for each zone of a periodic cadence (monthly, quarterly,
//! half-yearly) that the county has heard of — a zone of which some posting with a period went
//! up (it has a `posted_on`) — take the latest period posted. The period after it falls due on
//! its zone's due day of the month after that period ends (`Period::due_on`); when that day is
//! before today, the zone is overdue, and so is its village (or the township's own board).
//! Zones never posted on, and 随时 and 长期 zones, are not judged here: the township's own
//! 待办 computes those with the calendar and its board data, which the county does not hold.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use gongkai_sync::posting::Period;
use gongkai_sync::types::ZoneCadence;

/// One posted sheet of a periodic zone, as `db.rs` reads it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ZonePosting {
    /// '' for the township's own board.
    pub village_code: String,
    pub village_name: String,
    pub board_id: String,
    pub zone_id: String,
    pub cadence: ZoneCadence,
    pub due_day: u8,
    pub period: String,
}

/// A zone whose next sheet is late.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OverdueZone {
    pub village_code: String,
    pub village_name: String,
    pub board_id: String,
    pub zone_id: String,
    /// The latest period posted.
    pub latest: String,
    /// When the period after it was due.
    pub due_on: NaiveDate,
}

/// The zones overdue on `today` (Beijing date), in village, board and zone order.
pub fn overdue_zones(postings: &[ZonePosting], today: NaiveDate) -> Vec<OverdueZone> {
    let mut latest: BTreeMap<(&str, &str, &str), (Period, &ZonePosting)> = BTreeMap::new();
    for p in postings {
        let Some(period) = Period::parse(p.cadence, &p.period) else {
            continue;
        };
        let key = (
            p.village_code.as_str(),
            p.board_id.as_str(),
            p.zone_id.as_str(),
        );
        match latest.get(&key) {
            Some((held, _)) if *held >= period => {}
            _ => {
                latest.insert(key, (period, p));
            }
        }
    }
    latest
        .into_values()
        .filter_map(|(period, p)| {
            let due_on = period.next().due_on(p.due_day)?;
            (due_on < today).then(|| OverdueZone {
                village_code: p.village_code.clone(),
                village_name: p.village_name.clone(),
                board_id: p.board_id.clone(),
                zone_id: p.zone_id.clone(),
                latest: p.period.clone(),
                due_on,
            })
        })
        .collect()
}

/// Today in Beijing: the day the boards and the notice periods are judged on.
pub fn beijing_today() -> NaiveDate {
    (chrono::Utc::now() + chrono::Duration::hours(8)).date_naive()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn posting(village: &str, zone: &str, cadence: ZoneCadence, period: &str) -> ZonePosting {
        ZonePosting {
            village_code: village.to_owned(),
            village_name: format!("{village}村"),
            board_id: format!("board-{village}"),
            zone_id: zone.to_owned(),
            cadence,
            due_day: 15,
            period: period.to_owned(),
        }
    }

    #[test]
    fn a_zone_is_overdue_once_the_period_after_its_latest_is_past_due() {
        let today: NaiveDate = "2026-12-16".parse().unwrap();
        let rows = [
            // 财务 of A: October posted, November (due 12-15) missing: overdue.
            posting("A", "caiwu", ZoneCadence::Monthly, "2026-09"),
            posting("A", "caiwu", ZoneCadence::Monthly, "2026-10"),
            // 财务 of B: November posted; December is due 2027-01-15.
            posting("B", "caiwu", ZoneCadence::Monthly, "2026-11"),
            posting("B", "caiwu", ZoneCadence::Monthly, "2026-10"),
            // 村务 of B: Q3 posted, Q4 due 2027-01-15: not yet.
            posting("B", "cunwu", ZoneCadence::Quarterly, "2026-Q3"),
            // 党务 of C: H1 posted, H2 due 2027-01-15; a bad period is ignored.
            posting("C", "dangwu", ZoneCadence::HalfYearly, "2026-H1"),
            posting("C", "dangwu", ZoneCadence::HalfYearly, "2026-13"),
            // 村务 of C: Q2 posted, Q3 was due 2026-10-15.
            posting("C", "cunwu", ZoneCadence::Quarterly, "2026-Q2"),
        ];
        let overdue = overdue_zones(&rows, today);
        let found: Vec<(&str, &str, &str, String)> = overdue
            .iter()
            .map(|z| {
                (
                    z.village_code.as_str(),
                    z.zone_id.as_str(),
                    z.latest.as_str(),
                    z.due_on.to_string(),
                )
            })
            .collect();
        assert_eq!(
            found,
            [
                ("A", "caiwu", "2026-10", "2026-12-15".to_owned()),
                ("C", "cunwu", "2026-Q2", "2026-10-15".to_owned()),
            ]
        );
        // On the due day itself nothing is late yet.
        assert!(overdue_zones(&rows[..2], "2026-12-15".parse().unwrap()).is_empty());
    }
}
