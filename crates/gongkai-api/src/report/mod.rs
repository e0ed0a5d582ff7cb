//! The annual report (政府信息公开工作年度报告): a year's figures gathered from the data — 表三
//! from the requests register (`requests_table3`), 表二's 规范性文件 from the document library
//! (`documents_year_figures`), 表四 from the 复议/诉讼 cases — and from what the clerk enters,
//! built and checked by `gongkai-report`, shown in the national layout and exported as PDF
//! (`layout` + gongkai-print) or `.docx` (gongkai-docx).

mod demo;
mod export;
mod layout;
mod overview;
pub(crate) mod record;

use chrono::{Datelike, NaiveDate};
use gongkai_domain::RowId;
use gongkai_report::{
    CaseOutcome, DocumentCounts, Format, Report, ReportInput, Table2Input, Table3Input,
    Table4Input, TableName,
};
use gongkai_store::{Store, StoredCase, StoredReportDraft};

use crate::postings::today;
use crate::requests::input::{self as typed, Field};
use crate::session::OpenMode;
use crate::{Api, ApiError, wire};

impl Api {
    /// A year's report: tables, problems, draft, cases and last year beside it.
    pub fn report_build(&self, args: wire::ReportYearArgs) -> Result<wire::ReportView, ApiError> {
        let year = args.year.unwrap_or_else(|| today().year() - 1);
        check_year(year)?;
        self.with_store(OpenMode::Existing, |store| view(store, year))
    }

    /// Saves the clerk's prose and entered counts for a year.
    pub fn report_save(&self, args: wire::ReportDraft) -> Result<wire::ReportView, ApiError> {
        check_year(args.year)?;
        if args.admin_fees_fen < 0 || args.stated_fees_fen.is_some_and(|fen| fen < 0) {
            return Err(ApiError::invalid("收费金额不能为负数".to_owned()));
        }
        self.with_store(OpenMode::Existing, |store| {
            let mut draft = store.report_draft(args.year)?.unwrap_or_default();
            draft.year = args.year;
            draft.overview = prose(OVERVIEW, &args.overview)?;
            draft.problems_text = prose(PROBLEMS, &args.problems_text)?;
            draft.other_text = prose(OTHER, &args.other_text)?;
            draft.stated_fees_fen = args.stated_fees_fen;
            draft.regulations = args.regulations;
            draft.licensing_decisions = args.licensing_decisions;
            draft.penalty_decisions = args.penalty_decisions;
            draft.enforcement_decisions = args.enforcement_decisions;
            draft.admin_fees_fen = args.admin_fees_fen;
            store.save_report_draft(&draft)?;
            view(store, args.year)
        })
    }

    /// Enters or changes a 复议/诉讼 case; answers with the report of the year it was filed in.
    pub fn report_case_save(
        &self,
        args: wire::DisclosureCaseInput,
    ) -> Result<wire::ReportView, ApiError> {
        let case = parse_case(&args)?;
        let year = case.filed_on.year();
        self.with_store(OpenMode::Existing, |store| {
            store.save_disclosure_case(&case)?;
            view(store, year)
        })
    }

    /// Deletes a case entered by mistake; answers with the report of the year it was in.
    pub fn report_case_delete(&self, args: wire::IdArgs) -> Result<wire::ReportView, ApiError> {
        let id: RowId = args.id.parse()?;
        self.with_store(OpenMode::Existing, |store| {
            let year = store
                .disclosure_cases()?
                .into_iter()
                .find(|case| case.id == id)
                .map(|case| case.filed_on.year())
                .ok_or_else(|| {
                    ApiError::invalid("找不到这个复议/诉讼案件，可能已被删除".to_owned())
                })?;
            store.delete_disclosure_case(id)?;
            view(store, year)
        })
    }
}

fn check_year(year: i32) -> Result<(), ApiError> {
    if (2008..=2999).contains(&year) {
        Ok(())
    } else {
        Err(ApiError::invalid(format!(
            "年度“{year}”不对：年度报告从2008年（《政府信息公开条例》施行）起"
        )))
    }
}

