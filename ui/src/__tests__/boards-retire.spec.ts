// 停用公开栏: a board chosen and retired from today through board_retire, after which the boards tab
// lists only the boards still in use; the core's refusal shown in the dialog.
import { beforeEach, describe, expect, it } from "vitest";
import { mount } from "@vue/test-utils";
import ElementPlus from "element-plus";
import { defineComponent, h } from "vue";
import { createMemoryHistory, createRouter } from "vue-router";
import BoardsView from "@/views/boards/BoardsView.vue";
import type { Board, BoardRetireArgs } from "@/api/bindings";
import { today } from "@/views/records/dates";
import { app } from "@/state/app";
import { flush, profile, serve } from "./fixtures";
import { unnamedControls } from "./a11y";

function board(id: string, villageId: string, villageName: string, extra: Partial<Board> = {}): Board {
  return {
    id,
    villageId,
    villageName,
    name: "三务公开栏",
    location: "",
    templateId: null,
    templateName: null,
    deviationReason: null,
    layoutVersion: 1,
    shownVersion: 1,
    retiredOn: null,
    width: 2400,
    height: 1200,
    zones: [],
    updatedAt: "2026-12-01T00:00:00Z",
    ...extra,
  };
}

/** A date field standing in for el-date-picker, whose calendar panel renders on mount and costs
 *  seconds under happy-dom (see records-view.spec.ts); its aria-label falls through to the input. */
const DateField = defineComponent({
  props: { modelValue: { type: String, default: "" } },
  emits: ["update:modelValue"],
  setup(props, { emit }) {
    return () => h("input", { type: "date", value: props.modelValue, onInput: (e: Event) => emit("update:modelValue", (e.target as HTMLInputElement).value) });
  },
});

async function settle() {
  for (let i = 0; i < 4; i++) await flush();
}

async function mountBoards() {
  const router = createRouter({ history: createMemoryHistory(), routes: [{ path: "/boards", component: BoardsView }] });
  await router.push("/boards");
  const w = mount({ template: "<router-view />" }, { global: { plugins: [ElementPlus, router], stubs: { ElDatePicker: DateField } }, attachTo: document.body });
  await settle();
  return w;
}

async function chooseBoard(village: string) {
  (document.body.querySelector('[data-testid="retire-board"]') as HTMLElement).click();
  await settle();
  ([...document.body.querySelectorAll(".el-select-dropdown__item")].find((o) => o.textContent?.includes(village)) as HTMLElement).click();
  await settle();
}

describe("停用公开栏", () => {
  beforeEach(() => {
    document.body.innerHTML = "";
    app.profile = profile({
      villages: [
        { id: "v1", name: "东山村", code: "999901101201", kind: "village" },
        { id: "v2", name: "西岭村", code: "999901101202", kind: "village" },
      ],
    });
  });

  it("retires the chosen board from today and lists only the boards still in use", async () => {
    let retired: BoardRetireArgs | null = null;
    serve({
      boards_list: () => ({ boards: retired ? [board("b2", "v2", "西岭村")] : [board("b1", "v1", "东山村"), board("b2", "v2", "西岭村")] }),
      board_templates_list: () => ({ templates: [] }),
      board_retire: (args) => {
        retired = args as BoardRetireArgs;
        return board("b1", "v1", "东山村", { retiredOn: retired.on });
      },
    });
    const w = await mountBoards();
    expect(document.body.querySelector('[data-testid="boards-table"]')?.textContent).toContain("东山村");
    await w.find('[data-testid="retire-open"]').trigger("click");
    await settle();
    const submit = () => document.body.querySelector('[data-testid="retire-submit"]') as HTMLButtonElement;
    expect(submit().disabled).toBe(true);
    expect(unnamedControls()).toEqual([]);
    await chooseBoard("东山村");
    expect(submit().disabled).toBe(false);
    submit().click();
    await settle();
    expect(retired).toEqual({ id: "b1", on: today() });
    expect(document.body.textContent).toContain(`东山村的“三务公开栏”已于 ${today()} 停用`);
    const table = document.body.querySelector('[data-testid="boards-table"]')?.textContent ?? "";
    expect(table).toContain("西岭村");
    expect(table).not.toContain("东山村");
    w.unmount();
  });

  it("shows the core's refusal in the dialog", async () => {
    serve({
      boards_list: () => ({ boards: [board("b1", "v1", "东山村")] }),
      board_templates_list: () => ({ templates: [] }),
      board_retire: () => {
        throw { code: "invalid", message: "停用日期“2026-13-01”应写成 2026-11-30 的格式" };
      },
    });
    const w = await mountBoards();
    await w.find('[data-testid="retire-open"]').trigger("click");
    await settle();
    await chooseBoard("东山村");
    (document.body.querySelector('[data-testid="retire-submit"]') as HTMLButtonElement).click();
    await settle();
    expect(document.body.querySelector('[data-testid="retire-problem"]')?.textContent).toContain("应写成 2026-11-30 的格式");
    w.unmount();
  });
});
