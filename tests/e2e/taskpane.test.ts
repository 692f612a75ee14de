/**
 * A committee member opens the pane in a plain browser (standalone mode),
 * chooses the student branch's workbook and sees the planted mistakes listed
 * by sheet and cell – ID numbers masked until asked for, each finding's 依据 a
 * click away – and, for a tidy workbook, the notice 没有发现问题. Then the same
 * pane inside a (fake) Excel: 校验全部 marks the cells and lists the findings,
 * click-to-cell included.
 */
import * as path from "node:path";
import * as XLSX from "@e965/xlsx";
import type { Page } from "playwright-core";
import { readXlsx } from "../../src/io/read-xlsx";
import { makeSamples, SAMPLE_AS_OF } from "../fixtures/samples";
import { fakeOfficeJs, paneSession, ROOT, routeOffice } from "./browser";

const SAMPLE = makeSamples().find((s) => s.file.startsWith("学生第一党支部"))!;
const PLANTED = SAMPLE.planted.filter((p) => p.sheet && p.cell);
/** 教工第一党支部: a tidy ledger with nothing to fix. */
const CLEAN = makeSamples().find((s) => s.file.startsWith("教工第一党支部"))!.bytes;

const pane = paneSession();

/** The pane in a plain browser this wide, started in standalone mode. */
async function openStandalone(width: number): Promise<Page> {
  const page = await pane.browser.newPage({ viewport: { width, height: 900 }, locale: "zh-CN" });
  await routeOffice(page);
  await page.goto(`${pane.url}taskpane.html`);
  await page.waitForSelector("body[data-mode=standalone]");
  return page;
}

it("standalone: validates a branch workbook chosen from disk and lists its findings", async () => {
  const page = await openStandalone(420);
  await page.fill("#as-of", SAMPLE_AS_OF);
  await page.setInputFiles("#files", { name: SAMPLE.file, mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", buffer: SAMPLE.bytes });
  await page.waitForSelector(".file-report .finding");
  expect(await page.textContent(".file-report h3")).toBe(SAMPLE.file);
  for (const p of PLANTED) {
    const item = page.locator(`.finding[data-sheet="${p.sheet}"][data-cell="${p.cell}"][data-code="${p.code}"]`);
    expect(await item.count()).toBe(1);
  }
  expect(await page.textContent("#summary")).toMatch(/错误 \d+ 个/);
  await page.close();
});

it("standalone at 350 px: names files in Chinese, masks ID numbers until asked, shows 依据 on a click – the README's screenshot", async () => {
  const page = await openStandalone(350);
  expect(await page.textContent(".chosen[data-for=files]")).toBe("未选择文件");
  const profiles = await page.locator("#profile option").allTextContents();
  expect(profiles).toContain("全国基线（未规定经费标准）");
  expect(profiles).toContain("重庆工业职业技术学院（经费标准：教职工 100 元、学生 50 元）");
  expect(profiles.join()).not.toMatch(/¥|100-50/);
  await page.selectOption("#profile", "cqipc");
  expect(await page.textContent("#profile-source")).toMatch(/^经费标准：教职工 100 元、学生 50 元。依据：重庆工业职业技术学院《关于加强和改进党的基层组织建设的实施意见》/);
  await page.fill("#as-of", SAMPLE_AS_OF);
  await page.setInputFiles("#files", { name: SAMPLE.file, mimeType: "application/octet-stream", buffer: SAMPLE.bytes });
  expect(await page.textContent(".chosen[data-for=files]")).toBe(SAMPLE.file);
  await page.waitForSelector(".file-report .finding");

  // Masked on screen by default, whole behind: the finding still names its cell.
  const stored = PLANTED.find((p) => p.code === "id.precision-lost")!;
  const item = page.locator(`.finding[data-sheet="${stored.sheet}"][data-cell="${stored.cell}"][data-code="${stored.code}"]`);
  const id = String(XLSX.read(SAMPLE.bytes).Sheets[stored.sheet!][stored.cell!].v);
  expect(await page.isVisible("#show-ids")).toBe(true);
  expect(await item.locator(".message").textContent()).toContain(`${id.slice(0, 6)}********${id.slice(-4)}`);
  expect(await page.textContent("#results")).not.toContain(id);
  await page.check("#show-ids");
  expect(await item.locator(".message").textContent()).toContain(id);
  await page.uncheck("#show-ids");
  expect(await page.textContent("#results")).not.toContain(id);

  // The code and its source one click away, not in the list.
  expect(await item.locator(".basis").isVisible()).toBe(false);
  expect(await page.locator(".finding .code:visible").count()).toBe(0);
  await item.locator(".basis-toggle").click();
  expect(await item.locator(".basis .code").textContent()).toBe("id.precision-lost（身份证号被存成了数字）");
  expect(await item.locator(".basis-toggle").getAttribute("aria-expanded")).toBe("true");
  await item.scrollIntoViewIfNeeded();
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: path.join(ROOT, "docs", "screenshot-taskpane.png"), fullPage: false });
  await page.close();
});

