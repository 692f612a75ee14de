/**
 * The committee secretary merges two branches' workbooks from the pane inside
 * Excel: the summary arrives as new sheets beside her own – 汇总, one sheet per
 * ledger, 问题清单 and 未提交 – with ID numbers as text, no formula made from
 * what a branch typed, the same round trips for 5 or 300 members, and nothing
 * left behind when Excel fails halfway. At a glance, as in 学院汇总.xlsx: each
 * status in its colour, data bars over rates and a white-to-red scale over
 * counts of problems where Excel has conditional formats. A college of 100
 * branches goes in several requests, each under Excel on the web's limit.
 */
import { BYTE_BUDGET, PAYLOAD_LIMIT } from "../../src/addin/excel/batch";
import { ALL_CAPABILITIES, detectCapabilities } from "../../src/addin/excel/capabilities";
import { AddinError } from "../../src/addin/shared/errors";
import { insertSummaryInExcel } from "../../src/addin/excel/summary";
import { addMergeExtras } from "../../src/addin/taskpane/merge-extras";
import { checkInput, mergeChecked, mergeWorkbooks, type MergeInput, type SummaryModel } from "../../src/core/merge";
import { BUILTIN_PROFILES } from "../../src/core/profile";
import { columnLetter } from "../../src/core/table";
import { readXlsx } from "../../src/io/read-xlsx";
import { makeBranch, toSheets, type BranchData } from "../fixtures/branch";
import { buildWorkbook } from "../fixtures/builder";
import { SAMPLE_AS_OF } from "../fixtures/samples";
import { FakeWorkbook, installFakeExcel, type FakeCell } from "./fake-excel";
import { cellKey } from "./fake-grid";

const branch = (name: string, members: number, seed: number): BranchData =>
  makeBranch({ branch: name, members, seed, asOf: SAMPLE_AS_OF, studentShare: 0.5 });

const submission = (name: string, data: BranchData, file = `${name}.xlsx`, modified?: number): MergeInput => ({
  file,
  modified,
  workbook: readXlsx(buildWorkbook(toSheets(name, data)), file),
});

function summaryOf(branches: [string, BranchData][], more: MergeInput[] = [], expected?: string[]): SummaryModel {
  const inputs = [...branches.map(([name, data]) => submission(name, data)), ...more];
  return mergeWorkbooks(inputs, { profile: BUILTIN_PROFILES["100-50"], asOf: SAMPLE_AS_OF, version: "test", expected }).summary;
}

/** The secretary's open workbook: her own sheet, and a 汇总 from last term. */
function openWorkbook(): FakeWorkbook {
  const wb = FakeWorkbook.fromTables([
    { name: "我的记录", cells: [[{ value: "上期已归档" }]] },
    { name: "汇总", cells: [[{ value: "上学期汇总" }]] },
  ]);
  installFakeExcel(wb);
  return wb;
}

/** How many rows and columns a sheet has, from A1 to its last written cell. */
function extentOf(wb: FakeWorkbook, sheet: string): { rows: number; cols: number } {
  let rows = 0;
  let cols = 0;
  for (const k of wb.sheet(sheet).cells.keys()) {
    rows = Math.max(rows, Math.floor(k / 16_384) + 1);
    cols = Math.max(cols, (k % 16_384) + 1);
  }
  return { rows, cols };
}

/** A sheet's cells as rows, from A1 to its last written cell. */
function cellsOf(wb: FakeWorkbook, sheet: string): (FakeCell | undefined)[][] {
  const s = wb.sheet(sheet);
  const { rows, cols } = extentOf(wb, sheet);
  return Array.from({ length: rows }, (_, r) => Array.from({ length: cols }, (_, c) => s.cells.get(cellKey(r, c))));
}

const valuesOf = (wb: FakeWorkbook, sheet: string) => cellsOf(wb, sheet).map((row) => row.map((c) => c?.value ?? ""));

function columnOf(wb: FakeWorkbook, sheet: string, header: string): FakeCell[] {
  const [head, ...rows] = cellsOf(wb, sheet);
  const at = head.findIndex((c) => c?.value === header);
  expect(at).toBeGreaterThanOrEqual(0);
  return rows.map((r) => r[at]!);
}

