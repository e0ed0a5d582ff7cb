//! The reply clock of a request (条例第三十条、第三十二条至第三十四条, 国办函〔2020〕109号).
//!
//! A [`Procedure`] is what happened so far: receipt, the one 补正 notice and the correction,
//! the one extension, consultations, the fee notice and payment, the reply. Each step is added
//! through a `with_*` method that refuses it, in Chinese and naming the dates, when it does not
//! fit what came before; nothing is kept of a refused step. [`Procedure::clock`] counts the
//! reply due date day by day on the official calendar (refusing a year whose holiday notice it
//! does not hold) and explains it; [`Procedure::state`] says where the request stands on a day.

use chrono::NaiveDate;
use gongkai_calendar::{Calendar, CalendarError, DayKind};

use crate::fee::FeeMethod;
use crate::{OtherKind, Outcome, RequestError, UnableKind};

/// 第三十三条第二款: 20 working days from receipt.
pub const REPLY_WORKDAYS: u32 = 20;
/// 第三十条: the 补正 notice goes out once, within 7 working days of receipt.
pub const CORRECTION_NOTICE_WORKDAYS: u32 = 7;
/// 第三十三条第二款: an extension of at most 20 working days.
pub const MAX_EXTENSION_WORKDAYS: u32 = 20;
/// 第三十二条、第三十四条: a third party or another agency has 15 working days to answer.
pub const CONSULTATION_WORKDAYS: u32 = 15;
/// 国办函〔2020〕109号: the fee is paid within 20 working days from the day after the notice
/// reached the applicant.
pub const FEE_PAYMENT_WORKDAYS: u32 = 20;

/// The township's choices on points the 条例 leaves open ([M] in the domain notes), with the
/// common default.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ClockSettings {
    /// Within this many working days of its due date an open request is "due soon".
    pub due_soon_workdays: u32,
    /// Whether the time from the fee notice to payment is left out of the reply period, as
    /// 国办函〔2020〕109号 is commonly applied.
    pub fee_pauses_clock: bool,
    /// Whether the extension must be notified before the first period ends (practice).
    pub extension_notice_within_period: bool,
}

impl Default for ClockSettings {
    fn default() -> Self {
        ClockSettings {
            due_soon_workdays: 5,
            fee_pauses_clock: true,
            extension_notice_within_period: true,
        }
    }
}

/// 补正: the notice (date, deadline given) and, once it arrives, the corrected application.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Correction {
    pub notice_on: NaiveDate,
    pub deadline: NaiveDate,
    pub corrected_on: Option<NaiveDate>,
}

/// 延期: approved by the head of the 公开工作机构 and notified to the applicant.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Extension {
    pub approver: String,
    pub notice_on: NaiveDate,
    pub workdays: u32,
}

/// Who is consulted: a third party (第三十二条) or another agency (第三十四条).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ConsultParty {
    ThirdParty,
    OtherAgency,
}

impl ConsultParty {
    pub const ALL: [ConsultParty; 2] = [ConsultParty::ThirdParty, ConsultParty::OtherAgency];

    pub fn key(self) -> &'static str {
        match self {
            ConsultParty::ThirdParty => "third_party",
            ConsultParty::OtherAgency => "other_agency",
        }
    }

    pub fn from_key(key: &str) -> Result<ConsultParty, RequestError> {
        ConsultParty::ALL
            .into_iter()
            .find(|p| p.key() == key)
            .ok_or_else(|| RequestError::Unknown {
                what: "征求意见对象",
                value: key.to_owned(),
            })
    }

    pub fn label(self) -> &'static str {
        match self {
            ConsultParty::ThirdParty => "征求第三方意见（条例第三十二条）",
            ConsultParty::OtherAgency => "征求其他机关意见（条例第三十四条）",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Consultation {
    pub party: ConsultParty,
    pub sent_on: NaiveDate,
    pub answered_on: Option<NaiveDate>,
}

/// The 信息处理费 notice: sent, received by the applicant, paid.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FeeNotice {
    pub method: FeeMethod,
    pub amount_fen: i64,
    pub notice_on: NaiveDate,
    pub delivered_on: NaiveDate,
    pub paid_on: Option<NaiveDate>,
}

/// What has happened to a request so far.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Procedure {
    pub received_on: NaiveDate,
    pub correction: Option<Correction>,
    pub extension: Option<Extension>,
    pub consultations: Vec<Consultation>,
    pub fee: Option<FeeNotice>,
    pub reply: Option<(Outcome, NaiveDate)>,
}

/// One day walked by the reply clock.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClockDay {
    pub date: NaiveDate,
    pub kind: DayKind,
    /// Left out of the period by a consultation or the fee (its Chinese name).
    pub suspended_by: Option<String>,
    pub workdays_so_far: u32,
}

