//! Wire types of 依申请公开: registering an application, the steps of its procedure (补正, 延期,
//! 征求意见, 收费), the reply with its 三审 and 保密审查, 送达, the list with due states, art. 44's
//! repeated requests and the township's request settings. Dates are YYYY-MM-DD; an optional
//! date left out means today. An applicant's ID number goes in once and only ever comes back
//! masked.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{Choice, ReviewEntry, SecrecyAnswer, SecrecyEntry};

/// An outcome kind with the grounds or kinds it takes (empty: none needed).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct OutcomeChoice {
    pub key: String,
    pub label: String,
    pub grounds: Vec<Choice>,
    /// Whether a ground must be chosen.
    pub ground_required: bool,
}

/// The fixed vocabularies of the request forms.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RequestOptions {
    pub channels: Vec<Choice>,
    /// Per channel key: whether a confirmation date is needed (art. 31).
    pub channels_confirmed: Vec<String>,
    pub applicant_kinds: Vec<Choice>,
    pub outcomes: Vec<OutcomeChoice>,
    pub consult_parties: Vec<Choice>,
    pub fee_methods: Vec<Choice>,
    pub attachment_roles: Vec<Choice>,
    pub stages: Vec<Choice>,
    pub secrecy_questions: Vec<Choice>,
}

/// `gongkai requests add`: an application as it arrives.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RequestInput {
    pub channel: String,
    /// Handed in, signed for, filled in or arrived.
    pub arrived_on: String,
    /// 平常信函, 网络, 传真: the day of confirmation with the applicant.
    pub confirmed_on: Option<String>,
    pub applicant_kind: String,
    pub applicant_name: String,
    pub contact: String,
    #[serde(default)]
    pub address: String,
    /// A person's ID number (kept as a keyed hash and masked), optional.
    pub id_number: Option<String>,
    /// 所需信息的名称、文号或描述.
    pub subject: String,
    #[serde(default)]
    pub description: String,
    /// 提供形式和获取方式 (纸质、电子邮件、当面领取…).
    pub form_wanted: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RequestsListArgs {
    /// Applicant name or content; empty lists all.
    pub query: Option<String>,
    /// The day states are seen on; empty: today.
    pub today: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RequestShowArgs {
    pub id: String,
    pub today: Option<String>,
}

/// `gongkai requests correct`: the 补正 notice (notice date, deadline, what to correct), or the
/// corrected application's arrival (`corrected_on`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RequestCorrectArgs {
    pub id: String,
    pub notice_on: Option<String>,
    pub deadline: Option<String>,
    pub items: Option<String>,
    pub corrected_on: Option<String>,
}

/// `gongkai requests extend`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RequestExtendArgs {
    pub id: String,
    pub approver: String,
    pub notice_on: Option<String>,
    pub workdays: u32,
    #[serde(default)]
    pub reason: String,
}

/// `gongkai requests consult`: a consultation sent, or (with `answer_of`, 1 = the first) the
/// answer to one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RequestConsultArgs {
    pub id: String,
    pub party: Option<String>,
    pub party_name: Option<String>,
    pub sent_on: Option<String>,
    pub answer_of: Option<u32>,
    pub answered_on: Option<String>,
    #[serde(default)]
    pub opinion: String,
}

/// `gongkai requests fee`: the fee notice (amount computed: 按件 from the applicant's month,
/// 按量 from `pages`), or its payment (`paid_on`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RequestFeeArgs {
    pub id: String,
    pub method: Option<String>,
    pub pages: Option<u32>,
    pub notice_on: Option<String>,
    /// The day the applicant received the notice; empty: the notice day.
    pub delivered_on: Option<String>,
    pub paid_on: Option<String>,
}

/// `gongkai requests reply`: the reply as drafted; it becomes final after 三审 and 保密审查.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RequestReplyArgs {
    pub id: String,
    /// granted · partial · denied · unable · not_processed · other
    pub outcome: String,
    pub ground: Option<String>,
    #[serde(default)]
    pub note: String,
    pub replied_on: Option<String>,
}

/// A 三审 signature on a reply.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RequestReviewArgs {
    pub id: String,
    pub stage: String,
    pub person_id: String,
    pub decided_on: Option<String>,
    #[serde(default)]
    pub opinion: String,
    pub passed: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RequestSecrecyArgs {
    pub id: String,
    pub reviewer_id: String,
    pub decided_on: Option<String>,
    pub answers: Vec<SecrecyAnswer>,
    #[serde(default)]
    pub opinion: String,
}

/// `gongkai requests deliver`: 送达 of the final reply.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RequestDeliverArgs {
    pub id: String,
    /// 直接送达、邮寄送达、电子送达…
    pub method: String,
    pub delivered_on: Option<String>,
}

