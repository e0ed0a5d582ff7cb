//! Sync with the county portal, township side (docs/sync-protocol.md). What goes out is queued
//! by the store in the same transaction as the change (see [`record_item`], [`payout_item`],
//! [`adjustment_item`]); a run pushes the queue in batches, marks what the portal acknowledged
//! or refused, then pulls each county stream, applying every change once before moving the
//! stream's cursor.

use chrono::{Local, NaiveDate, Utc};
use gongkai_calendar::Calendar;
use gongkai_catalog::{CatalogItem, Tick};
use gongkai_domain::RowId;
use gongkai_records::Due;
use gongkai_store::{
    CountyChange, CountyUpdate, OutboxItem, PendingEntry, Store, StoredAttachment, StoredRecord,
    SyncRun,
};
use gongkai_sync::client::{ClientError, PortalClient, SeqSource, county_ca_fingerprint};
use gongkai_sync::{
    AttachmentRef, CalendarPublication, CatalogAdjustmentPayload, CatalogPublication, DayKind,
    Entry, NoticePublication, Op, PayoutListPayload, PayoutSummary, PayoutVillage, PostingPayload,
    RecordPayload, Stream, TownshipKey,
};
use serde::Deserialize;
use serde_json::{Value, json};

use crate::records::attachment_scan;
use crate::session::OpenMode;
use crate::wire;
use crate::{Api, ApiError};

/// Entries per push; the protocol allows up to 1,000.
const BATCH: u32 = 200;
/// Attachment upload chunk: small enough to resume after a cut without much loss.
const ATTACHMENT_CHUNK: usize = 256 * 1024;
/// County changes asked for per pull.
const PULL_PAGE: u32 = 100;

fn to_json(value: &impl serde::Serialize) -> Result<String, ApiError> {
    serde_json::to_string(value).map_err(ApiError::internal)
}

/// A published record as the county page shows it.
pub(crate) fn record_item(
    record: &StoredRecord,
    published_on: NaiveDate,
    attachments: &[StoredAttachment],
) -> Result<OutboxItem, ApiError> {
    let payload = RecordPayload {
        item_key: record.item_key.clone(),
        domain: record.domain.clone(),
        item_name: record.item_name.clone(),
        title: record.title.clone(),
        doc_number: record.doc_number.clone(),
        formed_on: record.formed_on.to_string(),
        published_on: published_on.to_string(),
        body: record.body.clone(),
        channels: record.channels.clone(),
        attachments: attachments
            .iter()
            .map(|a| AttachmentRef {
                file_name: a.file_name.clone(),
                sha256: a.sha256.clone(),
                size: u64::try_from(a.size).unwrap_or(0),
            })
            .collect(),
        annual_report: None,
    };
    Ok(OutboxItem {
        kind: "record",
        object_id: record.id.to_string(),
        withdraw: false,
        payload: to_json(&payload)?,
    })
}

/// The tombstone of a withdrawn record: the county takes its page down.
pub(crate) fn withdrawal_item(object_id: RowId, reason: &str) -> Result<OutboxItem, ApiError> {
    Ok(OutboxItem {
        kind: "record",
        object_id: object_id.to_string(),
        withdraw: true,
        payload: to_json(&gongkai_sync::WithdrawPayload {
            reason: reason.to_owned(),
        })?,
    })
}

/// A posted payout list: masked rows only, by village, with each village's 公示期.
pub(crate) fn payout_item(
    store: &Store,
    list_id: RowId,
    start: NaiveDate,
    end: NaiveDate,
) -> Result<OutboxItem, ApiError> {
    let list = store.payout_list(list_id)?;
    let rows = store.printable_rows(list_id)?;
    let villages = store.villages()?;
    let columns = ["姓名", "身份证号（脱敏）", "金额（元）"]
        .map(str::to_owned)
        .to_vec();
    let mut out: Vec<PayoutVillage> = Vec::new();
    for row in &rows {
        if out.last().is_none_or(|v| v.village_name != row.village) {
            let code = villages
                .iter()
                .find(|v| v.name.as_str() == row.village)
                .map(|v| v.code.to_string())
                .unwrap_or_default();
            out.push(PayoutVillage {
                village_code: code,
                village_name: row.village.clone(),
                notice_from: start.to_string(),
                notice_to: end.to_string(),
                columns: columns.clone(),
                rows: Vec::new(),
                summary: PayoutSummary {
                    rows: 0,
                    amount_fen: 0,
                },
            });
        }
        if let Some(village) = out.last_mut() {
            village.rows.push(vec![
                row.name.clone(),
                row.id_masked.clone(),
                gongkai_print::yuan(row.amount_fen),
            ]);
            village.summary.rows += 1;
            village.summary.amount_fen += row.amount_fen;
        }
    }
    let payload = PayoutListPayload {
        title: format!("{}年{}发放公示", list.year, list.project),
        project: list.project.clone(),
        summary: PayoutSummary {
            rows: out.iter().map(|v| v.summary.rows).sum(),
            amount_fen: out.iter().map(|v| v.summary.amount_fen).sum(),
        },
        villages: out,
    };
    Ok(OutboxItem {
        kind: "payout_list",
        object_id: list_id.to_string(),
        withdraw: false,
        payload: to_json(&payload)?,
    })
}

