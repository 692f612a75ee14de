/**
 * 列对应 in WPS (fake ET host): a roster whose secretary heads 党员类型 as
 * 党内身份 is short of a required column for the ribbon's 校验全部, which points
 * to the pane; the pane's 列对应 step (validateWorkbookInWps → withChoices →
 * saveColumnsInWps, as taskpane.ts calls them) saves 党内身份 → 党员类型 in the
 * workbook, and from then on 校验全部 and 校验本表 read the column – also after
 * the workbook is saved and opened again. No cell of the secretary's changes;
 * a saved mapping that cannot be read is ignored with a notice.
 */
import { makeIdNumber } from "../../src/core";
import { withChoices } from "../../src/core/columns";
import { SETTINGS_SHEET } from "../../src/core/own-sheets";
import { RESULTS_SHEET } from "../../src/addin/shared/marks";
import { saveColumnsInWps, workbookColumns } from "../../src/addin/wps/columns";
import { chooseProfile, workbookProfile } from "../../src/addin/wps/profile";
import { validateWorkbookInWps } from "../../src/addin/wps/run";
import { CELL_LIMIT } from "../../src/addin/wps/settings";
import type { EtApplication } from "../../src/addin/wps/et";
import { FakeEtWorkbook, installFakeEt, reopened } from "./fake-et";
import { cellKey, colOf, rowOf } from "./fake-grid";
import { etSnapshot } from "./wps-host";

type Callback = (arg?: unknown) => unknown;
const entry = () => globalThis as unknown as Record<string, Callback>;
const app = () => (globalThis as unknown as { Application: EtApplication }).Application;
const AS_OF = "2026-06-30";

let alerts: string[] = [];

beforeAll(() => {
  (globalThis as unknown as { window: unknown }).window = { alert: (m: string) => alerts.push(m), location: { href: "file:///jsaddons/taizhang/index.html" } };
});

function startWps(wb: FakeEtWorkbook): void {
  installFakeEt(wb);
  jest.isolateModules(() => require("../../src/addin/wps/main"));
  entry().OnAddinLoad({ Invalidate: () => undefined });
}

function press(id: string): string {
  alerts = [];
  expect(entry().OnAction({ Id: id })).toBe(true);
  expect(alerts).toHaveLength(1);
  return alerts[0];
}

const member = (name: string, gender: "男" | "女", seq: number) => [name, gender, makeIdNumber("500103", "1985-04-12", seq, gender), "教职工", "正式党员", "2010-07-01", "2011-07-01", "王五"];
const OWN_WORDS = ["姓名", "性别", "身份证号", "人员类别", "党内身份", "入党时间", "转正时间", "入党介绍人"];

/** The secretary's roster, headed in her own words, open in the fake WPS. */
function openOwnWords(): FakeEtWorkbook {
  const rows = [OWN_WORDS, member("刘洋", "男", 11), member("王芳", "女", 12), member("陈静", "女", 14)];
  const wb = FakeEtWorkbook.fromTables([{ name: "党员花名册", cells: rows.map((r) => r.map((value) => ({ value }))) }]);
  wb.name = "五支部.xlsx";
  return wb;
}

/** Codes and messages 校验结果 lists, as the secretary reads them there. */
function listed(wb: FakeEtWorkbook): string[] {
  const cells = wb.sheet(RESULTS_SHEET).cells;
  const at = (r: number, c: number) => String(cells.get(cellKey(r, c))?.value ?? "");
  return [...new Set([...cells.keys()].map(rowOf))].filter((r) => r >= 2).map((r) => `${at(r, 3)} ${at(r, 4)}`);
}

const ledgerContents = (wb: FakeEtWorkbook) => wb.sheets.filter((s) => s.name === "党员花名册").map((s) => wb.contents(s.name));

/** What 校验结果 still says of the headers: 其他列 kept on purpose (入党介绍人) is listed, 党内身份 must not be. */
const headerFindings = (wb: FakeEtWorkbook) => listed(wb).filter((l) => l.startsWith("header."));
const KEPT_AS_OTHER = ["header.other-columns 未识别的列，作为其他列保留、不校验：“入党介绍人”（最接近“入党时间”，相似度 0.4）"];

/** The pane's 列对应 step: validate, take every proposal as shown, save, validate again. */
function applyProposals(): void {
  const run = validateWorkbookInWps("all", AS_OF);
  saveColumnsInWps(app(), withChoices(run.columns, run.proposals.map((p) => ({ ledger: p.ledger, header: p.header, field: p.proposed }))));
}

