/**
 * The summary as a decision tool (issue 15): the organiser's three branch
 * workbooks and list of four expected branches – a misspelled branch, one with
 * errors and a duplicated member, one clean, one that sent nothing.
 */
import ExcelJS from "exceljs";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { makeIdNumber } from "../../src/core";
import { normaliseBranchName } from "../../src/core/merge";
import { editDistance } from "../../src/core/similarity";
import { summaryBuffer } from "../../src/io/summary-file";
import { dateCell } from "../fixtures/builder";
import { runCli } from "../support/run-cli";
import { AS_OF, branchBytes, branchData, codesOf, mergeAndRead, readBack, submit } from "./support";

const LISTED = ["计算机学院研究生党支部", "计算机学院教工党支部", "计算机学院本科生一支部", "计算机学院离退休党支部"];
const graduates = branchData("计算机学院研究生党之部", 6, 31, 1);
const staff = branchData("计算机学院教工党支部", 8, 32, 0);
const undergraduates = branchData("计算机学院本科生第一党支部", 7, 33, 1);
// The same member entered twice (roster.duplicate-id), and a term elected four years ago.
undergraduates.roster.push({ ...undergraduates.roster[4] });
undergraduates.terms[0] = { ...undergraduates.terms[0], 选举日期: dateCell("2022-09-20"), 届满日期: dateCell("2025-09-20") };
// Someone who has only applied so far.
staff.development.push({ 姓名: "新申请", 身份证号: makeIdNumber("500103", "2003-01-01", 15, "男"), 出生日期: dateCell("2003-01-01"), 申请入党日期: dateCell("2026-10-10") });

const files: [string, Buffer][] = [
  ["计算机学院研究生党之部.xlsx", branchBytes("计算机学院研究生党之部", graduates)],
  ["计算机学院教工党支部.xlsx", branchBytes("计算机学院教工党支部", staff)],
  ["本科生一支部台账.xlsx", branchBytes("计算机学院本科生第一党支部", undergraduates)],
];
const inputs = () => files.map(([name, bytes]) => submit(name, bytes));

describe("branch names against the --expect list", () => {
  it("normalises width, 党支部/支部 and 第一/一, and measures closeness by edits", () => {
    expect(normaliseBranchName("计算机学院本科生第一党支部")).toBe(normaliseBranchName("计算机学院本科生一支部"));
    expect(normaliseBranchName("化学学院第１党总支")).toBe("化学学院1支部");
    expect(editDistance("研究生党之部", "研究生支部")).toBe(2);
  });

  it("merges a misspelled branch under its listed name with merge.branch-name, never also as missing", async () => {
    const { report, book } = await mergeAndRead(inputs(), { expected: LISTED });
    const graduate = report.merge.branches.find((b) => b.file === "计算机学院研究生党之部.xlsx")!;
    expect(graduate).toMatchObject({ branch: "计算机学院研究生党支部", match: "fuzzy", writtenName: "计算机学院研究生党之部", status: "merged" });
    const finding = report.files[0].sheets.flatMap((s) => s.issues).find((f) => f.code === "merge.branch-name")!;
    expect(finding.message).toContain("“计算机学院研究生党之部”按“计算机学院研究生党支部”汇总，请核对");
    expect(report.merge.branches.find((b) => b.file === "本科生一支部台账.xlsx")).toMatchObject({ branch: "计算机学院本科生一支部", match: "normalised" });
    expect(report.merge.missing).toEqual(["计算机学院离退休党支部"]);
    expect(book.records("未提交").map((r) => r["支部"])).toEqual(["计算机学院离退休党支部"]);
    const names = book.records("汇总").map((r) => r["支部"]);
    expect(names.filter((n) => n === "计算机学院研究生党支部")).toHaveLength(1);
    expect(names).not.toContain("计算机学院研究生党之部");
    expect(book.records("党员花名册").filter((r) => r["所在支部"] === "计算机学院研究生党支部")).toHaveLength(6);
  });

  it("reports a branch not on the list as merge.unexpected-branch and still merges it", async () => {
    const stranger = submit("物理学院党支部.xlsx", branchBytes("物理学院党支部", branchData("物理学院党支部", 4, 34)));
    const { report } = await mergeAndRead([...inputs(), stranger], { expected: LISTED });
    expect(codesOf(report, "物理学院党支部.xlsx")).toContain("merge.unexpected-branch");
    expect(report.merge.branches.find((b) => b.file === "物理学院党支部.xlsx")).toMatchObject({ branch: "物理学院党支部", status: "merged" });
    expect(codesOf(report, "计算机学院教工党支部.xlsx")).not.toContain("merge.unexpected-branch");
  });

  it("does not guess between two listed names equally close", async () => {
    const { report } = await mergeAndRead([submit("x.xlsx", branchBytes("数学学院三支部", branchData("数学学院三支部", 4, 35)))], {
      expected: ["数学学院一支部", "数学学院二支部"],
    });
    expect(report.merge.missing).toEqual(["数学学院一支部", "数学学院二支部"]);
    expect(codesOf(report, "x.xlsx")).toContain("merge.unexpected-branch");
  });
});

