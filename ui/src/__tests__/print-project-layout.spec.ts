// The print dialog: a list holding several 补贴项目 prints a section per project unless the clerk
// asks for one table with a 补贴项目 column; the preview shows the layout chosen.
import { beforeEach, describe, expect, it, vi } from "vitest";
import { mount } from "@vue/test-utils";
import ElementPlus from "element-plus";
import PayoutsView from "@/views/PayoutsView.vue";
import { ProjectLayoutLabels } from "@/api/bindings";
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

const body = () => document.body;

async function settle() {
  for (let i = 0; i < 4; i++) await flush();
}

function calls(mock: ReturnType<typeof serve>, command: string) {
  return mock.mock.calls.filter(([c]) => c === command).map(([, payload]) => (payload as { args: Record<string, unknown> }).args);
}

async function openPreview() {
  const mock = serve({
    payouts_list: () => ({ lists: [list("posted")] }),
    import_templates_list: () => ({ templates: [] }),
    notice_settings_get: () => ({ project: "高龄津贴", noticeDays: 7, hotline: null, preparedBy: null, reviewedBy: null }),
    notice_settings_save: (args) => args,
    payouts_preview: () => ({ villages: ["东山村"], village: "东山村", rows: 2, fileName: "a.pdf", pdfBase64: "JVBERi0=" }),
    payouts_print: () => ({ files: [] }),
  });
  const w = mount(PayoutsView, { global: { plugins: [ElementPlus] }, attachTo: body() });
  await settle();
  await w.find('[data-testid="preview-open"]').trigger("click");
  await settle();
  return { w, mock };
}

describe("打印：多个补贴项目", () => {
  beforeEach(() => {
    body().innerHTML = "";
    vi.mocked(invoke).mockClear();
  });

  it("offers both layouts by their labels, a section per project chosen", async () => {
    const { w, mock } = await openPreview();
    const choice = body().querySelector('[data-testid="print-project-layout"]')!;
    expect(choice.textContent).toContain(ProjectLayoutLabels.sections);
    expect(choice.textContent).toContain(ProjectLayoutLabels.column);
    expect(body().querySelector<HTMLInputElement>('[data-testid="print-project-layout-sections"] input')!.checked).toBe(true);
    expect(calls(mock, "payouts_preview")[0]).toMatchObject({ projectLayout: "sections" });
    body().querySelector<HTMLButtonElement>('[data-testid="preview-save"]')!.click();
    await settle();
    expect(calls(mock, "payouts_print")[0]).toMatchObject({ outDir: "/tmp/公示单", projectLayout: "sections" });
    w.unmount();
  });

  it("one table with a 补贴项目 column, when chosen, is previewed and printed", async () => {
    const { w, mock } = await openPreview();
    body().querySelector<HTMLInputElement>('[data-testid="print-project-layout-column"] input')!.click();
    await settle();
    const previews = calls(mock, "payouts_preview");
    expect(previews[previews.length - 1]).toMatchObject({ projectLayout: "column" });
    body().querySelector<HTMLButtonElement>('[data-testid="preview-save"]')!.click();
    await settle();
    expect(calls(mock, "payouts_print")[0]).toMatchObject({ projectLayout: "column" });
    w.unmount();
  });
});
