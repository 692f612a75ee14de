/**
 * Ledger definitions (data, not code paths) and the parsed sheet that rules read.
 * Templates, header mapping, row parsing, marks and merge columns all derive
 * from a LedgerDef: add a column in one place and everything follows.
 */
import type { Code, Severity } from "./codes";
import type { IsoDate } from "./dates";
import type { FieldDef, FieldValue } from "./fields";
import { makeFinding, type Finding } from "./finding";
import type { Profile } from "./profile";
import type { Table } from "./table";
import { columnLetter } from "./table";

export type LedgerKey = "roster" | "dues" | "funding" | "training" | "meetings" | "terms" | "development";

export interface RuleContext {
  profile: Profile;
  asOf: IsoDate;
  /** The other ledgers of the same workbook, for cross-sheet rules (roster lookups). */
  workbook: ParsedWorkbook;
}

/** A rule over one ledger sheet; it cites its source in a comment. */
export type SheetRule = (sheet: LedgerSheet, ctx: RuleContext) => Finding[];

/** A rule across the ledgers of one workbook. */
export type WorkbookRule = (workbook: ParsedWorkbook, ctx: RuleContext) => Finding[];

export interface LedgerDef {
  key: LedgerKey;
  /** Canonical sheet title, e.g. 党员花名册. */
  title: string;
  /** Other sheet names that identify this ledger (花名册, 党员名册 …). */
  sheetAliases: readonly string[];
  /** One line for the 说明 sheet: what the ledger is for. */
  purpose: string;
  fields: readonly FieldDef[];
  rules: readonly SheetRule[];
  /** A layout read into another ledger's model (payments per row → month columns), with the findings of doing so. */
  reshape?: (sheet: LedgerSheet) => { sheet: LedgerSheet; findings: Finding[] };
  /** A ledger of people is recognised only with one of these columns (a list of activities with 学时 is no training record). */
  recognisedWith?: readonly string[];
  /**
   * The columns each code's rule cannot do without (a list inside is any one of
   * them): without them the rule stays silent instead of reporting every row or
   * period, and header.missing says what is not checked.
   */
  needs?: Partial<Record<Code, readonly (string | readonly string[])[]>>;
}

export const defineLedger = (def: LedgerDef): LedgerDef => def;

export interface LedgerRow {
  /** 1-based row of the original sheet. */
  row: number;
  /** Typed values by field key; null when blank or not readable (its cell has a finding then). */
  values: Readonly<Record<string, FieldValue | null>>;
  /** Field keys of dates written as month only. */
  monthOnly: ReadonlySet<string>;
}

export interface LedgerSheet {
  table: Table;
  ledger: LedgerDef;
  /** 1-based row of the (last) header row. */
  headerRow: number;
  /** Field key → 0-based sheet column. */
  columns: ReadonlyMap<string, number>;
  rows: LedgerRow[];
  /** 1-based rows skipped as blank, 序号-only or 合计 rows. */
  skippedRows: number[];
}

export interface ParsedWorkbook {
  name: string;
  sheets: LedgerSheet[];
  /** Sheets that are no ledger. */
  others: Table[];
}

export function sheetsOf(workbook: ParsedWorkbook, key: LedgerKey): LedgerSheet[] {
  return workbook.sheets.filter((s) => s.ledger.key === key);
}

export interface At {
  row?: LedgerRow;
  field?: string;
  severity?: Severity;
  /** Override the value shown (default: the row's value of `field`). */
  value?: string | null;
}

/** A finding placed on a sheet, a row, or a row's cell of the given field. */
export function findingAt(sheet: LedgerSheet, code: Code, message: string, at: At = {}): Finding {
  const col = at.field !== undefined ? sheet.columns.get(at.field) : undefined;
  const raw = at.row && at.field !== undefined ? at.row.values[at.field] : undefined;
  return makeFinding(code, message, {
    sheet: sheet.table.name,
    row: at.row ? at.row.row : null,
    column: col !== undefined && at.row ? columnLetter(col) : null,
    field: at.field ?? null,
    value: at.value !== undefined ? at.value : raw === undefined || raw === null ? null : String(raw),
    severity: at.severity,
  });
}

/** A value of the row when present and readable. */
export function valueOf<T extends FieldValue>(row: LedgerRow, key: string): T | null {
  const v = row.values[key];
  return v === undefined || v === null ? null : (v as T);
}

export const text = (row: LedgerRow, key: string): string | null => valueOf<string>(row, key);
export const num = (row: LedgerRow, key: string): number | null => valueOf<number>(row, key);
export const date = (row: LedgerRow, key: string): IsoDate | null => valueOf<string>(row, key);
