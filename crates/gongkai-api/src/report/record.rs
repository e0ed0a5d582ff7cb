//! The annual report as one of the township's disclosure records (条例 art. 49–50: the report is
//! published like any other information). Finalizing a year makes or updates one record holding
//! the report's PDF and `.docx`; it then passes 三审, 保密审查 and 发布登记 as every record does,
//! and its published version carries 表三 to the county portal, which sums the townships.

use chrono::NaiveDate;
use gongkai_catalog::{Audience, CatalogItem, Channel, Level, Mode};
use gongkai_domain::RowId;
use gongkai_records::{Due, deadline};
use gongkai_store::{
    OutboxItem, ReportFile, ReportRecordStep, Store, StoredAttachment, StoredRecord,
    TownshipAction, TownshipAdjustment,
};
use gongkai_sync::RecordPayload;
use gongkai_sync::payload::{AnnualReportFigures, FigureColumn, FigureRow};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::commands::hex;
use crate::records::{attachment_refusal, attachment_scan, calendar};
use crate::{ApiError, wire};

/// The catalog item the report is published under. The national baseline has no such item: its
/// 33 domains are the sectors' disclosure, and the annual report is the disclosure work's own
/// duty (条例 art. 49–50), which no sector's table lists. So the township adds the item to its
/// own layer of the catalog — the catalog's mechanism for what a township publishes beyond the
/// standard — once, on the first finalization, with the reason; a county that publishes the
/// same key later takes it over as for any item.
const DOMAIN: &str = "政务公开工作";
const LEVEL1: &str = "政府信息公开工作年度报告";
const LEVEL2: &str = "年度报告";

fn catalog_item() -> CatalogItem {
    CatalogItem {
        domain: DOMAIN.to_owned(),
        level1: LEVEL1.to_owned(),
        level2: LEVEL2.to_owned(),
        content: "上一年度政府信息公开工作的总体情况，主动公开政府信息情况，收到和处理政府信息公开申请情况，政府信息公开行政复议、行政诉讼情况，存在的主要问题及改进情况，其他需要报告的事项".to_owned(),
        basis: "《中华人民共和国政府信息公开条例》第四十九条、第五十条".to_owned(),
        time_limit: "每年1月31日前".to_owned(),
        time_limit_workdays: None,
        subject: "乡镇人民政府".to_owned(),
        channels: vec![Channel::GovWebsite],
        channels_other: String::new(),
        audience: vec![Audience::Public],
        mode: vec![Mode::Active],
        level: vec![Level::Township],
        source: "本镇增加（年度报告定稿时）".to_owned(),
    }
}

/// The report's catalog item in the effective catalog, added to the township's layer when it
/// is not there. Its own transaction, before the report's: an item in the catalog is sound on
/// its own, and the catalog's adjustment writes its sync entry with it.
fn ensure_catalog_item(store: &mut Store, on: NaiveDate) -> Result<(String, bool), ApiError> {
    let item = catalog_item();
    let key = item.key();
    if store.catalog_item(&key)?.is_some() {
        return Ok((key, false));
    }
    let reason = "政府信息公开工作年度报告须作为本镇公开信息发布（条例第四十九条、第五十条），标准目录无此事项";
    let by = "年度报告定稿";
    let sync = crate::sync::adjustment_item(&key, "add", reason, on, by, Some(&item))?;
    let key = store.catalog_adjust(
        &TownshipAdjustment {
            key,
            action: TownshipAction::Add(item),
            reason: reason.to_owned(),
            made_on: on,
            made_by: by.to_owned(),
        },
        &sync,
    )?;
    Ok((key, true))
}

/// A finalized report's files, each scanned as every record attachment is.
pub(super) fn files(title: &str, pdf: Vec<u8>, docx: Vec<u8>) -> Result<Vec<ReportFile>, ApiError> {
    [("pdf", pdf), ("docx", docx)]
        .into_iter()
        .map(|(extension, content)| {
            let file_name = format!("{title}.{extension}");
            if let Some(finding) = attachment_scan::scan(&content) {
                return Err(ApiError::invalid(attachment_refusal(&file_name, &finding)));
            }
            Ok(ReportFile {
                id: RowId::new(),
                sha256: hex(&Sha256::digest(&content)),
                file_name,
                content,
            })
        })
        .collect()
}

