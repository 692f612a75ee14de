/**
 * A generic writer for the tests: puts records keyed by canonical header into a
 * template's data rows, finding each column by the header text in the sheet –
 * as a secretary fills the template, the template's formats stay in place.
 */
import ExcelJS from "exceljs";
import type { FixtureValue } from "../fixtures/builder";
import type { Row } from "../fixtures/branch";

export interface SheetRecords {
  sheet: string;
  records: Row[];
}

/** The 1-based row holding the most of the given headers among the first 20 rows. */
function headerRowOf(ws: ExcelJS.Worksheet, headers: Set<string>): { row: number; columns: Map<string, number> } {
  let best = { row: 0, columns: new Map<string, number>() };
  for (let r = 1; r <= 20; r++) {
    const columns = new Map<string, number>();
    ws.getRow(r).eachCell((cell, col) => {
      if (typeof cell.value === "string" && headers.has(cell.value)) columns.set(cell.value, col);
    });
    if (columns.size > best.columns.size) best = { row: r, columns };
  }
  return best;
}

/** A fixture value as Excel stores it: date cells are serial numbers (the column has the date format). */
function cellValue(v: FixtureValue): string | number | boolean | null {
  if (v === undefined || v === null || v === "") return null;
  return typeof v === "object" ? v.v : v;
}

export async function fillTemplate(template: Buffer, sheets: SheetRecords[]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(template as unknown as ArrayBuffer);
  for (const { sheet, records } of sheets) {
    const ws = book.getWorksheet(sheet);
    if (!ws) throw new Error(`template has no sheet ${sheet}`);
    const headers = new Set(records.flatMap((r) => Object.keys(r)));
    const { row: headerRow, columns } = headerRowOf(ws, headers);
    records.forEach((record, i) => {
      for (const [header, value] of Object.entries(record)) {
        const col = columns.get(header);
        if (col === undefined) throw new Error(`sheet ${sheet} has no column ${header}`);
        ws.getCell(headerRow + 1 + i, col).value = cellValue(value);
      }
    });
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** The 1-based sheet row of the i-th record below a header row. */
export const recordRow = (headerRow: number, index: number): number => headerRow + 1 + index;
