//! A few months of postings on the lived-in demo's boards, so 待办 and the 公开栏更新台账 show
//! real states: each village's 财务公开 sheet of the last three months — on time in most
//! villages, one late, one missing and one printed but not up yet, one taken down early (to be
//! posted again) — an objection answered, last quarter's 村务公开 in half the villages, and the
//! township's 政务公开. Names are fixed; dates count back from the day the demo is made, and a
//! step that would fall after today is left undone.

use chrono::{Days, Local, NaiveDate, TimeZone, Utc};
use gongkai_boards::{Period, PeriodKind};
use gongkai_store::{Judge, PostingChange, PostingFile, ZoneInForce};
use sha2::{Digest, Sha256};

use crate::commands::hex;
use crate::session::OpenMode;
use crate::{Api, ApiError, wire};

use super::lifecycle_judge;
use super::sheet::{file_name, pack_sheet, render_sheet};

/// What becomes of one demo posting.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Fate {
    /// Posted on this day (printed and waiting when it is after today); taken down after the
    /// zone's ten days when that has come.
    Posted(NaiveDate),
    /// Posted, then taken down after three days: 须重新张贴.
    TakenDownEarly(NaiveDate),
    /// Printed the day before this one (today at the latest), not up yet.
    PrintedOnly(NaiveDate),
    /// Never drafted: the register shows the period 未张贴.
    Missing,
}

struct Planned<'a> {
    zone: &'a ZoneInForce,
    round: String,
    period: Period,
    title: String,
    body: &'static str,
    issuer: String,
    fate: Fate,
    objection: bool,
    archive: bool,
}

fn days_before(date: NaiveDate, days: u64) -> NaiveDate {
    date.checked_sub_days(Days::new(days)).unwrap_or(date)
}

fn days_after(date: NaiveDate, days: u64) -> NaiveDate {
    date.checked_add_days(Days::new(days)).unwrap_or(date)
}

const FINANCE_BODY: &str = "根据村级财务公开制度，现将本村本月财务收支情况公示如下。\n\
    公示期内，村民对公示内容如有疑问，可向村务监督委员会反映。";
const AFFAIRS_BODY: &str = "现将本村上一季度村务工作情况公示如下：村道硬化工程已完工验收，\
    农村低保对象动态调整已经村民代表会议评议。";
const TOWNSHIP_BODY: &str = "现将本镇上月政务工作情况公开如下：惠农补贴已按时发放，\
    便民服务中心办件均在承诺时限内办结。";

impl Api {
    /// The demo's postings, made through the commands (printing backdated through the store, as
    /// a sheet printed on the day it was).
    pub(crate) fn demo_postings(&self) -> Result<(), ApiError> {
        let today = Local::now().date_naive();
        let zones = self.with_store(OpenMode::Existing, |store| Ok(store.zones_in_force()?))?;
        let month = Period::containing(PeriodKind::Month, today);
        let quarter = Period::containing(PeriodKind::Quarter, today).previous();
        let mut plan = Vec::new();
        let mut villages: Vec<&str> = zones
            .iter()
            .filter_map(|z| z.village_name.as_deref())
            .collect();
        villages.dedup();
        for (i, village) in villages.iter().enumerate() {
            let zone = |name: &str| {
                zones
                    .iter()
                    .find(|z| z.village_name.as_deref() == Some(*village) && z.name == name)
            };
            if let Some(finance) = zone("财务公开") {
                for back in (1..=3).rev() {
                    let mut period = month;
                    for _ in 0..back {
                        period = period.previous();
                    }
                    let due = period.due(15).due_on;
                    let on_time = days_before(due, 5);
                    let fate = match (i % 4, back) {
                        (1, 2) => Fate::Posted(days_after(due, 6)),
                        (2, 2) => Fate::Missing,
                        (2, 1) => Fate::PrintedOnly(on_time),
                        (3, 3) => Fate::TakenDownEarly(on_time),
                        _ => Fate::Posted(on_time),
                    };
                    plan.push(Planned {
                        zone: finance,
                        round: format!("{} 财务公开", period.label()),
                        period,
                        title: format!("{village}{}财务收支公示", period.label()),
                        body: FINANCE_BODY,
                        issuer: format!("{village}村民委员会"),
                        fate,
                        objection: i % 4 == 3 && back == 2,
                        archive: i % 4 == 0 && back == 3,
                    });
                }
            }
            if let Some(affairs) = zone("村务公开")
                && i % 2 == 0
            {
                plan.push(Planned {
                    zone: affairs,
                    round: format!("{} 村务公开", quarter.label()),
                    period: quarter,
                    title: format!("{village}{}村务公开", quarter.label()),
                    body: AFFAIRS_BODY,
                    issuer: format!("{village}村民委员会"),
                    fate: Fate::Posted(days_before(quarter.due(15).due_on, 3)),
                    objection: false,
                    archive: false,
                });
            }
        }
        let township = self.with_store(OpenMode::Existing, |store| {
            Ok(store.require_township()?.name.to_string())
        })?;
        if let Some(zone) = zones
            .iter()
            .find(|z| z.village_name.is_none() && z.name == "政务公开")
        {
            for period in [month.previous().previous(), month.previous()] {
                let due = period.due(zone.due_day.unwrap_or(10)).due_on;
                plan.push(Planned {
                    zone,
                    round: format!("{} 政务公开", period.label()),
                    period,
                    title: format!("{township}{}政务公开", period.label()),
                    body: TOWNSHIP_BODY,
                    issuer: format!("{township}人民政府"),
                    fate: Fate::Posted(days_before(due, 3)),
                    objection: false,
                    archive: false,
                });
            }
        }
        for planned in &plan {
            self.demo_posting(planned, today)?;
        }
        Ok(())
    }

