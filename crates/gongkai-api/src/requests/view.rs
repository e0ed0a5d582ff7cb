//! What the screens, the CLI and the 待办 home see of an application: summaries with their due
//! state, the detail with every step and how its due date was counted, the reply's gate.

use chrono::NaiveDate;
use gongkai_calendar::Calendar;
use gongkai_domain::RowId;
use gongkai_records::Attribute;
use gongkai_requests::clock::{CONSULTATION_WORKDAYS, FEE_PAYMENT_WORKDAYS};
use gongkai_requests::{
    ApplicantKind, Channel, ClockSettings, ConsultParty, DenialGround, DueState, FeeMethod,
    GrantBasis, NotProcessedKind, OtherKind, Outcome, UnableKind,
};
use gongkai_store::{RequestSettings, Reviewed, Store, StoredRequest};

use super::procedure_of;
use crate::records::controls;
use crate::{ApiError, wire};

const ATTACHMENT_ROLES: [(&str, &str); 3] = [
    ("application", "申请书扫描件"),
    ("id_document", "身份证明扫描件"),
    ("other", "其他材料"),
];

pub(super) fn attachment_role(key: &str) -> Result<&'static str, ApiError> {
    ATTACHMENT_ROLES
        .iter()
        .find(|(k, _)| *k == key)
        .map(|(k, _)| *k)
        .ok_or_else(|| ApiError::invalid(format!("未知的附件类别“{key}”")))
}

fn choice(key: &str, label: &str) -> wire::Choice {
    wire::Choice {
        key: key.to_owned(),
        label: label.to_owned(),
    }
}

pub(super) fn options() -> wire::RequestOptions {
    let outcome =
        |key: &str, label: &str, grounds: Vec<wire::Choice>, required: bool| wire::OutcomeChoice {
            key: key.to_owned(),
            label: label.to_owned(),
            grounds,
            ground_required: required,
        };
    let denial: Vec<wire::Choice> = DenialGround::ALL
        .iter()
        .map(|g| choice(g.key(), g.label()))
        .collect();
    let (stages, secrecy_questions) = controls::choices();
    wire::RequestOptions {
        channels: Channel::ALL
            .iter()
            .map(|c| choice(c.key(), c.label()))
            .collect(),
        channels_confirmed: Channel::ALL
            .iter()
            .filter(|c| c.needs_confirmation())
            .map(|c| c.key().to_owned())
            .collect(),
        applicant_kinds: ApplicantKind::ALL
            .iter()
            .map(|k| choice(k.key(), k.label()))
            .collect(),
        outcomes: vec![
            outcome(
                "granted",
                "予以公开",
                GrantBasis::ALL
                    .iter()
                    .map(|b| choice(b.key(), b.label()))
                    .collect(),
                false,
            ),
            outcome("partial", "部分公开", denial.clone(), true),
            outcome("denied", "不予公开", denial, true),
            outcome(
                "unable",
                "无法提供",
                UnableKind::ALL
                    .iter()
                    .map(|k| choice(k.key(), k.label()))
                    .collect(),
                true,
            ),
            outcome(
                "not_processed",
                "不予处理",
                NotProcessedKind::ALL
                    .iter()
                    .map(|k| choice(k.key(), k.label()))
                    .collect(),
                true,
            ),
            outcome(
                "other",
                "其他处理",
                OtherKind::ALL
                    .iter()
                    .map(|k| choice(k.key(), k.label()))
                    .collect(),
                true,
            ),
        ],
        consult_parties: ConsultParty::ALL
            .iter()
            .map(|p| choice(p.key(), p.label()))
            .collect(),
        fee_methods: FeeMethod::ALL
            .iter()
            .map(|m| choice(m.key(), m.label()))
            .collect(),
        attachment_roles: ATTACHMENT_ROLES.iter().map(|(k, l)| choice(k, l)).collect(),
        stages,
        secrecy_questions,
    }
}

pub(super) fn settings(s: &RequestSettings) -> wire::RequestSettingsInput {
    wire::RequestSettingsInput {
        due_soon_workdays: s.due_soon_workdays,
        fee_pauses_clock: s.fee_pauses_clock,
        extension_notice_within_period: s.extension_notice_within_period,
        review_body: s.review_body.clone(),
        court: s.court.clone(),
    }
}

/// Sorting the due list: what needs the clerk first.
pub(super) fn urgency(state: &str) -> u8 {
    match state {
        "overdue" => 0,
        "lapsed" => 1,
        "due_soon" => 2,
        "calendar_missing" => 3,
        "on_time" => 4,
        "suspended" => 5,
        _ => 6,
    }
}

