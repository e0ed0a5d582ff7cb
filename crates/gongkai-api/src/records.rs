//! Disclosure-record commands: a record under a catalog item, its 公开属性, 三审, 保密审查 and
//! 发布登记, and its deadline on the official working-day calendar. The rules are
//! `gongkai_records`'; the store repeats the publication gate as a trigger.

use chrono::{Datelike, Local, NaiveDate};
use gongkai_calendar::{Calendar, DayKind};
use gongkai_domain::RowId;
use gongkai_records::{Attribute, DeadlineStatus, Due, Ground, PublishForm, RecordError, deadline};
use gongkai_store::{
    Reviewed, SEARCH_KIND_RECORD, Store, StoredAttachment, StoredPublication, StoredRecord,
};
use sha2::{Digest, Sha256};

use self::controls::{SecrecyAnswers, Signing};
use crate::commands::{date, date_or_today, hex, non_blank};
use crate::session::OpenMode;
use crate::wire;
use crate::{Api, ApiError};

pub(crate) mod attachment_scan;
pub(crate) mod controls;

impl From<RecordError> for ApiError {
    fn from(e: RecordError) -> Self {
        ApiError::invalid(e.to_string())
    }
}

impl From<gongkai_calendar::CalendarError> for ApiError {
    fn from(e: gongkai_calendar::CalendarError) -> Self {
        ApiError::invalid(e.to_string())
    }
}

impl Api {
    pub fn record_options(&self, _: wire::NoArgs) -> Result<wire::RecordOptions, ApiError> {
        let choice = |key: &str, label: &str| wire::Choice {
            key: key.to_owned(),
            label: label.to_owned(),
        };
        let (stages, secrecy_questions) = controls::choices();
        Ok(wire::RecordOptions {
            attributes: vec![
                choice("proactive", "主动公开"),
                choice("on_request", "依申请公开"),
                choice("withheld", "不予公开"),
            ],
            grounds: Ground::ALL
                .iter()
                .map(|g| choice(g.key(), g.label()))
                .collect(),
            stages,
            secrecy_questions,
            channels: gongkai_catalog::Channel::ALL
                .iter()
                .map(|c| choice(c.label(), c.label()))
                .collect(),
        })
    }

    pub fn record_save(&self, input: wire::RecordInput) -> Result<wire::RecordDetail, ApiError> {
        self.with_store(OpenMode::Existing, |store| {
            let record = record_to_save(store, input)?;
            store.save_record(&record)?;
            detail(store, record.id)
        })
    }

    pub fn records_list(&self, _: wire::NoArgs) -> Result<wire::Records, ApiError> {
        self.with_store(OpenMode::Existing, |store| {
            let calendar = calendar(store)?;
            let today = Local::now().date_naive();
            let records = store
                .records()?
                .into_iter()
                .map(|r| summary(store, &calendar, today, r))
                .collect::<Result<_, _>>()?;
            Ok(wire::Records { records })
        })
    }

    /// The records not yet published whose deadline runs, most urgent first; then the rest.
    pub fn records_due(&self, args: wire::NoArgs) -> Result<wire::Records, ApiError> {
        let mut all = self.records_list(args)?.records;
        let urgency = |r: &wire::RecordSummary| match r.deadline {
            wire::DeadlineState::Overdue => 0,
            wire::DeadlineState::DueSoon => 1,
            wire::DeadlineState::Pending => 2,
            _ => 3,
        };
        all.sort_by(|a, b| urgency(a).cmp(&urgency(b)).then(a.due_on.cmp(&b.due_on)));
        Ok(wire::Records { records: all })
    }

    pub fn records_search(&self, args: wire::RecordSearchArgs) -> Result<wire::Records, ApiError> {
        self.with_store(OpenMode::Existing, |store| {
            let calendar = calendar(store)?;
            let today = Local::now().date_naive();
            let records = store
                .search(SEARCH_KIND_RECORD, args.query.trim(), 50)?
                .into_iter()
                .map(|id| {
                    let record = store.record(id.parse()?)?;
                    summary(store, &calendar, today, record)
                })
                .collect::<Result<_, ApiError>>()?;
            Ok(wire::Records { records })
        })
    }

