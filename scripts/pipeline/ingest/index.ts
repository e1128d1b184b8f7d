/**
 * The ingest stage: one article file (bytes + optional sources.yaml entry) →
 * `Article`. Pure: the build script reads the files and passes the bytes in.
 *
 *   decode → frontmatter (.md only) → clean → infer
 *   decode → html (extract the article, .html/.htm) → clean → infer
 */
import { createHash } from 'node:crypto';
import type { Article, Diagnostic, SourceMeta } from '../model.ts';
import { shortHash } from '../shared/hash.ts';
import { slugify } from '../shared/slug.ts';
import { cleanBody, type CleanedBody } from './clean.ts';
import { decodeArticleBytes } from './decode.ts';
import { splitFrontmatter, type FrontmatterMeta } from './frontmatter.ts';
import { cleanHtmlBody, extractHtml } from './html.ts';
import { inferMeta } from './infer.ts';
import { HTML_MARKUP_FACTOR, MAX_ARTICLE_BYTES } from './limits.ts';
import type { SourceEntry } from './sources.ts';

export { cleanBody } from './clean.ts';
export { decodeArticleBytes } from './decode.ts';
export { splitFrontmatter } from './frontmatter.ts';
export { inferMeta } from './infer.ts';
export { extractHtml } from './html.ts';

/** Saved web pages and scraper output. */
export const HTML_FILE = /\.html?$/i;
export { parseSources, sourceEntrySchema, type SourceEntry } from './sources.ts';
export { LINE_RULES } from './rules.ts';

export interface IngestInput {
  /** Project-relative path, e.g. `content/articles/002_e060aad4f616cf48.txt`. */
  file: string;
  /** Path below the articles folder (`sub/000_x.txt`); its slug is made from it. Defaults to the file's base name. */
  name?: string;
  bytes: Uint8Array;
  /** The article's `content/sources.yaml` entry, if it has one. */
  source?: SourceEntry;
  /** Size limit in bytes; defaults to `MAX_ARTICLE_BYTES`. */
  maxBytes?: number;
}

export { HTML_MARKUP_FACTOR, MAX_ARTICLE_BYTES } from './limits.ts';

export interface IngestResult {
  /** Null when there is nothing to build (binary, empty or boilerplate-only input). */
  article: Article | null;
  /** All diagnostics, also when `article` is null (then they explain why). */
  diagnostics: Diagnostic[];
}

function tooLarge(file: string, size: number, maxBytes: number, what: string): IngestResult {
  const kib = (n: number) => `${(n / 1024).toFixed(0)} KiB`;
  return {
    article: null,
    diagnostics: [
      {
        severity: 'error',
        code: 'article/too-large',
        file,
        line: 1,
        message: `${file} ${what} ${kib(size)}, over the ${kib(maxBytes)} limit for one article; it was skipped. Split it into separate articles if it really is several.`,
      },
    ],
  };
}

export function ingestArticle({ file, name, bytes, source, maxBytes = MAX_ARTICLE_BYTES }: IngestInput): IngestResult {
  const isHtml = HTML_FILE.test(file);
  if (isHtml && bytes.length > maxBytes * HTML_MARKUP_FACTOR) return tooLarge(file, bytes.length, maxBytes * HTML_MARKUP_FACTOR, 'is');
  if (!isHtml && bytes.length > maxBytes) return tooLarge(file, bytes.length, maxBytes, 'is');
  const decoded = decodeArticleBytes(bytes, file);
  const diagnostics: Diagnostic[] = [...decoded.diagnostics];
  if (diagnostics.some((d) => d.code === 'article/binary')) return { article: null, diagnostics };

  let body = decoded.text;
  let frontmatter: FrontmatterMeta | undefined;
  let cleaned: CleanedBody;
  if (isHtml) {
    const extraction = extractHtml(body);
    if (extraction.text === null) {
      diagnostics.push({
        severity: 'error',
        code: 'article/no-article',
        file,
        line: 1,
        message: `${file} is a web page without an article the extractor could find (an index, a login or cookie wall, or a page built by scripts); it was skipped. Save the article's own page, or paste its text into a .txt file.`,
      });
      return { article: null, diagnostics };
    }
    const textBytes = new TextEncoder().encode(extraction.text).length;
    if (textBytes > maxBytes) return { article: null, diagnostics: [...diagnostics, ...tooLarge(file, textBytes, maxBytes, 'holds an article of').diagnostics] };
    // The page head plays the part of a Markdown file's frontmatter: below sources.yaml, above guesses from the text.
    frontmatter = extraction.meta;
    cleaned = cleanHtmlBody({ ...extraction, text: extraction.text }, file);
  } else {
    if (/\.(?:md|markdown|mdx)$/i.test(file)) {
      const split = splitFrontmatter(body, file);
      body = split.body;
      frontmatter = split.meta;
      diagnostics.push(...split.diagnostics);
    }
    cleaned = cleanBody(body, file);
  }
  if (cleaned.blocks.length === 0) {
    const onlyBoilerplate = cleaned.removed.length > 0;
    diagnostics.push({
      severity: 'error',
      code: 'article/empty',
      file,
      line: 1,
      message: onlyBoilerplate
        ? `${file} has no article text left after removing ${cleaned.removed.length} line(s) of boilerplate (${[...new Set(cleaned.removed.map((r) => r.kind))].join(', ')}); it was skipped.`
        : `${file} is empty; it was skipped.`,
    });
    return { article: null, diagnostics };
  }

  const inferred = inferMeta({ file, ...(source ? { source } : {}), ...(frontmatter ? { frontmatter } : {}), cleaned });
  diagnostics.push(...inferred.diagnostics);
  if (isHtml) inferred.meta.provenance = pageProvenance(inferred.meta.provenance);

  const article: Article = {
    file,
    slug: articleSlug(name ?? file.split('/').pop() ?? file),
    hash: articleHash(bytes, source),
    meta: inferred.meta,
    blocks: cleaned.blocks,
    removed: cleaned.removed,
    tweets: cleaned.tweets,
    references: cleaned.references,
    diagnostics,
  };
  return { article, diagnostics };
}

