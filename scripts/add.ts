/**
 * `npm run add -- <url> [more urls]`: fetch article pages and save each under
 * content/articles/ as an `.html` file named from its date and title, which
 * the next build ingests like any other article.
 *
 * For each address it prints what the build will make of the page (title,
 * outlet, date, author, address, word count) and what it could not find. It
 * writes nothing when the page does not answer in time, answers with an HTTP
 * error, is not HTML, holds no article, or is already in the content folder
 * (same canonical address, or the same text under another file name, which it
 * names). Little text (a paywall or a teaser) is saved with a warning.
 *
 * Fetching and file access live here, at the edge; what counts as an article
 * and as the same article are the pipeline's pure stages (ingest/).
 * CONTENT_DIR and BRIEFING_ROOT choose the folder as for the build, so tests
 * never touch content/.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { readInputs } from './io/read-inputs.ts';
import { HTML_MARKUP_FACTOR, ingestArticle, MAX_ARTICLE_BYTES, parseSources } from './pipeline/ingest/index.ts';
import { normaliseUrl, sameText, textKeys } from './pipeline/ingest/same-article.ts';
import type { Article } from './pipeline/model.ts';
import { slugify } from './pipeline/shared/slug.ts';

export interface AddOptions {
  /** Project root (BRIEFING_ROOT); `contentDir` is relative to it. */
  root: URL;
  contentDir: string;
  /** Whole request, redirects and body included. */
  timeoutMs?: number;
  maxRedirects?: number;
  log?: (line: string) => void;
}

export type AddOutcome =
  | { url: string; status: 'saved'; file: string; words: number; warnings: string[] }
  | { url: string; status: 'refused'; reason: string };

export const DEFAULT_TIMEOUT_MS = 20_000;
export const MAX_REDIRECTS = 5;
/**
 * Fewer words than this is a teaser, not a news article: a paywall or a
 * consent wall let the extractor see only the first paragraphs.
 */
export const PAYWALL_WORDS = 150;
const MAX_PAGE_BYTES = MAX_ARTICLE_BYTES * HTML_MARKUP_FACTOR;
const HTML_TYPES = /^(?:text\/html|application\/xhtml\+xml)\b/i;

class Refusal extends Error {}

interface Known {
  file: string;
  urls: Set<string>;
  keys: string[];
}

export async function addArticles(urls: readonly string[], options: AddOptions): Promise<AddOutcome[]> {
  const log = options.log ?? ((line: string) => console.log(line));
  const articlesDir = `${options.contentDir}/articles`;
  const known = existingArticles(options.root, options.contentDir);
  const outcomes: AddOutcome[] = [];
  for (const url of urls) {
    log(`add: ${url}`);
    try {
      const outcome = await addOne(url, articlesDir, known, options);
      outcomes.push(outcome);
      log(`  saved   ${outcome.file}`);
      for (const warning of outcome.warnings) log(`  warning ${warning}`);
    } catch (error) {
      const reason = error instanceof Refusal ? error.message : `unexpected failure: ${error instanceof Error ? error.message : String(error)}`;
      outcomes.push({ url, status: 'refused', reason });
      log(`  refused ${reason}; nothing was written.`);
    }
  }
  return outcomes;

  async function addOne(url: string, folder: string, have: Known[], opts: AddOptions): Promise<AddOutcome & { status: 'saved' }> {
    const page = await fetchPage(url, opts.timeoutMs ?? DEFAULT_TIMEOUT_MS, opts.maxRedirects ?? MAX_REDIRECTS);
    const bytes = new TextEncoder().encode(page.html);
    // Ingested under a provisional name: the real one comes from what the page says.
    const { article, diagnostics } = ingestArticle({ file: `${folder}/new.html`, bytes });
    if (!article) {
      const problem = diagnostics.find((d) => d.severity === 'error');
      throw new Refusal(problem?.code === 'article/no-article' ? 'the page holds no article the extractor could find (an index, a login or cookie wall, or a page built by scripts)' : (problem?.message.replace(`${folder}/new.html`, 'the page') ?? 'the page could not be read as an article'));
    }
    const addresses = new Set([page.finalUrl, url, article.meta.url].flatMap((address) => (address ? [normaliseUrl(address)] : [])).filter((address): address is string => address !== undefined));
    const keys = textKeys(article.blocks);
    for (const existing of have) {
      const sameAddress = [...addresses].find((address) => existing.urls.has(address));
      if (sameAddress) throw new Refusal(`already in the content folder as ${existing.file} (same address: ${sameAddress})`);
      if (sameText(keys, existing.keys)) throw new Refusal(`already in the content folder as ${existing.file} (the same text under another name)`);
    }

    const file = saveNew(opts.root, folder, fileName(article, page.finalUrl), bytes);
    have.push({ file, urls: addresses, keys });
    const words = article.blocks.reduce((sum, block) => sum + (block.text.match(/[\p{L}\p{N}]+/gu)?.length ?? 0), 0);
    describe(article, words, page, log);
    const warnings: string[] = [];
    if (words < PAYWALL_WORDS) warnings.push(`only ${words} words of article text: probably a paywall, a consent wall or a teaser. Check ${file}; replace it with the full text (e.g. a .txt file) if you have it.`);
    if (page.redirects > 0) warnings.push(`followed ${page.redirects} redirect(s) to ${page.finalUrl}`);
    return { url, status: 'saved', file, words, warnings };
  }
}

