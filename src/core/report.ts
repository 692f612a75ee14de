/**
 * The validation report (../shared/spec/INTERFACES.md, "Validation report"):
 * data first, text second. Every renderer – CLI table, JSON, task pane,
 * 问题清单 – starts from this.
 */
import type { Finding } from "./finding";
import { countBySeverity } from "./finding";
import { columnMappingOf, validateWorkbook, type Recognition, type ValidateOptions, type WorkbookResult } from "./engine";
import { HEADER_SEARCH_ROWS, nearestLedger } from "./header";
import { cellText } from "./text";
import type { LedgerKey } from "./ledger";
import { LEDGERS, READ_LEDGERS } from "./ledgers";
import type { Workbook } from "./table";

/** no-ledger: the file opened, but no sheet is a ledger – reported as such, not as a broken file. */
export type FileStatus = "clean" | "errors" | "unreadable" | "no-ledger";

export interface SheetReport {
  sheet: string | null;
  ledger: LedgerKey | null;
  headerRow: number | null;
  rows: number;
  /** For a ledger sheet: its score, a close runner-up, the columns found by their values, the columns not used. */
  recognition?: Recognition;
  issues: Finding[];
}

export interface FileReport {
  file: string;
  status: FileStatus;
  error?: string;
  sheets: SheetReport[];
}

export interface ReportSummary {
  files: number;
  errors: number;
  warnings: number;
  infos: number;
}

export interface ValidationReport {
  tool: "taizhang";
  version: string;
  asOf: string;
  profile: string;
  files: FileReport[];
  summary: ReportSummary;
}

export function fileReport(file: string, result: WorkbookResult): FileReport {
  const sheets: SheetReport[] = result.sheets.map((s) => ({
    sheet: s.sheet,
    ledger: s.ledger,
    headerRow: s.headerRow,
    rows: s.rows,
    recognition: s.recognition,
    issues: s.findings,
  }));
  if (result.findings.length > 0) {
    sheets.push({ sheet: null, ledger: null, headerRow: null, rows: 0, issues: result.findings });
  }
  return { file, status: readStatus(sheets), sheets };
}

/** A file that was read is clean when none of its sheets has an error. */
export const readStatus = (sheets: readonly SheetReport[]): FileStatus =>
  sheets.some((s) => s.issues.some((i) => i.severity === "error")) ? "errors" : "clean";

export function unreadableReport(file: string, error: string): FileReport {
  return { file, status: "unreadable", error, sheets: [] };
}

export const allIssues = (file: FileReport): Finding[] => file.sheets.flatMap((s) => s.issues);

/** Whether the file's ledgers were read: neither unreadable nor without any ledger. */
export const holdsLedgers = (file: FileReport): boolean => file.status !== "unreadable" && file.status !== "no-ledger";

export function buildReport(meta: { version: string; asOf: string; profile: string }, files: FileReport[]): ValidationReport {
  const counts = countBySeverity(files.flatMap(allIssues));
  return {
    tool: "taizhang",
    ...meta,
    files,
    summary: { files: files.length, errors: counts.error, warnings: counts.warning, infos: counts.info },
  };
}

/**
 * Validate one workbook into its file report. A workbook with no recognisable
 * ledger at all is unreadable as a ledger: the message names the ledgers known
 * and the headers each needs, so the secretary can see what was expected.
 */
export function reportWorkbook(workbook: Workbook, options: ValidateOptions): { report: FileReport; result: WorkbookResult } {
  const result = validateWorkbook(workbook, options);
  if (result.parsed.sheets.length === 0) {
    return { report: { ...fileReport(workbook.name, result), status: "no-ledger", error: noLedgerMessage(workbook, options) }, result };
  }
  return { report: fileReport(workbook.name, result), result };
}

/**
 * Why no sheet is a ledger, in the secretary's terms: the headers seen, the
 * ledger they come closest to and what it lacks, and the ledgers known.
 */
export function noLedgerMessage(workbook: Workbook, options: Pick<ValidateOptions, "columns" | "profile">): string {
  const sheetNames = workbook.sheets.map((s) => `“${s.name}”`).join("、") || "（无工作表）";
  const expected = LEDGERS.map((l) => `${l.title}（${l.fields.filter((f) => f.required).map((f) => f.header).join("、")}）`).join("；");
  const near = workbook.sheets
    .map((table) => ({ table, nearest: nearestLedger(table, READ_LEDGERS, columnMappingOf(options)) }))
    .filter((x) => x.nearest !== null)
    .sort((a, b) => b.nearest!.found.length - a.nearest!.found.length)[0];
  const closest = near
    ? `工作表“${near.table.name}”第 ${near.nearest!.row + 1} 行的表头 ${headersOf(near.table, near.nearest!.row)} 最接近“${near.nearest!.ledger.title}”（认出 ${near.nearest!.found.join("、")}${near.nearest!.missing.length ? `；缺少 ${near.nearest!.missing.join("、")}` : ""}），如果它就是这本台账，请用列对应指定其余的列。`
    : `工作表 ${sheetNames} 的前 ${HEADER_SEARCH_ROWS} 行里都没有台账表头。`;
  return `${workbook.name}：没有可识别的台账。${closest}可识别的台账及其必需的列：${expected}`;
}

function headersOf(table: Workbook["sheets"][number], row: number): string {
  const texts = (table.cells[row - table.origin.row] ?? []).map((cell) => cellText(cell)).filter((t) => t !== "");
  return texts.map((t) => `“${t}”`).join("、");
}
