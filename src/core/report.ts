/**
 * The validation report (../shared/spec/INTERFACES.md, "Validation report"):
 * data first, text second. Every renderer – CLI table, JSON, task pane,
 * 问题清单 – starts from this.
 */
import type { Finding } from "./finding";
import { countBySeverity } from "./finding";
import type { WorkbookResult } from "./engine";
import type { LedgerKey } from "./ledger";

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
  const hasError = sheets.some((s) => s.issues.some((i) => i.severity === "error"));
  return { file, status: hasError ? "errors" : "clean", sheets };
}

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
