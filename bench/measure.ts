/**
 * Timing shared by the benchmarks. A subject is measured against its baseline
 * in the same run, their runs taking turns, so that a busy spell of this shared
 * machine falls on both alike; each keeps its fastest run (the least disturbed).
 *
 * Two clocks: elapsed (wall) time – what a secretary or the committee waits
 * for, and what `ratio` speaks of – and CPU time (user + system of the whole
 * process: worker threads, GC and compiler threads included), which shows the
 * work done whether or not it ran on two cores at once.
 */
import { performance } from "node:perf_hooks";

export interface Timing {
  wallMs: number;
  cpuMs: number;
}

async function timed(fn: () => unknown): Promise<Timing> {
  // Collect the previous run's garbage first, so no run pays for another's (npm run bench passes --expose-gc).
  (globalThis as { gc?: () => void }).gc?.();
  const cpu = process.cpuUsage();
  const wall = performance.now();
  await fn();
  const used = process.cpuUsage(cpu);
  return { wallMs: Math.round(performance.now() - wall), cpuMs: Math.round((used.user + used.system) / 1000) };
}

const faster = (a: Timing, b: Timing): Timing => ({ wallMs: Math.min(a.wallMs, b.wallMs), cpuMs: Math.min(a.cpuMs, b.cpuMs) });
const NEVER: Timing = { wallMs: Infinity, cpuMs: Infinity };

/** The fastest of `runs` runs, by each clock. */
export async function fastest(runs: number, fn: () => unknown): Promise<Timing> {
  let best = NEVER;
  for (let i = 0; i < runs; i++) best = faster(best, await timed(fn));
  return best;
}

/**
 * Baseline and subject in turns, `runs` times each, in the order A B B A A B …:
 * a run right after the other kind is slower (heaps and caches were the other's),
 * and this way each kind also follows itself. The fastest of each by each clock.
 */
export async function against(runs: number, baseline: () => unknown, subject: () => unknown): Promise<{ baseline: Timing; subject: Timing }> {
  let best = { baseline: NEVER, subject: NEVER };
  const runBaseline = async () => (best = { ...best, baseline: faster(best.baseline, await timed(baseline)) });
  const runSubject = async () => (best = { ...best, subject: faster(best.subject, await timed(subject)) });
  for (let i = 0; i < runs; i++) {
    const pair = i % 2 === 0 ? [runBaseline, runSubject] : [runSubject, runBaseline];
    for (const run of pair) await run();
  }
  return best;
}

export const ratio = (total: number, baseline: number): number => Math.round((total / baseline) * 100) / 100;

/** The JSON fields of a comparison: elapsed time first (parseMs, totalMs, ratio), then the same in CPU time. */
export function comparison(times: { baseline: Timing; subject: Timing }) {
  const { baseline, subject } = times;
  return {
    parseMs: baseline.wallMs,
    totalMs: subject.wallMs,
    ratio: ratio(subject.wallMs, baseline.wallMs),
    cpu: { parseMs: baseline.cpuMs, totalMs: subject.cpuMs, ratio: ratio(subject.cpuMs, baseline.cpuMs) },
  };
}
