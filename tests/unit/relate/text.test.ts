import { describe, expect, it } from 'vitest';
import { fnv1a32, intersectionSize, isPlainText, jaccardAtLeast, leastCountReaching, normalizeWords, overlap, plainWords, wordHashes } from '../../../scripts/pipeline/relate/text.ts';

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

describe('plain text words (the fast path)', () => {
  // The Unicode path, as normalizeWords and claim wording wrote it before the fast path.
  const unicodeWords = (text: string) => text.normalize('NFKC').toLowerCase().replace(/['’‘`ʼ]/g, '').match(/[\p{L}\p{M}\p{N}]+/gu) ?? [];
  const unicodeWording = (text: string) => text.toLowerCase().normalize('NFKC').match(/[\p{L}\p{N}]+/gu) ?? [];
  const plain = [...Array.from({ length: 128 }, (_, unit) => String.fromCharCode(unit)), '\u00a0', '\u2013', '\u2014', '\u2018', '\u2019', '\u201c', '\u201d', '\u2026'];
  // Characters that NFKC or case mapping change, or that are letters, digits or marks outside ASCII.
  const other = ['é', 'e\u0301', 'İ', 'ß', 'ﬁ', 'Ａ', '٣', '²', 'ʼ', 'ع', '\u200b', '½', 'Ω', '\u2028'];
  const texts = Array.from({ length: 3000 }, (_, seed) => {
    let state = seed * 7919 + 1;
    const next = (n: number) => (state = (Math.imul(state, 1103515245) + 12345) >>> 0) % n;
    const alphabet = seed % 3 === 0 ? [...plain, ...other] : plain;
    return Array.from({ length: next(60) }, () => alphabet[next(alphabet.length)]!).join('');
  });

  it('finds the words the Unicode path finds, in any text', () => {
    const differ = texts.filter((text) => JSON.stringify(normalizeWords(text)) !== JSON.stringify(unicodeWords(text)));
    expect(differ).toEqual([]);
    expect(normalizeWords('Syria’s “long-running” presence… in\u00a02025 — ÉTAT')).toEqual(['syrias', 'long', 'running', 'presence', 'in', '2025', 'état']);
  });

  it('takes plain text only, and there gives claim wording’s words too', () => {
    expect(texts.filter(isPlainText).length).toBeGreaterThan(1500);
    expect(['ﬁne', 'café', 'x\u200by', 'Ａ'].some(isPlainText)).toBe(false);
    const differ = texts.filter(isPlainText).filter((text) => JSON.stringify(plainWords(text)) !== JSON.stringify(unicodeWording(text)));
    expect(differ).toEqual([]);
  });
});

describe('wordHashes', () => {
  it('hashes each word as fnv1a32 does, in order, and gives an empty array for no words', () => {
    const words = normalizeWords('Syria’s “reset” with Moscow — 2024, again: Ankara, Ankara and café');
    expect([...wordHashes(words)]).toEqual(words.map(fnv1a32));
    expect(wordHashes([]).length).toBe(0);
  });
});