    pub fn record_get(&self, args: wire::IdArgs) -> Result<wire::RecordDetail, ApiError> {
        let id: RowId = args.id.trim().parse()?;
        self.with_store(OpenMode::Existing, |store| detail(store, id))
    }

    pub fn record_review(&self, input: wire::ReviewInput) -> Result<wire::RecordDetail, ApiError> {
        let id: RowId = input.record_id.trim().parse()?;
        let decided_on = date_or_today("审查日期", input.decided_on.as_deref())?;
        let signing = Signing::parse(
            &input.stage,
            &input.person_id,
            decided_on,
            &input.opinion,
            input.passed,
        )?;
        self.with_store(OpenMode::Existing, |store| {
            signing.sign(store, Reviewed::Record(id))?;
            detail(store, id)
        })
    }

    pub fn record_secrecy(
        &self,
        input: wire::SecrecyInput,
    ) -> Result<wire::RecordDetail, ApiError> {
        let id: RowId = input.record_id.trim().parse()?;
        let decided_on = date_or_today("保密审查日期", input.decided_on.as_deref())?;
        let answers = SecrecyAnswers::parse(
            &input.reviewer_id,
            decided_on,
            &input.answers,
            &input.opinion,
        )?;
        self.with_store(OpenMode::Existing, |store| {
            answers.record(store, Reviewed::Record(id))?;
            detail(store, id)
        })
    }

    /// 发布登记. Refused, with every reason, unless the record is 主动公开 and passed 三审 and
    /// 保密审查; the database would refuse it too.
    pub fn record_publish(
        &self,
        input: wire::PublishInput,
    ) -> Result<wire::RecordDetail, ApiError> {
        let id: RowId = input.record_id.trim().parse()?;
        let published_on = date_or_today("发布日期", input.published_on.as_deref())?;
        let channel =
            gongkai_catalog::Channel::from_label(input.channel.trim()).ok_or_else(|| {
                ApiError::invalid(format!("“{}”不是标准的公开渠道和载体", input.channel))
            })?;
        let published_by = non_blank(Some(&input.published_by))
            .ok_or_else(|| ApiError::invalid("请填写发布人".to_owned()))?
            .to_owned();
        let done = self.with_store(OpenMode::Existing, |store| {
            let record = store.record(id)?;
            let standing = gate(store, &record)?;
            if record.status == "draft" && !standing.is_empty() {
                let reasons: Vec<String> = standing.iter().map(ToString::to_string).collect();
                return Err(ApiError::list_state(format!(
                    "“{}”还不能发布：{}",
                    record.title,
                    reasons.join("；")
                )));
            }
            if published_on < record.formed_on {
                return Err(ApiError::invalid(format!(
                    "发布日期 {published_on} 早于信息形成日期 {}",
                    record.formed_on
                )));
            }
            // The annual report's record also carries its 表三 to the county.
            let sync = crate::report::record::publication_item(
                store,
                &record,
                published_on,
                &store.attachments(id)?,
            )?;
            let publication = StoredPublication {
                id: RowId::new(),
                record_id: id,
                record_title: record.title.clone(),
                doc_number: record.doc_number.clone(),
                domain: record.domain.clone(),
                channel: channel.label().to_owned(),
                location: input.location.trim().to_owned(),
                published_on,
                published_by,
                note: input.note.unwrap_or_default().trim().to_owned(),
            };
            // 政策解读: the ready 解读 of the document this record publishes goes out with it.
            match crate::documents::interpretation::companion(store, &record)? {
                Some(companion) => {
                    let files = store.attachments(companion.id)?;
                    let with = companion_publication(&publication, &record, &companion, &files)?;
                    store.publish_records_together(&[(publication, sync), with])?;
                }
                None => store.publish_record(&publication, &sync)?,
            }
            detail(store, id)
        })?;
        self.queued_for_county();
        Ok(done)
    }

