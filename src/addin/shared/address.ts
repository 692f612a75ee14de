/** A1 addresses as both hosts give and take them ("'学生 党支部'!B2:F10"). */
import { columnLetter, type MergeArea } from "../../core/table";

export interface Area {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** A sheet name as a formula or address needs it: always quoted, quotes doubled. */
export const quoteSheet = (name: string): string => `'${name.replace(/'/g, "''")}'`;

export const cellAddress = (row: number, col: number): string => `${columnLetter(col)}${row + 1}`;

export function areaAddress(a: Area): string {
  const start = cellAddress(a.top, a.left);
  return a.top === a.bottom && a.left === a.right ? start : `${start}:${cellAddress(a.bottom, a.right)}`;
}

function parseCell(ref: string): { row: number; col: number } {
  const m = /^\$?([A-Z]{1,3})\$?(\d+)$/i.exec(ref.trim());
  if (!m) throw new Error(`not an A1 cell: ${ref}`);
  let col = 0;
  for (const ch of m[1].toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]) - 1, col: col - 1 };
}

/** "Sheet1!B2:F10", "'a b'!A1" or "C7" → 0-based area (the sheet part is dropped). */
export function parseArea(address: string): Area {
  const local = address.slice(address.lastIndexOf("!") + 1);
  const [from, to = from] = local.split(":");
  const a = parseCell(from);
  const b = parseCell(to);
  return { top: a.row, left: a.col, bottom: b.row, right: b.col };
}

/** A RangeAreas address ("S!A1:B1,S!C3:D4"), split outside quoted sheet names. */
export function parseAreas(address: string): MergeArea[] {
  const parts: string[] = [];
  let quoted = false;
  let start = 0;
  for (let i = 0; i < address.length; i++) {
    if (address[i] === "'") quoted = !quoted;
    else if (address[i] === "," && !quoted) {
      parts.push(address.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(address.slice(start));
  return parts.filter((p) => p.trim() !== "").map(parseArea);
}

/** 0-based row and column of a finding's cell ("C7"). */
/**
 * Cells of one column merged into vertical runs, then joined into address
 * lists no longer than Excel's 8,192-character limit for getRanges.
 */
export function runsOf(cells: readonly string[]): string[] {
  const byCol = new Map<number, number[]>();
  for (const c of cells) {
    const { row, col } = parseCell(c);
    (byCol.get(col) ?? byCol.set(col, []).get(col)!).push(row);
  }
  const runs: string[] = [];
  for (const [col, rows] of [...byCol].sort((a, b) => a[0] - b[0])) {
    const sorted = [...new Set(rows)].sort((a, b) => a - b);
    let top = sorted[0];
    for (let i = 1; i <= sorted.length; i++) {
      if (i < sorted.length && sorted[i] === sorted[i - 1] + 1) continue;
      runs.push(areaAddress({ top, left: col, bottom: sorted[i - 1], right: col }));
      top = sorted[i];
    }
  }
  return runs;
}

export const GET_RANGES_LIMIT = 8192;

export function joinUnderLimit(addresses: readonly string[], limit = GET_RANGES_LIMIT): string[] {
  const out: string[] = [];
  let current = "";
  for (const a of addresses) {
    if (current !== "" && current.length + 1 + a.length > limit) {
      out.push(current);
      current = "";
    }
    current = current === "" ? a : `${current},${a}`;
  }
  if (current !== "") out.push(current);
  return out;
}
