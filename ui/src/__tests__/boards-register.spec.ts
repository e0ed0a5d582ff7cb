// 公开栏更新台账 and 异议: the register's lines per village with on-time, late and missing counted,
// exported where the clerk chooses; an objection recorded and answered.
import { beforeEach, describe, expect, it } from "vitest";
import { mount } from "@vue/test-utils";
import ElementPlus from "element-plus";
import BoardRegisterTab from "@/views/boards/BoardRegisterTab.vue";
import ObjectionsDialog from "@/views/boards/ObjectionsDialog.vue";
import { RegisterStateLabels, type ObjectionEntry, type PostingSummary, type RegisterLine } from "@/api/bindings";
import { app } from "@/state/app";
import { toWire } from "@/views/boards/wireInt";
import { flush, profile, serve } from "./fixtures";
import { unnamedControls } from "./a11y";

async function settle() {
  for (let i = 0; i < 4; i++) await flush();
}

function line(village: string, state: RegisterLine["state"], extra: Partial<RegisterLine> = {}): RegisterLine {
  return {
    village,
    boardName: "三务公开栏",
    zoneName: "财务公开",
    period: "2026年10月",
    dueOn: "2026-11-15",
    state,
    title: null,
    registerNo: null,
    postedOn: null,
    takenDownOn: null,
    daysLate: null,
    photoCount: 0,
    ...extra,
  };
}

describe("公开栏更新台账", () => {
  beforeEach(() => {
    document.body.innerHTML = "";
    app.profile = profile();
  });

  it("counts the lines by state, filters by village and exports where the clerk chooses", async () => {
    const calls = serve({
      postings_register: () => ({
        year: 2026,
        lines: [
          line("东山村", "on_time", { title: "东山村2026年10月财务收支公示", registerNo: "GK-2026-0003", postedOn: "2026-11-10", photoCount: 2 }),
          line("东山村", "late", { postedOn: "2026-11-20", daysLate: toWire(5) }),
          line("西河村", "missing"),
        ],
      }),
      pick_save_target: () => "/tmp/台账.xlsx",
      postings_register_export: () => ({ path: "/tmp/台账.xlsx" }),
    });
    const w = mount(BoardRegisterTab, { global: { plugins: [ElementPlus] }, attachTo: document.body });
    await settle();
    const counts = w.find('[data-testid="board-register-counts"]').text();
    expect(counts).toContain(`${RegisterStateLabels.on_time} 1`);
    expect(counts).toContain(`${RegisterStateLabels.missing} 1`);
    expect(w.find('[data-testid="board-register"]').text()).toContain("GK-2026-0003");
    expect(w.find('[data-testid="board-register"]').text()).toContain("5 天");
    expect(unnamedControls()).toEqual([]);
    await w.findAll("button").find((b) => b.text() === "导出 Excel")!.trigger("click");
    await settle();
    expect(calls).toHaveBeenCalledWith("postings_register_export", { args: { format: "xlsx", out: "/tmp/台账.xlsx", year: expect.any(Number) } });
    w.unmount();
  });
});

describe("异议登记", () => {
  it("records an objection and its answer", async () => {
    document.body.innerHTML = "";
    app.profile = profile();
    let objections: ObjectionEntry[] = [];
    const calls = serve({
      posting_get: () => ({ posting: {}, objections, sheet: null }),
      posting_objection_add: (args) => {
        const a = args as { receivedOn: string; fromWhom: string; content: string };
        objections = [{ id: "o1", ...a, answer: null, answeredOn: null }];
        return {};
      },
      posting_objection_answer: (args) => {
        const a = args as { answer: string; answeredOn: string };
        objections = [{ ...objections[0], ...a }];
        return {};
      },
    });
    const posting = { id: "p1", title: "2025年高龄津贴发放公示" } as PostingSummary;
    const w = mount(ObjectionsDialog, { props: { posting }, global: { plugins: [ElementPlus] }, attachTo: document.body });
    await settle();
    expect(document.body.textContent).toContain("尚未收到异议");
    const from = document.body.querySelector('input[data-testid="objection-from"]') as HTMLInputElement;
    from.value = "张大山";
    from.dispatchEvent(new Event("input"));
    const content = document.body.querySelector('textarea[data-testid="objection-content"]') as HTMLTextAreaElement;
    content.value = "名单漏了我家老人";
    content.dispatchEvent(new Event("input"));
    await settle();
    expect(unnamedControls()).toEqual([]);
    (document.body.querySelector('[data-testid="objection-add"]') as HTMLButtonElement).click();
    await settle();
    expect(calls).toHaveBeenCalledWith("posting_objection_add", { args: { postingId: "p1", receivedOn: expect.any(String), fromWhom: "张大山", content: "名单漏了我家老人" } });
    expect(document.body.querySelector('[data-testid="objection"]')?.textContent).toContain("张大山");
    const answer = document.body.querySelector('[data-testid="objection"] input[aria-label="对张大山异议的答复"]') as HTMLInputElement;
    answer.value = "经核实已补录";
    answer.dispatchEvent(new Event("input"));
    await settle();
    [...document.body.querySelectorAll('[data-testid="objection"] button')].find((b) => b.textContent?.includes("登记答复"))!.dispatchEvent(new MouseEvent("click", { bubbles: true }));
    await settle();
    expect(calls).toHaveBeenCalledWith("posting_objection_answer", { args: { id: "o1", answer: "经核实已补录", answeredOn: expect.any(String) } });
    expect(document.body.querySelector('[data-testid="objection"]')?.textContent).toContain("答复：经核实已补录");
    w.unmount();
  });
});
