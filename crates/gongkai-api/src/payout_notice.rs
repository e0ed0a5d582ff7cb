//! Payout notice sheets (公示单): one PDF per village, laid out by the print engine from the
//! stored, already masked rows.

use std::path::PathBuf;

use chrono::{Days, Local, NaiveDate};
use gongkai_domain::RowId;
use gongkai_print::{Align, Column, Paper, PrintError, Sheet, render, render_sections};
use gongkai_store::{Posting, PrintableRow, Store};

use base64::Engine;
use base64::engine::general_purpose::STANDARD as BASE64;

use crate::commands::{date_or_today, non_blank};
use crate::notice_settings::{self, given_or};
use crate::session::OpenMode;
use crate::wire;
use crate::{Api, ApiError};

/// Notice periods seen in practice are 5 working days to 7 days; 7 is the default.
pub(crate) const DEFAULT_NOTICE_DAYS: u32 = 7;

/// A village's 公示期 as printed.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Period {
    pub start: NaiveDate,
    pub end: NaiveDate,
}

impl Period {
    fn days(self) -> i64 {
        (self.end - self.start).num_days() + 1
    }
}

/// What every notice of a list shares besides its rows.
pub(crate) struct NoticeOptions {
    pub paper: Paper,
    /// A village holding several 补贴项目: a section per project, or one table naming each
    /// row's project.
    pub layout: wire::ProjectLayout,
    pub hotline: Option<String>,
    pub prepared_by: Option<String>,
    pub reviewed_by: Option<String>,
}

/// One village's notice, rendered.
pub(crate) struct Notice {
    pub village: String,
    pub rows: u32,
    pub file_name: String,
    pub pdf: Vec<u8>,
}

/// Renders the notices of a list, one per village (or only the village `only`), with each
/// village's 公示期.
pub(crate) fn notices(
    store: &Store,
    list_id: RowId,
    options: &NoticeOptions,
    period_for: impl Fn(&str) -> Period,
    only: Option<&str>,
) -> Result<Vec<Notice>, ApiError> {
    let NoticeSheets {
        year,
        project,
        sheets,
    } = notice_sheets(store, list_id, options, period_for, only)?;
    // Villages render independently: spread them over the cores (a township PC has 2–4).
    let rendered = render_all(sheets.iter().map(|s| &s.sections).collect())?;
    sheets
        .iter()
        .zip(rendered)
        .map(|(village, pdf)| {
            Ok(Notice {
                village: village.village.clone(),
                rows: village.rows,
                file_name: file_name(year, &project, &village.village),
                pdf: pdf?,
            })
        })
        .collect()
}

/// A list's notices laid out, not yet rendered.
pub(crate) struct NoticeSheets {
    year: i32,
    project: String,
    sheets: Vec<VillageSheet>,
}

struct VillageSheet {
    village: String,
    rows: u32,
    /// One sheet per 补贴项目 (a file may mix projects; each is its own 公示), named by it.
    sections: Vec<(String, Sheet)>,
}

/// All of a list's notices in one PDF, a section per village, each numbered on its own (it is
/// still posted on its own) and bookmarked by the village's name: one print job for the
/// township's printer instead of one per village.
pub(crate) fn bound_notices(
    store: &Store,
    list_id: RowId,
    options: &NoticeOptions,
    period_for: impl Fn(&str) -> Period,
) -> Result<Notice, ApiError> {
    let NoticeSheets {
        year,
        project,
        sheets,
    } = notice_sheets(store, list_id, options, period_for, None)?;
    let rows = sheets.iter().map(|s| s.rows).sum();
    let sections: Vec<(String, Sheet)> = sheets
        .into_iter()
        .flat_map(|s| {
            let several = s.sections.len() > 1;
            let village = s.village;
            s.sections.into_iter().map(move |(project, sheet)| {
                let name = if several {
                    format!("{village}·{project}")
                } else {
                    village.clone()
                };
                (name, sheet)
            })
        })
        .collect();
    Ok(Notice {
        village: ALL_VILLAGES.to_owned(),
        rows,
        file_name: file_name(year, &project, ALL_VILLAGES),
        pdf: render_sections(&sections)?,
    })
}

