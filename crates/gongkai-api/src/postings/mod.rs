//! Postings (张贴): a printed sheet on one zone of one board for a period, through its lifecycle
//! 草稿 → 已打印 → 已张贴 → (公示期满) → 已撤下 → 已归档, with objections; each change one
//! transaction of the store, judged there by `gongkai-boards`' rules and queued for the county.
//!
//! - [`sheet`]: the sheet of a posting as the print engine draws it (a composed 公示/公告/通知, a
//!   published record, a payout list's village notice), its glyph and fit checks, the preview.
//! - [`pack`]: a round's board packs (示意图, sheets in zone order, 张贴回执), one per village or
//!   bound.
//! - [`due`]: what is due per board, and the 待办 home.
//! - [`register`]: the 公开栏更新台账 on screen, as `.xlsx` and PDF.
//! - [`demo`]: a few months of postings on the lived-in demo's boards.

mod demo;
mod due;
mod pack;
mod register;
mod sheet;

use chrono::{Datelike, Local, NaiveDate};
use gongkai_boards::{
    BoardError, Cadence, DayUnit, Period, PeriodKind, PostingDates, PostingStatus, Stage, TakeDown,
    check_repost, notice_end,
};
use gongkai_domain::RowId;
use gongkai_store::{
    ComposedSheet, Judge, NewPosting, OutboxItem, PostingChange, PostingFilter, Store, StoreError,
    StoredObjection, StoredPosting, ZoneInForce,
};
use gongkai_sync::{AttachmentRef, PhotoRef, PostingPayload, ZoneCadence};

use crate::commands::{date, date_or_today, non_blank};
use crate::records::calendar;
use crate::session::OpenMode;
use crate::{Api, ApiError, wire};

/// A rule of `gongkai-boards` refused the input: its message is the clerk's.
pub(crate) fn rule(e: BoardError) -> ApiError {
    ApiError::invalid(e.to_string())
}

/// The same refusal raised inside a store transaction, which rolls it back.
fn refused(e: BoardError) -> StoreError {
    StoreError::ListState(e.to_string())
}

pub(crate) fn today() -> NaiveDate {
    Local::now().date_naive()
}

/// The cadence of a stored zone or posting's zone.
pub(crate) fn cadence_of(
    key: &str,
    due_day: Option<u32>,
    within: Option<u32>,
    working: bool,
) -> Result<Cadence, ApiError> {
    Cadence::from_columns(key, due_day, within, working).map_err(rule)
}

pub(crate) fn zone_cadence(zone: &ZoneInForce) -> Result<Cadence, ApiError> {
    cadence_of(
        &zone.cadence,
        zone.due_day,
        zone.due_within_days,
        zone.due_in_working_days,
    )
}

/// The period kind of a periodic cadence.
pub(crate) fn period_kind(cadence: Cadence) -> Option<PeriodKind> {
    match cadence {
        Cadence::Monthly(_) => Some(PeriodKind::Month),
        Cadence::Quarterly(_) => Some(PeriodKind::Quarter),
        Cadence::HalfYearly(_) => Some(PeriodKind::Half),
        Cadence::AsNeeded { .. } | Cadence::Standing => None,
    }
}

/// How a posting's take-down is judged (none before it came down).
pub(crate) fn take_down_of(p: &StoredPosting) -> Option<TakeDown> {
    match (p.posted_on, p.taken_down_on) {
        (Some(posted), Some(down)) => Some(TakeDown::judge(posted, down, p.notice_to, p.min_days)),
        _ => None,
    }
}

pub(crate) fn status_of(p: &StoredPosting) -> Result<PostingStatus, ApiError> {
    PostingStatus::parse(&p.status).map_err(|e| ApiError::internal(e.to_string()))
}

