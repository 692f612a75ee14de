/**
 * The built-in profiles follow their documents (docs/profiles.md cites the articles):
 * the national baseline by default, one profile per college document, and 100-50 /
 * 200-100 as the names of the two funding standards.
 */
import { BUILTIN_PROFILES, CODES, DEFAULT_PROFILE, parseProfile, ProfileError } from "../../src/core";
import { profileLines } from "../../src/core/template";
import { member, roster, sheet, validate, withCode, type Line } from "./rules/helpers";

const TRAINING = ["姓名", "日期", "培训内容", "形式", "学时"];
type Record_ = [name: string, content: string, form: string, hours: number];
const training = (records: Record_[]) =>
  sheet(
    "学习培训",
    TRAINING,
    records.map(([姓名, 培训内容, 形式, 学时], i): Line => ({ 姓名, 日期: `2025-0${(i % 9) + 1}-10`, 培训内容, 形式, 学时 })),
    "2025年学习培训",
  );

/** 书记 刘洋 (staff) with 56 h, 王芳 (staff) and 张伟 (student) as given. */
const people = () => [member("刘洋", { 党内职务: "书记" }), member("王芳", {}, "1992-05-20", "女"), member("张伟", { 人员类别: "学生" }, "2003-05-01")];
const leader: Record_[] = [
  ["刘洋", "党风廉政建设专题培训", "集中培训", 24],
  ["刘洋", "党章党规学习", "集中培训", 24],
  ["刘洋", "专题党课", "专题党课", 8],
];
const check = (records: Record_[], profile: string) =>
  validate([roster(people()), training(records)], { profile: BUILTIN_PROFILES[profile] }).filter((f) => f.code.startsWith("training."));

describe("built-in profiles", () => {
  it("ships the national baseline as the default, a profile per document, and the two funding standards", () => {
    expect(Object.keys(BUILTIN_PROFILES)).toEqual(["national", "100-50", "200-100", "cqipc", "lnist", "cqmu", "cqjtu-art"]);
    expect(DEFAULT_PROFILE).toBe("national");
    expect(BUILTIN_PROFILES["100-50"].funding).toMatchObject({ staff: 100, student: 50, source: BUILTIN_PROFILES.cqipc.document });
    expect(BUILTIN_PROFILES["200-100"].funding).toMatchObject({ staff: 200, student: 100, source: BUILTIN_PROFILES.lnist.document });
    for (const profile of Object.values(BUILTIN_PROFILES)) expect(profile.source).not.toMatch(/seed|\.txt/i);
  });

  it("national: sets no per-member funding standard, so the allocation is not measured", () => {
    const funding = sheet("活动经费", ["日期", "摘要", "收入", "支出", "余额"], [{ 日期: "2026-03-05", 摘要: "学院下拨活动经费", 收入: 10, 余额: 10 }]);
    expect(withCode(validate([roster(people()), funding], { profile: BUILTIN_PROFILES.national }), "funding.entitlement")).toEqual([]);
    expect(withCode(validate([roster(people()), funding], { profile: BUILTIN_PROFILES["100-50"] }), "funding.entitlement")).toHaveLength(1);
  });

  describe("重庆工业职业技术学院 (cqipc)", () => {
    it("asks 24 h of staff (4 of them 廉政教育) and 16 h of students", () => {
      const enough: Record_[] = [...leader, ["王芳", "廉政教育专题", "集中培训", 4], ["王芳", "党史学习", "网络培训", 20], ["张伟", "党史学习", "集中培训", 16]];
      expect(check(enough, "cqipc")).toEqual([]);
      const short: Record_[] = [...leader, ["王芳", "党史学习", "网络培训", 22], ["张伟", "党史学习", "集中培训", 12]];
      const found = check(short, "cqipc");
      expect(found.map((f) => [f.code, f.row])).toEqual([
        ["training.integrity-short", 6],
        ["training.hours-short", 6],
        ["training.hours-short", 7],
      ]);
      expect(found[0].message).toContain("王芳 2025 年全年廉政教育 0 学时，少于教职工党员每年 4 学时");
      expect(found[1].message).toContain("少于教职工党员每年 24 学时的要求（重庆工业职业技术学院《关于加强和改进党的基层组织建设的实施意见》）");
      expect(found[2].message).toContain("少于学生党员每年 16 学时");
    });

    const meetingsSheet = (lines: Line[]) => sheet("三会一课", ["日期", "类型", "主题", "应到", "实到"], lines);
    const students = () => [member("刘洋", { 党内职务: "书记" }), ...["王芳", "张伟", "李娜"].map((n) => member(n, { 人员类别: "学生" }, "2003-05-01"))];
    const month = (m: number, types: string[]): Line[] => types.map((类型, i) => ({ 日期: `2026-${String(m).padStart(2, "0")}-${10 + i}`, 类型, 主题: "学习", 应到: 4, 实到: 4 }));

    it("asks a student branch for two 组织生活 a month, a staff branch for one", () => {
      const lines = [1, 2, 3].flatMap((m) => month(m, m === 2 ? ["党小组会"] : ["党小组会", "主题党日"]));
      const found = validate([roster(students()), meetingsSheet(lines)], { profile: BUILTIN_PROFILES.cqipc, asOf: "2026-04-01" });
      const life = withCode(found, "meetings.missing").filter((f) => f.message.includes("组织生活"));
      expect(life.map((f) => f.message.split("（")[0])).toEqual(["2026年2月组织生活 1 次：学生党支部每月应不少于 2 次"]);
      const staffBranch = validate([roster(people()), meetingsSheet(lines)], { profile: BUILTIN_PROFILES.cqipc, asOf: "2026-04-01" });
      expect(withCode(staffBranch, "meetings.missing").filter((f) => f.message.includes("组织生活"))).toEqual([]);
    });

    it("asks a 党课 every semester (half-year), where the national baseline asks one a year", () => {
      const lines = [1, 2, 3, 4, 5, 6].flatMap((m) => month(m, ["党小组会", "主题党日", "支委会"]));
      const messages = (profile: string) =>
        withCode(validate([meetingsSheet(lines)], { profile: BUILTIN_PROFILES[profile], asOf: "2026-07-01" }), "meetings.missing").map((f) => f.message.split("：")[0]);
      expect(messages("cqipc")).toContain("2026年上半年无党课");
      expect(messages("national")).not.toContain("2026年上半年无党课");
    });
  });

  it.each(["lnist", "cqmu", "cqjtu-art"])("%s: counts only 集中学习培训, not self-study or online courses", (name) => {
    const records: Record_[] = [...leader, ["王芳", "党史学习", "集中培训", 16], ["王芳", "党史学习", "自学", 16], ["张伟", "党史学习", "网络培训", 16], ["张伟", "党史学习", "网络培训", 16]];
    expect(check(records, name).map((f) => [f.code, f.row])).toEqual([
      ["training.hours-short", 7],
      ["training.hours-short", 9],
    ]);
    expect(check(records, "national")).toEqual([]);
  });

  it("reads a profile file that extends a built-in, and refuses an unknown one", () => {
    expect(parseProfile('{"name": "某校", "extends": "cqipc"}').training.hoursByCategory).toEqual({ 教职工: 24, 学生: 16 });
    expect(parseProfile('{"name": "某校"}').funding.staff).toBe(100);
    expect(() => parseProfile('{"extends": "某校"}', "配置文件 a.json")).toThrow(ProfileError);
    expect(() => parseProfile('{"extends": "某校"}', "配置文件 a.json")).toThrow("extends “某校”不是内置配置");
  });
});

