/** The small pieces behind the marks: address batching, the mark record, text that must stay text, templates. */
import { GET_RANGES_LIMIT, joinUnderLimit, runsOf } from "../../src/addin/shared/address";
import { ALL_CAPABILITIES } from "../../src/addin/excel/capabilities";
import { parseStore, storeRows, type MarkEntry } from "../../src/addin/shared/marks";
import { asText, cellLink } from "../../src/addin/shared/results-sheet";
import { insertTemplateInExcel } from "../../src/addin/excel/template";
import { makeFinding } from "../../src/core/finding";
import { BUILTIN_PROFILES } from "../../src/core/profile";
import { roster } from "../../src/core/ledgers";
import { FakeWorkbook, installFakeExcel } from "./fake-excel";

it("merges marked cells into column runs and packs them under getRanges' 8,192 characters", () => {
  expect(runsOf(["C7", "C8", "C9", "E7", "C11", "C7"])).toEqual(["C7:C9", "C11", "E7"]);
  const many = runsOf(Array.from({ length: 5000 }, (_, i) => `E${i * 2 + 1}`));
  const packed = joinUnderLimit(many);
  expect(packed.length).toBeGreaterThan(1);
  expect(packed.every((p) => p.length <= GET_RANGES_LIMIT)).toBe(true);
  expect(packed.join(",").split(",")).toEqual(many);
});

it("reads back the mark record it writes, and skips rows it cannot trust", () => {
  const entries: MarkEntry[] = [
    { sheet: "党员'花名册", cell: "E7", markColor: "#FFC7CE", original: { color: "#FFFFFF", pattern: "None" }, annotation: "note" },
    { sheet: "党费收缴", cell: "F3", markColor: "#FFEB9C", original: { color: "#00B0F0", pattern: "LightDown", patternColor: "#FF0000", tintAndShade: 0.2 }, annotation: null },
  ];
  const rows = storeRows(entries);
  expect(parseStore([...rows, ["党费收缴", "not a cell", "#FFC7CE", "{}", ""], ["党费收缴", "A1", "#FFC7CE", "{broken", ""]])).toEqual(entries);
});

it("keeps text from untrusted cells as text and links each finding to its cell", () => {
  expect(asText("=HYPERLINK(\"http://evil\")")).toBe("'=HYPERLINK(\"http://evil\")");
  expect(asText("-5 元")).toBe("'-5 元");
  expect(asText("张三")).toBe("张三");
  const f = makeFinding("id.checksum", "身份证号校验位错误", { sheet: "党员\"花名册", row: 7, column: "E" });
  expect(cellLink(f)).toBe('=HYPERLINK("#\'党员""花名册\'!E7","E7")');
});

it("插入模板 adds a new 党员花名册 sheet with the canonical headers and text-formatted ID cells, next to an existing one", async () => {
  const wb = FakeWorkbook.fromTables([{ name: "党员花名册", cells: [[{ value: "旧表" }]] }]);
  installFakeExcel(wb);
  const before = wb.contents("党员花名册");
  const name = await insertTemplateInExcel("roster", BUILTIN_PROFILES["100-50"], ALL_CAPABILITIES);
  expect(name).toBe("党员花名册 (2)");
  expect(wb.contents("党员花名册")).toBe(before);
  const sheet = wb.sheet(name);
  const headerRow = [...Array(roster.fields.length).keys()].map((c) => wb.cell(name, `${String.fromCharCode(65 + c)}2`)?.value);
  expect(headerRow).toEqual(roster.fields.map((f) => f.header));
  const idCol = String.fromCharCode(65 + roster.fields.findIndex((f) => f.key === "idNumber"));
  expect(wb.cell(name, `${idCol}3`)?.numberFormat).toBe("@");
  expect(sheet.frozenRows).toBe(2);
  expect([...sheet.validations.values()]).toContainEqual({ list: { inCellDropDown: true, source: "男,女" } });
  expect(wb.active).toBe(name);
});
