/**
 * Header-row detection (RULES.md "Reading a sheet"): the header may sit under
 * title rows (first 20 rows), span merged cells or two rows, and use any usual
 * wording (vocabulary/header-words.ts composes the variants). A sheet is the
 * ledger that scores best over all its fields – a column named in only one
 * ledger weighs 1, one shared by n ledgers (姓名, 日期) 1/n – never by position.
 * A column with a generic header may be recognised by its values (活动名称
 * holding 支部党员大会, 党课 …).
 */
import type { LedgerDef } from "./ledger";
import { memoize } from "./memo";
import { closest } from "./similarity";
import { isBlank, squeeze } from "./text";
import { lastCol, lastRow, visibleCellAt, type Cell, type Table } from "./table";
import { headerConcept, type HeaderUnit } from "./vocabulary/header-words";
import { matchValue } from "./vocabulary/values";
import { headerOverride, NO_MAPPING, type ColumnMapping } from "./columns";

export const HEADER_SEARCH_ROWS = 20;
/**
 * A sheet is a ledger from this score on, with two columns at least: one column
 * only this ledger has (申请入党时间) and a person's name, or several shared ones.
 * A sheet named like the ledger gets the same again, so one column then suffices.
 */
const MIN_SCORE = 1;
/** A runner-up within this share of the best score is reported with the choice. */
const CLOSE_SHARE = 0.75;
/** Data rows sampled to recognise a column by its values, and the share that must match. */
const VALUE_SAMPLE_ROWS = 30;
const VALUE_SHARE = 0.6;

/** A header cell no field of the chosen ledger took (其他列), with the field it is most like. */
export interface OtherColumn {
  col: number;
  header: string;
  closest: { field: string; header: string; score: number } | null;
}

export interface LedgerScore {
  ledger: LedgerDef;
  score: number;
}

export interface HeaderMatch {
  ledger: LedgerDef;
  /** 0-based sheet row of the last header row; data starts below it. */
  headerRow: number;
  /** Field key → 0-based sheet column. */
  columns: Map<string, number>;
  /** Field key → factor for the column's numbers (时长（分钟） → 1/60). */
  scales: Map<string, number>;
  /** Fields recognised by their values, not their header. */
  byValues: string[];
  score: number;
  /** The next best ledger when it scored close to the chosen one. */
  runnerUp: LedgerScore | null;
  others: OtherColumn[];
}

/** What one header text names in each ledger (by place in the list searched). */
interface Named {
  fields: readonly (string | undefined)[];
  /** Per ledger: the field's evidence ÷ the number of ledgers with a field of this name. */
  weights: readonly number[];
  unit?: HeaderUnit;
  planned: boolean;
}

type ConceptIndex = (text: string) => Named | undefined;
const indexes = new WeakMap<readonly LedgerDef[], WeakMap<ColumnMapping, ConceptIndex>>();

/** The concept keys a field is known by: its header and aliases, each composed into its concept. */
export const fieldConcepts = (f: { header: string; aliases: readonly string[] }): string[] => [
  ...new Set([f.header, ...f.aliases].map((name) => headerConcept(name).key)),
];

function conceptIndex(ledgers: readonly LedgerDef[], mapping: ColumnMapping): ConceptIndex {
  let byMapping = indexes.get(ledgers);
  if (!byMapping) indexes.set(ledgers, (byMapping = new WeakMap()));
  let index = byMapping.get(mapping);
  if (index) return index;
  const byKey = new Map<string, (string | undefined)[]>();
  ledgers.forEach((ledger, l) => {
    for (const f of ledger.fields) {
      for (const key of fieldConcepts(f)) {
        const fields = byKey.get(key) ?? new Array<string | undefined>(ledgers.length).fill(undefined);
        fields[l] ??= f.key;
        byKey.set(key, fields);
      }
    }
  });
  const evidence = (l: number, key: string | undefined) => ledgers[l].fields.find((f) => f.key === key)?.evidence ?? 1;
  const named = (fields: readonly (string | undefined)[], concept: { unit?: HeaderUnit; planned: boolean }): Named => {
    const shared = fields.filter((f) => f !== undefined).length;
    return { fields, weights: fields.map((f, l) => (f === undefined ? 0 : evidence(l, f) / shared)), unit: concept.unit, planned: concept.planned };
  };
  // The first 20 rows of every sheet are searched; most of their texts recur (男, 正式党员 …).
  index = memoize((raw: string): Named | undefined => {
    if (raw.trim() === "") return undefined;
    const concept = headerConcept(raw);
    const byConcept = byKey.get(concept.key);
    const override = headerOverride(mapping, ledgers, raw);
    const fields = override ? override.map((f, l) => (f === undefined ? byConcept?.[l] : (f ?? undefined))) : byConcept;
    return fields && fields.some((f) => f !== undefined) ? named(fields, concept) : undefined;
  });
  byMapping.set(mapping, index);
  return index;
}

