import { describe, expect, it, vi } from "vitest";
import { ElMessage } from "element-plus";
import { errorMessage, showError } from "@/api/errors";

describe("errorMessage", () => {
  it("shows the core's Chinese message as it is", () => {
    expect(errorMessage({ code: "duplicate", message: "已有村（社区）名称“东山村”，不能重复" })).toBe(
      "已有村（社区）名称“东山村”，不能重复",
    );
  });

  it("explains a missing core for thrown errors", () => {
    expect(errorMessage(new Error("window.__TAURI_INTERNALS__ is undefined"))).toBe(
      "无法连接到工作台核心：window.__TAURI_INTERNALS__ is undefined",
    );
  });

  it("wraps plain strings and unknown values", () => {
    expect(errorMessage("Command not allowed")).toBe("操作失败：Command not allowed");
    expect(errorMessage(undefined)).toBe("操作失败：发生未知错误");
  });
});

describe("showError", () => {
  it("shows the core's words closable for 8 s, long enough to read a row and column", () => {
    const shown = vi.spyOn(ElMessage, "error").mockImplementation(() => ({ close() {} }) as ReturnType<typeof ElMessage.error>);
    showError({ code: "invalid", message: "清册.xlsx 工作表“Sheet1”第 5 行 E 列：身份证号校验位不正确" });
    showError(new Error("gone"), 10000);
    expect(shown.mock.calls).toEqual([
      [{ message: "清册.xlsx 工作表“Sheet1”第 5 行 E 列：身份证号校验位不正确", duration: 8000, showClose: true }],
      [{ message: "无法连接到工作台核心：gone", duration: 10000, showClose: true }],
    ]);
    shown.mockRestore();
  });
});
