// How a zone's cadence and due rule read to the clerk.
import type { DesignZone } from "./layout";

export type Cadence = DesignZone["cadence"];

export const CADENCES: Cadence[] = ["monthly", "quarterly", "half_yearly", "as_needed", "standing"];

/** Until boards-core's wire labels reach bindings.ts (then this table goes, for the generated one). */
export const CadenceLabels: Readonly<Record<Cadence, string>> = {
  monthly: "每月",
  quarterly: "每季度",
  half_yearly: "每半年",
  as_needed: "随时",
  standing: "长期",
};

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
