//! 依申请公开 commands: an application registered as it arrives, each step of its procedure
//! judged by `gongkai_requests`' rules inside the store's transaction (refused in Chinese with
//! nothing written), the reply through the same 三审 and 保密审查 as records, 送达, the list with
//! due states and the 待办 rows, art. 44's repeated requests. The letters are `letter`'s.

mod demo;
pub(crate) mod input;
pub(crate) mod letter;
mod view;

use chrono::{Datelike, Local, NaiveDate};
use gongkai_calendar::Calendar;
use gongkai_domain::RowId;
use gongkai_payouts::{IdNumber, InstallationKey};
use gongkai_requests::{
    ApplicantKind, Channel, ClockSettings, ConsultParty, Consultation, Correction, Extension,
    FeeMethod, FeeNotice, Outcome, Procedure, RequestError, fee,
};
use gongkai_store::{
    RequestSettings, Reviewed, StoredConsultation, StoredRequest, StoredRequestAttachment,
};

use crate::commands::{date, hex, non_blank};
use crate::records::controls::{SecrecyAnswers, Signing};
use crate::records::{calendar, read_attachment};
use crate::session::OpenMode;
use crate::{Api, ApiError, wire};

pub(crate) use view::todo_rows;

impl From<RequestError> for ApiError {
    fn from(e: RequestError) -> Self {
        ApiError::invalid(e.to_string())
    }
}

/// A date given, or today.
fn date_or(what: &str, text: Option<&str>, today: NaiveDate) -> Result<NaiveDate, ApiError> {
    match non_blank(text) {
        Some(text) => date(what, text),
        None => Ok(today),
    }
}

fn today_from(text: Option<&str>) -> Result<NaiveDate, ApiError> {
    date_or("查看日期", text, Local::now().date_naive())
}

/// A date of the procedure must lie in a year whose holiday notice the calendar holds: every
/// later count runs from it.
fn covered(calendar: &Calendar, what: &str, on: NaiveDate) -> Result<NaiveDate, ApiError> {
    if calendar.covers(on) {
        return Ok(on);
    }
    let years = calendar.covered_years();
    // A year before the calendar's first is not waiting for its notice: it is a date typed
    // wrong, or an application older than anything this workbench handles.
    if on.year() < *years.start() {
        return Err(ApiError::invalid(format!(
            "{what} {on} 早于工作台日历收录的最早年份 {} 年，无法推算工作日：请核对日期",
            years.start()
        )));
    }
    Err(ApiError::invalid(format!(
        "{what} {on}：{}",
        gongkai_calendar::CalendarError::YearNotCovered {
            year: on.year(),
            first: *years.start(),
            last: *years.end(),
        }
    )))
}

/// A date of something that happened (a notice sent, a correction or payment received, a
/// reply given): not after today, or it would count in a period not yet reached.
fn happened(what: &str, on: NaiveDate) -> Result<NaiveDate, ApiError> {
    let today = Local::now().date_naive();
    if on > today {
        return Err(ApiError::invalid(format!(
            "{what} {on} 晚于今天（{today}）：请在事情发生后按实际日期登记"
        )));
    }
    Ok(on)
}

pub(crate) fn clock_settings(settings: &RequestSettings) -> ClockSettings {
    ClockSettings {
        due_soon_workdays: settings.due_soon_workdays,
        fee_pauses_clock: settings.fee_pauses_clock,
        extension_notice_within_period: settings.extension_notice_within_period,
    }
}

