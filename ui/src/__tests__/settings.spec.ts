import { beforeEach, describe, expect, it, vi } from "vitest";
import { invoke } from "@tauri-apps/api/core";
import { mount } from "@vue/test-utils";
import ElementPlus from "element-plus";
import SettingsView from "@/views/settings/SettingsView.vue";
import TownshipTab from "@/views/settings/TownshipTab.vue";
import PeopleTab from "@/views/settings/PeopleTab.vue";
import OfficesTab from "@/views/settings/OfficesTab.vue";
import VillagesTab from "@/views/settings/VillagesTab.vue";
import DataTab from "@/views/settings/DataTab.vue";
import { app } from "@/state/app";
import { flush, profile, serve, status } from "./fixtures";

const plugins = [ElementPlus];

function typeInto(selector: string, value: string) {
  const input = document.querySelector(selector) as HTMLInputElement;
  input.value = value;
  input.dispatchEvent(new Event("input"));
}

function click(selector: string) {
  (document.querySelector(selector) as HTMLElement).click();
}

function buttonWithText(text: string): HTMLButtonElement {
  const button = [...document.querySelectorAll("button")].find((b) => b.textContent?.trim() === text);
  if (!button) throw new Error(`没有“${text}”按钮`);
  return button as HTMLButtonElement;
}

