import { describe, expect, it } from "vitest";
import { mount } from "@vue/test-utils";
import ElementPlus from "element-plus";
import ReviewPanel from "@/views/records/ReviewPanel.vue";
import type { Person, ReviewEntry, SecrecyEntry } from "@/api/bindings";
import { flush } from "./fixtures";

const stages = [
  { key: "draft", label: "拟稿" },
  { key: "review", label: "科室负责人审核" },
  { key: "approve", label: "分管或主要领导审定" },
];
const questions = [
  { key: "state_secret", label: "是否涉及国家秘密" },
  { key: "privacy", label: "是否涉及个人隐私" },
];
const people: Person[] = [
  { id: "p1", name: "李明", officeId: null, officeName: null, roles: ["draft"] },
  { id: "p2", name: "王芳", officeId: null, officeName: null, roles: ["review"] },
  { id: "p3", name: "张建国", officeId: null, officeName: null, roles: ["approve"] },
];

function signed(stage: string, cleared = false): ReviewEntry {
  const label = stages.find((s) => s.key === stage)!.label;
  return { stage, stageLabel: label, personName: "李明", decidedOn: "2025-03-10", opinion: "同意", passed: true, cleared, recordedAt: "2025-03-10T01:00:00Z" } as ReviewEntry;
}

function panel(props: { reviews: ReviewEntry[]; secrecy?: SecrecyEntry | null; open?: boolean; testidPrefix?: string }) {
  return mount(ReviewPanel, {
    props: { stages, questions, people, secrecy: null, open: true, ...props },
    global: { plugins: [ElementPlus] },
  });
}

const select = (w: ReturnType<typeof panel>, testid: string) =>
  w.findAllComponents({ name: "ElSelect" }).find((s) => s.attributes("data-testid") === testid)!;

describe("ReviewPanel (三审 and 保密审查 of a record or a reply)", () => {
  it("offers the next stage in force, to the people of its role, and emits the signature", async () => {
    // 拟稿 was signed, then cleared by a change: it is the next stage again, not 审核.
    const w = panel({ reviews: [signed("draft", true)] });
    const form = w.find('[data-testid="review-form"]');
    expect(form.text()).toContain("拟稿");
    expect(w.text()).toContain("（已作废）");
    expect(w.find('[data-testid="secrecy-form"]').exists()).toBe(false);
    expect(w.text()).toContain("三审完成后进行保密审查。");
    const person = select(w, "review-person");
    expect(person.findAllComponents({ name: "ElOption" }).map((o) => o.props("label"))).toEqual(["李明"]);
    person.vm.$emit("update:modelValue", "p1");
    await flush();
    await w.find('[data-testid="review-pass"]').trigger("click");
    const sign = w.emitted("sign")![0]![0]!;
    expect(sign).toMatchObject({ stage: "draft", personId: "p1", opinion: "", passed: true });
    expect(sign.decidedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it("opens 保密审查 once all three are signed, with every question answered, under the caller's testids", async () => {
    const w = panel({ reviews: [signed("draft"), signed("review"), signed("approve")], testidPrefix: "request-" });
    expect(w.find('[data-testid="request-review-form"]').exists()).toBe(false);
    expect(w.find('[data-testid="review-form"]').exists()).toBe(false);
    expect(w.find('[data-testid="request-secrecy-form"]').exists()).toBe(true);
    const submit = w.find('[data-testid="request-secrecy-submit"]');
    expect((submit.element as HTMLButtonElement).disabled).toBe(true);
    select(w, "request-secrecy-reviewer").vm.$emit("update:modelValue", "p2");
    // The table renders its rows after it has measured itself.
    await flush();
    await flush();
    const privacy = w.findAllComponents({ name: "ElRadioGroup" }).find((g) => g.props("ariaLabel") === "是否涉及个人隐私")!;
    privacy.vm.$emit("update:modelValue", true);
    await flush();
    await submit.trigger("click");
    const check = w.emitted("secrecy")![0]![0]!;
    expect(check).toMatchObject({
      reviewerId: "p2",
      answers: [
        { key: "state_secret", concern: false },
        { key: "privacy", concern: true },
      ],
    });
  });

  it("shows the result and no form once the check passed, and nothing to sign when closed", async () => {
    const passed: SecrecyEntry = { reviewerName: "王芳", decidedOn: "2025-03-11", answers: [], opinion: "", passed: true };
    const all = [signed("draft"), signed("review"), signed("approve")];
    const done = panel({ reviews: all, secrecy: passed });
    expect(done.find('[data-testid="secrecy-result"]').text()).toContain("王芳 于 2025-03-11");
    expect(done.find('[data-testid="secrecy-result"]').text()).toContain("通过");
    expect(done.find('[data-testid="secrecy-form"]').exists()).toBe(false);
    const closed = panel({ reviews: [], open: false });
    expect(closed.find('[data-testid="review-form"]').exists()).toBe(false);
    expect(closed.find('[data-testid="secrecy-form"]').exists()).toBe(false);
    expect(closed.text()).not.toContain("三审完成后进行保密审查。");
  });
});
