/**
 * 活动经费 rules (RULES.md funding; 重庆工业职业技术学院实施意见 ¥100/¥50, 辽宁科技学院实施方案 ¥200/¥100 –
 * rates in profile.funding). Rows are read in the order written: a cash book
 * runs down the page. Amounts compare with the profile's rounding tolerance
 * (profile.dues.tolerance, the institution's one money tolerance).
 */
import type { Finding } from "../finding";
import { findingAt, num, text, type LedgerRow, type LedgerSheet, type RuleContext, type SheetRule } from "../ledger";
import { cents, differs, yuan } from "./common";
import { hasFundingStandard } from "../profile";
import { rosterIndex } from "./people";

/** A first row that carries last year's money over (上年结转, 期初余额): its 余额 is the opening balance. */
const OPENING = /上年结转|上期结转|期初余额|承前页/;
/** Money the school allocates to the branch. 党费拨返 (dues returned) is other income (RULES.md funding). */
const ALLOCATION = /下拨|核定|拨付|拨款/;
const DUES_RETURN = /拨返|返还/;

const isOpening = (row: LedgerRow, index: number): boolean => index === 0 && OPENING.test(text(row, "summary") ?? "");
const isAllocation = (row: LedgerRow): boolean => {
  const summary = text(row, "summary") ?? "";
  return ALLOCATION.test(summary) && !DUES_RETURN.test(summary);
};

interface Step {
  row: LedgerRow;
  opening: boolean;
  /** The balance after this row as the ledger should have it. */
  expected: number;
  /** The balance carried on: the recorded one where written, so one slip is reported once. */
  carried: number;
}

function walk(sheet: LedgerSheet): Step[] {
  let previous = 0;
  return sheet.rows.map((row, i) => {
    const opening = isOpening(row, i);
    const change = (num(row, "income") ?? 0) - (num(row, "expense") ?? 0);
    const expected = cents(opening ? num(row, "balance") ?? change : previous + change);
    const carried = num(row, "balance") ?? expected;
    previous = carried;
    return { row, opening, expected, carried };
  });
}

/** 余额 = previous 余额 + 收入 − 支出 (the first row: 收入 − 支出, or the opening balance). */
const balance: SheetRule = (sheet, ctx) =>
  walk(sheet).flatMap(({ row, opening, expected }, i) => {
    const written = num(row, "balance");
    if (opening || written === null || !differs(written, expected, ctx.profile.dues.tolerance)) return [];
    const how = i === 0 ? "本行收入 − 支出" : `上一行余额 + 本行收入 − 支出`;
    return [findingAt(sheet, "funding.balance", `余额应为 ${yuan(expected)} 元（${how}），实为 ${yuan(written)}`, { row, field: "balance" })];
  });

/** 余额 below zero: the branch spent money it did not have. Reported where it turns negative. */
const negative: SheetRule = (sheet) => {
  let wasNegative = false;
  return walk(sheet).flatMap(({ row, carried }) => {
    const now = carried < 0;
    const turned = now && !wasNegative;
    wasNegative = now;
    return turned
      ? [findingAt(sheet, "funding.negative", `余额为 ${yuan(carried)} 元，低于零：支出超过了可用经费`, { row, field: "balance", value: yuan(carried) })]
      : [];
  });
};

interface Entitlement {
  amount: number;
  working: string;
}

/**
 * Entitlement = staff × staff rate + students × student rate, counted from the
 * roster of the same workbook, each person once; 离退休 count as
 * profile.funding.retireesCountAs. Null without a roster, or when the profile
 * sets no per-member standard (the national documents set none).
 */
