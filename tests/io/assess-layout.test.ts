/**
 * The assessment's 考核 and 评分表 as the committee sees them – in the workbook
 * of `taizhang assess`, and inside 学院汇总.xlsx of `taizhang merge --assess` –
 * read back from the written bytes with exceljs (styles, panes, page setup).
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import * as XLSX from "@e965/xlsx";
import ExcelJS from "exceljs";
import { assessMerge } from "../../src/core/assess";
import { summaryBuffer } from "../../src/io/summary-file";
import { runCli } from "../support/run-cli";
import { profile, readBack, submit } from "../merge/support";
import { ASSESS_AS_OF, generated, withHoursMet, withRemark, workbookOf } from "../fixtures/assess";

const dir = mkdtempSync(path.join(tmpdir(), "taizhang-assess-layout-"));
const inbox = path.join(dir, "收件箱");
mkdirSync(inbox);
writeFileSync(path.join(inbox, "教工第一党支部.xlsx"), workbookOf("教工第一党支部", withHoursMet(generated("教工第一党支部", 9, 1, 0, 0))));
writeFileSync(path.join(inbox, "学生第一党支部.xlsx"), workbookOf("学生第一党支部", withRemark(generated("学生第一党支部", 12, 2, 0.8), 4, "受党内警告处分")));
const asOf = ["--as-of", ASSESS_AS_OF];

/** The pale yellow of a cell the group fills in. */
const TO_FILL = "FFFFF2CC";
const shaded = (cell: ExcelJS.Cell) => cell.fill?.type === "pattern" && cell.fill.pattern === "solid" && cell.fill.fgColor?.argb === TO_FILL;

async function load(file: string): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(readFileSync(file) as unknown as ExcelJS.Buffer);
  return book;
}

/** Every cell of the data rows under its header: value and how it looks. */
function cellsOf(ws: ExcelJS.Worksheet): { header: string; row: number; cell: ExcelJS.Cell }[] {
  const headers = (ws.getRow(1).values as unknown[]).slice(1).map(String);
  const out: { header: string; row: number; cell: ExcelJS.Cell }[] = [];
  for (let r = 2; r <= ws.rowCount; r++) headers.forEach((header, c) => out.push({ header, row: r, cell: ws.getRow(r).getCell(c + 1) }));
  return out;
}

/** Everything a reader sees of a sheet but the footer: values, looks, widths, heights, panes, page setup. */
function sheetLook(ws: ExcelJS.Worksheet) {
  const look = (c: ExcelJS.Cell) => [c.address, c.value, c.fill, c.alignment, c.font?.bold === true];
  const header: unknown[] = [];
  ws.getRow(1).eachCell((c) => header.push(look(c)));
  const heights = Array.from({ length: ws.rowCount }, (_, r) => ws.getRow(r + 1).height);
  const { paperSize, orientation, fitToPage, fitToWidth, fitToHeight, printTitlesRow } = ws.pageSetup;
  const page = { paperSize, orientation, fitToPage, fitToWidth, fitToHeight, printTitlesRow };
  return { views: ws.views, page, widths: ws.columns.map((c) => c.width), heights, header, cells: cellsOf(ws).map(({ cell }) => look(cell)) };
}

let first: ExcelJS.Workbook;
let scored: ExcelJS.Workbook;
let summary: ExcelJS.Workbook;
/** The cell the group typed a score into, on the second run: item 2 of the first branch. */
let typedAt: string;

beforeAll(async () => {
  const firstFile = path.join(dir, "考核.xlsx");
  expect((await runCli("assess", inbox, "-o", firstFile, ...asOf)).code).toBe(0);
  first = await load(firstFile);

  // The group types 4 into the first branch's item 2 and saves (with another program: SheetJS).
  const typed = XLSX.read(readFileSync(firstFile), { type: "buffer" });
  const header = XLSX.utils.sheet_to_json<string[]>(typed.Sheets["考核"], { header: 1 })[0];
  typedAt = XLSX.utils.encode_cell({ r: 1, c: header.findIndex((h) => h.startsWith("2.")) });
  typed.Sheets["考核"][typedAt] = { t: "n", v: 4 };
  const filled = path.join(dir, "考核（已评）.xlsx");
  writeFileSync(filled, XLSX.write(typed, { type: "buffer", bookType: "xlsx" }));
  const scoredFile = path.join(dir, "考核（终）.xlsx");
  expect((await runCli("assess", inbox, "--scores", filled, "-o", scoredFile, ...asOf)).code).toBe(0);
  scored = await load(scoredFile);

  const summaryFile = path.join(dir, "汇总", "学院汇总.xlsx");
  expect((await runCli("merge", inbox, "-o", summaryFile, "--assess", ...asOf)).code).toBeLessThan(2);
  summary = await load(summaryFile);
});

