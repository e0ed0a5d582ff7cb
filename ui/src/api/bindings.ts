// 本文件由 crates/gongkai-api 生成，请勿手工修改。
// 更新：UPDATE_BINDINGS=1 cargo test -p gongkai-api bindings

import { invoke } from "@tauri-apps/api/core";

export const WIRE_VERSION = 1;
/** 长时间命令（如导入清册）的进度事件名，载荷为 ProgressEvent。 */
export const PROGRESS_EVENT = "gongkai://progress";
/** 后台同步每运行一次发出的事件名，无载荷（界面随后查询 syncStatus）。 */
export const SYNC_EVENT = "gongkai://sync";

export type AddWorkdaysArgs = { date: string, workdays: number, };
export type ApiError = { code: string, message: string, };
export type AppStatus = { wireVersion: number, dbPath: string, state: DbState, schemaVersion: number | null, profile: Profile | null, problem: string | null, };
export type AppVersion = { 
/**
 * The release, e.g. `0.1.0` (the workspace version: app, CLI and portal share it).
 */
version: string, 
/**
 * The township database schema this build migrates files to.
 */
schemaVersion: number, 
/**
 * The sync protocol spoken with the county portal.
 */
protocolVersion: number, 
/**
 * The version of these wire types (the window's contract with the core).
 */
wireVersion: number, };
export type ArchivedFile = { village: string, fileName: string, sha256: string, };
export type AttachArgs = { recordId: string, path: string, };
export type AttachmentEntry = { id: string, fileName: string, sha256: string, size: number, };
export type AttachmentSaveArgs = { id: string, out: string, };
export type BackupArgs = { out: string | null, };
export type BackupPassphraseArgs = { current: string | null, new: string, };
export type BackupResult = { path: string, bytes: number, };
export type BackupStatus = { 
/**
 * When the backup passphrase was set or last changed; `null` until it is (backups refused).
 */
passphraseSetAt: string | null, 
/**
 * Where the ID-number key and the sync signing key are kept on this PC, in Chinese.
 */
keyStorage: string, };
export type Board = { id: string, 
/**
 * None: the township's own board.
 */
villageId: string | null, villageName: string | null, name: string, location: string, templateId: string | null, templateName: string | null, 
/**
 * Why the board departs from its template.
 */
deviationReason: string | null, 
/**
 * The layout version in force.
 */
layoutVersion: number, 
/**
 * The version `width`, `height` and `zones` are of.
 */
shownVersion: number, 
/**
 * YYYY-MM-DD; none while in use.
 */
retiredOn: string | null, width: number, height: number, zones: Array<BoardZone>, updatedAt: string, };
export type BoardCadence = "monthly" | "quarterly" | "half_yearly" | "as_needed" | "standing";
export type BoardDiagramArgs = { boardId: string, 
/**
 * A layout version other than the one in force.
 */
version: number | null, 
/**
 * The PDF to write.
 */
out: string, };
export type BoardDueState = "overdue" | "due_soon" | "pending";
export type BoardGetArgs = { id: string, 
/**
 * A layout version other than the one in force (a posting's, say).
 */
version: number | null, };
export type BoardInput = { id: string | null, 
/**
 * None: the township's own board. Only for a new board.
 */
villageId: string | null, name: string, location: string, 
/**
 * mm; required for a new board.
 */
width: number | null, height: number | null, 
/**
 * Why a board made from a template is resized away from it.
 */
deviationReason: string | null, };
export type BoardLayoutInput = { boardId: string, width: number, height: number, zones: Array<ZoneInput>, 
/**
 * Required when the board was made from a template and now departs from it (kept from
 * an earlier save when not given).
 */
deviationReason: string | null, };
export type BoardRetireArgs = { id: string, 
/**
 * YYYY-MM-DD; default today.
 */
on: string | null, };
export type BoardScope = "township" | "village";
export type BoardTemplate = { id: string, name: string, scope: BoardScope, 
/**
 * Where the shape comes from.
 */
note: string, width: number, height: number, zones: Array<BoardZone>, updatedAt: string, };
export type BoardTemplateApplyArgs = { templateId: string, villageIds: Array<string> | null, 
/**
 * Give boards already made from the template its layout again (a new layout version
 * where sheets are posted; a village's own deviation and its reason are dropped).
 */
replace: boolean, };
export type BoardTemplateApplyResult = { 
/**
 * Ids of the boards made.
 */
created: Array<string>, 
/**
 * Ids of the boards given the template's layout again.
 */
replaced: Array<string>, 
/**
 * Ids of the boards of the template left as they were.
 */
kept: Array<string>, 
/**
 * Every board in use, after.
 */
boards: Array<Board>, };
export type BoardTemplateInput = { id: string | null, name: string, scope: BoardScope, note: string, width: number, height: number, zones: Array<ZoneInput>, };
export type BoardTemplates = { templates: Array<BoardTemplate>, };
export type BoardZone = { 
/**
 * Names the zone across layout versions; none in a template.
 */
id: string | null, 
/**
 * From 1, in the layout's order.
 */
position: number, name: string, rect: ZoneRect, cadence: BoardCadence, dueDay: number | null, dueWithinDays: number | null, dueInWorkingDays: boolean, minDays: number | null, 
/**
 * The due rule as the clerk reads it: 每月，次月 15 日前.
 */
rule: string, 
/**
 * A4 and A3, portrait and landscape.
 */
sheetFits: Array<SheetFit>, };
export type Boards = { boards: Array<Board>, };
export type BoardsListArgs = { 
/**
 * Retired boards too.
 */
includeRetired: boolean, };
export type CalendarFileArgs = { path: string, };
export type CalendarUpdateResult = { version: string, firstYear: number, lastYear: number, 
/**
 * Provisional due dates of unpublished records counted again.
 */
recounted: number, };
export type CatalogAction = "add" | "edit" | "hide" | "restore";
export type CatalogAdjustArgs = { action: CatalogAction, 
/**
 * The item (all but `add`).
 */
key: string | null, item: CatalogItemInput | null, reason: string, by: string, 
/**
 * YYYY-MM-DD; default today.
 */
on: string | null, };
export type CatalogColumnChange = { 
/**
 * The column's name in the standard table (公开内容（要素）, 公开层级…).
 */
column: string, before: string, after: string, };
export type CatalogCoverage = "complete" | "partial" | "not_found" | "";
export type CatalogDomain = { name: string, 
/**
 * Position in the national list (1–26 pilot domains, then later ones).
 */
order: number, 
/**
 * Items in the township's effective catalog.
 */
items: number, 
/**
 * Where the baseline of this domain comes from, in one line (titles and addresses).
 */
source: string, sources: Array<CatalogSource>, kind: CatalogDomainKind, coverage: CatalogCoverage, 
/**
 * What the bundled data holds and lacks, in Chinese.
 */
coverageNote: string, guidelineIssuer: string, guidelineDocument: string, guidelineDate: string, };
export type CatalogDomainKind = "pilot" | "later" | "";
export type CatalogDomains = { domains: Array<CatalogDomain>, };
export type CatalogExportArgs = { 
/**
 * `pdf` · `xlsx`
 */
format: string, out: string, 
/**
 * `a3` (default) · `a4`; always landscape.
 */
paper: string | null, 
/**
 * Only this domain; all when absent.
 */
domain: string | null, };
export type CatalogExportResult = { path: string, domains: number, items: number, bytes: number, };
export type CatalogHistoryAction = "load" | "upsert" | "withdraw" | "add" | "edit" | "hide" | "restore";
export type CatalogHistoryEntry = { layer: CatalogLayer, action: CatalogHistoryAction, 
/**
 * The day it took effect (YYYY-MM-DD).
 */
on: string, recordedAt: string, 
/**
 * Baseline version, county version label, or the township's reason.
 */
note: string, by: string | null, 
/**
 * The item's text in this row, if the row carries one.
 */
item: CatalogItem | null, };
export type CatalogImportAcceptArgs = { path: string, 
/**
 * The preview's `sha256`: the file must be the one the clerk saw.
 */
sha256: string, 
/**
 * e.g. “2025年版”; the file name when left out.
 */
versionLabel: string | null, 
/**
 * The date the county issued it (YYYY-MM-DD); today when left out.
 */
issuedOn: string | null, };
export type CatalogImportChange = { key: string, level1: string, level2: string, sheet: string, row: number, 
/**
 * Where the catalog's text comes from now; a township edit stays in force after accepting.
 */
state: CatalogItemState, columns: Array<CatalogColumnChange>, };
export type CatalogImportDomain = { domain: string, 
/**
 * Items of the domain in the table.
 */
items: number, added: Array<CatalogImportItem>, changed: Array<CatalogImportChange>, 
/**
 * Items the table holds as the catalog already has them.
 */
unchanged: number, 
/**
 * Withdrawn from the county layer when the table is accepted (the township's own
 * items are not: local adjustments stay).
 */
missing: Array<CatalogImportMissing>, };
export type CatalogImportItem = { item: CatalogItem, sheet: string, row: number, };
export type CatalogImportMissing = { key: string, level1: string, level2: string, state: CatalogItemState, };
export type CatalogImportPreview = { file: string, 
/**
 * SHA-256 of the file's bytes, to accept exactly this file.
 */
sha256: string, sheets: Array<CatalogImportSheet>, items: number, added: number, changed: number, unchanged: number, missing: number, domains: Array<CatalogImportDomain>, unplaced: Array<CatalogUnplacedCell>, };
export type CatalogImportPreviewArgs = { path: string, };
export type CatalogImportResult = { versionLabel: string, issuedOn: string, 
/**
 * Items written to the county layer (added, changed and unchanged alike).
 */
upserted: number, 
/**
 * Items withdrawn from the county layer.
 */
withdrawn: number, preview: CatalogImportPreview, };
export type CatalogImportSheet = { sheet: string, 
/**
 * First and last header row; `null`: no header (its cells are listed as unplaced).
 */
headerRows: [number, number] | null, items: number, };
export type CatalogItem = { 
/**
 * Stable key: 领域/一级事项/二级事项.
 */
key: string, domain: string, 
/**
 * 一级事项
 */
level1: string, 
/**
 * 二级事项
 */
level2: string, 
/**
 * 公开内容（要素）
 */
content: string, 
/**
 * 公开依据
 */
basis: string, 
/**
 * 公开时限 as written
 */
timeLimit: string, 
/**
 * Working days the time limit names; `null`: none named (deadlines default to 20).
 */
timeLimitWorkdays: number | null, 
/**
 * 公开主体
 */
subject: string, 
/**
 * 公开渠道和载体: standard labels in national order.
 */
channels: Array<string>, 
/**
 * Non-standard channels in their own words (with 其他 in `channels`).
 */
channelsOther: string, 
/**
 * 公开对象: 全社会 · 特定群体
 */
audience: Array<string>, 
/**
 * 公开方式: 主动 · 依申请
 */
mode: Array<string>, 
/**
 * 公开层级: 县级 · 乡级
 */
level: Array<string>, 
/**
 * Where the row was taken from.
 */
source: string, 
/**
 * `source` as a link only when it is a government portal; `null` otherwise.
 */
sourceLink: string | null, 
/**
 * “未核实转载” when `source` is a web address off government portals; empty otherwise.
 */
sourceNote: string, 
/**
 * How the bundled baseline knows the values; `null` for county or township text.
 */
provenance: CatalogProvenance | null, state: CatalogItemState, };
export type CatalogItemHistory = { key: string, 
/**
 * `null`: hidden, withdrawn or unknown.
 */
current: CatalogItem | null, entries: Array<CatalogHistoryEntry>, };
export type CatalogItemInput = { domain: string | null, level1: string | null, level2: string | null, content: string | null, basis: string | null, timeLimit: string | null, 
/**
 * Absent: read from the time limit text (“20个工作日”).
 */
timeLimitWorkdays: number | null, subject: string | null, channels: Array<string> | null, channelsOther: string | null, audience: Array<string> | null, mode: Array<string> | null, level: Array<string> | null, source: string | null, };
export type CatalogItemState = "baseline" | "county" | "townshipEdited" | "townshipAdded";
export type CatalogItems = { items: Array<CatalogItem>, };
export type CatalogItemsArgs = { 
/**
 * Only this domain; all when absent.
 */
domain: string | null, };
export type CatalogKeyArgs = { key: string, };
export type CatalogLayer = "baseline" | "county" | "township";
export type CatalogProvenance = { 
/**
 * 公开对象
 */
audience: CatalogTickKnown, 
/**
 * 公开方式
 */
mode: CatalogTickKnown, 
/**
 * 公开层级
 */
level: CatalogTickKnown, 
/**
 * The county borrowed ticks were copied from; empty when none is borrowed.
 */
borrowedFrom: string, 
/**
 * Whose localized version 公开主体 and 公开渠道和载体 are.
 */
versionOf: string, 
/**
 * Anything else about the row's values.
 */
note: string, };
export type CatalogSearchArgs = { 
/**
 * Words separated by spaces; every word must occur. One or two characters work (低保).
 */
query: string, 
/**
 * Default 50, at most 500.
 */
limit: number | null, };
export type CatalogSource = { title: string, url: string, 
/**
 * The address to link to: only a government portal's, `null` for any other site (mirror
 * copies, some now gambling or spam domains, are never shown as links).
 */
link: string | null, 
/**
 * “未核实转载” when the page is not a government portal's; empty otherwise.
 */
note: string, };
export type CatalogTickKnown = { source: CatalogTickSource, 
/**
 * 原文标明 · 按列位置读出 · 推断 · 借用（借自…） · 原文未见
 */
label: string, 
/**
 * Whether the ticks may be shown as the source's fact (stated or read from a column).
 */
fact: boolean, };
export type CatalogTickSource = "stated" | "column" | "inferred" | "borrowed" | "none";
export type CatalogUnplacedCell = { sheet: string, row: number, 
/**
 * The column as the clerk finds it: Excel's letter, or its number in a Word table.
 */
column: string, header: string, text: string, reason: string, };
export type CheckReport = { ok: boolean, schemaVersion: number, integrity: string, villages: number, offices: number, people: number, };
export type Choice = { key: string, label: string, };
export type CleanupDecideArgs = { documentId: string, year: number | null, decision: CleanupDecision, 
/**
 * Default: today.
 */
decidedOn: string | null, decidedBy: string, note: string | null, 
/**
 * The document announcing the decision (清理结果的通知), by 文号 or id, if in the library.
 */
changedBy: string | null, };
export type CleanupDecision = "keep" | "amend" | "repeal" | "expire";
export type CleanupEntry = { year: number, 
/**
 * Why the document was due, as the list showed it.
 */
reason: string, decision: CleanupDecision, decidedOn: string, decidedBy: string, note: string, };
export type CleanupRow = { document: DocumentSummary, reasons: Array<string>, decision: CleanupEntry | null, };
export type ColumnChoice = { key: string, label: string, required: boolean, };
export type Compliance = { year: number, today: string, domains: Array<DomainCompliance>, };
export type ComplianceArgs = { 
/**
 * Default: this year.
 */
year: number | null, };
export type ComposedSheetInput = { kind: SheetKind, title: string, body: string, table: SheetTable | null, 
/**
 * The notice period (公示期); none for a 通知 without one.
 */
periodDays: number | null, 
/**
 * `calendar` (自然日, the default) or `working` (工作日, official calendar).
 */
periodUnit: string | null, objectionPhone: string | null, objectionAddress: string | null, 
/**
 * 落款: the issuing body.
 */
issuer: string, 
/**
 * YYYY-MM-DD.
 */
issuedOn: string, 
/**
 * `A4` (default) or `A3`.
 */
paper: string | null, landscape: boolean, };
export type ConsultationEntry = { party: string, partyLabel: string, partyName: string, sentOn: string, 
/**
 * The last day of its 15 working days.
 */
limitOn: string, answeredOn: string | null, opinion: string, };
export type CorrectionEntry = { noticeOn: string, items: string, deadline: string, correctedOn: string | null, };
export type CountedDay = { date: string, 
/**
 * 工作日 · 周末 · 节假日（春节） · 调休上班（国庆节）
 */
kind: string, workday: boolean, 
/**
 * The year's holiday notice is not in the calendar yet: only the weekday is known.
 */
assumed: boolean, workdaysSoFar: number, };
export type CountyNotice = { title: string, body: string, publishedOn: string, };
export type DbState = "missing" | "empty" | "ready" | "broken";
export type DeadlineState = "on_time" | "late" | "due_soon" | "pending" | "overdue" | "not_applicable";
export type DisclosureCase = { id: string, kind: DisclosureCaseKind, caseNumber: string, subject: string, filedOn: string, 
/**
 * Null while pending.
 */
outcome: DisclosureCaseOutcome | null, decidedOn: string | null, note: string, };
export type DisclosureCaseInput = { id: string | null, kind: DisclosureCaseKind, caseNumber: string, subject: string, 
/**
 * YYYY-MM-DD
 */
filedOn: string, outcome: DisclosureCaseOutcome | null, decidedOn: string | null, note: string, };
export type DisclosureCaseKind = "review" | "lit_direct" | "lit_after_review";
export type DisclosureCaseOutcome = "upheld" | "corrected" | "other" | "pending";
export type DocumentAttachArgs = { id: string, path: string, };
export type DocumentCleanup = { year: number, ageYears: number, rows: Array<CleanupRow>, undecided: number, };
export type DocumentCleanupArgs = { year: number | null, };
export type DocumentDetail = { summary: DocumentSummary, body: string, attachments: Array<AttachmentEntry>, history: Array<ValidityChangeEntry>, interpretation: InterpretationEntry | null, 
/**
 * What keeps the document from publication for want of its 解读 (empty: nothing).
 */
interpretationMissing: Array<string>, cleanups: Array<CleanupEntry>, };
export type DocumentInput = { id: string | null, kind: DocumentKind, 
/**
 * 文号; the common wrong brackets are accepted and put right (`notes` says so).
 */
docNumber: string | null, title: string, 
/**
 * 发文机关.
 */
issuer: string, issuedOn: string, 
/**
 * 施行日期; default: the issue date.
 */
effectiveOn: string | null, 
/**
 * 有效期至 (the last day it holds), for a document issued for a term.
 */
validUntil: string | null, 
/**
 * The full text (the file itself may be attached too).
 */
body: string, needsInterpretation: boolean, 
/**
 * The disclosure record that publishes it.
 */
recordId: string | null, };
export type DocumentKind = "normative" | "policy";
export type DocumentRef = { id: string, name: string, };
export type DocumentSaved = { document: DocumentDetail, notes: Array<string>, };
export type DocumentSettings = { cleanupAgeYears: number, defaultCleanupAgeYears: number, minCleanupAgeYears: number, maxCleanupAgeYears: number, };
export type DocumentSettingsInput = { cleanupAgeYears: number, };
export type DocumentSummary = { id: string, kind: DocumentKind, docNumber: string | null, title: string, issuer: string, issuedOn: string, effectiveOn: string, validUntil: string | null, validity: DocumentValidity, 
/**
 * The date of the last change of validity.
 */
validityOn: string | null, 
/**
 * The document that made the last change.
 */
changedBy: DocumentRef | null, needsInterpretation: boolean, interpretation: InterpretationStatus, 
/**
 * The record that publishes it, and where that stands.
 */
recordId: string | null, recordStatus: RecordStatus | null, };
export type DocumentValidity = "in_force" | "amended" | "repealed" | "expired";
export type DocumentValidityArgs = { id: string, validity: DocumentValidity, on: string | null, changedBy: string | null, note: string | null, };
export type Documents = { documents: Array<DocumentSummary>, };
export type DocumentsListArgs = { validity: DocumentValidity | null, kind: DocumentKind | null, query: string | null, };
export type DomainCompliance = { domain: string, items: Array<ItemCompliance>, records: number, onTime: number, late: number, dueSoon: number, overdue: number, neverDisclosed: number, };
export type DueExplanation = { formedOn: string, workdays: number, dueOn: string, provisional: boolean, calendarVersion: string, days: Array<CountedDay>, holidaysSkipped: number, weekendsSkipped: number, makeUpDaysUsed: number, };
export type ExportResult = { path: string, };
export type ExtensionEntry = { noticeOn: string, approver: string, workdays: number, reason: string, };
export type FeeEntry = { method: string, methodLabel: string, amountFen: number, 
/**
 * How the amount was computed.
 */
basis: string, noticeOn: string, deliveredOn: string, 
/**
 * The last day to pay (20 working days).
 */
payDueOn: string, paidOn: string | null, };
export type HeaderMapping = { header: string, column: string | null, };
export type HiddenCatalogItem = { key: string, domain: string, level1: string, level2: string, reason: string, on: string, by: string, };
export type HiddenCatalogItems = { items: Array<HiddenCatalogItem>, };
export type HomeTodo = { today: string, rows: Array<TodoRow>, 
/**
 * Records overdue or due soon in all (rows list at most 20 of them).
 */
recordsDue: number, };
export type IdArgs = { id: string, };
export type ImportIssue = { sheet: string, row: number, column: string, code: string, message: string, };
export type ImportRowCounts = { read: number, 
/**
 * People read without an error of their own (imported when the file has no error).
 */
people: number, 
/**
 * Rows with an error on them, or under a header or in a sheet refused as a whole.
 */
reported: number, titles: number, headers: number, blank: number, 
/**
 * 小计 and 合计 lines.
 */
totals: number, 
/**
 * Notes and signatures below a total, and sheets without a list.
 */
notes: number, };
export type ImportTemplate = { id: string, name: string, mapping: Array<HeaderMapping>, updatedAt: string, };
export type ImportTemplateInput = { name: string, mapping: Array<HeaderMapping>, };
export type ImportTemplates = { templates: Array<ImportTemplate>, };
export type InterpretationEntry = { recordId: string, recordTitle: string, form: InterpretationForm, recordStatus: RecordStatus, };
export type InterpretationForm = "text" | "graphic" | "qa";
export type InterpretationLinkArgs = { documentId: string, recordId: string, form: InterpretationForm, };
export type InterpretationStatus = "not_needed" | "missing" | "not_ready" | "ready" | "published";
export type IssuesExportArgs = { sourceFile: string, issues: Array<ImportIssue>, out: string, };
export type ItemCompliance = { key: string, level1: string, level2: string, records: number, onTime: number, late: number, dueSoon: number, pending: number, overdue: number, 
/**
 * No proactive record under this item this year.
 */
neverDisclosed: boolean, };
export type LetterFormat = "pdf" | "docx";
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
export type NoticeSettings = { project: string, noticeDays: number, hotline: string | null, preparedBy: string | null, reviewedBy: string | null, };
export type NoticeSettingsArgs = { project: string | null, };
export type ObjectionAddArgs = { postingId: string, receivedOn: string, fromWhom: string, content: string, };
export type ObjectionAnswerArgs = { id: string, answer: string, answeredOn: string, };
export type ObjectionEntry = { id: string, receivedOn: string, fromWhom: string, content: string, answer: string | null, answeredOn: string | null, };
export type Office = { id: string, name: string, phone: string | null, };
export type OfficeInput = { id: string | null, name: string, phone: string | null, };
export type OutcomeChoice = { key: string, label: string, grounds: Array<Choice>, 
/**
 * Whether a ground must be chosen.
 */
groundRequired: boolean, };
export type PaperSize = "A4" | "A3";
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
export type PayoutImportReport = { list_id: string | null, imported_rows: number, total_fen: number, villages: Array<VillageTotal>, errors: Array<ImportIssue>, warnings: Array<ImportIssue>, 
/**
 * What became of every row read; `read` is always the sum of the others.
 */
rows: ImportRowCounts, };
export type PayoutList = { id: string, project: string, year: number, sourceFile: string, status: PayoutListStatus, rows: number, totalFen: number, importedAt: string, villages: Array<VillageTotal>, 
/**
 * The 公示期 of each village, once posted.
 */
postings: Array<Posting>, };
export type PayoutListStatus = "draft" | "posted" | "archived" | "superseded";
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
paper: string | null, 
/**
 * The footer as the clerk is filling it in; blank or absent: the project's notice settings,
 * as printing would use them.
 */
