/**
 * Reading the 台账 secretaries already have: each header, value and row variant
 * the reader must understand, asserted on what a secretary sees – the ledger,
 * the columns found, the values read and the findings.
 */
import { BUILTIN_PROFILES, makeIdNumber, tableFromRows, validateWorkbook, type Table } from "../../src/core";
import { headerConcept } from "../../src/core/vocabulary/header-words";
import { LEDGERS } from "../../src/core/ledgers";
import { fieldConcepts } from "../../src/core/header";
import { proposeColumns, resolveColumnMapping, withChoices, ColumnMappingError } from "../../src/core/columns";

const options = { profile: BUILTIN_PROFILES["100-50"], asOf: "2026-06-30" };
const validate = (...tables: Table[]) => validateWorkbook({ name: "支部.xlsx", sheets: tables }, options);
const id = (n: number, gender: "男" | "女" = "男") => makeIdNumber("110101", "1990-03-07", n, gender);
const codes = (result: ReturnType<typeof validate>, sheet = 0) => result.sheets[sheet].findings.map((f) => f.code);
/** Errors about cells and rows (a one-member test roster is rightly too small a branch: that finding is about the sheet). */
const errors = (result: ReturnType<typeof validate>) => result.sheets.flatMap((s) => s.findings).filter((f) => f.severity === "error" && f.row !== null);

describe("header words compose instead of being listed", () => {
  it.each([
    ["申请入党时间", "申请入党日期"],
    ["提交书面申请书时间", "申请入党日期"],
    ["递交入党申请书日期", "申请入党日期"],
    ["确定为入党积极分子时间", "确定积极分子日期"],
    ["成为积极分子时间（yyyy/mm/dd）", "确定积极分子日期"],
    ["确定为重点发展对象时间", "确定发展对象日期"],
    ["加入党组织日期", "入党时间"],
    ["入党年月", "入党时间"],
    ["转为正式党员日期", "转正时间"],
    ["本届选举日期", "选举日期"],
    ["实际换届时间", "换届日期"],
    ["实际会议时间", "会议日期"],
    ["党籍状态（正式党员或预备党员）", "党籍状态"],
    ["正式/预备党员", "党籍状态"],
    ["正式或预备党员", "党籍状态"],
    ["预备/正式党员", "党籍状态"],
    ["1. 姓名：", "姓名"],
  ])("%s names the same concept as %s", (variant, canonical) => {
    expect(headerConcept(variant).key).toBe(headerConcept(canonical).key);
  });

  it.each([
    ["一月", 1],
    ["3月份", 3],
    ["2026年3月", 3],
    ["4月实缴", 4],
    ["十二月", 12],
    ["11月党费", 11],
  ])("reads the month column %s as month %i", (header, month) => {
    expect(headerConcept(header).key).toBe(headerConcept(`${month}月`).key);
  });

  it("reads units in brackets and marks a planned column as a second choice", () => {
    expect(headerConcept("学时（小时）")).toMatchObject({ key: "学时", unit: "hours" });
    expect(headerConcept("时长（分钟）")).toMatchObject({ key: "时长", unit: "minutes" });
    expect(headerConcept("计划会议时间")).toMatchObject({ key: headerConcept("会议日期").key, planned: true });
  });

  it("lists no alias the composition already makes (each field names its concept once)", () => {
    const redundant = LEDGERS.flatMap((l) =>
      l.fields.flatMap((f) => f.aliases.filter((a) => headerConcept(a).key === headerConcept(f.header).key).map((a) => `${l.key}.${f.key}: ${a}`)),
    );
    expect(redundant).toEqual([]);
    expect(fieldConcepts({ header: "入党时间", aliases: ["入党日期"] })).toHaveLength(1);
  });
});

