// 待办, the first screen: rows of home_todo grouped as the clerk works them (records, notices on
// the walls, the boards), each opening the screen where it is done; a failing command leaves the
// other panels.
import { beforeEach, describe, expect, it } from "vitest";
import { mount } from "@vue/test-utils";
import ElementPlus from "element-plus";
import { createMemoryHistory, createRouter } from "vue-router";
import TodoView from "@/views/home/TodoView.vue";
import { TodoKindLabels, type HomeTodo, type TodoRow } from "@/api/bindings";
import { app } from "@/state/app";
import { flush, payoutList, profile, serve } from "./fixtures";
import { unnamedControls } from "./a11y";

function row(kind: TodoRow["kind"], title: string, extra: Partial<TodoRow> = {}): TodoRow {
  return { kind, title, detail: "", dueOn: null, village: null, screen: "/boards", targetId: null, ...extra };
}

const todo = (): HomeTodo => ({
  today: "2026-12-01",
  recordsDue: 25,
  rows: [
    row("record_overdue", "低保对象名单", { screen: "/records", targetId: "r1", dueOn: "2026-11-20", detail: "逾期 7 个工作日" }),
    row("record_due_soon", "停水通知", { screen: "/records", targetId: "r2", dueOn: "2026-12-03" }),
    row("board_overdue", "财务公开 2026-10", { village: "东山村", dueOn: "2026-11-15", detail: "应于次月 15 日前更新" }),
    row("board_due_soon", "村务公开 2026-Q4", { village: "西岭村", dueOn: "2027-01-15" }),
    row("notice_ending", "2025年高龄津贴发放名单公示", { village: "东山村", targetId: "p1", dueOn: "2026-12-03" }),
    row("repost", "关于村道硬化工程的公示", { village: "西岭村", targetId: "p2", detail: "张贴 3 天即撤下，不足 10 天" }),
    row("document_cleanup", "《示范镇农村集体三资管理办法》（示政发〔2019〕5号）", { screen: "/documents?tab=cleanup", targetId: "d1", detail: "2026 年度清理：自 2019-04-10 施行已满 5 年" }),
  ],
});

function mountHome() {
  const router = createRouter({ history: createMemoryHistory(), routes: [{ path: "/:any(.*)*", component: { template: "<div />" } }] });
  const w = mount(TodoView, { global: { plugins: [ElementPlus, router] }, attachTo: document.body });
  return { w, router };
}

async function settle() {
  for (let i = 0; i < 4; i++) await flush();
}

describe("待办", () => {
  beforeEach(() => {
    document.body.innerHTML = "";
    app.profile = profile();
  });

  it("groups the rows, counts them per kind and says when a group is clear", async () => {
    const posted = { ...payoutList("posted"), project: "耕地地力保护补贴", postings: [{ village: "东山村", postedOn: "2026-11-28", endsOn: "2026-12-04" }] };
    serve({
      home_todo: todo,
      sync_status: () => ({ notices: [{ title: "关于做好年度报告编制工作的通知", body: "……", publishedOn: "2026-11-26" }] }),
      payouts_list: () => ({ lists: [posted, { ...payoutList("draft"), id: "l2" }, { ...payoutList("archived"), id: "l3" }] }),
    });
    const { w } = mountHome();
    await settle();
    const records = w.find('[data-testid="todo-records"]').text();
    expect(records).toContain("低保对象名单");
    expect(records).toContain(`${TodoKindLabels.record_overdue} 1`);
    expect(records).toContain("共 25 条，这里列出最紧的 2 条");
    const boards = w.find('[data-testid="todo-boards"]').text();
    expect(boards).toContain("东山村");
    expect(boards).toContain("财务公开 2026-10");
    expect(boards).toContain(`${TodoKindLabels.board_overdue} 1`);
    expect(boards).not.toContain("低保对象名单");
    const notices = w.find('[data-testid="todo-notices"]').text();
    expect(notices).toContain("关于村道硬化工程的公示");
    expect(notices).toContain(TodoKindLabels.repost);
    const documents = w.find('[data-testid="todo-documents"]').text();
    expect(documents).toContain("《示范镇农村集体三资管理办法》（示政发〔2019〕5号）");
    expect(documents).toContain(`${TodoKindLabels.document_cleanup} 1`);
    expect(w.find('[data-testid="home-notices"]').text()).toContain("关于做好年度报告编制工作的通知");
    const payouts = w.find('[data-testid="home-payouts"]').text();
    expect(payouts).toContain("2026-12-04 期满");
    expect(payouts).toContain("高龄津贴（2 人）");
    expect(w.text()).toContain("今天 2026-12-01");
    expect(unnamedControls()).toEqual([]);
    w.unmount();
  });

  it("a row opens the screen where it is done, naming what it is about", async () => {
    serve({ home_todo: todo, sync_status: () => ({ notices: [] }), payouts_list: () => ({ lists: [] }) });
    const { w, router } = mountHome();
    await settle();
    await w.find('[data-testid="todo-records"] [data-testid="todo-open"]').trigger("click");
    await settle();
    expect(router.currentRoute.value.fullPath).toBe("/records?open=r1");
    const repost = w.find('[data-testid="todo-row-repost"] [data-testid="todo-open"]');
    expect(repost.attributes("aria-label")).toBe("去处理：关于村道硬化工程的公示");
    await repost.trigger("click");
    await settle();
    expect(router.currentRoute.value.fullPath).toBe("/boards?open=p2");
    await w.find('[data-testid="todo-row-document_cleanup"] [data-testid="todo-open"]').trigger("click");
    await settle();
    expect(router.currentRoute.value.path).toBe("/documents");
    expect(router.currentRoute.value.query).toEqual({ tab: "cleanup", open: "d1" });
    w.unmount();
  });

  it("an empty day says so, and a failing command leaves the other panels", async () => {
    serve({ home_todo: () => ({ today: "2026-12-01", recordsDue: 0, rows: [] }), payouts_list: () => ({ lists: [] }) });
    const { w } = mountHome();
    await settle();
    expect(w.find('[data-testid="todo-boards"]').text()).toContain("各公开栏都已按期更新。");
    expect(w.find('[data-testid="todo-records"]').text()).toContain("没有逾期或即将到期的信息。");
    expect(w.find('[data-testid="todo-documents"]').text()).toContain("本年度清理的文件都已作出决定。");
    expect(w.text()).toContain("未模拟的命令：sync_status");
    w.unmount();
  });
});
