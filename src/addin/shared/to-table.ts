/** A used range as a host reads it (values and number formats, 2-D) → the core table model (the add-in twin of src/io/read-xlsx.ts). */
import type { Cell, MergeArea, Table } from "../../core/table";
import { parseArea } from "./address";

export interface LoadedRange {
  address: string;
  values: unknown[][];
  numberFormat: string[][];
}

export function tableFromRange(name: string, range: LoadedRange, merges: MergeArea[] = []): Table {
  const { top, left } = parseArea(range.address);
  const cells = range.values.map((row, r) => row.map((v, c) => toCell(v, range.numberFormat[r]?.[c])));
  return { name, origin: { row: top, col: left }, cells, merges };
}

/** Hosts give "" (Office.js) or nothing (WPS) for an empty cell and error values as text (#N/A); formats only matter for numbers. */
function toCell(value: unknown, format: string | undefined): Cell | null {
  if (value === "" || value === null || value === undefined) return null;
  if (typeof value === "number") return format && format !== "General" ? { value, format } : { value };
  if (typeof value === "boolean") return { value };
  return { value: String(value) };
}
