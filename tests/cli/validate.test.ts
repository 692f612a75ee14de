import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { makeIdNumber } from "../../src/core";
import * as isolate from "../../src/io/isolate/pool";
import { buildWorkbook } from "../fixtures/builder";
import { runCli } from "../support/run-cli";

const dir = mkdtempSync(path.join(tmpdir(), "taizhang-cli-"));
const header = ["姓名", "性别", "身份证号", "人员类别", "党员类型", "入党时间", "转正时间", "党内职务"];
const member = (name: string, gender: "男" | "女", seq: number, post = "无") => [
  name, gender, makeIdNumber("500103", "1985-04-12", seq, gender), "教职工", "正式党员", "2010-07-01", "2011-07-01", post,
];
function write(name: string, bytes: Buffer | string): string {
  const file = path.join(dir, name);
  writeFileSync(file, bytes);
  return file;
}

const clean = write("一支部.xlsx", buildWorkbook([{ name: "党员花名册", rows: [header, member("刘洋", "男", 11, "书记"), member("王芳", "女", 12), member("陈静", "女", 14)] }]));
const wrongGender = write("二支部.xlsx", buildWorkbook([{ name: "党员花名册", rows: [header, member("刘洋", "男", 11, "书记"), ["王芳", "男", ...member("王芳", "女", 12).slice(2)], member("陈静", "女", 14)] }]));
const notASpreadsheet = write("三支部.xlsx", "这不是表格");

describe("taizhang validate", () => {
  it("exits 0 and says so for a clean roster", async () => {
    const run = await runCli("validate", clean, "--as-of", "2026-06-30");
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("✔ 一支部.xlsx：0 个错误");
  });

  it("exits 1 and names the cell for an error", async () => {
    const run = await runCli("validate", wrongGender, "--as-of", "2026-06-30");
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/B3\s+错误\s+roster\.gender-mismatch/);
  });

  it("prints the JSON report of the contract and nothing else on stdout", async () => {
    const run = await runCli("validate", wrongGender, "--json", "--as-of", "2026-06-30", "--profile", "200-100");
    const report = JSON.parse(run.stdout);
    expect(report).toMatchObject({ tool: "taizhang", asOf: "2026-06-30", profile: "200-100", summary: { files: 1, errors: 1 } });
    expect(report.files[0].sheets[0]).toMatchObject({ sheet: "党员花名册", ledger: "roster", headerRow: 1, rows: 3 });
    expect(report.files[0].sheets[0].issues[0]).toMatchObject({ code: "roster.gender-mismatch", row: 3, column: "B", cell: "B3", field: "gender", value: "男" });
  });

  it("reports an unreadable file in Chinese, still reports the others, and exits 2", async () => {
    const run = await runCli("validate", notASpreadsheet, clean, "--as-of", "2026-06-30");
    expect(run.code).toBe(2);
    expect(run.stdout).toContain("三支部.xlsx：不是电子表格文件");
    expect(run.stdout).toContain("✔ 一支部.xlsx");
    expect(run.stderr).toBe("");
  });

  it("passes --timeout on to the isolated reader as each file's limit", async () => {
    const parse = jest.spyOn(isolate, "parseIsolated");
    try {
      await runCli("validate", clean, "--timeout", "7.5", "--as-of", "2026-06-30");
      expect(parse).toHaveBeenCalledWith(expect.any(Uint8Array), "一支部.xlsx", { timeoutMs: 7500 });
    } finally {
      parse.mockRestore();
    }
  });

  it("reads a directory, skipping Excel lock files", async () => {
    write("~$一支部.xlsx", "lock");
    const run = await runCli("validate", dir, "--json", "--as-of", "2026-06-30");
    const files = JSON.parse(run.stdout).files.map((f: { file: string }) => f.file);
    expect(files).not.toContain("~$一支部.xlsx");
    expect(files).toEqual(expect.arrayContaining(["一支部.xlsx", "二支部.xlsx"]));
  });

  it.each([
    [["--as-of", "2026-02-30"], "--as-of 应为 YYYY-MM-DD"],
    [["--profile", "无此配置"], "既不是内置配置"],
    [["--profile", write("坏配置.json", '{"funding": {"staff": -1}}')], "funding.staff"],
    [["--timeout", "0"], "--timeout 应为 1 到 3600 之间的秒数"],
  ])("refuses %j with a zh-CN usage error and exit 2", async (flags, message) => {
    const run = await runCli("validate", clean, ...flags);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(message);
    expect(run.stdout).toBe("");
  });
});

