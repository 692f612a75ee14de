/** Helpers of the merge tests: branch workbooks in, the summary read back from its bytes. */
import * as XLSX from "@e965/xlsx";
import { BUILTIN_PROFILES, type LedgerKey } from "../../src/core";
import { checkInput, mergeChecked, type CheckedInput, type MergeOptions, type MergeOutcome, type MergeReport } from "../../src/core/merge";
import { readWorkbookBytes } from "../../src/io/read-file";
import { summaryBuffer } from "../../src/io/summary-file";
import { makeBranch, toSheets, type BranchData, type SheetStyle } from "../fixtures/branch";
import { buildWorkbook, type FixtureSheet } from "../fixtures/builder";

export const AS_OF = "2026-11-27";
export const profile = BUILTIN_PROFILES["100-50"];
export const options: MergeOptions = { profile, asOf: AS_OF, version: "test", output: "学院汇总.xlsx" };

export const branchData = (branch: string, members: number, seed: number, studentShare = 0.5): BranchData =>
  makeBranch({ branch, members, seed, asOf: AS_OF, studentShare });

export const branchBytes = (branch: string, data: BranchData, style?: SheetStyle): Buffer => buildWorkbook(toSheets(branch, data, style));

/** A submitted file as the CLI hands it to the core: read from bytes, validated, its branch named. */
export function submit(file: string, bytes: Uint8Array, modified?: number): CheckedInput {
  try {
    return checkInput({ file, modified, workbook: readWorkbookBytes(bytes, file) }, options);
  } catch (e) {
    return checkInput({ file, modified, error: (e as Error).message }, options);
  }
}

export const submitSheets = (file: string, sheets: FixtureSheet[], modified?: number) => submit(file, buildWorkbook(sheets), modified);

export interface ReadBack {
  names: string[];
  /** Rows of a sheet as arrays of raw values, header first. */
  rows: (sheet: string) => unknown[][];
  /** A record per data row, keyed by header. */
  records: (sheet: string) => Record<string, unknown>[];
  cell: (sheet: string, address: string) => XLSX.CellObject | undefined;
  book: XLSX.WorkBook;
}

export async function mergeAndRead(inputs: CheckedInput[], extra: Partial<MergeOptions> = {}): Promise<MergeOutcome & { book: ReadBack }> {
  const outcome = mergeChecked(inputs, { ...options, ...extra });
  return { ...outcome, book: readBack(await summaryBuffer(outcome.summary)) };
}

export function readBack(bytes: Buffer): ReadBack {
  const book = XLSX.read(bytes, { type: "buffer", cellNF: true, cellStyles: true });
  const rows = (sheet: string) => XLSX.utils.sheet_to_json<unknown[]>(book.Sheets[sheet], { header: 1, raw: true, defval: null });
  return {
    names: book.SheetNames,
    rows,
    records: (sheet) => XLSX.utils.sheet_to_json<Record<string, unknown>>(book.Sheets[sheet], { raw: true, defval: null }),
    cell: (sheet, address) => book.Sheets[sheet][address] as XLSX.CellObject | undefined,
    book,
  };
}

/** The reconciliation holds per ledger and in total, and every excluded row is listed. */
export function expectReconciled(report: MergeReport): void {
  const r = report.merge.reconciliation;
  expect(r.inputRows).toBe(r.mergedRows + r.excludedRows);
  for (const key of Object.keys(r.ledgers) as LedgerKey[]) {
    const l = r.ledgers[key];
    expect(l.inputRows).toBe(l.mergedRows + l.excludedRows);
  }
  expect(r.excluded).toHaveLength(r.excludedRows);
  const rowsRead = report.files.flatMap((f) => f.sheets).filter((s) => s.ledger !== null).reduce((n, s) => n + s.rows, 0);
  expect(r.inputRows).toBe(rowsRead);
}

export const codesOf = (report: MergeReport, file: string): string[] =>
  report.files.find((f) => f.file === file)!.sheets.flatMap((s) => s.issues.map((i) => i.code));
