/**
 * Column mapping, the escape hatch when a header is worded beyond the vocabulary:
 * header text → field, per ledger or for every ledger ("*"). The same mapping
 * comes from `--columns 对应.json`, a profile's `columns` section and the task
 * pane's 列对应 step, and is read here only.
 *
 *   { "党员花名册": { "党籍": "党员类型", "入党介绍人": null }, "*": { "工号": null } }
 *
 * A field is named by its header (党员类型) or key (memberType); null keeps the
 * column as 其他列. Ledgers are named by title (党员花名册) or key (roster).
 */
import { z } from "zod";
import type { LedgerDef } from "./ledger";
import type { Profile } from "./profile";
import { headerKey } from "./text";

/** Header key → (ledger key or "*") → field key, or null for 其他列. */
export interface ColumnMapping {
  readonly byHeader?: ReadonlyMap<string, ReadonlyMap<string, string | null>>;
}

export const columnMappingSchema = z.record(z.string(), z.record(z.string(), z.string().nullable()));
export type ColumnMappingInput = z.infer<typeof columnMappingSchema>;

export class ColumnMappingError extends Error {}

/** Check a mapping against the ledgers and resolve names to keys; a wrong name is a zh-CN error that names the choices. */
export function resolveColumnMapping(input: unknown, ledgers: readonly LedgerDef[]): ColumnMapping {
  const parsed = columnMappingSchema.safeParse(input);
  if (!parsed.success) {
    throw new ColumnMappingError("列对应应为 { 台账名称: { 表头文字: 字段名或 null } } 形式的 JSON，例如 {\"党员花名册\": {\"党籍\": \"党员类型\"}}");
  }
  const byHeader = new Map<string, Map<string, string | null>>();
  for (const [ledgerName, columns] of Object.entries(parsed.data)) {
    const ledger = ledgerName === "*" ? null : ledgers.find((l) => l.key === ledgerName || l.title === ledgerName);
    if (ledger === undefined) {
      throw new ColumnMappingError(`列对应中的台账“${ledgerName}”不存在；可用：${ledgers.map((l) => l.title).join("、")} 或 *（所有台账）`);
    }
    for (const [header, fieldName] of Object.entries(columns)) {
      const field = fieldName === null ? null : resolveField(ledger ? [ledger] : ledgers, fieldName, ledgerName);
      const entry = byHeader.get(headerKey(header)) ?? new Map<string, string | null>();
      entry.set(ledger ? ledger.key : "*", field);
      byHeader.set(headerKey(header), entry);
    }
  }
  return { byHeader };
}

function resolveField(ledgers: readonly LedgerDef[], name: string, ledgerName: string): string {
  for (const ledger of ledgers) {
    const f = ledger.fields.find((x) => x.key === name || x.header === name);
    if (f) return f.key;
  }
  const choices = ledgers.length === 1 ? ledgers[0].fields.map((f) => f.header).join("、") : "任一台账的列名";
  throw new ColumnMappingError(`列对应中“${ledgerName}”的字段“${name}”不存在；可用：${choices}`);
}

const byProfile = new WeakMap<Profile, ColumnMapping>();

/** A profile's own `columns`, resolved once per profile (a wrong name throws ColumnMappingError). */
export function profileColumns(profile: Profile, ledgers: readonly LedgerDef[]): ColumnMapping {
  let mapping = byProfile.get(profile);
  if (!mapping) byProfile.set(profile, (mapping = profile.columns ? resolveColumnMapping(profile.columns, ledgers) : NO_MAPPING));
  return mapping;
}

/** The mapping that says nothing: every header read by the vocabulary alone. */
export const NO_MAPPING: ColumnMapping = {};

/** Mappings in one, a later one winning (a profile's, then --columns or the workbook's own 列对应). */
export function combineMappings(...mappings: readonly (ColumnMapping | undefined)[]): ColumnMapping {
  const given = mappings.filter((m): m is ColumnMapping => m?.byHeader !== undefined && m.byHeader.size > 0);
  if (given.length <= 1) return given[0] ?? NO_MAPPING;
  const byHeader = new Map<string, Map<string, string | null>>();
  for (const m of given) {
    for (const [header, entry] of m.byHeader!) byHeader.set(header, new Map([...(byHeader.get(header) ?? []), ...entry]));
  }
  return { byHeader };
}

/**
 * What the mapping says a header names in each ledger (by place): a field key,
 * null for 其他列, undefined where it says nothing of this header. A field given
 * for "*" applies to every ledger that has it.
 */
export function headerOverride(mapping: ColumnMapping, ledgers: readonly LedgerDef[], raw: string): (string | null | undefined)[] | undefined {
  const entry = mapping.byHeader?.get(headerKey(raw));
  if (!entry) return undefined;
  return ledgers.map((ledger) => {
    const field = entry.has(ledger.key) ? entry.get(ledger.key) : entry.get("*");
    if (field === null || field === undefined) return field;
    return ledger.fields.some((f) => f.key === field) ? field : undefined;
  });
}

/** One unrecognised header of a ledger sheet, with the field proposed for it (the 列对应 step). */
export interface ColumnProposal {
  sheet: string;
  /** Ledger title, as a mapping names it. */
  ledger: string;
  column: string;
  header: string;
  /** The field key proposed (the closest field when it is close enough), or null for 其他列. */
  proposed: string | null;
  /** The fields the header may be mapped to: key and Chinese header. */
  choices: { key: string; header: string }[];
}

/** From this similarity on, the closest field is proposed; below it the column is proposed as 其他列. */
const PROPOSE_FROM = 0.5;

/** The proposals for a validated file's unrecognised headers, sheet by sheet; headers the saved mapping already decides are left out. */
export function proposeColumns(sheets: readonly SheetRecognition[], ledgers: readonly LedgerDef[], decided: ColumnMappingInput = {}): ColumnProposal[] {
  return sheets.flatMap((s) => {
    const ledger = ledgers.find((l) => l.key === s.ledger);
    if (!ledger || !s.recognition || s.sheet === null) return [];
    const known = new Set(Object.keys({ ...decided["*"], ...decided[ledger.title], ...decided[ledger.key] }).map(headerKey));
    return s.recognition.otherColumns.filter((o) => !known.has(headerKey(o.header))).map((o) => ({
      sheet: s.sheet!,
      ledger: ledger.title,
      column: o.column,
      header: o.header,
      proposed: o.closest && o.closest.score >= PROPOSE_FROM ? o.closest.field : null,
      choices: ledger.fields.map((f) => ({ key: f.key, header: f.header })),
    }));
  });
}

/** What proposeColumns reads of a sheet report (structurally a SheetReport). */
export interface SheetRecognition {
  sheet: string | null;
  ledger: string | null;
  recognition?: { otherColumns: { column: string; header: string; closest: { field: string; score: number } | null }[] };
}

/** The choices made (header → field or null, per ledger title) added to a saved mapping, the new winning. */
export function withChoices(saved: ColumnMappingInput, choices: readonly { ledger: string; header: string; field: string | null }[]): ColumnMappingInput {
  const out: Record<string, Record<string, string | null>> = Object.fromEntries(Object.entries(saved).map(([l, cols]) => [l, { ...cols }]));
  for (const c of choices) (out[c.ledger] ??= {})[c.header] = c.field;
  return out;
}
