import { describe, expect, it } from 'vitest';
import { pagefindSeconds, type SiteResult } from '../../../scripts/bench/site-figures.ts';
import { formatSiteTable } from '../../../scripts/bench/table.ts';
import { summarise } from '../../../scripts/bench/profile-summary.ts';

function site(size: number, total: number, rebuild: number, rss: number, addOne?: number): SiteResult {
  const build = (seconds: number) => ({ pipeline: { seconds: seconds / 4, peakRssMiB: rss / 2 }, astroSeconds: seconds / 2, pagefindSeconds: seconds / 4, totalSeconds: seconds, peakRssMiB: rss });
  return { size, pages: size + 420, full: build(total), rebuild: build(rebuild), ...(addOne !== undefined && { addOne: build(addOne) }), distMiB: size / 10, indexMiB: size / 100, mdxMiB: size / 20 };
}

describe('pagefindSeconds', () => {
  it('reads Pagefind’s timing from astro-build’s log, or Starlight’s in seconds or milliseconds', () => {
    expect(pagefindSeconds('[starlight:pagefind] Finished building search index in 12.34s.')).toBe(12.34);
    expect(pagefindSeconds('[starlight:pagefind] Finished building search index in 512ms.')).toBe(0.512);
    expect(pagefindSeconds('astro-build: Pagefind indexed 5421 pages in 21.45 s')).toBe(21.45);
    expect(pagefindSeconds('no index was built')).toBe(0);
  });
});

describe('formatSiteTable', () => {
  it('marks the targets: total and memory at 5,000, growth from 1,000, rebuild share', () => {
    const text = formatSiteTable([site(1000, 30, 2, 1500), site(5000, 110, 3, 2900, 22)]);
    expect(text).toMatch(/^5000 .* 110\.0 ok .* 2900 ok .* 3\.0 \(3 % ok\) +22\.0 \(20 % ok\)$/m);
    // A result from before the added-article build was measured.
    expect(text).toMatch(/^1000 .* \(7 % ok\)  +-$/m);
    expect(text).toContain('growth 5,000 / 1,000 articles: 3.67× ok');
  });

  it('reports misses', () => {
    const text = formatSiteTable([site(1000, 20, 10, 1500), site(5000, 130, 40, 3500, 65)]);
    expect(text).toMatch(/^5000 .* 130\.0 MISS .* 3500 MISS .* \(31 % MISS\) +65\.0 \(50 % MISS\)$/m);
    expect(text).toContain('6.50× MISS');
  });
});

describe('summarise (CPU profiles)', () => {
  it('adds self time to the leaf and total time to every caller once', () => {
    const node = (id: number, functionName: string, children: number[] = []) => ({ id, callFrame: { functionName, url: 'file:///x/scripts/a.ts', lineNumber: id }, children });
    const profile = { nodes: [node(1, 'root', [2]), node(2, 'outer', [3]), node(3, 'inner')], samples: [3, 3, 2], timeDeltas: [1000, 1000, 1000] };
    const byName = new Map(summarise(profile).map((row) => [row.name.split(' ')[0], row]));
    expect(byName.get('inner')).toMatchObject({ selfMs: 2, totalMs: 2 });
    expect(byName.get('outer')).toMatchObject({ selfMs: 1, totalMs: 3 });
    expect(byName.get('root')).toMatchObject({ selfMs: 0, totalMs: 3 });
  });
});
