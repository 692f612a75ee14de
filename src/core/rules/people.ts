/**
 * The roster of the same workbook as a lookup, for rules that need to know who
 * the members are (xref, training hours for 书记/委员, funding entitlement,
 * 支委会 only where ≥7 members, the 党课 lecturer). Built once per workbook.
 */
import { LEADER_POSTS } from "../ledgers/options";
import { sheetsOf, text, type LedgerRow, type ParsedWorkbook } from "../ledger";
import { squeeze } from "../text";

export interface RosterIndex {
  /** Whether the workbook has a roster sheet at all. */
  present: boolean;
  members: LedgerRow[];
  byId: Map<string, LedgerRow>;
  byName: Map<string, LedgerRow[]>;
}

const cache = new WeakMap<ParsedWorkbook, RosterIndex>();

export const personName = (name: string): string => squeeze(name);
export const personId = (id: string): string => squeeze(id).toUpperCase();

export function rosterIndex(workbook: ParsedWorkbook): RosterIndex {
  const cached = cache.get(workbook);
  if (cached) return cached;
  const sheets = sheetsOf(workbook, "roster");
  const members = sheets.flatMap((s) => s.rows);
  const byId = new Map<string, LedgerRow>();
  const byName = new Map<string, LedgerRow[]>();
  for (const row of members) {
    const id = text(row, "idNumber");
    if (id) byId.set(personId(id), row);
    const name = text(row, "name");
    if (name) byName.set(personName(name), [...(byName.get(personName(name)) ?? []), row]);
  }
  const index = { present: sheets.length > 0, members, byId, byName };
  cache.set(workbook, index);
  return index;
}

/** The roster row of a person, by ID number where given, else by name (only when the name is unique). */
export function findMember(index: RosterIndex, id: string | null, name: string | null): LedgerRow | undefined {
  if (id) {
    const byId = index.byId.get(personId(id));
    if (byId) return byId;
  }
  if (name) {
    const rows = index.byName.get(personName(name));
    if (rows && rows.length === 1 && (!id || !text(rows[0], "idNumber"))) return rows[0];
  }
  return undefined;
}

/** 书记 and 支委 need 56 hours and a 集中培训 record (培训, seed 000). */
export const isLeader = (member: LedgerRow): boolean => LEADER_POSTS.includes(text(member, "post") ?? "");

export const isSecretary = (member: LedgerRow): boolean => text(member, "post") === "书记";
