/**
 * The secretary presses 校验全部 in WPS 表格 (the fake ET host): the sample
 * branch's planted mistakes get a colour and a comment, 校验结果 lists them
 * with links, and 清除标记 puts every fill back – no value is touched.
 */
import { MARK_COLORS, NOTE_PREFIX, parseStore, RESULTS_SHEET, STORE_SHEET } from "../../src/addin/shared/marks";
import { clearMarksInWps } from "../../src/addin/wps/clear";
import { insertTemplateInWps } from "../../src/addin/wps/template";
import { BUILTIN_PROFILES } from "../../src/core/profile";
import { roster } from "../../src/core/ledgers";
import { FakeEtWorkbook, installFakeEt, NO_INTERIOR } from "./fake-et";
import { cellKey, rowOf } from "./fake-grid";
import { openSample, plantedCells, run } from "./host";
import { bgr, openSampleInWps, runInFakeWps } from "./wps-host";

const interiors = (wb: FakeEtWorkbook, sheet: string) => JSON.stringify([...wb.sheet(sheet).cells].map(([k, c]) => [k, c.interior]).sort());

describe("校验全部 in WPS on the student branch sample", () => {
  it("marks each planted mistake with the severity's colour and a comment naming the problem", () => {
    const wb = openSampleInWps();
    const result = runInFakeWps();
    const planted = plantedCells();
    expect(planted.length).toBeGreaterThanOrEqual(4);
    for (const p of planted) {
      const finding = result.findings.find((f) => f.sheet === p.sheet && f.cell === p.cell && f.code === p.code);
      expect(finding).toBeDefined();
      expect(wb.cell(p.sheet!, p.cell!)?.interior.Color).toBe(bgr(MARK_COLORS[finding!.severity]));
      const comment = wb.sheet(p.sheet!).comments.get(p.cell!);
      expect(comment?.startsWith(NOTE_PREFIX)).toBe(true);
      expect(comment).toContain(finding!.message);
    }
    expect(result.marked).toBeGreaterThanOrEqual(planted.length);
    expect(wb.prompts).toBe(0);
  });

  it("lists every finding in 校验结果 with a HYPERLINK to its cell", () => {
    const wb = openSampleInWps();
    const result = runInFakeWps();
    const cells = [...wb.sheet(RESULTS_SHEET).cells.values()];
    const [first] = plantedCells();
    expect(cells.map((c) => c.formula)).toContain(`=HYPERLINK("#'${first.sheet}'!${first.cell}","${first.cell}")`);
    const texts = cells.map((c) => c.value);
    for (const f of result.findings) expect(texts).toContain(f.message);
  });

  it("keeps every value identical through two runs and a clear, and restores every fill", () => {
    const wb = openSampleInWps();
    const names = wb.sheets.map((s) => s.name);
    const before = names.map((n) => [wb.contents(n), interiors(wb, n)]);
    runInFakeWps();
    expect(names.map((n) => wb.contents(n))).toEqual(before.map(([c]) => c));
    runInFakeWps(); // the second run replaces the first one's marks
    const cleared = clearMarksInWps();
    expect(cleared.restored).toBeGreaterThan(0);
    expect(names.map((n) => [wb.contents(n), interiors(wb, n)])).toEqual(before);
    expect(wb.sheets.map((s) => s.name)).toEqual(names);
    expect(wb.sheets.every((s) => s.comments.size === 0)).toBe(true);
    expect(wb.prompts).toBe(0);
  });

  it("restores a patterned, tinted fill exactly and leaves the secretary's own comment alone", () => {
    const wb = openSampleInWps();
    const [p, q] = plantedCells();
    const own = { Color: 0xf0b000, Pattern: 13, PatternColor: 0x0000ff, TintAndShade: 0.2 };
    wb.cell(p.sheet!, p.cell!)!.interior = { ...own };
    wb.sheet(q.sheet!).comments.set(q.cell!, "支委会已核实");
    runInFakeWps();
    expect(wb.cell(p.sheet!, p.cell!)!.interior.Color).toBe(bgr(MARK_COLORS.error));
    expect(wb.sheet(q.sheet!).comments.get(q.cell!)).toBe("支委会已核实");
    clearMarksInWps();
    expect(wb.cell(p.sheet!, p.cell!)!.interior).toEqual(own);
    expect(wb.cell(q.sheet!, q.cell!)!.interior).toEqual(NO_INTERIOR);
    expect(wb.sheet(q.sheet!).comments.get(q.cell!)).toBe("支委会已核实");
  });

  it("records the original fill as the Excel add-in does (#RRGGBB, Office.js pattern names), so either host can clear it", () => {
    const wb = openSampleInWps();
    const [p] = plantedCells();
    wb.cell(p.sheet!, p.cell!)!.interior = { Color: 0xf0b000, Pattern: 13, PatternColor: 0x0000ff, TintAndShade: 0.2 };
    runInFakeWps();
    const store = wb.sheet(STORE_SHEET);
    const rows = [...new Set([...store.cells.keys()].map(rowOf))].map((r) => [0, 1, 2, 3, 4].map((c) => store.cells.get(cellKey(r, c))?.value ?? ""));
    const entry = parseStore(rows).find((e) => e.sheet === p.sheet && e.cell === p.cell);
    expect(entry?.original).toEqual({ color: "#00B0F0", pattern: "LightDown", patternColor: "#FF0000", tintAndShade: 0.2 });
    expect(entry?.annotation).toBe("comment");
  });

  it("leaves a fill changed by hand after marking as the secretary set it", () => {
    const wb = openSampleInWps();
    const [p] = plantedCells();
    runInFakeWps();
    wb.cell(p.sheet!, p.cell!)!.interior = { Color: 0x50d092, Pattern: 1, PatternColor: 0, TintAndShade: 0 };
    clearMarksInWps();
    expect(wb.cell(p.sheet!, p.cell!)!.interior.Color).toBe(0x50d092);
  });

  it("keeps the originals in a very hidden sheet, as text, and removes it and 校验结果 on clear", () => {
    const wb = openSampleInWps();
    runInFakeWps();
    const store = wb.sheet(STORE_SHEET);
    expect(store.visible).toBe(2);
    expect([...store.cells.values()].every((c) => c.numberFormat === "@")).toBe(true);
    clearMarksInWps();
    expect(wb.sheets.some((s) => s.name === STORE_SHEET || s.name === RESULTS_SHEET)).toBe(false);
  });

  it("校验本表 marks only the active sheet", () => {
    const wb = openSampleInWps();
    const [p] = plantedCells();
    wb.active = p.sheet!;
    const result = runInFakeWps({ scope: "active" });
    expect(result.findings.every((f) => f.sheet === p.sheet)).toBe(true);
    const others = wb.sheets.filter((s) => ![p.sheet, RESULTS_SHEET, STORE_SHEET].includes(s.name));
    expect(others.some((s) => [...s.cells.values()].some((c) => c.interior.Pattern !== NO_INTERIOR.Pattern) || s.comments.size > 0)).toBe(false);
  });
});

