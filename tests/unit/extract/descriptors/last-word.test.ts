import { describe, expect, it } from 'vitest';
import { LAST_WORD, lastWordBefore } from '../../../../scripts/pipeline/extract/descriptors/last-word.ts';
import { createRandom } from '../../../../scripts/bench/corpus.ts';

/** The pattern over the text up to `end`, as the walk answers. */
function oracle(text: string, end: number): { 1: string; index: number } | undefined {
  const match = LAST_WORD.exec(text.slice(0, end));
  return match ? { 1: match[1]!, index: match.index } : undefined;
}

describe('lastWordBefore', () => {
  it('finds what the pattern finds, for any text and offset', () => {
    const next = createRandom(23);
    // Letters of several scripts, digits (also other scripts'), the word's punctuation, white space of
    // several kinds, other punctuation, astral letters and digits, an astral symbol, lone surrogates.
    const alphabet = [..."aZé中Жع05٣.'’- \t\n\u00a0\u2009\u3000,;()\"–", '𝔸', '𝟘', '😀', '\ud800', '\udfff'];
    let found = 0;
    for (let run = 0; run < 20_000; run++) {
      const length = Math.floor(next() * 24);
      let text = '';
      for (let i = 0; i < length; i++) text += alphabet[Math.floor(next() * alphabet.length)];
      // Any offset, including one that cuts a surrogate pair.
      const end = Math.floor(next() * (text.length + 1));
      const expected = oracle(text, end);
      if (expected) found++;
      expect(lastWordBefore(text, end), JSON.stringify([text, end])).toEqual(expected);
    }
    // The random texts reach both answers.
    expect(found).toBeGreaterThan(500);
    expect(found).toBeLessThan(19_500);
  });

  it('reads a title word before a name, from its first letter', () => {
    const text = 'the former 3rd-ranking spokesman  Dmitry';
    expect(lastWordBefore(text, text.indexOf('Dmitry'))).toEqual({ 1: 'spokesman', index: text.indexOf('spokesman') });
    // From its first letter: the digit before it is left out.
    expect(lastWordBefore(text, text.indexOf('spokesman'))).toEqual({ 1: 'rd-ranking', index: text.indexOf('rd-ranking') });
    expect(lastWordBefore('spokesman', 9)).toBeUndefined();
    expect(lastWordBefore('', 0)).toBeUndefined();
  });
});
