import { describe, expect, it } from 'vitest';
import { detectSharedPassages } from '../../../scripts/pipeline/relate/shared-passages.ts';
import { article } from './fixtures.ts';

/** Deterministic pseudo-random words (tests may not use Math.random either: reproducible failures). */
function generator(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const VOCABULARY = Array.from({ length: 3000 }, (_, i) => `w${i.toString(36)}`);

function sentence(next: () => number): string {
  const length = 10 + Math.floor(next() * 12);
  const words = Array.from({ length }, () => VOCABULARY[Math.floor(next() * VOCABULARY.length)]!);
  return `${words[0]!.toUpperCase()} ${words.slice(1).join(' ')}.`;
}

describe('detectSharedPassages at scale', () => {
  it('handles 2,000 articles × 20 paragraphs through LSH, finding exactly the planted copies', () => {
    const next = generator(42);
    const articles = Array.from({ length: 2000 }, (_, i) =>
      article(
        `a${String(i).padStart(4, '0')}`,
        Array.from({ length: 20 }, () => Array.from({ length: 3 }, () => sentence(next)).join(' ')),
        `2026-01-${String(1 + (i % 28)).padStart(2, '0')}`,
      ),
    );
    // Every 100th article republishes paragraph 3 of the article before it.
    for (let i = 100; i < 2000; i += 100) {
      const source = articles[i - 1]!;
      const target = articles[i]!;
      target.paragraphs[5] = { ...source.paragraphs[3]!, id: `${source.paragraphs[3]!.id}-copy` };
    }
    const started = performance.now();
    const found = detectSharedPassages(articles);
    const elapsed = performance.now() - started;
    console.log(`detectSharedPassages: 2000 articles × 20 paragraphs in ${elapsed.toFixed(0)} ms, ${found.length} passages`);
    expect(found).toHaveLength(19);
    expect(found.every((p) => p.similarity === 1)).toBe(true);
    // Exactly one side of each passage is the planted copy; the other is its source paragraph.
    expect(found.every((p) => p.a.paragraphId.endsWith('-copy') !== p.b.paragraphId.endsWith('-copy'))).toBe(true);
    // Dates wrap every 28 articles: a1400 (1 January) is older than its source a1399 (28 January).
    expect(found.filter((p) => p.origin === 'a1400')).toHaveLength(1);
  }, 120_000);
});
