//! The normative-document library (规范性文件库): documents with their 文号, dates and validity,
//! their files, the record that publishes each and its 政策解读, and the yearly 清理. The rules
//! are `gongkai_documents`'; every refusal comes before anything is written.

use chrono::{Datelike, Local};
use gongkai_documents::{
    ChangingDocument, CleanupCandidate, CleanupRule, DocNumber, DocumentDates, DocumentError,
    DocumentKind, Validity, ValidityChange, ValidityState,
};
use gongkai_domain::RowId;
use gongkai_store::{
    SEARCH_KIND_DOCUMENT, Store, StoredCleanup, StoredDocument, StoredValidityChange,
};

use crate::commands::{date, non_blank};
use crate::records::read_published_attachment;
use crate::requests::input::{self as typed, Field};
use crate::session::OpenMode;
use crate::wire;
use crate::{Api, ApiError};

mod cleanup;

pub(crate) use cleanup::todo_rows;
pub(crate) mod demo;
pub(crate) mod interpretation;

/// The library's typed fields: a control character or a pasted page in a title is refused,
/// naming the field, as in a request (the titles print in registers and on the portal).
const TITLE: Field = Field::line("文件标题", 200, true);
const ISSUER: Field = Field::line("发文机关", 100, true);
const BODY: Field = Field::area("文件全文", 200_000, false);

impl From<DocumentError> for ApiError {
    fn from(e: DocumentError) -> Self {
        ApiError::invalid(e.to_string())
    }
}

impl Api {
    pub fn document_save(
        &self,
        input: wire::DocumentInput,
    ) -> Result<wire::DocumentSaved, ApiError> {
        let kind = DocumentKind::from_key(input.kind.key())?;
        let title = typed::required(TITLE, &input.title, "请填写文件标题")?;
        let issuer = typed::required(ISSUER, &input.issuer, "请填写发文机关")?;
        let body = typed::text(BODY, &input.body)?;
        let issued_on = date("印发日期", &input.issued_on)?;
        let effective_on = match non_blank(input.effective_on.as_deref()) {
            Some(text) => date("施行日期", text)?,
            None => issued_on,
        };
        let valid_until = non_blank(input.valid_until.as_deref())
            .map(|text| date("有效期至", text))
            .transpose()?;
        let today = Local::now().date_naive();
        if issued_on > today {
            return Err(ApiError::invalid(format!(
                "印发日期 {issued_on} 晚于今天（{today}）：文件印发后再加入文件库"
            )));
        }
        let dates = DocumentDates::new(issued_on, effective_on, valid_until)?;
        let mut notes = Vec::new();
        let doc_number = match non_blank(input.doc_number.as_deref()) {
            Some(text) => {
                let parsed = DocNumber::parse(text)?;
                notes.extend(parsed.notes);
                if i32::from(parsed.number.year) != issued_on.year() {
                    notes.push(format!(
                        "文号的年份 {} 与印发日期 {issued_on} 不在同一年，请核对",
                        parsed.number.year
                    ));
                }
                Some(parsed.number.to_string())
            }
            None if kind.needs_doc_number() => {
                return Err(ApiError::invalid(format!(
                    "{}须填写文号，如“示政发〔2024〕3号”",
                    kind.label()
                )));
            }
            None => None,
        };
        let record_id = non_blank(input.record_id.as_deref())
            .map(str::parse::<RowId>)
            .transpose()?;
        self.with_store(OpenMode::Existing, |store| {
            let id = match non_blank(input.id.as_deref()) {
                Some(id) => {
                    let id = store.document(id.parse()?)?.id;
                    issued_before_its_changes(store, id, dates.issued_on)?;
                    id
                }
                None => RowId::new(),
            };
            if let Some(record) = record_id {
                let published_by = store.record(record)?;
                if let Some(other) = store.document_interpreted_by(record)? {
                    return Err(ApiError::invalid(format!(
                        "“{}”是文件“{}”的政策解读，不能作为文件的发布记录",
                        published_by.title,
                        name(&other)
                    )));
                }
            }
            store.save_document(&StoredDocument {
                id,
                kind: kind.key().to_owned(),
                doc_number,
                title,
                issuer,
                issued_on: dates.issued_on,
                effective_on: dates.effective_on,
                valid_until: dates.valid_until,
                body,
                needs_interpretation: input.needs_interpretation,
                record_id,
                // Kept by the store: validity changes only through `change_validity`.
                validity: String::new(),
                validity_on: None,
                changed_by: None,
                updated_at: String::new(),
            })?;
            Ok(wire::DocumentSaved {
                document: detail(store, id)?,
                notes,
            })
        })
    }

