/**
 * Large data props move out of the page into a sidecar JSON file.
 *
 * Why: every MDX page is compiled into a JavaScript module that Vite bundles.
 * A briefing page's lists travel as JSON in `data` attributes, and at 5,000
 * articles those strings were 120 MB of the pages: Vite and Rolldown parsed,
 * bundled and held all of them (minutes, and gigabytes of memory) only for the
 * components to parse them back. Now a large value is replaced by a reference,
 * `@page-data/<page>.json#<index>~<hash>`, and src/lib/data-prop.ts reads it
 * from src/generated/page-data/ when the component renders. The data is the
 * same JSON, parsed the same way; the hash changes the page when its data
 * changes, so the dev server reloads it.
 */
import type { Root, RootContent } from 'mdast';
import { shortHash } from '../shared/hash.ts';

/** Data props longer than this go to the sidecar; small ones (filters, kinds, little charts) stay inline. */
export const INLINE_DATA_LIMIT = 16 * 1024;

/** The sidecar of one page: relative to src/generated/page-data/, e.g. `actors/russia.json`. */
export function dataFile(docsFile: string): string {
  return docsFile.replace(/\.mdx?$/, '.json');
}

/** The tree with its large `data` attributes replaced by references, and the values they refer to. */
export function externaliseData(tree: Root, file: string): { tree: Root; values: string[] } {
  const values: string[] = [];
  const visit = (node: RootContent): RootContent => {
    if ((node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') && node.attributes.length > 0) {
      const attributes = node.attributes.map((attribute) => {
        if (attribute.type !== 'mdxJsxAttribute' || attribute.name !== 'data' || typeof attribute.value !== 'string') return attribute;
        if (attribute.value.length <= INLINE_DATA_LIMIT) return attribute;
        values.push(attribute.value);
        return { ...attribute, value: `@page-data/${file}#${values.length - 1}~${shortHash(attribute.value, 8)}` };
      });
      return { ...node, attributes, children: node.children.map((child) => visit(child as RootContent)) } as RootContent;
    }
    return 'children' in node ? ({ ...node, children: node.children.map((child) => visit(child as RootContent)) } as RootContent) : node;
  };
  return { tree: { ...tree, children: tree.children.map(visit) }, values };
}
