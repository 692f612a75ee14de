/**
 * Load one untrusted file from disk into the table model. Throws ReadError
 * (zh-CN, names the file) for anything that cannot be read; never anything else.
 * Parsing runs in a worker with a heap cap and a timeout (src/io/isolate), after
 * the pre-flight checks (src/io/preflight.ts) that run there too.
 */
import { promises as fs } from "node:fs";
import * as path from "node:path";
import type { Workbook } from "../core/table";
import { readError } from "./errors";
import { parseIsolated, type IsolateOptions } from "./isolate";
import { MAX_FILE_BYTES } from "./preflight";

export type LoadOptions = IsolateOptions;

export async function loadWorkbook(filePath: string, options: LoadOptions = {}): Promise<Workbook> {
  const label = path.basename(filePath);
  const stat = await fs.stat(filePath).catch(() => null);
  if (!stat?.isFile()) throw readError("not-found", label);
  // Refused before being read into memory at all.
  if (stat.size > MAX_FILE_BYTES) throw readError("too-big", label, `${Math.round(stat.size / 1024 / 1024)} MB`);
  let bytes: Uint8Array;
  try {
    bytes = await fs.readFile(filePath);
  } catch {
    throw readError("not-found", label);
  }
  return parseIsolated(bytes, label, options);
}