pub(crate) fn summary(
    p: &StoredPosting,
    today: NaiveDate,
) -> Result<wire::PostingSummary, ApiError> {
    let stage = stage_key(Stage::of(status_of(p)?, p.notice_to, today));
    let early = take_down_of(p).and_then(|t| match t {
        TakeDown::Early { reason } => Some(reason),
        TakeDown::InTime => None,
    });
    Ok(wire::PostingSummary {
        id: p.id.to_string(),
        board_id: p.board_id.to_string(),
        board_name: p.board_name.clone(),
        village: p.village_name.clone(),
        zone_id: p.zone_id.clone(),
        zone_name: p.zone_name.clone(),
        round: p.round.clone(),
        period: p.period.clone(),
        source: wire::PostingSource::stored(&p.source)?,
        title: p.title.clone(),
        register_no: p.register_no.clone(),
        notice_from: p.notice_from.to_string(),
        notice_to: p.notice_to.to_string(),
        stage,
        stage_label: stage.label().to_owned(),
        printed_at: p.printed_at.clone(),
        posted_on: p.posted_on.map(|d| d.to_string()),
        posted_by: p.posted_by.clone(),
        taken_down_on: p.taken_down_on.map(|d| d.to_string()),
        archived_at: p.archived_at.clone(),
        must_repost: early.is_some() && p.reposted_by.is_none(),
        early_take_down: early,
        reposts: p.reposts.map(|id| id.to_string()),
        reposted_by: p.reposted_by.map(|id| id.to_string()),
        photo_count: p.photo_count,
        objection_count: p.objection_count,
        has_file: p.file.is_some(),
    })
}

fn stage_key(stage: Stage) -> wire::PostingStage {
    match stage {
        Stage::Draft => wire::PostingStage::Draft,
        Stage::Printed => wire::PostingStage::Printed,
        Stage::Posted => wire::PostingStage::Posted,
        Stage::Expired => wire::PostingStage::Expired,
        Stage::TakenDown => wire::PostingStage::TakenDown,
        Stage::Archived => wire::PostingStage::Archived,
    }
}

/// The county's copy of a posting as it now stands.
fn payload(p: &StoredPosting, photos: &[PhotoRef]) -> PostingPayload {
    let cadence = match p.cadence.as_str() {
        "monthly" => ZoneCadence::Monthly,
        "quarterly" => ZoneCadence::Quarterly,
        "half_yearly" => ZoneCadence::HalfYearly,
        "as_needed" => ZoneCadence::AsNeeded,
        _ => ZoneCadence::Standing,
    };
    let status = match p.status.as_str() {
        "draft" => gongkai_sync::PostingStatus::Draft,
        "printed" => gongkai_sync::PostingStatus::Printed,
        "posted" => gongkai_sync::PostingStatus::Posted,
        "taken_down" => gongkai_sync::PostingStatus::TakenDown,
        _ => gongkai_sync::PostingStatus::Archived,
    };
    PostingPayload {
        village_code: p.village_code.clone(),
        village_name: p.village_name.clone(),
        board_id: p.board_id.to_string(),
        board_name: p.board_name.clone(),
        zone_id: p.zone_id.clone(),
        zone_name: p.zone_name.clone(),
        cadence,
        due_day: p.due_day.and_then(|d| u8::try_from(d).ok()),
        period: p.period.clone(),
        title: p.title.clone(),
        register_no: p.register_no.clone(),
        notice_from: p.notice_from,
        notice_to: p.notice_to,
        status,
        printed_at: p.printed_at.clone(),
        posted_on: p.posted_on,
        posted_by: p.posted_by.clone(),
        taken_down_on: p.taken_down_on,
        archived_at: p.archived_at.clone(),
        taken_down_early: take_down_of(p).is_some_and(|t| t.is_early()),
        reposts: p.reposts.map(|id| id.to_string()),
        sheet: p.file.as_ref().map(|f| AttachmentRef {
            file_name: f.file_name.clone(),
            sha256: f.sha256.clone(),
            size: f.size,
        }),
        photos: photos.to_vec(),
    }
}

pub(crate) fn queue(
    p: &StoredPosting,
    photos: &[PhotoRef],
) -> Result<Option<OutboxItem>, StoreError> {
    crate::sync::posting_item(&payload(p, photos), p.id, false)
        .map(Some)
        .map_err(|e| StoreError::ListState(e.message))
}

