import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadCache } from '../../../scripts/io/cache.ts';
import { generateCorpus } from '../../../scripts/bench/corpus.ts';
import { readSeeds } from '../../../scripts/bench/seeds.ts';
import { MIN_PARALLEL_ARTICLES, articlePool } from '../../../scripts/io/article-pool.ts';
import { runPipeline } from '../../../scripts/pipeline/run.ts';

describe('articlePool', () => {
  it('gives the same model as one thread, in the same order, and writes the cache from the worker', async () => {
    const { seeds, registryFiles } = readSeeds(new URL('../../../', import.meta.url));
    const inputs = { ...generateCorpus({ size: MIN_PARALLEL_ARTICLES + 16, seed: 5, seeds, registryFiles }).inputs, codeVersion: 'test' };
    const alone = runPipeline(inputs);
    const pool = articlePool(inputs.articles.length);
    const temp = mkdtempSync(join(tmpdir(), 'briefing-pool-'));
    try {
      const root = pathToFileURL(`${temp}/`);
      const shared = runPipeline(inputs, loadCache(root, { writeFile: pool.writeFile }), pool.workers);
      expect(JSON.stringify(shared)).toBe(JSON.stringify(alone));
      pool.flush();
      // Every article and the corpus entry are on disk once flushed, and a new run reads them all back.
      expect(readdirSync(join(temp, '.cache', 'briefing'))).toHaveLength(inputs.articles.length + 1);
      const warm = loadCache(root);
      expect(JSON.stringify(runPipeline(inputs, warm))).toBe(JSON.stringify(alone));
      expect(warm.hits).toBe(inputs.articles.length);
    } finally {
      await pool.close();
      rmSync(temp, { recursive: true, force: true });
    }
  }, 120_000);

  it('writes files in the order it was given them, and a flush reports a write that failed', async () => {
    const pool = articlePool(MIN_PARALLEL_ARTICLES);
    const temp = mkdtempSync(join(tmpdir(), 'briefing-pool-'));
    try {
      for (let index = 0; index < 50; index++) pool.writeFile(join(temp, 'same.txt'), String(index));
      pool.flush();
      expect(readFileSync(join(temp, 'same.txt'), 'utf8')).toBe('49');
      pool.writeFile(join(temp, 'no-such-folder', 'x.txt'), 'x');
      expect(() => pool.flush()).toThrow(/could not write .*no-such-folder/);
      // The error is reported once; later writes go on.
      pool.writeFile(join(temp, 'after.txt'), 'after');
      pool.flush();
      expect(readFileSync(join(temp, 'after.txt'), 'utf8')).toBe('after');
    } finally {
      await pool.close();
      rmSync(temp, { recursive: true, force: true });
    }
  }, 60_000);
});
