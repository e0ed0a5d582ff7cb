import { open, save } from "@tauri-apps/plugin-dialog";

/** Asks the clerk for a payout list file; null when cancelled. */
export async function chooseListFile(): Promise<string | null> {
  const picked = await open({
    title: "选择补贴发放清册",
    multiple: false,
    directory: false,
    filters: [{ name: "清册（Excel 或 CSV）", extensions: ["xlsx", "xls", "csv"] }],
  });
  return typeof picked === "string" ? picked : null;
}

/** Asks where to save an Excel file; null when cancelled. */
export async function chooseXlsxTarget(defaultPath: string): Promise<string | null> {
  return save({ title: "保存错误清单", defaultPath, filters: [{ name: "Excel 工作簿", extensions: ["xlsx"] }] });
}

/** Asks for a folder to write notices into; null when cancelled. */
export async function chooseFolder(): Promise<string | null> {
  const picked = await open({ title: "选择公示单保存位置", directory: true, multiple: false });
  return typeof picked === "string" ? picked : null;
}

/** Asks where to save an exported file of the given kind ("xlsx" or "pdf"); null when cancelled. */
export async function chooseExportTarget(title: string, defaultPath: string, kind: "xlsx" | "pdf"): Promise<string | null> {
  const filter = kind === "xlsx" ? { name: "Excel 工作簿", extensions: ["xlsx"] } : { name: "PDF 文件", extensions: ["pdf"] };
  return save({ title, defaultPath, filters: [filter] });
}

/** Asks for any file to attach to a record; null when cancelled. */
export async function chooseAttachment(): Promise<string | null> {
  const picked = await open({ title: "选择附件", multiple: false, directory: false });
  return typeof picked === "string" ? picked : null;
}

/** Asks for a calendar data file (JSON); null when cancelled. */
export async function chooseCalendarFile(): Promise<string | null> {
  const picked = await open({
    title: "选择节假日数据文件",
    multiple: false,
    directory: false,
    filters: [{ name: "日历数据（JSON）", extensions: ["json"] }],
  });
  return typeof picked === "string" ? picked : null;
}

/** Asks where to save a copy of a file, keeping its name and extension; null when cancelled. */
export async function chooseCopyTarget(fileName: string): Promise<string | null> {
  return save({ title: "另存为", defaultPath: fileName });
}

/** Asks for the county portal's CA certificate (PEM); null when cancelled. */
export async function chooseCertificateFile(): Promise<string | null> {
  const picked = await open({
    title: "选择县级平台证书",
    multiple: false,
    directory: false,
    filters: [{ name: "证书（PEM）", extensions: ["pem", "crt", "cer"] }],
  });
  return typeof picked === "string" ? picked : null;
}

/** Asks for a backup file to restore from; null when cancelled. */
export async function chooseBackupFile(): Promise<string | null> {
  const picked = await open({ title: "选择备份文件", multiple: false, directory: false });
  return typeof picked === "string" ? picked : null;
}