it("插入模板 adds a new 党员花名册 sheet with the canonical headers, text-formatted ID cells, a list and a frozen header", () => {
  const wb = FakeEtWorkbook.fromTables([{ name: "党员花名册", cells: [[{ value: "旧表" }]] }]);
  installFakeEt(wb);
  const before = wb.contents("党员花名册");
  const name = insertTemplateInWps("roster", BUILTIN_PROFILES["100-50"]);
  expect(name).toBe("党员花名册 (2)");
  expect(wb.contents("党员花名册")).toBe(before);
  const header = roster.fields.map((_, c) => wb.cell(name, `${String.fromCharCode(65 + c)}2`)?.value);
  expect(header).toEqual(roster.fields.map((f) => f.header));
  const idCol = String.fromCharCode(65 + roster.fields.findIndex((f) => f.key === "idNumber"));
  expect(wb.cell(name, `${idCol}3`)?.numberFormat).toBe("@");
  const sheet = wb.sheet(name);
  expect(sheet.frozenRows).toBe(2);
  expect([...sheet.validations.values()]).toContainEqual({ type: 3, formula1: "男,女" });
  expect(wb.active).toBe(name);
  expect(wb.sheets.map((s) => s.name)).toEqual(["党员花名册", name]);
});

it("finds in WPS exactly what it finds in Excel, cell for cell", async () => {
  openSample();
  const excel = await run();
  openSampleInWps();
  const wps = runInFakeWps();
  const key = (f: { sheet: string | null; cell: string | null; code: string }) => `${f.sheet}!${f.cell}:${f.code}`;
  expect(wps.findings.map(key).sort()).toEqual(excel.findings.map(key).sort());
  expect(wps.findings.length).toBeGreaterThan(plantedCells().length);
});