pub(crate) fn photos_of(store: &Store, id: RowId) -> Result<Vec<PhotoRef>, ApiError> {
    Ok(store
        .posting_photo_refs(id)?
        .into_iter()
        .map(|(sha256, size)| PhotoRef { sha256, size })
        .collect())
}

/// Judges a lifecycle change: the step allowed, the dates in order as of `today`; then queues
/// the posting as it now stands.
fn lifecycle_judge(
    today: NaiveDate,
    photos: Vec<PhotoRef>,
) -> impl Fn(&StoredPosting, &StoredPosting) -> Result<Option<OutboxItem>, StoreError> {
    move |before, after| {
        let from = PostingStatus::parse(&before.status).map_err(refused)?;
        let to = PostingStatus::parse(&after.status).map_err(refused)?;
        if from != to || to == PostingStatus::Printed {
            from.check(to).map_err(refused)?;
        }
        PostingDates {
            notice_from: after.notice_from,
            notice_to: after.notice_to,
            printed_on: after
                .printed_at
                .as_deref()
                .and_then(|t| t.get(..10))
                .and_then(|d| d.parse().ok()),
            posted_on: after.posted_on,
            taken_down_on: after.taken_down_on,
        }
        .check(today)
        .map_err(refused)?;
        queue(after, &photos)
    }
}

/// Runs a lifecycle change of posting `id` and answers with its detail.
fn change(
    store: &mut Store,
    id: RowId,
    change: &PostingChange,
) -> Result<wire::PostingDetail, ApiError> {
    // The step is checked before the write too: the table's own checks would refuse a
    // skipped step with a message meant for developers.
    let target = match change {
        PostingChange::Printed { .. } => PostingStatus::Printed,
        PostingChange::Posted { .. } => PostingStatus::Posted,
        PostingChange::TakenDown { .. } => PostingStatus::TakenDown,
        PostingChange::Archived => PostingStatus::Archived,
    };
    status_of(&store.board_posting(id)?)?
        .check(target)
        .map_err(rule)?;
    let refs = match change {
        PostingChange::Posted { photos, .. } => {
            crate::photos::refs_with(photos_of(store, id)?, photos)
        }
        _ => photos_of(store, id)?,
    };
    let judge = lifecycle_judge(today(), refs);
    let judge: Judge<'_> = &judge;
    store.change_posting(id, change, judge)?;
    detail(store, id)
}

pub(crate) fn detail(store: &Store, id: RowId) -> Result<wire::PostingDetail, ApiError> {
    let posting = store.board_posting(id)?;
    let sheet = match posting.sheet_id {
        Some(sheet_id) => Some(sheet::input_of(&store.composed_sheet(sheet_id)?)?),
        None => None,
    };
    let objections = store
        .objections(id)?
        .into_iter()
        .map(|o| wire::ObjectionEntry {
            id: o.id.to_string(),
            received_on: o.received_on.to_string(),
            from_whom: o.from_whom,
            content: o.content,
            answer: o.answer,
            answered_on: o.answered_on.map(|d| d.to_string()),
        })
        .collect();
    Ok(wire::PostingDetail {
        posting: summary(&posting, today())?,
        objections,
        sheet,
    })
}

fn optional_id(text: Option<&str>) -> Result<Option<RowId>, ApiError> {
    non_blank(text)
        .map(str::parse)
        .transpose()
        .map_err(Into::into)
}

impl Api {
    pub fn postings_list(&self, args: wire::PostingsListArgs) -> Result<wire::Postings, ApiError> {
        let filter = PostingFilter {
            board_id: optional_id(args.board_id.as_deref())?,
            round: non_blank(args.round.as_deref()).map(str::to_owned),
            status: match non_blank(args.status.as_deref()) {
                Some(key) => Some(PostingStatus::parse(key).map_err(rule)?.key().to_owned()),
                None => None,
            },
        };
        self.with_store(OpenMode::Existing, |store| {
            let today = today();
            let postings = store
                .board_postings(&filter)?
                .iter()
                .map(|p| summary(p, today))
                .collect::<Result<_, _>>()?;
            Ok(wire::Postings {
                postings,
                rounds: store.posting_rounds()?,
            })
        })
    }

