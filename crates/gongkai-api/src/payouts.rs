//! Payout-list commands: import (validate everything, then write all or nothing), list, and
//! look a person up by full ID number.

use std::collections::BTreeMap;
use std::path::Path;

use chrono::Local;
use gongkai_domain::RowId;
use gongkai_payouts::validate::{Context, Issue, RowCounts};
use gongkai_payouts::{IdNumber, InstallationKey, MaskRules, Outcome, validate};
use gongkai_store::{NewPayoutList, NewPayoutRow, Store};
use sha2::{Digest, Sha256};

use crate::commands::{hex, non_blank};
use crate::notice_settings::{self, given_or};
use crate::session::OpenMode;
use crate::wire;
use crate::{Api, ApiError};
use crate::{import_mapping, payout_notice};

impl Api {
    pub fn payouts_import(
        &self,
        args: wire::PayoutImportArgs,
    ) -> Result<wire::PayoutImportReport, ApiError> {
        let supersedes = match (
            non_blank(args.supersedes.as_deref()),
            non_blank(args.reason.as_deref()),
        ) {
            (None, _) => None,
            (Some(id), Some(reason)) => Some((id.parse::<RowId>()?, reason.to_owned())),
            (Some(_), None) => {
                return Err(ApiError::invalid(
                    "以更正清册替代已归档的清册时，必须写明更正原因".to_owned(),
                ));
            }
        };
        let except = supersedes.as_ref().map(|(id, _)| *id);
        const TASK: &str = "payouts_import";
        self.report(TASK, "读取文件", 5);
        let path = Path::new(args.path.trim());
        let unreadable =
            |message: String| Ok(refused(vec![whole_file_issue("file_unreadable", message)]));
        // One read from disk serves both the fingerprint and the parser.
        let bytes = match std::fs::read(path) {
            Ok(bytes) => bytes,
            Err(source) => {
                let file = path.file_name().map_or_else(
                    || path.display().to_string(),
                    |n| n.to_string_lossy().into_owned(),
                );
                return unreadable(gongkai_sheets::SheetsError::Io { file, source }.to_string());
            }
        };
        let source_sha256 = hex(&Sha256::digest(&bytes));
        let book = match gongkai_sheets::read_bytes(path, bytes, args.sheet.as_deref()) {
            Ok(book) => book,
            Err(e) => return unreadable(e.to_string()),
        };
        let source_file = book.file_name.clone();
        let rows: usize = book.sheets.iter().map(|s| s.rows.len()).sum();
        self.report(TASK, &format!("校验 {rows} 行"), 30);
        // The workbook moves into the store's turn and is dropped once validated: its cells are
        // the largest thing an import holds, and the rows are written from the lines alone.
        self.with_store(OpenMode::Existing, move |store| {
            store.require_township()?;
            let villages = store.villages()?;
            let names: Vec<String> = villages.iter().map(|v| v.name.to_string()).collect();
            let overrides = import_mapping::overrides(
                store,
                args.template.as_deref(),
                args.mapping.as_deref(),
            )?;
            let outcome = validate(
                &book,
                &Context {
                    villages: &names,
                    project: args.project.clone().filter(|p| !p.trim().is_empty()),
                    year: args.year,
                    today: Local::now().date_naive(),
                    overrides: &overrides,
                },
            );
            drop(book);
            let key = InstallationKey::from_bytes(store.installation_key()?);
            let hashes: Vec<[u8; 32]> = outcome.lines.iter().map(|l| key.hash(&l.id).0).collect();
            let mut errors = outcome.errors.clone();
            if errors.is_empty() {
                errors = already_paid(store, &outcome, &hashes, except)?;
            }
            if !errors.is_empty() {
                let mut report = refused(errors.into_iter().map(issue).collect());
                report.rows = row_counts(outcome.rows);
                report.warnings = outcome.warnings.into_iter().map(issue).collect();
                return Ok(report);
            }

            self.report(TASK, "脱敏并写入数据库", 70);
            let rules = mask_rules(store)?;
            let village_id = |name: &str| {
                villages
                    .iter()
                    .find(|v| v.name.as_str() == name)
                    .map(|v| v.id)
                    .ok_or_else(|| {
                        ApiError::internal(format!("村（社区）“{name}”在导入过程中被删除"))
                    })
            };
            let mut per_village: BTreeMap<String, (u32, i64)> = BTreeMap::new();
            for line in &outcome.lines {
                let entry = per_village.entry(line.village.clone()).or_default();
                entry.0 += 1;
                entry.1 += line.amount.0;
            }
            let project = list_project(&outcome);
            let imported_rows = u32::try_from(outcome.lines.len()).unwrap_or(u32::MAX);
            let total_fen = outcome.total().0;
            // The lines are moved into the rows, not copied: a second copy of every name and
            // note was a fifth of an import's peak memory.
            let rows = outcome
                .lines
                .into_iter()
                .zip(&hashes)
                .map(|(line, hash)| {
                    Ok(NewPayoutRow {
                        village: village_id(&line.village)?,
                        id_masked: line.id.masked(&rules),
                        bank_masked: line.bank_account.as_deref().map(|a| rules.mask_bank(a)),
                        phone_masked: line.phone.as_deref().map(|p| rules.mask_phone(p)),
                        source_sheet: line.sheet,
                        source_row: line.row,
                        group: line.group,
                        name: line.name,
                        id_hash: *hash,
                        area_e4: line.area.map(|q| q.0),
                        rate_e4: line.rate.map(|q| q.0),
                        amount_fen: line.amount.0,
                        project: line.project,
                        note: line.note,
                    })
                })
                .collect::<Result<Vec<_>, ApiError>>()?;
            let list = NewPayoutList {
                id: RowId::new(),
                supersedes: supersedes.clone(),
                project,
                year: outcome.year,
                source_file: source_file.clone(),
                source_sha256: source_sha256.clone(),
                rows,
            };
            store.insert_payout_list(&list)?;
            self.report(TASK, "完成", 100);

            Ok(wire::PayoutImportReport {
                list_id: Some(list.id.to_string()),
                imported_rows,
                total_fen,
                villages: names
                    .iter()
                    .filter_map(|n| {
                        per_village
                            .get(n.as_str())
                            .map(|(rows, total)| wire::VillageTotal {
                                name: n.clone(),
                                rows: *rows,
                                total_fen: *total,
                            })
                    })
                    .collect(),
                errors: Vec::new(),
                rows: row_counts(outcome.rows),
                warnings: outcome.warnings.into_iter().map(issue).collect(),
            })
        })
    }

