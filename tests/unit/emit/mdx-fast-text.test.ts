/**
 * serializeMdx skips mdast-util-to-markdown's escaping scan for text in which
 * no unsafe pattern can match. Its output must be byte-identical to the
 * library's own: checked here against a plain toMarkdown call on texts full of
 * syntax, in every position the generated pages put text.
 */
import type { PhrasingContent, Root, RootContent } from 'mdast';
import { toMarkdown, type Unsafe } from 'mdast-util-to-markdown';
import { mdxToMarkdown } from 'mdast-util-mdx';
import { describe, expect, it } from 'vitest';
import { stringify as stringifyYaml } from 'yaml';
import { serializeMdx } from '../../../scripts/pipeline/emit/mdx.ts';
import { block, heading, inline, link, paragraph, root, text } from '../../../scripts/pipeline/emit/nodes.ts';

/** The unsafe patterns of mdx.ts, repeated: the reference must not share code with what it checks. */
const mdxUnsafe: Unsafe[] = [
  { character: 'i', atBreak: true, after: 'mport\\b' },
  { character: 'e', atBreak: true, after: 'xport\\b' },
  { character: '&', after: '#?[A-Za-z0-9]+;' },
];

function reference(frontmatter: Record<string, unknown>, tree: Root): string {
  const body = toMarkdown(tree, { extensions: [mdxToMarkdown()], unsafe: mdxUnsafe, bullet: '-', emphasis: '_', rule: '-' });
  return `---\n${stringifyYaml(frontmatter, { lineWidth: 0 })}---\n\n${body}`;
}

const texts = [
  'Plain words, commas, a full stop. And “quotes”, 2026, 1.5 and an apostrophe’s.',
  'import x from "y"',
  'export const z = 1',
  '# not a heading',
  '1. not a list',
  '- not a list',
  '+ neither',
  '> not a quote',
  'a *star* and _under_score_ and `code` and ~tilde~',
  'braces {expression} and <Tag attr="x"> and </div> and <!-- comment -->',
  '[link](javascript:alert(1)) and ![image](x.png) and https://example.org',
  'back\\slash\\* and a trailing backslash\\',
  'a backslash\\. before punctuation',
  'AT&T &amp; &#x27; & alone',
  'line one\nline two\n\nparagraph',
  'tab\tand  double  spaces ',
  ' leading space',
  '=== setext',
  '--- rule',
  'pipe | table | cells',
  'ordinal 3) item',
  'exclamation! and (parentheses) and [brackets] and ] alone',
];

function pages(value: string): Root[] {
  const phrasing = (): PhrasingContent[] => [text(value), link('../x/', value), text(value)];
  const blocks: RootContent[] = [
    paragraph(value),
    paragraph(phrasing()),
    heading(2, value),
    { type: 'list', ordered: false, spread: false, children: [{ type: 'listItem', spread: false, children: [paragraph(phrasing())] }] },
    block('div', { id: 'p-1', class: 'para' }, [paragraph([inline('span', { id: 's-1', class: 'sentence' }, phrasing()), text(value)])]),
    { type: 'blockquote', children: [paragraph(value)] },
  ];
  return blocks.map((node) => root([node]));
}

describe('serializeMdx fast text path', () => {
  it('writes exactly what mdast-util-to-markdown writes, for hostile text in every position', () => {
    for (const value of texts) {
      for (const tree of pages(value)) {
        const frontmatter = { title: value };
        expect(serializeMdx(frontmatter, tree).source, JSON.stringify(value)).toBe(reference(frontmatter, tree));
      }
    }
  });
});
