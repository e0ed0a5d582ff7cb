//! The sheet of a posting as the print engine draws it: a composed 公示/公告/通知 (GB/T 9704
//! layout by the engine's `NoticeSheet`), a published record shown as a 公告, or a payout
//! list's village notice (the list's table); each with the posting's footer (board, zone,
//! 登记号, 公示期). Checked before anything is stored: every character in the bundled faces, and
//! the paper inside its zone.

use base64::Engine;
use base64::engine::general_purpose::STANDARD as BASE64;
use chrono::NaiveDate;
use gongkai_boards::{DayUnit, Orientation, Paper, Rect, SHEET_GAP, sheets_fit};
use gongkai_print::{
    NoticeSheet, NoticeTable, Objection, PackSheet, SheetFooter, render_notice, render_posted,
};
use gongkai_store::{ComposedSheet, SheetSource, Store, StoredPosting, ZoneInForce};

use crate::commands::non_blank;
use crate::payout_notice::{self, village_sheet};
use crate::session::OpenMode;
use crate::{Api, ApiError, wire};

use super::{composed_of, rule, today};

/// What a new posting's sheet is, and what it says of its title, notice period and paper.
pub(crate) struct Source {
    pub source: SheetSource,
    pub title: String,
    /// A notice period the source fixes (a payout list's recorded 公示期).
    pub notice: Option<(NaiveDate, NaiveDate)>,
    /// The length of the notice period a composed sheet asks for.
    pub period: Option<(u32, DayUnit)>,
    pub paper: Paper,
    pub orientation: Orientation,
}

/// The source the clerk named: exactly one of a payout list, a record, a composed sheet.
pub(crate) fn source(
    store: &Store,
    zone: &ZoneInForce,
    args: &wire::PostingAddArgs,
) -> Result<Source, ApiError> {
    let list = non_blank(args.payout_list_id.as_deref());
    let record = non_blank(args.record_id.as_deref());
    match (list, record, &args.sheet) {
        (Some(list), None, None) => payout_source(store, zone, list.parse()?),
        (None, Some(record), None) => record_source(store, record.parse()?),
        (None, None, Some(input)) => {
            let sheet = composed_of(input)?;
            let notice = notice_of(&sheet, None, None)?;
            check_personal_numbers(&notice)?;
            check_glyphs(&notice)?;
            Ok(Source {
                title: sheet.title.clone(),
                notice: None,
                period: match (sheet.period_days, sheet.period_unit.as_deref()) {
                    (Some(days), Some(unit)) => Some((days, DayUnit::parse(unit).map_err(rule)?)),
                    _ => None,
                },
                paper: paper_of(&sheet.paper),
                orientation: orientation_of(sheet.landscape),
                source: SheetSource::Composed(sheet),
            })
        }
        _ => Err(ApiError::invalid(
            "请指定张贴内容的一个来源：补贴清册、已发布的公开信息或自拟公示单（只能选一个）"
                .to_owned(),
        )),
    }
}

fn payout_source(
    store: &Store,
    zone: &ZoneInForce,
    list_id: gongkai_domain::RowId,
) -> Result<Source, ApiError> {
    let list = store.payout_list(list_id)?;
    let Some(village) = zone.village_name.as_deref() else {
        return Err(ApiError::invalid(format!(
            "补贴清册按村公示：“{}”是本镇的公开栏，请选村（社区）的公开栏",
            zone.board_name
        )));
    };
    if !list.villages.iter().any(|v| v.village == village) {
        return Err(ApiError::invalid(format!(
            "清册“{}”中没有{village}的名单",
            list.project
        )));
    }
    let notice = store
        .postings(list_id)?
        .into_iter()
        .find(|p| p.village == village)
        .map(|p| (p.posted_on, p.ends_on));
    Ok(Source {
        source: SheetSource::PayoutNotice(list_id),
        title: format!("{}年{}发放公示（{village}）", list.year, list.project),
        notice,
        period: None,
        paper: Paper::A4,
        orientation: Orientation::Portrait,
    })
}

