/**
 * The written .xlsx read back as Excel and the validator see it (exceljs and
 * SheetJS): text format on 身份证号, dropdowns, frozen panes, print setup,
 * the marker and the 说明 written from the profile.
 */
import ExcelJS from "exceljs";
import * as XLSX from "@e965/xlsx";
import { BUILTIN_PROFILES, makeIdNumber } from "../../src/core";
import { buildTemplate, TEMPLATE_DATA_ROWS, TEMPLATE_VERSION } from "../../src/core/template";
import { MARKER_SHEET } from "../../src/core/own-sheets";
import { readWorkbookBytes } from "../../src/io/read-file";
import { templateBuffer } from "../../src/io/template-writer";
import { fillTemplate } from "./fill";

const rich = BUILTIN_PROFILES["200-100"];
let bytes: Buffer;
let book: ExcelJS.Workbook;

beforeAll(async () => {
  bytes = await templateBuffer(buildTemplate("all", rich));
  book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as unknown as ArrayBuffer);
});

const sheet = (name: string) => book.getWorksheet(name)!;
/** 1-based column of a header in row `row`. */
function columnOf(ws: ExcelJS.Worksheet, header: string, row = 2): number {
  let found = 0;
  ws.getRow(row).eachCell((cell, col) => {
    if (cell.value === header) found = col;
  });
  if (!found) throw new Error(`no column ${header} in ${ws.name}`);
  return found;
}
type Validation = ExcelJS.DataValidation;
const validationAt = (ws: ExcelJS.Worksheet, address: string): Validation | undefined =>
  (ws as unknown as { dataValidations: { model: Record<string, Validation> } }).dataValidations.model[address];
const letter = (col: number) => XLSX.utils.encode_col(col - 1);

describe("the 党员花名册 sheet of the branch workbook", () => {
  it("has the title above the canonical headers and freezes the panes below them", () => {
    const ws = sheet("党员花名册");
    expect(ws.getCell("A1").value).toBe("党员花名册（____党支部）");
    expect(ws.getRow(2).values).toEqual([undefined, "姓名", "性别", "民族", "出生日期", "身份证号", "学历", "人员类别", "党员类型", "入党时间", "转正时间", "所在支部", "党内职务", "联系电话", "备注"]);
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 2 });
  });

  it("keeps 身份证号 and 联系电话 as text in the whole column", () => {
    const ws = sheet("党员花名册");
    expect(ws.getColumn(columnOf(ws, "身份证号")).numFmt).toBe("@");
    expect(ws.getColumn(columnOf(ws, "联系电话")).numFmt).toBe("@");
    expect(ws.getColumn(columnOf(ws, "入党时间")).numFmt).toBe("yyyy-mm-dd");
  });

  it("offers dropdowns for the enums down to the last of 500 data rows", () => {
    const ws = sheet("党员花名册");
    const gender = letter(columnOf(ws, "性别"));
    const last = 2 + TEMPLATE_DATA_ROWS;
    expect(validationAt(ws, `${gender}3`)).toMatchObject({ type: "list", formulae: ['"男,女"'] });
    expect(validationAt(ws, `${gender}${last}`)).toMatchObject({ type: "list", formulae: ['"男,女"'] });
    expect(validationAt(ws, `${letter(columnOf(ws, "党员类型"))}${last}`)).toMatchObject({ formulae: ['"正式党员,预备党员"'] });
    expect(validationAt(ws, `${letter(columnOf(ws, "人员类别"))}3`)).toMatchObject({ formulae: ['"教职工,学生,离退休"'] });
    expect(validationAt(ws, `${gender}2`)).toBeUndefined();
  });

  it("checks dates as dates", () => {
    const ws = sheet("党员花名册");
    expect(validationAt(ws, `${letter(columnOf(ws, "入党时间"))}3`)).toMatchObject({ type: "date", operator: "between" });
  });

  it("prints on A4 landscape with the header row repeated on every page", () => {
    expect(sheet("党员花名册").pageSetup).toMatchObject({ paperSize: 9, orientation: "landscape", printTitlesRow: "2:2" });
  });
});

describe("other ledgers", () => {
  it("offer 形式, 会议类型 and 组织类型 as dropdowns", () => {
    expect(validationAt(sheet("学习培训"), `${letter(columnOf(sheet("学习培训"), "形式"))}3`)?.formulae[0]).toContain("集中培训");
    expect(validationAt(sheet("三会一课"), `${letter(columnOf(sheet("三会一课"), "类型"))}3`)?.formulae[0]).toBe('"党员大会,支委会,党小组会,党课,主题党日,组织生活会,民主评议"');
    expect(validationAt(sheet("换届"), `${letter(columnOf(sheet("换届"), "组织类型"))}3`)?.formulae[0]).toBe('"党委,党总支,党支部"');
  });

  it("accept only non-negative amounts and hours", () => {
    const dues = sheet("党费收缴");
    expect(validationAt(dues, `${letter(columnOf(dues, "月应缴"))}3`)).toMatchObject({ type: "decimal", operator: "greaterThanOrEqual", formulae: [0] });
    const training = sheet("学习培训");
    expect(validationAt(training, `${letter(columnOf(training, "学时"))}502`)).toMatchObject({ type: "decimal", formulae: [0] });
  });

  it("show the funding entitlement formula with the profile's rates above the header", () => {
    const ws = sheet("活动经费");
    expect(String(ws.getCell("A2").value)).toContain("应拨经费 = 教职工党员人数 × 200 元 + 学生党员人数 × 100 元");
    expect(ws.getCell("A3").value).toBe("教职工党员人数");
    expect(ws.getCell("F3").value).toMatchObject({ formula: "B3*200+D3*100" });
    expect(ws.getRow(4).getCell(1).value).toBe("日期");
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 4 });
  });
});

describe("read back by the validator's reader (SheetJS)", () => {
  it("finds the marker with template, version and profile, and hides its sheet", () => {
    const workbook = readWorkbookBytes(bytes, "支部台账.xlsx");
    expect(workbook.marker).toEqual({ template: "all", version: TEMPLATE_VERSION, profile: "200-100", branch: undefined });
    expect(workbook.sheets.map((s) => s.name)).not.toContain(MARKER_SHEET);
    expect(sheet(MARKER_SHEET).state).toBe("veryHidden");
  });

  it("gets an ID typed into the template as text, all 18 digits", async () => {
    const id = makeIdNumber("500103", "1990-03-07", 123, "男");
    const filled = await fillTemplate(bytes, [{ sheet: "党员花名册", records: [{ 姓名: "刘洋", 身份证号: id, 联系电话: "13812345678" }] }]);
    const ws = XLSX.read(filled, { type: "buffer", cellNF: true }).Sheets["党员花名册"];
    expect(ws["E3"]).toMatchObject({ t: "s", v: id, z: "@" });
    expect(ws["M3"]).toMatchObject({ t: "s", v: "13812345678", z: "@" });
  });

  it("reads a 说明 that states the 200-100 profile's numbers", () => {
    const notes = XLSX.utils.sheet_to_csv(XLSX.read(bytes, { type: "buffer" }).Sheets["说明"]);
    expect(notes).toContain("教职工党员每人每年不少于 200 元，学生党员每人每年不少于 100 元");
    expect(notes).toContain("党员每年不少于 32 学时；书记、委员每年不少于 56 学时");
    expect(notes).toContain("党委任期 5 年，党总支 3 年，党支部 3 年");
    expect(notes).toContain("身份证号,必填");
    expect(notes).toContain("id.checksum,错误,身份证号校验位错误（GB 11643-1999《公民身份号码》）");
  });
});
