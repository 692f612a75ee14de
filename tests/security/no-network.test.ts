/**
 * Ledgers hold personal data (ID numbers, phones): the tool never opens a
 * network connection. Checked twice: no module of the core or io imports a
 * network API, and a full validate + merge run with every socket API trapped
 * opens none.
 */
import dgram = require("node:dgram");
import dns = require("node:dns");
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import http = require("node:http");
import https = require("node:https");
import net = require("node:net");
import { tmpdir } from "node:os";
import * as path from "node:path";
import tls = require("node:tls");
import { BUILTIN_PROFILES, reportWorkbook } from "../../src/core";
import { main } from "../../src/cli/main";
import { closeWorkers } from "../../src/io/isolate";
import { readWorkbookBytes } from "../../src/io/read-file";
import { badCorpus, validRoster, writeBadCorpus } from "../fixtures/bad/make";

const ROOT = path.join(__dirname, "../..");
const NETWORK_MODULE = /(?:from\s+|require\(\s*|import\(\s*)["'](?:node:)?(?:net|http|https|http2|dgram|tls|dns|undici)["']/;
const NETWORK_GLOBAL = /\b(?:fetch|XMLHttpRequest|WebSocket|EventSource)\s*\(|navigator\.sendBeacon/;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? sourceFiles(full) : /\.ts$/.test(name) ? [full] : [];
  });
}

describe("no network at run time", () => {
  it("no module of src/core or src/io imports a network API", () => {
    const files = ["src/core", "src/io"].flatMap((d) => sourceFiles(path.join(ROOT, d)));
    expect(files.length).toBeGreaterThan(10);
    const offending = files.filter((f) => {
      const text = readFileSync(f, "utf8");
      return NETWORK_MODULE.test(text) || NETWORK_GLOBAL.test(text);
    });
    expect(offending.map((f) => path.relative(ROOT, f))).toEqual([]);
  });

  describe("with every socket API trapped", () => {
    const attempts: string[] = [];
    const restore: (() => void)[] = [];
    let dir: string;

    /** Replace `owner[key]` by a function that records the attempt and throws. */
    function trap<T extends object>(owner: T, key: keyof T & string, label: string): void {
      const original = owner[key];
      Object.defineProperty(owner, key, {
        configurable: true,
        writable: true,
        value: () => {
          attempts.push(label);
          throw new Error(`network use: ${label}`);
        },
      });
      restore.push(() => Object.defineProperty(owner, key, { configurable: true, writable: true, value: original }));
    }

    beforeAll(() => {
      dir = mkdtempSync(path.join(tmpdir(), "taizhang-net-"));
      writeFileSync(path.join(dir, "一支部.xlsx"), validRoster());
      writeBadCorpus(path.join(dir, "bad"));
      // Its size tests the reader, not the network: left out to keep this test quick.
      rmSync(path.join(dir, "bad", "big-cell.xlsx"));
      trap(net.Socket.prototype, "connect", "net.Socket.connect");
      trap(net, "connect", "net.connect");
      trap(net, "createConnection", "net.createConnection");
      trap(tls, "connect", "tls.connect");
      trap(http, "request", "http.request");
      trap(http, "get", "http.get");
      trap(https, "request", "https.request");
      trap(https, "get", "https.get");
      trap(dgram, "createSocket", "dgram.createSocket");
      trap(dns, "lookup", "dns.lookup");
      trap(globalThis, "fetch", "fetch");
    });
    afterAll(async () => {
      restore.forEach((undo) => undo());
      await closeWorkers();
      rmSync(dir, { recursive: true, force: true });
    });

    it("the traps work: a connection attempt is caught", () => {
      expect(() => net.connect(80, "127.0.0.1")).toThrow("network use");
      expect(attempts).toEqual(["net.connect"]);
      attempts.length = 0;
    });

    it("reads and validates every fixture in this thread without a connection attempt", () => {
      const options = { profile: BUILTIN_PROFILES["100-50"], asOf: "2026-06-30" };
      const small = badCorpus().filter((f) => f.file !== "big-cell.xlsx");
      for (const { file, bytes } of [...small, { file: "一支部.xlsx", bytes: validRoster() }]) {
        try {
          reportWorkbook(readWorkbookBytes(bytes, file), options);
        } catch {
          // ReadErrors are the corpus test's business; only sockets matter here.
        }
      }
      expect(attempts).toEqual([]);
    });

    it("runs taizhang validate and merge over the fixtures without a connection attempt", async () => {
      const out = jest.spyOn(process.stdout, "write").mockImplementation(() => true);
      const err = jest.spyOn(process.stderr, "write").mockImplementation(() => true);
      try {
        await main(["node", "taizhang", "validate", "--json", "--as-of", "2026-06-30", dir, path.join(dir, "bad")]);
        await main(["node", "taizhang", "merge", "--json", "--as-of", "2026-06-30", "-o", path.join(dir, "学院汇总.xlsx"), dir, path.join(dir, "bad")]);
      } finally {
        out.mockRestore();
        err.mockRestore();
      }
      expect(attempts).toEqual([]);
    });
  });
});
