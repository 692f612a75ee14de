import type { SheetRule } from "../ledger";

export const developmentRules: readonly SheetRule[] = [];
