/**
 * Field kinds: how a raw cell becomes a typed value, and the cell-scope checks
 * that go with the kind (cell.*, id.*, phone.format). One definition serves
 * validation, templates (formats, dropdowns) and merge columns.
 */
import type { Cell } from "./table";
import type { Code } from "./codes";
import { fromExcelSerial, isValidYmd, ymd, type IsoDate } from "./dates";
import { checkDigit, checkIdNumber, idProblems } from "./idnumber";
import { cellText, numberText, squeeze } from "./text";
import { matchValue, type Vocabulary } from "./vocabulary/values";

export type FieldKind = "text" | "enum" | "id" | "date" | "amount" | "number" | "integer" | "rate" | "phone";

export interface FieldDef {
  key: string;
  /** Canonical Chinese header, as the template writes it. */
  header: string;
  /** Other headers secretaries use for the same column. */
  aliases: readonly string[];
  kind: FieldKind;
  required: boolean;
  /** Allowed values of an enum field. */
  options?: readonly string[];
  /** An enum field's allowed values with the other words used for them. */
  vocabulary?: Vocabulary;
  /** Dates that may lie after the as-of date (届满日期, a planned 转正时间). */
  allowFuture?: boolean;
  /** Numbers that may be negative: a ledger rule reports them (a negative 余额 is funding.negative). */
  allowNegative?: boolean;
  /** One line for the template's 说明 sheet. */
  note?: string;
  /**
   * How much the column tells which ledger a sheet is (default 1): a column that
   * only describes a person (姓名, 性别, 电话) is in every list of people, so it
   * weighs little (PERSON); 入党时间 or 确定积极分子日期 weigh fully.
   */
  evidence?: number;
}

/** The evidence of a column that describes a person rather than a ledger. */
export const PERSON = 0.25;

type FieldOptions = Partial<Pick<FieldDef, "aliases" | "required" | "allowFuture" | "allowNegative" | "note" | "evidence">>;

const make = (kind: FieldKind) => (key: string, header: string, opts: FieldOptions = {}): FieldDef => ({
  key,
  header,
  kind,
  aliases: opts.aliases ?? [],
  required: opts.required ?? false,
  allowFuture: opts.allowFuture,
  allowNegative: opts.allowNegative,
  note: opts.note,
  evidence: opts.evidence,
});

export const field = {
  text: make("text"),
  id: make("id"),
  date: make("date"),
  amount: make("amount"),
  number: make("number"),
  integer: make("integer"),
  rate: make("rate"),
  phone: make("phone"),
  oneOf: (key: string, header: string, words: Vocabulary, opts: FieldOptions = {}): FieldDef => ({
    ...make("enum")(key, header, opts),
    options: words.options,
    vocabulary: words,
  }),
};

export type FieldValue = string | number;

/** A cell-scope problem found while parsing; the engine adds the cell address. */
export interface CellProblem {
  code: Code;
  message: string;
}

export interface ParsedValue {
  value: FieldValue | null;
  problems: readonly CellProblem[];
  /** For dates written as a month only (2019.07): the day is not known. */
  monthOnly?: boolean;
}

export interface ParseContext {
  asOf: IsoDate;
}

/** Most cells have no problem: they share one empty list (this runs for every cell). */
const NO_PROBLEMS: readonly CellProblem[] = [];
const ok = (value: FieldValue | null, monthOnly?: boolean): ParsedValue => ({ value, problems: NO_PROBLEMS, monthOnly });
const bad = (code: Code, message: string): ParsedValue => ({ value: null, problems: [{ code, message }] });

/** `text` is the cell's text when the caller has it already (cellText of the cell). */
export function parseField(def: FieldDef, cell: Cell | null, ctx: ParseContext, text = cellText(cell)): ParsedValue {
  if (text === "") {
    return def.required ? bad("cell.required", `“${def.header}”为必填项，不能为空`) : ok(null);
  }
  switch (def.kind) {
    case "text":
      return ok(text);
    case "enum":
      return parseEnum(def, text);
    case "id":
      return parseId(def, cell!, text, ctx);
    case "date":
      return parseDateField(def, cell!, ctx);
    case "amount":
    case "number":
    case "integer":
      return parseNumberField(def, cell!);
    case "rate":
      return parseRateField(def, cell!);
    case "phone":
      return parsePhone(text);
  }
}

