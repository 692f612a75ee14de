/**
 * A committee member opens the pane in a plain browser (standalone mode),
 * chooses the student branch's workbook and sees the planted mistakes listed
 * by sheet and cell. Then the same pane inside a (fake) Excel: 校验全部 marks
 * the cells and lists the findings, click-to-cell included.
 */
import * as path from "node:path";
import { readXlsx } from "../../src/io/read-xlsx";
import { makeSamples, SAMPLE_AS_OF } from "../fixtures/samples";
import { fakeOfficeJs, paneSession, ROOT, routeOffice } from "./browser";

const SAMPLE = makeSamples().find((s) => s.file.startsWith("学生第一党支部"))!;
const PLANTED = SAMPLE.planted.filter((p) => p.sheet && p.cell);

const pane = paneSession();

it("standalone: validates a branch workbook chosen from disk and lists its findings", async () => {
  const page = await pane.browser.newPage({ viewport: { width: 420, height: 900 } });
  await routeOffice(page);
  await page.goto(`${pane.url}taskpane.html`);
  await page.waitForSelector("body[data-mode=standalone]");
  await page.fill("#as-of", SAMPLE_AS_OF);
  await page.setInputFiles("#files", { name: SAMPLE.file, mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", buffer: SAMPLE.bytes });
  await page.waitForSelector(".file-report .finding");
  expect(await page.textContent(".file-report h3")).toBe(SAMPLE.file);
  for (const p of PLANTED) {
    const item = page.locator(`.finding[data-sheet="${p.sheet}"][data-cell="${p.cell}"][data-code="${p.code}"]`);
    expect(await item.count()).toBe(1);
  }
  expect(await page.textContent("#summary")).toMatch(/错误 \d+ 个/);
  await page.screenshot({ path: path.join(ROOT, "docs", "screenshot-taskpane.png"), fullPage: false });
  await page.close();
});

it("in Excel (fake office.js): 校验全部 marks the planted cells and a click selects the cell", async () => {
  const page = await pane.browser.newPage({ viewport: { width: 420, height: 900 } });
  await routeOffice(page, fakeOfficeJs(readXlsx(SAMPLE.bytes, SAMPLE.file).sheets, SAMPLE.file));
  await page.goto(`${pane.url}taskpane.html`);
  await page.waitForSelector("body[data-mode=excel]");
  await page.fill("#as-of", SAMPLE_AS_OF);
  await page.click("#validate-all");
  await page.waitForSelector(".file-report button.finding");
  const [first] = PLANTED;
  const fills = await page.evaluate((cells) => {
    const wb = (window as unknown as { __workbook: { cell: (s: string, c: string) => { fill: { color: string } } | undefined } }).__workbook;
    return cells.map((p) => wb.cell(p.sheet!, p.cell!)?.fill.color);
  }, PLANTED);
  expect(fills.every((c) => c === "#FFC7CE" || c === "#FFEB9C")).toBe(true); // error red, warning yellow
  expect(await page.textContent("#summary")).toMatch(/^全部工作表：错误 \d+ 个.*已在 \d+ 个单元格上标记/);
  await page.click(`.finding[data-sheet="${first.sheet}"][data-cell="${first.cell}"]`);
  await page.waitForFunction((sheet) => (window as unknown as { __workbook: { active: string } }).__workbook.active === sheet, first.sheet);
  await page.selectOption("#profile", "200-100");
  await page.click("#clear-marks");
  await page.waitForSelector("#summary:has-text('已清除')");
  const cleared = await page.evaluate((p) => (window as unknown as { __workbook: { cell: (s: string, c: string) => { fill: { pattern: string } } } }).__workbook.cell(p.sheet!, p.cell!).fill.pattern, first);
  expect(cleared).toBe("None");
  await page.close();
});
