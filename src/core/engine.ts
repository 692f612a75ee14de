/**
 * The validation engine: Table[] → ledger sheets → findings. Pure: no I/O.
 */
import type { IsoDate } from "./dates";
import { parseField } from "./fields";
import { compareFindings, makeFinding, type Finding } from "./finding";
import { foldFindings } from "./fold";
import { detectHeader } from "./header";
import type { LedgerDef, LedgerKey, LedgerRow, LedgerSheet, ParsedWorkbook, RuleContext } from "./ledger";
import { LEDGERS, WORKBOOK_RULES } from "./ledgers";
import { isOwnSheet } from "./own-sheets";
import type { Profile } from "./profile";
import { columnLetter, lastRow, type Cell, type Table, type Workbook } from "./table";
import { cellText, isBlank, isTotalLabel } from "./text";
import type { FieldValue } from "./fields";

export interface ValidateOptions {
  profile: Profile;
  asOf: IsoDate;
}

export interface SheetResult {
  sheet: string;
  ledger: LedgerKey | null;
  /** 1-based header row, or null for a sheet that is no ledger. */
  headerRow: number | null;
  /** Data rows read (blank, 序号-only and 合计 rows not counted). */
  rows: number;
  findings: Finding[];
}

export interface WorkbookResult {
  name: string;
  sheets: SheetResult[];
  /** Findings about the whole workbook (sheet null). */
  findings: Finding[];
  parsed: ParsedWorkbook;
}

/** Most rows have no month-only date: they share one empty set. */
const NO_MONTH_ONLY: ReadonlySet<string> = new Set();

/** Read a table as a ledger: header, columns and typed rows, with cell-scope findings. */
export function parseSheet(
  table: Table,
  options: ValidateOptions,
  ledgers: readonly LedgerDef[] = LEDGERS,
): { sheet: LedgerSheet; findings: Finding[] } | null {
  const match = detectHeader(table, ledgers);
  if (!match) return null;
  const { ledger, columns } = match;
  const findings: Finding[] = [];
  const headerRow = match.headerRow + 1;

  for (const f of ledger.fields) {
    if (f.required && !columns.has(f.key)) {
      findings.push(
        makeFinding("header.missing", `“${table.name}”缺少必需的列“${f.header}”（表头在第 ${headerRow} 行）`, {
          sheet: table.name,
          row: headerRow,
          field: f.key,
        }),
      );
    }
  }

  const mapped = ledger.fields
    .filter((f) => columns.has(f.key))
    .map((field) => ({ field, col: columns.get(field.key)!, letter: columnLetter(columns.get(field.key)!) }));
  const rows: LedgerRow[] = [];
  const skippedRows: number[] = [];
  const left = table.origin.col;
  for (let r = match.headerRow + 1; r <= lastRow(table); r++) {
    const cells = table.cells[r - table.origin.row];
    if (isSkipped(cells, mapped, left)) {
      skippedRows.push(r + 1);
      continue;
    }
    const values: Record<string, FieldValue | null> = {};
    let monthOnly: Set<string> | undefined;
    for (const { field, col, letter } of mapped) {
      const cell = cells[col - left] ?? null;
      const text = cellText(cell);
      const parsed = parseField(field, cell, options, text);
      values[field.key] = parsed.value;
      if (parsed.monthOnly) (monthOnly ??= new Set()).add(field.key);
      for (const p of parsed.problems) {
        findings.push(makeFinding(p.code, p.message, { sheet: table.name, row: r + 1, column: letter, field: field.key, value: text || null }));
      }
    }
    rows.push({ row: r + 1, values, monthOnly: monthOnly ?? NO_MONTH_ONLY });
  }
  if (rows.length === 0) {
    findings.push(
      makeFinding("sheet.empty", `“${table.name}”${table.name === ledger.title ? "" : `（${ledger.title}）`}在表头（第 ${headerRow} 行）下面还没有填写数据`, {
        sheet: table.name,
        row: headerRow,
      }),
    );
  }
  return { sheet: { table, ledger, headerRow, columns, rows, skippedRows }, findings };
}

/** Blank rows, 序号-only rows (nothing in the ledger's columns) and 合计/小计/总计 rows are skipped, not errors. */
function isSkipped(cells: readonly (Cell | null)[], mapped: readonly { col: number }[], left: number): boolean {
  if (mapped.every((m) => isBlank(cells[m.col - left]))) return true;
  // Only a text cell can be such a label.
  return cells.some((cell) => typeof cell?.value === "string" && isTotalLabel(cell.value));
}

/** Validate every sheet of a workbook, then the rules across its sheets. */
export function validateWorkbook(workbook: Workbook, options: ValidateOptions): WorkbookResult {
  const parsed: ParsedWorkbook = { name: workbook.name, sheets: [], others: [] };
  const bySheet = new Map<string, SheetResult>();
  const results: SheetResult[] = [];

  for (const table of workbook.sheets.filter((t) => !isOwnSheet(t.name))) {
    const read = parseSheet(table, options);
    const result: SheetResult = {
      sheet: table.name,
      ledger: read ? read.sheet.ledger.key : null,
      headerRow: read ? read.sheet.headerRow : null,
      rows: read ? read.sheet.rows.length : 0,
      findings: read ? read.findings : [unrecognized(table)],
    };
    if (read) parsed.sheets.push(read.sheet);
    else parsed.others.push(table);
    results.push(result);
    bySheet.set(table.name, result);
  }

  const ctx: RuleContext = { ...options, workbook: parsed };
  const workbookFindings: Finding[] = [];
  const place = (f: Finding) => {
    const target = f.sheet !== null ? bySheet.get(f.sheet) : undefined;
    (target ? target.findings : workbookFindings).push(f);
  };
  for (const sheet of parsed.sheets) {
    for (const rule of sheet.ledger.rules) rule(sheet, ctx).forEach(place);
  }
  for (const rule of WORKBOOK_RULES) rule(parsed, ctx).forEach(place);
  foldFindings(results);
  for (const r of results) r.findings.sort(compareFindings);
  return { name: workbook.name, sheets: results, findings: workbookFindings, parsed };
}

function unrecognized(table: Table): Finding {
  return makeFinding(
    "sheet.unrecognized",
    `工作表“${table.name}”不是已知的台账（未找到${LEDGERS.map((l) => l.title).join("、")}的表头），已跳过`,
    { sheet: table.name },
  );
}
