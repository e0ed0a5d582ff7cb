import type { RecordSummary } from "@/api/bindings";

/** Element Plus tag type for a deadline status. */
export function deadlineTag(deadline: string): "success" | "warning" | "danger" | "info" | "primary" {
  switch (deadline) {
    case "on_time":
      return "success";
    case "due_soon":
    case "late":
      return "warning";
    case "overdue":
      return "danger";
    case "pending":
      return "primary";
    default:
      return "info";
  }
}

/** “逾期未公开（3 个工作日）”, “即将到期（剩 2 个工作日）”. */
export function deadlineText(r: RecordSummary): string {
  const n = r.deadlineWorkdays;
  if (n === null) return r.deadlineLabel;
  if (r.deadline === "overdue" || r.deadline === "late") return `${r.deadlineLabel}（${n} 个工作日）`;
  if (r.deadline === "due_soon" && n === 0) return `${r.deadlineLabel}（今天到期）`;
  return `${r.deadlineLabel}（剩 ${n} 个工作日）`;
}