    /// 撤回 a published record, with the reason; the county page goes too.
    pub fn record_withdraw(
        &self,
        args: wire::WithdrawArgs,
    ) -> Result<wire::RecordDetail, ApiError> {
        let id: RowId = args.id.trim().parse()?;
        let reason = non_blank(Some(&args.reason))
            .ok_or_else(|| ApiError::invalid("撤回已发布的信息须写明原因".to_owned()))?
            .to_owned();
        let done = self.with_store(OpenMode::Existing, |store| {
            store.withdraw_record(id, &crate::sync::withdrawal_item(id, &reason)?)?;
            detail(store, id)
        })?;
        self.queued_for_county();
        Ok(done)
    }

    pub fn record_explain_due(&self, args: wire::IdArgs) -> Result<wire::DueExplanation, ApiError> {
        let id: RowId = args.id.trim().parse()?;
        self.with_store(OpenMode::Existing, |store| {
            let record = store.record(id)?;
            let due = Due::count(&calendar(store)?, record.formed_on, record.time_limit_days);
            Ok(explanation(&due))
        })
    }

    /// `gongkai calendar add-workdays`: strict, refuses to guess beyond the covered years.
    pub fn calendar_add_workdays(
        &self,
        args: wire::AddWorkdaysArgs,
    ) -> Result<wire::DueExplanation, ApiError> {
        let start = date("日期", &args.date)?;
        let calendar = Calendar::official()?;
        calendar.add_workdays(start, args.workdays)?;
        Ok(explanation(&Due::count(&calendar, start, args.workdays)))
    }

    pub fn record_attach(&self, args: wire::AttachArgs) -> Result<wire::RecordDetail, ApiError> {
        let id: RowId = args.record_id.trim().parse()?;
        let (file, content) = read_published_attachment(&args.path)?;
        self.with_store(OpenMode::Existing, |store| {
            store.add_attachment(id, &file, &content)?;
            detail(store, id)
        })
    }

    pub fn record_attachment_save(
        &self,
        args: wire::AttachmentSaveArgs,
    ) -> Result<wire::ExportResult, ApiError> {
        let id: RowId = args.id.trim().parse()?;
        let (_, content) =
            self.with_store(
                OpenMode::Existing,
                |store| Ok(store.attachment_content(id)?),
            )?;
        std::fs::write(&args.out, content)
            .map_err(|e| ApiError::export(&args.out, &e.to_string()))?;
        Ok(wire::ExportResult { path: args.out })
    }

    /// Takes newer calendar data (a year's holiday notice added), keeps it, and recounts the
    /// due dates that were provisional. Older or equal versions are refused.
    pub fn calendar_update_import(
        &self,
        args: wire::CalendarFileArgs,
    ) -> Result<wire::CalendarUpdateResult, ApiError> {
        let json = std::fs::read_to_string(args.path.trim())
            .map_err(|e| ApiError::invalid(format!("无法读取日历文件“{}”：{e}", args.path)))?;
        let update = Calendar::from_json(&json)?;
        self.with_store(OpenMode::Existing, |store| {
            let current = calendar(store)?;
            if update.version() <= current.version() {
                return Err(ApiError::invalid(format!(
                    "日历文件的版本 {} 不比正在使用的 {} 新，未更新",
                    update.version(),
                    current.version()
                )));
            }
            let recounted = store.save_calendar_update(
                update.version(),
                &json,
                |formed, days| {
                    let due = Due::count(&update, formed, days);
                    (due.due_on, due.provisional)
                },
                None,
            )?;
            let years = update.covered_years();
            Ok(wire::CalendarUpdateResult {
                version: update.version().to_owned(),
                first_year: *years.start(),
                last_year: *years.end(),
                recounted: u32::try_from(recounted).unwrap_or(u32::MAX),
            })
        })
    }

