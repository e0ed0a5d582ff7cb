//! The letters of a request (答复书, and the notices of 补正, 延期, 征求意见, 收费): composed from
//! the request as stored (`text`), printed by the print engine as PDF, or written as `.docx`
//! for the clerk to edit in Word. The reply letter is final only when the reply passed the
//! review gate (三审 and 保密审查); before that it prints as a draft (草稿). The notices of
//! the procedure are not gated: they must reach the applicant before any reply exists. The
//! applicant is named, never identified by number: the letters carry no ID number at all, and
//! whatever the clerk typed (the subject, the notes) is masked if it holds one.

mod text;

use base64::Engine;
use base64::engine::general_purpose::STANDARD as BASE64;
use gongkai_docx::{Align, Document, Paragraph};
use gongkai_domain::RowId;
use gongkai_print::{DRAFT_LINE, ReplyLetter, render_reply_letter};
use gongkai_requests::{ApplicantKind, Channel, FeeMethod, FeeNotice, Outcome};
use gongkai_store::{Store, StoredRequest};

use crate::session::OpenMode;
use crate::{Api, ApiError, wire};

use text::{Consultation, Correction, Extension, Fee, LetterFacts, LetterKind, Remedy, Reply};

impl Api {
    /// A request's letter as it prints now, with its text and whether it is final.
    pub fn request_letter(
        &self,
        args: wire::RequestLetterArgs,
    ) -> Result<wire::RequestLetter, ApiError> {
        let id = self.request_named(&args.request_id)?;
        let (letter, blockers) =
            self.with_store(OpenMode::Existing, |store| letter_of(store, id, args.kind))?;
        preview(args.kind, &letter, blockers)
    }

    /// Writes a request's letter to `out`, as PDF or as `.docx`.
    pub fn request_letter_save(
        &self,
        args: wire::RequestLetterSaveArgs,
    ) -> Result<wire::ExportResult, ApiError> {
        let id = self.request_named(&args.request_id)?;
        let (letter, _) =
            self.with_store(OpenMode::Existing, |store| letter_of(store, id, args.kind))?;
        let bytes = match args.format {
            wire::LetterFormat::Pdf => render_reply_letter(&letter)?,
            wire::LetterFormat::Docx => docx(&letter)?,
        };
        std::fs::write(&args.out, bytes)
            .map_err(|e| ApiError::export(&args.out, &e.to_string()))?;
        Ok(wire::ExportResult { path: args.out })
    }
}

/// The letter of `kind` for the stored request. The reply letter is final only when the reply
/// passed the review gate (the store's `request_reply_final`), a draft with what still stands
/// in the way otherwise.
fn letter_of(
    store: &Store,
    id: RowId,
    kind: wire::RequestLetterKind,
) -> Result<(ReplyLetter, Vec<String>), ApiError> {
    let request = store.request(id)?;
    let township = store.require_township()?;
    let settings = store.request_settings()?;
    let mut facts = facts_of(
        &request,
        township.name.as_str(),
        township.county.as_str(),
        &settings,
    )?;
    if let Some(extension) = facts.extension.as_mut()
        && let Some(due) = extended_due(
            &request,
            &crate::records::calendar(store)?,
            &super::clock_settings(&settings),
        )
    {
        extension.due_on = due;
    }
    // The reply is what passes 三审 and 保密审查; the notices go out while the request is
    // handled (a 补正 within 7 working days of receipt), long before there is a reply.
    let gated = kind == wire::RequestLetterKind::Reply && !store.request_reply_final(id)?;
    let blockers = if gated {
        gate_blockers(store, &request)?
    } else {
        Vec::new()
    };
    let letter = text::compose(&facts, kind.into(), gated)
        .map_err(|text::NotYet(why)| ApiError::invalid(why))?;
    check_no_id_number(&letter)?;
    Ok((letter, blockers))
}

/// The reply due date the extension notice announced: the period as it stood on the day of the
/// notice. A consultation or fee notice sent later moves the request's due date, not what the
/// letter said; the letter reprinted for the archive must say what was sent.
fn extended_due(
    request: &StoredRequest,
    calendar: &gongkai_calendar::Calendar,
    settings: &gongkai_requests::ClockSettings,
) -> Option<chrono::NaiveDate> {
    let mut procedure = super::procedure_of(request, false).ok()?;
    let on = procedure.extension.as_ref()?.notice_on;
    procedure.consultations.retain(|c| c.sent_on <= on);
    for c in &mut procedure.consultations {
        c.answered_on = c.answered_on.filter(|a| *a <= on);
    }
    procedure.fee = procedure
        .fee
        .filter(|f| f.notice_on <= on)
        .map(|f| FeeNotice {
            paid_on: f.paid_on.filter(|p| *p <= on),
            ..f
        });
    procedure.clock_with(calendar, settings).ok()?.due_on
}

