/** The summary workbook (and the send-back pack) to files or a buffer; laid out by summary-xlsx.ts. Node only. */
import { mkdir, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import type { ReturnPack, SummaryModel } from "../core/merge";
import { summaryParts } from "./summary-xlsx";
import { zipParts } from "./summary-zip";

const summaryBytes = (model: SummaryModel): Buffer => zipParts(summaryParts(model));

/** Write the summary workbook, creating its folder (`-o 汇总/学院汇总.xlsx`) when needed. */
export async function writeSummary(model: SummaryModel, file: string): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, summaryBytes(model));
}

/** The send-back pack: one workbook per branch in `dir` (created when needed); returns the paths written. */
export async function writeReturns(packs: readonly ReturnPack[], dir: string): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  const written: string[] = [];
  for (const pack of packs) {
    const file = join(dir, pack.fileName);
    await writeFile(file, summaryBytes(pack.model));
    written.push(file);
  }
  return written;
}

export const summaryBuffer = summaryBytes;
