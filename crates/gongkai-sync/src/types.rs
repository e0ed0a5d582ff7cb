//! JSON bodies of protocol v2. Field names are the wire contract: see `docs/sync-protocol.md`.

use serde::{Deserialize, Serialize};
use serde_json::Value;

/// Who may write a kind of data.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Owner {
    /// Accepted only in a push signed by the township itself.
    Township,
    /// Published only by the portal administrator; travels down by pull.
    County,
}

/// Kinds of data. Township kinds travel up (push), county kinds down (pull).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    Record,
    PayoutList,
    CatalogAdjustment,
    RequestStats,
    /// One printed sheet on one zone of a bulletin board (公开栏张贴), with its lifecycle.
    Posting,
    CatalogUpdate,
    Calendar,
    Notice,
}

impl Kind {
    pub const ALL: [Kind; 8] = [
        Kind::Record,
        Kind::PayoutList,
        Kind::CatalogAdjustment,
        Kind::RequestStats,
        Kind::Posting,
        Kind::CatalogUpdate,
        Kind::Calendar,
        Kind::Notice,
    ];

    pub fn key(self) -> &'static str {
        match self {
            Kind::Record => "record",
            Kind::PayoutList => "payout_list",
            Kind::CatalogAdjustment => "catalog_adjustment",
            Kind::RequestStats => "request_stats",
            Kind::Posting => "posting",
            Kind::CatalogUpdate => "catalog_update",
            Kind::Calendar => "calendar",
            Kind::Notice => "notice",
        }
    }

    pub fn from_key(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.key() == key)
    }

    /// The township kinds a portal of protocol 2 accepted before it said which it accepts
    /// (`PushAck::kinds` absent): what a client may assume of a portal older than that field.
    pub const FIRST_TOWNSHIP_KINDS: [Kind; 4] = [
        Kind::Record,
        Kind::PayoutList,
        Kind::CatalogAdjustment,
        Kind::RequestStats,
    ];

    pub fn owner(self) -> Owner {
        match self {
            Kind::Record
            | Kind::PayoutList
            | Kind::CatalogAdjustment
            | Kind::RequestStats
            | Kind::Posting => Owner::Township,
            Kind::CatalogUpdate | Kind::Calendar | Kind::Notice => Owner::County,
        }
    }

    /// The pull stream of a county kind.
    pub fn stream(self) -> Option<Stream> {
        match self {
            Kind::CatalogUpdate => Some(Stream::Catalog),
            Kind::Calendar => Some(Stream::Calendar),
            Kind::Notice => Some(Stream::Notices),
            _ => None,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Kind::Record => "公开记录",
            Kind::PayoutList => "补贴发放公示",
            Kind::CatalogAdjustment => "目录调整",
            Kind::RequestStats => "依申请公开统计",
            Kind::Posting => "公开栏张贴",
            Kind::CatalogUpdate => "县级目录更新",
            Kind::Calendar => "工作日历",
            Kind::Notice => "县级通知",
        }
    }
}

/// An upsert carries the whole new version; a withdrawal is a tombstone.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Op {
    Upsert,
    Withdraw,
}

/// One change of the township's outbox.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entry {
    /// UUIDv7 of the change (lower-case hyphenated): the idempotency key.
    pub id: String,
    /// Kind key (`record`, `payout_list`, …). Text, so an unknown kind is one rejected entry, not
    /// a malformed batch.
    pub kind: String,
    /// UUID of the thing changed; stable across its versions (the record's id).
    pub object_id: String,
    pub op: Op,
    /// Entry id of the version this one replaces; `None` for the first version.
    #[serde(default)]
    pub replaces: Option<String>,
    /// When the change was made at the township (RFC 3339).
    pub created_at: String,
    /// The whole new version for an upsert; `{"reason": …}` or `null` for a withdrawal.
    #[serde(default)]
    pub payload: Value,
}

/// Body of `POST /v1/push` (gzip JSON).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PushRequest {
    pub protocol: u32,
    /// Must equal the `Gongkai-Township` header.
    pub township: String,
    pub entries: Vec<Entry>,
}

/// Why one entry was not stored. Rejections are final: resending the same entry gets the same
/// answer, so the client marks it failed instead of retrying.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RejectCode {
    UnknownKind,
    NotOwner,
    InvalidId,
    InvalidPayload,
    UnmaskedData,
    /// The object id is already used by another kind, or the same entry id arrived with
    /// different content.
    Conflict,
    /// Over a limit of the protocol by itself (one entry's push body, an attachment's size):
    /// no batch and no upload could carry it.
    TooLarge,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Rejection {
    pub id: String,
    pub code: RejectCode,
    pub message: String,
}

