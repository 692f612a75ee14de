/**
 * A Workbook as flat arrays: the form the .xlsx reader builds and the parsing
 * worker sends (src/io/isolate). Structured clone copies a grid of
 * {value, format} objects property by property, several times slower than
 * flat arrays of the same values (for 100 branch workbooks ≈ 190 ms CPU against
 * ≈ 50 ms, packing and unpacking included); unpacked into the ordinary Table
 * where it is used.
 */
import type { Cell, Table, Workbook } from "../core/table";

export interface PackedTable {
  name: string;
  origin: Table["origin"];
  merges: Table["merges"];
  /** Cells per row. */
  widths: Uint32Array;
  /** Every cell's value, row after row; undefined where the grid has no cell. */
  values: (Cell["value"] | undefined)[];
  /** Per cell: 0 without a number format, else 1 + its index in `formatList`. */
  formats: Uint32Array;
  formatList: string[];
}

export interface PackedWorkbook {
  name: string;
  sheets: PackedTable[];
  marker?: Workbook["marker"];
}

export function packWorkbook(workbook: Workbook): PackedWorkbook {
  return { name: workbook.name, sheets: workbook.sheets.map(packTable), marker: workbook.marker };
}

/** The number formats of a table as they are met, numbered from 1 (0 is no format). */
export class FormatList {
  readonly list: string[] = [];
  private readonly ids = new Map<string, number>();

  id(format: string): number {
    let id = this.ids.get(format);
    if (id === undefined) this.ids.set(format, (id = this.list.push(format)));
    return id;
  }
}

function packTable(table: Table): PackedTable {
  const widths = new Uint32Array(table.cells.length);
  const size = table.cells.reduce((n, row) => n + row.length, 0);
  const values: PackedTable["values"] = new Array(size);
  const formats = new Uint32Array(size);
  const formatList = new FormatList();
  let at = 0;
  table.cells.forEach((row, r) => {
    widths[r] = row.length;
    for (const cell of row) {
      values[at] = cell ? cell.value : undefined;
      if (cell?.format !== undefined) formats[at] = formatList.id(cell.format);
      at++;
    }
  });
  return { name: table.name, origin: table.origin, merges: table.merges, widths, values, formats, formatList: formatList.list };
}

/** The buffers of a packed workbook, to be transferred rather than copied. */
export function transferables(packed: PackedWorkbook): ArrayBuffer[] {
  return packed.sheets.flatMap((s) => [s.widths.buffer as ArrayBuffer, s.formats.buffer as ArrayBuffer]);
}

export function unpackWorkbook(packed: PackedWorkbook): Workbook {
  return { name: packed.name, sheets: packed.sheets.map(unpackTable), marker: packed.marker };
}

export function unpackTable(packed: PackedTable): Table {
  const { widths, values, formats, formatList } = packed;
  const cells: (Cell | null)[][] = new Array(widths.length);
  let at = 0;
  for (let r = 0; r < widths.length; r++) {
    const row: (Cell | null)[] = new Array(widths[r]);
    for (let c = 0; c < row.length; c++, at++) {
      const value = values[at];
      if (value === undefined) row[c] = null;
      else row[c] = formats[at] === 0 ? { value } : { value, format: formatList[formats[at] - 1] };
    }
    cells[r] = row;
  }
  return { name: packed.name, origin: packed.origin, cells, merges: packed.merges };
}
