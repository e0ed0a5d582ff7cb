// The designer's geometry: whole sheets per zone, snapping, and the places the store would refuse.
import { describe, expect, it } from "vitest";
import {
  freeSpot,
  layoutProblems,
  outside,
  overlaps,
  placementProblems,
  resizeBySheets,
  resized,
  sheetsFit,
  snapRect,
  type DesignZone,
  type Rect,
} from "@/views/boards/layout";

function zone(name: string, rect: Rect, extra: Partial<DesignZone> = {}): DesignZone {
  return { id: null, key: name, name, rect, cadence: "monthly", dueDay: 15, dueWithinDays: null, dueInWorkingDays: false, minDays: 10, ...extra };
}

const board = { width: 2400, height: 1200 };

describe("sheets a zone holds", () => {
  it("counts whole sheets with 20 mm between them and none at the edges", () => {
    // 3 × 210 + 2 × 20 = 670 wide; 3 × 297 + 2 × 20 = 931 high.
    expect(sheetsFit({ width: 670, height: 931 }, "A4", "portrait")).toEqual({ columns: 3, rows: 3, count: 9 });
    expect(sheetsFit({ width: 669, height: 931 }, "A4", "portrait")).toEqual({ columns: 2, rows: 3, count: 6 });
    // The 三务 template's 700 × 940 zone.
    expect(sheetsFit({ width: 700, height: 940 }, "A4", "portrait").count).toBe(9);
    expect(sheetsFit({ width: 700, height: 940 }, "A4", "landscape")).toEqual({ columns: 2, rows: 4, count: 8 });
    expect(sheetsFit({ width: 700, height: 940 }, "A3", "portrait")).toEqual({ columns: 2, rows: 2, count: 4 });
    // A strip for the 监督电话 holds no sheet.
    expect(sheetsFit({ width: 2280, height: 80 }, "A4", "portrait").count).toBe(0);
  });

  it("snaps to the nearest whole count, at least one sheet, within the board (the core's snap)", () => {
    const at = (x: number, y: number, width: number, height: number) => ({ x, y, width, height });
    expect(snapRect(at(60, 120, 700, 940), board, "A4", "portrait")).toEqual(at(60, 120, 670, 931));
    expect(snapRect(at(0, 0, 800, 1000), board, "A4", "portrait")).toEqual(at(0, 0, 900, 931));
    expect(snapRect(at(0, 0, 10, 10), board, "A3", "landscape")).toEqual(at(0, 0, 420, 297));
    // Halves round up: 325 + 20 = 345 = 1.5 × 230 → 2 columns.
    expect(snapRect(at(0, 0, 325, 297), board, "A4", "portrait").width).toBe(440);
    // Four columns would pass the right edge from x = 1700: three (670) do not.
    expect(snapRect(at(1700, 0, 900, 297), board, "A4", "portrait").width).toBe(670);
    // One sheet that passes the edge is left so, for the check to name.
    expect(snapRect(at(2300, 0, 210, 297), board, "A4", "portrait").width).toBe(210);
    for (const w of [230, 451, 777, 1234]) {
      const snapped = snapRect(at(0, 0, w, 500), board, "A4", "portrait");
      const fit = sheetsFit(snapped, "A4", "portrait");
      // A snapped size holds its sheets exactly: one millimetre less loses a column.
      expect(sheetsFit({ width: snapped.width - 1, height: snapped.height }, "A4", "portrait").columns).toBe(fit.columns - 1);
    }
  });

  it("adds and takes away a column or a row of sheets", () => {
    expect(resizeBySheets({ width: 670, height: 931 }, 1, 0, "A4", "portrait")).toEqual({ width: 900, height: 931 });
    expect(resizeBySheets({ width: 670, height: 931 }, 0, -1, "A4", "portrait")).toEqual({ width: 670, height: 614 });
    expect(resizeBySheets({ width: 210, height: 297 }, -1, -1, "A4", "portrait")).toEqual({ width: 210, height: 297 });
  });

  it("resizes from any handle, the opposite edges staying put", () => {
    const r = { x: 400, y: 100, width: 670, height: 931 };
    const east = resized(r, "e", 240, 0, board, { paper: "A4", orientation: "portrait" });
    expect(east).toEqual({ x: 400, y: 100, width: 900, height: 931 });
    const west = resized(r, "w", 200, 0, board, { paper: "A4", orientation: "portrait" });
    expect(west).toEqual({ x: 400 + 670 - 440, y: 100, width: 440, height: 931 });
    expect(west.x + west.width).toBe(r.x + r.width);
    const free = resized(r, "nw", -33, -47, board, null);
    expect(free).toEqual({ x: 370, y: 51, width: 700, height: 980 });
    expect(free.y + free.height).toBe(r.y + r.height);
    // Pulled far past the left edge, the zone keeps to the board: 1070 mm from x = 0 holds 4 columns.
    expect(resized(r, "w", -2000, 0, board, { paper: "A4", orientation: "portrait" })).toEqual({ x: 1070 - 900, y: 100, width: 900, height: 931 });
  });
});

