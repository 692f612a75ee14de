/**
 * The summary workbook to a file or a buffer, through exceljs' streaming
 * writer: rows are written out as they are committed, about twice as fast as
 * building the whole workbook first, and a college of 100 branches is not held
 * in memory twice. Node only; the sheets are laid out by summary-writer.ts.
 */
import { mkdir } from "node:fs/promises";
import { dirname, join } from "node:path";
import { PassThrough, type Writable } from "node:stream";
import ExcelJS from "exceljs";
import type { ReturnPack, SummaryModel } from "../core/merge";
import { addSummarySheet } from "./summary-writer";

async function streamModel(model: SummaryModel, target: { filename: string } | { stream: Writable }): Promise<void> {
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ ...target, useStyles: true, useSharedStrings: true });
  book.creator = "taizhang";
  for (const sheet of model.sheets) addSummarySheet(book, sheet, model.asOf).commit();
  await book.commit();
}

/** Write the summary workbook, creating its folder (`-o 汇总/学院汇总.xlsx`) when needed. */
export async function writeSummary(model: SummaryModel, file: string): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  await streamModel(model, { filename: file });
}

/** The send-back pack: one workbook per branch in `dir` (created when needed); returns the paths written. */
export async function writeReturns(packs: readonly ReturnPack[], dir: string): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  const written: string[] = [];
  for (const pack of packs) {
    const file = join(dir, pack.fileName);
    await streamModel(pack.model, { filename: file });
    written.push(file);
  }
  return written;
}

export async function summaryBuffer(model: SummaryModel): Promise<Buffer> {
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on("data", (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<void>((resolve, reject) => {
    stream.on("end", resolve);
    stream.on("error", reject);
  });
  await streamModel(model, { stream });
  await ended;
  return Buffer.concat(chunks);
}
