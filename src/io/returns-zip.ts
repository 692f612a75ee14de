/**
 * The send-back pack as one .zip (the task pane's download): each branch's
 * workbook written by the summary writer, stored under its file name.
 * Browser-safe.
 */
import { zipSync } from "fflate";
import type { ReturnPack } from "../core/merge";
import { summaryWorkbook } from "./summary-writer";

export async function returnsZip(packs: readonly ReturnPack[]): Promise<Uint8Array> {
  const entries: Record<string, Uint8Array> = {};
  for (const pack of packs) entries[pack.fileName] = new Uint8Array(await summaryWorkbook(pack.model).xlsx.writeBuffer());
  // Workbooks are zips already: storing them again saves the time of compressing twice.
  return zipSync(entries, { level: 0 });
}
