/**
 * The pipeline of scripts/pipeline/run.ts again, with a timer around every
 * stage, for the benchmark's profile. Kept in step with `runPipeline` by
 * hand (same calls, same order); the timings, not the output, are the point.
 */
import { performance } from 'node:perf_hooks';
import type { Article, DateMention, Mention, Quote, SegmentedArticle, Statement, UnresolvedDate } from '../pipeline/model.ts';
import type { PipelineInputs } from '../pipeline/run.ts';
import { ingestArticle, dedupeSlugs } from '../pipeline/ingest/index.ts';
import { segmentArticle } from '../pipeline/segment/index.ts';
import { loadRegistry } from '../pipeline/registry/index.ts';
import { buildAliasIndex, linkMentions } from '../pipeline/link/index.ts';
import { discoverCandidates } from '../pipeline/discover/index.ts';
import { extractDates } from '../pipeline/extract/dates/index.ts';
import { extractQuotes } from '../pipeline/extract/quotes/index.ts';
import { extractDescriptors } from '../pipeline/extract/descriptors/index.ts';
import { buildStatements } from '../pipeline/extract/statements/index.ts';
import { detectSharedPassages, groupClaims, buildRelations } from '../pipeline/relate/index.ts';

export type StageTimes = Record<string, number>;

/** Milliseconds per stage for one uncached run. */
export function timeStages(inputs: PipelineInputs, onCorpusStage?: (stage: string, ms: number) => void): StageTimes {
  const times: StageTimes = {};
  const timed = <T>(stage: string, run: () => T): T => {
    const started = performance.now();
    const value = run();
    times[stage] = (times[stage] ?? 0) + performance.now() - started;
    return value;
  };

  const registry = timed('registry (load + alias index)', () => loadRegistry(inputs.registryFiles));
  const index = timed('registry (load + alias index)', () => buildAliasIndex(registry.entities));
  const ingested: Article[] = [];
  for (const input of inputs.articles) {
    const result = timed('ingest', () => ingestArticle({ file: input.file, bytes: input.bytes }));
    if (result.article) ingested.push(result.article);
  }
  const articles: SegmentedArticle[] = [];
  const mentions: Mention[] = [];
  const statements: Statement[] = [];
  const quotes: Quote[] = [];
  for (const ingestedArticle of timed('ingest', () => dedupeSlugs(ingested))) {
    const article = timed('segment', () => segmentArticle(ingestedArticle));
    const linked = timed('link', () => linkMentions(article, index));
    const datesBySentence = new Map<string, DateMention[]>();
    const unresolved: UnresolvedDate[] = [];
    timed('extract: dates', () => {
      for (const paragraph of article.paragraphs) {
        for (const sentence of paragraph.sentences) {
          const found = extractDates(sentence.text, article.meta.published);
          if (found.mentions.length > 0) datesBySentence.set(sentence.id, found.mentions);
          for (const item of found.unresolved) unresolved.push({ articleSlug: article.slug, sentenceId: sentence.id, text: item.text });
        }
      }
    });
    const articleQuotes = timed('extract: quotes', () => extractQuotes(article, linked, registry.entities));
    timed('extract: descriptors', () => extractDescriptors(article, linked, registry.entities));
    const articleStatements = timed('extract: statements', () => buildStatements(article, linked, datesBySentence, articleQuotes));
    articles.push(article);
    mentions.push(...linked);
    statements.push(...articleStatements);
    quotes.push(...articleQuotes);
  }
  onCorpusStage?.('per-article stages', Object.values(times).reduce((a, b) => a + b, 0));
  const shared = timed('relate: detectSharedPassages', () => detectSharedPassages(articles));
  timed('discover: discoverCandidates', () => discoverCandidates(articles, mentions));
  timed('relate: groupClaims', () => groupClaims({ entities: registry.entities, statements, quotes, articles, shared }));
  timed('relate: buildRelations', () => buildRelations(statements));
  for (const stage of ['relate: detectSharedPassages', 'discover: discoverCandidates', 'relate: groupClaims', 'relate: buildRelations']) onCorpusStage?.(stage, times[stage] ?? 0);
  return times;
}
