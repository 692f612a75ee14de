/**
 * validate50k: a generated 50,000-row roster .xlsx – the raw @e965/xlsx parse
 * (baseline) against parse + table + validate, measured in the same run
 * (measure.ts: elapsed time, and CPU time beside it). Target ratio ≤ 1.3 (issue 3).
 */
// The code measured is the compiled code the CLI runs (npm run bench builds it first).
import { BUILTIN_PROFILES, validateWorkbook } from "../dist/core";
import { parseSpreadsheet, readXlsx } from "../dist/io/read-xlsx";
import { buildWorkbook } from "../tests/fixtures/builder";
import { makeRosterRows, toSheets, type BranchData } from "../tests/fixtures/branch";
import { against, comparison } from "./measure";

const ROWS = 50_000;
const AS_OF = "2026-11-27";

export async function run(): Promise<void> {
  const roster = makeRosterRows({ branch: "基准测试党支部", members: ROWS, seed: 50, asOf: AS_OF });
  const [sheet] = toSheets("基准测试党支部", { roster } as BranchData, { ledgers: ["roster"] });
  const bytes = buildWorkbook([sheet]);
  const options = { profile: BUILTIN_PROFILES["100-50"], asOf: AS_OF };
  let rows = 0;
  const times = await against(
    6,
    () => parseSpreadsheet(bytes, "bench.xlsx"),
    () => {
      rows = validateWorkbook(readXlsx(bytes, "bench.xlsx"), options).sheets[0].rows;
    },
  );
  console.log(JSON.stringify({ bench: "validate50k", rows, ...comparison(times) }));
}
