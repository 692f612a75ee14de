/**
 * Parse untrusted bytes in a worker thread with a heap cap and a timeout, so a
 * hostile file costs at most one worker: out of memory → "too-big", too slow →
 * "timeout", and the next file proceeds. Idle workers are kept for reuse
 * (starting one costs more than parsing a ledger) and never keep the process alive.
 */
import * as path from "node:path";
import { Worker } from "node:worker_threads";
import type { Workbook } from "../../core/table";
import { readError, ReadError } from "../errors";
import { unpackWorkbook } from "../packed";
import { DEFAULT_TIMEOUT_MS, type ParseRequest, type WorkerReply } from "./protocol";

export interface IsolateOptions {
  /** Wall-clock limit for one file (default 20 s). */
  timeoutMs?: number;
  /** Old-generation heap cap of the worker (default 512 MB). */
  maxHeapMb?: number;
}

export { DEFAULT_TIMEOUT_MS };
export const DEFAULT_MAX_HEAP_MB = 512;
/** Idle workers kept per heap cap; merge reads files one after another. */
const MAX_IDLE = 2;

const idle = new Map<number, Worker[]>();

function spawn(maxHeapMb: number): Worker {
  const options = { resourceLimits: { maxOldGenerationSizeMb: maxHeapMb, stackSizeMb: 4 } };
  // From dist/ the compiled worker.js runs as is; from the .ts sources (ts-jest, tsx) it is loaded through tsx.
  if (__filename.endsWith(".ts")) {
    const entry = path.join(__dirname, "worker.ts");
    return new Worker(`require("tsx/cjs"); require(${JSON.stringify(entry)});`, { ...options, eval: true });
  }
  return new Worker(path.join(__dirname, "worker.js"), options);
}

function take(maxHeapMb: number): Worker {
  const worker = idle.get(maxHeapMb)?.pop() ?? spawn(maxHeapMb);
  worker.removeAllListeners("error").removeAllListeners("exit");
  worker.ref();
  return worker;
}

function release(maxHeapMb: number, worker: Worker): void {
  const list = idle.get(maxHeapMb) ?? [];
  if (list.length >= MAX_IDLE) {
    void worker.terminate();
    return;
  }
  // An idle worker that dies is forgotten, not an unhandled 'error' in the caller.
  const forget = () => {
    const at = list.indexOf(worker);
    if (at >= 0) list.splice(at, 1);
  };
  worker.on("error", forget).on("exit", forget);
  worker.unref();
  list.push(worker);
  idle.set(maxHeapMb, list);
}

export function parseIsolated(bytes: Uint8Array, file: string, options: IsolateOptions = {}): Promise<Workbook> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const maxHeapMb = options.maxHeapMb ?? DEFAULT_MAX_HEAP_MB;
  const worker = take(maxHeapMb);
  return new Promise<Workbook>((resolve, reject) => {
    let settled = false;
    const finish = (outcome: () => void, keepWorker: boolean) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      worker.removeAllListeners("message").removeAllListeners("messageerror").removeAllListeners("error").removeAllListeners("exit");
      if (keepWorker) release(maxHeapMb, worker);
      else void worker.terminate();
      outcome();
    };
    const timer = setTimeout(() => finish(() => reject(readError("timeout", file)), false), timeoutMs);
    worker.on("message", (reply: WorkerReply) =>
      finish(() => (reply.ok ? resolve(unpackWorkbook(reply.packed)) : reject(new ReadError(reply.kind, file, reply.message || readError(reply.kind, file).message))), true),
    );
    worker.on("messageerror", () => finish(() => reject(readError("corrupt", file)), false));
    // ERR_WORKER_OUT_OF_MEMORY, a stack overflow, or the worker dying any other way.
    worker.on("error", () => finish(() => reject(readError("too-big", file)), false));
    worker.on("exit", () => finish(() => reject(readError("too-big", file)), false));
    const request: ParseRequest = { bytes, file };
    worker.postMessage(request, bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? [bytes.buffer as ArrayBuffer] : []);
  });
}

/** Stop the idle workers (tests, or a host that wants to free memory now). */
export async function closeWorkers(): Promise<void> {
  const all = [...idle.values()].flat();
  idle.clear();
  await Promise.all(all.map((w) => w.terminate()));
}
