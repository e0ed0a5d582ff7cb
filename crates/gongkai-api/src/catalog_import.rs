//! Loading the catalog the county issued (县级下发的乡镇政务公开事项标准目录) from its own
//! `.xlsx`, `.xls` or `.docx` table: a preview first — per domain the items added, changed
//! column by column and missing against the effective catalog, every cell not placed named by
//! sheet, row and column — then, when the clerk accepts, one county version written in one
//! transaction. The township's own adjustments are a layer above and stay in force.
//!
//! The table is read by `gongkai_catalog::county_table`, the same code the county portal's
//! `publish-catalog` reads it with.

use std::collections::{BTreeMap, HashMap};
use std::path::Path;

use gongkai_catalog::county_table::{CountyTable, read_county_table};
use gongkai_catalog::{CatalogItem, Channel, Tick};
use gongkai_store::{CountyChange, CountyUpdate, EffectiveItem, ItemState, Store};
use sha2::{Digest, Sha256};

use crate::catalog::{fields_wire, state_wire};
use crate::commands::{date_or_today, hex, non_blank};
use crate::session::OpenMode;
use crate::wire;
use crate::{Api, ApiError};

impl Api {
    /// What accepting the table would change; nothing is written.
    pub fn catalog_import_preview(
        &self,
        args: wire::CatalogImportPreviewArgs,
    ) -> Result<wire::CatalogImportPreview, ApiError> {
        let (bytes, sha256) = read_file(&args.path)?;
        self.with_store(OpenMode::Existing, |store| {
            let table = county_table(store, &args.path, bytes)?;
            Ok(preview(store, &table, sha256)?.0)
        })
    }

    /// Writes the table as the county version, if the file is still the one previewed.
    pub fn catalog_import_accept(
        &self,
        args: wire::CatalogImportAcceptArgs,
    ) -> Result<wire::CatalogImportResult, ApiError> {
        let issued_on = date_or_today("下发日期", args.issued_on.as_deref())?;
        let (bytes, sha256) = read_file(&args.path)?;
        if sha256 != args.sha256.trim() {
            return Err(ApiError::invalid(format!(
                "文件“{}”在预览之后已改变：请重新预览，确认后再导入",
                args.path.trim()
            )));
        }
        let result = self.with_store(OpenMode::Existing, |store| {
            let table = county_table(store, &args.path, bytes)?;
            let version_label = non_blank(args.version_label.as_deref())
                .map_or_else(|| format!("县级目录表《{}》", table.file), str::to_owned);
            let (preview, withdraw) = preview(store, &table, sha256)?;
            let mut changes: Vec<CountyChange> = table
                .items
                .iter()
                .map(|p| CountyChange::Upsert(p.item.clone()))
                .collect();
            changes.extend(
                withdraw
                    .iter()
                    .map(|key| CountyChange::Withdraw { key: key.clone() }),
            );
            store.catalog_apply_county_update(
                &CountyUpdate {
                    version_label: version_label.clone(),
                    issued_on,
                    changes,
                },
                None,
            )?;
            Ok(wire::CatalogImportResult {
                version_label,
                issued_on: issued_on.to_string(),
                upserted: count(table.items.len()),
                withdrawn: count(withdraw.len()),
                preview,
            })
        })?;
        Ok(result)
    }
}

