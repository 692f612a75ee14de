/**
 * Requests under Excel on the web's limit. Excel on the web refuses a request
 * or a response over 5 MB (RequestPayloadSizeLimitExceeded /
 * ResponsePayloadSizeLimitExceeded, Microsoft's "Resource limits and
 * performance optimization for Office Add-ins"), so every run queues its work
 * through a Batch that syncs before the queued operations would pass a 4 MB
 * budget (a 1 MB margin for what the estimates below miss).
 *
 * Costs per operation, as JSON in the request plus the response Office.js
 * exchanges (the first two measured with the browser's network panel on Excel
 * on the web, as stated in issue 14):
 * - reading one cell's fill: about 600 bytes (object path getRange → format →
 *   fill, the load action and four properties back);
 * - adding a note: about 450 bytes plus its text – our OPERATION_BYTES for any
 *   one queued action on an object path (a property set, a delete, a load);
 * - values and number formats: their JSON text, UTF-8 (an 18-digit ID number
 *   as a string is 20 bytes, a Chinese character 3, "General" 9): estimated at
 *   READ_CELL_BYTES a cell before the first block, then measured.
 *
 * So the number of context.sync() calls grows with the work: about one per
 * 4 MB of values and formats read (≈ 65,000 cells at 64 bytes), per ≈ 7,000
 * fills read, per ≈ 2,000 notes read (≈ 1.9 KB each with their location),
 * and per 4 MB written (≈ 7,000 notes added) – measured on the fake host: a
 * 50,000-row roster with 20,000 marks takes 33 syncs to validate and 21 to
 * clear, a 100-row one 10 and 7.
 */
export const PAYLOAD_LIMIT = 5 * 1024 * 1024;
export const BYTE_BUDGET = 4 * 1024 * 1024;
export const OPERATION_BYTES = 450;
export const FILL_READ_BYTES = 600;
export const READ_CELL_BYTES = 64;

/** The UTF-8 size of a value as JSON, as Office.js sends it (no TextEncoder: the IE 11 webview lacks it). */
export function jsonBytes(value: unknown): number {
  const text = JSON.stringify(value) ?? "";
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : c >= 0xd800 && c <= 0xdfff ? 2 : 3;
  }
  return bytes;
}

/** Excel's refusal of a request or response over the limit. */
export const isPayloadTooLarge = (e: unknown): boolean =>
  typeof e === "object" && e !== null && /PayloadSizeLimitExceeded/.test(String((e as { code?: unknown }).code));

/** Operations queued with their estimated bytes; a sync whenever the next would pass the budget. */
export class Batch {
  private queued = 0;

  constructor(
    readonly context: Excel.RequestContext,
    readonly budget = BYTE_BUDGET,
  ) {}

  /** Make room for an operation of `bytes`: the queued ones are sent first when both would pass the budget. */
  async add(bytes: number): Promise<void> {
    if (this.queued > 0 && this.queued + bytes > this.budget) await this.flush();
    this.queued += bytes;
  }

  /** Send what is queued (nothing to send, no sync). */
  async flush(): Promise<void> {
    if (this.queued === 0) return;
    await this.context.sync();
    this.queued = 0;
  }
}
