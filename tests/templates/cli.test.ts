/** `taizhang template`: the secretary asks for blank templates and gets files that open and validate. */
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { readWorkbookBytes } from "../../src/io/read-file";
import { runCli } from "../support/run-cli";

const dir = mkdtempSync(path.join(tmpdir(), "taizhang-template-"));

describe("taizhang template", () => {
  it("writes one ledger's template with the 200-100 profile into a new folder", async () => {
    const out = path.join(dir, "经费");
    const run = await runCli("template", "funding", "-o", out, "--profile", "200-100");
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("已生成");
    const book = readWorkbookBytes(readFileSync(path.join(out, "活动经费.xlsx")), "活动经费.xlsx");
    expect(book.marker).toMatchObject({ template: "funding", profile: "200-100" });
  });

  it("accepts the ledger's Chinese name", async () => {
    const out = path.join(dir, "花名册");
    expect((await runCli("template", "党员花名册", "-o", out)).code).toBe(0);
    expect(existsSync(path.join(out, "党员花名册.xlsx"))).toBe(true);
  });

  it("writes every template and the branch workbook for all (the default)", async () => {
    const out = path.join(dir, "全部");
    const run = await runCli("template", "-o", out);
    expect(run.code).toBe(0);
    expect(readdirSync(out).sort()).toEqual(["三会一课.xlsx", "党员花名册.xlsx", "党费收缴.xlsx", "发展党员.xlsx", "学习培训.xlsx", "换届.xlsx", "支部台账.xlsx", "活动经费.xlsx"].sort());
  });

  it("exits 2 with the choices for an unknown ledger", async () => {
    const run = await runCli("template", "finance", "-o", dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("没有名为“finance”的台账模板");
    expect(run.stderr).toContain("roster（党员花名册）");
  });

  it("exits 2 and says how when -o is missing", async () => {
    const run = await runCli("template", "roster");
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("请用 -o 指定输出文件夹");
  });

  it("exits 2 when the output folder cannot be written", async () => {
    const file = path.join(dir, "一个文件");
    writeFileSync(file, "");
    const run = await runCli("template", "roster", "-o", file);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("无法写入文件夹");
    expect(run.stderr).toContain("已有同名文件，它不是文件夹");
  });

  it("exits 2 for an unknown profile", async () => {
    const run = await runCli("template", "roster", "-o", dir, "--profile", "300-150");
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("300-150");
  });
});
