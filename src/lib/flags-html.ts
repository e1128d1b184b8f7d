/**
 * Flag emoji in a source page's prebuilt HTML (scripts/pipeline/emit/source-page.ts),
 * drawn as in RichText.astro. The HTML is parsed and its text nodes rewritten
 * as a tree (never by string replacement), then serialised again; only HTML
 * holding a flag is touched, so the usual page pays one regular-expression test.
 */
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import type { ElementContent, Root, RootContent } from 'hast';
import { hasFlags, splitFlags } from './flags.ts';

function flagNodes(text: string): ElementContent[] {
  return splitFlags(text).map((part): ElementContent => {
    if ('text' in part) return { type: 'text', value: part.text };
    const { code, name, src } = part.flag;
    return src
      ? { type: 'element', tagName: 'img', properties: { className: ['flag'], src, alt: name, title: name, width: 18, height: 12 }, children: [] }
      : { type: 'element', tagName: 'abbr', properties: { className: ['flag', 'flag--code'], title: name }, children: [{ type: 'text', value: code }] };
  });
}

function rewrite(child: RootContent): RootContent[] {
  if (child.type === 'text') return hasFlags(child.value) ? flagNodes(child.value) : [child];
  if (child.type === 'element') return [{ ...child, children: child.children.flatMap((inner) => rewrite(inner) as ElementContent[]) }];
  return [child];
}

export function flagsInHtml(html: string): string {
  if (!hasFlags(html)) return html;
  const tree: Root = fromHtml(html, { fragment: true });
  return toHtml({ ...tree, children: tree.children.flatMap(rewrite) });
}
