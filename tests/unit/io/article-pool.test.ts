import { describe, expect, it } from 'vitest';
import { generateCorpus } from '../../../scripts/bench/corpus.ts';
import { readSeeds } from '../../../scripts/bench/seeds.ts';
import { MIN_PARALLEL_ARTICLES, MIN_PARALLEL_NETWORKS, WORKER_ALONE, articlePool } from '../../../scripts/io/article-pool.ts';
import { buildSite } from '../../../scripts/pipeline/site.ts';
import { runPipeline } from '../../../scripts/pipeline/run.ts';
import { runCachedPipeline } from '../../../scripts/io/pipeline-runner.ts';

describe('articlePool', () => {
  it('gives the same model and pages as one thread, in the same order', async () => {
    const { seeds, registryFiles } = readSeeds(new URL('../../../', import.meta.url), 'tests/fixtures/seed-story');
    const inputs = { ...generateCorpus({ size: MIN_PARALLEL_ARTICLES + 16, seed: 5, seeds, registryFiles }).inputs, codeVersion: 'test' };
    const alone = runPipeline(inputs);
    const pool = articlePool(inputs.articles.length);
    try {
      const shared = runCachedPipeline(inputs, undefined, pool.workers);
      expect(JSON.stringify(shared)).toBe(JSON.stringify(alone));
      // Both threads did some of the per-article stages: the worker at least its own share, this thread the rest.
      const split = pool.articleSplit();
      expect(split!.here + split!.worker).toBe(inputs.articles.length);
      expect(split!.worker).toBeGreaterThanOrEqual(Math.floor(inputs.articles.length * WORKER_ALONE));
      expect(split!.here).toBeGreaterThan(0);
      // The pages too, with most ego networks laid out on the worker.
      expect(alone.entities.filter((entity) => entity.kind === 'actor').length).toBeGreaterThanOrEqual(MIN_PARALLEL_NETWORKS);
      const pages = buildSite(shared, inputs.settings, undefined, pool.site).files;
      expect(pages.some((file) => file.file.startsWith('src/generated/pages/actors/') && file.source.includes('"name":"charts/Network"'))).toBe(true);
      expect(pages).toEqual(buildSite(alone, inputs.settings).files);
    } finally {
      await pool.close();
    }
  }, 120_000);
});