/// One village's notice laid out for its board as one table (a 补贴项目 column when the
/// village holds several), with the project's notice settings, A4 portrait: what a board pack
/// prints for a payout list's posting.
pub(crate) fn village_sheet(
    store: &Store,
    list_id: RowId,
    village: &str,
    period: Period,
) -> Result<Sheet, ApiError> {
    let defaults = notice_settings::effective(store, &store.payout_list(list_id)?.project)?;
    let options = NoticeOptions {
        paper: Paper::A4Portrait,
        layout: wire::ProjectLayout::Column,
        hotline: defaults.hotline,
        prepared_by: defaults.prepared_by,
        reviewed_by: defaults.reviewed_by,
    };
    notice_sheets(store, list_id, &options, |_| period, Some(village))?
        .sheets
        .into_iter()
        .flat_map(|s| s.sections)
        .map(|(_, sheet)| sheet)
        .next()
        .ok_or_else(|| ApiError::invalid(format!("这份清册中没有“{village}”的名单")))
}

/// How the bound file of all villages is named.
const ALL_VILLAGES: &str = "全部村（社区）";

fn notice_sheets(
    store: &Store,
    list_id: RowId,
    options: &NoticeOptions,
    period_for: impl Fn(&str) -> Period,
    only: Option<&str>,
) -> Result<NoticeSheets, ApiError> {
    let township = store.require_township()?;
    let list = store.payout_list(list_id)?;
    let rows = store.printable_rows(list_id)?;
    let hotline = options
        .hotline
        .clone()
        .filter(|h| !h.trim().is_empty())
        .or_else(|| {
            store
                .offices()
                .ok()?
                .into_iter()
                .find_map(|o| o.phone.map(|p| p.to_string()))
        })
        .unwrap_or_default();
    let mut villages: Vec<&str> = rows.iter().map(|r| r.village.as_str()).collect();
    villages.dedup();
    let sheets = villages
        .into_iter()
        .filter(|v| only.is_none_or(|only| only == *v))
        .map(|village| {
            let period = period_for(village);
            let footer = vec![
                format!(
                    "公示期：{} 至 {}（共 {} 天）。对公示内容如有异议，请在公示期内向村（居）委会或{}反映。",
                    chinese_date(period.start),
                    chinese_date(period.end),
                    period.days(),
                    township.name
                ),
                format!("监督举报电话：{hotline}"),
                format!(
                    "制表人：{}　　审核人：{}　　制表日期：{}",
                    options.prepared_by.as_deref().unwrap_or("　　　　"),
                    options.reviewed_by.as_deref().unwrap_or("　　　　"),
                    chinese_date(Local::now().date_naive())
                ),
            ];
            let village_rows: Vec<&PrintableRow> =
                rows.iter().filter(|r| r.village == village).collect();
            // Projects in the order the file first names them.
            let mut projects: Vec<&str> = Vec::new();
            for row in &village_rows {
                if !projects.contains(&row.project.as_str()) {
                    projects.push(&row.project);
                }
            }
            let signature = vec![issuer(township.name.as_str()), chinese_date(period.start)];
            let one_table = projects.len() > 1 && options.layout == wire::ProjectLayout::Column;
            let sections = if one_table {
                let heading = Heading {
                    township: township.name.as_str(),
                    year: list.year,
                    project: &list.project,
                    village,
                };
                let columns = Columns {
                    project: true,
                    ..Columns::of(&village_rows)
                };
                let sheet = notice_sheet(
                    &heading,
                    &village_rows,
                    columns,
                    footer,
                    signature,
                    options.paper,
                );
                vec![(list.project.clone(), sheet)]
            } else {
                projects
                .iter()
                .map(|project| {
                    let of_project: Vec<&PrintableRow> = village_rows
                        .iter()
                        .copied()
                        .filter(|r| r.project == *project)
                        .collect();
                    let heading = Heading {
                        township: township.name.as_str(),
                        year: list.year,
                        project,
                        village,
                    };
                    let columns = Columns::of(&of_project);
                    let sheet = notice_sheet(
                        &heading,
                        &of_project,
                        columns,
                        footer.clone(),
                        signature.clone(),
                        options.paper,
                    );
                    ((*project).to_owned(), sheet)
                })
                .collect()
            };
            VillageSheet {
                village: village.to_owned(),
                rows: u32::try_from(village_rows.len()).unwrap_or(u32::MAX),
                sections,
            }
        })
        .collect();
    Ok(NoticeSheets {
        year: list.year,
        project: list.project,
        sheets,
    })
}

