/**
 * `npm run validate` (scripts/validate-manifest.ts): the manifest read offline
 * by Microsoft's own manifest parser. The manifest we ship must read with no
 * warning, and what Office reads must be what the manifest says – every
 * control, label, function and page; a broken manifest must be refused.
 */
import net from "node:net";
import * as path from "node:path";
import { manifestsToCheck, readAsOffice } from "../../scripts/validate-manifest";
import { all, child, parseXml, type XmlNode } from "./xml";

const ROOT = path.join(__dirname, "..", "..");
const [source, ...built] = manifestsToCheck(ROOT);

/** A copy of the manifest with one piece of text replaced (the piece must be there). */
function broken(from: string, to: string): string {
  expect(source.xml).toContain(from);
  return source.xml.replace(from, to);
}

describe("the manifest as Microsoft's parser reads it", () => {
  it("reads manifest.xml and both built manifests with no problem, without touching the network", async () => {
    const connect = jest.spyOn(net.Socket.prototype, "connect");
    for (const { xml } of [source, ...built]) {
      const reading = await readAsOffice(xml);
      expect(reading.problems).toEqual([]);
      expect(reading.json).toBeDefined();
    }
    expect(connect).not.toHaveBeenCalled();
    connect.mockRestore();
  });

  it("sees every control, label, function and page the manifest names", async () => {
    const manifest = parseXml(source.xml);
    const strings = Object.fromEntries(all(manifest, "bt:String").map((s) => [s.attrs.id, s.attrs.DefaultValue]));
    const urls = Object.fromEntries(all(manifest, "bt:Url").map((s) => [s.attrs.id, s.attrs.DefaultValue]));
    const labelOf = (n: XmlNode) => strings[child(n, "Label").attrs.resid];
    const functionOf = (n: XmlNode) => source.xml.match(new RegExp(`id="${n.attrs.id}">[\\s\\S]*?<FunctionName>([^<]+)`))?.[1];
    const tab = all(manifest, "CustomTab")[0];
    const controls = child(tab, "Group").children.filter((c) => c.name === "Control");

    const { json } = await readAsOffice(source.xml);
    const officeTab = json!.extensions[0].ribbons[0].tabs[0];
    const officeControls = officeTab.groups.flatMap((g) => g.controls);
    expect(officeTab.label).toBe(labelOf(tab));
    expect(officeControls.map((c) => [c.id, c.label])).toEqual(controls.map((c) => [c.attrs.id, labelOf(c)]));
    const items = all(tab, "Item");
    expect(officeControls.flatMap((c) => c.items ?? []).map((i) => [i.id, i.label, i.actionId])).toEqual(items.map((i) => [i.attrs.id, labelOf(i), functionOf(i)]));

    const runtimes = json!.extensions[0].runtimes;
    const commandPage = urls[all(manifest, "FunctionFile")[0].attrs.resid];
    const functions = [...source.xml.matchAll(/<FunctionName>([^<]+)<\/FunctionName>/g)].map((m) => m[1]);
    const commands = runtimes.find((r) => r.code.page === commandPage);
    expect(commands?.actions.map((a) => a.id)).toEqual(functions);
    const panes = all(manifest, "SourceLocation").map((s) => urls[s.attrs.resid]).filter(Boolean);
    expect(panes.length).toBeGreaterThan(0);
    for (const page of panes) expect(runtimes.map((r) => r.code.page)).toContain(page);
  });

  it.each([
    ["an Id that is not a GUID", "<Id>7d1c5a3e", "<Id>zz1c5a3e"],
    ["no DefaultLocale", "<DefaultLocale>zh-CN</DefaultLocale>", ""],
    ["a label whose resource id is not defined", 'resid="Group.Label"', 'resid="Group.Labelx"'],
    ["a control type Office does not know", 'xsi:type="Button"', 'xsi:type="Buton"'],
    ["an action type Office does not know", 'xsi:type="ExecuteFunction"', 'xsi:type="ExecuteFunctio"'],
    ["markup that is not well-formed", "<Hosts>", "<Hosts"],
    ["an English description longer than the unified manifest's 80 characters", 'Value="Checks party branch ledgers', 'Value="Checks and double-checks, again and again, party branch ledgers'],
  ])("refuses a manifest with %s", async (_what, from, to) => {
    const reading = await readAsOffice(broken(from, to));
    expect(reading.problems.length).toBeGreaterThan(0);
  });
});
