/** Timing helpers shared by the benchmarks: the median of a few runs, in ms. */
import { performance } from "node:perf_hooks";

export function medianMs(runs: number, fn: () => void): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    fn();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return Math.round(times[Math.floor(times.length / 2)]);
}

export const ratio = (total: number, baseline: number): number => Math.round((total / baseline) * 100) / 100;