/// A bulletin-board posting as it now stands (every change of it: printed, posted, taken
/// down, archived, photos added), or its tombstone when the posting is deleted. The sheet PDF
/// and photos it names are uploaded by the sync run before the entry goes.
pub(crate) fn posting_item(
    payload: &PostingPayload,
    object_id: RowId,
    withdraw: bool,
) -> Result<OutboxItem, ApiError> {
    let payload = if withdraw {
        to_json(&gongkai_sync::WithdrawPayload {
            reason: format!("张贴“{}”已删除", payload.title),
        })?
    } else {
        to_json(payload)?
    };
    Ok(OutboxItem {
        kind: "posting",
        object_id: object_id.to_string(),
        withdraw,
        payload,
    })
}

/// A township catalog adjustment, with the item as it now stands (add and edit).
pub(crate) fn adjustment_item(
    key: &str,
    action: &str,
    reason: &str,
    decided_on: NaiveDate,
    who: &str,
    item: Option<&CatalogItem>,
) -> Result<OutboxItem, ApiError> {
    let payload = CatalogAdjustmentPayload {
        key: key.to_owned(),
        action: action.to_owned(),
        reason: reason.to_owned(),
        decided_on: decided_on.to_string(),
        who: who.to_owned(),
        item: item.map(item_json),
    };
    Ok(OutboxItem {
        kind: "catalog_adjustment",
        // Each adjustment is its own object: the county keeps them all, in order.
        object_id: RowId::new().to_string(),
        withdraw: false,
        payload: to_json(&payload)?,
    })
}

/// An item in the bundled catalog files' shape (also what county updates carry).
fn item_json(item: &CatalogItem) -> Value {
    json!({
        "level1": item.level1,
        "level2": item.level2,
        "content": item.content,
        "basis": item.basis,
        "time_limit": item.time_limit,
        "time_limit_workdays": item.time_limit_workdays,
        "subject": item.subject,
        "channels": item.channels.iter().map(|c| c.label()).collect::<Vec<_>>(),
        "channels_other": item.channels_other,
        "audience": item.audience.iter().map(|a| a.label()).collect::<Vec<_>>(),
        "mode": item.mode.iter().map(|m| m.label()).collect::<Vec<_>>(),
        "level": item.level.iter().map(|l| l.label()).collect::<Vec<_>>(),
        "source": item.source,
    })
}

/// Request sequence numbers from the database: persisted before use, always growing.
struct StoreSeq<'a>(&'a Api);

impl SeqSource for StoreSeq<'_> {
    fn next_seq(&mut self) -> Result<u64, String> {
        self.0
            .with_store(OpenMode::Existing, |store| {
                Ok(store.next_sync_seq(|last| gongkai_sync::auth::next_seq(last, Utc::now()))?)
            })
            .map_err(|e| e.message)
    }
}

/// The township's 行政区划代码: how the county knows it.
fn township_code(store: &Store) -> Result<String, ApiError> {
    store
        .require_township()?
        .division_code
        .map(|c| c.to_string())
        .ok_or_else(|| {
            ApiError::sync(
                "请先在“设置 → 镇街概况”中填写本镇（街道）的行政区划代码，县级平台以它识别本镇"
                    .to_owned(),
            )
        })
}

fn client_error(e: ClientError) -> ApiError {
    ApiError::sync(e.to_string())
}

