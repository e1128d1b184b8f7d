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
  bytes: Uint8Array;
  /** The article's `content/sources.yaml` entry, if it has one. */
  source?: SourceEntry;
  /** Size limit in bytes; defaults to `MAX_ARTICLE_BYTES`. */
  maxBytes?: number;
}

/**
 * Larger inputs are refused rather than rendered. Why: a news article is
 * 5–100 KB; a file of several megabytes is a mis-scrape or a dump, and one
 * source page with 10,000 paragraphs takes Astro minutes to render (measured:
 * 7.5 min for a 2 MB file), holding up the build of every other page.
 */
export const MAX_ARTICLE_BYTES = 512 * 1024;

export interface IngestResult {
  /** Null when there is nothing to build (binary, empty or boilerplate-only input). */
  article: Article | null;
  /** All diagnostics, also when `article` is null (then they explain why). */
  diagnostics: Diagnostic[];
}

/**
 * A saved web page is mostly markup, scripts and inline images: a news page
 * of 1–2 MB holds 5–50 KB of article. Its raw size may be this many times the
 * limit; the limit itself applies to the text extracted from it.
 */
export const HTML_MARKUP_FACTOR = 8;

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

export function ingestArticle({ file, bytes, source, maxBytes = MAX_ARTICLE_BYTES }: IngestInput): IngestResult {
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
    slug: articleSlug(file),
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

/** `content/articles/002_e060aad4f616cf48.txt` → `002-e060aad4f616cf48`. */
export function articleSlug(file: string): string {
  const base = (file.split('/').pop() ?? file).replace(/\.[^.]+$/, '');
  return slugify(base) || `article-${shortHash(file)}`;
}

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
  const taken = new Set(articles.map((a) => a.slug));
  const kept = new Set<string>();
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
    const warning: Diagnostic = {
      severity: 'warning',
      code: 'article/duplicate-slug',
      file: article.file,
      line: 1,
      message: `${article.file} has the same slug "${article.slug}" as another article; it was published as "${slug}". Rename one of the files to choose.`,
    };
    result[index] = { ...article, slug, diagnostics: [...article.diagnostics, warning] };
  }
  return result;
}
