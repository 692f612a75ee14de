/** Every sheet of every committed template prints A4 landscape, one page wide, with the header row repeated and a footer. */
import { readdirSync, readFileSync } from "node:fs";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { MARKER_SHEET } from "../../src/core/own-sheets";

const dir = path.join(__dirname, "..", "..", "templates");

describe.each(readdirSync(dir).filter((f) => f.endsWith(".xlsx")))("templates/%s on paper", (file) => {
  it("is A4 landscape, fit to one page wide, header rows repeated, sheet name and page in the footer", async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(readFileSync(path.join(dir, file)) as unknown as ExcelJS.Buffer);
    const printed = book.worksheets.filter((ws) => ws.name !== MARKER_SHEET);
    expect(printed.length).toBeGreaterThanOrEqual(2);
    for (const ws of printed) {
      expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
      expect(ws.headerFooter.oddFooter).toMatch(/&A.*&P/);
    }
    for (const ws of printed.slice(0, -1)) expect(ws.pageSetup.printTitlesRow).toMatch(/^(\d+):\1$/);
  });
});
