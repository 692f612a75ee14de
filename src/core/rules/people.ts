/**
 * The roster of the same workbook as a lookup, for rules that need to know who
 * the members are (xref, training hours for 书记/委员, funding entitlement,
 * 支委会 only where ≥7 members, the 党课 lecturer). Built once per workbook.
 */
import { LEADER_POSTS } from "../ledgers/options";
import { sheetsOf, text, type LedgerRow, type ParsedWorkbook } from "../ledger";
import { peopleOf, personId, personName } from "../members";

export { personId, personName };

export interface RosterIndex {
  /** Whether the workbook has a roster sheet at all. */
  present: boolean;
  /** Each person once: a roster row repeated with the same ID is left out. */
  members: LedgerRow[];
  byId: Map<string, LedgerRow>;
  byName: Map<string, LedgerRow[]>;
}

const cache = new WeakMap<ParsedWorkbook, RosterIndex>();

export function rosterIndex(workbook: ParsedWorkbook): RosterIndex {
  const cached = cache.get(workbook);
  if (cached) return cached;
  const sheets = sheetsOf(workbook, "roster");
  const index = peopleIndex(sheets.flatMap((s) => s.rows), sheets.length > 0);
  cache.set(workbook, index);
  return index;
}

/** An index of any ledger's rows by person (姓名, 身份证号), e.g. the dues rows to find roster members in. */
export function peopleIndex(rows: LedgerRow[], present = true): RosterIndex {
  const { members, byId } = peopleOf(rows);
  const byName = new Map<string, LedgerRow[]>();
  for (const row of rows) {
    const name = text(row, "name");
    if (!name) continue;
    const same = byName.get(personName(name));
    if (same) same.push(row);
    else byName.set(personName(name), [row]);
  }
  return { present, members, byId, byName };
}

/** A sheet's rows do not change once read: xref and training rules share the keys of a sheet. */
const keysByRows = new WeakMap<LedgerRow[], Map<LedgerRow, string>>();

/**
 * One key per person among rows of a ledger where the ID is sometimes left out:
 * the ID where given; a row without ID joins the one ID written for that name elsewhere, else its name.
 */
export function personKeys(rows: LedgerRow[]): Map<LedgerRow, string> {
  let keys = keysByRows.get(rows);
  if (!keys) keysByRows.set(rows, (keys = computePersonKeys(rows)));
  return keys;
}

function computePersonKeys(rows: LedgerRow[]): Map<LedgerRow, string> {
  const idsByName = new Map<string, Set<string>>();
  for (const row of rows) {
    const id = text(row, "idNumber");
    const name = text(row, "name");
    if (id && name) idsByName.set(personName(name), (idsByName.get(personName(name)) ?? new Set()).add(personId(id)));
  }
  const keys = new Map<LedgerRow, string>();
  for (const row of rows) {
    const id = text(row, "idNumber");
    const name = personName(text(row, "name") ?? "");
    const ids = idsByName.get(name);
    keys.set(row, id ? `id:${personId(id)}` : ids && ids.size === 1 ? `id:${[...ids][0]}` : `name:${name}`);
  }
  return keys;
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

/** 书记 and 支委 need 56 hours and a 集中培训 record (培训; 重庆医科大学固本强基工程工作方案). */
export const isLeader = (member: LedgerRow): boolean => LEADER_POSTS.includes(text(member, "post") ?? "");

export const isSecretary = (member: LedgerRow): boolean => text(member, "post") === "书记";
