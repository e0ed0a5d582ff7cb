import type { Township, TownshipInput } from "@/api/bindings";

export function emptyTownship(): TownshipInput {
  return { name: "", county: "", divisionCode: "", creditCode: "" };
}

export function townshipInput(t: Township): TownshipInput {
  return { name: t.name, county: t.county, divisionCode: t.divisionCode ?? "", creditCode: t.creditCode ?? "" };
}

/** What is still missing before the form can be sent; null when complete. */
export function missingTownshipField(t: TownshipInput): string | null {
  if (!t.name.trim()) return "请填写镇（街道）名称";
  if (!t.county.trim()) return "请填写所属县（市、区）";
  if (!t.divisionCode?.trim() && !t.creditCode?.trim()) return "行政区划代码和统一社会信用代码至少填写一项";
  return null;
}
