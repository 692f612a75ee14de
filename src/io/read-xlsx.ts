/**
 * .xlsx/.xls → Table[] (or their packed form, packed.ts) through @e965/xlsx
 * (the maintained SheetJS 0.20 build), hardened: no formulas, HTML or styles; a row cap; raw values only (date
 * serials stay numbers and the core converts them by arithmetic, never
 * through the local time zone).
 */
import * as XLSX from "@e965/xlsx";
import type { Cell, MergeArea, Table, TemplateMarker, Workbook } from "../core/table";
import { MARKER_SHEET } from "../core/own-sheets";
import { readError } from "./errors";
import { FormatList, unpackTable, unpackWorkbook, type PackedTable, type PackedWorkbook } from "./packed";

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
  return unpackWorkbook(readXlsxPacked(bytes, file));
}

/** The workbook packed (packed.ts): the worker sends it as is, without a cell object per cell. */
export function readXlsxPacked(bytes: Uint8Array, file: string): PackedWorkbook {
  const book = parseSpreadsheet(bytes, file);
  const sheets: PackedTable[] = [];
  let marker: TemplateMarker | undefined;
  book.SheetNames.forEach((name) => {
    const sheet = book.Sheets[name];
    if (!sheet) return;
    const table = packSheet(name, sheet, file);
    if (name === MARKER_SHEET) marker = readMarker(unpackTable(table));
    else sheets.push(table);
  });
  return { name: file, sheets, marker };
}

function packSheet(name: string, sheet: XLSX.WorkSheet, file: string): PackedTable {
  const ref = sheet["!ref"];
  const merges: MergeArea[] = (sheet["!merges"] ?? []).map((m) => ({ top: m.s.r, left: m.s.c, bottom: m.e.r, right: m.e.c }));
  const empty = { widths: new Uint32Array(0), values: [], formats: new Uint32Array(0), formatList: [] };
  if (!ref) return { name, origin: { row: 0, col: 0 }, merges, ...empty };
  const range = XLSX.utils.decode_range(ref);
  const dense = (sheet as XLSX.DenseWorkSheet)["!data"] ?? [];
  // The declared range (<dimension>) may claim far more than there is: read up to the
  // last row and column that hold data. Data beyond the caps is refused, never dropped.
  const bottom = Math.min(range.e.r, dense.length - 1);
  if (bottom >= ROW_CAP) throw readError("too-big", file, `工作表“${name}”第 ${bottom + 1} 行有数据，超过上限 ${ROW_CAP} 行`);
  const widths = new Uint32Array(Math.max(0, bottom - range.s.r + 1));
  let size = 0;
  for (let r = range.s.r; r <= bottom; r++) {
    const src = dense[r];
    const width = src ? Math.max(0, Math.min(range.e.c, src.length - 1) - range.s.c + 1) : 0;
    size += width;
    if (size > CELL_CAP) throw readError("too-big", file, `工作表“${name}”的单元格超过上限 ${CELL_CAP} 个`);
    widths[r - range.s.r] = width;
  }
  const values: PackedTable["values"] = new Array(size);
  const formats = new Uint32Array(size);
  const formatList = new FormatList();
  let at = 0;
  for (let r = range.s.r; r <= bottom; r++) {
    const src = dense[r];
    for (let c = range.s.c; c < range.s.c + widths[r - range.s.r]; c++, at++) {
      const cell = src[c];
      values[at] = valueOf(cell);
      // Only numbers keep their format: it tells date serials from numbers.
      if (values[at] !== undefined && cell.t === "n" && cell.z && cell.z !== "General") formats[at] = formatList.id(String(cell.z));
    }
  }
  return { name, origin: { row: range.s.r, col: range.s.c }, merges, widths, values, formats, formatList: formatList.list };
}

function valueOf(cell: XLSX.CellObject | undefined): Cell["value"] | undefined {
  if (!cell || cell.v === undefined || cell.v === null) return undefined;
  switch (cell.t) {
    case "n":
      return cell.v as number;
    case "b":
      return Boolean(cell.v);
    case "e":
      return "#错误值";
    default:
      return String(cell.v);
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
