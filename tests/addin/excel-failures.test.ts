/**
 * What a secretary will hit in Excel, each with a zh-CN message and the
 * workbook left exactly as it was (or, for a protected sheet, left unmarked
 * while the findings are still listed).
 */
import { ALL_CAPABILITIES, missingFeatures } from "../../src/addin/excel/capabilities";
import { AddinError } from "../../src/addin/shared/errors";
import { RESULTS_SHEET } from "../../src/addin/shared/marks";
import { FakeWorkbook, installFakeExcel } from "./fake-excel";
import { cellKey } from "./fake-grid";
import { openSample, plantedCells, run } from "./host";

const snapshot = (wb: FakeWorkbook) => JSON.stringify(wb.sheets.map((s) => [s.name, wb.contents(s.name), [...s.cells.values()].map((c) => c.fill), [...s.notes]]));

async function refusal(promise: Promise<unknown>): Promise<AddinError> {
  const e = await promise.then(() => null, (err: unknown) => err);
  expect(e).toBeInstanceOf(AddinError);
  return e as AddinError;
}

describe("refusals leave the workbook untouched", () => {
  it("asks to finish editing when Excel is in cell-edit mode", async () => {
    const wb = openSample();
    const before = snapshot(wb);
    wb.cellEditMode = true;
    const e = await refusal(run());
    expect(e.kind).toBe("cell-edit");
    expect(e.message).toContain("结束编辑");
    expect(snapshot(wb)).toBe(before);
  });

  it("names the ledgers and the headers it expected for a sheet that is no ledger", async () => {
    const wb = FakeWorkbook.fromTables([{ name: "Sheet1", cells: [[{ value: "采购清单" }], [{ value: "品名" }, { value: "数量" }]] }]);
    installFakeExcel(wb);
    const before = snapshot(wb);
    const e = await refusal(run());
    expect(e.kind).toBe("no-ledger");
    expect(e.message).toContain("党员花名册");
    expect(e.message).toContain("身份证号");
    expect(snapshot(wb)).toBe(before);
  });

  it("refuses a used range too large to read, before loading any values", async () => {
    const wb = openSample();
    wb.sheets[0].cells.set(cellKey(1_048_000, 300), { value: "x", numberFormat: "General", fill: { color: "#FFFFFF", pattern: "None", patternColor: "#000000", tintAndShade: 0 } });
    const before = snapshot(wb);
    const e = await refusal(run());
    expect(e.kind).toBe("too-large");
    expect(e.message).toContain("taizhang validate");
    expect(snapshot(wb)).toBe(before);
  });

  it("stops on cancel before anything is written", async () => {
    const wb = openSample();
    const before = snapshot(wb);
    const progress: string[] = [];
    const e = await refusal(run({ onProgress: (p) => progress.push(p.message), isCancelled: () => progress.length > 0 }));
    expect(e.kind).toBe("cancelled");
    expect(progress[0]).toMatch(/正在读取/);
    expect(snapshot(wb)).toBe(before);
  });
});

describe("protection", () => {
  it("lists the findings of a protected sheet but writes no marks on it", async () => {
    const wb = openSample();
    const [p] = plantedCells();
    wb.sheet(p.sheet!).protected = true;
    const result = await run();
    expect(result.findings.some((f) => f.sheet === p.sheet && f.cell === p.cell)).toBe(true);
    expect(result.notices.join()).toContain(`工作表“${p.sheet}”受保护`);
    expect(wb.cell(p.sheet!, p.cell!)!.fill.pattern).toBe("None");
    expect(wb.sheet(RESULTS_SHEET)).toBeDefined();
    expect(result.marked).toBeGreaterThan(0); // the other sheets
  });

  it("writes nothing when the workbook structure is protected, and says so", async () => {
    const wb = openSample();
    wb.protected = true;
    const before = snapshot(wb);
    const result = await run();
    expect(result.findings.length).toBeGreaterThan(0);
    expect(result.notices.join()).toContain("工作簿结构受保护");
    expect(snapshot(wb)).toBe(before);
  });
});

describe("an old Excel", () => {
  it("without ExcelApi 1.2 lists findings and the 校验结果 sheet but marks no cell, and says why", async () => {
    const caps = { ...ALL_CAPABILITIES, protection: false, workbook: false, rangeAreas: false, mergedAreas: false, annotation: "none" as const };
    const wb = openSample();
    const [p] = plantedCells();
    const result = await run({}, caps);
    expect(result.marked).toBe(0);
    expect(wb.cell(p.sheet!, p.cell!)!.fill.pattern).toBe("None");
    expect(wb.sheet(RESULTS_SHEET)).toBeDefined();
    expect(missingFeatures(caps).join()).toContain("ExcelApi 1.2");
  });
});
