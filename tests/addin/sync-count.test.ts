/**
 * Round trips do not grow with the ledger: a 100-row, a 10,000-row and a
 * 50,000-row roster (every tenth ID number mistyped) take the same number of
 * context.sync() calls to validate and to clear.
 */
import { clearMarksInExcel } from "../../src/addin/excel/clear";
import { ALL_CAPABILITIES } from "../../src/addin/excel/capabilities";
import { FakeWorkbook, installFakeExcel } from "./fake-excel";
import { rosterTables, run } from "./host";

function roster(members: number): FakeWorkbook {
  const wb = FakeWorkbook.fromTables(rosterTables(members, (i) => i % 10 === 3));
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