describe("a sheet is the ledger that scores best over all its fields", () => {
  it("reads a development list without an ID column as 发展党员, not as a roster", () => {
    const result = validate(
      tableFromRows("Sheet1", [
        ["序号", "姓名", "性别", "出生年月", "申请入党时间", "确定为入党积极分子时间", "联系方式"],
        [1, "刘洋", "男", "2003-05", "2023-03-01", "2023-10-09", "13812345678"],
      ]),
    );
    expect(result.sheets[0]).toMatchObject({ ledger: "development", headerRow: 1, rows: 1 });
    expect(result.sheets[0].recognition?.otherColumns.map((o) => o.header)).toEqual(["性别", "联系方式"]);
  });

  it("keeps columns no ledger uses as 其他列, names the closest field, and still recognises the sheet", () => {
    const result = validate(
      tableFromRows("党员花名册", [
        ["姓名", "学工号", "性别", "身份证号", "籍贯", "人员类别", "党员类型", "入党时间", "入党介绍人"],
        ["刘洋", "T1001", "男", id(11), "湖南", "教职工", "正式党员", "2015-07-01", "王芳"],
      ]),
    );
    expect(result.sheets[0].ledger).toBe("roster");
    const others = result.sheets[0].recognition!.otherColumns;
    expect(others.map((o) => [o.column, o.header])).toEqual([
      ["B", "学工号"],
      ["E", "籍贯"],
      ["I", "入党介绍人"],
    ]);
    expect(others[2].closest).toMatchObject({ header: "入党时间" });
    const note = result.sheets[0].findings.find((f) => f.code === "header.other-columns");
    expect(note?.message).toContain("“入党介绍人”（最接近“入党时间”");
  });

  it("says which ledger it chose and why when another came close", () => {
    const result = validate(
      tableFromRows("Sheet1", [
        ["姓名", "身份证号", "入党时间", "转正时间", "申请入党日期"],
        ["刘洋", id(11), "2015-07-01", "2016-07-01", "2014-03-01"],
      ]),
    );
    expect(result.sheets[0].recognition?.runnerUp).not.toBeNull();
    const choice = result.sheets[0].findings.find((f) => f.code === "sheet.ledger-choice");
    expect(choice?.message).toMatch(/^按“.+”读取（依据列：.+；得分 [\d.]+），也有些像“.+”（得分 [\d.]+）/);
  });

  it("recognises a meeting kind column by its values under a generic header", () => {
    const result = validate(
      tableFromRows("Sheet1", [
        ["开始时间", "活动名称", "地点"],
        ["2026-01-08", "支部党员大会", "302"],
        ["2026-01-15", "党课", "302"],
        ["2026-01-20", "支委会议", "302"],
      ]),
    );
    expect(result.sheets[0].ledger).toBe("meetings");
    expect(result.sheets[0].recognition?.byValues).toEqual(["type"]);
    expect(result.parsed.sheets[0].rows.map((r) => r.values.type)).toEqual(["党员大会", "党课", "支委会"]);
  });

  it("reads a form for one person (labels beside blank value cells) as no ledger", () => {
    const result = validate(
      tableFromRows("党员信息", [
        ["党员信息"],
        ["姓名", null, "性别", null, "身份证号码", null],
        ["民族", null, "学历", null, "联系方式", null],
        ["党员类型", null, "入党时间", null, "转正时间", null],
      ]),
    );
    expect(result.sheets[0].ledger).toBeNull();
  });
});

