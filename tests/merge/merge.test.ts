import ExcelJS from "exceljs";
import * as iconv from "iconv-lite";
import * as XLSX from "@e965/xlsx";
import { makeIdNumber, tableFromRows } from "../../src/core";
import { checkInput } from "../../src/core/merge";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { summaryBuffer, writeSummary } from "../../src/io/summary-file";
import { summaryXlsx } from "../../src/io/summary-xlsx";
import { makeBranch, toSheets } from "../fixtures/branch";
import { buildWorkbook, dateCell } from "../fixtures/builder";
import { branchBytes, branchData, codesOf, expectReconciled, mergeAndRead, options, readBack, submit, submitSheets } from "./support";

describe("one person in the rosters of two branches", () => {
  const staff = branchData("教工第一党支部", 6, 1, 0);
  const students = branchData("学生第一党支部", 6, 2, 1);
  const moved = staff.roster[3];
  // 王老师 moved to the student branch, but the staff branch never took her off its roster.
  students.roster.push({ ...moved, 所在支部: "学生第一党支部" });
  const inputs = [submit("教工第一党支部.xlsx", branchBytes("教工第一党支部", staff)), submit("学生第一党支部.xlsx", branchBytes("学生第一党支部", students))];

  it("reports merge.duplicate-person at both ID cells, each naming the other branch", async () => {
    const { report, book } = await mergeAndRead(inputs);
    const place = (file: string) => report.files.find((f) => f.file === file)!.sheets.flatMap((s) => s.issues).find((i) => i.code === "merge.duplicate-person");
    expect(place("教工第一党支部.xlsx")).toMatchObject({ severity: "error", sheet: "党员花名册", cell: "E6", value: moved["身份证号"] });
    expect(place("教工第一党支部.xlsx")!.message).toContain("“学生第一党支部”（学生第一党支部.xlsx，党员花名册 第 9 行");
    expect(place("学生第一党支部.xlsx")).toMatchObject({ cell: "E9" });
    expect(place("学生第一党支部.xlsx")!.message).toContain("“教工第一党支部”（教工第一党支部.xlsx，党员花名册 第 6 行");

    const listed = book.records("问题清单").filter((r) => r["代码"] === "merge.duplicate-person");
    expect(listed.map((r) => [r["来源文件"], r["所在支部"], r["单元格"], r["级别"]])).toEqual([
      ["教工第一党支部.xlsx", "教工第一党支部", "E6", "错误"],
      ["学生第一党支部.xlsx", "学生第一党支部", "E9", "错误"],
    ]);
    expectReconciled(report);
  });

  it("does not report people who are in one branch only", async () => {
    const alone = branchData("学生第一党支部", 6, 2, 1);
    const { report } = await mergeAndRead([inputs[0], submit("学生第一党支部.xlsx", branchBytes("学生第一党支部", alone))]);
    expect(report.files.flatMap((f) => f.sheets.flatMap((s) => s.issues)).map((i) => i.code)).not.toContain("merge.duplicate-person");
  });
});

