import { describe, expect, it } from 'vitest';
import { IndexUnionFind, UnionFind } from '../../../scripts/pipeline/relate/union-find.ts';

/** The reference: connected components of the joined pairs, by repeated relabelling; groups by first member. */
function components(size: number, pairs: [number, number][]): number[][] {
  const label = Array.from({ length: size }, (_, position) => position);
  for (let changed = true; changed; ) {
    changed = false;
    for (const [a, b] of pairs) {
      const low = Math.min(label[a]!, label[b]!);
      if (label[a] !== low || label[b] !== low) {
        label[a] = label[b] = low;
        changed = true;
      }
    }
  }
  const byLabel = new Map<number, number[]>();
  label.forEach((value, position) => byLabel.set(value, [...(byLabel.get(value) ?? []), position]));
  return [...byLabel.values()].sort((x, y) => x[0]! - y[0]!);
}

describe('IndexUnionFind and UnionFind', () => {
  it('join exactly the connected components of the pairs joined, by position and by key', () => {
    let state = 7;
    const random = (below: number) => {
      state = (state * 1103515245 + 12345) % 2 ** 31;
      return state % below;
    };
    for (const size of [1, 2, 10, 200]) {
      const byKey = new UnionFind();
      for (let position = 0; position < size; position++) byKey.add(`k${position}`);
      const byPosition = new IndexUnionFind(size);
      const pairs: [number, number][] = [];
      for (let step = 0; step < size; step++) {
        const pair: [number, number] = [random(size), random(size)];
        pairs.push(pair);
        byKey.union(`k${pair[0]}`, `k${pair[1]}`);
        byPosition.union(...pair);
      }
      const expected = components(size, pairs);
      expect(byPosition.groups()).toEqual(expected);
      expect(byKey.groups()).toEqual(expected.map((group) => group.map((position) => `k${position}`)));
      for (const group of expected) {
        expect(new Set(group.map((position) => byPosition.find(position))).size).toBe(1);
        expect(group.map((position) => `k${position}`)).toContain(byKey.find(`k${group[0]}`));
      }
    }
  });

  it('keeps every position apart until joined', () => {
    const sets = new IndexUnionFind(3);
    expect(sets.groups()).toEqual([[0], [1], [2]]);
    sets.union(2, 0);
    expect(sets.groups()).toEqual([[0, 2], [1]]);
  });

  it('adds a key the first time it is named, in first-seen order', () => {
    const sets = new UnionFind();
    sets.union('b', 'a');
    sets.add('c');
    sets.add('a');
    expect(sets.groups()).toEqual([['b', 'a'], ['c']]);
  });
});
