// The notice defaults of a 补贴项目 (公示期, 监督举报电话, 制表人, 审核人) as the post, print and
// archive dialogs use them: prefilled from the core, and remembered for the project when the
// clerk changed them and left 记住 ticked.
import { commands, type NoticeSettings } from "@/api/bindings";

/** The footer fields as the dialogs edit them (text inputs: "" for none). */
export interface Footer {
  hotline: string;
  preparedBy: string;
  reviewedBy: string;
}

export function footerOf(s: NoticeSettings): Footer {
  return { hotline: s.hotline ?? "", preparedBy: s.preparedBy ?? "", reviewedBy: s.reviewedBy ?? "" };
}

/** Blank → null: the core then uses the project's setting. */
function orNull(text: string): string | null {
  const t = text.trim();
  return t ? t : null;
}

/** The footer as the commands take it: what the clerk typed, blank fields left to the core. */
export function givenFooter(footer: Footer): { hotline: string | null; preparedBy: string | null; reviewedBy: string | null } {
  return { hotline: orNull(footer.hotline), preparedBy: orNull(footer.preparedBy), reviewedBy: orNull(footer.reviewedBy) };
}

export function loadSettings(project: string): Promise<NoticeSettings> {
  return commands.noticeSettingsGet({ project });
}

/** Saves `next` as the project's defaults when it differs from what was prefilled. */
export async function rememberIfChanged(prefilled: NoticeSettings, next: NoticeSettings): Promise<void> {
  const same =
    prefilled.noticeDays === next.noticeDays &&
    (prefilled.hotline ?? null) === (next.hotline ?? null) &&
    (prefilled.preparedBy ?? null) === (next.preparedBy ?? null) &&
    (prefilled.reviewedBy ?? null) === (next.reviewedBy ?? null);
  if (!same) await commands.noticeSettingsSave(next);
}

/** The last day of a 公示期 of `days` days from `start` (YYYY-MM-DD), as the core counts it. */
export function endOf(start: string, days: number): string {
  const [y, m, d] = start.split("-").map(Number);
  const end = new Date(y, m - 1, d + Math.max(1, days) - 1);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${end.getFullYear()}-${pad(end.getMonth() + 1)}-${pad(end.getDate())}`;
}