describe("a branch that sent two files", () => {
  // Last year's 终版 sent again next to this year's 终版2: the newer ledgers win, whatever the order given.
  const lastYear = branchBytes("第三党支部", makeBranch({ branch: "第三党支部", members: 5, seed: 3, asOf: "2025-11-27" }));
  const november = branchBytes("第三党支部", branchData("第三党支部", 5, 3));
  const other = submit("第四党支部.xlsx", branchBytes("第四党支部", branchData("第四党支部", 4, 4)));

  it("keeps the newer by the dates in the ledgers and reports the older as skipped, its rows excluded one by one", async () => {
    const older = submit("三支部台账(终版).xlsx", lastYear);
    const newer = submit("三支部台账(终版2).xlsx", november);
    const { report, book } = await mergeAndRead([newer, other, older]);

    expect(report.merge.branches.map((b) => [b.branch, b.file, b.status])).toEqual([
      ["第三党支部", "三支部台账(终版2).xlsx", "merged"],
      ["第四党支部", "第四党支部.xlsx", "merged"],
      ["第三党支部", "三支部台账(终版).xlsx", "skipped"],
    ]);
    const skipped = report.merge.branches[2];
    expect(skipped.reason).toContain("另有更新的文件“三支部台账(终版2).xlsx”");
    expect(skipped.reason).toMatch(/台账中最晚的日期为 2026年\d+月\d+日，本文件为 2025年\d+月\d+日/);
    expect(codesOf(report, "三支部台账(终版).xlsx")).toContain("merge.superseded");

    const r = report.merge.reconciliation;
    const olderRows = older.result!.parsed.sheets.reduce((n, s) => n + s.rows.length, 0);
    expect(r.excludedRows).toBe(olderRows);
    expect(r.ledgers.roster).toEqual({ inputRows: 14, mergedRows: 9, excludedRows: 5 });
    expectReconciled(report);

    const excludedListed = book.records("问题清单").filter((x) => String(x["问题说明"]).startsWith("未汇总："));
    expect(excludedListed).toHaveLength(olderRows);
    expect(excludedListed[0]).toMatchObject({ 来源文件: "三支部台账(终版).xlsx", 工作表: "党员花名册", 单元格: "第 3 行" });

    const summary = book.records("汇总");
    expect(summary.filter((x) => x["支部"] === "第三党支部")).toEqual([
      expect.objectContaining({ 来源文件: "三支部台账(终版2).xlsx", 状态: "可通过", 备注: "较旧的文件“三支部台账(终版).xlsx”未汇总" }),
      expect.objectContaining({ 来源文件: "三支部台账(终版).xlsx", 状态: "已被较新文件替代", 党员人数: null, 备注: "已有更新的文件“三支部台账(终版2).xlsx”" }),
    ]);
    expect(book.records("党员花名册").filter((x) => x["所在支部"] === "第三党支部").map((x) => x["来源文件"])).toEqual(Array(5).fill("三支部台账(终版2).xlsx"));
  });

  it("falls back to the file modification time when the ledgers carry the same dates", async () => {
    const first = submit("三支部.xlsx", november, Date.UTC(2026, 10, 20));
    const resent = submit("三支部(修改).xlsx", november, Date.UTC(2026, 10, 25));
    const { report } = await mergeAndRead([resent, first]);
    expect(report.merge.branches.map((b) => [b.file, b.status])).toEqual([
      ["三支部(修改).xlsx", "merged"],
      ["三支部.xlsx", "skipped"],
    ]);
    expect(report.merge.branches[1].reason).toContain("修改时间更晚");
    expectReconciled(report);
  });
});

