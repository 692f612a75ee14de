/**
 * The merged summary (src/core/merge SummaryModel) inserted as new sheets of
 * the open workbook: header bold and frozen (1.7), filters (1.9), ID numbers
 * and other text as text (@), dates as dates, amounts with two decimals – the
 * same layout as the CLI's 学院汇总.xlsx (src/io/summary-xlsx.ts). New sheets
 * only; every value is written as a value, never a formula.
 *
 * Two context.sync() calls, whatever the size: 1 the sheet names, 2 every
 * write. Excel keeps the operations of a failed batch that ran before the
 * failing one, so when the write fails the sheets it added are deleted again
 * (two more syncs) and the workbook is as it was.
 */
import { toExcelSerial } from "../../core/dates";
import { COLUMN_FORMAT, type ColumnKind, type SummaryModel, type SummarySheet, type SummaryValue } from "../../core/merge";
import { columnLetter } from "../../core/table";
import type { Capabilities } from "./capabilities";
import { AddinError } from "../shared/errors";
import { runInExcel, toAddinError } from "./errors";
import { freeName } from "../shared/template-plan";


const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export async function insertSummaryInExcel(model: SummaryModel, caps: Capabilities): Promise<string[]> {
  return runInExcel(async (context) => {
    const sheets = context.workbook.worksheets.load("items/name");
    await context.sync();
    const before = sheets.items.map((s) => s.name);
    const taken = [...before];
    const names = model.sheets.map((s) => {
      const name = freeName(s.name, taken);
      taken.push(name);
      writeSheet(context.workbook.worksheets.add(name), s, caps);
      return name;
    });
    try {
      await context.sync();
    } catch (e) {
      await removeAddedSheets(context, before);
      throw e;
    }
    return names;
  });
}

/** Undo a failed write: delete every sheet that was not there before it. */
async function removeAddedSheets(context: Excel.RequestContext, before: readonly string[]): Promise<void> {
  try {
    const now = context.workbook.worksheets.load("items/name");
    await context.sync();
    const added = now.items.filter((s) => !before.includes(s.name));
    if (added.length === 0) return;
    added.forEach((s) => s.delete());
    await context.sync();
  } catch (e) {
    throw new AddinError("unexpected", `汇总未能写完，插入了一半的汇总表也未能删除（${toAddinError(e).message}）。请手动删除本次新增的汇总工作表后重试。`);
  }
}

/**
 * A value as Excel should store it. Text-formatted (@) cells take any text
 * literally, never as a formula; in other cells a string gets the "'" text
 * prefix, so neither "=…" nor "2024-03" or "00123" is reinterpreted.
 */
function cellInput(value: SummaryValue, kind: ColumnKind): string | number {
  if (value === null) return "";
  if (COLUMN_FORMAT[kind] === "@") return String(value);
  if (typeof value === "number") return value;
  if (kind === "date" && ISO_DATE.test(value)) return toExcelSerial(value);
  return `'${value}`;
}

function writeSheet(sheet: Excel.Worksheet, model: SummarySheet, caps: Capabilities): void {
  const last = columnLetter(Math.max(1, model.columns.length) - 1);
  const height = model.rows.length + 1;
  const range = sheet.getRange(`A1:${last}${height}`);
  const header = sheet.getRange(`A1:${last}1`);
  range.numberFormat = [model.columns.map(() => "@"), ...model.rows.map(() => model.columns.map((c) => COLUMN_FORMAT[c.kind]))];
  range.values = [model.columns.map((c) => c.header), ...model.rows.map((row) => model.columns.map((c, i) => cellInput(row[i] ?? null, c.kind)))];
  header.format.font.bold = true;
  if (model.totalRow && model.rows.length > 0) sheet.getRange(`A${height}:${last}${height}`).format.font.bold = true;
  if (caps.workbook) sheet.freezePanes.freezeRows(1);
  if (caps.rangeAreas && model.filter) sheet.autoFilter.apply(range);
  if (caps.protection) range.format.autofitColumns();
}
