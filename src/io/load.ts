/**
 * Load one untrusted file from disk into the table model. Throws ReadError
 * (zh-CN, names the file) for anything that cannot be read; never anything else.
 * Parsing runs in a worker with a heap cap and a timeout (src/io/isolate), after
 * the pre-flight checks (src/io/preflight.ts) that run there too.
 */
import { readFileSync, statSync, type Stats } from "node:fs";
import * as path from "node:path";
import type { Workbook } from "../core/table";
import { readError } from "./errors";
import { parseIsolated, type IsolateOptions } from "./isolate";
import { MAX_FILE_BYTES } from "./preflight";

export type LoadOptions = IsolateOptions;

export async function loadWorkbook(filePath: string, options: LoadOptions = {}): Promise<Workbook> {
  return parseIsolated(readBytes(filePath), path.basename(filePath), options);
}

/**
 * The file's bytes, read at once: a ledger is small, and a synchronous read costs a
 * tenth of the promise-based one's round trips (a merge reads a hundred files).
 */
function readBytes(filePath: string): Uint8Array {
  const label = path.basename(filePath);
  const stat = statOf(filePath);
  if (!stat?.isFile()) throw readError("not-found", label);
  // Refused before being read into memory at all.
  if (stat.size > MAX_FILE_BYTES) throw readError("too-big", label, `${Math.round(stat.size / 1024 / 1024)} MB`);
  try {
    return readFileSync(filePath);
  } catch {
    throw readError("not-found", label);
  }
}

/** The file's status, or null when there is no such file (or it cannot be seen). */
export function statOf(filePath: string): Stats | null {
  try {
    return statSync(filePath);
  } catch {
    return null;
  }
}
