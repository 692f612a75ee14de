import type { WorkbookRule } from "../ledger";

export const xrefRules: readonly WorkbookRule[] = [];
