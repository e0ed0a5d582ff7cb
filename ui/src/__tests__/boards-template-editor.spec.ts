// 编辑统一格式的版面: a template's zones in the designer, saved whole through board_template_save;
// the core's refusal shown where the clerk is.
import { beforeEach, describe, expect, it } from "vitest";
import { mount } from "@vue/test-utils";
import ElementPlus from "element-plus";
import TemplateEditor from "@/views/boards/TemplateEditor.vue";
import type { BoardTemplate, BoardTemplateInput, BoardZone } from "@/api/bindings";
import { app } from "@/state/app";
import { flush, profile, serve } from "./fixtures";
import { unnamedControls } from "./a11y";

function zone(position: number, name: string, x: number): BoardZone {
  return {
    id: null,
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

function template(id: string, name: string, scope: BoardTemplate["scope"], zones: BoardZone[]): BoardTemplate {
  return { id, name, scope, note: "党务/村务/财务三栏", width: 2400, height: 1200, zones, updatedAt: "2026-12-01T00:00:00Z" };
}

const sanwu = () => template("sanwu", "三务公开栏（党务·村务·财务）", "village", [zone(1, "党务公开", 60), zone(2, "村务公开", 850), zone(3, "财务公开", 1640)]);
const township = () => template("township", "乡镇政务公开栏", "township", [zone(1, "政务公开", 60)]);

async function settle() {
  for (let i = 0; i < 4; i++) await flush();
}

describe("编辑统一格式的版面", () => {
  beforeEach(() => {
    document.body.innerHTML = "";
    app.profile = profile();
  });

  it("moves a template's zone and saves the template whole, keeping its name, scope and size", async () => {
    let saved: BoardTemplateInput | null = null;
    serve({
      board_templates_list: () => ({ templates: [sanwu(), township()] }),
      board_template_save: (args) => {
        saved = args as BoardTemplateInput;
        const moved = sanwu();
        moved.zones[2].rect.x = 1650;
        return { templates: [moved, township()] };
      },
    });
    const w = mount(TemplateEditor, { props: { open: true }, global: { plugins: [ElementPlus] }, attachTo: document.body });
    await settle();
    const zoneBox = document.body.querySelector('[data-testid="zone-财务公开"]') as HTMLElement;
    expect(zoneBox).not.toBeNull();
    zoneBox.dispatchEvent(new KeyboardEvent("keydown", { key: "ArrowRight", bubbles: true }));
    await flush();
    expect(unnamedControls()).toEqual([]);
    (document.body.querySelector('[data-testid="template-edit-save"]') as HTMLButtonElement).click();
    await settle();
    expect(saved).toMatchObject({ id: "sanwu", name: "三务公开栏（党务·村务·财务）", scope: "village", note: "党务/村务/财务三栏", width: 2400, height: 1200 });
    expect(saved!.zones.map((z) => [z.id, z.name, z.rect.x, z.cadence, z.minDays])).toEqual([
      [null, "党务公开", 60, "quarterly", 10],
      [null, "村务公开", 850, "quarterly", 10],
      [null, "财务公开", 1650, "quarterly", 10],
    ]);
    expect(document.body.textContent).toContain("的版面已保存");
    expect(document.body.querySelector('[data-testid="template-edit-problem"]')).toBeNull();
    w.unmount();
  });

  it("shows the core's refusal in the editor", async () => {
    serve({
      board_templates_list: () => ({ templates: [sanwu()] }),
      board_template_save: () => {
        throw { code: "invalid", message: "统一格式“三务公开栏（党务·村务·财务）”：版块“财务公开”超出公开栏右边" };
      },
    });
    const w = mount(TemplateEditor, { props: { open: true }, global: { plugins: [ElementPlus] }, attachTo: document.body });
    await settle();
    (document.body.querySelector('[data-testid="zone-财务公开"]') as HTMLElement).dispatchEvent(new KeyboardEvent("keydown", { key: "ArrowRight", bubbles: true }));
    await flush();
    (document.body.querySelector('[data-testid="template-edit-save"]') as HTMLButtonElement).click();
    await settle();
    expect(document.body.querySelector('[data-testid="template-edit-problem"]')?.textContent).toContain("超出公开栏右边");
    w.unmount();
  });
});
