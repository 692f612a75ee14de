/**
 * Load one untrusted file from disk into the table model. Throws ReadError
 * (zh-CN, names the file) for anything that cannot be read; never anything else.
 * Parsing runs in a worker with a heap cap and a timeout (src/io/isolate), after
 * the pre-flight checks (src/io/preflight.ts) that run there too.
 */
import { readFileSync, statSync, type Stats } from "node:fs";
import * as path from "node:path";
import type { Workbook } from "../core/table";
import type { MergeInput } from "../core/merge";
import { ReadError, readError } from "./errors";
import { parseIsolated, type IsolateOptions } from "./isolate";
import { MAX_FILE_BYTES } from "./preflight";

export type LoadOptions = IsolateOptions;

/**
 * Files parsed (in worker threads) ahead of the one being used: two keep two
 * cores busy while the caller validates, and never wait on each other.
 */
const READ_AHEAD = 2;

/**
 * Read files in order, handing each to `use` as soon as it is read – its workbook,
 * or why it cannot be read – while the next ones are already being parsed. A file's
 * bytes and workbook can be let go once `use` has returned.
 */
export async function readEach<T>(files: readonly string[], use: (input: MergeInput) => T, options: LoadOptions = {}): Promise<T[]> {
  const ahead: Promise<MergeInput>[] = [];
  const readNext = (i: number) => {
    if (i >= files.length) return;
    const input = readInput(files[i], options);
    // Handled now, awaited in turn: a failure of a file read ahead is not an unhandled rejection meanwhile.
    input.catch(() => undefined);
    ahead.push(input);
  };
  for (let i = 0; i < READ_AHEAD; i++) readNext(i);
  const done: T[] = [];
  for (let i = 0; i < files.length; i++) {
    const input = await ahead.shift()!;
    readNext(i + READ_AHEAD);
    done.push(use(input));
  }
  return done;
}

/** A file with its modification time: its workbook, or why it cannot be read. */
async function readInput(file: string, options: LoadOptions): Promise<MergeInput> {
  const label = path.basename(file);
  const stat = statOf(file);
  try {
    return { file: label, modified: stat?.mtimeMs, workbook: await parseStated(file, stat, options) };
  } catch (e) {
    if (!(e instanceof ReadError)) throw e;
    return { file: label, modified: stat?.mtimeMs, error: e.message };
  }
}

export async function loadWorkbook(filePath: string, options: LoadOptions = {}): Promise<Workbook> {
  return parseStated(filePath, statOf(filePath), options);
}

/** Parse a file whose status the caller has already looked up (one stat a file). */
async function parseStated(filePath: string, stat: Stats | null, options: LoadOptions): Promise<Workbook> {
  return parseIsolated(readBytes(filePath, stat), path.basename(filePath), options);
}

/**
 * The file's bytes, read at once: a ledger is small, and a synchronous read costs a
 * tenth of the promise-based one's round trips (a merge reads a hundred files).
 */
function readBytes(filePath: string, stat: Stats | null): Uint8Array {
  const label = path.basename(filePath);
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
function statOf(filePath: string): Stats | null {
  try {
    return statSync(filePath);
  } catch {
    return null;
  }
}