    pub fn payouts_list(&self, _: wire::NoArgs) -> Result<wire::PayoutLists, ApiError> {
        self.with_store(OpenMode::Existing, |store| {
            let lists = store
                .payout_lists()?
                .into_iter()
                .map(|l| list_of(store, l))
                .collect::<Result<_, _>>()?;
            Ok(wire::PayoutLists { lists })
        })
    }

    pub fn payouts_post(&self, args: wire::PayoutPostArgs) -> Result<wire::PayoutList, ApiError> {
        let list_id: RowId = args.list_id.trim().parse()?;
        let done = self.with_store(OpenMode::Existing, |store| {
            let days = match args.notice_days {
                Some(days) => days,
                None => {
                    let project = store.payout_list(list_id)?.project;
                    notice_settings::effective(store, &project)?.notice_days
                }
            };
            let period = payout_notice::period(args.posted_on.as_deref(), Some(days))?;
            let sync = crate::sync::payout_item(store, list_id, period.start, period.end)?;
            store.post_payout_list(list_id, period.start, period.end, &sync)?;
            list_of(store, store.payout_list(list_id)?)
        })?;
        self.queued_for_county();
        Ok(done)
    }

    /// Freezes a list whose 公示期 has ended everywhere: the fingerprint of its masked rows and
    /// the notices as printed (with their SHA-256) are kept in the database.
    pub fn payouts_archive(
        &self,
        args: wire::PayoutArchiveArgs,
    ) -> Result<wire::PayoutArchiveResult, ApiError> {
        let list_id: RowId = args.list_id.trim().parse()?;
        let today = Local::now().date_naive();
        self.with_store(OpenMode::Existing, |store| {
            let postings = store.postings(list_id)?;
            if let Some(open) = postings.iter().find(|p| p.ends_on >= today) {
                return Err(ApiError::list_state(format!(
                    "{}的公示期到 {} 才结束，公示期满后才能归档",
                    open.village, open.ends_on
                )));
            }
            // What the clerk left out comes from the project's notice settings: an archived
            // notice is frozen, so it must not lose its footer.
            let defaults = notice_settings::effective(store, &store.payout_list(list_id)?.project)?;
            let options = payout_notice::NoticeOptions {
                paper: gongkai_print::Paper::A4Portrait,
                layout: wire::ProjectLayout::Sections,
                hotline: given_or(args.hotline.as_deref(), defaults.hotline),
                prepared_by: given_or(args.prepared_by.as_deref(), defaults.prepared_by),
                reviewed_by: given_or(args.reviewed_by.as_deref(), defaults.reviewed_by),
            };
            let period_for = payout_notice::posted_or(
                &postings,
                payout_notice::Period {
                    start: today,
                    end: today,
                },
            );
            let villages = store.villages()?;
            let notices = payout_notice::notices(store, list_id, &options, period_for, None)?;
            let archived = notices
                .iter()
                .map(|n| {
                    let village = villages
                        .iter()
                        .find(|v| v.name.as_str() == n.village)
                        .map(|v| v.id)
                        .ok_or_else(|| {
                            ApiError::internal(format!("找不到村（社区）“{}”", n.village))
                        })?;
                    Ok(gongkai_store::ArchivedNotice {
                        village,
                        file_name: n.file_name.clone(),
                        sha256: hex(&Sha256::digest(&n.pdf)),
                        pdf: n.pdf.clone(),
                    })
                })
                .collect::<Result<Vec<_>, ApiError>>()?;
            let rows_sha256 = rows_fingerprint(&store.printable_rows(list_id)?);
            store.archive_payout_list(list_id, &rows_sha256, &archived)?;
            Ok(wire::PayoutArchiveResult {
                rows_sha256,
                files: notices
                    .iter()
                    .zip(&archived)
                    .map(|(n, a)| wire::ArchivedFile {
                        village: n.village.clone(),
                        file_name: a.file_name.clone(),
                        sha256: a.sha256.clone(),
                    })
                    .collect(),
            })
        })
    }

