/** Text normalisation shared by header matching and value parsing. */
import type { Cell } from "./table";

/** Full-width → half-width (NFKC), no whitespace of any kind (incl. U+3000 and NBSP). */
export function squeeze(text: string): string {
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

export function numberText(n: number): string {
  if (Number.isInteger(n) && Math.abs(n) < 1e21) return BigInt(n).toString();
  return String(n);
}

export const isBlank = (cell: Cell | null | undefined): boolean => cellText(cell) === "";

/** 合计/小计/总计 rows are summaries, not data (RULES.md, "Reading a sheet"). */
export const isTotalLabel = (text: string): boolean => /^(合计|小计|总计|累计)[:：]?$/.test(squeeze(text));
