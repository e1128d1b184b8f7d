/**
 * HTML articles (a browser's "Save page as", a scraper's output, `npm run add`).
 *
 * The page is parsed with linkedom and the article picked out with Mozilla's
 * Readability (the reader-view extractor Firefox uses), so we do not guess at
 * each CMS's markup ourselves. The article is then written out as the same
 * plain-text shape a web scrape has (one block per line, blank lines between,
 * `# ` for the headline, `## ` for sections, `- ` for list items, an embedded
 * tweet as its text followed by `— Name (@handle) date`) and handed to the
 * text cleaner, so HTML and text articles get the same debris rules, tweets
 * and block model. Every line of that text remembers the line of the HTML file
 * it came from, so blocks, removals and diagnostics point into the file the
 * editor has.
 *
 * Metadata comes from the page head, where publishers put it for search
 * engines and social cards: `og:`/`article:` meta tags, JSON-LD
 * (`NewsArticle` and kin), `<link rel="canonical">`, `<time datetime>`.
 *
 * Scripts, styles, templates, forms and comments never reach the text: they
 * are skipped when the article is walked. Page text Readability left out
 * (navigation, teasers, footers) is recorded as `page-chrome` removals, so
 * nothing disappears unaccounted for.
 */
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import type { DateValue, Removal } from '../model.ts';
import { cleanBody, type CleanedBody } from './clean.ts';
import { parseDatelineText, parseIsoDate } from './date-value.ts';
import type { FrontmatterMeta } from './frontmatter.ts';
import { collapseWhitespace } from '../shared/whitespace.ts';

export interface HtmlExtraction {
  /** Null when the page holds no article Readability can find (an index, a login wall, an empty shell). */
  text: string | null;
  /** `lineMap[i]` is the 1-based line of the HTML file that line `i + 1` of `text` came from. */
  lineMap: number[];
  /** What the page head says about the article (same fields a Markdown file's frontmatter may give). */
  meta: FrontmatterMeta;
  /** Page text outside the article, with its HTML line. */
  chrome: { text: string; line: number }[];
}

/** Elements whose content is never article text (and never passes through). */
const SKIPPED = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'IFRAME', 'SVG', 'CANVAS', 'FORM', 'BUTTON', 'SELECT', 'TEXTAREA', 'OBJECT', 'EMBED', 'HEAD', 'NAV']);
const BLOCKS = new Set(['P', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'LI', 'BLOCKQUOTE', 'PRE', 'FIGCAPTION', 'DT', 'DD', 'TD', 'TH', 'CAPTION', 'ADDRESS', 'TIME']);
const CONTAINERS = new Set(['DIV', 'SECTION', 'ARTICLE', 'MAIN', 'HEADER', 'FOOTER', 'ASIDE', 'UL', 'OL', 'DL', 'TABLE', 'TBODY', 'THEAD', 'TFOOT', 'TR', 'FIGURE', 'BODY', 'HTML', 'DETAILS', 'SUMMARY', 'HGROUP', 'PICTURE']);
/** Chrome shorter than this ("Home", "|", "Menu") is not worth a line in the report. */
const MIN_CHROME_LENGTH = 12;
/**
 * Fewer words than this is not an article: Readability returns *something*
 * for a login wall or an index ("Sign in", the site name). A one-paragraph
 * wire flash still has 40 or more.
 */
export const MIN_ARTICLE_WORDS = 25;
/** Longest `<time>`/`<meta>` text we try to read as a date. */
const MAX_DATE_TEXT = 80;

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

/** The slice of linkedom's DOM this module uses (its own typings are not the lib.dom ones). */
interface DomNode {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<DomNode>;
  parentNode: DomNode | null;
  getAttribute?(name: string): string | null;
  querySelectorAll?(selector: string): ArrayLike<DomNode>;
}