/** What a header cell names: a header is text, so numbers, dates and booleans name nothing. */
function namedBy(index: ConceptIndex, cell: Cell | null): Named | undefined {
  return cell && typeof cell.value === "string" ? index(cell.value) : undefined;
}

/** A column of a candidate header and what its cells name, the lower row's cell first. */
interface HeaderColumn {
  col: number;
  cells: Named[];
}

function headerColumnsByRow(table: Table, index: ConceptIndex, top: number, bottom: number): Map<number, HeaderColumn[]> {
  const byRow = new Map<number, HeaderColumn[]>();
  const right = lastCol(table);
  for (let r = top; r <= bottom; r++) {
    const columns: HeaderColumn[] = [];
    for (let c = table.origin.col; c <= right; c++) {
      const named = namedBy(index, visibleCellAt(table, r, c));
      if (named) columns.push({ col: c, cells: [named] });
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
  const byCol = new Map<number, Named[]>();
  for (const { col, cells } of [...lower, ...upper]) byCol.set(col, [...(byCol.get(col) ?? []), ...cells]);
  return [...byCol].sort(([a], [b]) => a - b).map(([col, cells]) => ({ col, cells }));
}

function sheetNameMatches(table: Table, ledger: LedgerDef): boolean {
  const name = squeeze(table.name);
  return [ledger.title, ...ledger.sheetAliases].some((t) => name.includes(squeeze(t)));
}

interface Candidate {
  headerRow: number;
  /** Both the header row and the row above it name fields. */
  twoRows: boolean;
  columns: Map<string, number>;
  scales: Map<string, number>;
  weights: Map<string, number>;
  byValues: string[];
  score: number;
}

const UNIT_SCALE: Readonly<Record<HeaderUnit, number>> = { hours: 1, minutes: 1 / 60 };

/** Map the columns of one candidate header for the ledger at place `l`: a planned column (计划…) only when no other names the field. */
function candidateOf(header: readonly HeaderColumn[], ledger: LedgerDef, l: number, headerRow: number, twoRowHeader: boolean, byName: boolean): Candidate {
  const columns = new Map<string, number>();
  const scales = new Map<string, number>();
  const weights = new Map<string, number>();
  const planned = new Set<string>();
  for (const { col, cells } of header) {
    for (const named of cells) {
      const key = named.fields[l];
      if (key === undefined || (columns.has(key) && !(planned.has(key) && !named.planned))) continue;
      columns.set(key, col);
      weights.set(key, named.weights[l]);
      if (named.planned) planned.add(key);
      else planned.delete(key);
      if (named.unit) scales.set(key, UNIT_SCALE[named.unit]);
      else scales.delete(key);
      break;
    }
  }
  const anchored = !ledger.recognisedWith || ledger.recognisedWith.some((k) => columns.has(k));
  return { headerRow, twoRows: twoRowHeader, columns, scales, weights, byValues: [], score: anchored ? scoreOf(weights, byName) : 0 };
}

/**
 * The sum of the columns' weights; 0 unless the sheet is named like the ledger
 * or has a column that only this ledger has, with full weight (入党时间,
 * 申请入党时间, 学时, 摘要): lists of people (姓名, 性别, 民族 …) are no ledger.
 */
function scoreOf(weights: ReadonlyMap<string, number>, byName: boolean): number {
  let sum = 0;
  let decisive = false;
  for (const w of weights.values()) {
    sum += w;
    decisive ||= w >= 1;
  }
  if (byName) return weights.size >= 1 ? sum + MIN_SCORE : 0;
  return decisive && weights.size >= 2 ? sum : 0;
}

/** How many ledgers have a field of each field's header concept: the weight of a field found by its values. */
function fieldWeight(index: ConceptIndex, ledgers: readonly LedgerDef[], l: number, key: string): number {
  return index(ledgers[l].fields.find((f) => f.key === key)!.header)?.weights[l] ?? 1;
}

/**
 * Enum columns with a generic header (活动名称, 类别 …): a column whose values are
 * mostly this field's words is that field – also when a free-text field took the
 * column by its header (活动名称 holding 支部党员大会 is both the topic and the kind).
 */
function addColumnsByValues(table: Table, ledger: LedgerDef, candidate: Candidate, weightOf: (key: string) => number, byName: boolean): void {
  const textField = new Set(ledger.fields.filter((f) => f.kind === "text").map((f) => f.key));
  const taken = new Set([...candidate.columns].filter(([key]) => !textField.has(key)).map(([, col]) => col));
  const top = candidate.headerRow + 1;
  const bottom = Math.min(lastRow(table), candidate.headerRow + VALUE_SAMPLE_ROWS);
  for (const f of ledger.fields) {
    if (!f.vocabulary || candidate.columns.has(f.key) || f.vocabulary.options.length < 3) continue;
    for (let c = table.origin.col; c <= lastCol(table); c++) {
      if (taken.has(c)) continue;
      let filled = 0;
      let matched = 0;
      for (let r = top; r <= bottom; r++) {
        const cell = visibleCellAt(table, r, c);
        if (isBlank(cell) || typeof cell!.value !== "string") continue;
        filled++;
        if (matchValue(f.vocabulary, cell!.value).value !== null) matched++;
      }
      if (filled >= 2 && matched / filled >= VALUE_SHARE) {
        candidate.columns.set(f.key, c);
        candidate.weights.set(f.key, weightOf(f.key));
        candidate.byValues.push(f.key);
        taken.add(c);
        break;
      }
    }
  }
  candidate.score = scoreOf(candidate.weights, byName);
}

/** Headers of a row number, not of data: never reported as unrecognised. */
const ROW_NUMBER = /^(序号|序|编号|行号|no|no\.)$/iu;

/** Header cells of the header row(s) that no field took, each with the field of the ledger it is most like. */
function otherColumns(table: Table, ledger: LedgerDef, candidate: Candidate): OtherColumn[] {
  const taken = new Set(candidate.columns.values());
  const rows = candidate.twoRows ? [candidate.headerRow - 1, candidate.headerRow] : [candidate.headerRow];
  const concepts = ledger.fields.flatMap((f) => fieldConcepts(f).map((key) => ({ f, key })));
  const others: OtherColumn[] = [];
  for (let c = table.origin.col; c <= lastCol(table); c++) {
    if (taken.has(c)) continue;
    const texts = rows.map((r) => visibleCellAt(table, r, c)).filter((cell) => typeof cell?.value === "string" && cell.value.trim() !== "");
    if (texts.length === 0) continue;
    const header = [...new Set(texts.map((cell) => String(cell!.value).trim()))].join(" ");
    if (ROW_NUMBER.test(squeeze(header))) continue;
    const near = closest(headerConcept(header).key, concepts, (x) => x.key);
    others.push({
      col: c,
      header,
      closest: near ? { field: near.item.f.key, header: near.item.f.header, score: Math.round(near.score * 100) / 100 } : null,
    });
  }
  return others;
}

/**
 * A row of labels each followed by a space for its value (姓名 | ␣ | 性别 | ␣ …)
 * is a form for one person (登记表), not the header of a table.
 */
function isLabelRow(table: Table, row: number): boolean {
  let texts = 0;
  let gapsFilled = 0;
  let blankSince = true;
  for (let c = table.origin.col; c <= lastCol(table); c++) {
    if (isBlank(visibleCellAt(table, row, c))) {
      blankSince = true;
      continue;
    }
    if (texts > 0 && !blankSince) gapsFilled++;
    texts++;
    blankSince = false;
  }
  return texts >= 2 && gapsFilled === 0;
}

/** The ledger a sheet that is none comes closest to: the row naming most of its fields, and what it lacks. */
export interface NearestLedger {
  ledger: LedgerDef;
  /** 0-based sheet row. */
  row: number;
  found: string[];
  missing: string[];
}

export function nearestLedger(table: Table, ledgers: readonly LedgerDef[], mapping: ColumnMapping = NO_MAPPING): NearestLedger | null {
  const index = conceptIndex(ledgers, mapping);
  const top = table.origin.row;
  const rows = headerColumnsByRow(table, index, top, Math.min(lastRow(table), top + HEADER_SEARCH_ROWS - 1));
  let best: NearestLedger | null = null;
  for (const [row, header] of rows) {
    ledgers.forEach((ledger, l) => {
      const { columns } = candidateOf(header, ledger, l, row, false, false);
      if (columns.size > (best?.found.length ?? 0)) {
        const found = ledger.fields.filter((f) => columns.has(f.key));
        const missing = ledger.fields.filter((f) => f.required && !columns.has(f.key));
        best = { ledger, row, found: found.map((f) => f.header), missing: missing.map((f) => f.header) };
      }
    });
  }
  return best;
}

export function detectHeader(table: Table, ledgers: readonly LedgerDef[], mapping: ColumnMapping = NO_MAPPING): HeaderMatch | null {
  const index = conceptIndex(ledgers, mapping);
  const top = table.origin.row;
  const bottom = Math.min(lastRow(table), top + HEADER_SEARCH_ROWS - 1);
  const rows = headerColumnsByRow(table, index, top, Math.min(lastRow(table), bottom + 1));
  const byName = ledgers.map((ledger) => sheetNameMatches(table, ledger));
  const best: (Candidate | null)[] = ledgers.map(() => null);
  for (let r = top; r <= bottom; r++) {
    const upper = rows.get(r)!;
    const candidates: [number, HeaderColumn[], boolean][] = [[r, upper, false]];
    if (r + 1 <= lastRow(table)) {
      const lower = rows.get(r + 1)!;
      candidates.push([r + 1, twoRows(upper, lower), upper.length > 0 && lower.length > 0]);
    }
    // Most rows searched are data: no cell names a field, no ledger can match.
    if (candidates.every(([, header]) => header.length === 0)) continue;

    for (let l = 0; l < ledgers.length; l++) {
      for (const [headerRow, header, both] of candidates.filter(([row]) => !isLabelRow(table, row))) {
        const candidate = candidateOf(header, ledgers[l], l, headerRow, both, byName[l]);
        // Strictly better only: a single row beats two rows, an earlier row a later one.
        if (candidate.score > (best[l]?.score ?? 0)) best[l] = candidate;
      }
    }
  }
  const scored: { l: number; candidate: Candidate }[] = [];
  best.forEach((candidate, l) => {
    if (!candidate) return;
    addColumnsByValues(table, ledgers[l], candidate, (key) => fieldWeight(index, ledgers, l, key), byName[l]);
    if (candidate.score >= MIN_SCORE) scored.push({ l, candidate });
  });
  if (scored.length === 0) return null;
  scored.sort((a, b) => b.candidate.score - a.candidate.score || a.l - b.l);
  const [{ l, candidate }, second] = scored;
  const ledger = ledgers[l];
  return {
    ledger,
    headerRow: candidate.headerRow,
    columns: candidate.columns,
    scales: candidate.scales,
    byValues: candidate.byValues,
    score: Math.round(candidate.score * 100) / 100,
    runnerUp:
      second && second.candidate.score >= CLOSE_SHARE * candidate.score
        ? { ledger: ledgers[second.l], score: Math.round(second.candidate.score * 100) / 100 }
        : null,
    others: otherColumns(table, ledger, candidate),
  };
}
