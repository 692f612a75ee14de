/**
 * A WPS sheet's used range → the core table model: the values in one
 * UsedRange.Value2 read, number formats by column (a column whose cells
 * differ is halved until each part answers – only where there are numbers,
 * the only cells whose format the core reads), merged areas the same way.
 * The number of calls grows with the sheet's columns and format changes,
 * not with its rows.
 */
import type { MergeArea, Table } from "../../core/table";
import { areaAddress, cellAddress, type Area } from "../shared/address";
import { tableFromRange } from "../shared/to-table";
import type { EtRange, EtWorksheet } from "./et";

export interface UsedArea {
  area: Area;
  rows: number;
  cells: number;
}

/** The used range's place and size, before any value is read. */
export function usedArea(sheet: EtWorksheet): UsedArea {
  const used = sheet.UsedRange;
  const rows = used.Rows.Count;
  const cols = used.Columns.Count;
  const top = used.Row - 1;
  const left = used.Column - 1;
  return { area: { top, left, bottom: top + rows - 1, right: left + cols - 1 }, rows, cells: rows * cols };
}

/** Value2 of a range as rows: a single cell gives a bare value. */
export function valueRows(range: EtRange, a: Area): unknown[][] {
  const v = range.Value2;
  return a.top === a.bottom && a.left === a.right ? [[v]] : (v as unknown[][]);
}

const split = (a: Area): [Area, Area] => {
  if (a.left < a.right) {
    const mid = Math.floor((a.left + a.right) / 2);
    return [{ ...a, right: mid }, { ...a, left: mid + 1 }];
  }
  const mid = Math.floor((a.top + a.bottom) / 2);
  return [{ ...a, bottom: mid }, { ...a, top: mid + 1 }];
};

const single = (a: Area) => a.top === a.bottom && a.left === a.right;

function numberFormats(sheet: EtWorksheet, used: Area, values: unknown[][]): string[][] {
  const formats = values.map((row) => row.map(() => "General"));
  const hasNumber = (a: Area) => {
    for (let r = a.top; r <= a.bottom; r++) for (let c = a.left; c <= a.right; c++) if (typeof values[r - used.top]?.[c - used.left] === "number") return true;
    return false;
  };
  const visit = (a: Area): void => {
    if (!hasNumber(a)) return;
    const format = sheet.Range(areaAddress(a)).NumberFormat;
    if (format === null || format === undefined) {
      if (!single(a)) split(a).forEach(visit);
      return;
    }
    for (let r = a.top; r <= a.bottom; r++) for (let c = a.left; c <= a.right; c++) formats[r - used.top][c - used.left] = format;
  };
  for (let c = used.left; c <= used.right; c++) visit({ ...used, left: c, right: c });
  return formats;
}

const inside = (a: Area, m: MergeArea) => a.top >= m.top && a.bottom <= m.bottom && a.left >= m.left && a.right <= m.right;

function mergedAreas(sheet: EtWorksheet, used: Area): MergeArea[] {
  const found: MergeArea[] = [];
  const visit = (a: Area): void => {
    if (found.some((m) => inside(a, m))) return;
    const merged = sheet.Range(areaAddress(a)).MergeCells;
    if (merged === false) return;
    if (merged === true) {
      const m = sheet.Range(cellAddress(a.top, a.left)).MergeArea;
      const area = { top: m.Row - 1, left: m.Column - 1, bottom: m.Row + m.Rows.Count - 2, right: m.Column + m.Columns.Count - 2 };
      found.push(area);
      if (inside(a, area)) return;
    }
    if (!single(a)) split(a).forEach(visit);
  };
  visit(used);
  return found;
}

export function readTable(sheet: EtWorksheet, used: UsedArea): Table {
  const values = valueRows(sheet.UsedRange, used.area);
  return tableFromRange(
    sheet.Name,
    { address: `${cellAddress(used.area.top, used.area.left)}`, values, numberFormat: numberFormats(sheet, used.area, values) },
    mergedAreas(sheet, used.area),
  );
}