describe("values in the system's own words", () => {
  it.each([
    ["人员类别", "在职", "教职工"],
    ["人员类别", "在职教职工", "教职工"],
    ["人员类别", "退休", "离退休"],
    ["人员类别", "离休", "离退休"],
    ["人员类别", "学生党员", "学生"],
    ["人员类别", "研究生", "学生"],
    ["党员类型", "正式", "正式党员"],
    ["党内职务", "支部书记", "书记"],
  ])("reads %s “%s” as “%s”", (header, written, canonical) => {
    const result = validate(
      tableFromRows("党员花名册", [
        ["姓名", "性别", "身份证号", "人员类别", "党员类型", "入党时间", "党内职务"].map((h) => h),
        ["刘洋", "男", id(11), header === "人员类别" ? written : "教职工", header === "党员类型" ? written : "正式党员", "2015-07-01", header === "党内职务" ? written : "无"],
      ]),
    );
    const key = { 人员类别: "category", 党员类型: "memberType", 党内职务: "post" }[header]!;
    expect(result.parsed.sheets[0].rows[0].values[key]).toBe(canonical);
    expect(codes(result)).not.toContain("cell.enum");
  });

  it("counts the full members of a roster whose 党籍状态 says 正式党员 (no false branch-size finding)", () => {
    const rows = [1, 2, 3].map((n) => [`党员${n}`, "男", id(10 + 2 * n), "教职工", "正式党员", "2015-07-01", "2016-07-01"]);
    const result = validate(tableFromRows("花名册", [["姓名", "性别", "身份证号", "人员类别", "党籍状态（正式党员或预备党员）", "入党时间", "转正时间"], ...rows]));
    expect(result.parsed.sheets[0].columns.has("memberType")).toBe(true);
    expect(codes(result)).not.toContain("roster.branch-size");
  });

  it("reads a roster column headed 正式/预备党员 as 党员类型 and checks a 预备党员's 转正时间 by it", () => {
    const result = validate(
      tableFromRows("花名册", [
        ["姓名", "性别", "身份证号", "人员类别", "正式/预备党员", "入党时间", "转正时间"],
        ["刘洋", "男", id(11), "教职工", "预备党员", "2026-01-05", "2026-03-01"],
      ]),
    );
    expect(result.parsed.sheets[0].columns.has("memberType")).toBe(true);
    expect(codes(result)).not.toContain("header.missing");
    expect(codes(result)).toContain("roster.full-date-unexpected");
  });

  it("reads a roster column headed 所在组织 as 所在支部, not as 其他列", () => {
    const result = validate(
      tableFromRows("花名册", [
        ["姓名", "性别", "身份证号", "人员类别", "党员类型", "入党时间", "转正时间", "所在组织"],
        ["刘洋", "男", id(11), "教职工", "正式党员", "2015-07-01", "2016-07-01", "机关第一党支部"],
      ]),
    );
    expect(result.parsed.sheets[0].rows[0].values.branch).toBe("机关第一党支部");
  });

  it("suggests the closest allowed value for one that is no synonym", () => {
    const result = validate(
      tableFromRows("三会一课", [
        ["日期", "类型", "主题"],
        ["2026-01-08", "党员大大会", "学习"],
      ]),
    );
    const enumFinding = result.sheets[0].findings.find((f) => f.code === "cell.enum");
    expect(enumFinding).toMatchObject({ cell: "B2" });
    expect(enumFinding?.message).toContain("是否为“党员大会”？");
  });
});

describe("rows that are not data", () => {
  it("skips an instruction row (merged, multi-line) and signature rows, and reports them once as info", () => {
    const result = validate(
      tableFromRows(
        "党员花名册",
        [
          ["姓名", "性别", "身份证号", "人员类别", "党员类型", "入党时间"],
          ["填写注意事项：\n1. 身份证号请按文本格式填写\n2. 日期写作 2019-07-01"],
          ["刘洋", "男", id(11), "教职工", "正式党员", "2015-07-01"],
          [null, null, null, null, null, "党委(总支)公章"],
          [null, null, null, null, null, "年　　月　　日"],
        ],
        [{ top: 1, left: 0, bottom: 1, right: 5 }],
      ),
    );
    expect(result.sheets[0].rows).toBe(1);
    expect(errors(result)).toEqual([]);
    const notes = result.sheets[0].findings.filter((f) => f.code === "sheet.notes");
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatchObject({ severity: "info", row: 2 });
    expect(notes[0].message).toContain("第 2、4、5 行");
  });
});

