/**
 * The validation engine: Table[] → ledger sheets → findings. Pure: no I/O.
 */
import type { IsoDate } from "./dates";
import { parseField } from "./fields";
import { compareFindings, makeFinding, type Finding } from "./finding";
import { foldFindings } from "./fold";
import { detectHeader, type HeaderMatch } from "./header";
import { combineMappings, profileColumns, type ColumnMapping } from "./columns";
import { isNoteRow } from "./note-rows";
import { CODES, type Code } from "./codes";
import type { LedgerDef, LedgerKey, LedgerRow, LedgerSheet, ParsedWorkbook, RuleContext } from "./ledger";
import { LEDGERS, READ_LEDGERS, WORKBOOK_RULES } from "./ledgers";
import { isOwnSheet } from "./own-sheets";
import type { Profile } from "./profile";
import { columnLetter, lastRow, type Cell, type Table, type Workbook } from "./table";
import { cellText, isBlank, isTotalLabel } from "./text";
import type { FieldValue } from "./fields";

export interface ValidateOptions {
  profile: Profile;
  asOf: IsoDate;
  /** Header text → field, beyond the vocabulary (--columns, a profile's columns, the pane's 列对应). */
  columns?: ColumnMapping;
}

/** How a sheet was recognised, for the report: the ledger chosen, its score, a close runner-up, the columns not used. */
export interface Recognition {
  score: number;
  runnerUp: { ledger: LedgerKey; title: string; score: number } | null;
  /** Fields found by their values under a generic header. */
  byValues: string[];
  otherColumns: { column: string; header: string; closest: { field: string; header: string; score: number } | null }[];
}

