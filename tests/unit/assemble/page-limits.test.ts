import { describe, expect, it } from 'vitest';
import { firstOfSorted, keepBest, lastOfSorted, shareOut } from '../../../scripts/pipeline/assemble/page-limits.ts';

describe('keepBest', () => {
  it('keeps the best-ranked items, in their original order', () => {
    expect(keepBest([5, 1, 9, 3, 7], 3, (a, b) => b - a)).toEqual([5, 9, 7]);
  });

  it('breaks ties by position and keeps short lists whole', () => {
    expect(keepBest(['b', 'a', 'c'], 2, () => 0)).toEqual(['b', 'a']);
    expect(keepBest([1, 2], 5, (a, b) => a - b)).toEqual([1, 2]);
  });
});

describe('firstOfSorted and lastOfSorted', () => {
  // Items with few distinct keys, so most comparisons are ties: the order among ties is what a stable sort keeps.
  const lists = Array.from({ length: 200 }, (_, seed) => {
    let state = seed + 1;
    const next = () => (state = (Math.imul(state, 1103515245) + 12345) >>> 0) % 7;
    return Array.from({ length: seed % 40 }, (_, position) => ({ key: next(), position }));
  });
  const byKey = (a: { key: number }, b: { key: number }) => a.key - b.key;

  it('give what sorting the whole list and slicing it gives, ties in input order', () => {
    for (const list of lists) {
      for (const count of [0, 1, 2, 3, 5, 12, 30, 50]) {
        expect(firstOfSorted(list, count, byKey)).toEqual([...list].sort(byKey).slice(0, count));
        expect(lastOfSorted(list, count, byKey)).toEqual(count === 0 ? [] : [...list].sort(byKey).slice(-count));
      }
    }
  });

  it('leave the list as it was', () => {
    const list = [3, 1, 2];
    firstOfSorted(list, 2, (a, b) => a - b);
    lastOfSorted(list, 2, (a, b) => a - b);
    expect(list).toEqual([3, 1, 2]);
  });
});

describe('shareOut', () => {
  it('lets small groups keep everything and cuts large ones to one level', () => {
    expect(shareOut([3, 50, 80], 60)).toEqual([3, 28, 29]);
  });

  it('never exceeds the budget or a group, and uses the whole budget when there is enough', () => {
    const sizes = [40, 2, 17, 0, 33, 9, 120];
    for (const budget of [0, 1, 10, 50, 100, 221, 500]) {
      const kept = shareOut(sizes, budget);
      kept.forEach((k, i) => expect(k).toBeLessThanOrEqual(sizes[i]!));
      const total = kept.reduce((a, b) => a + b, 0);
      expect(total).toBe(Math.min(budget, sizes.reduce((a, b) => a + b, 0)));
    }
  });

  it('cuts nothing when everything fits (small sites show every item)', () => {
    expect(shareOut([46, 30, 20, 10, 6], 120)).toEqual([46, 30, 20, 10, 6]);
  });
});
