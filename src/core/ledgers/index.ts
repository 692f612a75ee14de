/** The registry of ledgers and of the rules across a workbook's sheets. */
import type { LedgerDef, LedgerKey, WorkbookRule } from "../ledger";
import { xrefRules } from "../rules/xref";
import { development } from "./development";
import { dues } from "./dues";
import { duesPayments } from "./dues-payments";
import { funding } from "./funding";
import { meetings } from "./meetings";
import { roster } from "./roster";
import { terms } from "./terms";
import { training } from "./training";

export const LEDGERS: readonly LedgerDef[] = [roster, dues, funding, training, meetings, terms, development];

/** Every layout a sheet is read as: the ledgers, and dues kept one payment per row. */
export const READ_LEDGERS: readonly LedgerDef[] = [...LEDGERS, duesPayments];

export const WORKBOOK_RULES: readonly WorkbookRule[] = xrefRules;

export function ledgerByKey(key: LedgerKey): LedgerDef {
  const found = LEDGERS.find((l) => l.key === key);
  if (!found) throw new Error(`unknown ledger ${key}`);
  return found;
}

export { development, dues, funding, meetings, roster, terms, training };