    pub fn payouts_lookup(
        &self,
        args: wire::PayoutLookupArgs,
    ) -> Result<wire::PayoutLookup, ApiError> {
        let id = IdNumber::parse(&args.id_number, Local::now().date_naive()).map_err(|p| {
            ApiError::from(gongkai_domain::DomainError::BadCode {
                field: "身份证号",
                value: MaskRules::default().mask_id(args.id_number.trim()),
                reason: p.message(),
            })
        })?;
        self.with_store(OpenMode::Existing, |store| {
            let key = InstallationKey::from_bytes(store.installation_key()?);
            let payouts = store
                .payouts_of(&key.hash(&id).0)?
                .into_iter()
                .map(|p| {
                    Ok(wire::PersonPayout {
                        status: wire::PayoutListStatus::stored(&p.status)?,
                        list_id: p.list_id.to_string(),
                        project: p.project,
                        year: p.year,
                        village: p.village,
                        name: p.name,
                        id_masked: p.id_masked,
                        amount_fen: p.amount_fen,
                        source_file: p.source_file,
                    })
                })
                .collect::<Result<_, ApiError>>()?;
            Ok(wire::PayoutLookup { payouts })
        })
    }
}

impl Api {
    /// Writes a refused import's error table as `.xlsx`: the columns finance needs to find and
    /// fix each row, in the order the file has them.
    pub fn payouts_export_issues(
        &self,
        args: wire::IssuesExportArgs,
    ) -> Result<wire::ExportResult, ApiError> {
        let export_failed =
            |e: rust_xlsxwriter::XlsxError| ApiError::export(&args.out, &e.to_string());
        let mut book = rust_xlsxwriter::Workbook::new();
        let sheet = book.add_worksheet();
        sheet.set_name("错误清单").map_err(export_failed)?;
        let bold = rust_xlsxwriter::Format::new().set_bold();
        sheet
            .write_with_format(0, 0, format!("“{}”导入错误清单", args.source_file), &bold)
            .map_err(export_failed)?;
        for (c, (title, width)) in [
            ("工作表", 16),
            ("行号", 8),
            ("列", 16),
            ("错误代码", 20),
            ("原因", 80),
        ]
        .into_iter()
        .enumerate()
        {
            let c = c as u16;
            sheet
                .write_with_format(2, c, title, &bold)
                .map_err(export_failed)?;
            sheet.set_column_width(c, width).map_err(export_failed)?;
        }
        for (i, issue) in args.issues.iter().enumerate() {
            let r = 3 + u32::try_from(i).unwrap_or(u32::MAX - 3);
            sheet.write(r, 0, &issue.sheet).map_err(export_failed)?;
            sheet.write(r, 1, issue.row).map_err(export_failed)?;
            sheet.write(r, 2, &issue.column).map_err(export_failed)?;
            sheet.write(r, 3, &issue.code).map_err(export_failed)?;
            sheet.write(r, 4, &issue.message).map_err(export_failed)?;
        }
        book.save(Path::new(&args.out)).map_err(export_failed)?;
        Ok(wire::ExportResult { path: args.out })
    }
}