/// What a final export freezes in the year's `final_tables`: the tables, which next year's
/// report and the record's publication read as `wire::ReportTables` (the digest beside them is
/// a key they skip), and the digest of all that reached the letter but its date, which decides
/// whether a later final export is the same report.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Frozen<'a> {
    #[serde(flatten)]
    tables: &'a wire::ReportTables,
    content_sha256: &'a str,
}

/// The digest a final export froze; none for a report finalized before digests were kept.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct FrozenDigest {
    content_sha256: Option<String>,
}

pub(super) fn frozen(tables: &wire::ReportTables, digest: &str) -> Result<String, ApiError> {
    serde_json::to_string(&Frozen {
        tables,
        content_sha256: digest,
    })
    .map_err(ApiError::internal)
}

/// The year's record when the last final export froze the same content and the record is still
/// in force: finalizing again keeps it and its files, whatever day it is.
pub(super) fn unchanged(store: &Store, year: i32, digest: &str) -> Result<Option<RowId>, ApiError> {
    let Some(draft) = store.report_draft(year)? else {
        return Ok(None);
    };
    let (Some(record), Some(frozen)) = (draft.record_id, draft.final_tables) else {
        return Ok(None);
    };
    let held: FrozenDigest = serde_json::from_str(&frozen)
        .map_err(|e| ApiError::internal(format!("定稿表格无法读取：{e}")))?;
    if held.content_sha256.as_deref() != Some(digest) || store.record(record)?.status == "withdrawn"
    {
        return Ok(None);
    }
    Ok(Some(record))
}

/// The bytes of the kept record's file with `extension` (`pdf` or `docx`).
pub(super) fn held_file(
    store: &Store,
    record: RowId,
    extension: &str,
) -> Result<Vec<u8>, ApiError> {
    let suffix = format!(".{extension}");
    let file = store
        .attachments(record)?
        .into_iter()
        .find(|f| f.file_name.ends_with(&suffix))
        .ok_or_else(|| {
            ApiError::invalid(format!(
                "年度报告的公开记录里没有 {extension} 文件，请在公开记录中查看其附件"
            ))
        })?;
    Ok(store.attachment_content(file.id)?.1)
}

/// Finalizes the year again on the record it already has, its files untouched.
pub(super) fn keep(
    store: &mut Store,
    year: i32,
    record: RowId,
    tables_json: &str,
) -> Result<RowId, ApiError> {
    Ok(store.finalize_report_record(year, ReportRecordStep::Keep(record), tables_json)?)
}

/// Links the finalized year to its disclosure record when its content changed (see
/// [`unchanged`]): the same record while it holds these very files (a report finalized before
/// the digest was kept) or is still a draft, otherwise a new one replacing the published one. Returns the record and
/// whether something was queued for the county.
pub(super) fn finalize(
    store: &mut Store,
    year: i32,
    title: &str,
    on: NaiveDate,
    files: &[ReportFile],
    tables_json: &str,
) -> Result<(RowId, bool), ApiError> {
    let linked = match store.report_draft(year)?.and_then(|d| d.record_id) {
        Some(id) => Some(store.record(id)?),
        None => None,
    };
    let same_files = |record: &StoredRecord| -> Result<bool, ApiError> {
        let mut held: Vec<String> = store
            .attachments(record.id)?
            .into_iter()
            .map(|a: StoredAttachment| a.sha256)
            .collect();
        let mut new: Vec<String> = files.iter().map(|f| f.sha256.clone()).collect();
        held.sort();
        new.sort();
        Ok(held == new)
    };
    let tombstone: OutboxItem;
    let record: StoredRecord;
    let step = match &linked {
        Some(r) if r.status != "withdrawn" && same_files(r)? => ReportRecordStep::Keep(r.id),
        Some(r) if r.status == "draft" => ReportRecordStep::ReplaceFiles {
            record: r.id,
            files,
        },
        _ => {
            let (item_key, catalog_queued) = ensure_catalog_item(store, on)?;
            record = new_record(store, &item_key, title, on)?;
            let withdraw = match &linked {
                Some(r) if r.status == "published" => {
                    tombstone =
                        crate::sync::withdrawal_item(r.id, "年度报告重新定稿，以新版本替换")?;
                    Some((r.id, &tombstone))
                }
                _ => None,
            };
            let queued = catalog_queued || withdraw.is_some();
            let id = store.finalize_report_record(
                year,
                ReportRecordStep::New {
                    record: &record,
                    files,
                    withdraw,
                },
                tables_json,
            )?;
            return Ok((id, queued));
        }
    };
    Ok((
        store.finalize_report_record(year, step, tables_json)?,
        false,
    ))
}

