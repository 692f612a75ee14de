/**
 * Reading in WPS: each sample sheet's used range comes back as the same table
 * the file reader makes (values, number formats of the dates, merged title
 * cells), and the object-model calls grow with columns, not with rows.
 */
import { usedArea, readTable } from "../../src/addin/wps/read";
import { clearMarksInWps } from "../../src/addin/wps/clear";
import { LEDGERS } from "../../src/core/ledgers";
import type { Table } from "../../src/core/table";
import { readXlsx } from "../../src/io/read-xlsx";
import type { BranchData } from "../fixtures/branch";
import { makeRosterRows, toSheets } from "../fixtures/branch";
import { makeSamples, SAMPLE_AS_OF } from "../fixtures/samples";
import { fakeApplication, FakeEtWorkbook, installFakeEt } from "./fake-et";
import { fakeTables, STUDENT_SAMPLE } from "./host";
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
  const sample = makeSamples().find((s) => s.file === STUDENT_SAMPLE)!;
  const tables = readXlsx(sample.bytes, sample.file).sheets;
  const wb = FakeEtWorkbook.fromTables(tables);
  const app = fakeApplication(wb);
  const sheets = app.ActiveWorkbook!.Worksheets;
  for (const [i, table] of tables.entries()) {
    const sheet = sheets.Item(i + 1);
    expect(rectangular(readTable(sheet, usedArea(sheet)))).toEqual(rectangular(table));
  }
  expect(tables.some((t) => t.merges.length > 0 && t.cells.flat().some((c) => c !== null && "format" in c))).toBe(true);
});

/** A roster of `members` rows (the same 100 members over and over), the first five ID numbers mistyped. */
function roster(members: number): FakeEtWorkbook {
  const rows = makeRosterRows({ branch: "学生第一党支部", members: 100, seed: 7, asOf: SAMPLE_AS_OF, studentShare: 0.8 });
  const many = Array.from({ length: members }, (_, i) => {
    const r = { ...rows[i % rows.length] };
    if (i < 5) r["身份证号"] = String(r["身份证号"]).slice(0, 17) + (String(r["身份证号"]).endsWith("1") ? "2" : "1");
    return r;
  });
  const data = Object.fromEntries(LEDGERS.map((l) => [l.key, []])) as unknown as BranchData;
  data.roster = many;
  const wb = FakeEtWorkbook.fromTables(fakeTables(toSheets("学生第一党支部", data, { ledgers: ["roster"] })));
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
