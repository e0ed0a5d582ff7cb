import { beforeEach, describe, expect, it } from "vitest";
import { mount } from "@vue/test-utils";
import ElementPlus from "element-plus";
import { defineComponent, h } from "vue";
import { createMemoryHistory, createRouter } from "vue-router";
import DocumentsView from "@/views/documents/DocumentsView.vue";
import type { DocumentDetail, DocumentSummary, DocumentsListArgs } from "@/api/bindings";
import { changeProblems, docNumberHint, interpretationTag, validityTag } from "@/views/documents/documents";
import { flush, serve } from "./fixtures";

/** A date field standing in for el-date-picker (see records-view.spec.ts for why). */
const DateField = defineComponent({
  props: { modelValue: { type: String, default: "" } },
  emits: ["update:modelValue"],
  setup(props, { emit }) {
    return () =>
      h("input", {
        type: "date",
        value: props.modelValue,
        onInput: (e: Event) => emit("update:modelValue", (e.target as HTMLInputElement).value),
      });
  },
});
const memoryRouter = () => createRouter({ history: createMemoryHistory(), routes: [{ path: "/:any(.*)*", component: { template: "<div />" } }] });
const global = { plugins: [ElementPlus, memoryRouter()], stubs: { ElDatePicker: DateField } };

function summary(overrides: Partial<DocumentSummary> = {}): DocumentSummary {
  return {
    id: "d1",
    kind: "normative",
    docNumber: "示政发〔2019〕5号",
    title: "示范镇农村集体三资管理办法",
    issuer: "示范镇人民政府",
    issuedOn: "2019-04-10",
    effectiveOn: "2019-04-10",
    validUntil: null,
    validity: "repealed",
    validityOn: "2025-12-15",
    changedBy: { id: "d2", name: "示政发〔2025〕9号" },
    needsInterpretation: false,
    interpretation: "not_needed",
    recordId: null,
    recordStatus: null,
    ...overrides,
  };
}

function detail(s: DocumentSummary, missing: string[] = []): DocumentDetail {
  return {
    summary: s,
    body: "全文",
    attachments: [],
    history: [],
    interpretation: null,
    interpretationMissing: missing,
    cleanups: [],
  };
}

describe("规范性文件 logic", () => {
  it("shows a 文号 as the core will store it, and says when it cannot be read", () => {
    expect(docNumberHint("示政发〔2024〕3号")).toEqual({ normal: "示政发〔2024〕3号", changed: false });
    expect(docNumberHint("示政发[2024]03号")).toEqual({ normal: "示政发〔2024〕3号", changed: true });
    expect(docNumberHint("示政发【２０２４】第7")).toEqual({ normal: "示政发〔2024〕7号", changed: true });
    expect(docNumberHint("示政发（2024）3号")?.normal).toBe("示政发〔2024〕3号");
    for (const bad of ["示政发2024年3号", "〔2024〕3号", "示政发〔24〕3号", "示政发〔2024〕0号", "示政发〔1900〕3号"]) {
      expect(docNumberHint(bad), bad).toBeNull();
    }
  });

  it("names what a validity change lacks before asking the core", () => {
    expect(changeProblems({ validity: "repealed", on: "", changedBy: "" })).toEqual(["请填写变更日期"]);
    expect(changeProblems({ validity: "amended", on: "2025-01-01", changedBy: "" })).toEqual(["请选择修改它的文件"]);
    expect(changeProblems({ validity: "expired", on: "2025-01-01", changedBy: "" })).toEqual([]);
  });

  it("colours validity and interpretation states", () => {
    expect(validityTag("in_force")).toBe("success");
    expect(validityTag("repealed")).toBe("info");
    expect(interpretationTag("missing")).toBe("danger");
    expect(interpretationTag("not_ready")).toBe("warning");
    expect(interpretationTag("published")).toBe("success");
  });
});