hotline: string | null, preparedBy: string | null, reviewedBy: string | null, 
/**
 * As printing takes it.
 */
projectLayout: ProjectLayout | null, };
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
hotline: string | null, preparedBy: string | null, reviewedBy: string | null, 
/**
 * All villages in one PDF, a section per village numbered on its own (default: one PDF
 * per village).
 */
oneFile: boolean | null, 
/**
 * A list holding several 补贴项目: a section per project (default) or one table with a
 * 补贴项目 column.
 */
projectLayout: ProjectLayout | null, };
export type PayoutPrintResult = { files: Array<PrintedFile>, };
export type PayoutSurvey = { fileName: string, sheets: Array<SurveyedSheet>, choices: Array<ColumnChoice>, 
/**
 * The saved template whose headers this file has, if one fits.
 */
suggestedTemplate: string | null, };
export type PayoutSurveyArgs = { path: string, sheet: string | null, mapping: Array<HeaderMapping> | null, template: string | null, };
export type Person = { id: string, name: string, officeId: string | null, officeName: string | null, roles: Array<Role>, };
export type PersonInput = { id: string | null, name: string, officeId: string | null, roles: Array<Role>, };
export type PersonPayout = { listId: string, project: string, year: number, village: string, name: string, idMasked: string, amountFen: number, status: PayoutListStatus, sourceFile: string, };
export type PhotoContent = { sha256: string, originalName: string, width: number, height: number, jpegBase64: string, };
export type PhotoGetArgs = { sha256: string, };
export type PhotoPlace = { lat: number, lon: number, };
export type PhotoSettings = { maxEdge: number, defaultMaxEdge: number, minMaxEdge: number, maxMaxEdge: number, };
export type PhotoSettingsInput = { maxEdge: number, };
export type PlanDueState = "done" | "late" | "due_soon" | "open";
export type PlanEvidence = { id: string, fileName: string, size: number, };
export type PlanEvidenceSaveArgs = { id: string, out: string, };
export type PlanImportArgs = { path: string, 
/**
 * The plan's year; default: the one the table's title (or else the file's name) names.
 */
year: number | null, 
/**
 * Replace the year's tasks if it has some (refused once any has progress).
 */
replace: boolean, dryRun: boolean, };
export type PlanImportReport = { year: number, sheet: string, title: string | null, tasks: Array<PlanTaskRow>, 
/**
 * False for a dry run.
 */
written: boolean, };
export type PlanListArgs = { 
/**
 * Default: this year if it has a plan, else the newest year that has one.
 */
year: number | null, };
export type PlanNote = { id: string, notedOn: string, status: PlanStatus, note: string, evidence: Array<PlanEvidence>, };
export type PlanProgressArgs = { taskId: string, status: PlanStatus, note: string, 
/**
 * Default: today. Not after today.
 */
notedOn: string | null, 
/**
 * Files to keep as evidence (佐证材料).
 */
evidence: Array<string>, };
export type PlanScheduleKind = "deadline" | "milestones" | "monthly" | "quarterly" | "year_round";
export type PlanStatus = "open" | "in_progress" | "done";
export type PlanSummaryArgs = { taskId: string, summary: string, };
export type PlanTaskDetail = { task: PlanTaskRow, notes: Array<PlanNote>, yearEnd: PlanYearEnd, };
export type PlanTaskInput = { id: string | null, year: number, 
/**
 * Default for a new task: after the year's last.
 */
seq: number | null, section: string | null, name: string, content: string, office: string, person: string, timeNode: string, evidenceRequired: string, };
export type PlanTaskRow = { 
/**
 * Empty in a dry run's report.
 */
id: string, year: number, seq: number, section: string | null, name: string, content: string, office: string, person: string, 
/**
 * As written in the table.
 */
timeNode: string, schedule: PlanScheduleKind, 
/**
 * The last due date the node gives.
 */
dueOn: string, evidenceRequired: string, status: PlanStatus, doneOn: string | null, dueState: PlanDueState, 
/**
 * The date the state is about: the milestone or period owed, or the last due date.
 */
stateDueOn: string | null, 
/**
 * Days late, or days left.
 */
days: number, 
/**
 * Why the state is what it is, in Chinese.
 */
explanation: string, notes: number, evidence: number, source: string, };
export type PlanTasks = { today: string, 
/**
 * None when no year has a plan.
 */
year: number | null, years: Array<PlanYear>, tasks: Array<PlanTaskRow>, done: number, late: number, dueSoon: number, };
export type PlanYear = { year: number, tasks: number, };
export type PlanYearEnd = { 
/**
 * From the notes dated in the task's year, the last one deciding.
 */
outcome: PlanYearEndOutcome, 
/**
 * The 年终小结: the clerk's when written, else `draft`.
 */
summary: string, 
/**
 * Whether the clerk wrote `summary`.
 */
written: boolean, 
/**
 * The summary drafted from the notes: outcome, the last thing done, evidence kept.
 */
draft: string, };
export type PlanYearEndOutcome = "done" | "in_progress" | "not_started";
export type PortalLink = { title: string, url: string, qrSvg: string, };
export type Posting = { village: string, 
/**
 * YYYY-MM-DD
 */
postedOn: string, endsOn: string, };
export type PostingAddArgs = { boardId: string, zoneId: string, 
/**
 * The posting round it is printed with; default: the period's or the notice's month and
 * the zone's name (2026年11月 财务公开).
 */
round: string | null, 
/**
 * The period a periodic zone's sheet serves (2026-11, 2026-Q4, 2026-H2); default: the
 * period before the one holding the notice's first day.
 */
period: string | null, payoutListId: string | null, recordId: string | null, sheet: ComposedSheetInput | null, 
/**
 * Default: the sheet's title.
 */
title: string | null, 
/**
 * YYYY-MM-DD; default: today (a list's recorded 公示期 for a payout notice).
 */
noticeFrom: string | null, 
/**
 * YYYY-MM-DD; default: from the sheet's notice period, else the zone's minimum days.
 */
noticeTo: string | null, 
/**
 * The posting taken down early that this one puts up again.
 */
reposts: string | null, };
export type PostingDetail = { posting: PostingSummary, objections: Array<ObjectionEntry>, 
/**
 * The composed sheet, for a posting of one.
 */
sheet: ComposedSheetInput | null, };
export type PostingMarkPostedArgs = { id: string, 
/**
 * YYYY-MM-DD.
 */
on: string, 
/**
 * Who put it up.
 */
by: string, 
/**
 * Photos of the sheet on the wall (JPEG or PNG files), stored with the posting in the same
 * transaction.
 */
photos?: Array<string>, };
export type PostingPhoto = { 
/**
 * SHA-256 of the stored JPEG: `photo_get` fetches it whole.
 */
sha256: string, originalName: string, 
/**
 * When the camera says it was taken (its own clock, local time): YYYY-MM-DD HH:MM:SS.
 */
takenAt: string | null, place: PhotoPlace | null, width: number, height: number, 
/**
 * Bytes of the stored JPEG.
 */
size: number, 
/**
 * JPEG, long edge 240 px.
 */
thumbnailBase64: string, };
export type PostingPhotoAddArgs = { postingId: string, paths: Array<string>, };
export type PostingPhotos = { photos: Array<PostingPhoto>, };
export type PostingPhotosAdded = { photos: Array<PostingPhoto>, added: number, warnings: Array<string>, };
export type PostingPhotosArgs = { postingId: string, };
export type PostingSource = "payout_notice" | "record" | "composed";
export type PostingStage = "draft" | "printed" | "posted" | "expired" | "taken_down" | "archived";
export type PostingSummary = { id: string, boardId: string, boardName: string, 
/**
 * None: the township's own board.
 */
village: string | null, zoneId: string, zoneName: string, round: string, period: string | null, source: PostingSource, title: string, registerNo: string, noticeFrom: string, noticeTo: string, stage: PostingStage, 
/**
 * `PostingStageLabels[stage]`, kept for scripts reading `--json`.
 */
stageLabel: string, printedAt: string | null, postedOn: string | null, postedBy: string | null, takenDownOn: string | null, archivedAt: string | null, 
/**
 * Why the take-down was early (须重新张贴), when it was.
 */
earlyTakeDown: string | null, 
/**
 * Taken down early and not yet put up again.
 */
mustRepost: boolean, reposts: string | null, repostedBy: string | null, photoCount: number, objectionCount: number, 
/**
 * The sheet as printed is kept (and goes to the county).
 */
hasFile: boolean, };
export type PostingTakeDownArgs = { id: string, 
/**
 * YYYY-MM-DD.
 */
on: string, };
export type Postings = { postings: Array<PostingSummary>, 
/**
 * Every round postings were added in, newest first.
 */
rounds: Array<string>, };
export type PostingsDue = { today: string, 
/**
 * Overdue first, then by due date.
 */
due: Array<ZoneDue>, 
/**
 * Sheets on the wall whose notice period ends within three days or has ended: take down.
 */
expiring: Array<PostingSummary>, 
/**
 * Taken down early and not put up again.
 */
reposts: Array<PostingSummary>, };
export type PostingsListArgs = { boardId: string | null, round: string | null, 
/**
 * A stored status: draft, printed, posted, taken_down, archived.
 */
status: string | null, };
export type PostingsPrintArgs = { round: string, outDir: string, oneFile: boolean | null, };
export type PostingsPrintResult = { packs: Array<PrintedPack>, };
export type PostingsRegister = { year: number, lines: Array<RegisterLine>, };
export type PostingsRegisterArgs = { 
/**
 * Default: this year.
 */
year: number | null, };
export type PostingsRegisterExportArgs = { 
/**
 * `xlsx` or `pdf`.
 */
format: string, out: string, year: number | null, };
export type PrintedFile = { village: string, path: string, rows: number, bytes: number, };
export type PrintedPack = { 
/**
 * The village (or 本镇); for a bound file, every village joined by 、.
 */
village: string, path: string, sheets: number, bytes: bigint, };
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
export type ProjectLayout = "sections" | "column";
export type PublicationEntry = { id: string, recordId: string, recordTitle: string, docNumber: string | null, domain: string, channel: string, location: string, publishedOn: string, publishedBy: string, note: string, };
export type Publications = { publications: Array<PublicationEntry>, };
export type PublishInput = { recordId: string, channel: string, 
/**
 * Where: the portal column and address, the board's place…
 */
location: string, publishedOn: string | null, publishedBy: string, note: string | null, };
export type ReadingCatalogItem = { key: string, domain: string, level1: string, level2: string, content: string, basis: string, timeLimit: string, subject: string, channels: Array<string>, audience: Array<string>, mode: Array<string>, level: Array<string>, };
export type ReadingDocument = { summary: ReadingDocumentSummary, effectiveOn: string, validUntil: string | null, body: string, interpretation: ReadingInterpretation | null, };
export type ReadingDocumentSummary = { id: string, title: string, docNumber: string | null, issuer: string, issuedOn: string, validity: DocumentValidity, 
/**
 * Whether a published 政策解读 goes with it.
 */
interpreted: boolean, };
export type ReadingDomain = { name: string, items: number, };
export type ReadingDomainArgs = { domain: string, };
export type ReadingInterpretation = { title: string, form: InterpretationForm, body: string, };
export type ReadingItems = { items: Array<ReadingCatalogItem>, };
export type ReadingLeave = { allowed: boolean, message: string, 
/**
 * Seconds before another PIN is heard, after too many wrong ones.
 */
waitSeconds: number | null, };
export type ReadingLeaveArgs = { pin: string, };
export type ReadingNotice = { title: string, subtitle: string, columns: Array<string>, rows: Array<Array<string>>, 
/**
 * 合计, as the last page prints it.
 */
total: string, footer: Array<string>, signature: Array<string>, portal: PortalLink | null, };
export type ReadingNoticeArgs = { listId: string, village: string, };
export type ReadingNoticeSummary = { listId: string, 
/**
 * 2026年耕地地力保护补贴
 */
title: string, village: string, rows: number, 
/**
 * YYYY-MM-DD
 */
postedOn: string, endsOn: string, };
export type ReadingRecord = { summary: ReadingRecordSummary, formedOn: string, body: string, portal: PortalLink | null, };
export type ReadingRecordSummary = { id: string, title: string, docNumber: string | null, domain: string, itemName: string, publishedOn: string, };
export type ReadingSearchArgs = { query: string, };
export type ReadingSearchResult = { 
/**
 * The query answered, so a screen can drop an answer to an older one.
 */
query: string, items: Array<ReadingCatalogItem>, notices: Array<ReadingNoticeSummary>, records: Array<ReadingRecordSummary>, documents: Array<ReadingDocumentSummary>, };
export type ReadingSettings = { idleSeconds: number, pinSet: boolean, };
export type ReadingSettingsInput = { idleSeconds: number, pin: string | null, };
export type ReadingStart = { township: string, 
/**
 * Seconds of quiet after which the screen returns here.
 */
idleSeconds: number, 
/**
 * Whether a PIN is set, so the screen can be left from the window.
 */
pinSet: boolean, domains: Array<ReadingDomain>, 
/**
 * Payout notices in their 公示期 today, a row per list and village.
 */
notices: Array<ReadingNoticeSummary>, records: Array<ReadingRecordSummary>, documents: Array<ReadingDocumentSummary>, 
/**
 * The township's pages on the county portal; empty with `portalNote` saying why.
 */
portal: Array<PortalLink>, portalNote: string | null, };
export type RecordDetail = { summary: RecordSummary, body: string, channels: Array<string>, ground: string | null, groundLabel: string | null, attributeReason: string | null, 
/**
 * （此件公开发布） and the like, printed under the 成文日期.
 */
documentNote: string, redacted: boolean, redactionRemoved: string | null, redactionWhy: string | null, calendarVersion: string, 
/**
 * Every signature, history included, oldest first.
 */
reviews: Array<ReviewEntry>, secrecy: SecrecyEntry | null, publications: Array<PublicationEntry>, attachments: Array<AttachmentEntry>, };
export type RecordInput = { id: string | null, 
/**
 * Catalog item key (领域/一级事项/二级事项) of the effective catalog.
 */
itemKey: string, title: string, docNumber: string | null, 
/**
 * 信息形成或者变更之日, YYYY-MM-DD.
 */
formedOn: string, body: string, 
/**
 * Channel labels of the standard set.
 */
channels: Array<string>, 
/**
 * proactive · on_request · withheld
 */
attribute: string, ground: string | null, attributeReason: string | null, redacted: boolean, redactionRemoved: string | null, redactionWhy: string | null, 
/**
 * Default: the catalog item's working days, else 20.
 */
timeLimitDays: number | null, };
export type RecordOptions = { attributes: Array<Choice>, grounds: Array<Choice>, stages: Array<Choice>, secrecyQuestions: Array<Choice>, channels: Array<Choice>, };
export type RecordSearchArgs = { query: string, };
export type RecordStatus = "draft" | "published" | "withdrawn";
export type RecordSummary = { id: string, itemKey: string, domain: string, itemName: string, title: string, docNumber: string | null, formedOn: string, attribute: string, attributeLabel: string, timeLimitDays: number, dueOn: string, 
/**
 * Counted partly on plain weekdays: a year's holiday notice is not in the calendar yet.
 */
dueProvisional: boolean, status: RecordStatus, 
/**
 * `RecordStatusLabels[status]`, kept for scripts reading `--json`.
 */
statusLabel: string, publishedOn: string | null, deadline: DeadlineState, 
/**
 * `DeadlineStateLabels[deadline]`, kept for scripts reading `--json`.
 */
deadlineLabel: string, 
/**
 * Working days left (due_soon, pending) or past the due date (late, overdue).
 */
deadlineWorkdays: number | null, 
/**
 * What still stands between the record and publication (Chinese); empty when it may be
 * published or already is.
 */
blockers: Array<string>, };
export type Records = { records: Array<RecordSummary>, };
export type RegisterExportArgs = { format: string, out: string, year: number | null, };
export type RegisterLine = { 
/**
 * The village, or 本镇 for the township's own board.
 */
village: string, boardName: string, zoneName: string, 
/**
 * 2026年11月 / 2026年第四季度; for a 随时 posting its title's matter.
 */
period: string, dueOn: string | null, state: RegisterState, title: string | null, registerNo: string | null, postedOn: string | null, takenDownOn: string | null, 
/**
 * Calendar days past the due date, for a late posting.
 */
daysLate: bigint | null, photoCount: number, };
export type RegisterState = "on_time" | "late" | "missing" | "pending";
export type RepeatedRequestGroup = { subject: string, requestIds: Array<string>, applicants: Array<string>, recordId: string | null, };
export type RepeatedRequests = { groups: Array<RepeatedRequestGroup>, };
export type ReplyEntry = { outcome: string, outcomeKindLabel: string, ground: string, outcomeLabel: string, resultRow: string, 
/**
 * 《中华人民共和国政府信息公开条例》第…条
 */
legalBasis: string, note: string, repliedOn: string, replyFinal: boolean, deliveryMethod: string | null, deliveredOn: string | null, };
export type ReportCellRef = { row: string, column: string, };
export type ReportDraft = { year: number, 
/**
 * 一、总体情况 (empty until saved: the screen offers `overviewSuggestion`).
 */
overview: string, 
/**
 * 五、存在的主要问题及改进情况
 */
problemsText: string, 
/**
 * 六、其他需要报告的事项
 */
otherText: string, 
/**
 * The 信息处理费 section 六 states, in fen; null until said.
 */
statedFeesFen: number | null, 
/**
 * 规章: 本年制发, 本年废止, 现行有效 (townships: none).
 */
regulations: [number, number, number], licensingDecisions: number, penaltyDecisions: number, enforcementDecisions: number, 
/**
 * 行政事业性收费, in fen (printed in 万元).
 */
adminFeesFen: number, 
/**
 * Set once exported as final.
 */
finalizedAt: string | null, recordId: string | null, };
export type ReportExport = { path: string, 
/**
 * The disclosure record the report is, once exported as final.
 */
recordId: string | null, };
export type ReportExportArgs = { year: number, format: LetterFormat, out: string, final: boolean, };
export type ReportProblem = { place: ReportProblemPlace, cells: Array<ReportCellRef>, message: string, };
export type ReportProblemPlace = "table3" | "table4" | "section6";
export type ReportTables = { year: number, table2: Array<Table2PartView>, table3: Table3View, table4: Table4View, };
export type ReportView = { year: number, 
/**
 * 示范镇2026年政府信息公开工作年度报告
 */
title: string, 
/**
 * The six sections' titles (一、总体情况 …).
 */
sections: Array<string>, draft: ReportDraft, 
/**
 * Section 一 as a first draft from the year's figures, for the clerk to rewrite.
 */
overviewSuggestion: string, tables: ReportTables, 
/**
 * Last year's tables: as exported final if they were, else counted from the data now.
 */
lastYear: ReportTables | null, 
/**
 * What does not balance, each naming its cells; export refuses while 表三's stand.
 */
problems: Array<ReportProblem>, 
/**
 * The 复议/诉讼 cases filed in the year.
 */
cases: Array<DisclosureCase>, 
/**
 * 信息处理费 paid on the year's requests, in fen.
 */
recordedFeesFen: number, };
export type ReportYearArgs = { 
/**
 * Default: last year (the report written at the start of a year is about the one before).
 */
year: number | null, };
export type RequestAttachArgs = { id: string, 
/**
 * application · id_document · other
 */
role: string, path: string, };
export type RequestAttachmentEntry = { id: string, role: string, roleLabel: string, fileName: string, sha256: string, size: number, };
export type RequestAttachmentSaveArgs = { id: string, out: string, };
export type RequestConsultArgs = { id: string, party: string | null, partyName: string | null, sentOn: string | null, answerOf: number | null, answeredOn: string | null, opinion: string, };
export type RequestCorrectArgs = { id: string, noticeOn: string | null, deadline: string | null, items: string | null, correctedOn: string | null, };
export type RequestDeliverArgs = { id: string, 
/**
 * 直接送达、邮寄送达、电子送达…
 */
method: string, deliveredOn: string | null, };
export type RequestDetail = { summary: RequestSummary, arrivedOn: string, confirmedOn: string | null, 
/**
 * Art. 31's rule for the channel.
 */
receiptRule: string, contact: string, address: string, 
/**
 * The ID number masked (never whole).
 */
idMasked: string | null, description: string, formWanted: string, 
/**
 * The last day for a 补正 notice.
 */
correctionNoticeDue: string, correction: CorrectionEntry | null, extension: ExtensionEntry | null, consultations: Array<ConsultationEntry>, fee: FeeEntry | null, reply: ReplyEntry | null, reviews: Array<ReviewEntry>, secrecy: SecrecyEntry | null, 
/**
 * What stands between the reply and its final form; empty once final.
 */
blockers: Array<string>, attachments: Array<RequestAttachmentEntry>, 
/**
 * How the due date was counted, one line per step.
 */
explanation: Array<string>, calendarVersion: string, 
/**
 * The proactive record it became (art. 44), if it did.
 */
proactiveRecordId: string | null, };
export type RequestExtendArgs = { id: string, approver: string, noticeOn: string | null, workdays: number, reason: string, };
export type RequestFeeArgs = { id: string, method: string | null, pages: number | null, noticeOn: string | null, 
/**
 * The day the applicant received the notice; empty: the notice day.
 */
deliveredOn: string | null, paidOn: string | null, };
export type RequestInput = { channel: string, 
/**
 * Handed in, signed for, filled in or arrived.
 */
arrivedOn: string, 
/**
 * 平常信函, 网络, 传真: the day of confirmation with the applicant.
 */
confirmedOn: string | null, applicantKind: string, applicantName: string, contact: string, address: string, 
/**
 * A person's ID number (kept as a keyed hash and masked), optional.
 */
idNumber: string | null, 
/**
 * 所需信息的名称、文号或描述.
 */
subject: string, description: string, 
/**
 * 提供形式和获取方式 (纸质、电子邮件、当面领取…).
 */
formWanted: string, };
export type RequestLetter = { kind: RequestLetterKind, 
/**
 * The title as printed (with 草稿 when a draft).
 */
title: string, 
/**
 * A file name to offer when saving, without extension: 答复书-示范镇依申〔2026〕3号.
 */
fileName: string, draft: boolean, 
/**
 * Why it is still a draft (the review gate's blockers); empty when final.
 */
blockers: Array<string>, 
/**
 * Number, addressee, paragraphs and (for a draft) the draft line, as printed.
 */
paragraphs: Array<string>, issuer: string, 
/**
 * YYYY-MM-DD.
 */
issuedOn: string, pdfBase64: string, };
export type RequestLetterArgs = { requestId: string, kind: RequestLetterKind, };
export type RequestLetterKind = "reply" | "correction" | "extension" | "consultation" | "fee";
export type RequestLetterSaveArgs = { requestId: string, kind: RequestLetterKind, format: LetterFormat, 
/**
 * The file to write.
 */
out: string, };
export type RequestOptions = { channels: Array<Choice>, 
/**
 * Per channel key: whether a confirmation date is needed (art. 31).
 */
channelsConfirmed: Array<string>, applicantKinds: Array<Choice>, outcomes: Array<OutcomeChoice>, consultParties: Array<Choice>, feeMethods: Array<Choice>, attachmentRoles: Array<Choice>, stages: Array<Choice>, secrecyQuestions: Array<Choice>, };
export type RequestReplyArgs = { id: string, 
/**
 * granted · partial · denied · unable · not_processed · other
 */
outcome: string, ground: string | null, note: string, repliedOn: string | null, };
export type RequestReviewArgs = { id: string, stage: string, personId: string, decidedOn: string | null, opinion: string, passed: boolean, };
export type RequestSecrecyArgs = { id: string, reviewerId: string, decidedOn: string | null, answers: Array<SecrecyAnswer>, opinion: string, };
export type RequestSettingsInput = { dueSoonWorkdays: number, feePausesClock: boolean, extensionNoticeWithinPeriod: boolean, reviewBody: string, court: string, };
export type RequestShowArgs = { id: string, today: string | null, };
export type RequestSummary = { id: string, 
/**
 * 依申〔2026〕3号
 */
regNo: string, year: number, serial: number, channel: string, channelLabel: string, receivedOn: string, applicantKind: string, applicantKindLabel: string, applicantName: string, subject: string, 
/**
 * None while waiting for a correction.
 */
dueOn: string | null, 
/**
 * answered · answered_late · on_time · due_soon · overdue · suspended · lapsed
 */
state: string, stateLabel: string, repliedOn: string | null, outcomeLabel: string | null, 
/**
 * The 表三 row the reply counts in.
 */
resultRow: string | null, replyFinal: boolean, deliveredOn: string | null, };
export type Requests = { today: string, requests: Array<RequestSummary>, };
export type RequestsListArgs = { 
/**
 * Applicant name or content; empty lists all.
 */
query: string | null, 
/**
 * The day states are seen on; empty: today.
 */
today: string | null, };
export type RequestsProactiveArgs = { requestIds: Array<string>, itemKey: string, title: string, body: string, channels: Array<string>, decidedOn: string | null, };
export type RestoreArgs = { 
/**
 * The backup file to restore from.
 */
from: string, 
/**
 * The backup passphrase it was made under (a backup of a release before 13 needs none).
 */
passphrase: string | null, };
export type RestoreResult = { 
/**
 * Where the content replaced by the restore was saved, so a wrong restore can be undone.
 */
previousSavedTo: string, profile: Profile | null, };
export type ReviewEntry = { stage: string, stageLabel: string, personName: string, decidedOn: string, opinion: string, passed: boolean, 
/**
 * Superseded by a later return or edit.
 */
cleared: boolean, };
export type ReviewInput = { recordId: string, 
/**
 * draft · review · approve
 */
stage: string, 
/**
 * A person of the township profile holding that role.
 */
personId: string, 
/**
 * YYYY-MM-DD; default today.
 */
decidedOn: string | null, opinion: string, passed: boolean, };
export type Role = "draft" | "review" | "approve";
export type SecrecyAnswer = { key: string, 
/**
 * true: "是" — a concern.
 */
concern: boolean, };
export type SecrecyEntry = { reviewerName: string, decidedOn: string, answers: Array<SecrecyAnswer>, opinion: string, passed: boolean, };
export type SecrecyInput = { recordId: string, reviewerId: string, decidedOn: string | null, answers: Array<SecrecyAnswer>, opinion: string, };
export type SheetFit = { paper: PaperSize, orientation: SheetOrientation, columns: number, rows: number, count: number, };
export type SheetKind = "gongshi" | "gonggao" | "tongzhi";
export type SheetOrientation = "portrait" | "landscape";
export type SheetPreview = { fileName: string, pdfBase64: string, };
export type SheetPreviewArgs = { postingId: string | null, sheet: ComposedSheetInput | null, };
export type SheetTable = { columns: Array<string>, rows: Array<Array<string>>, };
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
missing: Array<string>, 
/**
 * Columns several headers claim (`确权面积` and `实际种植面积` are both an area), each as a
 * Chinese sentence: the clerk picks one in the mapping step.
 */