    pub fn posting_get(&self, args: wire::IdArgs) -> Result<wire::PostingDetail, ApiError> {
        let id: RowId = args.id.trim().parse()?;
        self.with_store(OpenMode::Existing, |store| detail(store, id))
    }

    /// Adds a draft posting: the sheet from a payout list's village notice, a published
    /// record or a composed 公示/公告/通知, on a zone of a board's layout in force, for the
    /// zone's period, with a register number.
    pub fn posting_add(&self, args: wire::PostingAddArgs) -> Result<wire::PostingDetail, ApiError> {
        let board_id: RowId = args.board_id.trim().parse()?;
        let reposts = optional_id(args.reposts.as_deref())?;
        let done = self.with_store(OpenMode::Existing, |store| {
            let zone = store.zone_in_force(board_id, args.zone_id.trim())?;
            let cadence = zone_cadence(&zone)?;
            let source = sheet::source(store, &zone, &args)?;
            let notice_from = match (non_blank(args.notice_from.as_deref()), &source.notice) {
                (Some(text), _) => date("公示开始日期", text)?,
                (None, Some((from, _))) => *from,
                (None, None) => today(),
            };
            let notice_to = match (non_blank(args.notice_to.as_deref()), &source.notice) {
                (Some(text), _) => date("公示结束日期", text)?,
                (None, Some((_, to))) if non_blank(args.notice_from.as_deref()).is_none() => *to,
                _ => default_notice_end(store, &source, &zone, notice_from)?,
            };
            PostingDates {
                notice_from,
                notice_to,
                printed_on: None,
                posted_on: None,
                taken_down_on: None,
            }
            .check(today())
            .map_err(rule)?;
            let period = period_for(cadence, args.period.as_deref(), notice_from)?;
            if let Some(original) = reposts {
                let original = store.board_posting(original)?;
                check_repost(
                    &original.title,
                    take_down_of(&original).as_ref(),
                    original.reposted_by.is_some(),
                )
                .map_err(rule)?;
            }
            sheet::check_fits(&zone, &source)?;
            let title = non_blank(args.title.as_deref())
                .map_or_else(|| source.title.clone(), str::to_owned);
            let round = non_blank(args.round.as_deref()).map_or_else(
                || match period {
                    Some(p) => format!("{} {}", p.label(), zone.name),
                    None => format!(
                        "{}年{}月 {}",
                        notice_from.year(),
                        notice_from.month(),
                        zone.name
                    ),
                },
                str::to_owned,
            );
            let new = NewPosting {
                id: RowId::new(),
                board_id,
                zone_id: zone.zone_id.clone(),
                round,
                period: period.map(|p| p.to_string()),
                source: source.source,
                title,
                notice_from,
                notice_to,
                reposts,
            };
            let judge = |_: &StoredPosting, after: &StoredPosting| queue(after, &[]);
            let added = store.add_posting(&new, &judge)?;
            detail(store, added.id)
        })?;
        self.queued_for_county();
        Ok(done)
    }

    /// 已张贴: the day it went up, who put it up, and photos of it on the wall if given.
    pub fn posting_mark_posted(
        &self,
        args: wire::PostingMarkPostedArgs,
    ) -> Result<wire::PostingDetail, ApiError> {
        let id: RowId = args.id.trim().parse()?;
        let on = date("张贴日期", &args.on)?;
        let by = non_blank(Some(&args.by))
            .ok_or_else(|| ApiError::invalid("请填写张贴人".to_owned()))?
            .to_owned();
        // Read and scaled before the transaction: a phone's picture takes a while.
        let photos = match args.photos.as_deref() {
            Some(paths) if !paths.is_empty() => self.read_photos(paths)?,
            _ => Vec::new(),
        };
        let done = self.with_store(OpenMode::Existing, |store| {
            change(store, id, &PostingChange::Posted { on, by, photos })
        })?;
        self.queued_for_county();
        Ok(done)
    }

