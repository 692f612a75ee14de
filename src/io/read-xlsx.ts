/**
 * .xlsx/.xls → Table[] through @e965/xlsx (the maintained SheetJS 0.20 build),
 * hardened: no formulas, HTML or styles; a row cap; raw values only (date
 * serials stay numbers and the core converts them by arithmetic, never
 * through the local time zone).
 */
import * as XLSX from "@e965/xlsx";
import type { Cell, MergeArea, Table, TemplateMarker, Workbook } from "../core/table";
import { MARKER_SHEET } from "../core/own-sheets";
import { readError } from "./errors";

/** Rows read per sheet at most; a real branch ledger has a few hundred. */
export const ROW_CAP = 100_000;
/** Grid cells per sheet in the table model at most (a sparse row reaching XFD counts 16,384). */
export const CELL_CAP = 5_000_000;

const PARSE_OPTIONS: XLSX.ParsingOptions = {
  type: "array",
  cellFormula: false,
  cellHTML: false,
  cellStyles: false,
  cellText: false,
  cellDates: false,
  cellNF: true,
  dense: true,
  bookVBA: false,
  WTF: false,
};

export function parseSpreadsheet(bytes: Uint8Array, file: string): XLSX.WorkBook {
  try {
    return XLSX.read(bytes, PARSE_OPTIONS);
  } catch (e) {
    const text = String((e as Error)?.message ?? e);
    if (/password|encrypt/i.test(text)) throw readError("encrypted", file);
    throw readError("corrupt", file);
  }
}

export function readXlsx(bytes: Uint8Array, file: string): Workbook {
  const book = parseSpreadsheet(bytes, file);
  const sheets: Table[] = [];
  let marker: TemplateMarker | undefined;
  book.SheetNames.forEach((name) => {
    const sheet = book.Sheets[name];
    if (!sheet) return;
    const table = toTable(name, sheet, file);
    if (name === MARKER_SHEET) marker = readMarker(table);
    else sheets.push(table);
  });
  return { name: file, sheets, marker };
}

function toTable(name: string, sheet: XLSX.WorkSheet, file: string): Table {
  const ref = sheet["!ref"];
  const merges: MergeArea[] = (sheet["!merges"] ?? []).map((m) => ({ top: m.s.r, left: m.s.c, bottom: m.e.r, right: m.e.c }));
  if (!ref) return { name, origin: { row: 0, col: 0 }, cells: [], merges };
  const range = XLSX.utils.decode_range(ref);
  const dense = (sheet as XLSX.DenseWorkSheet)["!data"] ?? [];
  const cells: (Cell | null)[][] = [];
  // The declared range (<dimension>) may claim far more than there is: read up to the
  // last row and column that hold data. Data beyond the caps is refused, never dropped.
  const bottom = Math.min(range.e.r, dense.length - 1);
  if (bottom >= ROW_CAP) throw readError("too-big", file, `工作表“${name}”第 ${bottom + 1} 行有数据，超过上限 ${ROW_CAP} 行`);
  let size = 0;
  for (let r = range.s.r; r <= bottom; r++) {
    const src = dense[r];
    const row: (Cell | null)[] = [];
    if (src) {
      const right = Math.min(range.e.c, src.length - 1);
      size += Math.max(0, right - range.s.c + 1);
      if (size > CELL_CAP) throw readError("too-big", file, `工作表“${name}”的单元格超过上限 ${CELL_CAP} 个`);
      for (let c = range.s.c; c <= right; c++) row.push(toCell(src[c]));
    }
    cells.push(row);
  }
  return { name, origin: { row: range.s.r, col: range.s.c }, cells, merges };
}

function toCell(cell: XLSX.CellObject | undefined): Cell | null {
  if (!cell || cell.v === undefined || cell.v === null) return null;
  switch (cell.t) {
    case "n":
      return cell.z && cell.z !== "General" ? { value: cell.v as number, format: String(cell.z) } : { value: cell.v as number };
    case "b":
      return { value: Boolean(cell.v) };
    case "e":
      return { value: "#错误值" };
    default:
      return { value: String(cell.v) };
  }
}

function readMarker(table: Table): TemplateMarker | undefined {
  const pairs = new Map<string, string>();
  for (const row of table.cells) {
    const [k, v] = row;
    if (k && v && typeof k.value === "string") pairs.set(k.value, String(v.value));
  }
  const template = pairs.get("template");
  if (!template) return undefined;
  return { template, version: pairs.get("version") ?? "", profile: pairs.get("profile") ?? "", branch: pairs.get("branch") };
}