describe("settings", () => {
  beforeEach(() => {
    document.body.innerHTML = "";
    vi.mocked(invoke).mockReset();
    app.status = status("ready");
    app.profile = profile();
  });

  it("has the five tab headers the e2e suite clicks, and switching shows the tab", async () => {
    serve({ mask_rules_get: () => ({}) });
    const w = mount(SettingsView, { global: { plugins }, attachTo: document.body });
    await flush();
    for (const id of ["tab-township", "tab-villages", "tab-offices", "tab-people", "tab-data"]) {
      expect(w.find(`[data-testid="${id}"]`).exists(), id).toBe(true);
    }
    expect(w.find('[data-testid="tab-villages"]').text()).toBe("村（社区）");
    // The township form is the first tab and filled from the profile.
    expect((w.find('input[data-testid="township-name"]').element as HTMLInputElement).value).toBe("示范镇");

    await w.find('[data-testid="tab-villages"]').trigger("click");
    await flush();
    const villages = w.find('[data-testid="village-name-cell"]');
    expect(villages.exists()).toBe(true);
    expect(villages.isVisible()).toBe(true);
    expect(villages.text()).toBe("东山村");
    w.unmount();
  });

  it("saves the township and replaces the profile with the core's answer", async () => {
    const updated = profile();
    updated.township = { ...updated.township, name: "樟溪镇", creditCode: "11360982MB1234567X" };
    const mock = serve({ township_update: () => updated });
    const w = mount(TownshipTab, { global: { plugins }, attachTo: document.body });
    await w.find('input[data-testid="township-name"]').setValue("樟溪镇");
    await w.find('input[data-testid="township-credit-code"]').setValue("11360982MB1234567X");
    await w.find('[data-testid="township-save"]').trigger("submit");
    await flush();
    expect(mock).toHaveBeenCalledWith("township_update", {
      args: { name: "樟溪镇", county: "示范县", divisionCode: "999901101", creditCode: "11360982MB1234567X" },
    });
    expect(app.profile?.township.name).toBe("樟溪镇");
    expect(document.body.textContent).toContain("已保存");
    w.unmount();
  });

  it("will not save a township without a name", async () => {
    const mock = serve({});
    const w = mount(TownshipTab, { global: { plugins }, attachTo: document.body });
    await w.find('input[data-testid="township-name"]').setValue("  ");
    expect(w.find('[data-testid="township-save"]').attributes("disabled")).toBeDefined();
    expect(w.text()).toContain("请填写镇（街道）名称");
    expect(mock).not.toHaveBeenCalled();
    w.unmount();
  });

  it("adds a person with roles, shown as tags in the order 拟稿 审核 审定", async () => {
    const saved = profile();
    saved.people = [
      ...saved.people,
      { id: "p2", name: "王芳", officeId: "o1", officeName: "党政综合办公室", roles: ["review", "approve"] },
    ];
    const mock = serve({ person_save: () => saved });
    const w = mount(PeopleTab, { global: { plugins }, attachTo: document.body });
    await w.find('[data-testid="person-add"]').trigger("click");
    await flush();
    typeInto('input[data-testid="person-name"]', "王芳");
    await flush();
    const roleBoxes = [...document.querySelectorAll(".el-dialog .el-checkbox")];
    expect(roleBoxes.map((c) => c.textContent?.trim())).toEqual(["拟稿", "审核", "审定"]);
    for (const label of ["审核", "审定"]) {
      (roleBoxes.find((c) => c.textContent?.trim() === label)?.querySelector("input") as HTMLInputElement).click();
      await flush(); // a clerk's clicks are never within one render
    }
    click('[data-testid="person-save"]');
    await flush();
    await flush();
    expect(mock).toHaveBeenCalledWith("person_save", {
      args: { id: null, name: "王芳", officeId: null, roles: ["review", "approve"] },
    });
    const rows = [...document.querySelectorAll(".el-table__body tr")].map((r) => r.textContent ?? "");
    expect(rows).toHaveLength(2);
    expect(rows[1]).toContain("王芳");
    expect(rows[1]).toContain("审核");
    expect(rows[1]).toContain("审定");
    expect(rows[1]).not.toContain("拟稿");
    w.unmount();
  });

  it("edits an office and sends its id", async () => {
    const saved = profile({ offices: [{ id: "o1", name: "党政综合办公室", phone: "0799-5550199" }] });
    const mock = serve({ office_save: () => saved });
    const w = mount(OfficesTab, { global: { plugins }, attachTo: document.body });
    await flush();
    buttonWithText("编辑").click();
    await flush();
    typeInto('input[data-testid="office-phone"]', "0799-5550199");
    await flush();
    click('[data-testid="office-save"]');
    await flush();
    await flush();
    expect(mock).toHaveBeenCalledWith("office_save", {
      args: { id: "o1", name: "党政综合办公室", phone: "0799-5550199" },
    });
    expect(document.querySelector(".el-table__body")?.textContent).toContain("0799-5550199");
    w.unmount();
  });

  it("asks before deleting a village and deletes only after confirmation", async () => {
    const mock = serve({ village_delete: () => profile({ villages: [] }) });
    const w = mount(VillagesTab, { global: { plugins }, attachTo: document.body });
    await flush();
    buttonWithText("删除").click();
    await flush();
    await flush();
    expect(document.body.textContent).toContain("确定删除村（社区）“东山村”吗？");
    expect(mock).not.toHaveBeenCalled();
    const confirm = [...document.querySelectorAll(".el-message-box button")].find((b) => b.textContent?.trim() === "删除");
    (confirm as HTMLButtonElement).click();
    await flush();
    await flush();
    expect(mock).toHaveBeenCalledWith("village_delete", { args: { id: "v1" } });
    expect(document.querySelectorAll('[data-testid="village-name-cell"]')).toHaveLength(0);
    w.unmount();
  });

  it("backs up and checks the database", async () => {
    const mock = serve({
      backup_status: () => ({ passphraseSetAt: "2026-11-20T08:00:00.000Z", keyStorage: "系统密钥库（Secret Service）" }),
      backup_create: () => ({ path: "/tmp/测试/备份/gongkai-20261124.sqlite3", bytes: 1572864 }),
      db_check: () => ({ ok: true, schemaVersion: 3, integrity: "ok", villages: 1, offices: 1, people: 1 }),
    });
    const w = mount(DataTab, { global: { plugins }, attachTo: document.body });
    expect(w.text()).toContain("/tmp/测试/gongkai.sqlite3");
    await flush();
    await w.find('[data-testid="backup-now"]').trigger("click");
    await flush();
    expect(mock).toHaveBeenCalledWith("backup_create", { args: { out: null } });
    expect(w.find('[data-testid="backup-result"]').text()).toContain("/tmp/测试/备份/gongkai-20261124.sqlite3（1.5 MB）");
    await w.find('[data-testid="check-now"]').trigger("click");
    await flush();
    expect(mock).toHaveBeenCalledWith("db_check", { args: {} });
    expect(w.find('[data-testid="check-result"]').text()).toContain("完整性检查通过");
    w.unmount();
  });
});