describe("a branch with its own columns and header variants", () => {
  const id = (seq: number, gender: "男" | "女") => makeIdNumber("500103", "1980-05-04", seq, gender);
  const sheets = [
    {
      name: "Sheet1",
      rows: [
        ["化学学院第二党支部党员名单"],
        ["序号", "姓 名", "性别", "身份证号码", "籍贯", "人员类型", "党员身份", "入党日期", "转正日期", "所在党支部", "职务"],
        [1, "赵敏", "女", id(21, "女"), "重庆", "教职工", "正式党员", "2005.06.01", dateCell("2006-06-01"), "化学学院第二党支部", "书记"],
        [2, "钱军", "男", id(31, "男"), "", "学生", "预备党员", "2026年5月20日", "", "化学学院第二党支部", "无"],
        [3, "孙丽", "女", id(42, "女"), "四川", "离退休", "正式党员", "19980701", "1999/7/1", "化学学院第二党支部", "无"],
      ],
    },
  ];

  it("maps the variants to the standard columns and keeps the extra column as 其他列", async () => {
    const input = submitSheets("化学二支部.xlsx", sheets);
    expect(input.branch).toEqual({ name: "化学学院第二党支部", source: "roster" });
    const { report, book } = await mergeAndRead([input]);
    const rows = book.records("党员花名册");
    expect(rows).toHaveLength(3);
    expect(rows[0]).toMatchObject({
      来源文件: "化学二支部.xlsx",
      所在支部: "化学学院第二党支部",
      原行号: 3,
      姓名: "赵敏",
      身份证号: id(21, "女"),
      人员类别: "教职工",
      党员类型: "正式党员",
      党内职务: "书记",
      其他列: "籍贯=重庆",
    });
    expect(rows[1]["其他列"]).toBeNull();
    expect(book.rows("党员花名册")[0].slice(0, 4)).toEqual(["来源文件", "所在支部", "原行号", "姓名"]);
    const summary = book.records("汇总")[0];
    expect(summary).toMatchObject({ 党员人数: 3, 正式党员: 2, 预备党员: 1, 教职工: 1, 学生: 1, 离退休: 1, "经费标准（按人数）": 250 });
    expectReconciled(report);
  });

  it("shows a value it could not read as the branch wrote it, beside the readable ones", async () => {
    const [roster] = sheets;
    const unreadable = [...roster.rows.slice(0, 3), [2, "钱军", "男", id(31, "男"), "", "学生", "预备党员", "去年五月", "", "化学学院第二党支部", "无"], roster.rows[4]];
    const { report, book } = await mergeAndRead([submitSheets("化学二支部.xlsx", [{ name: "Sheet1", rows: unreadable }])]);
    const column = XLSX.utils.encode_col(book.rows("党员花名册")[0].indexOf("入党时间"));
    // A text cell in the date column (SheetJS' sheet_to_json would turn it into an invalid Date).
    expect(book.cell("党员花名册", `${column}3`)).toMatchObject({ t: "s", v: "去年五月" });
    expect([2, 4].map((r) => book.cell("党员花名册", `${column}${r}`)?.t)).toEqual(["n", "n"]);
    expect(book.records("党员花名册").map((r) => r["其他列"])).toEqual(["籍贯=重庆", null, "籍贯=四川"]);
    expect(report.files[0].sheets[0].issues).toContainEqual(expect.objectContaining({ code: "cell.date", cell: "H4" }));
    expectReconciled(report);
  });
});

describe("a roster exported as CSV on Chinese Windows (GBK)", () => {
  const data = branchData("学生第二党支部", 4, 44, 1);
  const [sheet] = toSheets("学生第二党支部", data, { ledgers: ["roster"], titleRow: false });
  const text = (v: unknown) => (v && typeof v === "object" ? `${String((v as { v: number }).v)}` : String(v ?? ""));
  // Dates as Excel shows them after a CSV export (2020/1/2); the serials are turned back here.
  const asShown = (v: unknown) => {
    if (!v || typeof v !== "object") return text(v);
    const day = new Date((Number((v as { v: number }).v) - 25569) * 86_400_000);
    return `${day.getUTCFullYear()}/${day.getUTCMonth() + 1}/${day.getUTCDate()}`;
  };
  const csv = sheet.rows.map((row) => row.map(asShown).join(",")).join("\r\n");

  it("is merged with its branch from 所在支部 and its ID numbers intact as text", async () => {
    const input = submit("学生第二党支部花名册.csv", iconv.encode(csv, "gbk"));
    expect(input.branch).toEqual({ name: "学生第二党支部", source: "roster" });
    const { report, book } = await mergeAndRead([input]);
    expect(report.merge.branches[0]).toMatchObject({ branch: "学生第二党支部", status: "merged", members: 4 });
    const ids = book.records("党员花名册").map((r) => r["身份证号"]);
    expect(ids).toEqual(data.roster.map((m) => m["身份证号"]));
    const students = data.roster.filter((m) => m["人员类别"] === "学生").length;
    expect(book.records("汇总")[0]).toMatchObject({ 支部: "学生第二党支部", 学生: students, 党员人数: 4 });
    expectReconciled(report);
  });
});

