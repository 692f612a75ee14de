/**
 * `npm run bench`: runs every bench/*.bench.ts in turn; each prints JSON lines
 * with ratios against a baseline measured in the same run. Benchmarks, not timed tests.
 */
import { readdirSync } from "node:fs";
import * as path from "node:path";

async function main(): Promise<void> {
  const only = process.argv[2];
  const files = readdirSync(__dirname)
    .filter((f) => f.endsWith(".bench.ts") && (!only || f.startsWith(only)))
    .sort();
  for (const file of files) {
    const mod = (await import(path.join(__dirname, file))) as { run: () => Promise<void> };
    await mod.run();
  }
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