impl Api {
    /// The township's identity at the county: its code and public key. Made on first use; the
    /// private key stays in this database.
    pub fn sync_identity(&self, _: wire::NoArgs) -> Result<wire::SyncIdentity, ApiError> {
        self.with_store(OpenMode::Existing, |store| {
            let code = township_code(store)?;
            if store.sync_identity()?.is_none() {
                let key = TownshipKey::generate().map_err(ApiError::internal)?;
                store.create_sync_identity(&key.secret_string(), &key.public_key().to_string())?;
            }
            let identity = store
                .sync_identity()?
                .ok_or_else(|| ApiError::internal("同步身份未能保存"))?;
            Ok(wire::SyncIdentity {
                township_code: code,
                public_key: identity.public_key,
                portal_url: identity.portal_url,
            })
        })
    }

    /// Keeps the county portal's CA certificate read from a PEM file (checked first), or forgets
    /// it with no path; answers the sync status with its fingerprint.
    pub fn sync_county_ca(
        &self,
        args: wire::SyncCountyCaArgs,
    ) -> Result<wire::SyncStatus, ApiError> {
        let pem = match args
            .path
            .as_deref()
            .map(str::trim)
            .filter(|p| !p.is_empty())
        {
            Some(path) => {
                let bytes = std::fs::read(path)
                    .map_err(|e| ApiError::invalid(format!("证书文件“{path}”无法读取：{e}")))?;
                county_ca_fingerprint(&bytes).map_err(|why| {
                    ApiError::invalid(format!("“{path}”不能作为县级平台证书：{why}"))
                })?;
                let text = String::from_utf8(bytes).map_err(|_| {
                    ApiError::invalid(format!("“{path}”不能作为县级平台证书：不是文本格式（PEM）"))
                })?;
                Some(text)
            }
            None => None,
        };
        self.with_store(OpenMode::Existing, |store| {
            if store.sync_identity()?.is_none() {
                return Err(ApiError::sync(
                    "尚未生成同步身份：请先生成，并把公钥交县级平台登记".to_owned(),
                ));
            }
            store.set_county_ca(pem.as_deref())?;
            Ok(())
        })?;
        self.sync_status(wire::NoArgs {})
    }

    /// One sync run: push everything queued, then pull every county stream. One at a time: a
    /// second caller (the clerk's button while the scheduler runs, or the other way round)
    /// waits for the run under way and then runs its own, so what it queued meanwhile goes up
    /// too and its report is current.
    pub fn sync_now(&self, args: wire::SyncArgs) -> Result<wire::SyncReport, ApiError> {
        let _one_at_a_time = self.one_sync_at_a_time()?;
        let started_at = Utc::now().to_rfc3339();
        let trigger = args
            .trigger
            .unwrap_or(wire::SyncTrigger::Manual)
            .key()
            .to_owned();
        let outcome = self.sync_run(&args);
        let (pushed, pulled) = match &outcome {
            Ok(report) => (report.pushed, report.pulled),
            Err(_) => (0, 0),
        };
        let error = outcome.as_ref().err().map(|e| e.message.clone());
        // Logged whether it worked or not: the sync screen shows both.
        self.with_store(OpenMode::Existing, |store| {
            let pending = store.outbox_counts()?.pending;
            store.log_sync_run(&SyncRun {
                started_at,
                finished_at: Utc::now().to_rfc3339(),
                trigger,
                pushed,
                pulled,
                pending,
                error,
            })?;
            Ok(())
        })?;
        outcome
    }

