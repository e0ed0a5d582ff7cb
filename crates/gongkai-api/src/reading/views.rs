//! The workstation's answers turned into the public's views: only what the county's pages or
//! the village board show, and only once it is published.

use gongkai_print::Sheet;

use crate::wire;

pub(super) fn catalog_item(item: wire::CatalogItem) -> wire::ReadingCatalogItem {
    wire::ReadingCatalogItem {
        key: item.key,
        domain: item.domain,
        level1: item.level1,
        level2: item.level2,
        content: item.content,
        basis: item.basis,
        time_limit: item.time_limit,
        subject: item.subject,
        channels: item.channels,
        audience: item.audience,
        mode: item.mode,
        level: item.level,
    }
}

/// A record's public summary; `None` unless it is published.
pub(super) fn record_summary(record: &wire::RecordSummary) -> Option<wire::ReadingRecordSummary> {
    if record.status != wire::RecordStatus::Published {
        return None;
    }
    Some(wire::ReadingRecordSummary {
        id: record.id.clone(),
        title: record.title.clone(),
        doc_number: record.doc_number.clone(),
        domain: record.domain.clone(),
        item_name: record.item_name.clone(),
        published_on: record.published_on.clone()?,
    })
}

/// A document's public summary; `None` unless the record that publishes it is published.
pub(super) fn document_summary(
    document: &wire::DocumentSummary,
) -> Option<wire::ReadingDocumentSummary> {
    if document.record_status != Some(wire::RecordStatus::Published) {
        return None;
    }
    Some(wire::ReadingDocumentSummary {
        id: document.id.clone(),
        title: document.title.clone(),
        doc_number: document.doc_number.clone(),
        issuer: document.issuer.clone(),
        issued_on: document.issued_on.clone(),
        validity: document.validity,
        interpreted: document.interpretation == wire::InterpretationStatus::Published,
    })
}

/// The sheet printed for a village board, cell for cell.
pub(super) fn notice(sheet: Sheet, portal: Option<wire::PortalLink>) -> wire::ReadingNotice {
    wire::ReadingNotice {
        total: gongkai_print::yuan(sheet.amounts_fen.iter().sum()),
        title: sheet.title,
        subtitle: sheet.subtitle,
        columns: sheet.columns.into_iter().map(|c| c.title).collect(),
        rows: sheet.rows,
        footer: sheet.footer,
        signature: sheet.signature,
        portal,
    }
}
