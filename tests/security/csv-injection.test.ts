/**
 * A member's name typed as =HYPERLINK(…) must not become a live formula when a
 * report or summary written by the tool is opened in Excel.
 */
import * as XLSX from "@e965/xlsx";
import { csvSafe, toSafeCsv } from "../../src/io/safe-text";

const HOSTILE = ["=HYPERLINK(\"http://example.invalid\",\"点我\")", "+1+1", "-2+3", "@SUM(A1:A9)", "\tTAB", "\rCR"];

describe("CSV output of cells that came from inputs", () => {
  it.each(HOSTILE)("writes %j as text, not as a formula", (text) => {
    expect(csvSafe(text)).toBe(`'${text}`);
  });

  it("leaves ordinary text and real numbers alone", () => {
    expect(csvSafe("刘洋")).toBe("刘洋");
    expect(csvSafe(-12.5)).toBe(-12.5);
    expect(csvSafe("110101199003071234")).toBe("110101199003071234");
    expect(csvSafe(null)).toBe("");
  });

  it("produces a CSV that Excel (here SheetJS) reads back with no formula and the text intact", () => {
    const csv = toSafeCsv([["姓名", "备注"], ...HOSTILE.map((t) => ["刘洋", t])]);
    const book = XLSX.read(csv, { type: "string", cellFormula: true });
    const sheet = book.Sheets[book.SheetNames[0]];
    const cells = Object.keys(sheet).filter((k) => !k.startsWith("!")).map((k) => sheet[k] as XLSX.CellObject);
    expect(cells.filter((c) => c.f !== undefined)).toEqual([]);
    const remarks = HOSTILE.map((_, i) => String((sheet[`B${i + 2}`] as XLSX.CellObject).v));
    expect(remarks).toEqual(HOSTILE.map((t) => `'${t}`));
  });
});