fn parse_date(text: &str, what: &str) -> Result<NaiveDate, ApiError> {
    NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d")
        .map_err(|_| ApiError::invalid(format!("{what}“{text}”不是日期，请写成 2026-03-15 的样子")))
}

/// The prose sections, printed in the PDF and written to Word: a control character or a
/// character no face has is refused when saved, naming the section, not when exported.
const OVERVIEW: Field = Field::area("一、总体情况", 20_000, true);
const PROBLEMS: Field = Field::area("五、存在的主要问题及改进情况", 20_000, true);
const OTHER: Field = Field::area("六、其他需要报告的事项", 20_000, true);

/// A prose section as saved: checked, its line breaks made \n and a tab a space (Word keeps
/// neither as typed; text pasted from another document often holds both).
fn prose(field: Field, raw: &str) -> Result<String, ApiError> {
    Ok(typed::text(field, raw)?
        .replace("\r\n", "\n")
        .replace('\r', "\n")
        .replace('\t', " "))
}

/// A case's typed fields: no control characters, no pasted pages (the report lists them).
const CASE_SUBJECT: Field = Field::line("案件涉及的申请或事项", 200, false);
const CASE_NUMBER: Field = Field::line("案号", 100, false);
const CASE_NOTE: Field = Field::area("案件备注", 2000, false);

fn parse_case(args: &wire::DisclosureCaseInput) -> Result<StoredCase, ApiError> {
    let subject = typed::required(CASE_SUBJECT, &args.subject, "请写明案件涉及的申请或事项")?;
    let case_number = typed::text(CASE_NUMBER, &args.case_number)?;
    let note = typed::text(CASE_NOTE, &args.note)?;
    let filed_on = parse_date(&args.filed_on, "立案（受理）日期")?;
    let outcome = args
        .outcome
        .filter(|o| *o != wire::DisclosureCaseOutcome::Pending);
    let decided_on = match (&outcome, args.decided_on.as_deref().map(str::trim)) {
        (None, None | Some("")) => None,
        (None, Some(_)) => {
            return Err(ApiError::invalid(
                "尚未审结的案件不填结案日期；已结案的请选择结果".to_owned(),
            ));
        }
        (Some(_), None | Some("")) => {
            return Err(ApiError::invalid("已有结果的案件请填写结案日期".to_owned()));
        }
        (Some(_), Some(text)) => Some(parse_date(text, "结案日期")?),
    };
    if decided_on.is_some_and(|d| d < filed_on) {
        return Err(ApiError::invalid(format!(
            "结案日期早于立案日期 {filed_on}，请核对"
        )));
    }
    if filed_on > today() {
        return Err(ApiError::invalid(format!(
            "立案日期 {filed_on} 在今天之后，请核对"
        )));
    }
    if let Some(decided_on) = decided_on.filter(|d| *d > today()) {
        return Err(ApiError::invalid(format!(
            "结案日期 {decided_on} 在今天之后：案件审结后再登记结果"
        )));
    }
    let id = match &args.id {
        Some(id) => id.parse()?,
        None => RowId::new(),
    };
    Ok(StoredCase {
        id,
        kind: args.kind.key().to_owned(),
        case_number,
        subject,
        filed_on,
        outcome: outcome.map(|o| o.key().to_owned()),
        decided_on,
        note,
        updated_at: String::new(),
    })
}

/// A case's outcome as at the end of `year`: decided after it, it was still 尚未审结 then.
fn outcome_at_year_end(case: &StoredCase, year: i32) -> Result<CaseOutcome, ApiError> {
    let decided_in_time = case.decided_on.is_some_and(|d| d.year() <= year);
    match (&case.outcome, decided_in_time) {
        (Some(key), true) => CaseOutcome::from_key(key)
            .ok_or_else(|| ApiError::internal(format!("disclosure_case outcome “{key}”"))),
        _ => Ok(CaseOutcome::Pending),
    }
}

/// Everything a year's report is built from, gathered from the store.
pub(crate) struct Gathered {
    pub input: ReportInput,
    pub draft: StoredReportDraft,
    pub cases: Vec<StoredCase>,
}

