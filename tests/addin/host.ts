/** Test helpers: sample workbooks loaded into the fake Excel host. */
import { readXlsx } from "../../src/io/read-xlsx";
import { BUILTIN_PROFILES } from "../../src/core/profile";
import { ALL_CAPABILITIES, type Capabilities } from "../../src/addin/excel/capabilities";
import { validateInExcel, type RunOptions } from "../../src/addin/excel/validate";
import { LEDGERS } from "../../src/core/ledgers";
import type { FixtureSheet } from "../fixtures/builder";
import { makeRosterRows, toSheets, type BranchData } from "../fixtures/branch";
import { makeSamples, SAMPLE_AS_OF } from "../fixtures/samples";
import { FakeWorkbook, installFakeExcel } from "./fake-excel";
import type { FakeTableInput } from "./fake-grid";

export const STUDENT_SAMPLE = "学生第一党支部台账（终版2）.xlsx";

/** The sheets of a sample branch workbook (tests/fixtures/samples.ts), as the file reader reads them. */
export const sampleSheets = (file = STUDENT_SAMPLE) => readXlsx(makeSamples().find((s) => s.file === file)!.bytes, file).sheets;

/** A sample branch workbook opened in the fake Excel. */
export function openSample(file = STUDENT_SAMPLE): FakeWorkbook {
  const wb = FakeWorkbook.fromTables(sampleSheets(file));
  wb.name = file;
  installFakeExcel(wb);
  return wb;
}

/** A roster of `members` rows (the same 100 members over and over) as fake-host sheets, the ID number mistyped where `mistyped(i)`. */
export function rosterTables(members: number, mistyped: (i: number) => boolean): FakeTableInput[] {
  const rows = makeRosterRows({ branch: "学生第一党支部", members: 100, seed: 7, asOf: SAMPLE_AS_OF, studentShare: 0.8 });
  const many = Array.from({ length: members }, (_, i) => {
    const r = { ...rows[i % rows.length] };
    if (mistyped(i)) r["身份证号"] = String(r["身份证号"]).slice(0, 17) + (String(r["身份证号"]).endsWith("1") ? "2" : "1");
    return r;
  });
  const data = Object.fromEntries(LEDGERS.map((l) => [l.key, []])) as unknown as BranchData;
  data.roster = many;
  return fakeTables(toSheets("学生第一党支部", data, { ledgers: ["roster"] }));
}

export function plantedCells(file = STUDENT_SAMPLE) {
  return makeSamples().find((s) => s.file === file)!.planted.filter((p) => p.sheet && p.cell);
}

/** Fixture sheets (rows of values, date cells as {t, v, z}) as fake-host input. */
export function fakeTables(sheets: FixtureSheet[]): FakeTableInput[] {
  return sheets.map((s) => ({
    name: s.name,
    cells: s.rows.map((row) =>
      row.map((v) => (v === null || v === undefined ? null : typeof v === "object" ? { value: v.v, format: v.z } : { value: v })),
    ),
  }));
}

export function run(options: Partial<RunOptions> = {}, caps: Capabilities = ALL_CAPABILITIES) {
  return validateInExcel({ scope: "all", profile: BUILTIN_PROFILES["100-50"], asOf: SAMPLE_AS_OF, caps, ...options });
}
