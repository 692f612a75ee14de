/** Downloads from the pane (standalone mode): the merged summary and the send-back pack, written by the CLI's own summary writer. */
import type { ReturnPack, SummaryModel } from "../../core/merge";
import { returnsZip } from "../../io/returns-zip";
import { summaryXlsx } from "../../io/summary-xlsx";

function download(bytes: BlobPart, type: string, fileName: string): void {
  const blob = new Blob([bytes], { type });
  const link = document.createElement("a");
  link.href = URL.createObjectURL(blob);
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
}

export function downloadSummary(model: SummaryModel, fileName: string): void {
  download(summaryXlsx(model), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", fileName);
}

/** The send-back pack as one zip, a workbook per branch with findings. */
export function downloadReturns(packs: readonly ReturnPack[], fileName: string): void {
  download(returnsZip(packs), "application/zip", fileName);
}
