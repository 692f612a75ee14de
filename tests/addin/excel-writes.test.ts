/**
 * Honest, safe writes: every value taken from the workbook goes back as text
 * (an ID number keeps its 18 digits), a failure at any step of the writing
 * leaves the workbook either as it was or in a state 清除标记 undoes
 * completely – and the message says which – and a note never lands on a
 * cell that holds a threaded comment.
 */
import { clearMarksInExcel } from "../../src/addin/excel/clear";
import { ALL_CAPABILITIES } from "../../src/addin/excel/capabilities";
import { AddinError } from "../../src/addin/shared/errors";
import { NOTE_PREFIX, RESULTS_SHEET } from "../../src/addin/shared/marks";
import type { RunResult } from "../../src/addin/shared/run-plan";
import { FakeWorkbook, installFakeExcel } from "./fake-excel";
import { openSample, plantedCells, rosterTables, run } from "./host";

const snapshot = (wb: FakeWorkbook) =>
  JSON.stringify(wb.sheets.map((s) => [s.name, s.visibility, wb.contents(s.name), [...s.cells].map(([k, c]) => [k, c.fill, c.numberFormat]).sort(), [...s.notes], [...s.comments]]));

it("writes an ID number into 校验结果 as text with every digit", async () => {
  const wb = FakeWorkbook.fromTables(rosterTables(20, (i) => i === 4));
  installFakeExcel(wb);
  const result = await run();
  const finding = result.findings.find((f) => f.code === "id.checksum");
  expect(finding?.value).toMatch(/^\d{17}[\dX]$/);
  const results = wb.sheet(RESULTS_SHEET);
  const row = [...results.cells.entries()].find(([, c]) => c.value === finding!.message);
  expect(row).toBeDefined();
  const original = wb.cell(RESULTS_SHEET, `F${Math.floor(row![0] / 16384) + 1}`)!;
  expect(original.value).toBe(finding!.value);
  expect(original.numberFormat).toBe("@");
  const names = [...results.cells.values()].filter((c) => c.value === wb.sheets[0].name);
  expect(names.length).toBeGreaterThan(0);
  expect(names.every((c) => c.numberFormat === "@")).toBe(true);
});

type Outcome = { error: AddinError } | { result: RunResult };

async function attempt(wb: FakeWorkbook, sync: number, at: number): Promise<Outcome> {
  wb.failSync = { sync, at, code: "InvalidArgument" };
  try {
    return { result: await run() };
  } catch (e) {
    return { error: e as AddinError };
  } finally {
    wb.failSync = null;
  }
}

/** For every sync of a run and several operations in it: fail there, and check the workbook and the message. */
async function failEverywhere(prepare: () => Promise<FakeWorkbook>): Promise<Set<string>> {
  const clean = snapshot(openSample());
  const probe = await prepare();
  const first = probe.syncs;
  await run();
  const syncs = probe.syncs - first;
  const seen = new Set<string>();
  for (let k = 1; k <= syncs; k++) {
    for (const at of [0, 1, 3, 40]) {
      const wb = await prepare();
      const before = snapshot(wb);
      const outcome = await attempt(wb, wb.syncs + k, at);
      if ("error" in outcome) {
        expect(outcome.error.message).toContain("工作簿没有任何改动");
        expect(snapshot(wb)).toBe(before);
        seen.add("refused");
        continue;
      }
      const notice = outcome.result.notices.find((n) => n.includes("标记未能全部写入") || n.includes("未能在单元格上标记"));
      expect(outcome.result.findings.length).toBeGreaterThan(0);
      if (notice?.includes("未能在单元格上标记")) {
        expect(notice).toContain("工作簿没有任何改动");
        expect(snapshot(wb)).toBe(before);
        seen.add("untouched");
      } else if (notice) {
        expect(notice).toContain("清除标记");
        expect(notice).not.toContain("没有任何改动");
        await clearMarksInExcel(ALL_CAPABILITIES);
        expect(snapshot(wb)).toBe(clean);
        seen.add("clearable");
      }
    }
  }
  return seen;
}

it("leaves an unmarked workbook untouched or clearable when any write fails, and says which", async () => {
  const seen = await failEverywhere(async () => openSample());
  expect([...seen].sort()).toEqual(["clearable", "refused", "untouched"]);
}, 60_000);

it("leaves a marked workbook as it was or clearable when any write of a second run fails", async () => {
  const seen = await failEverywhere(async () => {
    const wb = openSample();
    await run();
    return wb;
  });
  expect([...seen].sort()).toEqual(["clearable", "refused", "untouched"]);
}, 60_000);

it("adds no note on a cell holding a threaded comment, and keeps the comment", async () => {
  const wb = openSample();
  const [p] = plantedCells();
  wb.sheet(p.sheet!).comments.set(p.cell!, "请核对");
  const result = await run();
  expect(result.notices).toEqual([]);
  expect(wb.sheet(p.sheet!).notes.has(p.cell!)).toBe(false);
  expect(wb.sheet(p.sheet!).comments.get(p.cell!)).toBe("请核对");
  expect([...wb.sheet(p.sheet!).notes.values()].some((n) => n.startsWith(NOTE_PREFIX))).toBe(true);
  await clearMarksInExcel(ALL_CAPABILITIES);
  expect(wb.sheet(p.sheet!).comments.get(p.cell!)).toBe("请核对");
  expect(wb.sheet(p.sheet!).notes.size).toBe(0);
});
