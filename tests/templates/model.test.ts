/** The template model: derived from the ledger definitions and the profile, nothing typed twice. */
import { BUILTIN_PROFILES, CODES, CODE_GROUPS, codesOf, parseProfile } from "../../src/core";
import { LEDGERS } from "../../src/core/ledgers";
import { buildTemplate, isStaleTemplateVersion, TEMPLATE_KEYS, TEMPLATE_VERSION, type TemplateModel } from "../../src/core/template";

const standard = BUILTIN_PROFILES["100-50"];
const notesText = (model: TemplateModel) => model.notes.map((n) => n.cells.join(" | ")).join("\n");

describe("the template of each ledger", () => {
  it.each(LEDGERS.map((l) => [l.title, l] as const))("%s has every column of the definition, in order", (_title, ledger) => {
    const model = buildTemplate(ledger.key, standard);
    expect(model.fileName).toBe(ledger.title);
    expect(model.sheets).toHaveLength(1);
    expect(model.sheets[0].columns.map((c) => [c.header, c.required])).toEqual(ledger.fields.map((f) => [f.header, f.required]));
  });

  it("the branch workbook holds all seven ledgers as sheets", () => {
    const model = buildTemplate("all", standard);
    expect(model.fileName).toBe("支部台账");
    expect(model.sheets.map((s) => s.name)).toEqual(LEDGERS.map((l) => l.title));
  });

  it("marks the workbook with template, version and profile", () => {
    expect(buildTemplate("dues", BUILTIN_PROFILES["200-100"]).marker).toEqual({ template: "dues", version: TEMPLATE_VERSION, profile: "200-100" });
  });

  it("types the columns: ID and phone as text, enums as lists, amounts non-negative", () => {
    const roster = buildTemplate("roster", standard).sheets[0].columns;
    const col = (header: string) => roster.find((c) => c.header === header)!;
    expect(col("身份证号").numFmt).toBe("@");
    expect(col("联系电话").numFmt).toBe("@");
    expect(col("性别").validation).toEqual({ type: "list", options: ["男", "女"] });
    expect(col("入党时间").validation).toMatchObject({ type: "date" });
    const dues = buildTemplate("dues", standard).sheets[0].columns;
    expect(dues.find((c) => c.header === "月应缴")!.validation).toEqual({ type: "decimal", min: 0 });
    expect(col("身份证号").width).toBeGreaterThanOrEqual(18);
  });
});

describe("the funding entitlement above the header", () => {
  it.each([
    ["100-50", "B3*100+D3*50", "教职工党员人数 × 100 元 + 学生党员人数 × 50 元"],
    ["200-100", "B3*200+D3*100", "教职工党员人数 × 200 元 + 学生党员人数 × 100 元"],
  ])("uses the rates of profile %s", (name, formula, words) => {
    const sheet = buildTemplate("funding", BUILTIN_PROFILES[name]).sheets[0];
    expect(sheet.headerRow).toBe(4);
    expect(JSON.stringify(sheet.preamble)).toContain(words);
    expect(sheet.preamble[1]).toContainEqual(expect.objectContaining({ kind: "formula", formula }));
  });
});

describe("the 说明 sheet", () => {
  it("states the numbers of the profile it was made with", () => {
    expect(notesText(buildTemplate("all", BUILTIN_PROFILES["200-100"]))).toContain("教职工党员每人每年不少于 200 元，学生党员每人每年不少于 100 元");
    expect(notesText(buildTemplate("all", standard))).toContain("教职工党员每人每年不少于 100 元，学生党员每人每年不少于 50 元");
  });

  it("follows a custom profile: 24/16 hours and a 4-year 党支部 term", () => {
    const custom = parseProfile(JSON.stringify({ name: "某校", training: { memberHours: 24, leaderHours: 16 }, terms: { years: { 党支部: 4 } } }));
    const text = notesText(buildTemplate("all", custom));
    expect(text).toContain("党员每年不少于 24 学时；书记、委员每年不少于 16 学时");
    expect(text).toContain("党支部 4 年");
    expect(text).toContain("配置 某校");
  });

  it("writes the dues brackets from the profile", () => {
    expect(notesText(buildTemplate("dues", standard))).toContain("在职党员 3000 元及以下 0.5%，3000–5000 元 1%，5000–10000 元 1.5%，10000 元以上 2%");
  });

  it("explains each column with its header, whether required, and what to enter", () => {
    const notes = buildTemplate("roster", standard).notes.map((n) => n.cells);
    expect(notes).toContainEqual(["身份证号", "必填", expect.stringContaining("18 位")]);
    expect(notes).toContainEqual(["民族", "", "文字"]);
    expect(notes).toContainEqual(["党员类型", "必填", "从下拉列表选择：正式党员/预备党员"]);
  });

  it("lists every rule code in the branch workbook, and only the ledger's own in a single template", () => {
    const all = notesText(buildTemplate("all", standard));
    for (const code of Object.keys(CODES)) expect(all).toContain(code);
    const roster = notesText(buildTemplate("roster", standard));
    expect(roster).toContain("roster.gender-mismatch | 错误 | 性别与身份证号不符（GB 11643-1999《公民身份号码》）");
    expect(roster).not.toContain("dues.total");
    for (const group of CODE_GROUPS.filter((g) => g.ledger === null)) for (const code of codesOf(group)) expect(roster).toContain(code);
  });
});

describe("template versions", () => {
  it("treats an older or unreadable version as stale, the current one and newer as not", () => {
    expect(TEMPLATE_KEYS).toContain("all");
    expect(isStaleTemplateVersion(TEMPLATE_VERSION)).toBe(false);
    expect(isStaleTemplateVersion("0.9")).toBe(true);
    expect(isStaleTemplateVersion("0")).toBe(true);
    expect(isStaleTemplateVersion("99.0")).toBe(false);
    expect(isStaleTemplateVersion("")).toBe(true);
    expect(isStaleTemplateVersion("v1")).toBe(true);
  });
});