    pub fn publications_list(&self, _: wire::NoArgs) -> Result<wire::Publications, ApiError> {
        self.with_store(OpenMode::Existing, |store| {
            Ok(wire::Publications {
                publications: store.publications()?.into_iter().map(publication).collect(),
            })
        })
    }

    /// The "应公开、尽公开" picture for a year: every item of the effective catalog with its
    /// records by deadline status, and the items with no proactive record at all.
    pub fn records_compliance(
        &self,
        args: wire::ComplianceArgs,
    ) -> Result<wire::Compliance, ApiError> {
        let today = Local::now().date_naive();
        let year = args.year.unwrap_or(today.year());
        self.with_store(OpenMode::Existing, |store| {
            let calendar = calendar(store)?;
            let records = store.records()?;
            let mut domains: Vec<wire::DomainCompliance> = Vec::new();
            for item in store.catalog_items(None)? {
                let mut row = wire::ItemCompliance {
                    key: item.key.clone(),
                    level1: item.item.level1.clone(),
                    level2: item.item.level2.clone(),
                    records: 0,
                    on_time: 0,
                    late: 0,
                    due_soon: 0,
                    pending: 0,
                    overdue: 0,
                    never_disclosed: true,
                };
                for record in records.iter().filter(|r| {
                    r.item_key == item.key
                        && r.formed_on.year() == year
                        && r.attribute == "proactive"
                        && r.status != "withdrawn"
                }) {
                    row.records += 1;
                    match deadline::status(&calendar, record.due_on, record.published_on, today) {
                        DeadlineStatus::OnTime => row.on_time += 1,
                        DeadlineStatus::Late { .. } => row.late += 1,
                        DeadlineStatus::DueSoon { .. } => row.due_soon += 1,
                        DeadlineStatus::Pending { .. } => row.pending += 1,
                        DeadlineStatus::Overdue { .. } => row.overdue += 1,
                        DeadlineStatus::NotApplicable => {}
                    }
                }
                row.never_disclosed = row.on_time + row.late == 0;
                let domain = match domains.iter_mut().find(|d| d.domain == item.item.domain) {
                    Some(d) => d,
                    None => {
                        domains.push(wire::DomainCompliance {
                            domain: item.item.domain.clone(),
                            items: Vec::new(),
                            records: 0,
                            on_time: 0,
                            late: 0,
                            due_soon: 0,
                            overdue: 0,
                            never_disclosed: 0,
                        });
                        let last = domains.len() - 1;
                        &mut domains[last]
                    }
                };
                domain.records += row.records;
                domain.on_time += row.on_time;
                domain.late += row.late;
                domain.due_soon += row.due_soon;
                domain.overdue += row.overdue;
                domain.never_disclosed += u32::from(row.never_disclosed);
                domain.items.push(row);
            }
            Ok(wire::Compliance {
                year,
                today: today.to_string(),
                domains,
            })
        })
    }
}

/// The working-day calendar in force: the bundled one, or a newer version received by sync.
pub(crate) fn calendar(store: &Store) -> Result<Calendar, ApiError> {
    let bundled = Calendar::official()?;
    match store.calendar_update()? {
        Some((version, json)) if version.as_str() > bundled.version() => {
            Ok(Calendar::from_json(&json)?)
        }
        _ => Ok(bundled),
    }
}

fn attribute_of(record: &StoredRecord) -> Result<Attribute, ApiError> {
    Ok(Attribute::new(
        &record.attribute,
        record.ground.as_deref(),
        record.attribute_reason.as_deref(),
    )?)
}

/// What stands between a record and publication: its own controls, and the 政策解读 of the
/// document it publishes (see `documents::interpretation`).
fn gate(store: &Store, record: &StoredRecord) -> Result<Vec<gongkai_records::Blocker>, ApiError> {
    let mut found = controls_gate(store, record)?;
    found.extend(crate::documents::interpretation::blocker(store, record)?);
    Ok(found)
}

