import { describe, expect, it } from 'vitest';
import { collapseWhitespace, isWhitespaceCode, trailingWhitespaceLength } from '../../../scripts/pipeline/shared/whitespace.ts';

describe('whitespace', () => {
  it('knows every code unit /\\s/ matches, and no other', () => {
    for (let code = 0; code < 0x10000; code++) expect(isWhitespaceCode(code), code.toString(16)).toBe(/\s/u.test(String.fromCharCode(code)));
  });

  it('collapses as replace(/\\s+/g, " ").trim() does', () => {
    const samples = [
      '',
      ' ',
      'one two three',
      'one  two',
      ' lead and trail ',
      'tab\there',
      'line\nbreak\r\nand more',
      'no\u00a0break and\u2009thin',
      'ideographic\u3000space',
      'byte order\ufeffmark',
      '\u2028separators\u2029',
      'ends with two  ',
      'Already plain, with “quotes” and emoji 🇸🇾.',
    ];
    for (const text of samples) expect(collapseWhitespace(text), JSON.stringify(text)).toBe(text.replace(/\s+/g, ' ').trim());
  });

  it('measures trailing whitespace as /\\s+$/ does', () => {
    for (const text of ['', 'word', 'word ', 'word \u00a0\n', '   ', 'a\u3000']) {
      expect(trailingWhitespaceLength(text), JSON.stringify(text)).toBe(/\s+$/u.exec(text)?.[0].length ?? 0);
    }
  });
});
