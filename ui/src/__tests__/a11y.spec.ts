// Every control of every screen has an accessible name (a placeholder is not one): what a
// screen reader says, and what the clerk's voice or switch software targets. Screens not shown
// here are checked inside their own specs (catalog, records, payouts mapping) where their
// drawers and steps are open.
import { beforeEach, describe, expect, it } from "vitest";
import { mount } from "@vue/test-utils";
import ElementPlus from "element-plus";
import type { Component } from "vue";
import SetupView from "@/views/SetupView.vue";
import TownshipTab from "@/views/settings/TownshipTab.vue";
import VillagesTab from "@/views/settings/VillagesTab.vue";
import OfficesTab from "@/views/settings/OfficesTab.vue";
import PeopleTab from "@/views/settings/PeopleTab.vue";
import MasksTab from "@/views/settings/MasksTab.vue";
import DataTab from "@/views/settings/DataTab.vue";
import PayoutsView from "@/views/PayoutsView.vue";
import SyncView from "@/views/sync/SyncView.vue";
import ComplianceTab from "@/views/records/ComplianceTab.vue";
import RecordEditor from "@/views/records/RecordEditor.vue";
import PostDialog from "@/views/payouts/PostDialog.vue";
import ArchiveDialog from "@/views/payouts/ArchiveDialog.vue";
import CorrectionDialog from "@/views/payouts/CorrectionDialog.vue";
import { app } from "@/state/app";
import { flush, payoutList, profile, serve, status } from "./fixtures";
import { accessibleName, unnamedControls } from "./a11y";

const plugins = [ElementPlus];

const screens: [string, Component, Record<string, unknown>, string | null][] = [
  ["首次启动", SetupView, { dbPath: "/tmp/g.sqlite3" }, null],
  ["镇街概况", TownshipTab, {}, null],
  ["村（社区）编辑", VillagesTab, {}, "village-add"],
  ["科室编辑", OfficesTab, {}, "office-add"],
  ["人员编辑", PeopleTab, {}, "person-add"],
  ["脱敏规则", MasksTab, {}, null],
  ["数据与备份", DataTab, {}, null],
  ["补贴清册", PayoutsView, {}, null],
  ["同步", SyncView, {}, null],
  ["时限情况", ComplianceTab, {}, null],
  ["新建公开记录", RecordEditor, { recordId: null }, null],
  ["开始公示", PostDialog, { list: payoutList("draft") }, null],
  ["归档", ArchiveDialog, { list: payoutList("posted") }, null],
  ["更正已归档的清册", CorrectionDialog, { list: payoutList("archived") }, null],
];

describe("accessible names", () => {
  beforeEach(() => {
    document.body.innerHTML = "";
    app.status = status("ready");
    app.profile = profile();
    serve({
      mask_rules_get: () => ({ idKeepStart: 2, idKeepEnd: 3, bankKeepEnd: 4, phoneKeepStart: 3, phoneKeepEnd: 4, idExample: "", bankExample: "", phoneExample: "", isDefault: true }),
      payouts_list: () => ({ lists: [] }),
      import_templates_list: () => ({ templates: [] }),
      sync_status: () => ({ publicKey: "ed25519:AAAA", portalUrl: null, countyCaFingerprint: null, pending: 0, acked: 0, rejected: [], lastSuccess: null, runs: [], notices: [] }),
      sync_identity: () => ({ township_code: "999901101", public_key: "ed25519:AAAA", portal_url: null }),
      records_compliance: () => ({ year: 2025, today: "2025-11-20", domains: [] }),
      record_options: () => ({
        attributes: [{ key: "proactive", label: "主动公开" }],
        grounds: [],
        stages: [],
        secrecyQuestions: [],
        channels: [{ key: "政府网站", label: "政府网站" }],
      }),
      catalog_search: () => ({ items: [] }),
      notice_settings_get: () => ({ project: "高龄津贴", noticeDays: 10, hotline: "0563-1112222", preparedBy: "李明", reviewedBy: "张建国" }),
    });
  });

  for (const [name, component, props, opener] of screens) {
    it(`${name}: every input, select and button has a name`, async () => {
      const w = mount(component, { props, global: { plugins }, attachTo: document.body });
      await flush();
      await flush();
      if (opener) {
        await w.find(`[data-testid="${opener}"]`).trigger("click");
        await flush();
      }
      expect(document.body.querySelectorAll("input, textarea, button").length).toBeGreaterThan(0);
      expect(unnamedControls()).toEqual([]);
      w.unmount();
    });
  }

  it("a name is what the clerk reads, not the placeholder", async () => {
    const w = mount(PayoutsView, { global: { plugins }, attachTo: document.body });
    await flush();
    const input = document.querySelector('input[data-testid="payout-lookup-id"]')!;
    expect(accessibleName(input)).toBe("要查询的身份证号");
    document.body.insertAdjacentHTML("beforeend", '<input id="bare" placeholder="只有提示文字">');
    expect(unnamedControls()).toEqual(['<input> placeholder “只有提示文字”']);
    w.unmount();
  });
});
