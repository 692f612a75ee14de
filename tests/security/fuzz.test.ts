/**
 * Submitted files get damaged on the way (a cut download, a flipped bit, a
 * careless edit). Whatever arrives, the committee gets a report or a clear
 * error for that file – never a crash. Seeded: a failure names its mutant, and
 * `npm run fuzz -- SEED COUNT` reproduces it.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { ReadError } from "../../src/io/errors";
import { closeWorkers } from "../../src/io/isolate";
import { loadWorkbook } from "../../src/io/load";
import { fuzz, mutant } from "../fixtures/fuzz";

const SEED = 20261124;

describe("fuzzing the readers and the engine with damaged roster workbooks", () => {
  it("makes the same mutant from the same seed, and a different one from another", () => {
    expect(mutant(SEED, 7)).toEqual(mutant(SEED, 7));
    expect(Buffer.from(mutant(SEED, 7).bytes).equals(Buffer.from(mutant(SEED + 1, 7).bytes))).toBe(false);
  });

  it("ends every one of 500 mutants in a report or a ReadError", () => {
    const summary = fuzz(SEED, 500);
    expect(summary.failures).toEqual([]);
    expect(summary.reports + summary.readErrors).toBe(500);
    // Both outcomes occur: the mutations neither all break the files nor all miss.
    expect(summary.reports).toBeGreaterThan(50);
    expect(summary.readErrors).toBeGreaterThan(50);
  });

  describe("through the worker, as the CLI reads them", () => {
    let dir: string;
    beforeAll(() => (dir = mkdtempSync(path.join(tmpdir(), "taizhang-fuzz-"))));
    afterAll(async () => {
      await closeWorkers();
      rmSync(dir, { recursive: true, force: true });
    });

    it("reads a handful of mutants into a workbook or a ReadError", async () => {
      for (let i = 0; i < 6; i++) {
        const m = mutant(SEED, i);
        const file = path.join(dir, `${i}-${m.file}`);
        writeFileSync(file, m.bytes);
        const outcome = await loadWorkbook(file).catch((e: unknown) => e);
        expect({ label: m.label, ok: outcome instanceof ReadError || Array.isArray((outcome as { sheets?: unknown }).sheets) }).toEqual({ label: m.label, ok: true });
      }
    });
  });
});
