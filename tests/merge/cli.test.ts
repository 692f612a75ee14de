import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { runCli } from "../support/run-cli";
import { branchBytes, branchData, readBack } from "./support";

const dir = mkdtempSync(path.join(tmpdir(), "taizhang-merge-"));
const inbox = path.join(dir, "收到的台账");
mkdirSync(inbox);
const put = (name: string, bytes: Buffer | string) => writeFileSync(path.join(inbox, name), bytes);

put("教工第一党支部.xlsx", branchBytes("教工第一党支部", branchData("教工第一党支部", 5, 1, 0)));
put("学生第一党支部台账（终版2）.xlsx", branchBytes("学生第一党支部", branchData("学生第一党支部", 6, 2, 0.8)));
// A download cut short: a zip header and nothing behind it.
put("离退休党支部.xlsx", Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(200, 7)]));
// Saved with an open password: Excel writes an OLE (CFB) container that SheetJS cannot open.
put("学生第二党支部.xlsx", Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(1024, 0)]));
const expectList = path.join(dir, "branches.txt");
writeFileSync(expectList, "# 本期应交\n教工第一党支部\n教工第二党支部\n学生第一党支部\n学生第二党支部\n离退休党支部\n");
const output = path.join(dir, "学院汇总.xlsx");

describe("taizhang merge", () => {
  it("merges what it can read, reports the corrupt and encrypted files and the missing branch, writes the summary, exits 2", async () => {
    const run = await runCli("merge", inbox, "-o", output, "--expect", expectList, "--json", "--as-of", "2026-11-27");
    expect(run.code).toBe(2);
    expect(run.stderr).toBe("");
    const report = JSON.parse(run.stdout);
    const branches = report.merge.branches.map((b: { branch: string; status: string; identifiedBy: string }) => [b.branch, b.status, b.identifiedBy]);
    expect(branches).toEqual(
      expect.arrayContaining([
        ["教工第一党支部", "merged", "roster"],
        ["学生第一党支部", "merged", "roster"],
        ["离退休党支部", "unreadable", "file"],
        ["学生第二党支部", "unreadable", "file"],
      ]),
    );
    expect(report.merge.missing).toEqual(["教工第二党支部"]);
    expect(report.merge.output).toBe(output);
    const unreadable = report.files.filter((f: { status: string }) => f.status === "unreadable");
    expect(unreadable.map((f: { file: string; error: string }) => [f.file, f.error])).toEqual(
      expect.arrayContaining([
        ["离退休党支部.xlsx", expect.stringContaining("损坏")],
        ["学生第二党支部.xlsx", expect.stringMatching(/加密|损坏/)],
      ]),
    );
    const r = report.merge.reconciliation;
    expect(r.inputRows).toBe(r.mergedRows + r.excludedRows);

    const book = readBack(readFileSync(output));
    expect(book.records("汇总").map((x) => [x["支部"], x["状态"]])).toEqual(
      expect.arrayContaining([
        ["教工第一党支部", "可通过"],
        ["离退休党支部", "无法读取"],
        ["教工第二党支部", "未提交"],
      ]),
    );
    expect(book.records("党员花名册")).toHaveLength(11);
    const issues = book.records("问题清单");
    expect(issues.filter((x) => x["代码"] === "merge.unreadable").map((x) => x["来源文件"]).sort()).toEqual(["学生第二党支部.xlsx", "离退休党支部.xlsx"].sort());
    expect(book.records("未提交")).toEqual([{ 支部: "教工第二党支部", 说明: "没有收到该支部的台账文件" }]);
  });

  it("tells the committee in words what it merged, what is missing and that every row is accounted for", async () => {
    const run = await runCli("merge", inbox, "-o", output, "--expect", expectList, "--as-of", "2026-11-27");
    expect(run.stdout).toContain("✔ 可通过  教工第一党支部（依据花名册“所在支部”）  教工第一党支部.xlsx  5 名党员");
    expect(run.stdout).toContain("✖ 无法读取  离退休党支部（依据文件名）  离退休党支部.xlsx");
    expect(run.stdout).toContain("○ 未提交  教工第二党支部");
    expect(run.stdout).toContain("支部：可通过 2，需退回 0，未提交 1，无法读取 2，已被较新文件替代 0");
    expect(run.stdout).toMatch(/核对：读入 \d+ 行 = 已汇总 \d+ 行 \+ 未汇总 0 行/);
  });

  it("exits 0 when every file merges clean enough and 1 once a branch has an error", async () => {
    const one = branchData("教工第一党支部", 12, 11, 0);
    const clean = path.join(dir, "一支部.xlsx");
    writeFileSync(clean, branchBytes("教工第一党支部", one));
    const run = await runCli("merge", clean, "-o", output, "--json", "--as-of", "2026-11-27");
    expect(JSON.parse(run.stdout).summary.errors).toBe(0);
    expect(run.code).toBe(0);
    const twice = branchData("学生第一党支部", 4, 2, 1);
    twice.roster.push({ ...one.roster[2], 所在支部: "学生第一党支部" });
    const dup = path.join(dir, "二支部.xlsx");
    writeFileSync(dup, branchBytes("学生第一党支部", twice));
    const withDuplicate = await runCli("merge", clean, dup, "-o", output, "--json", "--as-of", "2026-11-27");
    expect(withDuplicate.code).toBe(1);
    expect(JSON.parse(withDuplicate.stdout).summary.errors).toBeGreaterThanOrEqual(2);
  });

  it("needs -o and says so in Chinese", async () => {
    const run = await runCli("merge", inbox);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("错误：缺少必需的选项 -o, --output <file>");
  });

  it("creates the output folder when it does not exist yet", async () => {
    const output = path.join(dir, "新文件夹", "汇总.xlsx");
    const run = await runCli("merge", inbox, "-o", output, "--as-of", "2026-11-27");
    expect(run.stderr).not.toContain("无法写入");
    expect(existsSync(output)).toBe(true);
  });

  it("says where it could not write the summary, after reporting", async () => {
    const aFile = path.join(dir, "这是文件.txt");
    writeFileSync(aFile, "不是文件夹");
    const run = await runCli("merge", inbox, "-o", path.join(aFile, "汇总.xlsx"), "--as-of", "2026-11-27");
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("无法写入汇总文件");
    expect(run.stdout).toContain("核对：");
  });
});

describe("taizhang merge --mask", () => {
  it("hides ID numbers in the JSON report as in the workbook", async () => {
    const one = branchData("教工第一党支部", 4, 1, 0);
    const two = branchData("学生第一党支部", 4, 2, 1);
    two.roster.push({ ...one.roster[1], 所在支部: "学生第一党支部" });
    const a = path.join(dir, "甲.xlsx");
    const b = path.join(dir, "乙.xlsx");
    writeFileSync(a, branchBytes("教工第一党支部", one));
    writeFileSync(b, branchBytes("学生第一党支部", two));
    const id = String(one.roster[1]["身份证号"]);
    const plain = await runCli("merge", a, b, "-o", output, "--json", "--as-of", "2026-11-27");
    expect(plain.stdout).toContain(id);
    const masked = await runCli("merge", a, b, "-o", output, "--json", "--mask", "--as-of", "2026-11-27");
    expect(masked.stdout).not.toContain(id);
    expect(masked.stdout).toContain(`${id.slice(0, 6)}********${id.slice(-4)}`);
    expect(JSON.stringify(readBack(readFileSync(output)).book.Sheets)).not.toContain(id);
  });
});
