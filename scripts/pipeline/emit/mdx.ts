/**
 * Serialise a generated mdast tree to MDX, then prove the result holds nothing
 * the generator did not put there.
 *
 * Article text enters pages only as mdast `text` nodes and as string attribute
 * values of components we create. `mdast-util-to-markdown` decides escaping
 * through its `unsafe` patterns; we extend them (never post-process strings)
 * for the constructs that MDX and GFM add on top of CommonMark:
 * - a line starting with `import`/`export` is ESM in MDX, and remark-mdx leaves
 *   it unescaped;
 * - `&name;` would be decoded as a character reference, changing the text;
 * - GFM autolink literals (`https://…`, `www.…`) and strikethrough (`~~`).
 *
 * The check re-parses the MDX with satteri, the parser Astro's MDX integration
 * itself uses, and compares the structure with the tree we generated.
 */
import type { Root, Nodes } from 'mdast';
import { toMarkdown, type Unsafe } from 'mdast-util-to-markdown';
import { mdxToMarkdown } from 'mdast-util-mdx';
import { mdxToMdast } from 'satteri';
import { stringify as stringifyYaml } from 'yaml';

const mdxUnsafe: Unsafe[] = [
  // ESM: remark-mdx only treats these as ESM at the very start of a line.
  { character: 'i', atBreak: true, after: 'mport\\b' },
  { character: 'e', atBreak: true, after: 'xport\\b' },
  // Character references: keep "&amp;" in an article as the five characters it is.
  { character: '&', after: '#?[A-Za-z0-9]+;' },
];

/** Parser features shared with astro.config.mjs: the check must parse exactly as the build does. */
export const mdxFeatures = { gfm: false, smartPunctuation: false } as const;

export interface SerializedPage {
  /** MDX source, frontmatter included. */
  source: string;
}

/** Serialise frontmatter (with a real YAML serialiser) and body to MDX. */
export function serializeMdx(frontmatter: Record<string, unknown>, tree: Root): SerializedPage {
  const body = toMarkdown(tree, {
    extensions: [mdxToMarkdown()],
    unsafe: mdxUnsafe,
    bullet: '-',
    emphasis: '_',
    rule: '-',
  });
  const yaml = stringifyYaml(frontmatter, { lineWidth: 0 });
  return { source: `---\n${yaml}---\n\n${body}` };
}

/** A node's identity for the structural comparison: type plus the fields that make it active. */
type Signature = string;

function signatures(tree: Nodes): Signature[] {
  const out: Signature[] = [];
  const walk = (node: Nodes): void => {
    switch (node.type) {
      case 'text':
      case 'yaml':
      case 'root':
      case 'paragraph':
        break;
      case 'link':
        out.push(`link:${node.url}`);
        break;
      case 'image':
        out.push(`image:${node.url}`);
        break;
      case 'mdxJsxFlowElement':
      case 'mdxJsxTextElement': {
        const attributes = node.attributes
          .map((attribute) =>
            attribute.type === 'mdxJsxAttribute'
              ? `${attribute.name}=${typeof attribute.value === 'string' ? attribute.value : attribute.value === null || attribute.value === undefined ? '' : '{expr}'}`
              : '{spread}',
          )
          .join(' ');
        out.push(`jsx:${node.name ?? ''}(${attributes})`);
        break;
      }
      case 'mdxjsEsm':
        out.push(`esm:${node.value}`);
        break;
      case 'mdxFlowExpression':
      case 'mdxTextExpression':
        out.push(`expr:${node.value}`);
        break;
      case 'html':
        out.push(`html:${node.value}`);
        break;
      case 'heading':
        out.push(`heading:${node.depth}`);
        break;
      default:
        out.push(node.type);
    }
    if ('children' in node) for (const child of node.children) walk(child as Nodes);
  };
  walk(tree);
  return out;
}

export class UnsafeMdxError extends Error {
  constructor(
    message: string,
    readonly expected: Signature | undefined,
    readonly found: Signature | undefined,
  ) {
    super(message);
    this.name = 'UnsafeMdxError';
  }
}

/**
 * Parse `source` again and compare its active nodes (links, JSX, ESM,
 * expressions, raw HTML, headings…) with the tree the generator built.
 * Throws `UnsafeMdxError` on the first difference: text that turned into syntax.
 */
export function verifyMdx(source: string, tree: Root): void {
  const bodyStart = source.indexOf('\n---\n');
  const body = bodyStart === -1 ? source : source.slice(bodyStart + 5);
  const parsed = mdxToMdast(body, { features: mdxFeatures }) as unknown as Root;
  const expected = signatures(tree);
  const found = signatures(parsed);
  const length = Math.max(expected.length, found.length);
  for (let index = 0; index < length; index++) {
    if (expected[index] !== found[index]) {
      throw new UnsafeMdxError(
        `generated MDX does not parse back to the generated tree: expected ${expected[index] ?? 'nothing'}, found ${found[index] ?? 'nothing'}`,
        expected[index],
        found[index],
      );
    }
  }
}

/** Serialise and verify in one step: the only way the build writes MDX. */
export function toSafeMdx(frontmatter: Record<string, unknown>, tree: Root): string {
  const { source } = serializeMdx(frontmatter, tree);
  verifyMdx(source, tree);
  return source;
}
