/**
 * Which search bundle each built page is indexed in (pure; the build runs
 * Pagefind once per bundle, scripts/io/search-index.ts).
 *
 * Why shards: Pagefind over the whole of a large site was one process that
 * used both cores only while it parsed the pages, then ran on one for its
 * last third, and peaked at 2.7 GB at 5,000 articles. Several smaller indexes
 * run side by side, each peaks far lower, and a bundle whose pages did not
 * change is kept from the last build instead of indexed again: adding one
 * article changes one source page, so one source bundle. The search UI merges
 * the bundles (Pagefind's `mergeIndex`), so readers search one site.
 *
 * The split: source pages by a hash of their slug, so a new article lands in
 * one bundle and leaves the others alone; every other page (briefings, home,
 * indexes) by a hash of its path, with the top-level pages always in the
 * primary bundle, `pagefind/`, which Starlight and Pagefind's own scripts
 * load. Bundle counts are powers of two by page count, so they change rarely
 * (a change re-indexes everything once, as every build did before).
 */
import { createHash } from 'node:crypto';
import { PRIMARY_BUNDLE } from '../../src/lib/search-bundles.ts';

/** About this many pages per bundle, rounded to a power of two bundles (measured at 5,000 articles, docs/bench.md). */
export const SOURCE_PAGES_PER_BUNDLE = 1500;
export const BRIEFING_PAGES_PER_BUNDLE = 3000;

export interface SearchShard {
  /** The bundle's folder under the site root. */
  name: string;
  /** The HTML files it indexes, relative to the site root with `/` separators, sorted. */
  pages: string[];
}

/** 1, 2, 4, 8… bundles for `pages` pages at about `perBundle` each. */
export function bundleCount(pages: number, perBundle: number): number {
  return pages <= perBundle ? 1 : 2 ** Math.ceil(Math.log2(pages / perBundle));
}

function bucket(text: string, buckets: number): number {
  return buckets === 1 ? 0 : createHash('sha1').update(text).digest().readUInt32BE(0) % buckets;
}

/** `sources/<slug>/index.html` → the slug; anything else → undefined. */
function sourceSlug(page: string): string | undefined {
  const parts = page.split('/');
  return parts.length === 3 && parts[0] === 'sources' && parts[2] === 'index.html' ? parts[1] : undefined;
}

/**
 * The bundles for these pages (HTML files relative to the site root): the
 * primary first, then briefing and source bundles by number; empty ones left out.
 */
export function planSearchShards(pages: readonly string[]): SearchShard[] {
  const sources = pages.filter((page) => sourceSlug(page) !== undefined);
  const others = pages.filter((page) => sourceSlug(page) === undefined);
  const sourceBundles = bundleCount(sources.length, SOURCE_PAGES_PER_BUNDLE);
  const briefingBundles = bundleCount(others.length, BRIEFING_PAGES_PER_BUNDLE);
  // In the order the UI lists them: the primary (which Starlight's and Pagefind's own scripts load,
  // so it always exists), then the other briefing bundles, then the source bundles, by number.
  const names = [
    PRIMARY_BUNDLE,
    ...Array.from({ length: briefingBundles - 1 }, (_, index) => `pagefind-briefings-${index + 1}`),
    ...Array.from({ length: sourceBundles }, (_, index) => `pagefind-sources-${index}`),
  ];
  const shards = new Map(names.map((name) => [name, [] as string[]]));
  for (const page of others) {
    // The home page, the 404 page and the section indexes stay in the primary bundle.
    const topLevel = page.split('/').length <= 2;
    const number = topLevel ? 0 : bucket(page, briefingBundles);
    shards.get(number === 0 ? PRIMARY_BUNDLE : `pagefind-briefings-${number}`)!.push(page);
  }
  for (const page of sources) shards.get(`pagefind-sources-${bucket(sourceSlug(page)!, sourceBundles)}`)!.push(page);
  return names.map((name) => ({ name, pages: shards.get(name)!.sort() })).filter(({ name, pages }) => name === PRIMARY_BUNDLE || pages.length > 0);
}

/** What the primary bundle's `bundles.json` holds: the merged bundles' folders, each ending in `/`. */
export function mergedBundlesJson(shards: readonly SearchShard[]): string {
  return `${JSON.stringify({ merge: shards.filter((shard) => shard.name !== PRIMARY_BUNDLE).map((shard) => `${shard.name}/`) })}\n`;
}