pub(crate) fn gather(store: &Store, year: i32) -> Result<Gathered, ApiError> {
    let draft = store.report_draft(year)?.unwrap_or(StoredReportDraft {
        year,
        ..StoredReportDraft::default()
    });
    let mut table3 = Table3Input::new();
    for ((row, column), count) in &store.requests_table3(year)?.cells {
        table3.set(row, column, *count);
    }
    let documents = store.documents_year_figures(year)?;
    let cases: Vec<StoredCase> = store
        .disclosure_cases()?
        .into_iter()
        .filter(|case| case.filed_on.year() == year)
        .collect();
    let mut table4 = Table4Input::new();
    for case in &cases {
        table4.add(&case.kind, outcome_at_year_end(case, year)?, 1);
    }
    let [issued, repealed, in_force] = draft.regulations;
    let input = ReportInput {
        year,
        table2: Table2Input {
            regulations: DocumentCounts {
                issued,
                repealed,
                in_force,
            },
            normative_documents: DocumentCounts {
                issued: documents.issued,
                repealed: documents.repealed,
                in_force: documents.in_force,
            },
            licensing_decisions: draft.licensing_decisions,
            penalty_decisions: draft.penalty_decisions,
            enforcement_decisions: draft.enforcement_decisions,
            fees_fen: draft.admin_fees_fen,
        },
        table3,
        table4,
        recorded_fees_fen: store.request_fees_paid(year)?,
        stated_fees_fen: draft.stated_fees_fen,
    };
    Ok(Gathered {
        input,
        draft,
        cases,
    })
}

pub(crate) fn national() -> Result<Format, ApiError> {
    Format::national().map_err(|e| ApiError::internal(e.to_string()))
}

fn report_error(e: gongkai_report::ReportError) -> ApiError {
    ApiError::internal(e.to_string())
}

/// Last year's report for the comparison and the cross-year check: the tables frozen when it
/// was exported as final, else counted from the data as it is now.
fn last_year(
    store: &Store,
    format: &Format,
    year: i32,
) -> Result<Option<(Report, wire::ReportTables)>, ApiError> {
    let last = year - 1;
    if let Some(frozen) = store
        .report_draft(last)?
        .and_then(|draft| draft.final_tables)
    {
        let tables: wire::ReportTables = serde_json::from_str(&frozen)
            .map_err(|e| ApiError::internal(format!("{last}年报告的定稿表格无法读取：{e}")))?;
        let report = Report {
            year: last,
            table2: Vec::new(),
            table3: tables
                .table3
                .rows
                .iter()
                .map(|row| row.cells.clone())
                .collect(),
            table4: Vec::new(),
            problems: Vec::new(),
        };
        return Ok(Some((report, tables)));
    }
    let gathered = gather(store, last)?;
    let has_data = !gathered.input.table3.cells().all(|(_, _, n)| n == 0)
        || !gathered.cases.is_empty()
        || store.report_draft(last)?.is_some();
    if !has_data {
        return Ok(None);
    }
    let report = gongkai_report::build(format, &gathered.input, None).map_err(report_error)?;
    let tables = tables_view(format, &report);
    Ok(Some((report, tables)))
}

/// The year's report built and checked, with last year's tables when there are any.
pub(crate) fn built(
    store: &Store,
    year: i32,
) -> Result<(Format, Gathered, Report, Option<wire::ReportTables>), ApiError> {
    let format = national()?;
    let gathered = gather(store, year)?;
    let last = last_year(store, &format, year)?;
    let report = gongkai_report::build(&format, &gathered.input, last.as_ref().map(|(r, _)| r))
        .map_err(report_error)?;
    Ok((format, gathered, report, last.map(|(_, tables)| tables)))
}

