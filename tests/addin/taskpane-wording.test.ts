/** What the task pane says: profiles by institution and funding standard, chosen files, findings masked until asked. */
import { BUILTIN_PROFILES, makeIdNumber } from "../../src/core";
import { makeFinding } from "../../src/core/finding";
import { parseProfile } from "../../src/core/profile";
import { chosenFilesText, findingText, fundingText, profileLabel } from "../../src/addin/taskpane/wording";
import { cleanNotice } from "../../src/addin/taskpane/view";

describe("profileLabel", () => {
  it("names each built-in by institution and standard, never by its short name", () => {
    expect(profileLabel(BUILTIN_PROFILES.national)).toBe("全国基线（未规定经费标准）");
    expect(profileLabel(BUILTIN_PROFILES.cqipc)).toBe("重庆工业职业技术学院（经费标准：教职工 100 元、学生 50 元）");
    expect(profileLabel(BUILTIN_PROFILES["100-50"])).toBe("全国基线（经费标准按重庆工业职业技术学院：教职工 100 元、学生 50 元）");
    expect(profileLabel(BUILTIN_PROFILES["200-100"])).toBe("全国基线（经费标准按辽宁科技学院：教职工 200 元、学生 100 元）");
    expect(profileLabel(BUILTIN_PROFILES.cqmu)).toBe("重庆医科大学（未规定经费标准）");
    for (const [name, profile] of Object.entries(BUILTIN_PROFILES)) {
      expect(profileLabel(profile)).not.toContain(name);
      expect(profileLabel(profile)).not.toContain("¥0");
    }
  });

  it("states the funding standard alone for the line under the list", () => {
    expect(fundingText(BUILTIN_PROFILES.lnist)).toBe("经费标准：教职工 200 元、学生 100 元");
    expect(fundingText(BUILTIN_PROFILES["cqjtu-art"])).toBe("未规定经费标准");
  });

  it("gives every built-in a label of its own", () => {
    const labels = Object.values(BUILTIN_PROFILES).map(profileLabel);
    expect(new Set(labels).size).toBe(labels.length);
  });

  it("reads the standard from the profile, as a profile file sets it", () => {
    const own = parseProfile(JSON.stringify({ extends: "cqipc", funding: { staff: 120, student: 60 } }));
    expect(profileLabel(own)).toBe("重庆工业职业技术学院（经费标准：教职工 120 元、学生 60 元）");
  });
});

describe("chosenFilesText", () => {
  it("says 未选择文件, the one name, or how many with their names", () => {
    expect(chosenFilesText([])).toBe("未选择文件");
    expect(chosenFilesText(["一支部.xlsx"])).toBe("一支部.xlsx");
    expect(chosenFilesText(["一支部.xlsx", "二支部.xlsx", "三支部.xls"])).toBe("已选 3 个文件：一支部.xlsx、二支部.xlsx、三支部.xls");
  });
});

describe("findingText", () => {
  const id = makeIdNumber("500103", "2004-09-17", 350, "男");
  const finding = makeFinding("roster.duplicate-id", `身份证号 ${id} 在第 3 行已出现`, { sheet: "党员花名册", row: 5, column: "C", field: "idNumber", value: id });

  it("masks the ID number by default and shows it in full when asked", () => {
    const masked = findingText(finding, false);
    expect(masked.message).toBe(`身份证号 ${id.slice(0, 6)}********${id.slice(-4)} 在第 3 行已出现`);
    expect(masked.message).not.toContain(id);
    expect(findingText(finding, true).message).toBe(finding.message);
  });

  it("keeps the cell, and gives the code with its title and the source by its title for 依据", () => {
    expect(findingText(finding, false)).toMatchObject({
      place: "C5",
      code: "roster.duplicate-id（花名册中身份证号重复）",
      source: "花名册",
    });
    const rule = findingText(makeFinding("meetings.quorum", "实到人数未过半", { sheet: "三会一课", row: 7 }), false);
    expect(rule).toMatchObject({ place: "第 7 行", source: "《中国共产党支部工作条例（试行）》" });
    expect(findingText(makeFinding("roster.no-secretary", "没有支部书记", { sheet: "党员花名册" }), false).place).toBe("整表");
  });
});

describe("cleanNotice", () => {
  it("says 没有发现问题 only when every file was read and nothing was found", () => {
    expect(cleanNotice([])).toEqual([{ text: expect.stringMatching(/^没有发现问题/), success: true }]);
    expect(cleanNotice([], 1)).toEqual([]);
    expect(cleanNotice([makeFinding("roster.no-secretary", "没有支部书记", { sheet: "党员花名册" })])).toEqual([]);
  });
});
