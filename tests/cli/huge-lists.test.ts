/**
 * Lists longer than a function call takes arguments (about 100,000 in V8):
 * a 50,000-row export can give that many findings or payments, and the code
 * that takes their largest or smallest must not throw a RangeError.
 */
import { formatFile } from "../../src/cli/format";
import { makeFinding } from "../../src/core/finding";
import { yearsCovered } from "../../src/core/periods";

const MANY = 300_000;

it("prints a sheet with 300,000 findings, aligned as a short one", () => {
  const issues = Array.from({ length: MANY }, (_, i) => makeFinding(i === 7 ? "roster.duplicate-id" : "roster.join-age", "示例", { row: i + 2, column: "A" }));
  const text = formatFile({ file: "大表.xlsx", status: "clean", sheets: [{ sheet: "花名册", ledger: "roster", headerRow: 1, rows: MANY, issues }] });
  const lines = text.split("\n");
  expect(lines).toHaveLength(MANY + 2);
  expect(lines[2]).toBe(`    A2       错误  roster.join-age      示例`);
  expect(lines[MANY + 1]).toBe(`    A${MANY + 1}  错误  roster.join-age      示例`);
});

it("finds the years a ledger covers among 300,000 dates", () => {
  const dates = Array.from({ length: MANY }, (_, i) => (i === 5 ? "2019-03-01" : i === MANY - 9 ? "2026-11-30" : "2024-06-15"));
  expect(yearsCovered(dates, "2026-12-01")).toEqual([2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026]);
});