/// The stored application as the rules see it. `with_reply`: the reply counts as given (only a
/// final reply is what the applicant received).
pub(crate) fn procedure_of(r: &StoredRequest, with_reply: bool) -> Result<Procedure, ApiError> {
    let reply = match (&r.outcome_kind, r.replied_on) {
        (Some(kind), Some(on)) if with_reply && r.reply_final => {
            Some((Outcome::parse(kind, r.outcome_ground.as_deref())?, on))
        }
        _ => None,
    };
    Ok(Procedure {
        received_on: r.received_on,
        correction: match (r.correction_notice_on, r.correction_deadline) {
            (Some(notice_on), Some(deadline)) => Some(Correction {
                notice_on,
                deadline,
                corrected_on: r.corrected_on,
            }),
            _ => None,
        },
        extension: match (r.extension_notice_on, r.extension_workdays) {
            (Some(notice_on), Some(workdays)) => Some(Extension {
                approver: r.extension_approver.clone().unwrap_or_default(),
                notice_on,
                workdays,
            }),
            _ => None,
        },
        consultations: r
            .consultations
            .iter()
            .map(|c| {
                Ok(Consultation {
                    party: ConsultParty::from_key(&c.party)?,
                    sent_on: c.sent_on,
                    answered_on: c.answered_on,
                })
            })
            .collect::<Result<_, RequestError>>()?,
        fee: match (r.fee_notice_on, r.fee_amount_fen) {
            (Some(notice_on), Some(amount_fen)) => Some(FeeNotice {
                method: FeeMethod::from_key(r.fee_method.as_deref().unwrap_or_default())?,
                amount_fen,
                notice_on,
                delivered_on: r.fee_delivered_on.unwrap_or(notice_on),
                paid_on: r.fee_paid_on,
            }),
            _ => None,
        },
        reply,
    })
}

/// Writes `procedure`'s steps back into the stored application, with the due date recounted.
/// A due date the calendar cannot count yet (a year without its notice) is left empty: the
/// list says which notice is missing.
fn with_procedure(
    before: &StoredRequest,
    procedure: &Procedure,
    calendar: &Calendar,
    settings: &ClockSettings,
) -> StoredRequest {
    let mut after = before.clone();
    after.correction_notice_on = procedure.correction.as_ref().map(|c| c.notice_on);
    after.correction_deadline = procedure.correction.as_ref().map(|c| c.deadline);
    after.corrected_on = procedure.correction.as_ref().and_then(|c| c.corrected_on);
    after.extension_notice_on = procedure.extension.as_ref().map(|e| e.notice_on);
    after.extension_workdays = procedure.extension.as_ref().map(|e| e.workdays);
    after.extension_approver = procedure.extension.as_ref().map(|e| e.approver.clone());
    after.fee_paid_on = procedure.fee.as_ref().and_then(|f| f.paid_on);
    for (stored, rule) in after.consultations.iter_mut().zip(&procedure.consultations) {
        stored.answered_on = rule.answered_on;
    }
    after.due_on = procedure
        .clock_with(calendar, settings)
        .ok()
        .and_then(|c| c.due_on);
    after.calendar_version = calendar.version().to_owned();
    after
}

impl Api {
    /// The application the clerk named: by its id, or by its register number as the list
    /// prints it (依申〔2026〕3号; the command line has only that to go by).
    pub(crate) fn request_named(&self, text: &str) -> Result<RowId, ApiError> {
        let text = text.trim();
        if let Ok(id) = text.parse::<RowId>() {
            return Ok(id);
        }
        let numbers: Vec<u32> = text
            .split(|c: char| !c.is_ascii_digit())
            .filter_map(|part| part.parse().ok())
            .collect();
        let [year, serial] = numbers[..] else {
            return Err(ApiError::invalid(format!(
                "“{text}”不是申请的编号，也不是“依申〔2026〕3号”这样的登记号"
            )));
        };
        self.with_store(OpenMode::Existing, |store| {
            store
                .requests()?
                .into_iter()
                .find(|r| i64::from(r.year) == i64::from(year) && r.serial == serial)
                .map(|r| r.id)
                .ok_or_else(|| {
                    ApiError::invalid(format!("没有登记号为“依申〔{year}〕{serial}号”的申请"))
                })
        })
    }

    pub fn requests_options(&self, _: wire::NoArgs) -> Result<wire::RequestOptions, ApiError> {
        Ok(view::options())
    }

