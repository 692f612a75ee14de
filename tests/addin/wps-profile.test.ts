/**
 * The 配置 menu of the WPS ribbon (fake ET host): the secretary of a
 * 重庆工业职业技术学院 branch chooses cqipc, and 校验全部 then finds what that
 * college's document asks (4 hours of 廉政教育 a year) where the national
 * default finds nothing; the choice is saved in the workbook and still holds
 * after saving, closing and opening it again in a new WPS session; no cell of
 * the secretary's changes; a name that is no longer a built-in falls back to
 * the default with a notice; saved as .xlsx or .xls, the workbook reads the
 * same in the command line and merge as without the settings sheet.
 */
import { validateWorkbook } from "../../src/core/engine";
import { SETTINGS_SHEET } from "../../src/core/own-sheets";
import { BUILTIN_PROFILES } from "../../src/core/profile";
import { readXlsx } from "../../src/io/read-xlsx";
import { RESULTS_SHEET } from "../../src/addin/shared/marks";
import { NOTE_PREFIX } from "../../src/addin/shared/marks";
import { SHEET_VERY_HIDDEN } from "../../src/addin/wps/et";
import { paneProfile } from "../../src/addin/wps/profile";
import { FakeEtWorkbook, installFakeEt, reopened } from "./fake-et";
import { cellKey, colOf, rowOf } from "./fake-grid";
import { etSnapshot, openSampleInWps } from "./wps-host";
import { buildWorkbook } from "../fixtures/builder";
import { makeBranch, toSheets } from "../fixtures/branch";
import { SAMPLE_AS_OF } from "../fixtures/samples";

type Callback = (arg?: unknown) => unknown;
const entry = () => globalThis as unknown as Record<string, Callback>;

let alerts: string[] = [];
let invalidated = 0;

/** WPS starts with this workbook open: a new Application, the entry page loaded afresh, the ribbon loaded. */
function startWps(wb: FakeEtWorkbook | null): void {
  installFakeEt(wb);
  jest.isolateModules(() => require("../../src/addin/wps/main"));
  entry().OnAddinLoad({ Invalidate: () => (invalidated += 1) });
}

/** Press a ribbon button; the message box it shows, if any. */
function press(id: string): string | undefined {
  alerts = [];
  expect(entry().OnAction({ Id: id })).toBe(true);
  expect(alerts.length).toBeLessThanOrEqual(1);
  return alerts[0];
}

beforeAll(() => {
  (globalThis as unknown as { window: unknown }).window = { alert: (m: string) => alerts.push(m), location: { href: "file:///jsaddons/taizhang/index.html" } };
});

/** 学习培训 cells 校验结果 lists for 廉政教育 hours short (training.integrity-short), as the secretary reads them there. */
function integrityRows(wb: FakeEtWorkbook): string[] {
  const cells = wb.sheet(RESULTS_SHEET).cells;
  const rows = new Set([...cells.keys()].map(rowOf));
  const at = (r: number, c: number) => cells.get(cellKey(r, c));
  return [...rows]
    .filter((r) => at(r, 3)?.value === "training.integrity-short")
    .map((r) => `${at(r, 0)?.value}!${/"([A-Z]+\d+)"\)$/.exec(String(at(r, 1)?.formula))?.[1]}`)
    .sort();
}

/** Every value and formula of the secretary's sheets. */
const ledgerContents = (wb: FakeEtWorkbook) =>
  wb.sheets.filter((s) => !s.name.startsWith("_taizhang") && s.name !== RESULTS_SHEET).map((s) => [s.name, wb.contents(s.name)]);

const CQIPC = "cqipc · 重庆工业职业技术学院（经费标准：教职工 100 元、学生 50 元）";
const NATIONAL = "national · 全国基线（未规定经费标准）";

