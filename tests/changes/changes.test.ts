import * as XLSX from "@e965/xlsx";
import { changesSince, summarySnapshot, type Changes } from "../../src/core/merge/changes";
import type { CheckedInput } from "../../src/core/merge";
import { readWorkbookBytes } from "../../src/io/read-file";
import { summaryBuffer } from "../../src/io/summary-file";
import { makeIdNumber } from "../../src/core";
import type { BranchData, Row } from "../fixtures/branch";
import { dateCell } from "../fixtures/builder";
import { branchBytes, branchData, mergeAndRead, options, submit } from "../merge/support";

const A = "教工第一党支部";
const B = "学生第一党支部";
const C = "离退休党支部";

const generatedB = branchData(B, 8, 2, 0.8);
const before = {
  a: branchData(A, 8, 1, 0),
  // Member 5 of B a 预备党员 whose 预备期 ends this month.
  b: { ...generatedB, roster: generatedB.roster.map((m, i) => (i === 5 ? { ...m, 党员类型: "预备党员", 入党时间: dateCell("2025-11-01"), 转正时间: null } : m)) },
};
const nameIn = (data: BranchData, i: number) => data.roster[i]["姓名"] as string;
const probationer = 5;

/** The previous month: member 3 of A had not paid October, 性别 of member 5 was misspelt. */
const previousA: BranchData = {
  ...before.a,
  dues: before.a.dues.map((r, i) => (i === 3 ? { ...r, "10月": null } : r)),
  roster: before.a.roster.map((m, i) => (i === 5 ? { ...m, 性别: "男 性别" } : m)),
};

/** A person's rows of a ledger keyed by 姓名. */
const rowsOf = (rows: Row[], name: string) => rows.filter((r) => r["姓名"] === name);
const without = (rows: Row[], names: string[]) => rows.filter((r) => !names.includes(r["姓名"] as string));
const renamed = (rows: Row[], name: string, id: string) => rows.map((r) => ({ ...r, 姓名: name, 身份证号: id }));

/**
 * This month: A gains a member (a copy of member 4 under a new name and ID), loses member 6 (moved to B)
 * and member 7 (left), member 4 becomes 党小组长, one more 4-hour training of member 0;
 * B's 预备党员 is now 正式, member 1's phone is mistyped.
 */
const [moved, left, model] = [6, 7, 4].map((i) => nameIn(before.a, i));
const joinerId = makeIdNumber("500103", "1990-01-01", 123, before.a.roster[4]["性别"] as "男" | "女");
const nowA: BranchData = {
  ...before.a,
  roster: [
    ...without(before.a.roster, [moved, left]).map((m) => (m["姓名"] === model ? { ...m, 党内职务: "党小组长" } : m)),
    ...renamed(rowsOf(before.a.roster, model), "新来人", joinerId).map((m) => ({ ...m, 出生日期: dateCell("1990-01-01"), 入党时间: dateCell("2015-06-01"), 转正时间: dateCell("2016-06-01") })),
  ],
  dues: [...without(before.a.dues, [moved, left]), ...renamed(rowsOf(before.a.dues, model), "新来人", joinerId)],
  training: [
    ...without(before.a.training, [moved, left]),
    ...renamed(rowsOf(before.a.training, model), "新来人", joinerId),
    { 姓名: nameIn(before.a, 0), 身份证号: before.a.roster[0]["身份证号"], 日期: dateCell("2026-11-20"), 培训内容: "廉政教育", 形式: "集中培训", 学时: 4 },
  ],
};
const nowB: BranchData = {
  ...before.b,
  roster: [
    ...before.b.roster.map((m, i) => (i === probationer ? { ...m, 党员类型: "正式党员", 转正时间: dateCell("2026-11-01") } : i === 1 ? { ...m, 联系电话: "12345" } : m)),
    { ...rowsOf(before.a.roster, moved)[0], 所在支部: B },
  ],
  dues: [...before.b.dues, ...rowsOf(before.a.dues, moved)],
  training: [...before.b.training, ...rowsOf(before.a.training, moved)],
};

const inputs = (a: BranchData, b: BranchData | null): CheckedInput[] => [submit(`${A}.xlsx`, branchBytes(A, a)), ...(b ? [submit(`${B}.xlsx`, branchBytes(B, b))] : [])];

async function previousFile(mask = false): Promise<Buffer> {
  const { summary } = await mergeAndRead(inputs(previousA, before.b), { mask });
  return summaryBuffer(summary);
}

async function compare(previous: Buffer, current: CheckedInput[], mask = false): Promise<Changes> {
  const { summary } = await mergeAndRead(current, { mask });
  const last = summarySnapshot(readWorkbookBytes(previous, "上次汇总.xlsx"), "上次汇总.xlsx");
  return changesSince({ snapshot: last, label: "上次汇总.xlsx" }, current, summary, { ...options, mask });
}