    /// Registers an application as it arrives: receipt date by art. 31's rule for its channel,
    /// the applicant's ID number (if given) kept only as a keyed hash and masked.
    pub fn requests_add(&self, input: wire::RequestInput) -> Result<wire::RequestDetail, ApiError> {
        let channel = Channel::from_key(input.channel.trim())?;
        let kind = ApplicantKind::from_key(input.applicant_kind.trim())?;
        let arrived_on = date("申请到达日期", &input.arrived_on)?;
        let confirmed_on = non_blank(input.confirmed_on.as_deref())
            .map(|d| date("确认日期", d))
            .transpose()?;
        let received_on = channel.received_on(arrived_on, confirmed_on)?;
        let today = Local::now().date_naive();
        let name = input::required(
            input::APPLICANT,
            &input.applicant_name,
            "请填写申请人姓名或名称",
        )?;
        let subject = input::required(
            input::SUBJECT,
            &input.subject,
            "请填写所需政府信息的名称、文号或描述（条例第二十九条）",
        )?;
        let contact = input::required(
            input::CONTACT,
            &input.contact,
            "请填写申请人的联系方式（条例第二十九条）",
        )?;
        let address = input::text(input::ADDRESS, &input.address)?;
        let description = input::text(input::DESCRIPTION, &input.description)?;
        let form_wanted = input::text(input::FORM, &input.form_wanted)?;
        let id_number = non_blank(input.id_number.as_deref())
            .map(|raw| {
                IdNumber::parse(raw, today).map_err(|p| {
                    ApiError::from(gongkai_domain::DomainError::BadCode {
                        field: "身份证号",
                        value: gongkai_payouts::MaskRules::default().mask_id(raw.trim()),
                        reason: p.message(),
                    })
                })
            })
            .transpose()?;
        self.with_store(OpenMode::Existing, |store| {
            let calendar = calendar(store)?;
            covered(&calendar, "收到申请日期", received_on)?;
            if received_on > today {
                return Err(ApiError::invalid(format!(
                    "收到申请日期 {received_on} 晚于今天"
                )));
            }
            let settings = clock_settings(&store.request_settings()?);
            let (id_hash, id_masked) = match &id_number {
                Some(id) => {
                    let key = InstallationKey::from_bytes(store.installation_key()?);
                    let rules = crate::payouts::mask_rules(store)?;
                    (Some(hex(&key.hash(id).0)), Some(id.masked(&rules)))
                }
                None => (None, None),
            };
            let procedure = Procedure::received(received_on);
            let blank = StoredRequest {
                id: RowId::new(),
                year: received_on.year(),
                serial: 0,
                channel: channel.key().to_owned(),
                arrived_on,
                confirmed_on: confirmed_on.filter(|_| channel.needs_confirmation()),
                received_on,
                applicant_kind: kind.key().to_owned(),
                applicant_name: name,
                contact,
                address,
                id_hash,
                id_masked,
                subject,
                description,
                form_wanted,
                correction_notice_on: None,
                correction_items: None,
                correction_deadline: None,
                corrected_on: None,
                extension_notice_on: None,
                extension_approver: None,
                extension_workdays: None,
                extension_reason: None,
                fee_method: None,
                fee_amount_fen: None,
                fee_basis: None,
                fee_notice_on: None,
                fee_delivered_on: None,
                fee_paid_on: None,
                consultations: Vec::new(),
                outcome_kind: None,
                outcome_ground: None,
                result_row: None,
                reply_note: None,
                replied_on: None,
                reply_final: false,
                delivery_method: None,
                delivered_on: None,
                due_on: None,
                calendar_version: String::new(),
                updated_at: String::new(),
            };
            let stored =
                store.request_add(&with_procedure(&blank, &procedure, &calendar, &settings))?;
            view::detail(store, &calendar, &settings, stored.id, today)
        })
    }

    pub fn requests_list(&self, args: wire::RequestsListArgs) -> Result<wire::Requests, ApiError> {
        let today = today_from(args.today.as_deref())?;
        self.with_store(OpenMode::Existing, |store| {
            let calendar = calendar(store)?;
            let settings = clock_settings(&store.request_settings()?);
            let found = match non_blank(args.query.as_deref()) {
                Some(query) => store.requests_search(query, 500)?,
                None => store.requests()?,
            };
            Ok(wire::Requests {
                today: today.to_string(),
                requests: found
                    .iter()
                    .map(|r| view::summary(r, &calendar, &settings, today))
                    .collect::<Result<_, _>>()?,
            })
        })
    }

