/**
 * 插入模板 in WPS: the ledger's template sheet laid out by
 * ../shared/template-plan.ts (the model `taizhang template` writes), as a new
 * sheet after the last – the secretary's sheets are not touched. Column
 * formats, widths and dropdown lists go by whole column ranges.
 */
import type { LedgerKey } from "../../core/ledger";
import type { Profile } from "../../core/profile";
import { templatePlan, TITLE_CELL, type TemplatePlan } from "../shared/template-plan";
import { hexToBgr } from "./interior";
import { ALERT_STOP, OPERATOR_BETWEEN, VALIDATE_LIST, type EtApplication, type EtWorksheet } from "./et";
import { activeWorkbook, addSheet, runInWps, sheetsOf } from "./workbook";

export function insertTemplateInWps(key: LedgerKey, profile: Profile): string {
  return runInWps((app) => {
    const wb = activeWorkbook(app);
    const plan = templatePlan(key, profile, sheetsOf(wb).map((s) => s.Name));
    const sheet = addSheet(wb, plan.name);
    writeTemplate(sheet, plan);
    freezeHeader(app, sheet, plan.freezeRows);
    return plan.name;
  });
}

function writeTemplate(sheet: EtWorksheet, plan: TemplatePlan): void {
  const title = sheet.Range(TITLE_CELL);
  title.Value2 = plan.title;
  title.Font.Bold = true;
  for (const cell of plan.preamble) {
    const range = sheet.Range(cell.cell);
    if (cell.kind === "text") range.Value2 = cell.text;
    else {
      range.NumberFormat = cell.numFmt;
      if (cell.kind === "formula") range.Formula = cell.formula;
    }
  }
  const header = sheet.Range(plan.header);
  header.Value2 = [plan.headers];
  header.Font.Bold = true;
  header.Interior.Color = hexToBgr(plan.headerFill);
  for (const c of plan.columns) {
    sheet.Range(`${c.letter}:${c.letter}`).ColumnWidth = c.width;
    const data = sheet.Range(c.data);
    if (c.numFmt) data.NumberFormat = c.numFmt;
    if (c.list !== null) data.Validation.Add(VALIDATE_LIST, ALERT_STOP, OPERATOR_BETWEEN, c.list);
  }
}

/** Freeze panes belong to the window: the new sheet is activated and its header rows frozen. */
function freezeHeader(app: EtApplication, sheet: EtWorksheet, rows: number): void {
  sheet.Activate();
  const window = app.ActiveWindow;
  window.FreezePanes = false;
  window.SplitColumn = 0;
  window.SplitRow = rows;
  window.FreezePanes = true;
}
