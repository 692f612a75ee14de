/**
 * A college committee member without the add-in opens the pane in a plain
 * browser, chooses three branches' workbooks (.xlsx and .xls) for 汇总 and gets 学院汇总.xlsx
 * as a download, its 汇总 sheet listing those branches. Inside (a fake) Excel
 * the same files become new sheets of the open workbook.
 */
import { readFileSync } from "node:fs";
import * as XLSX from "@e965/xlsx";
import { makeSamples, SAMPLE_AS_OF } from "../fixtures/samples";
import { fakeOfficeJs, paneSession, routeOffice } from "./browser";

const BRANCHES = ["教工第一党支部", "学生第一党支部", "离退休党支部"];
// Two .xlsx files and the retirees' old .xls.
const FILES = BRANCHES.map((b) => makeSamples().find((s) => s.file.startsWith(b))!);

const pane = paneSession();

it("standalone: 汇总 of three branch workbooks downloads 学院汇总.xlsx listing them", async () => {
  const page = await pane.browser.newPage({ acceptDownloads: true });
  await routeOffice(page);
  await page.goto(`${pane.url}taskpane.html`);
  await page.waitForSelector("body[data-mode=standalone]");
  await page.fill("#as-of", SAMPLE_AS_OF);
  await page.setInputFiles("#merge-files", FILES.map((f) => ({ name: f.file, mimeType: "application/octet-stream", buffer: f.bytes })));
  const [download] = await Promise.all([page.waitForEvent("download"), page.click("#merge-run")]);
  expect(download.suggestedFilename()).toBe("学院汇总.xlsx");
  const book = XLSX.read(readFileSync(await download.path()), { type: "buffer" });
  expect(book.SheetNames).toEqual(expect.arrayContaining(["汇总", "党员花名册", "问题清单", "未提交"]));
  const rows = XLSX.utils.sheet_to_json<Record<string, unknown>>(book.Sheets["汇总"], { defval: null });
  expect(rows.filter((r) => r["状态"] === "可通过" || r["状态"] === "需退回").map((r) => r["支部"])).toEqual(expect.arrayContaining(BRANCHES));
  expect(rows.at(-1)?.["支部"]).toBe("合计（已汇总 3 个支部）");
  await page.waitForSelector("#summary:has-text('汇总已下载')");
  expect(await page.textContent("#summary")).toBe("汇总了 3/3 个支部的台账。汇总已下载为“学院汇总.xlsx”");
  // The overview: a status and a bar chart per branch, as on the 汇总 sheet.
  expect(await page.locator("#merge-overview .branch-bars li").count()).toBe(3);
  expect(await page.locator("#merge-overview .branch-bars svg rect").count()).toBeGreaterThanOrEqual(3);
  await page.close();
});

it("in Excel (fake office.js): 汇总 inserts the summary as new sheets of the open workbook", async () => {
  const page = await pane.browser.newPage();
  await routeOffice(page, fakeOfficeJs([{ name: "我的记录", origin: { row: 0, col: 0 }, cells: [[{ value: "上期已归档" }]], merges: [] }], "学院台账.xlsx"));
  await page.goto(`${pane.url}taskpane.html`);
  await page.waitForSelector("body[data-mode=excel]");
  await page.fill("#as-of", SAMPLE_AS_OF);
  await page.setInputFiles("#merge-files", FILES.map((f) => ({ name: f.file, mimeType: "application/octet-stream", buffer: f.bytes })));
  await page.click("#merge-run");
  await page.waitForSelector("#summary:has-text('汇总已插入')");
  const sheets = await page.evaluate(() => {
    const wb = (window as unknown as { __workbook: { sheets: { name: string }[]; cell: (s: string, a: string) => { value: unknown } | undefined } }).__workbook;
    return { names: wb.sheets.map((s) => s.name), branches: ["A2", "A3", "A4"].map((a) => wb.cell("汇总", a)?.value) };
  });
  expect(sheets.names).toEqual(expect.arrayContaining(["我的记录", "汇总", "党员花名册", "问题清单", "未提交"]));
  expect(sheets.branches).toEqual(expect.arrayContaining(BRANCHES));
  await page.close();
});