    /// Open applications that need the clerk soon: due soon, overdue, or lapsed (a correction or
    /// fee deadline passed), most urgent first; then the rest still open.
    pub fn requests_due(&self, args: wire::RequestsListArgs) -> Result<wire::Requests, ApiError> {
        let today = today_from(args.today.as_deref())?;
        self.with_store(OpenMode::Existing, |store| {
            let calendar = calendar(store)?;
            let settings = clock_settings(&store.request_settings()?);
            let mut open = Vec::new();
            for r in store.requests()? {
                if r.reply_final {
                    continue;
                }
                open.push(view::summary(&r, &calendar, &settings, today)?);
            }
            open.sort_by_key(|s| (view::urgency(&s.state), s.due_on.clone()));
            Ok(wire::Requests {
                today: today.to_string(),
                requests: open,
            })
        })
    }

    /// Everything about one application (what its screen and its letters need).
    pub fn requests_show(
        &self,
        args: wire::RequestShowArgs,
    ) -> Result<wire::RequestDetail, ApiError> {
        let id = self.request_named(&args.id)?;
        let today = today_from(args.today.as_deref())?;
        self.with_store(OpenMode::Existing, |store| {
            let calendar = calendar(store)?;
            let settings = clock_settings(&store.request_settings()?);
            view::detail(store, &calendar, &settings, id, today)
        })
    }

    /// Runs one step of the procedure: `step` gets the procedure as stored (reply left out)
    /// and the stored row, and returns the row changed; nothing is written on a refusal.
    fn request_step(
        &self,
        id: &str,
        step: impl FnOnce(
            &StoredRequest,
            Procedure,
            &Calendar,
            &ClockSettings,
        ) -> Result<(StoredRequest, Procedure), ApiError>,
    ) -> Result<wire::RequestDetail, ApiError> {
        let id = self.request_named(id)?;
        let today = Local::now().date_naive();
        self.with_store(OpenMode::Existing, |store| {
            let calendar = calendar(store)?;
            let settings = clock_settings(&store.request_settings()?);
            store.request_change(id, |before| {
                if before.reply_final {
                    return Err(ApiError::list_state(
                        "答复已定稿，不能再办理该申请的其他环节".to_owned(),
                    ));
                }
                let (changed, procedure) =
                    step(before, procedure_of(before, false)?, &calendar, &settings)?;
                Ok(with_procedure(&changed, &procedure, &calendar, &settings))
            })?;
            view::detail(store, &calendar, &settings, id, today)
        })
    }

    /// 补正: the notice (once, with its deadline and what to correct), or the correction's
    /// arrival, from which the period restarts.
    pub fn requests_correct(
        &self,
        args: wire::RequestCorrectArgs,
    ) -> Result<wire::RequestDetail, ApiError> {
        let today = Local::now().date_naive();
        if let Some(corrected) = non_blank(args.corrected_on.as_deref()) {
            let corrected_on = happened("收到补正材料日期", date("收到补正材料日期", corrected)?)?;
            return self.request_step(&args.id, |before, procedure, calendar, _| {
                covered(calendar, "收到补正材料日期", corrected_on)?;
                Ok((
                    before.clone(),
                    procedure.with_correction_received(corrected_on)?,
                ))
            });
        }
        let notice_on = happened(
            "补正通知日期",
            date_or("补正通知日期", args.notice_on.as_deref(), today)?,
        )?;
        let deadline = date(
            "补正期限",
            non_blank(args.deadline.as_deref())
                .ok_or_else(|| ApiError::invalid("请填写补正期限".to_owned()))?,
        )?;
        let items = input::required(
            input::CORRECTION_ITEMS,
            args.items.as_deref().unwrap_or_default(),
            "请写明需要补正的事项（条例第三十条：一次性告知）",
        )?;
        self.request_step(&args.id, |before, procedure, calendar, _| {
            covered(calendar, "补正通知日期", notice_on)?;
            let procedure = procedure.with_correction_notice(notice_on, deadline)?;
            let mut changed = before.clone();
            changed.correction_items = Some(items);
            Ok((changed, procedure))
        })
    }

