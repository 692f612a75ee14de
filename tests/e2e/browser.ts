/**
 * The built pane (dist/addin) served on localhost and opened in headless
 * Debian Chromium. Every request to the network is refused except office.js,
 * which is answered from node_modules/@microsoft/office-js (or by a fake).
 */
import { existsSync, readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import * as path from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";
import * as ts from "typescript";
import type { Table } from "../../src/core/table";

export const ROOT = path.join(__dirname, "..", "..");
const DIST = path.join(ROOT, "dist", "addin");
const OFFICE_DIST = path.join(ROOT, "node_modules", "@microsoft", "office-js", "dist");
const OFFICE_CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/";
export const CHROMIUM = "/usr/bin/chromium";

const TYPES: Record<string, string> = { ".html": "text/html; charset=utf-8", ".js": "text/javascript", ".css": "text/css", ".png": "image/png", ".xml": "text/xml" };

/** A built add-in (dist/addin, or dist/wps for the WPS 加载项) served on localhost. */
export async function serveDist(dist = DIST): Promise<{ server: Server; url: string }> {
  if (!existsSync(path.join(dist, "taskpane.html"))) throw new Error(`${path.relative(ROOT, dist)} 不存在：请先运行 npm run build`);
  const server = createServer((req, res) => {
    const file = path.join(dist, decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname));
    if (!file.startsWith(dist) || !existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { "content-type": TYPES[path.extname(file)] ?? "application/octet-stream" }).end(readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/` };
}

export function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ["--no-sandbox", "--headless", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync"],
  });
}

/** office.js: the local copy, or `script` in its place; anything else off localhost is refused. */
/** dist/addin (or another build) served and Chromium started once for a test file, both closed after it. */
export function paneSession(dist = DIST): { readonly browser: Browser; readonly url: string } {
  const session = {} as { browser: Browser; url: string; server: Server };
  beforeAll(async () => {
    ({ server: session.server, url: session.url } = await serveDist(dist));
    session.browser = await launch();
  });
  afterAll(async () => {
    await session.browser?.close();
    await new Promise((resolve) => session.server?.close(resolve));
  });
  return session;
}

export async function routeOffice(page: Page, script?: string): Promise<void> {
  await page.route(/^https?:\/\/(?!127\.0\.0\.1)/, (route) => {
    const url = route.request().url();
    if (!url.startsWith(OFFICE_CDN)) return route.abort();
    const rel = url.slice(OFFICE_CDN.length).split("?")[0];
    if (script !== undefined && rel === "office.js") return route.fulfill({ contentType: "text/javascript", body: script });
    const file = path.join(OFFICE_DIST, rel);
    if (!file.startsWith(OFFICE_DIST) || !existsSync(file)) return route.abort();
    return route.fulfill({ contentType: "text/javascript", body: readFileSync(file) });
  });
}

/**
 * The fakes of the unit tests (tests/addin/<name>.ts, each importing only the
 * others by "./name") as one script for the page: `var <name> = require("./<entry>")`.
 */
export function bundleFakes(names: string[], entry: string, variable: string): string {
  const modules = names.map((name) => {
    const source = readFileSync(path.join(ROOT, "tests", "addin", `${name}.ts`), "utf8");
    const js = ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2020 } }).outputText;
    return `${JSON.stringify(`./${name}`)}: function (exports, require) { ${js} }`;
  });
  return `
    var ${variable} = (function () {
      var factories = { ${modules.join(",\n")} };
      var cache = {};
      function require(id) {
        if (!cache[id]) { cache[id] = {}; factories[id](cache[id], require); }
        return cache[id];
      }
      return require(${JSON.stringify(`./${entry}`)});
    })();`;
}

/** A fake office.js: Office with an Excel host and the fake Excel of the unit tests (window.__workbook), holding these sheets. */
export function fakeOfficeJs(sheets: Table[], workbookName: string): string {
  return `
    ${bundleFakes(["fake-grid", "fake-excel"], "fake-excel", "FakeExcelHost")}
    window.FakeExcelHost = FakeExcelHost;
    (function () {
      var host = window.FakeExcelHost;
      var wb = host.FakeWorkbook.fromTables(${JSON.stringify(sheets)});
      wb.name = ${JSON.stringify(workbookName)};
      host.installFakeExcel(wb, window);
      window.__workbook = wb;
      var settings = {};
      window.Office = {
        HostType: { Excel: "Excel" },
        AsyncResultStatus: { Succeeded: "succeeded" },
        onReady: function () { return Promise.resolve({ host: "Excel", platform: "OfficeOnline" }); },
        actions: { associate: function () {} },
        context: {
          requirements: { isSetSupported: function () { return true; } },
          document: { settings: {
            get: function (k) { return k in settings ? settings[k] : null; },
            set: function (k, v) { settings[k] = v; },
            saveAsync: function (cb) { cb({ status: "succeeded" }); }
          } }
        }
      };
    })();`;
}
