import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import * as XLSX from "@e965/xlsx";
import { runCli } from "../support/run-cli";
import { readBack } from "../merge/support";
import { ASSESS_AS_OF, generated, withHoursMet, withPost, withRemark, workbookOf } from "../fixtures/assess";

const dir = mkdtempSync(path.join(tmpdir(), "taizhang-assess-"));
const inbox = path.join(dir, "收件箱");
mkdirSync(inbox);
const complete = withPost(withHoursMet(generated("教工第一党支部", 9, 1, 0, 0)), 3, "纪检委员");
writeFileSync(path.join(inbox, "教工第一党支部.xlsx"), workbookOf("教工第一党支部", complete));
writeFileSync(path.join(inbox, "学生第一党支部.xlsx"), workbookOf("学生第一党支部", withRemark(generated("学生第一党支部", 12, 2, 0.8), 4, "受党内警告处分")));
const first = path.join(dir, "考核.xlsx");
const asOf = ["--as-of", ASSESS_AS_OF];

/** What the group does: type into cells of the 考核 sheet, by header, and save (a fixture, written with SheetJS). */
function typeScores(from: string, to: string, byBranch: Record<string, Record<string, string | number>>): void {
  const book = XLSX.read(readFileSync(from), { type: "buffer" });
  const sheet = book.Sheets["考核"];
  const rows = XLSX.utils.sheet_to_json<unknown[]>(sheet, { header: 1, defval: null });
  const header = rows[0] as string[];
  rows.forEach((row, r) => {
    const typed = byBranch[String(row[0])];
    if (!typed) return;
    for (const [prefix, value] of Object.entries(typed)) {
      const c = header.findIndex((h) => h.startsWith(prefix));
      sheet[XLSX.utils.encode_cell({ r, c })] = typeof value === "number" ? { t: "n", v: value } : { t: "s", v: value };
    }
  });
  writeFileSync(to, XLSX.write(book, { type: "buffer", bookType: "xlsx" }));
}

const GROUP_FULL = { "2.": 5, "3.": 5, "4.": 5, "5.": 5, "8.": 3, "9.": 10, "11.": 5, "12.": 5, "14.": 5, "15.": 10, "16.": 9 };

