/** The merged summary as an .xlsx download (standalone mode), written by the CLI's own summary writer. */
import type { SummaryModel } from "../../core/merge";
import { summaryWorkbook } from "../../io/summary-writer";

export async function downloadSummary(model: SummaryModel, fileName: string): Promise<void> {
  const bytes = await summaryWorkbook(model).xlsx.writeBuffer();
  const blob = new Blob([bytes], { type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" });
  const link = document.createElement("a");
  link.href = URL.createObjectURL(blob);
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
}