conflicts: Array<string>, dataRows: number, };
export type SyncArgs = { 
/**
 * The portal's address; remembered for later runs. Default: the one remembered.
 */
portal: string | null, 
/**
 * Why this run; default manual.
 */
trigger: SyncTrigger | null, };
export type SyncCountyCaArgs = { path: string | null, };
export type SyncIdentity = { township_code: string, public_key: string, portal_url: string | null, };
export type SyncReport = { pushed: number, pulled: number, pending: number, 
/**
 * The portal's reasons for entries it refused (never sent again).
 */
rejected: Array<string>, };
export type SyncRunEntry = { finishedAt: string, trigger: SyncTrigger, pushed: number, pulled: number, pending: number, 
/**
 * Chinese; `null`: the run succeeded.
 */
error: string | null, };
export type SyncStatus = { publicKey: string | null, portalUrl: string | null, 
/**
 * SHA-256 fingerprint of the imported county CA certificate, to confirm with the county.
 */
countyCaFingerprint: string | null, pending: number, acked: number, rejected: Array<string>, lastSuccess: string | null, runs: Array<SyncRunEntry>, notices: Array<CountyNotice>, };
export type SyncTrigger = "manual" | "start" | "timer" | "network" | "write";
export type Table2PartView = { 
/**
 * 第二十条第（一）项
 */
caption: string, 
/**
 * The header, 信息内容 first.
 */
columns: Array<string>, rows: Array<Table2RowView>, };
export type Table2RowView = { label: string, 
/**
 * As printed: counts, or 万元 for the fee.
 */
cells: Array<string>, };
export type Table3ColumnView = { key: string, label: string, 
/**
 * 法人或其他组织 over five columns.
 */
group: string | null, };
export type Table3RowView = { key: string, label: string, parent: string | null, 
/**
 * 0: 一/二/四; 1: under 三; 2: under （三）–（六）.
 */
level: number, 
/**
 * One per column, in `columns` order.
 */
cells: Array<number>, };
export type Table3View = { 
/**
 * The 勾稽关系 printed in the stub.
 */
note: string, 
/**
 * 申请人情况
 */
supergroup: string, columns: Array<Table3ColumnView>, rows: Array<Table3RowView>, };
export type Table4GroupView = { key: string, label: string, 
/**
 * 行政诉讼 over its two groups.
 */
parent: string | null, 
/**
 * 维持, 纠正, 其他, 尚未审结, 总计.
 */
cells: Array<number>, };
export type Table4View = { 
/**
 * 结果维持, 结果纠正, 其他结果, 尚未审结, 总计.
 */
columns: Array<string>, groups: Array<Table4GroupView>, };
export type TodoKind = "record_overdue" | "record_due_soon" | "notice_ending" | "notice_expired" | "board_overdue" | "board_due_soon" | "repost" | "request_overdue" | "request_due_soon" | "request_lapsed" | "plan_late" | "plan_due_soon" | "document_cleanup";
export type TodoRow = { kind: TodoKind, title: string, detail: string, dueOn: string | null, village: string | null, screen: string, targetId: string | null, };
export type Township = { id: string, name: string, divisionCode: string | null, creditCode: string | null, county: string, updatedAt: string, };
export type TownshipInput = { name: string, divisionCode: string | null, creditCode: string | null, county: string, };
export type ValidityChangeEntry = { validity: DocumentValidity, changedOn: string, changedBy: DocumentRef | null, note: string, };
export type Village = { id: string, name: string, code: string, kind: VillageKind, };
export type VillageInput = { id: string | null, name: string, code: string, kind: VillageKind, };
export type VillageKind = "village" | "community";
export type VillageTotal = { name: string, rows: number, total_fen: number, };
export type WithdrawArgs = { id: string, reason: string, };
export type ZoneDue = { boardId: string, boardName: string, village: string | null, zoneId: string, zoneName: string, 
/**
 * The period (2026-11); none for a 随时 matter.
 */
period: string | null, dueOn: string, state: BoardDueState, 
/**
 * Days past the due date (overdue) or left (due soon, pending), calendar days.
 */
days: bigint, 
/**
 * "explain this date", in Chinese.
 */
explanation: string, 
/**
 * The posting in progress for it (a draft or printed sheet), if any.
 */
postingId: string | null, };
export type ZoneInput = { 
/**
 * The zone's id from an earlier layout of the board (it stays the same zone when moved);
 * none for a new zone. Ignored for templates.
 */
id: string | null, name: string, rect: ZoneRect, cadence: BoardCadence, 
/**
 * 每月 / 每季度 / 每半年: the day of the month the sheet is due (1–31).
 */
dueDay: number | null, 
/**
 * 随时: within how many days of the matter.
 */
dueWithinDays: number | null, 
/**
 * 随时: counted in working days on the official calendar.
 */
dueInWorkingDays: boolean, 
/**
 * The fewest calendar days a sheet stays up; none: no rule.
 */
minDays: number | null, };
export type ZoneRect = { x: number, y: number, width: number, height: number, };