/// One village's notice: its one sheet, or a section per project numbered on its own.
fn render_village(sections: &[(String, Sheet)]) -> Result<Vec<u8>, PrintError> {
    match sections {
        [(_, only)] => render(only),
        several => render_sections(several),
    }
}

/// Renders every village's notice, in order, on as many threads as there are cores.
fn render_all(
    sheets: Vec<&Vec<(String, Sheet)>>,
) -> Result<Vec<Result<Vec<u8>, PrintError>>, ApiError> {
    let threads = std::thread::available_parallelism()
        .map_or(1, std::num::NonZero::get)
        .min(sheets.len())
        .max(1);
    let chunk = sheets.len().div_ceil(threads).max(1);
    std::thread::scope(|scope| {
        let workers: Vec<_> = sheets
            .chunks(chunk)
            .map(|part| {
                scope.spawn(move || part.iter().map(|s| render_village(s)).collect::<Vec<_>>())
            })
            .collect();
        let mut all = Vec::with_capacity(sheets.len());
        for worker in workers {
            let part = worker
                .join()
                .map_err(|_| ApiError::internal("打印公示单的线程意外中止"))?;
            all.extend(part);
        }
        Ok(all)
    })
}

impl Api {
    /// Prints a list's notices into a folder. A list already posted prints with its recorded
    /// 公示期; a draft with the dates given (default: from today, 7 days).
    pub fn payouts_print(
        &self,
        args: wire::PayoutPrintArgs,
    ) -> Result<wire::PayoutPrintResult, ApiError> {
        let list_id = args.list_id.trim().parse()?;
        let paper = paper(args.paper.as_deref())?;
        let out_dir = PathBuf::from(args.out_dir.trim());
        std::fs::create_dir_all(&out_dir)
            .map_err(|e| ApiError::export(&out_dir.display().to_string(), &e.to_string()))?;
        self.with_store(OpenMode::Existing, |store| {
            // What the clerk left out comes from the project's notice settings.
            let defaults = notice_settings::effective(store, &store.payout_list(list_id)?.project)?;
            let options = NoticeOptions {
                paper,
                layout: args.project_layout.unwrap_or(wire::ProjectLayout::Sections),
                hotline: given_or(args.hotline.as_deref(), defaults.hotline),
                prepared_by: given_or(args.prepared_by.as_deref(), defaults.prepared_by),
                reviewed_by: given_or(args.reviewed_by.as_deref(), defaults.reviewed_by),
            };
            let asked = period(
                args.notice_start.as_deref(),
                Some(args.notice_days.unwrap_or(defaults.notice_days)),
            )?;
            let postings = store.postings(list_id)?;
            let period_for = posted_or(&postings, asked);
            let printed = if args.one_file == Some(true) {
                vec![bound_notices(store, list_id, &options, period_for)?]
            } else {
                notices(store, list_id, &options, period_for, None)?
            };
            let mut files = Vec::new();
            for notice in printed {
                let path = out_dir.join(&notice.file_name);
                std::fs::write(&path, &notice.pdf)
                    .map_err(|e| ApiError::export(&path.display().to_string(), &e.to_string()))?;
                files.push(wire::PrintedFile {
                    village: notice.village,
                    path: path.display().to_string(),
                    rows: notice.rows,
                    bytes: notice.pdf.len() as u64,
                });
            }
            Ok(wire::PayoutPrintResult { files })
        })
    }
}

