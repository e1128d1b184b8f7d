/** Plain-text tables for the benchmark results (pure). */
import type { SizeResult } from './measure.ts';
import type { AstroPhases, PageKindFigures, SiteResult } from './site-figures.ts';

export const TARGET_ARTICLES_PER_SECOND = 200;
export const TARGET_SPEED_UP = 10;
/** Whole build (issue 6): 5,000 articles in at most this many seconds and this much memory. */
export const TARGET_TOTAL_SECONDS = 120;
export const TARGET_PEAK_RSS_MIB = 3 * 1024;
/** Total time at 5,000 articles over total time at 1,000: at most this (linear growth). */
export const TARGET_GROWTH = 5.5;
/** A rebuild with nothing changed, or with one article added: at most this share of the full build. */
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
      r.addOne ? `${fixed(r.addOne.totalSeconds, 1)} (${fixed((100 * r.addOne.totalSeconds) / r.full.totalSeconds, 0)} %${mark(r.addOne.totalSeconds / r.full.totalSeconds <= TARGET_REBUILD_SHARE)})` : '-',
    ];
  });
  const small = bySize.get(1000);
  const large = bySize.get(5000);
  const growth = small && large ? large.full.totalSeconds / small.full.totalSeconds : undefined;
  return [
    table(['articles', 'pages', 'pipeline s', 'Astro s', 'Pagefind s', 'total s', 'pages/s', 'peak RSS MiB', 'dist MiB', 'index MiB', 'no-change rebuild s', 'one article added s'], rows),
    ...(growth === undefined ? [] : [`growth 5,000 / 1,000 articles: ${fixed(growth, 2)}×${mark(growth <= TARGET_GROWTH)}`]),
    `targets: 5,000 articles ≤ ${TARGET_TOTAL_SECONDS} s total with peak RSS ≤ ${TARGET_PEAK_RSS_MIB / 1024} GiB; 5,000 / 1,000 ≤ ${TARGET_GROWTH}; a rebuild with no change, or with one article added, ≤ ${100 * TARGET_REBUILD_SHARE} % of the full build.`,
    '"pipeline s" is the briefing build (scripts/build-briefings.ts: pipeline, pages, writes); "Astro s" is astro build without Pagefind, which Starlight runs at its end ("Pagefind s", from its own log); peak RSS is the largest resident size of the build\'s process tree, sampled every 100 ms.',
  ].join('\n');
}

/** Whole build over the bare Starlight build at 5,000 articles (issue 15): at most this. */
export const TARGET_BARE_RATIO = 1.1;
/** dist/ bytes per page over the bare Starlight site's: at most this. */
export const TARGET_PAGE_WEIGHT_RATIO = 2;

/** The middle value (the mean of the two middle ones for an even count); undefined for none. */
export function median(values: readonly number[]): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/**
 * With `--rounds N`: each size's ratios over its paired rounds (a cold build of
 * the project and a bare build, one after the other), their median and range.
 * Undefined when no size has more than one round.
 */
export function formatRounds(results: SiteResult[]): string | undefined {
  const lines = results.flatMap((r) => {
    const rounds = r.rounds ?? [];
    if (rounds.length < 2) return [];
    const big = r.size >= 5000;
    const summary = (label: string, ratios: number[]) => {
      const middle = median(ratios)!;
      const list = ratios.map((ratio) => `${fixed(ratio, 2)}×`).join(', ');
      return `${label} ${fixed(middle, 2)}×${big ? mark(middle <= TARGET_BARE_RATIO) : ''} (${list})`;
    };
    const wall = rounds.map((round) => round.projectSeconds / round.bareSeconds);
    const cpu = rounds.flatMap((round) => (round.projectCpuSeconds !== undefined && round.bareCpuSeconds ? [round.projectCpuSeconds / round.bareCpuSeconds] : []));
    const seconds = rounds.map((round) => `${fixed(round.projectSeconds, 1)}/${fixed(round.bareSeconds, 1)}`).join(', ');
    return [`${r.size} articles, ${rounds.length} rounds: median ${summary('wall ratio', wall)}${cpu.length === rounds.length ? `; median ${summary('CPU ratio', cpu)}` : ''}; wall s project/bare ${seconds}`];
  });
  if (lines.length === 0) return undefined;
  return [
    ...lines,
    'Each round is a cold build of the same corpus (no output, no cache) and a bare Starlight build, one after the other; the bare build goes first in even rounds, so a slow spell falls on each side alike. The first round is the one in the table above.',
  ].join('\n');
}

