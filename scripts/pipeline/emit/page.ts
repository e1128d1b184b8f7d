import type { Root } from 'mdast';
import { toSafeMdx } from './mdx.ts';
import { dataFile, externaliseData } from './page-data.ts';
import type { SourcePageData } from './source-page.ts';
import type { EntityPageData } from './entity-page.ts';
import { PREBUILT_PAGES_DIR } from '../shared/paths.ts';
import type { SerialisedBody } from './html.ts';

/** An MDX page ready to be serialised: where it lives, its frontmatter, its body tree. */
export interface GeneratedPage {
  /** Site-relative path, e.g. `/actors/russia/` or `/` for the home page. */
  path: string;
  frontmatter: Record<string, unknown>;
  tree: Root;
}

/** Starlight's docs collection, relative to the project root. */
export const DOCS_DIR = 'src/content/docs/';

/** A site path without its leading and trailing slashes (`/sources/a/` → `sources/a`). */
const trimSlashes = (path: string) => path.replace(/^\/+|\/+$/g, '');

/** Where a page's MDX file goes, relative to Starlight's docs folder. */
export function docsFile(path: string): string {
  const trimmed = trimSlashes(path);
  return `${trimmed === '' ? 'index' : trimmed}.mdx`;
}

export interface EmittedFile {
  /** Relative to the project root: `src/content/docs/…` (MDX) or `src/generated/pages/…` (prebuilt pages). */
  file: string;
  source: string;
  /** The page's large data props (see page-data.ts), for src/generated/page-data/<data.file>. */
  data?: { file: string; values: string[] };
}

/** Serialise a page; throws `UnsafeMdxError` if the MDX would hold anything we did not generate. */
export function renderPage(page: GeneratedPage): EmittedFile {
  const file = docsFile(page.path);
  const { tree, values } = externaliseData(page.tree, dataFile(file));
  const source = toSafeMdx(page.frontmatter, tree);
  return { file: DOCS_DIR + file, source, ...(values.length > 0 && { data: { file: dataFile(file), values } }) };
}

/** A prebuilt page's file as bytes: its text as UTF-8 (`renderPrebuiltSourcePage`). */
export interface EmittedBytes {
  file: string;
  bytes: Uint8Array;
}

const decoder = new TextDecoder();

/** An emitted file as text, whichever form it came in (for callers that collect pages rather than write them). */
export function asTextFile(file: EmittedFile | EmittedBytes): EmittedFile {
  return 'bytes' in file ? { file: file.file, source: decoder.decode(file.bytes) } : file;
}

const prebuiltFile = (page: SourcePageData | EntityPageData) => `${PREBUILT_PAGES_DIR}${trimSlashes(page.path)}.json`;

/**
 * A prebuilt page's data, for src/pages/sources/[slug].astro or
 * src/pages/[section]/[slug].astro (its HTML is already checked: see emit/html.ts).
 */
export function renderPrebuiltPage(page: SourcePageData | EntityPageData): EmittedFile {
  return { file: prebuiltFile(page), source: JSON.stringify(page) };
}

const encoder = new TextEncoder();
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;

/**
 * A source page's file whose article blocks come serialised (`SerialisedBody`):
 * byte for byte the UTF-8 of `renderPrebuiltPage` of the page with the
 * article's blocks before its own, but the article's blocks are spliced in as
 * they came. Decoding, parsing and serialising them again was most of what
 * this thread spent on the source pages at 5,000 articles (docs/bench.md,
 * twenty-ninth pass). `page` is `emitSourcePage` of the body's headings and no blocks.
 */
export function renderPrebuiltSourcePage(page: SourcePageData, body: SerialisedBody): EmittedBytes {
  const { blocks, ...rest } = page;
  const keys = Object.keys(page);
  const article = body.blocksJson;
  // JSON.stringify writes keys in order and arrays as `[a,b]`: with `blocks` last, the page's text
  // is the rest's without its `}`, then the blocks, then `}`.
  if (keys[keys.length - 1] !== 'blocks') throw new Error(`a source page's blocks are not its last field (${page.path})`);
  if (article.length < 2 || article[0] !== OPEN_BRACKET || article[article.length - 1] !== CLOSE_BRACKET) throw new Error(`not a serialised list of blocks (${page.path})`);
  const own = JSON.stringify(blocks);
  const inner = article.subarray(1, article.length - 1);
  const head = encoder.encode(`${JSON.stringify(rest).slice(0, -1)},"blocks":[`);
  const tail = encoder.encode(`${inner.length > 0 && blocks.length > 0 ? ',' : ''}${own.slice(1)}}`);
  const bytes = new Uint8Array(head.length + inner.length + tail.length);
  bytes.set(head, 0);
  bytes.set(inner, head.length);
  bytes.set(tail, head.length + inner.length);
  return { file: prebuiltFile(page), bytes };
}
