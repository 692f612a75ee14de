/**
 * The manifest, checked offline (office-addin-manifest validate needs the
 * network; Microsoft's own parser reads it in manifest-office-parser.test.ts):
 * well-formed XML, the elements Office requires, the ribbon's
 * ExtensionPoint → CustomTab → Group → Control → Action structure, resource
 * ids and strings within Office's limits, https URLs only, icons that exist,
 * and a command behind every ExecuteFunction.
 */
import { existsSync, readFileSync } from "node:fs";
import * as path from "node:path";
import { LEDGERS } from "../../src/core/ledgers";
import { all, child, parseXml } from "./xml";

const textOf = (xml: string, name: string) => [...xml.matchAll(new RegExp(`<${name}>([^<]*)</${name}>`, "g"))].map((m) => m[1]);

const ROOT = path.join(__dirname, "..", "..");
const xml = readFileSync(path.join(ROOT, "manifest.xml"), "utf8");
const manifest = parseXml(xml);

describe("manifest.xml", () => {
  it("is a well-formed TaskPaneApp for Excel with the required elements in order", () => {
    expect(manifest.name).toBe("OfficeApp");
    expect(manifest.attrs["xsi:type"]).toBe("TaskPaneApp");
    const order = manifest.children.map((c) => c.name);
    const required = ["Id", "Version", "ProviderName", "DefaultLocale", "DisplayName", "Description", "IconUrl", "Hosts", "DefaultSettings", "Permissions", "VersionOverrides"];
    expect(required.filter((r) => order.includes(r))).toEqual(required);
    expect(required.map((r) => order.indexOf(r))).toEqual([...required.map((r) => order.indexOf(r))].sort((a, b) => a - b));
    expect(textOf(xml, "Id")[0]).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(textOf(xml, "Version")[0]).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    expect(all(child(manifest, "Hosts"), "Host").map((h) => h.attrs.Name)).toEqual(["Workbook"]);
    const sets = all(child(manifest, "Requirements"), "Set");
    expect(sets).toEqual([{ name: "Set", attrs: { Name: "ExcelApi", MinVersion: "1.1" }, children: [] }]);
  });

  it("has the 党建台账 tab with the six commands, each control with label, tip, icons and an action", () => {
    const tab = all(manifest, "CustomTab")[0];
    expect(all(manifest, "ExtensionPoint")[0].attrs["xsi:type"]).toBe("PrimaryCommandSurface");
    const group = child(tab, "Group");
    const controls = group.children.filter((c) => c.name === "Control");
    expect(controls.map((c) => c.attrs.id)).toEqual(["ValidateSheet", "ValidateAll", "ClearMarks", "InsertTemplate", "MergeBooks", "OpenPane"]);
    for (const control of [...controls, ...all(group, "Item")]) {
      child(control, "Label");
      child(child(control, "Supertip"), "Description");
      expect(all(child(control, "Icon"), "bt:Image").map((i) => i.attrs.size)).toEqual(["16", "32", "80"]);
      if (control.attrs["xsi:type"] !== "Menu") expect(["ExecuteFunction", "ShowTaskpane"]).toContain(child(control, "Action").attrs["xsi:type"]);
    }
    const strings = Object.fromEntries(all(manifest, "bt:String").map((s) => [s.attrs.id, s.attrs.DefaultValue]));
    expect(controls.map((c) => strings[child(c, "Label").attrs.resid])).toEqual(["校验本表", "校验全部", "清除标记", "插入模板", "汇总工作簿", "打开助手"]);
    expect(strings[child(tab, "Label").attrs.resid]).toBe("党建台账");
  });

  it("offers a template for every ledger the core knows, each wired to a registered command", () => {
    const items = all(manifest, "Item");
    const strings = Object.fromEntries(all(manifest, "bt:String").map((s) => [s.attrs.id, s.attrs.DefaultValue]));
    expect(items.map((i) => strings[child(i, "Label").attrs.resid])).toEqual(LEDGERS.map((l) => l.title));
    const commands = readFileSync(path.join(ROOT, "src/addin/commands/commands.ts"), "utf8");
    const plain = textOf(xml, "FunctionName").filter((n) => !n.startsWith("insertTemplate_"));
    expect(plain).toEqual(["validateSheet", "validateAll", "clearMarks"]);
    for (const name of plain) expect(commands).toContain(`${name}:`);
    expect(commands).toContain("`insertTemplate_${l.key}`");
    expect(textOf(xml, "FunctionName").filter((n) => n.startsWith("insertTemplate_"))).toEqual(LEDGERS.map((l) => `insertTemplate_${l.key}`));
  });

  it("keeps resource ids, strings and overrides within Office's limits, with en-US overrides", () => {
    const resources = child(child(manifest, "VersionOverrides"), "Resources");
    const ids = all(resources, "bt:Image").concat(all(resources, "bt:Url"), all(resources, "bt:String")).map((n) => n.attrs.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id.length).toBeLessThanOrEqual(32);
    const used = [...xml.matchAll(/resid="([^"]+)"/g)].map((m) => m[1]);
    for (const id of used) expect(ids).toContain(id);
    for (const s of all(child(resources, "bt:ShortStrings"), "bt:String")) {
      expect(s.attrs.DefaultValue.length).toBeLessThanOrEqual(125);
      expect(child(s, "bt:Override").attrs.Locale).toBe("en-US");
    }
    for (const s of all(child(resources, "bt:LongStrings"), "bt:String")) expect(s.attrs.DefaultValue.length).toBeLessThanOrEqual(250);
  });

  it("points only at https URLs, and every icon it names exists in assets/", () => {
    const urls = [...xml.matchAll(/(?:DefaultValue|Value)="(\w+:\/\/[^"]+)"/g)].map((m) => m[1]).concat(textOf(xml, "AppDomain"));
    expect(urls.length).toBeGreaterThan(5);
    for (const url of urls) expect(url).toMatch(/^https:\/\//);
    const icons = urls.filter((u) => u.endsWith(".png")).map((u) => new URL(u).pathname.slice(1));
    expect(icons).toContain("assets/icon-80.png");
    for (const icon of icons) expect(existsSync(path.join(ROOT, icon))).toBe(true);
  });
});
