import { BUILTIN_PROFILES, profileSchema } from "../../../src/core";
import { branch, roster, sheet, validate, withCode, type Line } from "./helpers";

const HEADERS = ["姓名", "身份证号", "日期", "培训内容", "形式", "学时"];
type Attended = [string, string, string, number, string?];
const training = (records: Attended[]) =>
  sheet(
    "学习培训",
    HEADERS,
    records.map(([姓名, 日期, 形式, 学时, 身份证号]): Line => ({ 姓名, 身份证号: 身份证号 ?? null, 日期, 培训内容: "学习党的二十大精神", 形式, 学时 })),
    "2025年党员学习培训记录",
  );

/** 2025, a finished year: 书记 刘洋 56 h incl. 集中培训, 王芳 and 张伟 32 h each. */
const fullYear = (): Attended[] => [
  ["刘洋", "2025-03-01", "集中培训", 24],
  ["刘洋", "2025-06-01", "网络培训", 24],
  ["刘洋", "2025-09-01", "专题党课", 8],
  ["王芳", "2025-03-01", "网络培训", 20],
  ["王芳", "2025-09-01", "专题党课", 12],
  ["张伟", "2025-04-01", "集中培训", 16],
  ["张伟", "2025-10-01", "自学", 16],
];

const check = (records: Attended[], opts = {}) => validate([roster(branch()), training(records)], opts);

describe("学习培训", () => {
  it("finds nothing when everyone has the year's hours", () => {
    expect(check(fullYear())).toEqual([]);
  });

  it("reports a record of 0 hours or more than 24", () => {
    const records = fullYear();
    records.push(["王芳", "2025-11-01", "自学", 0], ["张伟", "2025-11-02", "集中培训", 30]);
    const found = withCode(check(records), "training.hours");
    expect(found.map((f) => f.cell)).toEqual(["F10", "F11"]);
  });

  it("is an error once the year has ended: 书记 need 56 hours, members 32", () => {
    const records = fullYear().filter((r) => !(r[0] === "刘洋" && r[2] === "专题党课") && !(r[0] === "王芳" && r[3] === 12));
    const found = withCode(check(records), "training.hours-short");
    expect(found.map((f) => [f.cell, f.severity])).toEqual([
      ["F4", "error"],
      ["F5", "error"],
    ]);
    expect(found[0].message).toContain("刘洋 2025 年全年学习培训 48 学时，少于书记每年 56 学时");
    expect(found[1].message).toContain("少于党员每年 32 学时");
  });

  it("is a warning while the year runs", () => {
    const records: Attended[] = [
      ["刘洋", "2026-03-01", "集中培训", 56],
      ["王芳", "2026-03-01", "网络培训", 32],
      ["张伟", "2026-04-01", "集中培训", 8],
    ];
    const found = withCode(check(records), "training.hours-short");
    expect(found.map((f) => [f.cell, f.severity])).toEqual([["F5", "warning"]]);
    expect(found[0].message).toContain("截至 2026-06-30");
  });

  it("names a roster member without any record, on the sheet", () => {
    const found = withCode(check(fullYear().filter((r) => r[0] !== "张伟")), "training.hours-short");
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ row: null, severity: "error" });
    expect(found[0].message).toContain("张伟");
    expect(found[0].message).toContain("本表没有此人的培训记录");
  });

  it("knows a person by ID, and a line without ID by the name that ID carries", () => {
    const members = branch();
    const id = String(members[2]["身份证号"]);
    const records = fullYear();
    records[5] = ["张伟", "2025-04-01", "集中培训", 16, id]; // his other line has no ID
    expect(withCode(validate([roster(members), training(records)]), "training.hours-short")).toEqual([]);
    records[5] = ["张伟", "2025-04-01", "集中培训", 16, id.slice(0, 17) + (id[17] === "1" ? "2" : "1")];
    const found = validate([roster(members), training(records)]);
    expect(withCode(found, "xref.not-in-roster")[0].message).toContain("花名册中有同名的张伟");
  });

  it("counts only the forms the profile names", () => {
    const profile = profileSchema.parse({ ...BUILTIN_PROFILES["100-50"], training: { ...BUILTIN_PROFILES["100-50"].training, countedForms: ["集中培训", "网络培训", "专题党课"] } });
    const found = withCode(check(fullYear(), { profile }), "training.hours-short");
    expect(found.map((f) => f.cell)).toEqual(["F9"]); // 张伟's 自学 does not count
    expect(found[0].message).toContain("只计集中培训、网络培训、专题党课");
  });

  it("warns about a 书记 without any 集中培训", () => {
    const records = fullYear().map((r): Attended => (r[0] === "刘洋" && r[2] === "集中培训" ? [r[0], r[1], "网络培训", r[3]] : r));
    const found = withCode(check(records), "training.no-central");
    expect(found.map((f) => [f.cell, f.severity])).toEqual([["E5", "warning"]]);
    expect(found[0].message).toContain("书记 刘洋 2025 年没有“集中培训”记录");
  });

  it("warns about a training line of someone not in the roster, once per person", () => {
    const records = fullYear();
    records.push(["陈刚", "2025-03-01", "集中培训", 16], ["陈刚", "2025-09-01", "集中培训", 16]);
    const found = withCode(check(records), "xref.not-in-roster");
    expect(found.map((f) => [f.sheet, f.cell])).toEqual([["学习培训", "A10"]]);
  });

  it("checks the records alone when the workbook has no roster", () => {
    const found = validate([training([["陈刚", "2025-03-01", "集中培训", 16]])]);
    expect(found.map((f) => f.code)).toEqual(["training.hours-short"]);
  });
});