const snapshot = (wb: FakeWorkbook) => wb.sheets.map((s) => [s.name, wb.contents(s.name)]);

const teachers = branch("教工第一党支部", 4, 11);
const students = branch("学生第一党支部", 6, 22);
// What a branch may type into its ledger: text that spreadsheet programs would run as a formula.
students.roster[0]["备注"] = '=HYPERLINK("http://example.invalid/","点我")';
students.roster[1]["备注"] = "+86 138 0000 0000";
students.roster[2]["入党时间"] = "=1+1";

describe("汇总 into the open workbook", () => {
  const model = summaryOf([
    ["教工第一党支部", teachers],
    ["学生第一党支部", students],
  ]);

  it("adds 汇总, the ledger sheets, 问题清单 and 未提交 beside her sheets, each with its header row", async () => {
    const wb = openWorkbook();
    const names = await insertSummaryInExcel(model, ALL_CAPABILITIES);
    expect(names).toEqual(["概览", "汇总 (2)", "党员花名册", "党费收缴", "活动经费", "学习培训", "三会一课", "换届", "发展党员", "问题清单", "未提交"]);
    expect(wb.sheets.map((s) => s.name)).toEqual(["我的记录", "汇总", ...names]);
    expect(valuesOf(wb, "汇总")).toEqual([["上学期汇总"]]);
    model.sheets.forEach((sheet, i) => {
      const header = cellsOf(wb, names[i])[0];
      expect(header.map((c) => c?.value)).toEqual(sheet.columns.map((c) => c.header));
      expect(header.every((c) => c?.bold && c.numberFormat === "@")).toBe(true);
      expect(wb.sheet(names[i]).frozenRows).toBe(1);
    });

    const summary = valuesOf(wb, "汇总 (2)");
    const [head] = summary;
    const record = (row: unknown[]) => Object.fromEntries(head.map((h, i) => [h, row[i]]));
    expect(summary.slice(1, 3).map(record).map((r) => [r["支部"], r["状态"], r["党员人数"]])).toEqual([
      ["教工第一党支部", "可通过", 4],
      ["学生第一党支部", "需退回", 6],
    ]);
    expect(record(summary[3])).toMatchObject({ 支部: "合计（已汇总 2 个支部）", 党员人数: 10 });
    expect(cellsOf(wb, "汇总 (2)")[3].every((c) => c?.bold)).toBe(true);

    expect(valuesOf(wb, "党员花名册")).toHaveLength(1 + 4 + 6);
    expect(columnOf(wb, "党员花名册", "姓名").map((c) => c.value)).toEqual([...teachers.roster, ...students.roster].map((r) => r["姓名"]));
    expect(columnOf(wb, "问题清单", "代码").map((c) => c.value)).toContain("cell.date");
  });

  it("writes ID numbers and phone numbers as text, dates as dates", async () => {
    const wb = openWorkbook();
    await insertSummaryInExcel(model, ALL_CAPABILITIES);
    const members = [...teachers.roster, ...students.roster];
    for (const [header, kind] of [["身份证号", "@"], ["联系电话", "@"]]) {
      const cells = columnOf(wb, "党员花名册", header);
      expect(cells.map((c) => [c.value, c.numberFormat])).toEqual(members.map((m) => [m[header], kind]));
    }
    const birth = columnOf(wb, "党员花名册", "出生日期")[0];
    const serial = (teachers.roster[0]["出生日期"] as { v: number }).v;
    expect([birth.value, birth.numberFormat]).toEqual([serial, "yyyy-mm-dd"]);
  });

  it("never turns what a branch typed into a formula", async () => {
    const wb = openWorkbook();
    const names = await insertSummaryInExcel(model, ALL_CAPABILITIES);
    const formulas = names.flatMap((name) => cellsOf(wb, name).flat().filter((c) => c?.formula));
    expect(formulas).toEqual([]);
    const notes = columnOf(wb, "党员花名册", "备注").map((c) => c.value);
    expect(notes).toEqual(expect.arrayContaining(['=HYPERLINK("http://example.invalid/","点我")', "+86 138 0000 0000"]));
    // 入党时间 is a date column (not text-formatted): the typed "=1+1" stays visible as text.
    expect(columnOf(wb, "党员花名册", "入党时间").map((c) => c.value)).toContain("=1+1");
  });

  it("takes the same number of syncs for 5 or 300 members per branch", async () => {
    const syncsFor = async (members: number) => {
      const wb = openWorkbook();
      await insertSummaryInExcel(summaryOf([["教工第一党支部", branch("教工第一党支部", members, 3)], ["学生第一党支部", branch("学生第一党支部", members, 4)]]), ALL_CAPABILITIES);
      expect(valuesOf(wb, "党员花名册")).toHaveLength(1 + 2 * members);
      return wb.syncs;
    };
    expect(await syncsFor(300)).toBe(await syncsFor(5));
  });

  it("leaves the workbook as it was when Excel fails halfway through the write", async () => {
    const probe = openWorkbook();
    await insertSummaryInExcel(model, ALL_CAPABILITIES);
    const writes = probe.lastBatchSize;
    for (const at of [1, Math.floor(writes / 2), writes - 1]) {
      const wb = openWorkbook();
      const before = snapshot(wb);
      wb.failSync = { sync: 2, at, code: "GeneralException" };
      const error = await insertSummaryInExcel(model, ALL_CAPABILITIES).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(AddinError);
      expect((error as AddinError).message).toMatch(/Excel 正忙.*工作簿没有任何改动/);
      expect(snapshot(wb)).toEqual(before);
    }
  });

  it("in cell-edit mode asks to finish editing and writes nothing", async () => {
    const wb = openWorkbook();
    const before = snapshot(wb);
    wb.cellEditMode = true;
    await expect(insertSummaryInExcel(model, ALL_CAPABILITIES)).rejects.toThrow(/单元格编辑状态/);
    expect(snapshot(wb)).toEqual(before);
  });
});

