import { beforeEach, describe, expect, it, vi } from "vitest";
import { invoke } from "@tauri-apps/api/core";
import { mount } from "@vue/test-utils";
import ElementPlus from "element-plus";
import DataTab from "@/views/settings/DataTab.vue";
import { app } from "@/state/app";
import { flush, profile, serve, status } from "./fixtures";

vi.mock("@tauri-apps/api/core", () => ({ invoke: vi.fn() }));
vi.mock("@/api/files", () => ({
  chooseBackupFile: vi.fn(async () => "/media/U盘/备份.sqlite3"),
  chooseCalendarFile: vi.fn(async () => null),
}));

const plugins = [ElementPlus];
const notSet = { passphraseSetAt: null, keyStorage: "密钥文件（/home/文书/.config/gongkai/keys，仅本机当前用户可读）" };
const set = { passphraseSetAt: "2026-11-20T08:00:00.000Z", keyStorage: notSet.keyStorage };

function type(testid: string, value: string) {
  const input = document.querySelector(`[data-testid="${testid}"] input, input[data-testid="${testid}"]`) as HTMLInputElement;
  input.value = value;
  input.dispatchEvent(new Event("input"));
}

function click(testid: string) {
  (document.querySelector(`[data-testid="${testid}"]`) as HTMLButtonElement).click();
}

describe("backup passphrase and restore", () => {
  beforeEach(() => {
    vi.mocked(invoke).mockReset();
    document.body.innerHTML = "";
    app.status = status("ready");
    app.profile = app.status.profile;
  });

  it("asks for a passphrase before the first backup and sets it", async () => {
    const mock = serve({ backup_status: () => notSet, backup_passphrase_set: () => set });
    const w = mount(DataTab, { global: { plugins }, attachTo: document.body });
    await flush();
    expect(w.find('[data-testid="passphrase-missing"]').text()).toContain("尚未设置备份口令");
    expect(w.find('[data-testid="backup-now"]').attributes("disabled")).toBeDefined();
    expect(w.find('[data-testid="key-storage"]').text()).toContain("密钥文件");

    await w.find('[data-testid="passphrase-open"]').trigger("click");
    await flush();
    expect(document.querySelector('[data-testid="passphrase-current"]')).toBeNull();
    type("passphrase-new", "示范镇政务公开备份");
    type("passphrase-again", "示范镇政务公开备忘");
    await flush();
    expect(document.querySelector('[data-testid="passphrase-problem"]')?.textContent).toContain("两次输入的新口令不一致");
    click("passphrase-save");
    await flush();
    expect(mock).not.toHaveBeenCalledWith("backup_passphrase_set", expect.anything());

    type("passphrase-again", "示范镇政务公开备份");
    await flush();
    click("passphrase-save");
    await flush();
    await flush();
    expect(mock).toHaveBeenCalledWith("backup_passphrase_set", { args: { current: null, new: "示范镇政务公开备份" } });
    expect(w.find('[data-testid="passphrase-missing"]').exists()).toBe(false);
    expect(w.find('[data-testid="backup-now"]').attributes("disabled")).toBeUndefined();
    expect(w.find('[data-testid="passphrase-open"]').text()).toContain("修改备份口令");
    w.unmount();
  });

  it("changes the passphrase only with the current one", async () => {
    const mock = serve({ backup_status: () => set, backup_passphrase_set: () => set });
    const w = mount(DataTab, { global: { plugins }, attachTo: document.body });
    await flush();
    await w.find('[data-testid="passphrase-open"]').trigger("click");
    await flush();
    type("passphrase-new", "新的备份口令四五六");
    type("passphrase-again", "新的备份口令四五六");
    await flush();
    expect((document.querySelector('[data-testid="passphrase-save"]') as HTMLButtonElement).disabled).toBe(true);
    type("passphrase-current", "示范镇政务公开备份");
    await flush();
    click("passphrase-save");
    await flush();
    expect(mock).toHaveBeenCalledWith("backup_passphrase_set", {
      args: { current: "示范镇政务公开备份", new: "新的备份口令四五六" },
    });
    w.unmount();
  });

  it("restores a chosen backup with the passphrase typed", async () => {
    const mock = serve({
      backup_status: () => set,
      backup_restore: () => ({ previousSavedTo: "/tmp/测试/gongkai.恢复前-20261201.sqlite3", profile: profile() }),
      app_status: () => status("ready"),
    });
    const w = mount(DataTab, { global: { plugins }, attachTo: document.body });
    await flush();
    await w.find('[data-testid="restore-open"]').trigger("click");
    await flush();
    await flush();
    expect(document.body.textContent).toContain("/media/U盘/备份.sqlite3");
    expect((document.querySelector('[data-testid="restore-confirm"]') as HTMLButtonElement).disabled).toBe(true);
    type("restore-passphrase", "示范镇政务公开备份");
    await flush();
    click("restore-confirm");
    await flush();
    await flush();
    expect(mock).toHaveBeenCalledWith("backup_restore", {
      args: { from: "/media/U盘/备份.sqlite3", passphrase: "示范镇政务公开备份" },
    });
    expect(w.find('[data-testid="restore-result"]').text()).toContain("恢复前");
    w.unmount();
  });
});
