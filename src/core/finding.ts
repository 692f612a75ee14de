/** Findings: the one output type of every rule; every renderer takes findings. */
import { CODES, type Code, type Severity } from "./codes";

export interface Finding {
  code: Code;
  severity: Severity;
  /** null for a finding about the whole workbook or several files. */
  sheet: string | null;
  /** 1-based row of the original sheet; null for a whole sheet or file. */
  row: number | null;
  /** Excel column letters of the original sheet, or null. */
  column: string | null;
  cell: string | null;
  /** The ledger field key, or null. */
  field: string | null;
  /** The cell's text as found, or null. */
  value: string | null;
  /** zh-CN: what is wrong, what it should be, and why. */
  message: string;
  /**
   * Other places with the same root cause, folded into this finding (the same
   * wrong ID number in the dues and training ledgers). Absent when there are none.
   */
  related?: readonly Place[];
}

/** A cell (or a row, when column is null) of a sheet. */
export interface Place {
  sheet: string;
  row: number | null;
  column: string | null;
  cell: string | null;
}

export interface FindingInput {
  sheet?: string | null;
  row?: number | null;
  column?: string | null;
  field?: string | null;
  value?: string | null;
  severity?: Severity;
}

export function makeFinding(code: Code, message: string, at: FindingInput = {}): Finding {
  const column = at.column ?? null;
  const row = at.row ?? null;
  return {
    code,
    severity: at.severity ?? CODES[code].severity,
    sheet: at.sheet ?? null,
    row,
    column,
    cell: column !== null && row !== null ? `${column}${row}` : null,
    field: at.field ?? null,
    value: at.value ?? null,
    message,
  };
}

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Findings in reading order: by sheet position as given, then row, column, severity. */
export function compareFindings(a: Finding, b: Finding): number {
  return (
    (a.row ?? 0) - (b.row ?? 0) ||
    columnIndex(a.column) - columnIndex(b.column) ||
    SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
    a.code.localeCompare(b.code)
  );
}

function columnIndex(letters: string | null): number {
  if (!letters) return -1;
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

export function countBySeverity(findings: readonly Finding[]): Record<Severity, number> {
  const out: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of findings) out[f.severity] += 1;
  return out;
}
