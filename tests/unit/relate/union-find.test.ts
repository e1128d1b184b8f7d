import { describe, expect, it } from 'vitest';
import { IndexUnionFind, UnionFind } from '../../../scripts/pipeline/relate/union-find.ts';

describe('IndexUnionFind', () => {
  it('groups positions exactly as UnionFind groups the same keys', () => {
    let state = 7;
    const random = (below: number) => {
      state = (state * 1103515245 + 12345) % 2 ** 31;
      return state % below;
    };
    for (const size of [1, 2, 10, 200]) {
      const byKey = new UnionFind();
      for (let position = 0; position < size; position++) byKey.add(String(position));
      const byPosition = new IndexUnionFind(size);
      for (let step = 0; step < size; step++) {
        const [a, b] = [random(size), random(size)];
        byKey.union(String(a), String(b));
        byPosition.union(a, b);
      }
      expect(byPosition.groups()).toEqual(byKey.groups().map((group) => group.map(Number)));
      for (let position = 0; position < size; position++) {
        const together = byPosition.groups().find((group) => group.includes(position))!;
        expect(together.every((other) => byPosition.find(other) === byPosition.find(position))).toBe(true);
      }
    }
  });

  it('keeps every position apart until joined', () => {
    const sets = new IndexUnionFind(3);
    expect(sets.groups()).toEqual([[0], [1], [2]]);
    sets.union(2, 0);
    expect(sets.groups()).toEqual([[0, 2], [1]]);
  });
});
