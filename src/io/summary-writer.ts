/**
 * Lays out the summary model (src/core/merge) as the college summary workbook
 * with exceljs: frozen header row, autofilter, ID numbers as text (@), amounts
 * as numbers with two decimals, dates as dates, columns wide enough to read.
 * Every value is written as a value – never a formula, whatever the text.
 * Browser-safe (the add-in uses it); files and buffers: summary-file.ts.
 */
import ExcelJS from "exceljs";
import { displayWidth } from "../core/text";
import { printSetup } from "./summary-print";
import { parts } from "../core/dates";
import { columnLetter } from "../core/table";
import { COLUMN_FORMAT, VERDICT_LABEL, type BranchVerdict, type ColumnKind, type ColumnLook, type SummaryModel, type SummarySheet, type SummaryValue } from "../core/merge";


const MIN_WIDTH = 6;
const MAX_WIDTH = 60;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The summary as an in-memory exceljs workbook (the add-in downloads it from the browser). */
export function summaryWorkbook(model: SummaryModel): ExcelJS.Workbook {
  const book = new ExcelJS.Workbook();
  book.creator = "taizhang";
  for (const sheet of model.sheets) addSummarySheet(book, sheet, model.asOf);
  return book;
}

/**
 * One sheet of the model. Rows are committed as written, so exceljs' streaming
 * writer can use it too (its caller then commits the returned sheet).
 */
export function addSummarySheet(book: ExcelJS.Workbook, sheet: SummarySheet, asOf: string): ExcelJS.Worksheet {
  const ws = book.addWorksheet(sheet.name, { views: [{ state: "frozen", ySplit: 1, xSplit: 0 }], ...printSetup(`核对日期 ${asOf}`, "1:1") });
  ws.columns = sheet.columns.map((c, i) => ({
    header: c.header,
    width: columnWidth(c.header, sheet.rows, i),
    style: { numFmt: COLUMN_FORMAT[c.kind] },
  }));
  if (sheet.filter) ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: sheet.columns.length } };
  const header = ws.getRow(1);
  header.font = { bold: true };
  // The header is text, whatever format its column has (a date format would make readers parse 出生日期 as a date).
  header.eachCell((cell) => (cell.numFmt = "@"));
  header.commit();
  // One style object per column, shared by its cells: exceljs numbers a cell's style by rendering
  // it as XML unless it has met that very object before (a third of the writing time otherwise).
  const styles = sheet.columns.map((c): Partial<ExcelJS.Style> => ({ numFmt: COLUMN_FORMAT[c.kind] }));
  sheet.rows.forEach((row, i) => {
    const written = ws.addRow(row.map((v, c) => cellValue(v, sheet.columns[c]?.kind ?? "text")));
    // The total row is bold: its cells keep styles of their own, as setting a font changes the style object.
    if (sheet.totalRow && i === sheet.rows.length - 1) written.font = { bold: true };
    else written.eachCell({ includeEmpty: true }, (cell, col) => (cell.style = styles[col - 1] ?? cell.style));
    written.commit();
  });
  const last = sheet.rows.length + 1 - (sheet.totalRow ? 1 : 0);
  if (last >= 2) for (const look of sheet.looks ?? []) ws.addConditionalFormatting({ ref: `${columnLetter(look.column)}2:${columnLetter(look.column)}${last}`, rules: rules(look) });
  return ws;
}

const VERDICT_FILL: Record<BranchVerdict, string> = {
  pass: "FFC6EFCE",
  return: "FFFFC7CE",
  missing: "FFFFEB9C",
  unreadable: "FFFFC7CE",
  superseded: "FFD9D9D9",
};

/** The conditional formats of a look: data bars, a white-to-red scale, or a fill per status label. */
function rules(look: ColumnLook): ExcelJS.ConditionalFormattingRule[] {
  const ref = `${columnLetter(look.column)}2`;
  switch (look.look) {
    case "bar":
      return [{ type: "dataBar", priority: 1, minLength: 0, maxLength: 100, gradient: false, cfvo: [{ type: "num", value: 0 }, { type: "num", value: 1 }], color: { argb: "FF5B9BD5" } } as ExcelJS.DataBarRuleType];
    case "alarm":
      return [{ type: "colorScale", priority: 1, cfvo: [{ type: "num", value: 0 }, { type: "max" }], color: [{ argb: "FFFFFFFF" }, { argb: "FFF8696B" }] }];
    case "verdict":
      return (Object.keys(VERDICT_FILL) as BranchVerdict[]).map((v, i) => ({
        type: "expression",
        priority: i + 1,
        formulae: [`${ref}="${VERDICT_LABEL[v]}"`],
        style: { fill: { type: "pattern", pattern: "solid", bgColor: { argb: VERDICT_FILL[v] } } },
      }));
  }
}

/** A date column's ISO dates become real dates (UTC, so no time zone shifts them); everything else as it is. */
function cellValue(value: SummaryValue, kind: ColumnKind): ExcelJS.CellValue {
  if (value === null) return null;
  if (kind === "date" && typeof value === "string" && ISO_DATE.test(value)) {
    const { y, m, d } = parts(value);
    return new Date(Date.UTC(y, m - 1, d));
  }
  if ((kind === "text" || kind === "id" || kind === "phone") && typeof value === "number") return String(value);
  return value;
}

function columnWidth(header: string, rows: readonly SummaryValue[][], index: number): number {
  let width = displayWidth(header);
  for (const row of rows) {
    const v = row[index];
    if (v === null || v === undefined) continue;
    const w = typeof v === "number" ? String(Math.round(v * 100) / 100).length + 1 : displayWidth(v);
    if (w > width) width = w;
  }
  return Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, width + 2));
}