describe("numbers as dates and units as read", () => {
  it("reads a birth month stored as the number 198003 and 1980.3 as March 1980", () => {
    const result = validate(
      tableFromRows("党员花名册", [
        ["姓名", "性别", "身份证号", "出生年月", "人员类别", "党员类型", "入党时间"],
        ["刘洋", "男", makeIdNumber("110101", "1980-03-07", 11, "男"), 198003, "教职工", "正式党员", 20050701],
        ["王芳", "女", makeIdNumber("110101", "1980-03-09", 12, "女"), 1980.3, "教职工", "正式党员", "2005.7"],
      ]),
    );
    expect(result.parsed.sheets[0].rows.map((r) => [r.values.birthDate, r.values.joinDate])).toEqual([
      ["1980-03-01", "2005-07-01"],
      ["1980-03-01", "2005-07-01"],
    ]);
    expect(errors(result)).toEqual([]);
  });

  it("reads training minutes as hours", () => {
    const result = validate(
      tableFromRows("学习培训", [
        ["姓名", "日期", "培训内容", "时长（分钟）"],
        ["刘洋", "2026-03-01", "党史", 90],
      ]),
    );
    expect(result.parsed.sheets[0].rows[0].values.hours).toBe(1.5);
  });
});

describe("dues in both layouts", () => {
  const people = [
    ["刘洋", id(11), "教职工"],
    ["王芳", id(12, "女"), "教职工"],
  ];

  it("reads month columns written 一月, 2月份, 2026年3月, 4月实缴 (no false dues.total)", () => {
    const result = validate(
      tableFromRows("党费收缴", [
        ["姓名", "人员类别", "月应缴", "一月", "2月份", "2026年3月", "4月实缴", "5月", "6月", "合计"],
        ["刘洋", "教职工", 50, 50, 50, 50, 50, 50, 50, 300],
      ]),
    );
    expect([...result.parsed.sheets[0].columns.keys()]).toEqual(expect.arrayContaining(["m1", "m2", "m3", "m4", "total"]));
    expect(codes(result)).not.toContain("dues.total");
  });

  it("reads one payment per row (a month or a range) into the same rules: a gap of six months is found", () => {
    const result = validate(
      tableFromRows("党费缴纳记录", [
        ["姓名", "身份证号", "人员类别", "缴费月份", "实缴金额"],
        [people[0][0], people[0][1], "教职工", "2026.01-2026.06", 300],
        [people[1][0], people[1][1], "教职工", "2025-07", 50],
        [people[1][0], people[1][1], "教职工", "2026年6月", 50],
      ]),
    );
    expect(result.sheets[0]).toMatchObject({ ledger: "dues", rows: 3 });
    const rows = result.parsed.sheets[0].rows;
    expect(rows.map((r) => [r.values.name, r.values.m1, r.values.m6])).toEqual([
      ["刘洋", 50, 50],
      ["王芳", null, 50],
    ]);
    expect(codes(result)).not.toContain("dues.total");
  });

  it("reports a payment month it cannot read at its cell", () => {
    const result = validate(
      tableFromRows("党费缴纳记录", [
        ["姓名", "人员类别", "缴费月份", "金额"],
        ["刘洋", "教职工", "上半年", 300],
      ]),
    );
    expect(result.sheets[0].findings.find((f) => f.code === "cell.date")).toMatchObject({ cell: "C2", value: "上半年" });
  });
});

describe("no cascades: a rule that needs a missing column stays silent", () => {
  it("a meetings sheet without a recognisable type column does not report every period missing; header.missing says what is not checked", () => {
    const result = validate(
      tableFromRows("三会一课", [
        ["日期", "主题", "备忘"],
        ["2026-01-08", "学习", "x"],
      ]),
    );
    expect(codes(result)).not.toContain("meetings.missing");
    const missing = result.sheets[0].findings.filter((f) => f.code === "header.missing");
    expect(missing).toHaveLength(1);
    expect(missing[0].message).toContain("因此不检查：");
  });

  it("a roster without a 转正时间 column does not ask every full member for one", () => {
    const result = validate(
      tableFromRows("党员花名册", [
        ["姓名", "性别", "身份证号", "人员类别", "党员类型", "入党时间"],
        ["刘洋", "男", id(11), "教职工", "正式党员", "2015-07-01"],
      ]),
    );
    expect(codes(result)).not.toContain("roster.full-date-missing");
  });
});

