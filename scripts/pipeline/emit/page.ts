import type { Root } from 'mdast';
import { toSafeMdx } from './mdx.ts';

/** A page ready to be serialised: where it lives, its frontmatter, its body tree. */
export interface GeneratedPage {
  /** Site-relative path, e.g. `/sources/002-e060aad4f616cf48/` or `/` for the home page. */
  path: string;
  frontmatter: Record<string, unknown>;
  tree: Root;
}

/** Where a page's MDX goes, relative to Starlight's docs folder. */
export function docsFile(path: string): string {
  const trimmed = path.replace(/^\/+|\/+$/g, '');
  return trimmed === '' ? 'index.mdx' : `${trimmed}.mdx`;
}

export interface EmittedFile {
  file: string;
  source: string;
}

/** Serialise a page; throws `UnsafeMdxError` if the MDX would hold anything we did not generate. */
export function renderPage(page: GeneratedPage): EmittedFile {
  return { file: docsFile(page.path), source: toSafeMdx(page.frontmatter, page.tree) };
}