describe("规范性文件 screen", () => {
  beforeEach(() => {
    document.body.innerHTML = "";
  });

  it("lists the library, filters by validity and shows what a 解读 still lacks", async () => {
    const asked: DocumentsListArgs[] = [];
    const waiting = summary({
      id: "d3",
      docNumber: "示政发〔2025〕9号",
      title: "示范镇农村集体三资管理实施细则",
      validity: "in_force",
      validityOn: null,
      changedBy: null,
      needsInterpretation: true,
      interpretation: "not_ready",
    });
    serve({
      documents_list: (args) => {
        asked.push(args as DocumentsListArgs);
        const filter = (args as DocumentsListArgs).validity;
        return { documents: [summary(), waiting].filter((d) => !filter || d.validity === filter) };
      },
      document_get: () => detail(waiting, ["解读“图解”尚未进行保密审查"]),
      records_list: () => ({ records: [] }),
    });
    const w = mount(DocumentsView, { global, attachTo: document.body });
    await flush();
    await flush();
    const table = w.find('[data-testid="documents-table"]').text();
    expect(table).toContain("示政发〔2019〕5号");
    expect(table).toContain("已废止");
    expect(table).toContain("2025-12-15 · 示政发〔2025〕9号");
    expect(table).toContain("解读未就绪");
    expect(asked[0]).toEqual({ validity: null, kind: null, query: null });

    await w.find('[data-testid="document-search"]').setValue("三资");
    await flush();
    expect(asked[asked.length - 1].query).toBe("三资");

    const opens = w.findAll('[data-testid="document-open"]');
    await opens[1].trigger("click");
    await flush();
    await flush();
    await flush();
    const missing = document.body.querySelector('[data-testid="interpretation-missing"]');
    expect(missing?.textContent).toContain("解读“图解”尚未进行保密审查");
    // A repeal without its date is not sent.
    const submit = document.body.querySelector('[data-testid="change-submit"]') as HTMLButtonElement;
    expect(submit.disabled).toBe(true);
    expect(document.body.querySelector('[data-testid="change-problems"]')?.textContent).toContain("请填写变更日期");
    w.unmount();
  }, 20_000);

  it("opens on the 清理 list when the 待办 home's row asks for it", async () => {
    const row = { document: summary({ validity: "in_force", validityOn: null, changedBy: null }), reasons: ["自 2019-04-10 施行已满 5 年"], decision: null };
    serve({
      documents_list: () => ({ documents: [] }),
      documents_cleanup: () => ({ year: 2026, ageYears: 5, rows: [row], undecided: 1 }),
      document_settings_get: () => ({ cleanupAgeYears: 5, defaultCleanupAgeYears: 5, minCleanupAgeYears: 1, maxCleanupAgeYears: 30 }),
    });
    const router = memoryRouter();
    await router.push("/documents?tab=cleanup&open=d1");
    const w = mount(DocumentsView, { global: { ...global, plugins: [ElementPlus, router] }, attachTo: document.body });
    await flush();
    await flush();
    expect(w.find('[data-testid="cleanup-summary"]').text()).toContain("应清理 1 份，未作决定 1 份");
    w.unmount();
  });

  it("shows the year's 清理 list and records a decision through the core", async () => {
    const row = { document: summary({ validity: "in_force", validityOn: null, changedBy: null }), reasons: ["自 2019-04-10 施行已满 5 年"], decision: null };
    let decided: unknown = null;
    serve({
      documents_list: () => ({ documents: [] }),
      documents_cleanup: () => ({ year: 2026, ageYears: 5, rows: [row], undecided: 1 }),
      document_settings_get: () => ({ cleanupAgeYears: 5, defaultCleanupAgeYears: 5, minCleanupAgeYears: 1, maxCleanupAgeYears: 30 }),
      document_cleanup_decide: (args) => {
        decided = args;
        return {
          year: 2026,
          ageYears: 5,
          rows: [{ ...row, decision: { year: 2026, reason: row.reasons[0], decision: "repeal", decidedOn: "2026-11-20", decidedBy: "镇政府常务会议", note: "" } }],
          undecided: 0,
        };
      },
    });
    const w = mount(DocumentsView, { global, attachTo: document.body });
    await flush();
    await w.find('[data-testid="tab-cleanup"]').trigger("click");
    await flush();
    await flush();
    expect(w.find('[data-testid="cleanup-summary"]').text()).toContain("应清理 1 份，未作决定 1 份");
    expect(w.find('[data-testid="cleanup-table"]').text()).toContain("自 2019-04-10 施行已满 5 年");
    await w.find('[data-testid="cleanup-decide"]').trigger("click");
    await flush();
    const by = document.body.querySelector('[data-testid="decided-by"]') as HTMLInputElement;
    by.value = "镇政府常务会议";
    by.dispatchEvent(new Event("input"));
    const repeal = Array.from(document.body.querySelectorAll('[data-testid="decide-form"] .el-radio')).find((r) => r.textContent?.includes("废止")) as HTMLElement;
    repeal.click();
    await flush();
    (document.body.querySelector('[data-testid="decide-submit"]') as HTMLButtonElement).click();
    await flush();
    await flush();
    expect(decided).toMatchObject({ documentId: "d1", decision: "repeal", decidedBy: "镇政府常务会议" });
    await flush();
    expect(document.body.querySelector('[data-testid="decide-error"]')?.textContent ?? "").toBe("");
    expect(w.find('[data-testid="cleanup-summary"]').text()).toContain("未作决定 0 份");
    w.unmount();
  }, 20_000);
});
