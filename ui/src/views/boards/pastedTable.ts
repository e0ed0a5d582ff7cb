// A table pasted from Excel or WPS: the clipboard's text is tab-separated, one line a row, and a
// cell holding a line break, a tab or a quote is quoted ("…", quotes doubled inside).

export interface PastedTable {
  columns: string[];
  rows: string[][];
}

/** Splits clipboard text into rows of cells, honouring Excel's quoting. */
export function parseTsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let i = 0;
  // A cell is quoted only when its first character is a quote.
  let quoted = false;
  let atCellStart = true;
  while (i < text.length) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i += 2;
        continue;
      }
      if (ch === '"') {
        quoted = false;
        i += 1;
        continue;
      }
      cell += ch;
      i += 1;
      continue;
    }
    if (atCellStart && ch === '"') {
      quoted = true;
      atCellStart = false;
      i += 1;
      continue;
    }
    atCellStart = false;
    if (ch === "\t") {
      row.push(cell);
      cell = "";
      atCellStart = true;
    } else if (ch === "\r" || ch === "\n") {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
      atCellStart = true;
      if (ch === "\r" && text[i + 1] === "\n") i += 1;
    } else {
      cell += ch;
    }
    i += 1;
  }
  if (cell !== "" || row.length) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

/**
 * The pasted text as a table: the first non-blank row names the columns, blank rows are dropped,
 * cells are trimmed and every row padded to the widest. Null when no row has two cells: that is
 * plain text, for the body.
 */
export function pastedTable(text: string): PastedTable | null {
  const lines = parseTsv(text)
    .map((r) => r.map((c) => c.trim()))
    .filter((r) => r.some((c) => c !== ""));
  const width = Math.max(0, ...lines.map((r) => r.length));
  if (width < 2) return null;
  const pad = (r: string[]) => [...r, ...Array<string>(width - r.length).fill("")];
  const [header, ...rows] = lines.map(pad);
  return { columns: header.map((c, i) => c || `第${i + 1}列`), rows };
}
