import { BUILTIN_PROFILES, makeIdNumber, tableFromRows, validateWorkbook, type Table } from "../../src/core";
import { buildWorkbook } from "../fixtures/builder";
import { readWorkbookBytes } from "../../src/io/read-file";

const options = { profile: BUILTIN_PROFILES["100-50"], asOf: "2026-06-30" };
const id = makeIdNumber("110101", "1990-03-07", 123, "男");
const validate = (...tables: Table[]) => validateWorkbook({ name: "一支部.xlsx", sheets: tables }, options);

describe("finding the header", () => {
  it("finds a header under two title rows and keeps original row numbers", () => {
    const result = validate(
      tableFromRows("Sheet1", [
        ["计算机学院第一党支部"],
        ["党员花名册（2026年6月）"],
        ["姓名", "性别", "身份证号", "人员类别", "党员类型", "入党时间"],
        ["刘洋", "女", id, "教职工", "正式党员", "2015-07-01"],
      ]),
    );
    expect(result.sheets[0]).toMatchObject({ ledger: "roster", headerRow: 3, rows: 1 });
    expect(result.sheets[0].findings.find((f) => f.code === "roster.gender-mismatch")?.cell).toBe("B4");
  });

  it("ignores whitespace, full-width characters, a required-mark * and a unit in brackets, and maps aliases", () => {
    const result = validate(
      tableFromRows("名单", [
        ["姓　名", " 性 别 ", "*公民身份号码", "人员类别（教职工/学生）", "党员类别", "入党日期", "转正日期", "出生年月", "手机号码"],
        ["刘洋", "男", id, "教职工", "正式党员", "2015-07-01", "2016-07-01", "1990.03", "13812345678"],
      ]),
    );
    const parsed = result.parsed.sheets[0];
    expect(parsed.ledger.key).toBe("roster");
    expect([...parsed.columns.keys()].sort()).toEqual(
      ["birthDate", "category", "fullDate", "gender", "idNumber", "joinDate", "memberType", "name", "phone"].sort(),
    );
    expect(parsed.rows[0].values).toMatchObject({ idNumber: id, birthDate: "1990-03-01", fullDate: "2016-07-01" });
    expect(parsed.rows[0].monthOnly.has("birthDate")).toBe(true);
  });

  it("recognises a ledger by its headers, not its position or sheet name", () => {
    const result = validate(
      tableFromRows("封面", [["本工作簿包含支部台账"]]),
      tableFromRows("Sheet2", [
        ["日期", "摘要", "收入", "支出", "余额"],
        ["2026-03-01", "学院下拨经费", 300, null, 300],
      ]),
    );
    expect(result.sheets.map((s) => [s.ledger, s.findings.map((f) => f.code)])).toEqual([
      [null, ["sheet.unrecognized"]],
      ["funding", []],
    ]);
  });

  it("reports a missing required column once per sheet, on the header row", () => {
    const result = validate(
      tableFromRows("党员花名册", [
        ["花名册"],
        ["姓名", "性别", "人员类别", "党员类型", "入党时间"],
        ["刘洋", "男", "教职工", "正式党员", "2015-07-01"],
        ["王芳", "女", "教职工", "正式党员", "2015-07-01"],
      ]),
    );
    const missing = result.sheets[0].findings.filter((f) => f.code === "header.missing");
    expect(missing.map((f) => [f.row, f.field])).toEqual([[2, "idNumber"]]);
    expect(missing[0].message).toContain("缺少必需的列“身份证号”");
  });

  it("skips blank rows, 序号-only rows and 合计/小计 rows", () => {
    const result = validate(
      tableFromRows("党费收缴", [
        ["序号", "姓名", "人员类别", "缴费基数", "缴纳比例", "月应缴", "1月"],
        [1, "刘洋", "学生", null, null, 0.2, 0.2],
        [],
        [2],
        [null, "小计", null, null, null, 0.2, 0.2],
        [3, "王芳", "学生", null, null, 0.2, 0.2],
        ["合 计", null, null, null, null, 0.4, 0.4],
      ]),
    );
    expect(result.parsed.sheets[0].rows.map((r) => r.row)).toEqual([2, 6]);
    expect(result.parsed.sheets[0].skippedRows).toEqual([3, 4, 5, 7]);
    expect(result.sheets[0].findings).toEqual([]);
  });
});

describe("an .xlsx with a title row and a merged two-row header", () => {
  const months = Array.from({ length: 12 }, (_, i) => `${i + 1}月`);
  const bytes = buildWorkbook([
    {
      name: "党费",
      rows: [
        ["2026年党费收缴台账"],
        ["姓名", "人员类别", "缴费基数", "缴纳比例", "月应缴", "缴纳情况", ...Array(11).fill(null), "合计"],
        [null, null, null, null, null, ...months, null],
        ["刘洋", "教职工", 5100, "1.5%", 76.5, 76.5, 76.5, 76.5, 76.5, 76.5, 70, ...Array(6).fill(null), 452.5],
      ],
      merges: ["A1:R1", "F2:Q2", "A2:A3", "B2:B3", "C2:C3", "D2:D3", "E2:E3", "R2:R3"],
    },
  ]);

  it("maps every month under 缴纳情况 and reads data below the second header row", () => {
    const result = validateWorkbook(readWorkbookBytes(bytes, "一支部.xlsx"), options);
    const sheet = result.parsed.sheets[0];
    expect(sheet.headerRow).toBe(3);
    expect(sheet.columns.get("m1")).toBe(5);
    expect(sheet.columns.get("m12")).toBe(16);
    expect(sheet.columns.get("total")).toBe(17);
    expect(result.sheets[0].findings.map((f) => [f.code, f.cell])).toEqual([["dues.underpaid", "K4"]]);
  });
});
