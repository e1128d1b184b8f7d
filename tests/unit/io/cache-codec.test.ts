import { describe, expect, it } from 'vitest';
import { packResult, unpackResult } from '../../../scripts/io/cache-codec.ts';
import { readInputs } from '../../../scripts/io/read-inputs.ts';
import { hostileCorpus } from '../../fixtures/hostile-corpus.ts';
import { registryContext, type ArticleResult, type PipelineInputs } from '../../../scripts/pipeline/run.ts';
import { inThisThread } from '../../../scripts/io/pipeline-runner.ts';
import { ingestArticle } from '../../../scripts/pipeline/ingest/index.ts';
import { segmentArticle } from '../../../scripts/pipeline/segment/index.ts';

function results(inputs: Pick<PipelineInputs, 'articles' | 'registryFiles'>): ArticleResult[] {
  const { diagnostics: _diagnostics, ...registry } = registryContext(inputs.registryFiles);
  const articles = inputs.articles.flatMap((input) => ingestArticle({ file: input.file, bytes: input.bytes }).article ?? []).map(segmentArticle);
  return inThisThread.processArticles(articles, registry).results;
}

const throughJson = (result: ArticleResult) => unpackResult(JSON.parse(JSON.stringify(packResult(result))));

describe('the cache codec', () => {
  const seed = results(readInputs(new URL('../../../', import.meta.url), 'tests/fixtures/seed-story'));

  it('gives back exactly the results it packed, key order included, and writes far less', () => {
    let before = 0;
    let after = 0;
    for (const result of seed) {
      const json = JSON.stringify(result);
      expect(JSON.stringify(throughJson(result))).toBe(json);
      before += json.length;
      after += JSON.stringify(packResult(result)).length;
    }
    expect(after / before).toBeLessThan(0.7);
  });

  // The hostile corpus holds some 140 articles (payloads in every input place): more than the default 5 s on a busy machine.
  it('round-trips hostile articles (emoji, right-to-left text, entities, control characters)', { timeout: 60_000 }, () => {
    const corpus = hostileCorpus();
    for (const result of results(corpus)) expect(JSON.stringify(throughJson(result)), result.article.file).toBe(JSON.stringify(result));
  });

  it('keeps a field whose copy differs from what it would be rebuilt from', () => {
    const original = seed[0]!;
    const result = structuredClone(original);
    const sentence = result.article.paragraphs[0]!.sentences[0]!;
    sentence.text = `${sentence.text} (edited)`;
    result.statements[0]!.text = 'Not the sentence';
    result.mentions[0]!.articleSlug = 'another-article';
    const packed = JSON.stringify(packResult(result));
    expect(packed).toContain('(edited)');
    expect(packed).toContain('Not the sentence');
    expect(JSON.stringify(unpackResult(JSON.parse(packed)))).toBe(JSON.stringify(result));
  });

  it('reads an entry written before the compact form unchanged', () => {
    const result = seed[1]!;
    expect(JSON.stringify(unpackResult(JSON.parse(JSON.stringify(result))))).toBe(JSON.stringify(result));
  });
});
