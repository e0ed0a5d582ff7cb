// 公开栏与版面: a template applied to every village after a confirmation, a board opened in the
// designer and saved whole (a layout with postings comes back as a new version), a payout list's
// notices put on each village's 村务 zone.
import { beforeEach, describe, expect, it } from "vitest";
import { mount } from "@vue/test-utils";
import ElementPlus from "element-plus";
import { createMemoryHistory, createRouter } from "vue-router";
import BoardsTab from "@/views/boards/BoardsTab.vue";
import BoardsView from "@/views/boards/BoardsView.vue";
import PostPayoutsDialog from "@/views/boards/PostPayoutsDialog.vue";
import type { Board, BoardLayoutInput, BoardTemplateApplyArgs, BoardZone, PostingAddArgs } from "@/api/bindings";
import { app } from "@/state/app";
import { flush, payoutList, profile, serve } from "./fixtures";
import { unnamedControls } from "./a11y";

function zone(position: number, name: string, x: number): BoardZone {
  return {
    id: `z${position}`,
    position,
    name,
    rect: { x, y: 120, width: 700, height: 940 },
    cadence: "quarterly",
    dueDay: 15,
    dueWithinDays: null,
    dueInWorkingDays: false,
    minDays: 10,
    rule: "每季度，次季首月 15 日前",
    sheetFits: [],
  };
}

function board(id: string, villageId: string | null, villageName: string | null, extra: Partial<Board> = {}): Board {
  return {
    id,
    villageId,
    villageName,
    name: villageId ? "三务公开栏" : "政务公开栏",
    location: "",
    templateId: "sanwu",
    templateName: "三务公开栏（党务·村务·财务）",
    deviationReason: null,
    layoutVersion: 1,
    shownVersion: 1,
    retiredOn: null,
    width: 2400,
    height: 1200,
    zones: [zone(1, "党务公开", 60), zone(2, "村务公开", 850), zone(3, "财务公开", 1640)],
    updatedAt: "2026-12-01T00:00:00Z",
    ...extra,
  };
}

const templates = () => ({
  templates: [
    { id: "sanwu", name: "三务公开栏（党务·村务·财务）", scope: "village", note: "党务/村务/财务三栏", width: 2400, height: 1200, zones: [], updatedAt: "" },
    { id: "township", name: "乡镇政务公开栏", scope: "township", note: "", width: 2400, height: 1200, zones: [], updatedAt: "" },
  ],
});

async function settle() {
  for (let i = 0; i < 4; i++) await flush();
}

const twoVillages = () =>
  profile({
    villages: [
      { id: "v1", name: "东山村", code: "999901101201", kind: "village" },
      { id: "v2", name: "西岭村", code: "999901101202", kind: "village" },
    ],
  });

describe("公开栏与版面", () => {
  beforeEach(() => {
    document.body.innerHTML = "";
    app.profile = twoVillages();
  });

  it("applies the template to every village after the clerk confirms", async () => {
    let applied: BoardTemplateApplyArgs | null = null;
    const calls = serve({
      boards_list: () => ({ boards: [] }),
      board_templates_list: templates,
      board_template_apply: (args) => {
        applied = args as BoardTemplateApplyArgs;
        return { created: ["b1", "b2"], replaced: [], kept: [], boards: [board("b1", "v1", "东山村"), board("b2", "v2", "西岭村")] };
      },
    });
    calls.mockClear();
    const w = mount(BoardsTab, { global: { plugins: [ElementPlus] }, attachTo: document.body });
    await settle();
    expect(w.text()).toContain("尚无公开栏：东山村、西岭村");
    expect(unnamedControls()).toEqual([]);
    await w.find('[data-testid="template-apply-all"]').trigger("click");
    await settle();
    expect(document.body.querySelector(".el-message-box")?.textContent).toContain("将“三务公开栏（党务·村务·财务）”应用到全部 2 个村（社区）");
    expect(calls).not.toHaveBeenCalledWith("board_template_apply", expect.anything());
    (document.body.querySelector(".el-message-box .el-button--primary") as HTMLButtonElement).click();
    await settle();
    await settle();
    expect(applied).toEqual({ templateId: "sanwu", villageIds: null, replace: false });
    expect(w.find('[data-testid="boards-table"]').text()).toContain("西岭村");
    w.unmount();
  });

  it("opens a board in the designer and saves its layout; postings on it make a new version", async () => {
    let saved: BoardLayoutInput | null = null;
    serve({
      boards_list: () => ({ boards: [board("b1", "v1", "东山村")] }),
      board_templates_list: templates,
      postings_list: () => ({ postings: [{ id: "p1" }], rounds: [] }),
      board_layout_save: (args) => {
        saved = args as BoardLayoutInput;
        return board("b1", "v1", "东山村", { layoutVersion: 2, shownVersion: 2, deviationReason: "村部墙面较窄" });
      },
    });
    const w = mount(BoardsTab, { global: { plugins: [ElementPlus] }, attachTo: document.body });
    await settle();
    await w.find('[data-testid="board-open"]').trigger("click");
    await settle();
    expect(w.find('[data-testid="board-editor"]').text()).toContain("另存为新版面");
    // Move 财务公开 right by 10 mm with the keyboard, then give the reason for departing from the template.
    await w.find('[data-testid="zone-财务公开"]').trigger("keydown", { key: "ArrowRight" });
    await w.find('input[data-testid="deviation-reason"]').setValue("村部墙面较窄");
    expect(unnamedControls()).toEqual([]);
    await w.find('[data-testid="board-layout-save"]').trigger("click");
    await settle();
    expect(saved).toMatchObject({ boardId: "b1", width: 2400, height: 1200, deviationReason: "村部墙面较窄" });
    expect(saved!.zones.map((z) => [z.id, z.name, z.rect.x])).toEqual([
      ["z1", "党务公开", 60],
      ["z2", "村务公开", 850],
      ["z3", "财务公开", 1650],
    ]);
    expect(document.body.textContent).toContain("已另存为第 2 版");
    w.unmount();
  });

  it("a layout with a problem is not sent, and says which zone", async () => {
    const calls = serve({
      boards_list: () => ({ boards: [board("b1", "v1", "东山村", { zones: [zone(1, "党务公开", 60), zone(2, "党务公开", 850)] })] }),
      board_templates_list: templates,
      postings_list: () => ({ postings: [], rounds: [] }),
    });
    calls.mockClear();
    const w = mount(BoardsTab, { global: { plugins: [ElementPlus] }, attachTo: document.body });
    await settle();
    await w.find('[data-testid="board-open"]').trigger("click");
    await settle();
    await w.find('[data-testid="board-layout-save"]').trigger("click");
    await settle();
    expect(w.find('[data-testid="board-layout-problem"]').text()).toContain("有两个版块都叫“党务公开”");
    expect(calls).not.toHaveBeenCalledWith("board_layout_save", expect.anything());
    w.unmount();
  });
});

