// The notice settings in the dialogs: 开始公示 prefills the 公示天数 of the project, 归档 and 打印
// prefill 监督举报电话 / 制表人 / 审核人 and send them (so archived notices are never blank), and an
// archived list can be corrected from the list.
import { beforeEach, describe, expect, it, vi } from "vitest";
import { mount } from "@vue/test-utils";
import ElementPlus from "element-plus";
import PayoutsView from "@/views/PayoutsView.vue";
import PostDialog from "@/views/payouts/PostDialog.vue";
import ArchiveDialog from "@/views/payouts/ArchiveDialog.vue";
import type { NoticeSettings } from "@/api/bindings";
import { today } from "@/views/records/dates";
import { endOf } from "@/views/payouts/noticeSettings";
import { invoke } from "@tauri-apps/api/core";
import { flush, payoutList as list, serve } from "./fixtures";

vi.mock("@/api/files", () => ({
  chooseFolder: vi.fn(async () => "/tmp/公示单"),
  chooseListFile: vi.fn(async () => null),
  chooseXlsxTarget: vi.fn(async () => null),
}));

vi.mock("@/api/pdf", () => ({
  pdfBytes: (b64: string) => new TextEncoder().encode(b64),
  renderPdf: vi.fn(async () => 1),
}));

const settings: NoticeSettings = {
  project: "高龄津贴",
  noticeDays: 10,
  hotline: "0563-1112222",
  preparedBy: "李明",
  reviewedBy: "张建国",
};

const body = () => document.body;
const input = (testid: string) => body().querySelector<HTMLInputElement>(`[data-testid="${testid}"] input, input[data-testid="${testid}"]`)!;
const button = (testid: string) => body().querySelector<HTMLButtonElement>(`[data-testid="${testid}"]`)!;

async function type(testid: string, value: string) {
  const el = input(testid);
  el.value = value;
  el.dispatchEvent(new Event("input"));
  await flush();
}

async function settle() {
  for (let i = 0; i < 4; i++) await flush();
}

function calls(mock: ReturnType<typeof serve>, command: string) {
  return mock.mock.calls.filter(([c]) => c === command).map(([, payload]) => (payload as { args: unknown }).args);
}

