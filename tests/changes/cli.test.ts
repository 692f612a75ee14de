import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { runCli } from "../support/run-cli";
import { branchBytes, branchData, readBack } from "../merge/support";

const dir = mkdtempSync(path.join(tmpdir(), "taizhang-changes-"));
const inbox = path.join(dir, "收件箱");
mkdirSync(inbox);
const A = "教工第一党支部";
const data = branchData(A, 6, 1, 0);
const asOf = ["--as-of", "2026-11-27"];

describe("taizhang merge --previous / --assess", () => {
  it("adds the 变化 sheet and a terminal section; with --mask phone numbers in it are masked", async () => {
    writeFileSync(path.join(inbox, `${A}.xlsx`), branchBytes(A, { ...data, dues: data.dues.map((r, i) => (i === 2 ? { ...r, "10月": null } : r)) }));
    const last = path.join(dir, "上次汇总.xlsx");
    expect((await runCli("merge", inbox, "-o", last, ...asOf)).code).toBeLessThan(2);
    const phone = String(data.roster[1]["联系电话"]);
    writeFileSync(path.join(inbox, `${A}.xlsx`), branchBytes(A, { ...data, roster: data.roster.map((m, i) => (i === 1 ? { ...m, 联系电话: "13900001111" } : m)) }));
    const out = path.join(dir, "本次汇总.xlsx");
    const run = await runCli("merge", inbox, "-o", out, "--previous", last, "--mask", ...asOf);
    expect(run.stdout).toContain("与上次汇总“上次汇总.xlsx”相比（人员按身份证号匹配 6 人，身份证号缺失或已隐去时按姓名 + 出生日期匹配 0 人）");
    expect(run.stdout).toContain(`${A}：信息变更 1，新缴党费 1，已改正问题 2`);
    const rows = readBack(readFileSync(out)).records("变化");
    expect(rows[0]).toMatchObject({ 支部: "（全部）", 变化: "比较对象" });
    expect(rows.filter((r) => r["变化"] !== "比较对象").map((r) => [r["变化"], r["党员"], r["说明"]])).toEqual([
      ["信息变更", data.roster[1]["姓名"], `联系电话：${phone.slice(0, 3)}****${phone.slice(-4)} → 139****1111`],
      ["新缴党费", data.roster[2]["姓名"], "10 月"],
      // Last time October was unpaid, and the 合计 did not add up without it.
      ["已改正问题", null, expect.stringMatching(/^党费收缴：.+10月未缴/)],
      ["已改正问题", null, expect.stringMatching(/^党费收缴：合计应为/)],
    ]);
  });

  it("refuses a --previous file that is no summary before reading any ledger, exit 2", async () => {
    const run = await runCli("merge", inbox, "-o", path.join(dir, "x.xlsx"), "--previous", path.join(inbox, `${A}.xlsx`));
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`上次汇总“${A}.xlsx” 不是 taizhang 生成的汇总工作簿`);
    const missing = await runCli("merge", inbox, "-o", path.join(dir, "x.xlsx"), "--previous", path.join(dir, "没有这个文件.xlsx"));
    expect(missing.stderr).toContain("无法读取上次汇总“没有这个文件.xlsx”");
  });

  it("--assess adds 考核 and 评分表 to the summary", async () => {
    const out = path.join(dir, "含考核.xlsx");
    const run = await runCli("merge", inbox, "-o", out, "--assess", ...asOf);
    expect(run.stdout).toContain(`${A}：据台账`);
    const book = readBack(readFileSync(out));
    expect(book.names.slice(-2)).toEqual(["考核", "评分表"]);
    expect(book.records("考核").map((r) => r["支部"])).toEqual([A]);
  });
});
