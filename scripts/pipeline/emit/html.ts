/**
 * Prebuilt HTML for pages Astro renders from data instead of Markdown (source
 * pages: src/pages/sources/[slug].astro). At 5,000 articles, syncing 5,000
 * Markdown pages and keeping their HTML in Astro's content store was a quarter
 * of Astro's build time and most of its memory; here the HTML is serialised
 * once, by the briefing build, and Astro only places it in the page.
 *
 * Article text enters the tree only as hast `text` nodes, which
 * hast-util-to-html escapes. `assertGenerated` refuses anything else that could
 * carry markup: raw HTML, comments, element names outside a short list, and
 * attribute values that are not plain generated ids, classes and relative links.
 * Headings are taken out of the HTML as their own blocks, so the page can render
 * them with the markup of Starlight's `AnchorHeading` (anchor link, label) as
 * Starlight does Markdown headings (src/components/SectionHeading.astro), and
 * they get the ids Astro's Markdown pipeline would give them.
 */
import type { Element, ElementContent, Root, RootContent } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { toString } from 'hast-util-to-string';
import GithubSlugger from 'github-slugger';
import { hasFlagEmoji } from '../shared/flag-emoji.ts';
import { UnsafeMdxError } from './mdx.ts';
import type { ComponentBlock } from './component-data.ts';

/** Elements a generated body may hold. */
const ELEMENTS = new Set(['a', 'blockquote', 'div', 'h2', 'h3', 'li', 'p', 'span', 'strong', 'ul']);
/** Attribute values a generated body may hold: ids, class lists, relative and fragment links, fixed labels. */
const VALUE = /^[A-Za-z0-9 _#./-]*$/;

export class UnsafeHtmlError extends UnsafeMdxError {
  constructor(message: string, found: string) {
    super(message, undefined, found);
    this.name = 'UnsafeHtmlError';
  }
}

function assertElement(node: Element): void {
  if (!ELEMENTS.has(node.tagName)) throw new UnsafeHtmlError(`a prebuilt page cannot carry <${node.tagName}>`, `<${node.tagName}>`);
  for (const [name, value] of Object.entries(node.properties)) {
    const values = Array.isArray(value) ? value : [value];
    for (const item of values) {
      if (typeof item === 'boolean' || item === null || item === undefined) continue;
      if (typeof item === 'number' || !VALUE.test(item)) throw new UnsafeHtmlError(`the value of ${name} on <${node.tagName}> is not one the generator makes`, `${name}=${String(item)}`);
    }
  }
}

/** Throws `UnsafeHtmlError` unless every node is text or an allowed element with generated attribute values. */
export function assertGenerated(nodes: readonly (RootContent | ElementContent)[]): void {
  for (const node of nodes) {
    if (node.type === 'text') continue;
    if (node.type !== 'element') throw new UnsafeHtmlError(`a prebuilt page cannot carry a ${node.type} node`, node.type);
    assertElement(node);
    assertGenerated(node.children);
  }
}

/** A heading as Astro lists it for the table of contents. */
export interface PageHeading {
  depth: number;
  slug: string;
  text: string;
}

/** A piece of a prebuilt body: HTML, or a heading the page renders with its permalink (src/components/SectionHeading.astro). */
export type BodyBlock =
  | { type: 'html'; html: string }
  | {
      type: 'heading';
      depth: 2 | 3;
      /** The heading's id, as Astro's Markdown pipeline would make it. */
      id: string;
      /** The heading's content. */
      html: string;
      /** Its text, for the permalink's accessible label. */
      text: string;
      /** The id of the source paragraph the heading is, if any: the page wraps it as a paragraph, with its permalink. */
      paragraph?: string;
    };

export interface PrebuiltBody<Block = BodyBlock> {
  blocks: Block[];
  headings: PageHeading[];
}

/**
 * A prebuilt body whose blocks were serialised where they were made (a source
 * page's article body, on another thread): the page's file takes them as they
 * are (emit/page.ts, `renderPrebuiltSourcePage`), never parsed here.
 */
export interface SerialisedBody {
  headings: PageHeading[];
  /** `JSON.stringify(blocks)`, as UTF-8. */
  blocksJson: Uint8Array;
}

const HEADING = /^h([23])$/;

function headingOf(node: RootContent): { element: Element; paragraph?: string } | undefined {
  if (node.type !== 'element') return undefined;
  if (HEADING.test(node.tagName)) return { element: node };
  // A source paragraph that is a heading: <div id="p-…" class="para para--heading"><h2>…</h2></div>.
  const [only] = node.children;
  if (node.tagName === 'div' && node.children.length === 1 && only?.type === 'element' && HEADING.test(only.tagName) && typeof node.properties.id === 'string') {
    return { element: only, paragraph: node.properties.id };
  }
  return undefined;
}

/**
 * Serialise a generated body: runs of top-level nodes become HTML blocks,
 * headings their own blocks with ids from github-slugger over their text (as
 * Astro's Markdown pipeline does, so anchors and the table of contents are the
 * same as for a Markdown page), and components (entity pages) stay blocks of
 * data for the page to render. Throws `UnsafeHtmlError` for anything
 * `assertGenerated` refuses.
 */
export function prebuildBlocks<Component extends ComponentBlock = never>(
  children: readonly (RootContent | Component)[],
  /** Headings already on the page above `children`, in order: their slugs are taken, as if they had been built in the same call. */
  above: readonly Pick<PageHeading, 'text'>[] = [],
): PrebuiltBody<BodyBlock | Component> {
  const slugger = new GithubSlugger();
  for (const heading of above) slugger.slug(heading.text);
  const blocks: (BodyBlock | Component)[] = [];
  const headings: PageHeading[] = [];
  let run: RootContent[] = [];
  const push = (html: string) => {
    if (html !== '') blocks.push({ type: 'html', html });
  };
  const flush = () => {
    assertGenerated(run);
    // Each node is serialised on its own (a run's HTML is its nodes' HTML, one after the other), and
    // one whose HTML holds a flag emoji is a block of its own: the page parses such a block again to
    // draw the flags (src/lib/flags-html.ts, by the same test), and a source page's body is mostly one run.
    let html = '';
    for (const node of run) {
      const part = toHtml(node);
      if (!hasFlagEmoji(part)) html += part;
      else {
        push(html);
        push(part);
        html = '';
      }
    }
    push(html);
    run = [];
  };
  for (const node of children) {
    if (node.type === 'component') {
      flush();
      blocks.push(node);
      continue;
    }
    const heading = headingOf(node);
    if (!heading) {
      run.push(node);
      continue;
    }
    flush();
    assertGenerated([node]);
    const text = toString(heading.element);
    const id = slugger.slug(text);
    const depth = Number(HEADING.exec(heading.element.tagName)![1]) as 2 | 3;
    headings.push({ depth, slug: id, text });
    blocks.push({ type: 'heading', depth, id, html: toHtml({ type: 'root', children: heading.element.children }), text, ...(heading.paragraph && { paragraph: heading.paragraph }) });
  }
  flush();
  return { blocks, headings };
}

/** A body of HTML and headings only (source pages); `above`: see `prebuildBlocks`. */
export function prebuildBody(tree: Root, above: readonly Pick<PageHeading, 'text'>[] = []): PrebuiltBody {
  return prebuildBlocks<never>(tree.children, above);
}