/// Answer to a push (200, gzip JSON).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PushAck {
    /// Every entry now held by the portal: stored by this push or seen before.
    pub acked: Vec<String>,
    /// How many of `acked` were stored by this push (0 for a repeated batch).
    pub stored: u64,
    #[serde(default)]
    pub rejected: Vec<Rejection>,
    /// The township kinds this portal accepts (its capability), sent by every portal that
    /// knows the field; absent from an older portal's answer, which accepts
    /// [`Kind::FIRST_TOWNSHIP_KINDS`]. A client holds back entries of a kind not listed and
    /// keeps them queued for a portal that takes them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kinds: Option<Vec<String>>,
}

/// County streams, each with its own cursor.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Stream {
    Catalog,
    Calendar,
    Notices,
}

impl Stream {
    pub const ALL: [Stream; 3] = [Stream::Catalog, Stream::Calendar, Stream::Notices];

    pub fn key(self) -> &'static str {
        match self {
            Stream::Catalog => "catalog",
            Stream::Calendar => "calendar",
            Stream::Notices => "notices",
        }
    }

    pub fn from_key(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.key() == key)
    }

    pub fn kind(self) -> Kind {
        match self {
            Stream::Catalog => Kind::CatalogUpdate,
            Stream::Calendar => Kind::Calendar,
            Stream::Notices => Kind::Notice,
        }
    }
}

/// One county publication as pulled.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CountyChange {
    /// UUIDv7 given at publication: apply each id once.
    pub id: String,
    pub kind: Kind,
    pub op: Op,
    /// The publication's version label (unique per stream).
    pub version: String,
    pub published_at: String,
    /// [`CatalogPublication`], [`CalendarPublication`] or [`NoticePublication`].
    pub payload: Value,
}

/// Answer to `GET /v1/pull/{stream}?after=CURSOR&limit=N`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PullResponse {
    pub stream: Stream,
    pub changes: Vec<CountyChange>,
    /// Opaque; store it only after `changes` are committed, send it as `after` next time.
    pub next_cursor: String,
    /// More changes wait after `next_cursor`.
    pub more: bool,
}

// ---- township payloads -------------------------------------------------------------------

/// A published disclosure record (公开记录), as shown on the county page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RecordPayload {
    /// `领域/一级事项/二级事项`
    pub item_key: String,
    pub domain: String,
    pub item_name: String,
    pub title: String,
    #[serde(default)]
    pub doc_number: Option<String>,
    /// 信息形成或者变更之日 (YYYY-MM-DD)
    pub formed_on: String,
    pub published_on: String,
    pub body: String,
    #[serde(default)]
    pub channels: Vec<String>,
    #[serde(default)]
    pub attachments: Vec<AttachmentRef>,
    /// The 表三 figures when the record is the township's annual report (政府信息公开工作年度
    /// 报告); absent on every other record. A portal older than the field drops it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub annual_report: Option<crate::payload::AnnualReportFigures>,
}

/// An attachment named by its content; uploaded with the attachment endpoints.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AttachmentRef {
    pub file_name: String,
    pub sha256: String,
    pub size: u64,
}

