import { beforeEach, describe, expect, it } from "vitest";
import { mount } from "@vue/test-utils";
import ElementPlus from "element-plus";
import App from "@/App.vue";
import { areas } from "@/areas";
import { router, screens } from "@/router";
import { flush, serve, status } from "./fixtures";

async function mountApp(path = "/") {
  await router.push(path);
  await router.isReady();
  const wrapper = mount(App, { global: { plugins: [ElementPlus, router] }, attachTo: document.body });
  await flush();
  await flush();
  return wrapper;
}

describe("start-up", () => {
  beforeEach(() => {
    document.body.innerHTML = "";
  });

  it("shows first-start setup when there is no database", async () => {
    serve({ app_status: () => status("missing") });
    const w = await mountApp();
    expect(w.text()).toContain("新建本镇（街道）");
    expect(w.text()).toContain("打开示范镇");
    expect(w.text()).toContain("/tmp/测试/gongkai.sqlite3");
    expect(w.find('[data-testid="township-title"]').exists()).toBe(false);
    w.unmount();
  });

  it("shows setup for a database without a township", async () => {
    serve({ app_status: () => status("empty") });
    const w = await mountApp();
    expect(w.find('[data-testid="setup-open-demo"]').exists()).toBe(true);
    w.unmount();
  });

  it("shows why a broken database cannot be opened", async () => {
    serve({ app_status: () => status("broken", { problem: "数据库完整性检查未通过" }) });
    const w = await mountApp();
    expect(w.find('[data-testid="broken-problem"]').text()).toBe("数据库完整性检查未通过");
    expect(w.find('[data-testid="setup-open-demo"]').exists()).toBe(false);
    w.unmount();
  });

  it("explains when the core cannot be reached at all", async () => {
    serve({});
    const w = await mountApp();
    expect(w.text()).toContain("无法打开数据库");
    expect(w.text()).toContain("未模拟的命令：app_status");
    w.unmount();
  });

  it("shows the township and the ten areas in order when ready", async () => {
    serve({ app_status: () => status("ready") });
    const w = await mountApp();
    expect(w.find('[data-testid="township-title"]').text()).toBe("示范镇 · 示范县");
    const nav = w.findAll('[data-testid^="nav-"]').map((n) => n.text());
    expect(nav).toEqual(["事项目录", "公开记录", "补贴清册", "公开栏", "工作要点", "规范性文件", "依申请公开", "年度报告", "同步", "设置"]);
    w.unmount();
  });

  it("gives every area of the navigation its own screen", () => {
    const missing = areas.filter((area) => !screens[area.key]).map((area) => area.label);
    expect(missing).toEqual([]);
    expect(new Set(areas.map((area) => screens[area.key])).size).toBe(areas.length);
  });
});