/// What keeps the reply from being final: the review gate's blockers, or that it is not
/// drafted or not yet fixed as final.
fn gate_blockers(store: &Store, request: &StoredRequest) -> Result<Vec<String>, ApiError> {
    if request.outcome_kind.is_none() {
        return Ok(vec!["尚未拟定答复".to_owned()]);
    }
    let mut blockers = super::view::reply_blockers(store, request.id)?;
    if blockers.is_empty() {
        blockers.push("三审和保密审查已完成，答复尚未定稿".to_owned());
    }
    Ok(blockers)
}

/// What the letters say of a stored request. Text the clerk typed is masked of ID numbers.
fn facts_of(
    request: &StoredRequest,
    township: &str,
    county: &str,
    settings: &gongkai_store::RequestSettings,
) -> Result<LetterFacts, ApiError> {
    let rule = |e: gongkai_requests::RequestError| ApiError::invalid(e.to_string());
    let kind = ApplicantKind::from_key(&request.applicant_kind).map_err(rule)?;
    let defaults = Remedy::default_for(county);
    let remedy = Remedy {
        review_body: non_blank_or(&settings.review_body, defaults.review_body),
        court: non_blank_or(&settings.court, defaults.court),
    };
    let reply = match (&request.outcome_kind, request.replied_on) {
        (Some(kind), Some(replied_on)) => Some(Reply {
            outcome: Outcome::parse(kind, request.outcome_ground.as_deref()).map_err(rule)?,
            replied_on,
            note: mask_numbers(request.reply_note.as_deref().unwrap_or("")),
        }),
        _ => None,
    };
    let fee = match (request.fee_notice_on, request.fee_amount_fen) {
        (Some(notice_on), Some(amount_fen)) => Some(Fee {
            notice_on,
            amount_fen,
            method: request
                .fee_method
                .as_deref()
                .map(FeeMethod::from_key)
                .transpose()
                .map_err(rule)?
                .map_or("", FeeMethod::label)
                .to_owned(),
            detail: mask_numbers(request.fee_basis.as_deref().unwrap_or("")),
        }),
        _ => None,
    };
    Ok(LetterFacts {
        issuer: crate::payout_notice::issuer(township),
        number: format!("{township}依申〔{}〕{}号", request.year, request.serial),
        applicant: mask_numbers(&request.applicant_name),
        organisation: !kind.is_person(),
        channel: Channel::from_key(&request.channel).map_err(rule)?,
        received_on: request.received_on,
        subject: mask_numbers(&request.subject),
        form: mask_numbers(&request.form_wanted),
        correction: match (request.correction_notice_on, request.correction_deadline) {
            (Some(notice_on), Some(deadline)) => Some(Correction {
                notice_on,
                items: mask_numbers(request.correction_items.as_deref().unwrap_or("")),
                deadline,
                received_on: request.corrected_on,
            }),
            _ => None,
        },
        extension: match (request.extension_notice_on, request.extension_workdays) {
            (Some(notice_on), Some(workdays)) => Some(Extension {
                notice_on,
                workdays,
                due_on: request.due_on.unwrap_or(notice_on),
                reason: mask_numbers(request.extension_reason.as_deref().unwrap_or("")),
            }),
            _ => None,
        },
        // The letter goes to the latest consultation (one letter per party consulted).
        consultation: request.consultations.last().map(|c| Consultation {
            party: c.party_name.clone(),
            agency: c.party == "other_agency",
            sent_on: c.sent_on,
        }),
        fee,
        reply,
        remedy,
    })
}

fn non_blank_or(value: &str, default: String) -> String {
    if value.trim().is_empty() {
        default
    } else {
        value.trim().to_owned()
    }
}

impl From<wire::RequestLetterKind> for LetterKind {
    fn from(kind: wire::RequestLetterKind) -> Self {
        match kind {
            wire::RequestLetterKind::Reply => LetterKind::Reply,
            wire::RequestLetterKind::Correction => LetterKind::Correction,
            wire::RequestLetterKind::Extension => LetterKind::Extension,
            wire::RequestLetterKind::Consultation => LetterKind::Consultation,
            wire::RequestLetterKind::Fee => LetterKind::Fee,
        }
    }
}

