import type { SheetRule } from "../ledger";

export const duesRules: readonly SheetRule[] = [];