    /// A document by its id or its 文号 (in any accepted spelling).
    pub fn document_get(&self, args: wire::IdArgs) -> Result<wire::DocumentDetail, ApiError> {
        self.with_store(OpenMode::Existing, |store| {
            let doc = named_document(store, &args.id)?;
            detail(store, doc.id)
        })
    }

    /// The library, or what a search finds in it (a 文号 typed with the wrong brackets is
    /// searched in its normal form), filtered by validity and kind.
    pub fn documents_list(
        &self,
        args: wire::DocumentsListArgs,
    ) -> Result<wire::Documents, ApiError> {
        self.with_store(OpenMode::Existing, |store| {
            let found = match non_blank(args.query.as_deref()) {
                Some(query) => {
                    let query = DocNumber::parse(query)
                        .map_or_else(|_| query.to_owned(), |p| p.number.to_string());
                    store
                        .search(SEARCH_KIND_DOCUMENT, &query, 500)?
                        .into_iter()
                        .map(|id| Ok(store.document(id.parse()?)?))
                        .collect::<Result<Vec<_>, ApiError>>()?
                }
                None => store.documents()?,
            };
            let documents = found
                .into_iter()
                .filter(|d| args.validity.is_none_or(|v| v.key() == d.validity))
                .filter(|d| args.kind.is_none_or(|k| k.key() == d.kind))
                .map(|d| summary(store, &d))
                .collect::<Result<_, _>>()?;
            Ok(wire::Documents { documents })
        })
    }

    /// 修改 / 废止 / 宣布失效, with the date and the document that made the change.
    pub fn document_change_validity(
        &self,
        args: wire::DocumentValidityArgs,
    ) -> Result<wire::DocumentDetail, ApiError> {
        let to = Validity::from_key(args.validity.key())?;
        let on = non_blank(args.on.as_deref())
            .map(|text| date("变更日期", text))
            .transpose()?;
        let today = Local::now().date_naive();
        if let Some(on) = on.filter(|on| *on > today) {
            // The library says what holds today: a repeal decided to take effect later is
            // entered on that day, or the document would show 已废止 while still in force.
            return Err(ApiError::invalid(format!(
                "变更日期 {on} 晚于今天（{today}）：请在{}生效之日登记",
                to.act()
            )));
        }
        self.with_store(OpenMode::Existing, |store| {
            let doc = named_document(store, &args.id)?;
            let id = doc.id;
            let by = changing_document(store, args.changed_by.as_deref())?;
            let change = ValidityChange::new(&state(&doc)?, to, on, by)?;
            store.change_validity(id, &stored_change(&change, args.note.as_deref()))?;
            detail(store, id)
        })
    }

    pub fn document_attach(
        &self,
        args: wire::DocumentAttachArgs,
    ) -> Result<wire::DocumentDetail, ApiError> {
        let id: RowId = args.id.trim().parse()?;
        // A document is published as it is, so the records' rule holds for its files too.
        let (file, content) = read_published_attachment(&args.path)?;
        self.with_store(OpenMode::Existing, |store| {
            store.document(id)?;
            store.add_document_attachment(id, &file, &content)?;
            detail(store, id)
        })
    }

    pub fn document_attachment_save(
        &self,
        args: wire::AttachmentSaveArgs,
    ) -> Result<wire::ExportResult, ApiError> {
        let id: RowId = args.id.trim().parse()?;
        let (_, content) = self.with_store(OpenMode::Existing, |store| {
            Ok(store.document_attachment_content(id)?)
        })?;
        std::fs::write(&args.out, content)
            .map_err(|e| ApiError::export(&args.out, &e.to_string()))?;
        Ok(wire::ExportResult { path: args.out })
    }

    /// Makes a disclosure record the document's 政策解读.
    pub fn document_interpretation_link(
        &self,
        args: wire::InterpretationLinkArgs,
    ) -> Result<wire::DocumentDetail, ApiError> {
        let id: RowId = args.document_id.trim().parse()?;
        let record_id: RowId = args.record_id.trim().parse()?;
        self.with_store(OpenMode::Existing, |store| {
            let doc = store.document(id)?;
            let record = store.record(record_id)?;
            if let Some(published) = store.document_of_record(record_id)? {
                return Err(ApiError::invalid(format!(
                    "“{}”是文件“{}”的发布记录，不能作为解读",
                    record.title,
                    name(&published)
                )));
            }
            if record.status == "withdrawn" {
                return Err(ApiError::invalid(format!(
                    "“{}”已撤回，不能作为解读",
                    record.title
                )));
            }
            store.link_interpretation(
                doc.id,
                &gongkai_store::StoredInterpretation {
                    record_id,
                    form: args.form.key().to_owned(),
                },
            )?;
            detail(store, id)
        })
    }