fn view(store: &Store, year: i32) -> Result<wire::ReportView, ApiError> {
    let (format, gathered, report, last_year) = built(store, year)?;
    let township = store.require_township()?;
    let activity = store.report_year_activity(year)?;
    let plan = crate::plan::year_ends(store, year)?;
    let overview_suggestion = overview::suggestion(
        township.name.as_str(),
        year,
        &activity,
        &plan,
        &report,
        &format,
    );
    let draft = &gathered.draft;
    Ok(wire::ReportView {
        year,
        title: title(township.name.as_str(), year),
        sections: format.sections.clone(),
        draft: wire::ReportDraft {
            year,
            overview: draft.overview.clone(),
            problems_text: draft.problems_text.clone(),
            other_text: draft.other_text.clone(),
            stated_fees_fen: draft.stated_fees_fen,
            regulations: draft.regulations,
            licensing_decisions: draft.licensing_decisions,
            penalty_decisions: draft.penalty_decisions,
            enforcement_decisions: draft.enforcement_decisions,
            admin_fees_fen: draft.admin_fees_fen,
            finalized_at: draft.finalized_at.clone(),
            record_id: draft.record_id.map(|id| id.to_string()),
        },
        overview_suggestion,
        tables: tables_view(&format, &report),
        last_year,
        problems: report.problems.iter().map(problem_view).collect(),
        cases: gathered
            .cases
            .iter()
            .map(case_view)
            .collect::<Result<_, _>>()?,
        recorded_fees_fen: gathered.input.recorded_fees_fen,
    })
}

pub(crate) fn title(township: &str, year: i32) -> String {
    format!("{township}{year}年政府信息公开工作年度报告")
}

pub(crate) fn tables_view(format: &Format, report: &Report) -> wire::ReportTables {
    wire::ReportTables {
        year: report.year,
        table2: report
            .table2
            .iter()
            .map(|part| wire::Table2PartView {
                caption: part.caption.clone(),
                columns: part.columns.clone(),
                rows: part
                    .rows
                    .iter()
                    .map(|(label, cells)| wire::Table2RowView {
                        label: label.clone(),
                        cells: cells.iter().map(|c| c.display()).collect(),
                    })
                    .collect(),
            })
            .collect(),
        table3: wire::Table3View {
            note: format.table3.note.clone(),
            supergroup: format.table3.column_supergroup.clone(),
            columns: format
                .table3
                .columns
                .iter()
                .map(|c| wire::Table3ColumnView {
                    key: c.key.clone(),
                    label: c.label.clone(),
                    group: c.group.clone(),
                })
                .collect(),
            rows: format
                .table3
                .rows
                .iter()
                .zip(&report.table3)
                .map(|(row, cells)| wire::Table3RowView {
                    key: row.key.clone(),
                    label: row.label.clone(),
                    parent: row.parent.clone(),
                    level: row.level,
                    cells: cells.clone(),
                })
                .collect(),
        },
        table4: wire::Table4View {
            columns: format.table4.columns_per_group.clone(),
            groups: format
                .table4
                .groups
                .iter()
                .zip(&report.table4)
                .map(|(group, cells)| wire::Table4GroupView {
                    key: group.key.clone(),
                    label: group.label.clone(),
                    parent: group.parent.clone(),
                    cells: cells.to_vec(),
                })
                .collect(),
        },
    }
}

fn problem_view(problem: &gongkai_report::Problem) -> wire::ReportProblem {
    wire::ReportProblem {
        place: match problem.table {
            TableName::Table3 => wire::ReportProblemPlace::Table3,
            TableName::Table4 => wire::ReportProblemPlace::Table4,
            TableName::Section6 => wire::ReportProblemPlace::Section6,
        },
        cells: problem
            .cells
            .iter()
            .map(|c| wire::ReportCellRef {
                row: c.row.clone(),
                column: c.column.clone(),
            })
            .collect(),
        message: problem.message.clone(),
    }
}

fn case_view(case: &StoredCase) -> Result<wire::DisclosureCase, ApiError> {
    Ok(wire::DisclosureCase {
        id: case.id.to_string(),
        kind: wire::DisclosureCaseKind::stored(&case.kind)?,
        case_number: case.case_number.clone(),
        subject: case.subject.clone(),
        filed_on: case.filed_on.to_string(),
        outcome: case
            .outcome
            .as_deref()
            .map(wire::DisclosureCaseOutcome::stored)
            .transpose()?,
        decided_on: case.decided_on.map(|d| d.to_string()),
        note: case.note.clone(),
    })
}
