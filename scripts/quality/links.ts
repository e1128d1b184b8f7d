/**
 * Link integrity of a built site: every internal link, asset and #fragment must
 * resolve. linkinator does the crawling and the fragment check (it parses each
 * page with htmlparser2 and collects `id` and `<a name>` targets); we run it
 * against the site as served (astro preview), so the deploy base, trailing
 * slashes and 404 handling are the real ones, and never reach the network:
 * anything outside the served origin is skipped, and the canonical origin the
 * build was made for (`SITE`) is rewritten to the served one so that canonical,
 * Open Graph and JSON-LD URLs are checked too.
 */
import { escapeRegExp } from '../pipeline/shared/regexp.ts';
import { readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { LinkChecker, LinkState, type LinkResult } from 'linkinator';

export interface LinkCheckOptions {
  /** The origin the site is served on, e.g. http://127.0.0.1:4400. */
  origin: string;
  /** The deploy base the site was built with, e.g. "/" or "/briefing/". */
  base: string;
  /** The built folder: every HTML page in it is a starting point, so pages nothing links to are checked too. */
  outDir: string;
  /** The origin the build used for absolute URLs (canonical, og:url); rewritten to `origin`. */
  siteOrigin?: string;
}

export interface BrokenLink {
  url: string;
  /** The page that holds the link. */
  parent: string;
  status: number;
  /** Why it failed: an HTTP status, linkinator's "Fragment identifier … not found" or a network error. */
  reason: string;
}

/** Served URL of each HTML file under outDir ("actors/x/index.html" → "<origin><base>actors/x/"). */
export function pageUrls(outDir: string, origin: string, base: string): string[] {
  const files = readdirSync(outDir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.html'))
    .map((entry) => relative(outDir, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .sort();
  return files.map((file) => `${origin}${base}${file.replace(/(^|\/)index\.html$/, '$1')}`);
}

function describe(result: LinkResult): string {
  const details = result.failureDetails ?? [];
  const messages = details.map((detail) => (detail instanceof Error ? detail.message : `HTTP ${detail.status}`));
  return [...new Set(messages)].join('; ') || `HTTP ${result.status ?? 0}`;
}

export async function findBrokenLinks(options: LinkCheckOptions): Promise<BrokenLink[]> {
  const { origin, base, outDir, siteOrigin } = options;
  const checker = new LinkChecker();
  const ours = [origin, ...(siteOrigin ? [siteOrigin] : [])];
  const result = await checker.check({
    path: pageUrls(outDir, origin, base),
    recurse: true,
    checkFragments: true,
    concurrency: 16,
    timeout: 10_000,
    // Only our own origins: source articles link to news sites, which tests must never fetch.
    // (linkinator applies this before the rewrite below, so the canonical origin counts as ours.)
    linksToSkip: async (link) => !ours.some((own) => link === own || link.startsWith(`${own}/`)),
    urlRewriteExpressions: siteOrigin
      ? [{ pattern: new RegExp(`^${escapeRegExp(siteOrigin)}(?=/|$)`), replacement: origin }]
      : [],
  });
  return result.links
    .filter((link) => link.state === LinkState.BROKEN)
    .map((link) => ({ url: link.url, parent: link.parent ?? '(start)', status: link.status ?? 0, reason: describe(link) }))
    .sort((a, b) => a.url.localeCompare(b.url) || a.parent.localeCompare(b.parent));
}