/// A scan of the application or the applicant's ID, from a file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RequestAttachArgs {
    pub id: String,
    /// application · id_document · other
    pub role: String,
    pub path: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RequestAttachmentSaveArgs {
    pub id: String,
    pub out: String,
}

/// Art. 44: the applications whose information becomes a proactive record under `item_key`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RequestsProactiveArgs {
    pub request_ids: Vec<String>,
    pub item_key: String,
    pub title: String,
    #[serde(default)]
    pub body: String,
    pub channels: Vec<String>,
    pub decided_on: Option<String>,
}

/// One application in a list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RequestSummary {
    pub id: String,
    /// 依申〔2026〕3号
    pub reg_no: String,
    pub year: i32,
    pub serial: u32,
    pub channel: String,
    pub channel_label: String,
    pub received_on: String,
    pub applicant_kind: String,
    pub applicant_kind_label: String,
    pub applicant_name: String,
    pub subject: String,
    /// None while waiting for a correction.
    pub due_on: Option<String>,
    /// answered · answered_late · on_time · due_soon · overdue · suspended · lapsed
    pub state: String,
    pub state_label: String,
    pub replied_on: Option<String>,
    pub outcome_label: Option<String>,
    /// The 表三 row the reply counts in.
    pub result_row: Option<String>,
    pub reply_final: bool,
    pub delivered_on: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Requests {
    pub today: String,
    pub requests: Vec<RequestSummary>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CorrectionEntry {
    pub notice_on: String,
    pub items: String,
    pub deadline: String,
    pub corrected_on: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ExtensionEntry {
    pub notice_on: String,
    pub approver: String,
    pub workdays: u32,
    pub reason: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ConsultationEntry {
    pub party: String,
    pub party_label: String,
    pub party_name: String,
    pub sent_on: String,
    /// The last day of its 15 working days.
    pub limit_on: String,
    pub answered_on: Option<String>,
    pub opinion: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct FeeEntry {
    pub method: String,
    pub method_label: String,
    #[ts(type = "number")]
    pub amount_fen: i64,
    /// How the amount was computed.
    pub basis: String,
    pub notice_on: String,
    pub delivered_on: String,
    /// The last day to pay (20 working days).
    pub pay_due_on: String,
    pub paid_on: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ReplyEntry {
    pub outcome: String,
    pub outcome_kind_label: String,
    pub ground: String,
    pub outcome_label: String,
    pub result_row: String,
    /// 《中华人民共和国政府信息公开条例》第…条
    pub legal_basis: String,
    pub note: String,
    pub replied_on: String,
    pub reply_final: bool,
    pub delivery_method: Option<String>,
    pub delivered_on: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RequestAttachmentEntry {
    pub id: String,
    pub role: String,
    pub role_label: String,
    pub file_name: String,
    pub sha256: String,
    #[ts(type = "number")]
    pub size: i64,
}

/// Everything about one application: what a screen or a letter needs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RequestDetail {
    pub summary: RequestSummary,
    pub arrived_on: String,
    pub confirmed_on: Option<String>,
    /// Art. 31's rule for the channel.
    pub receipt_rule: String,
    pub contact: String,
    pub address: String,
    /// The ID number masked (never whole).
    pub id_masked: Option<String>,
    pub description: String,
    pub form_wanted: String,
    /// The last day for a 补正 notice.
    pub correction_notice_due: String,
    pub correction: Option<CorrectionEntry>,
    pub extension: Option<ExtensionEntry>,
    pub consultations: Vec<ConsultationEntry>,
    pub fee: Option<FeeEntry>,
    pub reply: Option<ReplyEntry>,
    pub reviews: Vec<ReviewEntry>,
    pub secrecy: Option<SecrecyEntry>,
    /// What stands between the reply and its final form; empty once final.
    pub blockers: Vec<String>,
    pub attachments: Vec<RequestAttachmentEntry>,
    /// How the due date was counted, one line per step.
    pub explanation: Vec<String>,
    pub calendar_version: String,
    /// The proactive record it became (art. 44), if it did.
    pub proactive_record_id: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RepeatedRequestGroup {
    pub subject: String,
    pub request_ids: Vec<String>,
    pub applicants: Vec<String>,
    pub record_id: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RepeatedRequests {
    pub groups: Vec<RepeatedRequestGroup>,
}

/// The township's request settings ([M] points of the procedure, and the remedy clause).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RequestSettingsInput {
    pub due_soon_workdays: u32,
    pub fee_pauses_clock: bool,
    pub extension_notice_within_period: bool,
    #[serde(default)]
    pub review_body: String,
    #[serde(default)]
    pub court: String,
}
