/** Test helpers: sample workbooks opened in the fake WPS 表格 (tests/addin/fake-et.ts). */
import { BUILTIN_PROFILES } from "../../src/core/profile";
import type { RunSettings } from "../../src/addin/shared/run-plan";
import { validateInWps } from "../../src/addin/wps/validate";
import { SAMPLE_AS_OF } from "../fixtures/samples";
import { FakeEtWorkbook, installFakeEt } from "./fake-et";
import { sampleSheets, STUDENT_SAMPLE } from "./host";

/** A sample branch workbook (tests/fixtures/samples.ts) opened in the fake WPS. */
export function openSampleInWps(file = STUDENT_SAMPLE): FakeEtWorkbook {
  const wb = FakeEtWorkbook.fromTables(sampleSheets(file));
  wb.name = file;
  installFakeEt(wb);
  return wb;
}

export function runInFakeWps(options: Partial<RunSettings> = {}) {
  return validateInWps({ scope: "all", profile: BUILTIN_PROFILES["100-50"], asOf: SAMPLE_AS_OF, ...options });
}

/** "#FFC7CE" as WPS stores it: a BGR number. */
export const bgr = (hex: string): number => {
  const n = parseInt(hex.slice(1), 16);
  return ((n >> 16) & 0xff) + (n & 0xff00) + ((n & 0xff) << 16);
};

/** Everything a run may touch, for before/after comparisons. */
export const etSnapshot = (wb: FakeEtWorkbook): string =>
  JSON.stringify(wb.sheets.map((s) => [s.name, s.visible, wb.contents(s.name), [...s.cells].map(([k, c]) => [k, c.interior, c.numberFormat]), [...s.comments]]));
