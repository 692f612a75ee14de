/**
 * The manifest `npm run build` ships (scripts/addin-manifest.js): with
 * ADDIN_URL every URL and the AppDomain point at the deployment, nothing at
 * localhost; without it the manifest says it is a local-testing build. The
 * help page it names as SupportUrl is a page of its own, in zh-CN.
 */
import { existsSync, readFileSync } from "node:fs";
import * as path from "node:path";
import { all, child, parseXml } from "./xml";

const { deployedManifest } = require("../../scripts/addin-manifest.js") as { deployedManifest: (content: string, url: string | undefined) => string };

const ROOT = path.join(__dirname, "..", "..");
const source = readFileSync(path.join(ROOT, "manifest.xml"), "utf8");

/** Every URL and domain of a manifest: attribute values and AppDomain texts. */
const urlsOf = (xml: string) => [...xml.matchAll(/(?:DefaultValue|Value)="(\w+:\/\/[^"]+)"/g)].map((m) => m[1]).concat([...xml.matchAll(/<AppDomain>([^<]*)<\/AppDomain>/g)].map((m) => m[1]));

describe("the deployed manifest", () => {
  it("puts ADDIN_URL into every URL, the AppDomain becomes its origin, and nothing is left on localhost", () => {
    const xml = deployedManifest(source, "https://dangjian.example.edu.cn/taizhang");
    parseXml(xml);
    expect(xml).not.toContain("localhost");
    const urls = urlsOf(xml);
    expect(urls.length).toBe(urlsOf(source).length);
    for (const url of urls) expect(url === "https://dangjian.example.edu.cn" || url.startsWith("https://dangjian.example.edu.cn/taizhang/")).toBe(true);
    expect([...xml.matchAll(/<AppDomain>([^<]*)<\/AppDomain>/g)].map((m) => m[1])).toEqual(["https://dangjian.example.edu.cn"]);
    expect(xml).toContain('<SupportUrl DefaultValue="https://dangjian.example.edu.cn/taizhang/help.html"/>');
    expect(xml).toContain('<SourceLocation DefaultValue="https://dangjian.example.edu.cn/taizhang/taskpane.html"/>');
    expect(xml).not.toContain("本机测试版");
  });

  it("refuses an ADDIN_URL Office would not load, with a zh-CN message", () => {
    expect(() => deployedManifest(source, "http://dangjian.example.edu.cn/")).toThrow("ADDIN_URL 必须是 https 地址");
    expect(() => deployedManifest(source, "dangjian/taizhang")).toThrow("ADDIN_URL 不是有效的网址");
  });

  it("without ADDIN_URL stays on localhost and says it is a local-testing build, in a comment and the description", () => {
    const xml = deployedManifest(source, undefined);
    const manifest = parseXml(xml);
    expect(urlsOf(xml).every((u) => u.startsWith("https://localhost:3000"))).toBe(true);
    expect(xml).toMatch(/^<\?xml[^>]*\?>\n<!-- 本机测试版：/);
    expect(child(manifest, "Description").attrs.DefaultValue).toMatch(/（本机测试版）$/);
  });

  it("names the zh-CN help page as SupportUrl and Learn more, not the task pane", () => {
    const manifest = parseXml(source);
    expect(child(manifest, "SupportUrl").attrs.DefaultValue).toBe("https://localhost:3000/help.html");
    const helpId = all(manifest, "LearnMoreUrl")[0].attrs.resid;
    expect(all(manifest, "bt:Url").find((u) => u.attrs.id === helpId)!.attrs.DefaultValue).toBe("https://localhost:3000/help.html");
    const help = path.join(ROOT, "src/addin/help/help.html");
    expect(existsSync(help)).toBe(true);
    const html = readFileSync(help, "utf8");
    expect(html).toContain('<html lang="zh-CN">');
    for (const button of ["校验本表", "校验全部", "清除标记", "插入模板", "汇总工作簿", "打开助手"]) expect(html).toContain(button);
  });
});
