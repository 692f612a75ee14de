/**
 * Header-row detection (RULES.md "Reading a sheet"): the header may sit under
 * title rows (first 20 rows), span merged cells or two rows, and use aliases,
 * whitespace and full-width variants. A sheet is recognised by its headers and
 * name, never by its position.
 */
import type { LedgerDef } from "./ledger";
import { memoize } from "./memo";
import { headerKey, headerStem, squeeze } from "./text";
import { lastCol, lastRow, visibleCellAt, type Cell, type Table } from "./table";

export const HEADER_SEARCH_ROWS = 20;

export interface HeaderMatch {
  ledger: LedgerDef;
  /** 0-based sheet row of the last header row; data starts below it. */
  headerRow: number;
  /** Field key → 0-based sheet column. */
  columns: Map<string, number>;
  score: number;
}

/** Per ledger (by its place in the list searched), the field a header names there, if any. */
type FieldsByLedger = readonly (string | undefined)[];
/** Cell text → the field it names in each ledger (one lookup per cell serves every ledger), once per distinct text. */
type AliasIndex = (text: string) => FieldsByLedger | undefined;
const aliasIndexes = new WeakMap<readonly LedgerDef[], AliasIndex>();

function aliasIndex(ledgers: readonly LedgerDef[]): AliasIndex {
  let index = aliasIndexes.get(ledgers);
  if (!index) {
    const byKey = new Map<string, (string | undefined)[]>();
    ledgers.forEach((ledger, l) => {
      for (const f of ledger.fields) {
        for (const name of [f.header, ...f.aliases]) {
          const key = headerKey(name);
          const fields = byKey.get(key) ?? new Array<string | undefined>(ledgers.length).fill(undefined);
          fields[l] ??= f.key;
          byKey.set(key, fields);
        }
      }
    });
    // The first 20 rows of every sheet are searched; most of their texts recur (男, 正式党员 …).
    index = memoize((text: string) => namedBy(byKey, text));
    aliasIndexes.set(ledgers, index);
  }
  return index;
}

/** What a header cell names in each ledger: a header is text, so numbers, dates and booleans name nothing. */
function fieldsOf(index: AliasIndex, cell: Cell | null): FieldsByLedger | undefined {
  return cell && typeof cell.value === "string" ? index(cell.value) : undefined;
}

/** By the text's squeezed form, else by its stem without a bracketed unit. */
function namedBy(byKey: Map<string, FieldsByLedger>, raw: string): FieldsByLedger | undefined {
  const text = raw.trim();
  if (text === "") return undefined;
  const key = headerKey(text);
  const stem = headerStem(key);
  const fields = byKey.get(key);
  const byStem = stem === key ? undefined : byKey.get(stem);
  if (!fields || !byStem) return fields ?? byStem;
  return fields.map((f, l) => f ?? byStem[l]);
}

/** A column of a candidate header and what its cells name, the lower row's cell first. */
interface HeaderColumn {
  col: number;
  cells: FieldsByLedger[];
}

/**
 * The columns of every sheet row a header may occupy whose cell names a field
 * in some ledger, computed once per sheet: every ledger and candidate reads them.
 */
function headerColumnsByRow(table: Table, index: AliasIndex, top: number, bottom: number): Map<number, HeaderColumn[]> {
  const byRow = new Map<number, HeaderColumn[]>();
  const right = lastCol(table);
  for (let r = top; r <= bottom; r++) {
    const columns: HeaderColumn[] = [];
    for (let c = table.origin.col; c <= right; c++) {
      const fields = fieldsOf(index, visibleCellAt(table, r, c));
      if (fields) columns.push({ col: c, cells: [fields] });
    }
    byRow.set(r, columns);
  }
  return byRow;
}

/** A two-row header read together: per column, the lower row's cell first (1月 under 缴纳情况 is the specific one). */
function twoRows(upper: HeaderColumn[], lower: HeaderColumn[]): HeaderColumn[] {
  // With one row naming nothing, the two read as the other alone (most rows searched are data).
  if (upper.length === 0) return lower;
  if (lower.length === 0) return upper;
  const byCol = new Map<number, FieldsByLedger[]>();
  for (const { col, cells } of [...lower, ...upper]) byCol.set(col, [...(byCol.get(col) ?? []), ...cells]);
  return [...byCol].sort(([a], [b]) => a - b).map(([col, cells]) => ({ col, cells }));
}

function sheetNameMatches(table: Table, ledger: LedgerDef): boolean {
  const name = squeeze(table.name);
  return [ledger.title, ...ledger.sheetAliases].some((t) => name.includes(squeeze(t)));
}

/** Map the columns of one candidate header for the ledger at place `l`. */
function mapColumns(header: readonly HeaderColumn[], l: number): Map<string, number> {
  const columns = new Map<string, number>();
  for (const { col, cells } of header) {
    for (const fields of cells) {
      const key = fields[l];
      if (key !== undefined && !columns.has(key)) {
        columns.set(key, col);
        break;
      }
    }
  }
  return columns;
}

function scoreOf(ledger: LedgerDef, byName: boolean, columns: Map<string, number>): number {
  const hasSignature = ledger.signature.some((k) => columns.has(k));
  if (!(hasSignature && columns.size >= 2) && !(byName && columns.size >= 1)) return 0;
  return columns.size + (byName ? 2 : 0) + (hasSignature ? 1 : 0);
}

export function detectHeader(table: Table, ledgers: readonly LedgerDef[]): HeaderMatch | null {
  let best: HeaderMatch | null = null;
  const top = table.origin.row;
  const bottom = Math.min(lastRow(table), top + HEADER_SEARCH_ROWS - 1);
  const rows = headerColumnsByRow(table, aliasIndex(ledgers), top, Math.min(lastRow(table), bottom + 1));
  const byName = ledgers.map((ledger) => sheetNameMatches(table, ledger));
  for (let r = top; r <= bottom; r++) {
    const candidates: [number, HeaderColumn[]][] = [[r, rows.get(r)!]];
    if (r + 1 <= lastRow(table)) candidates.push([r + 1, twoRows(rows.get(r)!, rows.get(r + 1)!)]);
    // Most rows searched are data: no cell names a field, no ledger can match.
    if (candidates.every(([, header]) => header.length === 0)) continue;
    for (let l = 0; l < ledgers.length; l++) {
      for (const [headerRow, header] of candidates) {
        const columns = mapColumns(header, l);
        const score = scoreOf(ledgers[l], byName[l], columns);
        // Strictly better only: a single row beats two rows, an earlier row a later one.
        if (score > 0 && (!best || score > best.score)) best = { ledger: ledgers[l], headerRow, columns, score };
      }
    }
  }
  return best;
}