/// The record's own controls: 公开属性, 三审 and 保密审查, and no full ID number in what it
/// shows.
pub(crate) fn controls_gate(
    store: &Store,
    record: &StoredRecord,
) -> Result<Vec<gongkai_records::Blocker>, ApiError> {
    let mut found = controls::gate(store, Reviewed::Record(record.id), &attribute_of(record)?)?;
    found.extend(unmasked_ids(record));
    Ok(found)
}

/// A full resident ID number typed into the title or body, the places named with the number
/// masked: published, it would stand in the 发布登记簿 and on the reading point, while the
/// county refuses the entry and the board will not post it.
fn unmasked_ids(record: &StoredRecord) -> Option<gongkai_records::Blocker> {
    let found = id_number_places(record);
    (!found.is_empty()).then_some(gongkai_records::Blocker::UnmaskedIdNumber(found))
}

/// Where the record's title or body holds a full resident ID number: 标题（1101**********002X）.
pub(crate) fn id_number_places(record: &StoredRecord) -> Vec<String> {
    gongkai_sync::check::id_number_places([("标题", &record.title), ("正文", &record.body)])
}

/// The 解读 record's publication beside its document's: same channel, place, day and person.
fn companion_publication(
    document: &StoredPublication,
    record: &StoredRecord,
    companion: &StoredRecord,
    files: &[StoredAttachment],
) -> Result<(StoredPublication, gongkai_store::OutboxItem), ApiError> {
    if document.published_on < companion.formed_on {
        return Err(ApiError::invalid(format!(
            "发布日期 {} 早于解读“{}”的形成日期 {}",
            document.published_on, companion.title, companion.formed_on
        )));
    }
    let sync = crate::sync::record_item(companion, document.published_on, files)?;
    Ok((
        StoredPublication {
            id: RowId::new(),
            record_id: companion.id,
            record_title: companion.title.clone(),
            doc_number: companion.doc_number.clone(),
            domain: companion.domain.clone(),
            note: format!("与“{}”同步发布", record.title),
            ..document.clone()
        },
        sync,
    ))
}

fn summary(
    store: &Store,
    calendar: &Calendar,
    today: NaiveDate,
    record: StoredRecord,
) -> Result<wire::RecordSummary, ApiError> {
    let attribute = attribute_of(&record)?;
    let status = if attribute == Attribute::Proactive && record.status != "withdrawn" {
        deadline::status(calendar, record.due_on, record.published_on, today)
    } else {
        DeadlineStatus::NotApplicable
    };
    let workdays = match status {
        DeadlineStatus::Late { workdays } | DeadlineStatus::Overdue { workdays } => Some(workdays),
        DeadlineStatus::DueSoon { workdays_left } | DeadlineStatus::Pending { workdays_left } => {
            Some(workdays_left)
        }
        DeadlineStatus::OnTime | DeadlineStatus::NotApplicable => None,
    };
    let blockers = if record.status == "draft" {
        gate(store, &record)?
            .iter()
            .map(ToString::to_string)
            .collect()
    } else {
        Vec::new()
    };
    let record_status = wire::RecordStatus::stored(&record.status)?;
    let deadline = wire::DeadlineState::from(status);
    Ok(wire::RecordSummary {
        id: record.id.to_string(),
        status: record_status,
        status_label: record_status.label().to_owned(),
        item_key: record.item_key,
        domain: record.domain,
        item_name: record.item_name,
        title: record.title,
        doc_number: record.doc_number,
        formed_on: record.formed_on.to_string(),
        attribute: attribute.key().to_owned(),
        attribute_label: attribute.label().to_owned(),
        time_limit_days: record.time_limit_days,
        due_on: record.due_on.to_string(),
        due_provisional: record.due_provisional,
        published_on: record.published_on.map(|d| d.to_string()),
        deadline,
        deadline_label: deadline.label().to_owned(),
        deadline_workdays: workdays,
        blockers,
    })
}