describe("公开栏", () => {
  it("opens on the tab the route names, and every control of the heading has a name", async () => {
    document.body.innerHTML = "";
    app.profile = twoVillages();
    serve({
      boards_list: () => ({ boards: [board("b1", "v1", "东山村")] }),
      board_templates_list: templates,
      postings_list: () => ({ postings: [], rounds: [] }),
    });
    const router = createRouter({ history: createMemoryHistory(), routes: [{ path: "/boards", component: BoardsView }] });
    await router.push("/boards?tab=postings&open=p1");
    const w = mount({ template: "<router-view />" }, { global: { plugins: [ElementPlus, router] }, attachTo: document.body });
    await settle();
    expect(w.find('[data-testid="postings-table"]').exists()).toBe(true);
    expect(w.find('[data-testid="boards-table"]').exists()).toBe(false);
    expect(unnamedControls()).toEqual([]);
    w.unmount();
  });
});

describe("张贴补贴清册公示", () => {
  it("puts each village's notice on its board's 村务 zone and names a village without one", async () => {
    document.body.innerHTML = "";
    app.profile = twoVillages();
    const list = { ...payoutList("posted"), villages: [{ name: "东山村", rows: 2, total_fen: 30000 }, { name: "南湖村", rows: 1, total_fen: 15000 }] };
    const added: PostingAddArgs[] = [];
    serve({
      payouts_list: () => ({ lists: [list, { ...payoutList("draft"), id: "l2" }] }),
      posting_add: (args) => {
        added.push(args as PostingAddArgs);
        return { posting: { round: "2025年高龄津贴公示", registerNo: "GK-2026-0007" }, objections: [], sheet: null };
      },
    });
    const w = mount(PostPayoutsDialog, { props: { open: true, boards: [board("b1", "v1", "东山村"), board("b2", "v2", "西岭村")] }, global: { plugins: [ElementPlus] }, attachTo: document.body });
    await settle();
    const plan = document.body.querySelector('[data-testid="payout-post-plan"]')!.textContent!.replace(/\s+/g, " ");
    expect(plan).toContain("东山村（2 人） → 三务公开栏 · 村务公开");
    expect(plan).toContain("南湖村（1 人） 没有含“村务公开”版块的公开栏");
    expect(unnamedControls()).toEqual([]);
    (document.body.querySelector('[data-testid="payout-post-submit"]') as HTMLButtonElement).click();
    await settle();
    expect(added).toEqual([expect.objectContaining({ boardId: "b1", zoneId: "z2", payoutListId: "l1", sheet: null })]);
    expect(document.body.querySelector('[data-testid="payout-post-plan"]')!.textContent).toContain("登记号 GK-2026-0007");
    expect(w.emitted("added")).toHaveLength(1);
    w.unmount();
  });
});
