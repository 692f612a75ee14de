/**
 * People counted once. A roster row written twice (roster.duplicate-id names
 * the second) is still one member: branch size, the funding entitlement, the
 * training each person owes and the summary's counts all count people by ID.
 */
import { text, type LedgerRow } from "./ledger";
import { squeeze } from "./text";

export const personName = (name: string): string => squeeze(name);
/** An ID as compared: squeezed, a final x as X (most IDs have no lower case letter: no new string then). */
export const personId = (id: string): string => {
  const s = squeeze(id);
  return s.includes("x") ? s.toUpperCase() : s;
};

/** A sheet's rows do not change once read: several rules count the same rows' people. */
const once = new WeakMap<readonly LedgerRow[], LedgerRow[]>();

/** The rows with each ID once (its first row); rows without an ID each count as a person. */
export function onePerPerson(rows: readonly LedgerRow[]): LedgerRow[] {
  let kept = once.get(rows);
  if (!kept) once.set(rows, (kept = firstOfEach(rows)));
  return kept;
}

function firstOfEach(rows: readonly LedgerRow[]): LedgerRow[] {
  const seen = new Set<string>();
  return rows.filter((row) => {
    const id = text(row, "idNumber");
    if (!id) return true;
    const key = personId(id);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
