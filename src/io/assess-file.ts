/**
 * The assessment workbook (taizhang assess): the 考核 and 评分表 sheets laid
 * out by the summary writer, then made fit to fill in and print – evidence
 * wrapped in narrow columns, the cells the group must fill shaded, the branch
 * column and header frozen, A4 landscape. Values only, never a formula.
 */
import { mkdir } from "node:fs/promises";
import { dirname } from "node:path";
import type ExcelJS from "exceljs";
import { ASSESS_SHEET, TABLE_SHEET } from "../core/assess";
import type { SummaryModel } from "../core/merge";
import { displayWidth } from "../core/text";
import { summaryWorkbook } from "./summary-writer";

const EVIDENCE_WIDTH = 36;
const SCORE_WIDTH = 11;
const TABLE_TEXT_WIDTH = 60;
/** The cells the assessment group fills in: a pale yellow, as the templates mark what to fill. */
const TO_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFF2CC" } };
const WRAP: Partial<ExcelJS.Alignment> = { wrapText: true, vertical: "top" };
/** Points per line of 10-point text: readers do not grow a row for wrapped text that exceljs writes. */
const LINE_HEIGHT = 14;

/** Each row as tall as its longest wrapped cell. */
function fitRowHeights(ws: ExcelJS.Worksheet): void {
  ws.eachRow((row) => {
    let lines = 1;
    row.eachCell((cell, col) => {
      const width = ws.getColumn(col).width ?? 10;
      if (cell.value !== null && cell.value !== undefined) lines = Math.max(lines, Math.ceil(displayWidth(String(cell.value)) / Math.max(1, width - 1)));
    });
    row.height = lines * LINE_HEIGHT;
  });
}

const PRINT: Partial<ExcelJS.PageSetup> = { paperSize: 9, orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: "1:1" };

function layOutScores(ws: ExcelJS.Worksheet): void {
  ws.views = [{ state: "frozen", xSplit: 1, ySplit: 1 }];
  ws.pageSetup = { ...ws.pageSetup, ...PRINT, fitToWidth: 3 };
  const header = ws.getRow(1);
  header.alignment = { wrapText: true, vertical: "middle", horizontal: "center" };
  header.eachCell((cell, col) => {
    const title = String(cell.value ?? "");
    const column = ws.getColumn(col);
    if (title.endsWith("依据") || title === "说明") column.width = EVIDENCE_WIDTH;
    else if (/^\d+\./.test(title)) column.width = SCORE_WIDTH;
    const toFill = title.includes("待评");
    ws.eachRow((row, r) => {
      if (r === 1) return;
      const c = row.getCell(col);
      c.alignment = WRAP;
      if (toFill && (c.value === null || c.value === undefined)) c.fill = TO_FILL;
    });
  });
  fitRowHeights(ws);
}

function layOutTable(ws: ExcelJS.Worksheet): void {
  ws.pageSetup = { ...ws.pageSetup, ...PRINT };
  ws.getColumn(3).width = TABLE_TEXT_WIDTH;
  ws.getColumn(5).width = EVIDENCE_WIDTH;
  ws.eachRow((row) => (row.alignment = WRAP));
  fitRowHeights(ws);
}

/** Write the assessment workbook, creating its folder when needed. */
export async function writeAssessment(model: SummaryModel, file: string): Promise<void> {
  const book = summaryWorkbook(model);
  const scores = book.getWorksheet(ASSESS_SHEET);
  const table = book.getWorksheet(TABLE_SHEET);
  if (scores) layOutScores(scores);
  if (table) layOutTable(table);
  await mkdir(dirname(file), { recursive: true });
  await book.xlsx.writeFile(file);
}