/// A payout list publication (补贴发放公示): masked rows only.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PayoutListPayload {
    pub title: String,
    #[serde(default)]
    pub project: String,
    pub villages: Vec<PayoutVillage>,
    pub summary: PayoutSummary,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PayoutVillage {
    pub village_code: String,
    pub village_name: String,
    /// 公示期, first and last day (YYYY-MM-DD).
    pub notice_from: String,
    pub notice_to: String,
    /// Column headers, in order (e.g. 姓名, 身份证号（脱敏）, 金额（元）).
    pub columns: Vec<String>,
    /// Cells as text, already masked.
    pub rows: Vec<Vec<String>>,
    pub summary: PayoutSummary,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct PayoutSummary {
    pub rows: u64,
    pub amount_fen: i64,
}

/// A sheet on a bulletin board (公开栏张贴): where it hangs, for which notice period, and how
/// far its lifecycle went (草稿 → 已打印 → 已张贴 → 已撤下 → 已归档; 公示期满 is a posted sheet
/// whose `notice_to` has passed). No personal data: the people a sheet names are on the
/// printed sheet (`sheet`, checked like a record's attachment before upload), not here. The
/// township is the one that signed the push.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PostingPayload {
    /// The village's 统计用区划代码 and name; both absent for a board of the township itself
    /// (the 便民服务中心's 政务公开栏).
    #[serde(default)]
    pub village_code: Option<String>,
    #[serde(default)]
    pub village_name: Option<String>,
    /// The board's id (stable across renames and layouts) and name.
    pub board_id: String,
    pub board_name: String,
    /// The zone's id (stable across the board's layout versions), name and cadence.
    pub zone_id: String,
    pub zone_name: String,
    pub cadence: ZoneCadence,
    /// For a periodic zone: the day of the month after the period ends by which its sheet is
    /// due (财务公开: the 15th).
    #[serde(default)]
    pub due_day: Option<u8>,
    /// The period the sheet serves: `2026-11`, `2026-Q4` or `2026-H2` (with the zone's
    /// cadence); absent for 随时 and 长期 zones.
    #[serde(default)]
    pub period: Option<String>,
    pub title: String,
    /// 登记号, printed in the sheet's footer.
    pub register_no: String,
    /// The notice period (公示期), first and last day.
    pub notice_from: chrono::NaiveDate,
    pub notice_to: chrono::NaiveDate,
    pub status: PostingStatus,
    /// When it was printed (RFC 3339), from 已打印 on.
    #[serde(default)]
    pub printed_at: Option<String>,
    /// The day it went up and who put it up, from 已张贴 on.
    #[serde(default)]
    pub posted_on: Option<chrono::NaiveDate>,
    #[serde(default)]
    pub posted_by: Option<String>,
    #[serde(default)]
    pub taken_down_on: Option<chrono::NaiveDate>,
    /// When it was archived (RFC 3339).
    #[serde(default)]
    pub archived_at: Option<String>,
    /// Taken down before its notice period ended or its minimum days on the board: it must
    /// be posted again.
    #[serde(default)]
    pub taken_down_early: bool,
    /// The posting (object id) this one puts up again after an early take-down.
    #[serde(default)]
    pub reposts: Option<String>,
    /// The printed sheet (PDF), uploaded before the entry; public on the county page while the
    /// sheet is up.
    #[serde(default)]
    pub sheet: Option<AttachmentRef>,
    /// Photos of the posted board (downscaled JPEGs), uploaded before the entry: evidence for
    /// the county, not shown on the public pages.
    #[serde(default)]
    pub photos: Vec<PhotoRef>,
}

/// A zone's cadence, as the township's board data says it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ZoneCadence {
    Monthly,
    Quarterly,
    HalfYearly,
    /// 随时: within some days of the matter.
    AsNeeded,
    /// 长期: nothing falls due.
    Standing,
}

impl ZoneCadence {
    /// A cadence whose sheets serve periods (and fall due after each).
    pub fn is_periodic(self) -> bool {
        matches!(
            self,
            ZoneCadence::Monthly | ZoneCadence::Quarterly | ZoneCadence::HalfYearly
        )
    }
}

/// Where a posting is in its lifecycle.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PostingStatus {
    Draft,
    Printed,
    Posted,
    TakenDown,
    Archived,
}

impl PostingStatus {
    pub fn key(self) -> &'static str {
        match self {
            PostingStatus::Draft => "draft",
            PostingStatus::Printed => "printed",
            PostingStatus::Posted => "posted",
            PostingStatus::TakenDown => "taken_down",
            PostingStatus::Archived => "archived",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            PostingStatus::Draft => "草稿",
            PostingStatus::Printed => "已打印",
            PostingStatus::Posted => "已张贴",
            PostingStatus::TakenDown => "已撤下",
            PostingStatus::Archived => "已归档",
        }
    }
}

/// A photo named by its content (the stored, downscaled JPEG).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PhotoRef {
    pub sha256: String,
    pub size: u64,
}

/// A township catalog adjustment (add / edit / hide / restore of an item).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CatalogAdjustmentPayload {
    pub key: String,
    pub action: String,
    pub reason: String,
    pub decided_on: String,
    pub who: String,
    #[serde(default)]
    pub item: Option<Value>,
}

/// Request statistics of a period (依申请公开统计); counts by name.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RequestStatsPayload {
    pub period: String,
    pub counts: serde_json::Map<String, Value>,
}

/// The payload of a withdrawal.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WithdrawPayload {
    pub reason: String,
}

// ---- county payloads --------------------------------------------------------------------

/// A county catalog update: item upserts and withdrawals under one version label.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CatalogPublication {
    pub version: String,
    pub items: Vec<CatalogItemChange>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CatalogItemChange {
    /// `领域/一级事项/二级事项`
    pub key: String,
    pub op: Op,
    /// The whole item (the catalog's JSON item shape) for an upsert.
    #[serde(default)]
    pub item: Option<Value>,
    #[serde(default)]
    pub reason: Option<String>,
}

/// The county's working-day calendar for a year (法定节假日与调休).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CalendarPublication {
    pub version: String,
    pub year: i32,
    pub days: Vec<CalendarDay>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CalendarDay {
    /// YYYY-MM-DD
    pub date: String,
    pub kind: DayKind,
    #[serde(default)]
    pub name: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DayKind {
    /// A weekday that is a holiday.
    Holiday,
    /// A weekend day that is a working day (调休).
    Workday,
}

/// A county notice to the townships.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NoticePublication {
    pub version: String,
    pub title: String,
    pub body: String,
    pub published_on: String,
}

