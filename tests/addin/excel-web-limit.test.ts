/**
 * Excel on the web refuses a request over 5 MB. A 50,000-row roster with
 * 20,000 mistyped ID numbers validates, marks and clears with every batch the
 * fake host measures under the add-in's 4 MB budget; the syncs grow with the
 * work instead.
 */
import { BYTE_BUDGET, FILL_READ_BYTES, OPERATION_BYTES, PAYLOAD_LIMIT } from "../../src/addin/excel/batch";
import { clearMarksInExcel } from "../../src/addin/excel/clear";
import { ALL_CAPABILITIES } from "../../src/addin/excel/capabilities";
import { MAX_MARKS } from "../../src/addin/shared/marks";
import * as fake from "./fake-excel";
import { FakeWorkbook, installFakeExcel } from "./fake-excel";
import { rosterTables, run } from "./host";

const filled = (wb: FakeWorkbook) => wb.sheets.reduce((n, s) => n + [...s.cells.values()].filter((c) => c.fill.pattern !== "None").length, 0);

it("measures with the add-in's costs and refuses a batch over 5 MB, as Excel on the web does", async () => {
  expect([fake.PAYLOAD_LIMIT, fake.OPERATION_BYTES, fake.FILL_READ_BYTES]).toEqual([PAYLOAD_LIMIT, OPERATION_BYTES, FILL_READ_BYTES]);
  const wb = FakeWorkbook.fromTables(rosterTables(10, () => false));
  installFakeExcel(wb);
  const cells = Math.ceil(PAYLOAD_LIMIT / FILL_READ_BYTES) + 1;
  const refused = Excel.run(async (context) => {
    const sheet = context.workbook.worksheets.getItem(wb.sheets[0].name);
    for (let r = 1; r <= cells; r++) sheet.getRange(`A${r}`).format.fill.load("color");
    await context.sync();
  });
  await expect(refused).rejects.toMatchObject({ code: "ResponsePayloadSizeLimitExceeded" });
});

it("validates, marks and clears 50,000 rows with 20,000 marked cells, every batch under the budget", async () => {
  const wb = FakeWorkbook.fromTables(rosterTables(50_000, (i) => i % 5 < 2));
  installFakeExcel(wb);
  expect(filled(wb)).toBe(0);
  const result = await run();
  const validateSyncs = wb.syncs;
  expect(result.marked).toBe(MAX_MARKS);
  expect(result.notices.join()).toContain(`只标记了前 ${MAX_MARKS} 个`);
  const roster = wb.sheets[0];
  expect(roster.notes.size).toBe(MAX_MARKS);
  expect(filled(wb)).toBe(MAX_MARKS);
  expect(wb.maxBatchBytes).toBeLessThanOrEqual(BYTE_BUDGET);
  expect(wb.maxBatchBytes).toBeGreaterThan(BYTE_BUDGET / 2); // the batches are full, not one sync per cell
  expect(validateSyncs).toBeGreaterThan(10);
  expect(validateSyncs).toBeLessThan(60);

  wb.maxBatchBytes = 0;
  const cleared = await clearMarksInExcel(ALL_CAPABILITIES);
  expect(cleared.restored).toBe(MAX_MARKS);
  expect(wb.maxBatchBytes).toBeLessThanOrEqual(BYTE_BUDGET);
  expect(roster.notes.size).toBe(0);
  expect(filled(wb)).toBe(0);
}, 120_000);
