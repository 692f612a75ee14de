/**
 * CSV injection (OWASP "CSV Injection"): a cell that came from an input and
 * starts with =, +, -, @, tab or carriage return would be run as a formula by
 * Excel when the CSV is opened. Written as text instead: prefixed with an
 * apostrophe, which Excel shows as nothing and treats as "this is text".
 */
import Papa from "papaparse";

const FORMULA_START = /^[=+\-@\t\r]/;

export const looksLikeFormula = (text: string): boolean => FORMULA_START.test(text);

/** Text from an input, safe to put in a CSV cell. Numbers and booleans stay as they are. */
export function csvSafe(value: string | number | boolean | null | undefined): string | number | boolean {
  if (value === null || value === undefined) return "";
  return typeof value === "string" && looksLikeFormula(value) ? `'${value}` : value;
}

/** Rows → CSV text (CRLF, quoted where needed) with every input-derived string neutralised. */
export function toSafeCsv(rows: readonly (readonly (string | number | boolean | null | undefined)[])[]): string {
  return Papa.unparse(rows.map((row) => row.map(csvSafe)), { newline: "\r\n" });
}