    pub fn document_settings_get(
        &self,
        _: wire::NoArgs,
    ) -> Result<wire::DocumentSettings, ApiError> {
        self.with_store(OpenMode::Existing, |store| settings(store))
    }

    pub fn document_settings_save(
        &self,
        input: wire::DocumentSettingsInput,
    ) -> Result<wire::DocumentSettings, ApiError> {
        let rule = CleanupRule::new(input.cleanup_age_years)?;
        self.with_store(OpenMode::Existing, |store| {
            store.set_cleanup_age_years(rule.age_years)?;
            settings(store)
        })
    }
}

fn settings(store: &Store) -> Result<wire::DocumentSettings, ApiError> {
    let range = gongkai_documents::CLEANUP_AGE_YEARS;
    Ok(wire::DocumentSettings {
        cleanup_age_years: cleanup_rule(store)?.age_years,
        default_cleanup_age_years: gongkai_documents::DEFAULT_CLEANUP_AGE_YEARS,
        min_cleanup_age_years: *range.start(),
        max_cleanup_age_years: *range.end(),
    })
}

pub(crate) fn cleanup_rule(store: &Store) -> Result<CleanupRule, ApiError> {
    Ok(match store.cleanup_age_years()? {
        Some(years) => CleanupRule::new(years)?,
        None => CleanupRule::default(),
    })
}

/// How the clerk knows a document: its 文号, else its title.
fn name(doc: &StoredDocument) -> String {
    doc.doc_number.clone().unwrap_or_else(|| doc.title.clone())
}

fn validity_of(doc: &StoredDocument) -> Result<Validity, ApiError> {
    Validity::from_key(&doc.validity).map_err(ApiError::internal)
}

fn state(doc: &StoredDocument) -> Result<ValidityState, ApiError> {
    Ok(ValidityState {
        document_id: doc.id.to_string(),
        issued_on: doc.issued_on,
        validity: validity_of(doc)?,
        since: doc.validity_on,
    })
}

fn stored_change(change: &ValidityChange, note: Option<&str>) -> StoredValidityChange {
    StoredValidityChange {
        validity: change.to.key().to_owned(),
        changed_on: change.on,
        changed_by: change.by.as_ref().and_then(|b| b.id.parse().ok()),
        note: note.unwrap_or_default().trim().to_owned(),
        recorded_at: String::new(),
    }
}

/// The document named by its 文号 (in any accepted spelling) or id, which must be in the
/// library.
fn changing_document(
    store: &Store,
    named: Option<&str>,
) -> Result<Option<ChangingDocument>, ApiError> {
    let Some(text) = non_blank(named) else {
        return Ok(None);
    };
    let doc = find_document(store, text)?.ok_or_else(|| {
        ApiError::invalid(format!(
            "规范性文件库中没有“{text}”：请先把修改或废止它的文件加入文件库"
        ))
    })?;
    Ok(Some(ChangingDocument {
        id: doc.id.to_string(),
        name: name(&doc),
        issued_on: doc.issued_on,
        changed_by: changed_by_chain(store, doc.id)?
            .iter()
            .map(ToString::to_string)
            .collect(),
        ended: match (validity_of(&doc)?, doc.validity_on) {
            (validity, Some(on)) if !validity.holds() => Some((validity, on)),
            _ => None,
        },
    }))
}

/// An edited document's 印发日期 may not move past a change of validity it underwent or made:
/// the history would have it amended, or amending another, before it existed.
fn issued_before_its_changes(
    store: &Store,
    id: RowId,
    issued_on: chrono::NaiveDate,
) -> Result<(), ApiError> {
    let act = |key: &str| Validity::from_key(key).map(Validity::act).unwrap_or("变更");
    for change in store.validity_changes(id)? {
        if change.changed_on < issued_on {
            return Err(ApiError::invalid(format!(
                "文件已于 {} {}，印发日期 {issued_on} 不能晚于该日",
                change.changed_on,
                act(&change.validity)
            )));
        }
    }
    for other in store.documents()? {
        for change in store.validity_changes(other.id)? {
            if change.changed_by == Some(id) && change.changed_on < issued_on {
                return Err(ApiError::invalid(format!(
                    "本文件于 {} {}了“{}”，印发日期 {issued_on} 不能晚于该日",
                    change.changed_on,
                    act(&change.validity),
                    name(&other)
                )));
            }
        }
    }
    Ok(())
}

/// The library's document with this id or 文号, if any.
fn find_document(store: &Store, text: &str) -> Result<Option<StoredDocument>, ApiError> {
    let text = text.trim();
    Ok(match text.parse::<RowId>() {
        Ok(id) => store.documents()?.into_iter().find(|d| d.id == id),
        Err(_) => store.document_by_number(&DocNumber::parse(text)?.number.to_string())?,
    })
}

