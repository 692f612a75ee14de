/**
 * 党费收缴 rules (RULES.md dues; 关于中国共产党党费收缴、使用和管理的规定
 * 中组发〔2008〕3号 – 党费规定). Brackets, the students' flat amount, the
 * rounding tolerance and the unpaid-months limit come from profile.dues.
 */
import { parts } from "../dates";
import type { Finding } from "../finding";
import { findingAt, num, text, type LedgerRow, type LedgerSheet, type SheetRule } from "../ledger";
import { MONTH_KEYS } from "../ledgers/dues";
import type { Profile } from "../profile";
import { cellText } from "../text";
import { cents, differs, percent, yuan } from "./common";

type DuesProfile = Profile["dues"];

/** What a member should pay a month, and how that is worked out. */
interface Due {
  /** The bracket's rate; null for the flat amount (students, no income). */
  rate: number | null;
  monthly: number;
  working: string;
  /** Why this rate: the bracket in words. */
  bracket: string;
}

/**
 * 党费规定: in service and retired members pay a share of the monthly 税后 base by
 * bracket (the rate applies to the whole base, upper bounds inclusive);
 * students and members without income pay a flat amount. Null when the base
 * needed is missing.
 */
export function dueFor(category: string | null, base: number | null, dues: DuesProfile): Due | null {
  if (category === "学生" || base === 0) {
    const who = category === "学生" ? "学生党员" : "无收入的党员";
    return { rate: null, monthly: dues.studentMonthly, working: `${who}每月 ${yuan(dues.studentMonthly)} 元`, bracket: who };
  }
  if (base === null || category === null) return null;
  const retired = category === "离退休";
  const brackets = retired ? dues.retired : dues.inService;
  const index = brackets.findIndex((b) => b.upTo === null || base <= b.upTo);
  const { rate, upTo } = brackets[index];
  const lower = index > 0 ? brackets[index - 1].upTo : null;
  const range = upTo === null ? `${lower} 元以上` : lower === null ? `${upTo} 元及以下` : `${lower}–${upTo} 元`;
  const monthly = cents(base * rate);
  return {
    rate,
    monthly,
    working: `基数 ${base} × ${percent(rate)} = ${yuan(monthly)}`,
    bracket: `${retired ? "离退休" : "在职"}党员月收入 ${range}档`,
  };
}

const duesOf = (row: LedgerRow, profile: Profile) => dueFor(text(row, "category"), num(row, "base"), profile.dues);

/** 缴纳比例 is the bracket's rate for 基数 and 人员类别 (党费规定); students pay flat, their 比例 may be blank. */
const rate: SheetRule = (sheet, ctx) =>
  sheet.rows.flatMap((row) => {
    const due = duesOf(row, ctx.profile);
    const written = num(row, "rate");
    if (!due || due.rate === null || written === null || !differs(written, due.rate, 1e-6)) return [];
    return [
      findingAt(
        sheet,
        "dues.rate",
        `比例应为 ${percent(due.rate)}：缴费基数 ${num(row, "base")} 元属于${due.bracket}（党费规定），实为 ${percent(written)}`,
        { row, field: "rate" },
      ),
    ];
  });

/** 月应缴 = 基数 × the bracket's rate, to the tolerance (党费规定); the message shows the working. */
const amount: SheetRule = (sheet, ctx) =>
  sheet.rows.flatMap((row) => {
    const due = duesOf(row, ctx.profile);
    const written = num(row, "monthlyDue");
    if (!due || written === null || !differs(written, due.monthly, ctx.profile.dues.tolerance)) return [];
    return [
      findingAt(
        sheet,
        "dues.amount",
        `月应缴应为 ${yuan(due.monthly)} 元：${due.working}（党费规定），实为 ${yuan(written)}`,
        { row, field: "monthlyDue" },
      ),
    ];
  });

const monthLabel = (key: string): string => `${key.slice(1)}月`;

