/**
 * `npm run bench [-- --sizes 100,1000] [--quick] [--no-stages] [--no-site] [--no-bare] [--rounds N] [--keep] [--json out.json]`
 *
 * Benchmarks the briefing pipeline on synthetic corpora (scripts/bench/corpus.ts)
 * of 100, 1,000 and 5,000 articles, then the whole build (pipeline, Astro,
 * Pagefind) of each in a temp copy of the project. Each measurement runs in
 * its own child process (measure.ts, site-build.ts) so its peak RSS is its
 * own. Each whole build is followed, in the same child, by the yardstick: a
 * bare Starlight site of the same page count (bare-site-build.ts), and the
 * tables give the ratio of the two.
 */
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { SizeResult } from './measure.ts';
import type { SiteResult } from './site-figures.ts';
import { formatKindTable, formatPhaseTable, formatRounds, formatSiteTable, formatStages, formatTable, formatYardstickTable } from './table.ts';
import { BUILD_NODE_FLAGS } from './node-flags.ts';

function argument(name: string): string | undefined {
  const at = process.argv.indexOf(name);
  return at === -1 ? undefined : process.argv[at + 1];
}

const sizes = process.argv.includes('--quick')
  ? [100]
  : (argument('--sizes') ?? '100,1000,5000').split(',').map((s) => Number(s.trim())).filter((n) => Number.isInteger(n) && n > 0);
const passThrough = process.argv.filter((arg) => arg === '--no-stages');
const rounds = argument('--rounds');
const sitePassThrough = [...process.argv.filter((arg) => arg === '--no-bare' || arg === '--keep' || arg === '--bare-parallel'), ...(rounds ? ['--rounds', rounds] : [])];
const seed = argument('--seed');
const measureScript = fileURLToPath(new URL('./measure.ts', import.meta.url));
const siteScript = fileURLToPath(new URL('./site-build.ts', import.meta.url));

/** Runs one child measurement and returns the JSON after its `marker` line. */
function child<T>(script: string, size: number, marker: string, extra: string[]): Promise<T> {
  return new Promise((resolve, reject) => {
    const args = [...BUILD_NODE_FLAGS, script, '--size', String(size), ...extra, ...(seed ? ['--seed', seed] : [])];
    const spawned = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    spawned.stdout.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
    spawned.on('error', reject);
    spawned.on('close', (code) => {
      const line = out.split('\n').find((l) => l.startsWith(marker));
      if (code !== 0 || !line) return reject(new Error(`bench: ${script} at size ${size} failed (exit ${code})\n${out}`));
      resolve(JSON.parse(line.slice(marker.length)) as T);
    });
  });
}

const results: SizeResult[] = [];
const sites: SiteResult[] = [];
for (const size of sizes) {
  console.error(`bench: ${size} articles…`);
  const result = await child<SizeResult>(measureScript, size, 'BENCH_RESULT ', passThrough);
  results.push(result);
  console.error(`bench: ${size} articles: cold ${result.coldSeconds.toFixed(2)} s, re-run ${result.warmSeconds.toFixed(2)} s, MDX ${result.mdxSeconds.toFixed(2)} s`);
  if (!process.argv.includes('--no-site')) {
    const site = await child<SiteResult>(siteScript, size, 'BENCH_SITE ', sitePassThrough);
    sites.push(site);
    const bare = site.bare ? `, bare Starlight ${site.bare.seconds.toFixed(1)} s (ratio ${(site.full.totalSeconds / site.bare.seconds).toFixed(2)})` : '';
    console.error(`bench: ${size} articles: whole build ${site.full.totalSeconds.toFixed(1)} s, rebuild ${site.rebuild.totalSeconds.toFixed(1)} s${site.addOne ? `, one article added ${site.addOne.totalSeconds.toFixed(1)} s` : ''}${bare}`);
  }
}
console.log(formatTable(results));
const stages = formatStages(results);
if (stages) console.log(`\n${stages}`);
if (sites.length > 0) console.log(`\nWhole build (briefing build, then Astro + Starlight + Pagefind, in a temp copy of the project):\n${formatSiteTable(sites)}`);
const yardstick = formatYardstickTable(sites);
if (yardstick) console.log(`\nAgainst a bare Starlight site of the same page count, built in the same run right after:\n${yardstick}`);
const paired = formatRounds(sites);
if (paired) console.log(`\nThe ratio over several rounds (--rounds):\n${paired}`);
const phases = formatPhaseTable(sites);
if (phases) console.log(`\nWhere the whole build's time goes (from the steps' own logs):\n${phases}`);
for (const site of sites) if (site.kinds) console.log(`\nPages by kind at ${site.size} articles (HTML in dist/, words Pagefind indexed):\n${formatKindTable(site.kinds)}`);
const jsonFile = argument('--json');
if (jsonFile) writeFileSync(jsonFile, JSON.stringify({ pipeline: results, site: sites }, null, 2));
