import { BUILTIN_PROFILES } from "../../src/core";
import { assessInputs, totals, type BranchAssessment } from "../../src/core/assess";
import { unassessed } from "../../src/core/assess/score";
import { BUILTIN_TABLES } from "../../src/core/assess/table";
import { checkInput, type CheckedInput } from "../../src/core/merge";
import { readWorkbookBytes } from "../../src/io/read-file";
import {
  ASSESS_AS_OF,
  generated,
  withHoursMet,
  withOverdueProbation,
  withPost,
  withRemark,
  withTerm,
  withUnpaid,
  withoutMeeting,
  withoutTraining,
  workbookOf,
} from "../fixtures/assess";
import type { BranchData } from "../fixtures/branch";

const profile = BUILTIN_PROFILES["100-50"];
const table = BUILTIN_TABLES[0];
const ctx = { profile, asOf: ASSESS_AS_OF };

const submit = (branch: string, data: BranchData): CheckedInput => {
  const file = `${branch}.xlsx`;
  return checkInput({ file, workbook: readWorkbookBytes(workbookOf(branch, data), file) }, ctx);
};
const assessOne = (branch: string, data: BranchData): BranchAssessment => assessInputs([submit(branch, data)], table, ctx)[0];
const item = (a: BranchAssessment, no: number) => a.items.find((i) => i.no === no)!;

// Nine staff members, none retired: every rule's count is over the same nine people. 书记 and three 委员.
const base = withPost(withHoursMet(generated("教工第一党支部", 9, 1, 0, 0)), 3, "纪检委员");
const name = (data: BranchData, i: number) => data.roster[i]["姓名"] as string;