describe("status per branch, the same everywhere", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "taizhang-decision-"));
  const inbox = path.join(dir, "收到的台账");
  mkdirSync(inbox);
  for (const [name, bytes] of files) writeFileSync(path.join(inbox, name), bytes);
  const list = path.join(dir, "名单.txt");
  writeFileSync(list, LISTED.join("\n"));
  const output = path.join(dir, "学院汇总.xlsx");

  it("counts 可通过 / 需退回 / 未提交 in the terminal, the JSON and the workbook alike, with identical finding totals", async () => {
    const json = await runCli("merge", inbox, "-o", output, "--expect", list, "--json", "--as-of", AS_OF);
    const report = JSON.parse(json.stdout);
    const verdicts = Object.fromEntries(report.merge.branches.map((b: { branch: string; verdict: string }) => [b.branch, b.verdict]));
    expect(verdicts).toEqual({ 计算机学院研究生党支部: "pass", 计算机学院教工党支部: "pass", 计算机学院本科生一支部: "return" });
    expect(report.merge.totals).toEqual({ pass: 2, return: 1, missing: 1, unreadable: 0, superseded: 0 });

    const book = readBack(readFileSync(output));
    const rows = book.records("汇总");
    const branchRows = rows.slice(0, -1);
    const total = rows[rows.length - 1];
    const byStatus = (label: string) => branchRows.filter((r) => r["状态"] === label).length;
    expect([byStatus("可通过"), byStatus("需退回"), byStatus("未提交")]).toEqual([2, 1, 1]);
    const sum = (key: string) => branchRows.reduce((t, r) => t + Number(r[key] ?? 0), 0);
    expect(sum("错误")).toBe(report.summary.errors);
    expect(sum("警告")).toBe(report.summary.warnings);
    expect([total["错误"], total["警告"]]).toEqual([report.summary.errors, report.summary.warnings]);
    expect(branchRows.find((r) => r["状态"] === "未提交")!["警告"]).toBe(1);
    const overview = Object.fromEntries(book.rows("概览").map((r) => [r[0], r[1]]));
    expect([overview["支部：可通过"], overview["支部：需退回"], overview["支部：未提交"]]).toEqual([2, 1, 1]);
    expect([overview["全院：错误"], overview["全院：警告"]]).toEqual([report.summary.errors, report.summary.warnings]);

    const text = (await runCli("merge", inbox, "-o", output, "--expect", list, "--as-of", AS_OF)).stdout;
    expect(text).toContain("支部：可通过 2，需退回 1，未提交 1，无法读取 0，已被较新文件替代 0");
    expect(text).toContain(`共 ${report.summary.errors} 个错误，${report.summary.warnings} 个警告`);
    expect(text).toMatch(/✘ 需退回  计算机学院本科生一支部/);
    expect(text).not.toMatch(/✔[^\n]*本科生/);
  });
});

