/**
 * Issue 8 in the browser: each chosen file is parsed in a Web Worker with a
 * timeout, so a crafted or huge file costs one worker, not the pane. A file
 * that takes longer than the timeout, or kills its worker, is reported as
 * 文件过大或结构异常，已跳过 and the next file gets a fresh worker. Browsers
 * offer no heap cap for a worker: the size pre-check (read-blob.ts) and the
 * ZIP pre-flight stand in for the CLI's 512 MB limit. Where no worker can
 * start (no Worker in this browser, or refused), files are parsed in the page.
 */
import type { Workbook } from "../../core/table";
import { ReadError, readError } from "../../io/errors";
import { DEFAULT_TIMEOUT_MS, type ParseReply } from "../../io/isolate/protocol";


export interface BrowserParseRequest {
  /** The chosen file itself: the worker reads its bytes, the page never holds them. */
  file: Blob;
  name: string;
}

/** The part of a Worker used here (a fake in tests). */
export interface ParseWorker {
  onmessage: ((event: { data: ParseReply }) => void) | null;
  onerror: ((event: { preventDefault?: () => void }) => void) | null;
  postMessage(request: BrowserParseRequest): void;
  terminate(): void;
}

export type ParseInPage = (file: Blob, name: string) => Promise<Workbook>;

export class IsolatedParser {
  private worker: ParseWorker | null = null;
  private workersAvailable = true;

  constructor(
    /** Starts a worker; throws where none can start. */
    private readonly spawn: () => ParseWorker,
    private readonly inPage: ParseInPage,
    private readonly timeoutMs = DEFAULT_TIMEOUT_MS,
  ) {}

  /** One file at a time; the worker is kept for the next file unless it timed out or died. */
  parse(file: Blob, name: string): Promise<Workbook> {
    const worker = this.start();
    if (!worker) return this.inPage(file, name);
    return new Promise<Workbook>((resolve, reject) => {
      const finish = (keepWorker: boolean, outcome: () => void) => {
        clearTimeout(timer);
        worker.onmessage = null;
        worker.onerror = null;
        if (!keepWorker) this.drop(worker);
        outcome();
      };
      const timer = setTimeout(() => finish(false, () => reject(readError("timeout", name))), this.timeoutMs);
      worker.onmessage = ({ data }) =>
        finish(true, () => (data.ok ? resolve(data.workbook) : reject(new ReadError(data.kind, name, data.message || readError(data.kind, name).message))));
      // The worker died (out of memory, a stack the parser could not unwind …): not the pane's error to print.
      worker.onerror = (event) => {
        event.preventDefault?.();
        finish(false, () => reject(readError("too-big", name)));
      };
      worker.postMessage({ file, name });
    });
  }

  /** Stop the worker (after the last file of a batch). */
  close(): void {
    if (this.worker) this.drop(this.worker);
  }

  private start(): ParseWorker | null {
    if (!this.worker && this.workersAvailable) {
      try {
        this.worker = this.spawn();
      } catch {
        this.workersAvailable = false;
      }
    }
    return this.worker;
  }

  private drop(worker: ParseWorker): void {
    worker.terminate();
    if (this.worker === worker) this.worker = null;
  }
}