// 各状态、类别的中文名。唯一来源：crates/gongkai-api/src/wire/labels.rs；界面只用这里的名称。
export const VillageKindLabels: Readonly<Record<VillageKind, string>> = { "village": "村", "community": "社区", };
export const RoleLabels: Readonly<Record<Role, string>> = { "draft": "拟稿", "review": "审核", "approve": "审定", };
export const PayoutListStatusLabels: Readonly<Record<PayoutListStatus, string>> = { "draft": "草稿", "posted": "公示中", "archived": "已归档", "superseded": "已被更正清册替代", };
export const ProjectLayoutLabels: Readonly<Record<ProjectLayout, string>> = { "sections": "每个项目单独成表", "column": "合成一表，加“补贴项目”列", };
export const RecordStatusLabels: Readonly<Record<RecordStatus, string>> = { "draft": "未发布", "published": "已发布", "withdrawn": "已撤回", };
export const DeadlineStateLabels: Readonly<Record<DeadlineState, string>> = { "on_time": "按时公开", "late": "逾期公开", "due_soon": "即将到期", "pending": "未到期", "overdue": "已逾期未公开", "not_applicable": "无需主动公开", };
export const CatalogItemStateLabels: Readonly<Record<CatalogItemState, string>> = { "baseline": "全国基线", "county": "县级更新", "townshipEdited": "本镇修改", "townshipAdded": "本镇增加", };
export const CatalogLayerLabels: Readonly<Record<CatalogLayer, string>> = { "baseline": "全国基线", "county": "县级", "township": "本镇", };
export const CatalogHistoryActionLabels: Readonly<Record<CatalogHistoryAction, string>> = { "load": "载入", "upsert": "更新", "withdraw": "撤回", "add": "增加", "edit": "修改", "hide": "隐藏", "restore": "恢复", };
export const CatalogActionLabels: Readonly<Record<CatalogAction, string>> = { "add": "增加", "edit": "修改", "hide": "隐藏", "restore": "恢复", };
export const CatalogDomainKindLabels: Readonly<Record<CatalogDomainKind, string>> = { "pilot": "试点领域", "later": "新增领域", "": "县、镇增加的领域", };
export const CatalogCoverageLabels: Readonly<Record<CatalogCoverage, string>> = { "complete": "完整", "partial": "部分", "not_found": "未找到", "": "无全国基线", };
export const SyncTriggerLabels: Readonly<Record<SyncTrigger, string>> = { "manual": "立即同步", "start": "启动时", "timer": "定时", "network": "网络恢复", "write": "有新发布", };
export const BoardCadenceLabels: Readonly<Record<BoardCadence, string>> = { "monthly": "每月", "quarterly": "每季度", "half_yearly": "每半年", "as_needed": "随时", "standing": "长期", };
export const BoardScopeLabels: Readonly<Record<BoardScope, string>> = { "township": "乡镇（街道）公开栏", "village": "村（社区）公开栏", };
export const PaperSizeLabels: Readonly<Record<PaperSize, string>> = { "A4": "A4", "A3": "A3", };
export const SheetOrientationLabels: Readonly<Record<SheetOrientation, string>> = { "portrait": "竖放", "landscape": "横放", };
export const PostingStageLabels: Readonly<Record<PostingStage, string>> = { "draft": "草稿", "printed": "已打印", "posted": "已张贴", "expired": "公示期满", "taken_down": "已撤下", "archived": "已归档", };
export const PostingSourceLabels: Readonly<Record<PostingSource, string>> = { "payout_notice": "补贴清册公示", "record": "已发布的公开信息", "composed": "自拟公示单", };
export const SheetKindLabels: Readonly<Record<SheetKind, string>> = { "gongshi": "公示", "gonggao": "公告", "tongzhi": "通知", };
export const BoardDueStateLabels: Readonly<Record<BoardDueState, string>> = { "overdue": "已逾期", "due_soon": "即将到期", "pending": "未到期", };
export const RegisterStateLabels: Readonly<Record<RegisterState, string>> = { "on_time": "按时张贴", "late": "逾期张贴", "missing": "未张贴", "pending": "未到期", };
export const RequestLetterKindLabels: Readonly<Record<RequestLetterKind, string>> = { "reply": "答复书", "correction": "补正告知书", "extension": "延期答复告知书", "consultation": "征求意见函", "fee": "收费通知书", };
export const LetterFormatLabels: Readonly<Record<LetterFormat, string>> = { "pdf": "PDF", "docx": "Word 文档（.docx）", };
export const TodoKindLabels: Readonly<Record<TodoKind, string>> = { "record_overdue": "信息逾期未公开", "record_due_soon": "信息即将到期", "notice_ending": "公示期将满", "notice_expired": "公示期满待撤下", "board_overdue": "公开栏逾期未更新", "board_due_soon": "公开栏即将到期", "repost": "提前撤下须重贴", "request_overdue": "依申请公开逾期未答复", "request_due_soon": "依申请公开即将到期", "request_lapsed": "依申请公开补正或缴费逾期", "plan_late": "工作要点任务逾期", "plan_due_soon": "工作要点任务即将到期", "document_cleanup": "规范性文件待清理", };
export const PlanStatusLabels: Readonly<Record<PlanStatus, string>> = { "open": "未开始", "in_progress": "进行中", "done": "已完成", };
export const PlanDueStateLabels: Readonly<Record<PlanDueState, string>> = { "done": "已完成", "late": "已逾期", "due_soon": "即将到期", "open": "未到期", };
export const PlanYearEndOutcomeLabels: Readonly<Record<PlanYearEndOutcome, string>> = { "done": "已完成", "in_progress": "推进中", "not_started": "未开展", };
export const PlanScheduleKindLabels: Readonly<Record<PlanScheduleKind, string>> = { "deadline": "限期", "milestones": "分阶段", "monthly": "每月", "quarterly": "每季度", "year_round": "全年", };
export const DocumentKindLabels: Readonly<Record<DocumentKind, string>> = { "normative": "行政规范性文件", "policy": "其他政策文件", };
export const DocumentValidityLabels: Readonly<Record<DocumentValidity, string>> = { "in_force": "现行有效", "amended": "已修改", "repealed": "已废止", "expired": "已失效", };
export const InterpretationFormLabels: Readonly<Record<InterpretationForm, string>> = { "text": "文字解读", "graphic": "图解", "qa": "问答", };
export const InterpretationStatusLabels: Readonly<Record<InterpretationStatus, string>> = { "not_needed": "无需解读", "missing": "未关联解读", "not_ready": "解读未就绪", "ready": "解读已就绪", "published": "解读已发布", };
export const CleanupDecisionLabels: Readonly<Record<CleanupDecision, string>> = { "keep": "继续有效", "amend": "需修改", "repeal": "废止", "expire": "宣布失效", };
export const DisclosureCaseKindLabels: Readonly<Record<DisclosureCaseKind, string>> = { "review": "行政复议", "lit_direct": "行政诉讼（未经复议直接起诉）", "lit_after_review": "行政诉讼（复议后起诉）", };
export const DisclosureCaseOutcomeLabels: Readonly<Record<DisclosureCaseOutcome, string>> = { "upheld": "结果维持", "corrected": "结果纠正", "other": "其他结果", "pending": "尚未审结", };
export const ReportProblemPlaceLabels: Readonly<Record<ReportProblemPlace, string>> = { "table3": "表三", "table4": "表四", "section6": "六、其他需要报告的事项", };

