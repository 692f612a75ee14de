/**
 * The merged summary (src/core/merge SummaryModel) inserted as new sheets of
 * the open workbook: header bold and frozen (1.7), filters (1.9), ID numbers
 * and other text as text (@), amounts with two decimals. New sheets only.
 * Two context.sync() calls.
 */
import type { ColumnKind, SummaryModel, SummarySheet } from "../../core/merge";
import { columnLetter } from "../../core/table";
import type { Capabilities } from "./capabilities";
import { runInExcel } from "./errors";
import { asText } from "./results-sheet";
import { freeName } from "./template";

const NUMBER_FORMAT: Record<ColumnKind, string> = {
  text: "@",
  id: "@",
  phone: "@",
  date: "yyyy-mm-dd",
  amount: "0.00",
  number: "General",
  integer: "0",
  rate: "0.00%",
};

export async function insertSummaryInExcel(model: SummaryModel, caps: Capabilities): Promise<string[]> {
  return runInExcel(async (context) => {
    const sheets = context.workbook.worksheets.load("items/name");
    await context.sync();
    const taken = sheets.items.map((s) => s.name);
    const names = model.sheets.map((s) => {
      const name = freeName(s.name, taken);
      taken.push(name);
      writeSheet(context.workbook.worksheets.add(name), s, caps);
      return name;
    });
    await context.sync();
    return names;
  });
}

function writeSheet(sheet: Excel.Worksheet, model: SummarySheet, caps: Capabilities): void {
  const width = Math.max(1, model.columns.length);
  const rows = [model.columns.map((c) => c.header), ...model.rows];
  const range = sheet.getRange(`A1:${columnLetter(width - 1)}${rows.length}`);
  const formats = rows.map((_, r) => model.columns.map((c) => (r === 0 ? "@" : NUMBER_FORMAT[c.kind])));
  range.numberFormat = formats;
  // A text-formatted (@) cell never becomes a formula; any other gets the "'" prefix for text.
  range.values = rows.map((row, r) => row.map((v, c) => (typeof v === "string" && formats[r][c] !== "@" ? asText(v) : v ?? "")));
  sheet.getRange(`A1:${columnLetter(width - 1)}1`).format.font.bold = true;
  if (model.totalRow && model.rows.length > 0) sheet.getRange(`A${rows.length}:${columnLetter(width - 1)}${rows.length}`).format.font.bold = true;
  if (caps.workbook) sheet.freezePanes.freezeRows(1);
  if (caps.rangeAreas && model.filter) sheet.autoFilter.apply(range);
  if (caps.protection) range.format.autofitColumns();
}