/// The reply due date of a request and how it was reached.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReplyClock {
    /// The day the period runs from (receipt, or the corrected application's arrival).
    pub start: NaiveDate,
    /// 20, plus the extension.
    pub workdays: u32,
    /// None while a 补正 notice waits for the correction: the period restarts when it comes.
    pub due_on: Option<NaiveDate>,
    /// The last day for the 补正 notice.
    pub correction_notice_due: NaiveDate,
    /// Every day after `start` up to `due_on`.
    pub days: Vec<ClockDay>,
    /// The count in Chinese, one line per step.
    pub explanation: Vec<String>,
    pub calendar_version: String,
}

/// Where a request stands on a day.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DueState {
    /// Answered on or before its due date.
    Answered,
    /// Answered this many working days after its due date.
    AnsweredLate {
        workdays: i64,
    },
    OnTime {
        workdays_left: i64,
    },
    DueSoon {
        workdays_left: i64,
    },
    Overdue {
        workdays: i64,
    },
    /// The clock stands: waiting for the correction, a consultation or the fee, until `until`.
    Suspended {
        reason: String,
        until: NaiveDate,
    },
    /// The applicant let the correction or fee deadline pass: to be closed as 其他处理.
    Lapsed {
        outcome: Outcome,
        deadline: NaiveDate,
    },
}

impl DueState {
    pub fn key(&self) -> &'static str {
        match self {
            DueState::Answered => "answered",
            DueState::AnsweredLate { .. } => "answered_late",
            DueState::OnTime { .. } => "on_time",
            DueState::DueSoon { .. } => "due_soon",
            DueState::Overdue { .. } => "overdue",
            DueState::Suspended { .. } => "suspended",
            DueState::Lapsed { .. } => "lapsed",
        }
    }

    pub fn label(&self) -> String {
        match self {
            DueState::Answered => "已按期答复".to_owned(),
            DueState::AnsweredLate { workdays } => format!("逾期 {workdays} 个工作日答复"),
            DueState::OnTime { workdays_left } => {
                format!("办理中（剩余 {workdays_left} 个工作日）")
            }
            DueState::DueSoon { workdays_left: 0 } => "今日到期".to_owned(),
            DueState::DueSoon { workdays_left } => {
                format!("即将到期（剩余 {workdays_left} 个工作日）")
            }
            DueState::Overdue { workdays } => format!("已逾期 {workdays} 个工作日"),
            DueState::Suspended { reason, until } => format!("中止计时：{reason}（至 {until}）"),
            DueState::Lapsed { outcome, deadline } => {
                format!("{deadline} 已过期限，可按“{}”答复", outcome.label())
            }
        }
    }

    /// Whether the clerk has something to do about it soon (the 待办 home).
    pub fn needs_attention(&self) -> bool {
        matches!(
            self,
            DueState::DueSoon { .. } | DueState::Overdue { .. } | DueState::Lapsed { .. }
        )
    }
}

fn out_of_order(message: String) -> RequestError {
    RequestError::OutOfOrder(message)
}

/// `calendar.add_workdays`, refusing a year the calendar does not hold.
fn add(calendar: &Calendar, start: NaiveDate, n: u32) -> Result<NaiveDate, RequestError> {
    Ok(calendar.add_workdays(start, n)?)
}

fn not_covered(calendar: &Calendar, date: NaiveDate) -> RequestError {
    use chrono::Datelike;
    let years = calendar.covered_years();
    RequestError::Calendar(CalendarError::YearNotCovered {
        year: date.year(),
        first: *years.start(),
        last: *years.end(),
    })
}

/// A stretch of days `(after, through]` left out of the period.
struct Pause {
    after: NaiveDate,
    through: NaiveDate,
    what: String,
    open: bool,
}

impl Procedure {
    pub fn received(received_on: NaiveDate) -> Procedure {
        Procedure {
            received_on,
            correction: None,
            extension: None,
            consultations: Vec::new(),
            fee: None,
            reply: None,
        }
    }

    fn refuse_if_replied(&self, what: &str) -> Result<(), RequestError> {
        match self.reply {
            Some((_, on)) => Err(RequestError::Invalid(format!(
                "该申请已于 {on} 答复，不能再{what}"
            ))),
            None => Ok(()),
        }
    }

    /// The day the period runs from: the corrected application's arrival, or receipt.
    pub fn start(&self) -> NaiveDate {
        self.correction
            .as_ref()
            .and_then(|c| c.corrected_on)
            .unwrap_or(self.received_on)
    }

    /// 补正通知: once (第三十条 “一次性告知”), on or after receipt, with a deadline after it.
    pub fn with_correction_notice(
        mut self,
        notice_on: NaiveDate,
        deadline: NaiveDate,
    ) -> Result<Procedure, RequestError> {
        self.refuse_if_replied("发出补正通知")?;
        if let Some(c) = &self.correction {
            return Err(RequestError::Invalid(format!(
                "已于 {} 发出补正通知：补正须一次性告知（条例第三十条），不能再次通知",
                c.notice_on
            )));
        }
        if notice_on < self.received_on {
            return Err(out_of_order(format!(
                "补正通知日期 {notice_on} 早于收到申请日期 {}",
                self.received_on
            )));
        }
        if deadline <= notice_on {
            return Err(out_of_order(format!(
                "补正期限 {deadline} 须晚于补正通知日期 {notice_on}"
            )));
        }
        self.correction = Some(Correction {
            notice_on,
            deadline,
            corrected_on: None,
        });
        Ok(self)
    }

