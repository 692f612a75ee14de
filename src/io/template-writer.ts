/**
 * A template model (src/core/template.ts) → styled .xlsx through exceljs.
 * exceljs only ever writes our own content here; untrusted files are read
 * with the hardened SheetJS reader, never with exceljs.
 */
import ExcelJS from "exceljs";
import { promises as fs } from "node:fs";
import * as path from "node:path";
import { columnLetter } from "../core/table";
import { displayWidth } from "../core/text";
import {
  markerRows,
  NOTES_SHEET,
  type ColumnValidation,
  type NoteRow,
  type PreambleCell,
  type TemplateColumn,
  type TemplateLedgerSheet,
  type TemplateModel,
} from "../core/template";
import { MARKER_SHEET } from "../core/own-sheets";
import { printSetup } from "./summary-print";

/** A fixed timestamp keeps regenerated templates free of spurious changes. */
const STAMP = new Date(Date.UTC(2026, 0, 1));

const FONT = { name: "宋体", size: 11 };
const fill = (argb: string): ExcelJS.Fill => ({ type: "pattern", pattern: "solid", fgColor: { argb } });
const REQUIRED_FILL = fill("FFF8CBAD");
const OPTIONAL_FILL = fill("FFDDEBF7");
const HEADING_FILL = fill("FFE2EFDA");
const THIN: ExcelJS.Border = { style: "thin", color: { argb: "FF808080" } };
const BOX: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };

export function templateWorkbook(model: TemplateModel): ExcelJS.Workbook {
  const book = new ExcelJS.Workbook();
  book.creator = "taizhang";
  book.created = STAMP;
  book.modified = STAMP;
  book.calcProperties.fullCalcOnLoad = true;
  for (const sheet of model.sheets) writeLedgerSheet(book, sheet, model.marker.version);
  writeNotes(book, model.notes, model.marker.version);
  const marker = book.addWorksheet(MARKER_SHEET, { state: "veryHidden" });
  for (const [key, value] of markerRows(model.marker)) marker.addRow([key, value === "" ? null : value]);
  return book;
}

export async function templateBuffer(model: TemplateModel): Promise<Buffer> {
  return Buffer.from(await templateWorkbook(model).xlsx.writeBuffer());
}

/** Write the template into `dir` as `<fileName>.xlsx`; returns the path written. */
export async function writeTemplate(model: TemplateModel, dir: string): Promise<string> {
  const file = path.join(dir, `${model.fileName}.xlsx`);
  await fs.mkdir(dir, { recursive: true });
  await fs.writeFile(file, await templateBuffer(model));
  return file;
}

/** A template has no as-of date: its footer names the template version instead. */
const footerNote = (version: string) => `模板 ${version} 版`;

function writeLedgerSheet(book: ExcelJS.Workbook, sheet: TemplateLedgerSheet, version: string): void {
  const { headerRow, columns } = sheet;
  const width = columns.length;
  const ws = book.addWorksheet(sheet.name, {
    views: [{ state: "frozen", xSplit: 0, ySplit: headerRow, topLeftCell: `A${headerRow + 1}`, activeCell: `A${headerRow + 1}` }],
    ...printSetup(footerNote(version), `${headerRow}:${headerRow}`),
  });

  columns.forEach((c, i) => {
    const col = ws.getColumn(i + 1);
    col.width = c.width;
    // The whole column carries the format, so cells typed later get it too (身份证号 stays text).
    if (c.numFmt) col.numFmt = c.numFmt;
  });

  const title = ws.getCell(1, 1);
  title.value = sheet.title;
  title.style = { font: { ...FONT, size: 16, bold: true }, alignment: { horizontal: "center", vertical: "middle" } };
  ws.mergeCells(1, 1, 1, width);
  ws.getRow(1).height = 30;

  sheet.preamble.forEach((cells, i) => writePreambleRow(ws, 2 + i, cells, width));

  const header = ws.getRow(headerRow);
  header.height = 28;
  columns.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = c.header;
    cell.style = {
      font: { ...FONT, bold: true },
      fill: c.required ? REQUIRED_FILL : OPTIONAL_FILL,
      border: BOX,
      alignment: { horizontal: "center", vertical: "middle", wrapText: true },
      numFmt: "General",
    };
  });

  const first = headerRow + 1;
  const last = headerRow + sheet.dataRows;
  columns.forEach((c, i) => {
    if (!c.validation) return;
    const letter = columnLetter(i);
    validations(ws).add(`${letter}${first}:${letter}${last}`, dataValidation(c, c.validation));
  });
}

