import { describe, expect, it } from 'vitest';
import { BRIEFING_PAGES_PER_BUNDLE, bundleCount, mergedBundlesJson, planSearchShards, SOURCE_PAGES_PER_BUNDLE } from '../../../scripts/io/search-shards.ts';
import { PRIMARY_BUNDLE, readMergedBundles } from '../../../src/lib/search-bundles.ts';

const sourcePages = (count: number, from = 0) => Array.from({ length: count }, (_, index) => `sources/${String(from + index).padStart(5, '0')}-article/index.html`);
const actorPages = (count: number) => Array.from({ length: count }, (_, index) => `actors/person-${index}/index.html`);
const topLevel = ['index.html', '404.html', 'actors/index.html', 'sources/index.html', 'events/index.html'];

describe('bundleCount', () => {
  it('is one bundle up to the size, then a power of two', () => {
    expect(bundleCount(0, 1500)).toBe(1);
    expect(bundleCount(1500, 1500)).toBe(1);
    expect(bundleCount(1501, 1500)).toBe(2);
    expect(bundleCount(3000, 1500)).toBe(2);
    expect(bundleCount(3001, 1500)).toBe(4);
    expect(bundleCount(5001, 1500)).toBe(4);
    expect(bundleCount(6001, 1500)).toBe(8);
  });
});

describe('planSearchShards', () => {
  it('puts every page in exactly one bundle, the primary first, the top-level pages in it', () => {
    const pages = [...topLevel, ...actorPages(BRIEFING_PAGES_PER_BUNDLE + 10), ...sourcePages(SOURCE_PAGES_PER_BUNDLE * 2 + 1)];
    const shards = planSearchShards(pages);
    expect(shards[0]!.name).toBe(PRIMARY_BUNDLE);
    for (const page of topLevel) expect(shards[0]!.pages).toContain(page);
    expect(shards.flatMap((shard) => shard.pages).sort()).toEqual([...pages].sort());
    expect(shards.map((shard) => shard.name)).toEqual([PRIMARY_BUNDLE, 'pagefind-briefings-1', 'pagefind-sources-0', 'pagefind-sources-1', 'pagefind-sources-2', 'pagefind-sources-3']);
    // Source pages only in source bundles, briefing pages never there.
    for (const shard of shards) expect(shard.pages.every((page) => page.startsWith('sources/') && page !== 'sources/index.html')).toBe(shard.name.startsWith('pagefind-sources-'));
    // Hashing spreads them: no bundle holds more than twice its share.
    for (const shard of shards.filter(({ name }) => name.startsWith('pagefind-sources-'))) expect(shard.pages.length).toBeLessThan((2 * (SOURCE_PAGES_PER_BUNDLE * 2 + 1)) / 4);
  });

  it('keeps the sources in a bundle of their own on a small site, and leaves no bundle empty', () => {
    const shards = planSearchShards([...topLevel, ...actorPages(3), ...sourcePages(5)]);
    expect(shards.map((shard) => [shard.name, shard.pages.length])).toEqual([
      [PRIMARY_BUNDLE, topLevel.length + 3],
      ['pagefind-sources-0', 5],
    ]);
    expect(planSearchShards(['index.html']).map((shard) => shard.name)).toEqual([PRIMARY_BUNDLE]);
  });

  it('gives the same plan whatever order the pages come in', () => {
    const pages = [...topLevel, ...actorPages(4000), ...sourcePages(5000)];
    expect(planSearchShards([...pages].reverse())).toEqual(planSearchShards(pages));
  });

  it('adds a new source page to one source bundle and leaves the others as they were', () => {
    const before = planSearchShards([...topLevel, ...sourcePages(5000)]);
    const after = planSearchShards([...topLevel, ...sourcePages(5000), ...sourcePages(1, 5000)]);
    const changed = after.filter((shard) => JSON.stringify(shard) !== JSON.stringify(before.find(({ name }) => name === shard.name)));
    expect(changed).toHaveLength(1);
    expect(changed[0]!.pages).toContain(sourcePages(1, 5000)[0]);
  });
});

describe('the bundle list the search UI reads', () => {
  it('lists the merged bundles, and the UI reads it back', () => {
    const shards = planSearchShards([...topLevel, ...actorPages(3100), ...sourcePages(10)]);
    const json = mergedBundlesJson(shards);
    expect(JSON.parse(json)).toEqual({ merge: ['pagefind-briefings-1/', 'pagefind-sources-0/'] });
    expect(readMergedBundles(JSON.parse(json))).toEqual(['pagefind-briefings-1/', 'pagefind-sources-0/']);
  });

  it('accepts nothing but bundle folders of this site', () => {
    const hostile = {
      merge: ['pagefind-sources-0/', '../pagefind-sources-1/', 'https://evil.example/pagefind/', 'pagefind/', 'pagefind-sources-2', 'pagefind-sources-x/', 'javascript:alert(1)//pagefind-sources-3/', 7, { bundlePath: 'x' }, 'pagefind-briefings-12/'],
    };
    expect(readMergedBundles(hostile)).toEqual(['pagefind-sources-0/', 'pagefind-briefings-12/']);
    for (const junk of [null, 3, 'x', [], { merge: 'pagefind-sources-0/' }]) expect(readMergedBundles(junk)).toEqual([]);
  });
});
