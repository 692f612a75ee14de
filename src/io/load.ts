/**
 * Load one untrusted file from disk into the table model. Throws ReadError
 * (zh-CN, names the file) for anything that cannot be read; never anything else.
 */
import { promises as fs } from "node:fs";
import * as path from "node:path";
import type { Workbook } from "../core/table";
import { ReadError, readError } from "./errors";
import { readWorkbookBytes } from "./read-file";

export async function loadWorkbook(filePath: string): Promise<Workbook> {
  const label = path.basename(filePath);
  let bytes: Uint8Array;
  try {
    bytes = await fs.readFile(filePath);
  } catch {
    throw readError("not-found", label);
  }
  try {
    return readWorkbookBytes(bytes, label);
  } catch (e) {
    if (e instanceof ReadError) throw e;
    throw readError("corrupt", label);
  }
}
