import { beforeEach, describe, expect, it } from "vitest";
import { mount } from "@vue/test-utils";
import ElementPlus from "element-plus";
import SetupView from "@/views/SetupView.vue";
import { app } from "@/state/app";
import { flush, profile, serve } from "./fixtures";

function mountSetup() {
  return mount(SetupView, { props: { dbPath: "/tmp/g.sqlite3" }, global: { plugins: [ElementPlus] }, attachTo: document.body });
}

describe("first-start setup", () => {
  beforeEach(() => {
    document.body.innerHTML = "";
    app.profile = null;
  });

  it("sends the township only once name, county and a code are filled", async () => {
    const mock = serve({ setup_create: () => profile() });
    const w = mountSetup();
    const submit = () => w.find('[data-testid="setup-create-submit"]');
    expect(submit().attributes("disabled")).toBeDefined();

    await w.find('input[data-testid="setup-name"]').setValue("店下镇");
    await w.find('input[data-testid="setup-county"]').setValue("樟树市");
    expect(submit().attributes("disabled")).toBeDefined();

    await w.find('input[data-testid="setup-division-code"]').setValue("360982101");
    expect(submit().attributes("disabled")).toBeUndefined();
    await submit().trigger("submit");
    await flush();

    expect(mock).toHaveBeenCalledWith("setup_create", {
      args: { name: "店下镇", county: "樟树市", divisionCode: "360982101", creditCode: "" },
    });
    expect(app.profile?.township.name).toBe("示范镇");
    w.unmount();
  });

  it("opens the demo township", async () => {
    const mock = serve({ setup_demo_lived_in: () => profile() });
    const w = mountSetup();
    await w.find('[data-testid="setup-open-demo"]').trigger("click");
    await flush();
    expect(mock).toHaveBeenCalledWith("setup_demo_lived_in", { args: {} });
    expect(app.profile?.villages).toHaveLength(1);
    w.unmount();
  });

  it("shows the core's refusal in Chinese and stays on setup", async () => {
    serve({
      setup_create: () => {
        throw { code: "invalid_input", message: "统一社会信用代码“91350100M000100Y44”格式不正确：校验位不正确，请核对是否抄错" };
      },
    });
    const w = mountSetup();
    await w.find('input[data-testid="setup-name"]').setValue("店下镇");
    await w.find('input[data-testid="setup-county"]').setValue("樟树市");
    await w.find('input[data-testid="setup-credit-code"]').setValue("91350100M000100Y44");
    await w.find("form").trigger("submit");
    await flush();
    expect(document.body.textContent).toContain("校验位不正确");
    expect(app.profile).toBeNull();
    w.unmount();
  });
});