    fn sync_run(&self, args: &wire::SyncArgs) -> Result<wire::SyncReport, ApiError> {
        let (code, key, url, county_ca) = self.with_store(OpenMode::Existing, |store| {
            let code = township_code(store)?;
            let identity = store.sync_identity()?.ok_or_else(|| {
                ApiError::sync("尚未生成同步身份：请先在“同步”页（或 gongkai sync identity）生成，并把公钥交县级平台登记".to_owned())
            })?;
            let url = match args.portal.as_deref().map(str::trim).filter(|u| !u.is_empty()) {
                Some(url) => {
                    store.set_portal_url(url)?;
                    url.to_owned()
                }
                None => identity
                    .portal_url
                    .ok_or_else(|| ApiError::sync("尚未设置县级平台地址".to_owned()))?,
            };
            let key = TownshipKey::from_secret_string(&identity.secret).map_err(ApiError::internal)?;
            Ok((code, key, url, identity.county_ca_pem))
        })?;
        let client = PortalClient::new(&url, &code, key, county_ca.as_deref().map(str::as_bytes))
            .map_err(client_error)?;
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .map_err(ApiError::internal)?;
        let mut seq = StoreSeq(self);
        let mut report = wire::SyncReport::default();

        // Kinds the portal does not take (an older portal, which answers them `unknown_kind`,
        // or one whose answer's `kinds` leaves them out): their entries stay queued, not
        // refused, and the rest of the queue goes without them.
        let mut withheld: Vec<String> = Vec::new();
        loop {
            let pending = self.with_store(OpenMode::Existing, |s| {
                Ok(s.pending_entries_except(BATCH, &withheld)?)
            })?;
            if pending.is_empty() {
                break;
            }
            let entries = pending.iter().map(entry).collect::<Result<Vec<_>, _>>()?;
            // The county's own check, here first: an entry it would refuse (an unmasked ID or
            // bank number above all) is marked refused with the reason and never leaves this PC,
            // not even its attachments.
            let mut reasons: Vec<(String, String)> = Vec::new();
            for e in &entries {
                if let Err(refusal) = gongkai_sync::check::check_entry(e) {
                    reasons.push((refusal.id, refusal.message));
                } else if let Some(message) = self.attachment_refusal(e)? {
                    reasons.push((e.id.clone(), message));
                }
            }
            if !reasons.is_empty() {
                // Settled now; the next round takes the queue without them.
                self.with_store(OpenMode::Existing, |s| Ok(s.settle_entries(&[], &reasons)?))?;
                report
                    .rejected
                    .extend(reasons.into_iter().map(|(_, message)| message));
                continue;
            }
            // Entries name their files by content: they go up first (resumably).
            for entry in &entries {
                for file in self.files_of(entry)? {
                    runtime
                        .block_on(client.upload_attachment(&mut seq, &file, ATTACHMENT_CHUNK))
                        .map_err(client_error)?;
                }
            }
            let ack = runtime
                .block_on(client.push(&mut seq, &entries))
                .map_err(client_error)?;
            let withheld_before = withheld.len();
            // What the portal takes: its answer says, or it is older than the answer's field.
            let taken: Vec<&str> = match &ack.kinds {
                Some(kinds) => kinds.iter().map(String::as_str).collect(),
                None => gongkai_sync::Kind::FIRST_TOWNSHIP_KINDS
                    .iter()
                    .map(|k| k.key())
                    .collect(),
            };
            for kind in gongkai_sync::Kind::ALL
                .iter()
                .filter(|k| k.owner() == gongkai_sync::Owner::Township)
                .map(|k| k.key())
            {
                if !taken.contains(&kind) && !withheld.iter().any(|w| w == kind) {
                    withheld.push(kind.to_owned());
                }
            }
            let (not_taken, rejected): (Vec<_>, Vec<_>) = ack
                .rejected
                .into_iter()
                .partition(|r| r.code == gongkai_sync::RejectCode::UnknownKind);
            for refusal in &not_taken {
                if let Some(e) = entries.iter().find(|e| e.id == refusal.id)
                    && !withheld.contains(&e.kind)
                {
                    withheld.push(e.kind.clone());
                }
            }
            let rejected: Vec<(String, String)> =
                rejected.into_iter().map(|r| (r.id, r.message)).collect();
            self.with_store(OpenMode::Existing, |s| {
                Ok(s.settle_entries(&ack.acked, &rejected)?)
            })?;
            report.pushed += u32::try_from(ack.stored).unwrap_or(u32::MAX);
            report
                .rejected
                .extend(rejected.iter().map(|(_, message)| message.clone()));
            // Entries the portal neither acknowledged nor refused were not processed: sent again
            // at once when others of the batch were settled or a kind was held back (the portal
            // keeps a batch with a refused entry in it not at all), else left queued for the
            // next run.
            let sent: std::collections::HashSet<&str> =
                entries.iter().map(|e| e.id.as_str()).collect();
            let settled = ack
                .acked
                .iter()
                .chain(rejected.iter().map(|(id, _)| id))
                .filter(|id| sent.contains(id.as_str()))
                .count();
            if settled == 0 && withheld.len() == withheld_before {
                break;
            }
        }

        for stream in Stream::ALL {
            loop {
                let cursor =
                    self.with_store(OpenMode::Existing, |s| Ok(s.sync_cursor(stream.key())?))?;
                let page = runtime
                    .block_on(client.pull(&mut seq, stream, cursor.as_deref(), PULL_PAGE))
                    .map_err(client_error)?;
                for change in &page.changes {
                    if self.with_store(OpenMode::Existing, |s| Ok(s.is_applied(&change.id)?))? {
                        continue;
                    }
                    self.with_store(OpenMode::Existing, |s| apply(s, stream, change, &url))?;
                    report.pulled += 1;
                }
                // Only now that every change of the page is committed.
                self.with_store(OpenMode::Existing, |s| {
                    Ok(s.set_sync_cursor(stream.key(), &page.next_cursor)?)
                })?;
                if !page.more {
                    break;
                }
            }
        }
        report.pending = self.with_store(OpenMode::Existing, |s| Ok(s.outbox_counts()?.pending))?;
        Ok(report)
    }

