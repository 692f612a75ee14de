import type { SheetRule } from "../ledger";

export const termsRules: readonly SheetRule[] = [];
