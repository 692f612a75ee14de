/**
 * Files from many hands, chosen in the standalone pane: each is parsed in a
 * Web Worker; a zip bomb and a truncated download are reported in Chinese for
 * their own file while the valid workbook's findings still show – and the same
 * where the browser has no Worker and the page parses the files itself.
 */
import type { Page } from "playwright-core";
import { badCorpus } from "../fixtures/bad/make";
import { makeSamples, SAMPLE_AS_OF } from "../fixtures/samples";
import { paneSession, routeOffice } from "./browser";

const SAMPLE = makeSamples().find((s) => s.file.startsWith("学生第一党支部"))!;
const PLANTED = SAMPLE.planted.filter((p) => p.sheet && p.cell);
const bad = (file: string) => badCorpus().find((f) => f.file === file)!;
const FILES = [bad("zip-bomb.xlsx"), bad("truncated.xlsx"), { file: SAMPLE.file, bytes: SAMPLE.bytes }];

const pane = paneSession();

/** Choose the files for validation; resolves with the number of Web Workers the page started. */
async function validateChosen(page: Page): Promise<number> {
  let workers = 0;
  page.on("worker", () => (workers += 1));
  await routeOffice(page);
  await page.goto(`${pane.url}taskpane.html`);
  await page.waitForSelector("body[data-mode=standalone]");
  await page.fill("#as-of", SAMPLE_AS_OF);
  await page.setInputFiles(
    "#files",
    FILES.map((f) => ({ name: f.file, mimeType: "application/octet-stream", buffer: Buffer.from(f.bytes) })),
  );
  await page.waitForSelector("#summary:has-text('个文件')");
  return workers;
}

async function expectReported(page: Page): Promise<void> {
  const unreadable = (file: string) => page.textContent(`.file-report[data-file="${file}"] .unreadable`);
  expect(await unreadable("zip-bomb.xlsx")).toMatch(/^zip-bomb\.xlsx：文件过大或结构异常，已跳过/);
  expect(await unreadable("truncated.xlsx")).toMatch(/^truncated\.xlsx：文件已损坏，无法打开/);
  for (const p of PLANTED) {
    const item = page.locator(`.file-report[data-file="${SAMPLE.file}"] .finding[data-sheet="${p.sheet}"][data-cell="${p.cell}"][data-code="${p.code}"]`);
    expect(await item.count()).toBe(1);
  }
  expect(await page.textContent("#summary")).toMatch(/^3 个文件：错误 \d+ 个.*；2 个无法读取$/);
}

it("parses chosen files in a Web Worker: the bad ones are skipped with a reason, the good one is checked", async () => {
  const page = await pane.browser.newPage();
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  expect(await validateChosen(page)).toBeGreaterThanOrEqual(1);
  await expectReported(page);
  expect(errors).toEqual([]);
  await page.close();
});

it("without Web Workers the page parses the files itself, with the same outcome", async () => {
  const page = await pane.browser.newPage();
  await page.addInitScript(() => delete (window as { Worker?: unknown }).Worker);
  expect(await validateChosen(page)).toBe(0);
  await expectReported(page);
  await page.close();
});
