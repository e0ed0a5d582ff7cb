//! 政策解读 in the records' publish gate: a record that publishes a document needing a 解读 is
//! held until the 解读 record has its content and has passed its own 三审 and 保密审查 (one
//! blocker naming what is missing); then the 解读 is published with it, in one transaction.

use gongkai_documents::{InterpretationForm, InterpretationState, missing_interpretation};
use gongkai_records::Blocker;
use gongkai_store::{Store, StoredDocument, StoredInterpretation, StoredRecord};

use crate::wire;
use crate::{ApiError, records};

/// A document's 解读 as it stands.
pub(crate) struct Standing {
    pub link: Option<(StoredInterpretation, StoredRecord)>,
    /// What keeps the document back for want of its 解读; empty when nothing does.
    pub missing: Vec<String>,
}

impl Standing {
    pub(crate) fn status(&self, doc: &StoredDocument) -> wire::InterpretationStatus {
        use wire::InterpretationStatus as S;
        match &self.link {
            Some((_, record)) if record.status == "published" => S::Published,
            _ if !doc.needs_interpretation => S::NotNeeded,
            None => S::Missing,
            Some(_) if self.missing.is_empty() => S::Ready,
            Some(_) => S::NotReady,
        }
    }
}

pub(crate) fn standing(store: &Store, doc: &StoredDocument) -> Result<Standing, ApiError> {
    let link = match store.interpretation(doc.id)? {
        Some(link) => {
            let record = store.record(link.record_id)?;
            Some((link, record))
        }
        None => None,
    };
    let missing = match &link {
        Some((_, record)) if record.status == "withdrawn" && doc.needs_interpretation => {
            vec![format!("解读“{}”已撤回，请关联新的解读", record.title)]
        }
        Some((link, record)) => {
            let state = InterpretationState {
                title: record.title.clone(),
                form: InterpretationForm::from_key(&link.form).map_err(ApiError::internal)?,
                body: record.body.clone(),
                images: store
                    .attachments(record.id)?
                    .iter()
                    .filter(|a| is_image(&a.file_name))
                    .count(),
                published: record.status == "published",
                gate: if record.status == "draft" {
                    records::controls_gate(store, record)?
                        .iter()
                        .map(ToString::to_string)
                        .collect()
                } else {
                    Vec::new()
                },
            };
            missing_interpretation(doc.needs_interpretation, Some(&state))
        }
        None => missing_interpretation(doc.needs_interpretation, None),
    };
    Ok(Standing { link, missing })
}

/// A 图解 is a picture the portal can show.
fn is_image(file_name: &str) -> bool {
    let lower = file_name.to_lowercase();
    [".png", ".jpg", ".jpeg"]
        .iter()
        .any(|ext| lower.ends_with(ext))
}

/// The one blocker a record gets when it publishes a document whose 解读 is not ready.
pub(crate) fn blocker(store: &Store, record: &StoredRecord) -> Result<Option<Blocker>, ApiError> {
    let Some(doc) = store.document_of_record(record.id)? else {
        return Ok(None);
    };
    let standing = standing(store, &doc)?;
    Ok((!standing.missing.is_empty()).then_some(Blocker::InterpretationNotReady(standing.missing)))
}

/// The 解读 record to publish together with `record`: the draft 解读 of the document `record`
/// publishes, once its own controls have passed.
pub(crate) fn companion(
    store: &Store,
    record: &StoredRecord,
) -> Result<Option<StoredRecord>, ApiError> {
    let Some(doc) = store.document_of_record(record.id)? else {
        return Ok(None);
    };
    match standing(store, &doc)?.link {
        Some((_, it)) if it.status == "draft" && records::controls_gate(store, &it)?.is_empty() => {
            Ok(Some(it))
        }
        _ => Ok(None),
    }
}
