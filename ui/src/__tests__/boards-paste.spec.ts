// A table pasted from Excel into the 公示 composer: tabs and lines, Excel's quoting, blank rows.
import { describe, expect, it } from "vitest";
import { parseTsv, pastedTable } from "@/views/boards/pastedTable";

describe("pasted tables", () => {
  it("reads rows and columns the way Excel copies them", () => {
    const text = "序号\t项目\t金额（元）\r\n1\t村道硬化\t12,500.00\r\n2\t路灯维修\t860.00\r\n";
    expect(pastedTable(text)).toEqual({
      columns: ["序号", "项目", "金额（元）"],
      rows: [
        ["1", "村道硬化", "12,500.00"],
        ["2", "路灯维修", "860.00"],
      ],
    });
  });

  it("keeps a quoted cell's line break, tab and quotes", () => {
    expect(parseTsv('项目\t说明\n修桥\t"一期\n二期"\n"引号""内"\t"a\tb"\n')).toEqual([
      ["项目", "说明"],
      ["修桥", "一期\n二期"],
      ['引号"内', "a\tb"],
    ]);
  });

  it("drops blank rows, pads short rows and names unnamed columns", () => {
    expect(pastedTable("姓名\t\t金额\n\n张三\t东山村\n\t\t\n")).toEqual({
      columns: ["姓名", "第2列", "金额"],
      rows: [["张三", "东山村", ""]],
    });
  });

  it("plain text is not a table", () => {
    expect(pastedTable("关于2026年第四季度村务公开的公示")).toBeNull();
    expect(pastedTable("")).toBeNull();
    expect(pastedTable("第一行\n第二行")).toBeNull();
  });
});
