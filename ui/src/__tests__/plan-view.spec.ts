// 工作要点: the year's tasks with their due states; a table is checked (dry run) before it is
// imported, and a refused table's problems are shown as the core names them; progress is saved
// through plan_progress.
import { beforeEach, describe, expect, it } from "vitest";
import { mount } from "@vue/test-utils";
import ElementPlus from "element-plus";
import { createMemoryHistory, createRouter } from "vue-router";
import PlanView from "@/views/plan/PlanView.vue";
import type { PlanImportArgs, PlanProgressArgs, PlanSummaryArgs, PlanTaskRow, PlanTasks, PlanYearEnd } from "@/api/bindings";
import { flush, serve } from "./fixtures";

function task(seq: number, extra: Partial<PlanTaskRow> = {}): PlanTaskRow {
  return {
    id: `t${seq}`, year: 2026, seq, section: null, name: `任务${seq}`, content: "", office: "党政办", person: "李明",
    timeNode: "10月底前", schedule: "deadline", dueOn: "2026-10-31", evidenceRequired: "", status: "open", doneOn: null,
    dueState: "open", stateDueOn: "2026-10-31", days: 30, explanation: "任务应于 2026-10-31 前完成", notes: 0, evidence: 0,
    source: "任务分解表.xlsx", ...extra,
  };
}

const drafted: PlanYearEnd = { outcome: "not_started", summary: "年内未记录进展。", written: false, draft: "年内未记录进展。" };

const tasks = (): PlanTasks => ({
  today: "2026-12-01", year: 2026, years: [{ year: 2026, tasks: 2 }], done: 0, late: 1, dueSoon: 0,
  tasks: [task(1, { dueState: "late", explanation: "任务应于 2026-11-28 前完成，已逾期 3 天" }), task(2)],
});

async function settle() {
  for (let i = 0; i < 5; i++) await flush();
}

async function mountPlan(path = "/plan") {
  const router = createRouter({ history: createMemoryHistory(), routes: [{ path: "/:any(.*)*", component: { template: "<div />" } }] });
  await router.push(path);
  return mount(PlanView, { global: { plugins: [ElementPlus, router] }, attachTo: document.body });
}