fn count(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// The file's bytes and their SHA-256.
fn read_file(path: &str) -> Result<(Vec<u8>, String), ApiError> {
    let path = path.trim();
    if path.is_empty() {
        return Err(ApiError::invalid("请选择县级下发的目录表文件".to_owned()));
    }
    let bytes = std::fs::read(path).map_err(|source| {
        let file = Path::new(path)
            .file_name()
            .map_or_else(|| path.to_owned(), |n| n.to_string_lossy().into_owned());
        ApiError::invalid(gongkai_sheets::SheetsError::Io { file, source }.to_string())
    })?;
    let sha256 = hex(&Sha256::digest(&bytes));
    Ok((bytes, sha256))
}

/// The table read against the domains the catalog knows.
fn county_table(store: &mut Store, path: &str, bytes: Vec<u8>) -> Result<CountyTable, ApiError> {
    let book = gongkai_sheets::read_bytes(Path::new(path.trim()), bytes, None).map_err(|e| {
        ApiError::invalid(match e {
            gongkai_sheets::SheetsError::UnknownFormat { file } => format!(
                "文件“{file}”不是 Excel 工作簿（.xlsx/.xls）或 Word 文档（.docx）：县级目录表请用这两种格式导入"
            ),
            other => other.to_string(),
        })
    })?;
    let known: Vec<String> = store
        .catalog_domains()?
        .into_iter()
        .map(|d| d.name)
        .collect();
    // A problem quotes the cell it names, and a county's cell may hold a person's ID or card
    // number (a contact's, a sign-off's): masked like a payout list's messages.
    let table = read_county_table(&book, &known)
        .map_err(|e| ApiError::invalid(gongkai_payouts::scrub(&e.to_string())))?;
    // The catalog is public (exported for the board, shown at the reading point): an item with
    // a full ID number typed in is refused like the township's own item, the table whole.
    let found: Vec<String> = table
        .items
        .iter()
        .flat_map(|placed| {
            crate::catalog::id_numbers_in(&placed.item)
                .into_iter()
                .map(|place| format!("工作表“{}”第 {} 行{place}", placed.sheet, placed.row))
        })
        .collect();
    if !found.is_empty() {
        return Err(ApiError::invalid(gongkai_payouts::scrub(&format!(
            "目录表“{}”无法导入：事项中有完整的身份证号，导入后目录导出和查阅点都会公开：{}。请县里改为脱敏后的号码",
            table.file,
            found.join("；")
        ))));
    }
    Ok(table)
}

/// The preview, and the keys accepting it withdraws from the county layer: the catalog's items
/// of the table's domains that the table leaves out (the township's own additions excepted).
fn preview(
    store: &mut Store,
    table: &CountyTable,
    sha256: String,
) -> Result<(wire::CatalogImportPreview, Vec<String>), ApiError> {
    let mut by_domain: BTreeMap<(u32, String), wire::CatalogImportDomain> = BTreeMap::new();
    let order: HashMap<String, u32> = store
        .catalog_domains()?
        .into_iter()
        .map(|d| (d.name, d.order))
        .collect();
    let mut withdraw = Vec::new();
    let mut domains_in_table: Vec<&str> = Vec::new();
    for placed in &table.items {
        if !domains_in_table.contains(&placed.item.domain.as_str()) {
            domains_in_table.push(&placed.item.domain);
        }
    }
    for domain in domains_in_table {
        let effective: HashMap<String, EffectiveItem> = store
            .catalog_items(Some(domain))?
            .into_iter()
            .map(|e| (e.key.clone(), e))
            .collect();
        let mut block = wire::CatalogImportDomain {
            domain: domain.to_owned(),
            items: 0,
            added: Vec::new(),
            changed: Vec::new(),
            unchanged: 0,
            missing: Vec::new(),
        };
        let mut in_table = Vec::new();
        for placed in table.items.iter().filter(|p| p.item.domain == domain) {
            let key = placed.item.key();
            block.items += 1;
            match effective.get(&key) {
                None => block.added.push(wire::CatalogImportItem {
                    item: fields_wire(key.clone(), &placed.item, wire::CatalogItemState::County),
                    sheet: placed.sheet.clone(),
                    row: placed.row,
                }),
                Some(current) => {
                    let columns = changed_columns(&current.item, &placed.item);
                    if columns.is_empty() {
                        block.unchanged += 1;
                    } else {
                        block.changed.push(wire::CatalogImportChange {
                            key: key.clone(),
                            level1: placed.item.level1.clone(),
                            level2: placed.item.level2.clone(),
                            sheet: placed.sheet.clone(),
                            row: placed.row,
                            state: state_wire(current.state),
                            columns,
                        });
                    }
                }
            }
            in_table.push(key);
        }
        let mut missing: Vec<&EffectiveItem> = effective
            .values()
            .filter(|e| e.state != ItemState::TownshipAdded && !in_table.contains(&e.key))
            .collect();
        missing.sort_by(|a, b| a.key.cmp(&b.key));
        for e in missing {
            withdraw.push(e.key.clone());
            block.missing.push(wire::CatalogImportMissing {
                key: e.key.clone(),
                level1: e.item.level1.clone(),
                level2: e.item.level2.clone(),
                state: state_wire(e.state),
            });
        }
        let position = order.get(domain).copied().unwrap_or(u32::MAX);
        by_domain.insert((position, domain.to_owned()), block);
    }
    let domains: Vec<wire::CatalogImportDomain> = by_domain.into_values().collect();
    let sum = |f: fn(&wire::CatalogImportDomain) -> usize| count(domains.iter().map(f).sum());
    let preview = wire::CatalogImportPreview {
        file: table.file.clone(),
        sha256,
        sheets: table
            .sheets
            .iter()
            .map(|s| wire::CatalogImportSheet {
                sheet: s.sheet.clone(),
                header_rows: s.header_rows,
                items: s.items,
            })
            .collect(),
        items: count(table.items.len()),
        added: sum(|d| d.added.len()),
        changed: sum(|d| d.changed.len()),
        unchanged: sum(|d| d.unchanged as usize),
        missing: sum(|d| d.missing.len()),
        domains,
        unplaced: table
            .unplaced
            .iter()
            .map(|u| wire::CatalogUnplacedCell {
                sheet: u.sheet.clone(),
                row: u.row,
                column: u.column.clone(),
                header: u.header.clone(),
                text: gongkai_payouts::scrub(&u.text),
                reason: u.reason.clone(),
            })
            .collect(),
    };
    Ok((preview, withdraw))
}

/// The columns of the standard table in which `after` differs from `before`, as shown.
fn changed_columns(before: &CatalogItem, after: &CatalogItem) -> Vec<wire::CatalogColumnChange> {
    let channels = |item: &CatalogItem| {
        let mut names: Vec<String> = item
            .channels
            .iter()
            .map(|c| {
                if *c == Channel::Other && !item.channels_other.is_empty() {
                    format!("{}（{}）", c.label(), item.channels_other)
                } else {
                    c.label().to_owned()
                }
            })
            .collect();
        names.dedup();
        names.join("、")
    };
    fn ticks<T: Tick>(values: &[T]) -> String {
        values
            .iter()
            .map(|v| v.label())
            .collect::<Vec<_>>()
            .join("、")
    }
    let columns: [(&str, String, String); 8] = [
        (
            "公开内容（要素）",
            before.content.clone(),
            after.content.clone(),
        ),
        ("公开依据", before.basis.clone(), after.basis.clone()),
        (
            "公开时限",
            before.time_limit.clone(),
            after.time_limit.clone(),
        ),
        ("公开主体", before.subject.clone(), after.subject.clone()),
        ("公开渠道和载体", channels(before), channels(after)),
        ("公开对象", ticks(&before.audience), ticks(&after.audience)),
        ("公开方式", ticks(&before.mode), ticks(&after.mode)),
        ("公开层级", ticks(&before.level), ticks(&after.level)),
    ];
    columns
        .into_iter()
        .filter(|(_, b, a)| b.trim() != a.trim())
        .map(|(column, before, after)| wire::CatalogColumnChange {
            column: column.to_owned(),
            before,
            after,
        })
        .collect()
}