describe("evidence rules of 《基层党支部工作目标管理考核评分表》", () => {
  const clean = assessOne("教工第一党支部", base);

  it("scores a branch whose ledgers are complete in full on every item they evidence", () => {
    expect([1, 6, 7, 10, 13].map((no) => item(clean, no).score)).toEqual([5, 10, 10, 2, 5]);
    expect(item(clean, 6).evidence).toContain("教职工 9 人中 9 人达 24 学时（其中廉政教育 4 学时）");
    expect(item(clean, 7).evidence).toContain("支委会应开 12 次，有记录 12 次");
    expect(item(clean, 10).evidence).toBe("建议 2 分：9 人中 9 人缴清 1–11 月党费");
  });

  it("item 1: 班子 incomplete, roles missing and the term run out", () => {
    const a = assessOne("教工第一党支部", withTerm(withPost(withPost(base, 2, "无"), 3, "无"), "2022-06-01"));
    // 健全 1/2 (书记, but 2 支委 < 3), 分工 2 × 1/3, 改选 0
    expect(item(a, 1).score).toBe(1.7);
    expect(item(a, 1).evidence).toContain("健全 1/2，分工 0.7/2，改选 0/1");
    expect(item(a, 1).evidence).toContain("支委 2 人，少于 3 人");
    expect(item(a, 1).evidence).toContain("缺宣传委员、纪检委员");
    expect(item(a, 1).evidence).toContain("已于2025年6月1日届满，未按期改选");
  });

  it("item 6: the share of members meeting the hours, 廉政 hours apart", () => {
    const a = assessOne("教工第一党支部", withoutTraining(base, [name(base, 4)]));
    expect(item(a, 6).score).toBe(8.9); // 2 × 8/9 + 8 × 8/9
    expect(item(a, 6).evidence).toContain("9 名党员中 8 人本年有学习培训记录");
    expect(item(a, 6).evidence).toContain(`未达：${name(base, 4)} 0/24（廉政 0/4）`);
    const noIntegrity = assessOne("教工第一党支部", withPost(generated("教工第一党支部", 9, 1, 0, 0), 3, "纪检委员"));
    expect(item(noIntegrity, 6).score).toBe(2);
    expect(item(noIntegrity, 6).evidence).toContain("教职工 9 人中 0 人达 24 学时");
    expect(item(noIntegrity, 6).evidence).toMatch(/\d+\/24（廉政 0\/4）/);
  });

  it("item 7: meetings held per period, the missing month named", () => {
    const a = assessOne("教工第一党支部", withoutMeeting(base, "支委会", 5));
    expect(item(a, 7).score).toBe(9.5); // 2 + 8 × 15/16
    expect(item(a, 7).evidence).toContain("支委会应开 12 次，有记录 11 次（缺 5月）");
    expect(item(a, 7).evidence).toContain("党课应开 1 次，有记录 1 次");
  });

  it("item 7: a branch under 7 members holds no 支委会 and is not scored on it", () => {
    const a = assessOne("离退休党支部", withHoursMet(generated("离退休党支部", 5, 3, 0)));
    expect(item(a, 7).evidence).not.toContain("支委会应开");
    expect(item(a, 7).evidence).toContain("不计支委会");
    expect(item(a, 7).score).toBe(10);
  });

  it("item 10: members with every month due paid", () => {
    const a = assessOne("教工第一党支部", withUnpaid(base, 4, 3));
    expect(item(a, 10).score).toBe(1.8);
    expect(item(a, 10).evidence).toBe(`建议 1.8 分：9 人中 8 人缴清 1–11 月党费；未缴清：${name(base, 4)}（缺 3 月）`);
  });

  it("item 13: a 预备党员 past the end of the 预备期", () => {
    const a = assessOne("教工第一党支部", withOverdueProbation(base, 5));
    expect(item(a, 13).evidence).toContain(`预备期已满仍为预备党员：${name(base, 5)}`);
    expect(item(a, 13).score).toBeLessThan(5);
  });

  it("items 5 and 12 are partly evidenced: the score is left to the group, the ledgers' part in words", () => {
    expect(item(clean, 5).score).toBeNull();
    expect(item(clean, 5).evidence).toMatch(/^台账可证：保障 3\/3（按 9 名党员应有经费不少于 900 元，本年台账收入 \d+ 元）；落实 2 分待考核小组评定/);
    expect(item(clean, 12).score).toBeNull();
    expect(item(clean, 12).evidence).toContain("质量 1 分待考核小组评定");
  });

  it("items that need judgment and the bonus items are blank, with no evidence", () => {
    for (const no of [2, 3, 4, 8, 9, 11, 14, 15, 16]) expect(item(clean, no)).toEqual({ no, score: null, evidence: null });
    expect(clean.bonus.map((b) => b.score)).toEqual([null, null, null, null]);
    expect(totals(clean, table).grade).toBe("待评（11 项未评分）");
  });

  it("a sanction in the roster's 备注 is the veto", () => {
    const a = assessOne("教工第一党支部", withRemark(base, 6, "2026年5月受党内警告处分"));
    expect(a.sanctioned).toEqual([name(base, 6)]);
    expect(totals(a, table)).toMatchObject({ vetoed: true, grade: "不合格" });
  });
});

describe("totals and grade bands", () => {
  const scored = (total: number, bonus = 0, sanction = false): BranchAssessment => {
    const a = unassessed("一支部", null, "", table);
    // Spread the total over the items in order, each up to its points.
    let left = total;
    const points = table.sections.flatMap((s) => s.items.map((i) => i.measures.reduce((t, m) => t + m.points, 0)));
    return {
      ...a,
      items: a.items.map((s, i) => {
        const score = Math.min(points[i], left);
        left = Math.round((left - score) * 10) / 10;
        return { ...s, score };
      }),
      bonus: a.bonus.map((s, i) => ({ ...s, score: i === 0 ? bonus : 0 })),
      sanctionTyped: sanction,
    };
  };

  it.each([
    [100, 0, "优秀"],
    [90, 0, "优秀"],
    [88, 2, "优秀"],
    [89.5, 0, "良好"],
    [75, 0, "良好"],
    [74.9, 0, "合格"],
    [60, 0, "合格"],
    [59.9, 0, "不合格"],
    [0, 0, "不合格"],
  ])("base %p + bonus %p → %s", (total, bonus, grade) => {
    const t = totals(scored(total, bonus), table);
    expect(t).toMatchObject({ base: total, bonus, total: Math.round((total + bonus) * 10) / 10, open: 0, grade });
  });

  it("a sanctioned branch is 不合格 whatever its score", () => {
    expect(totals(scored(98, 3, true), table)).toMatchObject({ total: 101, vetoed: true, grade: "不合格" });
  });
});
