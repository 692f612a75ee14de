/**
 * Reading in WPS: each sample sheet's used range comes back as the same table
 * the file reader makes (values, number formats of the dates, merged title
 * cells); a 50,000-row roster takes calls in proportion to its marks, not its cells.
 */
import { usedArea, readTable } from "../../src/addin/wps/read";
import { clearMarksInWps } from "../../src/addin/wps/clear";
import type { Table } from "../../src/core/table";
import { fakeApplication, FakeEtWorkbook, installFakeEt } from "./fake-et";
import { rosterTables, sampleSheets } from "./host";
import { runInFakeWps } from "./wps-host";

/** A used range is rectangular where a file's rows may stop early: compare without trailing empty cells. */
function rectangular(t: Table): Table {
  const trim = (row: Table["cells"][number]) => {
    let end = row.length;
    while (end > 0 && row[end - 1] === null) end--;
    return row.slice(0, end);
  };
  return { ...t, cells: t.cells.map(trim) };
}

it("reads every sample sheet into the table the file reader makes: values, date formats, merged cells", () => {
  const tables = sampleSheets();
  const wb = FakeEtWorkbook.fromTables(tables);
  const app = fakeApplication(wb);
  const sheets = app.ActiveWorkbook!.Worksheets;
  for (const [i, table] of tables.entries()) {
    const sheet = sheets.Item(i + 1);
    expect(rectangular(readTable(sheet, usedArea(sheet)))).toEqual(rectangular(table));
  }
  expect(tables.some((t) => t.merges.length > 0 && t.cells.flat().some((c) => c !== null && "format" in c))).toBe(true);
});

/** A roster of `members` rows, the first five ID numbers mistyped. */
function roster(members: number): FakeEtWorkbook {
  const wb = FakeEtWorkbook.fromTables(rosterTables(members, (i) => i < 5));
  installFakeEt(wb);
  return wb;
}

function measure(members: number): { calls: number; ms: number; marked: number } {
  const wb = roster(members);
  const start = performance.now();
  const { marked } = runInFakeWps();
  clearMarksInWps();
  return { calls: wb.calls, ms: performance.now() - start, marked };
}

it("validates and clears a 50,000-row roster within 45 s, its calls growing with the marks, not with the 700,000 cells", () => {
  const small = measure(1_000);
  const large = measure(50_000);
  expect(small.marked).toBeGreaterThanOrEqual(5);
  expect(large.marked).toBeGreaterThan(small.marked);
  // A mark costs a handful of calls (its run's fill, its comment written, found and deleted); reading costs per column.
  expect(large.calls - small.calls).toBeLessThan(20 * (large.marked - small.marked));
  expect(large.ms).toBeLessThan(45_000);
}, 120_000);