describe("column mapping, the escape hatch", () => {
  it("maps a header beyond the vocabulary to a field, and a column to 其他列", () => {
    const columns = resolveColumnMapping({ 党员花名册: { 党内身份: "党员类型", 入党时间: null }, "*": { 参加党组织日: "入党时间" } }, LEDGERS);
    const result = validateWorkbook(
      {
        name: "x.xlsx",
        sheets: [
          tableFromRows("名单", [
            ["姓名", "性别", "身份证号", "人员类别", "党内身份", "参加党组织日", "入党时间"],
            ["刘洋", "男", id(11), "教职工", "正式党员", "2015-07-01", "不详"],
          ]),
        ],
      },
      { ...options, columns },
    );
    const sheet = result.parsed.sheets[0];
    expect(sheet.ledger.key).toBe("roster");
    expect(sheet.columns.get("memberType")).toBe(4);
    expect(sheet.columns.get("joinDate")).toBe(5);
    expect(errors(result)).toEqual([]);
  });

  it("refuses a mapping that names an unknown ledger or field, in words that list the choices", () => {
    expect(() => resolveColumnMapping({ 花名: { a: "姓名" } }, LEDGERS)).toThrow(ColumnMappingError);
    expect(() => resolveColumnMapping({ 党员花名册: { a: "籍贯" } }, LEDGERS)).toThrow(/“党员花名册”的字段“籍贯”不存在；可用：姓名、性别/);
    expect(() => resolveColumnMapping([1, 2], LEDGERS)).toThrow(/列对应应为/);
  });
});

describe("a profile's own column wording", () => {
  it("reads the header its columns section names, for every workbook validated with it", () => {
    const profile = { ...BUILTIN_PROFILES["100-50"], columns: { 党员花名册: { 党内身份: "memberType" } } };
    const result = validateWorkbook(
      {
        name: "x.xlsx",
        sheets: [
          tableFromRows("名单", [
            ["姓名", "性别", "身份证号", "人员类别", "党内身份", "入党时间"],
            ["刘洋", "男", id(11), "教职工", "预备党员", "2026-05-01"],
          ]),
        ],
      },
      { ...options, profile },
    );
    expect(result.parsed.sheets[0].rows[0].values.memberType).toBe("预备党员");
  });
});

describe("the 列对应 step's proposals", () => {
  const sheets = [
    {
      sheet: "名单",
      ledger: "roster",
      recognition: {
        otherColumns: [
          { column: "E", header: "党内身份", closest: { field: "post", score: 0.5 } },
          { column: "H", header: "籍贯", closest: { field: "ethnicity", score: 0 } },
        ],
      },
    },
  ];

  it("proposes the closest field when close enough, 其他列 otherwise, with the ledger's fields to choose from", () => {
    const proposals = proposeColumns(sheets, LEDGERS);
    expect(proposals.map((p) => [p.column, p.header, p.proposed])).toEqual([
      ["E", "党内身份", "post"],
      ["H", "籍贯", null],
    ]);
    expect(proposals[0].choices.map((c) => c.header)).toContain("党员类型");
  });

  it("leaves out headers the saved mapping already decides, and adds new choices to it", () => {
    const saved = withChoices({}, [{ ledger: "党员花名册", header: "籍贯", field: null }]);
    expect(proposeColumns(sheets, LEDGERS, saved).map((p) => p.header)).toEqual(["党内身份"]);
    expect(withChoices(saved, [{ ledger: "党员花名册", header: "党内身份", field: "memberType" }])).toEqual({ 党员花名册: { 籍贯: null, 党内身份: "memberType" } });
  });
});
