import type { SheetRule } from "../ledger";

export const meetingsRules: readonly SheetRule[] = [];
