/**
 * The pre-flight refuses what would exhaust memory before SheetJS sees it,
 * reading only the ZIP directory. Limits are parameters: here they are set low
 * to show each one acting on an ordinary roster.
 */
import * as iconv from "iconv-lite";
import { ReadError } from "../../src/io/errors";
import { DEFAULT_LIMITS, preflight, type PreflightLimits } from "../../src/io/preflight";
import { ROSTER_HEADER, ROSTER_RECORDS, validRoster } from "../fixtures/bad/make";
import { buildWorkbook } from "../fixtures/builder";

const roster = validRoster();
const rosterXls = buildWorkbook([{ name: "党员花名册", rows: [ROSTER_HEADER, ...ROSTER_RECORDS] }], "xls");
const rosterCsv = iconv.encode([ROSTER_HEADER, ...ROSTER_RECORDS].map((r) => r.join(",")).join("\r\n"), "gbk");

function refusal(bytes: Uint8Array, file: string, limits: Partial<PreflightLimits>): { kind: string; message: string } | "accepted" {
  try {
    preflight(bytes, file, { ...DEFAULT_LIMITS, ...limits });
    return "accepted";
  } catch (e) {
    if (!(e instanceof ReadError)) throw e;
    return { kind: e.kind, message: e.message };
  }
}

describe("pre-flight limits", () => {
  it("accepts an ordinary roster as .xlsx, .xls and GBK .csv with the default limits", () => {
    expect(preflight(roster, "一支部.xlsx")).toBe("xlsx");
    expect(preflight(rosterXls, "二支部.xls")).toBe("cfb");
    expect(preflight(rosterCsv, "三支部.csv")).toBe("csv");
  });

  it.each([
    ["too many ZIP parts", roster, "一支部.xlsx", { maxEntries: 3 }, "个部件"],
    ["too much once unzipped", roster, "一支部.xlsx", { unzippedBytes: 1000 }, "解压后超过"],
    ["too big an .xlsx", roster, "一支部.xlsx", { xlsxBytes: 1000 }, "上限"],
    ["too big an .xls", rosterXls, "二支部.xls", { xlsBytes: 1000 }, "上限"],
    ["too big a .csv", rosterCsv, "三支部.csv", { csvBytes: 100 }, "上限"],
  ])("refuses %s as too-big and says why", (_, bytes, file, limits, says) => {
    const outcome = refusal(bytes, file, limits);
    expect(outcome).toMatchObject({ kind: "too-big" });
    expect((outcome as { message: string }).message).toContain(says);
  });

  it("takes text as CSV only from a .csv or .txt file: a text file named .xlsx is not a spreadsheet", () => {
    expect(refusal(rosterCsv, "一支部.xlsx", {})).toMatchObject({ kind: "not-spreadsheet" });
  });
});
