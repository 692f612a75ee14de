/**
 * Masking personal data in everything the tool prints or writes when asked
 * (`--mask`): an ID number keeps its first 6 digits (the region) and last 4,
 * a phone number its first 3 and last 4 – enough to find the person in the
 * branch's own ledger, not enough to identify them elsewhere.
 */
import type { Finding } from "./finding";
import { LEDGERS } from "./ledgers";
import type { ValidationReport } from "./report";

const stars = (n: number) => "*".repeat(Math.max(0, n));

function keepEnds(text: string, head: number, tail: number): string {
  const chars = [...text];
  // Too short to keep both ends and still hide something: hide it all.
  if (chars.length <= head + tail) return stars(chars.length);
  return chars.slice(0, head).join("") + stars(chars.length - head - tail) + (tail > 0 ? chars.slice(-tail).join("") : "");
}

/** 110101199003071234 → 110101********1234 */
export const maskId = (text: string): string => keepEnds(text.trim(), 6, 4);

/** 13812345678 → 138****5678 */
export const maskPhone = (text: string): string => keepEnds(text.trim(), 3, 4);

/**
 * ID-like and phone-like runs inside free text (messages, other cells):
 * 15–18 digits with an optional check letter, a number that Excel turned into
 * 1.10101199003071E+17, and mainland mobile numbers. "Not after a digit" is a
 * captured (^|[^0-9]) put back unchanged: the add-in's webviews (Internet
 * Explorer 11, EdgeHTML) have no lookbehind and no compiler can add it.
 */
const ID_RUN = /(^|[^0-9])([0-9]{14,17}[0-9Xx])(?![0-9Xx])/g;
const EXPONENT_RUN = /(^|[^0-9])([0-9]\.[0-9]{5,}[Ee]\+?[0-9]+)/g;
const MOBILE_RUN = /(^|[^0-9])(1[3-9][0-9]{9})(?![0-9])/g;

const maskRuns = (text: string, run: RegExp, mask: (text: string) => string): string =>
  text.replace(run, (_match, before: string, digits: string) => before + mask(digits));

export function maskText(text: string): string {
  return maskRuns(maskRuns(maskRuns(text, ID_RUN, maskId), EXPONENT_RUN, (m) => keepEnds(m, 6, 0)), MOBILE_RUN, maskPhone);
}

/** Field keys whose values are ID numbers or phone numbers, in any ledger. */
const FIELD_MASKS = new Map<string, (text: string) => string>();
for (const ledger of LEDGERS) {
  for (const f of ledger.fields) {
    if (f.kind === "id") FIELD_MASKS.set(f.key, maskId);
    if (f.kind === "phone") FIELD_MASKS.set(f.key, maskPhone);
  }
}

/** A finding with its value and message masked; the value as a whole when the field is an ID or phone. */
export function maskFinding(finding: Finding): Finding {
  const { value, message } = finding;
  if (value === null || value === "") return { ...finding, message: maskText(message) };
  const mask = (finding.field !== null && FIELD_MASKS.get(finding.field)) || maskText;
  const masked = mask(value);
  return { ...finding, value: masked, message: maskText(message.split(value).join(masked)) };
}

export function maskReport<R extends ValidationReport>(report: R): R {
  return {
    ...report,
    files: report.files.map((file) => ({
      ...file,
      ...(file.error !== undefined && { error: maskText(file.error) }),
      sheets: file.sheets.map((sheet) => ({ ...sheet, issues: sheet.issues.map(maskFinding) })),
    })),
  };
}
