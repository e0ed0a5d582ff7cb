import { beforeEach, describe, expect, it } from "vitest";
import { mount } from "@vue/test-utils";
import ElementPlus from "element-plus";
import { defineComponent, h } from "vue";
import { createMemoryHistory, createRouter } from "vue-router";
import RecordsView from "@/views/records/RecordsView.vue";
import type { RecordDetail, RecordSummary } from "@/api/bindings";
import { flush, profile, serve } from "./fixtures";
import { unnamedControls } from "./a11y";

const options = {
  attributes: [{ key: "proactive", label: "主动公开" }],
  grounds: [],
  stages: [
    { key: "draft", label: "拟稿" },
    { key: "review", label: "科室负责人审核" },
    { key: "approve", label: "分管或主要领导审定" },
  ],
  secrecyQuestions: [{ key: "state_secret", label: "是否涉及国家秘密" }],
  channels: [{ key: "政府网站", label: "政府网站" }],
};

function summary(overrides: Partial<RecordSummary> = {}): RecordSummary {
  return {
    id: "r1",
    itemKey: "涉农补贴/农业生产发展资金/耕地地力保护",
    domain: "涉农补贴",
    itemName: "耕地地力保护",
    title: "2025年耕地地力保护补贴发放结果",
    docNumber: null,
    formedOn: "2025-09-26",
    attribute: "proactive",
    attributeLabel: "主动公开",
    timeLimitDays: 20,
    dueOn: "2025-10-30",
    dueProvisional: false,
    status: "draft",
    statusLabel: "未发布",
    publishedOn: null,
    deadline: "overdue",
    deadlineLabel: "已逾期未公开",
    deadlineWorkdays: 3,
    blockers: ["尚未完成“拟稿”", "尚未完成“科室负责人审核”", "尚未完成“分管或主要领导审定”", "尚未进行保密审查"],
    ...overrides,
  };
}

function detail(s: RecordSummary): RecordDetail {
  return {
    summary: s,
    body: "",
    channels: ["政府网站"],
    ground: null,
    groundLabel: null,
    attributeReason: null,
    documentNote: "（此件公开发布）",
    redacted: false,
    redactionRemoved: null,
    redactionWhy: null,
    calendarVersion: "2025-11-04",
    reviews: [],
    secrecy: null,
    publications: [],
    attachments: [],
  };
}

/**
 * A date field standing in for el-date-picker. The real picker renders its whole calendar panel as
 * soon as it mounts (its popper is always persistent), and under happy-dom on a busy machine the
 * record drawer's two pickers took about 3 of the 5 seconds a test may run. What these tests check
 * is the record's state, not the calendar; the picker's own input and name are checked with the real
 * component in a11y.spec.ts (新建公开记录). Attributes such as aria-label fall through to the input,
 * so the accessible-name check below still sees the names this screen gives its dates.
 */
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
const global = { plugins: [ElementPlus], stubs: { ElDatePicker: DateField } };

describe("公开记录", () => {
  beforeEach(() => {
    document.body.innerHTML = "";
  });

  it("lists records with their deadline and opens one whose publication is still blocked", async () => {
    serve({
      records_due: () => ({ records: [summary()] }),
      record_options: () => options,
      profile_get: () => profile({ people: [{ id: "p1", name: "李明", officeId: null, officeName: null, roles: ["draft"] }] }),
      record_get: () => detail(summary()),
    });
    const w = mount(RecordsView, { global, attachTo: document.body });
    await flush();
    await flush();
    const table = w.find('[data-testid="records-table"]').text();
    expect(table).toContain("已逾期未公开（3 个工作日）");
    expect(table).toContain("2025-10-30");
    await w.find('[data-testid="record-open"]').trigger("click");
    await flush();
    await flush();
    await flush();
    const drawer = document.body.querySelector('[data-testid="record-detail"]');
    expect(drawer?.textContent).toContain("发布前还需：尚未完成“拟稿”");
    expect(drawer?.textContent).toContain("（此件公开发布）");
    expect(unnamedControls()).toEqual([]);
    const publish = document.body.querySelector('[data-testid="publish-submit"]') as HTMLButtonElement;
    expect(publish.disabled).toBe(true);
    // Only the drafting stage is open; secrecy waits for the three signatures.
    expect(document.body.querySelector('[data-testid="review-form"]')?.textContent).toContain("拟稿");
    expect(document.body.querySelector('[data-testid="secrecy-form"]')).toBeNull();
    w.unmount();
  });

  it("opens the record the route names (待办 links here), and the next one when the route changes", async () => {
    const records = [summary(), summary({ id: "r2", title: "2025年第三季度财务收支情况", deadline: "due_soon", deadlineWorkdays: 2 })];
    const asked: string[] = [];
    serve({
      records_due: () => ({ records }),
      record_options: () => options,
      profile_get: () => profile(),
      record_get: (args) => {
        const id = (args as { id: string }).id;
        asked.push(id);
        return detail(records.find((r) => r.id === id)!);
      },
      records_compliance: () => ({ year: 2025, today: "2025-11-20", domains: [] }),
    });
    const router = createRouter({ history: createMemoryHistory(), routes: [{ path: "/records", component: RecordsView }] });
    await router.push("/records?open=r1");
    const w = mount({ template: "<router-view />" }, { global: { ...global, plugins: [ElementPlus, router] }, attachTo: document.body });
    await flush();
    await flush();
    await flush();
    const drawerTitle = () => document.body.querySelector(".el-drawer__title")?.textContent?.trim();
    expect(asked).toEqual(["r1"]);
    expect(drawerTitle()).toBe("2025年耕地地力保护补贴发放结果");
    expect(document.body.querySelector('[data-testid="record-detail"]')?.textContent).toContain("发布前还需");

    // From another tab, a new `open` brings the clerk back to the records and opens that one.
    const activeTab = () => document.body.querySelector(".el-tabs__item.is-active")?.textContent?.trim();
    await w.find('[data-testid="tab-compliance"]').trigger("click");
    await flush();
    expect(activeTab()).toBe("时限情况");
    await router.push("/records?open=r2");
    await flush();
    await flush();
    await flush();
    expect(asked).toEqual(["r1", "r2"]);
    expect(drawerTitle()).toBe("2025年第三季度财务收支情况");
    expect(activeTab()).toBe("记录与审查");
    w.unmount();
  });

  it("shows the compliance picture per domain", async () => {
    serve({
      records_due: () => ({ records: [] }),
      records_compliance: () => ({
        year: 2025,
        today: "2025-11-20",
        domains: [
          { domain: "涉农补贴", items: [], records: 3, onTime: 1, late: 1, dueSoon: 0, overdue: 1, neverDisclosed: 4 },
        ],
      }),
    });
    const w = mount(RecordsView, { global, attachTo: document.body });
    await flush();
    await w.find('[data-testid="tab-compliance"]').trigger("click");
    await flush();
    await flush();
    // Each count stands under its own heading, named as the deadlines are named everywhere else.
    const table = document.querySelector('[data-testid="compliance-table"]')!;
    const headers = [...table.querySelectorAll(".el-table__header th")].map((th) => th.textContent?.trim() ?? "");
    const cells = [...table.querySelectorAll(".el-table__body tr:first-child td")].map((td) => td.textContent?.trim() ?? "");
    const row = Object.fromEntries(headers.map((h, i) => [h, cells[i]]));
    expect(row).toMatchObject({ 领域: "涉农补贴", 记录: "3", 按时公开: "1", 逾期公开: "1", 即将到期: "0", 已逾期未公开: "1" });
    w.unmount();
  });
});