    /// The files an entry names by content, to upload before it: a record's attachments, a
    /// posting's printed sheet and photos. A file no longer held (a sheet replaced by a reprint,
    /// whose newer entry is queued behind this one) is left out.
    fn files_of(&self, entry: &Entry) -> Result<Vec<Vec<u8>>, ApiError> {
        Ok(self
            .named_files(entry)?
            .into_iter()
            .filter_map(|f| f.bytes)
            .collect())
    }

    /// An entry's files, with their bytes when held.
    fn named_files(&self, entry: &Entry) -> Result<Vec<EntryFile>, ApiError> {
        if entry.op != Op::Upsert {
            return Ok(Vec::new());
        }
        self.with_store(OpenMode::Existing, |s| {
            let mut files = Vec::new();
            match gongkai_sync::Kind::from_key(&entry.kind) {
                Some(gongkai_sync::Kind::Record) => {
                    if let Ok(record) = RecordPayload::deserialize(&entry.payload) {
                        for a in record.attachments {
                            files.push(EntryFile {
                                bytes: s.attachment_bytes(&a.sha256)?,
                                name: a.file_name,
                                of_posting: None,
                            });
                        }
                    }
                }
                Some(gongkai_sync::Kind::Posting) => {
                    if let Ok(posting) = PostingPayload::deserialize(&entry.payload) {
                        if let Some(sheet) = posting.sheet {
                            files.push(EntryFile {
                                bytes: s.posting_sheet_content(&sheet.sha256)?,
                                name: sheet.file_name,
                                of_posting: Some(posting.title.clone()),
                            });
                        }
                        for (n, photo) in posting.photos.iter().enumerate() {
                            files.push(EntryFile {
                                bytes: s.photo_content(&photo.sha256)?,
                                name: format!("第 {} 张照片", n + 1),
                                of_posting: Some(posting.title.clone()),
                            });
                        }
                    }
                }
                _ => {}
            }
            Ok(files)
        })
    }

    /// Why an entry may not go: one of its files (a record's attachment, a posting's sheet or
    /// photo) holds a full ID number, or cannot be read to tell. Refused here like an entry the
    /// check refuses, before any of its files is uploaded; files attached before
    /// `record_attach` checked them meet the rule here.
    fn attachment_refusal(&self, entry: &Entry) -> Result<Option<String>, ApiError> {
        if let Some(refusal) = self.composed_sheet_refusal(entry)? {
            return Ok(Some(refusal));
        }
        for file in self.named_files(entry)? {
            let Some(finding) = file.bytes.as_deref().and_then(attachment_scan::scan) else {
                continue;
            };
            return Ok(Some(match (&file.of_posting, finding) {
                (None, finding) => crate::records::attachment_refusal(&file.name, &finding),
                (Some(title), attachment_scan::Finding::IdNumber(id)) => format!(
                    "张贴“{title}”的“{}”含有未脱敏的身份证号（{}），未上传县级平台：请脱敏后重新打印张贴",
                    file.name,
                    gongkai_sync::check::masked(&id)
                ),
                (Some(title), attachment_scan::Finding::Unreadable(reason)) => format!(
                    "张贴“{title}”的“{}”{reason}其中是否有未脱敏的身份证号，未上传县级平台",
                    file.name
                ),
            }));
        }
        Ok(None)
    }

