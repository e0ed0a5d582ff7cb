import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { SYSTEM_CJK_FAMILIES, installed } from "../fonts";

const style = readFileSync(join(process.cwd(), "src", "style.css"), "utf8");

function fontStack(): string[] {
  const declared = /--el-font-family:\s*([^;]+);/.exec(style);
  if (!declared) throw new Error("style.css declares no --el-font-family");
  return declared[1].split(",").map((family) => family.trim().replace(/^"|"$/g, ""));
}

/** A 2D context whose text is as wide as the first listed family that `present` holds. */
function fakeContext(present: string[]): CanvasRenderingContext2D {
  const widths = new Map<string, number>([
    ["monospace", 600],
    ["serif", 500],
  ]);
  for (const [i, family] of present.entries()) widths.set(family, 700 + i);
  const context = {
    font: "",
    measureText(): TextMetrics {
      const families = context.font
        .replace(/^\d+px /, "")
        .split(",")
        .map((f: string) => f.trim().replace(/^"|"$/g, ""));
      const family = families.find((f: string) => widths.has(f)) ?? "serif";
      return { width: widths.get(family) } as TextMetrics;
    },
  };
  return context as unknown as CanvasRenderingContext2D;
}

describe("the UI's fonts", () => {
  it("prefers the system's Chinese faces, in fonts.ts's order, and falls back to the bundled webfont", () => {
    const stack = fontStack();
    expect(stack.slice(0, SYSTEM_CJK_FAMILIES.length)).toEqual(SYSTEM_CJK_FAMILIES);
    expect(stack[SYSTEM_CJK_FAMILIES.length]).toBe("Noto Sans SC");
    expect(stack).toContain("Gongkai Rare");
    expect(stack[stack.length - 1]).toBe("sans-serif");
  });

  it("tells an installed family from a missing one by the width the generic face would give", () => {
    const context = fakeContext(["Noto Sans CJK SC"]);
    expect(installed("Noto Sans CJK SC", context)).toBe(true);
    expect(installed("Microsoft YaHei", context)).toBe(false);
  });

  it("counts a family as missing where no canvas can measure it, so the webfont is still asked for", () => {
    expect(installed("Noto Sans CJK SC", null)).toBe(false);
  });
});
