/**
 * The built WPS 加载项 (dist/wps) in headless Chromium: the entry page loads
 * with the fake WPS 表格 of the unit tests as window.Application, and every
 * button of the built ribbon.xml is pressed through OnAction – a 配置 chosen,
 * the planted mistakes marked and commented, 校验结果 written, templates
 * inserted, marks cleared to the original fills, the pane opened beside the
 * entry page, each message box naming the 配置 followed; the built pane in
 * WPS validates the open workbook and saves its 列对应 step into it.
 */
import { readFileSync } from "node:fs";
import * as path from "node:path";
import type { Page } from "playwright-core";
import { SETTINGS_SHEET } from "../../src/core/own-sheets";
import { makeIdNumber } from "../../src/core";
import { readXlsx } from "../../src/io/read-xlsx";
import { makeSamples } from "../fixtures/samples";
import { all, parseXml } from "../addin/xml";
import { bundleFakes, paneSession, ROOT } from "./browser";

const DIST = path.join(ROOT, "dist", "wps");
const SAMPLE = makeSamples().find((s) => s.file.startsWith("学生第一党支部"))!;
const PLANTED = SAMPLE.planted.filter((p) => p.sheet && p.cell);
const wps = paneSession(DIST);

type Sheets = { name: string; cells: ({ value: unknown } | null)[][] }[];

/**
 * The fake WPS 表格 (tests/addin/fake-et.ts) installed as window.Application before the page runs,
 * with the sample workbook open (and any more sheets, e.g. the 配置 saved by the ribbon), or another.
 */
function fakeWps(more: Sheets = [], sheets: Sheets = readXlsx(SAMPLE.bytes, SAMPLE.file).sheets, name = SAMPLE.file): string {
  return `
    ${bundleFakes(["fake-grid", "fake-et"], "fake-et", "FakeEt")}
    window.FakeEt = FakeEt;
    (function () {
      var wb = window.FakeEt.FakeEtWorkbook.fromTables(${JSON.stringify([...sheets, ...more])});
      wb.name = ${JSON.stringify(name)};
      window.FakeEt.installFakeEt(wb, window);
      window.__workbook = wb;
      window.__alerts = [];
      window.alert = function (m) { window.__alerts.push(String(m)); };
    })();`;
}

interface PageWorkbook {
  sheets: { name: string; comments: Map<string, string>; cells: Map<number, { value?: unknown }> }[];
  contents(sheet: string): unknown;
  active: string;
  panes: { url: string; Visible: boolean }[];
  cell(sheet: string, cell: string): { interior: { Color: number; Pattern: number } } | undefined;
}
type PageWindow = Window & { __workbook: PageWorkbook; __alerts: string[] } & Record<string, (arg: unknown) => unknown>;

async function openEntry(): Promise<Page> {
  const page = await wps.browser.newPage();
  await page.route(/^https?:\/\/(?!127\.0\.0\.1)/, (route) => route.abort());
  await page.addInitScript(fakeWps());
  await page.goto(`${wps.url}index.html`);
  await page.waitForFunction(() => typeof (window as unknown as PageWindow).OnAction === "function");
  return page;
}

const press = (page: Page, id: string) => page.evaluate((Id) => (window as unknown as PageWindow).OnAction({ Id }), id);

it("presses every button of the built ribbon.xml through OnAction, each doing its work", async () => {
  const ribbon = parseXml(readFileSync(path.join(DIST, "ribbon.xml"), "utf8"));
  const ids = all(ribbon, "button").map((b) => b.attrs.id);
  expect(ids).toEqual(expect.arrayContaining(["validateSheet", "validateAll", "clearMarks", "summarize", "openPane", "insertTemplate_roster"]));
  const page = await openEntry();
  expect(await page.evaluate((name) => (window as unknown as PageWindow)[name]({ Invalidate: () => undefined }), ribbon.attrs.onLoad)).toBe(true);
  expect(await press(page, "profile_cqipc")).toBe(true);

  expect(await press(page, "validateAll")).toBe(true);
  const marked = await page.evaluate((cells) => {
    const wb = (window as unknown as PageWindow).__workbook;
    return cells.map((p) => [wb.cell(p.sheet!, p.cell!)?.interior.Color, wb.sheets.find((s) => s.name === p.sheet)!.comments.get(p.cell!)?.startsWith("【党建台账校验】")]);
  }, PLANTED);
  for (const [color, commented] of marked) {
    expect([0xcec7ff, 0x9cebff]).toContain(color); // #FFC7CE error red, #FFEB9C warning yellow, as BGR
    expect(commented).toBe(true);
  }
  const names = () => page.evaluate(() => (window as unknown as PageWindow).__workbook.sheets.map((s) => s.name));
  expect(await names()).toContain("校验结果");

  await page.evaluate((sheet) => ((window as unknown as PageWindow).__workbook.active = sheet), PLANTED[0].sheet!);
  expect(await press(page, "validateSheet")).toBe(true);
  expect(await press(page, "clearMarks")).toBe(true);
  const cleared = await page.evaluate((p) => (window as unknown as PageWindow).__workbook.cell(p.sheet!, p.cell!)!.interior.Pattern, PLANTED[0]);
  expect(cleared).toBe(-4142);
  expect(await names()).not.toContain("校验结果");

  for (const id of ids.filter((i) => i.startsWith("insertTemplate_"))) expect(await press(page, id)).toBe(true);
  const after = await names();
  expect(after.filter((n) => / \(2\)$/.test(n))).toHaveLength(ids.filter((i) => i.startsWith("insertTemplate_")).length);

  expect(await press(page, "summarize")).toBe(true);
  expect(await press(page, "openPane")).toBe(true);
  const panes = await page.evaluate(() => (window as unknown as PageWindow).__workbook.panes);
  expect(panes.map((p) => [new URL(p.url).pathname + new URL(p.url).search, p.Visible])).toEqual([
    ["/taskpane.html?view=merge", true],
    ["/taskpane.html", true],
  ]);
  const [chosen, ...alerts] = await page.evaluate(() => (window as unknown as PageWindow).__alerts);
  expect(chosen).toContain("已选择配置：cqipc");
  expect(alerts).toHaveLength(2 + ids.filter((i) => i.startsWith("insertTemplate_")).length);
  for (const a of alerts) expect(a).toContain("按配置：cqipc · 重庆工业职业技术学院");
  await page.close();
});

