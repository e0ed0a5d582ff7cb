import { beforeEach, describe, expect, it } from "vitest";
import { mount } from "@vue/test-utils";
import ElementPlus from "element-plus";
import PayoutsView from "@/views/PayoutsView.vue";
import type { PayoutImportReport } from "@/api/bindings";
import { yuan } from "@/api/money";
import { flush, serve } from "./fixtures";

const list = {
  id: "l1",
  project: "耕地地力保护补贴",
  year: 2025,
  sourceFile: "清册.xlsx",
  status: "draft",
  rows: 2,
  totalFen: 12050,
  importedAt: "2026-11-24T03:00:00.000Z",
  villages: [{ name: "东山村", rows: 2, total_fen: 12050 }],
  postings: [],
};

function report(overrides: Partial<PayoutImportReport>): PayoutImportReport {
  return { list_id: "l1", imported_rows: 2, total_fen: 12050, villages: list.villages, errors: [], warnings: [], ...overrides };
}

async function mountWithPath(path: string) {
  const w = mount(PayoutsView, { global: { plugins: [ElementPlus] }, attachTo: document.body });
  await flush();
  await w.find('input[data-testid="payout-file"]').setValue(path);
  return w;
}

describe("补贴清册", () => {
  beforeEach(() => {
    document.body.innerHTML = "";
  });

  it("formats fen as yuan", () => {
    expect(yuan(123450)).toBe("1,234.50");
    expect(yuan(5)).toBe("0.05");
    expect(yuan(100000000)).toBe("1,000,000.00");
  });

  it("imports a file and shows the summary per village and the new list", async () => {
    let imported = false;
    const mock = serve({
      payouts_list: () => ({ lists: imported ? [list] : [] }),
      payouts_import: () => {
        imported = true;
        return report({});
      },
    });
    const w = await mountWithPath("/home/clerk/清册.xlsx");
    await w.find("form").trigger("submit");
    await flush();
    await flush();
    expect(mock).toHaveBeenCalledWith("payouts_import", {
      args: { path: "/home/clerk/清册.xlsx", sheet: null, project: null, year: null, supersedes: null, reason: null },
    });
    expect(w.find('[data-testid="import-summary"]').text()).toContain("已导入 2 人，合计 120.50 元");
    expect(w.find('[data-testid="payout-lists"]').text()).toContain("耕地地力保护补贴");
    expect(w.find('[data-testid="payout-lists"]').text()).toContain("草稿");
    w.unmount();
  });

  it("shows every error with sheet, row and column when the file is refused", async () => {
    serve({
      payouts_list: () => ({ lists: [] }),
      payouts_import: () =>
        report({
          list_id: null,
          imported_rows: 0,
          total_fen: 0,
          villages: [],
          errors: [
            { sheet: "东山村", row: 7, column: "身份证号码", code: "id_check_digit", message: "身份证号校验位不正确，可能有数字录错" },
            { sheet: "东山村", row: 9, column: "补贴金额（元）", code: "amount_decimals", message: "金额“12.345”超过两位小数（金额只能精确到分）" },
          ],
        }),
    });
    const w = await mountWithPath("/tmp/清册.xlsx");
    await w.find("form").trigger("submit");
    await flush();
    await flush();
    expect(w.text()).toContain("发现 2 处错误，整份清册未导入");
    const table = w.find('[data-testid="import-errors"]').text();
    expect(table).toContain("身份证号码");
    expect(table).toContain("校验位不正确");
    expect(table).toContain("12.345");
    expect(w.find('[data-testid="import-summary"]').exists()).toBe(false);
    expect(w.find('[data-testid="export-errors"]').exists()).toBe(true);
    w.unmount();
  });

  it("looks a person up by full ID and shows only the masked number", async () => {
    const mock = serve({
      payouts_list: () => ({ lists: [] }),
      payouts_lookup: () => ({
        payouts: [
          {
            listId: "l1",
            project: "高龄津贴",
            year: 2025,
            village: "东山村",
            name: "张三",
            idMasked: "36*************23X",
            amountFen: 30000,
            status: "draft",
            sourceFile: "a.csv",
          },
        ],
      }),
    });
    const w = mount(PayoutsView, { global: { plugins: [ElementPlus] }, attachTo: document.body });
    await flush();
    await w.find('input[data-testid="payout-lookup-id"]').setValue("36098219900101123X");
    await w.find('[data-testid="payout-lookup-submit"]').trigger("click");
    await flush();
    expect(mock).toHaveBeenCalledWith("payouts_lookup", { args: { idNumber: "36098219900101123X" } });
    const result = w.find('[data-testid="payout-lookup-result"]').text();
    expect(result).toContain("36*************23X");
    expect(result).toContain("300.00");
    w.unmount();
  });
});
