import { BUILTIN_PROFILES, idFacts, makeIdNumber, parseDateValue, parseField, parseNumberText, roster, dues, tableFromRows, validateWorkbook, type Cell } from "../../src/core";

const asOf = "2026-06-30";
const fieldOf = (ledger: typeof roster, key: string) => ledger.fields.find((f) => f.key === key)!;
const parse = (key: string, value: Cell["value"], ledger = roster, format?: string) =>
  parseField(fieldOf(ledger, key), { value, format }, { asOf });
const codes = (key: string, value: Cell["value"], ledger = roster) => parse(key, value, ledger).problems.map((p) => p.code);

describe("dates as secretaries write them", () => {
  it.each([
    ["an Excel serial", 43647, "2019-07-01"],
    ["a serial with a time of day", 43647.75, "2019-07-01"],
    ["2019.07.01", "2019.07.01", "2019-07-01"],
    ["2019/7/1", "2019/7/1", "2019-07-01"],
    ["2019-07-01", "2019-07-01", "2019-07-01"],
    ["2019年7月1日", "2019年7月1日", "2019-07-01"],
    ["20190701 as text", "20190701", "2019-07-01"],
    ["20190701 as a number", 20190701, "2019-07-01"],
    ["full-width digits", "２０１９．０７．０１", "2019-07-01"],
    ["a date with a time", "2019-07-01 08:30:00", "2019-07-01"],
  ])("reads %s", (_, value, expected) => {
    expect(parseDateValue({ value })).toEqual({ date: expected, monthOnly: false });
  });

  it.each([
    ["2019.07", { value: "2019.07" }, "2019-07"],
    ["2019年7月", { value: "2019年7月" }, "2019-07"],
    ["2019.07 typed as a number", { value: 2019.07 }, "2019-07"],
    ["1980.3 typed as a number", { value: 1980.3 }, "1980-03"],
    ["2019.1 typed as a number (January)", { value: 2019.1 }, "2019-01"],
    ["2019.10 in a cell formatted 0.00", { value: 2019.1, format: "0.00" }, "2019-10"],
    ["the number 198003 (yyyymm)", { value: 198003 }, "1980-03"],
    ["the text 198003 (yyyymm)", { value: "198003" }, "1980-03"],
  ])("reads the month-only %s and marks it so", (_, cell, month) => {
    expect(parseDateValue(cell)).toEqual({ date: `${month}-01`, monthOnly: true });
  });

  it("reads the number 19800315 as a date and refuses a serial far past 2100", () => {
    expect(parseDateValue({ value: 19800315 })).toEqual({ date: "1980-03-15", monthOnly: false });
    expect(parseDateValue({ value: 210013 })).toBeNull();
    expect(parseDateValue({ value: 500000, format: "yyyy-mm-dd" })).toBeNull();
  });

  it("rejects an impossible date, a non-date and a future date with cell.date", () => {
    expect(codes("joinDate", "2019-02-30")).toEqual(["cell.date"]);
    expect(codes("joinDate", "去年七月")).toEqual(["cell.date"]);
    expect(parse("joinDate", "2026-07-01").problems[0].message).toContain("晚于核对日期 2026-06-30");
    expect(codes("joinDate", "2019-02-28")).toEqual([]);
  });

  it("allows a planned 转正时间 after the as-of date", () => {
    expect(parse("fullDate", "2026-09-01")).toMatchObject({ value: "2026-09-01", problems: [] });
  });
});

describe("amounts, numbers and rates", () => {
  it.each([
    ["¥1,234.50", 1234.5],
    ["￥1,234.5元", 1234.5],
    ["1234元", 1234],
    [" 76.5 ", 76.5],
  ])("reads %s", (text, expected) => {
    expect(parseNumberText(text)).toBe(expected);
  });

  it("reports a non-number and a negative amount with cell.number", () => {
    expect(codes("base", "五千", dues)).toEqual(["cell.number"]);
    expect(codes("base", -100, dues)).toEqual(["cell.number"]);
    expect(parse("base", "¥5,100", dues)).toMatchObject({ value: 5100, problems: [] });
  });

  it("reads 缴纳比例 as 1%, 0.01 or 1", () => {
    for (const v of ["1%", 0.01, 1, "１％"]) expect(parse("rate", v, dues).value).toBe(0.01);
    expect(parse("rate", "0.5%", dues).value).toBe(0.005);
  });
});

describe("required, enum and phone cells", () => {
  it("reports an empty required cell, and not an empty optional one", () => {
    expect(codes("name", null)).toEqual(["cell.required"]);
    expect(codes("name", "  ")).toEqual(["cell.required"]);
    expect(codes("remarks", null)).toEqual([]);
  });

  it("reports a value outside the allowed list, ignoring stray spaces", () => {
    expect(codes("gender", "未知")).toEqual(["cell.enum"]);
    expect(parse("gender", "未知").problems[0].message).toBe("“性别”应为 男/女 之一，实为“未知”");
    expect(parse("memberType", " 正式 党员 ")).toMatchObject({ value: "正式党员", problems: [] });
  });

  it("accepts an 11-digit mobile and a landline, warns about anything else", () => {
    expect(codes("phone", "13812345678")).toEqual([]);
    expect(codes("phone", 13812345678)).toEqual([]);
    expect(codes("phone", "023-68485000")).toEqual([]);
    expect(codes("phone", "1381234567")).toEqual(["phone.format"]);
    expect(codes("phone", "12812345678")).toEqual(["phone.format"]);
  });
});

