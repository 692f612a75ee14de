/**
 * `npm run fuzz -- [SEED] [COUNT]`: mutate the valid roster workbooks COUNT
 * times (default 5000) from SEED (default: the time) and check that each ends
 * in a report or a ReadError. Prints one JSON summary; exit 1 if any mutant
 * threw anything else (its label reproduces it: seed and index).
 */
import { fuzz } from "../tests/fixtures/fuzz";

const seed = Number(process.argv[2] ?? Date.now() % 1_000_000_000);
const count = Number(process.argv[3] ?? 5000);
if (!Number.isInteger(seed) || !Number.isInteger(count) || count <= 0) {
  process.stderr.write("用法：npm run fuzz -- [种子] [次数]\n");
  process.exit(2);
}
const started = performance.now();
const summary = fuzz(seed, count);
process.stdout.write(`${JSON.stringify({ fuzz: "readers", ...summary, totalMs: Math.round(performance.now() - started) }, null, 2)}\n`);
process.exitCode = summary.failures.length > 0 ? 1 : 0;