fn record_source(store: &Store, record_id: gongkai_domain::RowId) -> Result<Source, ApiError> {
    let record = store.record(record_id)?;
    if record.status != "published" {
        return Err(ApiError::invalid(format!(
            "“{}”尚未发布（或已撤回），发布后才能张贴",
            record.title
        )));
    }
    // Publication refuses these now; a record an older workbench published may still hold one.
    let found = crate::records::id_number_places(&record);
    if !found.is_empty() {
        return Err(ApiError::invalid(format!(
            "公开信息“{}”中有完整的身份证号，不能贴上公开栏：{}。请先更正该信息，只保留脱敏后的号码",
            record.title,
            found.join("；")
        )));
    }
    Ok(Source {
        source: SheetSource::Record(record_id),
        title: record.title,
        notice: None,
        period: None,
        paper: Paper::A4,
        orientation: Orientation::Portrait,
    })
}

fn paper_of(key: &str) -> Paper {
    if key == "A3" { Paper::A3 } else { Paper::A4 }
}

fn orientation_of(landscape: bool) -> Orientation {
    if landscape {
        Orientation::Landscape
    } else {
        Orientation::Portrait
    }
}

/// A sheet that does not fit its zone is refused, naming the zone and what would fit.
pub(crate) fn check_fits(zone: &ZoneInForce, source: &Source) -> Result<(), ApiError> {
    let rect = Rect::new(0, 0, zone.width_mm, zone.height_mm);
    let fits = |paper, orientation| sheets_fit(rect, paper, orientation, SHEET_GAP).sheets() > 0;
    if fits(source.paper, source.orientation) {
        return Ok(());
    }
    let other = Paper::ALL
        .into_iter()
        .flat_map(|p| Orientation::ALL.map(|o| (p, o)))
        .filter(|&(p, o)| fits(p, o))
        .map(|(p, o)| format!("{}{}", p.label(), o.label()))
        .collect::<Vec<_>>();
    let offer = if other.is_empty() {
        "这个版块放不下任何 A4 或 A3 纸，请在版面设计中放大版块".to_owned()
    } else {
        format!("可改用{}", other.join("或"))
    };
    Err(ApiError::invalid(format!(
        "“{}”为 {}{}，放不进“{}”的版块“{}”（宽 {} 毫米、高 {} 毫米）：{offer}",
        source.title,
        source.paper.label(),
        source.orientation.label(),
        zone.board_name,
        zone.name,
        zone.width_mm,
        zone.height_mm
    )))
}

/// Refuses a sheet showing a full resident ID number: it is posted on a public board and its PDF
/// goes to the county's public page, so the rule the county applies to what it publishes holds
/// here before anything is written (the number is named by its first and last four characters).
fn check_personal_numbers(sheet: &NoticeSheet) -> Result<(), ApiError> {
    let mut places: Vec<(String, &str)> = vec![
        ("标题".to_owned(), sheet.title.as_str()),
        ("正文".to_owned(), sheet.body.as_str()),
        ("落款".to_owned(), sheet.issuer.as_str()),
    ];
    if let Some(objection) = &sheet.objection {
        places.extend(
            objection
                .phone
                .as_deref()
                .map(|t| ("异议电话".to_owned(), t)),
        );
        places.extend(
            objection
                .address
                .as_deref()
                .map(|t| ("异议地址".to_owned(), t)),
        );
    }
    if let Some(table) = &sheet.table {
        for (c, column) in table.columns.iter().enumerate() {
            places.push((format!("表头第 {} 列", c + 1), column.as_str()));
        }
        for (r, row) in table.rows.iter().enumerate() {
            for (c, cell) in row.iter().enumerate() {
                places.push((format!("表格第 {} 行第 {} 列", r + 1, c + 1), cell.as_str()));
            }
        }
    }
    let found = gongkai_sync::check::id_number_places(places);
    if found.is_empty() {
        return Ok(());
    }
    Err(ApiError::invalid(format!(
        "公示单中有完整的身份证号，张贴和上报后会公开：{}。请只写脱敏后的号码（如 3415**********7776）",
        found.join("；")
    )))
}

