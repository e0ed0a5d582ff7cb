// The home screen says what needs the clerk: records overdue or due soon, lists on the boards
// and drafts to post, the county's notices; a command that fails leaves the other panels.
import { describe, expect, it } from "vitest";
import { mount } from "@vue/test-utils";
import ElementPlus from "element-plus";
import OverviewView from "@/views/OverviewView.vue";
import { DeadlineStateLabels, type RecordSummary } from "@/api/bindings";
import { app } from "@/state/app";
import { flush, payoutList, profile, serve } from "./fixtures";

function record(title: string, deadline: RecordSummary["deadline"], status: RecordSummary["status"] = "draft"): RecordSummary {
  return {
    id: title,
    itemKey: "社会救助/最低生活保障/低保对象",
    domain: "社会救助",
    itemName: "低保对象",
    title,
    docNumber: null,
    formedOn: "2026-10-01",
    attribute: "proactive",
    attributeLabel: "主动公开",
    timeLimitDays: 20,
    dueOn: "2026-10-29",
    dueProvisional: false,
    status,
    statusLabel: "",
    publishedOn: null,
    deadline,
    deadlineLabel: DeadlineStateLabels[deadline],
    deadlineWorkdays: 3,
    blockers: [],
  };
}

async function settle() {
  for (let i = 0; i < 4; i++) await flush();
}

describe("首页", () => {
  it("lists what is overdue, due soon and on the boards, and the county's notices", async () => {
    app.profile = profile();
    const posted = { ...payoutList("posted"), project: "耕地地力保护补贴", postings: [{ village: "东山村", postedOn: "2026-11-28", endsOn: "2026-12-04" }] };
    serve({
      records_due: () => ({
        records: [record("低保对象名单", "overdue"), record("停水通知", "due_soon"), record("部门预算", "on_time", "published"), record("援助月", "pending")],
      }),
      payouts_list: () => ({ lists: [posted, { ...payoutList("draft"), id: "l2" }, { ...payoutList("archived"), id: "l3" }] }),
      sync_status: () => ({ notices: [{ title: "关于做好年度报告编制工作的通知", body: "……", publishedOn: "2026-11-26" }] }),
    });
    const w = mount(OverviewView, { global: { plugins: [ElementPlus], stubs: { RouterLink: { template: "<a><slot /></a>" } } } });
    await settle();
    const records = w.find('[data-testid="overview-records"]').text();
    expect(records).toContain("低保对象名单");
    expect(records).toContain("停水通知");
    expect(records).not.toContain("部门预算");
    expect(records).not.toContain("援助月");
    expect(records).toContain(`${DeadlineStateLabels.overdue} 1`);
    const payouts = w.find('[data-testid="overview-payouts"]').text();
    expect(payouts).toContain("耕地地力保护补贴");
    expect(payouts).toContain("2026-12-04 期满");
    expect(payouts).toContain("高龄津贴（2 人）");
    expect(w.find('[data-testid="overview-notices"]').text()).toContain("关于做好年度报告编制工作的通知");
    w.unmount();
  });

  it("a panel whose command fails says why and leaves the others", async () => {
    app.profile = profile();
    serve({
      records_due: () => ({ records: [record("低保对象名单", "overdue")] }),
      payouts_list: () => ({ lists: [] }),
    });
    const w = mount(OverviewView, { global: { plugins: [ElementPlus], stubs: { RouterLink: { template: "<a><slot /></a>" } } } });
    await settle();
    expect(w.text()).toContain("未模拟的命令：sync_status");
    expect(w.find('[data-testid="overview-records"]').text()).toContain("低保对象名单");
    w.unmount();
  });
});