    /// A posting of a sheet composed here is checked on the text it was printed from too: the
    /// print engine's PDFs keep their text behind their own font encoding, which the file scan
    /// does not read, so a number typed into the sheet is found in what was typed.
    fn composed_sheet_refusal(&self, entry: &Entry) -> Result<Option<String>, ApiError> {
        if entry.op != Op::Upsert || entry.kind != gongkai_sync::Kind::Posting.key() {
            return Ok(None);
        }
        let Ok(posting_id) = entry.object_id.parse::<RowId>() else {
            return Ok(None);
        };
        self.with_store(OpenMode::Existing, |s| {
            let Some(sheet_id) = s.board_posting(posting_id).ok().and_then(|p| p.sheet_id) else {
                return Ok(None);
            };
            let sheet = s.composed_sheet(sheet_id)?;
            let text = [
                Some(sheet.title.as_str()),
                Some(sheet.body.as_str()),
                sheet.table_json.as_deref(),
                Some(sheet.issuer.as_str()),
                sheet.objection_phone.as_deref(),
                sheet.objection_address.as_deref(),
            ]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join("\n");
            Ok(gongkai_sync::check::find_id_number_in_text(&text).map(|id| {
                format!(
                    "张贴“{}”的公示单含有未脱敏的身份证号（{}），未上传县级平台：请脱敏后重新打印张贴",
                    sheet.title,
                    gongkai_sync::check::masked(&id)
                )
            }))
        })
    }

    /// What the sync screen shows: identity, queue, the newest runs and the county's notices.
    pub fn sync_status(&self, _: wire::NoArgs) -> Result<wire::SyncStatus, ApiError> {
        self.with_store(OpenMode::Existing, |store| {
            let identity = store.sync_identity()?;
            let counts = store.outbox_counts()?;
            let runs = store.sync_runs(20)?;
            let last_success = runs
                .iter()
                .find(|r| r.error.is_none())
                .map(|r| r.finished_at.clone());
            let county_ca_fingerprint = identity
                .as_ref()
                .and_then(|i| i.county_ca_pem.as_deref())
                .and_then(|pem| county_ca_fingerprint(pem.as_bytes()).ok());
            Ok(wire::SyncStatus {
                public_key: identity.as_ref().map(|i| i.public_key.clone()),
                portal_url: identity.and_then(|i| i.portal_url),
                county_ca_fingerprint,
                pending: counts.pending,
                acked: counts.acked,
                rejected: store
                    .rejected_entries()?
                    .into_iter()
                    .map(|(kind, _, reason)| {
                        let kind = gongkai_sync::Kind::from_key(&kind)
                            .map_or(kind, |k| k.label().to_owned());
                        format!("{kind}：{reason}")
                    })
                    .collect(),
                last_success,
                runs: runs
                    .into_iter()
                    .map(|r| {
                        Ok(wire::SyncRunEntry {
                            trigger: wire::SyncTrigger::stored(&r.trigger)?,
                            finished_at: r.finished_at,
                            pushed: r.pushed,
                            pulled: r.pulled,
                            pending: r.pending,
                            error: r.error,
                        })
                    })
                    .collect::<Result<_, ApiError>>()?,
                notices: store
                    .county_notices()?
                    .into_iter()
                    .map(|(title, body, published_on)| wire::CountyNotice {
                        title,
                        body,
                        published_on,
                    })
                    .collect(),
            })
        })
    }
}

/// A file an outbox entry names by content.
struct EntryFile {
    /// Its name as the clerk knows it (a record's attachment, a posting's sheet or photo).
    name: String,
    /// `None` when this database no longer holds it.
    bytes: Option<Vec<u8>>,
    /// The posting's title, for a posting's file.
    of_posting: Option<String>,
}

fn entry(pending: &PendingEntry) -> Result<Entry, ApiError> {
    Ok(Entry {
        id: pending.entry_id.clone(),
        kind: pending.kind.clone(),
        object_id: pending.object_id.clone(),
        op: if pending.withdraw {
            Op::Withdraw
        } else {
            Op::Upsert
        },
        replaces: pending.replaces.clone(),
        created_at: pending.created_at.clone(),
        payload: serde_json::from_str(&pending.payload).map_err(ApiError::internal)?,
    })
}