describe("naming the branch of a submission", () => {
  const duesOnly = (title?: string) =>
    tableFromRows("党费", [...(title ? [[title]] : []), ["姓名", "人员类别", "缴费基数", "缴纳比例", "月应缴"], ["刘洋", "教职工", 6000, "1.5%", 90]]);
  const check = (file: string, title?: string, marker?: { version: string; branch?: string }) =>
    checkInput({ file, workbook: { name: file, sheets: [duesOnly(title)], marker: marker && { template: "all", profile: "100-50", ...marker } } }, options);

  it("takes the template marker when there is no roster", () => {
    expect(check("x.xlsx", "数学学院第一党支部党费台账", { version: "1.0", branch: "物理学院党支部" }).branch).toEqual({ name: "物理学院党支部", source: "marker" });
  });

  it("takes a title row such as 数学学院第一党支部党费台账", () => {
    expect(check("x.xlsx", "数学学院第一党支部党费台账").branch).toEqual({ name: "数学学院第一党支部", source: "title" });
  });

  it("falls back to the file name without the noise secretaries add", () => {
    expect(check("三支部台账(终版2).xlsx").branch).toEqual({ name: "三支部", source: "file" });
    expect(check("二支部台账（修改）最终版.xlsx").branch).toEqual({ name: "二支部", source: "file" });
  });

  it("warns about a submission made from an older template", async () => {
    const { report } = await mergeAndRead([check("旧模板.xlsx", undefined, { version: "0.9", branch: "五支部" })]);
    const stale = report.files[0].sheets.flatMap((s) => s.issues).find((i) => i.code === "merge.stale-template");
    expect(stale).toMatchObject({ severity: "warning", sheet: null });
    expect(stale!.message).toContain("0.9 版模板");
    const current = await mergeAndRead([check("新模板.xlsx", undefined, { version: "1.0", branch: "五支部" })]);
    expect(codesOf(current.report, "新模板.xlsx")).not.toContain("merge.stale-template");
  });
});

describe("the expected branches (--expect)", () => {
  const inputs = [submit("一支部.xlsx", branchBytes("化学学院第一党支部", branchData("化学学院第一党支部", 4, 7)))];

  it("lists a branch that sent nothing in 未提交 and as merge.missing-branch; a shorter name still finds its branch", async () => {
    const { report, book } = await mergeAndRead(inputs, { expected: ["第一党支部", "化学学院第五党支部"] });
    expect(report.merge.missing).toEqual(["化学学院第五党支部"]);
    expect(report.merge.issues).toEqual([expect.objectContaining({ code: "merge.missing-branch", severity: "warning", value: "化学学院第五党支部" })]);
    expect(report.summary.warnings).toBeGreaterThanOrEqual(1);
    expect(book.records("未提交")).toEqual([{ 支部: "化学学院第五党支部", 说明: "没有收到该支部的台账文件" }]);
    expect(book.records("问题清单").find((r) => r["代码"] === "merge.missing-branch")).toMatchObject({ 所在支部: "化学学院第五党支部", 级别: "警告" });
  });

  it("says so in 未提交 when no list was given", async () => {
    const { report, book } = await mergeAndRead(inputs);
    expect(report.merge.missing).toEqual([]);
    expect(String(book.rows("未提交")[1][0])).toContain("未提供应交支部名单");
  });
});

