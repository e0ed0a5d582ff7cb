// The geometry of a board's layout as the designer draws it, in whole millimetres: sheets a zone
// holds, snapping a zone to whole sheets, and the checks the store makes again (inside the board,
// apart from each other). The sheet rule mirrors crates/gongkai-boards/src/geometry.rs.

import type { BoardCadence, PaperSize, SheetOrientation } from "@/api/bindings";

export type Paper = PaperSize;
export type Orientation = SheetOrientation;

/** A rectangle on the board: x to the right, y down from the board's top-left corner, in mm. */
export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** A zone as the designer edits it: the wire's `BoardZone` with a key for new zones too. */
export interface DesignZone {
  /** Names the zone across layout versions; a new zone gets one when saved. */
  id: string | null;
  /** Only the designer's own key, for lists and selection. */
  key: string;
  name: string;
  rect: Rect;
  cadence: BoardCadence;
  dueDay: number | null;
  dueWithinDays: number | null;
  dueInWorkingDays: boolean;
  minDays: number | null;
}

/**
 * Gap between two sheets side by side or one above the other: room for the pins or magnets and
 * for the edge of a sheet to curl without covering its neighbour. Sheets start at the zone's
 * edge (no outer margin): the zone's frame is the board's own.
 */
export const SHEET_GAP_MM = 20;
/** Arrow keys move a zone by this much; drags round positions to it. */
export const STEP_MM = 10;

const PAPER_MM: Record<Paper, { short: number; long: number }> = {
  A4: { short: 210, long: 297 },
  A3: { short: 297, long: 420 },
};

/** A sheet's width and height on the board. */
export function sheetSize(paper: Paper, orientation: Orientation): { width: number; height: number } {
  const { short, long } = PAPER_MM[paper];
  return orientation === "portrait" ? { width: short, height: long } : { width: long, height: short };
}

/** How many whole sheets side by side fit in `length` mm: n sheets take n·sheet + (n−1)·gap. */
function wholeSheets(length: number, sheet: number): number {
  return Math.max(0, Math.floor((length + SHEET_GAP_MM) / (sheet + SHEET_GAP_MM)));
}

/** The length that holds exactly `n` sheets with the gaps between them. */
function lengthOf(n: number, sheet: number): number {
  return n * sheet + (n - 1) * SHEET_GAP_MM;
}

export interface Fit {
  columns: number;
  rows: number;
  count: number;
}

/** Whole sheets of one paper and orientation a zone holds. */
export function sheetsFit(rect: Pick<Rect, "width" | "height">, paper: Paper, orientation: Orientation): Fit {
  const sheet = sheetSize(paper, orientation);
  const columns = wholeSheets(rect.width, sheet.width);
  const rows = wholeSheets(rect.height, sheet.height);
  return { columns, rows, count: columns * rows };
}

/**
 * Whole sheets along one axis, the rule of `gongkai_boards::geometry::snap`: the nearest whole
 * number of sheets (halves up, at least one), fewer while the zone starting at `start` would pass
 * `room` (the board's edge), and the length of that many sheets with the gaps between them.
 */
function snapAxis(start: number, length: number, sheet: number, room: number): number {
  let n = Math.max(1, Math.round((length + SHEET_GAP_MM) / (sheet + SHEET_GAP_MM)));
  while (n > 1 && start + lengthOf(n, sheet) > room) n -= 1;
  return lengthOf(n, sheet);
}

/** `rect` resized to hold whole sheets exactly, its top-left corner where it is (the core's `snap`). */
export function snapRect(rect: Rect, board: { width: number; height: number }, paper: Paper, orientation: Orientation): Rect {
  const sheet = sheetSize(paper, orientation);
  return { ...rect, width: snapAxis(rect.x, rect.width, sheet.width, board.width), height: snapAxis(rect.y, rect.height, sheet.height, board.height) };
}

/** A size grown or shrunk by `columns` and `rows` whole sheets from its nearest whole count (never below one). */
export function resizeBySheets(size: Pick<Rect, "width" | "height">, columns: number, rows: number, paper: Paper, orientation: Orientation) {
  const sheet = sheetSize(paper, orientation);
  const n = (length: number, along: number) => Math.max(1, Math.round((length + SHEET_GAP_MM) / (along + SHEET_GAP_MM)));
  return {
    width: lengthOf(Math.max(1, n(size.width, sheet.width) + columns), sheet.width),
    height: lengthOf(Math.max(1, n(size.height, sheet.height) + rows), sheet.height),
  };
}

/** Rounds to the nearest multiple of `STEP_MM`. */
export function roundToStep(mm: number): number {
  return Math.round(mm / STEP_MM) * STEP_MM;
}

/** Whether two zones share any area (touching edges do not). */
export function overlaps(a: Rect, b: Rect): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

/** The longest zone name: it is printed in the zone's label strip and on the 示意图 (the core's rule). */
export const MAX_ZONE_NAME_CHARS = 20;

/** Where a zone leaves the board, each as the core words it (edge and millimetres); empty when inside. */
export function outside(name: string, rect: Rect, board: { width: number; height: number }): string[] {
  const edges: [string, number][] = [
    ["左", -rect.x],
    ["上", -rect.y],
    ["右", rect.x + rect.width - board.width],
    ["下", rect.y + rect.height - board.height],
  ];
  return edges.filter(([, by]) => by > 0).map(([edge, by]) => `版块“${name}”的${edge}边超出公开栏 ${by} mm`);
}

