/**
 * What a secretary will hit in WPS, each with a zh-CN message: the workbook
 * left exactly as it was, or – for a protected sheet – left unmarked while
 * the findings are still listed; a failure while writing says how to undo.
 */
import { AddinError } from "../../src/addin/shared/errors";
import { RESULTS_SHEET, STORE_SHEET } from "../../src/addin/shared/marks";
import { clearMarksInWps } from "../../src/addin/wps/clear";
import { FakeEtWorkbook, installFakeEt, NO_INTERIOR } from "./fake-et";
import { cellKey } from "./fake-grid";
import { plantedCells } from "./host";
import { etSnapshot, openSampleInWps, runInFakeWps } from "./wps-host";

function refusal(work: () => unknown): AddinError {
  let error: unknown = null;
  try {
    work();
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(AddinError);
  return error as AddinError;
}

describe("refusals leave the workbook untouched", () => {
  it("names the ledgers and the headers it expected for a sheet that is no ledger", () => {
    const wb = FakeEtWorkbook.fromTables([{ name: "Sheet1", cells: [[{ value: "采购清单" }], [{ value: "品名" }, { value: "数量" }]] }]);
    installFakeEt(wb);
    const before = etSnapshot(wb);
    const e = refusal(() => runInFakeWps());
    expect(e.kind).toBe("no-ledger");
    expect(e.message).toContain("党员花名册");
    expect(e.message).toContain("身份证号");
    expect(etSnapshot(wb)).toBe(before);
  });

  it("says so when no workbook is open", () => {
    installFakeEt(null);
    const e = refusal(() => runInFakeWps());
    expect(e.message).toContain("没有打开的工作簿");
    expect(refusal(() => clearMarksInWps()).message).toContain("没有打开的工作簿");
  });

  it("refuses 校验本表 on the 校验结果 sheet", () => {
    const wb = openSampleInWps();
    runInFakeWps();
    wb.active = RESULTS_SHEET;
    const before = etSnapshot(wb);
    expect(refusal(() => runInFakeWps({ scope: "active" })).message).toContain("不是台账");
    expect(etSnapshot(wb)).toBe(before);
  });

  it("refuses a used range too large to read, before reading any value", () => {
    const wb = openSampleInWps();
    wb.sheets[0].cells.set(cellKey(1_048_000, 300), { value: "x", numberFormat: "General", interior: { ...NO_INTERIOR } });
    const before = etSnapshot(wb);
    const e = refusal(() => runInFakeWps());
    expect(e.kind).toBe("too-large");
    expect(e.message).toContain("taizhang validate");
    expect(etSnapshot(wb)).toBe(before);
    expect(wb.calls).toBeLessThan(100);
  });
});

describe("protection", () => {
  it("lists the findings of a protected sheet but writes no mark on it", () => {
    const wb = openSampleInWps();
    const [p] = plantedCells();
    wb.sheet(p.sheet!).protectContents = true;
    const result = runInFakeWps();
    expect(result.findings.some((f) => f.sheet === p.sheet && f.cell === p.cell)).toBe(true);
    expect(result.notices.join()).toContain(`工作表“${p.sheet}”受保护`);
    expect(wb.cell(p.sheet!, p.cell!)!.interior).toEqual(NO_INTERIOR);
    expect(wb.sheet(p.sheet!).comments.size).toBe(0);
    expect(wb.sheet(RESULTS_SHEET)).toBeDefined();
    expect(result.marked).toBeGreaterThan(0); // the other sheets
  });

  it("keeps the marks of a sheet protected after marking, and says how to clear them", () => {
    const wb = openSampleInWps();
    const [p] = plantedCells();
    runInFakeWps();
    wb.sheet(p.sheet!).protectContents = true;
    const { notices } = clearMarksInWps();
    expect(notices.join()).toContain(`工作表“${p.sheet}”受保护`);
    expect(wb.sheet(STORE_SHEET).cells.size).toBeGreaterThan(0);
    wb.sheet(p.sheet!).protectContents = false;
    clearMarksInWps();
    expect(wb.cell(p.sheet!, p.cell!)!.interior).toEqual(NO_INTERIOR);
  });

  it("writes nothing when the workbook structure is protected, and says so", () => {
    const wb = openSampleInWps();
    wb.protectStructure = true;
    const before = etSnapshot(wb);
    const result = runInFakeWps();
    expect(result.findings.length).toBeGreaterThan(0);
    expect(result.notices.join()).toContain("工作簿结构受保护");
    expect(etSnapshot(wb)).toBe(before);
  });
});

it("after a failure while writing, names the undo, and 清除标记 then restores every fill", () => {
  const wb = openSampleInWps();
  const names = wb.sheets.map((s) => s.name);
  const before = etSnapshot(wb);
  const [p] = plantedCells();
  const cell = wb.cell(p.sheet!, p.cell!)!;
  const sheet = wb.sheet(p.sheet!);
  const add = sheet.comments.set.bind(sheet.comments);
  sheet.comments.set = () => {
    throw new Error("磁盘已满");
  };
  const e = refusal(() => runInFakeWps());
  expect(e.message).toContain("清除标记");
  expect(e.message).toContain("磁盘已满");
  expect(cell.interior.Pattern).not.toBe(NO_INTERIOR.Pattern); // the fill went on before the comment failed
  sheet.comments.set = add;
  clearMarksInWps();
  expect(wb.sheets.map((s) => s.name)).toEqual(names);
  expect(etSnapshot(wb)).toBe(before);
});
