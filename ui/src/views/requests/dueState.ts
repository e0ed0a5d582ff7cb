// How a request's due state shows in the list: the core's state key to a tag colour, and which
// states the clerk has to act on now.
import type { RequestSummary } from "@/api/bindings";

type Tag = "success" | "warning" | "danger" | "info" | "primary";

/** Element Plus tag type for a request's due state (the core's key). */
export function stateTag(state: string): Tag {
  switch (state) {
    case "on_time":
    case "answered":
      return "success";
    case "due_soon":
    case "answered_late":
      return "warning";
    case "overdue":
    case "lapsed":
      return "danger";
    case "suspended":
      return "primary";
    default:
      return "info";
  }
}

/** The filter choices of the list, each a set of state keys. */
export const stateFilters: { key: string; label: string; states: string[] }[] = [
  { key: "open", label: "办理中", states: ["on_time", "due_soon", "overdue", "suspended", "lapsed"] },
  { key: "attention", label: "即将到期或已逾期", states: ["due_soon", "overdue", "lapsed"] },
  { key: "suspended", label: "中止计时", states: ["suspended"] },
  { key: "answered", label: "已答复", states: ["answered", "answered_late"] },
  { key: "all", label: "全部", states: [] },
];

/** The requests a filter keeps; `all` (no states) keeps every one. */
export function filterByState(requests: RequestSummary[], filter: string): RequestSummary[] {
  const states = stateFilters.find((f) => f.key === filter)?.states ?? [];
  return states.length ? requests.filter((r) => states.includes(r.state)) : requests;
}

/** The reply line of a request in the list: outcome, and whether it is final and delivered. */
export function replyText(r: RequestSummary): string {
  if (!r.outcomeLabel) return "—";
  if (r.deliveredOn) return `${r.outcomeLabel}（${r.deliveredOn} 已送达）`;
  if (r.replyFinal) return `${r.outcomeLabel}（已定稿，待送达）`;
  return `${r.outcomeLabel}（待审定）`;
}
