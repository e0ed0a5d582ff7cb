// 本文件由 crates/gongkai-api 生成，请勿手工修改。
// 更新：UPDATE_BINDINGS=1 cargo test -p gongkai-api bindings

import { invoke } from "@tauri-apps/api/core";

export const WIRE_VERSION = 1;
/** 长时间命令（如导入清册）的进度事件名，载荷为 ProgressEvent。 */
export const PROGRESS_EVENT = "gongkai://progress";

export type ApiError = { code: string, message: string, };
export type AppStatus = { wireVersion: number, dbPath: string, state: DbState, schemaVersion: number | null, profile: Profile | null, problem: string | null, };
export type ArchivedFile = { village: string, fileName: string, sha256: string, };
export type BackupArgs = { out: string | null, };
export type BackupResult = { path: string, bytes: number, };
export type CheckReport = { ok: boolean, schemaVersion: number, integrity: string, villages: number, offices: number, people: number, };
export type ColumnChoice = { key: string, label: string, required: boolean, };
export type DbState = "missing" | "empty" | "ready" | "broken";
export type ExportResult = { path: string, };
export type HeaderMapping = { header: string, column: string | null, };
export type IdArgs = { id: string, };
export type ImportIssue = { sheet: string, row: number, column: string, code: string, message: string, };
export type ImportTemplate = { id: string, name: string, mapping: Array<HeaderMapping>, updatedAt: string, };
export type ImportTemplateInput = { name: string, mapping: Array<HeaderMapping>, };
export type ImportTemplates = { templates: Array<ImportTemplate>, };
export type IssuesExportArgs = { sourceFile: string, issues: Array<ImportIssue>, out: string, };
export type MaskRulesInput = { idKeepStart: number, idKeepEnd: number, bankKeepEnd: number, phoneKeepStart: number, phoneKeepEnd: number, };
export type MaskSettings = { idKeepStart: number, idKeepEnd: number, bankKeepEnd: number, phoneKeepStart: number, phoneKeepEnd: number, idExample: string, bankExample: string, phoneExample: string, 
/**
 * Whether these are the built-in defaults (no township rule saved).
 */
isDefault: boolean, };
export type NoArgs = Record<string, never>;
export type NoticePreview = { 
/**
 * Every village of the list, for the preview's village picker.
 */
villages: Array<string>, village: string, rows: number, fileName: string, 
/**
 * The PDF exactly as printing writes it, base64-encoded.
 */
pdfBase64: string, };
export type Office = { id: string, name: string, phone: string | null, };
export type OfficeInput = { id: string | null, name: string, phone: string | null, };
export type PayoutArchiveArgs = { listId: string, hotline: string | null, preparedBy: string | null, reviewedBy: string | null, };
export type PayoutArchiveResult = { rowsSha256: string, files: Array<ArchivedFile>, };
export type PayoutImportArgs = { path: string, sheet: string | null, project: string | null, year: number | null, supersedes: string | null, reason: string | null, 
/**
 * The clerk's column corrections from the mapping step (they win over the template's).
 */
mapping: Array<HeaderMapping> | null, 
/**
 * A saved import template (by name) to apply.
 */
template: string | null, };
export type PayoutImportReport = { list_id: string | null, imported_rows: number, total_fen: number, villages: Array<VillageTotal>, errors: Array<ImportIssue>, warnings: Array<ImportIssue>, };
export type PayoutList = { id: string, project: string, year: number, sourceFile: string, 
/**
 * draft (草稿) · posted (公示中) · archived (已归档)
 */
status: string, rows: number, totalFen: number, importedAt: string, villages: Array<VillageTotal>, 
/**
 * The 公示期 of each village, once posted.
 */
postings: Array<Posting>, };
export type PayoutLists = { lists: Array<PayoutList>, };
export type PayoutLookup = { payouts: Array<PersonPayout>, };
export type PayoutLookupArgs = { idNumber: string, };
export type PayoutPostArgs = { listId: string, postedOn: string | null, noticeDays: number | null, };
export type PayoutPreviewArgs = { listId: string, 
/**
 * Default: the list's first village.
 */
village: string | null, 
/**
 * a4 (default) · a4-landscape · a3 · a3-landscape
 */
paper: string | null, };
export type PayoutPrintArgs = { listId: string, outDir: string, 
/**
 * a4 (default) · a4-landscape · a3 · a3-landscape
 */
paper: string | null, 
/**
 * First day of the 公示期, YYYY-MM-DD; default today.
 */
noticeStart: string | null, 
/**
 * Length of the 公示期 in days; default 7.
 */
noticeDays: number | null, 
/**
 * 监督举报电话; default the phone of the first office that has one.
 */
hotline: string | null, preparedBy: string | null, reviewedBy: string | null, };
export type PayoutPrintResult = { files: Array<PrintedFile>, };
export type PayoutSurvey = { fileName: string, sheets: Array<SurveyedSheet>, choices: Array<ColumnChoice>, 
/**
 * The saved template whose headers this file has, if one fits.
 */
suggestedTemplate: string | null, };
export type PayoutSurveyArgs = { path: string, sheet: string | null, mapping: Array<HeaderMapping> | null, template: string | null, };
export type Person = { id: string, name: string, officeId: string | null, officeName: string | null, roles: Array<Role>, };
export type PersonInput = { id: string | null, name: string, officeId: string | null, roles: Array<Role>, };
export type PersonPayout = { listId: string, project: string, year: number, village: string, name: string, idMasked: string, amountFen: number, status: string, sourceFile: string, };
export type Posting = { village: string, 
/**
 * YYYY-MM-DD
 */
postedOn: string, endsOn: string, };
export type PrintedFile = { village: string, path: string, rows: number, bytes: number, };
export type Profile = { township: Township, villages: Array<Village>, offices: Array<Office>, people: Array<Person>, };
export type ProgressEvent = { 
/**
 * The command reporting, e.g. `payouts_import`.
 */
task: string, 
/**
 * What it is doing now, in Chinese.
 */
stage: string, 
/**
 * 0–100.
 */
percent: number, };
export type RestoreArgs = { 
/**
 * The backup file to restore from.
 */
from: string, };
export type RestoreResult = { 
/**
 * Where the content replaced by the restore was saved, so a wrong restore can be undone.
 */
previousSavedTo: string, profile: Profile | null, };
export type Role = "draft" | "review" | "approve";
export type SurveyedColumn = { 
/**
 * Spreadsheet column letters, as Excel shows them (A, B, …, AA).
 */
letter: string, header: string, 
/**
 * Key of the column it is read as; `null`: not imported.
 */
column: string | null, 
/**
 * The first values below the header, ID, bank and phone numbers masked.
 */
samples: Array<string>, };
export type SurveyedSheet = { name: string, 
/**
 * The row Excel shows for the header; 0 when the sheet has no text near its top.
 */
headerRow: number, 
/**
 * The header names a person and an amount: validation will read this sheet.
 */
recognised: boolean, columns: Array<SurveyedColumn>, 
/**
 * Labels of the required columns not found (姓名, 身份证号, 金额; 村 unless the sheet is
 * named after a village).
 */
missing: Array<string>, dataRows: number, };
export type Township = { id: string, name: string, divisionCode: string | null, creditCode: string | null, county: string, updatedAt: string, };
export type TownshipInput = { name: string, divisionCode: string | null, creditCode: string | null, county: string, };
export type Village = { id: string, name: string, code: string, kind: VillageKind, };
export type VillageInput = { id: string | null, name: string, code: string, kind: VillageKind, };
export type VillageKind = "village" | "community";
export type VillageTotal = { name: string, rows: number, total_fen: number, };

