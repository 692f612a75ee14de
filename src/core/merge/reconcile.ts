/**
 * Reconciliation: per ledger and in total, inputRows = mergedRows + excludedRows,
 * and every excluded row is listed with its reason – no row is lost unaccounted.
 *
 * An input row is a data row the engine read from a recognised ledger sheet
 * (LedgerSheet.rows: blank, 序号-only and 合计 rows are not data). Rows with
 * findings are still merged (and flagged in 问题清单), not excluded. Rows are
 * excluded only with their whole file: the older of two files of one branch.
 * Unreadable files and sheets that are no ledger yield no input rows; they are
 * reported as files and sheets instead.
 */
import type { LedgerKey } from "../ledger";
import { LEDGERS } from "../ledgers";
import type { Decision } from "./select";
import type { ExcludedRow, Reconciliation, RowCounts } from "./types";

export function reconcile(decisions: readonly Decision[]): Reconciliation {
  const ledgers = Object.fromEntries(LEDGERS.map((l) => [l.key, { inputRows: 0, mergedRows: 0, excludedRows: 0 }])) as Record<LedgerKey, RowCounts>;
  const excluded: ExcludedRow[] = [];
  for (const d of decisions) {
    if (!d.input.result) continue;
    for (const sheet of d.input.result.parsed.sheets) {
      const counts = ledgers[sheet.ledger.key];
      const n = sheet.rows.length;
      counts.inputRows += n;
      if (d.status === "merged") {
        counts.mergedRows += n;
        continue;
      }
      counts.excludedRows += n;
      for (const row of sheet.rows) {
        excluded.push({ file: d.input.file, sheet: sheet.table.name, ledger: sheet.ledger.key, row: row.row, reason: d.reason ?? "" });
      }
    }
  }
  const all = Object.values(ledgers);
  const total = (k: keyof RowCounts) => all.reduce((t, c) => t + c[k], 0);
  return { inputRows: total("inputRows"), mergedRows: total("mergedRows"), excludedRows: total("excludedRows"), ledgers, excluded };
}
