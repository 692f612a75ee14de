/** Downloads from the pane (standalone mode): the merged summary, written by the CLI's own summary writer, and the send-back pack. */
import type { ReturnPack, SummaryModel } from "../../core/merge";
import { returnsZip } from "../../io/returns-zip";
import { summaryWorkbook } from "../../io/summary-writer";

function download(bytes: BlobPart, type: string, fileName: string): void {
  const blob = new Blob([bytes], { type });
  const link = document.createElement("a");
  link.href = URL.createObjectURL(blob);
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
}

export async function downloadSummary(model: SummaryModel, fileName: string): Promise<void> {
  download(await summaryWorkbook(model).xlsx.writeBuffer(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", fileName);
}

/** The send-back pack as one zip, a workbook per branch with findings. */
export async function downloadReturns(packs: readonly ReturnPack[], fileName: string): Promise<void> {
  // fflate allocates a plain ArrayBuffer; its declaration only leaves room for a shared one.
  download((await returnsZip(packs)) as Uint8Array<ArrayBuffer>, "application/zip", fileName);
}