/** 工作台核心的全部命令；失败时以 ApiError 拒绝。 */
export const commands = {
  appStatus: () => invoke<AppStatus>("app_status", { args: {} }),
  appVersion: () => invoke<AppVersion>("app_version", { args: {} }),
  setupCreate: (args: TownshipInput) => invoke<Profile>("setup_create", { args }),
  setupDemo: () => invoke<Profile>("setup_demo", { args: {} }),
  setupDemoLivedIn: () => invoke<Profile>("setup_demo_lived_in", { args: {} }),
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
  backupStatus: () => invoke<BackupStatus>("backup_status", { args: {} }),
  backupPassphraseSet: (args: BackupPassphraseArgs) => invoke<BackupStatus>("backup_passphrase_set", { args }),
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
  noticeSettingsGet: (args: NoticeSettingsArgs) => invoke<NoticeSettings>("notice_settings_get", { args }),
  noticeSettingsSave: (args: NoticeSettings) => invoke<NoticeSettings>("notice_settings_save", { args }),
  maskRulesGet: () => invoke<MaskSettings>("mask_rules_get", { args: {} }),
  maskRulesUpdate: (args: MaskRulesInput) => invoke<MaskSettings>("mask_rules_update", { args }),
  recordOptions: () => invoke<RecordOptions>("record_options", { args: {} }),
  recordSave: (args: RecordInput) => invoke<RecordDetail>("record_save", { args }),
  recordGet: (args: IdArgs) => invoke<RecordDetail>("record_get", { args }),
  recordsList: () => invoke<Records>("records_list", { args: {} }),
  recordsDue: () => invoke<Records>("records_due", { args: {} }),
  recordsSearch: (args: RecordSearchArgs) => invoke<Records>("records_search", { args }),
  recordReview: (args: ReviewInput) => invoke<RecordDetail>("record_review", { args }),
  recordSecrecy: (args: SecrecyInput) => invoke<RecordDetail>("record_secrecy", { args }),
  recordPublish: (args: PublishInput) => invoke<RecordDetail>("record_publish", { args }),
  recordWithdraw: (args: WithdrawArgs) => invoke<RecordDetail>("record_withdraw", { args }),
  recordExplainDue: (args: IdArgs) => invoke<DueExplanation>("record_explain_due", { args }),
  recordsCompliance: (args: ComplianceArgs) => invoke<Compliance>("records_compliance", { args }),
  publicationsList: () => invoke<Publications>("publications_list", { args: {} }),
  publicationsExport: (args: RegisterExportArgs) => invoke<ExportResult>("publications_export", { args }),
  recordAttach: (args: AttachArgs) => invoke<RecordDetail>("record_attach", { args }),
  recordAttachmentSave: (args: AttachmentSaveArgs) => invoke<ExportResult>("record_attachment_save", { args }),
  calendarAddWorkdays: (args: AddWorkdaysArgs) => invoke<DueExplanation>("calendar_add_workdays", { args }),
  calendarUpdateImport: (args: CalendarFileArgs) => invoke<CalendarUpdateResult>("calendar_update_import", { args }),
  syncIdentity: () => invoke<SyncIdentity>("sync_identity", { args: {} }),
  syncNow: (args: SyncArgs) => invoke<SyncReport>("sync_now", { args }),
  syncStatus: () => invoke<SyncStatus>("sync_status", { args: {} }),
  syncCountyCa: (args: SyncCountyCaArgs) => invoke<SyncStatus>("sync_county_ca", { args }),
  catalogDomains: () => invoke<CatalogDomains>("catalog_domains", { args: {} }),
  catalogItems: (args: CatalogItemsArgs) => invoke<CatalogItems>("catalog_items", { args }),
  catalogSearch: (args: CatalogSearchArgs) => invoke<CatalogItems>("catalog_search", { args }),
  catalogAdjust: (args: CatalogAdjustArgs) => invoke<CatalogItemHistory>("catalog_adjust", { args }),
  catalogItemHistory: (args: CatalogKeyArgs) => invoke<CatalogItemHistory>("catalog_item_history", { args }),
  catalogHidden: () => invoke<HiddenCatalogItems>("catalog_hidden", { args: {} }),
  catalogExport: (args: CatalogExportArgs) => invoke<CatalogExportResult>("catalog_export", { args }),
  catalogImportPreview: (args: CatalogImportPreviewArgs) => invoke<CatalogImportPreview>("catalog_import_preview", { args }),
  catalogImportAccept: (args: CatalogImportAcceptArgs) => invoke<CatalogImportResult>("catalog_import_accept", { args }),
  boardTemplatesList: () => invoke<BoardTemplates>("board_templates_list", { args: {} }),
  boardTemplateSave: (args: BoardTemplateInput) => invoke<BoardTemplates>("board_template_save", { args }),
  boardTemplateApply: (args: BoardTemplateApplyArgs) => invoke<BoardTemplateApplyResult>("board_template_apply", { args }),
  boardsList: (args: BoardsListArgs) => invoke<Boards>("boards_list", { args }),
  boardGet: (args: BoardGetArgs) => invoke<Board>("board_get", { args }),
  boardSave: (args: BoardInput) => invoke<Board>("board_save", { args }),
  boardLayoutSave: (args: BoardLayoutInput) => invoke<Board>("board_layout_save", { args }),
  boardRetire: (args: BoardRetireArgs) => invoke<Board>("board_retire", { args }),
  boardDiagram: (args: BoardDiagramArgs) => invoke<ExportResult>("board_diagram", { args }),
  postingsList: (args: PostingsListArgs) => invoke<Postings>("postings_list", { args }),
  postingGet: (args: IdArgs) => invoke<PostingDetail>("posting_get", { args }),
  postingAdd: (args: PostingAddArgs) => invoke<PostingDetail>("posting_add", { args }),
  sheetPreview: (args: SheetPreviewArgs) => invoke<SheetPreview>("sheet_preview", { args }),
  postingsPrint: (args: PostingsPrintArgs) => invoke<PostingsPrintResult>("postings_print", { args }),
  postingMarkPosted: (args: PostingMarkPostedArgs) => invoke<PostingDetail>("posting_mark_posted", { args }),
  postingTakeDown: (args: PostingTakeDownArgs) => invoke<PostingDetail>("posting_take_down", { args }),
  postingArchive: (args: IdArgs) => invoke<PostingDetail>("posting_archive", { args }),
  postingObjectionAdd: (args: ObjectionAddArgs) => invoke<PostingDetail>("posting_objection_add", { args }),
  postingObjectionAnswer: (args: ObjectionAnswerArgs) => invoke<PostingDetail>("posting_objection_answer", { args }),
  postingsDue: () => invoke<PostingsDue>("postings_due", { args: {} }),
  homeTodo: () => invoke<HomeTodo>("home_todo", { args: {} }),
  postingsRegister: (args: PostingsRegisterArgs) => invoke<PostingsRegister>("postings_register", { args }),
  postingsRegisterExport: (args: PostingsRegisterExportArgs) => invoke<ExportResult>("postings_register_export", { args }),
  postingPhotoAdd: (args: PostingPhotoAddArgs) => invoke<PostingPhotosAdded>("posting_photo_add", { args }),
  postingPhotos: (args: PostingPhotosArgs) => invoke<PostingPhotos>("posting_photos", { args }),
  photoGet: (args: PhotoGetArgs) => invoke<PhotoContent>("photo_get", { args }),
  photoSettingsGet: () => invoke<PhotoSettings>("photo_settings_get", { args: {} }),
  photoSettingsSave: (args: PhotoSettingsInput) => invoke<PhotoSettings>("photo_settings_save", { args }),
  planImport: (args: PlanImportArgs) => invoke<PlanImportReport>("plan_import", { args }),
  planList: (args: PlanListArgs) => invoke<PlanTasks>("plan_list", { args }),
  planTaskGet: (args: IdArgs) => invoke<PlanTaskDetail>("plan_task_get", { args }),
  planTaskSave: (args: PlanTaskInput) => invoke<PlanTaskDetail>("plan_task_save", { args }),
  planProgress: (args: PlanProgressArgs) => invoke<PlanTaskDetail>("plan_progress", { args }),
  planEvidenceSave: (args: PlanEvidenceSaveArgs) => invoke<ExportResult>("plan_evidence_save", { args }),
  planSummarySave: (args: PlanSummaryArgs) => invoke<PlanTaskDetail>("plan_summary_save", { args }),
  reportBuild: (args: ReportYearArgs) => invoke<ReportView>("report_build", { args }),
  reportSave: (args: ReportDraft) => invoke<ReportView>("report_save", { args }),
  reportCaseSave: (args: DisclosureCaseInput) => invoke<ReportView>("report_case_save", { args }),
  reportCaseDelete: (args: IdArgs) => invoke<ReportView>("report_case_delete", { args }),
  reportExport: (args: ReportExportArgs) => invoke<ReportExport>("report_export", { args }),
  requestsOptions: () => invoke<RequestOptions>("requests_options", { args: {} }),
  requestsAdd: (args: RequestInput) => invoke<RequestDetail>("requests_add", { args }),
  requestsList: (args: RequestsListArgs) => invoke<Requests>("requests_list", { args }),
  requestsDue: (args: RequestsListArgs) => invoke<Requests>("requests_due", { args }),
  requestsShow: (args: RequestShowArgs) => invoke<RequestDetail>("requests_show", { args }),
  requestsCorrect: (args: RequestCorrectArgs) => invoke<RequestDetail>("requests_correct", { args }),
  requestsExtend: (args: RequestExtendArgs) => invoke<RequestDetail>("requests_extend", { args }),
  requestsConsult: (args: RequestConsultArgs) => invoke<RequestDetail>("requests_consult", { args }),
  requestsFee: (args: RequestFeeArgs) => invoke<RequestDetail>("requests_fee", { args }),
  requestsReply: (args: RequestReplyArgs) => invoke<RequestDetail>("requests_reply", { args }),
  requestsReview: (args: RequestReviewArgs) => invoke<RequestDetail>("requests_review", { args }),
  requestsSecrecy: (args: RequestSecrecyArgs) => invoke<RequestDetail>("requests_secrecy", { args }),
  requestsFinalize: (args: IdArgs) => invoke<RequestDetail>("requests_finalize", { args }),
  requestsDeliver: (args: RequestDeliverArgs) => invoke<RequestDetail>("requests_deliver", { args }),
  requestsAttach: (args: RequestAttachArgs) => invoke<RequestDetail>("requests_attach", { args }),
  requestsAttachmentSave: (args: RequestAttachmentSaveArgs) => invoke<ExportResult>("requests_attachment_save", { args }),
  requestsRepeated: () => invoke<RepeatedRequests>("requests_repeated", { args: {} }),
  requestsMakeProactive: (args: RequestsProactiveArgs) => invoke<RecordDetail>("requests_make_proactive", { args }),
  requestsSettingsGet: () => invoke<RequestSettingsInput>("requests_settings_get", { args: {} }),
  requestsSettingsSave: (args: RequestSettingsInput) => invoke<RequestSettingsInput>("requests_settings_save", { args }),
  requestLetter: (args: RequestLetterArgs) => invoke<RequestLetter>("request_letter", { args }),
  requestLetterSave: (args: RequestLetterSaveArgs) => invoke<ExportResult>("request_letter_save", { args }),
  documentsList: (args: DocumentsListArgs) => invoke<Documents>("documents_list", { args }),
  documentGet: (args: IdArgs) => invoke<DocumentDetail>("document_get", { args }),
  documentSave: (args: DocumentInput) => invoke<DocumentSaved>("document_save", { args }),
  documentChangeValidity: (args: DocumentValidityArgs) => invoke<DocumentDetail>("document_change_validity", { args }),
  documentAttach: (args: DocumentAttachArgs) => invoke<DocumentDetail>("document_attach", { args }),
  documentAttachmentSave: (args: AttachmentSaveArgs) => invoke<ExportResult>("document_attachment_save", { args }),
  documentInterpretationLink: (args: InterpretationLinkArgs) => invoke<DocumentDetail>("document_interpretation_link", { args }),
  documentsCleanup: (args: DocumentCleanupArgs) => invoke<DocumentCleanup>("documents_cleanup", { args }),
  documentCleanupDecide: (args: CleanupDecideArgs) => invoke<DocumentCleanup>("document_cleanup_decide", { args }),
  documentSettingsGet: () => invoke<DocumentSettings>("document_settings_get", { args: {} }),
  documentSettingsSave: (args: DocumentSettingsInput) => invoke<DocumentSettings>("document_settings_save", { args }),
  readingSettingsGet: () => invoke<ReadingSettings>("reading_settings_get", { args: {} }),
  readingSettingsSave: (args: ReadingSettingsInput) => invoke<ReadingSettings>("reading_settings_save", { args }),
};

/** 公开查阅点窗口唯一可用的命令（只读，面向公众的视图）。 */
export const readingCommands = {
  readingStart: () => invoke<ReadingStart>("reading_start", { args: {} }),
  readingDomain: (args: ReadingDomainArgs) => invoke<ReadingItems>("reading_domain", { args }),
  readingSearch: (args: ReadingSearchArgs) => invoke<ReadingSearchResult>("reading_search", { args }),
  readingNotice: (args: ReadingNoticeArgs) => invoke<ReadingNotice>("reading_notice", { args }),
  readingRecord: (args: IdArgs) => invoke<ReadingRecord>("reading_record", { args }),
  readingDocument: (args: IdArgs) => invoke<ReadingDocument>("reading_document", { args }),
};
