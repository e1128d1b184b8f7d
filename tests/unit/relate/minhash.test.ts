import { describe, expect, it } from 'vitest';
import { DEFAULT_LSH, MAX_BUCKET_CLIQUE, lshCandidatePairs, minhashSignature, sortIndicesByKey } from '../../../scripts/pipeline/relate/minhash.ts';
import { fmix32 } from '../../../scripts/pipeline/relate/text.ts';

const pairs = (found: { first: Uint32Array; second: Uint32Array }) => [...found.first].map((first, k) => [first, found.second[k]!]);

/** `count` items with the same signature: they share every band, so they form one bucket per band. */
function identical(count: number): Uint32Array[] {
  const signature = minhashSignature(Uint32Array.from([1, 2, 3, 4, 5]), DEFAULT_LSH.bands * DEFAULT_LSH.rows);
  return Array.from({ length: count }, () => signature);
}

describe('minhashSignature', () => {
  it('is, for each seeded permutation x ↦ fmix32(x ^ seed), the least value over the shingles', () => {
    const count = DEFAULT_LSH.bands * DEFAULT_LSH.rows;
    const seeds = Array.from({ length: count }, (_, i) => fmix32(Math.imul(i + 1, 0x9e3779b9)));
    const shingles = Uint32Array.from([0, 1, 0x7fffffff, 0x80000000, 0xffffffff, 123456789, 3141592653]);
    const expected = seeds.map((seed) => Math.min(...[...shingles].map((shingle) => fmix32(shingle ^ seed))));
    expect([...minhashSignature(shingles, count)]).toEqual(expected);
    expect([...minhashSignature(new Uint32Array(0), 3)]).toEqual([0xffffffff, 0xffffffff, 0xffffffff]);
  });
});

describe('lshCandidatePairs', () => {
  it('pairs every member of a small bucket with every other, across groups only, sorted and distinct', () => {
    const found = pairs(lshCandidatePairs(identical(4), [0, 1, 1, 2]));
    expect(found).toEqual([
      [0, 1],
      [0, 2],
      [0, 3],
      [1, 3],
      [2, 3],
    ]);
  });

  it('links a large bucket as a star around its first member plus a chain, so the pairs grow linearly', () => {
    const size = 500;
    const found = pairs(lshCandidatePairs(identical(size), Array.from({ length: size }, (_, i) => i)));
    // All pairs would be 124,750; the star and the chain give fewer than 2 per member.
    expect(found.length).toBeLessThan(2 * size);
    expect(size).toBeGreaterThan(MAX_BUCKET_CLIQUE);
    // Every member is paired with the first one (the likely origin) …
    for (let member = 1; member < size; member++) expect(found).toContainEqual([0, member]);
    // … and with its neighbour, so a false first member does not isolate the others.
    expect(found).toContainEqual([250, 251]);
  });

  it('pairs members that share the first member’s group with another group’s first member', () => {
    const size = MAX_BUCKET_CLIQUE + 5;
    const group = Array.from({ length: size }, (_, i) => (i < 3 ? 0 : i));
    const found = pairs(lshCandidatePairs(identical(size), group));
    // Items 1 and 2 are in item 0's article: never paired with it, but with item 3, the first of another article.
    expect(found).not.toContainEqual([0, 1]);
    expect(found).toContainEqual([1, 3]);
    expect(found).toContainEqual([2, 3]);
  });

  it('never pairs items with nothing in common', () => {
    const count = DEFAULT_LSH.bands * DEFAULT_LSH.rows;
    const signatures = Array.from({ length: 50 }, (_, i) => minhashSignature(Uint32Array.from([i * 7 + 1, i * 7 + 2, i * 7 + 3]), count));
    expect(lshCandidatePairs(signatures, signatures.map((_, i) => i)).first.length).toBe(0);
  });
});

describe('sortIndicesByKey', () => {
  it('orders indices by key, ties in index order, like a stable sort', () => {
    const keys = Uint32Array.from({ length: 5000 }, (_, i) => Math.imul(i % 97, 0x9e3779b9) >>> (i % 3 === 0 ? 0 : 20));
    const order = new Uint32Array(keys.length);
    const sortedKeys = new Uint32Array(keys.length);
    sortIndicesByKey(keys, order, new Uint32Array(keys.length), sortedKeys);
    const expected = [...keys.keys()].sort((a, b) => keys[a]! - keys[b]! || a - b);
    expect([...order]).toEqual(expected);
    expect([...sortedKeys]).toEqual(expected.map((index) => keys[index]!));
  });
});
