//! `report_export`: the year's report written as PDF or `.docx`. Refused while 表三 does not
//! balance, naming the cells; as final also while 表四 or 六 disagree or section 一 is still the
//! unedited draft, and then the tables are frozen for next year's comparison.

use chrono::{Datelike, NaiveDate};
use gongkai_report::TableName;
use sha2::{Digest, Sha256};

use super::layout::{Content, docx_document, pdf_document};
use super::{built, check_year, overview, record, tables_view, title};
use crate::commands::hex;
use crate::postings::today;
use crate::session::OpenMode;
use crate::{Api, ApiError, wire};

/// What the unedited draft of section 一 asks the clerk to add.
const PLACEHOLDER: &str = "（请补充";

impl Api {
    pub fn report_export(
        &self,
        args: wire::ReportExportArgs,
    ) -> Result<wire::ReportExport, ApiError> {
        self.report_export_on(args, today())
    }

    /// [`Api::report_export`] signed on `signed_on` instead of today: the one place the date
    /// enters the letter, so a test can finalize again on a later day.
    pub fn report_export_on(
        &self,
        args: wire::ReportExportArgs,
        signed_on: NaiveDate,
    ) -> Result<wire::ReportExport, ApiError> {
        check_year(args.year)?;
        // The report covers 1 January to 31 December: finalized before the year is over, it
        // would freeze figures still moving and publish them as the year's.
        if args.final_export && args.year >= signed_on.year() {
            return Err(ApiError::invalid(format!(
                "{}年尚未结束，年度报告统计期为当年1月1日至12月31日，须在次年定稿导出；现在可以导出草稿查看",
                args.year
            )));
        }
        let (record_id, queued) = self.with_store(OpenMode::Existing, |store| {
            let (format, gathered, report, _) = built(store, args.year)?;
            let unbalanced: Vec<&str> = report
                .problems
                .iter()
                .filter(|p| p.table == TableName::Table3 || args.final_export)
                .map(|p| p.message.as_str())
                .collect();
            if !unbalanced.is_empty() {
                return Err(ApiError::invalid(format!(
                    "年度报告{}不能导出：{}",
                    if args.final_export {
                        "有不一致之处，"
                    } else {
                        "表三不平衡，"
                    },
                    unbalanced.join("；")
                )));
            }
            let township = store.require_township()?;
            let name = township.name.as_str();
            let draft = &gathered.draft;
            let overview = if draft.overview.is_empty() {
                let activity = store.report_year_activity(args.year)?;
                let plan = crate::plan::year_ends(store, args.year)?;
                overview::suggestion(name, args.year, &activity, &plan, &report, &format)
            } else {
                draft.overview.clone()
            };
            if args.final_export {
                if overview.contains(PLACEHOLDER) {
                    return Err(ApiError::invalid(
                        "一、总体情况还有“（请补充……）”的内容没有写，请写完并保存后再定稿导出"
                            .to_owned(),
                    ));
                }
                for (text, section) in [(&draft.problems_text, 4), (&draft.other_text, 5)] {
                    if text.trim().is_empty() {
                        return Err(ApiError::invalid(format!(
                            "{}还没有写，请写完并保存后再定稿导出",
                            format.sections[section]
                        )));
                    }
                }
            }
            let tables = tables_view(&format, &report);
            let title = title(name, args.year);
            let date = format!(
                "{}年{}月{}日",
                signed_on.year(),
                signed_on.month(),
                signed_on.day()
            );
            let content = Content {
                title: &title,
                sections: &format.sections,
                overview: &overview,
                problems_text: &draft.problems_text,
                other_text: &draft.other_text,
                tables: &tables,
                issuer: &format!("{name}人民政府"),
                date: &date,
            };
            let pdf = || gongkai_print::render_report_document(&pdf_document(&content));
            let docx = || {
                docx_document(&content)
                    .to_bytes()
                    .map_err(|e| ApiError::invalid(e.to_string()))
            };
            if !args.final_export {
                let bytes = match args.format {
                    wire::LetterFormat::Pdf => pdf()?,
                    wire::LetterFormat::Docx => docx()?,
                };
                write_out(&args.out, &bytes)?;
                return Ok((draft.record_id, false));
            }
            // Final: both files go with the report's disclosure record, the one asked for also
            // to `out`; the tables are frozen for next year's comparison and carry-over. A report
            // whose content is what its record already holds keeps that record and its files,
            // though a later day would sign them with another date.
            let digest = content_digest(&content)?;
            let frozen = record::frozen(&tables, &digest)?;
            if let Some(kept) = record::unchanged(store, args.year, &digest)? {
                let extension = match args.format {
                    wire::LetterFormat::Pdf => "pdf",
                    wire::LetterFormat::Docx => "docx",
                };
                write_out(&args.out, &record::held_file(store, kept, extension)?)?;
                return Ok((Some(record::keep(store, args.year, kept, &frozen)?), false));
            }
            let files = record::files(&title, pdf()?, docx()?)?;
            let asked = match args.format {
                wire::LetterFormat::Pdf => &files[0],
                wire::LetterFormat::Docx => &files[1],
            };
            write_out(&args.out, &asked.content)?;
            let (id, queued) =
                record::finalize(store, args.year, &title, signed_on, &files, &frozen)?;
            Ok((Some(id), queued))
        })?;
        if queued {
            self.queued_for_county();
        }
        Ok(wire::ReportExport {
            path: args.out,
            record_id: record_id.map(|id| id.to_string()),
        })
    }
}

/// What reaches the letter but its date, as one SHA-256: the title and issuer (the township's
/// name), the section headings, the three prose sections as rendered and the tables. Two final
/// exports with the same digest make the same report. `Content` is taken apart field by field so
/// that a field added to the letter must be decided here.
fn content_digest(content: &Content<'_>) -> Result<String, ApiError> {
    let Content {
        title,
        sections,
        overview,
        problems_text,
        other_text,
        tables,
        issuer,
        date: _,
    } = content;
    let rendered = serde_json::to_vec(&(
        title,
        sections,
        overview,
        problems_text,
        other_text,
        tables,
        issuer,
    ))
    .map_err(ApiError::internal)?;
    Ok(hex(&Sha256::digest(rendered)))
}

fn write_out(out: &str, bytes: &[u8]) -> Result<(), ApiError> {
    std::fs::write(out, bytes).map_err(|e| ApiError::export(out, &e.to_string()))
}
