import { BUILTIN_PROFILES, makeIdNumber, tableFromRows, validateWorkbook } from "../../src/core";

const options = { profile: BUILTIN_PROFILES["100-50"], asOf: "2026-06-30" };

describe("reading a roster sheet", () => {
  const id = makeIdNumber("110101", "1990-03-07", 123, "男");
  const table = tableFromRows(
    "Sheet1",
    [
      ["计算机学院第一党支部党员花名册"],
      ["序号", "姓 名", "性别", "身份证号码", "人员类别", "党员类型", "入党日期", "转正时间"],
      [1, "刘洋", "男", id, "教职工", "正式党员", "2015.07.01", "2016/7/1"],
      [2],
      [3, "王芳", "女", "110101199003071234", "学生", "预备党员", "2026年1月1日", ""],
      ["合计", "2人"],
    ],
    [{ top: 0, left: 0, bottom: 0, right: 7 }],
  );
  const result = validateWorkbook({ name: "一支部.xlsx", sheets: [table] }, options);
  const sheet = result.sheets[0];

  it("finds the header under a title row and recognises the ledger", () => {
    expect(sheet.ledger).toBe("roster");
    expect(sheet.headerRow).toBe(2);
    expect(sheet.rows).toBe(2);
  });

  it("places a cell finding on the original cell", () => {
    const checksum = sheet.findings.find((f) => f.code === "id.checksum");
    expect(checksum).toMatchObject({ row: 5, column: "D", cell: "D5", field: "idNumber" });
  });

  it("reports a missing ledger for an unknown sheet", () => {
    const other = validateWorkbook({ name: "x.xlsx", sheets: [tableFromRows("备忘", [["随便写写"]])] }, options);
    expect(other.sheets[0].findings.map((f) => f.code)).toEqual(["sheet.unrecognized"]);
  });
});

describe("a ledger sheet with only its header", () => {
  it("gets one sheet.empty note on the header row and no error", () => {
    const table = tableFromRows("三会一课", [["日期", "类型", "主题", "主持人/主讲人", "应到", "实到", "请假"]]);
    const result = validateWorkbook({ name: "模板.xlsx", sheets: [table] }, options);
    expect(result.sheets[0].findings.map((f) => [f.code, f.severity, f.row])).toEqual([["sheet.empty", "info", 1]]);
  });
});

describe("sheets taizhang writes itself", () => {
  it("are passed over: 说明, 校验结果 and the hidden records are not reported as unknown sheets", () => {
    const own = ["说明", "校验结果", "_taizhang_marks"].map((name) => tableFromRows(name, [["随便什么内容"]]));
    const mine = tableFromRows("备忘录", [["随便什么内容"]]);
    const result = validateWorkbook({ name: "提交.xlsx", sheets: [...own, mine] }, options);
    expect(result.sheets.map((s) => [s.sheet, s.findings.map((f) => f.code)])).toEqual([["备忘录", ["sheet.unrecognized"]]]);
  });
});
