/**
 * The merged summary (src/core/merge SummaryModel) inserted as new sheets of
 * the open workbook: header bold and frozen (1.7), filters (1.9), ID numbers
 * and other text as text (@), dates as dates, amounts with two decimals – the
 * same layout as the CLI's 学院汇总.xlsx (src/io/summary-xlsx.ts). New sheets
 * only; every value is written as a value, never a formula.
 *
 * At a glance, as in 学院汇总.xlsx: each status cell (状态) filled with its
 * verdict's colour (VERDICT_FILL, format.fill.color of ExcelApi 1.1), so the
 * committee sees who must resubmit; data bars over rates and a white-to-red
 * colour scale over counts of problems where Excel has conditional formats
 * (ExcelApi 1.6) – without them the values are all there, uncoloured.
 *
 * The assessment's 考核 and 评分表 (sheets with a form layout) as in the
 * written file: set column widths (ExcelApi 1.2), every cell wrapped and
 * top-aligned with rows fitted to it, the header centred, the empty cells the
 * group fills in shaded, the branch column frozen beside the header (1.7).
 *
 * Every write is queued through a Batch (./batch.ts), rows in blocks of at
 * most a quarter of its 4 MB budget, so no request passes Excel on the web's
 * 5 MB limit: 1 context.sync() for the sheet names, then one per 3–4 MB of
 * values and number formats (their JSON), fills and formats. Measured on the
 * fake host: two branches of 5 or of 300 members take 2 syncs in all; 100
 * branches of 60 members (6,000 roster and 18,000 training rows, 7.8 MB) take
 * 3, where one request would have been refused. Excel keeps the batches that
 * ran before a failing one, so when any fails the sheets added are deleted
 * again (two more syncs), the workbook is as it was and the message says so.
 */
import { toExcelSerial } from "../../core/dates";
import {
  COLUMN_FORMAT,
  LOOK_COLOR,
  SET_WIDTH,
  VERDICT_FILL,
  VERDICT_LABEL,
  VERDICTS,
  type BranchVerdict,
  type ColumnKind,
  type ColumnLook,
  type SummaryModel,
  type SummarySheet,
  type SummaryValue,
} from "../../core/merge";
import { columnLetter } from "../../core/table";
import { cellAddress, runsOf } from "../shared/address";
import { AddinError } from "../shared/errors";
import { freeName } from "../shared/template-plan";
import { Batch, jsonBytes, OPERATION_BYTES } from "./batch";
import type { Capabilities } from "./capabilities";
import { failureReason, runInExcel, toAddinError } from "./errors";
import { CHAR_WIDTH_POINTS } from "./template";

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const VERDICT_OF: ReadonlyMap<SummaryValue, BranchVerdict> = new Map(VERDICTS.map((v) => [VERDICT_LABEL[v], v]));
/** An ARGB colour of the shared tables as Office.js takes it ("#RRGGBB"). */
const htmlColor = (argb: string): string => `#${argb.slice(2)}`;
/** A data bar or colour scale: up to four operations and their rules as JSON. */
const CONDITIONAL_FORMAT_BYTES = 4 * OPERATION_BYTES + 256;
/** A fill colour as JSON ("#C6EFCE" in quotes). */
const COLOR_BYTES = 9;

export async function insertSummaryInExcel(model: SummaryModel, caps: Capabilities): Promise<string[]> {
  return runInExcel(async (context) => {
    const sheets = context.workbook.worksheets.load("items/name");
    await context.sync();
    const before = sheets.items.map((s) => s.name);
    const taken = [...before];
    const batch = new Batch(context);
    const names: string[] = [];
    try {
      for (const s of model.sheets) {
        const name = freeName(s.name, taken);
        taken.push(name);
        names.push(name);
        await writeSheet(batch, name, s, caps);
      }
      await batch.flush();
    } catch (e) {
      const removed = await removeAddedSheets(context, before);
      if (removed === 0) throw e;
      throw new AddinError(toAddinError(e).kind, `汇总未能写完（${failureReason(e)}），本次插入的 ${removed} 张工作表已删除，工作簿没有任何改动。请稍后再试。`);
    }
    return names;
  });
}

