//! The 公开栏更新台账: per village, board zone and period of a year, whether its sheet went up
//! on time, late or not at all, with the dates and how many photos show it — what the township
//! shows inspectors. On screen, as `.xlsx` and as PDF.

use chrono::{Datelike, NaiveDate};
use gongkai_boards::{Cadence, MatterDue, Period};
use gongkai_store::{PostingFilter, Store, StoredPosting, ZoneInForce};

use crate::records::calendar;
use crate::register_export::{RegisterTable, write_register};
use crate::session::OpenMode;
use crate::{Api, ApiError, wire};

use super::{period_kind, rule, today, zone_cadence};

/// (title, relative width): the columns of the register in both formats.
const COLUMNS: [(&str, f32); 11] = [
    ("村（社区）", 1.1),
    ("公开栏", 1.4),
    ("版块", 0.9),
    ("周期", 1.2),
    ("应张贴日期", 1.0),
    ("状态", 0.8),
    ("公示单", 2.2),
    ("登记号", 1.5),
    ("张贴日期", 1.0),
    ("撤下日期", 1.0),
    ("照片", 0.5),
];

fn line(
    zone: &ZoneInForce,
    period: String,
    due_on: Option<NaiveDate>,
    posting: Option<&StoredPosting>,
    today: NaiveDate,
) -> wire::RegisterLine {
    let posted_on = posting.and_then(|p| p.posted_on);
    let (state, days_late) = match (posted_on, due_on) {
        (Some(posted), Some(due)) if posted > due => {
            (wire::RegisterState::Late, Some((posted - due).num_days()))
        }
        (Some(_), _) => (wire::RegisterState::OnTime, None),
        (None, Some(due)) if today > due => (wire::RegisterState::Missing, None),
        (None, _) => (wire::RegisterState::Pending, None),
    };
    wire::RegisterLine {
        village: zone
            .village_name
            .clone()
            .unwrap_or_else(|| "本镇".to_owned()),
        board_name: zone.board_name.clone(),
        zone_name: zone.name.clone(),
        period,
        due_on: due_on.map(|d| d.to_string()),
        state,
        title: posting.map(|p| p.title.clone()),
        register_no: posting.map(|p| p.register_no.clone()),
        posted_on: posted_on.map(|d| d.to_string()),
        taken_down_on: posting.and_then(|p| p.taken_down_on).map(|d| d.to_string()),
        days_late,
        photo_count: posting.map_or(0, |p| p.photo_count),
    }
}

/// The register of `year` as of `today`.
pub(crate) fn register(
    store: &Store,
    year: i32,
    today: NaiveDate,
) -> Result<Vec<wire::RegisterLine>, ApiError> {
    let calendar = calendar(store)?;
    let postings = store.board_postings(&PostingFilter::default())?;
    let mut lines = Vec::new();
    for zone in store.zones_in_force()? {
        let on_zone: Vec<&StoredPosting> = postings
            .iter()
            .filter(|p| p.board_id == zone.board_id && p.zone_id == zone.zone_id)
            .collect();
        let cadence = zone_cadence(&zone)?;
        if let (Some(kind), Some(due_day)) = (period_kind(cadence), cadence.due_day()) {
            let board_start = zone
                .board_created_at
                .get(..10)
                .and_then(|d| d.parse::<NaiveDate>().ok())
                .unwrap_or(today);
            let start = on_zone
                .iter()
                .map(|p| p.notice_from)
                .min()
                .map_or(board_start, |first| first.min(board_start));
            let mut period =
                Period::containing(kind, NaiveDate::from_ymd_opt(year, 1, 1).unwrap_or(today));
            while period.year() == year && period.first_day() <= today {
                if period.last_day() >= start {
                    let key = period.to_string();
                    // The sheet that went up first for the period answers for it.
                    let posting = on_zone
                        .iter()
                        .filter(|p| p.period.as_deref() == Some(key.as_str()))
                        .min_by_key(|p| (p.posted_on.is_none(), p.posted_on, p.register_no.clone()))
                        .copied();
                    let due = period.due(due_day.get()).due_on;
                    lines.push(line(&zone, period.label(), Some(due), posting, today));
                }
                period = period.next();
            }
        } else if let Cadence::AsNeeded {
            within_days,
            working,
        } = cadence
        {
            for posting in on_zone
                .iter()
                .filter(|p| p.notice_from.year() == year && p.reposts.is_none())
            {
                let matter = super::due::matter_on(store, posting)?;
                let due = MatterDue::count(&calendar, matter, within_days, working)
                    .map_err(rule)?
                    .due_on;
                lines.push(line(
                    &zone,
                    format!("随时（{matter}）"),
                    Some(due),
                    Some(posting),
                    today,
                ));
            }
        }
    }
    Ok(lines)
}

fn cells(line: &wire::RegisterLine) -> Vec<String> {
    let state = match line.days_late {
        Some(days) => format!("{}（{days} 天）", line.state.label()),
        None => line.state.label().to_owned(),
    };
    vec![
        line.village.clone(),
        line.board_name.clone(),
        line.zone_name.clone(),
        line.period.clone(),
        line.due_on.clone().unwrap_or_default(),
        state,
        line.title.clone().unwrap_or_default(),
        line.register_no.clone().unwrap_or_default(),
        line.posted_on.clone().unwrap_or_default(),
        line.taken_down_on.clone().unwrap_or_default(),
        line.photo_count.to_string(),
    ]
}

impl Api {
    pub fn postings_register(
        &self,
        args: wire::PostingsRegisterArgs,
    ) -> Result<wire::PostingsRegister, ApiError> {
        let today = today();
        let year = args.year.unwrap_or(today.year());
        self.with_store(OpenMode::Existing, |store| {
            Ok(wire::PostingsRegister {
                year,
                lines: register(store, year, today)?,
            })
        })
    }

    pub fn postings_register_export(
        &self,
        args: wire::PostingsRegisterExportArgs,
    ) -> Result<wire::ExportResult, ApiError> {
        let today = today();
        let year = args.year.unwrap_or(today.year());
        let (township, lines) = self.with_store(OpenMode::Existing, |store| {
            Ok((store.require_township()?, register(store, year, today)?))
        })?;
        let title = format!("{}{year}年公开栏更新台账", township.name);
        let rows: Vec<Vec<String>> = lines.iter().map(cells).collect();
        let count = |state| lines.iter().filter(|l| l.state == state).count();
        let subtitle = format!(
            "截至 {today}：按时 {}，逾期 {}，未张贴 {}，未到期 {}",
            count(wire::RegisterState::OnTime),
            count(wire::RegisterState::Late),
            count(wire::RegisterState::Missing),
            count(wire::RegisterState::Pending)
        );
        write_register(
            &args.out,
            &args.format,
            &RegisterTable {
                sheet_name: "公开栏更新台账",
                title,
                subtitle,
                subtitle_in_xlsx: true,
                columns: &COLUMNS,
                left_aligned: &["公示单", "公开栏"],
                rows,
            },
        )?;
        Ok(wire::ExportResult { path: args.out })
    }
}
