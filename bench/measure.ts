/**
 * Timing shared by the benchmarks: CPU time (user + system) of the whole
 * process – worker threads included – and wall time, of the fastest of a few
 * runs. On a busy machine the fastest run is the least disturbed one, and a
 * ratio against a baseline measured the same way in the same run is what the
 * targets speak of.
 */
import { performance } from "node:perf_hooks";

export interface Timing {
  cpuMs: number;
  wallMs: number;
}

export async function fastest(runs: number, fn: () => unknown): Promise<Timing> {
  let best: Timing = { cpuMs: Infinity, wallMs: Infinity };
  for (let i = 0; i < runs; i++) {
    // Collect the previous run's garbage first, so no run pays for another's (npm run bench passes --expose-gc).
    (globalThis as { gc?: () => void }).gc?.();
    const cpu = process.cpuUsage();
    const wall = performance.now();
    await fn();
    const used = process.cpuUsage(cpu);
    const timing = { cpuMs: Math.round((used.user + used.system) / 1000), wallMs: Math.round(performance.now() - wall) };
    if (timing.cpuMs < best.cpuMs) best = timing;
  }
  return best;
}

export const ratio = (total: number, baseline: number): number => Math.round((total / baseline) * 100) / 100;
