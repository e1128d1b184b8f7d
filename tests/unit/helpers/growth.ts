/**
 * How much longer a piece of work takes when its input grows `factor` times,
 * timed in the same run: the fastest of `rounds` runs at each size, after a
 * warm-up. Why a ratio and not a time limit: the machines running the suite
 * are shared, so seconds say little (a limit that holds on a quiet machine
 * fails at a load of 20), while load slows both sizes alike. Linear work
 * grows about `factor` times, quadratic work about `factor`² times: the
 * suites assert a bound between the two, so the guard is against a change in
 * complexity, never against a speed figure (those are in `npm run bench`).
 */
import { performance } from 'node:perf_hooks';

export function growthRatio(work: (size: number) => unknown, small: number, factor: number, rounds = 5): number {
  const fastest = (size: number): number => {
    let best = Infinity;
    for (let round = 0; round < rounds; round++) {
      const started = performance.now();
      work(size);
      best = Math.min(best, performance.now() - started);
    }
    return best;
  };
  work(small);
  const base = fastest(small);
  // Below a millisecond the timer's grain would decide the ratio.
  return fastest(small * factor) / Math.max(base, 1);
}

/**
 * The bound the suites assert for linear work grown 8 times: 5× linear (40), so
 * a garbage collection or a load spike in the larger runs does not fail it,
 * and still well under quadratic (64).
 */
export const linearBound = (factor: number): number => factor * 5;