function writePreambleRow(ws: ExcelJS.Worksheet, row: number, cells: PreambleCell[], width: number): void {
  cells.forEach((cell, i) => {
    const target = ws.getCell(row, i + 1);
    switch (cell.kind) {
      case "text":
        target.value = cell.text;
        target.style = { font: { ...FONT, bold: cells.length > 1 }, alignment: { vertical: "middle", wrapText: cells.length === 1 }, numFmt: "General" };
        break;
      case "input":
        target.style = { font: FONT, border: BOX, numFmt: cell.numFmt, alignment: { horizontal: "center" } };
        validations(ws).add(target.address, {
          type: "whole",
          operator: "greaterThanOrEqual",
          formulae: [0],
          allowBlank: true,
          showErrorMessage: true,
          errorStyle: "stop",
          errorTitle: "输入无效",
          error: "请输入人数（不小于 0 的整数）",
        });
        break;
      case "formula":
        target.value = { formula: cell.formula, result: 0 };
        target.style = { font: { ...FONT, bold: true }, border: BOX, numFmt: cell.numFmt };
        break;
    }
  });
  if (cells.length === 1) {
    ws.mergeCells(row, 1, row, width);
    ws.getRow(row).height = 32;
  }
}

type Validations = { add(address: string, validation: ExcelJS.DataValidation): void };
/** exceljs has worksheet.dataValidations at run time but not in its type declarations. */
const validations = (ws: ExcelJS.Worksheet): Validations => (ws as unknown as { dataValidations: Validations }).dataValidations;

function dataValidation(column: TemplateColumn, v: ColumnValidation): ExcelJS.DataValidation {
  const common = {
    allowBlank: true,
    showInputMessage: true,
    promptTitle: column.header.slice(0, 32),
    prompt: column.hint.slice(0, 255),
    showErrorMessage: true,
    errorStyle: "stop",
    errorTitle: `“${column.header}”输入无效`.slice(0, 32),
    error: column.hint.slice(0, 255),
  };
  switch (v.type) {
    case "list":
      return { ...common, type: "list", formulae: [`"${v.options.join(",")}"`] };
    case "date":
      return { ...common, type: "date", operator: "between", formulae: [new Date(`${v.min}T00:00:00Z`), new Date(`${v.max}T00:00:00Z`)] };
    case "decimal":
      return v.max === undefined
        ? { ...common, type: "decimal", operator: "greaterThanOrEqual", formulae: [v.min] }
        : { ...common, type: "decimal", operator: "between", formulae: [v.min, v.max] };
    case "whole":
      return { ...common, type: "whole", operator: "greaterThanOrEqual", formulae: [v.min] };
  }
}

/** Text columns of the 说明 sheet: A 列/代码, B 必填/级别, C 说明. */
const NOTE_WIDTHS = [24, 10, 96];
const NOTE_LINE_WIDTH = NOTE_WIDTHS.reduce((a, b) => a + b, 0);

function writeNotes(book: ExcelJS.Workbook, notes: NoteRow[], version: string): void {
  const ws = book.addWorksheet(NOTES_SHEET, printSetup(footerNote(version), null));
  NOTE_WIDTHS.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  notes.forEach((note, i) => {
    const row = ws.getRow(i + 1);
    note.cells.forEach((text, c) => {
      const cell = row.getCell(c + 1);
      cell.value = text === "" ? null : text;
      cell.style = noteStyle(note);
    });
    if (note.cells.length === 1) {
      // A sentence spans the three columns; merged cells do not autofit, so size the row.
      ws.mergeCells(i + 1, 1, i + 1, NOTE_WIDTHS.length);
      const lines = Math.max(1, Math.ceil(displayWidth(note.cells[0]) / NOTE_LINE_WIDTH));
      row.height = note.style === "title" ? 28 : 16 * lines + 2;
    }
  });
}

function noteStyle(note: NoteRow): Partial<ExcelJS.Style> {
  const alignment: Partial<ExcelJS.Alignment> = { vertical: "top", wrapText: true };
  switch (note.style) {
    case "title":
      return { font: { ...FONT, size: 16, bold: true }, alignment };
    case "heading":
      return { font: { ...FONT, size: 12, bold: true }, fill: HEADING_FILL, alignment };
    case "columns":
      return { font: { ...FONT, bold: true }, fill: OPTIONAL_FILL, border: BOX, alignment };
    case "text":
      return note.cells.length > 1 ? { font: FONT, border: BOX, alignment } : { font: FONT, alignment };
  }
}
