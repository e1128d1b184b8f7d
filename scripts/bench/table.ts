/** Plain-text tables for the benchmark results (pure). */
import type { SizeResult } from './measure.ts';
import type { SiteResult } from './site-figures.ts';

export const TARGET_ARTICLES_PER_SECOND = 200;
export const TARGET_SPEED_UP = 10;
/** Whole build (issue 6): 5,000 articles in at most this many seconds and this much memory. */
export const TARGET_TOTAL_SECONDS = 120;
export const TARGET_PEAK_RSS_MIB = 3 * 1024;
/** Total time at 5,000 articles over total time at 1,000: at most this (linear growth). */
export const TARGET_GROWTH = 5.5;
/** A rebuild with nothing changed: at most this share of the full build. */
export const TARGET_REBUILD_SHARE = 0.25;

function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

const fixed = (n: number, digits = 2) => n.toFixed(digits);

export function formatTable(results: SizeResult[]): string {
  const rows = results.map((r) => {
    const rate = r.size / r.coldSeconds;
    const speedUp = r.coldSeconds / r.warmSeconds;
    return [
      String(r.size),
      fixed(r.coldSeconds),
      `${fixed(rate, 0)}${r.size >= 5000 ? (rate >= TARGET_ARTICLES_PER_SECOND ? ' ok' : ' MISS') : ''}`,
      fixed(r.warmSeconds),
      `${fixed(speedUp, 1)}×${speedUp >= TARGET_SPEED_UP ? ' ok' : ' MISS'}`,
      fixed(r.mdxSeconds),
      fixed(r.sharedSeconds),
      fixed(r.peakRssMiB, 0),
      `${r.sharedPassages}/${r.nearCopies}`,
    ];
  });
  return [
    table(['articles', 'pipeline s (cold)', 'articles/s', 're-run s (cached)', 'speed-up', 'MDX s', 'shared-text s', 'peak RSS MiB', 'passages/near-copies'], rows),
    `targets: ≥ ${TARGET_ARTICLES_PER_SECOND} articles/s (cold) at 5,000 articles; re-run with no changed article ≥ ${TARGET_SPEED_UP}× faster than cold.`,
    `"shared-text s" is reuse detection (detectSharedPassages: shingles, MinHash, LSH, verification) alone on the segmented articles; "MDX s" is buildSite (assemble + emit, no file writes).`,
  ].join('\n');
}

/** Per-stage milliseconds of one uncached run (scripts/bench/stages.ts), with each stage's share. */
export function formatStages(results: SizeResult[]): string | undefined {
  const withStages = results.filter((r) => r.stages);
  if (withStages.length === 0) return undefined;
  const names = Object.keys(withStages[0]!.stages!);
  const rows = names.map((name) => [
    name,
    ...withStages.map((r) => {
      const total = Object.values(r.stages!).reduce((a, b) => a + b, 0);
      const ms = r.stages![name] ?? 0;
      return `${fixed(ms / 1000)} s (${fixed((100 * ms) / total, 0)} %)`;
    }),
  ]);
  rows.push(['total', ...withStages.map((r) => `${fixed(Object.values(r.stages!).reduce((a, b) => a + b, 0) / 1000)} s`)]);
  return `Stage profile (one uncached run, timers around each stage):\n${table(['stage', ...withStages.map((r) => `${r.size} articles`)], rows)}`;
}

const mark = (ok: boolean) => (ok ? ' ok' : ' MISS');

/** The whole-build table (scripts/bench/site-build.ts): pipeline, Astro, Pagefind, sizes, and a rebuild with nothing changed. */
export function formatSiteTable(results: SiteResult[]): string {
  const bySize = new Map(results.map((r) => [r.size, r]));
  const rows = results.map((r) => {
    const share = r.rebuild.totalSeconds / r.full.totalSeconds;
    const big = r.size >= 5000;
    return [
      String(r.size),
      String(r.pages),
      fixed(r.full.pipeline.seconds, 1),
      fixed(r.full.astroSeconds, 1),
      fixed(r.full.pagefindSeconds, 1),
      `${fixed(r.full.totalSeconds, 1)}${big ? mark(r.full.totalSeconds <= TARGET_TOTAL_SECONDS) : ''}`,
      fixed(r.pages / r.full.totalSeconds, 1),
      `${fixed(r.full.peakRssMiB, 0)}${big ? mark(r.full.peakRssMiB <= TARGET_PEAK_RSS_MIB) : ''}`,
      fixed(r.distMiB, 1),
      fixed(r.indexMiB, 1),
      `${fixed(r.rebuild.totalSeconds, 1)} (${fixed(100 * share, 0)} %${mark(share <= TARGET_REBUILD_SHARE)})`,
    ];
  });
  const small = bySize.get(1000);
  const large = bySize.get(5000);
  const growth = small && large ? large.full.totalSeconds / small.full.totalSeconds : undefined;
  return [
    table(['articles', 'pages', 'pipeline s', 'Astro s', 'Pagefind s', 'total s', 'pages/s', 'peak RSS MiB', 'dist MiB', 'index MiB', 'no-change rebuild s'], rows),
    ...(growth === undefined ? [] : [`growth 5,000 / 1,000 articles: ${fixed(growth, 2)}×${mark(growth <= TARGET_GROWTH)}`]),
    `targets: 5,000 articles ≤ ${TARGET_TOTAL_SECONDS} s total with peak RSS ≤ ${TARGET_PEAK_RSS_MIB / 1024} GiB; 5,000 / 1,000 ≤ ${TARGET_GROWTH}; no-change rebuild ≤ ${100 * TARGET_REBUILD_SHARE} % of the full build.`,
    '"pipeline s" is the briefing build (scripts/build-briefings.ts: pipeline, pages, writes); "Astro s" is astro build without Pagefind, which Starlight runs at its end ("Pagefind s", from its own log); peak RSS is the largest resident size of the build\'s process tree, sampled every 100 ms.',
  ].join('\n');
}
