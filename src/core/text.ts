/** Text normalisation shared by header matching and value parsing. */
import type { Cell } from "./table";

/** Printable ASCII without space and CJK unified ideographs are already what squeeze makes. */
const SETTLED = /^[\u0021-\u007e\u4e00-\u9fff]*$/;

/** Full-width → half-width (NFKC), no whitespace of any kind (incl. U+3000 and NBSP). */
export function squeeze(text: string): string {
  if (SETTLED.test(text)) return text; // the common case, on the hot path of every cell
  return text.normalize("NFKC").replace(/[\s\u3000\u00a0\u200b\ufeff]+/g, "");
}

/** The key a header cell is matched by: squeezed, lower case, without the * of required columns. */
export function headerKey(text: string): string {
  return squeeze(text).replace(/[*]/g, "").toLowerCase();
}

/** A header without a trailing unit or note in brackets: "缴费基数(元)" → "缴费基数". */
export function headerStem(key: string): string {
  return key.replace(/[([{【][^)\]}】]*[)\]}】]$/u, "");
}

/** What a person sees in the cell, as plain text (numbers without exponent where possible). */
export function cellText(cell: Cell | null | undefined): string {
  if (!cell || cell.value === null) return "";
  const v = cell.value;
  if (typeof v === "string") return v.trim();
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  return numberText(v);
}

/** Whether the cell shows nothing: cellText(cell) === "", without spelling out a number. */
export function isBlank(cell: Cell | null | undefined): boolean {
  if (!cell || cell.value === null) return true;
  return typeof cell.value === "string" && cell.value.trim() === "";
}

export function numberText(n: number): string {
  // Below 1e21 String() spells out every digit (110101199003071230), as Excel shows a long number.
  return String(n);
}

/** 合计/小计/总计 rows are summaries, not data (RULES.md, "Reading a sheet"). */
export const isTotalLabel = (text: string): boolean => text.includes("计") && /^(合计|小计|总计|累计)[:：]?$/.test(squeeze(text));

const WIDE = /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u;

/** Display width in a terminal or a spreadsheet column: CJK and full-width characters take two. */
export function displayWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += WIDE.test(ch) ? 2 : 1;
  return w;
}
