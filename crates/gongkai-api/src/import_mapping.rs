//! The import wizard's mapping step: how a file's columns are read, corrected by the clerk and
//! saved per source as an import template.

use std::path::Path;

use gongkai_domain::RowId;
use gongkai_payouts::MaskRules;
use gongkai_payouts::columns::{Column, Override, normalise, survey};
use gongkai_payouts::validate::village_named;
use gongkai_sheets::{Row, Sheet};
use gongkai_store::{ImportTemplate, Store, TemplateColumn};

use crate::commands::non_blank;
use crate::payouts::mask_rules;
use crate::session::OpenMode;
use crate::wire;
use crate::{Api, ApiError};

/// How many values below the header the mapping step shows per column.
const SAMPLES: usize = 3;

impl Api {
    pub fn payouts_survey(
        &self,
        args: wire::PayoutSurveyArgs,
    ) -> Result<wire::PayoutSurvey, ApiError> {
        let book = gongkai_sheets::read(Path::new(args.path.trim()), args.sheet.as_deref())
            .map_err(|e| ApiError::invalid(e.to_string()))?;
        self.with_store(OpenMode::Existing, |store| {
            let overrides = overrides(store, args.template.as_deref(), args.mapping.as_deref())?;
            let rules = mask_rules(store)?;
            let villages: Vec<String> = store
                .villages()?
                .iter()
                .map(|v| v.name.to_string())
                .collect();
            let sheets: Vec<wire::SurveyedSheet> = book
                .sheets
                .iter()
                .map(|sheet| surveyed(sheet, &overrides, &rules, &villages))
                .collect();
            let suggested_template = match non_blank(args.template.as_deref()) {
                Some(_) => None,
                None => fitting_template(&store.import_templates()?, &sheets),
            };
            Ok(wire::PayoutSurvey {
                file_name: book.file_name.clone(),
                sheets,
                choices: Column::ALL
                    .into_iter()
                    .map(|c| wire::ColumnChoice {
                        key: c.key().to_owned(),
                        label: c.label().to_owned(),
                        required: REQUIRED.contains(&c),
                    })
                    .collect(),
                suggested_template,
            })
        })
    }

    pub fn import_templates_list(
        &self,
        _: wire::NoArgs,
    ) -> Result<wire::ImportTemplates, ApiError> {
        self.with_store(OpenMode::Existing, templates)
    }

    pub fn import_template_save(
        &self,
        input: wire::ImportTemplateInput,
    ) -> Result<wire::ImportTemplates, ApiError> {
        let name = non_blank(Some(&input.name))
            .ok_or_else(|| {
                ApiError::invalid("请填写模板名称（例如数据来源：财政所一卡通导出）".to_owned())
            })?
            .to_owned();
        // Parsing checks every key before anything is written.
        let columns = parse_mapping(&input.mapping)?
            .into_iter()
            .map(|o| TemplateColumn {
                header: o.header,
                column: o.column.map(|c| c.key().to_owned()),
            })
            .collect();
        self.with_store(OpenMode::Existing, |store| {
            let id = store
                .import_template_named(&name)?
                .map_or_else(RowId::new, |t| t.id);
            store.save_import_template(&ImportTemplate {
                id,
                name,
                columns,
                updated_at: String::new(),
            })?;
            templates(store)
        })
    }

    pub fn import_template_delete(
        &self,
        args: wire::IdArgs,
    ) -> Result<wire::ImportTemplates, ApiError> {
        let id: RowId = args.id.trim().parse()?;
        self.with_store(OpenMode::Existing, |store| {
            store.delete_import_template(id)?;
            templates(store)
        })
    }
}

const REQUIRED: [Column; 3] = [Column::Name, Column::IdNumber, Column::Amount];

/// The overrides an import applies: the clerk's corrections first (the first match wins), then
/// the named template's.
pub(crate) fn overrides(
    store: &Store,
    template: Option<&str>,
    mapping: Option<&[wire::HeaderMapping]>,
) -> Result<Vec<Override>, ApiError> {
    let mut all = parse_mapping(mapping.unwrap_or_default())?;
    if let Some(name) = non_blank(template) {
        let saved = store
            .import_template_named(name)?
            .ok_or_else(|| ApiError::invalid(format!("找不到导入模板“{name}”")))?;
        let as_wire: Vec<wire::HeaderMapping> = saved
            .columns
            .into_iter()
            .map(|c| wire::HeaderMapping {
                header: c.header,
                column: c.column,
            })
            .collect();
        all.extend(parse_mapping(&as_wire)?);
    }
    Ok(all)
}

fn parse_mapping(mapping: &[wire::HeaderMapping]) -> Result<Vec<Override>, ApiError> {
    mapping
        .iter()
        .filter(|m| !m.header.trim().is_empty())
        .map(|m| {
            let column = match non_blank(m.column.as_deref()) {
                None => None,
                Some(key) => Some(Column::from_key(key).ok_or_else(|| {
                    ApiError::invalid(format!("表头“{}”对应的列“{key}”不是可导入的列", m.header))
                })?),
            };
            Ok(Override {
                header: m.header.trim().to_owned(),
                column,
            })
        })
        .collect()
}

