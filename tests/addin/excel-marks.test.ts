/**
 * The secretary clicks 校验全部 in Excel: the sample branch's planted mistakes
 * are marked on their cells with a colour and a note, listed in 校验结果 with
 * links, and 清除标记 puts every fill back – the data is never touched.
 */
import { clearMarksInExcel } from "../../src/addin/excel/clear";
import { ALL_CAPABILITIES } from "../../src/addin/excel/capabilities";
import { MARK_COLORS, NOTE_PREFIX, RESULTS_SHEET, STORE_SHEET } from "../../src/addin/shared/marks";
import { NO_FILL } from "./fake-excel";
import { openSample, plantedCells, run } from "./host";

const fills = (wb: ReturnType<typeof openSample>, sheet: string) =>
  JSON.stringify([...wb.sheet(sheet).cells].map(([k, c]) => [k, c.fill]).sort());

describe("校验全部 on the student branch sample", () => {
  it("marks each planted mistake on its cell with the error colour and a note naming the problem", async () => {
    const wb = openSample();
    const result = await run();
    const planted = plantedCells();
    expect(planted.length).toBeGreaterThanOrEqual(4);
    for (const p of planted) {
      const finding = result.findings.find((f) => f.sheet === p.sheet && f.cell === p.cell && f.code === p.code);
      expect(finding).toBeDefined();
      expect(wb.cell(p.sheet!, p.cell!)?.fill.color).toBe(MARK_COLORS[finding!.severity]);
      const note = wb.sheet(p.sheet!).notes.get(p.cell!);
      expect(note?.startsWith(NOTE_PREFIX)).toBe(true);
      expect(note).toContain(finding!.message);
    }
    expect(result.marked).toBeGreaterThanOrEqual(planted.length);
  });

  it("lists every finding in 校验结果 with a hyperlink to its cell", async () => {
    const wb = openSample();
    const result = await run();
    const results = wb.sheet(RESULTS_SHEET);
    const [first] = plantedCells();
    const links = [...results.cells.values()].map((c) => c.formula).filter(Boolean);
    expect(links).toContain(`=HYPERLINK("#'${first.sheet}'!${first.cell}","${first.cell}")`);
    const messages = [...results.cells.values()].map((c) => c.value);
    for (const f of result.findings) expect(messages).toContain(f.message);
  });

  it("keeps every value and formula identical through validate and clear, and restores every fill", async () => {
    const wb = openSample();
    const names = wb.sheets.map((s) => s.name);
    const before = names.map((n) => [wb.contents(n), fills(wb, n)]);
    await run();
    expect(names.map((n) => wb.contents(n))).toEqual(before.map(([c]) => c));
    await run(); // a second run replaces the first one's marks
    const cleared = await clearMarksInExcel(ALL_CAPABILITIES);
    expect(cleared.restored).toBeGreaterThan(0);
    expect(names.map((n) => [wb.contents(n), fills(wb, n)])).toEqual(before);
    expect(wb.sheets.map((s) => s.name)).toEqual(names);
    expect(wb.sheets.every((s) => s.notes.size === 0)).toBe(true);
  });

  it("restores a patterned fill exactly and leaves a secretary's own note alone", async () => {
    const wb = openSample();
    const [p, q] = plantedCells();
    const own = { color: "#00B0F0", pattern: "LightDown", patternColor: "#FF0000", tintAndShade: 0.2 };
    wb.cell(p.sheet!, p.cell!)!.fill = { ...own };
    wb.sheet(q.sheet!).notes.set(q.cell!, "支委会已核实");
    await run();
    expect(wb.cell(p.sheet!, p.cell!)!.fill.color).toBe(MARK_COLORS.error);
    expect(wb.sheet(q.sheet!).notes.get(q.cell!)).toBe("支委会已核实");
    await clearMarksInExcel(ALL_CAPABILITIES);
    expect(wb.cell(p.sheet!, p.cell!)!.fill).toEqual(own);
    expect(wb.cell(q.sheet!, q.cell!)!.fill).toEqual(NO_FILL);
    expect(wb.sheet(q.sheet!).notes.get(q.cell!)).toBe("支委会已核实");
  });

  it("leaves a fill changed by hand after marking as the secretary set it", async () => {
    const wb = openSample();
    const [p] = plantedCells();
    await run();
    wb.cell(p.sheet!, p.cell!)!.fill = { color: "#92D050", pattern: "Solid", patternColor: "#000000", tintAndShade: 0 };
    await clearMarksInExcel(ALL_CAPABILITIES);
    expect(wb.cell(p.sheet!, p.cell!)!.fill.color).toBe("#92D050");
  });

  it("remembers the originals in a very hidden sheet and removes it and 校验结果 on clear", async () => {
    const wb = openSample();
    await run();
    expect(wb.sheet(STORE_SHEET).visibility).toBe("VeryHidden");
    await clearMarksInExcel(ALL_CAPABILITIES);
    expect(wb.sheets.some((s) => s.name === STORE_SHEET || s.name === RESULTS_SHEET)).toBe(false);
  });

  it("writes comments where notes are missing (ExcelApi 1.10) and only colours where both are", async () => {
    const [p] = plantedCells();
    const wb = openSample();
    await run({}, { ...ALL_CAPABILITIES, annotation: "comment" });
    expect(wb.sheet(p.sheet!).comments.get(p.cell!)).toContain(NOTE_PREFIX);
    expect(wb.sheet(p.sheet!).notes.size).toBe(0);
    await clearMarksInExcel({ ...ALL_CAPABILITIES, annotation: "comment" });
    expect(wb.sheet(p.sheet!).comments.size).toBe(0);

    const bare = openSample();
    const result = await run({}, { ...ALL_CAPABILITIES, annotation: "none", rangeAreas: false });
    expect(bare.cell(p.sheet!, p.cell!)!.fill.color).toBe(MARK_COLORS.error);
    expect(bare.sheets.every((s) => s.notes.size === 0 && s.comments.size === 0)).toBe(true);
    expect(result.marked).toBeGreaterThan(0);
  });

  it("校验本表 marks only the active sheet", async () => {
    const wb = openSample();
    const [p] = plantedCells();
    wb.active = p.sheet!;
    const result = await run({ scope: "active" });
    expect(result.findings.every((f) => f.sheet === p.sheet)).toBe(true);
    const otherMarked = wb.sheets.filter((s) => s.name !== p.sheet && s.name !== RESULTS_SHEET).some((s) => [...s.cells.values()].some((c) => c.fill.pattern !== "None") && s.name !== STORE_SHEET);
    expect(otherMarked).toBe(false);
  });
});
