import { describe, expect, it } from 'vitest';
import { intersectionSize, jaccardAtLeast, leastCountReaching, overlap } from '../../../scripts/pipeline/relate/text.ts';

/** A small deterministic generator, so a failure names a reproducible case. */
function generator(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/** Sorted distinct values drawn from 0 … range−1. */
function sortedSet(random: () => number, size: number, range: number): Uint32Array {
  const values = new Set<number>();
  while (values.size < Math.min(size, range)) values.add(Math.floor(random() * range));
  return Uint32Array.from([...values].sort((a, b) => a - b));
}

describe('jaccardAtLeast', () => {
  it('answers exactly as overlap().jaccard >= threshold, at and around every threshold', () => {
    const random = generator(7);
    let agreedTrue = 0;
    for (let round = 0; round < 4000; round++) {
      // Narrow ranges make large overlaps common, so both answers are exercised.
      const range = 2 + Math.floor(random() * 40);
      const a = sortedSet(random, Math.floor(random() * 30), range);
      const b = sortedSet(random, Math.floor(random() * 30), range);
      const exact = overlap(a, b).jaccard;
      for (const threshold of [0.5, 0.6, 0.7, 0.8, exact, Math.max(0, exact - Number.EPSILON)]) {
        const expected = exact >= threshold;
        expect(jaccardAtLeast(a, b, threshold), `${[...a]} / ${[...b]} at ${threshold}`).toBe(expected);
        if (expected && threshold > 0) agreedTrue++;
      }
    }
    expect(agreedTrue).toBeGreaterThan(1000);
  });

  it('is false for two empty sets and for a set against an empty one, as overlap is', () => {
    expect(jaccardAtLeast(new Uint32Array(0), new Uint32Array(0), 0.7)).toBe(false);
    expect(jaccardAtLeast(Uint32Array.from([1, 2]), new Uint32Array(0), 0.7)).toBe(false);
    expect(jaccardAtLeast(Uint32Array.from([1, 2, 3]), Uint32Array.from([1, 2, 3]), 1)).toBe(true);
  });
});

describe('leastCountReaching', () => {
  it('finds the least count that reaches the test, or one past the most when none does', () => {
    expect(leastCountReaching(0, 10, (count) => count / 10 >= 0.6)).toBe(6);
    expect(leastCountReaching(-3, 10, (count) => count >= 0)).toBe(0);
    expect(leastCountReaching(0, 4, () => false)).toBe(5);
  });
});

describe('intersectionSize', () => {
  it('counts the shared values, and with a floor it stops early only below that floor', () => {
    const a = Uint32Array.from([1, 3, 5, 7, 9]);
    const b = Uint32Array.from([3, 4, 5, 9, 11]);
    expect(intersectionSize(a, b)).toBe(3);
    expect(intersectionSize(a, b, 3)).toBe(3);
    expect(intersectionSize(a, b, 4)).toBeLessThan(4);
    expect(intersectionSize(Int32Array.from([2, 4]), Int32Array.from([4]))).toBe(1);
  });
});
