/**
 * The Office side of the add-in with a fake office.js: how long the pane waits
 * for Office.onReady, ExcelApi 1.2 calls on a 1.1 host, and the ribbon
 * commands' notice dialog – event.completed() only after it is closed, and
 * 没有发现问题 for a clean sheet.
 */
import { ALL_CAPABILITIES, detectCapabilities, missingFeatures } from "../../src/addin/excel/capabilities";
import { insertTemplateInExcel } from "../../src/addin/excel/template";
import { roster } from "../../src/core/ledgers";
import { BUILTIN_PROFILES } from "../../src/core/profile";
import { FakeWorkbook, installFakeExcel } from "./fake-excel";
import { rosterTables } from "./host";

type Listener = (arg: unknown) => void;

/** A fake office.js: onReady answers when the test says so; dialogs are recorded and closed by the test. */
function fakeOffice(maxApi: string) {
  let answer: (info: { host: string | null; platform: string | null }) => void = () => undefined;
  const ready = new Promise<{ host: string | null; platform: string | null }>((resolve) => (answer = resolve));
  const events: string[] = [];
  const dialogs: Listener[] = [];
  const office = {
    HostType: { Excel: "Excel" },
    AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
    EventType: { DialogEventReceived: "dialogEventReceived" },
    onReady: (callback?: Listener) => ready.then((info) => (callback?.(info), info)),
    actions: { associate: () => undefined },
    context: {
      requirements: { isSetSupported: (name: string, version: string) => name === "ExcelApi" && Number(version.split(".")[1]) <= Number(maxApi.split(".")[1]) },
      document: { settings: { get: () => null } },
      ui: {
        displayDialogAsync: (url: string, _options: unknown, callback: (r: unknown) => void) => {
          events.push(`open: ${new URL(url).searchParams.get("notice")}`);
          callback({ status: "succeeded", value: { addEventHandler: (_type: string, handler: Listener) => dialogs.push(handler) } });
        },
      },
    },
  };
  (globalThis as Record<string, unknown>).Office = office;
  (globalThis as Record<string, unknown>).window = { location: { href: "https://localhost:3000/commands.html" } };
  const closeDialog = () => {
    events.push("closed");
    dialogs.shift()!({ error: 12006 });
  };
  return { answer, events, closeDialog };
}

afterEach(() => {
  delete (globalThis as Record<string, unknown>).Office;
  delete (globalThis as Record<string, unknown>).window;
  jest.useRealTimers();
});

describe("Office.onReady", () => {
  it("waits for a slow desktop Excel however long it takes, instead of falling back to standalone", async () => {
    jest.useFakeTimers();
    const office = fakeOffice("1.1");
    const { detectHost } = await import("../../src/addin/office");
    let host: Awaited<ReturnType<typeof detectHost>> | undefined;
    const detecting = detectHost().then((h) => (host = h));
    await jest.advanceTimersByTimeAsync(60_000);
    expect(host).toBeUndefined();
    office.answer({ host: "Excel", platform: "PC" });
    await detecting;
    expect(host).toEqual({ kind: "excel", caps: detectCapabilities(() => false) });
  });

  it("is standalone in a plain browser (office.js answers host null) and without office.js", async () => {
    const { detectHost } = await import("../../src/addin/office");
    expect(await detectHost()).toEqual({ kind: "standalone", reason: "未能加载 office.js（离线或在普通浏览器中打开）" });
    const office = fakeOffice("1.18");
    office.answer({ host: null, platform: null });
    expect(await detectHost()).toEqual({ kind: "standalone", reason: "在普通浏览器中打开，不在 Office 中" });
  });
});

describe("ExcelApi 1.2 on a 1.1 host", () => {
  it("inserts a template without setting column widths, and the pane says the widths are default", async () => {
    const caps = detectCapabilities((name, version) => name === "ExcelApi" && version === "1.1");
    for (const [capabilities, widths] of [[caps, 0], [ALL_CAPABILITIES, roster.fields.length]] as const) {
      const wb = FakeWorkbook.fromTables([]);
      installFakeExcel(wb);
      const name = await insertTemplateInExcel("roster", BUILTIN_PROFILES["100-50"], capabilities);
      expect(wb.sheet(name).columnWidths.size).toBe(widths);
      expect(wb.cell(name, "A2")?.value).toBe(roster.fields[0].header);
    }
    expect(missingFeatures(caps)).toContain("此版本 Excel 不支持设置列宽（ExcelApi 1.2），插入的模板使用默认列宽");
  });
});

describe("ribbon commands", () => {
  it("call event.completed() only after the secretary closes the notice dialog", async () => {
    const office = fakeOffice("1.18");
    const { command } = await import("../../src/addin/commands/commands");
    const run = command(async () => {
      throw new Error("请先结束单元格编辑");
    })({ completed: () => office.events.push("completed") } as unknown as Office.AddinCommands.Event);
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(office.events).toEqual(["open: 请先结束单元格编辑"]);
    office.closeDialog();
    await run;
    expect(office.events).toEqual(["open: 请先结束单元格编辑", "closed", "completed"]);
  });

  it("still complete when no dialog can open (an Excel without the dialog API)", async () => {
    const office = fakeOffice("1.1");
    (Office.context.ui as { displayDialogAsync: unknown }).displayDialogAsync = () => {
      throw new Error("DialogApi 1.1 not supported");
    };
    const { command } = await import("../../src/addin/commands/commands");
    await command(async () => ["工作表“党员花名册”：没有发现问题。"])({ completed: () => office.events.push("completed") } as unknown as Office.AddinCommands.Event);
    expect(office.events).toEqual(["completed"]);
  });

  it("say 没有发现问题 when 校验本表 finds nothing, and complete when that dialog is closed", async () => {
    const office = fakeOffice("1.18");
    office.answer({ host: "Excel", platform: "PC" });
    const wb = FakeWorkbook.fromTables(rosterTables(3, () => false));
    installFakeExcel(wb);
    const { ACTIONS, command } = await import("../../src/addin/commands/commands");
    const run = command(ACTIONS.validateSheet)({ completed: () => office.events.push("completed") } as unknown as Office.AddinCommands.Event);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(office.events).toEqual([`open: 工作表“${wb.active}”：没有发现问题。`]);
    office.closeDialog();
    await run;
    expect(office.events.at(-1)).toBe("completed");
  });
});
