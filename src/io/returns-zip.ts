/**
 * The send-back pack as one .zip (the task pane's download): each branch's
 * workbook written by the summary writer, stored under its file name.
 * Browser-safe.
 */
import { zipSync } from "fflate";
import type { ReturnPack } from "../core/merge";
import { summaryXlsx } from "./summary-xlsx";

export function returnsZip(packs: readonly ReturnPack[]): Uint8Array<ArrayBuffer> {
  const entries: Record<string, Uint8Array> = {};
  for (const pack of packs) entries[pack.fileName] = summaryXlsx(pack.model);
  // Workbooks are zips already: storing them again saves the time of compressing twice.
  // fflate allocates a plain ArrayBuffer; its declaration only leaves room for a shared one.
  return zipSync(entries, { level: 0 }) as Uint8Array<ArrayBuffer>;
}
