import { describe, expect, it } from 'vitest';
import { safeHead, UnsafeHeadError } from '../../../src/lib/safe-head.ts';
import { jsonLdHead } from '../../../scripts/pipeline/emit/json-ld.ts';
import { titleHead } from '../../../scripts/pipeline/emit/title.ts';

const payload = `</title><img src=x onerror=alert(1)> x</title><!-- </script><script>alert(2)</script> &amp; \u2028`;

describe('every head entry passes one gate (src/lib/safe-head.ts)', () => {
  it('keeps a title as text, whatever it holds, for Head.astro to escape', () => {
    const [title] = safeHead([{ tag: 'title', content: `${payload} | ${payload}` }]);
    expect(title).toEqual({ kind: 'element', tag: 'title', attrs: {}, text: `${payload} | ${payload}` });
  });

  it('serialises JSON-LD again with <, >, & and line separators escaped, so it can neither close its script nor open a comment', () => {
    const [entry] = safeHead([{ tag: 'script', attrs: { type: 'application/ld+json' }, content: JSON.stringify({ name: payload }) }]);
    expect(entry!.kind).toBe('json');
    const json = entry!.kind === 'json' ? entry!.json : '';
    expect(json).not.toMatch(/[<>&\u2028\u2029]/);
    expect(JSON.parse(json)).toEqual({ name: payload });
  });

  it('gives the same neutral JSON for the pipeline’s JSON-LD entries', () => {
    const head = jsonLdHead({ '@type': 'Thing', name: payload });
    expect(head.content).not.toMatch(/[<>&\u2028\u2029]/);
    const [entry] = safeHead([head]);
    expect(entry!.kind === 'json' && entry!.json).toBe(head.content);
  });

  it('refuses inline code and anything that is not a plain attribute', () => {
    expect(() => safeHead([{ tag: 'script', content: 'alert(1)' }])).toThrow(UnsafeHeadError);
    expect(() => safeHead([{ tag: 'style', content: 'body{}' }])).toThrow(UnsafeHeadError);
    expect(() => safeHead([{ tag: 'script', attrs: { type: 'application/ld+json' }, content: '{"a":1}</script>' }])).toThrow(/not valid JSON/);
    expect(() => safeHead([{ tag: 'meta', attrs: { onload: 'alert(1)' } }])).toThrow(/attribute name/);
    expect(() => safeHead([{ tag: 'meta', attrs: { 'content"><img': 'x' } }])).toThrow(/attribute name/);
    expect(() => safeHead([{ tag: 'link', attrs: { rel: 'canonical', href: ' JaVa\tScript:alert(1)' } }])).toThrow(/script or data URL/);
    expect(() => safeHead([{ tag: 'iframe' }])).toThrow(/refused/);
  });

  it('passes ordinary head entries through, attribute values untouched (Astro quotes and escapes them)', () => {
    const entries = [
      { tag: 'meta', attrs: { charset: 'utf-8' } },
      { tag: 'meta', attrs: { property: 'og:site_name', content: payload } },
      { tag: 'link', attrs: { rel: 'canonical', href: 'https://example.org/a/' } },
      { tag: 'script', attrs: { src: '/x.js', defer: true, async: false } },
    ];
    expect(safeHead(entries)).toEqual([
      { kind: 'element', tag: 'meta', attrs: { charset: 'utf-8' } },
      { kind: 'element', tag: 'meta', attrs: { property: 'og:site_name', content: payload } },
      { kind: 'element', tag: 'link', attrs: { rel: 'canonical', href: 'https://example.org/a/' } },
      { kind: 'element', tag: 'script', attrs: { src: '/x.js', defer: true } },
    ]);
  });

  it('takes the shortened title as text too (no double escaping)', () => {
    const head = titleHead(`${payload} and more words to make the title long enough to be shortened`, 'Site & co');
    expect(head!.content.endsWith(' | Site & co')).toBe(true);
    expect(head!.content.startsWith('</title><img')).toBe(true);
    expect(safeHead([head!])[0]).toMatchObject({ kind: 'element', text: head!.content });
  });
});
