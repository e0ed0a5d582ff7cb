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

  it("shows the township's saved rule and saves what the clerk changed", async () => {
    // A saved rule that differs from the built-in defaults in every field, so a form that ignored
    // it (or sent its own defaults) is caught.
    const saved = { ...defaults, idKeepStart: 6, idKeepEnd: 4, bankKeepEnd: 3, phoneKeepStart: 2, phoneKeepEnd: 3, isDefault: false, idExample: "360982********123X" };
    const mock = serve({
      mask_rules_get: () => saved,
      mask_rules_update: (args) => {
        const a = args as typeof defaults;
        return { ...saved, ...a, idExample: `${"3".repeat(a.idKeepStart)}*****${"X".repeat(a.idKeepEnd)}`, isDefault: false };
      },
    });
    const w = mount(MasksTab, { global: { plugins: [ElementPlus] }, attachTo: document.body });
    await flush();
    const field = (testid: string) => w.find(`[data-testid="${testid}"] input`).element as HTMLInputElement;
    expect(field("mask-id-start").value).toBe("6");
    expect(field("mask-id-end").value).toBe("4");
    expect(w.find('[data-testid="mask-examples"]').text()).toContain("360982********123X");
    expect(w.find('[data-testid="mask-examples"]').text()).toContain("本镇（街道）规则");

    // The clerk keeps fewer digits at the start of an ID and at the end of a phone number.
    await w.find('[data-testid="mask-id-start"] input').setValue("1");
    await w.find('[data-testid="mask-id-start"] input').trigger("change");
    await w.find('[data-testid="mask-phone-end"] input').setValue("2");
    await w.find('[data-testid="mask-phone-end"] input').trigger("change");
    await w.find("form").trigger("submit");
    await flush();
    expect(mock).toHaveBeenCalledWith("mask_rules_update", {
      args: { idKeepStart: 1, idKeepEnd: 4, bankKeepEnd: 3, phoneKeepStart: 2, phoneKeepEnd: 2 },
    });
    // What is shown afterwards is the core's answer to what was sent.
    expect(w.find('[data-testid="mask-examples"]').text()).toContain("3*****XXXX");
    expect(field("mask-id-start").value).toBe("1");
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
