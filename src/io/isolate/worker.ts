/**
 * Worker-thread body: parses untrusted bytes with the hardened readers and
 * answers with plain data (structured clone) – a packed Workbook or a ReadError's fields.
 */
import { parentPort } from "node:worker_threads";
import { ReadError } from "../errors";
import { transferables } from "../packed";
import { readPackedBytes } from "../read-file";
import type { ParseRequest, WorkerReply } from "./protocol";

// SheetJS prints diagnostics about malformed records (console.error, sometimes console.log):
// noise to a secretary, and it would land in the middle of `--json` on stdout.
for (const method of ["log", "info", "warn", "error", "debug"] as const) console[method] = () => undefined;

parentPort?.on("message", (request: ParseRequest) => {
  let reply: WorkerReply;
  try {
    reply = { ok: true, packed: readPackedBytes(request.bytes, request.file) };
  } catch (e) {
    // readPackedBytes throws only ReadError; anything else is reported as corrupt.
    reply = e instanceof ReadError ? { ok: false, kind: e.kind, message: e.message } : { ok: false, kind: "corrupt", message: "" };
  }
  parentPort?.postMessage(reply, reply.ok ? transferables(reply.packed) : []);
});