it("says in a message box why 校验本表 cannot run on a sheet that is no ledger", async () => {
  const page = await openEntry();
  await page.evaluate(() => {
    const w = window as unknown as PageWindow & { FakeEt: { FakeEtWorkbook: { fromTables(t: unknown): PageWorkbook }; installFakeEt(wb: unknown, w: unknown): void } };
    w.FakeEt.installFakeEt(w.FakeEt.FakeEtWorkbook.fromTables([{ name: "Sheet1", cells: [[{ value: "采购清单" }]] }]), w);
  });
  expect(await press(page, "validateSheet")).toBe(true);
  const alerts = await page.evaluate(() => (window as unknown as PageWindow).__alerts);
  expect(alerts).toHaveLength(1);
  expect(alerts[0]).toContain("党员花名册");
  await page.close();
});

it("opens the built pane in WPS without office.js and without the network, on the workbook's 配置, ready to choose files", async () => {
  const page = await wps.browser.newPage();
  const requested: string[] = [];
  await page.route(/^https?:\/\/(?!127\.0\.0\.1)/, (route) => {
    requested.push(route.request().url());
    return route.abort();
  });
  await page.addInitScript(fakeWps([{ name: SETTINGS_SHEET, cells: [[{ value: "profile" }, { value: "cqipc" }]] }]));
  await page.goto(`${wps.url}taskpane.html?view=merge`);
  await page.waitForSelector("body[data-mode=standalone]");
  expect(await page.textContent("#mode")).toContain("在 WPS 中运行");
  expect(await page.inputValue("#profile")).toBe("cqipc");
  expect(await page.textContent("#profile-source")).toContain("重庆工业职业技术学院");
  expect(await page.isVisible("label[for=merge-files]")).toBe(true);
  expect(requested).toEqual([]);
  await page.close();
});

it("validates the open workbook in the built pane in WPS and saves its 列对应 step into the workbook", async () => {
  const member = (name: string, gender: "男" | "女", seq: number) => [name, gender, makeIdNumber("500103", "1985-04-12", seq, gender), "教职工", "正式党员", "2010-07-01", "2011-07-01", "王五"];
  const rows = [["姓名", "性别", "身份证号", "人员类别", "党内身份", "入党时间", "转正时间", "入党介绍人"], member("刘洋", "男", 11), member("王芳", "女", 12)];
  const page = await wps.browser.newPage();
  await page.route(/^https?:\/\/(?!127\.0\.0\.1)/, (route) => route.abort());
  await page.addInitScript(fakeWps([], [{ name: "党员花名册", cells: rows.map((r) => r.map((value) => ({ value }))) }], "五支部.xlsx"));
  await page.goto(`${wps.url}taskpane.html`);
  await page.waitForSelector("body[data-mode=standalone]");
  const roster = () => page.evaluate(() => JSON.stringify((window as unknown as PageWindow).__workbook.contents("党员花名册")));
  const before = await roster();
  expect(await page.isVisible("#wps-columns")).toBe(true);

  await page.click("#wps-columns");
  await page.waitForSelector('select[data-header="党内身份"]');
  expect(await page.textContent("#summary")).toContain("按配置：national");
  expect(await page.locator('#results [data-code="header.missing"]').count()).toBeGreaterThan(0);
  expect(await page.inputValue('select[data-header="党内身份"]')).toBe("memberType");
  expect(await page.inputValue('select[data-header="入党介绍人"]')).toBe("");

  await page.click("#columns-apply");
  await page.waitForSelector("#columns", { state: "hidden" });
  await page.waitForSelector("#progress", { state: "hidden" });
  expect(await page.locator('#results [data-code="header.missing"]').count()).toBe(0);
  const settings = await page.evaluate((name) => [...(window as unknown as PageWindow).__workbook.sheets.find((s) => s.name === name)!.cells.values()].map((c) => c.value), SETTINGS_SHEET);
  expect(settings).toEqual(["columns", JSON.stringify({ 党员花名册: { 党内身份: "memberType", 入党介绍人: null } })]);
  expect(await roster()).toBe(before);
  await page.close();
});
