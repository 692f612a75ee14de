/**
 * A workbook taizhang wrote earlier and a person may have edited since – the
 * 考核 table the group filled in, the last summary – read like any untrusted
 * file: pre-flight checks and parsing in a worker (load.ts), never exceljs.
 */
import type { Workbook } from "../core/table";
import { ReadError } from "./errors";
import { loadWorkbook, type LoadOptions } from "./load";

export class OwnFileError extends Error {}

/** The workbook, or an OwnFileError whose zh-CN message says which file it was meant to be. */
export async function readOwnWorkbook(file: string, role: string, options: LoadOptions = {}): Promise<Workbook> {
  try {
    return await loadWorkbook(file, options);
  } catch (e) {
    if (e instanceof ReadError) throw new OwnFileError(`无法读取${role}：${e.message}`);
    throw e;
  }
}
