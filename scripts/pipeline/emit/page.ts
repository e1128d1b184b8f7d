import type { Root } from 'mdast';
import { toSafeMdx } from './mdx.ts';
import { dataFile, externaliseData } from './page-data.ts';
import type { SourcePageData } from './source-page.ts';
import type { EntityPageData } from './entity-page.ts';
import { PREBUILT_PAGES_DIR } from '../shared/paths.ts';

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

/**
 * A prebuilt page's data, for src/pages/sources/[slug].astro or
 * src/pages/[section]/[slug].astro (its HTML is already checked: see emit/html.ts).
 */
export function renderPrebuiltPage(page: SourcePageData | EntityPageData): EmittedFile {
  return { file: `${PREBUILT_PAGES_DIR}${trimSlashes(page.path)}.json`, source: JSON.stringify(page) };
}
