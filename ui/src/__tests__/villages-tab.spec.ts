import { beforeEach, describe, expect, it } from "vitest";
import { mount } from "@vue/test-utils";
import ElementPlus from "element-plus";
import VillagesTab from "@/views/settings/VillagesTab.vue";
import { app } from "@/state/app";
import { flush, profile, serve } from "./fixtures";

function names() {
  return [...document.querySelectorAll('[data-testid="village-name-cell"]')].map((e) => e.textContent);
}

describe("villages", () => {
  beforeEach(() => {
    document.body.innerHTML = "";
    app.profile = profile();
  });

  it("adds a village and shows the profile the core returned", async () => {
    const saved = profile({
      villages: [
        { id: "v1", name: "东山村", code: "999901101201", kind: "village" },
        { id: "v2", name: "樟溪社区", code: "999901101002", kind: "community" },
      ],
    });
    const mock = serve({ village_save: () => saved });
    const w = mount(VillagesTab, { global: { plugins: [ElementPlus] }, attachTo: document.body });
    await flush();
    expect(names()).toEqual(["东山村"]);

    await w.find('[data-testid="village-add"]').trigger("click");
    await flush();
    const name = document.querySelector('input[data-testid="village-name"]') as HTMLInputElement;
    const code = document.querySelector('input[data-testid="village-code"]') as HTMLInputElement;
    expect(code.value).toBe("999901101"); // prefilled with the township prefix
    name.value = "樟溪社区";
    name.dispatchEvent(new Event("input"));
    code.value = "999901101002";
    code.dispatchEvent(new Event("input"));
    // A 社区, not a 村: the clerk picks it, and that choice is what is sent.
    const kinds = [...document.querySelectorAll(".el-dialog .el-radio")];
    expect(kinds.map((k) => k.textContent?.trim())).toEqual(["村", "社区"]);
    (kinds[1].querySelector("input") as HTMLInputElement).click();
    await flush();
    (document.querySelector('[data-testid="village-save"]') as HTMLButtonElement).click();
    await flush();
    await flush();

    expect(mock).toHaveBeenCalledWith("village_save", {
      args: { id: null, name: "樟溪社区", code: "999901101002", kind: "community" },
    });
    expect(names()).toEqual(["东山村", "樟溪社区"]);
    const cells = [...document.querySelectorAll(".el-table__body tr")].map((r) => [...r.querySelectorAll("td")].map((c) => c.textContent?.trim()));
    expect(cells[0]).toContain("村");
    expect(cells[1]).toContain("社区");
    w.unmount();
  });

  it("keeps the dialog open and shows the Chinese reason when the core refuses", async () => {
    serve({
      village_save: () => {
        throw { code: "duplicate", message: "已有村（社区）名称“东山村”，不能重复" };
      },
    });
    const w = mount(VillagesTab, { global: { plugins: [ElementPlus] }, attachTo: document.body });
    await w.find('[data-testid="village-add"]').trigger("click");
    await flush();
    const name = document.querySelector('input[data-testid="village-name"]') as HTMLInputElement;
    name.value = "东山村";
    name.dispatchEvent(new Event("input"));
    const code = document.querySelector('input[data-testid="village-code"]') as HTMLInputElement;
    code.value = "999901101209";
    code.dispatchEvent(new Event("input"));
    await flush();
    (document.querySelector('[data-testid="village-save"]') as HTMLButtonElement).click();
    await flush();
    await flush();
    expect(document.body.textContent).toContain("已有村（社区）名称“东山村”，不能重复");
    expect(document.querySelector('input[data-testid="village-name"]')).not.toBeNull();
    expect(names()).toEqual(["东山村"]);
    w.unmount();
  });
});