/** Parse the page, read its metadata and pull out the article as line-shaped text. Never throws on malformed HTML. */
export function extractHtml(html: string): HtmlExtraction {
  const locate = sourceLocator(html);
  const { document } = parseHTML(asDocument(html));
  const doc = document as unknown as DomNode & { querySelector(selector: string): DomNode | null; body: DomNode | null; documentElement: DomNode | null };
  if (!doc.documentElement) return { text: null, lineMap: [], meta: {}, chrome: [] };
  const meta = headMeta(doc);

  // Before Readability: it rewrites the document in place.
  const pageBlocks = blockTexts(doc.body ?? doc);
  // Readability is typed against lib.dom's Document; linkedom implements the parts it uses.
  const reader = new Readability<DomNode>(document as unknown as Document, { serializer: (node) => node as unknown as DomNode, keepClasses: true });
  let parsed: ReturnType<typeof reader.parse> = null;
  try {
    parsed = reader.parse();
  } catch {
    // Readability throws on some degenerate trees (no body at all); that is "no article", said by the caller.
    parsed = null;
  }
  const content = parsed?.content ?? null;
  const lines: { text: string; line: number }[] = [];
  if (content) {
    const title = meta.title ?? (parsed?.title ? collapseWhitespace(parsed.title) : undefined);
    writeArticle(content, title, locate, lines);
  }
  if (!meta.author && parsed?.byline) meta.author = collapseWhitespace(parsed.byline).replace(/^by\s+/i, '');
  if (!meta.outlet && parsed?.siteName) meta.outlet = collapseWhitespace(parsed.siteName);
  if (!meta.published && parsed?.publishedTime) {
    const published = readDate(parsed.publishedTime);
    if (published) meta.published = published;
  }
  if (!meta.title && parsed?.title) meta.title = collapseWhitespace(parsed.title);

  const words = lines.filter((line) => !line.text.startsWith('# ')).reduce((sum, line) => sum + (line.text.match(/[\p{L}\p{N}]+/gu)?.length ?? 0), 0);
  if (words < MIN_ARTICLE_WORDS) return { text: null, lineMap: [], meta, chrome: [] };

  // A locator of its own: the page blocks come in document order, searched from the top again.
  const chromeLocator = sourceLocator(html);
  const kept = new Set(lines.map((line) => withoutMarker(line.text)));
  // Joined with spaces: an embed's text spans several lines here but is one block on the page.
  const keptText = lines.map((line) => withoutMarker(line.text)).join(' ');
  const chrome = pageBlocks
    .filter((text) => text.length >= MIN_CHROME_LENGTH && !kept.has(text) && !keptText.includes(text))
    .map((text) => ({ text, line: chromeLocator(text) }));
  return { text: lines.map((line) => line.text).join('\n'), lineMap: lines.map((line) => line.line), meta, chrome };
}

/**
 * Clean an HTML article as a text one, then map every line number back to the
 * HTML file and add the page chrome as removals. `text`/`lineMap` as returned by `extractHtml`.
 */
export function cleanHtmlBody(extraction: HtmlExtraction & { text: string }, file: string): CleanedBody {
  const cleaned = cleanBody(extraction.text, file);
  const at = (line: number) => extraction.lineMap[line - 1] ?? 1;
  const removed: Removal[] = [
    // The text as the page has it, without the `# `/`- ` this module wrote in front.
    ...cleaned.removed.map((removal) => ({ ...removal, line: at(removal.line), text: withoutMarker(removal.text) })),
    ...extraction.chrome.map((chrome) => ({ kind: 'page-chrome' as const, line: chrome.line, text: chrome.text })),
  ].sort((a, b) => a.line - b.line);
  return {
    ...cleaned,
    blocks: cleaned.blocks.map((block) => ({ ...block, line: at(block.line) })),
    removed,
    tweets: cleaned.tweets.map((tweet) => ({ ...tweet, line: at(tweet.line), endLine: at(tweet.endLine) })),
    references: cleaned.references.map((reference) => ({ ...reference, line: at(reference.line) })),
    ...(cleaned.title ? { title: { ...cleaned.title, line: at(cleaned.title.line) } } : {}),
    ...(cleaned.dateline ? { dateline: { ...cleaned.dateline, line: at(cleaned.dateline.line) } } : {}),
  };
}

/**
 * linkedom builds the tree as written and does not add the `<html>`/`<body>`
 * an HTML5 parser would: a scraper's fragment (`<p>…</p><p>…</p>`) would have
 * no body, plain text no element at all. Such input is wrapped in a document.
 */
