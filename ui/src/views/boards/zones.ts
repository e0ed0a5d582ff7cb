// Between the wire's zones and the designer's: rectangles in plain numbers, a key for new zones.
import type { Board, BoardZone, ZoneInput } from "@/api/bindings";
import type { DesignZone } from "./layout";
import { fromWire, toWire } from "./wireInt";

export function designZone(zone: BoardZone): DesignZone {
  return {
    id: zone.id,
    key: zone.id ?? `position-${zone.position}`,
    name: zone.name,
    rect: { x: fromWire(zone.rect.x), y: fromWire(zone.rect.y), width: fromWire(zone.rect.width), height: fromWire(zone.rect.height) },
    cadence: zone.cadence,
    dueDay: zone.dueDay,
    dueWithinDays: zone.dueWithinDays,
    dueInWorkingDays: zone.dueInWorkingDays,
    minDays: zone.minDays,
  };
}

export function zoneInput(zone: DesignZone): ZoneInput {
  const { x, y, width, height } = zone.rect;
  return {
    id: zone.id,
    name: zone.name.trim(),
    rect: { x: toWire(x), y: toWire(y), width: toWire(width), height: toWire(height) },
    cadence: zone.cadence,
    dueDay: zone.dueDay,
    dueWithinDays: zone.dueWithinDays,
    dueInWorkingDays: zone.dueInWorkingDays,
    minDays: zone.minDays,
  };
}

/** Where a board stands, for lists and titles: its village, or the township. */
export function placeOf(board: Pick<Board, "villageName">, township: string): string {
  return board.villageName ?? township;
}
