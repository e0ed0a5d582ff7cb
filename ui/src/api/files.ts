import { invoke } from "@tauri-apps/api/core";

// The shell shows the system's dialogs (src-tauri/src/dialogs.rs) and remembers what the clerk
// picked: commands from the window may use only those paths, or the app's own folders (导入,
// 导出, 备份 beside the database).
type Filter = { name: string; extensions: string[] };
type Pick = { title: string; filters?: Filter[]; fileName?: string };

const pickFile = (args: Pick) => invoke<string | null>("pick_file", { args });
const pickFolder = (args: Pick) => invoke<string | null>("pick_folder", { args });
const pickSaveTarget = (args: Pick) => invoke<string | null>("pick_save_target", { args });

/** Asks the clerk for a payout list file; null when cancelled. */
export function chooseListFile(): Promise<string | null> {
  return pickFile({ title: "选择补贴发放清册", filters: [{ name: "清册（Excel 或 CSV）", extensions: ["xlsx", "xls", "csv"] }] });
}

/** Asks for a year's 工作要点任务分解表 (Excel, or a Word document holding it as a table); null when cancelled. */
export function choosePlanTable(): Promise<string | null> {
  return pickFile({ title: "选择工作要点任务分解表", filters: [{ name: "任务分解表（Excel 或 Word）", extensions: ["xlsx", "xls", "docx"] }] });
}

/** Asks for the catalog table the county issued (Excel or Word); null when cancelled. */
export function chooseCatalogTable(): Promise<string | null> {
  return pickFile({ title: "选择县级下发的目录表", filters: [{ name: "目录表（Excel 或 Word）", extensions: ["xlsx", "xls", "docx"] }] });
}

/** Asks where to save an Excel file; null when cancelled. */
export function chooseXlsxTarget(fileName: string): Promise<string | null> {
  return pickSaveTarget({ title: "保存错误清单", fileName, filters: [{ name: "Excel 工作簿", extensions: ["xlsx"] }] });
}

/** Asks for a folder to write notices into; null when cancelled. */
export function chooseFolder(): Promise<string | null> {
  return pickFolder({ title: "选择公示单保存位置" });
}

/** Asks where to save an exported file of the given kind ("xlsx" or "pdf"); null when cancelled. */
export function chooseExportTarget(title: string, fileName: string, kind: "xlsx" | "pdf"): Promise<string | null> {
  const filter = kind === "xlsx" ? { name: "Excel 工作簿", extensions: ["xlsx"] } : { name: "PDF 文件", extensions: ["pdf"] };
  return pickSaveTarget({ title, fileName, filters: [filter] });
}

/** Asks for any file to attach to a record; null when cancelled. */
export function chooseAttachment(): Promise<string | null> {
  return pickFile({ title: "选择附件" });
}

/** Asks for a calendar data file (JSON); null when cancelled. */
export function chooseCalendarFile(): Promise<string | null> {
  return pickFile({ title: "选择节假日数据文件", filters: [{ name: "日历数据（JSON）", extensions: ["json"] }] });
}

/** Asks where to save a copy of a file, keeping its name and extension; null when cancelled. */
export function chooseCopyTarget(fileName: string): Promise<string | null> {
  return pickSaveTarget({ title: "另存为", fileName });
}

/** Asks for the county portal's CA certificate (PEM); null when cancelled. */
export function chooseCertificateFile(): Promise<string | null> {
  return pickFile({ title: "选择县级平台证书", filters: [{ name: "证书（PEM）", extensions: ["pem", "crt", "cer"] }] });
}

/** Opens a PDF the app wrote in the system's viewer (which also prints it). */
export function openPdf(path: string): Promise<void> {
  return invoke<void>("open_pdf", { path });
}

/** Asks for a photo of a posted board (JPEG or PNG); null when cancelled. */
export function choosePhoto(): Promise<string | null> {
  return pickFile({ title: "选择现场照片", filters: [{ name: "照片（JPEG 或 PNG）", extensions: ["jpg", "jpeg", "png"] }] });
}

/** Asks for a backup file to restore from; null when cancelled. */
export function chooseBackupFile(): Promise<string | null> {
  return pickFile({ title: "选择备份文件" });
}

/** Asks where to save a request's letter, as PDF or Word; null when cancelled. */
export function chooseLetterTarget(fileName: string, format: "pdf" | "docx"): Promise<string | null> {
  const filter = format === "pdf" ? { name: "PDF 文件", extensions: ["pdf"] } : { name: "Word 文档", extensions: ["docx"] };
  return pickSaveTarget({ title: "保存文书", fileName, filters: [filter] });
}
