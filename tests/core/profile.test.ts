import { BUILTIN_PROFILES, parseProfile, ProfileError } from "../../src/core";

describe("policy profiles", () => {
  it("has 100-50 and 200-100, which differ only in the funding standard", () => {
    const { name: _a, source: _b, funding: f1, ...rest1 } = BUILTIN_PROFILES["100-50"];
    const { name: _c, source: _d, funding: f2, ...rest2 } = BUILTIN_PROFILES["200-100"];
    expect([f1.staff, f1.student, f2.staff, f2.student]).toEqual([100, 50, 200, 100]);
    expect(rest1).toEqual(rest2);
    expect(rest1.training).toMatchObject({ memberHours: 32, leaderHours: 56 });
    expect(rest1.terms.years).toEqual({ 党委: 5, 党总支: 3, 党支部: 3 });
  });

  it("reads a JSON file that sets only what differs, taking the rest from the default", () => {
    const profile = parseProfile('{"name": "某校", "training": {"memberHours": 24, "leaderHours": 16}}');
    expect(profile.name).toBe("某校");
    expect(profile.training).toMatchObject({ memberHours: 24, leaderHours: 16, maxHoursPerRecord: 24 });
    expect(profile.funding).toEqual(BUILTIN_PROFILES["100-50"].funding);
  });

  it.each([
    ["not JSON", "{name: 某校", "不是有效的 JSON"],
    ["not an object", "[1, 2]", "应是一个 JSON 对象"],
    ["a negative rate", '{"funding": {"student": -50}}', "funding.student：数值过小"],
    ["an unknown retiree rule", '{"funding": {"retireesCountAs": "学生"}}', "funding.retireesCountAs"],
  ])("refuses %s with a zh-CN message naming the field", (_what, text, message) => {
    expect(() => parseProfile(text, "配置文件 某校.json")).toThrow(ProfileError);
    expect(() => parseProfile(text, "配置文件 某校.json")).toThrow(message);
  });

  it("ignores __proto__ in a profile file instead of polluting objects", () => {
    const profile = parseProfile('{"__proto__": {"polluted": true}, "name": "某校"}');
    expect(profile.name).toBe("某校");
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
