/**
 * The committee receives files from many hands. Every file of the bad-input
 * corpus (tests/fixtures/bad/make.ts) goes through loadWorkbook – pre-flight,
 * then a worker with a heap cap and a timeout – and ends as the outcome listed
 * here (docs/security.md has the same table): a ReadError of a named kind, or a
 * normal report. Never another exception, never a hang.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { BUILTIN_PROFILES, reportWorkbook, type FileReport, type Workbook } from "../../src/core";
import { ReadError, type ReadErrorKind } from "../../src/io/errors";
import { closeWorkers } from "../../src/io/isolate";
import { loadWorkbook } from "../../src/io/load";
import { writeBadCorpus, PROTO_NAMES, ROSTER_RECORDS } from "../fixtures/bad/make";

type Outcome =
  | { refused: ReadErrorKind; says: string }
  | { noLedger: string }
  | { ledger: "roster"; sheet: string; rows: number; names?: string[] };

const OUTCOMES: Record<string, Outcome> = {
  "truncated.xlsx": { refused: "corrupt", says: "文件已损坏" },
  "zip-bomb.xlsx": { refused: "too-big", says: "压缩比异常" },
  "encrypted.xlsx": { refused: "encrypted", says: "请在 Excel 中取消密码后重新提交" },
  "renamed-exe.xlsx": { refused: "not-spreadsheet", says: "不是电子表格文件" },
  "renamed-pdf.xlsx": { refused: "not-spreadsheet", says: "不是电子表格文件" },
  "renamed-docx.xlsx": { refused: "not-spreadsheet", says: "不是电子表格文件" },
  "empty.xlsx": { refused: "empty", says: "文件是空的" },
  "no-sheets.xlsx": { noLedger: "（无工作表）" },
  "rows-1048576.xlsx": { refused: "too-big", says: "第 1048576 行有数据，超过上限 100000 行" },
  "dimension-1048576.xlsx": { ledger: "roster", sheet: "党员花名册", rows: 2, names: ["刘洋", "王芳"] },
  "cols-16384.xlsx": { ledger: "roster", sheet: "党员花名册", rows: 2, names: ["刘洋", "王芳"] },
  "big-cell.xlsx": { ledger: "roster", sheet: "党员花名册", rows: 1, names: ["刘洋"] },
  "invalid-utf8.csv": { ledger: "roster", sheet: "invalid-utf8", rows: 2, names: ["刘洋\ufffd", "王芳"] },
  "gbk-no-bom.csv": { ledger: "roster", sheet: "gbk-no-bom", rows: 2, names: ["刘洋", "王芳"] },
  "header-only.xlsx": { ledger: "roster", sheet: "党员花名册", rows: 0 },
  "merged-header.xlsx": { noLedger: "没有可识别的台账" },
  "formulas.xlsx": { ledger: "roster", sheet: "党员花名册", rows: 2, names: ["刘洋", "王芳"] },
  "proto-names.xlsx": { ledger: "roster", sheet: "__proto__", rows: 2, names: ["刘洋", "王芳"] },
};

const options = { profile: BUILTIN_PROFILES["100-50"], asOf: "2026-06-30" };
let dir: string;
let files: string[];

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), "taizhang-bad-"));
  files = writeBadCorpus(dir);
});
afterAll(async () => {
  await closeWorkers();
  rmSync(dir, { recursive: true, force: true });
});

/** What the committee sees for one file: the ReadError, or the workbook read and its report. */
async function outcomeOf(file: string): Promise<ReadError | { workbook: Workbook; report: FileReport }> {
  try {
    const workbook = await loadWorkbook(file);
    return { workbook, report: reportWorkbook(workbook, options).report };
  } catch (e) {
    if (e instanceof ReadError) return e;
    throw e;
  }
}

describe("the bad-input corpus", () => {
  it("has an expected outcome for every generated file", () => {
    expect(files.map((f) => path.basename(f)).sort()).toEqual(Object.keys(OUTCOMES).sort());
  });

  it.each(Object.entries(OUTCOMES))("%s → %j", async (name, expected) => {
    const outcome = await outcomeOf(path.join(dir, name));
    if ("refused" in expected) {
      expect(outcome).toBeInstanceOf(ReadError);
      const error = outcome as ReadError;
      expect(error.kind).toBe(expected.refused);
      expect(error.message).toContain(name);
      expect(error.message).toContain(expected.says);
      return;
    }
    expect(outcome).not.toBeInstanceOf(ReadError);
    const { workbook, report } = outcome as { workbook: Workbook; report: FileReport };
    if ("noLedger" in expected) {
      expect(report.status).toBe("no-ledger");
      expect(report.error).toContain(expected.noLedger);
      return;
    }
    expect(["clean", "errors"]).toContain(report.status);
    expect(report.sheets.find((s) => s.sheet === expected.sheet)).toMatchObject({ ledger: expected.ledger, rows: expected.rows });
    // Each member's name, cell by cell: nothing garbled (GBK) or lost (1,048,576-row dimension).
    const names = workbook.sheets.find((s) => s.name === expected.sheet)!.cells.slice(1).map((row) => row[0]?.value);
    expect(names).toEqual(expected.names ?? []);
  });
});

describe("formulas and crafted names in a workbook", () => {
  it("reads what Excel showed for a formula, never the formula", async () => {
    const workbook = await loadWorkbook(path.join(dir, "formulas.xlsx"));
    const texts = workbook.sheets[0].cells.flat().map((c) => String(c?.value ?? ""));
    expect(texts).toContain(ROSTER_RECORDS[0][2]);
    expect(texts.filter((t) => /HYPERLINK|^=/.test(t))).toEqual([]);
  });

  it("validates sheets and headers named __proto__ or constructor normally and pollutes no object", async () => {
    const { report } = (await outcomeOf(path.join(dir, "proto-names.xlsx"))) as { report: FileReport };
    expect(report.sheets.map((s) => s.sheet)).toEqual(PROTO_NAMES);
    expect(report.sheets.slice(1).every((s) => s.ledger === null)).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf({})).toBe(Object.prototype);
    expect(typeof ({} as { toString: unknown }).toString).toBe("function");
  });
});