/** What the build will use, and what it will have to do without. */
function describe(article: Article, words: number, page: { finalUrl: string }, log: (line: string) => void): void {
  const meta = article.meta;
  const found = meta.provenance;
  log(`  title   ${meta.title}${found.title === 'page' || found.title === 'headline' ? '' : ' (guessed from the text)'}`);
  const missing: string[] = [];
  const row = (label: string, value: string | undefined) => (value ? log(`  ${label.padEnd(7)} ${value}`) : missing.push(label));
  row('outlet', meta.outlet);
  row('date', meta.published?.label);
  row('author', meta.author);
  row('url', meta.url);
  log(`  words   ${words}`);
  if (missing.length > 0) {
    log(`  not found: ${missing.join(', ')}. Add ${missing.length === 1 ? 'it' : 'them'} to content/sources.yaml under the file name${missing.includes('url') ? ` (the page was fetched from ${page.finalUrl})` : ''}.`);
  }
}

/** `2025-11-14-port-veloria-terminal-expansion.html`; without a date, the title alone; without either, the address. */
function fileName(article: Article, finalUrl: string): string {
  const fromTitle = article.meta.provenance.title === 'file-name' ? '' : slugify(article.meta.title, 60);
  const base = fromTitle || slugify(finalUrl.replace(/^https?:\/\//, ''), 60) || 'article';
  const date = article.meta.published?.precision === 'day' ? `${article.meta.published.start}-` : '';
  return `${date}${base}`;
}

/** Writes under a name no file has yet (`-2`, `-3`, … if needed); never replaces a file, even one created meanwhile. */
function saveNew(root: URL, folder: string, base: string, bytes: Uint8Array): string {
  mkdirSync(new URL(`${folder}/`, root), { recursive: true });
  for (let n = 1; ; n++) {
    const file = `${folder}/${base}${n === 1 ? '' : `-${n}`}.html`;
    const target = new URL(file, root);
    if (existsSync(target)) continue;
    try {
      writeFileSync(target, bytes, { flag: 'wx' });
      return file;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
}

/** Every article already in the content folder, with its addresses (its own and sources.yaml's) and its text. */
function existingArticles(root: URL, contentDir: string): Known[] {
  const inputs = readInputs(root, contentDir);
  const sources = inputs.sources ? parseSources(inputs.sources.text, inputs.sources.file).entries : {};
  return inputs.articles.map((input) => {
    const name = input.file.split('/').pop() ?? input.file;
    const source = sources[name];
    const { article } = ingestArticle({ file: input.file, bytes: input.bytes, ...(source ? { source } : {}) });
    const urls = new Set([article?.meta.url, source?.url].flatMap((url) => (url ? [normaliseUrl(url)] : [])).filter((url): url is string => url !== undefined));
    return { file: input.file, urls, keys: article ? textKeys(article.blocks) : [] };
  });
}

interface FetchedPage {
  html: string;
  finalUrl: string;
  redirects: number;
}

/**
 * GET with redirects followed by hand (to count them and to refuse a loop or
 * a non-web target), one deadline for the whole exchange, HTTP errors and
 * non-HTML answers refused, and the body read up to the size the build accepts.
 */
async function fetchPage(address: string, timeoutMs: number, maxRedirects: number): Promise<FetchedPage> {
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    throw new Refusal(`"${address}" is not a web address`);
  }
  const signal = AbortSignal.timeout(timeoutMs);
  try {
    for (let redirects = 0; ; redirects++) {
      if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Refusal(`${url.href} is not an http(s) address`);
      const response = await fetch(url, { redirect: 'manual', signal, headers: { accept: 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.1', 'user-agent': 'briefing-add/1 (+https://github.com/)' } });
      if (response.status >= 300 && response.status < 400) {
        const location = response.headers.get('location');
        await response.body?.cancel();
        if (!location) throw new Refusal(`HTTP ${response.status} redirect without a Location header`);
        if (redirects >= maxRedirects) throw new Refusal(`more than ${maxRedirects} redirects (last to ${new URL(location, url).href})`);
        url = new URL(location, url);
        continue;
      }
      if (!response.ok) {
        await response.body?.cancel();
        throw new Refusal(`HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`);
      }
      const type = response.headers.get('content-type') ?? '';
      if (!HTML_TYPES.test(type)) {
        await response.body?.cancel();
        throw new Refusal(`not a web page (content type "${type || 'none'}"); only HTML pages can be added`);
      }
      const bytes = await readCapped(response, MAX_PAGE_BYTES);
      return { html: decodePage(bytes, type), finalUrl: url.href, redirects };
    }
  } catch (error) {
    if (error instanceof Refusal) throw error;
    if (signal.aborted) throw new Refusal(`no complete answer within ${(timeoutMs / 1000).toFixed(1)} s`);
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    throw new Refusal(`could not connect (${cause?.code ?? cause?.message ?? (error as Error).message})`);
  }
}

async function readCapped(response: Response, limit: number): Promise<Uint8Array> {
  const declared = Number(response.headers.get('content-length') ?? 0);
  if (declared > limit) {
    await response.body?.cancel();
    throw new Refusal(`the page is ${(declared / 2 ** 20).toFixed(1)} MiB, over the ${(limit / 2 ** 20).toFixed(0)} MiB a saved article may be`);
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of response.body ?? []) {
    size += chunk.length;
    if (size > limit) throw new Refusal(`the page is over the ${(limit / 2 ** 20).toFixed(0)} MiB a saved article may be`);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

/**
 * The page's text in its declared encoding (HTTP header, else `<meta charset>`),
 * saved as UTF-8, which is what the build reads.
 */
function decodePage(bytes: Uint8Array, contentType: string): string {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096));
  const label = /charset=["']?([\w-]+)/i.exec(contentType)?.[1] ?? /<meta[^>]+charset=["']?([\w-]+)/i.exec(head)?.[1] ?? 'utf-8';
  try {
    return new TextDecoder(label).decode(bytes);
  } catch {
    return new TextDecoder('utf-8').decode(bytes);
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const urls = process.argv.slice(2).filter((arg) => arg !== '--');
  if (urls.length === 0) {
    console.error('usage: npm run add -- <url> [more urls]');
    process.exit(2);
  }
  const root = process.env.BRIEFING_ROOT ? pathToFileURL(`${process.env.BRIEFING_ROOT.replace(/\/+$/, '')}/`) : new URL('..', import.meta.url);
  const outcomes = await addArticles(urls, { root, contentDir: process.env.CONTENT_DIR ?? 'content' });
  const saved = outcomes.filter((outcome) => outcome.status === 'saved').length;
  console.log(`add: ${saved} of ${outcomes.length} saved${saved > 0 ? '; run "npm run build" to see them on the site' : ''}.`);
  if (saved < outcomes.length) process.exitCode = 1;
}
