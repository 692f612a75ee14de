/**
 * 插入模板: a ledger's template sheet, from the same template model the
 * `taizhang template` files are written from (src/core/template.ts) – title,
 * header, column widths (ExcelApi 1.2), text format on 身份证号/电话, date
 * formats, dropdown lists (1.8) and a frozen header (1.7). A new sheet only: the
 * secretary's sheets are not touched. Two context.sync() calls. The layout
 * is ../shared/template-plan.ts; this file only makes Excel's calls.
 */
import type { LedgerKey } from "../../core/ledger";
import type { Profile } from "../../core/profile";
import { templatePlan, TITLE_CELL, type TemplatePlan } from "../shared/template-plan";
import type { Capabilities } from "./capabilities";
import { runInExcel } from "./errors";

export async function insertTemplateInExcel(key: LedgerKey, profile: Profile, caps: Capabilities): Promise<string> {
  return runInExcel(async (context) => {
    const sheets = context.workbook.worksheets.load("items/name");
    await context.sync();
    const plan = templatePlan(key, profile, sheets.items.map((s) => s.name));
    writeTemplate(context.workbook.worksheets.add(plan.name), plan, caps).activate();
    await context.sync();
    return plan.name;
  });
}

/** Points per character of column width (format.columnWidth takes points): the templates' and the inserted summary's widths. */
export const CHAR_WIDTH_POINTS = 6.5;

function writeTemplate(sheet: Excel.Worksheet, plan: TemplatePlan, caps: Capabilities): Excel.Worksheet {
  sheet.getRange(TITLE_CELL).values = [[plan.title]];
  sheet.getRange(TITLE_CELL).format.font.bold = true;
  for (const cell of plan.preamble) {
    const range = sheet.getRange(cell.cell);
    if (cell.kind === "text") range.values = [[cell.text]];
    else if (cell.kind === "input") range.numberFormat = [[cell.numFmt]];
    else {
      range.numberFormat = [[cell.numFmt]];
      range.formulas = [[cell.formula]];
    }
  }
  const header = sheet.getRange(plan.header);
  header.values = [plan.headers];
  header.format.font.bold = true;
  header.format.fill.color = plan.headerFill;
  for (const c of plan.columns) {
    if (caps.protection) sheet.getRange(`${c.letter}:${c.letter}`).format.columnWidth = c.width * CHAR_WIDTH_POINTS;
    const data = sheet.getRange(c.data);
    if (c.numFmt) data.numberFormat = Array.from({ length: plan.dataRows }, () => [c.numFmt!]);
    if (caps.dataValidation && c.list !== null) data.dataValidation.rule = { list: { inCellDropDown: true, source: c.list } };
  }
  if (caps.workbook) sheet.freezePanes.freezeRows(plan.freezeRows);
  return sheet;
}
