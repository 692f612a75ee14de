/**
 * Round trips do not grow with the ledger: a 100-row, a 10,000-row and a
 * 50,000-row roster (every tenth ID number mistyped) take the same number of
 * context.sync() calls to validate and to clear.
 */
import { clearMarksInExcel } from "../../src/addin/excel/clear";
import { ALL_CAPABILITIES } from "../../src/addin/excel/capabilities";
import { makeRosterRows } from "../fixtures/branch";
import { toSheets } from "../fixtures/branch";
import { SAMPLE_AS_OF } from "../fixtures/samples";
import { FakeWorkbook, installFakeExcel } from "./fake-excel";
import { fakeTables, run } from "./host";
import { LEDGERS } from "../../src/core/ledgers";
import type { BranchData } from "../fixtures/branch";

function roster(members: number): FakeWorkbook {
  const rows = makeRosterRows({ branch: "学生第一党支部", members: 100, seed: 7, asOf: SAMPLE_AS_OF, studentShare: 0.8 });
  const many = Array.from({ length: members }, (_, i) => {
    const r = { ...rows[i % rows.length] };
    if (i % 10 === 3) r["身份证号"] = String(r["身份证号"]).slice(0, 17) + (String(r["身份证号"]).endsWith("1") ? "2" : "1");
    return r;
  });
  const data = Object.fromEntries(LEDGERS.map((l) => [l.key, []])) as unknown as BranchData;
  data.roster = many;
  const wb = FakeWorkbook.fromTables(fakeTables(toSheets("学生第一党支部", data, { ledgers: ["roster"] })));
  installFakeExcel(wb);
  return wb;
}

async function syncsFor(members: number): Promise<{ validate: number; clear: number; marked: number }> {
  const wb = roster(members);
  const result = await run();
  const validate = wb.syncs;
  await clearMarksInExcel(ALL_CAPABILITIES);
  return { validate, clear: wb.syncs - validate, marked: result.marked };
}

it("takes the same number of syncs at 100, 10,000 and 50,000 rows", async () => {
  const small = await syncsFor(100);
  const medium = await syncsFor(10_000);
  const large = await syncsFor(50_000);
  expect(small.marked).toBeGreaterThanOrEqual(10);
  expect(large.marked).toBeGreaterThan(medium.marked);
  expect(medium.marked).toBeGreaterThan(small.marked);
  expect([medium.validate, large.validate]).toEqual([small.validate, small.validate]);
  expect([medium.clear, large.clear]).toEqual([small.clear, small.clear]);
}, 60_000);