    /// 延期: approver named, at most 20 working days, notified before the period ends.
    pub fn requests_extend(
        &self,
        args: wire::RequestExtendArgs,
    ) -> Result<wire::RequestDetail, ApiError> {
        let notice_on = happened(
            "延期告知日期",
            date_or(
                "延期告知日期",
                args.notice_on.as_deref(),
                Local::now().date_naive(),
            )?,
        )?;
        let approver = input::text(input::APPROVER, &args.approver)?;
        let reason = input::text(input::EXTENSION_REASON, &args.reason)?;
        self.request_step(&args.id, |before, procedure, calendar, settings| {
            covered(calendar, "延期告知日期", notice_on)?;
            let procedure = procedure.with_extension(
                calendar,
                settings,
                Extension {
                    approver,
                    notice_on,
                    workdays: args.workdays,
                },
            )?;
            let mut changed = before.clone();
            changed.extension_reason = Some(reason);
            Ok((changed, procedure))
        })
    }

    /// 征求意见: a consultation sent (the clock stands), or its answer.
    pub fn requests_consult(
        &self,
        args: wire::RequestConsultArgs,
    ) -> Result<wire::RequestDetail, ApiError> {
        let today = Local::now().date_naive();
        if let Some(n) = args.answer_of {
            let answered_on = happened(
                "意见答复日期",
                date_or("意见答复日期", args.answered_on.as_deref(), today)?,
            )?;
            let opinion = input::text(input::OPINION, &args.opinion)?;
            let index = usize::try_from(n.max(1) - 1).unwrap_or(usize::MAX);
            return self.request_step(&args.id, |before, procedure, calendar, _| {
                covered(calendar, "意见答复日期", answered_on)?;
                let procedure = procedure.with_consultation_answer(index, answered_on)?;
                let mut changed = before.clone();
                if let Some(c) = changed.consultations.get_mut(index) {
                    c.opinion = opinion;
                }
                Ok((changed, procedure))
            });
        }
        let party = ConsultParty::from_key(non_blank(args.party.as_deref()).ok_or_else(|| {
            ApiError::invalid("请选择征求意见的对象：第三方或其他机关".to_owned())
        })?)?;
        let party_name = input::required(
            input::PARTY_NAME,
            args.party_name.as_deref().unwrap_or_default(),
            "请填写被征求意见的第三方或机关名称",
        )?;
        let sent_on = happened(
            "征求意见日期",
            date_or("征求意见日期", args.sent_on.as_deref(), today)?,
        )?;
        self.request_step(&args.id, |before, procedure, calendar, _| {
            covered(calendar, "征求意见日期", sent_on)?;
            let procedure = procedure.with_consultation(party, sent_on)?;
            let mut changed = before.clone();
            changed.consultations.push(StoredConsultation {
                party: party.key().to_owned(),
                party_name,
                sent_on,
                answered_on: None,
                opinion: String::new(),
            });
            Ok((changed, procedure))
        })
    }

