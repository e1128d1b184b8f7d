/**
 * Tiny mdast builders for generated pages. Untrusted text only ever goes into
 * `text` nodes or string attribute values; components get structured data as
 * JSON in a `data` attribute (parsed by the component, rendered with Astro's
 * escaping), never as expressions.
 */
import type { BlockContent, Heading, Link, Paragraph, PhrasingContent, Root, RootContent, Strong, Text } from 'mdast';
import type { MdxJsxAttribute, MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx-jsx';
import type { MdxjsEsm } from 'mdast-util-mdxjs-esm';
import type { Inline } from '../assemble/inlines.ts';
import { relativeHref } from '../shared/paths.ts';

export function text(value: string): Text {
  return { type: 'text', value };
}

export function paragraph(children: PhrasingContent[] | string): Paragraph {
  return { type: 'paragraph', children: typeof children === 'string' ? [text(children)] : children };
}

export function heading(depth: 2 | 3 | 4, children: PhrasingContent[] | string): Heading {
  return { type: 'heading', depth, children: typeof children === 'string' ? [text(children)] : children };
}

export function strong(value: string): Strong {
  return { type: 'strong', children: [text(value)] };
}

export function link(url: string, children: PhrasingContent[] | string, title?: string): Link {
  return { type: 'link', url, title: title ?? null, children: typeof children === 'string' ? [text(children)] : children };
}

type Props = Record<string, string | number | boolean | undefined | null | object>;

/**
 * MDX decodes character references inside attribute values, and the JSX
 * serialiser does not encode "&": a value holding "&amp;" would come back as
 * "&". JSON travels with "&" as the JSON escape \u0026, which JSON.parse
 * restores; plain string props are reserved for generated values (ids, kinds)
 * and must not carry "&" at all.
 */
function attributes(props: Props): MdxJsxAttribute[] {
  const result: MdxJsxAttribute[] = [];
  for (const [name, value] of Object.entries(props)) {
    if (value === undefined || value === null || value === false) continue;
    let serialised: string;
    if (typeof value === 'object') {
      serialised = JSON.stringify(value).replace(/&/g, '\\u0026');
    } else {
      serialised = String(value);
      if (serialised.includes('&')) throw new Error(`prop "${name}" carries "&": pass text through a JSON data prop`);
    }
    result.push({ type: 'mdxJsxAttribute', name, value: serialised });
  }
  return result;
}

/**
 * A component may live in a folder under src/components ("charts/Timeline"):
 * the page imports it from there and names it by its last segment.
 */
export function componentName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/** A block-level component (by name or "folder/Name") or HTML element. */
export function block(name: string, props: Props = {}, children: (BlockContent | MdxJsxFlowElement)[] = []): MdxJsxFlowElement {
  return { type: 'mdxJsxFlowElement', name: componentName(name), attributes: attributes(props), children };
}

/** An inline component or HTML element. */
export function inline(name: string, props: Props = {}, children: PhrasingContent[] = []): MdxJsxTextElement {
  return { type: 'mdxJsxTextElement', name, attributes: attributes(props), children };
}

/** The page's component imports: the only ESM a generated page may contain. */
export function imports(components: readonly string[]): MdxjsEsm {
  const lines = [...new Set(components)].sort().map((path) => `import ${componentName(path)} from '@components/${path}.astro';`);
  return { type: 'mdxjsEsm', value: lines.join('\n') };
}

/** Phrasing for a page at `from`: entity links become relative hrefs. */
export function phrasing(inlines: readonly Inline[], from: string): PhrasingContent[] {
  return inlines.map((part) => (part.type === 'text' ? text(part.value) : link(relativeHref(from, part.path), part.value)));
}

export function root(children: RootContent[]): Root {
  return { type: 'root', children };
}