describe("the summary workbook", () => {
  const one = branchData("教工第一党支部", 6, 11, 0);
  const two = branchData("学生第一党支部", 8, 22, 0.75);
  const inputs = () => [submit("教工第一党支部.xlsx", branchBytes("教工第一党支部", one)), submit("学生第一党支部.xlsx", branchBytes("学生第一党支部", two))];
  const count = (data: typeof one, key: string, value: string) => data.roster.filter((m) => m[key] === value).length;

  it("has 汇总, one sheet per ledger, 问题清单 and 未提交", async () => {
    const { book } = await mergeAndRead(inputs());
    expect(book.names).toEqual(["概览", "汇总", "党员花名册", "党费收缴", "活动经费", "学习培训", "三会一课", "换届", "发展党员", "问题清单", "未提交"]);
  });

  it("counts each branch's members and money in 汇总, with a total row", async () => {
    const { report, book } = await mergeAndRead(inputs());
    expectReconciled(report);
    const [first, second, total] = book.records("汇总");
    const entitlement = (d: typeof one) => (count(d, "人员类别", "教职工") + count(d, "人员类别", "离退休")) * 100 + count(d, "人员类别", "学生") * 50;
    expect(first).toMatchObject({ 支部: "教工第一党支部", 支部名称依据: "花名册“所在支部”", 状态: "可通过", 党员人数: 6, 教职工: count(one, "人员类别", "教职工") });
    expect(second).toMatchObject({ 党员人数: 8, 学生: count(two, "人员类别", "学生"), 预备党员: count(two, "党员类型", "预备党员"), "经费标准（按人数）": entitlement(two) });
    const paid = (d: typeof one) => d.dues.reduce((t, r) => t + Number(r["合计"]), 0);
    expect(first["党费实缴"]).toBeCloseTo(paid(one), 2);
    expect(total).toMatchObject({ 支部: "合计（已汇总 2 个支部）", 党员人数: 14, "经费标准（按人数）": entitlement(one) + entitlement(two) });
    expect(total["党费实缴"]).toBeCloseTo(paid(one) + paid(two), 2);
    expect(first["学时达标人数"]).toBe(6);
  });

  it("keeps ID numbers as text, amounts as numbers with two decimals and dates as dates", async () => {
    const { book } = await mergeAndRead(inputs());
    const id = book.cell("党员花名册", "H2")!;
    expect(id).toMatchObject({ t: "s", v: one.roster[0]["身份证号"], z: "@" });
    const due = book.cell("党费收缴", "I2")!;
    expect(due).toMatchObject({ t: "n", v: one.dues[0]["月应缴"], z: "0.00" });
    const joined = book.cell("党员花名册", "L2")!;
    expect(joined.t).toBe("n");
    expect(String(joined.z)).toMatch(/yyyy-mm-dd/);
  });

  it("freezes the header row and filters every sheet", async () => {
    const { summary } = await mergeAndRead(inputs());
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await summaryBuffer(summary)) as unknown as ExcelJS.Buffer);
    for (const ws of book.worksheets) {
      expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
      if (ws.name !== "概览") expect(ws.autoFilter).toBeTruthy();
    }
    expect(book.getWorksheet("党员花名册")!.getColumn(8).width).toBeGreaterThanOrEqual(18);
  });

  it("makes the header and the total row bold, and no other row", async () => {
    const { summary } = await mergeAndRead(inputs());
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await summaryBuffer(summary)) as unknown as ExcelJS.Buffer);
    const bold = (ws: ExcelJS.Worksheet) => ws.getSheetValues().flatMap((_, r) => (ws.getRow(r).getCell(1).font?.bold ? [r] : []));
    expect(bold(book.getWorksheet("汇总")!)).toEqual([1, 4]);
    expect(bold(book.getWorksheet("党员花名册")!)).toEqual([1]);
    expect(book.getWorksheet("汇总")!.getCell("E2").numFmt).toBe("0");
  });

  it("writes text that looks like a formula as text", async () => {
    const data = branchData("教工第一党支部", 4, 11, 0);
    data.roster[1]["备注"] = "=HYPERLINK(\"http://x\",\"点我\")";
    const { book } = await mergeAndRead([submit("一支部.xlsx", branchBytes("教工第一党支部", data))]);
    const cell = book.cell("党员花名册", "Q3")!;
    expect(cell).toMatchObject({ t: "s", v: "=HYPERLINK(\"http://x\",\"点我\")" });
    expect(cell.f).toBeUndefined();
  });

  it("writes text with characters XML cannot carry, and text that looks like an escape, as it was", async () => {
    const text = "见附件\u0007_x0041_ & <备注> \"引号\"";
    const sheet = { name: "备注", columns: [{ header: "备注", kind: "text" as const }], rows: [[text]], filter: false, totalRow: false };
    const book = readBack(await summaryBuffer({ asOf: "2026-11-27", sheets: [sheet] }));
    expect(book.cell("备注", "A2")).toMatchObject({ t: "s", v: text });
  });

  it("masks ID numbers and phones with --mask, in the ledgers and in 问题清单", async () => {
    const data = branchData("教工第一党支部", 4, 11, 0);
    const twice = branchData("学生第一党支部", 4, 12, 1);
    twice.roster.push({ ...data.roster[0], 所在支部: "学生第一党支部" });
    const { book } = await mergeAndRead(
      [submit("一支部.xlsx", branchBytes("教工第一党支部", data)), submit("二支部.xlsx", branchBytes("学生第一党支部", twice))],
      { mask: true },
    );
    const id = String(data.roster[0]["身份证号"]);
    const phone = String(data.roster[0]["联系电话"]);
    const first = book.records("党员花名册")[0];
    expect(first["身份证号"]).toBe(`${id.slice(0, 6)}********${id.slice(-4)}`);
    expect(first["联系电话"]).toBe(`${phone.slice(0, 3)}****${phone.slice(-4)}`);
    const all = JSON.stringify(book.book.Sheets);
    expect(all).not.toContain(id);
    expect(all).not.toContain(phone);
    expect(book.records("问题清单").find((r) => r["代码"] === "merge.duplicate-person")!["单元格内容"]).toBe(`${id.slice(0, 6)}********${id.slice(-4)}`);
  });
});