it("standalone: a workbook without mistakes gets the notice 没有发现问题", async () => {
  const page = await openStandalone(350);
  await page.fill("#as-of", SAMPLE_AS_OF);
  await page.setInputFiles("#files", [CLEAN, CLEAN].map((bytes, i) => ({ name: `支部${i + 1}.xlsx`, mimeType: "application/octet-stream", buffer: bytes })));
  expect(await page.textContent(".chosen[data-for=files]")).toBe("已选 2 个文件：支部1.xlsx、支部2.xlsx");
  await page.waitForSelector("#notices li.success");
  expect(await page.textContent("#notices li.success")).toMatch(/^没有发现问题/);
  expect(await page.textContent("#summary")).toBe("2 个文件：没有发现问题");
  expect(await page.isVisible("#show-ids")).toBe(false);
  await page.close();
});

it("in Excel (fake office.js): 校验全部 marks the planted cells and a click selects the cell", async () => {
  const page = await pane.browser.newPage({ viewport: { width: 420, height: 900 } });
  await routeOffice(page, fakeOfficeJs(readXlsx(SAMPLE.bytes, SAMPLE.file).sheets, SAMPLE.file));
  await page.goto(`${pane.url}taskpane.html`);
  await page.waitForSelector("body[data-mode=excel]");
  await page.fill("#as-of", SAMPLE_AS_OF);
  await page.click("#validate-all");
  await page.waitForSelector(".file-report .finding button.finding-target");
  const [first] = PLANTED;
  const fills = await page.evaluate((cells) => {
    const wb = (window as unknown as { __workbook: { cell: (s: string, c: string) => { fill: { color: string } } | undefined } }).__workbook;
    return cells.map((p) => wb.cell(p.sheet!, p.cell!)?.fill.color);
  }, PLANTED);
  expect(fills.every((c) => c === "#FFC7CE" || c === "#FFEB9C")).toBe(true); // error red, warning yellow
  expect(await page.textContent("#summary")).toMatch(/^全部工作表：错误 \d+ 个.*已在 \d+ 个单元格上标记/);
  await page.click(`.finding[data-sheet="${first.sheet}"][data-cell="${first.cell}"] .finding-target`);
  await page.waitForFunction((sheet) => (window as unknown as { __workbook: { active: string } }).__workbook.active === sheet, first.sheet);
  await page.selectOption("#profile", "200-100");
  await page.click("#clear-marks");
  await page.waitForSelector("#summary:has-text('已清除')");
  const cleared = await page.evaluate((p) => (window as unknown as { __workbook: { cell: (s: string, c: string) => { fill: { pattern: string } } } }).__workbook.cell(p.sheet!, p.cell!).fill.pattern, first);
  expect(cleared).toBe("None");
  await page.close();
});