export interface SheetResult {
  sheet: string;
  ledger: LedgerKey | null;
  /** 1-based header row, or null for a sheet that is no ledger. */
  headerRow: number | null;
  /** Data rows read (blank, 序号-only and 合计 rows not counted). */
  rows: number;
  findings: Finding[];
  /** For a ledger sheet: how it was recognised. */
  recognition?: Recognition;
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

/** The column mapping in force: the profile's own `columns`, then the one given (--columns, the workbook's 列对应). */
export const columnMappingOf = (options: Pick<ValidateOptions, "profile" | "columns">): ColumnMapping =>
  combineMappings(profileColumns(options.profile, READ_LEDGERS), options.columns);

/**
 * Read a table as a ledger: header, columns and typed rows, with cell-scope
 * findings. `options.columns` is the whole mapping in force (columnMappingOf).
 */
export function parseSheet(
  table: Table,
  options: ValidateOptions,
  ledgers: readonly LedgerDef[] = READ_LEDGERS,
): { sheet: LedgerSheet; findings: Finding[]; match: HeaderMatch; rowsRead: number } | null {
  const match = detectHeader(table, ledgers, options.columns);
  if (!match) return null;
  const { ledger, columns } = match;
  const findings: Finding[] = [];
  const headerRow = match.headerRow + 1;
  findings.push(...headerFindings(table, match));

  const mapped = ledger.fields
    .filter((f) => columns.has(f.key))
    .map((field) => ({ field, col: columns.get(field.key)!, letter: columnLetter(columns.get(field.key)!), scale: match.scales.get(field.key) }));
  const rows: LedgerRow[] = [];
  const skippedRows: number[] = [];
  const noteRows: number[] = [];
  const left = table.origin.col;
  for (let r = match.headerRow + 1; r <= lastRow(table); r++) {
    const cells = table.cells[r - table.origin.row];
    if (isSkipped(cells, mapped, left)) {
      skippedRows.push(r + 1);
      continue;
    }
    if (isNoteRow(cells)) {
      skippedRows.push(r + 1);
      noteRows.push(r + 1);
      continue;
    }
    const values: Record<string, FieldValue | null> = {};
    let monthOnly: Set<string> | undefined;
    for (const { field, col, letter, scale } of mapped) {
      const cell = cells[col - left] ?? null;
      const text = cellText(cell);
      const parsed = parseField(field, cell, options, text);
      values[field.key] = scale !== undefined && typeof parsed.value === "number" ? parsed.value * scale : parsed.value;
      if (parsed.monthOnly) (monthOnly ??= new Set()).add(field.key);
      for (const p of parsed.problems) {
        findings.push(makeFinding(p.code, p.message, { sheet: table.name, row: r + 1, column: letter, field: field.key, value: text || null }));
      }
    }
    rows.push({ row: r + 1, values, monthOnly: monthOnly ?? NO_MONTH_ONLY });
  }
  if (noteRows.length > 0) {
    findings.push(
      makeFinding("sheet.notes", `第 ${noteRows.join("、")} 行是填表说明或备注，不是数据，已跳过`, { sheet: table.name, row: noteRows[0] }),
    );
  }
  if (rows.length === 0) {
    findings.push(
      makeFinding("sheet.empty", `“${table.name}”${table.name === ledger.title ? "" : `（${ledger.title}）`}在表头（第 ${headerRow} 行）下面还没有填写数据`, {
        sheet: table.name,
        row: headerRow,
      }),
    );
  }
  const sheet: LedgerSheet = { table, ledger, headerRow, columns, rows, skippedRows };
  if (!ledger.reshape) return { sheet, findings, match, rowsRead: rows.length };
  const reshaped = ledger.reshape(sheet);
  return { sheet: reshaped.sheet, findings: [...findings, ...reshaped.findings], match, rowsRead: rows.length };
}

type Need = string | readonly string[];
const met = (need: Need, columns: ReadonlyMap<string, number>): boolean =>
  typeof need === "string" ? columns.has(need) : need.some((k) => columns.has(k));

/** The codes whose rules cannot run without a column the sheet lacks (a missing column silences them). */
function unchecked(ledger: LedgerDef, columns: ReadonlyMap<string, number>): Set<Code> {
  const silent = new Set<Code>();
  for (const [code, needs] of Object.entries(ledger.needs ?? {}) as [Code, readonly Need[]][]) {
    if (!needs.every((need) => met(need, columns))) silent.add(code);
  }
  return silent;
}

/** Of the unchecked codes, those that need the field `key`. */
function silencedBy(ledger: LedgerDef, columns: ReadonlyMap<string, number>, key: string): Code[] {
  const needs = (ledger.needs ?? {}) as Partial<Record<Code, readonly Need[]>>;
  return [...unchecked(ledger, columns)].filter((code) => needs[code]!.some((need) => need === key || (typeof need !== "string" && need.includes(key))));
}

/**
 * header.missing once per missing required column, saying what will not be
 * checked without it; the ledger chosen and why when another came close; the
 * columns no field took (其他列), each with the field it is most like.
 */
function headerFindings(table: Table, match: HeaderMatch): Finding[] {
  const { ledger, columns } = match;
  const headerRow = match.headerRow + 1;
  const at = { sheet: table.name, row: headerRow };
  const findings: Finding[] = [];
  for (const f of ledger.fields) {
    if (!f.required || columns.has(f.key)) continue;
    const lost = silencedBy(ledger, columns, f.key);
    const words = lost.length > 0 ? `；因此不检查：${lost.map((c) => CODES[c].title).join("、")}` : "";
    findings.push(makeFinding("header.missing", `“${table.name}”缺少必需的列“${f.header}”（表头在第 ${headerRow} 行）${words}`, { ...at, field: f.key }));
  }
  if (match.runnerUp) {
    const basis = ledger.fields.filter((f) => columns.has(f.key)).map((f) => f.header).join("、");
    findings.push(
      makeFinding(
        "sheet.ledger-choice",
        `按“${ledger.title}”读取（依据列：${basis}；得分 ${match.score}），也有些像“${match.runnerUp.ledger.title}”（得分 ${match.runnerUp.score}）；如果不对，请用列对应指定`,
        at,
      ),
    );
  }
  if (match.others.length > 0) {
    const list = match.others.map((o) => `“${o.header}”${o.closest && o.closest.score >= 0.34 ? `（最接近“${o.closest.header}”，相似度 ${o.closest.score}）` : ""}`);
    findings.push(makeFinding("header.other-columns", `未识别的列，作为其他列保留、不校验：${list.join("、")}`, at));
  }
  return findings;
}

function recognitionOf(match: HeaderMatch): Recognition {
  return {
    score: match.score,
    runnerUp: match.runnerUp ? { ledger: match.runnerUp.ledger.key, title: match.runnerUp.ledger.title, score: match.runnerUp.score } : null,
    byValues: match.byValues,
    otherColumns: match.others.map((o) => ({ column: columnLetter(o.col), header: o.header, closest: o.closest })),
  };
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
  // Worked out once per workbook: the header index is kept per mapping.
  const reading = { ...options, columns: columnMappingOf(options) };

  for (const table of workbook.sheets.filter((t) => !isOwnSheet(t.name))) {
    const read = parseSheet(table, reading);
    const result: SheetResult = {
      sheet: table.name,
      ledger: read ? read.sheet.ledger.key : null,
      headerRow: read ? read.sheet.headerRow : null,
      rows: read ? read.rowsRead : 0,
      findings: read ? read.findings : [unrecognized(table)],
      recognition: read ? recognitionOf(read.match) : undefined,
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
    // A rule that needs a column the sheet lacks stays silent (header.missing says so).
    const silent = unchecked(sheet.ledger, sheet.columns);
    for (const rule of sheet.ledger.rules) rule(sheet, ctx).forEach((f) => silent.has(f.code) || place(f));
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