describe("taizhang assess", () => {
  it("writes one row per branch: proposals with evidence, blanks for the group, totals and grade as values", async () => {
    const run = await runCli("assess", inbox, "-o", first, ...asOf);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("重庆工业职业技术学院《基层党支部工作目标管理考核评分表》");
    expect(run.stdout).toMatch(/学生第一党支部 .*不合格（一票否决）/);
    const book = readBack(readFileSync(first));
    expect(book.names).toEqual(["考核", "评分表"]);
    const header = book.rows("考核")[0];
    expect(header).toEqual(expect.arrayContaining(["1.班子健全定期改选（5分）", "1.依据", "2.参与决策支持行政（5分，待评）", "5.经费场地（5分，部分待评）", "17.受到表彰（附加分，待评）", "总分", "受处分", "等级"]));
    expect(header).not.toContain("2.依据");
    const rows = book.records("考核");
    const staff = rows.find((r) => r["支部"] === "教工第一党支部")!;
    expect(staff["7.三会一课民主评议（10分）"]).toBe(10);
    expect(staff["7.依据"]).toContain("支委会应开 12 次，有记录 12 次");
    expect(staff["2.参与决策支持行政（5分，待评）"]).toBeNull();
    expect(staff["基本分"]).toBe(5 + 10 + 10 + 2 + 5);
    expect(staff["等级"]).toBe("待评（11 项未评分）");
    const students = rows.find((r) => r["支部"] === "学生第一党支部")!;
    expect(students["受处分"]).toBe("是");
    expect(students["等级"]).toBe("不合格");
    expect(students["说明"]).toContain("花名册备注记有处分");
    // The cells the group fills in are shaded; the proposals are not.
    const at = (headerText: string) => XLSX.utils.encode_cell({ r: 1, c: header.indexOf(headerText) });
    expect(book.cell("考核", at("2.参与决策支持行政（5分，待评）"))?.s).toMatchObject({ patternType: "solid", fgColor: { rgb: "FFF2CC" } });
    expect(book.cell("考核", at("1.班子健全定期改选（5分）"))?.s).toMatchObject({ patternType: "none" });
    // Values, never formulas.
    for (const cell of Object.values(book.book.Sheets["考核"])) expect((cell as XLSX.CellObject).f).toBeUndefined();
    const method = book.records("评分表");
    expect(method.find((r) => r["序号"] === 6)!["测评要素与评分方式"]).toBe("坚持 2 分：据台账建议；记录 8 分：据台账建议");
    expect(method.find((r) => r["一级指标"] === "一票否决")!["二级指标及内容"]).toContain("不论得分高低，均为不合格支部");
  });

  it("a second run keeps what the group typed and recomputes totals and grade; a cell that is no score is kept and reported", async () => {
    const filled = path.join(dir, "考核（已评）.xlsx");
    typeScores(first, filled, {
      教工第一党支部: { ...GROUP_FULL, "7.": 6, "17.": 2 },
      学生第一党支部: { ...GROUP_FULL, "16.": "十" },
    });
    const second = path.join(dir, "考核（终）.xlsx");
    const run = await runCli("assess", inbox, "--scores", filled, "-o", second, ...asOf);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("考核（已评）.xlsx 第 3 行（学生第一党支部）第 16 项填的“十”不是0–10 之间的分数，按未评分计，原样保留");
    const rows = readBack(readFileSync(second)).records("考核");
    const staff = rows.find((r) => r["支部"] === "教工第一党支部")!;
    expect(staff["7.三会一课民主评议（10分）"]).toBe(6);
    expect(staff["7.依据"]).toMatch(/^考核小组评 6 分；台账建议 10 分/);
    // Ledgers 5 + 10 + 2 + 5 and the group's 6 for item 7; the group's 67 on its items; bonus 2.
    expect([staff["基本分"], staff["附加分"], staff["总分"], staff["等级"]]).toEqual([95, 2, 97, "优秀"]);
    const students = rows.find((r) => r["支部"] === "学生第一党支部")!;
    expect(students["16.满意度测评（10分，待评）"]).toBe("十");
    expect(students["等级"]).toBe("不合格");

    // Without ledgers: the scores file alone, totals recomputed, evidence as written.
    const third = path.join(dir, "考核（重算）.xlsx");
    const again = await runCli("assess", "--scores", second, "-o", third, ...asOf);
    expect(again.stderr).toContain("第 16 项填的“十”");
    const same = readBack(readFileSync(third)).records("考核").find((r) => r["支部"] === "教工第一党支部")!;
    expect([same["总分"], same["等级"], same["7.依据"]]).toEqual([97, "优秀", staff["7.依据"]]);
  });

  it("reads the table from the profile: another institution's table is data", async () => {
    const table = {
      id: "某学院",
      title: "某学院党支部考核表",
      sections: [
        { name: "制度执行", points: 10, items: [{ no: 1, text: "按月足额缴纳党费", short: "党费", measures: [{ name: "缴纳", points: 10, check: "duesPaid" }] }] },
        { name: "评议", points: 10, items: [{ no: 2, text: "群众评议", short: "评议", measures: [{ name: "评议", points: 10 }] }] },
      ],
      grades: [{ min: 18, grade: "好" }, { min: 0, grade: "一般" }],
    };
    const profileFile = path.join(dir, "某学院.json");
    writeFileSync(profileFile, JSON.stringify({ name: "某学院", assessment: table }));
    const out = path.join(dir, "某学院考核.xlsx");
    expect((await runCli("assess", inbox, "-o", out, "--profile", profileFile, ...asOf)).code).toBe(0);
    const book = readBack(readFileSync(out));
    expect(book.rows("考核")[0]).toEqual(["支部", "来源文件", "1.党费（10分）", "1.依据", "2.评议（10分，待评）", "基本分", "附加分", "总分", "受处分", "等级", "说明"]);
    const filled = path.join(dir, "某学院考核（已评）.xlsx");
    typeScores(out, filled, { 教工第一党支部: { "2.": 9 } });
    const final = path.join(dir, "某学院考核（终）.xlsx");
    await runCli("assess", "--scores", filled, "-o", final, "--profile", profileFile, ...asOf);
    const staff = readBack(readFileSync(final)).records("考核").find((r) => r["支部"] === "教工第一党支部")!;
    expect([staff["总分"], staff["等级"]]).toEqual([19, "好"]);

    // The scores of one table are not read against another.
    const wrong = await runCli("assess", "--scores", first, "-o", path.join(dir, "x.xlsx"), "--profile", profileFile);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain("与某学院《某学院党支部考核表》不符");
  });

  it("refuses a table whose points do not add up, and a table name it does not know, in zh-CN", async () => {
    const bad = path.join(dir, "bad.json");
    writeFileSync(bad, JSON.stringify({ name: "x", assessment: { id: "x", title: "x", sections: [{ name: "建设", points: 20, items: [{ no: 1, text: "a", short: "a", measures: [{ name: "a", points: 5 }] }] }], grades: [{ min: 0, grade: "合格" }] } }));
    const run = await runCli("assess", inbox, "-o", path.join(dir, "y.xlsx"), "--profile", bad);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("“建设”各项分值之和为 5，与该项的 20 分不符");
    const unknown = path.join(dir, "unknown.json");
    writeFileSync(unknown, JSON.stringify({ name: "x", assessment: "某大学" }));
    expect((await runCli("assess", inbox, "-o", path.join(dir, "y.xlsx"), "--profile", unknown)).stderr).toContain("考核评分表“某大学”不是内置的评分表");
  });

  it("says what is wrong with a scores file that is not one", async () => {
    const notScores = path.join(inbox, "教工第一党支部.xlsx");
    const run = await runCli("assess", "--scores", notScores, "-o", path.join(dir, "z.xlsx"));
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("中没有“考核”工作表");
    const broken = path.join(dir, "坏.xlsx");
    writeFileSync(broken, Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(100, 1)]));
    expect((await runCli("assess", "--scores", broken, "-o", path.join(dir, "z.xlsx"))).stderr).toContain("无法读取考核表“坏.xlsx”");

    // A branch whose file cannot be read keeps its row, every item open, and says why; exit 2.
    const withBroken = path.join(dir, "含坏文件");
    mkdirSync(withBroken);
    writeFileSync(path.join(withBroken, "离退休党支部.xlsx"), readFileSync(broken));
    const out = path.join(dir, "含坏文件考核.xlsx");
    const run2 = await runCli("assess", withBroken, "-o", out, ...asOf);
    expect(run2.code).toBe(2);
    const row = readBack(readFileSync(out)).records("考核")[0];
    expect([row["支部"], row["基本分"], row["等级"]]).toEqual(["离退休党支部", 0, "待评（16 项未评分）"]);
    expect(row["说明"]).toContain("文件已损坏");
  });
});