/// People in this file who were already paid under the same project in the same year.
/// `hashes[i]` is the keyed hash of `outcome.lines[i]`.
fn already_paid(
    store: &Store,
    outcome: &Outcome,
    hashes: &[[u8; 32]],
    except: Option<RowId>,
) -> Result<Vec<Issue>, ApiError> {
    let mut paid_by_project = BTreeMap::new();
    let mut issues = Vec::new();
    for (line, hash) in outcome.lines.iter().zip(hashes) {
        let paid = match paid_by_project.entry(line.project.as_str()) {
            std::collections::btree_map::Entry::Occupied(e) => e.into_mut(),
            std::collections::btree_map::Entry::Vacant(e) => {
                e.insert(store.paid_under(outcome.year, &line.project, except)?)
            }
        };
        if let Some(earlier) = paid.get(hash) {
            issues.push(Issue {
                sheet: line.sheet.clone(),
                row: line.row,
                column: String::new(),
                code: "duplicate_earlier",
                message: format!(
                    "{}（{}）已在 {} 年“{}”的清册中（文件“{}”，导入于 {}），不能重复导入",
                    line.name,
                    line.id.masked(&MaskRules::default()),
                    outcome.year,
                    line.project,
                    earlier.source_file,
                    earlier
                        .imported_at
                        .get(..10)
                        .unwrap_or(&earlier.imported_at),
                ),
            });
        }
    }
    Ok(issues)
}

/// The township's masking rule, or the defaults.
pub(crate) fn mask_rules(store: &Store) -> Result<MaskRules, ApiError> {
    match store.mask_rules()? {
        None => Ok(MaskRules::default()),
        Some(r) => MaskRules::new(
            r.id_keep_start.into(),
            r.id_keep_end.into(),
            r.bank_keep_end.into(),
            r.phone_keep_start.into(),
            r.phone_keep_end.into(),
        )
        .map_err(ApiError::invalid),
    }
}

fn mask_settings(rules: MaskRules, is_default: bool) -> wire::MaskSettings {
    let as_u32 = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
    wire::MaskSettings {
        id_keep_start: as_u32(rules.id_keep_start),
        id_keep_end: as_u32(rules.id_keep_end),
        bank_keep_end: as_u32(rules.bank_keep_end),
        phone_keep_start: as_u32(rules.phone_keep_start),
        phone_keep_end: as_u32(rules.phone_keep_end),
        id_example: rules.mask_id("36098219900101123X"),
        bank_example: rules.mask_bank("6217001234567890123"),
        phone_example: rules.mask_phone("13812341234"),
        is_default,
    }
}

impl Api {
    pub fn mask_rules_get(&self, _: wire::NoArgs) -> Result<wire::MaskSettings, ApiError> {
        self.with_store(OpenMode::Existing, |store| {
            let is_default = store.mask_rules()?.is_none();
            Ok(mask_settings(mask_rules(store)?, is_default))
        })
    }