/** The canonical value of a synonym (支部党员大会 → 党员大会); otherwise cell.enum with the closest value suggested. */
function parseEnum(def: FieldDef, text: string): ParsedValue {
  const match = matchValue(def.vocabulary!, text);
  if (match.value !== null) return ok(match.value);
  const hint = match.suggestion ? `，是否为“${match.suggestion}”？` : "";
  return bad("cell.enum", `“${def.header}”应为 ${def.vocabulary!.options.join("/")} 之一，实为“${text}”${hint}`);
}

function parseId(def: FieldDef, cell: Cell, text: string, ctx: ParseContext): ParsedValue {
  // A number of 16 or more digits cannot survive a numeric cell (15 significant
  // digits): re-entering as text is the only fix (RULES.md id.precision-lost).
  if (typeof cell.value === "number" || /^\d(\.\d+)?E\+\d+$/i.test(text)) {
    const digits = typeof cell.value === "number" ? numberText(cell.value) : text;
    if (typeof cell.value === "number" && /^\d{15}$/.test(digits)) {
      return withIdChecks(digits, ctx);
    }
    return bad("id.precision-lost", `“${def.header}”被存成了数字（${digits}），末几位已丢失；请将该列设为文本格式后重新录入`);
  }
  // Copied out of a numeric cell, an 18-digit number keeps 15 significant digits and ends in 000.
  const digits = squeeze(text);
  if (/^\d{15}000$/.test(digits) && checkDigit(digits.slice(0, 17)) !== "0") {
    return bad("id.precision-lost", `“${def.header}”末三位是 000，是从数字格式的单元格复制来的，末几位已丢失；请将该列设为文本格式后重新录入`);
  }
  return withIdChecks(text, ctx);
}

function withIdChecks(text: string, ctx: ParseContext): ParsedValue {
  return { value: checkIdNumber(text).text, problems: idProblems(text, ctx.asOf) };
}

export interface DateParse {
  date: IsoDate | null;
  monthOnly: boolean;
}

/**
 * Dates as secretaries write them (RULES.md "Reading a sheet"): serials, `2019.07.01`,
 * `2019/7/1`, `2019-07-01`, `2019年7月1日`, `20190701`, month-only `2019.07`, and
 * numbers that spell a date: 20190701, 201907 (yyyymm), 2019.7 (yyyy.m).
 */
export function parseDateValue(cell: Cell): DateParse | null {
  const v = cell.value;
  if (typeof v === "number") return dateOfNumber(v, cell.format);
  if (typeof v !== "string") return null;
  const t = squeeze(v).replace(/(\d)[T]?\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?$/, "$1");
  if (/^\d{8}$/.test(t)) return fromDigits(t);
  if (/^\d{6}$/.test(t)) return yearMonth(Number(t.slice(0, 4)), Number(t.slice(4, 6)));
  let m = /^(\d{4})[.\-/年](\d{1,2})[.\-/月](\d{1,2})日?$/.exec(t);
  if (m) return full(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{4})[.\-/年](\d{1,2})月?$/.exec(t);
  if (m) return yearMonth(Number(m[1]), Number(m[2]));
  return null;
}

/** Serials count only between 1900 and 2100: 198003 is May 2442 as a serial, but March 1980 as yyyymm. */
const LAST_PLAUSIBLE_SERIAL = 73415; // 2100-12-31

