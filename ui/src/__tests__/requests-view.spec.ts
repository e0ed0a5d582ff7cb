// 依申请公开: the list shows each request's due state as the core names it, the filter keeps the
// states it says (中止计时 its own), the reply column says whether it is final and delivered;
// registering sends the confirmation date only for the channels art. 31 asks it of; the detail
// sends a 补正 and explains the due date.
import { beforeEach, describe, expect, it, vi } from "vitest";
import { mount } from "@vue/test-utils";
import ElementPlus from "element-plus";
import { defineComponent, h } from "vue";
import { invoke } from "@tauri-apps/api/core";
import RequestsView from "@/views/requests/RequestsView.vue";
import { filterByState, replyText, stateTag } from "@/views/requests/dueState";
import type { RequestDetail, RequestOptions, RequestSummary } from "@/api/bindings";
import { flush, profile, serve } from "./fixtures";

vi.mock("@tauri-apps/api/core", () => ({ invoke: vi.fn() }));
vi.mock("@/api/files", () => ({ chooseLetterTarget: vi.fn(async () => null), openPdf: vi.fn() }));
vi.mock("@/api/pdf", () => ({ pdfBytes: () => new Uint8Array(), renderPdf: vi.fn(async () => 1) }));

const options: RequestOptions = {
  channels: [
    { key: "in_person", label: "当面提交" },
    { key: "online", label: "网络" },
  ],
  channelsConfirmed: ["online"],
  applicantKinds: [{ key: "natural_person", label: "自然人" }],
  outcomes: [{ key: "partial", label: "部分公开", grounds: [{ key: "third_party", label: "保护第三方合法权益" }], groundRequired: true }],
  consultParties: [{ key: "third_party", label: "征求第三方意见（条例第三十二条）" }],
  feeMethods: [{ key: "per_page", label: "按量计收" }],
  attachmentRoles: [],
  stages: [{ key: "draft", label: "拟稿" }],
  secrecyQuestions: [],
};

function summary(id: string, state: string, overrides: Partial<RequestSummary> = {}): RequestSummary {
  return {
    id,
    regNo: `依申〔2026〕${id}号`,
    year: 2026,
    serial: 1,
    channel: "in_person",
    channelLabel: "当面提交",
    receivedOn: "2026-11-02",
    applicantKind: "natural_person",
    applicantKindLabel: "自然人",
    applicantName: `申请人${id}`,
    subject: "道路硬化项目招标文件",
    dueOn: "2026-11-30",
    state,
    stateLabel: `状态${state}`,
    repliedOn: null,
    outcomeLabel: null,
    resultRow: null,
    replyFinal: false,
    deliveredOn: null,
    ...overrides,
  };
}

const list = [
  summary("1", "on_time"),
  summary("2", "due_soon"),
  summary("3", "overdue"),
  summary("4", "suspended"),
  summary("5", "answered", { outcomeLabel: "部分公开", replyFinal: true, deliveredOn: "2026-11-20" }),
];

function detail(s: RequestSummary): RequestDetail {
  return {
    summary: s,
    arrivedOn: s.receivedOn,
    confirmedOn: null,
    receiptRule: "当面提交的，以提交之日为收到申请之日（条例第三十一条第一项）",
    contact: "13800000000",
    address: "",
    idMasked: "9999**********1234",
    description: "",
    formWanted: "纸质",
    correctionNoticeDue: "2026-11-11",
    correction: null,
    extension: null,
    consultations: [],
    fee: null,
    reply: null,
    reviews: [],
    secrecy: null,
    blockers: [],
    attachments: [],
    explanation: ["2026年11月2日收到申请，自次日起算20个工作日", "应于2026年11月30日前答复"],
    calendarVersion: "2026-01",
    proactiveRecordId: null,
  };
}

/** A plain date field for el-date-picker, whose calendar panels are slow under happy-dom. */
const DateField = defineComponent({
  props: { modelValue: { type: String, default: "" } },
  emits: ["update:modelValue"],
  setup(props, { emit }) {
    return () =>
      h("input", {
        type: "date",
        value: props.modelValue,
        onInput: (e: Event) => emit("update:modelValue", (e.target as HTMLInputElement).value),
      });
  },
});