/// A record as typed, checked and with its due date counted: what [`Api::record_save`]
/// stores (alone, or with more in the same write).
pub(crate) fn record_to_save(
    store: &mut Store,
    input: wire::RecordInput,
) -> Result<StoredRecord, ApiError> {
    let title = non_blank(Some(&input.title))
        .ok_or_else(|| ApiError::invalid("请填写信息标题".to_owned()))?
        .to_owned();
    let formed_on = date("信息形成或变更日期", &input.formed_on)?;
    let attribute = Attribute::new(
        &input.attribute,
        input.ground.as_deref(),
        input.attribute_reason.as_deref(),
    )?;
    let form = PublishForm::new(
        input.redacted,
        input.redaction_removed.as_deref(),
        input.redaction_why.as_deref(),
    )?;
    let channels = input
        .channels
        .iter()
        .map(|label| {
            gongkai_catalog::Channel::from_label(label.trim())
                .map(|c| c.label().to_owned())
                .ok_or_else(|| ApiError::invalid(format!("“{label}”不是标准的公开渠道和载体")))
        })
        .collect::<Result<Vec<_>, _>>()?;
    if attribute == Attribute::Proactive && channels.is_empty() {
        return Err(ApiError::invalid(
            "主动公开的信息须选择至少一个公开渠道和载体".to_owned(),
        ));
    }
    let id = match non_blank(input.id.as_deref()) {
        Some(id) => id.parse::<RowId>()?,
        None => RowId::new(),
    };
    let item = store.catalog_item(input.item_key.trim())?.ok_or_else(|| {
        ApiError::invalid(format!(
            "事项目录中没有“{}”，或它已被隐藏",
            input.item_key.trim()
        ))
    })?;
    let workdays = input
        .time_limit_days
        .or(item.item.time_limit_workdays)
        .unwrap_or(deadline::DEFAULT_WORKDAYS);
    if !(1..=365).contains(&workdays) {
        return Err(ApiError::invalid(format!(
            "公开时限 {workdays} 个工作日不合理（应为 1 至 365）"
        )));
    }
    let due = Due::count(&calendar(store)?, formed_on, workdays);
    let (redaction_removed, redaction_why) = match form {
        PublishForm::Full => (None, None),
        PublishForm::Redacted { removed, why } => (Some(removed), Some(why)),
    };
    Ok(StoredRecord {
        id,
        item_key: item.key.clone(),
        domain: item.item.domain.clone(),
        item_name: item.item.level2.clone(),
        title,
        doc_number: non_blank(input.doc_number.as_deref()).map(str::to_owned),
        formed_on,
        body: input.body.trim().to_owned(),
        channels,
        attribute: attribute.key().to_owned(),
        ground: attribute.ground().map(|g| g.key().to_owned()),
        attribute_reason: attribute.reason().map(str::to_owned),
        redacted: redaction_removed.is_some(),
        redaction_removed,
        redaction_why,
        time_limit_days: workdays,
        due_on: due.due_on,
        due_provisional: due.provisional,
        calendar_version: due.calendar_version,
        status: String::new(),
        published_on: None,
        updated_at: String::new(),
    })
}

pub(crate) fn detail(store: &Store, id: RowId) -> Result<wire::RecordDetail, ApiError> {
    let record = store.record(id)?;
    let calendar = calendar(store)?;
    let attribute = attribute_of(&record)?;
    let (reviews, secrecy) = controls::shown(store, Reviewed::Record(id))?;
    let attachments = store
        .attachments(id)?
        .into_iter()
        .map(|a| wire::AttachmentEntry {
            id: a.id.to_string(),
            file_name: a.file_name,
            sha256: a.sha256,
            size: a.size,
        })
        .collect();
    let publications = store
        .publications()?
        .into_iter()
        .filter(|p| p.record_id == id)
        .map(publication)
        .collect();
    Ok(wire::RecordDetail {
        body: record.body.clone(),
        channels: record.channels.clone(),
        ground: attribute.ground().map(|g| g.key().to_owned()),
        ground_label: attribute.ground().map(|g| g.label().to_owned()),
        attribute_reason: attribute.reason().map(str::to_owned),
        document_note: attribute.document_note().to_owned(),
        redacted: record.redacted,
        redaction_removed: record.redaction_removed.clone(),
        redaction_why: record.redaction_why.clone(),
        calendar_version: record.calendar_version.clone(),
        reviews,
        secrecy,
        publications,
        attachments,
        summary: summary(store, &calendar, Local::now().date_naive(), record)?,
    })
}

