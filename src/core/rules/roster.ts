import type { SheetRule } from "../ledger";

export const rosterRules: readonly SheetRule[] = [];
