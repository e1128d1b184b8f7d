import { describe, expect, it } from 'vitest';
import { hasXmlForbidden, neutraliseJson, pagefindUiText, stripXmlForbidden } from '../../../scripts/pipeline/shared/escape.ts';

describe('characters XML forbids', () => {
  it('removes C0 controls (but tab and line breaks), U+FFFE, U+FFFF and lone surrogates, and names them', () => {
    const { text, removed } = stripXmlForbidden('a\u0000b\u0001\u0008\u000b\u000c\u000e\u001f c\ufffe\uffff d\ud800e\udfff f');
    expect(text).toBe('ab c de f');
    expect(removed).toEqual(['U+0000', 'U+0001', 'U+0008', 'U+000B', 'U+000C', 'U+000E', 'U+001F', 'U+FFFE', 'U+FFFF', 'U+D800', 'U+DFFF']);
  });

  it('keeps tab, line breaks, paired surrogates and every other character', () => {
    const text = 'tab\tnl\ncr\r emoji 😀 عربي \u2028 \u202e bidi \ufffd \ufeff';
    expect(hasXmlForbidden(text)).toBe(false);
    expect(stripXmlForbidden(text)).toEqual({ text, removed: [] });
  });

  it('finds every code unit XML forbids, alone or beside a half of a pair, and nothing else', () => {
    // XML 1.0 Char, code unit by code unit: what a reader of the feed accepts.
    const allowed = (unit: number) => unit === 0x9 || unit === 0xa || unit === 0xd || (unit >= 0x20 && unit <= 0xd7ff) || (unit >= 0xe000 && unit <= 0xfffd);
    const wrong: string[] = [];
    for (let unit = 0; unit <= 0xffff; unit++) {
      const character = String.fromCharCode(unit);
      if (hasXmlForbidden(`a${character}b`) === allowed(unit)) wrong.push(`U+${unit.toString(16)}`);
    }
    expect(wrong).toEqual([]);
    expect([hasXmlForbidden('\ud83d\ude00'), hasXmlForbidden('\ude00\ud83d'), hasXmlForbidden('\ud83d\ud83d\ude00')]).toEqual([false, true, true]);
    expect(stripXmlForbidden('x\ud83d\ude00\ude00y')).toEqual({ text: 'x\ud83d\ude00y', removed: ['U+DE00'] });
  });

  it('answers the same on repeated calls (no regex state left over)', () => {
    expect([hasXmlForbidden('x\uffff'), hasXmlForbidden('x\uffff'), hasXmlForbidden('x')]).toEqual([true, true, false]);
  });
});

describe('JSON placed in HTML', () => {
  it('escapes what could end a script element or open a comment, and stays the same JSON value', () => {
    const value = { a: '</script><!-- <script>x</script> & \u2028\u2029', list: ['<b>'] };
    const json = neutraliseJson(value);
    expect(json).not.toMatch(/[<>&\u2028\u2029]/);
    expect(json).toContain('\\u003c/script\\u003e');
    expect(JSON.parse(json)).toEqual(value);
  });
});

describe('Pagefind filter values (shown as HTML by its search dialog)', () => {
  it('survive two decodings as HTML that shows the original text', () => {
    const outlet = `<img src=x onerror="alert(1)"> AT&T 'x'`;
    const value = pagefindUiText(outlet);
    expect(value).not.toMatch(/[<>]/);
    const decode = (text: string) => text.replace(/&#(\d+);/g, (_, code: string) => String.fromCharCode(Number(code)));
    // The indexer decodes once (after the page's own escaping is undone): what it stores is still HTML.
    expect(decode(value)).toBe(`&#60;img src=x onerror="alert(1)"&#62; AT&#38;T 'x'`);
    expect(decode(decode(value))).toBe(outlet);
  });
});