describe("the 考核 sheet of taizhang assess", () => {
  it("shades exactly the empty cells the group scores (待评): not a typed score, not a proposal, not the evidence", () => {
    const cells = cellsOf(scored.getWorksheet("考核")!);
    const toFill = cells.filter(({ header, cell }) => header.includes("待评") && (cell.value === null || cell.value === undefined)).map(({ cell }) => cell.address);
    expect(toFill.length).toBeGreaterThan(20);
    expect(cells.filter(({ cell }) => shaded(cell)).map(({ cell }) => cell.address)).toEqual(toFill);
    const typed = scored.getWorksheet("考核")!.getCell(typedAt);
    expect([typed.value, shaded(typed)]).toEqual([4, false]);
    // Before the group typed it, the same cell was shaded.
    expect(shaded(first.getWorksheet("考核")!.getCell(typedAt))).toBe(true);
  });

  it("wraps the evidence top-aligned in wide columns beside narrow score columns, each row as tall as its text", () => {
    const ws = first.getWorksheet("考核")!;
    const cells = cellsOf(ws);
    const evidence = cells.filter(({ header }) => header.endsWith("依据"));
    expect(evidence.length).toBeGreaterThan(0);
    for (const { cell } of evidence) {
      expect(cell.alignment).toMatchObject({ wrapText: true, vertical: "top" });
      expect(ws.getColumn(cell.col).width).toBe(36);
    }
    for (const { cell } of cells.filter(({ header }) => /^\d+\.(?!依据)/.test(header))) expect(ws.getColumn(cell.col).width).toBe(11);
    expect(ws.getColumn(cells.find(({ header }) => header === "说明")!.cell.col).width).toBe(36);
    // Long item names wrap in the narrow columns, centred; the evidence takes several lines.
    ws.getRow(1).eachCell((c) => expect([c.alignment, c.font?.bold]).toEqual([{ wrapText: true, vertical: "middle", horizontal: "center" }, true]));
    expect(ws.getRow(1).height).toBeGreaterThan(2 * 15);
    for (const r of [2, 3]) expect(ws.getRow(r).height).toBeGreaterThan(2 * 15);
  });

  it("freezes the branch column and the header (pane at B2), prints A4 landscape three pages wide, the header on every page", () => {
    const ws = first.getWorksheet("考核")!;
    expect(ws.views[0]).toMatchObject({ state: "frozen", xSplit: 1, ySplit: 1, topLeftCell: "B2" });
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: "landscape", fitToPage: true, fitToWidth: 3, fitToHeight: 0, printTitlesRow: "1:1" });
  });
});

describe("the 评分表 sheet of taizhang assess", () => {
  it("wraps the items' text in a long column and the scoring in a prose column, header frozen, one page wide", () => {
    const ws = first.getWorksheet("评分表")!;
    expect([ws.getColumn(3).width, ws.getColumn(5).width]).toEqual([60, 36]);
    const cells = cellsOf(ws).filter(({ cell }) => cell.value !== null && cell.value !== undefined);
    for (const { cell } of cells) expect(cell.alignment).toMatchObject({ wrapText: true, vertical: "top" });
    expect(cells.some(({ cell }) => shaded(cell))).toBe(false);
    expect(ws.views[0]).toMatchObject({ state: "frozen", xSplit: 0, ySplit: 1, topLeftCell: "A2" });
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: "landscape", fitToWidth: 1, fitToHeight: 0, printTitlesRow: "1:1" });
    // Item 7's text (三会一课 …) runs over several lines of the 60-wide column.
    const seven = cellsOf(ws).find(({ header, cell }) => header === "序号" && cell.value === 7)!;
    expect(ws.getRow(seven.row).height).toBeGreaterThan(15);
  });
});

describe("taizhang merge --assess", () => {
  it("lays out its 考核 and 评分表 the very same way as taizhang assess", () => {
    for (const name of ["考核", "评分表"]) expect(sheetLook(summary.getWorksheet(name)!)).toEqual(sheetLook(first.getWorksheet(name)!));
  });

  it("keeps the summary's own sheets as they were: nothing wrapped or shaded, the header row frozen alone, one page wide", () => {
    const ws = summary.worksheets[0];
    expect(ws.name).not.toBe("考核");
    expect(ws.views[0]).toMatchObject({ state: "frozen", xSplit: 0, ySplit: 1, topLeftCell: "A2" });
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: "landscape", fitToWidth: 1 });
    for (const { cell } of cellsOf(ws)) expect([cell.alignment?.wrapText, shaded(cell)]).toEqual([undefined, false]);
  });
});

describe("the assessment model written and read back", () => {
  it("holds every value as the model does, the cells left to fill empty", () => {
    const checked = ["教工第一党支部", "学生第一党支部"].map((b) => submit(`${b}.xlsx`, readFileSync(path.join(inbox, `${b}.xlsx`))));
    const { model } = assessMerge(checked, { profile, asOf: ASSESS_AS_OF });
    const book = readBack(summaryBuffer(model));
    expect(book.names).toEqual(["考核", "评分表"]);
    for (const sheet of model.sheets) expect(book.rows(sheet.name)).toEqual([sheet.columns.map((c) => c.header), ...sheet.rows]);
  });
});
