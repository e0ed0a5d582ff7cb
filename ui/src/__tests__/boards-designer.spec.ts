// The layout designer: a zone dragged with the pointer moves (rounded to 10 mm), a drop on another
// zone is refused with both named, handles resize to whole sheets, arrow keys move by 10 mm, and
// every control has a name.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { mount } from "@vue/test-utils";
import ElementPlus from "element-plus";
import LayoutDesigner from "@/views/boards/LayoutDesigner.vue";
import type { DesignZone, Rect } from "@/views/boards/layout";
import { flush } from "./fixtures";
import { unnamedControls } from "./a11y";

function zone(name: string, rect: Rect, extra: Partial<DesignZone> = {}): DesignZone {
  return { id: `z-${name}`, key: `z-${name}`, name, rect, cadence: "monthly", dueDay: 15, dueWithinDays: null, dueInWorkingDays: false, minDays: 10, ...extra };
}

const sanwu = () => [
  zone("党务公开", { x: 60, y: 120, width: 700, height: 940 }, { cadence: "half_yearly" }),
  zone("村务公开", { x: 850, y: 120, width: 700, height: 940 }, { cadence: "quarterly" }),
  zone("财务公开", { x: 1640, y: 120, width: 700, height: 940 }),
];

/**
 * The board as drawn: 2400 mm plus the 6 % border on each side (2 × 144) shown 2688 px wide, so
 * one screen pixel is one millimetre and the drags below read in millimetres.
 */
const SHOWN_PX = 2400 + 2 * 144;

function mountDesigner(zones: DesignZone[]) {
  const w = mount(LayoutDesigner, {
    props: { width: 2400, height: 1200, zones, "onUpdate:zones": (z: DesignZone[]) => w.setProps({ zones: z }) },
    global: { plugins: [ElementPlus] },
    attachTo: document.body,
  });
  return w;
}

type Designer = ReturnType<typeof mountDesigner>;
const current = (w: Designer) => w.props("zones");
const rectOf = (w: Designer, name: string) => current(w).find((z) => z.name === name)!.rect;

async function dragBy(w: Designer, target: string, dx: number, dy: number) {
  const svg = w.find('[data-testid="designer-board"]');
  await w.find(target).trigger("pointerdown", { pointerId: 7, button: 0, clientX: 500, clientY: 400 });
  await svg.trigger("pointermove", { pointerId: 7, clientX: 500 + dx / 2, clientY: 400 + dy / 2 });
  await svg.trigger("pointerup", { pointerId: 7, clientX: 500 + dx, clientY: 400 + dy });
  await flush();
}

