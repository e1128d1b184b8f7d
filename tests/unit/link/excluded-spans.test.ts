import { describe, expect, it } from 'vitest';
import { findExcludedSpans, NON_PROSE } from '../../../scripts/pipeline/link/excluded-spans.ts';

describe('findExcludedSpans', () => {
  it('finds URLs, bare domains and handles, and not abbreviations or times', () => {
    const text = 'See https://example.org/a?b=1, www.Example.com and chathamhouse.org; ask @white_lenka. The U.S. said: at 10:30, e.g. now.';
    expect(findExcludedSpans(text).map(({ start, end }) => text.slice(start, end))).toEqual([
      'https://example.org/a?b=1,',
      'www.Example.com',
      'chathamhouse.org',
      '@white_lenka',
    ]);
  });

  it('skips nothing the full pattern would find (the pre-check only saves time)', () => {
    const alphabet = ['w', 'h', 't', 'p', 's', 'a', 'B', 'é', '1', '.', ':', '/', '@', '_', '-', ' ', ','];
    let state = 7;
    const next = (n: number) => (state = (Math.imul(state, 1103515245) + 12345) >>> 0) % n;
    const texts = [
      ...['www.B', 'www.Ü/x', 'HTTP://X', 'http://X', 'https://Ü', 'a@b', '@_', 'x.yz', 'x.y', 'X.YZ', 'é.éé', 'go:to', 'a://b'],
      ...Array.from({ length: 5000 }, () => Array.from({ length: 1 + next(24) }, () => alphabet[next(alphabet.length)]!).join('')),
    ];
    for (const text of texts) {
      // The full pattern, run on every text without the pre-check.
      const expected = [...text.matchAll(NON_PROSE)].map((match) => ({ start: match.index, end: match.index + match[0].length }));
      expect(findExcludedSpans(text), text).toEqual(expected);
    }
  });
});
