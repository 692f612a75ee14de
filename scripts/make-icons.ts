/**
 * The add-in's ribbon icons (assets/icon-16/32/80.png): a red square with a
 * white ledger sheet and a gold check mark. Drawn in code and written as PNG
 * with node:zlib, so the binaries are reproducible: `tsx scripts/make-icons.ts`.
 */
import { writeFileSync, mkdirSync } from "node:fs";
import * as path from "node:path";
import { deflateSync } from "node:zlib";

type Rgba = [number, number, number, number];
const RED: Rgba = [192, 0, 0, 255];
const WHITE: Rgba = [255, 255, 255, 255];
const LINE: Rgba = [230, 150, 150, 255];
const GOLD: Rgba = [255, 192, 0, 255];
const CLEAR: Rgba = [0, 0, 0, 0];

/** The colour of pixel (x, y) in a unit square, sampled 4×4 for smooth edges. */
function shade(u: number, v: number): Rgba {
  const r = 0.16;
  const cx = Math.min(Math.max(u, r), 1 - r);
  const cy = Math.min(Math.max(v, r), 1 - r);
  if ((u - cx) ** 2 + (v - cy) ** 2 > r * r) return CLEAR;
  const onCheck = (x0: number, y0: number, x1: number, y1: number) => {
    const t = Math.max(0, Math.min(1, ((u - x0) * (x1 - x0) + (v - y0) * (y1 - y0)) / ((x1 - x0) ** 2 + (y1 - y0) ** 2)));
    return Math.hypot(u - (x0 + t * (x1 - x0)), v - (y0 + t * (y1 - y0))) < 0.07;
  };
  if (onCheck(0.5, 0.7, 0.62, 0.82) || onCheck(0.62, 0.82, 0.86, 0.52)) return GOLD;
  if (u > 0.2 && u < 0.72 && v > 0.16 && v < 0.84) {
    const row = (v - 0.16) / 0.68;
    return [0.25, 0.5, 0.75].some((l) => Math.abs(row - l) < 0.035) ? LINE : WHITE;
  }
  return RED;
}

function pixels(size: number): Buffer {
  const rows: Buffer[] = [];
  const n = 4;
  for (let y = 0; y < size; y++) {
    const row = Buffer.alloc(1 + size * 4);
    for (let x = 0; x < size; x++) {
      const sum = [0, 0, 0, 0];
      for (let sy = 0; sy < n; sy++)
        for (let sx = 0; sx < n; sx++) {
          const c = shade((x + (sx + 0.5) / n) / size, (y + (sy + 0.5) / n) / size);
          for (let k = 0; k < 3; k++) sum[k] += c[k] * c[3];
          sum[3] += c[3];
        }
      const a = sum[3] / (n * n);
      for (let k = 0; k < 3; k++) row[1 + x * 4 + k] = a > 0 ? Math.round(sum[k] / sum[3]) : 0;
      row[1 + x * 4 + 3] = Math.round(a);
    }
    rows.push(row);
  }
  return Buffer.concat(rows);
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(data: Buffer): number {
  let c = 0xffffffff;
  for (const b of data) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

export function png(size: number): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(pixels(size), { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

export const ICON_SIZES = [16, 32, 64, 80] as const;

if (require.main === module) {
  const dir = path.join(__dirname, "..", "assets");
  mkdirSync(dir, { recursive: true });
  for (const size of ICON_SIZES) writeFileSync(path.join(dir, `icon-${size}.png`), png(size));
  console.log(`icons written to ${dir}`);
}
