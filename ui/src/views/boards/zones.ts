// Between the wire's zones and the designer's: a key for every zone, new ones included.
import type { Board, BoardZone, ZoneInput } from "@/api/bindings";
import type { DesignZone } from "./layout";

export function designZone(zone: BoardZone): DesignZone {
  return {
    id: zone.id,
    key: zone.id ?? `position-${zone.position}`,
    name: zone.name,
    rect: { ...zone.rect },
    cadence: zone.cadence,
    dueDay: zone.dueDay,
    dueWithinDays: zone.dueWithinDays,
    dueInWorkingDays: zone.dueInWorkingDays,
    minDays: zone.minDays,
  };
}

export function zoneInput(zone: DesignZone): ZoneInput {
  return {
    id: zone.id,
    name: zone.name.trim(),
    rect: { ...zone.rect },
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
