/**
 * The validation engine: Table[] → ledger sheets → findings. Pure: no I/O.
 */
import type { IsoDate } from "./dates";
import { parseField } from "./fields";
import { compareFindings, makeFinding, type Finding } from "./finding";
import { detectHeader } from "./header";
import type { LedgerDef, LedgerKey, LedgerRow, LedgerSheet, ParsedWorkbook, RuleContext } from "./ledger";
import { LEDGERS, WORKBOOK_RULES } from "./ledgers";
import type { Profile } from "./profile";
import { columnLetter, lastCol, lastRow, cellAt, type Table, type Workbook } from "./table";
import { cellText, isTotalLabel } from "./text";
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

  const mapped = ledger.fields.filter((f) => columns.has(f.key));
  const rows: LedgerRow[] = [];
  const skippedRows: number[] = [];
  const right = lastCol(table);
  for (let r = match.headerRow + 1; r <= lastRow(table); r++) {
    if (isSkippable(table, r, mapped.map((f) => columns.get(f.key)!), right)) {
      skippedRows.push(r + 1);
      continue;
    }
    const values: Record<string, FieldValue | null> = {};
    const monthOnly = new Set<string>();
    for (const f of mapped) {
      const col = columns.get(f.key)!;
      const cell = cellAt(table, r, col);
      const parsed = parseField(f, cell, options);
      values[f.key] = parsed.value;
      if (parsed.monthOnly) monthOnly.add(f.key);
      for (const p of parsed.problems) {
        findings.push(
          makeFinding(p.code, p.message, {
            sheet: table.name,
            row: r + 1,
            column: columnLetter(col),
            field: f.key,
            value: cellText(cell) || null,
          }),
        );
      }
    }
    rows.push({ row: r + 1, values, monthOnly });
  }
  if (rows.length === 0) {
    findings.push(
      makeFinding("sheet.empty", `“${table.name}”（${ledger.title}）在表头（第 ${headerRow} 行）下面还没有填写数据`, { sheet: table.name, row: headerRow }),
    );
  }
  return { sheet: { table, ledger, headerRow, columns, rows, skippedRows }, findings };
}

/** Blank rows, 序号-only rows and 合计/小计/总计 rows are skipped, not errors. */
function isSkippable(table: Table, r: number, mappedCols: number[], right: number): boolean {
  if (mappedCols.every((c) => cellText(cellAt(table, r, c)) === "")) return true;
  for (let c = table.origin.col; c <= right; c++) {
    if (isTotalLabel(cellText(cellAt(table, r, c)))) return true;
  }
  return false;
}

/** Validate every sheet of a workbook, then the rules across its sheets. */
export function validateWorkbook(workbook: Workbook, options: ValidateOptions): WorkbookResult {
  const parsed: ParsedWorkbook = { name: workbook.name, sheets: [], others: [] };
  const bySheet = new Map<string, SheetResult>();
  const results: SheetResult[] = [];

  for (const table of workbook.sheets) {
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