describe("where a rule comes from, in the user's words", () => {
  it("cites documents by title in the code catalogue (说明 sheet, docs/codes.md), never a seed or a file name", () => {
    for (const info of Object.values(CODES)) expect(info.source).not.toMatch(/seed|\.txt|RULES|\.md/i);
    expect(CODES["meetings.missing"].source).toContain("《中国共产党支部工作条例（试行）》");
  });

  it("cites documents by title in the messages of every profile", () => {
    const lines = [member("刘洋", { 党内职务: "书记" }), member("王芳", { 党员类型: "预备党员", 入党时间: "2023-01-05", 转正时间: null })];
    for (const profile of Object.values(BUILTIN_PROFILES)) {
      const messages = validate([roster(lines), training([["王芳", "党史学习", "自学", 2]])], { profile }).map((f) => f.message);
      expect(messages.length).toBeGreaterThan(0);
      for (const m of messages) expect(m).not.toMatch(/seed|\.txt|支部条例|发展细则|党费规定|换届意见/);
    }
  });
});

describe("the 说明 sheet states the profile's own numbers", () => {
  it("names the hours by category, the 廉政教育 minimum and the 组织生活 a month of 重庆工业职业技术学院", () => {
    const lines = profileLines(BUILTIN_PROFILES.cqipc).join("\n");
    expect(lines).toContain("教职工党员 24 学时，学生党员 16 学时");
    expect(lines).toContain("教职工、离退休党员其中廉政教育不少于 4 学时");
    expect(lines).toContain("组织生活每月不少于：学生党支部 2 次、在职教职工党支部 1 次、离退休党支部 1 次");
    expect(lines).toContain("党课每学期（半年）");
  });

  it("says so when the profile sets no funding standard", () => {
    expect(profileLines(BUILTIN_PROFILES.national)[0]).toBe("活动经费：本配置依据的文件未规定按党员人数下拨的标准，不核对下拨金额。");
  });
});