/** 工作台核心的全部命令；失败时以 ApiError 拒绝。 */
export const commands = {
  appStatus: () => invoke<AppStatus>("app_status", { args: {} }),
  setupCreate: (args: TownshipInput) => invoke<Profile>("setup_create", { args }),
  setupDemo: () => invoke<Profile>("setup_demo", { args: {} }),
  profileGet: () => invoke<Profile>("profile_get", { args: {} }),
  townshipUpdate: (args: TownshipInput) => invoke<Profile>("township_update", { args }),
  villageSave: (args: VillageInput) => invoke<Profile>("village_save", { args }),
  villageDelete: (args: IdArgs) => invoke<Profile>("village_delete", { args }),
  officeSave: (args: OfficeInput) => invoke<Profile>("office_save", { args }),
  officeDelete: (args: IdArgs) => invoke<Profile>("office_delete", { args }),
  personSave: (args: PersonInput) => invoke<Profile>("person_save", { args }),
  personDelete: (args: IdArgs) => invoke<Profile>("person_delete", { args }),
  backupCreate: (args: BackupArgs) => invoke<BackupResult>("backup_create", { args }),
  backupRestore: (args: RestoreArgs) => invoke<RestoreResult>("backup_restore", { args }),
  dbCheck: () => invoke<CheckReport>("db_check", { args: {} }),
  payoutsSurvey: (args: PayoutSurveyArgs) => invoke<PayoutSurvey>("payouts_survey", { args }),
  payoutsImport: (args: PayoutImportArgs) => invoke<PayoutImportReport>("payouts_import", { args }),
  importTemplatesList: () => invoke<ImportTemplates>("import_templates_list", { args: {} }),
  importTemplateSave: (args: ImportTemplateInput) => invoke<ImportTemplates>("import_template_save", { args }),
  importTemplateDelete: (args: IdArgs) => invoke<ImportTemplates>("import_template_delete", { args }),
  payoutsList: () => invoke<PayoutLists>("payouts_list", { args: {} }),
  payoutsLookup: (args: PayoutLookupArgs) => invoke<PayoutLookup>("payouts_lookup", { args }),
  payoutsExportIssues: (args: IssuesExportArgs) => invoke<ExportResult>("payouts_export_issues", { args }),
  payoutsPrint: (args: PayoutPrintArgs) => invoke<PayoutPrintResult>("payouts_print", { args }),
  payoutsPreview: (args: PayoutPreviewArgs) => invoke<NoticePreview>("payouts_preview", { args }),
  payoutsPost: (args: PayoutPostArgs) => invoke<PayoutList>("payouts_post", { args }),
  payoutsArchive: (args: PayoutArchiveArgs) => invoke<PayoutArchiveResult>("payouts_archive", { args }),
  maskRulesGet: () => invoke<MaskSettings>("mask_rules_get", { args: {} }),
  maskRulesUpdate: (args: MaskRulesInput) => invoke<MaskSettings>("mask_rules_update", { args }),
};
