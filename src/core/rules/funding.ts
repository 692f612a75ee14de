import type { SheetRule } from "../ledger";

export const fundingRules: readonly SheetRule[] = [];
