import { beforeEach, describe, expect, it, vi } from "vitest";
import { invoke } from "@tauri-apps/api/core";
import { mount } from "@vue/test-utils";
import ElementPlus from "element-plus";
import AboutTab from "@/views/settings/AboutTab.vue";
import { flush, serve } from "./fixtures";

vi.mock("@tauri-apps/api/core", () => ({ invoke: vi.fn() }));

const plugins = [ElementPlus];

describe("设置 → 关于", () => {
  beforeEach(() => {
    vi.mocked(invoke).mockReset();
    document.body.innerHTML = "";
  });

  it("shows the release with the schema and sync protocol versions from the core", async () => {
    const mock = serve({
      app_version: () => ({ version: "0.2.0", schemaVersion: 16, protocolVersion: 2, wireVersion: 1 }),
    });
    const w = mount(AboutTab, { global: { plugins } });
    await flush();
    expect(mock).toHaveBeenCalledWith("app_version", { args: {} });
    expect(w.find('[data-testid="about-version"]').text()).toBe("0.2.0");
    expect(w.find('[data-testid="about-schema"]').text()).toBe("16");
    expect(w.find('[data-testid="about-protocol"]').text()).toBe("2");
    expect(w.text()).toContain("卸载本软件只删除程序");
  });

  it("says in Chinese when the core cannot answer", async () => {
    serve({});
    const w = mount(AboutTab, { global: { plugins } });
    await flush();
    expect(w.find('[data-testid="about"]').exists()).toBe(false);
    expect(w.text()).toContain("未模拟的命令：app_version");
  });
});
