/**
 * The pane reads a chosen file with Blob.arrayBuffer(), which the Internet
 * Explorer 11 and EdgeHTML webviews lack (no polyfill can add it): there the
 * same bytes come through FileReader and the file reads the same.
 */
import { readBlob } from "../../src/addin/taskpane/read-blob";
import { makeSamples } from "../fixtures/samples";

/** FileReader as those webviews have it, over a Blob without arrayBuffer(). */
class OldFileReader {
  result: ArrayBuffer | null = null;
  error: Error | null = null;
  onload: (() => void) | null = null;
  onerror: (() => void) | null = null;
  readAsArrayBuffer(blob: { bytes: Uint8Array }): void {
    setTimeout(() => {
      this.result = blob.bytes.slice().buffer;
      this.onload?.();
    }, 0);
  }
}

afterEach(() => delete (globalThis as Record<string, unknown>).FileReader);

it("reads a workbook through FileReader where Blob.arrayBuffer is missing, the same as through arrayBuffer", async () => {
  const sample = makeSamples()[0];
  const modern = await readBlob(new Blob([Uint8Array.from(sample.bytes)]), sample.file);
  (globalThis as Record<string, unknown>).FileReader = OldFileReader;
  const oldBlob = { size: sample.bytes.length, bytes: sample.bytes } as unknown as Blob;
  const old = await readBlob(oldBlob, sample.file);
  expect(old.sheets.map((s) => s.name)).toEqual(modern.sheets.map((s) => s.name));
  expect(JSON.stringify(old)).toBe(JSON.stringify(modern));
});
