import * as iconv from "iconv-lite";
import { BUILTIN_PROFILES, makeIdNumber, validateWorkbook } from "../../src/core";
import { detectEncoding, readCsv } from "../../src/io/read-csv";

const id = makeIdNumber("500103", "1999-09-09", 21, "女");
const text = `姓名,性别,身份证号,人员类别,党员类型,入党时间\r\n李娜,女,${id},学生,预备党员,2026/3/1\r\n`;

describe("reading a roster saved as CSV", () => {
  it.each([
    ["UTF-8 with BOM", Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, "utf8")]), "utf-8"],
    ["UTF-8 without BOM", Buffer.from(text, "utf8"), "utf-8"],
    ["GBK (Excel on Chinese Windows)", iconv.encode(text, "gbk"), "gbk"],
  ])("decodes %s and keeps the ID number as text", (_label, bytes, encoding) => {
    expect(detectEncoding(bytes)).toBe(encoding);
    const workbook = readCsv(bytes, "二支部花名册.csv");
    expect(workbook.sheets[0].name).toBe("二支部花名册");
    const result = validateWorkbook(workbook, { profile: BUILTIN_PROFILES["100-50"], asOf: "2026-06-30" });
    const row = result.parsed.sheets[0].rows[0];
    expect(row.values).toMatchObject({ name: "李娜", idNumber: id, joinDate: "2026-03-01" });
  });
});