describe("列对应 in WPS", () => {
  it("validates by the vocabulary alone until a 列对应 is saved, and points to the pane for the headers not recognised", () => {
    const wb = openOwnWords();
    startWps(wb);
    const message = press("validateAll");
    expect(message).toContain("有 2 个表头未认出，可在“党建台账 → 打开助手”中点“校验本工作簿并对应列”，为它们对应列。");
    expect(listed(wb).some((l) => l.startsWith("header.missing") && l.includes("党员类型"))).toBe(true);
    expect(listed(wb).some((l) => l.startsWith("header.other-columns") && l.includes("党内身份"))).toBe(true);
  });

  it("proposes 党内身份 → 党员类型 and 入党介绍人 → 其他列 in the pane's step, and after 保存 validates with them, also after a reopen", () => {
    const wb = openOwnWords();
    startWps(wb);
    const before = ledgerContents(wb);
    const run = validateWorkbookInWps("all", AS_OF);
    expect(run.proposals.map((p) => [p.sheet, p.column, p.header, p.proposed])).toEqual([
      ["党员花名册", "E", "党内身份", "memberType"],
      ["党员花名册", "H", "入党介绍人", null],
    ]);
    applyProposals();
    expect(workbookColumns(app()).input).toEqual({ 党员花名册: { 党内身份: "memberType", 入党介绍人: null } });

    const message = press("validateAll");
    expect(message).not.toContain("表头未认出");
    expect(headerFindings(wb)).toEqual(KEPT_AS_OTHER);
    expect(validateWorkbookInWps("all", AS_OF).proposals).toEqual([]);

    const again = reopened(wb);
    startWps(again);
    wb.active = "党员花名册";
    expect(press("validateSheet")).not.toContain("表头未认出");
    expect(headerFindings(again)).toEqual(KEPT_AS_OTHER);
    expect(ledgerContents(again)).toEqual(before);
    expect(ledgerContents(wb)).toEqual(before);
  });

  it("keeps the 配置 beside the 列对应, each in its own row of text cells, whichever is saved first", () => {
    const wb = openOwnWords();
    startWps(wb);
    chooseProfile(app(), "cqipc");
    applyProposals();
    chooseProfile(app(), "lnist");
    const rows = [...wb.sheet(SETTINGS_SHEET).cells.entries()].map(([k, c]) => [rowOf(k), colOf(k), c.value, c.numberFormat]).sort();
    expect(rows).toEqual([
      [0, 0, "profile", "@"],
      [0, 1, "lnist", "@"],
      [1, 0, "columns", "@"],
      [1, 1, JSON.stringify({ 党员花名册: { 党内身份: "memberType", 入党介绍人: null } }), "@"],
    ]);
    expect(workbookProfile(app()).profile.name).toBe("lnist");
    expect(press("validateAll")).toContain("按配置：lnist");
    expect(headerFindings(wb)).toEqual(KEPT_AS_OTHER);
  });

  it.each([
    ["not JSON", "{党员花名册", "保存的内容不是有效的 JSON"],
    ["a ledger that does not exist", JSON.stringify({ 花名册: { 党内身份: "党员类型" } }), "列对应中的台账“花名册”不存在"],
    ["a field that does not exist", JSON.stringify({ 党员花名册: { 党内身份: "党籍类别" } }), "列对应中“党员花名册”的字段“党籍类别”不存在"],
  ])("ignores a saved mapping with %s, with a notice, and still validates", (_, saved, why) => {
    const wb = openOwnWords();
    startWps(wb);
    applyProposals();
    wb.cell(SETTINGS_SHEET, "B1")!.value = saved;
    startWps(reopened(wb));
    const message = press("validateAll");
    expect(message.split("\n")[0]).toContain(`本工作簿保存的列对应无法读取（${why}`);
    expect(message.split("\n")[0]).toContain("已忽略，表头只按词表识别");
    expect(message).toContain("有 2 个表头未认出");
  });

  it("refuses to save in a workbook whose structure is protected, changing nothing", () => {
    const wb = openOwnWords();
    wb.protectStructure = true;
    startWps(wb);
    const before = etSnapshot(wb);
    expect(() => saveColumnsInWps(app(), { 党员花名册: { 党内身份: "党员类型" } })).toThrow("工作簿结构受保护，无法保存列对应");
    expect(etSnapshot(wb)).toBe(before);
  });

  it("saves a mapping longer than one cell holds across the cells of its row, and reads it back whole", () => {
    const wb = openOwnWords();
    startWps(wb);
    const many = Object.fromEntries(Array.from({ length: 3000 }, (_, i) => [`'=表头${i}`, null]));
    const input = { 党员花名册: { ...many, 党内身份: "党员类型" } };
    saveColumnsInWps(app(), input);
    const cells = [...wb.sheet(SETTINGS_SHEET).cells.values()].map((c) => String(c.value));
    expect(cells.length).toBeGreaterThan(2);
    for (const c of cells) {
      expect(c.length).toBeLessThanOrEqual(CELL_LIMIT);
      expect(c).not.toMatch(/^['=]/);
    }
    expect(workbookColumns(app()).input).toEqual(input);
    saveColumnsInWps(app(), { 党员花名册: { 党内身份: "党员类型" } });
    expect([...wb.sheet(SETTINGS_SHEET).cells.values()]).toHaveLength(2);
    press("validateAll");
    expect(listed(wb).filter((l) => l.startsWith("header.missing"))).toEqual([]);
  });
});