// ---- attachments and errors ---------------------------------------------------------------

/// Answer to `GET`/`PUT /v1/attachments/{sha256}`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct AttachmentStatus {
    /// Bytes held so far, contiguous from 0: the offset of the next chunk.
    pub received: u64,
    /// The whole file arrived and its SHA-256 matched.
    pub complete: bool,
}

/// Error codes, each with one HTTP status.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    Malformed,
    UnsupportedProtocol,
    /// Signed for another portal (host, port or base path): the township's portal address and
    /// the portal's public URL differ.
    WrongPortal,
    UnknownTownship,
    TownshipRevoked,
    BadSignature,
    BodyTampered,
    Replayed,
    ClockSkew,
    TooLarge,
    OffsetMismatch,
    AttachmentCorrupt,
    NotFound,
    Internal,
}

impl ErrorCode {
    pub fn status(self) -> u16 {
        match self {
            ErrorCode::Malformed | ErrorCode::UnsupportedProtocol => 400,
            ErrorCode::BadSignature => 401,
            ErrorCode::TownshipRevoked => 403,
            ErrorCode::WrongPortal => 421,
            ErrorCode::UnknownTownship => 404,
            ErrorCode::Replayed | ErrorCode::ClockSkew => 409,
            ErrorCode::TooLarge => 413,
            ErrorCode::OffsetMismatch => 416,
            ErrorCode::BodyTampered => 422,
            ErrorCode::AttachmentCorrupt => 400,
            ErrorCode::NotFound => 404,
            ErrorCode::Internal => 500,
        }
    }

    /// The default Chinese message.
    pub fn message(self) -> &'static str {
        match self {
            ErrorCode::Malformed => "请求格式不正确",
            ErrorCode::UnsupportedProtocol => {
                "同步协议版本不受支持：县级平台只接受第 2 版的请求，请把乡镇工作台升级到最新版本后再同步"
            }
            ErrorCode::WrongPortal => {
                "请求是发给另一个县级平台的：请核对工作台中填写的县级平台地址（或平台的 --public-url 设置）"
            }
            ErrorCode::UnknownTownship => "县级平台未登记本乡镇，请联系县政务公开办登记本机公钥",
            ErrorCode::TownshipRevoked => "本乡镇的同步权限已被县级平台撤销，请联系县政务公开办",
            ErrorCode::BadSignature => "签名无效：本机密钥与县级平台登记的公钥不符",
            ErrorCode::BodyTampered => "数据在传输中被改动，已拒收",
            ErrorCode::Replayed => "请求序号已用过（重放或过期的请求），已拒收",
            ErrorCode::ClockSkew => "本机时间与县级平台相差过大，请校准本机时间",
            ErrorCode::TooLarge => "数据过大",
            ErrorCode::OffsetMismatch => "附件续传位置不符，请重新查询已接收的字节数",
            ErrorCode::AttachmentCorrupt => "附件内容与摘要不符，已丢弃，请重新上传",
            ErrorCode::NotFound => "未找到",
            ErrorCode::Internal => "县级平台内部错误，请稍后重试",
        }
    }
}

/// Error body of every non-2xx API answer (plain JSON, not compressed).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ErrorBody {
    pub code: ErrorCode,
    pub message: String,
}

impl ErrorBody {
    pub fn new(code: ErrorCode) -> Self {
        Self {
            code,
            message: code.message().to_owned(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_have_owners_and_streams() {
        for kind in Kind::ALL {
            assert_eq!(Kind::from_key(kind.key()), Some(kind));
            assert_eq!(kind.owner() == Owner::County, kind.stream().is_some());
            let json = serde_json::to_value(kind).unwrap();
            assert_eq!(json, kind.key());
        }
        for stream in Stream::ALL {
            assert_eq!(stream.kind().stream(), Some(stream));
        }
    }

    #[test]
    fn auth_failures_have_distinct_statuses() {
        let codes = [
            ErrorCode::UnknownTownship,
            ErrorCode::TownshipRevoked,
            ErrorCode::BadSignature,
            ErrorCode::Replayed,
            ErrorCode::BodyTampered,
            ErrorCode::WrongPortal,
        ];
        let mut statuses: Vec<u16> = codes.iter().map(|c| c.status()).collect();
        statuses.sort_unstable();
        statuses.dedup();
        assert_eq!(statuses.len(), codes.len());
        let json = serde_json::to_string(&ErrorBody::new(ErrorCode::BadSignature)).unwrap();
        assert!(json.contains("\"code\":\"bad_signature\""), "{json}");
    }
}