fn publication(p: StoredPublication) -> wire::PublicationEntry {
    wire::PublicationEntry {
        id: p.id.to_string(),
        record_id: p.record_id.to_string(),
        record_title: p.record_title,
        doc_number: p.doc_number,
        domain: p.domain,
        channel: p.channel,
        location: p.location,
        published_on: p.published_on.to_string(),
        published_by: p.published_by,
        note: p.note,
    }
}

fn explanation(due: &Due) -> wire::DueExplanation {
    let count = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
    wire::DueExplanation {
        formed_on: due.formed_on.to_string(),
        workdays: due.workdays,
        due_on: due.due_on.to_string(),
        provisional: due.provisional,
        calendar_version: due.calendar_version.clone(),
        days: due
            .days
            .iter()
            .map(|d| wire::CountedDay {
                date: d.date.to_string(),
                kind: match &d.kind {
                    DayKind::Workday => "工作日".to_owned(),
                    DayKind::Weekend => "周末".to_owned(),
                    DayKind::Holiday { name } => format!("节假日（{name}）"),
                    DayKind::MakeUpWorkday { for_holiday } => format!("调休上班（{for_holiday}）"),
                },
                workday: d.kind.is_workday(),
                assumed: d.assumed,
                workdays_so_far: d.workdays_so_far,
            })
            .collect(),
        holidays_skipped: count(due.holidays_skipped()),
        weekends_skipped: count(due.weekends_skipped()),
        make_up_days_used: count(due.make_up_days_used()),
    }
}

/// Why an attachment may not go with a record: what is attached is published as it is, so a
/// full ID number in it would reach the county's public site.
/// A file picked to be kept in the database: read from `path`, named by its file name,
/// fingerprinted.
pub(crate) fn read_attachment(path: &str) -> Result<(StoredAttachment, Vec<u8>), ApiError> {
    let path = std::path::Path::new(path.trim());
    let content = std::fs::read(path)
        .map_err(|e| ApiError::invalid(format!("无法读取附件“{}”：{e}", path.display())))?;
    let file_name = path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    let file = StoredAttachment {
        id: RowId::new(),
        file_name,
        sha256: hex(&Sha256::digest(&content)),
        size: i64::try_from(content.len()).unwrap_or(i64::MAX),
    };
    Ok((file, content))
}

/// [`read_attachment`] for a file published with what it is attached to (a record, a
/// document): refused when it carries an unmasked ID number.
pub(crate) fn read_published_attachment(
    path: &str,
) -> Result<(StoredAttachment, Vec<u8>), ApiError> {
    let (file, content) = read_attachment(path)?;
    if let Some(finding) = attachment_scan::scan(&content) {
        return Err(ApiError::invalid(attachment_refusal(
            &file.file_name,
            &finding,
        )));
    }
    Ok((file, content))
}

pub(crate) fn attachment_refusal(file_name: &str, finding: &attachment_scan::Finding) -> String {
    match finding {
        attachment_scan::Finding::IdNumber(id) => format!(
            "附件“{file_name}”含有未脱敏的身份证号（{}）：附件随记录公开，请附脱敏后的文件",
            gongkai_sync::check::masked(id)
        ),
        attachment_scan::Finding::Unreadable(reason) => format!(
            "附件“{file_name}”{reason}其中是否有未脱敏的身份证号：请压缩图片或拆分文件后再附"
        ),
    }
}
