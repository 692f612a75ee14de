/**
 * ribbon.xml of the WPS 加载项: well-formed CustomUI with a 配置 menu of every
 * built-in profile, the six buttons of the Excel ribbon and a template per
 * ledger, and every callback it names – onLoad, onAction, getLabel, getImage,
 * getEnabled – defined by the entry page, every control's id handled by
 * OnAction (pressed here on the fake WPS) and labelled where it has no label.
 */
import { existsSync, readFileSync } from "node:fs";
import * as path from "node:path";
import { LEDGERS } from "../../src/core/ledgers";
import { SETTINGS_SHEET } from "../../src/core/own-sheets";
import { BUILTIN_PROFILES } from "../../src/core/profile";
import { RESULTS_SHEET } from "../../src/addin/shared/marks";
import { FakeEtWorkbook, installFakeEt } from "./fake-et";
import { all, parseXml, type XmlNode } from "./xml";
import { openSampleInWps } from "./wps-host";

const ROOT = path.join(__dirname, "..", "..");
const ribbon = parseXml(readFileSync(path.join(ROOT, "src/addin/wps/ribbon.xml"), "utf8"));
const controls = [...all(ribbon, "button"), ...all(ribbon, "menu")];
const callbackAttrs = ["onLoad", "onAction", "getLabel", "getImage", "getEnabled"];

type Callback = (arg?: unknown) => unknown;
const entry = () => globalThis as unknown as Record<string, Callback>;

beforeAll(async () => {
  installFakeEt(FakeEtWorkbook.fromTables([]));
  await import("../../src/addin/wps/main");
});

it("is a CustomUI ribbon with the 党建台账 tab, the 配置 menu and the Excel ribbon's six buttons", () => {
  expect(ribbon.name).toBe("customUI");
  expect(ribbon.attrs.xmlns).toBe("http://schemas.microsoft.com/office/2006/01/customui");
  const [tab] = all(ribbon, "tab");
  expect(tab.attrs.label).toBe("党建台账");
  const [group] = all(tab, "group");
  openSampleInWps();
  const label = (c: XmlNode) => c.attrs.label ?? entry().GetLabel({ Id: c.attrs.id });
  expect(group.children.map(label)).toEqual(["配置：national", "校验本表", "校验全部", "清除标记", "插入模板", "汇总工作簿", "打开助手"]);
  expect(controls.every((c) => (c.attrs.label === undefined) !== (c.attrs.getLabel === undefined))).toBe(true);
  const ids = controls.map((c) => c.attrs.id);
  expect(new Set(ids).size).toBe(ids.length);
});

it("offers every built-in profile in the 配置 menu, each by its name and the pane's wording", () => {
  const menu = all(ribbon, "menu").find((m) => m.attrs.id === "profileMenu")!;
  openSampleInWps();
  const labels = menu.children.map((b): [string, unknown] => [b.attrs.id, entry().GetLabel({ Id: b.attrs.id })]);
  expect(labels.map(([id]) => id)).toEqual(Object.keys(BUILTIN_PROFILES).map((name) => `profile_${name}`));
  for (const [id, text] of labels) expect(text).toMatch(new RegExp(`^(✔ )?${id.replace("profile_", "")} · .+（.+）$`));
});

it("offers a template for every ledger the core knows", () => {
  const menu = all(ribbon, "menu").find((m) => m.attrs.id === "insertTemplate")!;
  expect(menu.children.map((b) => [b.attrs.id, b.attrs.label])).toEqual(LEDGERS.map((l) => [`insertTemplate_${l.key}`, l.title]));
});

it("names only callbacks the entry page defines, and GetImage gives an icon that is built beside it", () => {
  const named = new Set([ribbon, ...controls].flatMap((n: XmlNode) => callbackAttrs.map((a) => n.attrs[a]).filter(Boolean)));
  expect([...named].sort()).toEqual(["GetImage", "GetLabel", "OnAction", "OnAddinLoad", "OnGetEnabled"]);
  for (const name of named) expect(typeof entry()[name]).toBe("function");
  expect(entry().OnAddinLoad({ Invalidate: () => undefined })).toBe(true);
  const image = String(entry().GetImage({ Id: "validateAll" }));
  expect(existsSync(path.join(ROOT, image))).toBe(true);
});

/** What pressing each button does to the workbook, as the secretary would see it. */
function effectOf(id: string, wb: FakeEtWorkbook, sheetsBefore: number): boolean {
  if (id === "validateSheet" || id === "validateAll") return wb.sheets.some((s) => s.name === RESULTS_SHEET);
  if (id === "clearMarks") return !wb.sheets.some((s) => s.name === RESULTS_SHEET);
  if (id.startsWith("profile_")) return wb.cell(SETTINGS_SHEET, "B1")?.value === id.slice("profile_".length);
  if (id.startsWith("insertTemplate_")) return wb.sheets.length === sheetsBefore + 1 && wb.active.startsWith(LEDGERS.find((l) => id === `insertTemplate_${l.key}`)!.title);
  return wb.panes.length === 1 && wb.panes[0].Visible;
}

it("handles every button's id in OnAction, each doing its work on the workbook", () => {
  const buttons = all(ribbon, "button");
  expect(buttons.every((b) => b.attrs.onAction === "OnAction")).toBe(true);
  (globalThis as unknown as { window: unknown }).window = { alert: () => undefined, location: { href: "file:///jsaddons/taizhang/index.html" } };
  for (const b of buttons) {
    const wb = openSampleInWps();
    if (b.attrs.id === "clearMarks") entry().OnAction({ Id: "validateAll" });
    const sheetsBefore = wb.sheets.length;
    expect(entry().OnGetEnabled({ Id: b.attrs.id })).toBe(true);
    expect(entry().OnAction({ Id: b.attrs.id })).toBe(true);
    expect([b.attrs.id, effectOf(b.attrs.id, wb, sheetsBefore)]).toEqual([b.attrs.id, true]);
  }
  expect(entry().OnAction({ Id: "noSuchButton" })).toBe(false);
});

it("opens the pane beside the entry page, at the merge view for 汇总工作簿, and shows it again rather than twice", () => {
  const wb = openSampleInWps();
  entry().OnAction({ Id: "summarize" });
  wb.panes[0].Visible = false;
  entry().OnAction({ Id: "summarize" });
  entry().OnAction({ Id: "openPane" });
  expect(wb.panes.map((p) => [p.url, p.Visible])).toEqual([
    ["file:///jsaddons/taizhang/taskpane.html?view=merge", true],
    ["file:///jsaddons/taizhang/taskpane.html", true],
  ]);
});
