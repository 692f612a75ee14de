/**
 * A file that exceeds the worker's limits costs one worker, not the run: the
 * secretary sees 文件过大或结构异常，已跳过 for it and the next file is read.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { closeWorkers } from "../../src/io/isolate";
import { loadWorkbook } from "../../src/io/load";
import { manyCells, validRoster } from "../fixtures/bad/make";

let dir: string;
const file = (name: string) => path.join(dir, name);

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), "taizhang-isolate-"));
  writeFileSync(file("一支部.xlsx"), validRoster());
  // 160,000 numbers: SheetJS needs more than 32 MB of heap for them (measured).
  writeFileSync(file("many-cells.xlsx"), manyCells(20_000));
});
afterAll(async () => {
  await closeWorkers();
  rmSync(dir, { recursive: true, force: true });
});

describe("the worker's limits", () => {
  it("skips a file that takes longer than the timeout, then reads the next file", async () => {
    const slow = loadWorkbook(file("many-cells.xlsx"), { timeoutMs: 1 });
    await expect(slow).rejects.toMatchObject({ kind: "timeout", message: expect.stringContaining("文件过大或结构异常，已跳过") });
    await expect(loadWorkbook(file("一支部.xlsx"))).resolves.toMatchObject({ name: "一支部.xlsx" });
  }, 15_000);

  it("skips a file that needs more memory than the heap cap, then reads the next file", async () => {
    const greedy = loadWorkbook(file("many-cells.xlsx"), { maxHeapMb: 24 });
    await expect(greedy).rejects.toMatchObject({ kind: "too-big", message: expect.stringContaining("文件过大或结构异常，已跳过") });
    await expect(loadWorkbook(file("一支部.xlsx"))).resolves.toMatchObject({ name: "一支部.xlsx" });
  }, 30_000);

  it("says a missing file is missing", async () => {
    await expect(loadWorkbook(file("五支部.xlsx"))).rejects.toMatchObject({ kind: "not-found", message: "五支部.xlsx：找不到文件" });
  });
});