describe("taizhang validate on workbooks that are not what was expected", () => {
  it("says a file that holds no ledger is none – the headers seen, the closest ledger – and does not exit as for a broken file", async () => {
    const file = write("宿舍表.xlsx", buildWorkbook([{ name: "住宿", rows: [["姓名", "性别", "学号", "宿舍"], ["刘洋", "男", "2024001", "3-201"]] }]));
    const run = await runCli("validate", file, "--json", "--as-of", "2026-06-30");
    expect(run.code).toBe(0);
    const [report] = JSON.parse(run.stdout).files;
    expect(report.status).toBe("no-ledger");
    expect(report.error).toContain("没有可识别的台账");
    expect(report.error).toContain("“姓名”、“性别”、“学号”、“宿舍”");
    expect(report.error).toContain("最接近“党员花名册”（认出 姓名、性别；缺少 身份证号、人员类别、党员类型、入党时间）");
    expect(report.error).toContain("党员花名册（姓名、性别、身份证号、人员类别、党员类型、入党时间）");
    const text = await runCli("validate", file, "--as-of", "2026-06-30");
    expect(text.stdout).toContain("⚠ 宿舍表.xlsx：没有可识别的台账");
    expect(text.stdout).toContain("1 个没有可识别的台账");
  });

  it("reports a missing required column once, on the header row", async () => {
    const noIdHeader = header.filter((h) => h !== "身份证号");
    const rows = [noIdHeader, ...[member("刘洋", "男", 11, "书记"), member("王芳", "女", 12)].map((m) => m.filter((_, i) => i !== 2))];
    const file = write("四支部.xlsx", buildWorkbook([{ name: "党员花名册", rows }]));
    const run = await runCli("validate", file, "--json", "--as-of", "2026-06-30");
    const issues = JSON.parse(run.stdout).files[0].sheets[0].issues.filter((i: { code: string }) => i.code === "header.missing");
    expect(issues).toEqual([expect.objectContaining({ row: 1, cell: null, field: "idNumber", message: expect.stringContaining("缺少必需的列“身份证号”") })]);
    expect(run.code).toBe(1);
  });
});

describe("taizhang validate --columns: the headers a secretary's workbook words its own way", () => {
  const ownWords = ["姓名", "性别", "身份证号", "人员类别", "党内身份", "入党时间", "转正时间", "入党介绍人"];
  const rows = [ownWords, ...[member("刘洋", "男", 11, "书记"), member("王芳", "女", 12), member("陈静", "女", 14)].map((m) => [...m.slice(0, 7), "王五"])];
  const file = write("五支部.xlsx", buildWorkbook([{ name: "党员花名册", rows }]));

  it("reports the unrecognised headers with the closest field in the JSON, and the missing column", async () => {
    const run = await runCli("validate", file, "--json", "--as-of", "2026-06-30");
    const sheet = JSON.parse(run.stdout).files[0].sheets[0];
    expect(sheet).toMatchObject({ ledger: "roster", recognition: { score: expect.any(Number) } });
    expect(sheet.recognition.otherColumns.map((o: { column: string; header: string }) => `${o.column} ${o.header}`)).toEqual(["E 党内身份", "H 入党介绍人"]);
    expect(sheet.issues.map((i: { code: string }) => i.code)).toContain("header.missing");
  });

  it("reads the column a mapping file names, and exits 0", async () => {
    const mapping = write("对应.json", JSON.stringify({ 党员花名册: { 党内身份: "党员类型", 入党介绍人: null } }));
    const run = await runCli("validate", file, "--json", "--as-of", "2026-06-30", "--columns", mapping);
    expect(run.code).toBe(0);
    const sheet = JSON.parse(run.stdout).files[0].sheets[0];
    expect(sheet.issues.map((i: { code: string }) => i.code)).not.toContain("header.missing");
    expect(sheet.recognition.otherColumns.map((o: { header: string }) => o.header)).toEqual(["入党介绍人"]);
  });

  it("refuses a mapping that names no field, saying which, and exits as a usage error", async () => {
    const mapping = write("错的对应.json", JSON.stringify({ 党员花名册: { 党内身份: "党籍" } }));
    const run = await runCli("validate", file, "--columns", mapping);
    expect(run.code).not.toBe(0);
    expect(run.stderr).toContain("“党员花名册”的字段“党籍”不存在");
  });
});