fn templates(store: &mut Store) -> Result<wire::ImportTemplates, ApiError> {
    Ok(wire::ImportTemplates {
        templates: store
            .import_templates()?
            .into_iter()
            .map(|t| wire::ImportTemplate {
                id: t.id.to_string(),
                name: t.name,
                mapping: t
                    .columns
                    .into_iter()
                    .map(|c| wire::HeaderMapping {
                        header: c.header,
                        column: c.column,
                    })
                    .collect(),
                updated_at: t.updated_at,
            })
            .collect(),
    })
}

fn surveyed(
    sheet: &Sheet,
    overrides: &[Override],
    rules: &MaskRules,
    villages: &[String],
) -> wire::SurveyedSheet {
    let found = survey(sheet, overrides);
    let below: Vec<&Row> = found.last_index.map_or_else(Vec::new, |i| {
        sheet.rows[i + 1..]
            .iter()
            .filter(|r| r.has_own_content())
            .collect()
    });
    let columns = found
        .cells
        .iter()
        .map(|(index, header, column)| wire::SurveyedColumn {
            letter: column_letter(*index),
            header: header.clone(),
            column: column.map(|c| c.key().to_owned()),
            samples: below
                .iter()
                .take(SAMPLES)
                .map(|row| masked_sample(&row.cell(*index).display_text(), *column, rules))
                .collect(),
        })
        .collect();
    let has = |c: Column| found.cells.iter().any(|(_, _, k)| *k == Some(c));
    let mut missing: Vec<String> = REQUIRED
        .into_iter()
        .filter(|c| !has(*c))
        .map(|c| c.label().to_owned())
        .collect();
    if !has(Column::Village) && village_named(&sheet.name, villages).is_none() {
        missing.push(Column::Village.label().to_owned());
    }
    wire::SurveyedSheet {
        name: sheet.name.clone(),
        header_row: found.row_index.map_or(0, |i| sheet.rows[i].number),
        recognised: found.recognised,
        columns,
        missing,
        conflicts: found.ambiguous.iter().map(|a| a.message()).collect(),
        data_rows: u32::try_from(below.len()).unwrap_or(u32::MAX),
    }
}

/// A value as the mapping step may show it: personal numbers masked by the township's rules,
/// and any other long run of digits masked too, since an ID column not yet mapped is still an
/// ID column.
fn masked_sample(text: &str, column: Option<Column>, rules: &MaskRules) -> String {
    match column {
        Some(Column::IdNumber) => rules.mask_id(text),
        Some(Column::BankAccount) => rules.mask_bank(text),
        Some(Column::Phone) => rules.mask_phone(text),
        _ if text.chars().filter(char::is_ascii_digit).count() >= 7 => rules.mask_bank(text),
        _ => text.to_owned(),
    }
}

/// Excel's column letters: 0 → A, 25 → Z, 26 → AA.
fn column_letter(index: usize) -> String {
    let mut n = index + 1;
    let mut letters = Vec::new();
    while n > 0 {
        let rem = (n - 1) % 26;
        letters.push(char::from(b'A' + u8::try_from(rem).unwrap_or(0)));
        n = (n - 1) / 26;
    }
    letters.iter().rev().collect()
}

/// The first template all of whose headers one of the file's header rows has.
fn fitting_template(
    templates: &[ImportTemplate],
    sheets: &[wire::SurveyedSheet],
) -> Option<String> {
    templates
        .iter()
        .find(|t| {
            !t.columns.is_empty()
                && sheets.iter().any(|s| {
                    t.columns.iter().all(|c| {
                        let key = normalise(&c.header);
                        s.columns.iter().any(|col| normalise(&col.header) == key)
                    })
                })
        })
        .map(|t| t.name.clone())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn column_letters_as_excel_shows_them() {
        assert_eq!(column_letter(0), "A");
        assert_eq!(column_letter(25), "Z");
        assert_eq!(column_letter(26), "AA");
        assert_eq!(column_letter(27), "AB");
        assert_eq!(column_letter(701), "ZZ");
        assert_eq!(column_letter(702), "AAA");
    }

    #[test]
    fn samples_never_show_a_whole_number() {
        let rules = MaskRules::default();
        let id = "36098219900101123X";
        assert_eq!(
            masked_sample(id, Some(Column::IdNumber), &rules),
            rules.mask_id(id)
        );
        let unmapped = masked_sample(id, None, &rules);
        assert!(!unmapped.contains("19900101"), "{unmapped}");
        assert_eq!(masked_sample("张三", None, &rules), "张三");
        assert_eq!(
            masked_sample("1,234.50", Some(Column::Amount), &rules),
            "1,234.50"
        );
    }
}
