/**
 * A run of items two threads share from its two ends: the front thread takes
 * them in ascending order, the back thread in descending order, each item
 * claimed with a compare-and-swap on its byte of a shared array, until the
 * two meet. Each item is taken exactly once, by whichever thread gets there
 * first, so the faster thread does more of the run and neither waits long
 * for the other; and each thread's items are one contiguous stretch.
 */

/** The shared claims of a run of `length` items, for both threads. */
export function sharedClaims(length: number): Int8Array {
  return new Int8Array(new SharedArrayBuffer(Math.max(1, length)));
}

/**
 * Takes positions of a run of `length` items from `side`'s end until the
 * other thread has the next one; returns `process` of each, in ascending
 * order of position.
 */
export function takeFromEnd<R>(side: 'front' | 'back', length: number, claims: Int8Array, process: (position: number) => R): R[] {
  const results: R[] = [];
  const step = side === 'front' ? 1 : -1;
  for (let k = side === 'front' ? 0 : length - 1; k >= 0 && k < length; k += step) {
    if (!claim(side, claims, k)) break;
    results.push(process(k));
  }
  return side === 'front' ? results : results.reverse();
}

/**
 * Claims one position for `side`'s thread: true if it was free. For a thread
 * that takes its side's items one at a time, as it gets to each, rather than
 * in one run (`takeFromEnd`); the first it fails to claim is where the other
 * thread's share begins.
 */
export function claim(side: 'front' | 'back', claims: Int8Array, position: number): boolean {
  return Atomics.compareExchange(claims, position, 0, side === 'front' ? 1 : 2) === 0;
}