    /// 收费: the notice with the amount computed (按件 from the applicant's requests of the
    /// month, 按量 from the pages), or its payment.
    pub fn requests_fee(
        &self,
        args: wire::RequestFeeArgs,
    ) -> Result<wire::RequestDetail, ApiError> {
        let today = Local::now().date_naive();
        if let Some(paid) = non_blank(args.paid_on.as_deref()) {
            let paid_on = happened("缴费日期", date("缴费日期", paid)?)?;
            return self.request_step(&args.id, |before, procedure, calendar, _| {
                covered(calendar, "缴费日期", paid_on)?;
                Ok((before.clone(), procedure.with_fee_paid(calendar, paid_on)?))
            });
        }
        let method = FeeMethod::from_key(
            non_blank(args.method.as_deref())
                .ok_or_else(|| ApiError::invalid("请选择收费方式：按件或按量".to_owned()))?,
        )?;
        let notice_on = happened(
            "收费通知日期",
            date_or("收费通知日期", args.notice_on.as_deref(), today)?,
        )?;
        let delivered_on = happened(
            "申请人收到收费通知日期",
            date_or(
                "申请人收到收费通知日期",
                args.delivered_on.as_deref(),
                notice_on,
            )?,
        )?;
        let id = self.request_named(&args.id)?;
        let quote = match method {
            FeeMethod::PerRequest => {
                let nth = self.with_store(OpenMode::Existing, |store| {
                    Ok(store.request_month_count(id)?)
                })?;
                fee::per_request(nth)
            }
            FeeMethod::PerPage => fee::per_page(args.pages.ok_or_else(|| {
                ApiError::invalid("按量计收须填写页数（A4 及以下幅面单面为 1 页）".to_owned())
            })?),
        };
        self.request_step(&args.id, |before, procedure, calendar, _| {
            covered(calendar, "收费通知日期", notice_on)?;
            covered(calendar, "申请人收到收费通知日期", delivered_on)?;
            let procedure = procedure.with_fee_notice(FeeNotice {
                method,
                amount_fen: quote.amount_fen,
                notice_on,
                delivered_on,
                paid_on: None,
            })?;
            let mut changed = before.clone();
            changed.fee_method = Some(method.key().to_owned());
            changed.fee_amount_fen = Some(quote.amount_fen);
            changed.fee_basis = Some(quote.explanation);
            changed.fee_notice_on = Some(notice_on);
            changed.fee_delivered_on = Some(delivered_on);
            Ok((changed, procedure))
        })
    }

    /// The reply as drafted (outcome with its ground, the letter's note, the date). Changing it
    /// clears the 三审 and 保密审查 in force; it becomes final through `requests_finalize`.
    pub fn requests_reply(
        &self,
        args: wire::RequestReplyArgs,
    ) -> Result<wire::RequestDetail, ApiError> {
        let outcome = Outcome::parse(args.outcome.trim(), args.ground.as_deref())?;
        let note = input::text(input::REPLY_NOTE, &args.note)?;
        if outcome == Outcome::Other(gongkai_requests::OtherKind::Other) && note.is_empty() {
            return Err(ApiError::invalid(
                "答复结果为“其他处理（其他）”的，须写明处理情况".to_owned(),
            ));
        }
        let replied_on = happened(
            "答复日期",
            date_or(
                "答复日期",
                args.replied_on.as_deref(),
                Local::now().date_naive(),
            )?,
        )?;
        self.request_step(&args.id, |before, procedure, calendar, _| {
            covered(calendar, "答复日期", replied_on)?;
            // Judged as given, then kept as a draft until the controls pass.
            procedure
                .clone()
                .with_reply(calendar, outcome, replied_on)?;
            let mut changed = before.clone();
            changed.outcome_kind = Some(outcome.kind().to_owned());
            changed.outcome_ground = Some(outcome.ground().to_owned());
            changed.result_row = Some(outcome.row_key());
            changed.reply_note = Some(note);
            changed.replied_on = Some(replied_on);
            Ok((changed, procedure))
        })
    }

    /// A 三审 signature on the reply, by the rules of records' review.
    pub fn requests_review(
        &self,
        args: wire::RequestReviewArgs,
    ) -> Result<wire::RequestDetail, ApiError> {
        let id = self.request_named(&args.id)?;
        let today = Local::now().date_naive();
        let decided_on = date_or("审查日期", args.decided_on.as_deref(), today)?;
        let signing = Signing::parse(
            &args.stage,
            &args.person_id,
            decided_on,
            &args.opinion,
            args.passed,
        )?;
        self.with_store(OpenMode::Existing, |store| {
            signing.sign(store, Reviewed::Reply(id))?;
            let calendar = calendar(store)?;
            let settings = clock_settings(&store.request_settings()?);
            view::detail(store, &calendar, &settings, id, today)
        })
    }

