/**
 * The table model every reader produces (SheetJS in src/io, Office.js in
 * src/addin/excel) and every rule reads. Readers are the only code that knows
 * where cells came from; the model keeps each cell's original position.
 */

/** A raw cell: its value as stored and, for numbers, the number format. */
export interface Cell {
  value: string | number | boolean | null;
  /** Number format code (e.g. "yyyy-mm-dd", "@", "General"); tells date serials from numbers. */
  format?: string;
}

/** A merged area, 0-based and inclusive, relative to the sheet (not to `origin`). */
export interface MergeArea {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface Table {
  /** Sheet name as the workbook has it. */
  name: string;
  /** 0-based sheet row and column of cells[0][0]. */
  origin: { row: number; col: number };
  /** A dense grid from the used range; missing cells are null. */
  cells: (Cell | null)[][];
  merges: MergeArea[];
}

export interface Workbook {
  /** File name (or workbook name inside Excel). */
  name: string;
  sheets: Table[];
  /** Workbook-level marker written by our templates (template, version, profile). */
  marker?: TemplateMarker;
}

export interface TemplateMarker {
  template: string;
  version: string;
  profile: string;
  branch?: string;
}

export function cellAt(table: Table, sheetRow: number, sheetCol: number): Cell | null {
  const r = sheetRow - table.origin.row;
  const c = sheetCol - table.origin.col;
  if (r < 0 || c < 0) return null;
  return table.cells[r]?.[c] ?? null;
}

/** The cell as a reader of the sheet sees it: inside a merged area, the area's top-left cell. */
export function visibleCellAt(table: Table, sheetRow: number, sheetCol: number): Cell | null {
  const own = cellAt(table, sheetRow, sheetCol);
  if (own && own.value !== null && own.value !== "") return own;
  for (const m of table.merges) {
    if (sheetRow >= m.top && sheetRow <= m.bottom && sheetCol >= m.left && sheetCol <= m.right) {
      return cellAt(table, m.top, m.left);
    }
  }
  return own;
}

export function lastRow(table: Table): number {
  return table.origin.row + table.cells.length - 1;
}

const widths = new WeakMap<Table, number>();

/** Last 0-based sheet column of the grid; tables are not changed once read, so the width is kept. */
export function lastCol(table: Table): number {
  let width = widths.get(table);
  if (width === undefined) {
    width = 0;
    for (const row of table.cells) width = Math.max(width, row.length);
    widths.set(table, width);
  }
  return table.origin.col + width - 1;
}

/** Excel column letters for a 0-based column index: 0 → A, 26 → AA. */
export function columnLetter(col: number): string {
  let s = "";
  let n = col + 1;
  while (n > 0) {
    const rem = (n - 1) % 26;
    s = String.fromCharCode(65 + rem) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** Build a table from plain rows (0-based origin A1) – used by tests and the CSV reader. */
export function tableFromRows(name: string, rows: (Cell["value"] | Cell | undefined)[][], merges: MergeArea[] = []): Table {
  return {
    name,
    origin: { row: 0, col: 0 },
    cells: rows.map((row) =>
      row.map((v) => (v === undefined ? null : typeof v === "object" && v !== null ? v : { value: v })),
    ),
    merges,
  };
}
