/** The send-back pack: `taizhang merge … --returns 退回/` – one workbook per branch with findings, holding exactly its findings. */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { unzipSync } from "fflate";
import { returnPacks } from "../../src/core/merge";
import { returnsZip } from "../../src/io/returns-zip";
import { runCli } from "../support/run-cli";
import { AS_OF, branchBytes, branchData, mergeAndRead, readBack, submit } from "./support";

const dir = mkdtempSync(path.join(tmpdir(), "taizhang-returns-"));
const inbox = path.join(dir, "收到的台账");
mkdirSync(inbox);
const clean = branchData("教工第一党支部", 6, 41, 0);
const faulty = branchData("学生第一党支部", 6, 42, 1);
faulty.roster[2]["性别"] = "未知";
faulty.roster[4]["入党时间"] = "某年某月";
// A person in both rosters: a finding in each branch's pack.
const shared = clean.roster[3];
faulty.roster.push({ ...shared, 所在支部: "学生第一党支部" });
writeFileSync(path.join(inbox, "教工第一党支部.xlsx"), branchBytes("教工第一党支部", clean));
writeFileSync(path.join(inbox, "学生第一党支部.xlsx"), branchBytes("学生第一党支部", faulty));
writeFileSync(path.join(inbox, "离退休党支部.xlsx"), Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(200, 7)]));

describe("taizhang merge --returns", () => {
  it("writes one workbook per branch with findings: a cover with its status, then exactly its findings by sheet and row", async () => {
    const returns = path.join(dir, "退回");
    const json = await runCli("merge", inbox, "-o", path.join(dir, "汇总.xlsx"), "--returns", returns, "--json", "--as-of", AS_OF);
    const report = JSON.parse(json.stdout);
    expect(readdirSync(returns).sort()).toEqual(["学生第一党支部.xlsx", "教工第一党支部.xlsx", "离退休党支部.xlsx"].sort());

    const students = readBack(readFileSync(path.join(returns, "学生第一党支部.xlsx")));
    expect(students.names).toEqual(["封面", "问题清单"]);
    const cover = Object.fromEntries(students.rows("封面").slice(1).map((r) => [r[0], r[1]]));
    expect(cover).toMatchObject({ 支部: "学生第一党支部", 来源文件: "学生第一党支部.xlsx", 状态: "需退回" });
    const file = report.files.find((f: { file: string }) => f.file === "学生第一党支部.xlsx");
    const expected = file.sheets.flatMap((s: { issues: { cell: string | null; code: string }[] }) => s.issues);
    const listed = students.records("问题清单");
    expect(listed.map((r) => [r["单元格"], r["代码"]]).sort()).toEqual(expected.map((f: { cell: string | null; code: string; row: number | null }) => [f.cell ?? (f.row !== null ? `第 ${f.row} 行` : null), f.code]).sort());
    expect(listed.map((r) => r["代码"])).toEqual(expect.arrayContaining(["cell.enum", "cell.date", "merge.duplicate-person"]));
    const rosterRows = listed.filter((r) => r["工作表"] === "党员花名册").map((r) => Number(String(r["单元格"]).replace(/^[A-Z]+/, "")));
    expect(rosterRows).toEqual([...rosterRows].sort((a, b) => a - b));
    expect(listed.every((r) => typeof r["如何改正"] === "string" && r["如何改正"] !== "")).toBe(true);

    const staff = readBack(readFileSync(path.join(returns, "教工第一党支部.xlsx")));
    expect(staff.records("问题清单").map((r) => r["代码"])).toEqual(["merge.duplicate-person"]);
    expect(Object.fromEntries(staff.rows("封面").slice(1).map((r) => [r[0], r[1]]))["状态"]).toBe("需退回");
    const unreadable = readBack(readFileSync(path.join(returns, "离退休党支部.xlsx")));
    expect(unreadable.records("问题清单").map((r) => r["代码"])).toEqual(["merge.unreadable"]);

    const text = await runCli("merge", inbox, "-o", path.join(dir, "汇总.xlsx"), "--returns", returns, "--as-of", AS_OF);
    expect(text.stdout).toContain(`退回工作簿：3 个支部 → ${returns}`);
  });

  it("hides ID numbers with --mask", async () => {
    const returns = path.join(dir, "退回-隐去");
    await runCli("merge", inbox, "-o", path.join(dir, "汇总.xlsx"), "--returns", returns, "--mask", "--as-of", AS_OF);
    const id = String(shared["身份证号"]);
    for (const name of readdirSync(returns)) expect(JSON.stringify(readBack(readFileSync(path.join(returns, name))).book.Sheets)).not.toContain(id);
  });

  it("gives no workbook to a branch without findings, and the same workbooks as one zip for the task pane", async () => {
    const { report } = await mergeAndRead([submit("一.xlsx", branchBytes("教工第一党支部", clean)), submit("二.xlsx", branchBytes("学生第一党支部", faulty))]);
    const alone = await mergeAndRead([submit("一.xlsx", branchBytes("教工第一党支部", clean))]);
    expect(returnPacks(alone.report, false)).toEqual([]);
    const packs = returnPacks(report, false);
    const zip = unzipSync(await returnsZip(packs));
    expect(Object.keys(zip).sort()).toEqual(["学生第一党支部.xlsx", "教工第一党支部.xlsx"].sort());
    expect(readBack(Buffer.from(zip["教工第一党支部.xlsx"])).records("问题清单").map((r) => r["代码"])).toEqual(["merge.duplicate-person"]);
  });
});
