/**
 * 党费收缴 rules (RULES.md dues; 关于中国共产党党费收缴、使用和管理的规定
 * 中组发〔2008〕3号 – 党费规定). Brackets, the students' flat amount, the
 * rounding tolerance and the unpaid-months limit come from profile.dues.
 */
import { parts, type IsoDate } from "../dates";
import { duesMonths } from "../dues-months";
import type { Finding } from "../finding";
import { date, findingAt, num, text, type LedgerRow, type LedgerSheet, type RuleContext, type SheetRule } from "../ledger";
import { MONTH_KEYS } from "../ledgers/dues";
import type { Profile } from "../profile";
import { cellText } from "../text";
import { cents, differs, isBlankCell, nameOf, percent, yuan } from "./common";
import { findMember, rosterIndex } from "./people";

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
        `比例应为 ${percent(due.rate)}：缴费基数 ${num(row, "base")} 元属于${due.bracket}（《关于中国共产党党费收缴、使用和管理的规定》），实为 ${percent(written)}`,
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
        `月应缴应为 ${yuan(due.monthly)} 元：${due.working}（《关于中国共产党党费收缴、使用和管理的规定》），实为 ${yuan(written)}`,
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

/** A member's dues months: those due (dues-months.ts) that the sheet has a column for. */
interface MemberMonths {
  year: number;
  /** The roster's 入党时间 when it falls in the ledger year: no dues are expected before it. */
  admittedThisYear: IsoDate | null;
  keys: string[];
}

export function memberMonths(sheet: LedgerSheet, row: LedgerRow, ctx: RuleContext): MemberMonths {
  const year = ledgerYear(sheet, parts(ctx.asOf).y);
  const member = findMember(rosterIndex(ctx.workbook), text(row, "idNumber"), text(row, "name"));
  const admitted = member ? date(member, "joinDate") : null;
  const keys = duesMonths(year, ctx.asOf, admitted)
    .map((m) => `m${m}`)
    .filter((k) => sheet.columns.has(k));
  return { year, admittedThisYear: admitted && parts(admitted).y === year ? admitted : null, keys };
}

/** Nothing paid in a month: blank or 0 (an unreadable cell has its own cell finding). */
const paidNothing = (sheet: LedgerSheet, row: LedgerRow, key: string): boolean => {
  const paid = num(row, key);
  return paid === null ? isBlankCell(sheet, row, key) : paid <= 0;
};

/** The longest run of consecutive unpaid months among the months that are due. */
function longestUnpaidRun(sheet: LedgerSheet, row: LedgerRow, months: string[]): string[] {
  let best: string[] = [];
  let run: string[] = [];
  let previous = 0;
  for (const key of months) {
    const month = Number(key.slice(1));
    if (month !== previous + 1) run = [];
    previous = month;
    run = paidNothing(sheet, row, key) ? [...run, key] : [];
    if (run.length > best.length) best = run;
  }
  return best;
}

/** The run of unpaid months that reaches the 党章 limit, or none. */
function unpaidRun(sheet: LedgerSheet, row: LedgerRow, months: string[], ctx: RuleContext): string[] {
  const run = longestUnpaidRun(sheet, row, months);
  return run.length >= ctx.profile.dues.unpaidMonthsLimit ? run : [];
}

/** Members exempt by approval (月应缴 0, 党费规定: 经批准可以免交) are not checked month by month. */
const exempt = (row: LedgerRow): boolean => num(row, "monthlyDue") === 0;

/**
 * 党章 第九条: 连续六个月不交纳党费 counts as 自行脱党. Months count from January (or
 * admission) to the last month over by the as-of date; a missing month column
 * breaks a run. One finding per person, at the last month cell of the run.
 */
const unpaidMonths: SheetRule = (sheet, ctx) =>
  sheet.rows.flatMap((row): Finding[] => {
    if (exempt(row)) return [];
    const { year, keys } = memberMonths(sheet, row, ctx);
    const run = unpaidRun(sheet, row, keys, ctx);
    if (run.length === 0) return [];
    const last = run[run.length - 1];
    return [
      findingAt(
        sheet,
        "dues.unpaid-6",
        `${nameOf(row)} ${year}年${monthLabel(run[0])}至${monthLabel(last)}连续 ${run.length} 个月未缴党费（达到 ${ctx.profile.dues.unpaidMonthsLimit} 个月）：《中国共产党章程》第九条规定，党员连续六个月不交纳党费，没有正当理由的，视为自行脱党，请尽快核实`,
        { row, field: last },
      ),
    ];
  });

/**
 * Month by month (党费规定: 按月交纳): each due month in which the member paid
 * nothing or less than due – one finding per person, the months listed, at the
 * first of them. Months of a six-month run are dues.unpaid-6's. Due is the lesser of
 * the 月应缴 written and 基数 × 比例: a wrong rate or 月应缴 is dues.rate/dues.amount,
 * not a shortfall every month.
 */
const missedMonths: SheetRule = (sheet, ctx) =>
  sheet.rows.flatMap((row): Finding[] => {
    if (exempt(row)) return [];
    const { year, admittedThisYear, keys } = memberMonths(sheet, row, ctx);
    const inRun = new Set(unpaidRun(sheet, row, keys, ctx));
    const written = num(row, "monthlyDue");
    const worked = duesOf(row, ctx.profile)?.monthly ?? null;
    const due = written === null ? worked : worked === null ? written : Math.min(written, worked);
    const unpaid: string[] = [];
    const short: string[] = [];
    for (const key of keys.filter((k) => !inRun.has(k))) {
      const paid = num(row, key);
      if (paidNothing(sheet, row, key)) unpaid.push(key);
      else if (paid !== null && due !== null && paid < due && differs(paid, due, ctx.profile.dues.tolerance)) short.push(key);
    }
    if (unpaid.length === 0 && short.length === 0) return [];
    const what = [
      unpaid.length > 0 ? `${unpaid.map(monthLabel).join("、")}未缴` : "",
      ...short.map((k) => `${monthLabel(k)}实缴 ${yuan(num(row, k)!)} 元`),
    ].filter(Boolean);
    const since = admittedThisYear ? `（${formatAdmission(admittedThisYear)}入党，此前的月份不计）` : "";
    const first = [...unpaid, ...short].sort((a, b) => Number(a.slice(1)) - Number(b.slice(1)))[0];
    return [
      findingAt(
        sheet,
        "dues.underpaid",
        `${nameOf(row)} ${year}年${what.join("，")}${due !== null && short.length > 0 ? `，少于月应缴 ${yuan(due)} 元` : ""}${since}：党员应按月足额交纳党费（《关于中国共产党党费收缴、使用和管理的规定》）`,
        { row, field: first },
      ),
    ];
  });

const formatAdmission = (admitted: IsoDate): string => `${parts(admitted).m}月`;

export const duesRules: readonly SheetRule[] = [rate, amount, total, missedMonths, unpaidMonths];