/** 合计 is the sum of the months written. */
const total: SheetRule = (sheet, ctx) =>
  sheet.rows.flatMap((row) => {
    const written = num(row, "total");
    if (written === null) return [];
    const sum = cents(MONTH_KEYS.reduce((s, k) => s + (num(row, k) ?? 0), 0));
    if (!differs(written, sum, ctx.profile.dues.tolerance)) return [];
    return [findingAt(sheet, "dues.total", `合计应为 ${yuan(sum)} 元（1月至12月实缴之和），实为 ${yuan(written)}`, { row, field: "total" })];
  });

/**
 * A month paid, but less than due (党费规定: 按月足额交纳). One warning per month cell.
 * Due is what 基数 × 比例 gives where it can be worked out, else the 月应缴 written: a
 * wrong 月应缴 is dues.amount's finding, not twelve underpaid months.
 */
const underpaid: SheetRule = (sheet, ctx) =>
  sheet.rows.flatMap((row) => {
    const due = duesOf(row, ctx.profile)?.monthly ?? num(row, "monthlyDue");
    if (due === null) return [];
    return MONTH_KEYS.flatMap((key) => {
      const paid = num(row, key);
      if (paid === null || paid <= 0 || !differs(paid, due, ctx.profile.dues.tolerance) || paid > due) return [];
      return [
        findingAt(sheet, "dues.underpaid", `${monthLabel(key)}实缴 ${yuan(paid)} 元，少于应缴 ${yuan(due)} 元（党费规定：按月足额交纳）`, {
          row,
          field: key,
        }),
      ];
    });
  });

const YEAR_IN_TITLE = /((?:19|20)\d{2})\s*年/;

/** The ledger's year: a `YYYY年` in the title rows above the header or in the sheet name, else the as-of year. */
export function ledgerYear(sheet: LedgerSheet, asOfYear: number): number {
  const { table } = sheet;
  for (let r = 0; r < table.cells.length && table.origin.row + r < sheet.headerRow - 1; r++) {
    for (const cell of table.cells[r]) {
      const m = YEAR_IN_TITLE.exec(cellText(cell));
      if (m) return Number(m[1]);
    }
  }
  const m = YEAR_IN_TITLE.exec(table.name);
  return m ? Number(m[1]) : asOfYear;
}

/** The longest run of consecutive unpaid months among the months that are due. */
function longestUnpaidRun(row: LedgerRow, months: string[]): string[] {
  let best: string[] = [];
  let run: string[] = [];
  let previous = 0;
  for (const key of months) {
    const month = Number(key.slice(1));
    if (month !== previous + 1) run = [];
    previous = month;
    run = (num(row, key) ?? 0) > 0 ? [] : [...run, key];
    if (run.length > best.length) best = run;
  }
  return best;
}

/**
 * 党章 第九条: 连续六个月不交纳党费 counts as 自行脱党. Months count up to the
 * as-of month; a missing month column breaks a run; members exempt by
 * approval (月应缴 0, 党费规定: 经批准可以免交) are not checked. One finding
 * per person, at the last month cell of the run.
 */
const unpaidMonths: SheetRule = (sheet, ctx) => {
  const { y: asOfYear, m: asOfMonth } = parts(ctx.asOf);
  const year = ledgerYear(sheet, asOfYear);
  const lastDue = year < asOfYear ? 12 : year === asOfYear ? asOfMonth : 0;
  const months = MONTH_KEYS.filter((k, i) => i < lastDue && sheet.columns.has(k));
  const limit = ctx.profile.dues.unpaidMonthsLimit;
  return sheet.rows.flatMap((row): Finding[] => {
    if (num(row, "monthlyDue") === 0) return [];
    const run = longestUnpaidRun(row, months);
    if (run.length < limit) return [];
    const last = run[run.length - 1];
    return [
      findingAt(
        sheet,
        "dues.unpaid-6",
        `${text(row, "name") ?? ""} ${year}年${monthLabel(run[0])}至${monthLabel(last)}连续 ${run.length} 个月未缴党费（达到 ${limit} 个月）：党章第九条规定连续六个月不交纳党费视为自行脱党，请尽快核实`,
        { row, field: last },
      ),
    ];
  });
};

export const duesRules: readonly SheetRule[] = [rate, amount, total, underpaid, unpaidMonths];
