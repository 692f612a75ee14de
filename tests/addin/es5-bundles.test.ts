/**
 * Office 2016/2019 and older Microsoft 365 builds on Windows run the add-in in
 * Internet Explorer 11 or EdgeHTML (Microsoft's "Browsers and webview controls
 * used by Office Add-ins"), which parse nothing newer than ES5. The production
 * build is made here, into a temporary folder – so `npm test` checks the code
 * as it is on a fresh clone – and every JavaScript file it emits, in the Excel
 * add-in and the WPS 加载项 alike, is parsed with acorn as ES5.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { parse } from "acorn";

// webpack and the CommonJS config have no types here; the config is the one `npm run build` uses.
const webpack = require("webpack") as (configs: unknown, done: (err: Error | null, stats?: { hasErrors(): boolean; toString(o: string): string }) => void) => void;
const webpackConfig = require("../../webpack.config.js") as (env: Record<string, string>, argv: { mode: string }) => unknown;

jest.setTimeout(900_000);

const out = mkdtempSync(path.join(os.tmpdir(), "taizhang-build-"));
const filesUnder = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(path.join(dir, e.name)) : [path.join(dir, e.name)]));

/** What the build printed on the console (webpack.config.js warns about a local-testing build). */
const warnings: string[] = [];

beforeAll(async () => {
  const addinUrl = process.env.ADDIN_URL;
  delete process.env.ADDIN_URL;
  const warn = jest.spyOn(console, "warn").mockImplementation((...args: unknown[]) => void warnings.push(args.join(" ")));
  try {
    await new Promise<void>((resolve, reject) =>
      webpack(webpackConfig({ outputRoot: out }, { mode: "production" }), (err, stats) =>
        err ? reject(err) : stats!.hasErrors() ? reject(new Error(stats!.toString("errors-only"))) : resolve(),
      ),
    );
  } finally {
    warn.mockRestore();
    if (addinUrl !== undefined) process.env.ADDIN_URL = addinUrl;
  }
});
afterAll(() => rmSync(out, { recursive: true, force: true }));

it("emits only ES5 JavaScript for the Excel add-in and the WPS 加载项: entries, chunks and the parsing worker", () => {
  const scripts = filesUnder(out).filter((f) => /\.[cm]?js$/.test(f));
  const names = scripts.map((f) => path.relative(out, f).replace(/\\/g, "/").replace(/\.[0-9a-f]{8}\.js$/, ""));
  expect(names).toEqual(expect.arrayContaining(["addin/taskpane", "addin/commands", "addin/parse-worker", "wps/main", "wps/taskpane", "wps/parse-worker"]));
  const failures = scripts.flatMap((file) => {
    const code = readFileSync(file, "utf8");
    try {
      parse(code, { ecmaVersion: 5, sourceType: "script" });
      return [];
    } catch (e) {
      const pos = (e as { pos?: number }).pos ?? 0;
      return [`${path.relative(out, file)}: ${(e as Error).message} near ${JSON.stringify(code.slice(Math.max(0, pos - 60), pos + 30))}`];
    }
  });
  expect(failures).toEqual([]);
});

it("polyfills what the webviews lack (Promise, Map, Array.from …) from core-js inside the bundles", () => {
  const taskpane = filesUnder(path.join(out, "addin")).find((f) => /\/taskpane\.[0-9a-f]{8}\.js$/.test(f))!;
  const code = readFileSync(taskpane, "utf8");
  // core-js marks its shared store with its version; a bundle without polyfills has none.
  expect(code).toContain(require("core-js/package.json").version);
});

it("ships the help page, and without ADDIN_URL a local-testing manifest that the build and the manifest call so", () => {
  expect(existsSync(path.join(out, "addin", "help.html"))).toBe(true);
  const help = readFileSync(path.join(out, "addin", "help.html"), "utf8");
  expect(help).toContain("党建台账助手 帮助");
  expect(warnings).toContainEqual(expect.stringContaining("未设置 ADDIN_URL，dist/addin/manifest.xml 是本机测试版"));
  const manifest = readFileSync(path.join(out, "addin", "manifest.xml"), "utf8");
  expect(manifest).toContain("本机测试版");
  expect(manifest).toContain('<SupportUrl DefaultValue="https://localhost:3000/help.html"/>');
});
