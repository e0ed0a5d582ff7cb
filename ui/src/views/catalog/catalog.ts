// How the catalog screen marks the core's keys (labels come from bindings.ts), and the clerk's
// last 经办人.
import { ref } from "vue";
import {
  CatalogCoverageLabels,
  CatalogHistoryActionLabels,
  CatalogItemStateLabels,
  CatalogLayerLabels,
  type CatalogCoverage,
  type CatalogDomain,
  type CatalogHistoryEntry,
  type CatalogItem,
  type CatalogItemState,
} from "@/api/bindings";

type TagType = "primary" | "success" | "warning" | "info" | "danger";

const stateTypes: Record<CatalogItemState, TagType> = {
  baseline: "info",
  county: "primary",
  townshipEdited: "warning",
  townshipAdded: "success",
};

/** The tag of an item's state: where its text comes from. */
export function stateTag(state: CatalogItemState): { label: string; type: TagType } {
  return { label: CatalogItemStateLabels[state], type: stateTypes[state] };
}

const coverageTypes: Record<Exclude<CatalogCoverage, "">, TagType> = {
  complete: "success",
  partial: "info",
  not_found: "warning",
};

/** The coverage marker of a domain's bundled baseline; null when there is nothing to say. */
export function coverageTag(d: CatalogDomain): { label: string; type: TagType } | null {
  if (d.coverage === "") return null;
  return { label: `基线${CatalogCoverageLabels[d.coverage]}`, type: coverageTypes[d.coverage] };
}

/** “本镇 · 隐藏” for a history row. */
export function entryTitle(e: CatalogHistoryEntry): string {
  return `${CatalogLayerLabels[e.layer]} · ${CatalogHistoryActionLabels[e.action]}`;
}

/** What the history row's note is: the baseline version, the county's version label, or the reason. */
export function entryNote(e: CatalogHistoryEntry): string {
  if (!e.note) return "";
  if (e.layer === "baseline") return `基线版本：${e.note}`;
  if (e.layer === "county") return `县级版本：${e.note}`;
  return `原因：${e.note}`;
}

/** The item's columns as the standard table names them, for the detail and for comparing versions. */
export const columns: { key: keyof CatalogItem; label: string }[] = [
  { key: "level1", label: "一级事项" },
  { key: "level2", label: "二级事项" },
  { key: "content", label: "公开内容（要素）" },
  { key: "basis", label: "公开依据" },
  { key: "timeLimit", label: "公开时限" },
  { key: "subject", label: "公开主体" },
  { key: "channels", label: "公开渠道和载体" },
  { key: "audience", label: "公开对象" },
  { key: "mode", label: "公开方式" },
  { key: "level", label: "公开层级" },
];

/** A column's text: lists joined with 、, the non-standard channels named after 其他. */
export function cellText(item: CatalogItem, key: keyof CatalogItem): string {
  if (key === "channels") {
    return item.channels.map((c) => (c === "其他" && item.channelsOther ? `其他（${item.channelsOther}）` : c)).join("、");
  }
  const v = item[key];
  return Array.isArray(v) ? v.join("、") : String(v ?? "");
}

/** The columns whose text differs between two versions of an item. */
export function changedColumns(before: CatalogItem, after: CatalogItem): string[] {
  return columns.filter((c) => cellText(before, c.key) !== cellText(after, c.key)).map((c) => c.label);
}

/**
 * The tick columns' values. The core checks them against the national table (公开对象 · 公开方式 ·
 * 公开层级 each have two); it has no command listing them, unlike the channels (recordOptions).
 */
export const ticks = {
  audience: ["全社会", "特定群体"],
  mode: ["主动", "依申请"],
  level: ["县级", "乡级"],
};

type TickColumn = keyof typeof ticks;

/**
 * A tick column as the screen shows it. The bundled baseline says how it knows each column; an
 * inferred or borrowed value is not the source's fact, so it is marked and explained, never shown
 * like a plain value. County and township text (no provenance) is its author's statement.
 */
export function tickCell(item: CatalogItem, column: TickColumn): { values: string[]; fact: boolean; mark: string; note: string } {
  const values = item[column];
  const known = item.provenance?.[column];
  if (!known || known.fact || values.length === 0) return { values, fact: true, mark: "", note: "" };
  const mark = known.source === "borrowed" ? "借用" : "推断";
  return { values, fact: false, mark, note: `${known.label}：非来源原文所示，请按本县目录核实` };
}

/** Whose version 公开主体 and the channels are, for a baseline item (“大竹县版本”). */
export function versionOf(item: CatalogItem): string {
  return item.provenance?.versionOf ? `${item.provenance.versionOf}版本` : "";
}

/** Who did the last adjustment in this session, offered again for the next one. */
export const lastBy = ref("");

/** A recorded-at timestamp (UTC) as the clerk's local “2026-03-01 14:05”. */
export function localTime(iso: string): string {
  const t = new Date(iso);
  if (Number.isNaN(t.getTime())) return iso;
  const p = (n: number) => String(n).padStart(2, "0");
  return `${t.getFullYear()}-${p(t.getMonth() + 1)}-${p(t.getDate())} ${p(t.getHours())}:${p(t.getMinutes())}`;
}
