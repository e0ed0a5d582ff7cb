//! The publication register (信息发布登记) as a file: `.xlsx` for the office's files, PDF for
//! the binder the county checks.

use std::path::Path;

use chrono::Datelike;
use gongkai_print::{Align, Column, Paper, Sheet, render};
use gongkai_store::StoredPublication;

use crate::session::OpenMode;
use crate::wire;
use crate::{Api, ApiError};

/// (title, relative width): the columns of the register in both formats.
const COLUMNS: [(&str, f32); 8] = [
    ("序号", 0.5),
    ("信息名称", 3.0),
    ("文号", 1.4),
    ("领域", 1.1),
    ("公开渠道", 1.4),
    ("发布位置", 2.0),
    ("发布日期", 1.1),
    ("发布人", 0.8),
];

impl Api {
    pub fn publications_export(
        &self,
        args: wire::RegisterExportArgs,
    ) -> Result<wire::ExportResult, ApiError> {
        let (township, publications) = self.with_store(OpenMode::Existing, |store| {
            Ok((store.require_township()?, store.publications()?))
        })?;
        let chosen: Vec<StoredPublication> = publications
            .into_iter()
            .filter(|p| args.year.is_none_or(|y| p.published_on.year() == y))
            .collect();
        let title = match args.year {
            Some(year) => format!("{}{year}年政府信息发布登记簿", township.name),
            None => format!("{}政府信息发布登记簿", township.name),
        };
        let rows: Vec<Vec<String>> = chosen
            .iter()
            .enumerate()
            .map(|(i, p)| {
                vec![
                    (i + 1).to_string(),
                    p.record_title.clone(),
                    p.doc_number.clone().unwrap_or_default(),
                    p.domain.clone(),
                    p.channel.clone(),
                    p.location.clone(),
                    p.published_on.to_string(),
                    p.published_by.clone(),
                ]
            })
            .collect();
        write_register(
            &args.out,
            &args.format,
            &RegisterTable {
                sheet_name: "发布登记",
                title,
                subtitle: format!("共 {} 条", rows.len()),
                subtitle_in_xlsx: false,
                columns: &COLUMNS,
                left_aligned: &["信息名称", "发布位置"],
                rows,
            },
        )?;
        Ok(wire::ExportResult { path: args.out })
    }
}

/// A register (信息发布登记簿, 公开栏更新台账) as the township files it: a table with a title, as
/// `.xlsx` for the office's files or PDF (A4 landscape, 登记人/审核人 lines) for the binder.
pub(crate) struct RegisterTable<'a> {
    pub sheet_name: &'a str,
    pub title: String,
    pub subtitle: String,
    /// Whether the `.xlsx` repeats the subtitle under the title (the PDF always prints it).
    pub subtitle_in_xlsx: bool,
    /// (title, relative width) of each column, in both formats.
    pub columns: &'a [(&'a str, f32)],
    /// The columns set flush left in the PDF; the others are centred.
    pub left_aligned: &'a [&'a str],
    pub rows: Vec<Vec<String>>,
}

/// Writes `table` to `out` as `format` (`xlsx` or `pdf`).
pub(crate) fn write_register(
    out: &str,
    format: &str,
    table: &RegisterTable<'_>,
) -> Result<(), ApiError> {
    match format.trim() {
        "xlsx" => write_xlsx(out, table),
        "pdf" => {
            let sheet = Sheet {
                title: table.title.clone(),
                subtitle: table.subtitle.clone(),
                columns: table
                    .columns
                    .iter()
                    .map(|(t, w)| Column {
                        title: (*t).to_owned(),
                        weight: *w,
                        align: if table.left_aligned.contains(t) {
                            Align::Left
                        } else {
                            Align::Center
                        },
                    })
                    .collect(),
                groups: Vec::new(),
                rows: table.rows.clone(),
                amount_column: None,
                amounts_fen: Vec::new(),
                footer: vec!["登记人：　　　　　　审核人：　　　　　　".to_owned()],
                signature: Vec::new(),
                paper: Paper::A4Landscape,
                document_title: table.title.clone(),
            };
            std::fs::write(out, render(&sheet)?).map_err(|e| ApiError::export(out, &e.to_string()))
        }
        other => Err(ApiError::invalid(format!(
            "导出格式“{other}”不支持，请选 xlsx 或 pdf"
        ))),
    }
}

fn write_xlsx(out: &str, table: &RegisterTable<'_>) -> Result<(), ApiError> {
    let failed = |e: rust_xlsxwriter::XlsxError| ApiError::export(out, &e.to_string());
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name(table.sheet_name).map_err(failed)?;
    let bold = rust_xlsxwriter::Format::new().set_bold();
    sheet
        .write_with_format(0, 0, &table.title, &bold)
        .map_err(failed)?;
    if table.subtitle_in_xlsx {
        sheet.write(1, 0, &table.subtitle).map_err(failed)?;
    }
    for (c, (header, width)) in table.columns.iter().enumerate() {
        let c = u16::try_from(c).unwrap_or(u16::MAX);
        sheet
            .write_with_format(2, c, *header, &bold)
            .map_err(failed)?;
        sheet
            .set_column_width(c, f64::from(*width) * 10.0)
            .map_err(failed)?;
    }
    for (i, row) in table.rows.iter().enumerate() {
        let r = 3 + u32::try_from(i).unwrap_or(u32::MAX - 3);
        for (c, value) in row.iter().enumerate() {
            let c = u16::try_from(c).unwrap_or(u16::MAX);
            sheet.write(r, c, value).map_err(failed)?;
        }
    }
    book.save(Path::new(out)).map_err(failed)
}