    fn demo_posting(&self, planned: &Planned<'_>, today: NaiveDate) -> Result<(), ApiError> {
        let (Fate::Posted(on) | Fate::TakenDownEarly(on) | Fate::PrintedOnly(on)) = planned.fate
        else {
            return Ok(());
        };
        // A sheet due to go up after today is printed already, waiting for its day.
        let printed_on = days_before(on, 1).min(today);
        let added = self.posting_add(wire::PostingAddArgs {
            board_id: planned.zone.board_id.to_string(),
            zone_id: planned.zone.zone_id.clone(),
            round: Some(planned.round.clone()),
            period: Some(planned.period.to_string()),
            payout_list_id: None,
            record_id: None,
            sheet: Some(wire::ComposedSheetInput {
                kind: wire::SheetKind::Gongshi,
                title: planned.title.clone(),
                body: planned.body.to_owned(),
                table: None,
                period_days: Some(10),
                period_unit: Some("calendar".to_owned()),
                objection_phone: Some("0999-6012345".to_owned()),
                objection_address: None,
                issuer: planned.issuer.clone(),
                issued_on: printed_on.to_string(),
                paper: None,
                landscape: false,
            }),
            title: None,
            notice_from: Some(on.to_string()),
            notice_to: Some(days_after(on, 9).to_string()),
            reposts: None,
        })?;
        let id: gongkai_domain::RowId = added.posting.id.parse()?;
        // Printed at nine in the morning of the day before it went up.
        let at = printed_on
            .and_hms_opt(9, 0, 0)
            .and_then(|t| Local.from_local_datetime(&t).earliest())
            .map_or_else(Utc::now, |t| t.with_timezone(&Utc));
        self.with_store(OpenMode::Existing, |store| {
            let posting = store.board_posting(id)?;
            let pdf = render_sheet(&pack_sheet(store, &posting)?)?;
            let file = PostingFile {
                file_name: file_name(&posting),
                sha256: hex(&Sha256::digest(&pdf)),
                content: pdf,
            };
            let judge = lifecycle_judge(today, Vec::new());
            let judge: Judge<'_> = &judge;
            store.change_posting(id, &PostingChange::Printed { file, at }, judge)?;
            Ok(())
        })?;
        if matches!(planned.fate, Fate::PrintedOnly(_)) || on > today {
            return Ok(());
        }
        let id = added.posting.id;
        self.posting_mark_posted(wire::PostingMarkPostedArgs {
            id: id.clone(),
            on: on.to_string(),
            by: format!(
                "{}文书",
                planned.zone.village_name.as_deref().unwrap_or("党政办")
            ),
            photos: None,
        })?;
        if planned.objection {
            let received = days_after(on, 2).min(today);
            let objection = self.posting_objection_add(wire::ObjectionAddArgs {
                posting_id: id.clone(),
                received_on: received.to_string(),
                from_whom: "村民王某".to_owned(),
                content: "公示的道路维修支出比去年高，请说明原因".to_owned(),
            })?;
            let answered = days_after(received, 3);
            if answered <= today {
                self.posting_objection_answer(wire::ObjectionAnswerArgs {
                    id: objection.objections[0].id.clone(),
                    answer: "今年维修路段较长，支出明细已在村务监督委员会查阅".to_owned(),
                    answered_on: answered.to_string(),
                })?;
            }
        }
        let down = match planned.fate {
            Fate::TakenDownEarly(_) => days_after(on, 3),
            _ => days_after(on, 12),
        };
        if down > today {
            return Ok(());
        }
        self.posting_take_down(wire::PostingTakeDownArgs {
            id: id.clone(),
            on: down.to_string(),
        })?;
        if planned.archive {
            self.posting_archive(wire::IdArgs { id })?;
        }
        Ok(())
    }
}
