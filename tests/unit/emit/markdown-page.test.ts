import type { Root } from 'mdast';
import { markdownToHtml } from 'satteri';
import { describe, expect, it } from 'vitest';
import { htmlElementsToTags, mdxFeatures, serializeMarkdown, toSafeMarkdown, UnsafeMdxError, verifyMarkdown } from '../../../scripts/pipeline/emit/mdx.ts';
import { block, heading, inline, link, paragraph, root, text } from '../../../scripts/pipeline/emit/nodes.ts';
import { docsFile, renderPage } from '../../../scripts/pipeline/emit/page.ts';

const hostile = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '</span></div><div onclick="x">',
  '[link](javascript:alert(1)) ![i](x) <https://example.org>',
  'import x from "y"',
  '{expression} &amp; &#x27; *em* _em_ `code`',
  '# heading\n- list\n> quote\n\n<div>',
];

/** A source-page paragraph: a div with a sentence span holding hostile text and a link, and the pilcrow. */
function page(value: string): Root {
  return root([
    block('div', { id: 'p-x', class: 'para para--paragraph' }, [
      paragraph([
        inline('span', { id: 's-1', class: 'sentence' }, [text(value), link('../../actors/russia/', value), text(value)]),
        inline('a', { class: 'para__anchor', href: '#p-x', 'aria-label': 'Link to this paragraph', 'data-pagefind-ignore': true }, [text('¶')]),
      ]),
    ]),
    heading(2, value),
  ]);
}

describe('Markdown pages', () => {
  it('keep hostile text as text: the only tags in the HTML are the generated ones', async () => {
    for (const value of hostile) {
      const source = toSafeMarkdown({ title: value }, page(value));
      const body = source.slice(source.indexOf('\n---\n') + 5);
      const { html } = await markdownToHtml(body, { features: mdxFeatures });
      const tags = [...html.matchAll(/<([a-z0-9]+)\b/g)].map((match) => match[1]);
      expect(tags, value).toEqual(['div', 'p', 'span', 'a', 'a', 'h2']);
      const attributes = [...html.matchAll(/<[a-z][^>]*>/g)].map((match) => match[0]).join(' ');
      expect(attributes, value).not.toMatch(/onerror|onclick|javascript:/);
    }
  });

  it('are written as .md files', () => {
    const file = renderPage({ path: '/sources/a/', frontmatter: { title: 't' }, tree: page('x'), format: 'md' });
    expect(file.file).toBe('sources/a.md');
    expect(docsFile('/actors/b/')).toBe('actors/b.mdx');
    expect(file.source).toContain('<div id="p-x" class="para para--paragraph">');
  });

  it('refuse components, expressions and attribute values that did not come from the generator', () => {
    const withComponent = root([block('SourceMeta', { data: { outlet: 'x' } })]);
    expect(() => htmlElementsToTags(withComponent)).toThrow(UnsafeMdxError);
    const withText = root([block('div', { id: 'p-x', title: 'Text "from" an article' }, [])]);
    expect(() => htmlElementsToTags(withText)).toThrow(/value of title/);
    const withEsm = root([{ type: 'mdxjsEsm', value: 'import x from "y"' }]);
    expect(() => htmlElementsToTags(withEsm)).toThrow(UnsafeMdxError);
  });

  it('fail the check when the written Markdown holds a tag or link the tree does not', () => {
    const tree = htmlElementsToTags(page('harmless'));
    const { source } = serializeMarkdown({ title: 't' }, tree);
    expect(() => verifyMarkdown(source, tree)).not.toThrow();
    expect(() => verifyMarkdown(source.replace('harmless', '<b>x</b>'), tree)).toThrow(/html:<b>/);
    expect(() => verifyMarkdown(source.replace('harmless', '[x](http://evil.example)'), tree)).toThrow(/link:http:\/\/evil.example/);
  });
});

describe('Markdown page frontmatter', () => {
  it('reads back, with js-yaml as Astro does, exactly as written, large values included', async () => {
    const { load } = await import('js-yaml');
    const frontmatter = {
      title: '2026-01-29',
      description: 'yes: no "quotes" \\ back\nslash',
      kind: 'source',
      source: {
        meta: { publishedIso: '2024-03-16', outlet: 'on', author: '1e3' },
        removed: Array.from({ length: 40 }, (_, i) => ({ kind: 'share', line: i, text: `Share “this” on\t${'x'.repeat(i)} # not a comment: {not: flow} [x] &anchor *alias` })),
      },
    };
    const { source } = serializeMarkdown(frontmatter, root([paragraph('x')]));
    expect(source).toContain('source: {"meta":');
    const yaml = source.slice(4, source.indexOf('\n---\n') + 1);
    expect(load(yaml)).toEqual(frontmatter);
  });
});