export function entitlement(ctx: RuleContext): Entitlement | null {
  const roster = rosterIndex(ctx.workbook);
  if (!roster.present || !hasFundingStandard(ctx.profile)) return null;
  const { staff, student, retireesCountAs } = ctx.profile.funding;
  const count = { staff: 0, student: 0, none: 0 };
  for (const member of roster.members) {
    const category = text(member, "category");
    if (category === "教职工") count.staff += 1;
    else if (category === "学生") count.student += 1;
    else if (category === "离退休") count[retireesCountAs] += 1;
  }
  const amount = cents(count.staff * staff + count.student * student);
  const retirees = retireesCountAs === "none" ? "" : `（离退休党员按${retireesCountAs === "staff" ? "教职工" : "学生"}计）`;
  return {
    amount,
    working: `教职工 ${count.staff} 人 × ${staff} 元 + 学生 ${count.student} 人 × ${student} 元 = ${yuan(amount)} 元${retirees}`,
  };
}

const profileNote = (ctx: RuleContext): string => `按配置“${ctx.profile.name}”，标准为每年不少于此数`;

/** Years the rows fall in, each year's allocation compared with the floor (重庆工业职业技术学院实施意见、辽宁科技学院实施方案: 不少于). */
const entitlementFloor: SheetRule = (sheet, ctx) => {
  const floor = entitlement(ctx);
  if (!floor) return [];
  const allocated = new Map<string, number>();
  for (const [i, row] of sheet.rows.entries()) {
    const year = text(row, "date")?.slice(0, 4);
    // A carry-over dated 12-31 of last year opens this year's book; it is no year of its own.
    if (!year || isOpening(row, i)) continue;
    allocated.set(year, (allocated.get(year) ?? 0) + (isAllocation(row) ? num(row, "income") ?? 0 : 0));
  }
  return [...allocated].flatMap(([year, amount]) =>
    differs(amount, floor.amount, ctx.profile.dues.tolerance) && amount < floor.amount
      ? [
          findingAt(
            sheet,
            "funding.entitlement",
            `${year} 年记录的下拨经费 ${yuan(amount)} 元，低于标准 ${yuan(floor.amount)} 元：${floor.working}（${profileNote(ctx)}）；如学校已足额下拨，请补记`,
          ),
        ]
      : [],
  );
};

/**
 * Total 支出 above what the branch had: opening balance + all 收入. When no
 * income is recorded (the school keeps the money and reimburses), the
 * entitlement is the budget; without a roster that check is skipped.
 * Reported on the row where spending passes the available money, unless the
 * money is the recorded one and the 余额 goes below zero (one root cause, one
 * finding: funding.negative).
 */
const overspend: SheetRule = (sheet, ctx): Finding[] => {
  const steps = walk(sheet);
  const opening = steps[0]?.opening ? steps[0].carried : 0;
  const rest = steps.filter((s) => !s.opening);
  const income = rest.reduce((s, { row }) => s + (num(row, "income") ?? 0), 0);
  const floor = income === 0 && opening === 0 ? entitlement(ctx) : null;
  if (income === 0 && opening === 0 && !floor) return [];
  // Against the money recorded, a 余额 below zero is this fact already: funding.negative reports it.
  if (!floor && steps.some((s) => s.carried < 0)) return [];
  const available = cents(floor ? floor.amount : opening + income);
  const source = floor ? `未记录收入，按标准经费 ${floor.working}` : `期初余额 ${yuan(opening)} 元 + 收入 ${yuan(cents(income))} 元`;
  let spent = 0;
  for (const { row } of rest) {
    spent = cents(spent + (num(row, "expense") ?? 0));
    if (differs(spent, available, ctx.profile.dues.tolerance) && spent > available) {
      const total = cents(rest.reduce((s, r) => s + (num(r.row, "expense") ?? 0), 0));
      return [
        findingAt(
          sheet,
          "funding.overspend",
          `支出合计 ${yuan(total)} 元，超过可用经费 ${yuan(available)} 元（${source}）；到本行累计支出已达 ${yuan(spent)} 元`,
          { row, field: "expense" },
        ),
      ];
    }
  }
  return [];
};

export const fundingRules: readonly SheetRule[] = [balance, negative, overspend, entitlementFloor];
