// How a zone's cadence and due rule read to the clerk.
import { BoardCadenceLabels } from "@/api/bindings";
import type { DesignZone } from "./layout";

export type Cadence = DesignZone["cadence"];

export const CADENCES = Object.keys(BoardCadenceLabels) as Cadence[];

/** Whether a sheet of the cadence falls due on a day of the month after its period. */
export function isPeriodic(cadence: Cadence): boolean {
  return cadence === "monthly" || cadence === "quarterly" || cadence === "half_yearly";
}

/** The zone's due rule in one line: “次月 15 日前”, “事项发生后 20 个工作日内”, “不定期”. */
export function dueRule(zone: Pick<DesignZone, "cadence" | "dueDay" | "dueWithinDays" | "dueInWorkingDays">): string {
  if (isPeriodic(zone.cadence)) return `期满后次月 ${zone.dueDay ?? "?"} 日前更新`;
  if (zone.cadence === "as_needed") return `事项发生后 ${zone.dueWithinDays ?? "?"} 个${zone.dueInWorkingDays ? "工作日" : "自然日"}内`;
  return "长期张贴，不设更新期限";
}