describe("汇总 at a glance", () => {
  // Every verdict: 可通过, 需退回, 未提交 (listed, no file), 无法读取, and an older file of a branch that sent two.
  const model = summaryOf(
    [
      ["教工第一党支部", teachers],
      ["学生第一党支部", students],
    ],
    [
      submission("教工第一党支部", teachers, "教工第一党支部（初稿）.xlsx", 1),
      { file: "第三党支部.xlsx", error: "文件已损坏" },
    ],
    ["教工第一党支部", "学生第一党支部", "学生第二党支部"],
  );
  /** What the committee sees: the fill of each 状态 cell, by its text. */
  const COLOURS: Record<string, string> = { 可通过: "#C6EFCE", 需退回: "#FFC7CE", 未提交: "#FFEB9C", 无法读取: "#FFC7CE", 已被较新文件替代: "#D9D9D9" };
  const SUMMARY = "汇总 (2)";

  /** The inserted 汇总's rows with each cell's fill colour, "" where there is none. */
  const fills = (wb: FakeWorkbook) => cellsOf(wb, SUMMARY).map((row) => row.map((c) => (c && c.fill.pattern !== "None" ? c.fill.color : "")));
  const header = (wb: FakeWorkbook) => cellsOf(wb, SUMMARY)[0].map((c) => c?.value);
  const columnAddress = (wb: FakeWorkbook, name: string, rows: number) => {
    const letter = columnLetter(header(wb).indexOf(name));
    return `${letter}2:${letter}${rows + 1}`;
  };

  it("fills each status cell with its verdict's colour, and nothing else", async () => {
    const wb = openWorkbook();
    await insertSummaryInExcel(model, ALL_CAPABILITIES);
    const status = header(wb).indexOf("状态");
    const [, ...rows] = valuesOf(wb, SUMMARY);
    const total = rows.length - 1;
    expect(rows.slice(0, total).map((r) => r[status]).sort()).toEqual(Object.keys(COLOURS).sort());
    expect(rows[total][0]).toMatch(/^合计/);
    const [headFill, ...rowFills] = fills(wb);
    expect(headFill.every((f) => f === "")).toBe(true);
    rowFills.forEach((row, i) => {
      expect(row[status]).toBe(i < total ? COLOURS[rows[i][status] as string] : "");
      expect(row.filter((f, c) => c !== status && f !== "")).toEqual([]);
    });
    expect(wb.sheets.filter((s) => s.name !== SUMMARY).flatMap((s) => [...s.cells.values()].filter((c) => c.fill.pattern !== "None"))).toEqual([]);
  });

  it("adds data bars over rates and a white-to-red scale over counts of problems on Excel with conditional formats", async () => {
    const wb = openWorkbook();
    await insertSummaryInExcel(model, ALL_CAPABILITIES);
    const rows = 5; // the five branches, not the total row
    const bar = (name: string) => ({
      address: columnAddress(wb, name, rows),
      type: "DataBar",
      settings: {
        "dataBar.lowerBoundRule": { type: "Number", formula: "0" },
        "dataBar.upperBoundRule": { type: "Number", formula: "1" },
        "dataBar.positiveFormat.fillColor": "#5B9BD5",
      },
    });
    const scale = (name: string) => ({
      address: columnAddress(wb, name, rows),
      type: "ColorScale",
      settings: { "colorScale.criteria": { minimum: { type: "Number", formula: "0", color: "#FFFFFF" }, maximum: { type: "HighestValue", color: "#F8696B" } } },
    });
    expect(wb.sheet(SUMMARY).conditionalFormats).toEqual([
      bar("党费缴纳率"),
      bar("培训达标率"),
      scale("缺少的会议"),
      bar("三会一课完成率"),
      scale("错误"),
      scale("警告"),
    ]);
    expect(wb.sheets.filter((s) => s.name !== SUMMARY).flatMap((s) => s.conditionalFormats)).toEqual([]);
  });

  it("on Excel with ExcelApi 1.1 only, colours the statuses and writes every value, without conditional formats or an error", async () => {
    const full = openWorkbook();
    await insertSummaryInExcel(model, ALL_CAPABILITIES);
    const wb = openWorkbook();
    wb.conditionalFormatsSupported = false;
    const names = await insertSummaryInExcel(model, detectCapabilities((set, version) => set === "ExcelApi" && version === "1.1"));
    expect(names.map((n) => valuesOf(wb, n))).toEqual(names.map((n) => valuesOf(full, n)));
    expect(fills(wb)).toEqual(fills(full));
    expect(wb.sheets.flatMap((s) => s.conditionalFormats)).toEqual([]);
  });
});

