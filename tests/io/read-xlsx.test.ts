import { BUILTIN_PROFILES, makeIdNumber, validateWorkbook } from "../../src/core";
import { readWorkbookBytes } from "../../src/io/read-file";
import { buildWorkbook, dateCell } from "../fixtures/builder";

describe("reading an .xlsx roster", () => {
  const id = makeIdNumber("110101", "1990-03-07", 123, "男");
  const bytes = buildWorkbook([
    {
      name: "党员花名册",
      rows: [
        ["一支部党员花名册"],
        ["姓名", "性别", "身份证号", "人员类别", "党员类型", "入党时间", "转正时间"],
        ["刘洋", "男", id, "教职工", "正式党员", dateCell("2015-07-01"), "2016.07.01"],
        ["张伟", "男", { t: "n", v: 110101199003071230 }, "教职工", "正式党员", 20150701, "2016年7月1日"],
      ],
      merges: ["A1:G1"],
    },
  ]);

  it("keeps the original cells and converts serial dates by arithmetic", () => {
    const wb = readWorkbookBytes(bytes, "一支部.xlsx");
    const result = validateWorkbook(wb, { profile: BUILTIN_PROFILES["100-50"], asOf: "2026-06-30" });
    const sheet = result.sheets[0];
    expect(sheet.ledger).toBe("roster");
    expect(result.parsed.sheets[0].rows[0].values.joinDate).toBe("2015-07-01");
    const lost = sheet.findings.filter((f) => f.code === "id.precision-lost");
    expect(lost.map((f) => f.cell)).toEqual(["C4"]);
  });
});
