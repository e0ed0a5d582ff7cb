import { beforeEach, describe, expect, it, vi } from "vitest";
import { mount } from "@vue/test-utils";
import ElementPlus from "element-plus";
import { createMemoryHistory, createRouter } from "vue-router";
import PayoutsView from "@/views/PayoutsView.vue";
import type { PayoutImportReport, PayoutSurvey } from "@/api/bindings";
import { yuan } from "@/api/money";
import { flush, serve } from "./fixtures";
import { unnamedControls } from "./a11y";

const list = {
  id: "l1",
  project: "耕地地力保护补贴",
  year: 2025,
  sourceFile: "清册.xlsx",
  status: "draft",
  rows: 2,
  totalFen: 12050,
  importedAt: "2026-11-24T03:00:00.000Z",
  villages: [{ name: "东山村", rows: 2, total_fen: 12050 }],
  postings: [],
};

function report(overrides: Partial<PayoutImportReport>): PayoutImportReport {
  const rows = { read: 4, people: 2, reported: 0, titles: 1, headers: 1, blank: 0, totals: 0, notes: 0 };
  return { list_id: "l1", imported_rows: 2, total_fen: 12050, villages: list.villages, errors: [], warnings: [], rows, ...overrides };
}

vi.mock("@/api/files", () => ({
  chooseFolder: vi.fn(async () => "/tmp/公示单"),
  chooseListFile: vi.fn(async () => null),
  chooseXlsxTarget: vi.fn(async () => null),
}));

vi.mock("@/api/pdf", () => ({
  pdfBytes: (b64: string) => new TextEncoder().encode(b64),
  renderPdf: vi.fn(async () => 3),
}));

const choices = [
  { key: "village", label: "村（社区）", required: false },
  { key: "name", label: "姓名", required: true },
  { key: "id_number", label: "身份证号", required: true },
  { key: "amount", label: "金额", required: true },
];

function survey(overrides: Partial<PayoutSurvey> = {}): PayoutSurvey {
  return {
    fileName: "清册.xlsx",
    sheets: [
      {
        name: "东山村",
        headerRow: 3,
        recognised: true,
        columns: [
          { letter: "A", header: "户主姓名", column: "name", samples: ["张三"] },
          { letter: "B", header: "身份证号码", column: "id_number", samples: ["36*************23X"] },
          { letter: "C", header: "补贴金额（元）", column: "amount", samples: ["100.50"] },
        ],
        missing: [],
        conflicts: [],
        dataRows: 2,
      },
    ],
    choices,
    suggestedTemplate: null,
    ...overrides,
  };
}

async function mountWithPath(path: string) {
  const w = mount(PayoutsView, { global: { plugins: [ElementPlus] }, attachTo: document.body });
  await flush();
  await w.find('input[data-testid="payout-file"]').setValue(path);
  return w;
}

/** Choose file → 核对列 → 校验并导入. */
async function walkToImport(path: string) {
  const w = await mountWithPath(path);
  await w.find("form").trigger("submit");
  await flush();
  await flush();
  expect(w.find('[data-testid="payout-mapping"]').exists()).toBe(true);
  await w.find('[data-testid="payout-import-submit"]').trigger("click");
  await flush();
  await flush();
  return w;
}