/// The state on `today`, or, when the calendar cannot count it, why (which notice is missing).
fn state_of(
    r: &StoredRequest,
    calendar: &Calendar,
    settings: &ClockSettings,
    today: NaiveDate,
) -> Result<(String, String), ApiError> {
    let procedure = procedure_of(r, true)?;
    Ok(match procedure.state(calendar, settings, today) {
        Ok(state) => (state.key().to_owned(), state.label()),
        Err(gongkai_requests::RequestError::Calendar(e)) => {
            ("calendar_missing".to_owned(), e.to_string())
        }
        Err(e) => return Err(e.into()),
    })
}

pub(super) fn summary(
    r: &StoredRequest,
    calendar: &Calendar,
    settings: &ClockSettings,
    today: NaiveDate,
) -> Result<wire::RequestSummary, ApiError> {
    let (state, state_label) = state_of(r, calendar, settings, today)?;
    let outcome = stored_outcome(r)?;
    Ok(wire::RequestSummary {
        id: r.id.to_string(),
        reg_no: format!("依申〔{}〕{}号", r.year, r.serial),
        year: r.year,
        serial: r.serial,
        channel: r.channel.clone(),
        channel_label: Channel::from_key(&r.channel)?.label().to_owned(),
        received_on: r.received_on.to_string(),
        applicant_kind: r.applicant_kind.clone(),
        applicant_kind_label: ApplicantKind::from_key(&r.applicant_kind)?
            .label()
            .to_owned(),
        applicant_name: r.applicant_name.clone(),
        subject: r.subject.clone(),
        due_on: r.due_on.map(|d| d.to_string()),
        state,
        state_label,
        replied_on: r.replied_on.map(|d| d.to_string()),
        outcome_label: outcome.map(Outcome::label),
        result_row: r.result_row.clone(),
        reply_final: r.reply_final,
        delivered_on: r.delivered_on.map(|d| d.to_string()),
    })
}

fn stored_outcome(r: &StoredRequest) -> Result<Option<Outcome>, ApiError> {
    Ok(r.outcome_kind
        .as_deref()
        .map(|kind| Outcome::parse(kind, r.outcome_ground.as_deref()))
        .transpose()?)
}

/// What stands between a drafted reply and its final form: the same gate as a record's
/// publication (三审 and 保密审查), a reply being what the township discloses to the applicant.
pub(super) fn reply_blockers(store: &Store, id: RowId) -> Result<Vec<String>, ApiError> {
    Ok(
        controls::gate(store, Reviewed::Reply(id), &Attribute::Proactive)?
            .iter()
            .map(ToString::to_string)
            .collect(),
    )
}

