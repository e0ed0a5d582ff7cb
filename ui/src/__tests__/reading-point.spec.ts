import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { mount } from "@vue/test-utils";
import ElementPlus from "element-plus";
import { idleTimer } from "@/views/reading/idle";
import PinDialog from "@/views/reading/PinDialog.vue";
import ReadingApp from "@/views/reading/ReadingApp.vue";
import type { ReadingStart } from "@/api/bindings";
import { flush, serve } from "./fixtures";

describe("查阅点：无人操作计时", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("fires after the idle time, and every touch or key starts the count again", () => {
    const target = new EventTarget();
    const onIdle = vi.fn();
    const timer = idleTimer(60, onIdle, target);
    vi.advanceTimersByTime(59_000);
    target.dispatchEvent(new Event("pointerdown"));
    vi.advanceTimersByTime(59_000);
    target.dispatchEvent(new Event("keydown"));
    vi.advanceTimersByTime(59_000);
    expect(onIdle).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1_000);
    expect(onIdle).toHaveBeenCalledTimes(1);
    timer.stop();
    target.dispatchEvent(new Event("pointerdown"));
    vi.advanceTimersByTime(120_000);
    expect(onIdle).toHaveBeenCalledTimes(1);
  });
});

const start: ReadingStart = {
  township: "示范镇",
  idleSeconds: 30,
  pinSet: true,
  domains: [{ name: "社会救助", items: 12 }],
  notices: [
    { listId: "L1", title: "2026年耕地地力保护补贴", village: "东山村", rows: 2, postedOn: "2026-11-25", endsOn: "2026-12-01" },
  ],
  records: [],
  documents: [],
  portal: [],
  portalNote: "本镇尚未设置县级政务公开平台地址，暂无手机扫码查看。",
};

describe("查阅点首页", () => {
  beforeEach(() => {
    document.body.innerHTML = "";
  });

  it("goes back to the start screen after the idle time the workstation set", async () => {
    serve({
      // One second, so the test waits for the real timer the screen sets from it.
      reading_start: () => ({ ...start, idleSeconds: 1 }),
      reading_domain: () => ({
        items: [{ key: "社会救助/低保/审批", domain: "社会救助", level1: "低保", level2: "低保审批", content: "对象、标准", basis: "", timeLimit: "20个工作日", subject: "乡镇", channels: ["政府网站"], audience: [], mode: [], level: [] }],
      }),
    });
    const w = mount(ReadingApp, { global: { plugins: [ElementPlus] }, attachTo: document.body });
    await flush();
    expect(w.find('[data-testid="reading-notices"]').text()).toContain("东山村");
    await w.find('[data-testid="reading-domains"] button').trigger("click");
    await flush();
    expect(w.find('[data-testid="reading-domain"]').text()).toContain("低保审批");
    await new Promise((r) => setTimeout(r, 500));
    expect(w.find('[data-testid="reading-domain"]').exists()).toBe(true);
    await new Promise((r) => setTimeout(r, 700));
    await flush();
    expect(w.find('[data-testid="reading-domain"]').exists()).toBe(false);
    expect(w.find('[data-testid="reading-domains"]').exists()).toBe(true);
    w.unmount();
  });
});

describe("退出查阅模式", () => {
  beforeEach(() => {
    document.body.innerHTML = "";
  });

  it("asks the shell with the PIN typed and shows its refusal", async () => {
    const mock = serve({ reading_leave: () => ({ allowed: false, message: "密码不正确", waitSeconds: null }) });
    const w = mount(PinDialog, {
      props: { pinSet: true, modelValue: true },
      global: { plugins: [ElementPlus] },
      attachTo: document.body,
    });
    await flush();
    const field = document.querySelector('[data-testid="reading-pin"]') as HTMLInputElement;
    field.value = "1357";
    field.dispatchEvent(new Event("input"));
    (document.querySelector(".pin") as HTMLFormElement).dispatchEvent(new Event("submit"));
    await flush();
    expect(mock).toHaveBeenCalledWith("reading_leave", { args: { pin: "1357" } });
    expect(document.querySelector('[data-testid="reading-pin-message"]')?.textContent).toBe("密码不正确");
    expect(field.value).toBe("");
    w.unmount();
  });

  it("without a PIN set says so and offers nothing to type", async () => {
    const mock = serve({});
    mock.mockClear();
    const w = mount(PinDialog, {
      props: { pinSet: false, modelValue: true },
      global: { plugins: [ElementPlus] },
      attachTo: document.body,
    });
    await flush();
    expect(document.querySelector('[data-testid="reading-no-pin"]')?.textContent).toContain("未设置退出密码");
    expect(document.querySelector('[data-testid="reading-pin"]')).toBeNull();
    expect(mock).not.toHaveBeenCalled();
    w.unmount();
  });
});

describe("设置 → 查阅点", () => {
  beforeEach(() => {
    document.body.innerHTML = "";
  });

  it("shows the idle time, saves a new PIN once and never shows it again", async () => {
    const mock = serve({
      reading_settings_get: () => ({ idleSeconds: 90, pinSet: false }),
      reading_settings_save: (args) => ({ idleSeconds: (args as { idleSeconds: number }).idleSeconds, pinSet: true }),
    });
    const { default: ReadingSettingsTab } = await import("@/views/reading/ReadingSettingsTab.vue");
    const w = mount(ReadingSettingsTab, { global: { plugins: [ElementPlus] }, attachTo: document.body });
    await flush();
    expect((w.find('[data-testid="reading-idle"] input').element as HTMLInputElement).value).toBe("90");
    await w.find('input[data-testid="reading-pin-new"]').setValue("2468");
    await w.find("form").trigger("submit");
    await flush();
    expect(mock).toHaveBeenCalledWith("reading_settings_save", { args: { idleSeconds: 90, pin: "2468" } });
    expect((w.find('input[data-testid="reading-pin-new"]').element as HTMLInputElement).value).toBe("");
    expect(w.find('input[data-testid="reading-pin-new"]').attributes("placeholder")).toContain("已设置");
    w.unmount();
  });
});