describe("补贴清册", () => {
  beforeEach(() => {
    document.body.innerHTML = "";
  });

  it("formats fen as yuan", () => {
    expect(yuan(123450)).toBe("1,234.50");
    expect(yuan(5)).toBe("0.05");
    expect(yuan(100000000)).toBe("1,000,000.00");
  });

  it("imports a file and shows the summary per village and the new list", async () => {
    let imported = false;
    const mock = serve({
      payouts_list: () => ({ lists: imported ? [list] : [] }),
      import_templates_list: () => ({ templates: [] }),
      payouts_survey: () => survey(),
      payouts_import: () => {
        imported = true;
        return report({});
      },
    });
    const w = await walkToImport("/home/clerk/清册.xlsx");
    expect(mock).toHaveBeenCalledWith("payouts_import", {
      args: {
        path: "/home/clerk/清册.xlsx",
        sheet: null,
        project: null,
        year: null,
        supersedes: null,
        reason: null,
        mapping: [
          { header: "户主姓名", column: "name" },
          { header: "身份证号码", column: "id_number" },
          { header: "补贴金额（元）", column: "amount" },
        ],
        template: null,
      },
    });
    expect(w.find('[data-testid="import-summary"]').text()).toContain("已导入 2 人，合计 120.50 元");
    expect(w.find('[data-testid="payout-lists"]').text()).toContain("耕地地力保护补贴");
    expect(w.find('[data-testid="payout-lists"]').text()).toContain("草稿");
    w.unmount();
  });

  it("shows every error with sheet, row and column when the file is refused", async () => {
    serve({
      payouts_list: () => ({ lists: [] }),
      import_templates_list: () => ({ templates: [] }),
      payouts_survey: () => survey(),
      payouts_import: () =>
        report({
          list_id: null,
          imported_rows: 0,
          total_fen: 0,
          villages: [],
          errors: [
            { sheet: "东山村", row: 7, column: "身份证号码", code: "id_check_digit", message: "身份证号校验位不正确，可能有数字录错" },
            { sheet: "东山村", row: 9, column: "补贴金额（元）", code: "amount_decimals", message: "金额“12.345”超过两位小数（金额只能精确到分）" },
          ],
        }),
    });
    const w = await walkToImport("/tmp/清册.xlsx");
    expect(w.text()).toContain("发现 2 处错误，整份清册未导入");
    const table = w.find('[data-testid="import-errors"]').text();
    expect(table).toContain("身份证号码");
    expect(table).toContain("校验位不正确");
    expect(table).toContain("12.345");
    expect(w.find('[data-testid="import-summary"]').exists()).toBe(false);
    expect(w.find('[data-testid="export-errors"]').exists()).toBe(true);
    w.unmount();
  });

  it("accounts for every row read, in the words the clerk checks against the workbook", async () => {
    serve({
      payouts_list: () => ({ lists: [] }),
      import_templates_list: () => ({ templates: [] }),
      payouts_survey: () => survey(),
      payouts_import: () =>
        report({
          imported_rows: 30,
          rows: { read: 37, people: 30, reported: 0, titles: 1, headers: 1, blank: 0, totals: 4, notes: 1 },
        }),
    });
    const w = await walkToImport("/tmp/清册.xlsx");
    const counts = w.find('[data-testid="import-row-counts"]').text();
    expect(counts).toBe("共读取 37 行：名单 30 人，标题 1 行，表头 1 行，小计/合计 4 行，表尾说明 1 行");
    w.unmount();
  });

  it("names the headers that claim one column so the clerk can pick", async () => {
    const twoAreas = survey({
      sheets: [
        {
          name: "花名册",
          headerRow: 3,
          recognised: false,
          columns: [
            { letter: "A", header: "户主姓名", column: "name", samples: ["张三"] },
            { letter: "E", header: "补贴面积（亩）/确权面积", column: "area", samples: ["5.5"] },
            { letter: "F", header: "补贴面积（亩）/实际种植面积", column: "area", samples: ["5"] },
          ],
          missing: [],
          conflicts: ["表头中有 2 列都可作为“面积（数量）”：“补贴面积（亩）/确权面积”、“补贴面积（亩）/实际种植面积”。"],
          dataRows: 30,
        },
      ],
    });
    serve({
      payouts_list: () => ({ lists: [] }),
      import_templates_list: () => ({ templates: [] }),
      payouts_survey: () => twoAreas,
    });
    const w = await mountWithPath("/tmp/花名册.xlsx");
    await w.find("form").trigger("submit");
    await flush();
    await flush();
    const conflict = w.find('[data-testid="mapping-conflict"]');
    expect(conflict.exists()).toBe(true);
    expect(conflict.text()).toContain("补贴面积（亩）/实际种植面积");
    w.unmount();
  });

  it("shows unrecognised columns with masked samples and saves the clerk's mapping as a template", async () => {
    const unknown = survey({
      sheets: [
        {
          name: "Sheet1",
          headerRow: 2,
          recognised: false,
          columns: [
            { letter: "A", header: "持卡人", column: null, samples: ["张三"] },
            { letter: "B", header: "公民身份证", column: null, samples: ["*************4123"] },
          ],
          missing: ["姓名", "身份证号", "金额", "村（社区）"],
          conflicts: [],
          dataRows: 40,
        },
      ],
    });
    const mock = serve({
      payouts_list: () => ({ lists: [] }),
      import_templates_list: () => ({ templates: [] }),
      payouts_survey: () => unknown,
      import_template_save: (args) => ({ templates: [{ id: "t1", updatedAt: "", ...(args as object) }] }),
    });
    const w = await mountWithPath("/tmp/一卡通.csv");
    await w.find("form").trigger("submit");
    await flush();
    await flush();
    const mapping = w.find('[data-testid="payout-mapping"]').text();
    expect(mapping).toContain("还缺少：姓名、身份证号、金额、村（社区）");
    expect(mapping).toContain("表头在第 2 行，下面有 40 行");
    expect(mapping).toContain("*************4123");
    expect(mapping).toContain("未识别");
    expect(unnamedControls()).toEqual([]);
    await w.find('input[data-testid="template-name"]').setValue("财政所一卡通");
    await w.find('[data-testid="template-save"]').trigger("click");
    await flush();
    expect(mock).toHaveBeenCalledWith("import_template_save", {
      args: {
        name: "财政所一卡通",
        mapping: [
          { header: "持卡人", column: null },
          { header: "公民身份证", column: null },
        ],
      },
    });
    w.unmount();
  });

  it("applies the template the core suggests for a known source", async () => {
    const mock = serve({
      payouts_list: () => ({ lists: [] }),
      import_templates_list: () => ({ templates: [{ id: "t1", name: "财政所一卡通", mapping: [], updatedAt: "" }] }),
      payouts_survey: (args) =>
        (args as { template: string | null }).template ? survey() : survey({ suggestedTemplate: "财政所一卡通" }),
    });
    const w = await mountWithPath("/tmp/一卡通.csv");
    await w.find("form").trigger("submit");
    await flush();
    await flush();
    expect(mock).toHaveBeenCalledWith("payouts_survey", {
      args: { path: "/tmp/一卡通.csv", sheet: null, mapping: null, template: "财政所一卡通" },
    });
    expect(w.find('[data-testid="payout-mapping"]').exists()).toBe(true);
    w.unmount();
  });

  it("previews a village's notice from the PDF the core renders", async () => {
    const mock = serve({
      payouts_list: () => ({ lists: [list] }),
      import_templates_list: () => ({ templates: [] }),
      payouts_preview: (args) => ({
        villages: ["东山村", "西河村"],
        village: (args as { village: string | null }).village ?? "东山村",
        rows: 2,
        fileName: "a.pdf",
        pdfBase64: "JVBERi0=",
      }),
    });
    const w = mount(PayoutsView, { global: { plugins: [ElementPlus] }, attachTo: document.body });
    await flush();
    await w.find('[data-testid="preview-open"]').trigger("click");
    await flush();
    await flush();
    await flush();
    expect(mock).toHaveBeenCalledWith("payouts_preview", {
      args: { listId: "l1", village: null, paper: "a4", hotline: null, preparedBy: null, reviewedBy: null, projectLayout: "sections" },
    });
    expect(document.body.querySelector('[data-testid="preview-info"]')?.textContent).toContain("东山村 2 人，共 3 页");
    w.unmount();
  });

  it("saves all villages bound in one PDF when the clerk asks for one file", async () => {
    const mock = serve({
      payouts_list: () => ({ lists: [list] }),
      import_templates_list: () => ({ templates: [] }),
      payouts_preview: () => ({ villages: ["东山村"], village: "东山村", rows: 2, fileName: "a.pdf", pdfBase64: "JVBERi0=" }),
      payouts_print: () => ({
        files: [{ village: "全部村（社区）", path: "/tmp/公示单/2025年耕地地力保护补贴-全部村（社区）.pdf", rows: 2, bytes: 1000 }],
      }),
    });
    const w = mount(PayoutsView, { global: { plugins: [ElementPlus] }, attachTo: document.body });
    await flush();
    await w.find('[data-testid="preview-open"]').trigger("click");
    await flush();
    await flush();
    const save = document.body.querySelector<HTMLButtonElement>('[data-testid="preview-save"]')!;
    expect(save.textContent).toContain("保存各村 PDF");
    document.body.querySelector<HTMLElement>('[data-testid="preview-one-file"] input')!.click();
    await flush();
    expect(save.textContent).toContain("保存合订 PDF");
    save.click();
    await flush();
    await flush();
    const printed = mock.mock.calls.find(([command]) => command === "payouts_print");
    expect(printed?.[1]).toMatchObject({ args: { listId: "l1", outDir: "/tmp/公示单", oneFile: true } });
    expect(document.body.querySelector('[data-testid="printed-files"]')?.textContent).toContain("全部村（社区）");
    w.unmount();
  });

  it("shows the list the route names (待办 links here) highlighted with its villages, and the next one when the route changes", async () => {
    const posted = {
      ...list,
      id: "l2",
      project: "高龄津贴",
      status: "posted",
      villages: [{ name: "西岭村", rows: 3, total_fen: 45000 }],
      postings: [{ village: "西岭村", postedOn: "2025-11-03", endsOn: "2025-11-10" }],
    };
    serve({ payouts_list: () => ({ lists: [list, posted] }), import_templates_list: () => ({ templates: [] }) });
    const router = createRouter({ history: createMemoryHistory(), routes: [{ path: "/payouts", component: PayoutsView }] });
    await router.push("/payouts?open=l2");
    const w = mount({ template: "<router-view />" }, { global: { plugins: [ElementPlus, router] }, attachTo: document.body });
    await flush();
    await flush();
    const table = () => document.body.querySelector('[data-testid="payout-lists"]')!;
    const current = () => [...table().querySelectorAll(".current-row")].map((tr) => tr.textContent ?? "");
    const unfolded = () => [...table().querySelectorAll(".el-table__expanded-cell")].map((td) => td.textContent ?? "");
    expect(current()).toHaveLength(1);
    expect(current()[0]).toContain("高龄津贴");
    expect(unfolded()).toHaveLength(1);
    expect(unfolded()[0]).toContain("西岭村");

    await router.push("/payouts?open=l1");
    await flush();
    await flush();
    expect(current()).toHaveLength(1);
    expect(current()[0]).toContain("耕地地力保护补贴");
    expect(unfolded()).toHaveLength(1);
    expect(unfolded()[0]).toContain("东山村");
    w.unmount();
  });

  it("looks a person up by full ID and never shows the full number", async () => {
    const fullId = "36098219900101123X";
    const payout = {
      listId: "l1",
      project: "高龄津贴",
      year: 2025,
      village: "东山村",
      name: "张三",
      idMasked: "36*************23X",
      amountFen: 30000,
      status: "superseded" as const,
      sourceFile: "a.csv",
    };
    const mock = serve({
      payouts_list: () => ({ lists: [] }),
      import_templates_list: () => ({ templates: [] }),
      payouts_lookup: () => ({ payouts: [payout, { ...payout, listId: "l2", project: "耕地地力保护补贴", status: "posted" as const }] }),
    });
    const w = mount(PayoutsView, { global: { plugins: [ElementPlus] }, attachTo: document.body });
    await flush();
    await w.find('input[data-testid="payout-lookup-id"]').setValue(fullId);
    await w.find('[data-testid="payout-lookup-submit"]').trigger("click");
    await flush();
    expect(mock).toHaveBeenCalledWith("payouts_lookup", { args: { idNumber: fullId } });
    const rows = [...document.querySelectorAll('[data-testid="payout-lookup-result"] .el-table__body tr')].map((r) => r.textContent ?? "");
    expect(rows).toHaveLength(2);
    expect(rows[0]).toContain("张三");
    expect(rows[0]).toContain("36*************23X");
    expect(rows[0]).toContain("300.00");
    expect(rows[0]).toContain("已被更正清册替代");
    expect(rows[1]).toContain("公示中");
    // Nowhere on the page — text, attributes, or the box it was typed in — is the full number left.
    expect(document.body.textContent).not.toContain(fullId);
    expect(document.body.innerHTML).not.toContain(fullId);
    const inputs = [...document.querySelectorAll("input")].map((i) => i.value);
    expect(inputs).not.toContain(fullId);
    w.unmount();
  });
});