describe("the workbook's 配置 in WPS", () => {
  it("validates by the national default until a profile is chosen, and says so", () => {
    const wb = openSampleInWps();
    startWps(wb);
    const message = press("validateAll");
    expect(message).toContain(`按配置：${NATIONAL}`);
    expect(integrityRows(wb)).toEqual([]);
    expect(String(wb.cell(RESULTS_SHEET, "A1")?.value)).toContain("配置 national");
  });

  it("validates by cqipc once chosen: the 廉政教育 hours its document asks are checked, marked and listed", () => {
    const wb = openSampleInWps();
    startWps(wb);
    expect(press("profile_cqipc")).toContain(`已选择配置：${CQIPC}`);
    const message = press("validateAll");
    expect(message).toContain(`按配置：${CQIPC}`);
    expect(integrityRows(wb)).toEqual(["学习培训!D5", "学习培训!D50", "学习培训!D8"]);
    for (const cell of ["D5", "D8", "D50"]) expect(wb.sheet("学习培训").comments.get(cell)).toMatch(new RegExp(`^${NOTE_PREFIX}.*廉政`, "s"));
    expect(String(wb.cell(RESULTS_SHEET, "A1")?.value)).toContain("配置 cqipc");
  });

  it("keeps the choice in the workbook: after saving, closing and opening it in a new WPS session", () => {
    const wb = openSampleInWps();
    startWps(wb);
    press("profile_cqipc");
    const again = reopened(wb);
    startWps(again);
    expect(press("validateAll")).toContain(`按配置：${CQIPC}`);
    expect(integrityRows(again)).toHaveLength(3);
    startWps(reopened(wb));
    expect(entry().GetLabel({ Id: "profileMenu" })).toBe("配置：cqipc");
  });

  it("opens the task pane on the workbook's profile, and on none without a workbook or outside WPS", () => {
    const wb = openSampleInWps();
    startWps(wb);
    expect(paneProfile()?.name).toBe("national");
    press("profile_cqipc");
    installFakeEt(reopened(wb));
    expect(paneProfile()?.name).toBe("cqipc");
    installFakeEt(null);
    expect(paneProfile()).toBeNull();
    delete (globalThis as { Application?: unknown }).Application;
    expect(paneProfile()).toBeNull();
  });

  it("stores it in a very hidden sheet of its own and changes no cell, no sheet the secretary is on", () => {
    const wb = openSampleInWps();
    wb.active = "学习培训";
    startWps(wb);
    const before = ledgerContents(wb);
    const visibleBefore = wb.sheets.map((s) => [s.name, s.visible]);
    press("profile_lnist");
    press("profile_cqipc");
    expect(ledgerContents(wb)).toEqual(before);
    expect(wb.sheets.filter((s) => s.name !== SETTINGS_SHEET).map((s) => [s.name, s.visible])).toEqual(visibleBefore);
    expect(wb.sheet(SETTINGS_SHEET).visible).toBe(SHEET_VERY_HIDDEN);
    expect(wb.active).toBe("学习培训");
    expect(press("validateSheet")).toMatch(/^工作表“学习培训”：/);
    expect(ledgerContents(wb)).toEqual(before);
  });

  it("inserts templates by the chosen profile: the 活动经费 template states cqipc's funding standard", () => {
    const wb = openSampleInWps();
    startWps(wb);
    press("profile_cqipc");
    expect(press("insertTemplate_funding")).toContain(`按配置：${CQIPC}`);
    const texts = [...wb.sheet(wb.active).cells.values()].map((c) => String(c.value ?? ""));
    expect(texts.some((t) => t.includes("配置 cqipc") && t.includes("教职工党员人数 × 100 元"))).toBe(true);
  });

  it("falls back to the default, with a notice, when the saved name is no built-in profile", () => {
    const wb = openSampleInWps();
    startWps(wb);
    press("profile_cqipc");
    wb.cell(SETTINGS_SHEET, "B1")!.value = "cqipc-2019";
    startWps(reopened(wb));
    const message = press("validateAll")!;
    expect(message.split("\n")[0]).toBe(`本工作簿保存的配置“cqipc-2019”不是内置配置，已按默认配置 ${NATIONAL} 处理。请在“党建台账 → 配置”中重新选择。`);
    expect(message).toContain(`按配置：${NATIONAL}`);
  });

  it("refuses to choose in a workbook whose structure is protected, changing nothing", () => {
    const wb = openSampleInWps();
    wb.protectStructure = true;
    startWps(wb);
    const before = etSnapshot(wb);
    expect(press("profile_cqipc")).toContain("工作簿结构受保护，无法保存配置");
    expect(etSnapshot(wb)).toBe(before);
    expect(press("validateAll")).toContain(`按配置：${NATIONAL}`);
  });

  it("shows the workbook's profile on the ribbon, ticked in the menu, and again when another workbook becomes active", () => {
    const wb = openSampleInWps();
    startWps(wb);
    const label = (id: string) => entry().GetLabel({ Id: id });
    expect(label("profileMenu")).toBe("配置：national");
    expect(label("profile_national")).toBe(`✔ ${NATIONAL}`);
    expect(label("profile_cqipc")).toBe(CQIPC);
    invalidated = 0;
    press("profile_cqipc");
    expect(invalidated).toBe(1);
    expect(label("profileMenu")).toBe("配置：cqipc");
    expect(label("profile_cqipc")).toBe(`✔ ${CQIPC}`);
    expect(label("profile_national")).toBe(NATIONAL);
    (globalThis as unknown as { Application: { raise(event: string, wb: unknown): void } }).Application.raise("WorkbookActivate", {});
    expect(invalidated).toBe(2);
    installFakeEt(null);
    expect(label("profileMenu")).toBe("配置");
    expect(label("profile_cqipc")).toBe(CQIPC);
  });
});

it("writes the hidden setting as text cells, so WPS cannot take 100-50 for a date", () => {
  const wb = openSampleInWps();
  startWps(wb);
  press("profile_100-50");
  const settings = wb.sheet(SETTINGS_SHEET);
  expect([...settings.cells.entries()].map(([k, c]) => [colOf(k), c.value, c.numberFormat])).toEqual([
    [0, "profile", "@"],
    [1, "100-50", "@"],
  ]);
});

it.each(["xlsx", "xls"] as const)("leaves a workbook saved as .%s reading the same in the command line and merge: the settings sheet is passed over", (bookType) => {
  const sheets = toSheets("学生第一党支部", makeBranch({ branch: "学生第一党支部", members: 30, seed: 3, asOf: SAMPLE_AS_OF, studentShare: 0.8 }));
  const findings = (bytes: Uint8Array) => {
    const result = validateWorkbook(readXlsx(bytes, `台账.${bookType}`), { profile: BUILTIN_PROFILES.cqipc, asOf: SAMPLE_AS_OF });
    return JSON.stringify([result.sheets.map((s) => [s.sheet, s.ledger, s.findings]), result.findings]);
  };
  const withSettings = buildWorkbook([...sheets, { name: SETTINGS_SHEET, rows: [["profile", "cqipc"]], hidden: true }], bookType);
  expect(findings(withSettings)).toBe(findings(buildWorkbook(sheets, bookType)));
  expect(readXlsx(withSettings, `台账.${bookType}`).sheets.map((s) => s.name)).toContain(SETTINGS_SHEET);
});