pub(super) fn detail(
    store: &Store,
    calendar: &Calendar,
    settings: &ClockSettings,
    id: RowId,
    today: NaiveDate,
) -> Result<wire::RequestDetail, ApiError> {
    let r = store.request(id)?;
    let procedure = procedure_of(&r, true)?;
    let channel = Channel::from_key(&r.channel)?;
    let (explanation, correction_notice_due, calendar_version) =
        match procedure.clock_with(calendar, settings) {
            Ok(clock) => (
                clock.explanation,
                clock.correction_notice_due.to_string(),
                clock.calendar_version,
            ),
            Err(e) => (
                vec![e.to_string()],
                String::new(),
                calendar.version().to_owned(),
            ),
        };
    let consultations = r
        .consultations
        .iter()
        .map(|c| {
            let party = ConsultParty::from_key(&c.party)?;
            Ok(wire::ConsultationEntry {
                party: c.party.clone(),
                party_label: party.label().to_owned(),
                party_name: c.party_name.clone(),
                sent_on: c.sent_on.to_string(),
                limit_on: calendar
                    .add_workdays(c.sent_on, CONSULTATION_WORKDAYS)
                    .map(|d| d.to_string())
                    .unwrap_or_default(),
                answered_on: c.answered_on.map(|d| d.to_string()),
                opinion: c.opinion.clone(),
            })
        })
        .collect::<Result<_, ApiError>>()?;
    let fee = match (&r.fee_method, r.fee_amount_fen, r.fee_notice_on) {
        (Some(method), Some(amount_fen), Some(notice_on)) => {
            let delivered_on = r.fee_delivered_on.unwrap_or(notice_on);
            Some(wire::FeeEntry {
                method: method.clone(),
                method_label: FeeMethod::from_key(method)?.label().to_owned(),
                amount_fen,
                basis: r.fee_basis.clone().unwrap_or_default(),
                notice_on: notice_on.to_string(),
                delivered_on: delivered_on.to_string(),
                pay_due_on: calendar
                    .add_workdays(delivered_on, FEE_PAYMENT_WORKDAYS)
                    .map(|d| d.to_string())
                    .unwrap_or_default(),
                paid_on: r.fee_paid_on.map(|d| d.to_string()),
            })
        }
        _ => None,
    };
    let reply = match (stored_outcome(&r)?, r.replied_on) {
        (Some(outcome), Some(replied_on)) => Some(wire::ReplyEntry {
            outcome: outcome.kind().to_owned(),
            outcome_kind_label: outcome.kind_label().to_owned(),
            ground: outcome.ground().to_owned(),
            outcome_label: outcome.label(),
            result_row: outcome.row_key(),
            legal_basis: outcome.legal_basis(),
            note: r.reply_note.clone().unwrap_or_default(),
            replied_on: replied_on.to_string(),
            reply_final: r.reply_final,
            delivery_method: r.delivery_method.clone(),
            delivered_on: r.delivered_on.map(|d| d.to_string()),
        }),
        _ => None,
    };
    let (reviews, secrecy) = controls::shown(store, Reviewed::Reply(id))?;
    let blockers = if r.reply_final {
        Vec::new()
    } else if r.outcome_kind.is_none() {
        vec!["尚未拟定答复".to_owned()]
    } else {
        reply_blockers(store, id)?
    };
    let attachments = store
        .request_attachments(id)?
        .into_iter()
        .map(|a| {
            Ok(wire::RequestAttachmentEntry {
                role_label: ATTACHMENT_ROLES
                    .iter()
                    .find(|(k, _)| *k == a.role)
                    .map_or("", |(_, l)| l)
                    .to_owned(),
                id: a.id.to_string(),
                role: a.role,
                file_name: a.file_name,
                sha256: a.sha256,
                size: a.size,
            })
        })
        .collect::<Result<_, ApiError>>()?;
    let proactive = store
        .requests_repeated()?
        .into_iter()
        .find(|g| g.request_ids.contains(&id))
        .and_then(|g| g.record_id);
    Ok(wire::RequestDetail {
        summary: summary(&r, calendar, settings, today)?,
        arrived_on: r.arrived_on.to_string(),
        confirmed_on: r.confirmed_on.map(|d| d.to_string()),
        receipt_rule: channel.receipt_rule().to_owned(),
        contact: r.contact.clone(),
        address: r.address.clone(),
        id_masked: r.id_masked.clone(),
        description: r.description.clone(),
        form_wanted: r.form_wanted.clone(),
        correction_notice_due,
        correction: match (r.correction_notice_on, r.correction_deadline) {
            (Some(notice_on), Some(deadline)) => Some(wire::CorrectionEntry {
                notice_on: notice_on.to_string(),
                items: r.correction_items.clone().unwrap_or_default(),
                deadline: deadline.to_string(),
                corrected_on: r.corrected_on.map(|d| d.to_string()),
            }),
            _ => None,
        },
        extension: match (r.extension_notice_on, r.extension_workdays) {
            (Some(notice_on), Some(workdays)) => Some(wire::ExtensionEntry {
                notice_on: notice_on.to_string(),
                approver: r.extension_approver.clone().unwrap_or_default(),
                workdays,
                reason: r.extension_reason.clone().unwrap_or_default(),
            }),
            _ => None,
        },
        consultations,
        fee,
        reply,
        reviews,
        secrecy,
        blockers,
        attachments,
        explanation,
        calendar_version,
        proactive_record_id: proactive.map(|p| p.to_string()),
    })
}

/// The 待办 home's rows of applications: overdue, due soon, or lapsed (a correction or fee
/// deadline passed: to be closed as 其他处理).
pub(crate) fn todo_rows(
    store: &Store,
    today: NaiveDate,
    calendar: &Calendar,
) -> Result<Vec<wire::TodoRow>, ApiError> {
    let settings = super::clock_settings(&store.request_settings()?);
    let mut rows = Vec::new();
    for r in store.requests()? {
        if r.reply_final {
            continue;
        }
        let state = match procedure_of(&r, true)?.state(calendar, &settings, today) {
            Ok(state) => state,
            // The list names the missing notice; the home has nothing to count by.
            Err(gongkai_requests::RequestError::Calendar(_)) => continue,
            Err(e) => return Err(e.into()),
        };
        let (kind, due_on) = match &state {
            DueState::Overdue { .. } => (wire::TodoKind::RequestOverdue, r.due_on),
            DueState::DueSoon { .. } => (wire::TodoKind::RequestDueSoon, r.due_on),
            DueState::Lapsed { deadline, .. } => (wire::TodoKind::RequestLapsed, Some(*deadline)),
            _ => continue,
        };
        rows.push(wire::TodoRow {
            kind,
            title: format!(
                "依申〔{}〕{}号 {}：{}",
                r.year, r.serial, r.applicant_name, r.subject
            ),
            detail: state.label(),
            due_on: due_on.map(|d| d.to_string()),
            village: None,
            screen: "/requests".to_owned(),
            target_id: Some(r.id.to_string()),
        });
    }
    Ok(rows)
}