    /// The corrected application arrived: the period restarts from that day.
    pub fn with_correction_received(
        mut self,
        corrected_on: NaiveDate,
    ) -> Result<Procedure, RequestError> {
        self.refuse_if_replied("登记补正")?;
        let Some(correction) = self.correction.as_mut() else {
            return Err(RequestError::Invalid(
                "尚未发出补正通知，不能登记补正材料".to_owned(),
            ));
        };
        if let Some(on) = correction.corrected_on {
            return Err(RequestError::Invalid(format!("已于 {on} 收到补正材料")));
        }
        if corrected_on < correction.notice_on {
            return Err(out_of_order(format!(
                "补正材料收到日期 {corrected_on} 早于补正通知日期 {}",
                correction.notice_on
            )));
        }
        if corrected_on > correction.deadline {
            return Err(RequestError::Invalid(format!(
                "补正材料 {corrected_on} 收到时已过补正期限 {}：无正当理由逾期不补正的，视为放弃申请（条例第三十条），应按“{}”答复",
                correction.deadline,
                Outcome::Other(OtherKind::CorrectionOverdue).label()
            )));
        }
        correction.corrected_on = Some(corrected_on);
        Ok(self)
    }

    /// 延期: once, named approver, at most 20 working days, notified (by default) before the
    /// first period ends.
    pub fn with_extension(
        mut self,
        calendar: &Calendar,
        settings: &ClockSettings,
        extension: Extension,
    ) -> Result<Procedure, RequestError> {
        self.refuse_if_replied("延期")?;
        // While a correction is awaited no period runs: there is nothing to extend yet.
        if let Some(c) = self
            .correction
            .as_ref()
            .filter(|c| c.corrected_on.is_none())
        {
            return Err(RequestError::Invalid(format!(
                "补正通知已于 {} 发出，补正材料尚未收到：答复期限自收到补正之日起才重新计算，此时不能延期（条例第三十条、第三十三条第二款）",
                c.notice_on
            )));
        }
        if let Some(e) = &self.extension {
            return Err(RequestError::Invalid(format!(
                "已于 {} 延期 {} 个工作日，延长答复期限只能一次（条例第三十三条第二款）",
                e.notice_on, e.workdays
            )));
        }
        if extension.approver.trim().is_empty() {
            return Err(RequestError::Invalid(
                "延期须经政府信息公开工作机构负责人同意：请填写审批人（条例第三十三条第二款）"
                    .to_owned(),
            ));
        }
        if extension.workdays == 0 || extension.workdays > MAX_EXTENSION_WORKDAYS {
            return Err(RequestError::Invalid(format!(
                "延长的期限最长不得超过 {MAX_EXTENSION_WORKDAYS} 个工作日（条例第三十三条第二款），填写的是 {} 个工作日",
                extension.workdays
            )));
        }
        if extension.notice_on < self.start() {
            return Err(out_of_order(format!(
                "延期告知日期 {} 早于答复期限起算日 {}",
                extension.notice_on,
                self.start()
            )));
        }
        if settings.extension_notice_within_period
            && let Some(due) = self.clock_with(calendar, settings)?.due_on
            && extension.notice_on > due
        {
            return Err(out_of_order(format!(
                "延期告知日期 {} 晚于原答复期限 {due}：延期须在答复期限届满前告知申请人",
                extension.notice_on
            )));
        }
        self.extension = Some(extension);
        Ok(self)
    }

    /// A consultation sent: the clock stands until the answer, at most 15 working days.
    pub fn with_consultation(
        mut self,
        party: ConsultParty,
        sent_on: NaiveDate,
    ) -> Result<Procedure, RequestError> {
        self.refuse_if_replied("征求意见")?;
        if sent_on < self.received_on {
            return Err(out_of_order(format!(
                "征求意见日期 {sent_on} 早于收到申请日期 {}",
                self.received_on
            )));
        }
        self.consultations.push(Consultation {
            party,
            sent_on,
            answered_on: None,
        });
        Ok(self)
    }

    /// The answer to consultation `index` (in the order sent).
    pub fn with_consultation_answer(
        mut self,
        index: usize,
        answered_on: NaiveDate,
    ) -> Result<Procedure, RequestError> {
        self.refuse_if_replied("登记意见答复")?;
        let Some(consultation) = self.consultations.get_mut(index) else {
            return Err(RequestError::Invalid(format!(
                "没有第 {} 次征求意见",
                index + 1
            )));
        };
        if let Some(on) = consultation.answered_on {
            return Err(RequestError::Invalid(format!("该次征求意见已于 {on} 答复")));
        }
        if answered_on < consultation.sent_on {
            return Err(out_of_order(format!(
                "意见答复日期 {answered_on} 早于征求意见日期 {}",
                consultation.sent_on
            )));
        }
        consultation.answered_on = Some(answered_on);
        Ok(self)
    }