/// The letter as Word opens it: the same words as the PDF, the title centred, the addressee
/// flush left, the 落款 four characters in from the right with two lines for the seal.
pub(crate) fn docx(letter: &ReplyLetter) -> Result<Vec<u8>, ApiError> {
    let mut doc = Document::new(letter.printed_title());
    doc.push(Paragraph::title(letter.printed_title()));
    if !letter.number.trim().is_empty() {
        doc.push(Paragraph::plain(letter.number.trim()).align(Align::Center));
    }
    doc.push(Paragraph::plain(format!("{}：", letter.addressee.trim())));
    for paragraph in letter.paragraphs.iter().filter(|p| !p.trim().is_empty()) {
        // A note typed over several lines is one paragraph, its breaks spaces, as the PDF
        // sets it (Word would refuse the break as a control character).
        doc.push(Paragraph::body(
            paragraph.trim().replace(['\r', '\n', '\t'], " "),
        ));
    }
    if letter.draft {
        doc.push(Paragraph::body(DRAFT_LINE));
    }
    doc.push(Paragraph::plain(""));
    doc.push(Paragraph::plain(""));
    doc.push(
        Paragraph::plain(letter.issuer.trim())
            .align(Align::Right)
            .right_indent(4),
    );
    doc.push(
        Paragraph::plain(gongkai_print::chinese_date(letter.issued_on))
            .align(Align::Right)
            .right_indent(4),
    );
    doc.to_bytes()
        .map_err(|e| ApiError::internal(format!("Word 文档生成失败：{e}")))
}

/// Masks every run of 15 or more ID characters (digits, full-width digits, X) that the clerk's
/// text may hold (the subject, a note), keeping the first and last four, as the app masks IDs.
pub(crate) fn mask_numbers(text: &str) -> String {
    let is_id_char =
        |c: char| c.is_ascii_digit() || ('０'..='９').contains(&c) || c == 'X' || c == 'x';
    let mut out = String::with_capacity(text.len());
    let mut run: Vec<char> = Vec::new();
    let flush = |run: &mut Vec<char>, out: &mut String| {
        if run.len() >= 15 {
            let (head, tail) = (&run[..4], &run[run.len() - 4..]);
            out.extend(head);
            out.extend(std::iter::repeat_n('*', run.len() - 8));
            out.extend(tail);
        } else {
            out.extend(run.iter());
        }
        run.clear();
    };
    for c in text.chars() {
        if is_id_char(c) {
            run.push(c);
        } else {
            flush(&mut run, &mut out);
            out.push(c);
        }
    }
    flush(&mut run, &mut out);
    out
}

/// Refuses a letter still showing an ID number (one written with separators, which masking
/// does not join), naming the paragraph.
pub(crate) fn check_no_id_number(letter: &ReplyLetter) -> Result<(), ApiError> {
    let places = std::iter::once(("标题".to_owned(), letter.title.as_str()))
        .chain(std::iter::once((
            "称谓".to_owned(),
            letter.addressee.as_str(),
        )))
        .chain(
            letter
                .paragraphs
                .iter()
                .enumerate()
                .map(|(i, p)| (format!("正文第 {} 段", i + 1), p.as_str())),
        );
    for (place, text) in places {
        if let Some(id) = gongkai_sync::check::find_id_number_in_text(text) {
            return Err(ApiError::invalid(format!(
                "文书{place}中有完整的身份证号（{}），文书不得显示完整的身份证号：请把这段文字所依据的登记内容（申请登记、补正事项、征求意见对象或答复说明）改为脱敏后的号码",
                gongkai_sync::check::masked(&id)
            )));
        }
    }
    Ok(())
}

/// The letter for the screen: its text and the PDF as printed.
pub(crate) fn preview(
    kind: wire::RequestLetterKind,
    letter: &ReplyLetter,
    blockers: Vec<String>,
) -> Result<wire::RequestLetter, ApiError> {
    let pdf = render_reply_letter(letter)?;
    Ok(wire::RequestLetter {
        kind,
        title: letter.printed_title(),
        file_name: file_name(kind, letter),
        draft: letter.draft,
        blockers,
        paragraphs: letter.printed_paragraphs(),
        issuer: letter.issuer.clone(),
        issued_on: letter.issued_on.to_string(),
        pdf_base64: BASE64.encode(pdf),
    })
}

/// 答复书-示范镇依申〔2026〕3号(-草稿): what the save dialog offers.
fn file_name(kind: wire::RequestLetterKind, letter: &ReplyLetter) -> String {
    let mut name = format!("{}-{}", kind.label(), letter.number.trim());
    if letter.draft {
        name.push_str("-草稿");
    }
    name.chars()
        .map(|c| if r#"/\:*?"<>|"#.contains(c) { '-' } else { c })
        .collect()
}
