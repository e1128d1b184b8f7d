import { describe, expect, it } from 'vitest';
import { textWidth } from '../../../scripts/pipeline/charts/map-labels.ts';
import { createRandom } from '../../../scripts/bench/corpus.ts';

/** The estimate as first written: a class per character by regular expressions, characters by code point. */
function reference(text: string, fontSize: number, options: { bold?: boolean; letterSpacing?: number } = {}): number {
  const advance = (char: string): number => {
    if (/[iIl.,:;|!'’]/.test(char)) return 0.3;
    if (/[fjrt()\-–—\s]/.test(char)) return 0.37;
    if (/[mwMW]/.test(char)) return 0.9;
    if (/[A-Z]/.test(char)) return 0.7;
    if (/[0-9]/.test(char)) return 0.58;
    return 0.56;
  };
  let em = 0;
  for (const char of text) em += advance(char);
  return Math.ceil(em * fontSize * (options.bold ? 1.19 : 1.05) + (options.letterSpacing ?? 0) * [...text].length);
}

describe('textWidth', () => {
  it('gives exactly the per-character estimate, for any text', () => {
    const next = createRandom(15);
    // Every class, whitespace of several kinds, letters of other scripts, emoji (surrogate pairs) and lone surrogates.
    const alphabet = [..."iIl.,:;|!'’fjrt()-–— \t\u00a0\u2009\u3000mwMWAZQ09az—éßЖж中ع", '😀', '𝔸', '\ud800', '\udfff'];
    for (let run = 0; run < 2000; run++) {
      const length = Math.floor(next() * 40);
      let text = '';
      for (let i = 0; i < length; i++) text += alphabet[Math.floor(next() * alphabet.length)];
      const size = [9, 11.5, 12, 14][run % 4]!;
      const options = [{}, { bold: true }, { letterSpacing: 0.4 }, { bold: true, letterSpacing: 1 }][Math.floor(run / 4) % 4]!;
      expect(textWidth(text, size, options), JSON.stringify(text)).toBe(reference(text, size, options));
    }
  });

  it('measures a surrogate pair as one character and a lone surrogate as one', () => {
    expect(textWidth('😀', 10, { letterSpacing: 1 })).toBe(reference('😀', 10, { letterSpacing: 1 }));
    expect(textWidth('a\ud800b', 10, { letterSpacing: 1 })).toBe(Math.ceil(0.56 * 3 * 10 * 1.05 + 3));
    expect(textWidth('\ud800', 10)).toBe(textWidth('a', 10));
  });
});