const of = (c: Changes, kind: string, branch?: string) => c.changes.filter((x) => x.kind === kind && (branch === undefined || x.branch === branch)).map((x) => [x.who, x.detail]);

describe("changes since the last summary", () => {
  let changes: Changes;
  beforeAll(async () => {
    changes = await compare(await previousFile(), inputs(nowA, nowB));
  });

  it("members joined, left and moved between branches, matched by ID number", () => {
    expect(of(changes, "新增党员")).toEqual([["新来人", `正式党员，${before.a.roster[4]["人员类别"]}`]]);
    expect(of(changes, "减少党员")).toEqual([[left, "本次花名册中已没有此人"]]);
    expect(of(changes, "转出", A)).toEqual([[moved, `转至${B}`]]);
    expect(of(changes, "转入", B)).toEqual([[moved, `来自${A}`]]);
    expect(changes.matched).toEqual({ byId: 15, byNameAndBirth: 0 });
  });

  it("probation completed and details changed", () => {
    expect(of(changes, "转正", B)).toEqual([[nameIn(before.b, probationer), "预备党员 → 正式党员"]]);
    expect(of(changes, "信息变更", A)).toEqual([[model, "党内职务：无 → 党小组长"]]);
    expect(of(changes, "信息变更", B)).toEqual([[nameIn(before.b, 1), `联系电话：${before.b.roster[1]["联系电话"]} → 12345`]]);
  });

  it("dues months newly paid and training hours added", () => {
    expect(of(changes, "新缴党费", A)).toEqual([[nameIn(before.a, 3), "10 月"]]);
    expect(of(changes, "新增学时", A)).toEqual([[nameIn(before.a, 0), expect.stringMatching(/^\+4 学时（共 \d+ 学时）$/)]]);
  });

  it("findings fixed and new", () => {
    expect(of(changes, "已改正问题", A).map(([, d]) => d)).toEqual(expect.arrayContaining([expect.stringContaining("男 性别")]));
    expect(of(changes, "新问题", B).map(([, d]) => d)).toEqual(expect.arrayContaining([expect.stringContaining("12345")]));
    expect(of(changes, "新问题", A)).toEqual([]);
  });

  it("a branch newly missing and one newly submitted", async () => {
    const c = await compare(await previousFile(), [...inputs(nowA, null), submit(`${C}.xlsx`, branchBytes(C, branchData(C, 5, 3, 0)))]);
    expect(of(c, "未再提交")).toEqual([[null, "上次已汇总，本次没有收到该支部的台账"]]);
    expect(c.changes.find((x) => x.kind === "未再提交")!.branch).toBe(B);
    expect(of(c, "新提交", C)).toEqual([[null, "上次汇总中没有该支部，本次党员 5 人"]]);
    // Its members are not listed one by one as joined, nor B's as left.
    expect(of(c, "新增党员", C)).toEqual([]);
    expect(of(c, "减少党员", B)).toEqual([]);
  });

  it("matches by name + birth date when the last summary hid the ID numbers (--mask), and masks phone numbers", async () => {
    const c = await compare(await previousFile(true), inputs(nowA, nowB), true);
    expect(c.matched).toEqual({ byId: 0, byNameAndBirth: 15 });
    expect(of(c, "转正", B)).toEqual([[nameIn(before.b, probationer), "预备党员 → 正式党员"]]);
    const phone = String(before.b.roster[1]["联系电话"]);
    // The last summary holds the masked number; this one is masked when shown.
    expect(of(c, "信息变更", B)).toEqual([[nameIn(before.b, 1), `联系电话：${phone.slice(0, 3)}****${phone.slice(-4)} → *****`]]);
  });

  it("reads an older summary without the 学习培训 sheet for what it has, and says what it did not compare", async () => {
    const book = XLSX.read(await previousFile(), { type: "buffer" });
    book.SheetNames = book.SheetNames.filter((n) => n !== "学习培训");
    const older = XLSX.write(book, { type: "buffer", bookType: "xlsx" }) as Buffer;
    const c = await compare(older, inputs(nowA, nowB));
    expect(c.gaps).toEqual(["上次汇总.xlsx 没有“学习培训”工作表，未比较学时"]);
    expect(of(c, "新缴党费", A)).toEqual([[nameIn(before.a, 3), "10 月"]]);
  });

  it("refuses a file that is no summary, in zh-CN", () => {
    const ledger = readWorkbookBytes(branchBytes(A, nowA), `${A}.xlsx`);
    expect(() => summarySnapshot(ledger, `${A}.xlsx`)).toThrow(`${A}.xlsx 不是 taizhang 生成的汇总工作簿（没有带表头的“汇总”和“党员花名册”工作表），无法比较变化`);
  });
});