/// Refuses a sheet with characters no bundled face has, naming each and where it is.
fn check_glyphs(sheet: &NoticeSheet) -> Result<(), ApiError> {
    let missing = sheet.missing_glyphs()?;
    if missing.is_empty() {
        return Ok(());
    }
    let places: Vec<String> = missing
        .iter()
        .map(|m| {
            format!(
                "{}“{}”中的“{}”（U+{:04X}）",
                m.place, m.text, m.character, m.character as u32
            )
        })
        .collect();
    Err(ApiError::invalid(format!(
        "公示单中有字库缺少的字，打印出来会是方框：{}。请换用常用字或拼音",
        places.join("；")
    )))
}

fn print_paper(paper: &str, landscape: bool) -> gongkai_print::Paper {
    match (paper, landscape) {
        ("A3", false) => gongkai_print::Paper::A3Portrait,
        ("A3", true) => gongkai_print::Paper::A3Landscape,
        (_, true) => gongkai_print::Paper::A4Landscape,
        _ => gongkai_print::Paper::A4Portrait,
    }
}

/// A composed sheet as the print engine takes it.
pub(crate) fn notice_of(
    sheet: &ComposedSheet,
    notice: Option<(NaiveDate, NaiveDate)>,
    footer: Option<SheetFooter>,
) -> Result<NoticeSheet, ApiError> {
    let table = match &sheet.table_json {
        Some(json) => {
            let table: wire::SheetTable = serde_json::from_str(json)
                .map_err(|e| ApiError::internal(format!("公示单的表格无法读取：{e}")))?;
            Some(NoticeTable {
                columns: table.columns,
                rows: table.rows,
            })
        }
        None => None,
    };
    let objection =
        (sheet.objection_phone.is_some() || sheet.objection_address.is_some()).then(|| Objection {
            phone: sheet.objection_phone.clone(),
            address: sheet.objection_address.clone(),
        });
    Ok(NoticeSheet {
        title: sheet.title.clone(),
        body: sheet.body.clone(),
        table,
        notice: if sheet.period_days.is_some() {
            notice
        } else {
            None
        },
        objection,
        issuer: sheet.issuer.clone(),
        issued_on: sheet.issued_on,
        paper: print_paper(&sheet.paper, sheet.landscape),
        footer,
    })
}

/// What the clerk typed, read back.
pub(crate) fn input_of(sheet: &ComposedSheet) -> Result<wire::ComposedSheetInput, ApiError> {
    let table = match &sheet.table_json {
        Some(json) => Some(
            serde_json::from_str(json)
                .map_err(|e| ApiError::internal(format!("公示单的表格无法读取：{e}")))?,
        ),
        None => None,
    };
    Ok(wire::ComposedSheetInput {
        kind: wire::SheetKind::stored(&sheet.kind)?,
        title: sheet.title.clone(),
        body: sheet.body.clone(),
        table,
        period_days: sheet.period_days,
        period_unit: sheet.period_unit.clone(),
        objection_phone: sheet.objection_phone.clone(),
        objection_address: sheet.objection_address.clone(),
        issuer: sheet.issuer.clone(),
        issued_on: sheet.issued_on.to_string(),
        paper: Some(sheet.paper.clone()),
        landscape: sheet.landscape,
    })
}

/// The footer a posting's sheet carries on the wall.
pub(crate) fn footer_of(p: &StoredPosting) -> SheetFooter {
    SheetFooter {
        board: p.board_name.clone(),
        zone: p.zone_name.clone(),
        register_no: p.register_no.clone(),
        notice: Some((p.notice_from, p.notice_to)),
        portal_url: None,
    }
}

