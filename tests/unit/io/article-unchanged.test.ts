import { describe, expect, it } from 'vitest';
import { readInputs } from '../../../scripts/io/read-inputs.ts';
import { hostileCorpus } from '../../fixtures/hostile-corpus.ts';
import { processArticle, registryContext, segmentCorpus, type PipelineInputs } from '../../../scripts/pipeline/run.ts';

/** Freezes `value` and everything it holds: any write to it then throws (modules are strict). */
function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}

/**
 * The pipeline worker sends back its results without their articles, and the
 * sending thread puts its own copy back (scripts/io/article-worker.ts): that is
 * only the same model if the per-article stages never change the article.
 */
function checkUnchanged(inputs: Pick<PipelineInputs, 'articles' | 'sources' | 'registryFiles'>): number {
  const { diagnostics: _diagnostics, ...registry } = registryContext(inputs.registryFiles);
  const articles = segmentCorpus(inputs).segmented;
  for (const article of articles) {
    const before = JSON.stringify(article);
    const fresh = processArticle(structuredClone(article), registry);
    const frozen = processArticle(deepFreeze(article), registry);
    expect(JSON.stringify(article), article.file).toBe(before);
    expect(JSON.stringify(frozen), article.file).toBe(JSON.stringify(fresh));
  }
  return articles.length;
}

describe('the per-article stages', () => {
  it('never change the article they are given', () => {
    expect(checkUnchanged(readInputs(new URL('../../../', import.meta.url), 'tests/fixtures/seed-story'))).toBeGreaterThan(0);
  });

  // Some 140 articles with payloads in every input place, each processed twice: half a second here, more on a busy machine.
  it('never change a hostile article either', { timeout: 30_000 }, () => {
    expect(checkUnchanged(hostileCorpus())).toBeGreaterThan(100);
  });
});
