/**
 * 公民身份号码 checks (GB 11643-1999). Every finding that applies is reported:
 * a mistyped birth date usually breaks the checksum too, and the secretary
 * needs both to see which digit is wrong.
 */
import { formatZh, isValidYmd, ymd, type IsoDate } from "./dates";
import type { Code } from "./codes";
import { memoize } from "./memo";
import { isKnownRegion } from "./regions";
import { squeeze } from "./text";

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS = "10X98765432";

/** GB 11643-1999 numbers carry birth dates from 1900 on (earlier ones are typing slips). */
const EARLIEST_BIRTH = "1900-01-01";

export interface IdProblem {
  code: Code;
  message: string;
}

/** What a number of a readable shape states: the facts other columns are checked against. */
export interface IdFacts {
  /** The number as text, upper-case X. */
  text: string;
  /** Null when digits 7–14 (7–12 of a 15-digit number) are no date. */
  birthDate: IsoDate | null;
  gender: "男" | "女";
}

export interface IdInfo extends Omit<IdFacts, "gender"> {
  gender: IdFacts["gender"] | null;
  problems: readonly IdProblem[];
}

export function checkDigit(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i];
  return CHECK_CHARS[sum % 11];
}

const normalised = (raw: string) => squeeze(raw).toUpperCase();
const LEGACY = /^\d{15}$/;
const CURRENT = /^\d{17}[\dX]$/;

function factsOf(text: string): IdFacts | null {
  if (LEGACY.test(text)) return { text, birthDate: birthFrom(`19${text.slice(6, 12)}`), gender: Number(text[14]) % 2 === 1 ? "男" : "女" };
  if (CURRENT.test(text)) return { text, birthDate: birthFrom(text.slice(6, 14)), gender: Number(text[16]) % 2 === 1 ? "男" : "女" };
  return null;
}

/**
 * Birth date and gender, for a 15- or 18-digit number (checksum not checked); null for any other shape.
 * Memoised: several roster rules ask for the facts of each row.
 */
export const idFacts: (raw: string) => Readonly<IdFacts> | null = memoize((raw: string) => factsOf(normalised(raw)), 100_000);

/**
 * Every finding that applies to the number. Memoised: a person's number recurs in
 * every ledger of the branch (花名册, 党费, 学习培训 …). The result is shared, so read-only.
 */
export const checkIdNumber: (raw: string) => Readonly<IdInfo> = memoize(readIdNumber, 100_000);

function readIdNumber(raw: string): IdInfo {
  const text = normalised(raw);
  const facts = factsOf(text);
  const problems: IdProblem[] = [];
  if (!facts) {
    problems.push({ code: "id.format", message: `身份证号“${raw}”格式错误：${shapeProblem(text)}（GB 11643-1999）` });
    return { text, birthDate: null, gender: null, problems };
  }
  const legacy = text.length === 15;
  if (legacy) {
    problems.push({ code: "id.legacy-15", message: `这是 15 位旧身份证号，应换成 18 位号码（GB 11643-1999）` });
  } else {
    const expected = checkDigit(text.slice(0, 17));
    if (expected !== text[17]) {
      problems.push({ code: "id.checksum", message: `身份证号校验位错误：应为 ${expected}，实为 ${text[17]}（GB 11643-1999）` });
    }
  }
  const digits = birthDigits(text);
  if (!facts.birthDate) {
    problems.push({ code: "id.birthdate", message: `${digits}不是有效的出生日期（GB 11643-1999）` });
  } else if (facts.birthDate < EARLIEST_BIRTH) {
    problems.push({ code: "id.birthdate", message: `${digits}表示出生于 ${formatZh(facts.birthDate)}，早于 1900 年，应是录入错误（GB 11643-1999）` });
  }
  if (!isKnownRegion(text.slice(0, 6))) {
    problems.push({
      code: "id.region",
      message: `身份证号前 6 位“${text.slice(0, 6)}”不是 GB/T 2260 中的行政区划代码（含已撤销的旧代码），请核对`,
    });
  }
  return { ...facts, problems };
}

/** 身份证号第 7–14 位“19900307” (7–12 of a 15-digit number): where the birth date is written. */
function birthDigits(text: string): string {
  const last = text.length === 15 ? 12 : 14;
  return `身份证号第 7–${last} 位“${text.slice(6, last)}”`;
}

/** What is wrong with a number of neither shape, in words. */
function shapeProblem(text: string): string {
  if (text.length !== 18 && text.length !== 15) return `应为 18 位（旧证 15 位），实为 ${text.length} 位`;
  const at = [...text].findIndex((ch, i) => !(/\d/.test(ch) || (ch === "X" && i === 17)));
  return `第 ${at + 1} 位“${text[at]}”不是数字${text.length === 18 ? "（只有第 18 位可以是 X）" : ""}`;
}

/**
 * The problems of a number checked on a date: a birth date after that date
 * cannot be right. The as-of date is not part of the memo's key, so it is checked here.
 */
export function idProblems(raw: string, asOf: IsoDate): readonly IdProblem[] {
  const info = checkIdNumber(raw);
  if (!info.birthDate || info.birthDate <= asOf) return info.problems;
  return [
    ...info.problems,
    {
      code: "id.birthdate",
      message: `${birthDigits(info.text)}表示出生于 ${formatZh(info.birthDate)}，晚于核对日期 ${formatZh(asOf)}，应是录入错误（GB 11643-1999）`,
    },
  ];
}

function birthFrom(eight: string): IsoDate | null {
  const y = Number(eight.slice(0, 4));
  const m = Number(eight.slice(4, 6));
  const d = Number(eight.slice(6, 8));
  return isValidYmd(y, m, d) ? ymd(y, m, d) : null;
}

/** A valid 18-digit number for a birth date, region and sequence – for fixtures and samples. */
export function makeIdNumber(region: string, birth: IsoDate, sequence: number, gender: "男" | "女"): string {
  let seq = sequence % 1000;
  if ((seq % 2 === 1) !== (gender === "男")) seq = (seq + 1) % 1000;
  const first17 = `${region.padEnd(6, "0").slice(0, 6)}${birth.replace(/-/g, "")}${String(seq).padStart(3, "0")}`;
  return first17 + checkDigit(first17);
}
