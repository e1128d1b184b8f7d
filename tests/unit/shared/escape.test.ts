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