fn new_record(
    store: &mut Store,
    item_key: &str,
    title: &str,
    on: NaiveDate,
) -> Result<StoredRecord, ApiError> {
    let item = store
        .catalog_item(item_key)?
        .ok_or_else(|| ApiError::internal(format!("catalog item {item_key} missing")))?;
    let workdays = item
        .item
        .time_limit_workdays
        .unwrap_or(deadline::DEFAULT_WORKDAYS);
    let due = Due::count(&calendar(store)?, on, workdays);
    Ok(StoredRecord {
        id: RowId::new(),
        item_key: item.key.clone(),
        domain: item.item.domain.clone(),
        item_name: item.item.level2.clone(),
        title: title.to_owned(),
        doc_number: None,
        formed_on: on,
        body: format!("《{title}》全文见附件（PDF 版与 Word 版）。"),
        channels: vec![Channel::GovWebsite.label().to_owned()],
        attribute: "proactive".to_owned(),
        ground: None,
        attribute_reason: None,
        redacted: false,
        redaction_removed: None,
        redaction_why: None,
        time_limit_days: workdays,
        due_on: due.due_on,
        due_provisional: due.provisional,
        calendar_version: due.calendar_version,
        status: String::new(),
        published_on: None,
        updated_at: String::new(),
    })
}

/// The outbox entry of a record being published: the report's record carries the 表三 it was
/// finalized with, every other record is as `sync::record_item` makes it.
pub(crate) fn publication_item(
    store: &Store,
    record: &StoredRecord,
    published_on: NaiveDate,
    attachments: &[StoredAttachment],
) -> Result<OutboxItem, ApiError> {
    let mut item = crate::sync::record_item(record, published_on, attachments)?;
    let Some(frozen) = store
        .report_of_record(record.id)?
        .and_then(|report| report.final_tables)
    else {
        return Ok(item);
    };
    let tables: wire::ReportTables = serde_json::from_str(&frozen)
        .map_err(|e| ApiError::internal(format!("定稿表格无法读取：{e}")))?;
    let mut payload: RecordPayload =
        serde_json::from_str(&item.payload).map_err(ApiError::internal)?;
    payload.annual_report = Some(figures(&tables));
    item.payload = serde_json::to_string(&payload).map_err(ApiError::internal)?;
    Ok(item)
}

/// 表三 as the county receives it: keys, labels and cells, nothing else of the report.
fn figures(tables: &wire::ReportTables) -> AnnualReportFigures {
    AnnualReportFigures {
        year: tables.year,
        columns: tables
            .table3
            .columns
            .iter()
            .map(|c| FigureColumn {
                key: c.key.clone(),
                label: c.label.clone(),
            })
            .collect(),
        rows: tables
            .table3
            .rows
            .iter()
            .map(|r| FigureRow {
                key: r.key.clone(),
                label: r.label.clone(),
                cells: r.cells.clone(),
            })
            .collect(),
    }
}
