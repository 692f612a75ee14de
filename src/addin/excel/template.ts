/**
 * 插入模板: a ledger's template sheet, from the same template model the
 * `taizhang template` files are written from (src/core/template.ts) – title,
 * header, column widths, text format on 身份证号/电话, date formats, dropdown
 * lists (ExcelApi 1.8) and a frozen header (1.7). A new sheet only: the
 * secretary's sheets are not touched. Two context.sync() calls.
 */
import type { LedgerKey } from "../../core/ledger";
import type { Profile } from "../../core/profile";
import { buildTemplate, type TemplateLedgerSheet } from "../../core/template";
import { columnLetter } from "../../core/table";
import type { Capabilities } from "./capabilities";
import { runInExcel } from "./errors";
import { asText } from "./results-sheet";

/** A name not yet taken: 党员花名册, 党员花名册 (2), … */
export function freeName(wanted: string, taken: readonly string[]): string {
  const used = new Set(taken.map((n) => n.toLowerCase()));
  if (!used.has(wanted.toLowerCase())) return wanted;
  for (let i = 2; ; i++) {
    const name = `${wanted} (${i})`;
    if (!used.has(name.toLowerCase())) return name;
  }
}

export async function insertTemplateInExcel(key: LedgerKey, profile: Profile, caps: Capabilities): Promise<string> {
  const [model] = buildTemplate(key, profile).sheets;
  return runInExcel(async (context) => {
    const sheets = context.workbook.worksheets.load("items/name");
    await context.sync();
    const name = freeName(model.name, sheets.items.map((s) => s.name));
    writeTemplate(context.workbook.worksheets.add(name), model, caps).activate();
    await context.sync();
    return name;
  });
}

const CHAR_WIDTH_POINTS = 6.5;

function writeTemplate(sheet: Excel.Worksheet, model: TemplateLedgerSheet, caps: Capabilities): Excel.Worksheet {
  const last = columnLetter(model.columns.length - 1);
  sheet.getRange("A1").values = [[asText(model.title)]];
  sheet.getRange("A1").format.font.bold = true;
  model.preamble.forEach((cells, i) => {
    cells.forEach((cell, c) => {
      const range = sheet.getRange(`${columnLetter(c)}${i + 2}`);
      if (cell.kind === "text") range.values = [[asText(cell.text)]];
      else if (cell.kind === "input") range.numberFormat = [[cell.numFmt]];
      else {
        range.numberFormat = [[cell.numFmt]];
        range.formulas = [[`=${cell.formula}`]];
      }
    });
  });
  const header = sheet.getRange(`A${model.headerRow}:${last}${model.headerRow}`);
  header.values = [model.columns.map((c) => c.header)];
  header.format.font.bold = true;
  header.format.fill.color = "#FCE4D6";
  const firstData = model.headerRow + 1;
  const lastData = model.headerRow + model.dataRows;
  model.columns.forEach((c, i) => {
    const col = columnLetter(i);
    sheet.getRange(`${col}:${col}`).format.columnWidth = c.width * CHAR_WIDTH_POINTS;
    const data = sheet.getRange(`${col}${firstData}:${col}${lastData}`);
    if (c.numFmt) data.numberFormat = Array.from({ length: model.dataRows }, () => [c.numFmt!]);
    if (caps.dataValidation && c.validation?.type === "list") {
      data.dataValidation.rule = { list: { inCellDropDown: true, source: c.validation.options.join(",") } };
    }
  });
  if (caps.workbook) sheet.freezePanes.freezeRows(model.headerRow);
  return sheet;
}
