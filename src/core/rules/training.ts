import type { SheetRule } from "../ledger";

export const trainingRules: readonly SheetRule[] = [];