/** For an HTML article the "frontmatter" fields came from the page head: say so. */
function pageProvenance(provenance: SourceMeta['provenance']): SourceMeta['provenance'] {
  return Object.fromEntries(Object.entries(provenance).map(([field, origin]) => [field, origin === 'frontmatter' ? 'page' : origin]));
}

/**
 * `002_e060aad4f616cf48.txt` → `002-e060aad4f616cf48`; a nested `sub/002_x.txt`
 * → `sub-002-x`, so it does not take the slug of a top-level namesake. A name
 * with nothing sluggable (`#?%.txt`, Arabic only) gets a hash of the name.
 */
export function articleSlug(name: string): string {
  const base = name.replace(/\.[^./]+$/, '');
  return slugify(base) || `article-${shortHash(name)}`;
}

/**
 * Slugs a source page may not take: `/sources/index/` would shadow the index
 * of sources in Starlight's docs collection (src/content/docs/sources/index.mdx).
 * Such an article is published under the next free slug (`index-2`), with a warning.
 */
export const RESERVED_SLUGS: ReadonlySet<string> = new Set(['index']);

/**
 * Cache key: the raw bytes plus the metadata entry (keys sorted, so reordering
 * fields in sources.yaml does not invalidate the cache). The bytes are hashed
 * directly because `shortHash` takes text and the input may not be valid UTF-8.
 */
export function articleHash(bytes: Uint8Array, source: SourceEntry | undefined): string {
  const bytesDigest = createHash('sha256').update(bytes).digest('hex');
  const sourceJson = source
    ? JSON.stringify(Object.fromEntries(Object.entries(source).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))))
    : 'null';
  return shortHash(`${bytesDigest}\n${sourceJson}`, 16);
}

/**
 * Make slugs unique across articles. Two files can share a slug (`x.txt` and
 * `x.md`, or names differing only in punctuation). Articles are ordered by
 * file path so the outcome does not depend on directory listing order; the
 * first keeps its slug, later ones get `-2`, `-3`, … and an
 * `article/duplicate-slug` warning. Returns new article objects in the input order.
 */
export function dedupeSlugs(articles: readonly Article[]): Article[] {
  const byFile = articles
    .map((article, index) => ({ article, index }))
    .sort((a, b) => (a.article.file < b.article.file ? -1 : a.article.file > b.article.file ? 1 : a.index - b.index));
  const taken = new Set([...articles.map((a) => a.slug), ...RESERVED_SLUGS]);
  const kept = new Set<string>(RESERVED_SLUGS);
  const result: Article[] = [...articles];
  for (const { article, index } of byFile) {
    if (!kept.has(article.slug)) {
      kept.add(article.slug);
      continue;
    }
    let n = 2;
    while (taken.has(`${article.slug}-${n}`)) n++;
    const slug = `${article.slug}-${n}`;
    taken.add(slug);
    kept.add(slug);
    const reserved = RESERVED_SLUGS.has(article.slug);
    const warning: Diagnostic = {
      severity: 'warning',
      code: reserved ? 'article/reserved-slug' : 'article/duplicate-slug',
      file: article.file,
      line: 1,
      message: reserved
        ? `${article.file} would have the slug "${article.slug}", which the site uses for an index page; it was published as "${slug}". Rename the file to choose.`
        : `${article.file} has the same slug "${article.slug}" as another article; it was published as "${slug}". Rename one of the files to choose.`,
    };
    result[index] = { ...article, slug, diagnostics: [...article.diagnostics, warning] };
  }
  return result;
}