function dateOfNumber(v: number, format: string | undefined): DateParse | null {
  if (Number.isInteger(v) && v >= 19000101 && v <= 21001231) return fromDigits(String(v));
  if (Number.isInteger(v) && v >= 190001 && v <= 210012) return yearMonth(Math.floor(v / 100), v % 100);
  if (!Number.isInteger(v) && v >= 1900 && v < 2101) {
    // 2019.7 or 2019.07 typed into a number cell: the fraction is the month. A format
    // showing two decimals tells 2019.10 (shown so) from 2019.1.
    const decimals = /0\.(0+)/.exec(format ?? "")?.[1].length;
    const [year, month] = (decimals ? v.toFixed(decimals) : String(v)).split(".").map(Number);
    return yearMonth(year, month);
  }
  if (v > LAST_PLAUSIBLE_SERIAL) return null;
  const date = fromExcelSerial(v);
  return date ? { date, monthOnly: false } : null;
}

function yearMonth(y: number, m: number): DateParse | null {
  return isValidYmd(y, m, 1) ? { date: ymd(y, m, 1), monthOnly: true } : null;
}

function fromDigits(eight: string): DateParse | null {
  return full(Number(eight.slice(0, 4)), Number(eight.slice(4, 6)), Number(eight.slice(6, 8)));
}

function full(y: number, m: number, d: number): DateParse | null {
  return isValidYmd(y, m, d) ? { date: ymd(y, m, d), monthOnly: false } : null;
}

function parseDateField(def: FieldDef, cell: Cell, ctx: ParseContext): ParsedValue {
  const parsed = parseDateValue(cell);
  if (!parsed || !parsed.date) {
    return bad("cell.date", `“${def.header}”不是有效日期：“${cellText(cell)}”；应写作 2019-07-01 或 2019年7月1日`);
  }
  if (!def.allowFuture && parsed.date > ctx.asOf) {
    return bad("cell.date", `“${def.header}”${parsed.date} 晚于核对日期 ${ctx.asOf}，不能是将来的日期`);
  }
  return ok(parsed.date, parsed.monthOnly || undefined);
}

/** Amounts may carry ¥/￥, 元 and thousands separators. */
export function parseNumberText(text: string): number | null {
  const t = squeeze(text).replace(/^[¥￥]|元$/g, "").replace(/,/g, "");
  if (!/^[-+]?(\d+(\.\d*)?|\.\d+)$/.test(t)) return null;
  return Number(t);
}

function parseNumberField(def: FieldDef, cell: Cell): ParsedValue {
  const n = typeof cell.value === "number" ? cell.value : parseNumberText(cellText(cell));
  if (n === null || !Number.isFinite(n)) return bad("cell.number", `“${def.header}”应为数字，实为“${cellText(cell)}”`);
  if (n < 0 && !def.allowNegative) return bad("cell.number", `“${def.header}”不能为负数，实为 ${n}`);
  if (def.kind === "integer" && !Number.isInteger(n)) return bad("cell.number", `“${def.header}”应为整数，实为 ${n}`);
  return ok(n);
}

/**
 * 缴纳比例 as "1%", 0.01 or 1 (percentage points). No bracket exceeds 2%, so a
 * bare number of 0.1 or more is read as percentage points.
 */
function parseRateField(def: FieldDef, cell: Cell): ParsedValue {
  const text = squeeze(cellText(cell));
  const percent = text.endsWith("%");
  const n = typeof cell.value === "number" ? cell.value : parseNumberText(percent ? text.slice(0, -1) : text);
  if (n === null || n < 0) return bad("cell.number", `“${def.header}”应为百分比（如 1% 或 0.01），实为“${cellText(cell)}”`);
  const rate = percent || n >= 0.1 ? n / 100 : n;
  return ok(Math.round(rate * 1e6) / 1e6);
}

const MOBILE = /^1[3-9]\d{9}$/;
const LANDLINE = /^(0\d{2,3}-?)?[2-9]\d{6,7}(-\d{1,6})?$/;

function parsePhone(text: string): ParsedValue {
  const t = squeeze(text).replace(/^(\+?86)-?/, "");
  if (MOBILE.test(t) || LANDLINE.test(t)) return ok(t);
  return {
    value: t,
    problems: [{ code: "phone.format", message: `联系电话“${text}”既不是 11 位手机号，也不是固定电话号码` }],
  };
}
