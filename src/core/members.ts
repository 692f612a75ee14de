/**
 * People counted once. A roster row written twice (roster.duplicate-id names
 * the second) is still one member: branch size, the funding entitlement, the
 * training each person owes and the summary's counts all count people by ID.
 */
import { text, type LedgerRow } from "./ledger";
import { squeeze } from "./text";

export const personName = (name: string): string => squeeze(name);
export const personId = (id: string): string => squeeze(id).toUpperCase();

/** The rows with each ID once (its first row); rows without an ID each count as a person. */
export function onePerPerson(rows: readonly LedgerRow[]): LedgerRow[] {
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
