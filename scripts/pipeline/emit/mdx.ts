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
import type { Nodes, Root } from 'mdast';
import { defaultHandlers, toMarkdown, type Handle, type State, type Unsafe } from 'mdast-util-to-markdown';
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

/**
 * Pattern fields that can only match next to a line ending (compile-pattern.js
 * in mdast-util-to-markdown puts `[\r\n]` before `atBreak` patterns).
 */
const LINE_ENDING_BEFORE = new Set(['[\\r\\n]', '\\n']);
const LINE_ENDING_AFTER = new Set(['[\\r\\n]', '\\r']);

function needsLineEnding(pattern: Unsafe): boolean {
  return Boolean(pattern.atBreak) || LINE_ENDING_BEFORE.has(pattern.before ?? '') || LINE_ENDING_AFTER.has(pattern.after ?? '');
}

function inScope(stack: readonly string[], list: Unsafe['inConstruct'], none: boolean): boolean {
  const items = typeof list === 'string' ? [list] : (list ?? []);
  if (items.length === 0) return none;
  return items.some((item) => stack.includes(item));
}

/**
 * Per unsafe-pattern list and construct stack: a character class of every
 * character an in-scope pattern could escape without a line ending, plus the
 * backslash (which `safe` escapes on its own).
 */
const riskyCache = new WeakMap<Unsafe[], Map<string, RegExp>>();

function riskyCharacters(state: State): RegExp {
  let byStack = riskyCache.get(state.unsafe);
  if (!byStack) riskyCache.set(state.unsafe, (byStack = new Map()));
  const key = state.stack.join('\u0000');
  let risky = byStack.get(key);
  if (!risky) {
    const characters = new Set(['\\']);
    let anything = false;
    for (const pattern of state.unsafe) {
      const scoped = inScope(state.stack, pattern.inConstruct, true) && !inScope(state.stack, pattern.notInConstruct, false);
      if (!scoped || needsLineEnding(pattern)) continue;
      if (pattern.character.length === 1) characters.add(pattern.character);
      else anything = true;
    }
    const escaped = [...characters].map((character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`).join('');
    // A pattern on something other than one character: never take the short cut.
    risky = anything ? /[^]/ : new RegExp(`[\\r\\n${escaped}]`);
    byStack.set(key, risky);
  }
  return risky;
}

/**
 * The `text` handler, minus the work when there is nothing to escape. For a
 * text in which no in-scope unsafe pattern can match, `safe` returns the text
 * unchanged: every escape position is an occurrence of a pattern's character,
 * patterns tied to line endings need one in the text or its context, and
 * backslashes are in the class. Only then is the scan of ~30 regular
 * expressions per text node skipped (it was most of the time spent on large
 * pages); anything else goes through the library's own handler, and the
 * re-parse in `verifyMdx` still checks the result.
 */
const text: Handle = (node, parent, state, info) => {
  const value = (node as { value: string }).value;
  const context = `${info.before}${info.after}`;
  if (state.stack.includes('autolink') || /[\r\n]/.test(context) || riskyCharacters(state).test(value)) {
    return defaultHandlers.text(node as never, parent as never, state, info);
  }
  return value;
};

/** Parser features shared with astro.config.mjs: the check must parse exactly as the build does. */
export const mdxFeatures = { gfm: false, smartPunctuation: false } as const;

export interface SerializedPage {
  /** MDX source, frontmatter included. */
  source: string;
}

const mdxExtension = mdxToMarkdown();

/**
 * YAML 1.1 rules for quoting: Astro reads frontmatter with js-yaml, which
 * takes an unquoted `2026-01-29` for a date and `yes` for a boolean. Strings
 * that could be read as anything else are quoted, so text stays text.
 */
const yamlOptions = { lineWidth: 0, version: '1.1' } as const;

/** Serialise frontmatter (with a real YAML serialiser) and body to MDX. */
export function serializeMdx(frontmatter: Record<string, unknown>, tree: Root): SerializedPage {
  const body = toMarkdown(tree, {
    extensions: [mdxExtension],
    handlers: { text },
    unsafe: mdxUnsafe,
    bullet: '-',
    emphasis: '_',
    rule: '-',
  });
  const yaml = stringifyYaml(frontmatter, yamlOptions);
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
  readonly expected: Signature | undefined;
  readonly found: Signature | undefined;

  constructor(message: string, expected: Signature | undefined, found: Signature | undefined) {
    super(message);
    this.name = 'UnsafeMdxError';
    this.expected = expected;
    this.found = found;
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
  compare(signatures(tree), signatures(mdxToMdast(body, { features: mdxFeatures }) as unknown as Root), 'MDX');
}

function compare(expected: Signature[], found: Signature[], format: string): void {
  const length = Math.max(expected.length, found.length);
  for (let index = 0; index < length; index++) {
    if (expected[index] !== found[index]) {
      throw new UnsafeMdxError(
        `generated ${format} does not parse back to the generated tree: expected ${expected[index] ?? 'nothing'}, found ${found[index] ?? 'nothing'}`,
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
