import { beforeEach, describe, expect, it, vi } from "vitest";
import { mount } from "@vue/test-utils";
import ElementPlus from "element-plus";
import SyncView from "@/views/sync/SyncView.vue";
import type { SyncStatus } from "@/api/bindings";
import { flush, serve } from "./fixtures";

vi.mock("@/api/files", () => ({ chooseCertificateFile: vi.fn(async () => "/media/U盘/县级平台证书.pem") }));

function status(overrides: Partial<SyncStatus> = {}): SyncStatus {
  return {
    publicKey: "ed25519:AAAA",
    portalUrl: "http://127.0.0.1:8080",
    countyCaFingerprint: null,
    pending: 2,
    acked: 5,
    rejected: [],
    lastSuccess: null,
    runs: [{ finishedAt: "2026-11-25T01:00:00Z", trigger: "network", pushed: 0, pulled: 0, pending: 2, error: "无法连接县级平台：连接被拒绝" }],
    notices: [],
    ...overrides,
  };
}

describe("同步", () => {
  beforeEach(() => {
    document.body.innerHTML = "";
  });

  it("imports the county's certificate and shows its fingerprint to check with the county", async () => {
    const print = "AB:CD:EF";
    const mock = serve({
      sync_status: () => status(),
      sync_identity: () => ({ township_code: "999901101", public_key: "ed25519:AAAA", portal_url: null }),
      sync_county_ca: (args) => status({ countyCaFingerprint: (args as { path: string | null }).path ? print : null }),
    });
    const w = mount(SyncView, { global: { plugins: [ElementPlus] }, attachTo: document.body });
    await flush();
    await flush();
    expect(w.find('[data-testid="sync-county-ca"]').text()).toContain("未导入");
    await w.find('[data-testid="sync-county-ca-import"]').trigger("click");
    await flush();
    await flush();
    expect(mock).toHaveBeenCalledWith("sync_county_ca", { args: { path: "/media/U盘/县级平台证书.pem" } });
    expect(w.find('[data-testid="sync-county-ca"]').text()).toContain(print);
    await w.find('[data-testid="sync-county-ca-forget"]').trigger("click");
    await flush();
    await flush();
    expect(mock).toHaveBeenCalledWith("sync_county_ca", { args: { path: null } });
    expect(w.find('[data-testid="sync-county-ca"]').text()).toContain("未导入");
    w.unmount();
  });

  it("shows the identity, what waits, and each failed run in plain Chinese", async () => {
    serve({
      sync_status: () => status(),
      sync_identity: () => ({ township_code: "999901101", public_key: "ed25519:AAAA", portal_url: null }),
    });
    const w = mount(SyncView, { global: { plugins: [ElementPlus] }, attachTo: document.body });
    await flush();
    await flush();
    expect(w.find('[data-testid="sync-identity"]').text()).toContain("999901101");
    expect(w.find('[data-testid="sync-summary"]').text()).toContain("从未成功");
    expect(w.find('[data-testid="sync-summary"]').text()).toContain("2 条");
    const runs = w.find('[data-testid="sync-runs"]').text();
    expect(runs).toContain("网络恢复");
    expect(runs).toContain("无法连接县级平台");
    w.unmount();
  });

  it("runs a sync with the portal address typed", async () => {
    const mock = serve({
      sync_status: () =>
        status({
          publicKey: "ed25519:AAAA",
          portalUrl: null,
          runs: [
            ...(ran ? [{ finishedAt: "2026-11-25T02:00:00Z", trigger: "manual" as const, pushed: 2, pulled: 1, pending: 0, error: null }] : []),
            ...status().runs,
          ],
        }),
      sync_identity: () => ({ township_code: "999901101", public_key: "ed25519:AAAA", portal_url: null }),
      sync_now: () => {
        ran = true;
        return { pushed: 2, pulled: 1, pending: 0, rejected: [] };
      },
    });
    let ran = false;
    const w = mount(SyncView, { global: { plugins: [ElementPlus] }, attachTo: document.body });
    await flush();
    await flush();
    await w.find('input[data-testid="sync-portal"]').setValue("http://127.0.0.1:9000");
    await w.find('[data-testid="sync-now"]').trigger("click");
    await flush();
    await flush();
    expect(mock).toHaveBeenCalledWith("sync_now", { args: { portal: "http://127.0.0.1:9000", trigger: "manual" } });
    // The clerk sees what the run did, and the runs table as the core has it now.
    expect(document.body.querySelector(".el-message")?.textContent).toContain("同步完成：推送 2 条，接收 1 条，待推送 0 条");
    const runs = [...document.querySelectorAll('[data-testid="sync-runs"] .el-table__body tr')].map((r) => r.textContent ?? "");
    expect(runs).toHaveLength(2);
    expect(runs[0]).toContain("立即同步");
    expect(runs[0]).not.toContain("无法连接");
    w.unmount();
  });
});