/// The document the clerk named by id or 文号, which must be in the library.
fn named_document(store: &Store, text: &str) -> Result<StoredDocument, ApiError> {
    find_document(store, text)?
        .ok_or_else(|| ApiError::invalid(format!("规范性文件库中没有“{}”", text.trim())))
}

/// Every document that changed `id`'s validity, and those that changed them, and so on: what
/// `id` may not in turn change.
fn changed_by_chain(store: &Store, id: RowId) -> Result<Vec<RowId>, ApiError> {
    let mut found: Vec<RowId> = Vec::new();
    let mut next = vec![id];
    while let Some(doc) = next.pop() {
        for change in store.validity_changes(doc)? {
            if let Some(by) = change.changed_by
                && !found.contains(&by)
            {
                found.push(by);
                next.push(by);
            }
        }
    }
    Ok(found)
}

fn reference(store: &Store, id: Option<RowId>) -> Result<Option<wire::DocumentRef>, ApiError> {
    id.map(|id| {
        let doc = store.document(id)?;
        Ok(wire::DocumentRef {
            id: id.to_string(),
            name: name(&doc),
        })
    })
    .transpose()
}

pub(crate) fn summary(
    store: &Store,
    doc: &StoredDocument,
) -> Result<wire::DocumentSummary, ApiError> {
    let standing = interpretation::standing(store, doc)?;
    let record_status = doc
        .record_id
        .map(|id| wire::RecordStatus::stored(&store.record(id)?.status))
        .transpose()?;
    Ok(wire::DocumentSummary {
        id: doc.id.to_string(),
        kind: wire::DocumentKind::stored(&doc.kind)?,
        doc_number: doc.doc_number.clone(),
        title: doc.title.clone(),
        issuer: doc.issuer.clone(),
        issued_on: doc.issued_on.to_string(),
        effective_on: doc.effective_on.to_string(),
        valid_until: doc.valid_until.map(|d| d.to_string()),
        validity: wire::DocumentValidity::stored(&doc.validity)?,
        validity_on: doc.validity_on.map(|d| d.to_string()),
        changed_by: reference(store, doc.changed_by)?,
        needs_interpretation: doc.needs_interpretation,
        interpretation: standing.status(doc),
        record_id: doc.record_id.map(|id| id.to_string()),
        record_status,
    })
}

pub(crate) fn detail(store: &Store, id: RowId) -> Result<wire::DocumentDetail, ApiError> {
    let doc = store.document(id)?;
    let standing = interpretation::standing(store, &doc)?;
    let history = store
        .validity_changes(id)?
        .into_iter()
        .map(|c| {
            Ok(wire::ValidityChangeEntry {
                validity: wire::DocumentValidity::stored(&c.validity)?,
                changed_on: c.changed_on.to_string(),
                changed_by: reference(store, c.changed_by)?,
                note: c.note,
            })
        })
        .collect::<Result<_, ApiError>>()?;
    let attachments = store
        .document_attachments(id)?
        .into_iter()
        .map(|a| wire::AttachmentEntry {
            id: a.id.to_string(),
            file_name: a.file_name,
            sha256: a.sha256,
            size: a.size,
        })
        .collect();
    let interpretation = match &standing.link {
        Some((link, record)) => Some(wire::InterpretationEntry {
            record_id: record.id.to_string(),
            record_title: record.title.clone(),
            form: wire::InterpretationForm::stored(&link.form)?,
            record_status: wire::RecordStatus::stored(&record.status)?,
        }),
        None => None,
    };
    let cleanups = store
        .cleanup_decisions()?
        .iter()
        .filter(|c| c.document_id == id)
        .map(cleanup::entry)
        .collect::<Result<_, _>>()?;
    Ok(wire::DocumentDetail {
        summary: summary(store, &doc)?,
        body: doc.body.clone(),
        attachments,
        history,
        interpretation,
        interpretation_missing: standing.missing,
        cleanups,
    })
}

/// A document as the 清理 rule sees it.
fn candidate(
    doc: &StoredDocument,
    decisions: &[StoredCleanup],
    before_round: i32,
) -> Result<CleanupCandidate, ApiError> {
    let last_kept_on = decisions
        .iter()
        .filter(|c| c.document_id == doc.id && c.round < before_round && c.decision == "keep")
        .map(|c| c.decided_on)
        .max();
    Ok(CleanupCandidate {
        validity: validity_of(doc)?,
        dates: DocumentDates::new(doc.issued_on, doc.effective_on, doc.valid_until)?,
        last_kept_on,
    })
}

fn this_year() -> i32 {
    Local::now().date_naive().year()
}