function asDocument(html: string): string {
  if (/<body[\s>]/i.test(html)) return html;
  const headEnd = html.search(/<\/head\s*>/i);
  const head = headEnd === -1 ? '' : html.slice(0, headEnd);
  const rest = headEnd === -1 ? html : html.slice(headEnd).replace(/^<\/head\s*>/i, '');
  const strip = (part: string) => part.replace(/<!doctype[^>]*>|<\/?html[^>]*>|<head[^>]*>/gi, '');
  return `<!DOCTYPE html><html><head>${strip(head)}</head><body>${strip(rest)}</body></html>`;
}

/** A line as the page has it: without the `# ` / `## ` / `- ` written in front of headings and list items. */
function withoutMarker(line: string): string {
  return line.replace(/^(?:#{1,6}|-) /, '');
}

/* ------------------------------------------------------------------ */
/* Metadata                                                            */
/* ------------------------------------------------------------------ */

type QueryRoot = DomNode & { querySelector(selector: string): DomNode | null };

function headMeta(doc: QueryRoot): FrontmatterMeta {
  const metaContent = (...keys: string[]): string | undefined => {
    for (const key of keys) {
      const node = doc.querySelector(`meta[property="${key}"]`) ?? doc.querySelector(`meta[name="${key}"]`) ?? doc.querySelector(`meta[itemprop="${key}"]`);
      const value = clean(node?.getAttribute?.('content'));
      if (value) return value;
    }
    return undefined;
  };
  const ld = jsonLdArticle(doc);
  const meta: FrontmatterMeta = {};

  const title = clean(typeof ld?.headline === 'string' ? ld.headline : undefined) ?? metaContent('og:title', 'twitter:title') ?? clean(doc.querySelector('h1')?.textContent);
  if (title) meta.title = title;
  const author =
    ldName(ld?.author) ??
    metaContent('author', 'article:author', 'byl', 'parsely-author', 'sailthru.author') ??
    // Blog themes mark the author in the post header only (hCard, rel=author); the first one is the post's, comments come later.
    clean(doc.querySelector('[itemprop="author"] [itemprop="name"], a[rel="author"], .byline .author, .entry-meta .author, .post-author .fn')?.textContent);
  // Some CMSs put the author's profile URL in article:author; that is not a name.
  if (author && !/^https?:/i.test(author)) meta.author = author.replace(/^by\s+/i, '');
  const published =
    readDate(metaContent('article:published_time', 'datePublished', 'pubdate', 'publish-date', 'date', 'dc.date', 'DC.date.issued')) ??
    readDate(typeof ld?.datePublished === 'string' ? ld.datePublished : undefined) ??
    readDate(doc.querySelector('time[datetime]')?.getAttribute?.('datetime') ?? undefined);
  if (published) meta.published = published;
  const outlet = metaContent('og:site_name', 'application-name') ?? ldName(ld?.publisher);
  if (outlet) meta.outlet = outlet;
  const url =
    webUrl(doc.querySelector('link[rel="canonical"]')?.getAttribute?.('href')) ??
    webUrl(metaContent('og:url')) ??
    webUrl(typeof ld?.url === 'string' ? ld.url : undefined) ??
    webUrl(typeof ld?.mainEntityOfPage === 'string' ? ld.mainEntityOfPage : ldObject(ld?.mainEntityOfPage)?.['@id'] as string | undefined);
  if (url) meta.url = url;
  return meta;
}

type LdObject = Record<string, unknown>;

const ARTICLE_TYPES = /^(?:NewsArticle|Article|BlogPosting|ReportageNewsArticle|AnalysisNewsArticle|OpinionNewsArticle|LiveBlogPosting|WebPage|Report|ScholarlyArticle|SocialMediaPosting)$/;

/** The first JSON-LD object that describes an article (in a list, an `@graph` or alone); malformed blocks are ignored. */
function jsonLdArticle(doc: QueryRoot): LdObject | undefined {
  const scripts = Array.from(doc.querySelectorAll?.('script[type="application/ld+json"]') ?? []);
  const found: LdObject[] = [];
  for (const script of scripts) {
    let data: unknown;
    try {
      data = JSON.parse(script.textContent ?? '');
    } catch {
      continue; // a publisher's broken JSON-LD is their problem; the other sources of metadata remain
    }
    const queue: unknown[] = [data];
    while (queue.length > 0 && found.length < 50) {
      const item = queue.shift();
      if (Array.isArray(item)) queue.push(...item);
      else if (ldObject(item)) {
        const object = item as LdObject;
        if (Array.isArray(object['@graph'])) queue.push(...object['@graph']);
        const types = ([] as unknown[]).concat(object['@type'] ?? []);
        if (types.some((type) => typeof type === 'string' && ARTICLE_TYPES.test(type))) found.push(object);
      }
    }
  }
  // A page's WebPage object is the fallback; the article object, when there is one, says more.
  return found.find((object) => !([] as unknown[]).concat(object['@type']).includes('WebPage')) ?? found[0];
}

function ldObject(value: unknown): LdObject | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as LdObject) : undefined;
}