describe("身份证号 (GB 11643-1999)", () => {
  const valid = makeIdNumber("500103", "1990-03-07", 123, "男");

  it("accepts a valid number, also with a lower-case x or full-width digits", () => {
    expect(codes("idNumber", valid)).toEqual([]);
    const withX = Array.from({ length: 400 }, (_, seq) => makeIdNumber("110101", "1990-03-07", seq, "男")).find((id) => id.endsWith("X"))!;
    expect(codes("idNumber", withX.toLowerCase())).toEqual([]);
    expect(codes("idNumber", valid.replace(/\d/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0)))).toEqual([]);
  });

  it("reports a wrong length or a letter with id.format", () => {
    expect(codes("idNumber", valid.slice(0, 17))).toEqual(["id.format"]);
    expect(codes("idNumber", valid.slice(0, 16) + "A" + valid[17])).toEqual(["id.format"]);
  });

  it("reports a wrong check digit, saying which it should be", () => {
    const wrong = valid.slice(0, 17) + (valid[17] === "1" ? "2" : "1");
    expect(codes("idNumber", wrong)).toEqual(["id.checksum"]);
    expect(parse("idNumber", wrong).problems[0].message).toBe(`身份证号校验位错误：应为 ${valid[17]}，实为 ${wrong[17]}（GB 11643-1999）`);
  });

  it("reports both the checksum and the birth date for one mistyped birth date", () => {
    const mistyped = valid.slice(0, 10) + "13" + valid.slice(12); // month 13
    expect(codes("idNumber", mistyped).sort()).toEqual(["id.birthdate", "id.checksum"]);
  });

  it("warns about a region code that is no province, but accepts HK/Macao/Taiwan permits", () => {
    expect(codes("idNumber", makeIdNumber("990103", "1990-03-07", 5, "女"))).toEqual(["id.region"]);
    expect(codes("idNumber", makeIdNumber("810000", "1990-03-07", 5, "女"))).toEqual([]);
  });

  it("warns about an old 15-digit number", () => {
    expect(codes("idNumber", "110101900307123")).toEqual(["id.legacy-15"]);
  });

  it("names the birth digits of an old 15-digit number that are no date", () => {
    const problems = parse("idNumber", "110101901307123").problems;
    expect(problems.map((p) => p.code)).toEqual(["id.legacy-15", "id.birthdate"]);
    expect(problems[1].message).toBe("身份证号第 7–12 位“901307”不是有效的出生日期（GB 11643-1999）");
  });

  it("reads birth date and gender from a 15- or 18-digit number, nothing from another shape", () => {
    expect(idFacts(` ${valid.slice(0, 17)}x `)).toEqual({ text: `${valid.slice(0, 17)}X`, birthDate: "1990-03-07", gender: "男" });
    expect(idFacts("110101900307124")).toEqual({ text: "110101900307124", birthDate: "1990-03-07", gender: "女" });
    expect(idFacts(valid.slice(0, 10) + "13" + valid.slice(12))).toMatchObject({ birthDate: null });
    expect(idFacts(valid.slice(0, 17))).toBeNull();
  });

  it("gives the same findings for a number met again, with its own message", () => {
    const wrong = valid.slice(0, 17) + (valid[17] === "1" ? "2" : "1");
    const first = parse("idNumber", wrong).problems;
    expect(parse("idNumber", wrong).problems).toEqual(first);
    expect(parse("idNumber", `${wrong.slice(0, 17)}`).problems[0].message).toContain(`身份证号“${wrong.slice(0, 17)}”格式错误`);
  });

  it("reports an 18-digit number stored as a number as id.precision-lost, a 15-digit one as legacy", () => {
    expect(codes("idNumber", 110101199003071230)).toEqual(["id.precision-lost"]);
    expect(codes("idNumber", "1.10101E+17")).toEqual(["id.precision-lost"]);
    expect(codes("idNumber", 110101900307123)).toEqual(["id.legacy-15"]);
  });

  it("reports a number copied out of a numeric cell (…000) as id.precision-lost", () => {
    const copied = valid.slice(0, 15) + "000";
    expect(codes("idNumber", copied)).toEqual(["id.precision-lost"]);
  });

  it("places identity findings on the original cell of the sheet", () => {
    const table = tableFromRows("花名册", [
      ["姓名", "性别", "身份证号", "人员类别", "党员类型", "入党时间"],
      ["刘洋", "男", 110101199003071230, "教职工", "正式党员", "2015-07-01"],
    ]);
    const result = validateWorkbook({ name: "a.xlsx", sheets: [table] }, { profile: BUILTIN_PROFILES["100-50"], asOf });
    expect(result.sheets[0].findings.filter((f) => f.code.startsWith("id.")).map((f) => [f.code, f.cell])).toEqual([["id.precision-lost", "C2"]]);
  });
});