describe("due states", () => {
  it("colours each state and filters by what the clerk must act on", () => {
    expect(stateTag("overdue")).toBe("danger");
    expect(stateTag("due_soon")).toBe("warning");
    expect(stateTag("suspended")).toBe("primary");
    expect(stateTag("on_time")).toBe("success");
    expect(filterByState(list, "attention").map((r) => r.id)).toEqual(["2", "3"]);
    expect(filterByState(list, "suspended").map((r) => r.id)).toEqual(["4"]);
    expect(filterByState(list, "open").map((r) => r.id)).toEqual(["1", "2", "3", "4"]);
    expect(filterByState(list, "all")).toHaveLength(5);
    expect(replyText(list[4])).toBe("部分公开（2026-11-20 已送达）");
    expect(replyText({ ...list[4], deliveredOn: null })).toBe("部分公开（已定稿，待送达）");
    expect(replyText(list[0])).toBe("—");
  });
});

describe("the requests screen", () => {
  beforeEach(() => {
    vi.mocked(invoke).mockReset();
    document.body.innerHTML = "";
  });

  async function mountView(calls: Record<string, unknown[]>) {
    const record = (name: string, answer: (args: unknown) => unknown) => (args: unknown) => {
      (calls[name] ??= []).push(args);
      return answer(args);
    };
    serve({
      requests_options: () => options,
      requests_list: record("requests_list", () => ({ today: "2026-11-24", requests: list })),
      requests_add: record("requests_add", () => detail(summary("9", "on_time"))),
      requests_show: record("requests_show", (args) => detail(list.find((r) => r.id === (args as { id: string }).id) ?? summary("9", "on_time"))),
      requests_correct: record("requests_correct", () => detail(summary("1", "suspended"))),
      profile_get: () => profile(),
    });
    const wrapper = mount(RequestsView, { global: { plugins: [ElementPlus], stubs: { ElDatePicker: DateField } }, attachTo: document.body });
    for (let i = 0; i < 4; i++) await flush();
    return wrapper;
  }

  it("lists every request with its state, and the filter counts them", async () => {
    const wrapper = await mountView({});
    const tags = [...document.querySelectorAll('[data-testid="request-state-tag"]')].map((t) => t.textContent?.trim());
    expect(tags).toEqual(["状态on_time", "状态due_soon", "状态overdue", "状态suspended", "状态answered"]);
    expect(document.querySelector('[data-testid="request-filter"]')?.textContent).toContain("中止计时（1）");
    expect(document.querySelector('[data-testid="requests-table"]')?.textContent).toContain("部分公开（2026-11-20 已送达）");
    wrapper.unmount();
  }, 30000);

  it("registers an in-person application without a confirmation date", async () => {
    const calls: Record<string, unknown[]> = {};
    const wrapper = await mountView(calls);
    (document.querySelector('[data-testid="request-new"]') as HTMLButtonElement).click();
    await flush();
    for (const [id, value] of [
      ["register-name", "赵敏"],
      ["register-contact", "13800000000"],
      ["register-subject", "道路硬化项目招标文件"],
    ]) {
      const input = document.querySelector(`[data-testid="${id}"] input, input[data-testid="${id}"]`) as HTMLInputElement;
      input.value = value;
      input.dispatchEvent(new Event("input"));
    }
    await flush();
    (document.querySelector('[data-testid="register-save"]') as HTMLButtonElement).click();
    for (let i = 0; i < 3; i++) await flush();
    expect(calls.requests_add).toHaveLength(1);
    const sent = calls.requests_add[0] as Record<string, unknown>;
    expect(sent).toMatchObject({ channel: "in_person", confirmedOn: null, applicantName: "赵敏", subject: "道路硬化项目招标文件", idNumber: null });
    // The new request opens.
    expect(calls.requests_show?.[0]).toEqual({ id: "9", today: null });
    wrapper.unmount();
  }, 30000);

  it("sends a 补正 notice from the detail and explains the due date", async () => {
    const calls: Record<string, unknown[]> = {};
    const wrapper = await mountView(calls);
    (document.querySelector('[data-testid="request-open"]') as HTMLButtonElement).click();
    for (let i = 0; i < 4; i++) await flush();
    (document.querySelector('[data-testid="request-explain"]') as HTMLButtonElement).click();
    await flush();
    expect(document.querySelector('[data-testid="request-explanation"]')?.textContent).toContain("应于2026年11月30日前答复");
    const items = document.querySelector('[data-testid="correction-items"] input, input[data-testid="correction-items"]') as HTMLInputElement;
    items.value = "所需信息的年份不明";
    items.dispatchEvent(new Event("input"));
    await flush();
    (document.querySelector('[data-testid="correction-send"]') as HTMLButtonElement).click();
    for (let i = 0; i < 3; i++) await flush();
    expect(calls.requests_correct?.[0]).toMatchObject({ id: "1", items: "所需信息的年份不明", correctedOn: null });
    wrapper.unmount();
  }, 30000);
});
