import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { h } from 'hastscript';
import { toHtml } from 'hast-util-to-html';
import { visit } from 'unist-util-visit';
import { describe, expect, it } from 'vitest';
import { assertGenerated, prebuildBody, UnsafeHtmlError, type PrebuiltBody } from '../../../scripts/pipeline/emit/html.ts';
import { renderPrebuiltPage } from '../../../scripts/pipeline/emit/page.ts';
import { hasFlagEmoji } from '../../../scripts/pipeline/shared/flag-emoji.ts';
import { emitArticleBody, emitSourcePage } from '../../../scripts/pipeline/emit/source-page.ts';
import type { SourcePage } from '../../../scripts/pipeline/assemble/source-page.ts';

const hostile = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '</span></div><div onclick="x">',
  '[link](javascript:alert(1)) ![i](x) <https://example.org>',
  'import x from "y"',
  '{expression} &amp; &#x27; *em* _em_ `code`',
  '# heading\n- list\n> quote\n\n<div>',
  '<!-- comment --><![CDATA[x]]>',
];

/** The article of `page(value)`: a paragraph, a heading and a tweet, all `value`. */
function body(value: string): PrebuiltBody {
  const runs = [{ sentenceId: 's-1', inlines: [{ type: 'text' as const, value }, { type: 'link' as const, value, path: '/actors/russia/' }] }];
  return emitArticleBody({
    path: '/sources/a/',
    paragraphs: [
      { id: 'p-1', kind: 'paragraph', line: 1, runs },
      { id: 'p-2', kind: 'heading', line: 2, runs: [{ inlines: [{ type: 'text', value }] }] },
      { id: 'p-3', kind: 'tweet', line: 3, runs, tweet: { author: value, handle: 'x', date: value } },
    ],
  });
}

/** A source page whose every piece of text is `value`: title, references, removed lines (its article is `body(value)`). */
function page(value: string): SourcePage {
  return {
    kind: 'source',
    path: '/sources/a/',
    slug: 'a',
    title: value,
    description: value,
    outletLabel: value,
    file: 'content/articles/a.txt',
    removed: [{ kind: 'share-prompt', line: 4, text: value }] as SourcePage['removed'],
    references: [{ text: value, line: 5 }] as SourcePage['references'],
    citedBy: [{ path: '/actors/russia/', name: value }],
  };
}

const tagsOf = (html: string) => {
  const tags: string[] = [];
  visit(fromHtml(html, { fragment: true }), 'element', (node: Element) => void tags.push(node.tagName));
  return tags;
};

describe('prebuilt source pages', () => {
  it('keep hostile text as text: the only elements in the HTML are the generated ones', () => {
    for (const value of hostile) {
      const data = emitSourcePage(page(value), body(value));
      const html = data.blocks.map((block) => block.html).join('');
      expect(tagsOf(html), value).toEqual(['div', 'p', 'span', 'a', 'a', 'div', 'blockquote', 'p', 'span', 'a', 'p', 'a', 'ul', 'li', 'ul', 'li', 'a']);
      const attributes: string[] = [];
      visit(fromHtml(html, { fragment: true }), 'element', (node: Element) => void attributes.push(...Object.entries(node.properties).map(([name, v]) => `${name}=${String(v)}`)));
      expect(attributes.filter((attribute) => /^on|javascript:/i.test(attribute) || attribute.startsWith('src')), value).toEqual([]);
      // The text reads back exactly: nothing was decoded or dropped.
      const texts: string[] = [];
      visit(fromHtml(html, { fragment: true }), 'text', (node: { value: string }) => void texts.push(node.value));
      expect(texts.join(''), value).toContain(value + value);
    }
  });

  it('take headings out as blocks, with the ids and table of contents Astro gives Markdown headings', () => {
    const tree: Root = {
      type: 'root',
      children: [
        h('div', { id: 'p-1', className: ['para', 'para--heading'] }, [h('h2', 'Russia’s pivot: what next?')]),
        h('p', 'Body'),
        h('h2', 'Russia’s pivot: what next?'),
        h('h2', ['Sources ', h('a', { href: '../x/' }, 'listed')]),
      ],
    };
    const { blocks, headings } = prebuildBody(tree);
    expect(headings).toEqual([
      { depth: 2, slug: 'russias-pivot-what-next', text: 'Russia’s pivot: what next?' },
      { depth: 2, slug: 'russias-pivot-what-next-1', text: 'Russia’s pivot: what next?' },
      { depth: 2, slug: 'sources-listed', text: 'Sources listed' },
    ]);
    expect(blocks).toEqual([
      { type: 'heading', depth: 2, id: 'russias-pivot-what-next', html: 'Russia’s pivot: what next?', text: 'Russia’s pivot: what next?', paragraph: 'p-1' },
      { type: 'html', html: '<p>Body</p>' },
      { type: 'heading', depth: 2, id: 'russias-pivot-what-next-1', html: 'Russia’s pivot: what next?', text: 'Russia’s pivot: what next?' },
      { type: 'heading', depth: 2, id: 'sources-listed', html: 'Sources <a href="../x/">listed</a>', text: 'Sources listed' },
    ]);
  });

  it('keep each node whose text holds a flag emoji in a block of its own, and the same HTML in all', () => {
    const paragraph = (id: string, text: string) => h('div', { id, className: ['para'] }, [h('p', [text])]);
    const tree: Root = { type: 'root', children: [paragraph('p-1', 'Before.'), paragraph('p-2', 'Also before.'), paragraph('p-3', 'Posted: 🇷🇺 🇸🇾 a meeting.'), paragraph('p-4', 'After.')] };
    const { blocks } = prebuildBody(tree);
    const html = blocks.map((block) => (block.type === 'html' ? block.html : ''));
    expect(html).toHaveLength(3);
    expect(html[1]).toBe('<div id="p-3" class="para"><p>Posted: 🇷🇺 🇸🇾 a meeting.</p></div>');
    expect(html.filter(hasFlagEmoji)).toEqual([html[1]]);
    expect(html.join('')).toBe(toHtml(tree));
  });

  it('refuse raw HTML, comments, other elements and attribute values the generator does not make', () => {
    expect(() => assertGenerated([{ type: 'raw', value: '<b>x</b>' } as never])).toThrow(UnsafeHtmlError);
    expect(() => assertGenerated([{ type: 'comment', value: 'x' }])).toThrow(UnsafeHtmlError);
    expect(() => assertGenerated([h('script', 'x')])).toThrow(/<script>/);
    expect(() => assertGenerated([h('a', { href: 'javascript:alert(1)' }, 'x')])).toThrow(/value of href/);
    expect(() => assertGenerated([h('div', { title: 'Text "from" an article' })])).toThrow(/value of title/);
    expect(() => assertGenerated([h('div', { id: 'p-1', className: ['para'] }, [h('a', { href: '../../actors/x/#p-2', dataPagefindIgnore: true }, '¶')])])).not.toThrow();
  });

  it('are written as JSON under src/generated/pages/', () => {
    const file = renderPrebuiltPage(emitSourcePage(page('x'), body('x')));
    expect(file.file).toBe('src/generated/pages/sources/a.json');
    expect(JSON.parse(file.source)).toMatchObject({ path: '/sources/a/', frontmatter: { title: 'x', kind: 'source' }, panels: { removed: [{ text: 'x' }] } });
  });
});
