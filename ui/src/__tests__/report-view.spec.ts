// 年度报告: 表三 in the national layout (三、本年度办理结果 and each group merged down their
// rows), the cells a balance problem names marked, last year's figure beside each count, and
// amounts typed in 万元/元 sent as exact fen.
import { beforeEach, describe, expect, it } from "vitest";
import { mount } from "@vue/test-utils";
import ElementPlus from "element-plus";
import ReportView from "@/views/report/ReportView.vue";
import type { ReportDraft, ReportTables, ReportView as View } from "@/api/bindings";
import { formatAmount, parseAmount, stubCells } from "@/views/report/layout";
import { flush, serve } from "./fixtures";

const rows = [
  { key: "new_received", label: "一、本年新收政府信息公开申请数量", parent: null, level: 0 },
  { key: "carried_over", label: "二、上年结转政府信息公开申请数量", parent: null, level: 0 },
  { key: "granted", label: "（一）予以公开", parent: "三、本年度办理结果", level: 1 },
  { key: "denied_1", label: "1.属于国家秘密", parent: "（三）不予公开", level: 2 },
  { key: "denied_2", label: "2.其他法律行政法规禁止公开", parent: "（三）不予公开", level: 2 },
  { key: "results_total", label: "（七）总计", parent: "三、本年度办理结果", level: 1 },
  { key: "carry_forward", label: "四、结转下年度继续办理", parent: null, level: 0 },
];

function tables(year: number, counts: number[]): ReportTables {
  return {
    year,
    table2: [{ caption: "第二十条第（八）项", columns: ["信息内容", "本年收费金额（单位：万元）"], rows: [{ label: "行政事业性收费", cells: ["0"] }] }],
    table3: {
      note: "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）",
      supergroup: "申请人情况",
      columns: [
        { key: "natural_person", label: "自然人", group: null },
        { key: "commercial", label: "商业企业", group: "法人或其他组织" },
        { key: "total", label: "总计", group: null },
      ],
      rows: rows.map((r, i) => ({ ...r, cells: [counts[i], 0, counts[i]] })),
    },
    table4: { columns: ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"], groups: [{ key: "review", label: "行政复议", parent: null, cells: [1, 0, 0, 0, 1] }] },
  };
}

const draft = (): ReportDraft => ({
  year: 2025, overview: "", problemsText: "", otherText: "", statedFeesFen: null, regulations: [0, 0, 0],
  licensingDecisions: 0, penaltyDecisions: 0, enforcementDecisions: 0, adminFeesFen: 0, finalizedAt: null, recordId: null,
});

const view = (): View => ({
  year: 2025, title: "示范镇2025年政府信息公开工作年度报告",
  sections: ["一、总体情况", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况", "四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及改进情况", "六、其他需要报告的事项"],
  draft: draft(), overviewSuggestion: "2025年，示范镇……",
  tables: tables(2025, [3, 1, 2, 1, 0, 3, 0]),
  lastYear: tables(2024, [2, 0, 1, 0, 0, 1, 1]),
  problems: [{ place: "table3", cells: [{ row: "new_received", column: "natural_person" }], message: "表三“自然人”列：一、本年新收（3）加二、上年结转（1）共 4，不等于（七）总计（3）加四、结转下年度（0）共 3" }],
  cases: [], recordedFeesFen: 0,
});

async function settle() {
  for (let i = 0; i < 5; i++) await flush();
}

describe("年度报告", () => {
  beforeEach(() => {
    document.body.innerHTML = "";
  });

  it("merges 表三's stub as the national format does", () => {
    const cells = stubCells(rows);
    expect(cells[0]).toEqual([{ text: rows[0].label, rowspan: 1, colspan: 3, left: true }]);
    expect(cells[2][0]).toMatchObject({ text: "三、本年度办理结果", rowspan: 4 });
    expect(cells[2][1]).toMatchObject({ text: "（一）予以公开", colspan: 2 });
    expect(cells[3][0]).toMatchObject({ text: "（三）不予公开", rowspan: 2 });
    expect(cells[4]).toEqual([{ text: "2.其他法律行政法规禁止公开", rowspan: 1, colspan: 1, left: true }]);
    expect(cells[5]).toEqual([{ text: "（七）总计", rowspan: 1, colspan: 2, left: true }]);
  });

  it("parses amounts exactly", () => {
    expect(parseAmount("1.2345", 1_000_000, 6)).toBe(1_234_500);
    expect(parseAmount("120.5", 100, 2)).toBe(12_050);
    expect(parseAmount("120.505", 100, 2)).toBeNull();
    expect(parseAmount("-1", 100, 2)).toBeNull();
    expect(formatAmount(1_234_500, 1_000_000, 6)).toBe("1.2345");
    expect(formatAmount(12_000, 100, 2)).toBe("120");
  });

  it("names the problem, marks its cell and shows last year beside each count", async () => {
    serve({ report_build: view });
    const w = mount(ReportView, { global: { plugins: [ElementPlus] }, attachTo: document.body });
    await settle();
    expect(w.get('[data-testid="report-problems"]').text()).toContain("表三“自然人”列：一、本年新收（3）");
    // The core's message names its place itself; the screen does not say it twice.
    expect(w.get('[data-testid="report-problems"]').text()).not.toContain("【表三】");
    const bad = w.get('[data-cell="new_received/natural_person"]');
    expect(bad.classes()).toContain("bad");
    expect(bad.text()).toBe("32");
    expect(w.get('[data-cell="carried_over/natural_person"]').classes()).not.toContain("bad");
    const stub = w.findAll('[data-testid="report-table3"] td[rowspan="4"]');
    expect(stub.map((c) => c.text())).toEqual(["三、本年度办理结果"]);
  }, 20_000);

  it("sends 万元 typed by the clerk as exact fen", async () => {
    const saved: ReportDraft[] = [];
    serve({
      report_build: view,
      report_save: (args) => {
        saved.push(args as ReportDraft);
        return view();
      },
    });
    const w = mount(ReportView, { global: { plugins: [ElementPlus] }, attachTo: document.body });
    await settle();
    await w.get('[data-testid="tab-counts"]').trigger("click");
    await settle();
    await w.get('input[data-testid="report-admin-fees"]').setValue("1.2345");
    await w.get('[data-testid="report-save-counts"]').trigger("click");
    await settle();
    expect(saved[0].adminFeesFen).toBe(1_234_500);
    expect(saved[0].statedFeesFen).toBeNull();
  }, 20_000);

  it("links a finalized report to its disclosure record, where it is signed and published", async () => {
    const finalized = view();
    finalized.draft = { ...draft(), finalizedAt: "2026-01-10T09:00:00+08:00", recordId: "0190-record" };
    serve({ report_build: () => finalized });
    const RouterLink = { props: ["to"], template: '<a :data-to="JSON.stringify(to)"><slot /></a>' };
    const w = mount(ReportView, { global: { plugins: [ElementPlus], stubs: { RouterLink } }, attachTo: document.body });
    await settle();
    const link = w.get('[data-testid="report-record-link"]');
    expect(JSON.parse(link.attributes("data-to") ?? "{}")).toEqual({ path: "/records", query: { open: "0190-record" } });
    expect(link.text()).toContain("公开记录");

    document.body.innerHTML = "";
    serve({ report_build: view });
    const draftOnly = mount(ReportView, { global: { plugins: [ElementPlus], stubs: { RouterLink } }, attachTo: document.body });
    await settle();
    expect(draftOnly.find('[data-testid="report-record-link"]').exists()).toBe(false);
  }, 20_000);
});
