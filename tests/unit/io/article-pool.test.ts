import { describe, expect, it } from 'vitest';
import { generateCorpus } from '../../../scripts/bench/corpus.ts';
import { readSeeds } from '../../../scripts/bench/seeds.ts';
import { MIN_PARALLEL_ARTICLES, articlePool } from '../../../scripts/io/article-pool.ts';
import { runPipeline } from '../../../scripts/pipeline/run.ts';
import { runCachedPipeline } from '../../../scripts/io/pipeline-runner.ts';

describe('articlePool', () => {
  it('gives the same model as one thread, in the same order', async () => {
    const { seeds, registryFiles } = readSeeds(new URL('../../../', import.meta.url), 'tests/fixtures/seed-story');
    const inputs = { ...generateCorpus({ size: MIN_PARALLEL_ARTICLES + 16, seed: 5, seeds, registryFiles }).inputs, codeVersion: 'test' };
    const alone = runPipeline(inputs);
    const pool = articlePool(inputs.articles.length);
    try {
      const shared = runCachedPipeline(inputs, undefined, pool.workers);
      expect(JSON.stringify(shared)).toBe(JSON.stringify(alone));
    } finally {
      await pool.close();
    }
  }, 120_000);
});