describe("公示设置", () => {
  beforeEach(() => {
    body().innerHTML = "";
    vi.mocked(invoke).mockClear();
  });

  it("开始公示 prefills the project's 公示天数 and remembers a changed one", async () => {
    const mock = serve({
      notice_settings_get: () => settings,
      notice_settings_save: (args) => args,
      payouts_post: () => list("posted"),
    });
    const w = mount(PostDialog, { props: { list: list("draft") }, global: { plugins: [ElementPlus] }, attachTo: body() });
    await settle();
    expect(calls(mock, "notice_settings_get")).toEqual([{ project: "高龄津贴" }]);
    expect(input("post-days").value).toBe("10");
    expect(body().querySelector('[data-testid="post-period"]')?.textContent).toBe(
      `${today()} 至 ${endOf(today(), 10)}（共 10 天）`,
    );

    await type("post-days", "5");
    input("post-days").dispatchEvent(new Event("change"));
    await settle();
    button("post-submit").click();
    await settle();
    expect(calls(mock, "notice_settings_save")).toEqual([{ ...settings, noticeDays: 5 }]);
    expect(calls(mock, "payouts_post")).toEqual([{ listId: "l1", postedOn: today(), noticeDays: 5 }]);
    expect(w.emitted("posted")).toHaveLength(1);
    w.unmount();
  });

  it("开始公示 with the prefilled length saves no setting", async () => {
    const mock = serve({
      notice_settings_get: () => settings,
      notice_settings_save: (args) => args,
      payouts_post: () => list("posted"),
    });
    const w = mount(PostDialog, { props: { list: list("draft") }, global: { plugins: [ElementPlus] }, attachTo: body() });
    await settle();
    button("post-submit").click();
    await settle();
    expect(calls(mock, "payouts_post")).toEqual([{ listId: "l1", postedOn: today(), noticeDays: 10 }]);
    expect(calls(mock, "notice_settings_save")).toEqual([]);
    w.unmount();
  });

  it("归档 sends the hotline, 制表人 and 审核人 shown, prefilled from the project", async () => {
    const mock = serve({
      notice_settings_get: () => settings,
      notice_settings_save: (args) => args,
      payouts_archive: () => ({ rowsSha256: "ab".repeat(32), files: [] }),
    });
    const w = mount(ArchiveDialog, { props: { list: list("posted") }, global: { plugins: [ElementPlus] }, attachTo: body() });
    await settle();
    expect(input("archive-hotline").value).toBe("0563-1112222");
    expect(input("archive-prepared-by").value).toBe("李明");
    expect(input("archive-reviewed-by").value).toBe("张建国");

    await type("archive-prepared-by", " 赵丽 ");
    button("archive-submit").click();
    await settle();
    expect(calls(mock, "payouts_archive")).toEqual([
      { listId: "l1", hotline: "0563-1112222", preparedBy: "赵丽", reviewedBy: "张建国" },
    ]);
    expect(calls(mock, "notice_settings_save")).toEqual([{ ...settings, preparedBy: "赵丽" }]);
    expect(w.emitted("archived")).toHaveLength(1);
    w.unmount();
  });

  it("归档 without 记住 keeps the project's settings as they were", async () => {
    const mock = serve({
      notice_settings_get: () => settings,
      payouts_archive: () => ({ rowsSha256: "ab".repeat(32), files: [] }),
    });
    const w = mount(ArchiveDialog, { props: { list: list("posted") }, global: { plugins: [ElementPlus] }, attachTo: body() });
    await settle();
    body().querySelector<HTMLElement>('[data-testid="archive-remember"] input')!.click();
    await type("archive-hotline", "12345");
    button("archive-submit").click();
    await settle();
    expect(calls(mock, "payouts_archive")).toEqual([
      { listId: "l1", hotline: "12345", preparedBy: "李明", reviewedBy: "张建国" },
    ]);
    expect(calls(mock, "notice_settings_save")).toEqual([]);
    w.unmount();
  });

  it("打印 sends the footer shown in the preview dialog", async () => {
    const mock = serve({
      payouts_list: () => ({ lists: [list("posted")] }),
      import_templates_list: () => ({ templates: [] }),
      notice_settings_get: () => settings,
      notice_settings_save: (args) => args,
      payouts_preview: () => ({ villages: ["东山村"], village: "东山村", rows: 2, fileName: "a.pdf", pdfBase64: "JVBERi0=" }),
      payouts_print: () => ({ files: [] }),
    });
    const w = mount(PayoutsView, { global: { plugins: [ElementPlus] }, attachTo: body() });
    await settle();
    await w.find('[data-testid="preview-open"]').trigger("click");
    await settle();
    expect(input("print-hotline").value).toBe("0563-1112222");
    await type("print-reviewed-by", "");
    button("preview-save").click();
    await settle();
    expect(calls(mock, "payouts_print")[0]).toMatchObject({
      listId: "l1",
      hotline: "0563-1112222",
      preparedBy: "李明",
      reviewedBy: null,
    });
    expect(calls(mock, "notice_settings_save")).toEqual([{ ...settings, reviewedBy: null }]);
    w.unmount();
  });

  it("the preview redraws with the footer the clerk has just typed, before anything is saved", async () => {
    const mock = serve({
      payouts_list: () => ({ lists: [list("posted")] }),
      import_templates_list: () => ({ templates: [] }),
      notice_settings_get: () => settings,
      payouts_preview: () => ({ villages: ["东山村"], village: "东山村", rows: 2, fileName: "a.pdf", pdfBase64: "JVBERi0=" }),
    });
    const w = mount(PayoutsView, { global: { plugins: [ElementPlus] }, attachTo: body() });
    await settle();
    await w.find('[data-testid="preview-open"]').trigger("click");
    await settle();
    await type("print-hotline", "0799-7654321");
    input("print-hotline").dispatchEvent(new Event("change"));
    await settle();
    const previews = calls(mock, "payouts_preview");
    expect(previews[previews.length - 1]).toMatchObject({ listId: "l1", hotline: "0799-7654321", preparedBy: "李明" });
    expect(calls(mock, "notice_settings_save")).toEqual([]);
    w.unmount();
  });

  it("an archived list is corrected from the list: the reason first, then the corrected file imported in its place", async () => {
    const mock = serve({
      payouts_list: () => ({ lists: [list("archived")] }),
      import_templates_list: () => ({ templates: [] }),
    });
    const w = mount(PayoutsView, { global: { plugins: [ElementPlus] }, attachTo: body() });
    await settle();
    expect(w.find('[data-testid="post-open"]').exists()).toBe(false);
    await w.find('[data-testid="correction-open"]').trigger("click");
    await settle();
    expect(button("correction-start").disabled).toBe(true);
    const reason = body().querySelector<HTMLTextAreaElement>('textarea[data-testid="correction-reason"]')!;
    reason.value = "李四补贴面积录入有误，经村委会核实更正";
    reason.dispatchEvent(new Event("input"));
    await flush();
    button("correction-start").click();
    await settle();
    const banner = w.find('[data-testid="correction-banner"]');
    expect(banner.text()).toContain("正在更正已归档的“高龄津贴”清册（2025 年）");
    expect(banner.text()).toContain("李四补贴面积录入有误");

    // The wizard imports the corrected file naming the archived list and the reason.
    serve({
      payouts_list: () => ({ lists: [list("archived")] }),
      import_templates_list: () => ({ templates: [] }),
      payouts_survey: () => ({
        fileName: "更正清册.csv",
        sheets: [
          {
            name: "更正清册",
            headerRow: 1,
            recognised: true,
            columns: [
              { letter: "A", header: "姓名", column: "name", samples: ["李四"] },
              { letter: "B", header: "身份证号", column: "id_number", samples: ["36*************23X"] },
              { letter: "C", header: "金额", column: "amount", samples: ["200"] },
            ],
            missing: [],
            conflicts: [],
            dataRows: 2,
          },
        ],
        choices: [
          { key: "name", label: "姓名", required: true },
          { key: "id_number", label: "身份证号", required: true },
          { key: "amount", label: "金额", required: true },
        ],
        suggestedTemplate: null,
      }),
      payouts_import: () => ({
        list_id: "l2",
        imported_rows: 2,
        total_fen: 30000,
        villages: [],
        errors: [],
        warnings: [],
        rows: { read: 3, people: 2, reported: 0, titles: 0, headers: 1, blank: 0, totals: 0, notes: 0 },
      }),
    });
    await w.find('input[data-testid="payout-file"]').setValue("/tmp/更正清册.csv");
    await w.find("form").trigger("submit");
    await settle();
    await w.find('[data-testid="payout-import-submit"]').trigger("click");
    await settle();
    expect(calls(mock, "payouts_import")[0]).toMatchObject({
      path: "/tmp/更正清册.csv",
      supersedes: "l1",
      reason: "李四补贴面积录入有误，经村委会核实更正",
    });
    // Done: the banner goes, the next import is an ordinary one again.
    expect(w.find('[data-testid="correction-banner"]').exists()).toBe(false);
    w.unmount();
  });
});
