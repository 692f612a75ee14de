/**
 * What the fake Excel and the fake WPS 表格 share: 0-based cell keys, A1
 * addresses, and a workbook of sheets filled from the core's table shape.
 * Self-contained (no imports): tests/e2e bundles it with the fakes for the browser.
 */

export interface GridArea {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

const COLS = 16_384;
export const cellKey = (row: number, col: number): number => row * COLS + col;
export const rowOf = (k: number): number => Math.floor(k / COLS);
export const colOf = (k: number): number => k % COLS;

export function colLetters(col: number): string {
  let s = "";
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

export type Fail = (message: string) => Error;

export function parseCell(ref: string, fail: Fail): { row: number; col: number } {
  const m = /^\$?([A-Z]{1,3})\$?(\d+)$/.exec(ref.trim().toUpperCase());
  if (!m) throw fail(`Invalid address: ${ref}`);
  let col = 0;
  for (const ch of m[1]) col = col * 26 + ch.charCodeAt(0) - 64;
  return { row: Number(m[2]) - 1, col: col - 1 };
}

/** "B2:F10", "'S'!C7" (the sheet is dropped) or a whole column "E:E". */
export function parseArea(address: string, fail: Fail): GridArea {
  const local = address.slice(address.lastIndexOf("!") + 1);
  const whole = /^([A-Z]{1,3}):([A-Z]{1,3})$/i.exec(local);
  if (whole) return { top: 0, left: parseCell(`${whole[1]}1`, fail).col, bottom: 1_048_575, right: parseCell(`${whole[2]}1`, fail).col };
  const [from, to = from] = local.split(":");
  const a = parseCell(from, fail);
  const b = parseCell(to, fail);
  return { top: a.row, left: a.col, bottom: b.row, right: b.col };
}

export const cellRef = (row: number, col: number): string => `${colLetters(col)}${row + 1}`;
export const areaRef = (a: GridArea): string =>
  a.top === a.bottom && a.left === a.right ? cellRef(a.top, a.left) : `${cellRef(a.top, a.left)}:${cellRef(a.bottom, a.right)}`;

export function cellsOf(a: GridArea, fn: (row: number, col: number) => void): void {
  for (let r = a.top; r <= a.bottom; r++) for (let c = a.left; c <= a.right; c++) fn(r, c);
}

/** What the tests put in: the shape of the core's Table. */
export interface FakeTableInput {
  name: string;
  origin?: { row: number; col: number };
  cells: ({ value: string | number | boolean | null; format?: string } | null)[][];
  merges?: GridArea[];
}

export interface GridSheet<C> {
  name: string;
  /** Keyed by cellKey(row, col). */
  cells: Map<number, C>;
  merges: GridArea[];
}

/** Sheets by name, cells by address, and every value and formula for before/after comparisons. */
export abstract class GridWorkbook<C extends { value?: unknown; formula?: string }, S extends GridSheet<C>> {
  sheets: S[] = [];
  active = "";
  name = "测试工作簿.xlsx";

  protected abstract missing(message: string): Error;
  protected abstract newCell(value: string | number | boolean, format: string): C;
  abstract addSheet(name: string): S;

  /** Fill with these tables; the first is active. */
  protected load(tables: FakeTableInput[]): this {
    for (const t of tables) {
      const sheet = this.addSheet(t.name);
      const origin = t.origin ?? { row: 0, col: 0 };
      t.cells.forEach((row, r) =>
        row.forEach((c, col) => {
          if (c && c.value !== null && c.value !== "") sheet.cells.set(cellKey(origin.row + r, origin.col + col), this.newCell(c.value, c.format ?? "General"));
        }),
      );
      sheet.merges = t.merges ?? [];
    }
    this.active = tables[0]?.name ?? "";
    return this;
  }

  sheet(name: string): S {
    const s = this.sheets.find((x) => x.name === name);
    if (!s) throw this.missing(`The requested resource doesn't exist: ${name}`);
    return s;
  }

  cell(sheet: string, address: string): C | undefined {
    const { row, col } = parseCell(address, (m) => this.missing(m));
    return this.sheet(sheet).cells.get(cellKey(row, col));
  }

  contents(sheet: string): string {
    const s = this.sheet(sheet);
    return JSON.stringify([...s.cells].filter(([, c]) => (c.value !== "" && c.value !== undefined) || c.formula).map(([k, c]) => [k, c.value, c.formula ?? null]).sort());
  }
}