    /// The 信息处理费 notice: once, sent after receipt, reaching the applicant after it was sent.
    pub fn with_fee_notice(mut self, fee: FeeNotice) -> Result<Procedure, RequestError> {
        self.refuse_if_replied("发出收费通知")?;
        if self.fee.is_some() {
            return Err(RequestError::Invalid("该申请已发出收费通知".to_owned()));
        }
        if fee.amount_fen <= 0 {
            return Err(RequestError::Invalid(
                "收费金额为零，无需发出收费通知".to_owned(),
            ));
        }
        if fee.notice_on < self.start() {
            return Err(out_of_order(format!(
                "收费通知日期 {} 早于答复期限起算日 {}",
                fee.notice_on,
                self.start()
            )));
        }
        if fee.delivered_on < fee.notice_on {
            return Err(out_of_order(format!(
                "申请人收到收费通知的日期 {} 早于发出日期 {}",
                fee.delivered_on, fee.notice_on
            )));
        }
        self.fee = Some(FeeNotice {
            paid_on: None,
            ..fee
        });
        Ok(self)
    }

    /// The last day to pay: 20 working days from the day after the notice reached the applicant.
    pub fn fee_due(&self, calendar: &Calendar) -> Result<Option<NaiveDate>, RequestError> {
        self.fee
            .as_ref()
            .map(|f| add(calendar, f.delivered_on, FEE_PAYMENT_WORKDAYS))
            .transpose()
    }

    pub fn with_fee_paid(
        mut self,
        calendar: &Calendar,
        paid_on: NaiveDate,
    ) -> Result<Procedure, RequestError> {
        self.refuse_if_replied("登记缴费")?;
        let due = self.fee_due(calendar)?;
        let (Some(fee), Some(due)) = (self.fee.as_mut(), due) else {
            return Err(RequestError::Invalid(
                "尚未发出收费通知，不能登记缴费".to_owned(),
            ));
        };
        if paid_on < fee.delivered_on {
            return Err(out_of_order(format!(
                "缴费日期 {paid_on} 早于申请人收到收费通知的日期 {}",
                fee.delivered_on
            )));
        }
        if paid_on > due {
            return Err(RequestError::Invalid(format!(
                "缴费日期 {paid_on} 已过缴费期限 {due}：逾期未缴纳的视为放弃申请，应按“{}”答复",
                Outcome::Other(OtherKind::FeeUnpaid).label()
            )));
        }
        fee.paid_on = Some(paid_on);
        Ok(self)
    }

    /// The reply: not before receipt (or the correction), and an outcome that fits what
    /// happened (逾期不补正 only after the correction deadline passed unanswered, 未缴费 only
    /// after the fee's own period, 补正后仍不明确 only after a correction).
    pub fn with_reply(
        mut self,
        calendar: &Calendar,
        outcome: Outcome,
        replied_on: NaiveDate,
    ) -> Result<Procedure, RequestError> {
        self.refuse_if_replied("答复")?;
        if replied_on < self.received_on {
            return Err(out_of_order(format!(
                "答复日期 {replied_on} 早于收到申请日期 {}",
                self.received_on
            )));
        }
        let correction = self.correction.as_ref();
        match outcome {
            Outcome::Other(OtherKind::CorrectionOverdue) => match correction {
                None => {
                    return Err(RequestError::Invalid(
                        "未发出补正通知，不能按逾期不补正处理".to_owned(),
                    ));
                }
                Some(c) if c.corrected_on.is_some() => {
                    return Err(RequestError::Invalid(
                        "申请人已补正，不能按逾期不补正处理".to_owned(),
                    ));
                }
                Some(c) if replied_on <= c.deadline => {
                    return Err(out_of_order(format!(
                        "补正期限 {} 尚未届满（答复日期 {replied_on}），不能按逾期不补正处理",
                        c.deadline
                    )));
                }
                Some(_) => {}
            },
            Outcome::Unable(UnableKind::UnclearAfterCorrection)
                if correction.and_then(|c| c.corrected_on).is_none() =>
            {
                return Err(RequestError::Invalid(
                    "申请人尚未补正，不能按“补正后申请内容仍不明确”答复".to_owned(),
                ));
            }
            _ => {
                if let Some(c) = correction {
                    match c.corrected_on {
                        None => {
                            return Err(RequestError::Invalid(format!(
                                "已发出补正通知，尚未收到补正材料（补正期限 {}）：请先登记补正，或期限届满后按逾期不补正答复",
                                c.deadline
                            )));
                        }
                        Some(on) if replied_on < on => {
                            return Err(out_of_order(format!(
                                "答复日期 {replied_on} 早于收到补正材料日期 {on}"
                            )));
                        }
                        Some(_) => {}
                    }
                }
            }
        }
        let fee_due = self.fee_due(calendar)?;
        if let (Some(fee), Some(due)) = (&self.fee, fee_due) {
            let unpaid = fee.paid_on.is_none();
            if outcome == Outcome::Other(OtherKind::FeeUnpaid) {
                if !unpaid {
                    return Err(RequestError::Invalid(
                        "申请人已缴费，不能按逾期未缴费处理".to_owned(),
                    ));
                }
                if replied_on <= due {
                    return Err(out_of_order(format!(
                        "缴费期限 {due} 尚未届满（答复日期 {replied_on}），不能按逾期未缴费处理"
                    )));
                }
            } else if unpaid && outcome.discloses() {
                return Err(RequestError::Invalid(format!(
                    "信息处理费尚未缴纳（缴费期限 {due}）：缴费后再答复，或期限届满后按逾期未缴费答复"
                )));
            }
        } else if outcome == Outcome::Other(OtherKind::FeeUnpaid) {
            return Err(RequestError::Invalid(
                "未发出收费通知，不能按逾期未缴费处理".to_owned(),
            ));
        }
        self.reply = Some((outcome, replied_on));
        Ok(self)
    }