impl Api {
    /// One village's notice for the preview in the app, as the PDF that printing would write:
    /// the list's villages, the one shown (default: the first), and the PDF itself.
    pub fn payouts_preview(
        &self,
        args: wire::PayoutPreviewArgs,
    ) -> Result<wire::NoticePreview, ApiError> {
        let list_id = args.list_id.trim().parse()?;
        let paper = paper(args.paper.as_deref())?;
        self.with_store(OpenMode::Existing, |store| {
            // As printing would draw it: what the clerk typed, else the project's settings.
            let defaults = notice_settings::effective(store, &store.payout_list(list_id)?.project)?;
            let options = NoticeOptions {
                paper,
                layout: args.project_layout.unwrap_or(wire::ProjectLayout::Sections),
                hotline: given_or(args.hotline.as_deref(), defaults.hotline),
                prepared_by: given_or(args.prepared_by.as_deref(), defaults.prepared_by),
                reviewed_by: given_or(args.reviewed_by.as_deref(), defaults.reviewed_by),
            };
            let asked = period(None, Some(defaults.notice_days))?;
            let villages: Vec<String> = store
                .payout_list(list_id)?
                .villages
                .into_iter()
                .map(|v| v.village)
                .collect();
            let village = match non_blank(args.village.as_deref()) {
                Some(v) if villages.iter().any(|known| known == v) => v.to_owned(),
                Some(v) => {
                    return Err(ApiError::invalid(format!("这份清册中没有“{v}”的名单")));
                }
                None => villages
                    .first()
                    .cloned()
                    .ok_or_else(|| ApiError::invalid("这份清册没有名单".to_owned()))?,
            };
            let postings = store.postings(list_id)?;
            let notice = notices(
                store,
                list_id,
                &options,
                posted_or(&postings, asked),
                Some(&village),
            )?
            .pop()
            .ok_or_else(|| ApiError::internal(format!("{village}的公示单没有生成")))?;
            Ok(wire::NoticePreview {
                villages,
                village,
                rows: notice.rows,
                file_name: notice.file_name,
                pdf_base64: BASE64.encode(&notice.pdf),
            })
        })
    }
}

/// Each village's recorded 公示期, or `fallback` for a village not posted yet.
pub(crate) fn posted_or(postings: &[Posting], fallback: Period) -> impl Fn(&str) -> Period + '_ {
    move |village| {
        postings
            .iter()
            .find(|p| p.village == village)
            .map_or(fallback, |p| Period {
                start: p.posted_on,
                end: p.ends_on,
            })
    }
}

/// The 公示期 from a start date (default today) and a length in days (default 7; the commands
/// pass the project's notice setting).
pub(crate) fn period(start: Option<&str>, days: Option<u32>) -> Result<Period, ApiError> {
    let start = date_or_today("公示开始日期", start)?;
    let days = days.unwrap_or(DEFAULT_NOTICE_DAYS).max(1);
    let end = start
        .checked_add_days(Days::new(u64::from(days - 1)))
        .ok_or_else(|| ApiError::invalid("公示期过长".to_owned()))?;
    Ok(Period { start, end })
}

/// Whose notice it is: named in its title, subtitle and the PDF's document information.
struct Heading<'a> {
    township: &'a str,
    year: i32,
    project: &'a str,
    village: &'a str,
}

/// The optional columns a sheet prints.
#[derive(Debug, Clone, Copy)]
struct Columns {
    group: bool,
    /// 补贴项目: one table for several projects.
    project: bool,
    area: bool,
    rate: bool,
    note: bool,
}

impl Columns {
    /// What the rows fill in; no 补贴项目 column.
    fn of(rows: &[&PrintableRow]) -> Self {
        Self {
            group: rows.iter().any(|r| r.group.is_some()),
            project: false,
            area: rows.iter().any(|r| r.area_e4.is_some()),
            rate: rows.iter().any(|r| r.rate_e4.is_some()),
            note: rows.iter().any(|r| r.note.is_some()),
        }
    }
}