    /// 已撤下: taken down on a day; early (须重新张贴) when before the zone's minimum days or the
    /// notice period's end, which the detail says.
    pub fn posting_take_down(
        &self,
        args: wire::PostingTakeDownArgs,
    ) -> Result<wire::PostingDetail, ApiError> {
        let id: RowId = args.id.trim().parse()?;
        let on = date("撤下日期", &args.on)?;
        let done = self.with_store(OpenMode::Existing, |store| {
            change(store, id, &PostingChange::TakenDown { on })
        })?;
        self.queued_for_county();
        Ok(done)
    }

    pub fn posting_archive(&self, args: wire::IdArgs) -> Result<wire::PostingDetail, ApiError> {
        let id: RowId = args.id.trim().parse()?;
        let done = self.with_store(OpenMode::Existing, |store| {
            change(store, id, &PostingChange::Archived)
        })?;
        self.queued_for_county();
        Ok(done)
    }

    /// An objection (异议) received while the sheet was on the wall.
    pub fn posting_objection_add(
        &self,
        args: wire::ObjectionAddArgs,
    ) -> Result<wire::PostingDetail, ApiError> {
        let posting_id: RowId = args.posting_id.trim().parse()?;
        let received_on = date("收到异议日期", &args.received_on)?;
        let from_whom = non_blank(Some(&args.from_whom))
            .ok_or_else(|| ApiError::invalid("请填写异议人".to_owned()))?;
        let content = non_blank(Some(&args.content))
            .ok_or_else(|| ApiError::invalid("请填写异议内容".to_owned()))?;
        if received_on > today() {
            return Err(ApiError::invalid(format!(
                "收到异议日期 {received_on} 晚于今天"
            )));
        }
        let objection = StoredObjection {
            id: RowId::new(),
            posting_id,
            received_on,
            from_whom: from_whom.to_owned(),
            content: content.to_owned(),
            answer: None,
            answered_on: None,
        };
        let done = self.with_store(OpenMode::Existing, |store| {
            let photos = photos_of(store, posting_id)?;
            let judge = move |_: &StoredPosting, after: &StoredPosting| {
                let Some(posted_on) = after.posted_on else {
                    return Err(StoreError::ListState(format!(
                        "“{}”尚未张贴，不能登记异议",
                        after.title
                    )));
                };
                if received_on < posted_on {
                    return Err(StoreError::ListState(format!(
                        "收到异议日期 {received_on} 早于张贴日期 {posted_on}"
                    )));
                }
                queue(after, &photos)
            };
            store.add_objection(&objection, &judge)?;
            detail(store, posting_id)
        })?;
        self.queued_for_county();
        Ok(done)
    }

    pub fn posting_objection_answer(
        &self,
        args: wire::ObjectionAnswerArgs,
    ) -> Result<wire::PostingDetail, ApiError> {
        let id: RowId = args.id.trim().parse()?;
        let answered_on = date("答复日期", &args.answered_on)?;
        let answer = non_blank(Some(&args.answer))
            .ok_or_else(|| ApiError::invalid("请填写答复内容".to_owned()))?
            .to_owned();
        if answered_on > today() {
            return Err(ApiError::invalid(format!(
                "答复日期 {answered_on} 晚于今天"
            )));
        }
        let done = self.with_store(OpenMode::Existing, |store| {
            let judge = |_: &StoredPosting, after: &StoredPosting| queue(after, &[]);
            let posting = store.answer_objection(id, &answer, answered_on, &judge)?;
            detail(store, posting.id)
        })?;
        self.queued_for_county();
        Ok(done)
    }
}

