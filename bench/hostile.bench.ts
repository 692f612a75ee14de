/**
 * Every file of the bad-input corpus through loadWorkbook (pre-flight + worker
 * with its caps): the slowest file and the process's peak memory, against the
 * caps (20 s, 512 MB heap). Prints {"bench":"hostile","maxMs":…,"maxRssMb":…}.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { closeWorkers, DEFAULT_MAX_HEAP_MB, DEFAULT_TIMEOUT_MS } from "../src/io/isolate";
import { loadWorkbook } from "../src/io/load";
import { writeBadCorpus } from "../tests/fixtures/bad/make";

export async function run(): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), "taizhang-hostile-"));
  try {
    const files = writeBadCorpus(dir);
    // Start the worker once, so the slowest file is measured, not the worker's start.
    await loadWorkbook(files[files.length - 1]).catch(() => undefined);
    let maxMs = 0;
    let slowest = "";
    for (const file of files) {
      const started = performance.now();
      await loadWorkbook(file).catch(() => undefined);
      const ms = performance.now() - started;
      if (ms > maxMs) [maxMs, slowest] = [ms, path.basename(file)];
    }
    const maxRssMb = process.resourceUsage().maxRSS / 1024;
    const line = {
      bench: "hostile",
      files: files.length,
      maxMs: Math.round(maxMs),
      slowest,
      maxRssMb: Math.round(maxRssMb),
      timeoutMs: DEFAULT_TIMEOUT_MS,
      heapCapMb: DEFAULT_MAX_HEAP_MB,
    };
    console.log(JSON.stringify(line));
  } finally {
    await closeWorkers();
    rmSync(dir, { recursive: true, force: true });
  }
}
