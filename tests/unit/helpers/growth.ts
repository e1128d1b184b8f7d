/**
 * How much longer a piece of work takes when its input grows `factor` times,
 * timed in the same run: the fastest of `rounds` runs at each size, the sizes
 * taken in turns after a warm-up. Why a ratio and not a time limit: the
 * machines running the suite are shared, so seconds say little (a limit that
 * holds on a quiet machine fails at a load of 20), while load slows both sizes
 * alike. Linear work
 * grows about `factor` times, quadratic work about `factor`² times: the
 * suites assert a bound between the two, so the guard is against a change in
 * complexity, never against a speed figure (those are in `npm run bench`).
 */
import { performance } from 'node:perf_hooks';

export function growthRatio(work: (size: number) => unknown, small: number, factor: number, rounds = 5): number {
  const timed = (size: number): number => {
    const started = performance.now();
    work(size);
    return performance.now() - started;
  };
  work(small);
  // The two sizes in turns, so that a slow spell (another suite's build, a collection) falls on
  // both: timing all the small runs first let one spell land on the large runs alone, and the
  // date extractor measured 44× for 8× the input under the full suite's load (12–13× alone).
  let base = Infinity;
  let grown = Infinity;
  for (let round = 0; round < rounds; round++) {
    base = Math.min(base, timed(small));
    grown = Math.min(grown, timed(small * factor));
  }
  // Below a millisecond the timer's grain would decide the ratio.
  return grown / Math.max(base, 1);
}

/**
 * The bound the suites assert for linear work grown 8 times: 5× linear (40), so
 * a garbage collection or a load spike in the larger runs does not fail it,
 * and still well under quadratic (64).
 */
export const linearBound = (factor: number): number => factor * 5;
