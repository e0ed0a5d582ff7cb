// A request's letters: which exist for the steps taken, the file a typed path becomes, and the
// dialog — a draft says why and what is missing, a final one says it may be delivered; saving
// sends the chosen format and the path with its extension.
import { beforeEach, describe, expect, it, vi } from "vitest";
import { mount } from "@vue/test-utils";
import ElementPlus from "element-plus";
import { invoke } from "@tauri-apps/api/core";
import LetterDialog from "@/views/requests/LetterDialog.vue";
import { letterKinds, withExtension } from "@/views/requests/letters";
import type { RequestLetter, RequestLetterKind } from "@/api/bindings";
import { flush, serve } from "./fixtures";

vi.mock("@tauri-apps/api/core", () => ({ invoke: vi.fn() }));
vi.mock("@/api/files", () => ({
  chooseLetterTarget: vi.fn(async () => null),
  openPdf: vi.fn(async () => undefined),
}));
vi.mock("@/api/pdf", () => ({
  pdfBytes: (b64: string) => new TextEncoder().encode(b64),
  renderPdf: vi.fn(async () => 1),
}));

function letter(kind: RequestLetterKind, draft: boolean): RequestLetter {
  return {
    kind,
    title: draft ? "政府信息公开申请答复书（草稿）" : "政府信息公开申请答复书",
    fileName: draft ? "答复书-示范镇依申〔2026〕3号-草稿" : "答复书-示范镇依申〔2026〕3号",
    draft,
    blockers: draft ? ["尚未完成“审定”", "尚未通过保密审查"] : [],
    paragraphs: ["示范镇依申〔2026〕3号", "张三：", "……"],
    issuer: "示范镇人民政府",
    issuedOn: "2026-03-20",
    pdfBase64: "JVBERi0=",
  };
}

describe("which letters a request has", () => {
  it("offers a notice only once its step happened, the reply last", () => {
    expect(letterKinds({ replied: false, corrected: false, extended: false, consulted: false, charged: false })).toEqual([]);
    expect(letterKinds({ replied: true, corrected: true, extended: false, consulted: false, charged: true })).toEqual(["correction", "fee", "reply"]);
    expect(letterKinds({ replied: true, corrected: true, extended: true, consulted: true, charged: true })).toEqual([
      "correction",
      "consultation",
      "fee",
      "extension",
      "reply",
    ]);
  });

  it("gives a typed path the format's extension once", () => {
    expect(withExtension(" /tmp/导出/答复书 ", "pdf")).toBe("/tmp/导出/答复书.pdf");
    expect(withExtension("/tmp/导出/答复书.PDF", "pdf")).toBe("/tmp/导出/答复书.PDF");
    expect(withExtension("/tmp/导出/答复书.pdf", "docx")).toBe("/tmp/导出/答复书.pdf.docx");
    expect(withExtension("  ", "docx")).toBe("");
  });
});

describe("the letter dialog", () => {
  beforeEach(() => {
    vi.mocked(invoke).mockReset();
    document.body.innerHTML = "";
  });

  async function open(draft: boolean) {
    const saved: unknown[] = [];
    serve({
      request_letter: (args) => letter((args as { kind: RequestLetterKind }).kind, draft),
      request_letter_save: (args) => {
        saved.push(args);
        return { path: (args as { out: string }).out };
      },
    });
    const wrapper = mount(LetterDialog, {
      props: { requestId: "q1", kinds: ["correction", "reply"], initial: "reply" },
      global: { plugins: [ElementPlus] },
      attachTo: document.body,
    });
    await flush();
    await flush();
    return { wrapper, saved };
  }

  it("shows a draft with what stands in the way", async () => {
    const { wrapper } = await open(true);
    const alert = document.querySelector('[data-testid="letter-draft"]');
    expect(alert?.textContent).toContain("草稿");
    expect(alert?.textContent).toContain("尚未通过保密审查");
    expect(document.querySelector('[data-testid="letter-final"]')).toBeNull();
    wrapper.unmount();
  }, 30000);

  it("saves a final letter as Word at the typed path", async () => {
    const { wrapper, saved } = await open(false);
    expect(document.querySelector('[data-testid="letter-final"]')?.textContent).toContain("正式文书");
    (document.querySelector('[data-testid="letter-format"]') as HTMLElement).click();
    await flush();
    ([...document.querySelectorAll(".el-select-dropdown__item")].find((o) => o.textContent?.includes("Word")) as HTMLElement).click();
    await flush();
    const target = document.querySelector('[data-testid="letter-target"] input, input[data-testid="letter-target"]') as HTMLInputElement;
    target.value = "/tmp/导出/答复书";
    target.dispatchEvent(new Event("input"));
    await flush();
    (document.querySelector('[data-testid="letter-save"]') as HTMLButtonElement).click();
    await flush();
    await flush();
    expect(saved).toEqual([{ requestId: "q1", kind: "reply", format: "docx", out: "/tmp/导出/答复书.docx" }]);
    expect(document.querySelector('[data-testid="letter-saved"]')?.textContent).toContain("/tmp/导出/答复书.docx");
    wrapper.unmount();
  }, 30000);

  it("loads the notice the clerk switches to", async () => {
    const calls: unknown[] = [];
    serve({
      request_letter: (args) => {
        calls.push(args);
        return letter((args as { kind: RequestLetterKind }).kind, true);
      },
    });
    const wrapper = mount(LetterDialog, {
      props: { requestId: "q1", kinds: ["correction", "reply"], initial: "reply" },
      global: { plugins: [ElementPlus] },
      attachTo: document.body,
    });
    await flush();
    (document.querySelector('[data-testid="letter-kind-correction"] input') as HTMLInputElement).click();
    await flush();
    await flush();
    expect(calls).toEqual([
      { requestId: "q1", kind: "reply" },
      { requestId: "q1", kind: "correction" },
    ]);
    wrapper.unmount();
  }, 30000);
});
