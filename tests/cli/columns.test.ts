/**
 * `taizhang columns`: the committee's 列对应 step on the command line. The
 * headers branches word their own way are listed once, however many files
 * have them, each with the column proposed; the mapping file it writes makes
 * validate read those columns; a second run keeps what was decided.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { makeIdNumber } from "../../src/core";
import { buildWorkbook } from "../fixtures/builder";
import { runCli } from "../support/run-cli";

const dir = mkdtempSync(path.join(tmpdir(), "taizhang-columns-"));
const write = (name: string, bytes: Buffer | string): string => {
  const file = path.join(dir, name);
  writeFileSync(file, bytes);
  return file;
};
const member = (name: string, gender: "男" | "女", seq: number) => [name, gender, makeIdNumber("500103", "1985-04-12", seq, gender), "教职工", "正式党员", "2010-07-01", "2011-07-01", "王五"];
const ownWords = ["姓名", "性别", "身份证号", "人员类别", "党内身份", "入党时间", "转正时间", "入党介绍人"];
const roster = (rows: string[]) => buildWorkbook([{ name: "党员花名册", rows: [rows, member("刘洋", "男", 11), member("王芳", "女", 12), member("陈静", "女", 14)] }]);
const fifth = write("五支部.xlsx", roster(ownWords));
const sixth = write("六支部.xlsx", roster(ownWords));
const asOf = ["--as-of", "2026-06-30"];
const readJson = (file: string) => JSON.parse(readFileSync(file, "utf8"));

describe("taizhang columns", () => {
  it("lists each header it does not know once, with the column proposed, and writes the mapping that validate then reads", async () => {
    const out = path.join(dir, "对应.json");
    const run = await runCli("columns", fifth, sixth, "-o", out, ...asOf);
    expect(run.code).toBe(0);
    expect(run.stdout.split("\n").filter((l) => l.startsWith("  “"))).toEqual([
      "  “党内身份”（五支部.xlsx 工作表“党员花名册” E 列，共 2 个文件）→ “党员类型”",
      "  “入党介绍人”（五支部.xlsx 工作表“党员花名册” H 列，共 2 个文件）→ 其他列（不校验）",
    ]);
    expect(run.stdout).toContain(`已写出 ${out}：2 个表头，其中 1 个建议对应到某一列，1 个作为其他列。`);
    expect(readJson(out)).toEqual({ 党员花名册: { 党内身份: "党员类型", 入党介绍人: null } });

    const before = JSON.parse((await runCli("validate", fifth, "--json", ...asOf)).stdout).files[0].sheets[0];
    expect(before.issues.map((i: { code: string }) => i.code)).toContain("header.missing");
    const after = await runCli("validate", fifth, "--json", "--columns", out, ...asOf);
    expect(after.code).toBe(0);
    expect(JSON.parse(after.stdout).files[0].sheets[0].recognition.otherColumns.map((o: { header: string }) => o.header)).toEqual(["入党介绍人"]);
  });

  it("keeps the decisions of an existing mapping file and adds only the new headers", async () => {
    const decided = write("已定.json", JSON.stringify({ 党员花名册: { 入党介绍人: "备注" } }));
    const seventh = write("七支部.xlsx", roster([...ownWords.slice(0, 7), "介绍人"]));
    const out = path.join(dir, "新对应.json");
    const run = await runCli("columns", fifth, seventh, "-o", out, "--columns", decided, ...asOf);
    expect(run.code).toBe(0);
    expect(run.stdout).not.toContain("“入党介绍人”");
    expect(readJson(out)).toEqual({ 党员花名册: { 入党介绍人: "备注", 党内身份: "党员类型", 介绍人: null } });
  });

  it("says which files hold no ledger or cannot be read, still writes the file, and exits 2 for the unreadable", async () => {
    const none = write("采购.xlsx", buildWorkbook([{ name: "Sheet1", rows: [["物品", "数量"], ["纸", "3"]] }]));
    const broken = write("坏.xlsx", "这不是表格");
    const out = path.join(dir, "子目录", "对应.json");
    const run = await runCli("columns", none, broken, "-o", out, ...asOf);
    expect(run.code).toBe(2);
    expect(run.stdout).toContain("⚠ 采购.xlsx：没有可识别的台账");
    expect(run.stdout).toContain("✖ 坏.xlsx：无法读取");
    expect(run.stdout).toContain("没有需要对应的表头");
    expect(readJson(out)).toEqual({});
  });

  it("refuses to run without -o, in Chinese", async () => {
    const run = await runCli("columns", fifth);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("缺少必需的选项 -o, --output");
  });
});