/** Undo a failed write: delete every sheet that was not there before it; how many were deleted. */
async function removeAddedSheets(context: Excel.RequestContext, before: readonly string[]): Promise<number> {
  try {
    const now = context.workbook.worksheets.load("items/name");
    await context.sync();
    const added = now.items.filter((s) => !before.includes(s.name));
    if (added.length === 0) return 0;
    added.forEach((s) => s.delete());
    await context.sync();
    return added.length;
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

/** Queue one operation of `bytes` (OPERATION_BYTES plus the data it carries). */
async function queue(batch: Batch, op: () => void, bytes = OPERATION_BYTES): Promise<void> {
  await batch.add(bytes);
  op();
}

async function writeSheet(batch: Batch, name: string, model: SummarySheet, caps: Capabilities): Promise<void> {
  await batch.add(OPERATION_BYTES);
  const sheet = batch.context.workbook.worksheets.add(name);
  const last = columnLetter(Math.max(1, model.columns.length) - 1);
  const height = model.rows.length + 1;
  await writeRows(batch, sheet, model, last);
  await queue(batch, () => (sheet.getRange(`A1:${last}1`).format.font.bold = true));
  if (model.totalRow && model.rows.length > 0) await queue(batch, () => (sheet.getRange(`A${height}:${last}${height}`).format.font.bold = true));
  if (caps.workbook && !model.form?.frozenColumns) await queue(batch, () => sheet.freezePanes.freezeRows(1));
  if (caps.rangeAreas && model.filter) await queue(batch, () => sheet.autoFilter.apply(sheet.getRange(`A1:${last}${height}`)));
  if (caps.protection) await queue(batch, () => sheet.getRange(`A1:${last}${height}`).format.autofitColumns());
  await writeLooks(batch, sheet, model, caps);
  await writeForm(batch, sheet, model, caps);
}

/** A sheet laid out as a form (its model's form and the columns' width and toFill), as 学院汇总.xlsx lays it out. */
async function writeForm(batch: Batch, sheet: Excel.Worksheet, model: SummarySheet, caps: Capabilities): Promise<void> {
  const { form } = model;
  if (!form) return;
  const last = columnLetter(Math.max(1, model.columns.length) - 1);
  const height = model.rows.length + 1;
  await queue(batch, () => {
    const header = sheet.getRange(`A1:${last}1`).format;
    header.wrapText = true;
    header.horizontalAlignment = "Center";
    header.verticalAlignment = "Center";
    if (height > 1) {
      const body = sheet.getRange(`A2:${last}${height}`).format;
      body.wrapText = true;
      body.verticalAlignment = "Top";
    }
  }, 5 * OPERATION_BYTES);
  if (caps.protection) {
    for (const [i, c] of model.columns.entries()) {
      const width = c.width;
      if (width) await queue(batch, () => (sheet.getRange(`${columnLetter(i)}:${columnLetter(i)}`).format.columnWidth = SET_WIDTH[width] * CHAR_WIDTH_POINTS));
    }
    await queue(batch, () => sheet.getRange(`A1:${last}${height}`).format.autofitRows());
  }
  const toFill = model.rows.flatMap((row, r) => model.columns.flatMap((c, i) => (c.toFill && (row[i] ?? null) === null ? [cellAddress(r + 1, i)] : [])));
  for (const run of runsOf(toFill)) await queue(batch, () => (sheet.getRange(run).format.fill.color = htmlColor(LOOK_COLOR.toFill)), OPERATION_BYTES + run.length + COLOR_BYTES);
  if (caps.workbook && form.frozenColumns > 0) await queue(batch, () => sheet.freezePanes.freezeAt(`A1:${columnLetter(form.frozenColumns - 1)}1`));
}

/**
 * The header and the rows in blocks, each one range: its number formats, then
 * its values (the formats first, so an ID number lands in a text cell). A
 * block holds at most a quarter of the budget, so every batch goes out at
 * least three quarters full.
 */
async function writeRows(batch: Batch, sheet: Excel.Worksheet, model: SummarySheet, last: string): Promise<void> {
  const formats = [model.columns.map(() => "@"), ...model.rows.map(() => model.columns.map((c) => COLUMN_FORMAT[c.kind]))];
  const values = [model.columns.map((c) => c.header), ...model.rows.map((row) => model.columns.map((c, i) => cellInput(row[i] ?? null, c.kind)))];
  const most = batch.budget / 4;
  let start = 0;
  while (start < values.length) {
    let end = start;
    let bytes = 2 * OPERATION_BYTES + 4; // two operations and their outer brackets
    while (end < values.length) {
      const row = jsonBytes(formats[end]) + jsonBytes(values[end]) + 2; // a comma after each row
      if (end > start && bytes + row > most) break;
      bytes += row;
      end++;
    }
    const range = sheet.getRange(`A${start + 1}:${last}${end}`);
    await queue(batch, () => {
      range.numberFormat = formats.slice(start, end);
      range.values = values.slice(start, end);
    }, bytes);
    start = end;
  }
}

/** The status fills (ExcelApi 1.1) and, on Excel with ExcelApi 1.6, the data bars and colour scales, over the rows above a total row. */
async function writeLooks(batch: Batch, sheet: Excel.Worksheet, model: SummarySheet, caps: Capabilities): Promise<void> {
  const rows = model.rows.length - (model.totalRow ? 1 : 0);
  if (rows < 1) return;
  for (const { column, look } of model.looks ?? []) {
    if (look === "verdict") await fillVerdicts(batch, sheet, model.rows.slice(0, rows), column);
    else if (caps.conditionalFormats) {
      const range = sheet.getRange(`${columnLetter(column)}2:${columnLetter(column)}${rows + 1}`);
      await queue(batch, () => addConditionalFormat(range, look), CONDITIONAL_FORMAT_BYTES);
    }
  }
}

/** Each status cell in its verdict's colour: one fill per run of the same verdict down the column. */
async function fillVerdicts(batch: Batch, sheet: Excel.Worksheet, rows: readonly SummaryValue[][], column: number): Promise<void> {
  const cells = new Map<BranchVerdict, string[]>();
  rows.forEach((row, i) => {
    const verdict = VERDICT_OF.get(row[column]);
    if (verdict) (cells.get(verdict) ?? cells.set(verdict, []).get(verdict)!).push(cellAddress(i + 1, column));
  });
  for (const [verdict, at] of cells) {
    for (const run of runsOf(at)) await queue(batch, () => (sheet.getRange(run).format.fill.color = htmlColor(VERDICT_FILL[verdict])), OPERATION_BYTES + run.length + COLOR_BYTES);
  }
}

/** A data bar from 0 to 1 (a rate), or a colour scale from 0 to the highest count: as 学院汇总.xlsx has them. */
function addConditionalFormat(range: Excel.Range, look: Exclude<ColumnLook["look"], "verdict">): void {
  if (look === "bar") {
    const bar = range.conditionalFormats.add("DataBar").dataBar;
    bar.lowerBoundRule = { type: "Number", formula: "0" };
    bar.upperBoundRule = { type: "Number", formula: "1" };
    bar.positiveFormat.fillColor = htmlColor(LOOK_COLOR.bar);
  } else {
    range.conditionalFormats.add("ColorScale").colorScale.criteria = {
      minimum: { type: "Number", formula: "0", color: htmlColor(LOOK_COLOR.alarmLow) },
      maximum: { type: "HighestValue", color: htmlColor(LOOK_COLOR.alarmHigh) },
    };
  }
}
