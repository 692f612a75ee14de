/**
 * Header-row detection (RULES.md "Reading a sheet"): the header may sit under
 * title rows (first 20 rows), span merged cells or two rows, and use aliases,
 * whitespace and full-width variants. A sheet is recognised by its headers and
 * name, never by its position.
 */
import type { LedgerDef } from "./ledger";
import { cellText, headerKey, headerStem, squeeze } from "./text";
import { lastCol, lastRow, visibleCellAt, type Table } from "./table";

export const HEADER_SEARCH_ROWS = 20;

export interface HeaderMatch {
  ledger: LedgerDef;
  /** 0-based sheet row of the last header row; data starts below it. */
  headerRow: number;
  /** Field key → 0-based sheet column. */
  columns: Map<string, number>;
  score: number;
}

type AliasIndex = Map<string, string>;
const aliasIndexes = new WeakMap<LedgerDef, AliasIndex>();

function aliasIndex(ledger: LedgerDef): AliasIndex {
  let index = aliasIndexes.get(ledger);
  if (!index) {
    index = new Map();
    for (const f of ledger.fields) {
      for (const name of [f.header, ...f.aliases]) {
        const key = headerKey(name);
        if (!index.has(key)) index.set(key, f.key);
      }
    }
    aliasIndexes.set(ledger, index);
  }
  return index;
}

/** A header cell's match keys: the squeezed text and its stem without a bracketed unit. */
type HeaderKeys = readonly [string, string] | null;

function fieldFor(index: AliasIndex, keys: HeaderKeys): string | undefined {
  return keys ? (index.get(keys[0]) ?? index.get(keys[1])) : undefined;
}

/**
 * The keys of every cell in the rows a header may occupy, computed once per sheet:
 * every ledger and candidate row reads the same cells, and normalising dominates.
 */
function headerKeysByRow(table: Table, top: number, bottom: number): Map<number, HeaderKeys[]> {
  const byRow = new Map<number, HeaderKeys[]>();
  const right = lastCol(table);
  for (let r = top; r <= bottom; r++) {
    const keys: HeaderKeys[] = [];
    for (let c = table.origin.col; c <= right; c++) {
      const text = cellText(visibleCellAt(table, r, c));
      const key = text === "" ? "" : headerKey(text);
      keys.push(key === "" ? null : [key, headerStem(key)]);
    }
    byRow.set(r, keys);
  }
  return byRow;
}

function sheetNameMatches(table: Table, ledger: LedgerDef): boolean {
  const name = squeeze(table.name);
  return [ledger.title, ...ledger.sheetAliases].some((t) => name.includes(squeeze(t)));
}

/** Map columns of one candidate header (one row, or two rows read together). */
function mapColumns(table: Table, keyRows: HeaderKeys[][], ledger: LedgerDef): Map<string, number> {
  const index = aliasIndex(ledger);
  const columns = new Map<string, number>();
  const width = keyRows[0].length;
  for (let i = 0; i < width; i++) {
    // Lower row first: in a two-row header the lower row is the specific one (1月 under 缴纳情况).
    for (let k = keyRows.length - 1; k >= 0; k--) {
      const key = fieldFor(index, keyRows[k][i]);
      if (key !== undefined && !columns.has(key)) {
        columns.set(key, table.origin.col + i);
        break;
      }
    }
  }
  return columns;
}

function scoreOf(table: Table, ledger: LedgerDef, columns: Map<string, number>): number {
  const hasSignature = ledger.signature.some((k) => columns.has(k));
  const byName = sheetNameMatches(table, ledger);
  if (!(hasSignature && columns.size >= 2) && !(byName && columns.size >= 1)) return 0;
  return columns.size + (byName ? 2 : 0) + (hasSignature ? 1 : 0);
}

export function detectHeader(table: Table, ledgers: readonly LedgerDef[]): HeaderMatch | null {
  let best: HeaderMatch | null = null;
  const top = table.origin.row;
  const bottom = Math.min(lastRow(table), top + HEADER_SEARCH_ROWS - 1);
  const keys = headerKeysByRow(table, top, Math.min(lastRow(table), bottom + 1));
  for (let r = top; r <= bottom; r++) {
    for (const ledger of ledgers) {
      const candidates: number[][] = r + 1 <= lastRow(table) ? [[r], [r, r + 1]] : [[r]];
      for (const rows of candidates) {
        const columns = mapColumns(table, rows.map((row) => keys.get(row)!), ledger);
        const score = scoreOf(table, ledger, columns);
        // Strictly better only: a single row beats two rows, an earlier row a later one.
        if (score > 0 && (!best || score > best.score)) {
          best = { ledger, headerRow: rows[rows.length - 1], columns, score };
        }
      }
    }
  }
  return best;
}