    /// The reply's 保密审查, by records' checklist.
    pub fn requests_secrecy(
        &self,
        args: wire::RequestSecrecyArgs,
    ) -> Result<wire::RequestDetail, ApiError> {
        let id = self.request_named(&args.id)?;
        let today = Local::now().date_naive();
        let decided_on = date_or("保密审查日期", args.decided_on.as_deref(), today)?;
        let answers =
            SecrecyAnswers::parse(&args.reviewer_id, decided_on, &args.answers, &args.opinion)?;
        self.with_store(OpenMode::Existing, |store| {
            answers.record(store, Reviewed::Reply(id))?;
            let calendar = calendar(store)?;
            let settings = clock_settings(&store.request_settings()?);
            view::detail(store, &calendar, &settings, id, today)
        })
    }

    /// Fixes the reply as final: refused, with every reason, until 三审 and 保密审查 passed (the
    /// database refuses it too).
    pub fn requests_finalize(&self, args: wire::IdArgs) -> Result<wire::RequestDetail, ApiError> {
        let id = self.request_named(&args.id)?;
        let today = Local::now().date_naive();
        self.with_store(OpenMode::Existing, |store| {
            let request = store.request(id)?;
            if request.outcome_kind.is_none() {
                return Err(ApiError::list_state("尚未拟定答复，不能定稿".to_owned()));
            }
            let standing = view::reply_blockers(store, id)?;
            if !standing.is_empty() {
                return Err(ApiError::list_state(format!(
                    "答复还不能定稿：{}",
                    standing.join("；")
                )));
            }
            store.request_finalize(id)?;
            let calendar = calendar(store)?;
            let settings = clock_settings(&store.request_settings()?);
            view::detail(store, &calendar, &settings, id, today)
        })
    }

    /// 送达 of the final reply: how and when.
    pub fn requests_deliver(
        &self,
        args: wire::RequestDeliverArgs,
    ) -> Result<wire::RequestDetail, ApiError> {
        let id = self.request_named(&args.id)?;
        let today = Local::now().date_naive();
        let method = input::required(input::DELIVERY, &args.method, "请填写送达方式")?;
        let delivered_on = happened(
            "送达日期",
            date_or("送达日期", args.delivered_on.as_deref(), today)?,
        )?;
        self.with_store(OpenMode::Existing, |store| {
            let calendar = calendar(store)?;
            let settings = clock_settings(&store.request_settings()?);
            store.request_change(id, |before| {
                let Some(replied_on) = before.replied_on.filter(|_| before.reply_final) else {
                    return Err(ApiError::list_state(
                        "答复尚未定稿（须完成三审和保密审查），不能送达".to_owned(),
                    ));
                };
                if delivered_on < replied_on {
                    return Err(ApiError::invalid(format!(
                        "送达日期 {delivered_on} 早于答复日期 {replied_on}"
                    )));
                }
                let mut changed = before.clone();
                changed.delivery_method = Some(method);
                changed.delivered_on = Some(delivered_on);
                Ok(changed)
            })?;
            view::detail(store, &calendar, &settings, id, today)
        })
    }

    /// Attaches a scan of the application or the ID; kept in the database, never synced.
    pub fn requests_attach(
        &self,
        args: wire::RequestAttachArgs,
    ) -> Result<wire::RequestDetail, ApiError> {
        let id = self.request_named(&args.id)?;
        let role = view::attachment_role(args.role.trim())?;
        let (file, content) = read_attachment(&args.path)?;
        if content.is_empty() {
            return Err(ApiError::invalid(format!(
                "附件“{}”是空文件",
                args.path.trim()
            )));
        }
        let today = Local::now().date_naive();
        self.with_store(OpenMode::Existing, |store| {
            store.request_attach(
                id,
                &StoredRequestAttachment {
                    id: file.id,
                    role: role.to_owned(),
                    // A scan of an ID card is often saved under the holder's number, which
                    // is kept only as a hash and masked.
                    file_name: crate::pii::masked_if_id(file.file_name),
                    sha256: file.sha256,
                    size: file.size,
                },
                &content,
            )?;
            let calendar = calendar(store)?;
            let settings = clock_settings(&store.request_settings()?);
            view::detail(store, &calendar, &settings, id, today)
        })
    }

