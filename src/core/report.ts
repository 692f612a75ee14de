/**
 * The validation report (../shared/spec/INTERFACES.md, "Validation report"):
 * data first, text second. Every renderer – CLI table, JSON, task pane,
 * 问题清单 – starts from this.
 */
import type { Finding } from "./finding";
import { countBySeverity } from "./finding";
import { validateWorkbook, type ValidateOptions, type WorkbookResult } from "./engine";
import { HEADER_SEARCH_ROWS } from "./header";
import type { LedgerKey } from "./ledger";
import { LEDGERS } from "./ledgers";
import type { Workbook } from "./table";

export type FileStatus = "clean" | "errors" | "unreadable";

export interface SheetReport {
  sheet: string | null;
  ledger: LedgerKey | null;
  headerRow: number | null;
  rows: number;
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
    return { report: unreadableReport(workbook.name, noLedgerMessage(workbook)), result };
  }
  return { report: fileReport(workbook.name, result), result };
}

export function noLedgerMessage(workbook: Workbook): string {
  const sheetNames = workbook.sheets.map((s) => `“${s.name}”`).join("、") || "（无工作表）";
  const expected = LEDGERS.map((l) => `${l.title}（${l.fields.filter((f) => f.required).map((f) => f.header).join("、")}）`).join("；");
  return `${workbook.name}：没有找到可识别的台账工作表。工作表 ${sheetNames} 的前 ${HEADER_SEARCH_ROWS} 行里都没有台账表头。可识别的台账及其必需的列：${expected}`;
}