/** `numerator ÷ denominator` as "1.93×"; "n/a" when the denominator is not a positive number. */
export function formatRatio(numerator: number, denominator: number): string {
  if (!(denominator > 0) || !Number.isFinite(numerator)) return 'n/a';
  return `${fixed(numerator / denominator, 2)}×`;
}

/**
 * The yardstick table: each size's whole build beside the bare Starlight build
 * of the same run, time, dist/ bytes per page and peak RSS, with their ratios.
 * Undefined when no size has a bare build.
 */
export function formatYardstickTable(results: SiteResult[]): string | undefined {
  const withBare = results.filter((r) => r.bare);
  if (withBare.length === 0) return undefined;
  const rows = withBare.map((r) => {
    const bare = r.bare!;
    const projectPerPage = (r.distBytes ?? r.distMiB * 2 ** 20) / r.pages;
    const barePerPage = bare.distBytes / bare.pages;
    const weightRatio = projectPerPage / barePerPage;
    const big = r.size >= 5000;
    const cpu = r.full.cpuSeconds !== undefined && bare.cpuSeconds !== undefined;
    return [
      String(r.size),
      `${r.pages}/${bare.pages}`,
      `${fixed(r.full.totalSeconds, 1)}/${fixed(bare.seconds, 1)}`,
      `${formatRatio(r.full.totalSeconds, bare.seconds)}${big ? mark(r.full.totalSeconds / bare.seconds <= TARGET_BARE_RATIO) : ''}`,
      cpu ? `${fixed(r.full.cpuSeconds!, 1)}/${fixed(bare.cpuSeconds!, 1)}` : '-',
      cpu ? `${formatRatio(r.full.cpuSeconds!, bare.cpuSeconds!)}${big ? mark(r.full.cpuSeconds! / bare.cpuSeconds! <= TARGET_BARE_RATIO) : ''}` : '-',
      `${fixed(projectPerPage / 1024, 1)}/${fixed(barePerPage / 1024, 1)}`,
      `${formatRatio(projectPerPage, barePerPage)}${mark(weightRatio <= TARGET_PAGE_WEIGHT_RATIO)}`,
      `${fixed(r.full.peakRssMiB, 0)}/${fixed(bare.peakRssMiB, 0)}`,
      formatRatio(r.full.peakRssMiB, bare.peakRssMiB),
    ];
  });
  return [
    table(['articles', 'pages/bare', 'wall s/bare', 'wall ratio', 'CPU s/bare', 'CPU ratio', 'KiB per page/bare', 'weight ratio', 'peak RSS MiB/bare', 'RSS ratio'], rows),
    `targets: ratio ≤ ${fixed(TARGET_BARE_RATIO, 2)} at 5,000 articles; dist/ per page ≤ ${TARGET_PAGE_WEIGHT_RATIO}× the bare page.`,
    'The bare site: Starlight defaults, a one-link sidebar, Starlight\'s Pagefind hook, as many pages as the project\'s dist/ (its 404 included), each the text of one generated source article. Both builds run in the same process, one after the other, so the ratios hold under the same load; absolute seconds do not. Wall is elapsed time (the project: briefing build + Astro + Pagefind); CPU is user + system time of every process of the build, which another engineer\'s build on the same cores stretches far less.',
  ].join('\n');
}

