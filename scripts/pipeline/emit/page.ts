import type { Root } from 'mdast';
import { toSafeMarkdown, toSafeMdx } from './mdx.ts';
import { dataFile, externaliseData } from './page-data.ts';

/** A page ready to be serialised: where it lives, its frontmatter, its body tree. */
export interface GeneratedPage {
  /** Site-relative path, e.g. `/sources/002-e060aad4f616cf48/` or `/` for the home page. */
  path: string;
  frontmatter: Record<string, unknown>;
  tree: Root;
  /**
   * 'md' for pages with no component (only text, links and HTML elements):
   * Astro renders them once while syncing content instead of compiling one
   * JavaScript module per page (see emit/mdx.ts). Default 'mdx'.
   */
  format?: 'mdx' | 'md';
}

/** Where a page's file goes, relative to Starlight's docs folder. */
export function docsFile(path: string, format: 'mdx' | 'md' = 'mdx'): string {
  const trimmed = path.replace(/^\/+|\/+$/g, '');
  return `${trimmed === '' ? 'index' : trimmed}.${format}`;
}

export interface EmittedFile {
  file: string;
  source: string;
  /** The page's large data props (see page-data.ts), for src/generated/page-data/<data.file>. */
  data?: { file: string; values: string[] };
}

/** Serialise a page; throws `UnsafeMdxError` if the MDX would hold anything we did not generate. */
export function renderPage(page: GeneratedPage): EmittedFile {
  const format = page.format ?? 'mdx';
  const file = docsFile(page.path, format);
  if (format === 'md') return { file, source: toSafeMarkdown(page.frontmatter, page.tree) };
  const { tree, values } = externaliseData(page.tree, dataFile(file));
  const source = toSafeMdx(page.frontmatter, tree);
  return { file, source, ...(values.length > 0 && { data: { file: dataFile(file), values } }) };
}