/// A posting's sheet laid out, with its footer.
pub(crate) fn pack_sheet(store: &Store, p: &StoredPosting) -> Result<PackSheet, ApiError> {
    let footer = footer_of(p);
    let notice = Some((p.notice_from, p.notice_to));
    if let Some(sheet_id) = p.sheet_id {
        let sheet = store.composed_sheet(sheet_id)?;
        return Ok(PackSheet::Notice(notice_of(&sheet, notice, Some(footer))?));
    }
    if let Some(record_id) = p.record_id {
        let record = store.record(record_id)?;
        let township = store.require_township()?;
        return Ok(PackSheet::Notice(NoticeSheet {
            title: record.title,
            body: record.body,
            table: None,
            notice,
            objection: None,
            issuer: township.name.to_string(),
            issued_on: record.published_on.unwrap_or(record.formed_on),
            paper: gongkai_print::Paper::A4Portrait,
            footer: Some(footer),
        }));
    }
    if let Some(list_id) = p.payout_list_id {
        let village = p.village_name.as_deref().unwrap_or_default();
        let period = payout_notice::Period {
            start: p.notice_from,
            end: p.notice_to,
        };
        return Ok(PackSheet::Table {
            sheet: village_sheet(store, list_id, village, period)?,
            footer: Some(footer),
        });
    }
    Err(ApiError::internal(format!(
        "张贴“{}”没有张贴内容的来源",
        p.title
    )))
}

/// A laid-out sheet as its own PDF (the file kept as printed).
pub(crate) fn render_sheet(sheet: &PackSheet) -> Result<Vec<u8>, ApiError> {
    Ok(match sheet {
        PackSheet::Notice(notice) => render_notice(notice)?,
        PackSheet::Table {
            sheet,
            footer: Some(footer),
        } => render_posted(sheet, footer)?,
        PackSheet::Table {
            sheet,
            footer: None,
        } => gongkai_print::render(sheet)?,
    })
}

/// The file name a posting's sheet is kept and uploaded under.
pub(crate) fn file_name(p: &StoredPosting) -> String {
    let title: String = p
        .title
        .chars()
        .map(|c| if r#"\/:*?"<>|"#.contains(c) { '_' } else { c })
        .collect();
    format!("{}_{title}.pdf", p.register_no)
}

impl Api {
    /// A sheet as printing would draw it: a posting's (with its footer), or a composed sheet
    /// not saved yet (no footer), as base64 PDF for the preview pane.
    pub fn sheet_preview(
        &self,
        args: wire::SheetPreviewArgs,
    ) -> Result<wire::SheetPreview, ApiError> {
        match (non_blank(args.posting_id.as_deref()), &args.sheet) {
            (Some(id), None) => {
                let id = id.parse()?;
                self.with_store(OpenMode::Existing, |store| {
                    let posting = store.board_posting(id)?;
                    let pdf = render_sheet(&pack_sheet(store, &posting)?)?;
                    Ok(wire::SheetPreview {
                        file_name: file_name(&posting),
                        pdf_base64: BASE64.encode(pdf),
                    })
                })
            }
            (None, Some(input)) => {
                let sheet = composed_of(input)?;
                let notice = match (sheet.period_days, sheet.period_unit.as_deref()) {
                    (Some(days), Some(unit)) => {
                        let from = today();
                        let calendar = gongkai_calendar::Calendar::official()?;
                        let unit = DayUnit::parse(unit).map_err(rule)?;
                        Some((
                            from,
                            gongkai_boards::notice_end(&calendar, from, days, unit)
                                .map_err(rule)?,
                        ))
                    }
                    _ => None,
                };
                let notice_sheet = notice_of(&sheet, notice, None)?;
                check_glyphs(&notice_sheet)?;
                Ok(wire::SheetPreview {
                    file_name: format!("{}.pdf", sheet.title),
                    pdf_base64: BASE64.encode(render_notice(&notice_sheet)?),
                })
            }
            _ => Err(ApiError::invalid(
                "请指定要预览的张贴，或填写公示单（只能选一个）".to_owned(),
            )),
        }
    }
}
