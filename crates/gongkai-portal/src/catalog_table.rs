//! `publish-catalog` with the county's own catalog table (`.xlsx`, `.xls` or `.docx`) instead of
//! a JSON publication: the table is read by `gongkai_catalog::county_table`, the code the
//! township's 导入县级目录 reads it with, and becomes a catalog publication every township
//! receives by sync — an upsert per item and, in each domain the table covers, a withdrawal of
//! each baseline item it leaves out (as accepting it at the township does).

use std::path::Path;

use gongkai_catalog::county_table::read_county_table;
use gongkai_catalog::{baseline, item_to_json};
use gongkai_sync::types::{CatalogItemChange, CatalogPublication, Op};

use crate::PortalError;

/// Whether `bytes` are a workbook or a Word document (zip or OLE) rather than JSON text.
pub fn is_table(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1")
}

/// The publication a county table makes, named by the file's name (e.g. “2025年乡镇目录”).
pub fn publication(path: &Path, bytes: Vec<u8>) -> Result<CatalogPublication, PortalError> {
    let refused = |e: &dyn std::fmt::Display| PortalError::Usage(e.to_string());
    let book = gongkai_sheets::read_bytes(path, bytes, None).map_err(|e| refused(&e))?;
    let baseline = baseline().map_err(|e| refused(&e))?;
    let known: Vec<String> = baseline.domains.iter().map(|d| d.name.clone()).collect();
    let table = read_county_table(&book, &known).map_err(|e| refused(&e))?;
    // Every township receives the catalog and shows it (its export, its reading point): an item
    // with a person's full ID number in it is refused, as the township's import refuses it.
    let found: Vec<String> = table
        .items
        .iter()
        .flat_map(|placed| {
            gongkai_sync::check::id_number_places(placed.item.written_texts())
                .into_iter()
                .map(|place| format!("工作表“{}”第 {} 行{place}", placed.sheet, placed.row))
        })
        .collect();
    if !found.is_empty() {
        return Err(PortalError::Usage(format!(
            "目录表“{}”未发布：事项中有完整的身份证号，各乡镇收到后会公开：{}。请改为脱敏后的号码",
            table.file,
            found.join("；")
        )));
    }
    let mut items: Vec<CatalogItemChange> = table
        .items
        .iter()
        .map(|p| CatalogItemChange {
            key: p.item.key(),
            op: Op::Upsert,
            item: Some(item_to_json(&p.item)),
            reason: None,
        })
        .collect();
    let covered: Vec<&str> = table.items.iter().map(|p| p.item.domain.as_str()).collect();
    let withdrawn: Vec<CatalogItemChange> = baseline
        .items()
        .filter(|b| covered.contains(&b.domain.as_str()))
        .filter(|b| !items.iter().any(|i| i.key == b.key()))
        .map(|b| CatalogItemChange {
            key: b.key(),
            op: Op::Withdraw,
            item: None,
            reason: Some(format!("县级目录《{}》未列此事项", table.file)),
        })
        .collect();
    items.extend(withdrawn);
    let version = path
        .file_stem()
        .map_or_else(|| table.file.clone(), |s| s.to_string_lossy().into_owned());
    Ok(CatalogPublication { version, items })
}