    /// Applies to lists imported from now on; lists already imported keep the masks they were
    /// stored with (what was posted stays what was posted).
    pub fn mask_rules_update(
        &self,
        input: wire::MaskRulesInput,
    ) -> Result<wire::MaskSettings, ApiError> {
        let small = |n: u32| u8::try_from(n).unwrap_or(u8::MAX);
        let rules = MaskRules::new(
            input.id_keep_start as usize,
            input.id_keep_end as usize,
            input.bank_keep_end as usize,
            input.phone_keep_start as usize,
            input.phone_keep_end as usize,
        )
        .map_err(ApiError::invalid)?;
        self.with_store(OpenMode::Existing, |store| {
            store.set_mask_rules(gongkai_store::StoredMaskRules {
                id_keep_start: small(input.id_keep_start),
                id_keep_end: small(input.id_keep_end),
                bank_keep_end: small(input.bank_keep_end),
                phone_keep_start: small(input.phone_keep_start),
                phone_keep_end: small(input.phone_keep_end),
            })?;
            Ok(mask_settings(rules, false))
        })
    }
}

fn list_of(
    store: &Store,
    l: gongkai_store::PayoutListSummary,
) -> Result<wire::PayoutList, ApiError> {
    let postings = store
        .postings(l.id)?
        .into_iter()
        .map(|p| wire::Posting {
            village: p.village,
            posted_on: p.posted_on.to_string(),
            ends_on: p.ends_on.to_string(),
        })
        .collect();
    Ok(wire::PayoutList {
        id: l.id.to_string(),
        project: l.project,
        year: l.year,
        source_file: l.source_file,
        status: wire::PayoutListStatus::stored(&l.status)?,
        rows: l.row_count,
        total_fen: l.total_fen,
        imported_at: l.imported_at,
        villages: l
            .villages
            .into_iter()
            .map(|v| wire::VillageTotal {
                name: v.village,
                rows: v.rows,
                total_fen: v.total_fen,
            })
            .collect(),
        postings,
    })
}

/// SHA-256 over the masked rows in print order, one line per row: what the archive froze.
fn rows_fingerprint(rows: &[gongkai_store::PrintableRow]) -> String {
    let mut hasher = Sha256::new();
    for r in rows {
        let line = format!(
            "{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\n",
            r.village,
            r.group.as_deref().unwrap_or_default(),
            r.name,
            r.id_masked,
            r.bank_masked.as_deref().unwrap_or_default(),
            r.area_e4.map(|v| v.to_string()).unwrap_or_default(),
            r.rate_e4.map(|v| v.to_string()).unwrap_or_default(),
            r.amount_fen,
            r.note.as_deref().unwrap_or_default(),
        );
        hasher.update(line.as_bytes());
    }
    hex(&hasher.finalize())
}

/// The list's name: its one project, or all of them when the file mixes projects.
fn list_project(outcome: &Outcome) -> String {
    let mut projects: Vec<&str> = outcome.lines.iter().map(|l| l.project.as_str()).collect();
    projects.dedup();
    projects.sort_unstable();
    projects.dedup();
    projects.join("、")
}

fn row_counts(rows: RowCounts) -> wire::ImportRowCounts {
    wire::ImportRowCounts {
        read: rows.read,
        people: rows.people,
        reported: rows.reported,
        titles: rows.titles,
        headers: rows.headers,
        blank: rows.blank,
        totals: rows.totals,
        notes: rows.notes,
    }
}

fn refused(errors: Vec<wire::ImportIssue>) -> wire::PayoutImportReport {
    wire::PayoutImportReport {
        list_id: None,
        imported_rows: 0,
        total_fen: 0,
        villages: Vec::new(),
        errors,
        warnings: Vec::new(),
        rows: wire::ImportRowCounts::default(),
    }
}

fn whole_file_issue(code: &'static str, message: String) -> wire::ImportIssue {
    wire::ImportIssue {
        sheet: String::new(),
        row: 0,
        column: String::new(),
        code: code.to_owned(),
        message,
    }
}

fn issue(i: Issue) -> wire::ImportIssue {
    wire::ImportIssue {
        sheet: i.sheet,
        row: i.row,
        column: i.column,
        code: i.code.to_owned(),
        message: i.message,
    }
}