describe("the assessment sheets the pane adds (考核, 评分表)", () => {
  const options = { profile: BUILTIN_PROFILES["100-50"], asOf: SAMPLE_AS_OF, version: "test" };
  const checked = [submission("教工第一党支部", teachers), submission("学生第一党支部", students)].map((i) => checkInput(i, options));
  const summary = mergeChecked(checked, options).summary;
  addMergeExtras(checked, summary, options, { previous: null, assess: true });
  const form = (name: string) => summary.sheets.find((s) => s.name === name)!;
  /** The columns the group fills in: their empty cells are shaded on the sheet. */
  const toFillColumns = form("考核").columns.flatMap((c, i) => (c.toFill ? [i] : []));

  it("lays out 考核 as 学院汇总.xlsx does: set widths, wrapped cells, the cells to fill shaded, the branch column frozen", async () => {
    const wb = openWorkbook();
    await insertSummaryInExcel(summary, ALL_CAPABILITIES);
    const sheet = wb.sheet("考核");
    const [head, ...rows] = cellsOf(wb, "考核");
    const headers = head.map((c) => String(c?.value));
    expect(toFillColumns.length).toBeGreaterThan(0);
    const shaded = rows.flatMap((row, r) => row.flatMap((c, i) => (c && c.fill.pattern !== "None" ? [[r, i, c.fill.color]] : [])));
    const empty = rows.flatMap((row, r) => toFillColumns.flatMap((i) => (row[i] === undefined || row[i]!.value === "" ? [[r, i, "#FFF2CC"]] : [])));
    expect(empty.length).toBeGreaterThan(0);
    expect(shaded).toEqual(empty);
    expect([sheet.frozenRows, sheet.frozenColumns]).toEqual([1, 1]);
    const widthOf = (header: string) => sheet.columnWidths.get(`${columnLetter(headers.indexOf(header))}1:${columnLetter(headers.indexOf(header))}1048576`);
    expect(widthOf(headers.find((h) => h.endsWith("依据"))!)).toBe(36 * 6.5);
    expect(widthOf(headers[toFillColumns[0]])).toBe(11 * 6.5);
    expect(head.every((c) => c?.wrap && c.horizontal === "Center")).toBe(true);
    expect(rows.every((row) => row.every((c) => c?.wrap && c.vertical === "Top"))).toBe(true);
    expect(wb.sheet("评分表").frozenColumns).toBe(0);
    expect(wb.sheet("评分表").frozenRows).toBe(1);
    expect(cellsOf(wb, "汇总 (2)").flat().some((c) => c?.wrap)).toBe(false);
  });

  it("on Excel with ExcelApi 1.1 only, still shades and wraps, without widths or frozen panes", async () => {
    const wb = openWorkbook();
    wb.conditionalFormatsSupported = false;
    await insertSummaryInExcel(summary, detectCapabilities((set, version) => set === "ExcelApi" && version === "1.1"));
    const sheet = wb.sheet("考核");
    expect(cellsOf(wb, "考核").flat().some((c) => c?.fill.color === "#FFF2CC")).toBe(true);
    expect([sheet.frozenRows, sheet.frozenColumns, sheet.columnWidths.size]).toEqual([0, 0, 0]);
  });
});

