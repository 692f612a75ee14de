/**
 * `npm run validate`: the add-in manifest read offline by Microsoft's own
 * manifest parser – the OSF manifest object model Office uses to read an
 * add-in-only XML manifest, published by Microsoft in the npm package
 * office-addin-manifest-converter (MIT) – and converted by the same package
 * to the unified (JSON) manifest, which walks every ribbon control, action,
 * resource id and URL. Anything the parser or the conversion reports (an
 * exception, a warning, an XML error) is a problem; nothing goes to the
 * network (http and https are shut for the run). Checked: manifest.xml as
 * written and as `npm run build` ships it, with and without ADDIN_URL.
 *
 * Microsoft's XSD schemas are not on npm and are not kept here; the shape
 * checks the schemas would make (order, limits, https, icons) are in
 * tests/addin/manifest.test.ts.
 */
import http from "node:http";
import https from "node:https";
import { readFileSync } from "node:fs";
import * as path from "node:path";
import { format } from "node:util";
import { Converter } from "office-addin-manifest-converter/lib/converter";
import { Utilities } from "office-addin-manifest-converter/lib/utilities";

const { deployedManifest } = require("./addin-manifest.js") as { deployedManifest: (content: string, url: string | undefined) => string };

export interface OfficeReading {
  /** What Microsoft's parser or the conversion reported, one line each; empty when the manifest reads cleanly. */
  problems: string[];
  /** The unified manifest the conversion produced (absent when the parser gave up). */
  json?: UnifiedManifest;
}

/** The parts of the unified manifest the checks look at. */
export interface UnifiedManifest {
  extensions: {
    runtimes: { code: { page: string }; actions: { id: string; type: string }[] }[];
    ribbons: { tabs: { label: string; groups: { controls: { id: string; label: string; items?: { id: string; label: string; actionId: string }[] }[] }[] }[] }[];
  }[];
}

const ANSI = /\u001b\[[0-9;]*m/g;
const line = (args: unknown[]) => format(...args).replace(ANSI, "").trim();

/** Run fn with console.warn/error collected into problems and http/https refused. */
async function captured<T>(problems: string[], fn: () => Promise<T>): Promise<T> {
  const saved = { warn: console.warn, error: console.error, log: console.log, http: http.request, https: https.request, httpGet: http.get, httpsGet: https.get };
  const refuse = (): never => {
    problems.push("转换时试图联网（已阻止）");
    throw new Error("网络已关闭");
  };
  console.warn = console.error = (...args: unknown[]) => void problems.push(line(args));
  console.log = () => undefined;
  Object.assign(http, { request: refuse, get: refuse });
  Object.assign(https, { request: refuse, get: refuse });
  try {
    return await fn();
  } finally {
    Object.assign(console, { warn: saved.warn, error: saved.error, log: saved.log });
    Object.assign(http, { request: saved.http, get: saved.httpGet });
    Object.assign(https, { request: saved.https, get: saved.httpsGet });
  }
}

/** The manifest as Office's parser reads it, in the given UI locale. */
export async function readAsOffice(xml: string, locale = "zh-CN"): Promise<OfficeReading> {
  const problems: string[] = [];
  Utilities.setUpOSFAppTelemetry();
  Utilities.setVerbosity(true);
  try {
    const json = await captured(problems, async () => {
      const converter = new Converter(xml, locale);
      await converter.convert();
      return converter.getJSON() as unknown as UnifiedManifest;
    });
    return { problems, json };
  } catch (e) {
    problems.push(`清单解析失败：${line([e instanceof Error ? e.message : e])}`);
    return { problems };
  }
}

/** The manifests to check: the source, and what `npm run build` ships without and with ADDIN_URL. */
export function manifestsToCheck(root: string): { name: string; xml: string }[] {
  const source = readFileSync(path.join(root, "manifest.xml"), "utf8");
  return [
    { name: "manifest.xml", xml: source },
    { name: "构建后的 manifest.xml（本机测试版）", xml: deployedManifest(source, undefined) },
    { name: "构建后的 manifest.xml（ADDIN_URL=https://dangjian.example.edu.cn/taizhang/）", xml: deployedManifest(source, "https://dangjian.example.edu.cn/taizhang/") },
  ];
}

async function main(): Promise<void> {
  let failed = false;
  for (const { name, xml } of manifestsToCheck(path.join(__dirname, ".."))) {
    const { problems, json } = await readAsOffice(xml);
    if (problems.length > 0 || !json) {
      failed = true;
      console.error(`✗ ${name}：Microsoft 的清单解析器报告 ${problems.length} 个问题`);
      for (const p of problems) console.error(`  - ${p}`);
      continue;
    }
    const tab = json.extensions[0].ribbons[0].tabs[0];
    const controls = tab.groups.flatMap((g) => g.controls);
    console.log(`✓ ${name}：Microsoft 的清单解析器读取无误（选项卡“${tab.label}”，${controls.length} 个按钮，任务窗格与命令页 ${json.extensions[0].runtimes.map((r) => r.code.page).join("、")}）`);
  }
  process.exitCode = failed ? 1 : 0;
}

if (require.main === module) void main();
