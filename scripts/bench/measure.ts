/**
 * One benchmark size, run in its own process so its peak RSS is its own:
 * `npx node scripts/bench/measure.ts --size 1000 [--no-stages] [--seed 1]`.
 * Prints one JSON line (`SizeResult`) on stdout, after a `BENCH_RESULT ` marker.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';
import { generateCorpus } from './corpus.ts';
import { readSeeds } from './seeds.ts';
import { timeStages, type StageTimes } from './stages.ts';
import { loadCache, saveCache } from '../io/cache.ts';
import { articlePool } from '../io/article-pool.ts';
import { startEarly } from '../io/pool-thread.ts';
import { runCachedPipeline } from '../io/pipeline-runner.ts';
import { buildSite } from '../pipeline/site.ts';
import { detectSharedPassages } from '../pipeline/relate/index.ts';

export interface SizeResult {
  size: number;
  words: number;
  nearCopies: number;
  generateSeconds: number;
  coldSeconds: number;
  warmSeconds: number;
  cacheHits: number;
  mdxSeconds: number;
  mdxFiles: number;
  sharedSeconds: number;
  sharedPassages: number;
  peakRssMiB: number;
  counts: { mentions: number; statements: number; candidates: number; claimGroups: number; diagnostics: number };
  stages?: StageTimes;
}

function argument(name: string): string | undefined {
  const at = process.argv.indexOf(name);
  return at === -1 ? undefined : process.argv[at + 1];
}

function seconds<T>(label: string, run: () => T): [T, number] {
  const started = performance.now();
  const value = run();
  const elapsed = (performance.now() - started) / 1000;
  // Progress on stderr (the parent passes it through); stdout carries only the result.
  console.error(`bench:   ${size} articles: ${label} ${elapsed.toFixed(2)} s`);
  return [value, elapsed];
}

const size = Number(argument('--size') ?? 100);
const seed = Number(argument('--seed') ?? 1);
const root = new URL('../../', import.meta.url);

// As the build does (scripts/build-briefings.ts), the pool's first thread is started before the
// pipeline, and loads the stages' modules meanwhile.
const firstThread = startEarly(size);
const { seeds, registryFiles } = readSeeds(root);
const [corpus, generateSeconds] = seconds('generate corpus', () => generateCorpus({ size, seed, seeds, registryFiles }));
// A fixed code version: both runs must share cache keys, as two builds of unchanged code do.
const inputs = { ...corpus.inputs, codeVersion: 'bench' };

const temp = mkdtempSync(join(tmpdir(), 'briefing-bench-'));
const tempRoot = pathToFileURL(`${temp}/`);
try {
  // Cold: empty file cache, as a first build.
  // The per-article stages on two threads, as the build runs them (scripts/io/article-pool.ts).
  const pool = articlePool(inputs.articles.length, firstThread);
  // The cold run's model is not kept: a re-run is a new build, whose process holds no earlier model.
  const [, coldSeconds] = seconds('pipeline (cold)', () => {
    const cache = loadCache(tempRoot);
    runCachedPipeline(inputs, cache, pool.workers);
    saveCache(tempRoot, cache);
  });
  // Warm: a new build (new cache object) over the same files, nothing changed.
  const [[model, warm], warmSeconds] = seconds('pipeline (re-run, cached)', () => {
    const cache = loadCache(tempRoot);
    const result = runCachedPipeline(inputs, cache);
    saveCache(tempRoot, cache);
    return [result, cache] as const;
  });
  await pool.close();
  const [site, mdxSeconds] = seconds('buildSite (MDX)', () => buildSite(model, inputs.settings));
  const [shared, sharedSeconds] = seconds('detectSharedPassages', () => detectSharedPassages(model.articles));
  const peakRssMiB = process.resourceUsage().maxRSS / 1024;

  const result: SizeResult = {
    size,
    words: corpus.stats.words,
    nearCopies: corpus.stats.nearCopies,
    generateSeconds,
    coldSeconds,
    warmSeconds,
    cacheHits: warm.hits,
    mdxSeconds,
    mdxFiles: site.files.length,
    sharedSeconds,
    sharedPassages: shared.length,
    peakRssMiB,
    counts: {
      mentions: model.mentions.length,
      statements: model.statements.length,
      candidates: model.candidates.length,
      claimGroups: model.claimGroups.length,
      diagnostics: model.diagnostics.length,
    },
  };
  if (!process.argv.includes('--no-stages')) result.stages = seconds('stage profile run', () => timeStages(inputs))[0];
  console.log(`BENCH_RESULT ${JSON.stringify(result)}`);
} finally {
  rmSync(temp, { recursive: true, force: true });
}
