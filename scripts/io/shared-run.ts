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
 * Takes items of the run from `side`'s end until the other thread has the
 * next one; returns the results in ascending order of the items.
 */
export function takeFromEnd<T, R>(side: 'front' | 'back', items: readonly T[], claims: Int8Array, process: (item: T) => R): R[] {
  const results: R[] = [];
  const mark = side === 'front' ? 1 : 2;
  const step = side === 'front' ? 1 : -1;
  for (let k = side === 'front' ? 0 : items.length - 1; k >= 0 && k < items.length; k += step) {
    if (Atomics.compareExchange(claims, k, 0, mark) !== 0) break;
    results.push(process(items[k]!));
  }
  return side === 'front' ? results : results.reverse();
}