/// Applies one county change in one transaction that also records it as applied.
fn apply(
    store: &mut Store,
    stream: Stream,
    change: &gongkai_sync::CountyChange,
    portal: &str,
) -> Result<(), ApiError> {
    let bad = |e: serde_json::Error| ApiError::sync(format!("县级平台下发的数据无法识别：{e}"));
    let issued_on = change
        .published_at
        .get(..10)
        .and_then(|d| d.parse::<NaiveDate>().ok())
        .unwrap_or_else(|| Local::now().date_naive());
    match stream {
        Stream::Catalog => {
            let publication: CatalogPublication =
                serde_json::from_value(change.payload.clone()).map_err(bad)?;
            let mut changes = Vec::new();
            for item in &publication.items {
                match (item.op, &item.item) {
                    (Op::Withdraw, _) => changes.push(CountyChange::Withdraw {
                        key: item.key.clone(),
                    }),
                    (Op::Upsert, Some(value)) => {
                        let domain = item.key.split('/').next().unwrap_or_default();
                        let parsed = gongkai_catalog::item_from_json(
                            &format!("县级目录更新 {}", publication.version),
                            domain,
                            &value.to_string(),
                        )
                        .map_err(|e| ApiError::sync(e.to_string()))?;
                        changes.push(CountyChange::Upsert(parsed));
                    }
                    (Op::Upsert, None) => {
                        return Err(ApiError::sync(format!(
                            "县级目录更新中的事项“{}”缺少内容",
                            item.key
                        )));
                    }
                }
            }
            let update = CountyUpdate {
                version_label: publication.version.clone(),
                issued_on,
                changes,
            };
            store.catalog_apply_county_update(&update, Some(&change.id))?;
        }
        Stream::Calendar => {
            let publication: CalendarPublication =
                serde_json::from_value(change.payload.clone()).map_err(bad)?;
            let current = crate::records::calendar(store)?;
            let source = format!("{}/v1/pull/calendar", portal.trim_end_matches('/'));
            let json = merged_calendar(&current, &publication, issued_on, &source)?;
            let calendar = Calendar::from_json(&json)?;
            store.save_calendar_update(
                calendar.version(),
                &json,
                |formed, days| {
                    let due = Due::count(&calendar, formed, days);
                    (due.due_on, due.provisional)
                },
                Some(&change.id),
            )?;
        }
        Stream::Notices => {
            let notice: NoticePublication =
                serde_json::from_value(change.payload.clone()).map_err(bad)?;
            store.add_county_notice(
                &change.id,
                &notice.version,
                &notice.title,
                &notice.body,
                &notice.published_on,
            )?;
        }
    }
    Ok(())
}

/// The calendar in force with one year replaced or added from a county publication, in the
/// bundled data's format (holiday blocks with the weekends inside them, make-up days).
fn merged_calendar(
    current: &Calendar,
    publication: &CalendarPublication,
    issued_on: NaiveDate,
    source: &str,
) -> Result<String, ApiError> {
    let mut data: Value = serde_json::from_str(current.json()).map_err(ApiError::internal)?;
    let mut blocks: Vec<(String, NaiveDate, NaiveDate)> = Vec::new();
    let mut make_up = Vec::new();
    for day in &publication.days {
        let date: NaiveDate = day
            .date
            .parse()
            .map_err(|_| ApiError::sync(format!("日历中的日期“{}”无法识别", day.date)))?;
        let name = day.name.clone().unwrap_or_default();
        match day.kind {
            DayKind::Holiday => match blocks.iter_mut().find(|(n, ..)| *n == name) {
                Some(block) => {
                    block.1 = block.1.min(date);
                    block.2 = block.2.max(date);
                }
                None => blocks.push((name, date, date)),
            },
            DayKind::Workday => make_up.push(json!({"date": date.to_string(), "for": name})),
        }
    }
    // The version names the notice's date when the county gives one; else the publication's.
    let version = match publication.version.parse::<NaiveDate>() {
        Ok(date) => date,
        Err(_) => issued_on,
    };
    let year = json!({
        "year": publication.year,
        "notice": format!("{}年部分节假日安排（县级平台下发）", publication.year),
        "document": publication.version,
        "issued": version.to_string(),
        "url": source,
        "holidays": blocks.iter().map(|(name, from, to)| json!({
            "name": name, "from": from.to_string(), "to": to.to_string()
        })).collect::<Vec<_>>(),
        "make_up_workdays": make_up,
    });
    let years = data["years"]
        .as_array_mut()
        .ok_or_else(|| ApiError::internal("日历数据缺少 years"))?;
    years.retain(|y| y["year"].as_i64() != Some(i64::from(publication.year)));
    years.push(year);
    years.sort_by_key(|y| y["year"].as_i64());
    data["version"] = Value::String(version.to_string());
    serde_json::to_string(&data).map_err(ApiError::internal)
}
