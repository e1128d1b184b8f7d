import { describe, expect, it } from 'vitest';
import type { Root } from 'mdast';
import { mdxFeatures, serializeMdx, toSafeMdx, verifyMdx, UnsafeMdxError } from '../../../scripts/pipeline/emit/mdx.ts';
import { mdxToMdast } from 'satteri';
import { toString } from 'mdast-util-to-string';

const hostileLines = [
  'import fs from "node:fs"',
  'export const leak = 1',
  'export default function X() {}',
  'Braces {process.exit(1)} and {"a": 1}',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '<Para id="evil">',
  '</div> unclosed <Component',
  '[click](javascript:alert(1)) and <javascript:alert(1)>',
  'Entities &amp; &lt;b&gt; &#60;script&#62; stay literal',
  'Autolinks https://evil.example/x and www.evil.example and a@b.example',
  '~~struck~~ *em* __strong__ `code` # not a heading',
  '> not a quote',
  '- not a list',
  '1. not a list either',
  '| a | b |',
  '---',
  'ملخص باللغة العربية 🇸🇾 مع رموز',
  '\\ trailing backslash \\',
];

function paragraphPage(lines: string[]): Root {
  return {
    type: 'root',
    children: lines.map((value) => ({ type: 'paragraph', children: [{ type: 'text', value }] })),
  };
}

describe('serializeMdx + verifyMdx', () => {
  it('renders every hostile line back as the same plain text', () => {
    const source = toSafeMdx({ title: 'Hostile {title} <script>' }, paragraphPage(hostileLines));
    const body = source.slice(source.indexOf('\n---\n') + 5);
    const parsed = mdxToMdast(body, { features: mdxFeatures }) as unknown as Root;
    expect(parsed.children.map((node) => node.type)).toEqual(hostileLines.map(() => 'paragraph'));
    expect(parsed.children.map((node) => toString(node))).toEqual(hostileLines);
  });

  it('escapes import/export at the start of any line, not only the first', () => {
    const source = toSafeMdx({ title: 't' }, paragraphPage(['first line\nimport x from "y"\nexport const z = 1']));
    expect(source).not.toMatch(/^import /m);
    expect(source).not.toMatch(/^export /m);
  });

  it('keeps hostile frontmatter values inside YAML strings', () => {
    const source = toSafeMdx({ title: '---\nimport x from "y"', description: "a: b\n'c'" }, paragraphPage(['x']));
    expect(source.split('\n---\n').length).toBe(2);
  });

  it('passes generated components and links through unchanged', () => {
    const tree: Root = {
      type: 'root',
      children: [
        {
          type: 'mdxJsxFlowElement',
          name: 'Para',
          attributes: [{ type: 'mdxJsxAttribute', name: 'id', value: 'p-a"b{c}' }],
          children: [
            {
              type: 'paragraph',
              children: [
                { type: 'text', value: 'import this {x} ' },
                { type: 'link', url: '/actors/vladimir-putin/', children: [{ type: 'text', value: 'Putin' }] },
              ],
            },
          ],
        },
      ],
    };
    expect(() => toSafeMdx({ title: 't' }, tree)).not.toThrow();
  });

  it('fails loudly when the source holds a node the generator did not create', () => {
    const tree = paragraphPage(['harmless']);
    const { source } = serializeMdx({ title: 't' }, tree);
    const tampered = source.replace('harmless', 'harmless\n\nimport x from "y"');
    expect(() => verifyMdx(tampered, tree)).toThrow(UnsafeMdxError);
    expect(() => verifyMdx(source.replace('harmless', '{danger}'), tree)).toThrow(/expr:danger/);
    expect(() => verifyMdx(source.replace('harmless', '<b>x</b>'), tree)).toThrow(/jsx:b/);
  });
});
