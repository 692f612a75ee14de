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
import { performance } from "node:perf_hooks";
import { BUILTIN_PROFILES } from "../src/core";
import { mergeChecked } from "../src/core/merge";
import { checkFiles } from "../src/cli/commands/merge";
import { parseSpreadsheet } from "../src/io/read-xlsx";
import { closeWorkers } from "../src/io/isolate";
import { writeSummary } from "../src/io/summary-file";
import { makeBranch, toSheets } from "../tests/fixtures/branch";
import { buildWorkbook } from "../tests/fixtures/builder";
import { ratio } from "./measure";

const AS_OF = "2026-11-27";
const profile = BUILTIN_PROFILES["100-50"];

interface Timing {
  /** CPU ms (user + system) of the whole process, worker threads included – steady on a busy machine. */
  cpu: number;
  wall: number;
}

/** The median of a few runs (by CPU time) of an async step; cf. medianMs in measure.ts. */
async function median(runs: number, fn: () => Promise<unknown> | unknown): Promise<Timing> {
  const times: Timing[] = [];
  for (let i = 0; i < runs; i++) {
    const cpu = process.cpuUsage();
    const wall = performance.now();
    await fn();
    const used = process.cpuUsage(cpu);
    times.push({ cpu: Math.round((used.user + used.system) / 1000), wall: Math.round(performance.now() - wall) });
  }
  return times.sort((a, b) => a.cpu - b.cpu)[Math.floor(times.length / 2)];
}

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

    const parse = await median(3, () => parseAll(files));
    let outcome: Awaited<ReturnType<typeof mergeAll>> | undefined;
    const total = await median(3, async () => {
      outcome = await mergeAll(files);
    });
    const write = await median(1, () => writeSummary(outcome!.summary, path.join(dir, "学院汇总.xlsx")));
    console.log(
      JSON.stringify({
        bench: "merge100",
        files: files.length,
        rows: outcome!.report.merge.reconciliation.inputRows,
        parseMs: parse.cpu,
        totalMs: total.cpu,
        ratio: ratio(total.cpu, parse.cpu),
        wall: { parseMs: parse.wall, totalMs: total.wall, ratio: ratio(total.wall, parse.wall) },
        writeMs: write.cpu,
      }),
    );

    const scaling: Record<string, number> = {};
    for (const n of [25, 50, 100]) scaling[`files${n}Ms`] = (await median(1, () => mergeAll(files.slice(0, n)))).cpu;
    console.log(JSON.stringify({ bench: "merge100-scaling", ...scaling, msPerFile: Math.round(scaling.files100Ms / 10) / 10 }));
  } finally {
    await closeWorkers();
    rmSync(dir, { recursive: true, force: true });
  }
}
