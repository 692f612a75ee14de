/**
 * The workbook's own settings in WPS, saved with it: rows “key | value” of a
 * very hidden sheet of ours (core/own-sheets.ts), text cells only – “profile |
 * cqipc” (./profile.ts), “columns | {…}” (./columns.ts). Excel keeps the same
 * in the document settings (../office.ts), which WPS does not have. A value
 * longer than one cell holds (32,767 characters) goes on in the next cells of
 * its row. Writing a setting touches its own row only; no cell of the
 * secretary's is read or written.
 */
import { SETTINGS_SHEET } from "../../core/own-sheets";
import { areaAddress } from "../shared/address";
import { AddinError } from "../shared/errors";
import type { EtApplication, EtWorkbook, EtWorksheet } from "./et";
import { activeWorkbook, addHiddenSheet, sheetsOf, storeValues, writeTextRows } from "./workbook";

/** The most characters a cell of WPS 表格 (as of Excel) holds. */
export const CELL_LIMIT = 32_767;

const settingsSheet = (wb: EtWorkbook): EtWorksheet | undefined => sheetsOf(wb).find((s) => s.Name === SETTINGS_SHEET);

const text = (v: unknown): string => (v === null || v === undefined ? "" : String(v));

/** A setting of the active workbook; null when it has none. */
export function readSetting(app: EtApplication, key: string): string | null {
  const row = storeValues(settingsSheet(activeWorkbook(app))).find((r) => r[0] === key);
  return row ? row.slice(1).map(text).join("") : null;
}

/**
 * The value cut into cells of at most CELL_LIMIT characters. No part starts
 * with ' or =, which WPS would take as a text prefix or a formula.
 */
export function cellParts(value: string): string[] {
  const parts: string[] = [];
  let rest = value;
  while (rest.length > CELL_LIMIT) {
    let cut = CELL_LIMIT;
    while (cut > 1 && (rest[cut] === "'" || rest[cut] === "=")) cut -= 1;
    parts.push(rest.slice(0, cut));
    rest = rest.slice(cut);
  }
  return [...parts, rest];
}

/**
 * Save a setting with the active workbook, replacing its row or adding one.
 * A workbook whose structure is protected cannot take the settings sheet:
 * `refusal` says so, and nothing is written.
 */
export function writeSetting(app: EtApplication, key: string, value: string, refusal: string): void {
  const wb = activeWorkbook(app);
  const existing = settingsSheet(wb);
  if (!existing && wb.ProtectStructure) throw new AddinError("protected-workbook", refusal);
  const rows = storeValues(existing);
  const found = rows.findIndex((r) => r[0] === key);
  const top = found < 0 ? rows.length : found;
  const sheet = existing ?? addHiddenSheet(app, wb, SETTINGS_SHEET);
  if (found >= 0) sheet.Range(areaAddress({ top, left: 0, bottom: top, right: rows[found].length - 1 })).Clear();
  writeTextRows(sheet, [[key, ...cellParts(value)]], top);
}
