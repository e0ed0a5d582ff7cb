//! The workstation's answers turned into the public's views: only what the county's pages or
//! the village board show, and only once it is published.

use gongkai_print::Sheet;

use crate::pii::masked_if_id;
use crate::wire;

/// A tick column as the public may read it: the baseline's inferred or borrowed ticks are not
/// the source's fact (`CatalogTickKnown::fact`), so the reading point leaves them out rather than
/// show a guess as the catalog's word; the clerk's screen shows them marked instead.
fn public_ticks(ticks: Vec<String>, known: Option<&wire::CatalogTickKnown>) -> Vec<String> {
    match known {
        Some(known) if !known.fact => Vec::new(),
        _ => ticks,
    }
}

pub(super) fn catalog_item(item: wire::CatalogItem) -> wire::ReadingCatalogItem {
    let provenance = item.provenance.as_ref();
    let audience = public_ticks(item.audience, provenance.map(|p| &p.audience));
    let mode = public_ticks(item.mode, provenance.map(|p| &p.mode));
    let level = public_ticks(item.level, provenance.map(|p| &p.level));
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
        audience,
        mode,
        level,
    }
}

/// A record's public summary; `None` unless it is published.
pub(super) fn record_summary(record: &wire::RecordSummary) -> Option<wire::ReadingRecordSummary> {
    if record.status != wire::RecordStatus::Published {
        return None;
    }
    Some(wire::ReadingRecordSummary {
        id: record.id.clone(),
        title: masked_if_id(record.title.clone()),
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
        title: masked_if_id(document.title.clone()),
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