/// The period a periodic zone's sheet serves: the one given (of the zone's kind), else the
/// period before the one holding the notice's first day (November's accounts go up in
/// December). A 随时 or 长期 zone has none.
fn period_for(
    cadence: Cadence,
    given: Option<&str>,
    notice_from: NaiveDate,
) -> Result<Option<Period>, ApiError> {
    let given = non_blank(given);
    match (period_kind(cadence), given) {
        (Some(kind), Some(text)) => {
            let period: Period = text.parse().map_err(rule)?;
            if period.kind() == kind {
                Ok(Some(period))
            } else {
                Err(ApiError::invalid(format!(
                    "版块按“{cadence}”更新，周期“{text}”不是这种周期（如 {}）",
                    Period::containing(kind, notice_from)
                )))
            }
        }
        (Some(kind), None) => Ok(Some(Period::containing(kind, notice_from).previous())),
        (None, Some(text)) => Err(ApiError::invalid(format!(
            "版块按“{cadence}”更新，没有周期，不应写“{text}”"
        ))),
        (None, None) => Ok(None),
    }
}

/// The notice period's end when none was given: the composed sheet's 公示期 counted on the
/// official calendar, else the zone's minimum days on the board (else 7 days).
fn default_notice_end(
    store: &Store,
    source: &sheet::Source,
    zone: &ZoneInForce,
    from: NaiveDate,
) -> Result<NaiveDate, ApiError> {
    let (days, unit) = match &source.period {
        Some((days, unit)) => (*days, *unit),
        None => (zone.min_days.unwrap_or(7), DayUnit::Calendar),
    };
    notice_end(&calendar(store)?, from, days, unit).map_err(rule)
}

/// A composed sheet as stored, from what the clerk typed (checked).
pub(crate) fn composed_of(input: &wire::ComposedSheetInput) -> Result<ComposedSheet, ApiError> {
    let title = non_blank(Some(&input.title))
        .ok_or_else(|| ApiError::invalid("公示单的标题不能为空".to_owned()))?;
    let issuer = non_blank(Some(&input.issuer))
        .ok_or_else(|| ApiError::invalid("公示单的落款（发布单位）不能为空".to_owned()))?;
    let issued_on = date_or_today("落款日期", Some(&input.issued_on))?;
    let unit = match non_blank(input.period_unit.as_deref()) {
        Some(key) => DayUnit::parse(key).map_err(rule)?,
        None => DayUnit::Calendar,
    };
    if let Some(days) = input.period_days
        && !(1..=365).contains(&days)
    {
        return Err(ApiError::invalid(format!(
            "公示期应为 1 至 365 天，这里是 {days} 天"
        )));
    }
    let paper = match non_blank(input.paper.as_deref()).unwrap_or("A4") {
        p @ ("A4" | "A3") => p.to_owned(),
        other => {
            return Err(ApiError::invalid(format!(
                "纸张“{other}”无法识别：应为 A4 或 A3"
            )));
        }
    };
    let table_json = match &input.table {
        Some(table) => {
            if table.columns.is_empty() {
                return Err(ApiError::invalid("粘贴的表格没有表头".to_owned()));
            }
            if let Some(i) = table
                .rows
                .iter()
                .position(|r| r.len() > table.columns.len())
            {
                return Err(ApiError::invalid(format!(
                    "粘贴的表格第 {} 行有 {} 列，比表头的 {} 列多",
                    i + 1,
                    table.rows[i].len(),
                    table.columns.len()
                )));
            }
            Some(
                serde_json::to_string(table)
                    .map_err(|e| ApiError::internal(format!("表格无法保存：{e}")))?,
            )
        }
        None => None,
    };
    Ok(ComposedSheet {
        id: RowId::new(),
        kind: input.kind.key().to_owned(),
        title: title.to_owned(),
        body: input.body.clone(),
        table_json,
        period_days: input.period_days,
        period_unit: input.period_days.map(|_| unit.key().to_owned()),
        objection_phone: non_blank(input.objection_phone.as_deref()).map(str::to_owned),
        objection_address: non_blank(input.objection_address.as_deref()).map(str::to_owned),
        issuer: issuer.to_owned(),
        issued_on,
        paper,
        landscape: input.landscape,
    })
}
