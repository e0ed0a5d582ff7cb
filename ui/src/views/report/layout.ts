// 表三 in the national layout: the three stub columns of each row, with 三、本年度办理结果 and
// each （三）–（六）group merged down their rows (the same layout as the exported PDF and Word:
// crates/gongkai-api/src/report/layout.rs).

export type StubRow = { key: string; label: string; parent: string | null; level: number };
export type StubCell = { text: string; rowspan: number; colspan: number; left: boolean };

/** The stub cells each row starts, in order; rows covered by a merged cell above start fewer. */
export function stubCells(rows: StubRow[]): StubCell[][] {
  const run = (from: number, same: (r: StubRow) => boolean) => {
    let n = 0;
    while (from + n < rows.length && same(rows[from + n])) n++;
    return n;
  };
  return rows.map((row, i) => {
    if (row.level === 0) return [{ text: row.label, rowspan: 1, colspan: 3, left: true }];
    const cells: StubCell[] = [];
    const underThree = (r: StubRow) => r.level >= 1;
    if (i === 0 || !underThree(rows[i - 1])) {
      const label = rows.slice(i).find((r) => r.level === 1)?.parent ?? "";
      cells.push({ text: label, rowspan: run(i, underThree), colspan: 1, left: false });
    }
    if (row.level === 1) {
      cells.push({ text: row.label, rowspan: 1, colspan: 2, left: true });
    } else {
      const sameGroup = (r: StubRow) => r.level === 2 && r.parent === row.parent;
      if (i === 0 || !sameGroup(rows[i - 1])) {
        cells.push({ text: row.parent ?? "", rowspan: run(i, sameGroup), colspan: 1, left: false });
      }
      cells.push({ text: row.label, rowspan: 1, colspan: 1, left: true });
    }
    return cells;
  });
}

/** Header groups over consecutive items sharing a group: [label, span, members?]. */
export function headerGroups<T>(items: T[], groupOf: (item: T) => string | null): { group: string | null; items: T[] }[] {
  const groups: { group: string | null; items: T[] }[] = [];
  for (const item of items) {
    const group = groupOf(item);
    const last = groups[groups.length - 1];
    if (group !== null && last && last.group === group) last.items.push(item);
    else groups.push({ group, items: [item] });
  }
  return groups;
}

/**
 * An amount typed in 元 or 万元 as integer fen, exactly (no floating point): `decimals` is how
 * many decimal places one fen is in that unit (元 2, 万元 6). Null when it is not a plain
 * non-negative decimal of that precision.
 */
export function parseAmount(text: string, fenPerUnit: number, decimals: number): number | null {
  const match = /^(\d+)(?:\.(\d*))?$/.exec(text.trim());
  if (!match) return null;
  const fraction = match[2] ?? "";
  if (fraction.length > decimals) return null;
  return Number(match[1]) * fenPerUnit + Number(fraction.padEnd(decimals, "0") || "0");
}

/** Fen written in a unit, the decimals it needs and no more: 1234500 fen in 万元 → "1.2345". */
export function formatAmount(fen: number, fenPerUnit: number, decimals: number): string {
  const whole = Math.floor(fen / fenPerUnit);
  const fraction = String(fen % fenPerUnit).padStart(decimals, "0").replace(/0+$/, "");
  return fraction ? `${whole}.${fraction}` : String(whole);
}