describe("版面设计", () => {
  beforeEach(() => {
    document.body.innerHTML = "";
    vi.spyOn(SVGElement.prototype, "getBoundingClientRect").mockReturnValue({ x: 0, y: 0, left: 0, top: 0, right: SHOWN_PX, bottom: 600, width: SHOWN_PX, height: 600, toJSON: () => ({}) } as DOMRect);
  });
  afterEach(() => vi.restoreAllMocks());

  it("dragging a zone moves it, rounded to 10 mm, and says what it holds", async () => {
    const w = mountDesigner(sanwu());
    await flush();
    await dragBy(w, '[data-testid="zone-财务公开"]', -33, 14);
    expect(rectOf(w, "财务公开")).toEqual({ x: 1610, y: 130, width: 700, height: 940 });
    expect(rectOf(w, "村务公开")).toEqual({ x: 850, y: 120, width: 700, height: 940 });
    expect(w.find('[data-testid="designer-refusal"]').exists()).toBe(false);
    expect(w.find('[data-testid="zone-fit"]').text()).toBe("可贴 A4 竖放 3×3 = 9 张");
    w.unmount();
  });

  it("a drop on another zone is refused with both named, and the zone stays", async () => {
    const w = mountDesigner(sanwu());
    await flush();
    await dragBy(w, '[data-testid="zone-财务公开"]', -200, 0);
    expect(rectOf(w, "财务公开")).toEqual({ x: 1640, y: 120, width: 700, height: 940 });
    expect(w.find('[data-testid="designer-refusal"]').text()).toContain("版块“财务公开”与“村务公开”重叠");
    // A drop off the board is refused with the edge named.
    await dragBy(w, '[data-testid="zone-财务公开"]', 100, 0);
    expect(rectOf(w, "财务公开").x).toBe(1640);
    expect(w.find('[data-testid="designer-refusal"]').text()).toContain("版块“财务公开”的右边超出公开栏 40 mm");
    // The next move that may stand clears the message.
    await dragBy(w, '[data-testid="zone-财务公开"]', 40, 0);
    expect(rectOf(w, "财务公开").x).toBe(1680);
    expect(w.find('[data-testid="designer-refusal"]').exists()).toBe(false);
    w.unmount();
  });

  it("a handle resizes to whole sheets of the chosen paper", async () => {
    const w = mountDesigner(sanwu());
    await flush();
    await w.find('[data-testid="zone-党务公开"]').trigger("pointerdown", { pointerId: 1, button: 0, clientX: 0, clientY: 0 });
    await w.find('[data-testid="designer-board"]').trigger("pointerup", { pointerId: 1, clientX: 0, clientY: 0 });
    // Pull the bottom edge up by 300 mm: 940 − 300 = 640 → 2 rows of A4 portrait, 614 mm.
    await dragBy(w, '[data-testid="handle-s"]', 0, -300);
    expect(rectOf(w, "党务公开")).toEqual({ x: 60, y: 120, width: 700, height: 614 });
    expect(w.find('[data-testid="zone-fit"]').text()).toBe("可贴 A4 竖放 3×2 = 6 张");
    w.unmount();
  });

  it("arrow keys move the selected zone by 10 mm, refused at another zone", async () => {
    const w = mountDesigner(sanwu());
    await flush();
    const g = w.find('[data-testid="zone-村务公开"]');
    await g.trigger("keydown", { key: "ArrowDown" });
    await g.trigger("keydown", { key: "ArrowLeft" });
    expect(rectOf(w, "村务公开")).toEqual({ x: 840, y: 130, width: 700, height: 940 });
    expect((w.find('input[data-testid="zone-name"]').element as HTMLInputElement).value).toBe("村务公开");
    // 党务 ends at 760: eight presses take 840 to 760, the ninth would overlap.
    for (let i = 0; i < 9; i++) await w.find('[data-testid="zone-村务公开"]').trigger("keydown", { key: "ArrowLeft" });
    expect(rectOf(w, "村务公开").x).toBe(760);
    expect(w.find('[data-testid="designer-refusal"]').text()).toContain("版块“村务公开”与“党务公开”重叠");
    w.unmount();
  });

  it("adds a zone where there is room, edits its cadence, and names every control", async () => {
    const w = mountDesigner([zone("监督电话", { x: 60, y: 1090, width: 2280, height: 80 }, { cadence: "standing", dueDay: null, minDays: null })]);
    await flush();
    await w.find('[data-testid="designer-add"]').trigger("click");
    await flush();
    const added = current(w)[1];
    expect(added.name).toBe("新版块2");
    expect(added.rect).toEqual({ x: 0, y: 0, width: 440, height: 297 });
    expect(w.find('[data-testid="zone-fit"]').text()).toBe("可贴 A4 竖放 2×1 = 2 张");
    await w.find('input[data-testid="zone-name"]').setValue("重大事项");
    expect(current(w)[1].name).toBe("重大事项");
    const cadence = w.findAllComponents({ name: "ElSelect" }).find((s) => s.attributes("aria-label") === "更新周期" || s.props("ariaLabel") === "更新周期")!;
    cadence.vm.$emit("update:modelValue", "as_needed");
    await flush();
    expect(current(w)[1]).toMatchObject({ cadence: "as_needed", dueDay: null, dueWithinDays: 10, dueInWorkingDays: false });
    expect(w.find('[data-testid="zone-form"]').text()).toContain("事项发生后 10 个自然日内");
    expect(unnamedControls()).toEqual([]);
    w.unmount();
  });
});