fn notice_sheet(
    heading: &Heading<'_>,
    rows: &[&PrintableRow],
    shown: Columns,
    footer: Vec<String>,
    signature: Vec<String>,
    paper: Paper,
) -> Sheet {
    let Heading {
        township,
        year,
        project,
        village,
    } = heading;

    type Cell = fn(usize, &PrintableRow) -> String;
    let mut columns: Vec<(Column, Cell)> = vec![(col("序号", 0.6, Align::Center), |i, _| {
        (i + 1).to_string()
    })];
    if shown.group {
        columns.push((col("村民小组", 0.9, Align::Center), |_, r| {
            r.group.clone().unwrap_or_default()
        }));
    }
    columns.push((col("姓名", 1.2, Align::Left), |_, r| r.name.clone()));
    columns.push((col("身份证号", 2.0, Align::Center), |_, r| {
        r.id_masked.clone()
    }));
    if shown.project {
        columns.push((col("补贴项目", 1.6, Align::Left), |_, r| {
            r.project.clone()
        }));
    }
    if shown.area {
        columns.push((col("面积（亩）", 1.0, Align::Right), |_, r| {
            r.area_e4.map(quantity).unwrap_or_default()
        }));
    }
    if shown.rate {
        columns.push((col("补贴标准", 1.1, Align::Right), |_, r| {
            r.rate_e4.map(quantity).unwrap_or_default()
        }));
    }
    let amount_column = columns.len();
    columns.push((col("金额（元）", 1.2, Align::Right), |_, r| {
        gongkai_print::yuan(r.amount_fen)
    }));
    if shown.note {
        columns.push((col("备注", 1.3, Align::Left), |_, r| {
            r.note.clone().unwrap_or_default()
        }));
    }

    Sheet {
        title: format!("{township}{year}年{project}发放公示"),
        subtitle: format!("{village}　　共 {} 人　　单位：元", rows.len()),
        rows: rows
            .iter()
            .enumerate()
            .map(|(i, r)| columns.iter().map(|(_, cell)| cell(i, r)).collect())
            .collect(),
        columns: columns.into_iter().map(|(c, _)| c).collect(),
        groups: Vec::new(),
        amount_column: Some(amount_column),
        amounts_fen: rows.iter().map(|r| r.amount_fen).collect(),
        footer,
        signature,
        paper,
        document_title: format!("{year}年{project}发放公示（{village}）"),
    }
}

fn col(title: &str, weight: f32, align: Align) -> Column {
    Column {
        title: title.to_owned(),
        weight,
        align,
    }
}

/// Ten-thousandths as a decimal with at least two places: 123500 → "12.35".
fn quantity(e4: i64) -> String {
    let sign = if e4 < 0 { "-" } else { "" };
    let abs = e4.unsigned_abs();
    let fraction = format!("{:04}", abs % 10_000);
    let fraction = fraction.trim_end_matches('0');
    format!("{sign}{}.{fraction:0<2}", abs / 10_000)
}

/// The body that issues the notice, as its 落款 names it: 示范镇 → 示范镇人民政府, 城南街道 →
/// 城南街道办事处.
pub(crate) fn issuer(township: &str) -> String {
    if township.ends_with("街道") {
        format!("{township}办事处")
    } else if township.ends_with("人民政府") || township.ends_with("办事处") {
        township.to_owned()
    } else {
        format!("{township}人民政府")
    }
}

/// 2026年12月1日: dates in Arabic numerals, as GB/T 9704 writes a document's date.
fn chinese_date(date: NaiveDate) -> String {
    date.format("%Y年%-m月%-d日").to_string()
}

fn paper(name: Option<&str>) -> Result<Paper, ApiError> {
    match name.map(str::trim).unwrap_or("a4") {
        "" | "a4" => Ok(Paper::A4Portrait),
        "a4-landscape" => Ok(Paper::A4Landscape),
        "a3" => Ok(Paper::A3Portrait),
        "a3-landscape" => Ok(Paper::A3Landscape),
        other => Err(ApiError::invalid(format!(
            "纸张“{other}”不认识：可选 a4、a4-landscape、a3、a3-landscape"
        ))),
    }
}

/// `2025年耕地地力保护补贴-东山村.pdf`, without characters Windows forbids in file names.
fn file_name(year: i32, project: &str, village: &str) -> String {
    let name = format!("{year}年{project}-{village}.pdf");
    name.chars()
        .map(|c| {
            if matches!(c, '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|') {
                '_'
            } else {
                c
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quantities() {
        assert_eq!(quantity(123_500), "12.35");
        assert_eq!(quantity(100_000), "10.00");
        assert_eq!(quantity(1_045_678), "104.5678");
    }

    #[test]
    fn file_names_are_safe() {
        assert_eq!(
            file_name(2025, "高龄/津贴", "东山村"),
            "2025年高龄_津贴-东山村.pdf"
        );
    }

    #[test]
    fn dates() {
        assert_eq!(
            chinese_date(NaiveDate::from_ymd_opt(2025, 12, 1).unwrap()),
            "2025年12月1日"
        );
    }
}