describe("counts that hold", () => {
  it("counts a member entered twice once, in the branch and in the college", async () => {
    const { book } = await mergeAndRead(inputs(), { expected: LISTED });
    const rows = book.records("汇总");
    expect(rows.find((r) => r["支部"] === "计算机学院本科生一支部")!["党员人数"]).toBe(7);
    expect(rows[rows.length - 1]["党员人数"]).toBe(6 + 8 + 7);
  });

  it("counts a person in the rosters of two branches once in the college total, and says so", async () => {
    const other = branchData("计算机学院教工党支部", 8, 32, 0);
    const twice = branchData("计算机学院研究生党支部", 6, 31, 1);
    twice.roster.push({ ...other.roster[3], 所在支部: "计算机学院研究生党支部" });
    const { book } = await mergeAndRead([submit("a.xlsx", branchBytes("计算机学院教工党支部", other)), submit("b.xlsx", branchBytes("计算机学院研究生党支部", twice))]);
    const total = book.records("汇总").at(-1)!;
    expect(total["党员人数"]).toBe(14);
    expect(String(total["备注"])).toContain("各支部合计 15 人");
  });

  it("shows 届满日期 and 换届状态, development by stage and the completion rates", async () => {
    const { book } = await mergeAndRead(inputs(), { expected: LISTED });
    const row = (name: string) => book.records("汇总").find((r) => r["支部"] === name)!;
    const staffRow = row("计算机学院教工党支部");
    expect(staffRow["届满日期"]).toEqual(new Date(Date.UTC(2028, 8, 20)));
    expect(staffRow["换届状态"]).toBe("正常");
    expect(row("计算机学院本科生一支部")["换届状态"]).toBe("已超期");
    expect([staffRow["入党申请人"], staffRow["入党积极分子"], staffRow["发展对象"]]).toEqual([1, 1, 1]);
    expect(staffRow["培训达标率"]).toBe(1);
    expect(staffRow["三会一课完成率"]).toBe(1);
    expect(staffRow["党费缴纳率"]).toBe(1);
    const total = book.records("汇总").at(-1)!;
    expect(total["换届状态"]).toBe("已超期 1，6 个月内到期 0");
  });
});

describe("the summary at a glance and on paper", () => {
  it("colours the statuses, bars the rates, scales the error counts", async () => {
    const { summary } = await mergeAndRead(inputs(), { expected: LISTED });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await summaryBuffer(summary)) as unknown as ExcelJS.Buffer);
    const ws = book.getWorksheet("汇总")!;
    const header = (ws.getRow(1).values as unknown[]).slice(1);
    const letter = (name: string) => String.fromCharCode(65 + header.indexOf(name));
    // exceljs reads conditional formats back but leaves them out of its type declarations.
    const read = (ws as unknown as { conditionalFormattings: ExcelJS.ConditionalFormattingOptions[] }).conditionalFormattings;
    const formats = read.map((f) => [f.ref, f.rules.map((r) => r.type).join()]);
    expect(formats).toEqual(
      expect.arrayContaining([
        [`${letter("状态")}2:${letter("状态")}5`, "expression,expression,expression,expression,expression"],
        [`${letter("培训达标率")}2:${letter("培训达标率")}5`, "dataBar"],
        [`${letter("党费缴纳率")}2:${letter("党费缴纳率")}5`, "dataBar"],
        [`${letter("三会一课完成率")}2:${letter("三会一课完成率")}5`, "dataBar"],
        [`${letter("错误")}2:${letter("错误")}5`, "colorScale"],
      ]),
    );
    expect(book.worksheets[0].name).toBe("概览");
  });

  it("prints every sheet A4 landscape, one page wide, the header row repeated, a footer with sheet, page and as-of date", async () => {
    const { summary } = await mergeAndRead(inputs(), { expected: LISTED });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await summaryBuffer(summary)) as unknown as ExcelJS.Buffer);
    for (const ws of book.worksheets) {
      expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: "1:1" });
      expect(ws.headerFooter.oddFooter).toMatch(/&A.*&P.*2026-11-27/);
    }
  });
});
