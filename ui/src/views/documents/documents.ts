// The logic of the 规范性文件 screens, kept out of the components so it is tested on its own.
// The core decides; these only help the clerk before asking it (a live 文号 hint, a form that
// says what is missing) and choose colours.
import type { DocumentValidity, InterpretationStatus } from "@/api/bindings";

const OPEN = "〔[［(（【〖{｛";
const CLOSE = "〕]］)）】〗}｝";
const digits = (s: string) => s.replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));

/**
 * A 文号 as the core will store it (示政发〔2024〕3号), and whether what was typed differs from it;
 * null when the core will not be able to read it. Mirrors `gongkai_documents::DocNumber::parse`.
 */
export function docNumberHint(typed: string): { normal: string; changed: boolean } | null {
  const text = typed.replace(/\s/g, "");
  const pattern = new RegExp(
    `^([\\p{L}\\p{N}]*[^\\d\\s${OPEN}][\\p{L}\\p{N}]*?)[${escape(OPEN)}]([0-9０-９]{4})[${escape(CLOSE)}]第?([0-9０-９]+)号?$`,
    "u",
  );
  const m = pattern.exec(text);
  if (!m) return null;
  const year = Number(digits(m[2]));
  const seq = Number(digits(m[3]));
  if (year < 1949 || year > 2100 || seq === 0) return null;
  const normal = `${m[1]}〔${year}〕${seq}号`;
  return { normal, changed: normal !== typed.trim() };
}

function escape(chars: string): string {
  return chars.replace(/[\]\\[^-]/g, "\\$&");
}

/** Element Plus tag type of a validity. */
export function validityTag(v: DocumentValidity): "success" | "warning" | "info" {
  if (v === "in_force") return "success";
  if (v === "amended") return "warning";
  return "info";
}

/** Element Plus tag type of where a document's 政策解读 stands. */
export function interpretationTag(s: InterpretationStatus): "success" | "warning" | "danger" | "info" {
  switch (s) {
    case "published":
    case "ready":
      return "success";
    case "not_ready":
      return "warning";
    case "missing":
      return "danger";
    default:
      return "info";
  }
}

/** What a validity change still lacks before the core is asked (it checks the rest). */
export function changeProblems(form: { validity: DocumentValidity; on: string; changedBy: string }): string[] {
  const problems: string[] = [];
  if (form.validity === "in_force") problems.push("请选择新的效力状态");
  if (!form.on.trim()) problems.push("请填写变更日期");
  if (form.validity === "amended" && !form.changedBy.trim()) problems.push("请选择修改它的文件");
  return problems;
}
