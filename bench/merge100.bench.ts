/**
 * merge100: 100 generated branch workbooks (≈50 members, all seven ledgers)
 * merged as `taizhang merge` does – read in worker threads, validated, branch
 * named, consolidated into the summary model – against the raw @e965/xlsx
 * parse of the same files in the same run (issue 6, target ratio ≤ 1.3).
 * Times are CPU ms of the process (worker threads included), as in measure.ts;
 * wall-clock times are given too (reads run two at a time, so wall < CPU).
 * totalMs is without writing the summary workbook; writeMs is that write alone.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { BUILTIN_PROFILES } from "../dist/core";
import { mergeChecked } from "../dist/core/merge";
import { checkFiles } from "../dist/cli/commands/merge";
import { parseSpreadsheet } from "../dist/io/read-xlsx";
import { closeWorkers } from "../dist/io/isolate";
import { writeSummary } from "../dist/io/summary-file";
// The code measured is the compiled code the CLI runs (npm run bench builds it first).
import { makeBranch, toSheets } from "../tests/fixtures/branch";
import { buildWorkbook } from "../tests/fixtures/builder";
import { fastest, ratio } from "./measure";

const AS_OF = "2026-11-27";
const profile = BUILTIN_PROFILES["100-50"];

function parseAll(files: string[]): void {
  for (const f of files) parseSpreadsheet(readFileSync(f), path.basename(f));
}

async function mergeAll(files: string[]) {
  const checked = await checkFiles(files, profile, AS_OF, false);
  return mergeChecked(checked, { profile, asOf: AS_OF, version: "bench", output: "学院汇总.xlsx" });
}

export async function run(): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), "taizhang-merge100-"));
  try {
    const files = Array.from({ length: 100 }, (_, i) => {
      const branch = `第${i + 1}党支部`;
      const data = makeBranch({ branch, members: 45 + (i % 11), seed: 1000 + i, asOf: AS_OF });
      const file = path.join(dir, `${branch}.xlsx`);
      writeFileSync(file, buildWorkbook(toSheets(branch, data)));
      return file;
    });
    await mergeAll(files.slice(0, 4)); // warm up the workers and the JIT
    parseAll(files.slice(0, 4));

    const parse = await fastest(3, () => parseAll(files));
    let outcome: Awaited<ReturnType<typeof mergeAll>> | undefined;
    const total = await fastest(3, async () => {
      outcome = await mergeAll(files);
    });
    const write = await fastest(1, () => writeSummary(outcome!.summary, path.join(dir, "学院汇总.xlsx")));
    console.log(
      JSON.stringify({
        bench: "merge100",
        files: files.length,
        rows: outcome!.report.merge.reconciliation.inputRows,
        parseMs: parse.cpuMs,
        totalMs: total.cpuMs,
        ratio: ratio(total.cpuMs, parse.cpuMs),
        wall: { parseMs: parse.wallMs, totalMs: total.wallMs, ratio: ratio(total.wallMs, parse.wallMs) },
        writeMs: write.cpuMs,
      }),
    );

    const scaling: Record<string, number> = {};
    for (const n of [25, 50, 100]) scaling[`files${n}Ms`] = (await fastest(1, () => mergeAll(files.slice(0, n)))).cpuMs;
    console.log(JSON.stringify({ bench: "merge100-scaling", ...scaling, msPerFile: Math.round(scaling.files100Ms / 10) / 10 }));
  } finally {
    await closeWorkers();
    rmSync(dir, { recursive: true, force: true });
  }
}
