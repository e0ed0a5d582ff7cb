import { beforeEach, describe, expect, it } from "vitest";
import { mount } from "@vue/test-utils";
import ElementPlus from "element-plus";
import MasksTab from "@/views/settings/MasksTab.vue";
import { flush, serve } from "./fixtures";

const defaults = {
  idKeepStart: 2,
  idKeepEnd: 3,
  bankKeepEnd: 4,
  phoneKeepStart: 3,
  phoneKeepEnd: 4,
  idExample: "36*************23X",
  bankExample: "***************0123",
  phoneExample: "138****1234",
  isDefault: true,
};

describe("脱敏规则", () => {
  beforeEach(() => {
    document.body.innerHTML = "";
  });

  it("shows the current rule with examples and saves a new one", async () => {
    const mock = serve({
      mask_rules_get: () => defaults,
      mask_rules_update: (args) => ({ ...defaults, ...(args as object), idExample: "360982********123X", isDefault: false }),
    });
    const w = mount(MasksTab, { global: { plugins: [ElementPlus] }, attachTo: document.body });
    await flush();
    expect(w.find('[data-testid="mask-examples"]').text()).toContain("36*************23X");
    expect(w.find('[data-testid="mask-examples"]').text()).toContain("默认规则");
    await w.find("form").trigger("submit");
    await flush();
    expect(mock).toHaveBeenCalledWith("mask_rules_update", {
      args: { idKeepStart: 2, idKeepEnd: 3, bankKeepEnd: 4, phoneKeepStart: 3, phoneKeepEnd: 4 },
    });
    expect(w.find('[data-testid="mask-examples"]').text()).toContain("本镇（街道）规则");
    w.unmount();
  });

  it("shows the core's refusal in Chinese", async () => {
    serve({
      mask_rules_get: () => defaults,
      mask_rules_update: () => {
        throw { code: "invalid_input", message: "身份证号最多保留前 6 位和后 4 位，出生日期必须隐去" };
      },
    });
    const w = mount(MasksTab, { global: { plugins: [ElementPlus] }, attachTo: document.body });
    await flush();
    await w.find("form").trigger("submit");
    await flush();
    expect(document.body.textContent).toContain("出生日期必须隐去");
    w.unmount();
  });
});
