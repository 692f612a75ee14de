/**
 * The 列对应 step: a secretary's roster words its 党员类型 column “党内身份”, which
 * taizhang does not recognise. The pane proposes a field for it; the secretary
 * picks 党员类型, saves, and the validation runs again without the missing-column
 * error – in Excel the choice is kept in the workbook's settings for next time.
 */
import { makeIdNumber, tableFromRows } from "../../src/core";
import { buildWorkbook } from "../fixtures/builder";
import { fakeOfficeJs, paneSession, routeOffice } from "./browser";

const header = ["姓名", "性别", "身份证号", "人员类别", "党内身份", "入党时间", "转正时间", "籍贯"];
const rows = [
  ["刘洋", "男", makeIdNumber("500103", "1985-04-12", 11, "男"), "教职工", "正式党员", "2010-07-01", "2011-07-01", "重庆"],
  ["王芳", "女", makeIdNumber("500103", "1986-05-12", 12, "女"), "教职工", "正式党员", "2010-07-01", "2011-07-01", "四川"],
  ["陈静", "女", makeIdNumber("500103", "1987-06-12", 14, "女"), "教职工", "正式党员", "2010-07-01", "2011-07-01", "湖南"],
];
const pane = paneSession();

async function chooseAndApply(page: import("playwright-core").Page): Promise<void> {
  await page.waitForSelector("#columns:not([hidden]) select[data-header='党内身份']");
  expect(await page.locator("#columns select").count()).toBe(2);
  expect(await page.inputValue("#columns select[data-header='籍贯']")).toBe("");
  await page.selectOption("#columns select[data-header='党内身份']", "memberType");
  await page.click("#columns-apply");
  // Both headers are decided now (籍贯 as 其他列): nothing is left to propose.
  await page.waitForSelector("#columns", { state: "hidden" });
}

it("standalone: proposes a field for each unrecognised header and validates again with the choice", async () => {
  const page = await pane.browser.newPage({ viewport: { width: 420, height: 900 } });
  await routeOffice(page);
  await page.goto(`${pane.url}taskpane.html`);
  await page.waitForSelector("body[data-mode=standalone]");
  await page.fill("#as-of", "2026-06-30");
  await page.setInputFiles("#files", { name: "五支部.xlsx", mimeType: "application/octet-stream", buffer: buildWorkbook([{ name: "党员花名册", rows: [header, ...rows] }]) });
  await page.waitForSelector(".finding[data-code='header.missing']");
  await chooseAndApply(page);
  await page.waitForSelector(".file-report");
  expect(await page.locator(".finding[data-code='header.missing']").count()).toBe(0);
  await page.close();
});

it("in Excel (fake office.js): the choice is saved in the workbook's settings and used by the next validation", async () => {
  const page = await pane.browser.newPage({ viewport: { width: 420, height: 900 } });
  await routeOffice(page, fakeOfficeJs([tableFromRows("党员花名册", [header, ...rows])], "五支部.xlsx"));
  await page.goto(`${pane.url}taskpane.html`);
  await page.waitForSelector("body[data-mode=excel]");
  await page.fill("#as-of", "2026-06-30");
  await page.click("#validate-all");
  await page.waitForSelector(".finding[data-code='header.missing']");
  await chooseAndApply(page);
  expect(await page.locator(".finding[data-code='header.missing']").count()).toBe(0);
  const saved = await page.evaluate(() => (window as unknown as { Office: typeof Office }).Office.context.document.settings.get("taizhang.columns"));
  expect(saved).toEqual({ 党员花名册: { 党内身份: "memberType", 籍贯: null } });
  await page.close();
});
