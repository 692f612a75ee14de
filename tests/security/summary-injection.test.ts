/**
 * A branch's 备注 says =HYPERLINK("http://…","点我") and its 所在支部 is
 * @SUM(1+1)*cmd|' /C calc'!A0: in the college summary they are text the
 * committee can read, never formulas Excel would run (OWASP CSV/formula injection).
 */
import * as XLSX from "@e965/xlsx";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { main } from "../../src/cli/main";
import { closeWorkers } from "../../src/io/isolate";
import { ROSTER_HEADER, rosterRows } from "../fixtures/bad/make";
import { buildWorkbook } from "../fixtures/builder";

const HOSTILE_BRANCH = "@SUM(1+1)*cmd|' /C calc'!A0";
const HOSTILE_REMARKS = ['=HYPERLINK("http://example.invalid/?leak","点我")', "+1+1", "-2+3", "=cmd|' /C calc'!A0"];
const HOSTILE = [HOSTILE_BRANCH, ...HOSTILE_REMARKS];

let dir: string;
let cells: XLSX.CellObject[];

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "taizhang-inject-"));
  const header = [...ROSTER_HEADER, "所在支部"];
  const rows = [...rosterRows(), ...rosterRows()].map((r, i) => [...r.slice(0, 7), HOSTILE_REMARKS[i], HOSTILE_BRANCH]);
  writeFileSync(path.join(dir, "=一支部.xlsx"), buildWorkbook([{ name: "党员花名册", rows: [header, ...rows] }]));
  const output = path.join(dir, "学院汇总.xlsx");
  const out = jest.spyOn(process.stdout, "write").mockImplementation(() => true);
  try {
    await main(["node", "taizhang", "merge", "--json", "--as-of", "2026-06-30", "-o", output, path.join(dir, "=一支部.xlsx")]);
  } finally {
    out.mockRestore();
  }
  const book = XLSX.read(readFileSync(output), { type: "buffer", cellFormula: true });
  cells = book.SheetNames.flatMap((name) => {
    const sheet = book.Sheets[name];
    return Object.keys(sheet).filter((k) => !k.startsWith("!")).map((k) => sheet[k] as XLSX.CellObject);
  });
}, 30_000);

afterAll(async () => {
  await closeWorkers();
  rmSync(dir, { recursive: true, force: true });
});

describe("the summary workbook written from hostile inputs", () => {
  it("keeps every hostile text as a text cell the committee can read", () => {
    const texts = cells.filter((c) => c.t === "s").map((c) => String(c.v));
    for (const text of [...HOSTILE, "=一支部.xlsx"]) expect(texts).toContain(text);
  });

  it("contains no formula built from input text", () => {
    const formulas = cells.filter((c) => c.f !== undefined).map((c) => String(c.f));
    const fromInput = formulas.filter((f) => /HYPERLINK|cmd|calc|SUM\(1\+1\)|1\+1|2\+3|一支部/.test(f));
    expect(fromInput).toEqual([]);
  });
});