    /// The stretches left out of the period: consultations (to the answer, at most their 15
    /// working days) and, when the township counts it so, the fee (to payment, at most its 20).
    fn pauses(&self, calendar: &Calendar, fee_pauses: bool) -> Result<Vec<Pause>, RequestError> {
        let mut pauses = Vec::new();
        for c in &self.consultations {
            let limit = add(calendar, c.sent_on, CONSULTATION_WORKDAYS)?;
            let through = c.answered_on.map_or(limit, |a| a.min(limit));
            pauses.push(Pause {
                after: c.sent_on,
                through,
                what: c.party.label().to_owned(),
                open: c.answered_on.is_none(),
            });
        }
        if fee_pauses && let (Some(fee), Some(due)) = (&self.fee, self.fee_due(calendar)?) {
            pauses.push(Pause {
                after: fee.notice_on,
                through: fee.paid_on.map_or(due, |p| p.min(due)),
                what: "收费通知至缴费期间（国办函〔2020〕109号）".to_owned(),
                open: fee.paid_on.is_none(),
            });
        }
        Ok(pauses)
    }

    /// The reply due date, counted from the start day by day: working days of the official
    /// calendar, less the days a consultation (or the fee) held the clock.
    pub fn clock(&self, calendar: &Calendar) -> Result<ReplyClock, RequestError> {
        self.clock_with(calendar, &ClockSettings::default())
    }

    pub fn clock_with(
        &self,
        calendar: &Calendar,
        settings: &ClockSettings,
    ) -> Result<ReplyClock, RequestError> {
        let correction_notice_due = add(calendar, self.received_on, CORRECTION_NOTICE_WORKDAYS)?;
        let start = self.start();
        let extension = self.extension.as_ref().map_or(0, |e| e.workdays);
        let workdays = REPLY_WORKDAYS + extension;
        let mut explanation = vec![format!(
            "{} 收到申请；补正须在 {correction_notice_due} 前一次性告知（收到申请后 {CORRECTION_NOTICE_WORKDAYS} 个工作日内，条例第三十条）",
            self.received_on
        )];
        let mut clock = ReplyClock {
            start,
            workdays,
            due_on: None,
            correction_notice_due,
            days: Vec::new(),
            explanation: Vec::new(),
            calendar_version: calendar.version().to_owned(),
        };
        if let Some(c) = &self.correction {
            let late = if c.notice_on > correction_notice_due {
                "（晚于 7 个工作日的告知期限）"
            } else {
                ""
            };
            explanation.push(format!(
                "{} 发出补正通知{late}，补正期限 {}",
                c.notice_on, c.deadline
            ));
            match c.corrected_on {
                Some(on) => explanation.push(format!(
                    "{on} 收到补正材料，答复期限自该日重新计算（条例第三十条）"
                )),
                None => {
                    explanation
                        .push("尚未收到补正材料：答复期限自收到补正材料之日起重新计算".to_owned());
                    clock.explanation = explanation;
                    return Ok(clock);
                }
            }
        }
        if let Some(e) = &self.extension {
            explanation.push(format!(
                "{} 经{}同意延期 {} 个工作日并告知申请人（条例第三十三条第二款）",
                e.notice_on, e.approver, e.workdays
            ));
        }
        let pauses = self.pauses(calendar, settings.fee_pauses_clock)?;
        let mut date = start;
        let mut counted = 0;
        while counted < workdays {
            date = date.succ_opt().ok_or_else(|| not_covered(calendar, date))?;
            if !calendar.covers(date) {
                return Err(not_covered(calendar, date));
            }
            let kind = calendar.day_kind(date);
            let suspended_by = pauses
                .iter()
                .find(|p| p.after < date && date <= p.through)
                .map(|p| p.what.clone());
            if kind.is_workday() && suspended_by.is_none() {
                counted += 1;
            }
            clock.days.push(ClockDay {
                date,
                kind,
                suspended_by,
                workdays_so_far: counted,
            });
        }
        for p in &pauses {
            let held = clock
                .days
                .iter()
                .filter(|d| d.kind.is_workday() && d.suspended_by.as_deref() == Some(&p.what))
                .filter(|d| p.after < d.date && d.date <= p.through)
                .count();
            let until = if p.open {
                format!("尚未答复，暂按期限 {} 计", p.through)
            } else {
                format!("至 {}", p.through)
            };
            explanation.push(format!(
                "{} {}，{until}，其间 {held} 个工作日不计入答复期限（条例第三十三条第三款）",
                p.after, p.what
            ));
        }
        let holidays = clock
            .days
            .iter()
            .filter(|d| matches!(d.kind, DayKind::Holiday { .. }))
            .count();
        let make_up = clock
            .days
            .iter()
            .filter(|d| matches!(d.kind, DayKind::MakeUpWorkday { .. }))
            .count();
        explanation.push(format!(
            "自 {start} 次日起计 {workdays} 个工作日（跳过法定节假日 {holidays} 天，计入调休上班日 {make_up} 天），答复期限为 {date}（日历版本 {}）",
            calendar.version()
        ));
        clock.due_on = Some(date);
        clock.explanation = explanation;
        Ok(clock)
    }

