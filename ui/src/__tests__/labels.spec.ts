// The Chinese names of statuses and kinds are written once, in crates/gongkai-api/src/wire/labels.rs,
// and reach the screens through the generated *Labels tables of bindings.ts. A screen that writes
// a label itself (a copy, or a table of its own that drifted, as 已被更正 once did) fails here.
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import * as bindings from "@/api/bindings";

// Vitest runs in ui/ (happy-dom gives import.meta.url an http: scheme).
const src = join(process.cwd(), "src");

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === "__tests__" ? [] : sources(path);
    return /\.(vue|ts)$/.test(name) && !path.endsWith(join("api", "bindings.ts")) ? [path] : [];
  });
}

const tables = Object.entries(bindings).filter(([name]) => name.endsWith("Labels")) as [string, Record<string, string>][];
const files = sources(src).map((path) => ({ path: relative(src, path), text: readFileSync(path, "utf8") }));
/** Texts equal to a label that are not that label: another vocabulary, or data. */
const notLabels: { file: string; text: string; why: string }[] = [
  { file: "views/catalog/catalog.ts", text: "县级", why: "公开层级 of an item (县级 · 乡级), not the county layer" },
  { file: "views/catalog/ItemEditor.vue", text: "本镇增加", why: "the default 来源 text of a new item" },
  { file: "views/catalog/DomainHeader.vue", text: "未找到", why: "the guideline data's own word for a missing document" },
  { file: "views/records/RecordDetail.vue", text: "撤回", why: "the button that withdraws a record, not a catalog history action" },
];
const exempt = (file: string, text: string) => notLabels.some((n) => n.file === file && n.text === text);
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Where a text stands alone as a literal: in quotes, or as a whole element's text in a template. */
function literalsOf(label: string, text: string): number {
  return text.match(new RegExp(`(["'\`]${escape(label)}["'\`])|(>\\s*${escape(label)}\\s*<)`, "g"))?.length ?? 0;
}

/** The keys of `table` that a file maps to Chinese text (`draft: "草稿"`, `"not_found": "未找到"`). */
function keyedLabels(table: Record<string, string>, text: string): string[] {
  return Object.keys(table).filter(
    (key) => key !== "" && new RegExp(`(^|[\\s{,])(["']?)${escape(key)}\\2\\s*:\\s*["'\`][^"'\`\\n]*[\\u4e00-\\u9fff]`, "m").test(text),
  );
}

describe("labels", () => {
  it("bindings carry a label table for every status and kind", () => {
    const names = tables.map(([name]) => name);
    for (const name of ["PayoutListStatusLabels", "RecordStatusLabels", "DeadlineStateLabels", "SyncTriggerLabels", "CatalogItemStateLabels", "VillageKindLabels", "RoleLabels"]) {
      expect(names).toContain(name);
    }
    expect(bindings.PayoutListStatusLabels.superseded).toBe("已被更正清册替代");
  });

  it("no screen writes a label of the generated tables itself", () => {
    const copies = tables.flatMap(([name, table]) =>
      // A label that is its own key (PaperSize "A4") names nothing the screens could copy.
      Object.entries(table).filter(([key, label]) => key !== label).flatMap(([key, label]) =>
        files.filter((f) => literalsOf(label, f.text) > 0 && !exempt(f.path, label)).map((f) => `${f.path}: “${label}” (${name}.${key || '""'})`),
      ),
    );
    expect(copies).toEqual([]);
  });

  it("no screen keeps a table of its own keyed by a status or kind", () => {
    const tablesOfTheirOwn = tables.flatMap(([name, table]) =>
      files.filter((f) => keyedLabels(table, f.text).length >= 2).map((f) => `${f.path}: ${name} keys ${keyedLabels(table, f.text).join(", ")}`),
    );
    expect(tablesOfTheirOwn).toEqual([]);
  });

  it("catches the drift it was written for", () => {
    const drifted = `const statusLabels = {\n  draft: "草稿",\n  posted: "公示中",\n  superseded: "已被更正",\n};`;
    expect(keyedLabels(bindings.PayoutListStatusLabels, drifted)).toEqual(["draft", "posted", "superseded"]);
    expect(literalsOf("村", `<el-radio value="village">村</el-radio>`)).toBe(1);
  });
});
