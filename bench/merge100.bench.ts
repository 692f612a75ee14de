/**
 * merge100: 100 generated branch workbooks (≈50 members, all seven ledgers)
 * merged as `taizhang merge` does – read in isolated worker threads (two at a
 * time), validated, branch named, consolidated into the summary model – against
 * the raw @e965/xlsx parse of the same files, one after another, in the same run
 * (issue 6, target ratio ≤ 1.3). `ratio` is elapsed time, what the committee
 * waits for; `cpu` is the same in CPU time of the whole process (measure.ts).
 * totalMs is without writing the summary workbook; writeMs is that write alone.
 * merge100-e2e is the whole of `taizhang merge -o`: parse, validate, merge and
 * write the summary, against the same raw parse (issue 15, target ratio ≤ 1.8).
 * The 25/50/100-file times show growth in the number of files.
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
import { against, comparison, fastest } from "./measure";

const AS_OF = "2026-11-27";
const profile = BUILTIN_PROFILES["100-50"];

function parseAll(files: string[]): void {
  for (const f of files) parseSpreadsheet(readFileSync(f), path.basename(f));
}

async function mergeAll(files: string[]) {
  const checked = await checkFiles(files, { profile, asOf: AS_OF }, false);
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

    let outcome: Awaited<ReturnType<typeof mergeAll>> | undefined;
    const times = await against(
      8,
      () => parseAll(files),
      async () => {
        outcome = await mergeAll(files);
      },
    );
    const write = await fastest(1, () => writeSummary(outcome!.summary, path.join(dir, "学院汇总.xlsx")));
    const rows = outcome!.report.merge.reconciliation.inputRows;
    console.log(JSON.stringify({ bench: "merge100", files: files.length, rows, ...comparison(times), writeMs: write.wallMs }));

    const endToEnd = await against(
      8,
      () => parseAll(files),
      async () => writeSummary((await mergeAll(files)).summary, path.join(dir, "学院汇总.xlsx")),
    );
    console.log(JSON.stringify({ bench: "merge100-e2e", files: files.length, rows, ...comparison(endToEnd) }));

    const scaling: Record<string, number> = {};
    for (const n of [25, 50, 100]) scaling[`files${n}Ms`] = (await fastest(3, () => mergeAll(files.slice(0, n)))).wallMs;
    console.log(JSON.stringify({ bench: "merge100-scaling", ...scaling, msPerFile: Math.round(scaling.files100Ms / 10) / 10 }));
  } finally {
    await closeWorkers();
    rmSync(dir, { recursive: true, force: true });
  }
}
