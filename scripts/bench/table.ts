/** Plain-text tables for the benchmark results (pure). */
import type { SizeResult } from './measure.ts';

export const TARGET_ARTICLES_PER_SECOND = 200;
export const TARGET_SPEED_UP = 10;

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
    `"shared-text s" is detectSharedPassages alone on the segmented articles; "MDX s" is buildSite (assemble + emit, no file writes).`,
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