describe("a workbook with no ledger in it", () => {
  it("is unreadable for the merge and accounted for, while the others merge", async () => {
    const notes = submitSheets("备忘.xlsx", [{ name: "备忘", rows: [["本期工作备忘"], ["随便写写"]] }]);
    const good = submit("一支部.xlsx", buildWorkbook(toSheets("第一党支部", branchData("第一党支部", 4, 5))));
    const { report, book } = await mergeAndRead([notes, good]);
    expect(report.merge.branches.map((b) => [b.file, b.status])).toEqual([
      ["备忘.xlsx", "unreadable"],
      ["一支部.xlsx", "merged"],
    ]);
    expect(codesOf(report, "备忘.xlsx")).toEqual(["sheet.unrecognized", "merge.unreadable"]);
    expect(book.records("汇总")[0]).toMatchObject({ 支部: "备忘", 状态: "无法读取", 支部名称依据: "文件名" });
    expect(String(book.records("汇总")[0]["备注"])).toContain("没有可识别的台账");
    expectReconciled(report);
  });
});

describe("the summary built in memory (the add-in's download)", () => {
  it("has the same sheets and cells as the file the CLI streams", async () => {
    const data = branchData("教工第一党支部", 4, 11, 0);
    const { summary } = await mergeAndRead([submit("一支部.xlsx", branchBytes("教工第一党支部", data))]);
    const file = path.join(mkdtempSync(path.join(tmpdir(), "taizhang-stream-")), "学院汇总.xlsx");
    await writeSummary(summary, file);
    const streamed = readBack(readFileSync(file));
    const inMemory = readBack(Buffer.from(summaryXlsx(summary)));
    expect(inMemory.names).toEqual(streamed.names);
    for (const name of inMemory.names) expect(inMemory.rows(name)).toEqual(streamed.rows(name));
    expect(inMemory.cell("党员花名册", "H2")).toMatchObject({ t: "s", z: "@", v: data.roster[0]["身份证号"] });
  });
});
