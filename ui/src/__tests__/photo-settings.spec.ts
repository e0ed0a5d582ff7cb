import { beforeEach, describe, expect, it } from "vitest";
import { mount } from "@vue/test-utils";
import ElementPlus from "element-plus";
import PhotoSettingsTab from "@/views/photos/PhotoSettingsTab.vue";
import { flush, serve } from "./fixtures";

const range = { defaultMaxEdge: 1600, minMaxEdge: 800, maxMaxEdge: 4096 };

describe("照片尺寸", () => {
  beforeEach(() => {
    document.body.innerHTML = "";
  });

  it("shows the township's long edge and saves the one the clerk sets", async () => {
    // Saved differs from the default, so a form showing its own default is caught.
    const mock = serve({
      photo_settings_get: () => ({ ...range, maxEdge: 2048 }),
      photo_settings_save: (args) => ({ ...range, maxEdge: (args as { maxEdge: number }).maxEdge }),
    });
    const w = mount(PhotoSettingsTab, { global: { plugins: [ElementPlus] }, attachTo: document.body });
    await flush();
    const field = () => w.find('[data-testid="photo-max-edge"] input').element as HTMLInputElement;
    expect(field().value).toBe("2048");
    expect(w.find('[data-testid="photo-default"]').text()).toBe("缺省 1600 像素");

    await w.find('[data-testid="photo-max-edge"] input').setValue("1200");
    await w.find('[data-testid="photo-max-edge"] input').trigger("change");
    await w.find("form").trigger("submit");
    await flush();
    expect(mock).toHaveBeenCalledWith("photo_settings_save", { args: { maxEdge: 1200 } });
    expect(field().value).toBe("1200");
    w.unmount();
  });

  it("shows the core's refusal in Chinese", async () => {
    serve({
      photo_settings_get: () => ({ ...range, maxEdge: 1600 }),
      photo_settings_save: () => {
        throw { code: "invalid_input", message: "照片长边上限须在 800 到 4096 像素之间，“9000”不在此范围" };
      },
    });
    const w = mount(PhotoSettingsTab, { global: { plugins: [ElementPlus] }, attachTo: document.body });
    await flush();
    await w.find("form").trigger("submit");
    await flush();
    expect(document.body.textContent).toContain("不在此范围");
    w.unmount();
  });
});