/** Why a zone cannot stand at `rect` among the others, each naming the zones; empty when it can. */
export function placementProblems(zone: Pick<DesignZone, "key" | "name">, rect: Rect, others: DesignZone[], board: { width: number; height: number }): string[] {
  const problems = outside(zone.name, rect, board);
  if (rect.width <= 0 || rect.height <= 0) problems.push(`版块“${zone.name}”的宽度或高度为 0`);
  for (const other of others) {
    if (other.key !== zone.key && overlaps(rect, other.rect)) problems.push(`版块“${zone.name}”与“${other.name}”重叠`);
  }
  return problems;
}

/** Everything wrong with a whole layout (names, places, due rules), each naming its zone, as `Layout::check` words it. */
export function layoutProblems(zones: DesignZone[], board: { width: number; height: number }): string[] {
  const problems: string[] = [];
  const label = (zone: DesignZone, i: number) => zone.name.trim() || `第 ${i + 1} 个版块`;
  zones.forEach((zone, i) => {
    const name = zone.name.trim();
    if (!name) problems.push(`第 ${i + 1} 个版块没有名称`);
    else if ([...name].length > MAX_ZONE_NAME_CHARS) problems.push(`版块名称“${name}”过长（最多 ${MAX_ZONE_NAME_CHARS} 个字）`);
    else if (zones.slice(0, i).some((z) => z.name.trim() === name)) problems.push(`有两个版块都叫“${name}”，请改用不同的名称`);
    if (zone.rect.width <= 0 || zone.rect.height <= 0) problems.push(`版块“${label(zone, i)}”的宽度或高度为 0`);
    problems.push(...outside(label(zone, i), zone.rect, board));
    // Each pair once: the later zone against the earlier ones.
    zones.slice(0, i).forEach((earlier, j) => {
      if (overlaps(zone.rect, earlier.rect)) problems.push(`版块“${label(earlier, j)}”与“${label(zone, i)}”重叠`);
    });
    const periodic = zone.cadence === "monthly" || zone.cadence === "quarterly" || zone.cadence === "half_yearly";
    if (periodic && !(zone.dueDay && zone.dueDay >= 1 && zone.dueDay <= 31)) problems.push(`版块“${label(zone, i)}”须填写期满后次月几日前更新（1—31）`);
    if (zone.cadence === "as_needed" && !(zone.dueWithinDays && zone.dueWithinDays >= 1 && zone.dueWithinDays <= 365))
      problems.push(`版块“${label(zone, i)}”须填写事项发生后几日内公开（1—365）`);
    if (zone.minDays !== null && !(zone.minDays >= 1 && zone.minDays <= 365)) problems.push(`版块“${label(zone, i)}”的最少张贴天数须在 1—365 之间`);
  });
  return problems;
}

/**
 * A free place for a new zone of `size`: the first spot scanning rows top to bottom, left to right,
 * in steps of `STEP_MM`, that is inside the board and clear of every zone; null when none is.
 */
export function freeSpot(size: { width: number; height: number }, zones: DesignZone[], board: { width: number; height: number }): Rect | null {
  for (let y = 0; y + size.height <= board.height; y += STEP_MM) {
    for (let x = 0; x + size.width <= board.width; x += STEP_MM) {
      const rect = { x, y, ...size };
      if (!zones.some((z) => overlaps(rect, z.rect))) return rect;
    }
  }
  return null;
}

/** Which edges a resize handle moves. */
export type Handle = "n" | "s" | "e" | "w" | "ne" | "nw" | "se" | "sw";

/**
 * The rectangle after dragging `handle` by (dx, dy) mm: the opposite edges stay. With `snap` the
 * size holds whole sheets by the core's rule, kept within the board on the side that moves; without,
 * it is rounded to `STEP_MM`. Never below one sheet or one step.
 */
export function resized(
  rect: Rect,
  handle: Handle,
  dx: number,
  dy: number,
  board: { width: number; height: number },
  snap: { paper: Paper; orientation: Orientation } | null,
): Rect {
  const west = handle.includes("w");
  const east = handle.includes("e");
  const north = handle.includes("n");
  const south = handle.includes("s");
  let width = rect.width + (east ? dx : west ? -dx : 0);
  let height = rect.height + (south ? dy : north ? -dy : 0);
  if (snap) {
    const sheet = sheetSize(snap.paper, snap.orientation);
    // Growing west or north, the room runs from the board's left or top edge to the fixed edge.
    if (east) width = snapAxis(rect.x, width, sheet.width, board.width);
    if (west) width = snapAxis(0, width, sheet.width, rect.x + rect.width);
    if (south) height = snapAxis(rect.y, height, sheet.height, board.height);
    if (north) height = snapAxis(0, height, sheet.height, rect.y + rect.height);
  } else {
    width = Math.max(STEP_MM, roundToStep(width));
    height = Math.max(STEP_MM, roundToStep(height));
  }
  return {
    x: west ? rect.x + rect.width - width : rect.x,
    y: north ? rect.y + rect.height - height : rect.y,
    width,
    height,
  };
}