describe("工作要点", () => {
  beforeEach(() => {
    document.body.innerHTML = "";
  });

  it("lists the year's tasks with their states", async () => {
    serve({ plan_list: tasks });
    const w = await mountPlan();
    await settle();
    expect(w.get('[data-testid="plan-summary"]').text()).toContain("2 项任务，已完成 0，逾期 1");
    expect(w.get('[data-testid="plan-state-1"]').text()).toBe("已逾期");
    expect(w.text()).toContain("已逾期 3 天");
  });

  it("checks a table before importing it and shows a refusal's places", async () => {
    const imports: PlanImportArgs[] = [];
    let refuse = true;
    serve({
      plan_list: tasks,
      pick_file: () => "/导入/任务分解表.xlsx",
      plan_import: (args) => {
        imports.push(args as PlanImportArgs);
        if (refuse) throw { code: "invalid_input", message: "“任务分解表.xlsx”未导入，有 1 处问题：\n工作表“任务分解表”第 5 行 F 列（时间节点）：无法识别时间节点“尽快”" };
        return { year: 2026, sheet: "任务分解表", title: "2026年工作要点任务分解表", tasks: [task(1)], written: !(args as PlanImportArgs).dryRun };
      },
    });
    const w = await mountPlan();
    await settle();
    await w.get('[data-testid="plan-import"]').trigger("click");
    await settle();
    expect(imports[0]).toMatchObject({ path: "/导入/任务分解表.xlsx", dryRun: true });
    expect(w.get('[data-testid="plan-import-error"]').text()).toContain("第 5 行 F 列（时间节点）");

    refuse = false;
    await w.get('[data-testid="plan-import"]').trigger("click");
    await settle();
    expect(document.body.querySelector('[data-testid="plan-preview-summary"]')?.textContent).toContain("2026 年，1 项任务（尚未写入）");
    (document.body.querySelector('[data-testid="plan-import-accept"]') as HTMLElement).click();
    await settle();
    expect(imports[2]).toMatchObject({ dryRun: false, year: 2026, replace: false });
  });

  it("checks a Word table naming no year again for the year the clerk gives", async () => {
    const imports: PlanImportArgs[] = [];
    serve({
      plan_list: tasks,
      pick_file: () => "/导入/任务分解表.docx",
      plan_import: (args) => {
        const a = args as PlanImportArgs;
        imports.push(a);
        if (a.year === null) throw { code: "invalid_input", message: "“任务分解表.docx”未导入，有 1 处问题：\n表格2 ：表格的标题行和文件名都没有写年度（如“2021年”）：请在导入时指定年度" };
        return { year: a.year, sheet: "表格2", title: null, tasks: [task(1, { year: a.year })], written: false };
      },
    });
    const w = await mountPlan();
    await settle();
    await w.get('[data-testid="plan-import"]').trigger("click");
    await settle();
    expect(w.get('[data-testid="plan-import-error"]').text()).toContain("没有写年度");
    await w.get('[data-testid="plan-import-year"] input').setValue("2021");
    await settle();
    await w.get('[data-testid="plan-import-retry"]').trigger("click");
    await settle();
    expect(imports[1]).toMatchObject({ path: "/导入/任务分解表.docx", year: 2021, dryRun: true });
    expect(document.body.querySelector('[data-testid="plan-preview-summary"]')?.textContent).toContain("表格2：2021 年，1 项任务（尚未写入）");
    expect(w.find('[data-testid="plan-import-error"]').exists()).toBe(false);
  });

  it("saves progress on an opened task", async () => {
    const saved: PlanProgressArgs[] = [];
    serve({
      plan_list: tasks,
      plan_task_get: () => ({ task: task(2), notes: [], yearEnd: drafted }),
      plan_progress: (args) => {
        saved.push(args as PlanProgressArgs);
        return {
          task: task(2, { status: "in_progress" }),
          notes: [{ id: "n1", notedOn: "2026-12-01", status: "in_progress", note: "已起草", evidence: [] }],
          yearEnd: { outcome: "in_progress", summary: "推进中，全年记录进展 1 次。最近一次12月1日：已起草。未留存佐证材料。", written: false, draft: "推进中，全年记录进展 1 次。最近一次12月1日：已起草。未留存佐证材料。" },
        };
      },
    });
    await mountPlan("/plan?open=t2");
    await settle();
    const note = document.body.querySelector('textarea[data-testid="plan-progress-note"]') as HTMLTextAreaElement;
    note.value = "已起草";
    note.dispatchEvent(new Event("input"));
    await settle();
    (document.body.querySelector('[data-testid="plan-progress-save"]') as HTMLElement).click();
    await settle();
    expect(saved[0]).toMatchObject({ taskId: "t2", status: "in_progress", note: "已起草", notedOn: null, evidence: [] });
    expect(document.body.querySelectorAll('[data-testid="plan-note"]').length).toBe(1);
    expect((document.body.querySelector('textarea[data-testid="plan-yearend-text"]') as HTMLTextAreaElement).value).toContain("最近一次12月1日：已起草");
  });

  it("shows a task's year-end outcome and saves the 年终小结 the clerk writes", async () => {
    const saved: PlanSummaryArgs[] = [];
    serve({
      plan_list: tasks,
      plan_task_get: () => ({ task: task(2), notes: [], yearEnd: drafted }),
      plan_summary_save: (args) => {
        const a = args as PlanSummaryArgs;
        saved.push(a);
        const written = a.summary.trim() !== "";
        return { task: task(2), notes: [], yearEnd: { ...drafted, summary: written ? a.summary.trim() : drafted.draft, written } };
      },
    });
    await mountPlan("/plan?open=t2");
    await settle();
    expect(document.body.querySelector('[data-testid="plan-yearend-outcome"]')?.textContent).toBe("未开展");
    expect(document.body.querySelector('[data-testid="plan-yearend-source"]')?.textContent).toContain("根据进展记录生成的草稿");
    const text = document.body.querySelector('textarea[data-testid="plan-yearend-text"]') as HTMLTextAreaElement;
    expect(text.value).toBe("年内未记录进展。");
    text.value = "因上级调整部署，本项任务顺延至次年。";
    text.dispatchEvent(new Event("input"));
    await settle();
    (document.body.querySelector('[data-testid="plan-yearend-save"]') as HTMLElement).click();
    await settle();
    expect(saved[0]).toEqual({ taskId: "t2", summary: "因上级调整部署，本项任务顺延至次年。" });
    expect(document.body.querySelector('[data-testid="plan-yearend-source"]')?.textContent).toContain("经办人填写");
    (document.body.querySelector('[data-testid="plan-yearend-draft"]') as HTMLElement).click();
    await settle();
    expect(saved[1]).toEqual({ taskId: "t2", summary: "" });
    expect((document.body.querySelector('textarea[data-testid="plan-yearend-text"]') as HTMLTextAreaElement).value).toBe("年内未记录进展。");
  });
});
