/**
 * Pre-flight of untrusted bytes before SheetJS sees them: refuse what would
 * exhaust memory or cannot be a spreadsheet, with a zh-CN reason, cheaply.
 * - .xlsx: reads only the ZIP central directory (fflate, nothing inflated):
 *   zip bombs (total size, compression ratio), too many entries, no workbook part.
 * - CFB/OLE (.xls, or an encrypted .xlsx wrapped in CFB): encrypted packages
 *   (EncryptionInfo/EncryptedPackage streams, MS-OFFCRYPTO) and non-workbooks (.doc).
 * - .csv: a size limit.
 * The worker's heap cap and timeout (src/io/isolate) remain the backstop for
 * anything that lies about itself here.
 */
import * as XLSX from "@e965/xlsx";
import { unzipSync } from "fflate";
import { ReadError, readError } from "./errors";

const MB = 1024 * 1024;

export interface PreflightLimits {
  /** .xlsx file size on disk. */
  xlsxBytes: number;
  /** Sum of the declared uncompressed sizes of all ZIP entries. */
  unzippedBytes: number;
  /** Uncompressed/compressed ratio allowed for an entry larger than `ratioFloorBytes`. */
  maxRatio: number;
  ratioFloorBytes: number;
  /** ZIP entries; a real workbook has tens, a few hundred with images. */
  maxEntries: number;
  /** .xls (and any CFB container) file size. */
  xlsBytes: number;
  csvBytes: number;
}

/**
 * A branch ledger is well under 1 MB; these limits leave two orders of
 * magnitude of room and keep SheetJS well inside the worker's 512 MB heap.
 */
export const DEFAULT_LIMITS: Readonly<PreflightLimits> = {
  xlsxBytes: 50 * MB,
  unzippedBytes: 200 * MB,
  maxRatio: 200,
  ratioFloorBytes: 1 * MB,
  maxEntries: 5000,
  xlsBytes: 30 * MB,
  csvBytes: 20 * MB,
};

/** The largest file any reader accepts: larger files are refused before being read into memory. */
export const MAX_FILE_BYTES = Math.max(DEFAULT_LIMITS.xlsxBytes, DEFAULT_LIMITS.xlsBytes, DEFAULT_LIMITS.csvBytes);

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const EMPTY_ZIP = [0x50, 0x4b, 0x05, 0x06];
const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

const startsWith = (bytes: Uint8Array, magic: number[]) => magic.every((b, i) => bytes[i] === b);

export type FileKind = "xlsx" | "cfb" | "csv";

/** What the bytes are, by content; the name only decides whether text may be CSV. */
export function sniff(bytes: Uint8Array, file: string): FileKind | "unknown" {
  if (startsWith(bytes, ZIP) || startsWith(bytes, EMPTY_ZIP)) return "xlsx";
  if (startsWith(bytes, CFB_MAGIC)) return "cfb";
  if (/\.(csv|txt)$/i.test(file) && !bytes.subarray(0, 4096).includes(0)) return "csv";
  return "unknown";
}

const sizeText = (bytes: number) => `${(bytes / MB).toFixed(1)} MB`;

/** Check the bytes and say which reader may parse them; throws ReadError otherwise. */
export function preflight(bytes: Uint8Array, file: string, limits: PreflightLimits = DEFAULT_LIMITS): FileKind {
  if (bytes.length === 0) throw readError("empty", file);
  const kind = sniff(bytes, file);
  switch (kind) {
    case "xlsx":
      checkZip(bytes, file, limits);
      return kind;
    case "cfb":
      checkSize(bytes, file, limits.xlsBytes);
      checkCfb(bytes, file);
      return kind;
    case "csv":
      checkSize(bytes, file, limits.csvBytes);
      return kind;
    default:
      throw readError("not-spreadsheet", file);
  }
}

function checkSize(bytes: Uint8Array, file: string, limit: number): void {
  if (bytes.length > limit) throw readError("too-big", file, `${sizeText(bytes.length)}，上限 ${sizeText(limit)}`);
}

interface ZipEntry {
  name: string;
  size: number;
  originalSize: number;
}

/** The ZIP central directory, read without inflating any entry. */
function zipEntries(bytes: Uint8Array, file: string, maxEntries: number): ZipEntry[] {
  const entries: ZipEntry[] = [];
  try {
    unzipSync(bytes, {
      filter: (info) => {
        entries.push({ name: info.name, size: info.size, originalSize: info.originalSize });
        if (entries.length > maxEntries) throw readError("too-big", file, `压缩包内有超过 ${maxEntries} 个部件`);
        return false;
      },
    });
  } catch (e) {
    if (e instanceof ReadError) throw e;
    throw readError("corrupt", file);
  }
  return entries;
}

/** An OOXML workbook part (xl/workbook.xml, .bin for .xlsb) or an OpenDocument spreadsheet's content. */
const WORKBOOK_PART = /(^|\/)workbook\.(xml|bin)$|^content\.xml$/i;

function checkZip(bytes: Uint8Array, file: string, limits: PreflightLimits): void {
  checkSize(bytes, file, limits.xlsxBytes);
  const entries = zipEntries(bytes, file, limits.maxEntries);
  let total = 0;
  for (const e of entries) {
    total += e.originalSize;
    if (total > limits.unzippedBytes) {
      throw readError("too-big", file, `解压后超过 ${sizeText(limits.unzippedBytes)}`);
    }
    if (e.originalSize > limits.ratioFloorBytes && e.originalSize > limits.maxRatio * Math.max(e.size, 1)) {
      throw readError("too-big", file, `部件 ${e.name} 压缩比异常（${Math.round(e.originalSize / Math.max(e.size, 1))} 倍）`);
    }
  }
  // A .docx, .pptx, .zip or .apk renamed .xlsx is a valid ZIP without a workbook part.
  if (!entries.some((e) => WORKBOOK_PART.test(e.name))) throw readError("not-spreadsheet", file);
}

/** Stream names (any case) that make a CFB container a workbook: BIFF8 "Workbook", BIFF5 "Book". */
const WORKBOOK_STREAMS = ["workbook", "book"];
/** MS-OFFCRYPTO: an encrypted OOXML package is a CFB holding these streams. */
const ENCRYPTION_STREAMS = ["encryptioninfo", "encryptedpackage"];

function checkCfb(bytes: Uint8Array, file: string): void {
  let names: string[];
  try {
    const container = XLSX.CFB.read(bytes, { type: "array" });
    names = container.FullPaths.map((p: string) => p.replace(/\/$/, "").replace(/^.*\//, "").toLowerCase());
  } catch {
    throw readError("corrupt", file);
  }
  if (names.some((n) => ENCRYPTION_STREAMS.includes(n))) throw readError("encrypted", file);
  if (!names.some((n) => WORKBOOK_STREAMS.includes(n))) throw readError("not-spreadsheet", file);
}