describe("places the store refuses", () => {
  it("overlap is symmetric and touching edges do not overlap", () => {
    const a = { x: 0, y: 0, width: 100, height: 100 };
    for (const b of [
      { x: 100, y: 0, width: 50, height: 50 },
      { x: 99, y: 99, width: 50, height: 50 },
      { x: -50, y: 100, width: 500, height: 10 },
      { x: 10, y: 10, width: 10, height: 10 },
    ]) {
      expect(overlaps(a, b)).toBe(overlaps(b, a));
    }
    expect(overlaps(a, { x: 100, y: 0, width: 50, height: 50 })).toBe(false);
    expect(overlaps(a, { x: 99, y: 99, width: 50, height: 50 })).toBe(true);
    expect(overlaps(a, { x: 10, y: 10, width: 10, height: 10 })).toBe(true);
  });

  it("names the edge and the millimetres a zone leaves the board by", () => {
    expect(outside("财务公开", { x: 1800, y: 100, width: 640, height: 100 }, board)).toEqual(["版块“财务公开”的右边超出公开栏 40 mm"]);
    expect(outside("甲", { x: -10, y: 1150, width: 100, height: 100 }, board)).toEqual(["版块“甲”的左边超出公开栏 10 mm", "版块“甲”的下边超出公开栏 50 mm"]);
    expect(outside("乙", { x: 0, y: 0, width: 2400, height: 1200 }, board)).toEqual([]);
  });

  it("a placement names both zones, and a zone never collides with itself", () => {
    const zones = [zone("党务公开", { x: 60, y: 120, width: 700, height: 940 }), zone("村务公开", { x: 850, y: 120, width: 700, height: 940 })];
    expect(placementProblems(zones[1], { x: 700, y: 120, width: 700, height: 940 }, zones, board)).toEqual(["版块“村务公开”与“党务公开”重叠"]);
    expect(placementProblems(zones[1], { x: 860, y: 130, width: 700, height: 940 }, zones, board)).toEqual([]);
    expect(placementProblems(zones[1], { x: 1800, y: 120, width: 700, height: 940 }, zones, board)).toEqual(["版块“村务公开”的右边超出公开栏 100 mm"]);
  });

  it("a whole layout: names, duplicates, overlaps once per pair, due rules", () => {
    const zones = [
      zone("财务公开", { x: 0, y: 0, width: 500, height: 500 }),
      zone("财务公开", { x: 400, y: 0, width: 500, height: 500 }),
      zone(" ", { x: 1000, y: 0, width: 100, height: 100 }),
      zone("一二三四五六七八九十一二三四五六七八九十一", { x: 1100, y: 0, width: 50, height: 100 }),
      zone("重大事项", { x: 1200, y: 0, width: 100, height: 100 }, { cadence: "as_needed", dueDay: null, dueWithinDays: null }),
      zone("党务公开", { x: 1400, y: 0, width: 100, height: 100 }, { cadence: "half_yearly", dueDay: null }),
    ];
    expect(layoutProblems(zones, board)).toEqual([
      "有两个版块都叫“财务公开”，请改用不同的名称",
      "版块“财务公开”与“财务公开”重叠",
      "第 3 个版块没有名称",
      "版块名称“一二三四五六七八九十一二三四五六七八九十一”过长（最多 20 个字）",
      "版块“重大事项”须填写事项发生后几日内公开（1—365）",
      "版块“党务公开”须填写期满后次月几日前更新（1—31）",
    ]);
    expect(layoutProblems([zone("监督电话", { x: 60, y: 1090, width: 2280, height: 80 }, { cadence: "standing", dueDay: null, minDays: null })], board)).toEqual([]);
  });

  it("finds a free spot for a new zone, or none on a full board", () => {
    const zones = [zone("左", { x: 0, y: 0, width: 1200, height: 1200 })];
    expect(freeSpot({ width: 440, height: 297 }, zones, board)).toEqual({ x: 1200, y: 0, width: 440, height: 297 });
    expect(freeSpot({ width: 440, height: 297 }, [zone("满", { x: 0, y: 0, width: 2400, height: 1200 })], board)).toBeNull();
  });
});