/** HTML bytes and indexed words per page kind; "twice" is the share of indexed words also indexed on a source page. */
export function formatKindTable(kinds: PageKindFigures[]): string {
  const rows = kinds.map((k) => [
    k.kind,
    String(k.pages),
    fixed(k.htmlBytes / 2 ** 20, 1),
    k.pages > 0 ? fixed(k.htmlBytes / k.pages / 1024, 1) : '-',
    String(k.indexedWords),
    k.pages > 0 ? fixed(k.indexedWords / k.pages, 0) : '-',
    k.indexedWords > 0 ? `${fixed((100 * k.repeatedWords) / k.indexedWords, 0)} %` : '-',
  ]);
  const pages = kinds.reduce((sum, k) => sum + k.pages, 0);
  const bytes = kinds.reduce((sum, k) => sum + k.htmlBytes, 0);
  const words = kinds.reduce((sum, k) => sum + k.indexedWords, 0);
  const repeated = kinds.reduce((sum, k) => sum + k.repeatedWords, 0);
  rows.push(['all', String(pages), fixed(bytes / 2 ** 20, 1), pages > 0 ? fixed(bytes / pages / 1024, 1) : '-', String(words), pages > 0 ? fixed(words / pages, 0) : '-', words > 0 ? `${fixed((100 * repeated) / words, 0)} %` : '-']);
  return table(['kind', 'pages', 'HTML MiB', 'KiB/page', 'indexed words', 'words/page', 'twice'], rows);
}

/**
 * Where the time goes, per size: the briefing build's phases (from its progress
 * lines), Astro's (from its log) and Pagefind, beside the bare Starlight build's
 * Astro and Pagefind. A phase a log did not report prints "-".
 */
export function formatPhaseTable(results: SiteResult[]): string | undefined {
  const profiled = results.filter((r) => r.full.briefingPhases || r.full.astroPhases);
  if (profiled.length === 0) return undefined;
  type Column = { total: number; phases: (number | undefined)[] };
  const astroRows = (astroSeconds: number, phases: AstroPhases | undefined, pagefind: number) => {
    const known = [phases?.setup, phases?.bundle, phases?.render];
    const other = known.every((v) => v !== undefined) ? astroSeconds - known.reduce((sum, v) => sum! + v!, 0)! : undefined;
    return [...known, other, pagefind];
  };
  const columns: { label: string; column: Column }[] = [];
  for (const r of profiled) {
    const b = r.full.briefingPhases ?? {};
    const diff = (to: number | undefined, from: number | undefined) => (to !== undefined && from !== undefined ? to - from : undefined);
    columns.push({
      label: `${r.size}`,
      column: {
        total: r.full.totalSeconds,
        phases: [b.pipelineDone, diff(b.pagesDone, b.pipelineDone), diff(b.writtenDone, b.pagesDone), diff(r.full.pipeline.seconds, b.writtenDone), ...astroRows(r.full.astroSeconds, r.full.astroPhases, r.full.pagefindSeconds)],
      },
    });
    if (r.bare) {
      columns.push({
        label: `${r.size} bare`,
        column: { total: r.bare.seconds, phases: [undefined, undefined, undefined, undefined, ...astroRows(r.bare.astroSeconds, r.bare.astroPhases, r.bare.pagefindSeconds)] },
      });
    }
  }
  const labels = [
    'briefing: read, load, pipeline, cache',
    'briefing: page models, MDX/HTML, page writes',
    'briefing: model, feed, sidebar writes',
    'briefing: start-up, report, stamp',
    'Astro: config, content sync, types',
    'Astro: Vite bundles',
    'Astro: render pages',
    'Astro: start-up, build stamp, rest',
    'Pagefind',
  ];
  const cell = (value: number | undefined, total: number) => (value === undefined ? '-' : `${fixed(value, 1)} (${fixed((100 * value) / total, 0)} %)`);
  const rows = labels.map((label, i) => [label, ...columns.map(({ column }) => cell(column.phases[i], column.total))]);
  rows.push(['whole build', ...columns.map(({ column }) => `${fixed(column.total, 1)}`)]);
  return table(['phase (s, share of its build)', ...columns.map((c) => `${c.label} articles`.replace(' bare articles', ' articles, bare'))], rows);
}
