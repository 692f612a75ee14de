/**
 * Timing helpers shared by the benchmarks. Times are CPU time (user + system)
 * of this process, the fastest of a few runs: on a busy machine the fastest run
 * is the one least disturbed, and a ratio against a baseline measured the same
 * way in the same run is what the targets speak of.
 */
export function fastestMs(runs: number, fn: () => void): number {
  let best = Infinity;
  for (let i = 0; i < runs; i++) {
    const start = process.cpuUsage();
    fn();
    const used = process.cpuUsage(start);
    best = Math.min(best, (used.user + used.system) / 1000);
  }
  return Math.round(best);
}

export const ratio = (total: number, baseline: number): number => Math.round((total / baseline) * 100) / 100;
