/** The 校验结果 sheet as data: one row per finding, the cell column a hyperlink to the cell. */
import { SEVERITY_LABEL } from "../../core/codes";
import type { Finding } from "../../core/finding";
import { quoteSheet } from "./address";

export const RESULTS_HEADER = ["工作表", "单元格", "级别", "代码", "问题", "原值"];

/** Text that Excel would read as a formula gets the text prefix "'" (cells come from untrusted files). */
export const asText = (s: string): string => (/^[=+\-@]/.test(s) ? `'${s}` : s);

const formulaString = (s: string): string => `"${s.replace(/"/g, '""')}"`;

/** =HYPERLINK("#'党员花名册'!E7","E7") works in every Excel version, unlike Range.hyperlink (1.7). */
export function cellLink(f: Finding): string {
  if (f.sheet === null) return "";
  const target = f.cell ?? (f.row !== null ? `A${f.row}` : "A1");
  const label = f.cell ?? (f.row !== null ? `第 ${f.row} 行` : "整表");
  return `=HYPERLINK(${formulaString(`#${quoteSheet(f.sheet)}!${target}`)},${formulaString(label)})`;
}

/**
 * Rows for Range.formulas: header, then one per finding; a row saying so when
 * there is none. Every cell is text (resultFormat "@", set before the
 * contents), so a sheet name, a name or an ID number from the workbook is
 * kept as written – 500103200409173501 does not become 5.00103E+17 – and
 * "=…" stays text; only the link column holds formulas.
 */
export function resultRows(findings: readonly Finding[], summary: string): string[][] {
  const rows = findings.map((f) => [f.sheet ?? "（整个工作簿）", cellLink(f), SEVERITY_LABEL[f.severity], f.code, f.message, f.value ?? ""]);
  return [[summary, "", "", "", "", ""], RESULTS_HEADER, ...(rows.length > 0 ? rows : [["未发现问题", "", "", "", "", ""]])];
}

/** The number format of a 校验结果 cell (0-based row and column): General for the links, text for the rest. */
export const resultFormat = (row: number, col: number): string => (row >= 2 && col === 1 ? "General" : "@");
