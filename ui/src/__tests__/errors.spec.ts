import { describe, expect, it } from "vitest";
import { errorMessage } from "@/api/errors";

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