/** `"Name"`, `{ name }` or a list of either (several authors are joined). */
function ldName(value: unknown): string | undefined {
  const names = ([] as unknown[])
    .concat(value ?? [])
    .map((item) => (typeof item === 'string' ? item : ldObject(item)?.name))
    .map((name) => (typeof name === 'string' ? clean(name) : undefined))
    .filter((name): name is string => name !== undefined && !/^https?:/i.test(name));
  return names.length > 0 ? names.join(', ') : undefined;
}

function clean(text: string | null | undefined): string | undefined {
  if (typeof text !== 'string') return undefined;
  const collapsed = collapseWhitespace(text);
  return collapsed === '' ? undefined : collapsed;
}

function readDate(text: string | null | undefined): DateValue | undefined {
  const value = clean(text);
  if (!value || value.length > MAX_DATE_TEXT) return undefined;
  // ISO timestamps keep the calendar date the publisher wrote (their local date), not a UTC conversion.
  const iso = /^(\d{4}-\d{2}-\d{2})[T ]/.exec(value);
  return parseIsoDate(iso ? iso[1]! : value) ?? parseDatelineText(value);
}

/** Only web addresses: a `javascript:` or `data:` "canonical URL" from a hostile page is dropped. */
function webUrl(text: string | null | undefined): string | undefined {
  const value = clean(text);
  if (!value) return undefined;
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/* ------------------------------------------------------------------ */
/* Article text                                                        */
/* ------------------------------------------------------------------ */

function isElement(node: DomNode): boolean {
  return node.nodeType === ELEMENT_NODE;
}

function isTweetEmbed(node: DomNode): boolean {
  return node.nodeName === 'BLOCKQUOTE' && /\b(?:twitter-tweet|x-post)\b/.test(node.getAttribute?.('class') ?? '');
}

/** Visible text of a node, skipping script-like elements and comments; `<br>` becomes a space. */
function textOf(node: DomNode): string {
  if (node.nodeType === TEXT_NODE) return node.textContent ?? '';
  if (!isElement(node) || SKIPPED.has(node.nodeName)) return '';
  if (node.nodeName === 'BR') return ' ';
  let text = '';
  for (const child of Array.from(node.childNodes)) text += textOf(child);
  // Inline runs inside a block join with their neighbours; block children get a space so words do not fuse.
  return BLOCKS.has(node.nodeName) || CONTAINERS.has(node.nodeName) ? ` ${text} ` : text;
}

function hasBlockChild(node: DomNode): boolean {
  return Array.from(node.childNodes).some((child) => isElement(child) && (BLOCKS.has(child.nodeName) || CONTAINERS.has(child.nodeName)));
}

/** Leaf block texts of the whole page (for the chrome accounting). */
function blockTexts(root: DomNode): string[] {
  const texts: string[] = [];
  const walk = (node: DomNode) => {
    if (!isElement(node) || SKIPPED.has(node.nodeName)) return;
    if (isTweetEmbed(node) || ((BLOCKS.has(node.nodeName) || CONTAINERS.has(node.nodeName)) && !hasBlockChild(node))) {
      const text = collapseWhitespace(textOf(node));
      if (text !== '') texts.push(text);
      return;
    }
    for (const child of Array.from(node.childNodes)) walk(child);
  };
  walk(root);
  return texts;
}

/**
 * The article as scrape-shaped lines: a block per line, a blank line between
 * blocks, the headline first (Readability drops the page's `<h1>` when it
 * matches the title, so the title is written back as the headline).
 */
function writeArticle(content: DomNode, title: string | undefined, locate: (text: string) => number, out: { text: string; line: number }[]): void {
  const push = (text: string, line: number) => {
    if (out.length > 0) out.push({ text: '', line });
    out.push({ text, line });
  };
  if (title) push(`# ${title}`, locate(title));
  let inlineRun = '';
  const flushInline = () => {
    const text = collapseWhitespace(inlineRun);
    inlineRun = '';
    if (text !== '') push(text, locate(text));
  };
  const walk = (node: DomNode) => {
    if (node.nodeType === TEXT_NODE) {
      inlineRun += node.textContent ?? '';
      return;
    }
    if (!isElement(node) || SKIPPED.has(node.nodeName)) return;
    const name = node.nodeName;
    if (name === 'BR') {
      inlineRun += ' ';
      return;
    }
    if (!BLOCKS.has(name) && !CONTAINERS.has(name)) {
      inlineRun += textOf(node);
      return;
    }
    flushInline();
    if (isTweetEmbed(node)) return writeTweet(node, locate, out);
    if (hasBlockChild(node) && name !== 'LI' && name !== 'P') {
      for (const child of Array.from(node.childNodes)) walk(child);
      flushInline();
      return;
    }
    const text = collapseWhitespace(textOf(node));
    if (text === '') return;
    if (/^H[1-6]$/.test(name)) {
      // The headline is already the first line; a repeated <h1> would become a paragraph.
      if (name === 'H1' && title !== undefined && text === title) return;
      push(`## ${text}`, locate(text));
    } else if (name === 'LI') push(`- ${text}`, locate(text));
    else push(text, locate(text));
  };
  walk(content);
  flushInline();
}

/**
 * Twitter's embed markup: `<blockquote class="twitter-tweet"><p>text</p>— Name
 * (@handle) <a>Month D, YYYY</a></blockquote>`. Written as the scrape shape
 * tweets.ts recognises: the text lines, then the attribution line, no blank line between.
 */
function writeTweet(node: DomNode, locate: (text: string) => number, out: { text: string; line: number }[]): void {
  const paragraphs: string[] = [];
  let attribution = '';
  for (const child of Array.from(node.childNodes)) {
    if (isElement(child) && child.nodeName === 'P') paragraphs.push(collapseWhitespace(textOf(child)));
    else attribution += textOf(child);
  }
  attribution = collapseWhitespace(attribution);
  const body = paragraphs.filter((text) => text !== '');
  // Not the usual embed shape: keep what it says as a quotation paragraph rather than lose it.
  if (!/\(@[A-Za-z0-9_]{1,15}\)/.test(attribution)) {
    const text = collapseWhitespace(textOf(node));
    if (text === '') return;
    if (out.length > 0) out.push({ text: '', line: locate(text) });
    out.push({ text, line: locate(text) });
    return;
  }
  const line = locate(body[0] ?? attribution);
  if (out.length > 0) out.push({ text: '', line });
  for (const text of body) out.push({ text, line: locate(text) });
  out.push({ text: /^[—–-]/.test(attribution) ? attribution : `— ${attribution}`, line: locate(attribution.replace(/^[—–-]+\s*/, '')) });
}

/**
 * Where a piece of text sits in the HTML file, as a 1-based line. linkedom
 * keeps no source positions, so the text is searched for: the longest run of
 * plain word characters at its start (entities and tags can split anything
 * else), from where the previous text was found, so repeated phrases map in
 * order. Not found (heavily marked-up text): the previous line. An
 * approximation that costs one string search per block.
 */
function sourceLocator(html: string): (text: string) => number {
  // Text is looked for in the body: the head repeats the headline in <title> and og:title.
  const bodyStart = Math.max(0, html.search(/<body[\s>]/i));
  const newlines: number[] = [];
  for (let i = html.indexOf('\n'); i !== -1; i = html.indexOf('\n', i + 1)) newlines.push(i);
  const lineAt = (offset: number) => {
    let low = 0;
    let high = newlines.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (newlines[mid]! < offset) low = mid + 1;
      else high = mid;
    }
    return low + 1;
  };
  let from = bodyStart;
  let lastLine = 1;
  return (text) => {
    const probe = /^[\p{L}\p{N} ,.]{8,40}/u.exec(text.replace(/^[^\p{L}\p{N}]+/u, ''))?.[0].trim();
    if (!probe) return lastLine;
    let at = html.indexOf(probe, from);
    if (at === -1) at = html.indexOf(probe, bodyStart);
    if (at === -1) return lastLine;
    from = at + probe.length;
    lastLine = lineAt(at);
    return lastLine;
  };
}