    pub fn requests_attachment_save(
        &self,
        args: wire::RequestAttachmentSaveArgs,
    ) -> Result<wire::ExportResult, ApiError> {
        let id: RowId = args.id.trim().parse()?;
        let (_, content) = self.with_store(OpenMode::Existing, |store| {
            Ok(store.request_attachment_content(id)?)
        })?;
        std::fs::write(&args.out, content)
            .map_err(|e| ApiError::export(&args.out, &e.to_string()))?;
        Ok(wire::ExportResult { path: args.out })
    }

    /// Art. 44: applications by several applicants for the same information.
    pub fn requests_repeated(&self, _: wire::NoArgs) -> Result<wire::RepeatedRequests, ApiError> {
        self.with_store(OpenMode::Existing, |store| {
            Ok(wire::RepeatedRequests {
                groups: store
                    .requests_repeated()?
                    .into_iter()
                    .map(|g| wire::RepeatedRequestGroup {
                        subject: g.subject,
                        request_ids: g.request_ids.iter().map(ToString::to_string).collect(),
                        applicants: g.applicants,
                        record_id: g.record_id.map(|r| r.to_string()),
                    })
                    .collect(),
            })
        })
    }

    /// Art. 44: turns the information several applicants asked for into a proactive record (a
    /// draft that goes through 三审, 保密审查 and 发布 as every record does), linked to them.
    pub fn requests_make_proactive(
        &self,
        args: wire::RequestsProactiveArgs,
    ) -> Result<wire::RecordDetail, ApiError> {
        let ids = args
            .request_ids
            .iter()
            .map(|id| id.trim().parse::<RowId>())
            .collect::<Result<Vec<_>, _>>()?;
        if ids.len() < 2 {
            return Err(ApiError::invalid(
                "转为主动公开须至少选择两位申请人对同一信息的申请（条例第四十四条）".to_owned(),
            ));
        }
        let decided_on = date_or(
            "决定日期",
            args.decided_on.as_deref(),
            Local::now().date_naive(),
        )?;
        self.with_store(OpenMode::Existing, |store| {
            let record = crate::records::record_to_save(
                store,
                wire::RecordInput {
                    id: None,
                    item_key: args.item_key,
                    title: args.title,
                    doc_number: None,
                    formed_on: decided_on.to_string(),
                    body: args.body,
                    channels: args.channels,
                    attribute: "proactive".to_owned(),
                    ground: None,
                    attribute_reason: None,
                    redacted: false,
                    redaction_removed: None,
                    redaction_why: None,
                    time_limit_days: None,
                },
            )?;
            store.requests_make_proactive(&record, &ids, decided_on)?;
            crate::records::detail(store, record.id)
        })
    }

    pub fn requests_settings_get(
        &self,
        _: wire::NoArgs,
    ) -> Result<wire::RequestSettingsInput, ApiError> {
        self.with_store(OpenMode::Existing, |store| {
            Ok(view::settings(&store.request_settings()?))
        })
    }

    pub fn requests_settings_save(
        &self,
        input: wire::RequestSettingsInput,
    ) -> Result<wire::RequestSettingsInput, ApiError> {
        if input.due_soon_workdays > 20 {
            return Err(ApiError::invalid(
                "“即将到期”提前量应在 0 至 20 个工作日之间".to_owned(),
            ));
        }
        self.with_store(OpenMode::Existing, |store| {
            store.set_request_settings(&RequestSettings {
                due_soon_workdays: input.due_soon_workdays,
                fee_pauses_clock: input.fee_pauses_clock,
                extension_notice_within_period: input.extension_notice_within_period,
                review_body: input::text(input::REVIEW_BODY, &input.review_body)?,
                court: input::text(input::COURT, &input.court)?,
            })?;
            Ok(view::settings(&store.request_settings()?))
        })
    }
}
