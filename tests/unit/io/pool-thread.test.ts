import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { MIN_PARALLEL_ARTICLES, startEarly } from '../../../scripts/io/pool-thread.ts';
import { articlePool } from '../../../scripts/io/article-pool.ts';
import { corpusSources } from '../../../scripts/pipeline/run.ts';
import { generateCorpus } from '../../../scripts/bench/corpus.ts';
import { readSeeds } from '../../../scripts/bench/seeds.ts';

const poolThread = fileURLToPath(new URL('../../../scripts/io/pool-thread.ts', import.meta.url));

describe('startEarly', () => {
  it('starts no thread for a run too small to use one', () => {
    expect(startEarly(MIN_PARALLEL_ARTICLES - 1)).toBeUndefined();
  });

  it('does not keep a process alive that never makes the pool (a build that fails first)', () => {
    // The thread loads the stages' modules for a second or more: a ref'd thread would keep the
    // process up until it is terminated; this one must let the script end, with its exit code.
    // A script file, not `--eval`: the thread inherits the process's flags, and `--input-type` would stop it loading.
    const script = join(mkdtempSync(join(tmpdir(), 'pool-thread-')), 'fails-first.mjs');
    writeFileSync(script, `import { startEarly } from ${JSON.stringify(pathToFileURL(poolThread).href)};\nif (!startEarly(1000)) process.exit(3);\nprocess.exitCode = 7;\n`);
    const run = spawnSync(process.execPath, [script], { timeout: 60_000, encoding: 'utf8' });
    expect(run.error).toBeUndefined();
    expect(run.status, run.stderr).toBe(7);
  }, 90_000);

  it('gives the pool its first thread, which then works and keeps the pool alive until it is closed', async () => {
    const { seeds, registryFiles } = readSeeds(new URL('../../../', import.meta.url), 'tests/fixtures/seed-story');
    const inputs = generateCorpus({ size: MIN_PARALLEL_ARTICLES * 4, seed: 9, seeds, registryFiles }).inputs;
    const first = startEarly(inputs.articles.length)!;
    let exited = false;
    first.once('exit', () => (exited = true));
    const pool = articlePool(inputs.articles.length, first);
    try {
      // Wait for the thread to load, with a first job, then share a second one with it.
      const sources = corpusSources(inputs);
      pool.workers.segmentInputs(inputs.articles.slice(0, MIN_PARALLEL_ARTICLES), sources.entries);
      pool.workers.segmentInputs(inputs.articles, sources.entries);
      expect(pool.segmentSplit()!.worker).toBeGreaterThan(0);
      expect(exited).toBe(false);
    } finally {
      await pool.close();
    }
    // `close` ended it, as it ends the threads the pool started itself.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(exited).toBe(true);
  }, 120_000);
});