describe("a college of 100 branches", () => {
  let model: SummaryModel;
  beforeAll(() => {
    model = summaryOf(Array.from({ length: 100 }, (_, i): [string, BranchData] => [`第${i + 1}党支部`, branch(`第${i + 1}党支部`, 60, 100 + i)]));
  }, 120_000);

  it("goes in several requests, each under the 4 MB budget, with every row and status colour", async () => {
    const wb = openWorkbook();
    const names = await insertSummaryInExcel(model, ALL_CAPABILITIES);
    expect(wb.maxBatchBytes).toBeLessThanOrEqual(BYTE_BUDGET);
    // More than Excel on the web takes in one request, sent in full batches.
    expect(wb.totalBytes).toBeGreaterThan(PAYLOAD_LIMIT);
    expect(wb.syncs).toBeGreaterThanOrEqual(1 + Math.ceil(wb.totalBytes / BYTE_BUDGET));
    expect(wb.syncs).toBeLessThanOrEqual(1 + Math.ceil(wb.totalBytes / (0.75 * BYTE_BUDGET)));
    expect(extentOf(wb, "党员花名册").rows).toBe(1 + 100 * 60);
    expect(names.map((name) => extentOf(wb, name))).toEqual(model.sheets.map((s) => ({ rows: 1 + s.rows.length, cols: s.columns.length })));
    // 18,000 rows in several blocks: each in its place.
    const training = model.sheets.find((s) => s.name === "学习培训")!;
    const name = training.columns.findIndex((c) => c.header === "姓名");
    expect(columnOf(wb, "学习培训", "姓名").map((c) => c.value)).toEqual(training.rows.map((r) => r[name]));
    const status = columnOf(wb, "汇总 (2)", "状态").slice(0, 100);
    expect(status.map((c) => [c.value, c.fill.color])).toEqual(status.map((c) => [c.value, c.value === "可通过" ? "#C6EFCE" : "#FFC7CE"]));
  });

  it("leaves no added sheet when a late request fails, and says so", async () => {
    const probe = openWorkbook();
    await insertSummaryInExcel(model, ALL_CAPABILITIES);
    const wb = openWorkbook();
    const before = snapshot(wb);
    // The last request: the sheets and rows of the ones before it are in the workbook.
    wb.failSync = { sync: probe.syncs, at: Math.floor(probe.lastBatchSize / 2), code: "GeneralException" };
    const error = await insertSummaryInExcel(model, ALL_CAPABILITIES).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AddinError);
    expect((error as AddinError).message).toMatch(/^汇总未能写完（Excel 正忙），本次插入的 \d+ 张工作表已删除，工作簿没有任何改动。/);
    expect(snapshot(wb)).toEqual(before);
  });
});