    /// Where the request stands on `today`.
    pub fn state(
        &self,
        calendar: &Calendar,
        settings: &ClockSettings,
        today: NaiveDate,
    ) -> Result<DueState, RequestError> {
        let clock = self.clock_with(calendar, settings)?;
        if let Some((_, replied_on)) = self.reply {
            return Ok(match clock.due_on {
                Some(due) if replied_on > due => DueState::AnsweredLate {
                    workdays: calendar.workdays_between(due, replied_on)?,
                },
                _ => DueState::Answered,
            });
        }
        if let Some(c) = &self.correction
            && c.corrected_on.is_none()
        {
            return Ok(if today > c.deadline {
                DueState::Lapsed {
                    outcome: Outcome::Other(OtherKind::CorrectionOverdue),
                    deadline: c.deadline,
                }
            } else {
                DueState::Suspended {
                    reason: "等待申请人补正".to_owned(),
                    until: c.deadline,
                }
            });
        }
        if let (Some(fee), Some(due)) = (&self.fee, self.fee_due(calendar)?)
            && fee.paid_on.is_none()
        {
            if today > due {
                return Ok(DueState::Lapsed {
                    outcome: Outcome::Other(OtherKind::FeeUnpaid),
                    deadline: due,
                });
            }
            if settings.fee_pauses_clock && today > fee.notice_on {
                return Ok(DueState::Suspended {
                    reason: "等待申请人缴纳信息处理费".to_owned(),
                    until: due,
                });
            }
        }
        for p in self.pauses(calendar, false)? {
            if p.open && p.after < today && today <= p.through {
                return Ok(DueState::Suspended {
                    reason: p.what,
                    until: p.through,
                });
            }
        }
        let Some(due) = clock.due_on else {
            return Err(RequestError::Invalid("答复期限无法计算".to_owned()));
        };
        Ok(if today > due {
            DueState::Overdue {
                workdays: calendar.workdays_between(due, today)?,
            }
        } else {
            let left = calendar.workdays_between(today, due)?;
            if left <= i64::from(settings.due_soon_workdays) {
                DueState::DueSoon {
                    workdays_left: left,
                }
            } else {
                DueState::OnTime {
                    workdays_left: left,
                }
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::DenialGround;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("date")
    }

    fn calendar() -> Calendar {
        Calendar::official().expect("bundled calendar")
    }

    fn due(p: &Procedure) -> NaiveDate {
        p.clock(&calendar()).expect("clock").due_on.expect("due")
    }

    #[test]
    fn twenty_working_days_over_spring_festival_2025_use_both_make_up_days() {
        // 春节 1/28–2/4 off; Sunday 1/26 and Saturday 2/8 worked.
        let p = Procedure::received(date(2025, 1, 20));
        let clock = p.clock(&calendar()).expect("clock");
        assert_eq!(clock.due_on, Some(date(2025, 2, 21)));
        assert_eq!(clock.correction_notice_due, date(2025, 2, 5));
        let make_up: Vec<_> = clock
            .days
            .iter()
            .filter(|d| matches!(d.kind, DayKind::MakeUpWorkday { .. }))
            .map(|d| d.date)
            .collect();
        assert_eq!(make_up, [date(2025, 1, 26), date(2025, 2, 8)]);
        let last = clock.explanation.last().expect("line");
        assert!(
            last.contains("2025-02-21") && last.contains("跳过法定节假日 8 天"),
            "{last}"
        );
    }

    #[test]
    fn a_correction_restarts_the_period_on_the_day_it_arrives() {
        let p = Procedure::received(date(2025, 1, 20))
            .with_correction_notice(date(2025, 1, 22), date(2025, 2, 14))
            .expect("notice");
        let clock = p.clock(&calendar()).expect("clock");
        assert_eq!(clock.due_on, None);
        let cal = calendar();
        let settings = ClockSettings::default();
        assert_eq!(
            p.state(&cal, &settings, date(2025, 2, 1))
                .expect("state")
                .key(),
            "suspended"
        );
        assert_eq!(
            p.state(&cal, &settings, date(2025, 2, 17)).expect("state"),
            DueState::Lapsed {
                outcome: Outcome::Other(OtherKind::CorrectionOverdue),
                deadline: date(2025, 2, 14)
            }
        );
        // No period runs while the correction is awaited, so none can be extended.
        let awaited = p.clone().with_extension(
            &cal,
            &settings,
            Extension {
                approver: "李主任".to_owned(),
                notice_on: date(2025, 2, 5),
                workdays: 10,
            },
        );
        assert!(
            matches!(&awaited, Err(RequestError::Invalid(m)) if m.contains("补正材料尚未收到")),
            "{awaited:?}"
        );
        let corrected = p
            .clone()
            .with_correction_received(date(2025, 2, 10))
            .expect("ok");
        assert_eq!(due(&corrected), date(2025, 3, 10));
        // Refusals: before the notice, twice, after the deadline.
        assert!(matches!(
            p.clone().with_correction_received(date(2025, 1, 21)),
            Err(RequestError::OutOfOrder(_))
        ));
        assert!(
            p.clone()
                .with_correction_received(date(2025, 2, 17))
                .is_err()
        );
        assert!(
            corrected
                .clone()
                .with_correction_notice(date(2025, 2, 11), date(2025, 2, 20))
                .is_err()
        );
        assert!(
            Procedure::received(date(2025, 1, 20))
                .with_correction_received(date(2025, 1, 22))
                .is_err()
        );
        // 逾期不补正 only after the deadline; any other reply waits for the correction.
        assert!(
            p.clone()
                .with_reply(
                    &cal,
                    Outcome::Other(OtherKind::CorrectionOverdue),
                    date(2025, 2, 14)
                )
                .is_err()
        );
        assert!(
            p.clone()
                .with_reply(
                    &cal,
                    Outcome::Other(OtherKind::CorrectionOverdue),
                    date(2025, 2, 17)
                )
                .is_ok()
        );
        assert!(
            p.with_reply(
                &cal,
                Outcome::Granted(crate::GrantBasis::Disclosed),
                date(2025, 2, 17)
            )
            .is_err()
        );
    }

    #[test]
    fn an_extension_needs_an_approver_at_most_20_days_and_notice_in_time() {
        let cal = calendar();
        let settings = ClockSettings::default();
        // 国庆、中秋 2025: 10/1–10/8 off; Sunday 9/28 and Saturday 10/11 worked.
        let p = Procedure::received(date(2025, 9, 22));
        assert_eq!(due(&p), date(2025, 10, 24));
        let extension = |approver: &str, notice_on, workdays| Extension {
            approver: approver.to_owned(),
            notice_on,
            workdays,
        };
        let extended = p
            .clone()
            .with_extension(&cal, &settings, extension("李主任", date(2025, 10, 20), 20))
            .expect("extension");
        assert_eq!(due(&extended), date(2025, 11, 21));
        for refused in [
            extension(" ", date(2025, 10, 20), 20),
            extension("李主任", date(2025, 10, 20), 21),
            extension("李主任", date(2025, 10, 20), 0),
            extension("李主任", date(2025, 10, 27), 10),
            extension("李主任", date(2025, 9, 20), 10),
        ] {
            assert!(p.clone().with_extension(&cal, &settings, refused).is_err());
        }
        let twice =
            extended.with_extension(&cal, &settings, extension("李主任", date(2025, 10, 21), 5));
        assert!(twice.is_err());
    }

    #[test]
    fn a_third_party_consultation_holds_the_clock_until_answered() {
        let cal = calendar();
        let settings = ClockSettings::default();
        let p = Procedure::received(date(2025, 3, 3));
        assert_eq!(due(&p), date(2025, 3, 31));
        let sent = p
            .with_consultation(ConsultParty::ThirdParty, date(2025, 3, 10))
            .expect("sent");
        assert_eq!(
            sent.state(&cal, &settings, date(2025, 3, 12))
                .expect("state")
                .key(),
            "suspended"
        );
        // Unanswered, the clock assumes the full 15 working days: 3/11..3/31 held.
        assert_eq!(due(&sent), date(2025, 4, 22));
        let answered = sent
            .with_consultation_answer(0, date(2025, 3, 20))
            .expect("answer");
        // 8 working days (3/11–3/20) held; 清明 4/4 skipped.
        assert_eq!(due(&answered), date(2025, 4, 11));
        let clock = answered.clock(&cal).expect("clock");
        assert!(
            clock
                .explanation
                .iter()
                .any(|l| l.contains("其间 8 个工作日不计入")),
            "{:?}",
            clock.explanation
        );
        assert!(
            answered
                .clone()
                .with_consultation_answer(0, date(2025, 3, 21))
                .is_err()
        );
        assert!(
            Procedure::received(date(2025, 3, 3))
                .with_consultation(ConsultParty::OtherAgency, date(2025, 3, 10))
                .and_then(|p| p.with_consultation_answer(0, date(2025, 3, 7)))
                .is_err()
        );
    }

    #[test]
    fn the_fee_has_its_own_twenty_days_and_holds_the_clock_until_paid() {
        let cal = calendar();
        let settings = ClockSettings::default();
        // 2024 国庆 10/1–10/7 off; Sunday 9/29 and Saturday 10/12 worked.
        let notice = FeeNotice {
            method: FeeMethod::PerPage,
            amount_fen: 70_000,
            notice_on: date(2024, 9, 25),
            delivered_on: date(2024, 9, 27),
            paid_on: None,
        };
        let p = Procedure::received(date(2024, 9, 23))
            .with_fee_notice(notice)
            .expect("notice");
        assert_eq!(p.fee_due(&cal).expect("due"), Some(date(2024, 10, 30)));
        assert!(matches!(
            p.state(&cal, &settings, date(2024, 10, 10)).expect("state"),
            DueState::Suspended { .. }
        ));
        assert_eq!(
            p.state(&cal, &settings, date(2024, 10, 31)).expect("state"),
            DueState::Lapsed {
                outcome: Outcome::Other(OtherKind::FeeUnpaid),
                deadline: date(2024, 10, 30)
            }
        );
        assert!(p.clone().with_fee_paid(&cal, date(2024, 10, 31)).is_err());
        assert!(p.clone().with_fee_paid(&cal, date(2024, 9, 26)).is_err());
        let fee_unpaid = Outcome::Other(OtherKind::FeeUnpaid);
        assert!(
            p.clone()
                .with_reply(&cal, fee_unpaid, date(2024, 10, 30))
                .is_err()
        );
        assert!(
            p.clone()
                .with_reply(&cal, fee_unpaid, date(2024, 10, 31))
                .is_ok()
        );
        assert!(
            p.clone()
                .with_reply(
                    &cal,
                    Outcome::Partial(DenialGround::ThirdParty),
                    date(2024, 10, 20)
                )
                .is_err()
        );
        let paid = p.with_fee_paid(&cal, date(2024, 10, 10)).expect("paid");
        assert_eq!(due(&paid), date(2024, 11, 4));
        let not_paused = paid
            .clock_with(
                &cal,
                &ClockSettings {
                    fee_pauses_clock: false,
                    ..settings
                },
            )
            .expect("clock");
        assert_eq!(
            not_paused.due_on,
            cal.add_workdays(date(2024, 9, 23), 20).ok()
        );
    }

    #[test]
    fn states_against_the_due_date() {
        let cal = calendar();
        let settings = ClockSettings::default();
        let p = Procedure::received(date(2025, 1, 20));
        let state = |today| p.state(&cal, &settings, today).expect("state");
        assert_eq!(
            state(date(2025, 2, 10)),
            DueState::OnTime { workdays_left: 9 }
        );
        assert_eq!(
            state(date(2025, 2, 14)),
            DueState::DueSoon { workdays_left: 5 }
        );
        assert_eq!(
            state(date(2025, 2, 21)),
            DueState::DueSoon { workdays_left: 0 }
        );
        assert_eq!(state(date(2025, 2, 25)), DueState::Overdue { workdays: 2 });
        let late = p
            .clone()
            .with_reply(
                &cal,
                Outcome::Granted(crate::GrantBasis::Disclosed),
                date(2025, 2, 24),
            )
            .expect("reply");
        assert_eq!(
            late.state(&cal, &settings, date(2025, 3, 1))
                .expect("state"),
            DueState::AnsweredLate { workdays: 1 }
        );
        assert!(matches!(
            p.with_reply(
                &cal,
                Outcome::Granted(crate::GrantBasis::Disclosed),
                date(2025, 1, 19)
            ),
            Err(RequestError::OutOfOrder(_))
        ));
    }

    #[test]
    fn a_count_into_a_year_without_its_notice_is_refused_naming_the_year() {
        let cal = calendar();
        let last = *cal.covered_years().end();
        let p = Procedure::received(date(last, 12, 20));
        let err = p.clock(&cal).expect_err("uncovered");
        assert!(
            err.to_string()
                .contains(&format!("{}年的节假日安排尚未收录", last + 1)),
            "{err}"
        );
    }
}
