// The geometry of a board's layout as the designer draws it, in whole millimetres: sheets a zone
// holds, snapping a zone to whole sheets, and the checks the store makes again (inside the board,
// apart from each other). The sheet rule mirrors crates/gongkai-boards/src/geometry.rs.

export type Paper = "A4" | "A3";
export type Orientation = "portrait" | "landscape";

/** A rectangle on the board: x to the right, y down from the board's top-left corner, in mm. */
export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** What a zone holds in the designer; cadence keys are the columns of migration 0014. */
export interface DesignZone {
  /** Names the zone across layout versions; a new zone gets one when saved. */
  id: string | null;
  /** Only the designer's own key, for lists and selection. */
  key: string;
  name: string;
  rect: Rect;
  cadence: "monthly" | "quarterly" | "half_yearly" | "as_needed" | "standing";
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

/** The size nearest to `size` that holds whole sheets exactly, at least one each way. */
export function snapSize(size: Pick<Rect, "width" | "height">, paper: Paper, orientation: Orientation): { width: number; height: number } {
  const sheet = sheetSize(paper, orientation);
  const nearest = (length: number, along: number) => Math.max(1, Math.round((length + SHEET_GAP_MM) / (along + SHEET_GAP_MM)));
  return { width: lengthOf(nearest(size.width, sheet.width), sheet.width), height: lengthOf(nearest(size.height, sheet.height), sheet.height) };
}

/** A size grown or shrunk by `columns` and `rows` whole sheets from its own count (never below one). */
export function resizeBySheets(size: Pick<Rect, "width" | "height">, columns: number, rows: number, paper: Paper, orientation: Orientation) {
  const sheet = sheetSize(paper, orientation);
  const snapped = snapSize(size, paper, orientation);
  const n = (length: number, along: number) => Math.round((length + SHEET_GAP_MM) / (along + SHEET_GAP_MM));
  return {
    width: lengthOf(Math.max(1, n(snapped.width, sheet.width) + columns), sheet.width),
    height: lengthOf(Math.max(1, n(snapped.height, sheet.height) + rows), sheet.height),
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

/** Where a zone leaves the board, in Chinese (edge and millimetres); empty when it is inside. */
export function outside(rect: Rect, board: { width: number; height: number }): string[] {
  const out: string[] = [];
  if (rect.x < 0) out.push(`左边 ${-rect.x} 毫米`);
  if (rect.y < 0) out.push(`上边 ${-rect.y} 毫米`);
  if (rect.x + rect.width > board.width) out.push(`右边 ${rect.x + rect.width - board.width} 毫米`);
  if (rect.y + rect.height > board.height) out.push(`下边 ${rect.y + rect.height - board.height} 毫米`);
  return out;
}

/** Why a zone cannot stand at `rect` among the others, each naming the zones; empty when it can. */
export function placementProblems(zone: Pick<DesignZone, "key" | "name">, rect: Rect, others: DesignZone[], board: { width: number; height: number }): string[] {
  const problems: string[] = [];
  const beyond = outside(rect, board);
  if (beyond.length) problems.push(`版块“${zone.name}”超出公开栏${beyond.join("、")}`);
  if (rect.width <= 0 || rect.height <= 0) problems.push(`版块“${zone.name}”的宽和高须大于 0`);
  for (const other of others) {
    if (other.key !== zone.key && overlaps(rect, other.rect)) problems.push(`版块“${zone.name}”与“${other.name}”重叠`);
  }
  return problems;
}

/** Everything wrong with a whole layout (names, places, due rules), each naming its zone. */
export function layoutProblems(zones: DesignZone[], board: { width: number; height: number }): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  zones.forEach((zone, i) => {
    const name = zone.name.trim();
    if (!name) problems.push(`第 ${i + 1} 个版块没有名称`);
    else if (seen.has(name)) problems.push(`版块名称“${name}”重复`);
    seen.add(name);
    const beyond = outside(zone.rect, board);
    if (beyond.length) problems.push(`版块“${zone.name}”超出公开栏${beyond.join("、")}`);
    // Each pair once: the later zone against the earlier ones.
    for (const earlier of zones.slice(0, i)) {
      if (overlaps(zone.rect, earlier.rect)) problems.push(`版块“${earlier.name}”与“${zone.name}”重叠`);
    }
    const periodic = zone.cadence === "monthly" || zone.cadence === "quarterly" || zone.cadence === "half_yearly";
    if (periodic && !(zone.dueDay && zone.dueDay >= 1 && zone.dueDay <= 31)) problems.push(`版块“${zone.name}”须填写次月几日前更新（1—31）`);
    if (zone.cadence === "as_needed" && !(zone.dueWithinDays && zone.dueWithinDays >= 1 && zone.dueWithinDays <= 365))
      problems.push(`版块“${zone.name}”须填写事项发生后几日内公开（1—365）`);
    if (zone.minDays !== null && !(zone.minDays >= 1 && zone.minDays <= 365)) problems.push(`版块“${zone.name}”的最少张贴天数须在 1—365 之间`);
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
 * The rectangle after dragging `handle` by (dx, dy) mm: the opposite edges stay, the size snaps
 * to whole sheets when `snap` is given (else to `STEP_MM`), and never below one step.
 */
export function resized(rect: Rect, handle: Handle, dx: number, dy: number, snap: { paper: Paper; orientation: Orientation } | null): Rect {
  const west = handle.includes("w");
  const east = handle.includes("e");
  const north = handle.includes("n");
  const south = handle.includes("s");
  let width = rect.width + (east ? dx : west ? -dx : 0);
  let height = rect.height + (south ? dy : north ? -dy : 0);
  if (snap) {
    const snapped = snapSize({ width, height }, snap.paper, snap.orientation);
    if (east || west) width = snapped.width;
    if (north || south) height = snapped.height;
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
