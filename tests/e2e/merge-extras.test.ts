/**
 * The committee's monthly run in the pane (issue 16): the branches' workbooks, last month's
 * summary chosen beside them and the assessment ticked – the download holds 变化, 考核 and 评分表.
 */
import { readFileSync } from "node:fs";
import * as XLSX from "@e965/xlsx";
import { BUILTIN_PROFILES } from "../../src/core";
import { checkInput, mergeChecked } from "../../src/core/merge";
import { readWorkbookBytes } from "../../src/io/read-file";
import { summaryBuffer } from "../../src/io/summary-file";
import { makeSamples, SAMPLE_AS_OF } from "../fixtures/samples";
import { paneSession, routeOffice } from "./browser";

const FILES = ["教工第一党支部", "学生第一党支部"].map((b) => makeSamples().find((s) => s.file.startsWith(b))!);
const pane = paneSession();

it("standalone: 汇总 with the last summary and the assessment downloads 变化, 考核 and 评分表", async () => {
  // Last month only the first branch was merged.
  const options = { profile: BUILTIN_PROFILES["100-50"], asOf: SAMPLE_AS_OF, version: "test" };
  const last = mergeChecked([checkInput({ file: FILES[0].file, workbook: readWorkbookBytes(FILES[0].bytes, FILES[0].file) }, options)], options);
  const page = await pane.browser.newPage({ acceptDownloads: true });
  await routeOffice(page);
  await page.goto(`${pane.url}taskpane.html`);
  await page.waitForSelector("body[data-mode=standalone]");
  await page.setInputFiles("#merge-previous", { name: "上月汇总.xlsx", mimeType: "application/octet-stream", buffer: await summaryBuffer(last.summary) });
  await page.check("#merge-assess");
  await page.fill("#as-of", SAMPLE_AS_OF);
  await page.setInputFiles("#merge-files", FILES.map((f) => ({ name: f.file, mimeType: "application/octet-stream", buffer: f.bytes })));
  const [download] = await Promise.all([page.waitForEvent("download"), page.click("#merge-run")]);
  const book = XLSX.read(readFileSync(await download.path()), { type: "buffer" });
  expect(book.SheetNames.slice(-3)).toEqual(["变化", "考核", "评分表"]);
  const changes = XLSX.utils.sheet_to_json<Record<string, unknown>>(book.Sheets["变化"], { defval: null });
  expect(changes.filter((r) => r["变化"] === "新提交").map((r) => r["支部"])).toEqual(["学生第一党支部"]);
  expect(XLSX.utils.sheet_to_json<Record<string, unknown>>(book.Sheets["考核"], { defval: null })).toHaveLength(2);
  await page.waitForSelector("#notices:has-text('与上次汇总“上月汇总.xlsx”相比')");
  expect(await page.textContent("#notices")).toContain("据台账给出建议分");
  await page.close();
});
