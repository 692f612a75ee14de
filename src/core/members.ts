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

export interface People {
  /** The rows with each ID once (its first row); rows without an ID each count as a person. */
  members: LedgerRow[];
  /** ID (personId) → its first row. */
  byId: Map<string, LedgerRow>;
}

/** A sheet's rows do not change once read: several rules count the same rows' people. */
const once = new WeakMap<readonly LedgerRow[], People>();

/** The people of some rows, counted once by ID, in one pass. */
export function peopleOf(rows: readonly LedgerRow[]): People {
  let people = once.get(rows);
  if (!people) once.set(rows, (people = firstOfEach(rows)));
  return people;
}

export const onePerPerson = (rows: readonly LedgerRow[]): LedgerRow[] => peopleOf(rows).members;

function firstOfEach(rows: readonly LedgerRow[]): People {
  const byId = new Map<string, LedgerRow>();
  const members = rows.filter((row) => {
    const id = text(row, "idNumber");
    if (!id) return true;
    const key = personId(id);
    if (byId.has(key)) return false;
    byId.set(key, row);
    return true;
  });
  return { members, byId };
}
