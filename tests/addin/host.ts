/** Test helpers: sample workbooks loaded into the fake Excel host. */
import { readXlsx } from "../../src/io/read-xlsx";
import { BUILTIN_PROFILES } from "../../src/core/profile";
import { ALL_CAPABILITIES, type Capabilities } from "../../src/addin/excel/capabilities";
import { validateInExcel, type RunOptions } from "../../src/addin/excel/validate";
import type { FixtureSheet } from "../fixtures/builder";
import { makeSamples, SAMPLE_AS_OF } from "../fixtures/samples";
import { FakeWorkbook, installFakeExcel, type FakeTableInput } from "./fake-excel";

export const STUDENT_SAMPLE = "学生第一党支部台账（终版2）.xlsx";

/** A sample branch workbook (tests/fixtures/samples.ts) opened in the fake Excel. */
export function openSample(file = STUDENT_SAMPLE): FakeWorkbook {
  const sample = makeSamples().find((s) => s.file === file)!;
  const wb = FakeWorkbook.fromTables(readXlsx(sample.bytes, file).sheets);
  wb.name = file;
  installFakeExcel(wb);
  return wb;
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
